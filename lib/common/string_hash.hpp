// actorgraph — hash maps and sets keyed by std::string that are looked up by
// std::string_view (token keys are views), without building a std::string per lookup; and
// KeyFilter, a Bloom filter that spares such a lookup for keys certainly absent.
#pragma once

#include "common/bytes.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace actorgraph {

// A key with its bytes::HashKey worked out already (tokens carry theirs, text::Token::hash):
// the maps, sets and filters below take it without hashing the key again.
struct HashedKey {
  std::string_view key;
  std::uint64_t hash;
};

// bytes::HashKey rather than std::hash (murmur, an out-of-line call): these maps are looked
// up per token.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return bytes::HashKey(s); }
  std::size_t operator()(const HashedKey& k) const noexcept { return k.hash; }
};
struct StringEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
  bool operator()(const HashedKey& a, std::string_view b) const noexcept { return a.key == b; }
  bool operator()(std::string_view a, const HashedKey& b) const noexcept { return a == b.key; }
};

// A Bloom filter over string keys that answers from one 64-bit word, placed before a hash-map
// lookup that most probes miss (a capitalised word is rarely a known surname): "certainly
// not in the set" costs a hash and one load instead of a walk through the map's nodes.
// 16 bits of filter and 2 bits set per key: about 1.4 % false positives. Until Reset() is
// called it lets every key through.
class KeyFilter {
 public:
  void Reset(std::size_t expected_keys) {
    std::size_t words = 1;
    while (words * 64 < expected_keys * 16) words <<= 1;
    words_.assign(words, 0);
  }
  void Add(std::string_view key) {
    const std::uint64_t h = bytes::HashKey(key);
    words_[Index(h)] |= Bits(h);
  }
  bool MayContain(std::string_view key) const { return MayContain(HashedKey{key, bytes::HashKey(key)}); }
  bool MayContain(const HashedKey& key) const {
    if (words_.empty()) return true;
    const std::uint64_t bits = Bits(key.hash);
    return (words_[Index(key.hash)] & bits) == bits;
  }

 private:
  static std::uint64_t Bits(std::uint64_t h) { return (1ULL << (h & 63)) | (1ULL << ((h >> 6) & 63)); }
  std::size_t Index(std::uint64_t h) const { return static_cast<std::size_t>(h >> 32) & (words_.size() - 1); }
  std::vector<std::uint64_t> words_;
};

template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, StringEqual>;
using StringSet = std::unordered_set<std::string, StringHash, StringEqual>;

}  // namespace actorgraph

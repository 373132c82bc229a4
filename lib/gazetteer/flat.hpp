// actorgraph — the matcher's flat tables (internal to the gazetteer stage).
//
// The token trie lives in three arrays that are built once by Gazetteer::Compile and then
// only read, so they are plain vectors of plain structs: no pointers, no per-entry
// allocation, one cache line touched per probe, and the same bytes can be written to and
// read from the compiled cache (lib/gazetteer/cache.cpp) as they are.
//
//   Vocabulary  token key → token id, open addressing with linear probing. The id of a key
//               is its slot index; the slot also holds the trie child of the root for that
//               token, so the first step of every match costs no second lookup.
//   Edges       (node, token id) → child node, open addressing with linear probing.
//
// Both tables are sized to a power of two at most half full.
#pragma once

#include "common/bytes.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::gazetteer::flat {

// The hashes live in common/bytes.hpp, shared with the string-keyed maps.
using bytes::HashKey;

inline std::size_t TableSize(std::size_t entries) {
  std::size_t size = 16;
  while (size < entries * 2) size <<= 1;
  return size;
}

constexpr std::uint32_t kNone = UINT32_MAX;

// The blocked Bloom filters of both tables: about 8 bits a key, one 64-bit word a key with
// three bits set in it. The hash bits from `word_shift` up choose the word, three 6-bit fields
// from `bit_shift` up the bits, so that each table can keep them apart from the bits that
// choose its slot. A filter is a power of two of words.
struct BloomFilter {
  int word_shift;
  int bit_shift;

  static std::size_t Words(std::size_t keys) {
    std::size_t words = 1;
    while (words * 64 < keys * 8) words <<= 1;
    return words;
  }
  std::uint64_t Bits(std::uint64_t h) const {
    return (std::uint64_t{1} << ((h >> bit_shift) & 63)) | (std::uint64_t{1} << ((h >> (bit_shift + 6)) & 63)) |
           (std::uint64_t{1} << ((h >> (bit_shift + 12)) & 63));
  }
  std::size_t Word(const std::vector<std::uint64_t>& filter, std::uint64_t h) const {
    return static_cast<std::size_t>(h >> word_shift) & (filter.size() - 1);
  }
  void Add(std::vector<std::uint64_t>& filter, std::uint64_t h) const { filter[Word(filter, h)] |= Bits(h); }
  bool MayContain(const std::vector<std::uint64_t>& filter, std::uint64_t h) const {
    const std::uint64_t bits = Bits(h);
    return (filter[Word(filter, h)] & bits) == bits;
  }
};

// The first 16 bytes of a key, zero-padded, as two words. The key has at least eight
// readable bytes after it when it is shorter than 16 (token keys do, text::Token), so the
// loads take no branch on its length but the one choosing between one word and two.
inline void KeyWords(std::string_view key, std::uint64_t* k0, std::uint64_t* k1) {
  const std::size_t n = key.size();
  std::uint64_t w;
  std::memcpy(&w, key.data(), 8);
  *k0 = w & bytes::LowBytes(n < 8 ? n : 8);
  *k1 = 0;
  if (n > 8) {
    std::memcpy(&w, key.data() + 8, 8);
    *k1 = w & bytes::LowBytes(n < 16 ? n - 8 : 8);
  }
}

// A slot holds the first 16 bytes of its key (most keys whole), so that a probe costs one
// cache line, and the root's trie child with that node's flags, so that the matcher's first
// step costs no other lookup. 32 bytes, aligned: a slot never straddles two cache lines.
struct alignas(32) VocabSlot {
  std::uint64_t k0 = 0, k1 = 0;  // the key's first 16 bytes, zero-padded (KeyWords)
  std::uint32_t offset = 0;      // all its bytes in Vocabulary::keys
  std::uint32_t length = kNone;  // kNone: empty slot
  std::uint32_t root_child = 0;  // trie node reached from the root by this token; 0 = none
  std::uint32_t root_flags = 0;  // that node's flags (Gazetteer's node_flags), set from them
                                 // after Compile and after a load; 0 = none
};
static_assert(sizeof(VocabSlot) == 32);

struct Vocabulary {
  std::vector<VocabSlot> slots;
  std::string keys;
  // A blocked Bloom filter over the keys' hashes, about 8 bits a key (a 256 KB filter for
  // 200k keys stays in the L2 cache): most tokens of a text that no alias has are turned
  // away here, without touching the much larger table.
  std::vector<std::uint64_t> filter;
  static constexpr BloomFilter kFilter{20, 0};  // the layout of the compiled file

  bool MayContain(std::uint64_t h) const { return kFilter.MayContain(filter, h); }

  // The first stage of a prefetch, well ahead: the filter word of a key with hash `h`.
  void PrefetchFilter(std::uint64_t h) const { __builtin_prefetch(&filter[kFilter.Word(filter, h)]); }

  // Starts loading the slot of a key with hash `h` into the cache, when the key may be
  // there: scanning a text, the probe of a later token overlaps with the current one.
  void Prefetch(std::uint64_t h) const {
    if (MayContain(h)) __builtin_prefetch(&slots[h & (slots.size() - 1)]);
  }

  // Token id of `key` (its slot), or kNone; `h` is HashKey(key), and `key` is readable as
  // KeyWords asks. Precondition: !slots.empty().
  std::uint32_t Find(std::string_view key, std::uint64_t h) const {
    if (!MayContain(h)) return kNone;
    std::uint64_t k0, k1;
    KeyWords(key, &k0, &k1);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const VocabSlot& s = slots[i];
      if (s.length == kNone) return kNone;
      if (s.k0 == k0 && s.k1 == k1 && s.length == key.size() &&
          (key.size() <= 16 || bytes::Equal(keys.data() + s.offset + 16, key.data() + 16, key.size() - 16))) {
        return static_cast<std::uint32_t>(i);
      }
    }
  }

  // Builds the table from distinct keys; ids_out[k] receives the id of keys[k].
  void Build(const std::vector<std::string_view>& distinct, std::vector<std::uint32_t>* ids_out) {
    slots.assign(TableSize(distinct.size()), VocabSlot{});
    filter.assign(BloomFilter::Words(distinct.size()), 0);
    keys.clear();
    ids_out->resize(distinct.size());
    const std::size_t mask = slots.size() - 1;
    for (std::size_t k = 0; k < distinct.size(); ++k) {
      const std::string_view key = distinct[k];
      const std::uint64_t h = HashKey(key);
      kFilter.Add(filter, h);
      std::size_t i = h & mask;
      while (slots[i].length != kNone) i = (i + 1) & mask;
      VocabSlot& slot = slots[i];
      const std::size_t first = key.size() < 8 ? key.size() : 8;
      slot.k0 = bytes::LoadUpTo8(key.data(), first);
      slot.k1 = bytes::LoadUpTo8(key.data() + first, std::min<std::size_t>(key.size() - first, 8));
      slot.offset = static_cast<std::uint32_t>(keys.size());
      slot.length = static_cast<std::uint32_t>(key.size());
      keys.append(key);
      (*ids_out)[k] = static_cast<std::uint32_t>(i);
    }
  }
};

struct EdgeSlot {
  std::uint32_t node = 0;
  std::uint32_t token = 0;
  std::uint32_t child = 0;  // 0: empty slot (the root is never a child)
};

struct Edges {
  std::vector<EdgeSlot> slots;
  // A blocked Bloom filter over the edges' hashes, about 8 bits an edge, made from the slots
  // by BuildFilter (not stored in the compiled file). Scanning text asks mostly for edges
  // that do not exist (86 % of the lookups on the benchmark prose); the filter, small enough
  // for the cache, turns them away without a probe of the large table. Empty: lets all
  // through.
  std::vector<std::uint64_t> filter;
  static constexpr BloomFilter kFilter{42, 24};  // apart from the low bits that pick the slot

  static std::uint64_t Hash(std::uint32_t node, std::uint32_t token) { return bytes::HashPair(node, token); }
  bool MayContain(std::uint64_t h) const { return filter.empty() || kFilter.MayContain(filter, h); }
  void BuildFilter() {
    std::size_t count = 0;
    for (const auto& s : slots) count += s.child != 0;
    filter.assign(BloomFilter::Words(count), 0);
    for (const auto& s : slots) {
      if (s.child != 0) kFilter.Add(filter, Hash(s.node, s.token));
    }
  }

  // Starts loading the slot where the edge (node, token) would be, when it may exist.
  void Prefetch(std::uint32_t node, std::uint32_t token) const {
    if (slots.empty()) return;
    const std::uint64_t h = Hash(node, token);
    if (MayContain(h)) __builtin_prefetch(&slots[h & (slots.size() - 1)]);
  }

  std::uint32_t Child(std::uint32_t node, std::uint32_t token) const {
    if (slots.empty()) return 0;
    const std::uint64_t h = Hash(node, token);
    if (!MayContain(h)) return 0;
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const EdgeSlot& s = slots[i];
      if (s.child == 0) return 0;
      if (s.node == node && s.token == token) return s.child;
    }
  }

  void Reserve(std::size_t entries) { slots.assign(TableSize(entries), EdgeSlot{}); }

  // Precondition: Reserve was called with room for this edge, and it is new.
  void Insert(std::uint32_t node, std::uint32_t token, std::uint32_t child) {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = Hash(node, token) & mask;
    while (slots[i].child != 0) i = (i + 1) & mask;
    slots[i] = EdgeSlot{node, token, child};
  }
};

}  // namespace actorgraph::gazetteer::flat

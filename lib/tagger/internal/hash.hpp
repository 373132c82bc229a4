// Hashing of feature keys and an open-addressing index from 64-bit keys to rows. The hash
// functions are part of the model format: changing them changes every key in a model file.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace actorgraph::tagger::internal {

// The splitmix64 finaliser: a bijection on 64-bit values with good avalanche.
inline std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// FNV-1a over the bytes, then Mix (FNV alone mixes its last bytes poorly).
inline std::uint64_t HashBytes(std::string_view s) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  return Mix(h);
}

// The key of feature template `tmpl` with values a and b; never 0 (0 marks an empty slot).
inline std::uint64_t Key(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t k = Mix(a + Mix(b ^ (0x9E3779B97F4A7C15ULL * (tmpl + 1))));
  return k == 0 ? 1 : k;
}

// Maps distinct non-zero keys to their position in the array they were built from.
// Linear probing, load factor <= 1/2, over 8-byte slots: the key's high 32 bits (its low
// bits chose the home slot) and position + 1 (0 = empty). Keys with equal low bits and
// equal high 32 bits would be confused; with 64-bit mixed keys and tables of ~10^5 keys
// that chance is about 10^-5 per table, and a confusion only adds one wrong weight row.
// The 8-byte slots keep the index of a 100k-feature table in 2 MB, mostly in cache.
class KeyIndex {
 public:
  void Build(const std::uint64_t* keys, std::uint32_t n) {
    std::uint64_t cap = 16;
    while (cap < 2ULL * n) cap <<= 1;
    mask_ = cap - 1;
    slots_.assign(cap, Slot{});
    for (std::uint32_t i = 0; i < n; ++i) {
      std::uint64_t s = keys[i] & mask_;
      while (slots_[s].row != 0) s = (s + 1) & mask_;
      slots_[s] = {static_cast<std::uint32_t>(keys[i] >> 32), i + 1};
    }
  }
  // Starts loading the slot where the search for `key` begins (a hint; no effect on results).
  void Prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }
  // Position of `key`, or -1.
  std::int64_t Find(std::uint64_t key) const {
    if (slots_.empty()) return -1;
    const auto high = static_cast<std::uint32_t>(key >> 32);
    std::uint64_t s = key & mask_;
    while (true) {
      const Slot& slot = slots_[s];
      if (slot.row == 0) return -1;
      if (slot.high == high) return std::int64_t{slot.row} - 1;
      s = (s + 1) & mask_;
    }
  }

 private:
  struct Slot {
    std::uint32_t high = 0;
    std::uint32_t row = 0;
  };
  std::vector<Slot> slots_;
  std::uint64_t mask_ = 0;
};

}  // namespace actorgraph::tagger::internal

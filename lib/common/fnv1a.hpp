// actorgraph — FNV-1a, 64 bits (Fowler, Noll, Vo): a small, stable byte hash for ids and
// fingerprints that must not change between builds or platforms (std::hash may).
#pragma once

#include <cstdint>
#include <string_view>

namespace actorgraph::fnv1a {

inline constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;  // 14695981039346656037
inline constexpr std::uint64_t kPrime = 0x100000001b3ULL;             // 1099511628211

// Continues hash `h` over `bytes`: Add(Add(kOffsetBasis, a), b) == Hash(a + b).
constexpr std::uint64_t Add(std::uint64_t h, std::string_view bytes) {
  for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * kPrime;
  return h;
}

constexpr std::uint64_t Hash(std::string_view bytes) { return Add(kOffsetBasis, bytes); }

}  // namespace actorgraph::fnv1a

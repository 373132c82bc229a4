// actorgraph — loading the bytes of short strings into integers without a call to memcpy
// with a variable length (hashing token keys is on the per-token hot path).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace actorgraph::bytes {

// The `n` (0 to 8) bytes at `p` as a little-endian integer, zero above them: the value
// std::memcpy(&v, p, n) gives into a zeroed v on a little-endian machine.
inline std::uint64_t LoadUpTo8(const char* p, std::size_t n) {
  if (n >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  std::uint64_t v = 0;
  std::size_t off = 0;
  if (n & 4) {
    std::uint32_t a;
    std::memcpy(&a, p, 4);
    v = a;
    off = 4;
  }
  if (n & 2) {
    std::uint16_t b;
    std::memcpy(&b, p + off, 2);
    v |= static_cast<std::uint64_t>(b) << (off * 8);
    off += 2;
  }
  if (n & 1) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[off])) << (off * 8);
  return v;
}

// Whether the first and the last sizeof(Word) of `n` bytes (at least that many) at `a` and
// at `b` are equal: two loads a side, overlapping when n < 2 * sizeof(Word).
template <class Word>
[[gnu::always_inline]] inline bool EqualEnds(const char* a, const char* b, std::size_t n) {
  Word a0, b0, a1, b1;
  std::memcpy(&a0, a, sizeof(Word));
  std::memcpy(&b0, b, sizeof(Word));
  std::memcpy(&a1, a + n - sizeof(Word), sizeof(Word));
  std::memcpy(&b1, b + n - sizeof(Word), sizeof(Word));
  return ((a0 ^ b0) | (a1 ^ b1)) == 0;
}

// Whether the `n` bytes at `a` and at `b` are equal: memcmp(a, b, n) == 0 without a call for
// the short strings of token keys (up to 16 bytes), never reading outside the n bytes.
[[gnu::always_inline]] inline bool Equal(const char* a, const char* b, std::size_t n) {
  if (n > 16) return std::memcmp(a, b, n) == 0;
  if (n >= 8) return EqualEnds<std::uint64_t>(a, b, n);
  if (n >= 4) return EqualEnds<std::uint32_t>(a, b, n);
  if (n == 0) return true;
  return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];  // n is 1 to 3
}

// A word with its low `n` bytes (0 to 8) set and the others clear: masks the bytes of a
// string of `n` bytes out of eight loaded at once, without a branch on `n`.
[[gnu::always_inline]] inline std::uint64_t LowBytes(std::size_t n) {
  static constexpr std::uint64_t kLow[9] = {0,
                                            0xff,
                                            0xffff,
                                            0xffffff,
                                            0xffffffff,
                                            0xffffffffff,
                                            0xffffffffffff,
                                            0xffffffffffffff,
                                            0xffffffffffffffff};
  return kLow[n];
}

[[gnu::always_inline]] inline std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  return x;
}

// A fast hash of a short byte string (token keys are mostly under 16 bytes), in steps that
// TokenList also takes as it copies a key, eight bytes at a time (text/text.hpp): the
// initial value from the length, one step per eight bytes (the last ones zero-padded), and a
// final mix. HashKey(s) is exactly those steps over s.
[[gnu::always_inline]] inline std::uint64_t HashStart(std::size_t size) {
  return 0x9e3779b97f4a7c15ULL ^ (size * 0xff51afd7ed558ccdULL);
}
[[gnu::always_inline]] inline std::uint64_t HashWord(std::uint64_t h, std::uint64_t word) {
  h = (h ^ word) * 0x9fb21c651e98df25ULL;
  return h ^ (h >> 29);
}
[[gnu::always_inline]] inline std::uint64_t HashLast(std::uint64_t h, std::uint64_t padded) {
  return (h ^ padded) * 0x9fb21c651e98df25ULL;
}

[[gnu::always_inline]] inline std::uint64_t HashKey(std::string_view s) {
  std::uint64_t h = HashStart(s.size());
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    h = HashWord(h, v);
  }
  if (i < s.size()) h = HashLast(h, bytes::LoadUpTo8(s.data() + i, s.size() - i));
  return Mix(h);
}

// Index of the first byte of [p, p + n) that a JSON string cannot hold as it is: '"', '\\'
// or a control character (< 0x20), and also any byte >= 0x80 when `stop_at_non_ascii`; n
// when there is none. Eight bytes per step (SWAR): for each predicate, the lowest flagged
// byte of a word is exact (false flags only appear above a true one).
inline std::size_t FindJsonSpecial(const char* p, std::size_t n, bool stop_at_non_ascii) {
  constexpr std::uint64_t k01 = 0x0101010101010101ULL, k80 = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t v;
    std::memcpy(&v, p + i, 8);
    const std::uint64_t quote = v ^ (k01 * '"'), backslash = v ^ (k01 * '\\');
    std::uint64_t m = ((v - k01 * 0x20) & ~v) | ((quote - k01) & ~quote) | ((backslash - k01) & ~backslash);
    m &= k80;
    if (stop_at_non_ascii) m |= v & k80;
    if (m) return i + static_cast<std::size_t>(__builtin_ctzll(m) >> 3);
  }
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c == '"' || c == '\\' || c < 0x20 || (stop_at_non_ascii && c >= 0x80)) return i;
  }
  return n;
}

}  // namespace actorgraph::bytes

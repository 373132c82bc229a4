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
  static constexpr std::uint64_t kLow[9] = {
      0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, 0xffffffffffffffff};
  return kLow[n];
}

// The 128-bit product of `a` and `b` with its two halves XORed: one multiply after which
// every bit of the result depends on every bit of both inputs (the mixing step of wyhash and
// foldhash).
[[gnu::always_inline]] inline std::uint64_t MulFold(std::uint64_t a, std::uint64_t b) {
  __extension__ using U128 = unsigned __int128;
  const U128 p = static_cast<U128>(a) * b;
  return static_cast<std::uint64_t>(p) ^ static_cast<std::uint64_t>(p >> 64);
}
inline constexpr std::uint64_t kHashA = 0xa0761d6478bd642fULL, kHashB = 0xe7037ed1a0b428dbULL,
                               kHashC = 0x8ebc6af09c88c6e3ULL;

// The hash of a key of `n` bytes, at most 16, given as two words: its first eight bytes and
// the rest, each zero-padded (LoadUpTo8). One multiply: the tokenizer works it out for every
// token it stores (text/text.hpp) from the words it copies anyway.
[[gnu::always_inline]] inline std::uint64_t HashShort(std::uint64_t w0, std::uint64_t w1, std::size_t n) {
  return MulFold(w0 ^ kHashA, w1 ^ kHashB ^ n);
}

// A fast hash of a byte string (token keys are mostly under 16 bytes). Keys of up to 16 bytes
// are HashShort of their words; longer keys take 16 bytes a step, the last step the key's
// last 16 bytes (overlapping the step before). A compiled gazetteer places its keys by this
// hash: a change to it needs a new format version (lib/gazetteer/cache.cpp).
[[gnu::always_inline]] inline std::uint64_t HashKey(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n <= 16) {
    const std::size_t first = n < 8 ? n : 8;
    return HashShort(LoadUpTo8(p, first), LoadUpTo8(p + first, n - first), n);
  }
  std::uint64_t h = kHashC ^ n;
  for (std::size_t i = 0; i + 16 < n; i += 16) {
    h = MulFold(LoadUpTo8(p + i, 8) ^ kHashA ^ h, LoadUpTo8(p + i + 8, 8) ^ kHashB);
  }
  return MulFold(LoadUpTo8(p + n - 16, 8) ^ kHashA ^ h, LoadUpTo8(p + n - 8, 8) ^ kHashB ^ n);
}

// The hash of a pair of 32-bit numbers (the trie's edges: node and token id).
[[gnu::always_inline]] inline std::uint64_t HashPair(std::uint32_t a, std::uint32_t b) {
  return MulFold(((static_cast<std::uint64_t>(a) << 32) | b) ^ kHashA, kHashC);
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

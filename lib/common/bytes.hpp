// actorgraph — loading the bytes of short strings into integers without a call to memcpy
// with a variable length (hashing token keys is on the per-token hot path).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

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

}  // namespace actorgraph::bytes

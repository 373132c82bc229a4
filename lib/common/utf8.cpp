#include "common/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace actorgraph::utf8 {
namespace {

// Length of the well-formed sequence starting at `pos`, or 0 when it is ill-formed; in that
// case `bad` receives the length of the maximal ill-formed subpart (at least 1).
std::size_t SequenceLength(std::string_view s, std::size_t pos, std::size_t& bad) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  bad = 1;
  if (b0 < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (std::size_t i = 1; i < len; ++i) {
    if (pos + i >= s.size()) {
      bad = i;
      return 0;
    }
    const unsigned char b = byte(pos + i);
    const unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
    if (b < l || b > h) {
      bad = i;
      return 0;
    }
  }
  return len;
}

}  // namespace

std::optional<std::size_t> FirstInvalid(std::string_view text) {
  std::size_t pos = 0, bad = 0;
  while (pos < text.size()) {
    // Fast path: ASCII, 32 and then 8 bytes at a time.
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    while (pos + 32 <= text.size()) {
      std::uint64_t w[4];
      std::memcpy(w, text.data() + pos, 32);
      if ((w[0] | w[1] | w[2] | w[3]) & kHigh) break;
      pos += 32;
    }
    while (pos + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + pos, 8);
      if (w & kHigh) break;
      pos += 8;
    }
    if (pos >= text.size()) break;
    const std::size_t len = SequenceLength(text, pos, bad);
    if (len == 0) return pos;
    pos += len;
  }
  return std::nullopt;
}

std::size_t SequenceAt(std::string_view text, std::size_t pos) {
  std::size_t bad = 0;
  return SequenceLength(text, pos, bad);
}

std::string Repair(std::string_view text, std::size_t* replaced) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0, bad = 0, count = 0;
  while (pos < text.size()) {
    const std::size_t len = SequenceLength(text, pos, bad);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++count;
      pos += bad;
    } else {
      out.append(text.substr(pos, len));
      pos += len;
    }
  }
  if (replaced) *replaced = count;
  return out;
}

char32_t Next(std::string_view text, std::size_t& pos) {
  const auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[i])); };
  const char32_t b0 = b(pos);
  if (b0 < 0x80) {
    pos += 1;
    return b0;
  }
  if (b0 < 0xE0) {
    char32_t cp = ((b0 & 0x1F) << 6) | (b(pos + 1) & 0x3F);
    pos += 2;
    return cp;
  }
  if (b0 < 0xF0) {
    char32_t cp = ((b0 & 0x0F) << 12) | ((b(pos + 1) & 0x3F) << 6) | (b(pos + 2) & 0x3F);
    pos += 3;
    return cp;
  }
  char32_t cp = ((b0 & 0x07) << 18) | ((b(pos + 1) & 0x3F) << 12) | ((b(pos + 2) & 0x3F) << 6) | (b(pos + 3) & 0x3F);
  pos += 4;
  return cp;
}

void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace actorgraph::utf8

// actorgraph — ASCII case mapping: only A-Z and a-z change; every other byte, UTF-8 included,
// stays as it is. For codes, file extensions and keys that are ASCII by definition; text is
// folded with ICU (text/text.hpp).
#pragma once

#include <string>
#include <string_view>

namespace actorgraph::ascii {

constexpr char ToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char ToUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

inline std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ToLower(c);
  return out;
}

inline std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ToUpper(c);
  return out;
}

}  // namespace actorgraph::ascii

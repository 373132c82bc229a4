// actorgraph — UTF-8 validation and repair, shared by every stage that takes text in or
// writes it out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace actorgraph::utf8 {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF are ill-formed), or nullopt when `text`
// is valid UTF-8.
std::optional<std::size_t> FirstInvalid(std::string_view text);

// Length (1 to 4) of the well-formed sequence that starts at `pos` (< text.size()), or 0
// when the bytes there are ill-formed.
std::size_t SequenceAt(std::string_view text, std::size_t pos);

// `text` with every ill-formed sequence replaced by U+FFFD (one per maximal ill-formed
// subpart, as the Unicode standard recommends). `replaced`, when given, receives the count.
std::string Repair(std::string_view text, std::size_t* replaced = nullptr);

// Decodes the code point at `pos` of valid UTF-8 `text` and advances `pos` past it.
// Precondition: `text` is valid UTF-8 and pos < text.size().
char32_t Next(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void Append(std::string& out, char32_t cp);

}  // namespace actorgraph::utf8

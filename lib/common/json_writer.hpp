// actorgraph — writing JSON text by hand: string literals and numbers, byte for byte as
// nlohmann::json's dump() writes them (dump(-1, ' ', false, error_handler_t::replace)), so
// that the hand-written JSON Lines of `mentions` and `events` read back unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace actorgraph::json {

struct StringOptions {
  // Also write U+2028 and U+2029 as \u2028 and \u2029: valid JSON either way, but older
  // JavaScript ends a line at them (the exports do this; nlohmann does not).
  bool escape_line_separators = false;
};

// Appends `text` as a JSON string literal, quotes included: " and \ escaped, \b \t \n \f \r
// as short escapes, other bytes below 0x20 as \u00xx (lower-case hex); everything else,
// non-ASCII included, is copied as UTF-8. Ill-formed UTF-8 becomes U+FFFD, one per maximal
// ill-formed subpart (what nlohmann's error_handler_t::replace writes).
void AppendString(std::string& out, std::string_view text, StringOptions options = {});

// Appends a double exactly as nlohmann writes it: a short representation that reads back as
// the same value (Grisu2: usually the shortest, sometimes a digit or two longer), ".0" on
// whole numbers ("1.0"), fixed notation for decimal exponents -4 to 14 and "1e-05" /
// "1.5e+15" beyond; NaN and infinities as null.
void AppendNumber(std::string& out, double value);

// Appends an integer in decimal.
void AppendNumber(std::string& out, std::int64_t value);
void AppendNumber(std::string& out, std::uint64_t value);
inline void AppendNumber(std::string& out, std::uint32_t value) { AppendNumber(out, std::uint64_t{value}); }
inline void AppendNumber(std::string& out, std::int32_t value) { AppendNumber(out, std::int64_t{value}); }

// Appends "true" or "false".
inline void AppendBool(std::string& out, bool value) { out += value ? "true" : "false"; }

}  // namespace actorgraph::json

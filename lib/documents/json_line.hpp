// actorgraph — the fast path for one line of a JSON Lines corpus (internal to the
// documents stage).
//
// Most corpus lines are a flat JSON object of strings: {"id": "...", "date": "...", "text":
// "..."}. ParseFlatJsonLine reads such a line in one pass, decoding the strings straight into
// the document's fields, without building a DOM. It accepts only what it can read exactly
// as nlohmann::json would — a single object whose values are strings, numbers, true, false
// or null, with "text" a string, "date", "title", "url" and "lang" strings when present, "id"
// a string or an integer, and none of these six keys twice — and returns false for anything
// else (nested values, a malformed line, a wrong type), so that the caller parses that line
// with nlohmann::json and reports problems in its words.
#pragma once

#include <string>
#include <string_view>

namespace actorgraph::documents {

struct JsonLineFields {
  bool has_id = false;
  std::string id;  // a string id as decoded, or an integer id as written ("42", "-7")
  std::string text, date, title, url, lang;
};

// `line` must be valid UTF-8 with no line break.
bool ParseFlatJsonLine(std::string_view line, JsonLineFields* out);

}  // namespace actorgraph::documents

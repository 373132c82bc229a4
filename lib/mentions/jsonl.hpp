// actorgraph — mentions as JSON Lines (the output of `actorgraph mentions`).
#pragma once

#include "common/status.hpp"
#include "mentions/mentions.hpp"

#include <cstddef>
#include <string>

namespace actorgraph::mentions {

// One JSON object, no newline: {"doc","start","end","text","entity_id","kind","name",
// "confidence","resolved_by","role","country","date"}; "role" and "country" only when
// known; "date" is the document's date (when known), which `actorgraph merge` needs.
// `text` is the document text the offsets point into.
std::string ToJsonLine(const std::string& doc_id, const std::string& doc_date, std::string_view text, const Mention& m);
// The same line appended to `out` (no newline).
void AppendJsonLine(std::string& out, const std::string& doc_id, const std::string& doc_date, std::string_view text,
                    const Mention& m);
// About the bytes of that line, to reserve room for a document's lines at once (escapes
// and a long date can add to it).
std::size_t JsonLineSizeHint(const std::string& doc_id, const Mention& m);

// A mention line as written by ToJsonLine, for `actorgraph merge`. `entity` is left -1;
// the caller resolves entity_id against its gazetteer. Errors: kBadInput naming `where`.
struct MentionLine {
  std::string doc;
  std::string date;
  Mention mention;
};
Status FromJsonLine(std::string_view line, const std::string& where, MentionLine* out);

}  // namespace actorgraph::mentions

// actorgraph — mentions as JSON Lines (the output of `actorgraph mentions`).
#pragma once

#include "mentions/mentions.hpp"

#include <string>

namespace actorgraph::mentions {

// One JSON object, no newline: {"doc","start","end","text","entity_id","kind","name",
// "confidence","resolved_by","role","country"}; "role" and "country" only when known.
// `text` is the document text the offsets point into.
std::string ToJsonLine(const std::string& doc_id, std::string_view text, const Mention& m);

}  // namespace actorgraph::mentions

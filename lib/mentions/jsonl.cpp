#include "mentions/jsonl.hpp"

#include <nlohmann/json.hpp>

namespace actorgraph::mentions {

std::string ToJsonLine(const std::string& doc_id, std::string_view text, const Mention& m) {
  nlohmann::ordered_json j;
  j["doc"] = doc_id;
  j["start"] = m.start;
  j["end"] = m.end;
  j["text"] = std::string(text.substr(m.start, m.end - m.start));
  j["entity_id"] = m.entity_id;
  j["kind"] = m.kind;
  j["name"] = m.name;
  j["confidence"] = m.confidence;
  j["resolved_by"] = m.resolved_by;
  if (!m.role.empty()) j["role"] = m.role;
  if (!m.country.empty()) j["country"] = m.country;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace actorgraph::mentions

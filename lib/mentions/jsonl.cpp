#include "mentions/jsonl.hpp"

#include "common/json_error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace actorgraph::mentions {

std::string ToJsonLine(const std::string& doc_id, const std::string& doc_date, std::string_view text, const Mention& m) {
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
  if (!doc_date.empty()) j["date"] = doc_date;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status FromJsonLine(std::string_view line, const std::string& where, MentionLine* out) {
  try {
    const auto j = nlohmann::json::parse(line);
    *out = MentionLine{};
    out->doc = j.at("doc").get<std::string>();
    out->date = j.value("date", "");
    Mention& m = out->mention;
    m.start = j.at("start").get<std::uint32_t>();
    m.end = j.at("end").get<std::uint32_t>();
    m.entity_id = j.at("entity_id").get<std::string>();
    m.kind = j.at("kind").get<std::string>();
    m.name = j.value("name", m.entity_id);
    m.confidence = j.value("confidence", 1.0);
    m.resolved_by = j.value("resolved_by", "exact");
    m.role = j.value("role", "");
    m.country = j.value("country", "");
  } catch (const nlohmann::json::exception& ex) {
    return Status::BadInput(fmt::format("{}: not an actorgraph mention: {}", where, JsonErrorText(ex.what())));
  }
  return Status::Ok();
}

}  // namespace actorgraph::mentions

#include "mentions/jsonl.hpp"

#include "common/json_error.hpp"
#include "common/json_writer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace actorgraph::mentions {

using namespace std::string_view_literals;

std::string ToJsonLine(const std::string& doc_id, const std::string& doc_date, std::string_view text,
                       const Mention& m) {
  std::string out;
  AppendJsonLine(out, doc_id, doc_date, text, m);
  return out;
}

std::size_t JsonLineSizeHint(const std::string& doc_id, const Mention& m) {
  return 160 + doc_id.size() + m.entity_id.size() + m.name.size() + m.role.size() + (m.end - m.start);
}

void AppendJsonLine(std::string& out, const std::string& doc_id, const std::string& doc_date, std::string_view text,
                    const Mention& m) {
  // Written by hand (not through nlohmann::ordered_json, several times slower): the same
  // keys in the same order, the same bytes.
  out.reserve(out.size() + JsonLineSizeHint(doc_id, m));
  out += "{\"doc\":"sv;
  json::AppendString(out, doc_id);
  out += ",\"start\":"sv;
  json::AppendNumber(out, m.start);
  out += ",\"end\":"sv;
  json::AppendNumber(out, m.end);
  out += ",\"text\":"sv;
  json::AppendString(out, text.substr(m.start, m.end - m.start));
  out += ",\"entity_id\":"sv;
  json::AppendString(out, m.entity_id);
  out += ",\"kind\":"sv;
  json::AppendString(out, gazetteer::KindName(m.kind));
  out += ",\"name\":"sv;
  json::AppendString(out, m.name);
  out += ",\"confidence\":"sv;
  json::AppendNumber(out, m.confidence);
  out += ",\"resolved_by\":"sv;
  json::AppendString(out, analysis::MentionSourceName(m.resolved_by));
  if (!m.role.empty()) {
    out += ",\"role\":"sv;
    json::AppendString(out, m.role);
  }
  if (!m.country.empty()) {
    out += ",\"country\":"sv;
    json::AppendString(out, m.country);
  }
  if (!doc_date.empty()) {
    out += ",\"date\":"sv;
    json::AppendString(out, doc_date);
  }
  out += '}';
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
    const std::string kind = j.at("kind").get<std::string>();
    const auto parsed_kind = gazetteer::ParseKind(kind);
    if (!parsed_kind) return Status::BadInput(fmt::format("{}: unknown kind \"{}\"", where, kind));
    m.kind = *parsed_kind;
    m.name = j.value("name", m.entity_id);
    m.confidence = j.value("confidence", 1.0);
    const std::string source = j.value("resolved_by", "exact");
    const auto parsed_source = analysis::ParseMentionSource(source);
    if (!parsed_source) return Status::BadInput(fmt::format("{}: unknown resolved_by \"{}\"", where, source));
    m.resolved_by = *parsed_source;
    m.role = j.value("role", "");
    m.country = j.value("country", "");
  } catch (const nlohmann::json::exception& ex) {
    return Status::BadInput(fmt::format("{}: not an actorgraph mention: {}", where, JsonErrorText(ex.what())));
  }
  return Status::Ok();
}

}  // namespace actorgraph::mentions

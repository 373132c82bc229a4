#include "events/jsonl.hpp"

#include "common/json_error.hpp"
#include "common/json_writer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace actorgraph::events {

using namespace std::string_view_literals;

std::vector<std::pair<std::string, std::string>> Dyads(const Event& e) {
  std::vector<std::string> sources, targets;
  for (const auto& p : e.participants) (p.subject ? sources : targets).push_back(p.entity_id);
  std::vector<std::pair<std::string, std::string>> out;
  if (!sources.empty() && !targets.empty()) {
    for (const auto& s : sources) {
      for (const auto& t : targets) out.emplace_back(s, t);
    }
  } else {
    const auto& all = sources.empty() ? targets : sources;
    for (std::size_t i = 0; i < all.size(); ++i) {
      for (std::size_t j = i + 1; j < all.size(); ++j) out.emplace_back(all[i], all[j]);
    }
  }
  return out;
}

std::string ToJsonLine(const Event& e) {
  // Written by hand (not through nlohmann::ordered_json, several times slower): the same
  // keys in the same order, the same bytes.
  std::string out;
  out.reserve(256 + 192 * e.participants.size() + 64 * e.evidence.size());
  const auto field = [&](std::string_view key, const std::string& value) {
    out += key;
    json::AppendString(out, value);
  };
  field("{\"id\":", e.id);
  field(",\"type\":", e.type);
  field(",\"class\":", e.event_class);
  field(",\"date\":", e.date);
  field(",\"place\":", e.place);
  field(",\"place_name\":", e.place_name);
  field(",\"mode\":", e.mode);
  field(",\"cameo\":", e.cameo);
  field(",\"status\":", e.status);
  // Merging needs to know that the date is the document's by default (MergeEvents).
  if (!e.default_date_doc.empty()) field(",\"default_date_doc\":", e.default_date_doc);
  out += ",\"participants\":["sv;
  for (std::size_t i = 0; i < e.participants.size(); ++i) {
    const Participant& p = e.participants[i];
    if (i) out += ',';
    field("{\"entity_id\":", p.entity_id);
    field(",\"name\":", p.name);
    field(",\"kind\":", p.kind);
    field(",\"role\":", p.role);
    field(",\"title\":", p.title);
    field(",\"country\":", p.country);
    out += ",\"confidence\":"sv;
    json::AppendNumber(out, p.confidence);
    out += ",\"subject\":"sv;
    json::AppendBool(out, p.subject);
    out += '}';
  }
  out += "],\"dyads\":["sv;
  bool first = true;
  for (const auto& [s, t] : Dyads(e)) {
    if (!first) out += ',';
    first = false;
    field("{\"source\":", s);
    field(",\"target\":", t);
    out += '}';
  }
  out += "],\"evidence\":["sv;
  for (std::size_t i = 0; i < e.evidence.size(); ++i) {
    if (i) out += ',';
    field("{\"doc\":", e.evidence[i].doc);
    out += ",\"start\":"sv;
    json::AppendNumber(out, e.evidence[i].start);
    out += ",\"end\":"sv;
    json::AppendNumber(out, e.evidence[i].end);
    out += '}';
  }
  out += "]}"sv;
  return out;
}

Status FromJsonLine(std::string_view line, const std::string& where, Event* e) {
  try {
    const auto j = nlohmann::json::parse(line);
    *e = Event{};
    e->id = j.at("id").get<std::string>();
    e->type = j.at("type").get<std::string>();
    e->event_class = j.value("class", e->type);
    e->date = j.value("date", "");
    e->place = j.value("place", "");
    e->place_name = j.value("place_name", "");
    e->mode = j.value("mode", "");
    e->cameo = j.value("cameo", "");
    e->status = j.value("status", "happened");
    if (!analysis::ParseEventStatus(e->status)) {
      return Status::BadInput(fmt::format("{}: unknown event status \"{}\"", where, e->status));
    }
    e->default_date_doc = j.value("default_date_doc", "");
    for (const auto& pj : j.at("participants")) {
      Participant p;
      p.entity_id = pj.at("entity_id").get<std::string>();
      p.name = pj.value("name", p.entity_id);
      p.kind = pj.value("kind", "");
      p.role = pj.value("role", "participant");
      p.title = pj.value("title", "");
      p.country = pj.value("country", "");
      p.confidence = pj.value("confidence", 1.0);
      p.subject = pj.value("subject", false);
      e->participants.push_back(std::move(p));
    }
    for (const auto& sj : j.at("evidence")) {
      e->evidence.push_back(
          {sj.at("doc").get<std::string>(), sj.at("start").get<std::uint32_t>(), sj.at("end").get<std::uint32_t>()});
    }
  } catch (const nlohmann::json::exception& ex) {
    return Status::BadInput(fmt::format("{}: not an actorgraph event: {}", where, JsonErrorText(ex.what())));
  }
  return Status::Ok();
}

std::string PetrarchHeader() { return "doc\tdate\tsource\ttarget\tcameo\tevent_type\tevent_id\n"; }

std::string ToPetrarchRows(const Event& e) {
  std::string out;
  const std::string doc = e.evidence.empty() ? "" : e.evidence.front().doc;
  for (const auto& [s, t] : Dyads(e))
    out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", doc, e.date, s, t, e.cameo, e.type, e.id);
  return out;
}

}  // namespace actorgraph::events

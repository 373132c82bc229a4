// libFuzzer target: the mention steps (the gazetteer, titles, discovery, the shipped name
// tagger) and then the event steps (the shipped part-of-speech tagger, the trigger and cue
// lexicons) on any text (repaired to valid UTF-8, as the documents stage delivers it), with
// a small gazetteer of people, countries and organisations. Properties: every mention and
// every event's evidence lies inside the text on character boundaries; every event has two
// or more participants, each with an entity id, a known role and a kind; its date is "" or
// a valid ISO date of any precision; its status is happened, planned or cancelled.
#include "analysis/analysis.hpp"
#include "common/iso_date.hpp"
#include "common/utf8.hpp"
#include "events/events.hpp"
#include "fuzz_util.hpp"
#include "gazetteer/gazetteer.hpp"
#include "mentions/mentions.hpp"
#include "tagger/names.hpp"
#include "tagger/tagger.hpp"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace ag = actorgraph;
using ag::fuzz::Check;

constexpr const char* kGazetteer = R"(# fuzz gazetteer: people with roles, countries, places, organisations
{"id":"country:RU","kind":"country","name":"Russia","aliases":["Russian Federation"],"adjectives":["Russian"],"demonyms":["Russians"],"code":"RU"}
{"id":"country:AZ","kind":"country","name":"Azerbaijan","adjectives":["Azerbaijani"],"code":"AZ"}
{"id":"country:AM","kind":"country","name":"Armenia","adjectives":["Armenian"],"code":"AM"}
{"id":"country:US","kind":"country","name":"United States","aliases":["U.S."],"cased":["US"],"adjectives":["American"],"code":"US"}
{"id":"place:moscow","kind":"location","name":"Moscow","country":"RU"}
{"id":"org:osce","kind":"organization","name":"Organization for Security and Co-operation in Europe","cased":["OSCE"]}
{"id":"person:vladimir-putin","kind":"person","name":"Vladimir Putin","country":"RU","roles":[{"title":"President of Russia","role_key":"president:RU","from":"2012-05-07"}]}
{"id":"person:ilham-aliyev","kind":"person","name":"Ilham Aliyev","country":"AZ","roles":[{"title":"President of Azerbaijan","role_key":"president:AZ","from":"2003-10-31"}]}
{"id":"person:nikol-pashinyan","kind":"person","name":"Nikol Pashinyan","country":"AM"}
)";

std::string Data(const std::string& file) { return std::string(ACTORGRAPH_SOURCE_DIR) + "/data/" + file; }

void Require(const ag::Status& s, const char* what) {
  if (!s.ok()) ag::fuzz::Fail(what, s.message());
}

// Everything the two chains need, loaded once.
struct Fixture {
  ag::gazetteer::Gazetteer gaz;
  ag::mentions::Titles titles;
  ag::mentions::GivenNames given;
  ag::tagger::Model pos;
  ag::tagger::NameModel names;
  ag::events::Triggers triggers;
  ag::events::Cues cues;
  ag::analysis::Registry registry;
  ag::analysis::Resources resources;
  std::unique_ptr<ag::analysis::Chain> chain;
  std::unique_ptr<ag::events::EventExtractor> events;

  Fixture() {
    std::vector<std::string> problems;
    if (!gaz.LoadString(kGazetteer, "fuzz.jsonl", &problems).ok())
      ag::fuzz::Fail("fixture gazetteer", problems.front());
    gaz.Compile();
    Require(titles.Load(Data("lexicons/titles.tsv")), "titles");
    Require(given.Load(Data("lexicons/given-names.tsv")), "given names");
    Require(ag::tagger::Model::Load(Data("models/pos-en.agt"), &pos), "tagger model");
    Require(ag::tagger::NameModel::Load(Data("models/names-en.agn"), &names), "name model");
    Require(triggers.Load(Data("lexicons/event-triggers.tsv")), "triggers");
    Require(cues.Load(Data("lexicons/event-cues.tsv")), "cues");
    resources.PutBorrowed(std::string("gazetteer"), gaz);
    resources.PutBorrowed(std::string("titles"), titles);
    resources.PutBorrowed(std::string("given-names"), given);
    resources.PutBorrowed(std::string("pos-model"), pos);
    resources.PutBorrowed(std::string("names-model"), names);
    ag::analysis::RegisterTextSteps(registry);
    ag::mentions::RegisterSteps(registry);
    std::vector<std::string> steps = {"tokenize", "document-date", "sentences"};
    for (const auto& s : ag::mentions::StepNames()) steps.push_back(s);
    Require(ag::analysis::Chain::Make(registry, steps, resources, &chain), "mention chain");
    events = std::make_unique<ag::events::EventExtractor>(gaz, triggers, cues, pos);
  }
};

Fixture& Shared() {
  static Fixture f;
  return f;
}

bool OnBoundary(std::string_view s, std::size_t pos) {
  return pos == s.size() || (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80;
}

void CheckSpan(std::string_view text, std::uint32_t start, std::uint32_t end, const char* what) {
  Check(start < end && end <= text.size(), what);
  Check(OnBoundary(text, start) && OnBoundary(text, end), what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  spdlog::set_level(spdlog::level::off);
  Fixture& f = Shared();
  ag::documents::Document raw;
  raw.id = "fuzz";
  raw.text = ag::utf8::Repair(std::string_view(reinterpret_cast<const char*>(data), size));
  ag::analysis::Document doc;
  doc.Reset(std::move(raw), "2021-02-16");
  f.chain->Run(doc);
  for (const auto& m : doc.mentions) CheckSpan(doc.text(), m.start, m.end, "mention span inside the text");
  for (const auto& e : f.events->Extract(doc)) {
    Check(e.participants.size() >= 2, "an event has two or more participants");
    for (const auto& p : e.participants) {
      Check(!p.entity_id.empty() && !p.kind.empty(), "a participant has an entity id and a kind");
      Check(p.role == "participant" || p.role == "signatory" || p.role == "visitor" || p.role == "host" ||
                p.role == "mediator",
            "a participant's role is known");
    }
    Check(e.date.empty() || ag::iso_date::IsValid(e.date), "an event's date is empty or ISO");
    Check(e.status == "happened" || e.status == "planned" || e.status == "cancelled", "an event's status is known");
    Check(!e.evidence.empty(), "an event has evidence");
    for (const auto& ev : e.evidence) CheckSpan(doc.text(), ev.start, ev.end, "evidence span inside the text");
  }
  return 0;
}

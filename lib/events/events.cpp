#include "events/events.hpp"

#include "common/tsv.hpp"
#include "events/internal/steps.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>

namespace actorgraph::events {

namespace internal {

int TypeRank(const std::string& type) {
  if (type == "meeting" || type == "statement" || type == "call" || type == "visit") return 2;
  return 1;
}

namespace {
int RoleRank(const std::string& role) {
  if (role == "signatory") return 4;
  if (role == "host" || role == "visitor") return 3;
  if (role == "mediator") return 2;
  return 1;
}
}  // namespace

void AddParticipant(Event* into, const Participant& p) {
  auto it = std::find_if(into->participants.begin(), into->participants.end(),
                         [&](const Participant& q) { return q.entity_id == p.entity_id; });
  if (it == into->participants.end()) {
    into->participants.push_back(p);
    return;
  }
  if (RoleRank(p.role) > RoleRank(it->role)) it->role = p.role;
  if (it->title.empty()) it->title = p.title;
  if (it->country.empty()) it->country = p.country;
  it->confidence = std::max(it->confidence, p.confidence);
  it->subject = it->subject || p.subject;
}

void Canonicalize(Event* e) {
  std::sort(e->participants.begin(), e->participants.end(),
            [](const Participant& a, const Participant& b) { return a.entity_id < b.entity_id; });
  std::sort(e->evidence.begin(), e->evidence.end());
  e->evidence.erase(std::unique(e->evidence.begin(), e->evidence.end()), e->evidence.end());
  AssignId(e);
}

}  // namespace internal

namespace {

using internal::Canonicalize;
using internal::TypeRank;

bool DatesCompatible(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  return a.compare(0, std::min(a.size(), b.size()), b, 0, std::min(a.size(), b.size())) == 0;
}

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// `a` took its document's date by default and `b` is dated otherwise in the same document.
bool DefaultDateYields(const Event& a, const Event& b) {
  if (a.default_date_doc.empty() || !b.default_date_doc.empty()) return false;
  return std::any_of(b.evidence.begin(), b.evidence.end(),
                     [&](const Evidence& ev) { return ev.doc == a.default_date_doc; });
}

void Absorb(Event* into, const Event& from) {
  // An explicit date wins over a document's default date.
  if (!into->default_date_doc.empty() && from.default_date_doc.empty() && !from.date.empty()) {
    into->date = from.date;
    into->default_date_doc.clear();
  }
  // Talks in a video format are not a phone call, whatever verb ("spoke with") told of them.
  const bool video_talks =
      (into->event_class == "call" && from.mode == "video") || (from.event_class == "call" && into->mode == "video");
  if (video_talks) {
    const Event& talks = into->event_class == "call" ? from : *into;
    into->event_class = talks.event_class;
    into->type = talks.type;
    into->cameo = talks.cameo;
    into->mode = "video";
  } else if (from.event_class == "call" && into->event_class != "call") {
    into->event_class = from.event_class;
    into->type = from.type;
    into->cameo = from.cameo;
  } else if (from.event_class == into->event_class && TypeRank(from.type) > TypeRank(into->type)) {
    into->type = from.type;
    into->cameo = from.cameo;
  }
  if (from.date.size() > into->date.size() && DatesCompatible(from.date, into->date)) into->date = from.date;
  if (into->place.empty()) {
    into->place = from.place;
    into->place_name = from.place_name;
  }
  if (into->mode.empty()) into->mode = from.mode;
  for (const auto& p : from.participants) internal::AddParticipant(into, p);
  into->evidence.insert(into->evidence.end(), from.evidence.begin(), from.evidence.end());
}

// Same class; or talks within a call ("during the phone call, they discussed ..."), when
// the talks have no participant the call lacks.
bool ClassesMerge(const Event& a, const Event& b) {
  if (a.event_class == b.event_class) return true;
  const auto within = [](const Event& talks, const Event& call) {
    if (talks.type != "talks" || call.event_class != "call") return false;
    for (const auto& p : talks.participants) {
      if (std::none_of(call.participants.begin(), call.participants.end(),
                       [&](const Participant& q) { return q.entity_id == p.entity_id; })) {
        return false;
      }
    }
    return true;
  };
  return within(a, b) || within(b, a);
}

// One event's participants are all among the other's: "A met B" and "A, B and C met" are one
// meeting, "A met B" and "A met C" two.
bool Nested(const Event& a, const Event& b) {
  const auto within = [](const Event& x, const Event& y) {
    return std::all_of(x.participants.begin(), x.participants.end(), [&](const Participant& p) {
      return std::any_of(y.participants.begin(), y.participants.end(),
                         [&](const Participant& q) { return q.entity_id == p.entity_id; });
    });
  };
  return within(a, b) || within(b, a);
}

}  // namespace

void AssignId(Event* e) {
  std::vector<std::string> ids;
  for (const auto& p : e->participants) ids.push_back(p.entity_id);
  std::sort(ids.begin(), ids.end());
  std::string joined;
  for (const auto& id : ids) joined += id + '\n';
  e->id = fmt::format("event:{}:{}:{:012x}", e->date.empty() ? "undated" : e->date, e->type,
                      Fnv1a(joined) & 0xFFFFFFFFFFFFULL);
}

namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t j = std::min(s.find(' ', i), s.size());
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace

std::vector<std::uint32_t> Triggers::Find(std::string_view lemma) const {
  const auto it = by_head_.find(lemma);
  return it == by_head_.end() ? std::vector<std::uint32_t>{} : it->second;
}

Status Triggers::Load(const std::string& path) {
  std::vector<tsv::Row> rows;
  ACTORGRAPH_RETURN_IF_ERROR(
      tsv::Read(path, {"lemma", "pos", "type", "class", "cameo", "role", "args", "forms"}, &rows));
  text::Analyzer analyzer;
  for (const auto& row : rows) {
    const auto& f = row.fields;
    Entry e;
    e.lemmas = Words(f[0]);
    if (e.lemmas.empty() || (f[1] != "VERB" && f[1] != "NOUN") || f[2].empty() || f[3].empty() ||
        (f[6] != "object" && f[6] != "with" && f[6] != "person")) {
      return Status::BadInput(
          fmt::format("{}:{}: lemma, pos (VERB or NOUN), type, class and args (object, person or with) "
                      "are required",
                      path, row.line));
    }
    e.noun = f[1] == "NOUN";
    e.type = f[2];
    e.event_class = f[3];
    e.cameo = f[4];
    e.role = f[5].empty() ? "participant" : f[5];
    e.direct_object = f[6] == "object" || f[6] == "person";
    e.person_object = f[6] == "person";
    for (const auto& form : Words(f[7])) {
      forms.insert(analyzer.Key(form));
      // Past forms and participles of a one-word verb: not the lemma, not "-s" or "-ing".
      const bool inflected = form != e.lemmas.front() && !form.ends_with("s") && !form.ends_with("ing");
      if (!e.noun && inflected) past.emplace(form, e.lemmas.front());
    }
    const std::string& head = e.noun ? e.lemmas.back() : e.lemmas.front();
    by_head_[head].push_back(static_cast<std::uint32_t>(entries.size()));
    entries.push_back(std::move(e));
  }
  return Status::Ok();
}

Status Cues::Load(const std::string& path) {
  std::vector<tsv::Row> rows;
  ACTORGRAPH_RETURN_IF_ERROR(tsv::Read(path, {"cue", "word"}, &rows));
  const std::pair<std::string_view, StringSet*> sets[] = {{"modal", &modal},           {"negation", &negation},
                                                          {"intent", &intent},         {"cancel", &cancel},
                                                          {"future", &future},         {"ahead", &ahead},
                                                          {"light", &light},           {"witness", &witness},
                                                          {"separately", &separately}, {"adjunct", &adjunct},
                                                          {"plural", &plural},         {"pronoun", &pronoun},
                                                          {"speaker", &speaker},       {"implicative", &implicative},
                                                          {"refusal", &refusal},       {"hospitality", &hospitality}};
  for (const auto& row : rows) {
    StringSet* set = nullptr;
    for (const auto& [name, s] : sets) {
      if (row.fields[0] == name) set = s;
    }
    if (!set || row.fields[1].empty()) {
      return Status::BadInput(fmt::format("{}:{}: unknown cue \"{}\"", path, row.line, row.fields[0]));
    }
    set->insert(row.fields[1]);
  }
  return Status::Ok();
}

std::vector<Event> MergeEvents(std::vector<Event> events) {
  // Canonical input order first, so that the result does not depend on it.
  for (auto& e : events) Canonicalize(&e);
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.event_class, a.date, a.id, a.evidence) < std::tie(b.event_class, b.date, b.id, b.evidence);
  });
  // The rule: while some pair can merge, absorb into the first event of the first such pair
  // (in that order) the first event after it that it can merge with. Done without trying
  // every pair again after each merge: two events can merge only if they share a
  // participant, so an index from participant to events gives the candidates, and only the
  // events a merge can affect are looked at again: the grown event itself, and the earlier
  // events it can now merge with. A min-heap of those "dirty" events always holds the first
  // event that has a partner, so the merges happen in the same order as with the plain
  // repeated scan, in time about (events + merges) × events per participant.
  const auto mergeable = [](const Event& a, const Event& b) {
    if (a.status != b.status || !ClassesMerge(a, b)) return false;
    if (!DatesCompatible(a.date, b.date) && !DefaultDateYields(a, b) && !DefaultDateYields(b, a)) return false;
    return Nested(a, b);
  };
  const std::size_t n = events.size();
  std::vector<bool> alive(n, true);
  // The live events of each participant, in index order.
  std::unordered_map<std::string, std::set<std::uint32_t>> by_participant;
  for (std::uint32_t i = 0; i < n; ++i) {
    for (const auto& p : events[i].participants) by_participant[p.entity_id].insert(i);
  }
  std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> dirty;
  for (std::uint32_t i = 0; i < n; ++i) dirty.push(i);
  while (!dirty.empty()) {
    const std::uint32_t i = dirty.top();
    dirty.pop();
    if (!alive[i]) continue;
    // The first later event it can merge with: in each participant's list, the first one
    // after i that merges (the lists are in index order), then the least of those.
    std::uint32_t partner = UINT32_MAX;
    for (const auto& p : events[i].participants) {
      const auto& list = by_participant[p.entity_id];
      for (auto it = list.upper_bound(i); it != list.end() && *it < partner; ++it) {
        if (mergeable(events[i], events[*it])) {
          partner = *it;
          break;
        }
      }
    }
    if (partner == UINT32_MAX) continue;
    for (const auto& p : events[partner].participants) by_participant[p.entity_id].erase(partner);
    Absorb(&events[i], events[partner]);  // canonical again at the end, once
    alive[partner] = false;
    for (const auto& p : events[i].participants) by_participant[p.entity_id].insert(i);
    dirty.push(i);
    // The earlier events that can now merge with the grown one.
    for (const auto& p : events[i].participants) {
      const auto& list = by_participant[p.entity_id];
      for (auto it = list.begin(); it != list.end() && *it < i; ++it) {
        if (mergeable(events[*it], events[i])) dirty.push(*it);
      }
    }
  }
  std::vector<Event> out;
  out.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!alive[i]) continue;
    Canonicalize(&events[i]);
    out.push_back(std::move(events[i]));
  }
  std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) {
    return std::tie(a.date, a.type, a.id) < std::tie(b.date, b.type, b.id);
  });
  return out;
}

void RegisterSteps(analysis::Registry& registry) {
  using analysis::Resources;
  using analysis::WorkerContext;
  registry.AddResource({"triggers", [](const analysis::LoadContext& where, Resources* into) {
                          auto t = std::make_shared<Triggers>();
                          ACTORGRAPH_RETURN_IF_ERROR(t->Load(where.data_dir + "/lexicons/event-triggers.tsv"));
                          into->Put<Triggers>("triggers", std::move(t));
                          return Status::Ok();
                        }});
  registry.AddResource({"event-cues", [](const analysis::LoadContext& where, Resources* into) {
                          auto c = std::make_shared<Cues>();
                          ACTORGRAPH_RETURN_IF_ERROR(c->Load(where.data_dir + "/lexicons/event-cues.tsv"));
                          into->Put<Cues>("event-cues", std::move(c));
                          return Status::Ok();
                        }});
  registry.AddResource({"event-options", [](const analysis::LoadContext& where, Resources* into) {
                          auto o = std::make_shared<EventOptions>();
                          o->all_actors = where.event_all_actors;
                          if (!where.cameo_verbs.empty()) ACTORGRAPH_RETURN_IF_ERROR(o->verbs.Load(where.cameo_verbs));
                          into->Put<EventOptions>("event-options", std::move(o));
                          return Status::Ok();
                        }});
  const auto triggers = [](const Resources& r) -> const Triggers& { return *r.Find<Triggers>("triggers"); };
  // Absent (tests, EventExtractor): the defaults.
  const auto options = [](const Resources& r) -> const EventOptions& {
    static const EventOptions defaults;
    const EventOptions* o = r.Find<EventOptions>("event-options");
    return o ? *o : defaults;
  };
  const auto cues = [](const Resources& r) -> const Cues& { return *r.Find<Cues>("event-cues"); };
  registry.Add({"event-candidates",
                "sentences with a possible trigger and someone to link (to be tagged)",
                {"triggers", "event-cues", "pos-model", "event-options"},
                [=](const Resources& r, WorkerContext&) {
                  return internal::MakeCandidatesStep(triggers(r), cues(r), *r.Find<tagger::Model>("pos-model"),
                                                      options(r));
                }});
  registry.Add({"event-triggers",
                "trigger lemmas with their part of speech, one frame each",
                {"triggers"},
                [=](const Resources& r, WorkerContext&) { return internal::MakeTriggersStep(triggers(r)); }});
  registry.Add({"event-arguments",
                "subjects, objects and with/between phrases of each trigger's clause",
                {"triggers", "event-cues"},
                [=](const Resources& r, WorkerContext&) { return internal::MakeArgumentsStep(triggers(r), cues(r)); }});
  registry.Add({"event-status",
                "happened, planned, cancelled or negated, from the trigger's clause",
                {"event-cues"},
                [=](const Resources& r, WorkerContext&) { return internal::MakeStatusStep(cues(r)); }});
  registry.Add({"event-coreference",
                "references (they, the two leaders, the Secretary) resolved; roles",
                {"triggers", "gazetteer", "event-options"},
                [=](const Resources& r, WorkerContext&) {
                  return internal::MakeCoreferenceStep(triggers(r), *r.Find<gazetteer::Gazetteer>("gazetteer"),
                                                       options(r));
                }});
  registry.Add({"event-dates", "the date of each frame, from its clause", {}, [](const Resources&, WorkerContext&) {
                  return internal::MakeDatesStep();
                }});
  registry.Add({"event-attributes",
                "place, mode and mediators of each frame",
                {"gazetteer"},
                [](const Resources& r, WorkerContext&) {
                  return internal::MakeAttributesStep(*r.Find<gazetteer::Gazetteer>("gazetteer"));
                }});
  registry.Add(
      {"event-assembly",
       "frames to events, merged within the document",
       {"triggers", "event-options"},
       [=](const Resources& r, WorkerContext&) { return internal::MakeAssemblyStep(triggers(r), options(r)); }});
}

const std::vector<std::string>& StepNames() {
  static const std::vector<std::string> names = {"event-candidates", "tag-selected",     "event-triggers",
                                                 "event-arguments",  "event-status",     "event-coreference",
                                                 "event-dates",      "event-attributes", "event-assembly"};
  return names;
}

struct EventExtractor::Impl {
  EventOptions options;
  analysis::Resources resources;
  std::unique_ptr<analysis::Chain> chain;
};

EventExtractor::EventExtractor(const gazetteer::Gazetteer& gazetteer, const Triggers& triggers, const Cues& cues,
                               const tagger::Model& model, EventOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->resources.PutBorrowed<EventOptions>("event-options", impl_->options);
  impl_->resources.PutBorrowed<gazetteer::Gazetteer>("gazetteer", gazetteer);
  impl_->resources.PutBorrowed<Triggers>("triggers", triggers);
  impl_->resources.PutBorrowed<Cues>("event-cues", cues);
  impl_->resources.PutBorrowed<tagger::Model>("pos-model", model);
  analysis::Registry registry;
  analysis::RegisterTextSteps(registry);
  RegisterSteps(registry);
  // The resources are given, so making the chain cannot fail.
  (void)analysis::Chain::Make(registry, StepNames(), impl_->resources, &impl_->chain);
}
EventExtractor::~EventExtractor() = default;

std::vector<Event> EventExtractor::Extract(analysis::Document& doc) const {
  impl_->chain->Run(doc);
  return doc.events;
}

}  // namespace actorgraph::events

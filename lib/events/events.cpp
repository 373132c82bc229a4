#include "events/events.hpp"

#include "common/tsv.hpp"
#include "events/internal/steps.hpp"

#include <algorithm>
#include <fmt/format.h>
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
  return std::any_of(b.evidence.begin(), b.evidence.end(), [&](const Evidence& ev) { return ev.doc == a.default_date_doc; });
}

void Absorb(Event* into, const Event& from) {
  // An explicit date wins over a document's default date.
  if (!into->default_date_doc.empty() && from.default_date_doc.empty() && !from.date.empty()) {
    into->date = from.date;
    into->default_date_doc.clear();
  }
  if (from.event_class == "call" && into->event_class != "call") {
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

bool ShareParticipant(const Event& a, const Event& b) {
  for (const auto& p : a.participants) {
    for (const auto& q : b.participants) {
      if (p.entity_id == q.entity_id) return true;
    }
  }
  return false;
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

Status Triggers::Load(const std::string& path) {
  std::vector<tsv::Row> rows;
  ACTORGRAPH_RETURN_IF_ERROR(tsv::Read(path, {"phrase", "type", "class", "cameo", "role"}, &rows));
  text::Analyzer analyzer;
  for (const auto& row : rows) {
    const auto& f = row.fields;
    if (f[0].empty() || f[1].empty() || f[2].empty()) {
      return Status::BadInput(fmt::format("{}:{}: phrase, type and class are required", path, row.line));
    }
    table.Add(analyzer, f[0], static_cast<std::uint32_t>(entries.size()));
    entries.push_back({f[1], f[2], f[3], f[4].empty() ? "participant" : f[4]});
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
    if (!ClassesMerge(a, b)) return false;
    if (!DatesCompatible(a.date, b.date) && !DefaultDateYields(a, b) && !DefaultDateYields(b, a)) return false;
    return ShareParticipant(a, b);
  };
  const std::size_t n = events.size();
  std::vector<bool> alive(n, true);
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_participant;
  for (std::uint32_t i = 0; i < n; ++i) {
    for (const auto& p : events[i].participants) by_participant[p.entity_id].push_back(i);
  }
  std::vector<std::uint32_t> seen(n, UINT32_MAX);
  std::uint32_t stamp = 0;
  // Calls `visit(j)` once for each live event j != i that shares a participant with event i.
  const auto neighbours = [&](std::uint32_t i, const auto& visit) {
    ++stamp;
    seen[i] = stamp;
    for (const auto& p : events[i].participants) {
      for (const std::uint32_t j : by_participant[p.entity_id]) {
        if (seen[j] == stamp || !alive[j]) continue;
        seen[j] = stamp;
        visit(j);
      }
    }
  };
  std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> dirty;
  for (std::uint32_t i = 0; i < n; ++i) dirty.push(i);
  while (!dirty.empty()) {
    const std::uint32_t i = dirty.top();
    dirty.pop();
    if (!alive[i]) continue;
    std::uint32_t partner = UINT32_MAX;
    neighbours(i, [&](std::uint32_t j) {
      if (j > i && j < partner && mergeable(events[i], events[j])) partner = j;
    });
    if (partner == UINT32_MAX) continue;
    std::vector<std::string> before;
    for (const auto& p : events[i].participants) before.push_back(p.entity_id);
    Absorb(&events[i], events[partner]);
    Canonicalize(&events[i]);
    alive[partner] = false;
    for (const auto& p : events[i].participants) {
      if (std::find(before.begin(), before.end(), p.entity_id) == before.end()) by_participant[p.entity_id].push_back(i);
    }
    dirty.push(i);
    neighbours(i, [&](std::uint32_t k) {
      if (k < i && mergeable(events[k], events[i])) dirty.push(k);
    });
  }
  std::vector<Event> out;
  out.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (alive[i]) out.push_back(std::move(events[i]));
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
                          ACTORGRAPH_RETURN_IF_ERROR(t->Load(where.data_dir + "/lexicons/triggers.tsv"));
                          into->Put<Triggers>("triggers", std::move(t));
                          return Status::Ok();
                        }});
  const auto triggers = [](const Resources& r) -> const Triggers& { return *r.Find<Triggers>("triggers"); };
  registry.Add({"event-triggers", "trigger phrases, not negated or planned, as frames per class and sentence",
                {"triggers"},
                [triggers](const Resources& r, WorkerContext&) { return internal::MakeTriggersStep(triggers(r)); }});
  registry.Add({"event-arguments", "the actors of each frame and their roles", {"triggers"},
                [triggers](const Resources& r, WorkerContext&) { return internal::MakeArgumentsStep(triggers(r)); }});
  registry.Add({"event-dates", "the date of each frame", {},
                [](const Resources&, WorkerContext&) { return internal::MakeDatesStep(); }});
  registry.Add({"event-attributes", "place, mode and mediators of each frame", {"gazetteer"},
                [](const Resources& r, WorkerContext&) {
                  return internal::MakeAttributesStep(*r.Find<gazetteer::Gazetteer>("gazetteer"));
                }});
  registry.Add({"event-assembly", "frames to events, merged within the document", {},
                [](const Resources&, WorkerContext&) { return internal::MakeAssemblyStep(); }});
}

const std::vector<std::string>& StepNames() {
  static const std::vector<std::string> names = {"event-triggers", "event-arguments", "event-dates",
                                                 "event-attributes", "event-assembly"};
  return names;
}

struct EventExtractor::Impl {
  analysis::Resources resources;
  std::unique_ptr<analysis::Chain> chain;
};

EventExtractor::EventExtractor(const gazetteer::Gazetteer& gazetteer, const Triggers& triggers)
    : impl_(std::make_unique<Impl>()) {
  impl_->resources.PutBorrowed<gazetteer::Gazetteer>("gazetteer", gazetteer);
  impl_->resources.PutBorrowed<Triggers>("triggers", triggers);
  analysis::Registry registry;
  RegisterSteps(registry);
  // The lexicon is given, so making the chain cannot fail.
  (void)analysis::Chain::Make(registry, StepNames(), impl_->resources, &impl_->chain);
}
EventExtractor::~EventExtractor() = default;

std::vector<Event> EventExtractor::Extract(analysis::Document& doc) const {
  impl_->chain->Run(doc);
  return doc.events;
}

}  // namespace actorgraph::events

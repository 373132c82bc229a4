// The event annotators: triggers, arguments, dates, attributes, assembly.
#include "common/iso_date.hpp"
#include "events/internal/steps.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace actorgraph::events::internal {
namespace {

using analysis::Document;
using analysis::EventFrame;
using analysis::Mention;
using analysis::TriggerHit;
using text::Token;
using Words = std::set<std::string, std::less<>>;

// How many words before a trigger a negation or an intention word blocks it ("did not
// meet", "will meet", "plans to visit").
constexpr std::uint32_t kNegationWindow = 3;
// "was held", "took place", "will be held": words between a trigger and its "in <place>".
constexpr std::uint32_t kHeldWords = 3;

// Words that make a trigger not an event that happened: negation and intention.
bool Negated(std::span<const Token> tokens, std::uint32_t trigger, std::uint32_t sentence_first) {
  static const Words kBlockers = {
      "not", "never", "no", "will", "would", "plan", "plans", "planned", "intend", "intends", "intended", "to",
      "could", "may", "might", "should", "shall", "expected", "proposed", "want", "wants", "didn", "won",
      "cancelled", "canceled", "postponed", "delayed", "delay", "postpone", "cancel", "withdraw", "withdrew",
      "withdrawn", "broken", "broke", "break", "suspend", "suspended", "violated", "violate", "forthcoming",
      "upcoming", "future", "next", "possible", "potential", "planning", "prepare", "preparing", "ready",
      "willing", "seek", "seeks", "sought", "hope", "hopes", "hoped"};
  for (std::uint32_t k = trigger; k > sentence_first && k + kNegationWindow > trigger; --k) {
    if (kBlockers.count(tokens[k - 1].key)) return true;
  }
  // "After the talks, ...": a reference to an event told elsewhere, not a new one.
  static const Words kTemporal = {"after", "before", "following", "during", "since", "ahead"};
  std::uint32_t k = trigger;
  if (k > sentence_first && (tokens[k - 1].key == "the" || tokens[k - 1].key == "their" || tokens[k - 1].key == "its")) {
    --k;
  }
  return k > sentence_first && kTemporal.count(tokens[k - 1].key) > 0;
}

bool IsHeldWord(std::string_view key) {
  return key == "was" || key == "were" || key == "is" || key == "are" || key == "held" || key == "took" ||
         key == "place" || key == "be" || key == "been" || key == "will";
}

// "the two leaders", "the three presidents", "both ministers": how many people a plural
// reference in tokens [first, end) names, or 0.
std::size_t PluralReference(std::span<const Token> tokens, std::uint32_t first, std::uint32_t end) {
  static const Words kNouns = {"leaders", "presidents", "ministers", "premiers", "heads", "counterparts", "diplomats"};
  for (std::uint32_t i = first; i + 1 < end; ++i) {
    const std::string_view a = tokens[i].key;
    if (a == "both" && kNouns.count(tokens[i + 1].key)) return 2;
    if (a != "the" || i + 2 >= end || !kNouns.count(tokens[i + 2].key)) continue;
    const std::string_view number = tokens[i + 1].key;
    if (number == "two") return 2;
    if (number == "three") return 3;
    if (number == "four") return 4;
  }
  return 0;
}

Evidence SpanOf(const Document& d, const TriggerHit& h) {
  return {d.doc.id, d.tokens[h.first].start, d.tokens[h.end - 1].end};
}

// The frames of sentence s, from index *cursor on (frames are in sentence order).
std::span<EventFrame> FramesOf(Document& d, std::uint32_t s, std::size_t* cursor) {
  while (*cursor < d.frames.size() && d.frames[*cursor].sentence < s) ++*cursor;
  std::size_t end = *cursor;
  while (end < d.frames.size() && d.frames[end].sentence == s) ++end;
  return {d.frames.data() + *cursor, end - *cursor};
}

// Trigger phrases outside mentions and not negated, grouped into one frame per class of
// each sentence (in class order).
class TriggersStep : public analysis::Annotator {
 public:
  explicit TriggersStep(const Triggers& t) : triggers_(t) {}

  void Annotate(Document& d) override {
    d.frames.clear();
    ForEachSentence(d, [&](std::uint32_t s, std::uint32_t first, std::uint32_t end, std::uint32_t mb, std::uint32_t me) {
      hits_.clear();
      for (std::uint32_t i = first; i < end;) {
        text::PhraseTable::Hit h;
        bool inside_mention = false;
        for (std::uint32_t k = mb; k < me; ++k) {
          inside_mention |= i >= d.mentions[k].first_token && i < d.mentions[k].end_token;
        }
        if (!inside_mention && triggers_.table.LongestAt(d.tokens, i, &h) && h.end_token <= end) {
          if (!Negated(d.tokens, i, first)) hits_.push_back({i, h.end_token, h.value});
          i = h.end_token;
        } else {
          ++i;
        }
      }
      if (!hits_.empty()) AddFrames(d, s, first, end);
    });
  }

 private:
  void AddFrames(Document& d, std::uint32_t s, std::uint32_t first, std::uint32_t end) {
    std::map<std::string, EventFrame> by_class;
    for (const TriggerHit& h : hits_) {
      const Triggers::Entry& entry = triggers_.entries[h.entry];
      EventFrame& f = by_class[entry.event_class];
      Event& e = f.event;
      if (e.type.empty() || TypeRank(entry.type) > TypeRank(e.type)) {
        e.type = entry.type;
        e.cameo = entry.cameo;
      }
      e.event_class = entry.event_class;
      e.evidence.push_back(SpanOf(d, h));
      f.hits.push_back(h);
    }
    for (auto& [cls, f] : by_class) {
      f.sentence = s;
      f.first_token = first;
      f.end_token = end;
      f.event_class = cls;
      d.frames.push_back(std::move(f));
    }
  }

  const Triggers& triggers_;
  std::vector<TriggerHit> hits_;
};

// The actors of each frame and their roles.
class ArgumentsStep : public analysis::Annotator {
 public:
  explicit ArgumentsStep(const Triggers& t) : triggers_(t) {}

  void Annotate(Document& d) override {
    recent_people_.clear();
    std::size_t cursor = 0;
    ForEachSentence(d, [&](std::uint32_t s, std::uint32_t first, std::uint32_t end, std::uint32_t mb, std::uint32_t me) {
      const std::span<EventFrame> frames = FramesOf(d, s, &cursor);
      // Plural references ("the two leaders") name the latest people of earlier sentences.
      plural_.clear();
      if (!frames.empty()) {
        const std::size_t count = PluralReference(d.tokens, first, end);
        if (count >= 2 && recent_people_.size() >= count) {
          plural_.assign(recent_people_.end() - static_cast<long>(count), recent_people_.end());
        }
      }
      for (std::uint32_t k = mb; k < me; ++k) {
        if (!d.mentions[k].is_person()) continue;
        std::erase_if(recent_people_, [&](std::uint32_t r) { return d.mentions[r].entity_id == d.mentions[k].entity_id; });
        recent_people_.push_back(k);
      }
      if (!frames.empty()) Choose(d, frames, mb, me);
    });
  }

 private:
  void Choose(Document& d, std::span<EventFrame> frames, std::uint32_t mb, std::uint32_t me) {
    people_.clear();
    others_.clear();
    for (std::uint32_t k = mb; k < me; ++k) {
      const Mention& m = d.mentions[k];
      if (m.is_person()) {
        people_.push_back(k);
      } else if (m.kind != gazetteer::Kind::kLocation) {
        // Countries in "Name (Country)" and adjectives describe people, they do not take part.
        const bool in_parens = m.start > 0 && d.text()[m.start - 1] == '(';
        if (!in_parens && !m.descriptive()) others_.push_back(k);
      }
    }
    std::uint32_t first_hit = UINT32_MAX;
    bool plural_fits = true;
    for (const EventFrame& f : frames) {
      first_hit = std::min(first_hit, f.hits.front().first);
      // A plural reference stands in for people in meetings, talks, calls and visits only:
      // "the two presidents looked on as the ministers exchanged the signed copies" does not
      // make the presidents signatories.
      plural_fits &= f.event_class == "meet" || f.event_class == "call" || f.event_class == "visit";
    }
    if (people_.empty()) KeepSubjectOrganisations(d, first_hit, mb, me);
    const bool plural = people_.empty() && !plural_.empty() && plural_fits;
    const auto& chosen = !people_.empty() ? people_ : plural ? plural_ : others_;
    for (EventFrame& f : frames) {
      f.actors = chosen;
      f.from_plural = plural;
      for (const TriggerHit& h : f.hits) {
        for (const std::uint32_t k : chosen) AddParticipant(&f.event, MakeParticipant(d.mentions[k], h));
      }
    }
  }

  // Countries and organisations stand in for people only when one of them is the subject of
  // the first trigger ("Russia and Turkey signed", "Gondor met with Arnor"), not when they
  // are only its objects or topics ("the Minsk agreements ... with Germany and Ukraine"). A
  // mention right before another ("Bree President X", "Russian Foreign Ministry") modifies
  // it and does not take part on its own.
  void KeepSubjectOrganisations(const Document& d, std::uint32_t first_hit, std::uint32_t mb, std::uint32_t me) {
    std::erase_if(others_, [&](std::uint32_t o) {
      for (std::uint32_t k = mb; k < me; ++k) {
        if (d.mentions[k].first_token == d.mentions[o].end_token) return true;
      }
      return false;
    });
    const bool has_subject =
        std::any_of(others_.begin(), others_.end(), [&](std::uint32_t o) { return d.mentions[o].end_token <= first_hit; });
    if (!has_subject || others_.size() < 2) others_.clear();
  }

  Participant MakeParticipant(const Mention& m, const TriggerHit& h) const {
    Participant p;
    p.entity_id = m.entity_id;
    p.name = m.name;
    p.kind = std::string(gazetteer::KindName(m.kind));
    p.title = m.role;
    p.country = m.country;
    p.confidence = m.confidence;
    p.subject = m.end_token <= h.first;
    p.role = triggers_.entries[h.entry].role;
    if (p.role == "visitor" && !p.subject) {
      p.role = "host";
    } else if (p.role == "host" && !p.subject) {
      p.role = "visitor";
    }
    return p;
  }

  const Triggers& triggers_;
  std::vector<std::uint32_t> recent_people_;  // distinct people named so far, latest last
  std::vector<std::uint32_t> plural_, people_, others_;
};

// The date of each frame with actors: the nearest date before the trigger in the sentence,
// else the first after, else the document date. The dateline's date says when the report
// was filed, not when its events happened.
class DatesStep : public analysis::Annotator {
 public:
  void Annotate(Document& d) override {
    d.dates.clear();
    for (std::size_t f = 0; f < d.frames.size();) {
      std::size_t g = f;
      while (g < d.frames.size() && d.frames[g].sentence == d.frames[f].sentence) ++g;
      if (!d.frames[f].actors.empty()) DateSentence(d, f, g);
      f = g;
    }
  }

 private:
  void DateSentence(Document& d, std::size_t f, std::size_t g) {
    auto dates = text::FindDates(d.text(), d.tokens, d.frames[f].first_token, d.frames[f].end_token, d.date.date);
    std::erase_if(dates, [&](const text::DateMention& m) {
      const std::uint32_t at = d.tokens[m.first_token].start;
      return at >= d.date.dateline.start && at < d.date.dateline.end;
    });
    for (; f < g; ++f) {
      Event& e = d.frames[f].event;
      for (const TriggerHit& h : d.frames[f].hits) {
        if (!e.date.empty()) break;
        const text::DateMention* best = nullptr;
        for (const auto& m : dates) {
          if (m.end_token <= h.first) best = &m;
        }
        if (!best && !dates.empty()) best = &dates.front();
        e.date = best ? best->value : d.date.date;
        if (!best) e.default_date_doc = d.doc.id;
      }
    }
    d.dates.insert(d.dates.end(), std::make_move_iterator(dates.begin()), std::make_move_iterator(dates.end()));
  }
};

bool IsPlace(const Mention& m) {
  return (m.kind == gazetteer::Kind::kLocation || m.kind == gazetteer::Kind::kCountry) && !m.descriptive();
}

// Place, mode and mediators of each frame with actors.
class AttributesStep : public analysis::Annotator {
 public:
  explicit AttributesStep(const gazetteer::Gazetteer& g) : gaz_(g) {}

  void Annotate(Document& d) override {
    std::size_t cursor = 0;
    ForEachSentence(d, [&](std::uint32_t s, std::uint32_t first, std::uint32_t end, std::uint32_t mb, std::uint32_t me) {
      const std::span<EventFrame> frames = FramesOf(d, s, &cursor);
      if (frames.empty() || frames.front().actors.empty()) return;
      const std::string mode = Mode(d, frames, first, end);
      for (EventFrame& f : frames) {
        f.event.mode = mode;
        for (const TriggerHit& h : f.hits) {
          if (f.event.place.empty()) Place(d, f, h, mb, me);
        }
        Mediators(d, f);
      }
    });
  }

 private:
  static std::string Mode(const Document& d, std::span<EventFrame> frames, std::uint32_t first, std::uint32_t end) {
    std::string mode;
    for (std::uint32_t i = first; i + 1 < end; ++i) {
      const std::string_view a = d.tokens[i].key;
      const std::string_view b = d.tokens[i + 1].key;
      if (a == "video" && (b == "format" || b == "link" || b == "conference" || b == "call")) mode = "video";
      if (a == "videoconference" || a == "online") mode = "video";
      if ((a == "by" || a == "on" || a == "over") && (b == "phone" || b == "telephone")) mode = "phone";
    }
    const bool call = std::any_of(frames.begin(), frames.end(), [](const EventFrame& f) { return f.event_class == "call"; });
    if (call && mode.empty()) mode = "phone";
    return mode;
  }

  // "met in Moscow", "a meeting was held in Geneva": "in" right after the trigger (or after
  // "was held" / "took place"), not "discusses the situation in X"; also after the people
  // named right after the trigger in the same clause ("met Ilham Aliyev in Moscow").
  void Place(const Document& d, EventFrame& f, const TriggerHit& h, std::uint32_t mb, std::uint32_t me) {
    std::uint32_t k = h.end;
    while (k < f.end_token && k < h.end + kHeldWords && IsHeldWord(d.tokens[k].key)) ++k;
    ins_.assign(1, k);
    for (const std::uint32_t a : f.actors) {
      const Mention& m = d.mentions[a];
      if (m.first_token < h.end) continue;
      const std::uint32_t from = d.tokens[h.end - 1].end;
      if (d.text().substr(from, m.start - from).find_first_of(",.;") == std::string_view::npos) ins_.push_back(m.end_token);
    }
    for (std::uint32_t m = mb; m < me; ++m) {
      if (IsPlace(d.mentions[m]) && AfterIn(d, f, d.mentions[m].first_token)) return SetPlace(f, d.mentions[m]);
    }
    for (std::uint32_t m = mb; m < me; ++m) {
      if (IsPlace(d.mentions[m]) && InTheEnding(d, f, d.mentions[m])) return SetPlace(f, d.mentions[m]);
    }
    if (f.event_class == "visit") VisitDestination(d, f, h, mb, me);
  }

  static void SetPlace(EventFrame& f, const Mention& m) {
    f.event.place = m.entity_id;
    f.event.place_name = m.name;
  }

  // Right after "in" ("met in Moscow"), or after "in the ... of" ("talks in the Black Sea
  // resort of Sochi": two to six words between "in" and the place).
  bool AfterIn(const Document& d, const EventFrame& f, std::uint32_t place) const {
    return std::any_of(ins_.begin(), ins_.end(), [&](std::uint32_t at) {
      if (at >= f.end_token || d.tokens[at].key != "in") return false;
      if (place == at + 1) return true;
      if (at + 1 >= f.end_token || d.tokens[at + 1].key != "the" || place < at + 4 || place > at + 8) return false;
      if (d.tokens[place - 1].key != "of") return false;
      const std::string_view span = d.text().substr(d.tokens[at].end, d.tokens[place - 1].start - d.tokens[at].end);
      return span.find_first_of(",;:()") == std::string_view::npos;
    });
  }

  // "in the X" when X ends the phrase ("met in the United States on Monday"), not when it
  // describes another noun ("in the Black Sea resort of Sochi", found above).
  bool InTheEnding(const Document& d, const EventFrame& f, const Mention& m) const {
    if (m.first_token < 2 || d.tokens[m.first_token - 1].key != "the") return false;
    if (!std::any_of(ins_.begin(), ins_.end(), [&](std::uint32_t at) {
          return at < f.end_token && d.tokens[at].key == "in" && m.first_token == at + 2;
        })) {
      return false;
    }
    static const Words kPhraseEnds = {"on",   "at",     "for",    "with",  "and", "to", "last",
                                      "this", "next", "during", "after", "before", "in", "the"};
    const std::uint32_t after = m.end_token;
    return after >= f.end_token || kPhraseEnds.count(d.tokens[after].key) > 0 ||
           d.text().substr(m.end, d.tokens[after].start - m.end).find_first_of(",.;:()") != std::string_view::npos;
  }

  // A visit's destination: right after the trigger ("visited Moscow"), or anywhere in the
  // sentence after "arrived in" or "visit to" ("arrived in Ankara on Monday on a two-day
  // visit"; "flying back to Baku" is not one).
  static void VisitDestination(const Document& d, EventFrame& f, const TriggerHit& h, std::uint32_t mb,
                               std::uint32_t me) {
    for (std::uint32_t k = mb; k < me; ++k) {
      const Mention& m = d.mentions[k];
      if (!IsPlace(m)) continue;
      if (m.first_token == h.end) return SetPlace(f, m);
      if (m.first_token < f.first_token + 2) continue;
      const std::string_view a = d.tokens[m.first_token - 2].key;
      const std::string_view b = d.tokens[m.first_token - 1].key;
      const bool arrived = (a == "arrived" || a == "arrives" || a == "arriving" || a == "arrive") && b == "in";
      const bool visit_to = (a == "visit" || a == "trip" || a == "visits" || a == "trips") && b == "to";
      if (arrived || visit_to) return SetPlace(f, m);
    }
  }

  // Mediators: participants who hold a mediating role on the event's date.
  void Mediators(const Document& d, EventFrame& f) const {
    for (const std::uint32_t a : f.actors) {
      const Mention& m = d.mentions[a];
      if (m.entity < 0) continue;
      auto it = std::find_if(f.event.participants.begin(), f.event.participants.end(),
                             [&](const Participant& p) { return p.entity_id == m.entity_id; });
      if (it == f.event.participants.end() || it->role != "participant") continue;
      for (const auto& r : gaz_.entity(static_cast<std::uint32_t>(m.entity)).roles) {
        if ((r.role == "co_chair" || r.role == "personal_representative" || r.role == "envoy") && r.HeldOn(f.event.date)) {
          it->role = "mediator";
        }
      }
    }
  }

  const gazetteer::Gazetteer& gaz_;
  std::vector<std::uint32_t> ins_;
};

bool WithinADay(const std::string& a, const std::string& b) {
  if (a.size() != 10 || b.size() != 10 || !iso_date::IsValid(a) || !iso_date::IsValid(b)) return false;
  const auto days = [](const std::string& s) {
    return iso_date::ToDays(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2)));
  };
  const long diff = days(a) - days(b);
  return diff >= -1 && diff <= 1;
}

// Frames become events, merged within the document; those of fewer than two participants go.
// Frames without actors may be dated references to events told elsewhere in the document
// ("the trilateral agreements of November 10, 2020"): each is linked to the one event of its
// class dated within a day of it (a date given in two time zones, "November 10 (November 9
// Moscow time)").
class AssemblyStep : public analysis::Annotator {
 public:
  void Annotate(Document& d) override {
    std::vector<Event> found;
    references_.clear();
    for (EventFrame& f : d.frames) {
      if (f.actors.empty()) {
        AddReferences(d, f);
        continue;
      }
      found.push_back(std::move(f.event));
      Canonicalize(&found.back());
    }
    d.events.clear();
    for (auto& e : MergeEvents(std::move(found))) {
      if (e.participants.size() >= 2) d.events.push_back(std::move(e));
    }
    for (const auto& r : references_) Link(d, r);
  }

 private:
  struct Reference {
    std::string event_class, date;
    Evidence evidence;
  };

  void AddReferences(const Document& d, const EventFrame& f) {
    for (const TriggerHit& h : f.hits) {
      for (const auto& m : text::FindDates(d.text(), d.tokens, h.end, f.end_token, d.date.date)) {
        if (m.value.size() == 10 && !m.relative) references_.push_back({f.event_class, m.value, SpanOf(d, h)});
      }
    }
  }

  static void Link(Document& d, const Reference& r) {
    Event* target = nullptr;
    int matches = 0;
    for (auto& e : d.events) {
      if (e.event_class == r.event_class && WithinADay(e.date, r.date)) {
        target = &e;
        ++matches;
      }
    }
    if (matches != 1) return;
    target->evidence.push_back(r.evidence);
    std::sort(target->evidence.begin(), target->evidence.end());
    target->evidence.erase(std::unique(target->evidence.begin(), target->evidence.end()), target->evidence.end());
  }

  std::vector<Reference> references_;
};

}  // namespace

std::unique_ptr<analysis::Annotator> MakeTriggersStep(const Triggers& t) { return std::make_unique<TriggersStep>(t); }
std::unique_ptr<analysis::Annotator> MakeArgumentsStep(const Triggers& t) { return std::make_unique<ArgumentsStep>(t); }
std::unique_ptr<analysis::Annotator> MakeDatesStep() { return std::make_unique<DatesStep>(); }
std::unique_ptr<analysis::Annotator> MakeAttributesStep(const gazetteer::Gazetteer& g) {
  return std::make_unique<AttributesStep>(g);
}
std::unique_ptr<analysis::Annotator> MakeAssemblyStep() { return std::make_unique<AssemblyStep>(); }

}  // namespace actorgraph::events::internal

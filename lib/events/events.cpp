#include "events/events.hpp"

#include "common/iso_date.hpp"
#include "common/tsv.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>

namespace actorgraph::events {
namespace {

using mentions::Mention;
using text::Token;

// Words that make a trigger not an event that happened: negation and intention.
bool Negated(std::span<const Token> tokens, std::uint32_t trigger, std::uint32_t sentence_first) {
  static const std::set<std::string, std::less<>> kBlockers = {"not", "never", "no", "will", "would", "plan", "plans", "planned",
                                                  "intend", "intends", "intended", "to", "could", "may", "might",
                                                  "should", "shall", "expected", "proposed", "want", "wants", "didn",
                                                  "won", "cancelled", "canceled", "postponed", "delayed", "delay",
                                                  "postpone", "cancel", "withdraw", "withdrew", "withdrawn", "broken",
                                                  "broke", "break", "suspend", "suspended", "violated", "violate",
                                                  "forthcoming", "upcoming", "future", "next", "possible", "potential",
                                                  "planning", "prepare", "preparing", "ready", "willing", "seek",
                                                  "seeks", "sought", "hope", "hopes", "hoped"};
  for (std::uint32_t k = trigger; k > sentence_first && k + 3 > trigger; --k) {
    if (kBlockers.count(tokens[k - 1].key)) return true;
  }
  // "After the talks, ...": a reference to an event told elsewhere, not a new one.
  static const std::set<std::string, std::less<>> kTemporal = {"after", "before", "following", "during", "since", "ahead"};
  std::uint32_t k = trigger;
  if (k > sentence_first && (tokens[k - 1].key == "the" || tokens[k - 1].key == "their" || tokens[k - 1].key == "its")) --k;
  return k > sentence_first && kTemporal.count(tokens[k - 1].key) > 0;
}

bool IsHeldWord(std::string_view key) {
  return key == "was" || key == "were" || key == "is" || key == "are" || key == "held" || key == "took" ||
         key == "place" || key == "be" || key == "been" || key == "will";
}

int RoleRank(const std::string& role) {
  if (role == "signatory") return 4;
  if (role == "host" || role == "visitor") return 3;
  if (role == "mediator") return 2;
  return 1;
}

int TypeRank(const std::string& type) {
  // Within a class, the more specific type names the merged event.
  if (type == "meeting" || type == "statement" || type == "call" || type == "visit") return 2;
  return 1;
}

bool WithinADay(const std::string& a, const std::string& b) {
  if (a.size() != 10 || b.size() != 10 || !iso_date::IsValid(a) || !iso_date::IsValid(b)) return false;
  const auto days = [](const std::string& d) {
    return iso_date::ToDays(std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2)), std::stoi(d.substr(8, 2)));
  };
  const long diff = days(a) - days(b);
  return diff >= -1 && diff <= 1;
}

// "the two leaders", "the three presidents", "both ministers": how many people a plural
// reference in tokens [first, end) names, or 0.
std::size_t PluralReference(std::span<const text::Token> tokens, std::uint32_t first, std::uint32_t end) {
  static const std::set<std::string, std::less<>> kNouns = {"leaders", "presidents", "ministers", "premiers",
                                                            "heads", "counterparts", "diplomats"};
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
  for (const auto& p : from.participants) {
    auto it = std::find_if(into->participants.begin(), into->participants.end(),
                           [&](const Participant& q) { return q.entity_id == p.entity_id; });
    if (it == into->participants.end()) {
      into->participants.push_back(p);
    } else {
      if (RoleRank(p.role) > RoleRank(it->role)) it->role = p.role;
      if (it->title.empty()) it->title = p.title;
      if (it->country.empty()) it->country = p.country;
      it->confidence = std::max(it->confidence, p.confidence);
      it->subject = it->subject || p.subject;
    }
  }
  into->evidence.insert(into->evidence.end(), from.evidence.begin(), from.evidence.end());
}

void Canonicalize(Event* e) {
  std::sort(e->participants.begin(), e->participants.end(),
            [](const Participant& a, const Participant& b) { return a.entity_id < b.entity_id; });
  std::sort(e->evidence.begin(), e->evidence.end());
  e->evidence.erase(std::unique(e->evidence.begin(), e->evidence.end()), e->evidence.end());
  AssignId(e);
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

bool Evidence::operator<(const Evidence& o) const {
  return std::tie(doc, start, end) < std::tie(o.doc, o.start, o.end);
}
bool Evidence::operator==(const Evidence& o) const {
  return doc == o.doc && start == o.start && end == o.end;
}

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

EventExtractor::EventExtractor(const gazetteer::Gazetteer& gazetteer, const Triggers& triggers)
    : gazetteer_(gazetteer), triggers_(triggers) {}

std::vector<Event> EventExtractor::Extract(const mentions::AnalyzedDocument& ad) const {
  const auto& tokens = ad.tokens;
  const std::string_view text = ad.doc.text;
  const auto n = static_cast<std::uint32_t>(tokens.size());
  std::vector<Event> found;
  struct Reference {
    std::string event_class, date;
    Evidence evidence;
  };
  std::vector<Reference> references;

  std::uint32_t tok = 0;
  std::size_t mention_index = 0;
  std::vector<const Mention*> recent_people;  // distinct people named so far, latest last
  for (const auto& sentence : ad.sentences) {
    const std::uint32_t first = tok;
    while (tok < n && tokens[tok].start < sentence.end) ++tok;
    const std::uint32_t end = tok;
    if (first == end) continue;
    std::vector<const Mention*> ms;
    while (mention_index < ad.mentions.size() && ad.mentions[mention_index].start < sentence.end) {
      ms.push_back(&ad.mentions[mention_index]);
      ++mention_index;
    }
    // Plural references ("the two leaders") name the latest people of earlier sentences.
    const std::size_t plural_count = PluralReference(tokens, first, end);
    std::vector<const Mention*> plural;
    if (plural_count >= 2 && recent_people.size() >= plural_count) {
      plural.assign(recent_people.end() - static_cast<long>(plural_count), recent_people.end());
    }
    for (const Mention* m : ms) {
      if (m->kind != "person") continue;
      std::erase_if(recent_people, [&](const Mention* r) { return r->entity_id == m->entity_id; });
      recent_people.push_back(m);
    }
    // Triggers, one event per class in the sentence.
    struct Hit {
      std::uint32_t first, end;
      const Triggers::Entry* entry;
    };
    std::vector<Hit> hits;
    for (std::uint32_t i = first; i < end;) {
      text::PhraseTable::Hit h;
      bool inside_mention = false;
      for (const Mention* m : ms) inside_mention |= i >= m->first_token && i < m->end_token;
      if (!inside_mention && triggers_.table.LongestAt(tokens, i, &h) && h.end_token <= end) {
        if (!Negated(tokens, i, first)) hits.push_back({i, h.end_token, &triggers_.entries[h.value]});
        i = h.end_token;
      } else {
        ++i;
      }
    }
    if (hits.empty()) continue;
    // Participants: the people of the sentence; without people, its countries and
    // organisations.
    std::vector<const Mention*> people, others;
    for (const Mention* m : ms) {
      if (m->kind == "person") people.push_back(m);
      else if (m->kind == "country" || m->kind == "organization" || m->kind == "group") {
        // Countries in "Name (Country)" and adjectives describe people, they do not take part.
        const bool in_parens = m->start > 0 && text[m->start - 1] == '(';
        if (!in_parens && m->resolved_by != "adjective" && m->resolved_by != "demonym") others.push_back(m);
      }
    }
    // Countries and organisations stand in for people only when one of them is the subject
    // of the first trigger ("Russia and Turkey signed", "Gondor met with Arnor"), not when
    // they are only its objects or topics ("the Minsk agreements ... with Germany and
    // Ukraine"). A mention right before another ("Bree President X", "Russian Foreign
    // Ministry") modifies it and does not take part on its own.
    if (people.empty()) {
      std::erase_if(others, [&](const Mention* m) {
        return std::any_of(ms.begin(), ms.end(), [&](const Mention* next) { return next->first_token == m->end_token; });
      });
      const bool has_subject = std::any_of(others.begin(), others.end(),
                                           [&](const Mention* m) { return m->end_token <= hits.front().first; });
      if (!has_subject || others.size() < 2) others.clear();
    }
    // A plural reference stands in for people in meetings, talks, calls and visits only:
    // "the two presidents looked on as the ministers exchanged the signed copies" does not
    // make the presidents signatories.
    const bool plural_fits = std::all_of(hits.begin(), hits.end(), [](const Hit& h) {
      return h.entry->event_class == "meet" || h.entry->event_class == "call" || h.entry->event_class == "visit";
    });
    const auto& chosen = !people.empty() ? people : (!plural.empty() && plural_fits) ? plural : others;
    if (chosen.empty()) {
      // No actors: "the trilateral agreements of November 10, 2020, and January 11, 2021" may
      // name events told elsewhere in the document; keep the dated references to link later.
      for (const Hit& h : hits) {
        for (const auto& d : text::FindDates(text, tokens, h.end, end, ad.date.date)) {
          if (d.value.size() == 10 && !d.relative) {
            references.push_back({h.entry->event_class, d.value, {ad.doc.id, tokens[h.first].start, tokens[h.end - 1].end}});
          }
        }
      }
      continue;
    }
    // Dates of the sentence, resolved against the document date.
    // The dateline's date says when the report was filed, not when its events happened.
    auto dates = text::FindDates(text, tokens, first, end, ad.date.date);
    std::erase_if(dates, [&](const text::DateMention& d) {
      return tokens[d.first_token].start >= ad.date.dateline.start && tokens[d.first_token].start < ad.date.dateline.end;
    });
    // Mode.
    std::string mode;
    for (std::uint32_t i = first; i + 1 < end; ++i) {
      const std::string_view a = tokens[i].key;
      const std::string_view b = tokens[i + 1].key;
      if (a == "video" && (b == "format" || b == "link" || b == "conference" || b == "call")) mode = "video";
      if (a == "videoconference" || a == "online") mode = "video";
      if ((a == "by" || a == "on" || a == "over") && (b == "phone" || b == "telephone")) mode = "phone";
    }

    std::map<std::string, Event> by_class;
    for (const Hit& h : hits) {
      Event& e = by_class[h.entry->event_class];
      const bool fresh = e.type.empty();
      if (fresh || TypeRank(h.entry->type) > TypeRank(e.type)) {
        e.type = h.entry->type;
        e.cameo = h.entry->cameo;
      }
      e.event_class = h.entry->event_class;
      if (h.entry->event_class == "call") mode = mode.empty() ? "phone" : mode;
      e.evidence.push_back({ad.doc.id, tokens[h.first].start, tokens[h.end - 1].end});
      // Date: the nearest date before the trigger in the sentence, else the first after,
      // else the document date.
      if (e.date.empty()) {
        const text::DateMention* best = nullptr;
        for (const auto& d : dates) {
          if (d.end_token <= h.first) best = &d;
        }
        if (!best && !dates.empty()) best = &dates.front();
        e.date = best ? best->value : ad.date.date;
        if (!best) e.default_date_doc = ad.doc.id;
      }
      // Place: "met in Moscow", "a meeting was held in Geneva" — "in" right after the
      // trigger (or after "was held" / "took place"), not "discusses the situation in X".
      // Also after the people named right after the trigger: "met Ilham Aliyev in Moscow".
      if (e.place.empty()) {
        std::uint32_t k = h.end;
        while (k < end && k < h.end + 3 && IsHeldWord(tokens[k].key)) ++k;
        std::vector<std::uint32_t> ins{k};
        for (const Mention* m : chosen) {
          // Named after the trigger in the same clause: no comma or stop in between.
          if (m->first_token < h.end) continue;
          const std::string_view between = text.substr(tokens[h.end - 1].end, m->start - tokens[h.end - 1].end);
          if (between.find_first_of(",.;") == std::string_view::npos) ins.push_back(m->end_token);
        }
        // Right after "in" ("met in Moscow"), or after "in the ... of" ("talks in the Black Sea
        // resort of Sochi": up to five words between "the" and "of").
        const auto after_in = [&](std::uint32_t place_token) {
          return std::any_of(ins.begin(), ins.end(), [&](std::uint32_t at) {
            if (at >= end || tokens[at].key != "in") return false;
            if (place_token == at + 1) return true;
            if (at + 1 >= end || tokens[at + 1].key != "the" || place_token < at + 4 || place_token > at + 8) return false;
            if (tokens[place_token - 1].key != "of") return false;
            const std::string_view span = text.substr(tokens[at].end, tokens[place_token - 1].start - tokens[at].end);
            return span.find_first_of(",;:()") == std::string_view::npos;
          });
        };
        const auto is_place = [](const Mention* m) {
          return (m->kind == "location" || m->kind == "country") && m->resolved_by != "adjective" &&
                 m->resolved_by != "demonym";
        };
        for (const Mention* m : ms) {
          if (is_place(m) && after_in(m->first_token)) {
            e.place = m->entity_id;
            e.place_name = m->name;
            break;
          }
        }
        // "in the X" when X ends the phrase ("met in the United States on Monday"), not when it
        // describes another noun ("in the Black Sea resort of Sochi", found above).
        for (const Mention* m : ms) {
          if (!e.place.empty()) break;
          if (!is_place(m) || m->first_token < 2 || tokens[m->first_token - 1].key != "the") continue;
          if (!std::any_of(ins.begin(), ins.end(), [&](std::uint32_t at) {
                return at < end && tokens[at].key == "in" && m->first_token == at + 2;
              })) {
            continue;
          }
          static const std::set<std::string, std::less<>> kPhraseEnds = {
              "on", "at", "for", "with", "and", "to", "last", "this", "next", "during", "after", "before", "in", "the"};
          const std::uint32_t after = m->end_token;
          const bool ends = after >= end || kPhraseEnds.count(tokens[after].key) > 0 ||
                            text.substr(m->end, tokens[after].start - m->end).find_first_of(",.;:()") != std::string_view::npos;
          if (ends) {
            e.place = m->entity_id;
            e.place_name = m->name;
          }
        }
        // A visit's destination: right after the trigger ("visited Moscow"), or anywhere in the
        // sentence after "arrived in" or "visit to" ("arrived in Ankara on Monday on a two-day
        // visit"; "flying back to Baku" is not one).
        if (e.place.empty() && e.event_class == "visit") {
          for (const Mention* m : ms) {
            if (!is_place(m)) continue;
            if (m->first_token == h.end) {
              e.place = m->entity_id;
              e.place_name = m->name;
              break;
            }
            if (m->first_token < first + 2) continue;
            const std::string_view a = tokens[m->first_token - 2].key;
            const std::string_view b = tokens[m->first_token - 1].key;
            const bool arrived = (a == "arrived" || a == "arrives" || a == "arriving" || a == "arrive") && b == "in";
            const bool visit_to = (a == "visit" || a == "trip" || a == "visits" || a == "trips") && b == "to";
            if (arrived || visit_to) {
              e.place = m->entity_id;
              e.place_name = m->name;
              break;
            }
          }
        }
      }
      for (const Mention* m : chosen) {
        Participant p;
        p.entity_id = m->entity_id;
        p.name = m->name;
        p.kind = m->kind;
        p.title = m->role;
        p.country = m->country;
        p.confidence = m->confidence;
        p.subject = m->end_token <= h.first;
        p.role = h.entry->role;
        if (p.role == "visitor" && !p.subject) p.role = "host";
        else if (p.role == "host" && !p.subject) p.role = "visitor";
        // Mediators: people who hold a mediating role on the date.
        if (p.role == "participant" && m->entity >= 0) {
          for (const auto& r : gazetteer_.entity(static_cast<std::uint32_t>(m->entity)).roles) {
            if ((r.role == "co_chair" || r.role == "personal_representative" || r.role == "envoy") && r.HeldOn(e.date)) {
              p.role = "mediator";
            }
          }
        }
        std::vector<Participant> one{p};
        Event tmp;
        tmp.participants = one;
        Absorb(&e, tmp);
      }
    }
    for (auto& [cls, e] : by_class) {
      e.mode = mode;
      found.push_back(std::move(e));
    }
  }
  for (auto& e : found) Canonicalize(&e);
  auto merged = MergeEvents(std::move(found));
  std::vector<Event> out;
  for (auto& e : merged) {
    if (e.participants.size() >= 2) out.push_back(std::move(e));
  }
  // Link each reference to the one event of its class dated within a day of it (a date
  // given in two time zones, "November 10 (November 9 Moscow time)").
  for (const auto& r : references) {
    Event* target = nullptr;
    int matches = 0;
    for (auto& e : out) {
      if (e.event_class == r.event_class && WithinADay(e.date, r.date)) {
        target = &e;
        ++matches;
      }
    }
    if (matches == 1) {
      target->evidence.push_back(r.evidence);
      std::sort(target->evidence.begin(), target->evidence.end());
      target->evidence.erase(std::unique(target->evidence.begin(), target->evidence.end()), target->evidence.end());
    }
  }
  return out;
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

}  // namespace actorgraph::events

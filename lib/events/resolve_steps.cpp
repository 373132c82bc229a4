// The event annotators after the arguments: status, coreference, dates, attributes,
// assembly. See EVENTS.md.
#include "common/iso_date.hpp"
#include "events/internal/clause.hpp"
#include "events/internal/steps.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

namespace actorgraph::events::internal {
namespace {

using analysis::Document;
using analysis::EventFrame;
using analysis::EventStatus;
using analysis::FrameArg;
using analysis::Mention;

// The stronger of two statuses: negated > cancelled > planned > happened.
EventStatus Stronger(EventStatus a, EventStatus b) { return static_cast<int>(a) > static_cast<int>(b) ? a : b; }

// A mention as an event's participant (its role and side are the caller's).
Participant ParticipantOf(const Mention& m) {
  Participant p;
  p.entity_id = m.entity_id;
  p.name = m.name;
  p.kind = std::string(gazetteer::KindName(m.kind));
  p.title = m.role;
  p.country = m.country;
  p.confidence = m.confidence;
  return p;
}

// Nouns whose "for"/"of"/"on" phrase is a plan: "preparations for the summit".
bool PlanNoun(const std::string& l) {
  return l == "preparation" || l == "plan" || l == "proposal" || l == "invitation" || l == "possibility" ||
         l == "prospect" || l == "idea" || l == "date" || l == "agenda" || l == "offer" || l == "call" ||
         l == "announcement" || l == "request" || l == "hope" || l == "intention";
}

class StatusStep : public analysis::Annotator {
 public:
  explicit StatusStep(const Cues& c) : cues_(c) {}

  void Annotate(Document& d) override {
    for (EventFrame& f : d.frames) {
      const SentenceView s(d, f.sentence);
      EventStatus st = f.nominal ? NounStatus(s, f) : VerbGroupStatus(s, f.trigger_word, f.trigger_end);
      if (f.governing != UINT32_MAX) st = Stronger(st, VerbGroupStatus(s, f.governing, f.governing + 1));
      // "if they meet", "unless the talks ...": a condition.
      for (std::uint32_t w = f.clause_first; w < f.trigger_word; ++w) {
        if (s.Pos(w) == Upos::kSconj && (s.Lemma(w) == "if" || s.Lemma(w) == "unless"))
          st = Stronger(st, EventStatus::kPlanned);
      }
      // "I am happy to welcome you", "I would like to welcome you": said to those present, a
      // speaker's welcome is the welcome itself.
      if (st == EventStatus::kPlanned && Performative(s, f)) st = EventStatus::kHappened;
      f.status = st;
    }
  }

 private:
  static bool Performative(const SentenceView& s, const EventFrame& f) {
    if (!(s.Is(f.trigger_word, "welcome") || s.Is(f.trigger_word, "greet"))) return false;
    bool speaker = false, addressee = false;
    for (const FrameArg& a : f.args) {
      speaker |= a.ref == FrameArg::Ref::kSpeaker && a.subject;
      addressee |= a.ref == FrameArg::Ref::kAddressee && !a.subject;
    }
    for (std::uint32_t w = f.clause_first; w < f.trigger_word; ++w) {
      if (s.Is(w, "will") || s.Is(w, "shall")) return false;
    }
    return speaker && addressee;
  }

  // Modality and negation of the verb group around word w: "will meet", "did not meet", "to
  // meet", "looked forward to welcoming"; a cancelling verb ("postponed").
  EventStatus VerbGroupStatus(const SentenceView& s, std::uint32_t w, std::uint32_t end) const {
    std::uint32_t vb = 0, ve = 0;
    s.VpAround(w, &vb, &ve);
    ve = std::max(ve, end);
    EventStatus st = EventStatus::kHappened;
    // "nothing was signed", "nobody met them": a negative subject.
    if (vb > s.first()) {
      const std::string& subject = s.Lemma(vb - 1);
      if (subject == "nothing" || subject == "nobody" || subject == "none" || subject == "neither")
        return EventStatus::kNegated;
    }
    for (std::uint32_t k = vb; k < ve; ++k) {
      const std::string& l = s.Lemma(k);
      if (cues_.negation.count(l)) return EventStatus::kNegated;
      if (cues_.cancel.count(l)) st = Stronger(st, EventStatus::kCancelled);
      // "was called off", "pushed back": a verb and its particle.
      if (k + 1 < s.end() && s.Pos(k + 1) == Upos::kAdp && cues_.cancel.count(l + " " + s.Lemma(k + 1)))
        st = Stronger(st, EventStatus::kCancelled);
      if ((s.Pos(k) == Upos::kAux || s.Pos(k) == Upos::kVerb) && cues_.modal.count(l))
        st = Stronger(st, EventStatus::kPlanned);
      if (cues_.intent.count(l) && k < w) st = Stronger(st, EventStatus::kPlanned);  // "plans to meet"
    }
    const bool infinitive =
        (s.Pos(vb) == Upos::kPart && s.Lemma(vb) == "to") || (vb > s.first() && s.Lemma(vb - 1) == "to");
    if (infinitive) {
      // "went to Pyongyang to meet Kim", "held a call with B to discuss ...": an infinitive of
      // purpose after a past event or journey happened as its verb did.
      const std::uint32_t to = s.Lemma(vb) == "to" ? vb : vb - 1;
      if (const auto implied = Implicative(s, to)) return Stronger(st, *implied);
      const std::uint32_t governing = PurposeOf(s, to);
      st = Stronger(st, governing == UINT32_MAX ? EventStatus::kPlanned : VerbGroupStatus(s, governing, governing + 1));
    }
    // "is expected to", "plans to": an intent right before an infinitive.
    if (vb >= s.first() + 2 && s.Lemma(vb - 1) == "to" && cues_.intent.count(s.Lemma(vb - 2)))
      st = Stronger(st, EventStatus::kPlanned);
    return st;
  }

  // "managed to meet", "was able to meet" (happened), "did not manage to meet" (negated),
  // "will be able to meet" (planned), "refused to meet" (negated): the status an implicative
  // word before the infinitive at `to` gives it, or nullopt when there is none.
  std::optional<EventStatus> Implicative(const SentenceView& s, std::uint32_t to) const {
    if (to > s.first() && cues_.refusal.count(s.Lemma(to - 1))) return EventStatus::kNegated;  // "refused to meet"
    if (to <= s.first() || !cues_.implicative.count(s.Lemma(to - 1))) return std::nullopt;
    const std::uint32_t g = to - 1;
    bool past = s.Pos(g) == Upos::kVerb && s.Text(g).ends_with("ed");
    for (std::uint32_t k = g; k > s.first() && k + 4 > g; --k) {
      const std::string& l = s.Lemma(k - 1);
      if (cues_.negation.count(l)) return EventStatus::kNegated;
      if (cues_.modal.count(l)) return EventStatus::kPlanned;
      past |= s.Text(k - 1) == "was" || s.Text(k - 1) == "were" || s.Text(k - 1) == "had";
    }
    return past ? std::optional<EventStatus>(EventStatus::kHappened) : std::nullopt;
  }

  // The verb an infinitive at word `to` is the purpose of ("flew to Baku to meet", "held talks
  // with A to discuss"), when that verb is a journey or an event; UINT32_MAX otherwise (then the
  // infinitive is an intent: "agreed to meet", "is expected to visit").
  static std::uint32_t PurposeOf(const SentenceView& s, std::uint32_t to) {
    for (std::uint32_t k = to; k > s.first(); --k) {
      const std::uint32_t w = k - 1;
      const Upos pos = s.Pos(w);
      if (s.IsVerb(w)) {
        const std::string& l = s.Lemma(w);
        const bool purpose = l == "go" || l == "travel" || l == "fly" || l == "come" || l == "arrive" || l == "head" ||
                             l == "return" || l == "visit" || l == "hold" || l == "have" || l == "call" ||
                             l == "meet" || l == "speak" || l == "convene" || l == "host" || l == "gather" ||
                             l == "phone";
        // A verb right before "to" governs it ("agreed to meet", "has to meet"), unless it is a
        // journey's ("came to see", "emerged to greet"; not "going to", a future).
        const bool journey = l == "come" || l == "travel" || l == "fly" || l == "arrive" || l == "return" ||
                             l == "emerge" || l == "walk" || l == "step" || l == "rush" || l == "drive";
        return (purpose || journey) && (w + 1 < to || journey) ? w : UINT32_MAX;
      }
      const bool aside = s.Text(w) == "," || s.Text(w) == "(" || s.Text(w) == ")";
      const bool list = pos == Upos::kCconj && w + 1 < to && s.InNp(w + 1);  // "with A and B to discuss"
      if (pos == Upos::kSconj || (pos == Upos::kCconj && !list) || (pos == Upos::kPunct && !aside) ||
          (pos == Upos::kAdj && w + 1 == to)) {  // "ready to", "due to"
        return UINT32_MAX;
      }
      if (pos == Upos::kNoun && w + 1 == to &&
          (s.Lemma(w) == "plan" || s.Lemma(w) == "invitation" || s.Lemma(w) == "offer")) {
        return UINT32_MAX;  // "plans to meet"
      }
    }
    return UINT32_MAX;
  }

  EventStatus NounStatus(const SentenceView& s, const EventFrame& f) const {
    std::uint32_t nb = 0, ne = 0;
    s.NpAround(f.trigger_word, &nb, &ne);
    EventStatus st = EventStatus::kHappened;
    for (std::uint32_t w = nb; w < f.trigger_word; ++w) {
      const std::string& l = s.Lemma(w);
      if (l == "no") return EventStatus::kNegated;
      if (cues_.future.count(l)) st = Stronger(st, EventStatus::kPlanned);
      if (cues_.cancel.count(l)) st = Stronger(st, EventStatus::kCancelled);
    }
    if (nb > s.first()) {
      const std::string& before = s.Lemma(nb - 1);
      const std::string before2 = nb >= s.first() + 2 ? s.Lemma(nb - 2) : "";
      if (s.Pos(nb - 1) == Upos::kAdp && cues_.ahead.count(before)) st = Stronger(st, EventStatus::kPlanned);
      if ((before == "of" || before == "to") && cues_.ahead.count(before2)) st = Stronger(st, EventStatus::kPlanned);
      if ((before == "for" || before == "of" || before == "on" || before == "to") &&
          (PlanNoun(before2) || cues_.intent.count(before2))) {
        st = Stronger(st, EventStatus::kPlanned);
      }
      if (s.IsVerb(nb - 1)) st = Stronger(st, VerbGroupStatus(s, nb - 1, nb));
      // "is expected to travel to Germany for talks with": the purpose of a verb has its status.
      if (before == "for") {
        std::uint32_t k = nb - 1;
        while (k > s.first() && !s.IsVerb(k - 1) &&
               (s.InNp(k - 1) || s.Pos(k - 1) == Upos::kAdp || s.Pos(k - 1) == Upos::kDet))
          --k;
        if (k > s.first() && s.IsVerb(k - 1)) st = Stronger(st, VerbGroupStatus(s, k - 1, k));
      }
    }
    // The predicate of the phrase: "The meeting was postponed", "talks will take place",
    // past an aside: "The meeting, planned for Wednesday, was called off".
    for (std::uint32_t w = ne; w < s.end(); ++w) {
      if (s.Is(w, "to") && w + 1 < s.end() && s.IsVerb(w + 1)) break;  // "a call with B to discuss"
      if (s.Text(w) == "," && w + 1 < s.end() && s.IsVerb(w + 1) && s.Text(w + 1).ends_with("ed")) {
        std::uint32_t close = w + 1;
        while (close < s.end() && close < w + 10 && s.Text(close) != ",") ++close;
        if (close < s.end() && s.Text(close) == ",") {
          w = close;  // the predicate after the aside says what became of it
          continue;
        }
      }
      if (!s.IsVerb(w)) continue;
      if (s.Pos(w) == Upos::kPart || s.Lemma(w) == "to") break;
      st = Stronger(st, VerbGroupStatus(s, w, w + 1));
      // "A meeting between A and B is unlikely / possible / expected": a copula and an
      // intent word say it has not happened.
      std::uint32_t a = w + 1;
      while (a < s.end() && s.Pos(a) == Upos::kAdv) ++a;
      if (s.Lemma(w) == "be" && a < s.end() && cues_.intent.count(s.Lemma(a))) st = Stronger(st, EventStatus::kPlanned);
      break;
    }
    return st;
  }

  const Cues& cues_;
};

// The people each frame's references stand for, and the frame's actors and participants.
class CoreferenceStep : public analysis::Annotator {
 public:
  CoreferenceStep(const Triggers& t, const gazetteer::Gazetteer& g, const EventOptions& o)
      : triggers_(t), gaz_(g), options_(o) {}

  void Annotate(Document& d) override {
    titles_.clear();
    principals_.clear();
    labels_found_ = false;
    const EventFrame* previous = nullptr;  // the latest frame with two or more people
    for (EventFrame& f : d.frames) {
      f.actors.clear();
      f.actor_subject.clear();
      f.unnamed.clear();
      for (const FrameArg& a : f.args) {
        if (a.ref == FrameArg::Ref::kNone) {
          Add(d, f, static_cast<std::uint32_t>(a.mention), a.subject);
        } else if (a.ref == FrameArg::Ref::kTitle) {
          bool qualified = false;
          const std::int32_t m = ByTitle(d, a.title, &qualified);
          const Participant* p = m < 0 || qualified ? Principal(d, a) : nullptr;
          if (p) {
            f.unnamed.push_back(*p);
            f.unnamed.back().subject = a.subject;
          } else if (m >= 0) {
            Add(d, f, static_cast<std::uint32_t>(m), a.subject);
          }
        } else if (a.ref == FrameArg::Ref::kSpeaker || a.ref == FrameArg::Ref::kAddressee) {
          for (const std::uint32_t m : Speakers(d, f, a.ref == FrameArg::Ref::kSpeaker)) Add(d, f, m, a.subject);
        } else if (previous) {
          for (const std::uint32_t m : previous->actors) Add(d, f, m, a.subject);
          for (Participant p : previous->unnamed) {
            p.subject = a.subject;
            f.unnamed.push_back(std::move(p));
          }
        } else if (!d.window.previous_people.empty()) {
          // A large document: the latest such frame was in an earlier window.
          for (Participant p : d.window.previous_people) {
            p.subject = a.subject;
            f.unnamed.push_back(std::move(p));
          }
        } else {
          for (const std::uint32_t m : RecentPeople(d, f, a.count ? a.count : 2)) Add(d, f, m, a.subject);
        }
      }
      Choose(d, f);
      if (f.actors.size() + f.unnamed.size() >= 2 && f.status != EventStatus::kNegated &&
          !f.event.participants.empty()) {
        previous = &f;
      }
    }
    if (previous && d.windowed() && !d.window.last) CarryPeople(d, *previous);
  }

  // The people of `f` as participants, for the references of the windows after this one.
  static void CarryPeople(Document& d, const EventFrame& f) {
    auto& people = d.window.previous_people;
    people.clear();
    for (const std::uint32_t k : f.actors) people.push_back(ParticipantOf(d.mentions[k]));
    for (const Participant& p : f.unnamed) people.push_back(p);
  }

  // "The Prime Minister" when no one of the document has that title: the one holder of the
  // title's role, on the document date, in a country the document names, who is named
  // nowhere in it (the publishing side's principal: Theresa May in a gov.uk readout that
  // names the Australian and New Zealand prime ministers). The country named most often
  // wins; a tie, or none, resolves to no one.
  const Participant* Principal(const Document& d, const FrameArg& a) {
    const std::string* role_key = nullptr;
    const std::uint32_t at = d.words[a.title_word].start;
    for (const auto& t : d.titles) {
      if (t.first < d.tokens.size() && d.tokens[t.first].start == at) role_key = t.role_key;
    }
    if (!role_key || role_key->empty() || role_key->front() == '@') return nullptr;
    if (const auto it = principals_.find(*role_key); it != principals_.end()) {
      return it->second.entity_id.empty() ? nullptr : &it->second;
    }
    std::map<std::string, int> countries;  // country id → mentions
    std::set<std::string> named;
    for (const Mention& m : d.mentions) {
      if (m.kind == gazetteer::Kind::kCountry) ++countries[m.entity_id];
      if (m.is_person()) named.insert(m.entity_id);
    }
    Participant best;
    int best_count = 0;
    bool tie = false;
    for (const auto& [country, count] : countries) {
      const auto holders = gaz_.Holders(*role_key, country, d.date.date);
      if (holders.size() != 1) continue;
      const gazetteer::Entity& e = gaz_.entity(holders.front());
      if (named.count(e.id)) continue;
      // The title's words name the office ("Prime Minister of the United Kingdom", not
      // "President of Iran", though both head a government).
      bool titled = false;
      for (const auto& r : e.roles)
        titled |= r.role == *role_key && r.HeldOn(d.date.date) && HasWords(Lower(r.title), a.title);
      if (!titled) continue;
      if (count > best_count) {
        best_count = count;
        tie = false;
        best = Participant{};
        best.entity_id = e.id;
        best.name = e.name;
        best.kind = std::string(gazetteer::KindName(e.kind));
        best.country = e.country;
        for (const auto& r : e.roles) {
          if (r.role == *role_key && r.HeldOn(d.date.date)) best.title = r.title;
        }
        best.confidence = 0.8;
      } else if (count == best_count) {
        tie = true;
      }
    }
    if (tie || best_count == 0) best = Participant{};
    Participant& kept = principals_[*role_key] = best;
    return kept.entity_id.empty() ? nullptr : &kept;
  }

 private:
  static void Add(const Document& d, EventFrame& f, std::uint32_t m, bool subject) {
    for (std::size_t k = 0; k < f.actors.size(); ++k) {
      if (d.mentions[f.actors[k]].entity_id == d.mentions[m].entity_id) return;
    }
    f.actors.push_back(m);
    f.actor_subject.push_back(subject ? 1 : 0);
  }

  // People first; without people, countries and organisations only when one is the subject
  // and there are two ("Russia and Turkey signed"); never a place or "Name (Country)".
  void Choose(const Document& d, EventFrame& f) const {
    const bool people = !f.unnamed.empty() || std::any_of(f.actors.begin(), f.actors.end(),
                                                          [&](std::uint32_t m) { return d.mentions[m].is_person(); });
    std::vector<std::uint32_t> kept;
    std::vector<char> subject;
    for (std::size_t k = 0; k < f.actors.size(); ++k) {
      const Mention& m = d.mentions[f.actors[k]];
      const bool in_parens = m.start > 0 && d.text()[m.start - 1] == '(';
      if (people ? !m.is_person() : (m.kind == gazetteer::Kind::kLocation || in_parens)) continue;
      kept.push_back(f.actors[k]);
      subject.push_back(f.actor_subject[k]);
    }
    // Events link people: countries and organisations alone make none ("the statements signed
    // by the leaders of Russia, Azerbaijan and Armenia" names no one who took part), unless
    // the user asks for them (--actors all).
    if (!people && !options_.all_actors) {
      kept.clear();
      subject.clear();
    }
    f.actors = std::move(kept);
    f.actor_subject = std::move(subject);
    const auto& entry = triggers_.entries[f.entry];
    f.event.participants.clear();
    for (std::size_t k = 0; k < f.actors.size(); ++k) {
      Participant p = ParticipantOf(d.mentions[f.actors[k]]);
      p.subject = f.actor_subject[k] != 0;
      AddInRole(&f.event, std::move(p), entry.role);
    }
    for (const Participant& p : f.unnamed) AddInRole(&f.event, p, entry.role);
  }

  // The trigger's role for the subject's people; the people after it take the other side
  // (the visited host, the visiting guest, and no mediator).
  static void AddInRole(Event* e, Participant p, const std::string& role) {
    p.role = role;
    if (!p.subject && p.role == "visitor")
      p.role = "host";
    else if (!p.subject && p.role == "host")
      p.role = "visitor";
    else if (!p.subject && p.role == "mediator")
      p.role = "participant";
    AddParticipant(e, p);
  }

  // The first person whose title (the words before the name, or the role held) has every
  // word of `title`: "the Secretary" → "Secretary Blinken", "the Prime Minister" → "Prime
  // Minister David Cameron".
  // A person found only under a country's qualifier ("Australian Prime Minister Malcolm
  // Turnbull") sets *qualified: "the Prime Minister" may then be the publishing side's own.
  std::int32_t ByTitle(const Document& d, const std::string& title, bool* qualified) {
    if (const auto it = titles_.find(title); it != titles_.end()) {
      *qualified = it->second.second;
      return it->second.first;
    }
    std::int32_t found = -1, found_qualified = -1;
    for (std::size_t k = 0; k < d.mentions.size() && found < 0; ++k) {
      const Mention& m = d.mentions[k];
      if (!m.is_person()) continue;
      std::string context = Lower(m.role);
      bool country = false;
      std::uint32_t t = m.first_token;
      for (int n = 0; n < 4 && t > 0 && (d.tokens[t - 1].flags & (text::kCapitalized | text::kPossessive)); ++n) {
        --t;
        if (d.tokens[t].flags & text::kPossessive) continue;  // "New Zealand's Prime Minister"
        context += ' ';
        context += d.tokens[t].key;
        const std::int32_t c = d.covered[t];
        country |= c >= 0 && d.mentions[static_cast<std::size_t>(c)].kind == gazetteer::Kind::kCountry;
      }
      if (!HasWords(context, title)) continue;
      if (!country)
        found = static_cast<std::int32_t>(k);
      else if (found_qualified < 0)
        found_qualified = static_cast<std::int32_t>(k);
    }
    *qualified = found < 0 && found_qualified >= 0;
    const std::int32_t result = found >= 0 ? found : found_qualified;
    titles_[title] = {result, *qualified};
    return result;
  }

  static std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
  }

  static bool HasWords(const std::string& context, const std::string& title) {
    std::size_t i = 0;
    while (i < title.size()) {
      const std::size_t j = std::min(title.find(' ', i), title.size());
      if (context.find(title.substr(i, j - i)) == std::string::npos) return false;
      i = j + 1;
    }
    return true;
  }

  // The speaker label in force at f, or the people it hails: a line that starts with a person
  // and a title, then a colon ("President of Russia Vladimir Putin: Mr Aliyev, Mr Pashinyan,"
  // or "ANTHONY ALBANESE, PRIME MINISTER:"). Labels are found once per document, on demand.
  std::vector<std::uint32_t> Speakers(const Document& d, const EventFrame& f, bool speaker) {
    if (!labels_found_) {
      labels_ = FindSpeakerLabels(d);
      labels_found_ = true;
    }
    const std::uint32_t at = d.words[f.trigger_word].start;
    auto it = std::upper_bound(labels_.begin(), labels_.end(), at,
                               [](std::uint32_t pos, const SpeakerLabel& l) { return pos < l.colon; });
    if (it == labels_.begin()) return {};
    --it;
    if (speaker) return {it->speaker};
    return it->hailed;
  }

  // The latest `count` distinct people named before the frame's sentence.
  static std::vector<std::uint32_t> RecentPeople(const Document& d, const EventFrame& f, std::size_t count) {
    std::vector<std::uint32_t> out;
    const std::uint32_t before = d.sentences[f.sentence].start;
    for (std::size_t k = d.mentions.size(); k > 0 && out.size() < count; --k) {
      const Mention& m = d.mentions[k - 1];
      if (m.start >= before || !m.is_person()) continue;
      if (std::none_of(out.begin(), out.end(),
                       [&](std::uint32_t o) { return d.mentions[o].entity_id == m.entity_id; })) {
        out.push_back(static_cast<std::uint32_t>(k - 1));
      }
    }
    return out.size() == count ? out : std::vector<std::uint32_t>{};
  }

  const Triggers& triggers_;
  const gazetteer::Gazetteer& gaz_;
  const EventOptions& options_;
  std::map<std::string, std::pair<std::int32_t, bool>> titles_;  // title → (mention, qualified)
  std::map<std::string, Participant> principals_;                // by role key; empty: none
  std::vector<SpeakerLabel> labels_;                             // by colon offset
  bool labels_found_ = false;
};

// The date of each frame: the nearest date expression of its clause before the trigger,
// else the first after it, else the document date (a default). The dateline's date says
// when the report was filed, not when its events happened. A date after the document's
// makes a happened event planned.
// A date after the trigger that says when something else happened or holds: "the agreements
// of November 10", "a ceasefire starting from November 10", "sanctions since 2014".
// A date right after a verb of reporting dates the report, not what is reported in another
// clause: "Local media reported Sunday the two sides had been discussing ...", "officials
// told reporters Monday".
bool ReportDate(const Document& d, const text::DateMention& m) {
  static const StringSet kForms = {"said",  "says",   "reported", "reports",   "announced", "announces",
                                   "told",  "tells",  "stated",   "confirmed", "confirms",  "added",
                                   "wrote", "writes", "noted",    "disclosed", "revealed",  "insisted"};
  std::uint32_t k = m.first_token;
  if (k >= 2 && (d.tokens[k - 1].key == "reporters" || d.tokens[k - 1].key == "journalists")) --k;
  return k >= 1 && kForms.count(d.tokens[k - 1].key) > 0;
}

bool AttachedElsewhere(const Document& d, const text::DateMention& m) {
  if (m.first_token == 0) return false;
  const std::string_view before = d.tokens[m.first_token - 1].key;
  if (before == "of" || before == "from" || before == "since" || before == "until" || before == "till" ||
      before == "through") {
    return true;
  }
  // A possessor's date dates a noun, not the clause: "to discuss the DPRK's August 24 launch".
  const std::string_view lead = d.text().substr(0, d.tokens[m.first_token].start);
  return lead.ends_with("'s ") || lead.ends_with("\u2019s ") || lead.ends_with("s' ");
}

// A label's words: capitalised (or all capitals), with "of", "the", "and", "for" and commas.
bool LabelWords(std::string_view s) {
  std::size_t i = 0;
  int words = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    const std::size_t j = std::min(s.find_first_of(" ,\t", i), s.size());
    if (j == i) break;
    const std::string_view w = s.substr(i, j - i);
    const bool small = w == "of" || w == "the" || w == "and" || w == "for";
    if (!small && !((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0xC0)) return false;
    ++words;
    i = j;
  }
  return words >= 2 && words <= 12;
}

}  // namespace

std::vector<SpeakerLabel> FindSpeakerLabels(const Document& d) {
  std::vector<SpeakerLabel> labels;
  const std::string_view text = d.text();
  std::size_t m = 0;
  for (std::size_t line = 0; line < text.size();) {
    const std::size_t eol = std::min(text.find('\n', line), text.size());
    const std::size_t colon = text.substr(line, std::min<std::size_t>(eol - line, 100)).find(':');
    while (m < d.mentions.size() && d.mentions[m].start < line) ++m;
    if (colon != std::string_view::npos && LabelWords(text.substr(line, colon))) {
      SpeakerLabel l;
      l.colon = static_cast<std::uint32_t>(line + colon);
      bool found = false;
      std::size_t k = m;
      for (; k < d.mentions.size() && d.mentions[k].start < l.colon; ++k) {
        if (d.mentions[k].is_person() && !d.mentions[k].descriptive()) {
          l.speaker = static_cast<std::uint32_t>(k);
          found = true;
        }
      }
      // Those hailed: "Mr Aliyev, Mr Pashinyan," right after the colon, before any sentence.
      const std::size_t stop = std::min(eol, text.find_first_of(".!?", l.colon));
      for (; k < d.mentions.size() && d.mentions[k].start < stop; ++k) {
        if (d.mentions[k].is_person() && !d.mentions[k].descriptive())
          l.hailed.push_back(static_cast<std::uint32_t>(k));
      }
      if (found) labels.push_back(std::move(l));
    }
    line = eol + 1;
  }
  return labels;
}

namespace {

// A noun trigger in a "following"/"after" phrase that names whose event it was ("following
// Trump's meeting with Putin", "after the talks"): an event told of as already known. (Bare
// "after three hours of talks" is news of the same day.)
bool Anterior(const Document& d, const EventFrame& f) {
  if (!f.nominal) return false;
  const auto word = [&](std::uint32_t w) {
    return d.text().substr(d.words[w].start, d.words[w].end - d.words[w].start);
  };
  bool known = false;  // a possessor or a definite determiner
  std::uint32_t k = f.trigger_word;
  const std::uint32_t first = analysis::WordsOf(d, f.sentence).first;
  while (k > first) {
    const std::uint32_t w = k - 1;
    const tagger::Upos pos = d.upos[w];
    const std::string_view t = word(w);
    const bool capital = !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
    if (pos == tagger::Upos::kPart || pos == tagger::Upos::kDet || pos == tagger::Upos::kPron) {
      known |= pos == tagger::Upos::kPart || t == "the" || t == "The" || t == "his" || t == "her";
    } else if (!(d.word_mention[w] >= 0 || pos == tagger::Upos::kAdj || capital)) {
      break;
    }
    --k;
  }
  if (k == first || !known) return false;
  const std::string_view before = word(k - 1);
  return before == "following" || before == "Following" || before == "after" || before == "After";
}

// Whether f's sentence tells of a trip of several days ("a three-day trip", "his two-day
// visit", "a week-long tour") before f's trigger.
bool DuringTrip(const Document& d, const EventFrame& f) {
  const std::uint32_t first = analysis::WordsOf(d, f.sentence).first;
  for (std::uint32_t w = first; w + 1 < f.trigger_word; ++w) {
    const std::string_view t = d.text().substr(d.words[w].start, d.words[w].end - d.words[w].start);
    const std::string_view next = d.text().substr(d.words[w + 1].start, d.words[w + 1].end - d.words[w + 1].start);
    // The tagger splits "three-day" into "three", "-", "day".
    const bool hyphen = w > first && d.text().substr(d.words[w - 1].start, 1) == "-";
    const bool days = (t.ends_with("-day") || t.ends_with("-week") || t.ends_with("-long")) ||
                      (hyphen && (t == "day" || t == "week" || t == "long"));
    if (days && (next == "trip" || next == "visit" || next == "tour" || next == "journey")) return true;
  }
  return false;
}

// "Theresa May": a month inside a person's name is no date.
bool InPersonName(const Document& d, const text::DateMention& m) {
  const std::uint32_t at = d.tokens[m.first_token].start, end = d.tokens[m.end_token - 1].end;
  auto it = std::lower_bound(d.mentions.begin(), d.mentions.end(), at,
                             [](const Mention& x, std::uint32_t pos) { return x.end <= pos; });
  for (; it != d.mentions.end() && it->start < end; ++it) {
    if (it->is_person()) return true;
  }
  return false;
}

// Whether only phrases without a verb stand between f's clause and byte offset `to`, on
// one line: "meet in the palace in Kazan, Russia, Friday, June 24, 2011" (but not "discussed
// plans to hold elections in October").
bool OnlyAdjunctsBetween(const Document& d, const EventFrame& f, std::uint32_t to) {
  const std::uint32_t from = d.words[f.trigger_word].start;
  if (d.text().substr(from, to - from).find('\n') != std::string_view::npos) return false;
  for (std::uint32_t w = f.clause_end; w < d.words.size() && d.words[w].start < to; ++w) {
    if (d.upos[w] == tagger::Upos::kVerb || d.upos[w] == tagger::Upos::kAux) return false;
  }
  return true;
}

// Whether f's trigger is a verb in its past form ("met", "spoke", "held talks"; not "meet",
// "meets", "meeting" or a noun).
bool PastForm(const Document& d, const EventFrame& f) {
  if (f.nominal && f.governing == UINT32_MAX) return false;
  const std::uint32_t w = f.governing != UINT32_MAX ? f.governing : f.trigger_word;
  const std::uint32_t last = f.nominal ? f.trigger_word - 1 : f.trigger_word;
  for (std::uint32_t k = w; k < d.words.size() && k <= last; ++k) {
    const std::string_view t = d.text().substr(d.words[k].start, d.words[k].end - d.words[k].start);
    const bool verb = d.upos[k] == tagger::Upos::kVerb || d.upos[k] == tagger::Upos::kAux;
    if (!verb && k != f.trigger_word) continue;  // the trigger itself may be read as a noun ("last met")
    if (t == "will" || t == "would" || t == "shall" || t == "to") return false;
    // Regular past forms, and the irregular ones of the trigger and light verbs.
    static const std::set<std::string_view> kIrregular = {"met",  "spoke", "held", "had",    "did",   "was",
                                                          "were", "sat",   "took", "made",   "paid",  "came",
                                                          "went", "flew",  "gave", "spoken", "taken", "made"};
    if (t.ends_with("ed") || kIrregular.count(t)) return true;
  }
  return false;
}

// Whether the date expression names a month without its year ("in September"; not
// "September 2023", "on Monday", "tomorrow").
bool YearlessMonth(const Document& d, const text::DateMention& m) {
  static const std::set<std::string_view> kMonths = {
      "january",   "february", "march",    "april",    "may",  "june", "july", "august",
      "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
      "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
  bool month = false;
  for (std::uint32_t k = m.first_token; k < m.end_token; ++k) {
    const std::string_view key = d.tokens[k].key;
    if (key.size() == 4 && key.find_first_not_of("0123456789") == std::string_view::npos) return false;
    month |= kMonths.count(key) > 0;
  }
  return month;
}

// Whether byte offset `at`, before f's trigger, lies in a relative clause that closes before
// it: "Orban, who will visit Kyiv next month, met Zelenskyy" (next month dates the visit).
bool InRelativeBefore(Document& d, const EventFrame& f, std::uint32_t at) {
  const SentenceView s(d, f.sentence);
  const auto comma = [&](std::uint32_t w) { return s.Pos(w) == tagger::Upos::kPunct && s.Text(w) == ","; };
  std::uint32_t w = f.clause_first;
  while (w < f.trigger_word && d.words[w].end <= at) ++w;  // the first word at or after `at`
  bool closed = false;
  for (std::uint32_t k = w; k < f.trigger_word && !closed; ++k) closed = comma(k);
  if (!closed) return false;
  for (std::uint32_t k = w; k > f.clause_first; --k) {
    if (!comma(k - 1)) continue;
    const std::string& l = s.Lemma(k);
    return l == "who" || l == "which" || l == "whose" || l == "whom";
  }
  return false;
}

class DatesStep : public analysis::Annotator {
 public:
  void Annotate(Document& d) override {
    d.dates.clear();
    std::uint32_t dated = UINT32_MAX;
    std::size_t first_date = 0;
    for (EventFrame& f : d.frames) {
      if (f.sentence != dated) {
        dated = f.sentence;
        first_date = d.dates.size();
        auto dates = text::FindDates(d.text(), d.tokens, f.first_token, f.end_token, d.date.date);
        for (auto& m : dates) {
          const std::uint32_t at = d.tokens[m.first_token].start;
          if (!(at >= d.date.dateline.start && at < d.date.dateline.end) && !InPersonName(d, m)) {
            d.dates.push_back(std::move(m));
          }
        }
      }
      Date(d, f, first_date);
    }
  }

 private:
  static void Date(Document& d, EventFrame& f, std::size_t first_date) {
    const std::uint32_t from = d.words[f.clause_first].start;
    const std::uint32_t to = d.words[std::max(f.clause_end, f.clause_first + 1) - 1].end;
    const std::uint32_t trigger = d.words[f.trigger_word].start;
    const text::DateMention* best = nullptr;
    const text::DateMention* nearest = nullptr;  // in the sentence, outside the clause
    const text::DateMention* later = nullptr;    // after the clause, no other trigger between
    std::uint32_t nearest_distance = UINT32_MAX;
    for (std::size_t k = first_date; k < d.dates.size(); ++k) {
      const auto& m = d.dates[k];
      if (m.value.empty()) continue;
      const std::uint32_t at = d.tokens[m.first_token].start;
      const std::uint32_t end = d.tokens[m.end_token - 1].end;
      if (at < from || at >= to) {
        const std::uint32_t distance = end <= trigger ? trigger - end : at - trigger;
        // Outside the clause only a date before the trigger: one after it belongs to
        // another phrase ("the agreements of November 10, 2020, and January 11, 2021").
        if (distance < nearest_distance && end <= trigger && !ReportDate(d, m)) {
          nearest = &m;
          nearest_distance = distance;
        }
        // "A, left, and B, right, meet in the palace in Kazan, Friday, June 24, 2011."
        if (!later && at >= to && !AttachedElsewhere(d, m) && OnlyAdjunctsBetween(d, f, at)) later = &m;
        continue;
      }
      if (end <= trigger && (InRelativeBefore(d, f, at) || ReportDate(d, m))) continue;
      if (end <= trigger)
        best = &m;
      else if (!best && !AttachedElsewhere(d, m))
        best = &m;
    }
    if (!best) best = nearest;  // "On January 11, after A and B met in Moscow, ..."
    if (!best) best = later;
    // "Friday, June 24, 2011": of a weekday and the full date beside it, the full date.
    for (std::size_t k = first_date; best && k + 1 < d.dates.size(); ++k) {
      if (&d.dates[k] != best) continue;
      const auto& next = d.dates[k + 1];
      if ((next.value.size() > best->value.size() || (best->relative && !next.relative)) && !next.value.empty() &&
          d.tokens[next.first_token].start <= d.tokens[best->end_token - 1].end + 2) {
        best = &next;
      }
      break;
    }
    // "following President Trump's meeting with President Putin": an earlier event the text
    // does not date has no date (not the document's).
    const bool earlier = !best && Anterior(d, f);
    f.event.date = best ? best->value : earlier ? "" : d.date.date;
    f.event.default_date_doc = best || earlier ? "" : d.doc.id;
    // "concluded a three-day trip to Lebanon, where he met ...": some day of the trip, which
    // the text does not say; the month is what is known.
    if (!best && !earlier && d.date.date.size() == 10 && DuringTrip(d, f)) {
      f.event.date = d.date.date.substr(0, 7);
      f.event.default_date_doc.clear();
    }
    const std::string& doc_date = d.date.date;
    // "will travel to Egypt on Saturday, where he is to meet ...": a weekday of a planned
    // event is the next such day (the same day included), not the last.
    if (best && best->weekday >= 0 && f.status == EventStatus::kPlanned) {
      std::string next = text::NextWeekday(doc_date, best->weekday);
      if (!next.empty()) f.event.date = std::move(next);
      return;
    }
    // "last met in Sochi in September" in a July article: a past form dated by a month the
    // text gives without a year is dated by the last such month before the document. (A day,
    // "On March 1, A met B" in a February article, keeps the year text::FindDates gives it,
    // which puts it at most 60 days after: the document's date may be late.)
    if (best && f.status == EventStatus::kHappened && doc_date.size() == 10 && best->value.size() == 7 &&
        best->value.compare(0, 7, doc_date, 0, 7) > 0 && PastForm(d, f) && YearlessMonth(d, *best)) {
      std::string year_before = best->value;
      year_before.replace(0, 4, std::to_string(std::stoi(year_before.substr(0, 4)) - 1));
      f.event.date = year_before;
      return;
    }
    if (best && f.status == EventStatus::kHappened && doc_date.size() == 10 && best->value.size() == 10 &&
        best->value > doc_date) {
      f.status = EventStatus::kPlanned;  // "the meeting in Geneva tomorrow"
    }
  }
};

bool IsPlace(const Mention& m) {
  return (m.kind == gazetteer::Kind::kLocation || m.kind == gazetteer::Kind::kCountry) && !m.descriptive();
}

// Place, mode and mediators of each frame with people.
class AttributesStep : public analysis::Annotator {
 public:
  explicit AttributesStep(const gazetteer::Gazetteer& g) : gaz_(g) {}

  void Annotate(Document& d) override {
    for (EventFrame& f : d.frames) {
      if (f.event.participants.empty()) continue;
      const SentenceView s(d, f.sentence);
      Mode(s, f);
      Place(s, f);
      Mediators(d, f);
    }
    VisitPlaces(d);
  }

  // "made a visit to Kyiv, holding talks with X", "During his visit to Kyiv, A met X": a
  // meeting of the sentence that has no place of its own is at the destination of a visit
  // of one of its participants in that sentence.
  static void VisitPlaces(Document& d) {
    for (const EventFrame& v : d.frames) {
      if (v.event.event_class != "visit" || v.event.place.empty() || v.event.participants.empty()) continue;
      for (EventFrame& f : d.frames) {
        if (f.sentence != v.sentence || &f == &v || !f.event.place.empty() || f.event.event_class != "meet" ||
            f.status != v.status) {
          continue;
        }
        const bool shared =
            std::any_of(f.event.participants.begin(), f.event.participants.end(), [&](const Participant& p) {
              return std::any_of(v.event.participants.begin(), v.event.participants.end(),
                                 [&](const Participant& q) { return q.entity_id == p.entity_id; });
            });
        if (!shared) continue;
        f.event.place = v.event.place;
        f.event.place_name = v.event.place_name;
      }
    }
  }

 private:
  static void Mode(const SentenceView& s, EventFrame& f) {
    // A noun trigger's predicate follows it: "The meeting ... was held in a video format".
    const std::uint32_t end = f.nominal ? s.end() : f.clause_end;
    for (std::uint32_t w = f.clause_first; w < end; ++w) {
      const std::string& l = s.Lemma(w);
      if (l == "phone" || l == "telephone" || l == "telephonic" || l == "phonecall") f.event.mode = "phone";
      if (l == "video" || l == "videoconference" || l == "virtual" || l == "virtually" || l == "online" ||
          l == "videolink") {
        f.event.mode = "video";
      }
    }
    if (f.event.mode.empty() && f.event.event_class == "call") f.event.mode = "phone";
  }

  // "met in Moscow", "talks at the Kremlin", "visited Ankara", "a visit to Baku".
  // "flew to Sochi to take part in a meeting": the journey's destination is the event's place
  // when the journey's verb governs the trigger and `to` (the word before the place) follows it.
  static bool JourneyTo(const SentenceView& s, const EventFrame& f, std::uint32_t to) {
    if (f.governing == UINT32_MAX || to < f.governing) return false;
    for (std::uint32_t w = f.governing; w < to; ++w) {
      const std::string& l = s.Lemma(w);
      if (l == "fly" || l == "travel" || l == "go" || l == "come" || l == "head" || l == "return") return true;
    }
    return false;
  }

  static void Place(const SentenceView& s, EventFrame& f) {
    const Document& d = s.doc();
    for (std::uint32_t w = f.clause_first; w < f.clause_end; ++w) {
      const std::int32_t m = s.MentionOf(w);
      if (m < 0 || (w > s.first() && s.MentionOf(w - 1) == m)) continue;
      const Mention& mention = d.mentions[static_cast<std::size_t>(m)];
      if (!IsPlace(mention) || w == s.first()) continue;
      std::uint32_t before = w - 1;
      if (s.Lemma(before) == "the" && before > s.first()) --before;
      const std::string& p = s.Lemma(before);
      // "the situation in the Black Sea", "a ceasefire in Nagorno-Karabakh": the phrase tells
      // where something else is, not where the event took place.
      if ((p == "in" || p == "at") && before > s.first() && s.Pos(before - 1) == Upos::kNoun &&
          s.MentionOf(before - 1) < 0 && before != f.trigger_end) {
        continue;
      }
      // "in the Black Sea resort of Sochi": the place the phrase ends with.
      std::uint32_t last = w;
      while (last + 1 < s.end() && s.MentionOf(last + 1) == m) ++last;
      if (last + 3 < s.end() && s.Pos(last + 1) == Upos::kNoun && s.Is(last + 2, "of") && s.MentionOf(last + 3) >= 0 &&
          IsPlace(d.mentions[static_cast<std::size_t>(s.MentionOf(last + 3))])) {
        const Mention& inner = d.mentions[static_cast<std::size_t>(s.MentionOf(last + 3))];
        f.event.place = inner.entity_id;
        f.event.place_name = inner.name;
        return;
      }
      // "visited Baku", "a visit to Baku"; "visits Baku for talks": the talks' place too.
      const bool visit_to = (f.event.event_class == "visit" && (p == "to" || before + 1 == f.trigger_end)) ||
                            (f.governing != UINT32_MAX && p == "visit" && before >= f.governing) ||
                            (p == "to" && JourneyTo(s, f, before)) || (p == "to" && WelcomedTo(s, f, before));
      if (p == "in" || p == "at" || visit_to) {
        f.event.place = mention.entity_id;
        f.event.place_name = mention.name;
        return;
      }
    }
  }

  // "welcomed Zelenskiy to Istanbul", "hosted Modi to Washington": a host's guest brought
  // to a place (`to` right after the guest's name).
  static bool WelcomedTo(const SentenceView& s, const EventFrame& f, std::uint32_t to) {
    if (f.nominal || to <= f.trigger_end || !(s.Is(f.trigger_word, "welcome") || s.Is(f.trigger_word, "host"))) {
      return false;
    }
    const std::int32_t guest = s.MentionOf(to - 1);
    return guest >= 0 && s.doc().mentions[static_cast<std::size_t>(guest)].is_person();
  }

  // People who hold a mediating role on the event's date.
  void Mediators(const Document& d, EventFrame& f) const {
    for (const std::uint32_t a : f.actors) {
      const Mention& m = d.mentions[a];
      if (m.entity < 0) continue;
      auto it = std::find_if(f.event.participants.begin(), f.event.participants.end(),
                             [&](const Participant& p) { return p.entity_id == m.entity_id; });
      if (it == f.event.participants.end() || it->role != "participant") continue;
      for (const auto& r : gaz_.entity(static_cast<std::uint32_t>(m.entity)).roles) {
        if ((r.role == "co_chair" || r.role == "personal_representative" || r.role == "envoy") &&
            r.HeldOn(f.event.date)) {
          it->role = "mediator";
        }
      }
    }
  }

  const gazetteer::Gazetteer& gaz_;
};

// Frames become events (one per object with "separately"), merged within the document; those
// of fewer than two participants go.
class AssemblyStep : public analysis::Annotator {
 public:
  AssemblyStep(const Triggers& t, const EventOptions& o) : triggers_(t), options_(o) {}

  void Annotate(Document& d) override {
    UpgradeTypes(d);
    std::vector<Event> found;
    static const bool debug = std::getenv("AG_DEBUG_FRAMES") != nullptr;
    for (EventFrame& f : d.frames) {
      if (debug) {
        std::fprintf(stderr, "frame %s status=%d args=%zu actors=%zu parts=%zu clause=[%u,%u) trig=%u\n",
                     f.event.type.c_str(), static_cast<int>(f.status), f.args.size(), f.actors.size(),
                     f.event.participants.size(), f.clause_first, f.clause_end, f.trigger_word);
      }
      if (f.status == EventStatus::kNegated || f.event.participants.empty()) continue;
      const auto& entry = triggers_.entries[f.entry];
      Event e = std::move(f.event);
      e.type = triggers_.entries[f.type_from == UINT32_MAX ? f.entry : f.type_from].type;
      e.event_class = entry.event_class;
      e.cameo = CameoOf(entry);
      e.status = std::string(analysis::EventStatusName(f.status));
      // CAMEO 036: express intent to meet or negotiate.
      if (f.status == EventStatus::kPlanned && e.event_class != "sign") e.cameo = "036";
      if (f.separately) {
        Split(e, &found);
      } else {
        found.push_back(std::move(e));
        Canonicalize(&found.back());
      }
    }
    d.events.clear();
    std::vector<Event> refs;
    if (d.windowed()) {
      // A large document: the events of the earlier windows join this window's, merged, with
      // any number of participants; the last window keeps those of two people or more and
      // links the references of all windows (analysis::WindowState).
      // They are kept as found, so that the one merge at the end is that of the whole
      // document, until there are more than WindowState::compact_at: they are then merged
      // so far (the grouping may then differ from the whole document's) and the bound doubles.
      auto& carried = d.window.events;
      for (auto& e : found) carried.push_back(std::move(e));
      CollectReferences(d, &d.window.event_refs);
      if (!d.window.last) {
        if (carried.size() > d.window.compact_at) {
          carried = MergeEvents(std::move(carried));
          d.window.compact_at = std::max(d.window.compact_at, 2 * carried.size());
        }
        return;
      }
      found = MergeEvents(std::move(carried));
      carried.clear();
      refs = std::move(d.window.event_refs);
    } else {
      found = MergeEvents(std::move(found));
      CollectReferences(d, &refs);
    }
    for (auto& e : found) {
      if (e.participants.size() >= 2) d.events.push_back(std::move(e));
    }
    LinkReferences(d, refs);
  }

 private:
  // "A, B and C met, and a joint statement was signed": the signing is a statement. A verb
  // trigger takes the more specific type of a noun trigger of its class inside its clause.
  void UpgradeTypes(Document& d) const {
    // Frames are in sentence order: compare only those of one sentence (linear in frames).
    std::size_t first = 0;
    for (std::size_t i = 0; i < d.frames.size(); ++i) {
      EventFrame& f = d.frames[i];
      if (d.frames[first].sentence != f.sentence) first = i;
      if (f.nominal) continue;
      for (std::size_t j = first; j < d.frames.size() && d.frames[j].sentence == f.sentence; ++j) {
        const EventFrame& g = d.frames[j];
        if (!g.nominal || g.trigger_word < f.clause_first || g.trigger_word >= f.clause_end) continue;
        const auto& mine = triggers_.entries[f.entry];
        const auto& theirs = triggers_.entries[g.entry];
        if (theirs.event_class == mine.event_class && TypeRank(theirs.type) > TypeRank(mine.type))
          f.type_from = g.entry;
      }
    }
  }

  // "the trilateral agreements of November 10, 2020": a noun trigger with no one taking part
  // and a full date in an "of" phrase right after it tells of an event reported elsewhere in
  // the document; its evidence joins the one event of that class within a day of the date.
  // The references of this document's frames, each as its class, date and evidence.
  void CollectReferences(const Document& d, std::vector<Event>* refs) const {
    for (const EventFrame& f : d.frames) {
      if (!f.nominal || !f.actors.empty() || f.status != EventStatus::kHappened) continue;
      std::string date = ReferenceDate(d, f);
      if (date.empty()) continue;
      Event ref;
      ref.event_class = triggers_.entries[f.entry].event_class;
      ref.date = std::move(date);
      ref.evidence.push_back({d.doc.id, d.words[f.trigger_word].start, d.words[f.trigger_end - 1].end});
      refs->push_back(std::move(ref));
    }
  }

  static void LinkReferences(Document& d, const std::vector<Event>& refs) {
    for (const Event& ref : refs) {
      const long day = DayOf(ref.date);
      Event* match = nullptr;
      int matches = 0;
      for (Event& e : d.events) {
        if (e.event_class != ref.event_class || e.date.size() != 10) continue;
        if (std::labs(DayOf(e.date) - day) > 1) continue;
        match = &e;
        ++matches;
      }
      if (matches != 1) continue;
      match->evidence.push_back(ref.evidence.front());
      Canonicalize(match);
    }
  }

  static long DayOf(const std::string& iso) {
    return iso_date::ToDays(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
  }

  // The full date of the "of" phrase right after the frame's noun phrase, or "".
  static std::string ReferenceDate(const Document& d, const EventFrame& f) {
    const SentenceView s(const_cast<Document&>(d), f.sentence);
    std::uint32_t nb = 0, ne = 0;
    s.NpAround(f.trigger_word, &nb, &ne);
    if (!s.Is(ne, "of") || ne + 1 >= s.end()) return "";
    const std::uint32_t at = d.words[ne + 1].start;
    for (const auto& m : d.dates) {
      if (d.tokens[m.first_token].start == at && m.value.size() == 10) return m.value;
    }
    return "";
  }

  // "spoke separately with A and B": the subject with each object.
  static void Split(const Event& e, std::vector<Event>* out) {
    std::vector<Participant> subjects, objects;
    for (const auto& p : e.participants) (p.subject ? subjects : objects).push_back(p);
    if (subjects.empty() || objects.size() < 2) {
      out->push_back(e);
      Canonicalize(&out->back());
      return;
    }
    for (const auto& o : objects) {
      Event one = e;
      one.participants = subjects;
      one.participants.push_back(o);
      out->push_back(std::move(one));
      Canonicalize(&out->back());
    }
  }

  // The lexicon's CAMEO code, or the verb dictionary's for a verb trigger it lists.
  std::string CameoOf(const Triggers::Entry& entry) const {
    if (!entry.noun && !options_.verbs.code_by_lemma.empty()) {
      std::string lemma;
      for (const auto& w : entry.lemmas) lemma += (lemma.empty() ? "" : " ") + w;
      const std::string_view code = options_.verbs.CodeOf(lemma);
      if (!code.empty()) return std::string(code);
    }
    return entry.cameo;
  }

  const Triggers& triggers_;
  const EventOptions& options_;
};

}  // namespace

std::unique_ptr<analysis::Annotator> MakeStatusStep(const Cues& c) { return std::make_unique<StatusStep>(c); }
std::unique_ptr<analysis::Annotator> MakeCoreferenceStep(const Triggers& t, const gazetteer::Gazetteer& g,
                                                         const EventOptions& o) {
  return std::make_unique<CoreferenceStep>(t, g, o);
}
std::unique_ptr<analysis::Annotator> MakeDatesStep() { return std::make_unique<DatesStep>(); }
std::unique_ptr<analysis::Annotator> MakeAttributesStep(const gazetteer::Gazetteer& g) {
  return std::make_unique<AttributesStep>(g);
}
std::unique_ptr<analysis::Annotator> MakeAssemblyStep(const Triggers& t, const EventOptions& o) {
  return std::make_unique<AssemblyStep>(t, o);
}

}  // namespace actorgraph::events::internal

// The event annotators: candidates, triggers, arguments, status, coreference, dates,
// attributes, assembly. See EVENTS.md.
#include "events/internal/steps.hpp"
#include "common/iso_date.hpp"
#include "events/internal/clause.hpp"

#include <algorithm>
#include <set>

namespace actorgraph::events::internal {
namespace {

using analysis::Document;
using analysis::EventFrame;
using analysis::EventStatus;
using analysis::FrameArg;
using analysis::Mention;

// Sentences with a word that may start a trigger and someone it could link: a person, a
// title or a word that refers back ("they", "the two leaders"). Only those are tagged. A
// sentence whose only mentions are of countries, organisations or places makes frames that
// link no one (events link people), so it is tagged only when its words may still name
// someone or date an earlier event (MayNameSomeone), as the event steps would read them.
class CandidatesStep : public analysis::Annotator {
 public:
  CandidatesStep(const Triggers& t, const Cues& c, const tagger::Model& m, const EventOptions& o)
      : triggers_(t), cues_(c), model_(m), tagger_(m), options_(o) {
    const StringSet* sets[] = {&t.forms, &c.pronoun, &c.plural, &c.speaker};
    std::size_t keys = 0;
    for (const StringSet* set : sets) keys += set->size();
    filter_.Reset(keys);
    for (const StringSet* set : sets) {
      for (const std::string& k : *set) filter_.Add(k);
    }
  }

  void Annotate(Document& d) override {
    d.to_tag.clear();
    std::size_t title = 0;
    int transcript = -1;  // whether the document has speaker labels: found on demand
    ForEachSentence(d,
                    [&](std::uint32_t s, std::uint32_t first, std::uint32_t end, std::uint32_t mb, std::uint32_t me) {
                      bool trigger = false, someone = PersonIn(d, s, mb, me), speaker = false;
                      for (std::uint32_t i = first; i < end && !(trigger && someone); ++i) {
                        const HashedKey key{d.tokens[i].key, d.tokens[i].hash};
                        if (!filter_.MayContain(key)) continue;  // most words: one load, no look-up
                        trigger |= triggers_.forms.count(key) > 0;
                        someone |= cues_.pronoun.count(key) > 0 || cues_.plural.count(key) > 0;
                        speaker |= cues_.speaker.count(key) > 0;
                      }
                      while (title < d.titles.size() && d.titles[title].end <= first) ++title;
                      someone |= title < d.titles.size() && d.titles[title].first < end;
                      if (!trigger) return;
                      // "I am happy to welcome you": in a transcript, the speaker and those hailed.
                      if (!someone && speaker) someone = Transcript(d, &transcript);
                      // --actors all: countries and organisations may make the event themselves.
                      if (!someone && mb < me)
                        someone = options_.all_actors || MayNameSomeone(d, s, first, end, &transcript);
                      if (someone) d.to_tag.push_back(s);
                    });
  }

 private:
  // Whether a person's mention is in sentence s (mentions [mb, me), and one that starts
  // before the sentence and reaches into it).
  static bool PersonIn(const Document& d, std::uint32_t s, std::uint32_t mb, std::uint32_t me) {
    if (mb > 0 && d.mentions[mb - 1].end > d.sentences[s].start && d.mentions[mb - 1].is_person()) return true;
    for (std::uint32_t m = mb; m < me; ++m) {
      if (d.mentions[m].is_person()) return true;
    }
    return false;
  }

  static bool Transcript(const Document& d, int* transcript) {
    if (*transcript < 0) *transcript = FindSpeakerLabels(d).empty() ? 0 : 1;
    return *transcript == 1;
  }

  // Whether a mention overlaps bytes [start, end) (mentions are sorted and never overlap).
  static bool InMention(const Document& d, std::uint32_t start, std::uint32_t end) {
    const auto it =
        std::partition_point(d.mentions.begin(), d.mentions.end(), [&](const Mention& m) { return m.end <= start; });
    return it != d.mentions.end() && it->start < end;
  }

  // Whether the tagger's words of sentence s may name someone without a person's mention, by
  // a rule of the event steps: a pronoun that refers back ("them": its lemma as a pronoun),
  // "I" or "you" of a transcript, a plural that refers back ("the two leaders"), a title after
  // "the" ("the Secretary": a capitalised word outside a mention); or hold a full date (a noun
  // trigger with "of" and a full date joins the event of that date). A word is read as a
  // pronoun or a determiner only when the tag dictionary has it so, or does not know it.
  bool MayNameSomeone(const Document& d, std::uint32_t s, std::uint32_t first, std::uint32_t end, int* transcript) {
    const text::Span span = d.sentences[s];
    words_.clear();
    tagger::Tokenize(d.text().substr(span.start, span.end - span.start), span.start, &words_);
    const std::size_t n = words_.size();
    for (std::size_t w = 0; w < n; ++w) {
      const std::string_view form = d.text().substr(words_[w].start, words_[w].end - words_[w].start);
      lower_.assign(form);
      for (char& c : lower_) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (cues_.plural.count(lower_)) return true;
      const std::uint32_t tags = model_.TagClass(form);
      const auto may_be = [&](tagger::Upos u) { return tags == 0 || (tags & (1U << static_cast<int>(u))) != 0; };
      if (may_be(tagger::Upos::kPron)) {
        const std::string& lemma = LemmaOf(d, w, tagger::Upos::kPron);
        if (cues_.pronoun.count(lemma) || (cues_.speaker.count(lemma) && Transcript(d, transcript))) return true;
      }
      if (w + 1 < n &&
          (lower_ == "the" || (may_be(tagger::Upos::kDet) && LemmaOf(d, w, tagger::Upos::kDet) == "the"))) {
        const unsigned char c = static_cast<unsigned char>(d.text()[words_[w + 1].start]);
        if (((c >= 'A' && c <= 'Z') || c >= 0xC0) && !InMention(d, words_[w + 1].start, words_[w + 1].end)) return true;
      }
    }
    for (const auto& m : text::FindDates(d.text(), d.tokens, first, end, d.date.date)) {
      if (m.value.size() == 10) return true;
    }
    return false;
  }

  // The lemma of word w of words_ read with tag `upos`.
  const std::string& LemmaOf(const Document& d, std::size_t w, tagger::Upos upos) {
    tagger_.Lemmatize(d.text(), std::span<const tagger::Token>(&words_[w], 1), &upos, &lemma_);
    return lemma_.front();
  }

  const Triggers& triggers_;
  const Cues& cues_;
  const tagger::Model& model_;
  KeyFilter filter_;       // the keys of the four sets the token loop looks up
  tagger::Tagger tagger_;  // lemmas only
  std::vector<tagger::Token> words_;
  std::string lower_;
  std::vector<std::string> lemma_;
  const EventOptions& options_;
};

bool DateWord(const std::string& l) {
  static const std::set<std::string> words = {"january", "february", "march",     "april",    "may",      "june",
                                              "july",    "august",   "september", "october",  "november", "december",
                                              "monday",  "tuesday",  "wednesday", "thursday", "friday",   "saturday",
                                              "sunday",  "the",      "that",      "this"};
  return words.count(l) > 0 || (!l.empty() && l[0] >= '0' && l[0] <= '9');
}

// The last word of a time phrase: a weekday, a month, a day's number, "week", "yesterday".
bool TimeWord(const std::string& l) {
  static const std::set<std::string> words = {"week",    "month",     "year",    "today", "yesterday",
                                              "morning", "afternoon", "evening", "night", "weekend",
                                              "earlier", "later",     "ago"};
  return (DateWord(l) && l != "the" && l != "that" && l != "this") || words.count(l) > 0;
}

// A trigger at word w, or UINT32_MAX: the lexicon entry whose lemmas and part of speech fit.
std::uint32_t TriggerAt(const SentenceView& s, const Triggers& triggers, std::uint32_t w, std::uint32_t* end) {
  if (s.MentionOf(w) >= 0) return UINT32_MAX;
  Upos pos = s.Pos(w);
  // "Ilham Aliyev and Nikol Pashinyan met.": a past form right after a name, which the tagger
  // sometimes reads as the end of the noun phrase.
  // Also past adverbs between ("Putin and Erdogan last met", "they first met", "A also met").
  if (pos != Upos::kVerb && w > s.first() && triggers.past.count(s.Lemma(w))) {
    std::uint32_t k = w - 1;
    while (k > s.first() && (s.Pos(k) == Upos::kAdv || s.Is(k, "last") || s.Is(k, "first")) && w - k <= 2) --k;
    // "who on Monday met", "who last week met": a time phrase between the subject and the
    // verb, which the tagger also reads into the noun phrase.
    const bool time = k + 1 == w && TimeWord(s.Lemma(k));
    const bool subject = s.MentionOf(k) >= 0 || (k + 1 < w && s.Pos(k) == Upos::kPron) || time;
    if (subject) pos = Upos::kVerb;
  }
  const bool after_possessive = w > s.first() && s.Possessive(w - 1);  // headline "Rubio's Call with"
  const auto past =
      pos == Upos::kVerb && s.Pos(w) != Upos::kVerb ? triggers.past.find(s.Lemma(w)) : triggers.past.end();
  std::string lemma = past != triggers.past.end() ? past->second : s.Lemma(w);
  // The lemmatiser drops the "e" of verbs it has not seen ("convened" → "conven").
  if (pos == Upos::kVerb && triggers.Find(lemma).empty() && !triggers.Find(lemma + "e").empty()) lemma += 'e';
  for (const std::uint32_t e : triggers.Find(lemma)) {
    const auto& entry = triggers.entries[e];
    const bool noun_ok = pos == Upos::kNoun || pos == Upos::kPropn || (after_possessive && pos == Upos::kVerb);
    if (entry.noun ? !noun_ok : (pos != Upos::kVerb || after_possessive)) continue;
    const auto n = static_cast<std::uint32_t>(entry.lemmas.size());
    const std::uint32_t first = entry.noun ? w - std::min(w - s.first(), n - 1) : w;
    if (entry.noun && w - first != n - 1) continue;
    if (first + n > s.end()) continue;
    bool fits = true;
    for (std::uint32_t k = 0; k < n; ++k) {
      fits &= (first + k == w ? lemma : s.Lemma(first + k)) == entry.lemmas[k];
    }
    if (!fits) continue;
    // "call for", "call on X to": a demand, not a call.
    const std::uint32_t after = first + n;
    if (entry.lemmas.front() == "call" && after < s.end() &&
        (s.Is(after, "for") || s.Is(after, "off") ||
         ((s.Is(after, "on") || s.Is(after, "upon")) && !(after + 1 < s.end() && DateWord(s.Lemma(after + 1)))))) {
      continue;  // but "a call on October 3", "called on Monday"
    }
    *end = first + n;
    return e;
  }
  return UINT32_MAX;
}

class TriggersStep : public analysis::Annotator {
 public:
  explicit TriggersStep(const Triggers& t) : triggers_(t) {}

  // Whether the noun phrase right after word `w` ends in a noun trigger.
  bool ObjectIsTrigger(const SentenceView& s, std::uint32_t w) const {
    if (w >= s.end() || !s.InNp(w)) return false;
    std::uint32_t b = 0, e = 0, end = 0;
    s.NpAround(w, &b, &e);
    const std::uint32_t t = TriggerAt(s, triggers_, e - 1, &end);
    return t != UINT32_MAX && triggers_.entries[t].noun;
  }

  void Annotate(Document& d) override {
    d.frames.clear();
    MapWordsToMentions(d);
    std::uint32_t tok = 0;
    for (const std::uint32_t sentence : d.tagged) {
      const SentenceView s(d, sentence);
      const text::Span span = d.sentences[sentence];
      while (tok < d.tokens.size() && d.tokens[tok].start < span.start) ++tok;
      std::uint32_t end_tok = tok;
      while (end_tok < d.tokens.size() && d.tokens[end_tok].start < span.end) ++end_tok;
      for (std::uint32_t w = s.first(); w < s.end(); ++w) {
        std::uint32_t end = 0;
        const std::uint32_t e = TriggerAt(s, triggers_, w, &end);
        if (e == UINT32_MAX) continue;
        // "convened a meeting": the noun carries the event, and the subject takes part in it.
        if (triggers_.entries[e].role == "mediator" && ObjectIsTrigger(s, end)) continue;
        EventFrame f;
        f.sentence = sentence;
        f.first_token = tok;
        f.end_token = end_tok;
        f.trigger_word =
            triggers_.entries[e].noun ? end - static_cast<std::uint32_t>(triggers_.entries[e].lemmas.size()) : w;
        f.trigger_end = end;
        f.entry = e;
        f.nominal = triggers_.entries[e].noun;
        f.event.type = triggers_.entries[e].type;
        f.event.event_class = triggers_.entries[e].event_class;
        f.event.cameo = triggers_.entries[e].cameo;
        d.frames.push_back(std::move(f));
        w = end - 1;
      }
    }
  }

 private:
  const Triggers& triggers_;
};

// The people of each trigger, from the structure of its clause.
class ArgumentsStep : public analysis::Annotator {
 public:
  ArgumentsStep(const Triggers& t, const Cues& c) : triggers_(t), cues_(c) {}

  void Annotate(Document& d) override {
    for (EventFrame& f : d.frames) {
      const SentenceView s(d, f.sentence);
      ClauseScan scan;
      scan.trigger = f.trigger_end - 1;
      if (f.nominal) {
        Nominal(s, f, &scan);
      } else {
        std::uint32_t vb = 0, ve = 0;
        s.VpAround(f.trigger_word, &vb, &ve);
        ve = std::max(ve, f.trigger_end);
        ScanSubject(s, cues_, vb, 0, &scan);
        scan.passive = Passive(s, vb, ve);
        const auto& entry = triggers_.entries[f.entry];
        ScanObjects(s, cues_, ve, entry.direct_object, &scan);
        // "received 491,667 votes", "welcomed the decision": a verb that needs someone for its
        // object makes no event with a thing for it, unless a "with" phrase names someone
        // ("welcomed the resumption of ties with B").
        if (entry.person_object && scan.object_seen && !scan.object_named && !scan.phrase_named) scan.args.clear();
        if (f.event.event_class == "call" && Naming(s, ve)) scan.args.clear();
        // "Turnbull called to congratulate the Prime Minister": who was called is the object
        // of the infinitive.
        if (f.event.event_class == "call" && s.Is(ve, "to") && ve + 1 < s.end() && s.Pos(ve + 1) == Upos::kVerb &&
            !s.Is(ve + 1, "discuss")) {
          std::uint32_t ib = 0, ie = 0;
          s.VpAround(ve + 1, &ib, &ie);
          ScanObjects(s, cues_, ie, true, &scan);
        }
      }
      f.args = std::move(scan.args);
      f.clause_first = scan.clause_first;
      f.clause_end = std::max(scan.clause_end, f.trigger_end);
      f.separately = scan.separately;
      f.governing = scan.governing_vp;
      f.event.evidence.push_back({d.doc.id, d.words[f.trigger_word].start, d.words[f.trigger_end - 1].end});
    }
  }

 private:
  // "Kerry's and Lavrov's conversation", "the Putin-Erdogan meeting", "talks between A and B",
  // "A held talks with B": possessors, names inside the phrase, phrases after it, and the
  // subject of a light verb that carries it.
  void Nominal(const SentenceView& s, const EventFrame& f, ClauseScan* scan) const {
    std::uint32_t nb = 0, ne = 0;
    s.NpAround(f.trigger_word, &nb, &ne);
    for (std::uint32_t w = nb; w < f.trigger_word; ++w) scan->separately |= cues_.separately.count(s.Lemma(w)) > 0;
    // "Secretary Blinken's Calls With A and B": calls, in the plural, are one with each.
    scan->separately |= PluralCalls(s, f.trigger_word, nb);
    std::uint32_t b = nb;
    // Possessors: NPs that end in "'s" right before, joined by "and".
    while (b > s.first() && (s.Possessive(b - 1) || s.Pos(b - 1) == Upos::kCconj || s.MentionOf(b - 1) >= 0 ||
                             (s.InNp(b - 1) && s.Capitalised(b - 1)))) {
      --b;
    }
    for (std::uint32_t w = b; w < f.trigger_word; ++w) {
      const std::int32_t m = s.MentionOf(w);
      if (m < 0 || s.doc().mentions[static_cast<std::size_t>(m)].descriptive()) continue;
      if (std::none_of(scan->args.begin(), scan->args.end(), [&](const FrameArg& a) { return a.mention == m; })) {
        FrameArg a;
        a.mention = m;
        a.subject = true;
        scan->args.push_back(a);
      }
    }
    scan->clause_first = b;
    ScanObjects(s, cues_, PastPredicate(s, std::max(ne, f.trigger_end)), false, scan, true);
    // A light verb right before the phrase: "held talks", "had a phone conversation", 'had
    // "constructive" talks'.
    std::uint32_t lb = nb;
    while (lb > s.first() &&
           (s.Text(lb - 1) == "\"" || s.Text(lb - 1) == "\xE2\x80\x9C" || s.Text(lb - 1) == "\xE2\x80\x9D" ||
            (s.Pos(lb - 1) == Upos::kAdj && lb - 1 > s.first()))) {
      --lb;
    }
    // The verb whose subject takes part: a light verb, or the verb of "his meeting", of
    // "after three hours of talks", of "on a two-day visit" (the first that applies).
    std::uint32_t verb = lb > s.first() && s.IsVerb(lb - 1) && Light(s, lb - 1) ? lb - 1 : UINT32_MAX;
    // "to take part in a summit with A", "participated in the talks".
    if (verb == UINT32_MAX && lb >= s.first() + 2 && (s.Is(lb - 1, "in") || s.Is(lb - 1, "at"))) {
      if (s.Is(lb - 2, "participate") || s.Is(lb - 2, "appear")) verb = lb - 2;  // "appeared at a news conference with
      if (lb >= s.first() + 3 && s.Is(lb - 2, "part") && s.Is(lb - 3, "take")) verb = lb - 3;
    }
    bool with_object = false;  // "congratulated B in a phone call": the verb's object takes part
    if (verb == UINT32_MAX && (verb = MainVerbAfterFrontedPhrase(s, nb)) != UINT32_MAX) {
      with_object = f.event.event_class == "call";  // "In a phone call, A told B that ..."
    }
    if (verb == UINT32_MAX) verb = VerbOfPossessivePronoun(s, nb);
    if (verb == UINT32_MAX && f.event.event_class == "call" && (verb = VerbBeforeInPhrase(s, nb)) != UINT32_MAX) {
      with_object = true;
    }
    if (verb == UINT32_MAX) verb = VerbBeforeAfterPhrase(s, nb);
    if (verb == UINT32_MAX) verb = MotionVerbBefore(s, nb);
    if (verb == UINT32_MAX) return;
    std::uint32_t vb = 0, ve = 0;
    s.VpAround(verb, &vb, &ve);
    scan->governing_vp = vb;
    ScanSubject(s, cues_, vb, 0, scan);
    if (with_object) {
      ClauseScan objects;
      objects.trigger = scan->trigger;
      ScanObjects(s, cues_, ve, true, &objects);
      for (const FrameArg& a : objects.args) {
        if (std::none_of(scan->args.begin(), scan->args.end(),
                         [&](const FrameArg& x) { return x.mention == a.mention && x.ref == a.ref; })) {
          scan->args.push_back(a);
        }
      }
    }
  }

  // "In a joint statement issued after their talks in Washington, A and B pledged ...": a
  // phrase with "their" or "a" inside the sentence's fronted phrase is the main clause's
  // subject's. The main verb, after the comma that ends the fronted phrase, or UINT32_MAX.
  static std::uint32_t MainVerbAfterFrontedPhrase(const SentenceView& s, std::uint32_t nb) {
    if (!(s.Is(nb, "their") || s.Is(nb, "a") || s.Is(nb, "an")) || s.Pos(s.first()) != Upos::kAdp) {
      return UINT32_MAX;
    }
    for (std::uint32_t w = s.first(); w < nb; ++w) {
      if (s.Text(w) == "," || s.Pos(w) == Upos::kSconj) return UINT32_MAX;  // the phrase ended before
    }
    std::uint32_t comma = nb;
    while (comma < s.end() && s.Text(comma) != ",") ++comma;
    bool subject = false;
    for (std::uint32_t w = comma + 1; w < s.end(); ++w) {
      if (s.IsVerb(w)) return subject ? w : UINT32_MAX;
      subject |= s.MentionOf(w) >= 0;
      if (s.Text(w) == "," || s.Pos(w) == Upos::kSconj) return UINT32_MAX;
    }
    return UINT32_MAX;
  }

  // "Modi congratulated Starmer in a phone call", "A thanked B during a call": a call told as
  // the setting of another verb ("in"/"during" and an indefinite article) is that verb's,
  // with its subject and object (not a meeting: "praised B during a meeting of the cabinet"
  // says nothing of B being there). The verb's word, or UINT32_MAX.
  static std::uint32_t VerbBeforeInPhrase(const SentenceView& s, std::uint32_t nb) {
    if (!(s.Is(nb, "a") || s.Is(nb, "an")) || nb == s.first() || !(s.Is(nb - 1, "in") || s.Is(nb - 1, "during"))) {
      return UINT32_MAX;
    }
    for (std::uint32_t w = nb - 1; w > s.first(); --w) {
      if (s.IsVerb(w - 1)) return s.Pos(w - 1) == Upos::kVerb ? w - 1 : UINT32_MAX;
      const Upos pos = s.Pos(w - 1);
      if (pos == Upos::kPunct || pos == Upos::kSconj || pos == Upos::kCconj) return UINT32_MAX;
    }
    return UINT32_MAX;
  }

  // "they called him The Birdman", "called it 'a provocation'", "called Biden a liar": a
  // pronoun object with a second noun phrase right after it, or a named one with an
  // indefinite one, names; it is no call ("called him Monday", "called Erdogan a day after"
  // are calls).
  static bool Naming(const SentenceView& s, std::uint32_t ve) {
    if (ve + 1 >= s.end() || s.Possessive(ve)) return false;
    std::uint32_t k = ve + 1;
    if (s.Pos(ve) != Upos::kPron) {
      // "called Biden a liar": a named object and an indefinite NP after it (not "called
      // Erdogan a day after the attack").
      if (!s.InNp(ve) || s.MentionOf(ve) < 0) return false;
      std::uint32_t b = 0, e = 0;
      s.NpAround(ve, &b, &e);
      if (e >= s.end() || !(s.Is(e, "a") || s.Is(e, "an")) || !s.InNp(e)) return false;
      std::uint32_t nb = 0, ne = 0;
      s.NpAround(e, &nb, &ne);
      static const std::set<std::string, std::less<>> kSpan = {"day",  "week",   "month",    "year",  "morning",
                                                               "hour", "minute", "moment",   "night", "evening",
                                                               "time", "second", "fortnight"};
      return nb == e && kSpan.count(s.Lemma(ne - 1)) == 0;
    }
    while (k < s.end() &&
           (s.Text(k) == "\"" || s.Text(k) == "'" || s.Text(k) == "\xE2\x80\x9C" || s.Text(k) == "\xE2\x80\x98")) {
      ++k;
    }
    if (k >= s.end() || !s.InNp(k) || s.Pos(k) == Upos::kPron) return false;
    static const std::set<std::string, std::less<>> kTime = {
        "monday",    "tuesday",   "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "tonight",   "yesterday", "tomorrow",  "last",     "this",   "next",     "early",  "late",
        "january",   "february",  "march",     "april",    "may",    "june",     "july",   "august",
        "september", "october",   "november",  "december", "every",  "twice",    "again",  "later"};
    return kTime.count(s.Lemma(k)) == 0;
  }

  // A passive verb group ("was signed", "were welcomed"): a form of "be" or "get" before the
  // last verb.
  static bool Passive(const SentenceView& s, std::uint32_t vb, std::uint32_t ve) {
    for (std::uint32_t k = vb; k + 1 < ve; ++k) {
      if ((s.Is(k, "be") || s.Is(k, "get")) && s.Pos(ve - 1) == Upos::kVerb) return true;
    }
    return false;
  }

  // "Medvedev endorsed the plan during his meeting with Sarkozy": "his" is the subject of the
  // verb the phrase belongs to. That verb's word, or UINT32_MAX.
  static std::uint32_t VerbOfPossessivePronoun(const SentenceView& s, std::uint32_t nb) {
    if (!(s.Is(nb, "his") || s.Is(nb, "her") || s.Is(nb, "their")) || nb == s.first() || s.Pos(nb - 1) != Upos::kAdp) {
      return UINT32_MAX;
    }
    for (std::uint32_t w = nb - 1; w > s.first(); --w) {
      if (s.IsVerb(w - 1)) return w - 1;
      const Upos pos = s.Pos(w - 1);
      if (pos == Upos::kPunct || pos == Upos::kSconj || pos == Upos::kCconj || pos == Upos::kPron) return UINT32_MAX;
    }
    return UINT32_MAX;
  }

  // "A, B and C signed a joint statement after three hours of trilateral talks": talks that are
  // news (no definite article: "After the talks, ..." tells of talks reported before) are the
  // talks of the subject of the verb the phrase follows. The verb's word, or UINT32_MAX.
  static std::uint32_t VerbBeforeAfterPhrase(const SentenceView& s, std::uint32_t nb) {
    if (s.Is(nb, "the") || s.Is(nb, "these") || s.Is(nb, "those") || s.Is(nb, "that")) return UINT32_MAX;
    std::uint32_t k = nb;
    if (k >= s.first() + 2 && s.Is(k - 1, "of") && s.InNp(k - 2)) {  // "after three hours of talks"
      std::uint32_t b = 0, e = 0;
      s.NpAround(k - 2, &b, &e);
      k = b;
    }
    while (k > s.first() && s.Pos(k - 1) == Upos::kAdv) --k;  // "after about three hours"
    if (k == s.first() || !(s.Is(k - 1, "after") || s.Is(k - 1, "following"))) return UINT32_MAX;
    for (std::uint32_t w = k - 1; w > s.first(); --w) {
      if (s.IsVerb(w - 1)) return w - 1;
      if (s.Pos(w - 1) == Upos::kPunct || s.Pos(w - 1) == Upos::kSconj) return UINT32_MAX;
    }
    return UINT32_MAX;
  }

  // "arrived in Moscow on Monday on a two-day visit", "is in Baku on an official visit": the
  // verb whose subject makes the visit, when the phrase starting at nb is "on/for a ... visit"
  // and only places, times and prepositions stand between them; UINT32_MAX otherwise.
  static std::uint32_t MotionVerbBefore(const SentenceView& s, std::uint32_t nb) {
    if (nb == s.first() || !(s.Is(nb - 1, "on") || s.Is(nb - 1, "for"))) return UINT32_MAX;
    for (std::uint32_t k = nb - 1; k > s.first(); --k) {
      const std::uint32_t w = k - 1;
      // "Putin visits Baku for talks": a present form after a name the tagger may read as a noun.
      if (s.IsVerb(w) || (s.Is(w, "visit") && w > s.first() && s.MentionOf(w - 1) >= 0)) {
        const std::string& l = s.Lemma(w);
        const bool motion = l == "arrive" || l == "come" || l == "travel" || l == "fly" || l == "go" || l == "be" ||
                            l == "head" || l == "return" || l == "land" || l == "leave" || l == "visit";
        return motion ? w : UINT32_MAX;
      }
      if (s.Pos(w) == Upos::kPunct || s.Pos(w) == Upos::kCconj || s.Pos(w) == Upos::kSconj) return UINT32_MAX;
    }
    return UINT32_MAX;
  }

  // A plural "calls" or "meetings" (not "talks", "consultations": one event in the plural),
  // unless the phrase makes them one ("joint", "trilateral").
  static bool PluralCalls(const SentenceView& s, std::uint32_t w, std::uint32_t nb) {
    const std::string& l = s.Lemma(w);
    if (!(l == "call" || l == "meeting" || l == "conversation" || l == "phonecall")) return false;
    const std::string_view t = s.Text(w);
    if (t.size() != l.size() + 1 || (t.back() != 's' && t.back() != 'S')) return false;
    for (std::uint32_t k = nb; k < w; ++k) {
      if (s.Is(k, "joint") || s.Is(k, "trilateral") || s.Is(k, "three-way") || s.Is(k, "their")) return false;
    }
    return true;
  }

  // A verb that carries a noun trigger, by its lemma or (where the lemmatiser misreads it:
  // "chaired") by its form.
  bool Light(const SentenceView& s, std::uint32_t w) const {
    if (cues_.light.count(s.Lemma(w)) || cues_.light.count(s.Lemma(w) + "e")) return true;
    std::string form(s.Text(w));
    for (char& c : form) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return cues_.light.count(form) > 0;
  }

  // "The meeting was held (in Geneva) between A and B", "talks took place with B": the
  // arguments follow the predicate that says the event took place.
  std::uint32_t PastPredicate(const SentenceView& s, std::uint32_t w) const {
    if (w >= s.end() || !s.IsVerb(w)) return w;
    std::uint32_t vb = 0, ve = 0;
    s.VpAround(w, &vb, &ve);
    bool takes_place = false, light = false;
    for (std::uint32_t k = vb; k < ve; ++k) {
      light |= Light(s, k) && s.Pos(k) == Upos::kVerb && k + 1 == ve;
      takes_place |= s.Lemma(k) == "take" && s.Is(ve, "place");
    }
    if (takes_place) return ve + 1;
    return light ? ve : w;
  }

  const Triggers& triggers_;
  const Cues& cues_;
};

}  // namespace

std::unique_ptr<analysis::Annotator> MakeCandidatesStep(const Triggers& t, const Cues& c, const tagger::Model& m,
                                                        const EventOptions& o) {
  return std::make_unique<CandidatesStep>(t, c, m, o);
}
std::unique_ptr<analysis::Annotator> MakeTriggersStep(const Triggers& t) { return std::make_unique<TriggersStep>(t); }
std::unique_ptr<analysis::Annotator> MakeArgumentsStep(const Triggers& t, const Cues& c) {
  return std::make_unique<ArgumentsStep>(t, c);
}

}  // namespace actorgraph::events::internal

// Clause scans over a tagged sentence: who is the subject of a trigger, who its objects.
#include "events/internal/clause.hpp"

#include <algorithm>
#include <set>

namespace actorgraph::events::internal {
namespace {

using analysis::FrameArg;

// How many coordinated verb groups the subject scan follows back ("flew to Baku and met").
constexpr int kMaxCoordination = 3;

bool IsComma(const SentenceView& s, std::uint32_t w) { return s.Pos(w) == Upos::kPunct && s.Text(w) == ","; }

bool IsRelative(const SentenceView& s, std::uint32_t w) {
  const std::string& l = s.Lemma(w);
  return (s.Pos(w) == Upos::kPron || s.Pos(w) == Upos::kSconj || s.Pos(w) == Upos::kAdv) &&
         (l == "who" || l == "which" || l == "whom" || l == "whose" || l == "where" || l == "when" || l == "that");
}

// Prepositions that also open a clause: "after A, B and C met" has the three as subject.
bool IsTemporalSubordinator(const std::string& l) {
  return l == "after" || l == "before" || l == "since" || l == "until" || l == "once" || l == "as";
}

// An NP with no person in it whose words are capitalised: a title ("Russian President",
// "Foreign Minister of"), which the name after it continues.
// Lower-case heads of a title before a name: "Mossad chief David Barnea", "army commander X".
bool TitleHead(const std::string& l) {
  static const std::set<std::string> heads = {"chief",       "head",         "director",   "commander",  "envoy",
                                              "adviser",     "advisor",      "aide",       "negotiator", "spokesman",
                                              "spokeswoman", "spokesperson", "ambassador", "minister",   "leader"};
  return heads.count(l) > 0;
}

bool TitleLike(const SentenceView& s, std::uint32_t b, std::uint32_t e) {
  bool any = false;
  // "Mossad chief", "Egyptian intelligence chief": a lower-case title head after names or
  // other nouns.
  const bool head = e > b + 1 && !s.Capitalised(e - 1) && TitleHead(s.Lemma(e - 1));
  for (std::uint32_t w = b; w < e; ++w) {
    if (head && w + 1 == e) break;
    if (head && !s.Capitalised(w) && s.MentionOf(w) < 0 && (s.Pos(w) == Upos::kNoun || s.Pos(w) == Upos::kAdj)) {
      continue;
    }
    if (s.MentionOf(w) >= 0) {
      if (s.doc().mentions[static_cast<std::size_t>(s.MentionOf(w))].is_person()) return false;
      any = true;  // "Republic of Korea First Vice Foreign Minister"
      continue;
    }
    if (s.Pos(w) == Upos::kDet) continue;
    if (s.Possessive(w) && w > b && s.MentionOf(w - 1) >= 0) continue;  // "Azerbaijan's President"
    if (!s.Capitalised(w)) return false;
    any = true;
  }
  return any;
}

bool HasPerson(const SentenceView& s, std::uint32_t b, std::uint32_t e) {
  for (std::uint32_t w = b; w < e; ++w) {
    if (s.MentionOf(w) >= 0 && s.doc().mentions[static_cast<std::size_t>(s.MentionOf(w))].is_person()) return true;
  }
  return false;
}

// Whether the words [b, e) name places (countries, locations) and nothing else.
bool NamesOnlyPlaces(const SentenceView& s, std::uint32_t b, std::uint32_t e) {
  bool any = false;
  for (std::uint32_t w = b; w < e; ++w) {
    const std::int32_t m = s.MentionOf(w);
    if (m < 0) continue;
    const auto kind = s.doc().mentions[static_cast<std::size_t>(m)].kind;
    if (kind != gazetteer::Kind::kLocation && kind != gazetteer::Kind::kCountry) return false;
    any = true;
  }
  return any;
}

// Quotation marks, straight and typographic: an argument scan steps over them.
bool IsQuote(const SentenceView& s, std::uint32_t w) {
  const std::string_view t = s.Text(w);
  return t == "\"" || t == "'" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x98" ||
         t == "\xE2\x80\x99";
}

// A photo caption's place of a person between commas: "Medvedev, center, Sarkisian, second
// right, and Aliyev, left, meet". PlaceWord names the place; PositionWord may stand beside it.
bool PlaceWord(const std::string& l) {
  return l == "left" || l == "right" || l == "center" || l == "centre" || l == "top" || l == "bottom" || l == "front" ||
         l == "rear" || l == "l" || l == "r" || l == "c";
}
bool PositionWord(const std::string& l) {
  return PlaceWord(l) || l == "back" || l == "second" || l == "third" || l == "fourth" || l == "from" || l == "far";
}

// The closing comma of a position aside that opens after the comma at word `comma`, or
// UINT32_MAX when there is none.
std::uint32_t PositionAsideAfter(const SentenceView& s, std::uint32_t comma) {
  bool place = false;
  std::uint32_t w = comma + 1;
  for (; w < s.end() && !IsComma(s, w); ++w) {
    if (!PositionWord(s.Lemma(w)) || s.MentionOf(w) >= 0) return UINT32_MAX;
    place |= PlaceWord(s.Lemma(w));
  }
  return place && w < s.end() && w <= comma + 4 ? w : UINT32_MAX;
}

// The opening comma of a position aside that closes with the comma at word `comma`, or
// UINT32_MAX.
std::uint32_t PositionAsideBefore(const SentenceView& s, std::uint32_t comma) {
  bool place = false;
  std::uint32_t w = comma;
  for (; w > s.first() && !IsComma(s, w - 1); --w) {
    if (!PositionWord(s.Lemma(w - 1)) || s.MentionOf(w - 1) >= 0) return UINT32_MAX;
    place |= PlaceWord(s.Lemma(w - 1));
  }
  return place && w > s.first() && comma - w <= 3 && comma > w ? w - 1 : UINT32_MAX;
}

// The mentions of NP [b, e) as arguments; a possessor ("Putin's war") is none. Returns
// whether one was added; adds a reference ("the two leaders") when the NP names no one.
bool AddNp(const SentenceView& s, const Cues& cues, std::uint32_t b, std::uint32_t e, bool subject, ClauseScan* out) {
  bool added = false;
  for (std::uint32_t w = b; w < e; ++w) {
    const std::int32_t m = s.MentionOf(w);
    if (m < 0 || s.doc().mentions[static_cast<std::size_t>(m)].descriptive()) continue;
    std::uint32_t last = w;
    while (last + 1 < s.end() && s.MentionOf(last + 1) == m) ++last;
    // "Putin's war": a possessor names no one taking part, unless what it has is the trigger
    // ("Kerry's and Lavrov's conversation").
    std::uint32_t owned = last + 2;
    while (owned < s.end() && (s.Pos(owned) == Upos::kCconj || s.Possessive(owned) || s.MentionOf(owned) >= 0)) ++owned;
    const bool possessor =
        last + 2 < s.end() && s.Possessive(last + 1) && owned < s.end() && s.InNp(owned) && owned != out->trigger;
    if (!possessor &&
        std::none_of(out->args.begin(), out->args.end(), [&](const FrameArg& a) { return a.mention == m; })) {
      FrameArg arg;
      arg.mention = m;
      arg.subject = subject;
      out->args.push_back(arg);
      added = true;
    }
    w = last;
  }
  if (added) return true;
  FrameArg ref;
  if (!ReferenceNp(s, cues, b, e, &ref)) return false;
  ref.subject = subject;
  out->args.push_back(std::move(ref));
  return true;
}

// Skips left over a relative clause ", who won the vote," ending at word w (a verb): the
// index of its opening comma, or UINT32_MAX when w is not inside one.
std::uint32_t RelativeStart(const SentenceView& s, std::uint32_t w) {
  for (std::uint32_t k = w; k > s.first(); --k) {
    if (IsComma(s, k - 1)) return k < s.end() && IsRelative(s, k) ? k - 1 : UINT32_MAX;
  }
  return UINT32_MAX;
}

// One past the ")" closing the "(" at word w, or UINT32_MAX when none closes it.
std::uint32_t AfterParenthesis(const SentenceView& s, std::uint32_t w) {
  std::uint32_t close = w + 1;
  while (close < s.end() && s.Text(close) != ")") ++close;
  return close == s.end() ? UINT32_MAX : close + 1;
}

// Whether the scan has found no object yet (only subjects).
bool NoObjects(const ClauseScan& scan) {
  return std::none_of(scan.args.begin(), scan.args.end(), [](const FrameArg& a) { return !a.subject; });
}

// "met a range of officials, including A, B and C": those listed, each met apart, when the
// phrase before names no one (`title_before`) and no object came before it.
bool IncludingList(bool title_before, ClauseScan* out) {
  if (!title_before || !NoObjects(*out)) return false;
  out->separately = true;
  return true;
}

}  // namespace

SentenceView::SentenceView(analysis::Document& d, std::uint32_t sentence) : d_(d), sentence_(sentence) {
  std::tie(first_, end_) = analysis::WordsOf(d, sentence);
  lower_.reserve(end_ - first_);
  for (std::uint32_t w = first_; w < end_; ++w) {
    std::string l = d.lemmas[w];
    for (char& c : l) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    // Typographic apostrophes as ASCII ("’s" is "'s").
    if (l.size() >= 3 && l.compare(0, 3, "\xE2\x80\x99") == 0) l = "'" + l.substr(3);
    lower_.push_back(std::move(l));
  }
}

std::string_view SentenceView::Text(std::uint32_t w) const {
  return d_.text().substr(d_.words[w].start, d_.words[w].end - d_.words[w].start);
}

bool SentenceView::Capitalised(std::uint32_t w) const {
  const std::string_view t = Text(w);
  return !t.empty() && ((t[0] >= 'A' && t[0] <= 'Z') || static_cast<unsigned char>(t[0]) >= 0xC0);
}

bool SentenceView::SameMention(std::uint32_t a, std::uint32_t b) const {
  return MentionOf(a) >= 0 && MentionOf(a) == MentionOf(b);
}

// A mention is never cut: "the OSCE Chairman-in-Office Andrzej Kasprzyk" is one phrase even
// though the tagger splits "Chairman - in - Office".
void SentenceView::NpAround(std::uint32_t w, std::uint32_t* b, std::uint32_t* e) const {
  *b = w;
  while (*b > first_ && (ChunkOf(*b) == Chunk::kInsideNp || SameMention(*b - 1, *b))) --*b;
  *e = w + 1;
  while (*e < end_ && (ChunkOf(*e) == Chunk::kInsideNp || SameMention(*e - 1, *e))) ++*e;
}

void SentenceView::VpAround(std::uint32_t w, std::uint32_t* b, std::uint32_t* e) const {
  *b = w;
  while (*b > first_ && ChunkOf(*b) == Chunk::kInsideVp) --*b;
  *e = w + 1;
  while (*e < end_ && ChunkOf(*e) == Chunk::kInsideVp) ++*e;
}

void MapWordsToMentions(analysis::Document& d) {
  d.word_mention.assign(d.words.size(), -1);
  std::size_t m = 0;
  for (std::uint32_t w = 0; w < d.words.size(); ++w) {
    // Words and mentions are both in text order; a word belongs to a mention it overlaps.
    while (m < d.mentions.size() && d.mentions[m].end <= d.words[w].start) ++m;
    if (m < d.mentions.size() && d.mentions[m].start < d.words[w].end) d.word_mention[w] = static_cast<std::int32_t>(m);
    // A later word may start before an earlier one ends only across sentences: start over.
    if (w + 1 < d.words.size() && d.words[w + 1].start < d.words[w].start) m = 0;
  }
}

bool ReferenceNp(const SentenceView& s, const Cues& cues, std::uint32_t b, std::uint32_t e, FrameArg* arg) {
  if (e == b + 1 && s.Pos(b) == Upos::kPron && cues.pronoun.count(s.Lemma(b))) {
    arg->ref = FrameArg::Ref::kPlural;
    return true;
  }
  // "I" and "you" of a transcript: the speaker and whom the speaker hails.
  if (e == b + 1 && s.Pos(b) == Upos::kPron && cues.speaker.count(s.Lemma(b)) &&
      (s.Text(b) == "I" || s.Lemma(b) == "you")) {
    arg->ref = s.Text(b) == "I" ? FrameArg::Ref::kSpeaker : FrameArg::Ref::kAddressee;
    return true;
  }
  const std::string& first = s.Lemma(b);
  const std::string last(s.Text(e - 1));
  std::string last_lower = last;
  for (char& c : last_lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  // "the leaders of Russia, Azerbaijan and Armenia" names its people by their countries.
  const bool of_phrase = e < s.end() && s.Is(e, "of");
  if ((first == "the" || first == "both" || first == "these") && e >= b + 2 && cues.plural.count(last_lower) &&
      !of_phrase) {
    arg->ref = FrameArg::Ref::kPlural;
    const std::string& n = s.Lemma(b + 1);
    arg->count = n == "two" ? 2 : n == "three" ? 3 : n == "four" ? 4 : 0;
    return true;
  }
  if (first != "the" || e < b + 2) return false;
  std::string title;
  for (std::uint32_t w = b + 1; w < e; ++w) {
    if (!s.Capitalised(w) || s.MentionOf(w) >= 0) return false;
    if (!title.empty()) title += ' ';
    title += s.Lemma(w);
  }
  arg->ref = FrameArg::Ref::kTitle;
  arg->title = std::move(title);
  arg->title_word = b + 1;
  return true;
}

// "Putin said he and Aliyev discussed", "Yoon told reporters that he and Kishida had talks":
// "he" or "she" after a reporting verb is the person who reports, named right before it.
// Adds that person as a subject and returns whether it did.
bool AddReporter(const SentenceView& s, std::uint32_t b, std::uint32_t e, ClauseScan* out) {
  if (e != b + 1 || !(s.Is(b, "he") || s.Is(b, "she"))) return false;
  std::uint32_t k = b;
  if (k > s.first() && s.Is(k - 1, "that")) --k;
  if (k > s.first() && s.Pos(k - 1) == Upos::kNoun && !s.Capitalised(k - 1)) --k;  // "told reporters"
  if (k <= s.first() + 1 || s.Pos(k - 1) != Upos::kVerb) return false;
  static const std::set<std::string, std::less<>> kReport = {"say",    "tell",    "announce", "state",   "add",
                                                             "note",   "explain", "write",    "confirm", "stress",
                                                             "recall", "insist",  "report"};
  if (!kReport.count(s.Lemma(k - 1))) return false;
  const std::int32_t m = s.MentionOf(k - 2);
  if (m < 0 || !s.doc().mentions[static_cast<std::size_t>(m)].is_person()) return false;
  FrameArg arg;
  arg.mention = m;
  arg.subject = true;
  out->args.push_back(arg);
  return true;
}

// The "(" that opens the parenthesis closing at word `close`, or UINT32_MAX.
std::uint32_t OpenParenthesisBefore(const SentenceView& s, std::uint32_t close) {
  std::uint32_t open = close;
  while (open > s.first() && s.Text(open) != "(") --open;
  return s.Text(open) == "(" ? open : UINT32_MAX;
}

namespace {

// ScanSubject's walk left from a verb group: each step reads the word before `k_` and says
// whether the walk goes on, stops (the clause starts at `k_`), or was handed to the subject
// scan of a governing verb group.
class SubjectScan {
 public:
  enum class Next { kOn, kStop, kHanded };

  SubjectScan(const SentenceView& s, const Cues& cues, std::uint32_t vp_start, int depth, ClauseScan* out)
      : s_(s), cues_(cues), out_(out), depth_(depth), k_(vp_start), infinitive_(s.Is(vp_start, "to")) {}

  void Run() {
    Next next = Next::kOn;
    while (k_ > s_.first() && (next = Step()) == Next::kOn) {
    }
    if (next != Next::kHanded) out_->clause_first = k_;
  }

 private:
  Next Step() {
    const std::uint32_t w = k_ - 1;
    const Upos pos = s_.Pos(w);
    if (pos == Upos::kPunct && s_.Text(w) == ")") {
      const std::uint32_t open = OpenParenthesisBefore(s_, w);  // "A (United States), held": no one
      if (open == UINT32_MAX) return Next::kStop;
      k_ = open;
    } else if (IsComma(s_, w) && PositionAsideBefore(s_, w) != UINT32_MAX) {
      k_ = PositionAsideBefore(s_, w) + 1;  // ", second right,": the comma before it is a joiner
    } else if (IsComma(s_, w) || pos == Upos::kCconj) {
      joiner_ = true;
      coordinated_ |= !collected_;
      --k_;
    } else if (!collected_ && (s_.Is(w, "where") || s_.Is(w, "when")) && w > s_.first() && IsComma(s_, w - 1)) {
      // "Macron visited Beijing, where he met Xi": the subject of the clause the relative
      // one hangs on.
      for (std::uint32_t v = w - 1; v > s_.first(); --v) {
        if (s_.IsVerb(v - 1)) return HandTo(v - 1);
      }
      return Next::kStop;
    } else if (pos == Upos::kAdv || (pos == Upos::kPart && !s_.Possessive(w)) ||
               (pos == Upos::kAdj && infinitive_ && !collected_)) {
      // "am happy to welcome": the adjective's verb has the subject.
      infinitive_ |= !collected_ && s_.Lemma(w) == "to";
      --k_;
    } else if (s_.InNp(w)) {
      return NounPhrase(w);
    } else if (s_.IsVerb(w)) {
      if (const std::uint32_t rel = RelativeStart(s_, w); rel != UINT32_MAX) {
        k_ = rel;  // ", who won the vote,"
        joiner_ = true;
        return Next::kOn;
      }
      // "flew to Baku and met": the subject of "flew"
      return !collected_ && (coordinated_ || infinitive_) ? HandTo(w) : Next::kStop;
    } else if (pos == Upos::kAdp && !collected_) {
      --k_;
    } else {
      return Next::kStop;
    }
    return Next::kOn;
  }

  Next NounPhrase(std::uint32_t w) {
    std::uint32_t b = 0, e = 0;
    s_.NpAround(w, &b, &e);
    e = std::min(e, k_);
    const bool in_pp = b > s_.first() && s_.Pos(b - 1) == Upos::kAdp;
    if (in_pp && (s_.Lemma(b - 1) == "of" || (s_.Lemma(b - 1) == "for" && collected_ && joiner_))) {
      // "President of Russia Vladimir Putin", "the U.N. envoy for Syria, Lakhdar Brahimi"
      collected_ |= AddNp(s_, cues_, b, e, true, out_);
      k_ = b - 1;
      joiner_ = true;
      return Next::kOn;
    }
    if (in_pp && collected_ && joiner_ && IsTemporalSubordinator(s_.Lemma(b - 1))) {
      AddNp(s_, cues_, b, e, true, out_);  // "after Putin, Aliyev and Pashinyan met"
      k_ = b - 1;
      return Next::kStop;
    }
    if (in_pp && collected_ && b - 1 == s_.first()) {
      k_ = b - 1;  // "On November 9, A, B and C signed": the fronted phrase is the clause's
      return Next::kStop;
    }
    if (in_pp) {
      if (collected_) return Next::kStop;
      k_ = b - 1;  // a fronted phrase: "On 12 May, ..."
      return Next::kOn;
    }
    if (infinitive_ && !collected_ && b > s_.first() && s_.IsVerb(b - 1) && NamesOnlyPlaces(s_, b, e)) {
      k_ = b;  // "visited Asmara to take part in a summit": the place visited, then its verb
      return Next::kOn;
    }
    // "met Aliyev (in Baku) and discussed": the NP before "and" is the earlier verb's
    // object; the subject is that verb's.
    if (coordinated_ && !collected_ && b > s_.first() && (s_.IsVerb(b - 1) || VerbTrigger(b - 1)) &&
        s_.Pos(b - 1) != Upos::kAux && RelativeStart(s_, b - 1) == UINT32_MAX) {
      return HandTo(b - 1);
    }
    if (collected_ && !joiner_ && !TitleLike(s_, b, e)) return Next::kStop;
    collected_ |= AddNp(s_, cues_, b, e, true, out_) || AddReporter(s_, b, e, out_);
    joiner_ = false;
    k_ = b;
    return Next::kOn;
  }

  // Whether word w is a verb trigger the tagger took for a noun ("Pashinyan met Aliyev").
  bool VerbTrigger(std::uint32_t w) const {
    for (const analysis::EventFrame& f : s_.doc().frames) {
      if (!f.nominal && f.trigger_word == w) return true;
    }
    return false;
  }

  // The subject is that of the verb group around word v (within kMaxCoordination levels).
  Next HandTo(std::uint32_t v) {
    if (depth_ >= kMaxCoordination) return Next::kStop;
    std::uint32_t b = 0, e = 0;
    s_.VpAround(v, &b, &e);
    out_->governing_vp = b;
    ScanSubject(s_, cues_, b, depth_ + 1, out_);
    return Next::kHanded;
  }

  const SentenceView& s_;
  const Cues& cues_;
  ClauseScan* out_;
  const int depth_;
  std::uint32_t k_;
  bool collected_ = false, joiner_ = true;
  bool coordinated_ = false;  // a comma or conjunction right before the verb group
  bool infinitive_;           // "is expected to meet", "agreed to sign": the subject of its verb
};

}  // namespace

void ScanSubject(const SentenceView& s, const Cues& cues, std::uint32_t vp_start, int depth, ClauseScan* out) {
  SubjectScan(s, cues, vp_start, depth, out).Run();
}

namespace {

// ScanObjects' walk right from the trigger: each step reads the word at `w`, moves `w` on
// and returns whether the phrase goes on (else it ends at `w`).
class ObjectScan {
 public:
  ObjectScan(const SentenceView& s, const Cues& cues, std::uint32_t from, bool direct_object, ClauseScan* out,
             bool nominal)
      : s_(s),
        cues_(cues),
        out_(out),
        from_(from),
        direct_object_(direct_object),
        nominal_(nominal),
        joiner_(direct_object) {}

  void Run() {
    std::uint32_t w = from_;
    while (w < s_.end() && Step(w)) {
    }
    out_->clause_end = w;
  }

 private:
  bool Step(std::uint32_t& w) {
    const Upos pos = s_.Pos(w);
    const std::string& l = s_.Lemma(w);
    const bool next_verb = w + 1 < s_.end() && s_.IsVerb(w + 1);
    if (pos == Upos::kPunct && s_.Text(w) == "(") {
      // "Igor Popov (Russia), Stephane Visconti (France)": the aside names no one taking part.
      // A bracket the sentence does not close ("in Kongo (Dem." where the sentence ends at
      // the abbreviation's period) ends the phrase there.
      const std::uint32_t after = AfterParenthesis(s_, w);
      if (after == UINT32_MAX) return false;
      w = after;
      return true;
    }
    if (IsQuote(s_, w)) {
      ++w;  // "a grouping of 'Coalition of the Willing' Leaders"
      return true;
    }
    if (IsComma(s_, w) && PositionAsideAfter(s_, w) != UINT32_MAX) {
      w = PositionAsideAfter(s_, w);  // "Aliyev, left, and ...": on from the closing comma
      return true;
    }
    if ((IsComma(s_, w) && s_.Is(w + 1, "include")) || (s_.Is(w, "include") && title_before_)) {
      if (!IncludingList(title_before_, out_)) return false;
      joiner_ = true;
      w += IsComma(s_, w) ? 2 : 1;
      return true;
    }
    if (pos == Upos::kPunct) return Punctuation(w, next_verb);
    if (pos == Upos::kCconj) return Conjunction(w, next_verb);
    if (pos == Upos::kSconj && l == "with") {
      // "talks with visiting Brazilian President Lula": the tagger's SCONJ before a
      // participle is still the preposition.
      arg_pp_ = joiner_ = true;
      ++w;
      return true;
    }
    if (pos == Upos::kVerb && joiner_ && arg_pp_ && s_.Text(w).ends_with("ing") && w + 1 < s_.end() && s_.InNp(w + 1)) {
      ++w;  // "with visiting President Lula", "with outgoing Prime Minister X": a modifier
      return true;
    }
    if (pos == Upos::kSconj || IsRelative(s_, w) || (pos == Upos::kPart && l == "to" && next_verb)) return false;
    if (pos == Upos::kAdv && (l == "along" || l == "together") && s_.Is(w + 1, "with")) return Preposition(w);
    if (pos == Upos::kAdv) {
      out_->separately |= cues_.separately.count(l) > 0;
      ++w;
      return true;
    }
    if (pos == Upos::kAdp) return Preposition(w);
    if (s_.InNp(w)) {
      NounPhrase(w);
      return !stop_;
    }
    if (s_.IsVerb(w)) return false;
    ++w;
    return true;
  }

  bool Punctuation(std::uint32_t& w, bool next_verb) {
    // "After the talks, A and B signed": a comma before any argument ends the phrase.
    if (IsComma(s_, w) && !arg_pp_ && !direct_object_ && out_->args.empty()) return false;
    if (!IsComma(s_, w) || (w + 1 < s_.end() && (IsRelative(s_, w + 1) || next_verb))) return false;
    joiner_ = arg_pp_ || direct_object_;
    ++w;
    return true;
  }

  bool Conjunction(std::uint32_t& w, bool next_verb) {
    // Adverbs after the conjunction ("and then", "and later") do not change what follows.
    std::uint32_t n = w + 1;
    while (n < s_.end() && s_.Pos(n) == Upos::kAdv) ++n;
    if (next_verb || (n > w + 1 && n < s_.end() && s_.IsVerb(n))) return false;  // "met Aliyev and (then) discussed"
    if (n < s_.end() && s_.InNp(n)) {
      // "received 491,667 votes, and Vladimir Putin won", "and then Macron left": an NP with
      // its own verb after it starts a new clause.
      std::uint32_t b = 0, e = 0;
      s_.NpAround(n, &b, &e);
      if (b == n && e < s_.end() && s_.IsVerb(e) && s_.Pos(e) != Upos::kAux) return false;
    }
    joiner_ = arg_pp_ || direct_object_;
    after_conjunction_ = true;
    ++w;
    return true;
  }

  bool Preposition(std::uint32_t& w) {
    const std::string& l = s_.Lemma(w);
    // A passive: "welcomed by Vladimir Putin", "was signed in Brazil by A". The agent is the
    // subject; the grammatical subject is the object.
    if (l == "by" && !nominal_ && !agent_ && (w == from_ || (out_->passive && NoObjects(*out_)))) {
      for (FrameArg& a : out_->args) a.subject = false;
      agent_ = true;
    }
    // "hosted a lunch for Modi", "gave a dinner in honour of Modi": the guest takes part.
    if (hospitality_ && l == "for") {
      arg_pp_ = joiner_ = true;
      hospitality_ = false;
      ++w;
      return true;
    }
    if (hospitality_ && l == "in" && w + 2 < s_.end() && (s_.Is(w + 1, "honour") || s_.Is(w + 1, "honor")) &&
        s_.Is(w + 2, "of")) {
      arg_pp_ = joiner_ = true;
      hospitality_ = false;
      w += 3;
      return true;
    }
    // "met in Prague, along with Macron", "together with", "alongside": more who take part.
    if ((l == "along" || l == "together") && s_.Is(w + 1, "with")) return Preposition(++w);
    if (l == "alongside") {
      arg_pp_ = joiner_ = true;
      ++w;
      return true;
    }
    if (l == "of" && !last_title_) of_thing_ = true;
    if (l == "with" || l == "between" || l == "among" || l == "to" || l == "by" ||
        (l == "of" && (title_before_ || (nominal_ && !arg_pp_)))) {
      arg_pp_ = l != "of" || arg_pp_;
      joiner_ = true;
      ++w;
      return true;
    }
    // "signed by A for Mexico and B for the United States": whom a signatory signs for is
    // no participant, and the list of signatories goes on after it.
    const bool on_behalf = agent_ && l == "for";
    if ((cues_.adjunct.count(l) || on_behalf) && w + 1 < s_.end() && s_.InNp(w + 1)) {
      std::uint32_t b = 0, e = 0;
      s_.NpAround(w + 1, &b, &e);
      if (cues_.witness.count(s_.Lemma(e - 1))) return false;       // "in the presence of"
      out_->separately |= cues_.separately.count(s_.Lemma(b)) > 0;  // "in separate phone calls"
      w = e;                                                        // "in Moscow", "on Monday"
      joiner_ = false;
      return true;
    }
    return false;
  }

  void NounPhrase(std::uint32_t& w) {
    std::uint32_t b = 0, e = 0;
    s_.NpAround(w, &b, &e);
    out_->separately |= cues_.separately.count(s_.Lemma(b)) > 0;
    const bool added = (joiner_ || title_before_) && AddNp(s_, cues_, b, e, agent_, out_);
    // The direct object, with its titles and appositions ("her Polish counterpart Radoslaw
    // Sikorski"): everything before the first argument phrase.
    if (direct_object_ && !arg_pp_ && !agent_) {
      out_->object_seen = true;
      out_->object_named |= added && !of_thing_;
      hospitality_ = cues_.hospitality.count(s_.Lemma(e - 1)) > 0;
    }
    const bool title = TitleLike(s_, b, e);
    last_title_ = title;
    out_->phrase_named |= added && arg_pp_;
    // "... was signed and tensions between both sides ...": a new clause (but "and
    // Japanese Vice Foreign Minister Mori" goes on).
    if (after_conjunction_ && !added && !joiner_ && !title) {
      stop_ = true;
      return;
    }
    after_conjunction_ = false;
    // A title ("Foreign Minister", "co-chairs of the OSCE Minsk Group") that the name after
    // it, or an "of" phrase, continues.
    title_before_ = title || ((joiner_ || title_before_) && !added && !HasPerson(s_, b, e));
    joiner_ = false;
    w = e;
  }

  const SentenceView& s_;
  const Cues& cues_;
  ClauseScan* out_;
  const std::uint32_t from_;
  const bool direct_object_, nominal_;
  bool joiner_, title_before_ = false, arg_pp_ = false, agent_ = false, after_conjunction_ = false;
  bool last_title_ = false, of_thing_ = false;  // the NP before was a title; "the decision of X"
  bool hospitality_ = false;                    // the direct object is a meal or reception
  bool stop_ = false;
};

}  // namespace

void ScanObjects(const SentenceView& s, const Cues& cues, std::uint32_t from, bool direct_object, ClauseScan* out,
                 bool nominal) {
  ObjectScan(s, cues, from, direct_object, out, nominal).Run();
}

}  // namespace actorgraph::events::internal

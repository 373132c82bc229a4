// The names step: the trained name tagger (tagger/names.hpp) over the sentences that can hold
// a name the gazetteer missed, and the hints it reads from the other layers.
#include "mentions/internal/steps.hpp"

#include "tagger/names.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <unordered_map>

namespace actorgraph::mentions::internal {
namespace {

using analysis::Document;
using analysis::Mention;
using gazetteer::Kind;

// A model name overlapping gazetteer mentions replaces them only from this confidence on
// ("Georgia Tech" over the country "Georgia"; 0.8 before 2026-12-07: 0.6 took wikigold from
// .609 to .619, PUD .662 to .665, readouts actors 506 to 508, GUM news .562 to .559).
constexpr double kSureLonger = 0.6;
// Model names below this confidence are dropped.
constexpr double kMinModel = 0.5;
// Tokens of context the model sees on each side of the tokens that can be names.
constexpr std::uint32_t kWindow = 3;
// The confidence of a one-word name taken without the model (an acronym, a speaker).
constexpr double kSingle = 0.55;
// The confidence of a name an acronym in brackets defines ("Movement for Democratic Change (MDC)").
constexpr double kDefined = 0.7;
// The confidence of capitalised words ending in an organisation's head word ("the American
// Civil Liberties Union").
constexpr double kHeaded = 0.65;

// The bit of part-of-speech tag u in a tag-dictionary class (tagger::Model::TagClass).
constexpr std::uint32_t UposBit(tagger::Upos u) { return 1U << static_cast<int>(u); }

bool FromGazetteer(const Mention& m) {
  using analysis::MentionSource;
  return m.resolved_by == MentionSource::kExact || m.resolved_by == MentionSource::kAlias ||
         m.resolved_by == MentionSource::kAdjective || m.resolved_by == MentionSource::kDemonym;
}

class NamesStep : public analysis::Annotator {
 public:
  NamesStep(const tagger::Model& pos, const tagger::NameModel& names, const GivenNames* given,
            analysis::WorkerContext& c)
      : pos_model_(pos), names_(names), given_(given), context_(c) {}

  void Annotate(Document& d) override {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    in_title_.assign(n, 0);
    for (const auto& t : d.titles)
      for (std::uint32_t k = t.first; k < t.end; ++k) in_title_[k] = 1;
    // The cheap filter first: a capitalised, name-like token no mention or title covers,
    // not alone at the start of a sentence. The model then tags the window of words around
    // each such token, within its sentence (ends of sentences from the gaps, as below).
    CollectSurnames(d);
    discovered_.clear();
    added_.clear();
    in_added_.assign(n, 0);
    keep_.assign(d.mentions.size(), 1);
    for (std::uint32_t k = 0; k < n;) {
      if (!Candidate(d, k)) {
        ++k;
        continue;
      }
      std::uint32_t a = k, b = k + 1;
      for (std::uint32_t back = 0; back < kWindow && a > 0 && !Boundary(d, a); ++back) --a;
      std::uint32_t last = k;  // the last candidate of the window so far
      while (b < n && !Boundary(d, b) && (b <= last + kWindow)) {
        if (Candidate(d, b)) last = b;
        ++b;
      }
      TagWindow(d, a, b);
      k = b;
    }
    RuleNames(d);

    Propagate(d);
    Vote();
    // A one-word name that ends a longer person name of the document is left to the
    // surnames step, which links it to that name ("Petrov" after "Ivan Petrov").
    for (const Mention& m : added_)
      if (m.is_person() && m.end_token - m.first_token >= 2)
        surnames_.insert(std::string(d.tokens[SurnameToken(d, m)].key));
    // A large document's earlier windows count too (analysis::WindowState).
    const StringSet& carried = d.window.model_surnames;
    std::erase_if(added_, [&](const Mention& m) {
      // Of any type: "Aliyev" read as a place is still the surname of Ilham Aliyev.
      if (m.end_token - m.first_token != 1) return false;
      const std::string key(d.tokens[m.first_token].key);
      return surnames_.count(key) > 0 || carried.count(key) > 0;
    });
    if (d.windowed() && !d.window.last) d.window.model_surnames.insert(surnames_.begin(), surnames_.end());
    if (std::find(keep_.begin(), keep_.end(), 0) != keep_.end()) d.KeepMentions(keep_);
    if (added_.empty()) return;
    for (auto& m : added_) d.AddMention(std::move(m));
  }

 private:
  // The names the rules give besides the model's (each rule's comment says which).
  void RuleNames(Document& d) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    // An unlisted acronym of three letters or more that no name covers names an organisation
    // more often than anything else ("USAID and AMEXCID projects"). The model is not asked:
    // it seldom tags a lone acronym, and tagging around each one costs too much (TAGGER.md).
    // A lone capitalised word no dictionary knows as an ordinary word, before "who" or a verb
    // of saying or after "said", is a person ("Gomery, who led", "said Dundar.") where the
    // model left it.
    acronyms_.clear();
    for (std::uint32_t k = 1; k + 1 < n; ++k) Definition(d, k);
    for (Mention& m : added_) {
      // The model's one-word names elsewhere that a definition gave.
      if (acronyms_.empty()) break;
      if (m.end_token != m.first_token + 1) continue;
      const auto it = acronyms_.find(std::string(d.tokens[m.first_token].key));
      if (it == acronyms_.end()) continue;
      m.entity_id = it->second.entity_id;
      m.name = it->second.name;
      m.kind = it->second.kind;
    }
    for (std::uint32_t k = 0; k < n; ++k) HeadedName(d, k);
    for (const auto& t : d.titles) TitleInstitution(d, t.first, t.end);
    for (std::size_t i = 0; i < d.mentions.size(); ++i) TeamName(d, i);
    for (std::uint32_t k = 0; k < n; ++k) {
      if (DefinedAcronym(d, k)) continue;
      if (UnknownAcronym(d, k))
        AddSingle(d, k, Kind::kOrganization);
      else if (SpeakerWord(d, k))
        AddSingle(d, k, Kind::kPerson);
      else if (Regnal(d, k))
        AddRegnal(d, k);
      else if (const std::uint32_t e = OfficeOf(d, k); e > k)
        AddSingle(d, k, Kind::kOrganization, e - k);
    }
    // "the Paris Agreement", "the Treaty of London", "the Iraq War": a place in the name of an
    // agreement, a war or a contest is no actor.
    for (std::size_t i = 0; i < d.mentions.size(); ++i) {
      const Mention& m = d.mentions[i];
      if (FromGazetteer(m) && m.resolved_by != analysis::MentionSource::kAdjective &&
          (m.kind == Kind::kCountry || m.kind == Kind::kLocation) && NamesAgreement(d, m.first_token, m.end_token))
        keep_[i] = 0;
    }
    std::erase_if(added_, [&](const Mention& m) {
      return m.kind == Kind::kLocation && NamesAgreement(d, m.first_token, m.end_token);
    });
  }

  // Whether a sentence may end between tokens k - 1 and k: a terminator or a line break in
  // the gap (closing quotes and brackets are never tokens), or k is the first token.
  // A period right after an initial or an abbreviated title ends no sentence ("Mark C. Toner",
  // "Mr. Comey", "U.S. President").
  static bool Abbreviation(const text::Token& t) {
    if (t.end - t.start == 1) return (t.flags & text::kCapitalized) != 0;
    static const StringSet kAbbreviations = {"mr",  "mrs",    "ms",  "dr",   "prof", "gen",  "sen",  "rep",
                                             "gov", "lt",     "col", "capt", "sgt",  "st",   "rev",  "hon",
                                             "mme", "messrs", "adm", "maj",  "cmdr", "brig", "supt", "insp"};
    return kAbbreviations.count(t.key) > 0;
  }

  static bool Boundary(const Document& d, std::uint32_t k) {
    if (k == 0) return true;
    for (std::uint32_t at = d.tokens[k - 1].end; at < d.tokens[k].start; ++at) {
      const char c = d.text()[at];
      if (c == '.' && at == d.tokens[k - 1].end && Abbreviation(d.tokens[k - 1])) continue;
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';') return true;
    }
    return false;
  }

  // Whether token a - 1 (or a - 2, before ", ") is a title or a word for a person: "the
  // actress, Gloria Holden", "keyboardist Butch Taylor", "his daughter, Angelina".
  bool PersonBefore(const Document& d, std::uint32_t a) const {
    if (a == 0 || Boundary(d, a)) return false;
    const std::string_view gap = d.text().substr(d.tokens[a - 1].end, d.tokens[a].start - d.tokens[a - 1].end);
    if (gap != " " && gap != ", ") return false;
    const text::Token& t = d.tokens[a - 1];
    return in_title_[a - 1] || (PersonNoun(t.key) && !(t.flags & text::kCapitalized));
  }
  // A weekday's or a month's name or abbreviation (not those that are also given names or
  // other words: May, June, April, August, "Mar", "Dec").
  static bool DateWord(std::string_view key) {
    static const StringSet kWords = {"monday",  "tuesday",  "wednesday", "thursday", "friday", "saturday",
                                     "sunday",  "january",  "february",  "march",    "july",   "september",
                                     "october", "november", "december",  "jan",      "feb",    "aug",
                                     "sept",    "oct",      "nov"};
    return kWords.count(key) > 0;
  }

  // Whether the word before token a puts one unknown word after it in a place rather than a
  // person: "in Kirriemuir", "near Husum", "the Danevirke" (a person's name seldom follows
  // "the" or "in"). Not before a noun, where it may be a person's, a people's or a country's
  // word that modifies it ("the Bush administration", "the Dagolathi news agency").
  bool PlaceWordBefore(const Document& d, std::uint32_t a) const {
    if (a == 0 || Boundary(d, a) || d.tokens[a - 1].end + 1 != d.tokens[a].start) return false;
    static const StringSet kWords = {"in", "near", "outside", "across", "around", "throughout", "within", "the"};
    if (d.tokens[a - 1].key == "the" && a + 1 < d.tokens.size() && d.tokens[a].end + 1 == d.tokens[a + 1].start &&
        (d.tokens[a + 1].flags & text::kLowerAscii)) {
      const text::Token& next = d.tokens[a + 1];
      const std::uint32_t cls = pos_model_.TagClass(d.text().substr(next.start, next.end - next.start));
      if ((cls & UposBit(tagger::Upos::kNoun)) && !(cls & (UposBit(tagger::Upos::kVerb) | UposBit(tagger::Upos::kAux))))
        return false;
    }
    return !(d.tokens[a - 1].flags & text::kCapitalized) && kWords.count(d.tokens[a - 1].key) > 0;
  }
  static bool PersonNoun(std::string_view key) {
    static const StringSet kNouns = {
        "wife",          "husband",     "son",       "daughter",    "brother",       "sister",       "mother",
        "father",        "uncle",       "aunt",      "nephew",      "niece",         "cousin",       "grandson",
        "granddaughter", "widow",       "fiancee",   "girlfriend",  "boyfriend",     "actor",        "actress",
        "singer",        "songwriter",  "musician",  "pianist",     "guitarist",     "bassist",      "drummer",
        "vocalist",      "keyboardist", "composer",  "conductor",   "poet",          "novelist",     "writer",
        "author",        "playwright",  "painter",   "sculptor",    "photographer",  "philosopher",  "historian",
        "scientist",     "physicist",   "chemist",   "economist",   "journalist",    "reporter",     "columnist",
        "lawyer",        "attorney",    "judge",     "businessman", "businesswoman", "entrepreneur", "founder",
        "striker",       "midfielder",  "defender",  "goalkeeper",  "coach",         "captain",      "manager",
        "player",        "teammate",    "veteran",   "rapper",      "comedian",      "dancer",       "director",
        "producer",      "designer",    "architect", "engineer",    "inventor",      "explorer",     "missionary",
        "priest",        "bishop",      "rabbi",     "imam",        "monk",          "nun",          "emperor",
        "empress",       "warlord",     "general",   "colonel",     "lieutenant",    "sergeant",     "pope"};
    return kNouns.count(key) > 0;
  }
  // Whether a verb of saying follows token e - 1: "Bullock says", "Ulrich, who", no.
  static bool SpeechAfter(const Document& d, std::uint32_t e) {
    static const StringSet kSpeech = {"said",    "says",   "told",    "tells",    "added",     "believed", "believes",
                                      "wrote",   "writes", "argued",  "claims",   "claimed",   "recalled", "recalls",
                                      "replied", "thinks", "thought", "insisted", "explained", "admitted"};
    return e < d.tokens.size() &&
           d.text().substr(d.tokens[e - 1].end, d.tokens[e].start - d.tokens[e - 1].end) == " " &&
           kSpeech.count(d.tokens[e].key) > 0;
  }

  // Whether a lower-case word after a hyphen may end a given name ("wai", "ki", "wan"): not a
  // verb by the dictionary ("-led", "-born", "-run") nor a word that makes compounds of names.
  bool GivenSyllable(std::string_view key) const {
    static const StringSet kCompound = {"era", "age",  "type", "like", "wide", "free", "long", "old", "year", "week",
                                        "day", "time", "side", "area", "zone", "new",  "way",  "all", "only"};
    if (kCompound.count(key) > 0) return false;
    const std::uint32_t verbs = UposBit(tagger::Upos::kVerb) | UposBit(tagger::Upos::kAux);
    return (pos_model_.TagClass(key) & verbs) == 0;
  }

  // Nouns whose "of" phrase names a place ("the city of Petra").
  static bool PlaceNoun(std::string_view key) {
    return key == "city" || key == "town" || key == "village" || key == "capital" || key == "province" ||
           key == "region" || key == "port" || key == "island" || key == "district" || key == "county" ||
           key == "municipality";
  }

  // Words of an organisation's name that an "of" phrase may continue ("Bank of Scotland").
  static bool OfHead(std::string_view key) {
    return key == "university" || key == "institute" || key == "institution" || key == "association" ||
           key == "council" || key == "bank" || key == "department" || key == "ministry" || key == "academy" ||
           key == "museum" || key == "college" || key == "school" || key == "federation" || key == "league" ||
           key == "society" || key == "commission" || key == "committee" || key == "organization" ||
           key == "organisation" || key == "church" || key == "union" || key == "movement" || key == "hall" ||
           key == "palace" || key == "gulf" || key == "bay" || key == "sea" || key == "isle" || key == "cathedral";
  }

  // Whether a gazetteer place or organisation mention starts at token *e (which a mention
  // covers); then it goes to extended_over_ and *e moves past it.
  bool OverGazetteer(const Document& d, std::uint32_t* e) {
    const auto i = static_cast<std::size_t>(d.covered[*e]);
    const Mention& m = d.mentions[i];
    if (!FromGazetteer(m) || m.is_person() || m.first_token != *e) return false;
    extended_over_.push_back(i);
    *e = m.end_token;
    return true;
  }

  // The end of "of" and the capitalised words right after token b - 1 (b itself if there is
  // no such phrase); the gazetteer mentions those words hold go to extended_over_.
  std::uint32_t ExtendOverOf(Document& d, std::uint32_t b) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    auto joined = [&](std::uint32_t k) { return d.tokens[k - 1].end + 1 == d.tokens[k].start; };
    if (b + 1 >= n || d.tokens[b].key != "of" || !joined(b) || !joined(b + 1)) return b;
    std::uint32_t e = b + 1;
    while (e < n && (e == b + 1 || joined(e)) && !Boundary(d, e) && !in_title_[e] && !in_added_[e] &&
           IsNameLike(d, e) && Plain(d.text().substr(d.tokens[e].start, d.tokens[e].end - d.tokens[e].start))) {
      if (d.covered[e] >= 0) {
        if (!OverGazetteer(d, &e)) break;
        continue;
      }
      ++e;
    }
    if (e == b + 1) {
      extended_over_.clear();
      return b;
    }
    return e;
  }

  // The end of the particles and the capitalised word after a person's name ending at b (b if
  // there are none); a surname mention on that word goes to extended_over_.
  std::uint32_t ExtendOverParticles(Document& d, std::uint32_t b) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    auto close = [&](std::uint32_t k) {
      const std::string_view gap = d.text().substr(d.tokens[k - 1].end, d.tokens[k].start - d.tokens[k - 1].end);
      return gap == " " || gap == "-";
    };
    std::uint32_t e = b;
    while (e < n && e - b < 2 && !(d.tokens[e].flags & text::kCapitalized) && NameParticle(d.tokens[e].key) && close(e))
      ++e;
    if (e == b || e >= n || !close(e) || !(d.tokens[e].flags & text::kCapitalized) || in_title_[e] || in_added_[e] ||
        !IsNameLike(d, e) || Boundary(d, e))
      return b;
    if (d.covered[e] >= 0) {
      const auto i = static_cast<std::size_t>(d.covered[e]);
      const Mention& m = d.mentions[i];
      if (!m.is_person() || m.first_token != e || m.end_token != e + 1) return b;
      extended_over_.push_back(i);
    }
    return e + 1;
  }

  // The end of "Jr" or "Sr" after a person's name ending at b ("Ferdinand R. Marcos Jr."), else b.
  static std::uint32_t ExtendOverSuffix(const Document& d, std::uint32_t b) {
    if (b >= d.tokens.size() || d.covered[b] >= 0 || (d.tokens[b].key != "jr" && d.tokens[b].key != "sr") ||
        !(d.tokens[b].flags & text::kCapitalized))
      return b;
    const std::string_view gap = d.text().substr(d.tokens[b - 1].end, d.tokens[b].start - d.tokens[b - 1].end);
    return gap == " " || gap == ", " ? b + 1 : b;
  }

  // Words that may open a model's span without being part of the name: honorifics, and the
  // end of a hyphenated title ("Minister-Designate", "President-elect").
  static bool LeadsNoName(std::string_view key) {
    return key == "mr" || key == "mrs" || key == "ms" || key == "dr" || key == "madam" || key == "mme" ||
           key == "designate" || key == "elect";
  }

  // Whether the name over tokens [a, e) is part of the name of an agreement, a war, a battle,
  // a prize or a contest: a capitalised word for one in the capitalised words right after it
  // ("Paris Agreement", "Bangladesh Liberation War") or "of" after one right before it
  // ("Treaty of London", "Battle of Gettysburg").
  static bool NamesAgreement(const Document& d, std::uint32_t a, std::uint32_t e) {
    static const StringSet kAgreements = {"agreement", "agreements", "accord",   "accords", "treaty",
                                          "protocol",  "convention", "pact",     "charter", "declaration",
                                          "amendment", "communique", "doctrine", "peace"};
    static const StringSet kEventsOf = {"treaty", "convention", "peace", "battle", "siege", "campaign"};
    auto capitalised = [&](std::uint32_t k) { return (d.tokens[k].flags & text::kCapitalized) != 0; };
    // The capitalised words right after it, up to four: one of them an agreement's word, or
    // the last the word of a war, prize or contest ("the Bangladesh Liberation War", "MTV
    // Europe Music Awards").
    for (std::uint32_t k = e; k < d.tokens.size() && k < e + 4; ++k) {
      if (d.tokens[k - 1].end + 1 != d.tokens[k].start || Boundary(d, k) || !capitalised(k)) break;
      if (kAgreements.count(d.tokens[k].key) > 0) return true;
      const bool last = k + 1 >= d.tokens.size() || d.tokens[k].end + 1 != d.tokens[k + 1].start ||
                        Boundary(d, k + 1) || !capitalised(k + 1);
      if (last && NoActorHead(d.tokens[k].key)) return true;
    }
    // "Treaty of London", "Battle of Gettysburg".
    return a >= 2 && d.tokens[a - 1].key == "of" && !Boundary(d, a) && !Boundary(d, a - 1) && capitalised(a - 2) &&
           kEventsOf.count(d.tokens[a - 2].key) > 0;
  }

  // Whether token t is the plural of an adjective for a people or a place ("Romans",
  // "Europeans", "Latin Americans"): a group the model takes for a person or a place; not
  // a surname such as "Evans", which the dictionary knows as no adjective.
  bool DemonymPlural(const text::Token& t) const {
    const std::string_view key = t.key;
    if (!(t.flags & text::kCapitalized) || key.size() < 5 || !key.ends_with("ans")) return false;
    return (pos_model_.TagClass(key.substr(0, key.size() - 1)) & UposBit(tagger::Upos::kAdj)) != 0;
  }

  // Styles and ranks before a person's name that are not part of it ("Sir Ernest Shackleton",
  // "Pope Francis", "Lord Halifax"); the titles lexicon holds the others.
  static bool Honorific(std::string_view key) {
    static const StringSet kStyles = {"sir",        "lord",    "reverend", "rev",    "pope",  "emperor", "empress",
                                      "saint",      "st",      "cardinal", "sultan", "emir",  "tsar",    "czar",
                                      "kaiser",     "pharaoh", "princess", "duke",   "count", "baron",   "bishop",
                                      "archbishop", "father",  "brother",  "sister"};
    return kStyles.count(key) > 0;
  }
  // Letters after a person's name: "Manasseh Sogavare MP", "Mark Tedeschi QC".
  static bool Postnominal(std::string_view key) {
    static const StringSet kLetters = {"mp", "qc", "kc", "mep", "obe", "mbe", "cbe", "kbe", "dbe", "msp", "mla"};
    return kLetters.count(key) > 0;
  }

  // Not the shape of an identifier: no digit or underscore, no capital after a lower-case
  // letter ("ZipInfo") but after Mc, Mac, De, ... ("McCain", "DiCaprio"), no "OSError". Acronyms and such
  // words are still tagged inside the window of another candidate.
  static bool NamePrefix(std::string_view p) {
    return p == "Mc" || p == "Mac" || p == "De" || p == "Di" || p == "Du" || p == "La" || p == "Le" || p == "Van";
  }
  static bool Plain(std::string_view w) {
    bool lower = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
      const char c = w[i];
      if ((c >= '0' && c <= '9') || c == '_') return false;
      const bool upper = c >= 'A' && c <= 'Z';
      if (upper && lower && !NamePrefix(w.substr(0, i))) return false;
      // "OSError", "CPython": capitals, then a capital starting a lower-case word.
      if (upper && i >= 1 && w[i - 1] >= 'A' && w[i - 1] <= 'Z' && i + 1 < w.size() && w[i + 1] >= 'a' &&
          w[i + 1] <= 'z')
        return false;
      if (c >= 'a' && c <= 'z') lower = true;
      if (c == '-' || c == '\'') lower = false;
    }
    return true;
  }

  // Whether token k continues the word before it after a hyphen: "yan" of "Cheuk-yan".
  static bool HyphenJoined(const Document& d, std::uint32_t k) {
    const text::Token &prev = d.tokens[k - 1], &t = d.tokens[k];
    if (t.start != prev.end + 1 || d.text()[prev.end] != '-' || (t.flags & text::kNumeric)) return false;
    return d.covered[k] < 0 && !(t.flags & text::kPossessive);
  }

  // An acronym inside a sentence of ordinary words, right after "the" ("the NHS", "the GOP"):
  // an organisation more often than not. Not in a line of capitals, not a Roman numeral.
  bool AcronymCandidate(const Document& d, std::uint32_t k) const {
    const text::Token& t = d.tokens[k];
    if (k == 0 || t.end - t.start < 2 || t.end - t.start > 6 || Boundary(d, k)) return false;
    const text::Token& prev = d.tokens[k - 1];
    if (prev.key != "the") return false;
    if (k + 1 < d.tokens.size() && (d.tokens[k + 1].flags & text::kAllCaps)) return false;
    const std::string_view w = d.text().substr(t.start, t.end - t.start);
    return w.find_first_not_of("IVXLCDM") != std::string_view::npos;
  }

  // An acronym of three to seven capitals inside a sentence of ordinary words, free, that the
  // tag dictionary knows as nothing but a proper noun ("CEO", "GDP" are nouns there), not a
  // Roman numeral: "USAID and AMEXCID projects", "the MDC".
  bool UnknownAcronym(const Document& d, std::uint32_t k) const {
    const text::Token& t = d.tokens[k];
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    if (!(t.flags & text::kAllCaps) || t.end - t.start < 3 || t.end - t.start > 7) return false;
    if (k == 0 || in_added_[k] || d.covered[k] >= 0 || in_title_[k] || Boundary(d, k)) return false;
    if (d.tokens[k - 1].flags & text::kAllCaps) return false;
    if (k + 1 < n && (d.tokens[k + 1].flags & text::kAllCaps)) return false;
    if (k + 1 < n && PersonStyle(t.key) && PersonStyle(d.tokens[k + 1].key)) return false;  // "RT Hon"
    // A designation joined to its number: "STS-135", "F-16", "SU-27".
    if (k + 1 < n && d.tokens[k + 1].start == t.end + 1 && d.text()[t.end] == '-' &&
        (d.tokens[k + 1].flags & text::kNumeric))
      return false;
    const std::string_view w = d.text().substr(t.start, t.end - t.start);
    if (w.find_first_not_of("IVXLCDM") == std::string_view::npos) return false;
    if (w.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos) return false;
    return !NotOrganizationAcronym(t.key) && OnlyProperNoun(w);
  }

  // Whether the tag dictionary knows word `w` as nothing but a proper noun, or not at all.
  bool OnlyProperNoun(std::string_view w) const {
    const std::uint32_t cls = pos_model_.TagClass(w);
    return cls == 0 || cls == UposBit(tagger::Upos::kPropn);
  }

  // Acronyms that name no organisation and that the tag dictionary may not know: formats,
  // protocols and standards of computing, time zones, units, diseases, measures, documents.
  static bool NotOrganizationAcronym(std::string_view key) {
    static const StringSet kWords = {
        "http",  "https", "html", "xml",   "json", "ascii", "utf",  "url", "uri",    "api",    "sql",  "pdf",  "usb",
        "gps",   "cpu",   "gpu",  "ram",   "rom",  "rfc",   "smtp", "ftp", "ssl",    "tls",    "tcp",  "udp",  "mime",
        "posix", "cgi",   "dom",  "dtd",   "sax",  "eof",   "css",  "php", "ssh",    "dns",    "vpn",  "wifi", "lan",
        "led",   "lcd",   "dvd",  "mp3",   "jpeg", "png",   "gif",  "svg", "csv",    "iso",    "ieee", "ansi", "gmt",
        "utc",   "est",   "edt",  "pst",   "pdt",  "cst",   "cdt",  "bst", "cet",    "cest",   "kst",  "jst",  "aest",
        "aedt",  "awst",  "nzst", "nzdt",  "hkt",  "sgt",   "msk",  "eet", "eest",   "wib",    "pht",  "dna",  "rna",
        "hiv",   "aids",  "sars", "covid", "mers", "ebola", "mri",  "icu", "gdp",    "gnp",    "vat",  "ceo",  "cfo",
        "coo",   "cto",   "mou",  "lng",   "lpg",  "uav",   "icbm", "atm", "pin",    "faq",    "diy",  "asap", "aka",
        "tba",   "phd",   "mba",  "bbq",   "suv",  "mph",   "kph",  "rpm", "ppm",    "btu",    "kwh",  "ok",   "tv",
        "rfp",   "rfq",   "rfi",  "dui",   "dwi",  "ipo",   "svp",  "evp", "psa",    "vhs",    "hdmi", "ios",  "lol",
        "lmao",  "omg",   "btw",  "fyi",   "imo",  "imho",  "rsvp", "eta", "tbd",    "ppe",    "cpr",  "sms",  "ppt",
        "xls",   "roi",   "kpi",  "crm",   "erp",  "irr",   "npv",  "eps", "ebitda", "nda",    "loi",  "kyc",  "aml",
        "ssn",   "pto",   "eod",  "cob",   "ufo",  "wmd",   "ied",  "rpg", "mmog",   "mmorpg", "fps",  "dlc",  "npc"};
    return kWords.count(key) > 0;
  }

  // Whether token k is a free capitalised word, alone, that the dictionary knows as nothing
  // but a proper noun (or not at all), with "who" or a verb of saying after it or "said"
  // before it and the sentence's end, a comma or "who" after.
  bool SpeakerWord(Document& d, std::uint32_t k) {
    const text::Token& t = d.tokens[k];
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    if (!(t.flags & text::kCapitalized) || (t.flags & text::kAllCaps) || in_added_[k] || d.covered[k] >= 0 ||
        in_title_[k] || t.end - t.start < 3 || !IsNameLike(d, k))
      return false;
    const std::string_view w = d.text().substr(t.start, t.end - t.start);
    if (!Plain(w)) return false;
    // Alone: no capitalised word joined to it on either side.
    auto joined = [&](std::uint32_t i, std::uint32_t j) {
      return (d.tokens[j].flags & text::kCapitalized) && d.tokens[i].end + 1 == d.tokens[j].start && !Boundary(d, j);
    };
    if ((k > 0 && joined(k - 1, k)) || (k + 1 < n && joined(k, k + 1))) return false;
    if (!OnlyProperNoun(w)) return false;
    if (k + 1 < n) {
      const std::string_view gap = d.text().substr(t.end, d.tokens[k + 1].start - t.end);
      if ((gap == " " || gap == ", ") && d.tokens[k + 1].key == "who") return true;
      if (SpeechAfter(d, k + 1) || AgeAfter(d, k + 1)) return true;
    }
    if (k > 0 && !Boundary(d, k) && (d.tokens[k - 1].key == "said" || d.tokens[k - 1].key == "says") &&
        d.tokens[k - 1].end + 1 == t.start) {
      return k + 1 >= n || Boundary(d, k + 1) || d.text().substr(t.end, d.tokens[k + 1].start - t.end) == ", ";
    }
    return false;
  }

  // Whether token k is in a person's name of two words or more found before this one (the
  // gazetteer's, discovery's or the model's).
  bool PersonAt(const Document& d, std::uint32_t k) const {
    const Mention* m = nullptr;
    if (d.covered[k] >= 0) {
      m = &d.mentions[static_cast<std::size_t>(d.covered[k])];
    } else if (in_added_[k]) {
      for (const Mention& a : added_)
        if (a.first_token <= k && k < a.end_token) m = &a;
    }
    return m != nullptr && m->is_person() && m->end_token - m->first_token >= 2;
  }

  // Whether the name over [a, e) is joined by "and" to a person's name: "Presidents Omar
  // al-Bashir of Sudan and Salva Kiir", "Piaf and Momone", "Kiir and Riek Machar".
  bool AndPerson(const Document& d, std::uint32_t a, std::uint32_t e) const {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    auto spaced = [&](std::uint32_t j) { return d.tokens[j - 1].end + 1 == d.tokens[j].start && !Boundary(d, j); };
    if (e + 1 < n && d.tokens[e].key == "and" && spaced(e) && spaced(e + 1) && PersonAt(d, e + 1)) return true;
    if (a < 2 || d.tokens[a - 1].key != "and" || !spaced(a) || !spaced(a - 1)) return false;
    std::uint32_t j = a - 2;
    // "... of Sudan and": the person before the place's "of".
    if (d.covered[j] >= 0) {
      const Mention& m = d.mentions[static_cast<std::size_t>(d.covered[j])];
      if (!m.is_person() && m.first_token >= 2 && d.tokens[m.first_token - 1].key == "of" && spaced(m.first_token) &&
          spaced(m.first_token - 1))
        j = m.first_token - 2;
    }
    return PersonAt(d, j);
  }

  // Whether the name over [a, e) is joined by "and" to a gazetteer place's name: "visited Port
  // Moresby and Wewak", "between the Danevirke and Husum", "Wewak and Port Moresby".
  bool AndPlace(const Document& d, std::uint32_t a, std::uint32_t e) const {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    auto spaced = [&](std::uint32_t j) { return d.tokens[j - 1].end + 1 == d.tokens[j].start && !Boundary(d, j); };
    auto place = [&](std::uint32_t j, bool starts) {
      if (d.covered[j] < 0) return false;
      const Mention& m = d.mentions[static_cast<std::size_t>(d.covered[j])];
      return FromGazetteer(m) && m.resolved_by != analysis::MentionSource::kAdjective &&
             m.resolved_by != analysis::MentionSource::kDemonym &&
             (m.kind == Kind::kLocation || m.kind == Kind::kCountry) && (starts ? m.first_token : m.end_token - 1) == j;
    };
    if (e + 1 < n && d.tokens[e].key == "and" && spaced(e) && spaced(e + 1) && place(e + 1, true)) return true;
    return a >= 2 && d.tokens[a - 1].key == "and" && spaced(a) && spaced(a - 1) && place(a - 2, false);
  }

  // Whether an age in commas follows token e - 1: "Jutting, now 31, is", "Petrov, 45, said".
  static bool AgeAfter(const Document& d, std::uint32_t e) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    if (e >= n || d.text().substr(d.tokens[e - 1].end, d.tokens[e].start - d.tokens[e - 1].end) != ", ") return false;
    if ((d.tokens[e].key == "now" || d.tokens[e].key == "aged") && e + 1 < n &&
        d.tokens[e].end + 1 == d.tokens[e + 1].start)
      ++e;
    const text::Token& age = d.tokens[e];
    if (!(age.flags & text::kNumeric) || age.end - age.start > 3 || age.end >= d.text().size()) return false;
    return d.text()[age.end] == ',';
  }

  // Whether token k is a free capitalised word, that the dictionary knows as nothing but a
  // proper noun (or not at all), before a Roman numeral from II to XXX that ends the run of
  // capitalised words: a ruler's name ("Ramesses II", "Thutmose III").
  bool Regnal(Document& d, std::uint32_t k) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    if (k + 1 >= n) return false;
    const text::Token &t = d.tokens[k], &r = d.tokens[k + 1];
    if (!(t.flags & text::kCapitalized) || (t.flags & text::kAllCaps) || d.covered[k] >= 0 || in_title_[k] ||
        t.end - t.start < 3 || !IsNameLike(d, k) || r.start != t.end + 1 || d.covered[k + 1] >= 0 || in_added_[k + 1])
      return false;
    const std::string_view numeral = d.text().substr(r.start, r.end - r.start);
    if (numeral.size() < 2 || numeral.size() > 5 || numeral.find_first_not_of("IVX") != std::string_view::npos)
      return false;
    if (k + 2 < n && d.tokens[k + 2].start == r.end + 1 && (d.tokens[k + 2].flags & text::kCapitalized)) return false;
    const std::string_view w = d.text().substr(t.start, t.end - t.start);
    return Plain(w) && OnlyProperNoun(w);
  }

  // "Office of the Spokesperson", "Office of the Prime Minister": a capitalised "Office",
  // "Secretariat" or "Cabinet" with "of the" and a capitalised title after it names an
  // organisation; one past its last token, or k if there is none at k.
  std::uint32_t OfficeOf(const Document& d, std::uint32_t k) const {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    const text::Token& t = d.tokens[k];
    if (k + 3 >= n || !(t.flags & text::kCapitalized) || (t.flags & text::kAllCaps) || in_added_[k] ||
        d.covered[k] >= 0 || (t.key != "office" && t.key != "secretariat" && t.key != "cabinet"))
      return k;
    auto joined = [&](std::uint32_t j) { return d.tokens[j - 1].end + 1 == d.tokens[j].start && !Boundary(d, j); };
    if (d.tokens[k + 1].key != "of" || d.tokens[k + 2].key != "the" || !joined(k + 1) || !joined(k + 2)) return k;
    std::uint32_t e = k + 3;
    while (e < n && joined(e) && in_title_[e] && (d.tokens[e].flags & text::kCapitalized) && !in_added_[e] &&
           d.covered[e] < 0)
      ++e;
    // A role reference there ("the Prime Minister" read as the holder) keeps its words.
    if (e < n && joined(e) && in_title_[e] && d.covered[e] >= 0) return k;
    return e > k + 3 ? e : k;
  }

  // The ruler's name at k: a new person, or the model's one-word name there made one.
  void AddRegnal(Document& d, std::uint32_t k) {
    if (!in_added_[k]) {
      AddSingle(d, k, Kind::kPerson, 2);
      return;
    }
    for (Mention& m : added_) {
      if (m.first_token != k || m.end_token != k + 1) continue;
      m.end_token = k + 2;
      m.kind = Kind::kPerson;
      m.name = std::string(d.text().substr(d.tokens[k].start, d.tokens[k + 1].end - d.tokens[k].start));
      m.entity_id = DiscoveredId(context_.analyzer, m.name);
      discovered_.emplace(m.entity_id, m.name);
      in_added_[k + 1] = 1;
      return;
    }
  }

  // "Movement for Democratic Change (MDC)": an acronym in brackets whose letters are the
  // initials of the capitalised words right before the bracket (with "of", "for", "the", ...
  // between them) defines them. Both become one organisation (a place if the last word says
  // so), or take the entity the model found over exactly those words; the acronym elsewhere
  // in the document is the same (DefinedAcronym).
  void Definition(Document& d, std::uint32_t k) {
    const text::Token& t = d.tokens[k];
    if (!(t.flags & text::kAllCaps) || t.end - t.start < 2 || t.end - t.start > 8 || d.covered[k] >= 0 ||
        d.text().substr(d.tokens[k - 1].end, t.start - d.tokens[k - 1].end) != " (" || d.text()[t.end] != ')')
      return;
    const std::string_view w = d.text().substr(t.start, t.end - t.start);
    if (w.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos) return;
    static const StringSet kJoin = {"of", "for", "the", "and", "on", "in", "to", "de", "du", "la", "des", "&"};
    std::uint32_t start = k;
    auto letter = static_cast<std::ptrdiff_t>(w.size()) - 1;
    for (std::uint32_t j = k; j-- > 0 && letter >= 0 && k - j <= 12;) {
      if (j + 1 < k &&
          (d.text().substr(d.tokens[j].end, d.tokens[j + 1].start - d.tokens[j].end) != " " || Boundary(d, j + 1)))
        break;
      const text::Token& x = d.tokens[j];
      if (x.flags & text::kCapitalized) {
        if (d.text()[x.start] != w[static_cast<std::size_t>(letter)]) break;
        --letter;
        start = j;
      } else if (kJoin.count(x.key) == 0) {
        break;
      }
    }
    if (letter >= 0 || k - start < 2) return;
    // The model's name over exactly these words, or none there.
    const Mention* found = nullptr;
    for (std::uint32_t j = start; j < k; ++j) {
      if (!in_added_[j]) continue;
      for (const Mention& m : added_)
        if (m.first_token == start && m.end_token == k) found = &m;
      if (found == nullptr) return;
      break;
    }
    Mention m;
    if (found != nullptr) {
      m = *found;
    } else {
      // Gazetteer places and organisations inside give way ("Zimbabwe" of "Zimbabwe African
      // National Union"); a person or a match reaching outside keeps the words.
      for (std::uint32_t j = start; j < k; ++j) {
        if (d.covered[j] < 0) continue;
        const Mention& g = d.mentions[static_cast<std::size_t>(d.covered[j])];
        if (!FromGazetteer(g) || g.is_person() || g.first_token < start || g.end_token > k) return;
      }
      for (std::uint32_t j = start; j < k; ++j)
        if (d.covered[j] >= 0) keep_[static_cast<std::size_t>(d.covered[j])] = 0;
      m.first_token = start;
      m.end_token = k;
      m.kind = PlaceHead(d.tokens[k - 1].key) ? Kind::kLocation : Kind::kOrganization;
      NameDiscovered(d, kDefined, &m);
      for (std::uint32_t j = start; j < k; ++j) in_added_[j] = 1;
      added_.push_back(m);
    }
    m.first_token = k;
    m.end_token = k + 1;
    acronyms_.emplace(std::string(t.key), m);
    if (in_added_[k]) {
      // The model's one-word name there takes the long form's entity.
      for (Mention& a : added_) {
        if (a.first_token != k || a.end_token != k + 1) continue;
        a.entity_id = m.entity_id;
        a.name = m.name;
        a.kind = m.kind;
      }
      return;
    }
    in_added_[k] = 1;
    added_.push_back(std::move(m));
  }

  // Whether token k may be a word of an organisation's name that ends in a head word: free,
  // capitalised but not an acronym, of a name's shape, and a noun, an adjective or a proper
  // noun to the dictionary (or unknown to it): not "Meets" of a headline, not "The".
  bool HeadedWord(const Document& d, std::uint32_t k) const {
    const text::Token& t = d.tokens[k];
    if (!(t.flags & text::kCapitalized) || (t.flags & (text::kAllCaps | text::kNumeric)) || d.covered[k] >= 0 ||
        in_title_[k] || t.end - t.start < 2 || !Plain(d.text().substr(t.start, t.end - t.start)))
      return false;
    const std::uint32_t cls = pos_model_.TagClass(d.text().substr(t.start, t.end - t.start));
    const std::uint32_t naming =
        UposBit(tagger::Upos::kNoun) | UposBit(tagger::Upos::kPropn) | UposBit(tagger::Upos::kAdj);
    return cls == 0 || (cls & naming) != 0;
  }

  // The gap before token j joins it to the word before into one name: a space, or " & ".
  bool NameGap(const Document& d, std::uint32_t j) const {
    const std::string_view gap = d.text().substr(d.tokens[j - 1].end, d.tokens[j].start - d.tokens[j - 1].end);
    return (gap == " " || gap == " & ") && !Boundary(d, j);
  }

  // Where the words of an organisation's name ending in its head word at k start: the
  // capitalised words before it ("Consumer Technology Association"), "and" between two of
  // them ("Community and Technical College"), gazetteer places, their adjectives or
  // organisations right before ("U.S. Army", "CBC News", "NATO-Georgia Commission"; their
  // mentions go to *place). Not "The": names are written without it more often than with it
  // ("the League", "The League").
  std::uint32_t HeadedStart(const Document& d, std::uint32_t k, std::vector<std::size_t>* place) const {
    std::uint32_t a = k;
    while (a > 0 && NameGap(d, a)) {
      if (HeadedWord(d, a - 1)) {
        --a;
      } else if (a >= 2 && d.tokens[a - 1].key == "and" && !(d.tokens[a - 1].flags & text::kCapitalized) &&
                 NameGap(d, a - 1) && HeadedWord(d, a - 2) && !OrganizationHead(d.tokens[a - 2].key)) {
        a -= 2;
      } else {
        break;
      }
    }
    // A sentence's first word that is not a name's ("In", "The"): not part of it.
    while (a < k && Boundary(d, a) && !pos_model_.MayBeProperNoun(d.tokens[a].key) &&
           (pos_model_.TagClass(d.tokens[a].key) & UposBit(tagger::Upos::kAdj)) == 0)
      ++a;
    // Gazetteer names before it, the first after a space, the others after a hyphen
    // ("NATO-Georgia Commission", "U.S.-Canada Regulatory Cooperation Council").
    for (char gap = ' '; a > 0 && d.covered[a - 1] >= 0 && !Boundary(d, a); gap = '-') {
      const auto i = static_cast<std::size_t>(d.covered[a - 1]);
      const Mention& g = d.mentions[i];
      if (!FromGazetteer(g) || g.is_person() || g.end_token != a || g.end + 1 != d.tokens[a].start ||
          d.text()[g.end] != gap)
        break;
      place->push_back(i);
      a = g.first_token;
    }
    return a;
  }

  // The end of "of" or "for" (and "the") with the capitalised words after an organisation's
  // head word that takes them (OfHead) ending at b ("Institute for Palestinian Studies",
  // "Department of Housing and Urban Development"), over gazetteer places and organisations
  // (which go to extended_over_); b if there are none or they end in an abbreviation ("for
  // the St. Louis Eagles"). A party's or a company's "of" names a place more often ("the
  // Liberal Party of Nova Scotia").
  std::uint32_t HeadedEnd(Document& d, std::uint32_t b) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    if (b + 1 >= n || !OfHead(d.tokens[b - 1].key) || (d.tokens[b].key != "of" && d.tokens[b].key != "for") ||
        !NameGap(d, b))
      return b;
    std::uint32_t e = b + 1;
    if (d.tokens[e].key == "the" && !(d.tokens[e].flags & text::kCapitalized) && e + 1 < n) ++e;
    if (!NameGap(d, e)) return b;
    const std::uint32_t first = e;
    const std::size_t over = extended_over_.size();
    while (e < n && (e == first || NameGap(d, e))) {
      if (d.covered[e] >= 0) {
        if (!OverGazetteer(d, &e)) break;
      } else if (HeadedWord(d, e)) {
        ++e;
      } else if (e > first && e + 1 < n && d.tokens[e].key == "and" && NameGap(d, e + 1) && HeadedWord(d, e + 1)) {
        e += 2;
      } else {
        break;
      }
    }
    if (e == first || Abbreviation(d.tokens[e - 1])) {
      extended_over_.resize(over);
      return b;
    }
    return e;
  }

  // "the American Civil Liberties Union", "the U.S. Supreme Court", "the University of
  // Edinburgh": capitalised words ending in an organisation's head word (and its "of"
  // phrase) name an organisation, whatever the model made of them (it seldom finds a name of
  // ordinary words). A name the model found inside gives way; one reaching outside, a
  // person, a title or a longer capitalised run keeps the words. One word alone is no such
  // name ("the Council").
  void HeadedName(Document& d, std::uint32_t k) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    const text::Token& t = d.tokens[k];
    if (!(t.flags & text::kCapitalized) || d.covered[k] >= 0) return;
    const std::uint8_t head = HeadOf(HashedKey{t.key, t.hash});
    const bool organization = (head & kOrganizationHead) != 0;
    const bool building = !organization && (head & kBuildingHead) != 0;
    if (!(head & (kOrganizationHead | kPlaceHead | kBuildingHead)) || !HeadedWord(d, k)) return;
    // Not inside a longer capitalised run, but before a person's name ("the Central Bank Riad
    // Salame").
    if (k + 1 < n && NameGap(d, k + 1) && (d.tokens[k + 1].flags & text::kCapitalized) &&
        !(d.covered[k + 1] >= 0 && d.mentions[static_cast<std::size_t>(d.covered[k + 1])].is_person()))
      return;
    places_.clear();
    const std::uint32_t a = HeadedStart(d, k, &places_);
    extended_over_.clear();
    const std::uint32_t b = HeadedEnd(d, k + 1);
    if (b - a < 2) return;
    // The model's names inside give way; one reaching outside keeps its words.
    // A person's name the model found there is one, if the head word is also a family name
    // ("Stuart Hall").
    for (const Mention& m : added_) {
      if (m.end_token <= a || m.first_token >= b) continue;
      if (m.first_token < a || m.end_token > b || (building && m.is_person())) return;
    }
    std::erase_if(added_, [&](const Mention& m) { return m.first_token >= a && m.end_token <= b; });
    for (const std::size_t i : places_) keep_[i] = 0;
    for (const std::size_t i : extended_over_) keep_[i] = 0;
    AddName(d, a, b, organization ? Kind::kOrganization : Kind::kLocation, kHeaded);
  }

  // "Governor of the Central Bank Riad Salame", "Speaker of Parliament Berri", "CEO of the
  // Refugee Council Enver Solomon": the institution after a title's "of" (the titles step
  // made it part of the title) is an organisation when it ends in an institution's word; a
  // portfolio or a state is not ("Minister of Foreign Affairs", "Secretary of State").
  void TitleInstitution(Document& d, std::uint32_t first, std::uint32_t end) {
    std::uint32_t k = first + 1;
    while (k < end && d.tokens[k].key != "of") ++k;
    if (k + 1 >= end) return;
    ++k;
    if (d.tokens[k].key == "the" && k + 1 < end) ++k;
    const std::string_view head = d.tokens[end - 1].key;
    if (!OrganizationHead(head) && head != "forces" && head != "staff" && head != "guard" && head != "cabinet") return;
    for (std::uint32_t j = k; j < end; ++j) {
      if (d.covered[j] >= 0 || in_added_[j] ||
          !((d.tokens[j].flags & text::kCapitalized) || (j > k && d.tokens[j].key == "and")))
        return;
    }
    AddName(d, k, end, Kind::kOrganization, kHeaded);
  }

  // "the Boston Bruins", "the Orlando Rays", "the Toronto Blue Jays": a gazetteer place and
  // one or two capitalised words after it that end in a plural noun name a team or a club
  // (an organisation), not a place and a person. Not a place's own plural ("Niagara Falls"),
  // what happens or is written there ("the Minsk Accords", "the Panama Papers"), a verb of a
  // headline ("Russia Warns"), or an institution's, a prize's or a place's word.
  void TeamName(Document& d, std::size_t i) {
    const Mention& g = d.mentions[i];
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    if (!FromGazetteer(g) || g.resolved_by == analysis::MentionSource::kAdjective ||
        g.resolved_by == analysis::MentionSource::kDemonym || (g.kind != Kind::kLocation && g.kind != Kind::kCountry))
      return;
    std::uint32_t e = g.end_token;
    while (e < n && e < g.end_token + 2 && NameGap(d, e) && HeadedWord(d, e)) ++e;
    if (e == g.end_token || (e < n && NameGap(d, e) && (d.tokens[e].flags & text::kCapitalized))) return;
    const text::Token& last = d.tokens[e - 1];
    const std::string_view key = last.key;
    static const StringSet kPlacePlurals = {
        "falls", "heights", "springs", "plains", "highlands", "lowlands", "narrows", "woods", "keys", "sands",
        "islands", "mountains", "hills", "lakes", "rapids",
        // what happens or is written there: "the Minsk Accords"
        "laws", "accords", "agreements", "talks", "elections", "protests", "attacks", "riots", "papers", "files",
        "trials", "hearings", "sanctions", "games", "leaks"};
    if (key.size() < 4 || key.back() != 's' || key.ends_with("ss") || key.ends_with("us") || key.ends_with("is") ||
        kPlacePlurals.count(key) || OrganizationHead(key) || PlaceHead(key) || NoActorHead(key) ||
        (last.flags & text::kPossessive))
      return;
    // A verb by the tag dictionary, or the -s form of a word it knows only as a verb ("Warns").
    const std::string_view form = d.text().substr(last.start, last.end - last.start);
    const std::uint32_t stem = pos_model_.TagClass(form.substr(0, form.size() - 1));
    if ((pos_model_.TagClass(form) & UposBit(tagger::Upos::kVerb)) ||
        ((stem & UposBit(tagger::Upos::kVerb)) &&
         !(stem & (UposBit(tagger::Upos::kNoun) | UposBit(tagger::Upos::kPropn)))))
      return;
    // The model's names inside give way; one reaching outside keeps its words.
    for (const Mention& m : added_) {
      if (m.end_token > g.first_token && m.first_token < e && (m.first_token < g.first_token || m.end_token > e))
        return;
    }
    const std::uint32_t a = g.first_token;
    std::erase_if(added_, [&](const Mention& m) { return m.first_token >= a && m.end_token <= e; });
    keep_[i] = 0;
    AddName(d, a, e, Kind::kOrganization, kHeaded);
  }

  // Whether token k, free, is an acronym a Definition gave; then it is added as that name.
  bool DefinedAcronym(const Document& d, std::uint32_t k) {
    const text::Token& t = d.tokens[k];
    if (acronyms_.empty() || !(t.flags & text::kAllCaps) || in_added_[k] || d.covered[k] >= 0 || in_title_[k])
      return false;
    const auto it = acronyms_.find(std::string(t.key));
    if (it == acronyms_.end()) return false;
    Mention m = it->second;
    m.first_token = k;
    m.end_token = k + 1;
    in_added_[k] = 1;
    added_.push_back(std::move(m));
    return true;
  }

  // Names the mention over its tokens as a `discovered:` entity the names step found (the
  // document's first spelling of that entity is its name).
  void NameDiscovered(const Document& d, double confidence, Mention* m) {
    m->name = std::string(d.text().substr(d.tokens[m->first_token].start,
                                          d.NameEnd(m->first_token, m->end_token) - d.tokens[m->first_token].start));
    m->entity_id = DiscoveredId(context_.analyzer, m->name);
    m->confidence = confidence;
    m->resolved_by = analysis::MentionSource::kModel;
    auto [it, fresh] = discovered_.emplace(m->entity_id, m->name);
    if (!fresh) m->name = it->second;
  }

  void AddSingle(Document& d, std::uint32_t k, Kind kind, std::uint32_t tokens = 1) {
    AddName(d, k, k + tokens, kind, kSingle);
  }

  // Adds the rules' name of `kind` over tokens [a, b).
  void AddName(Document& d, std::uint32_t a, std::uint32_t b, Kind kind, double confidence) {
    Mention m;
    m.first_token = a;
    m.end_token = b;
    m.kind = kind;
    NameDiscovered(d, confidence, &m);
    for (std::uint32_t j = a; j < b; ++j) in_added_[j] = 1;
    added_.push_back(std::move(m));
  }

  bool Candidate(Document& d, std::uint32_t k) {
    if (d.covered[k] >= 0 || in_title_[k] || !(d.tokens[k].flags & text::kCapitalized)) return false;
    const text::Token& t = d.tokens[k];
    const std::string_view w = d.text().substr(t.start, t.end - t.start);
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    if (!Plain(w)) return false;
    // Not an acronym but after "the": tagging around every unlisted one ("RFC", "XML" in
    // technical text) costs more than the bench corpus allows (TAGGER.md).
    if (t.flags & text::kAllCaps) return AcronymCandidate(d, k);
    // A capitalised word right after a gazetteer match may make it part of a longer name
    // ("Moscow State University", "Georgia Tech").
    auto gazetteer_at = [&](std::uint32_t j) {
      return d.covered[j] >= 0 && FromGazetteer(d.mentions[static_cast<std::size_t>(d.covered[j])]);
    };
    if (k > 0 && gazetteer_at(k - 1) && d.tokens[k - 1].end + 1 == t.start && !Boundary(d, k)) return true;
    if (!IsNameLike(d, k)) return false;
    if (!pos_model_.MayBeProperNoun(w)) {
      // An ordinary word capitalised inside a sentence next to another capitalised word is
      // most often part of a name ("the Consumer Technology Association", "Census Bureau").
      if (Boundary(d, k)) return false;
      // The word after may be the head of an organisation's name ("Democratic Party").
      auto joined_cap = [&](std::uint32_t j) {
        if (j >= n || d.covered[j] >= 0 || in_title_[j] || Boundary(d, j)) return false;
        if (!IsNameLike(d, j) &&
            !(j > k && (d.tokens[j].flags & text::kCapitalized) && OrganizationHead(d.tokens[j].key)))
          return false;
        const text::Token& o = d.tokens[j];
        return !(o.flags & text::kAllCaps) && Plain(d.text().substr(o.start, o.end - o.start));
      };
      return (k + 1 < n && d.tokens[k + 1].start == t.end + 1 && joined_cap(k + 1)) ||
             (k > 0 && d.tokens[k - 1].end + 1 == t.start && joined_cap(k - 1));
    }
    if (!Boundary(d, k)) return true;
    // A capitalised word starting a sentence is most often an ordinary word: a candidate if
    // the tag dictionary knows it only as a proper noun ("Enron and its partners"), if the
    // dictionary has never seen it and a comma or a verb follows ("Trudeau will ...",
    // "Gomery, who ..."), or with a capitalised word right after it ("Ivan Petrov said").
    const std::uint32_t cls = pos_model_.TagClass(w);
    if (cls == UposBit(tagger::Upos::kPropn)) return true;
    if (k + 1 < n && cls == 0 && !(d.tokens[k + 1].flags & text::kCapitalized)) {
      const text::Token& next = d.tokens[k + 1];
      const std::uint32_t verbs = UposBit(tagger::Upos::kVerb) | UposBit(tagger::Upos::kAux);
      if (d.text().substr(t.end, next.start - t.end).find(',') != std::string_view::npos) return true;
      if (pos_model_.TagClass(d.text().substr(next.start, next.end - next.start)) & verbs) return true;
    }
    return k + 1 < n && (d.tokens[k + 1].flags & text::kCapitalized) && !Boundary(d, k + 1) &&
           d.tokens[k + 1].start == d.tokens[k].end + 1;
  }

  // Last-token keys of the people named with two or more tokens (and first-token keys of
  // those named family name first): a one-word person name with such a key is left to the
  // surnames step, which links it to the full name.
  void CollectSurnames(const Document& d) {
    surnames_.clear();
    for (const Mention& m : d.mentions) {
      if (!m.is_person() || m.end_token - m.first_token < 2) continue;
      surnames_.insert(std::string(d.tokens[SurnameToken(d, m)].key));
      if (FamilyNameFirst(m.country)) surnames_.insert(std::string(d.tokens[m.first_token].key));
    }
  }

  // Tags the words of tokens [first_tok, end_tok).
  void TagWindow(Document& d, std::uint32_t first_tok, std::uint32_t end_tok) {
    const std::uint32_t start = d.tokens[first_tok].start, end = d.tokens[end_tok - 1].end;
    words_.clear();
    tagger::Tokenize(d.text().substr(start, end - start), start, &words_);
    if (words_.empty()) return;
    upos_.resize(words_.size());
    for (std::size_t w = 0; w < words_.size(); ++w)
      upos_[w] = pos_model_.TagClass(d.text().substr(words_[w].start, words_[w].end - words_[w].start));
    ComputeNameHints(d, words_, given_, &hints_);
    names_.Tag(d.text(), words_, upos_.data(), hints_.data(), &spans_);
    for (const tagger::NameSpan& span : spans_) Consider(d, span, first_tok, end_tok);
  }

  // The tokens [*a, *b) of the name `span` covers, less what is not part of it; false if none.
  bool NameTokens(const Document& d, const tagger::NameSpan& span, std::uint32_t first_tok, std::uint32_t end_tok,
                  std::uint32_t* first, std::uint32_t* last) const {
    const std::uint32_t start = words_[span.first].start, end = words_[span.end - 1].end;
    std::uint32_t a = first_tok;
    while (a < end_tok && d.tokens[a].start < start) ++a;
    std::uint32_t b = a;
    while (b < end_tok && d.tokens[b].end <= end) ++b;
    // Edge tokens that are not name-like ("the", "'s", "of", "on") are not part of the name,
    // but the rest of a hyphenated word is ("Lee Cheuk-yan").
    auto name_word = [&](std::uint32_t k) { return (d.tokens[k].flags & (text::kCapitalized | text::kNumeric)) != 0; };
    while (a < b && !name_word(a)) ++a;
    while (b > a && (!name_word(b - 1) || (d.tokens[b - 1].flags & text::kPossessive))) --b;
    // Weekdays and months are no part of a name ("arrive in Pyongyang Tuesday", "Aug. 25").
    while (b > a && DateWord(d.tokens[b - 1].key)) --b;
    while (a < b && DateWord(d.tokens[a].key)) ++a;
    if (a == b) return false;
    // A lower-case rest only in a person's name of two words or more ("Lee Cheuk-yan", not
    // "Gaza-based" or "Obama-era").
    const bool lower_rest = span.type == tagger::NameType::kPerson && b - a >= 2;
    while (b < d.tokens.size() && HyphenJoined(d, b) && !in_title_[b] &&
           (lower_rest || (d.tokens[b].flags & text::kCapitalized)))
      ++b;
    // Titles are not part of a name ("Deputy Minister Ivan Petrov" names Ivan Petrov), nor
    // honorifics ("Mr Aliyev" is Aliyev, whom the surnames step links) or the end of a
    // hyphenated title ("Prime Minister-Designate Hariri").
    while (a < b && (in_title_[a] || LeadsNoName(d.tokens[a].key) ||
                     (span.type == tagger::NameType::kPerson && b - a >= 2 && Honorific(d.tokens[a].key))))
      ++a;
    while (b - a >= 2 && PersonStyle(d.tokens[a].key)) ++a;  // "the Hon Manasseh Sogavare", whatever the type
    while (span.type == tagger::NameType::kPerson && b - a >= 2 && Postnominal(d.tokens[b - 1].key)) --b;
    // "Duke of Cumberland", "King of Spain": what follows a title's "of" is no person's name.
    if (a < b && !(d.tokens[a].flags & text::kCapitalized)) return false;
    *first = a;
    *last = b;
    return a < b;
  }

  // Where a name [a, b) ending in an organisation's head word starts when a gazetteer place,
  // or its adjective, comes right before it (then part of it: "Ohio Senate", "Ontario Liberal
  // Party", "Swiss Super League"); else a.
  std::uint32_t PlaceBefore(const Document& d, std::uint32_t a, std::uint32_t b, std::uint32_t first_tok) const {
    if (a == 0 || !OrganizationHead(d.tokens[b - 1].key) || d.covered[a - 1] < 0 ||
        d.tokens[a - 1].end + 1 != d.tokens[a].start || Boundary(d, a))
      return a;
    const Mention& g = d.mentions[static_cast<std::size_t>(d.covered[a - 1])];
    if (FromGazetteer(g) && !g.is_person() && g.end_token == a && g.first_token >= first_tok &&
        (g.kind == Kind::kCountry || g.kind == Kind::kLocation))
      return g.first_token;
    return a;
  }

  // The kind of the name the model typed `type` over tokens [a, core_end).
  Kind TypeOf(const Document& d, tagger::NameType type, std::uint32_t a, std::uint32_t core_end,
              bool hyphen_given) const {
    Kind kind = type == tagger::NameType::kPerson         ? Kind::kPerson
                : type == tagger::NameType::kOrganization ? Kind::kOrganization
                                                          : Kind::kLocation;
    // The last word of a name of two words or more often says what it names, whatever the
    // model thought: "... Foundation", "... Party" name organisations, "... County",
    // "... Street" places.
    if (core_end - a >= 2) {
      const std::string_view head = d.tokens[core_end - 1].key;
      if (OrganizationHead(head)) return Kind::kOrganization;
      if (PlaceHead(head)) return Kind::kLocation;
    }
    if (hyphen_given) return Kind::kPerson;
    if (kind == Kind::kPerson && core_end - a == 1 && (PlaceWordBefore(d, a) || AndPlace(d, a, core_end)) &&
        !(given_ != nullptr && given_->keys.count(d.tokens[a].key)) && !surnames_.count(std::string(d.tokens[a].key)))
      return Kind::kLocation;
    // A name the model calls a place or an organisation is a person's where the words around
    // say so: a title or a word for a person right before it ("the philosopher Moses
    // Mendelssohn", "his wife, Norma Talmadge"), or, for a place, a verb of saying after it
    // ("Bullock says").
    if (kind != Kind::kPerson && (PersonBefore(d, a) || AgeAfter(d, core_end) || AndPerson(d, a, core_end) ||
                                  (kind == Kind::kLocation && SpeechAfter(d, core_end))))
      return Kind::kPerson;
    return kind;
  }

  void Consider(Document& d, const tagger::NameSpan& span, std::uint32_t first_tok, std::uint32_t end_tok) {
    std::uint32_t a = 0, b = 0;
    if (!NameTokens(d, span, first_tok, end_tok, &a, &b)) return;
    const double confidence = Confidence(span.margin);
    if (confidence < kMinModel) return;
    // Two words and a hyphenated lower-case syllable are a Chinese or Korean person's name,
    // whatever the model's type ("Wu Chi-wai", "Kwok Ka-ki"; not "Hong Kong-based").
    bool hyphen_given = false;
    if (span.type != tagger::NameType::kPerson && b - a == 2 && b < d.tokens.size() && HyphenJoined(d, b) &&
        (d.tokens[b].flags & text::kLowerAscii) && d.tokens[b].end - d.tokens[b].start <= 4 &&
        GivenSyllable(d.tokens[b].key)) {
      hyphen_given = true;
      ++b;
    }
    a = PlaceBefore(d, a, b, first_tok);
    // "University" or "Real Estate Council" before "of" and a capitalised name: the name goes
    // on through it ("University of Berlin", "Real Estate Council of Ontario"), over the
    // gazetteer's place there.
    const std::uint32_t core_end = b;
    extended_over_.clear();
    if (OfHead(d.tokens[b - 1].key)) b = ExtendOverOf(d, b);
    if (span.type == tagger::NameType::kPerson) b = ExtendOverSuffix(d, ExtendOverParticles(d, b));
    bool overlap = false, replaceable = true;
    for (std::uint32_t k = a; k < core_end; ++k) {
      if (d.covered[k] < 0) continue;
      overlap = true;
      const Mention& m = d.mentions[static_cast<std::size_t>(d.covered[k])];
      replaceable &= FromGazetteer(m) && m.first_token >= a && m.end_token <= b && !m.is_person();
    }
    // A name the model found already over one of these tokens wins (in_added_: the tokens of
    // added_, so that this is not a walk through every name found before).
    for (std::uint32_t k = a; k < b; ++k)
      if (in_added_[k]) return;
    if (overlap) {
      if (!replaceable || confidence < kSureLonger) return;
      std::uint32_t covered_tokens = 0;
      for (std::uint32_t k = a; k < core_end; ++k) covered_tokens += d.covered[k] >= 0;
      if (covered_tokens == core_end - a) return;  // the gazetteer has exactly these tokens
    }
    Mention m;
    m.first_token = a;
    m.end_token = b;
    // "Stanley Cup", "Nobel Prize", "Middle Ages": names of no person, organisation or place;
    // nor is one such word alone ("the 2023 Pacific Games", where the gazetteer has "Pacific").
    if (NoActorHead(d.tokens[core_end - 1].key) &&
        (core_end - a >= 2 || !(d.tokens[core_end - 1].flags & text::kAllCaps)))
      return;
    if (span.type != tagger::NameType::kOrganization && DemonymPlural(d.tokens[core_end - 1])) return;
    m.kind = TypeOf(d, span.type, a, core_end, hyphen_given || (a >= 1 && PersonStyle(d.tokens[a - 1].key)));
    // "the ancient city of Petra", "the town of Bucha": a place, whatever the name's type.
    if (a >= 2 && d.tokens[a - 1].key == "of" && PlaceNoun(d.tokens[a - 2].key)) m.kind = Kind::kLocation;
    if (m.is_person() && b < d.tokens.size()) {
      // "First Vice Foreign Minister": a person's name is not followed by a title; "Winter
      // Olympics": one word right before another capitalised one is part of a longer name.
      const bool next_joined = d.text().substr(d.tokens[b - 1].end, d.tokens[b].start - d.tokens[b - 1].end) == " ";
      if (in_title_[b] && next_joined) return;
      if (b - a == 1 && next_joined && (d.tokens[b].flags & text::kCapitalized)) return;
    }
    // An unlisted acronym of three letters or more is an organisation rather than a place
    // ("USI", "RECO"; the places "US", "UK", "UAE" are the gazetteer's).
    if (m.kind == Kind::kLocation && b - a == 1 && (d.tokens[a].flags & text::kAllCaps) &&
        d.tokens[a].end - d.tokens[a].start >= 3)
      m.kind = Kind::kOrganization;
    if (m.is_person() && in_title_.size() > b && a > 0 && in_title_[a - 1] == 0 && b - a == 1 &&
        (d.tokens[a].flags & text::kAllCaps)) {
      return;  // a lone acronym is seldom a person
    }
    NameDiscovered(d, confidence, &m);
    if (overlap) {
      for (std::uint32_t k = a; k < core_end; ++k)
        if (d.covered[k] >= 0) keep_[static_cast<std::size_t>(d.covered[k])] = 0;
    }
    for (const std::size_t i : extended_over_) keep_[i] = 0;
    for (std::uint32_t k = a; k < b; ++k) in_added_[k] = 1;
    added_.push_back(std::move(m));
  }

  // One name, one type in a document: each name takes the type its mentions' confidences
  // favour over the document.
  void Vote() {
    std::unordered_map<std::string, std::array<double, 5>> votes;
    for (const Mention& m : added_) votes[m.entity_id][static_cast<int>(m.kind)] += m.confidence;
    for (Mention& m : added_) {
      const auto& v = votes[m.entity_id];
      m.kind = static_cast<Kind>(std::max_element(v.begin(), v.end()) - v.begin());
    }
  }

  // A name the model found is the same name where it recurs in the document, capitalised and
  // uncovered, in a sentence the model did not tag or tagged otherwise.
  void Propagate(Document& d) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    std::vector<char> taken(n, 0);
    for (const Mention& m : added_)
      for (std::uint32_t k = m.first_token; k < m.end_token; ++k) taken[k] = 1;
    std::unordered_map<std::string, std::size_t> first_of;  // first token key -> a mention of added_
    const std::size_t found = added_.size();
    for (std::size_t i = 0; i < found; ++i) first_of.emplace(std::string(d.tokens[added_[i].first_token].key), i);
    for (std::uint32_t k = 0; k < n; ++k) {
      if (taken[k] || d.covered[k] >= 0 || !(d.tokens[k].flags & text::kCapitalized)) continue;
      const auto it = first_of.find(std::string(d.tokens[k].key));
      if (it == first_of.end()) continue;
      const Mention& src = added_[it->second];
      const std::uint32_t len = src.end_token - src.first_token;
      if (k + len > n) continue;
      bool same = true;
      for (std::uint32_t j = 0; j < len && same; ++j) {
        const std::uint32_t t = k + j;
        same = !taken[t] && d.covered[t] < 0 && (d.tokens[t].flags & text::kCapitalized) &&
               d.tokens[t].key == d.tokens[src.first_token + j].key;
      }
      // Not part of a longer capitalised run ("Georgia" of "Georgia Tech").
      if (!same || (k + len < n && IsNameLike(d, k + len) && d.covered[k + len] < 0 &&
                    d.tokens[k + len].start == d.tokens[k + len - 1].end + 1)) {
        continue;
      }
      Mention m = src;
      m.first_token = k;
      m.end_token = k + len;
      m.confidence = src.confidence * 0.9;
      for (std::uint32_t j = k; j < k + len; ++j) taken[j] = 1;
      added_.push_back(std::move(m));
      k += len - 1;
    }
  }

  // From the margin (in perceptron updates) to (0.5, 0.9): half way at kHalf.
  static double Confidence(float margin) {
    constexpr double kHalf = 8.0;
    const double x = std::max(0.0, static_cast<double>(margin));
    return 0.5 + 0.4 * x / (x + kHalf);
  }

  const tagger::Model& pos_model_;
  tagger::NameTagger names_;
  const GivenNames* given_;
  analysis::WorkerContext& context_;
  std::vector<char> in_title_;
  std::vector<char> keep_;
  std::vector<tagger::Token> words_;
  std::vector<std::uint32_t> upos_;  // part-of-speech classes
  std::vector<tagger::NameHint> hints_;
  std::vector<tagger::NameSpan> spans_;
  std::vector<Mention> added_;
  std::vector<std::size_t> extended_over_;  // the gazetteer mentions ExtendOverOf went over
  std::vector<std::size_t> places_;         // the gazetteer mentions HeadedStart went over
  std::vector<char> in_added_;              // per token: covered by a name of added_ (before Propagate)
  StringSet surnames_;
  std::unordered_map<std::string, std::string> discovered_;  // id -> name
  std::unordered_map<std::string, Mention> acronyms_;        // token key of a defined acronym -> its mention
};

class NoNamesStep : public analysis::Annotator {
 public:
  void Annotate(Document&) override {}
};

}  // namespace

void ComputeNameHints(const Document& d, std::span<const tagger::Token> words, const GivenNames* given,
                      std::vector<tagger::NameHint>* out) {
  out->assign(words.size(), tagger::NameHint{});
  const auto n = static_cast<std::uint32_t>(d.tokens.size());
  // The first token not ending before the first word.
  std::uint32_t t = static_cast<std::uint32_t>(
      std::lower_bound(d.tokens.begin(), d.tokens.end(), words.empty() ? 0U : words.front().start,
                       [](const text::Token& tok, std::uint32_t at) { return tok.end <= at; }) -
      d.tokens.begin());
  std::vector<char> title_word(words.size(), 0);
  for (std::size_t w = 0; w < words.size(); ++w) {
    while (t < n && d.tokens[t].end <= words[w].start) ++t;
    tagger::NameHint& h = (*out)[w];
    for (std::uint32_t k = t; k < n && d.tokens[k].start < words[w].end; ++k) {
      if (d.covered.size() == n && d.covered[k] >= 0) {
        const Mention& m = d.mentions[static_cast<std::size_t>(d.covered[k])];
        if (FromGazetteer(m) && h.gaz_kind == 0) {
          h.gaz_kind = static_cast<std::uint8_t>(1 + static_cast<int>(m.kind));
          const bool begins = words[w].start <= m.start, ends = words[w].end >= m.end;
          h.gaz_pos = begins && ends ? 4 : begins ? 1 : ends ? 3 : 2;
        }
      }
      if (given != nullptr && d.tokens[k].start == words[w].start && given->keys.count(d.tokens[k].key) > 0)
        h.given = true;
      // Titles are in token order and never overlap: the last one starting at or before k.
      const auto after =
          std::upper_bound(d.titles.begin(), d.titles.end(), k,
                           [](std::uint32_t at, const analysis::TitleSpan& ts) { return at < ts.first; });
      if (after != d.titles.begin() && k < std::prev(after)->end) title_word[w] = 1;
    }
    if (w > 0) h.title_before = title_word[w - 1] != 0;
  }
}

std::unique_ptr<analysis::Annotator> MakeNamesStep(const tagger::Model* pos, const tagger::NameModel& names,
                                                   const GivenNames* given_names, analysis::WorkerContext& c) {
  // Without the model files (a trimmed data folder) the step does nothing.
  if (pos == nullptr || names.empty()) return std::make_unique<NoNamesStep>();
  return std::make_unique<NamesStep>(*pos, names, given_names, c);
}

}  // namespace actorgraph::mentions::internal

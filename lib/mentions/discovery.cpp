// The discovery step: people no gazetteer lists but the text presents as people.
#include "mentions/internal/steps.hpp"

#include <unordered_map>

namespace actorgraph::mentions::internal {
namespace {

using analysis::Document;
using analysis::Mention;
using gazetteer::Kind;

// A name is at most this many capitalised tokens: longer runs are titles of works,
// institutions or headlines.
constexpr std::uint32_t kMaxNameTokens = 5;
// How far after "X Y, a" the apposition's title may start ("X Y, a senior adviser to the
// minister"): a title further away describes something else.
constexpr std::uint32_t kAppositionWindow = 4;
// How far before ", X Y," the title of an apposition may end ("the U.N. envoy for Syria,
// Lakhdar Brahimi,"): the words between are "for", "of", "the" and names.
constexpr std::uint32_t kTitleReach = 5;

class DiscoveryStep : public analysis::Annotator {
 public:
  DiscoveryStep(const GivenNames* g, analysis::WorkerContext& c) : given_(g), context_(c) {}

  void Annotate(Document& d) override {
    discovered_.clear();
    in_title_.assign(d.tokens.size(), 0);
    for (const auto& t : d.titles) {
      for (std::uint32_t k = t.first; k < t.end; ++k) in_title_[k] = 1;
    }
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    for (std::uint32_t i = 0; i < n;) {
      if (!Starts(d, i)) {
        ++i;
        continue;
      }
      const std::uint32_t j = NameEnd(d, i);
      if (j - i > kMaxNameTokens) {
        // no name: a longer run is a title of a work, an institution or a headline
      } else if (j - i >= 2) {
        Consider(d, i, j);
      } else if (std::string country; TitleBefore(d, i, &country) && d.tokens[i].key.size() >= 3) {
        Add(d, i, j, country);  // (g) a title and a surname: "President Obama", "Secretary Kerry"
      }
      i = j;
    }
  }

 private:
  bool Free(Document& d, std::uint32_t k) const {
    return d.covered[k] < 0 && !in_title_[k] && IsNameLike(d, k) && !(d.tokens[k].flags & text::kAllCaps);
  }
  // A style before a name ("the Hon James Marape", "Rt Hon John Key") starts no name.
  bool Starts(Document& d, std::uint32_t i) const { return Free(d, i) && !PersonStyle(d.tokens[i].key); }

  std::string_view Gap(const Document& d, std::uint32_t before, std::uint32_t after) const {
    return d.text().substr(d.tokens[before].end, d.tokens[after].start - d.tokens[before].end);
  }

  // A short lower-case syllable ("jung", "hyun", "moon") that ends a hyphenated given name.
  static bool LowerSyllable(const Document& d, std::uint32_t k) {
    const text::Token& t = d.tokens[k];
    return (t.flags & text::kLowerAscii) && t.end - t.start <= 5 && d.covered[k] < 0;
  }

  static bool Initial(const Document& d, std::uint32_t k) {
    const text::Token& t = d.tokens[k];
    return t.end - t.start == 1 && (t.flags & text::kCapitalized) && d.covered[k] < 0;
  }

  // After lower-case name particles at j (one or two, one space each) and the free
  // capitalised word they join, one space or a hyphen on: that word's end; else j.
  std::uint32_t Particles(Document& d, std::uint32_t j) const {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    std::uint32_t k = j;
    while (k < n && k < j + 2 && !(d.tokens[k].flags & text::kCapitalized) && NameParticle(d.tokens[k].key) &&
           d.covered[k] < 0 && (k == j || Gap(d, k - 1, k) == " ")) {
      ++k;
    }
    if (k == j || k >= n || !Free(d, k) || (Gap(d, k - 1, k) != " " && Gap(d, k - 1, k) != "-")) return j;
    return k + 1;
  }

  // One past the last token of the capitalised run that starts at i (joined by one space
  // or a hyphen), however long.
  std::uint32_t NameEnd(Document& d, std::uint32_t i) const {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    std::uint32_t j = i + 1;
    while (j < n) {
      const std::string_view gap = Gap(d, j - 1, j);
      if (gap != " " && gap != "-") break;
      if (Free(d, j)) {
        ++j;
      } else if (gap == "-" && j - 1 > i && LowerSyllable(d, j)) {
        ++j;  // "Kim Dae-jung", "Roh Moo-hyun", "Ban Ki-moon"
      } else if (j + 1 < n && Initial(d, j) && Gap(d, j, j + 1) == ". " && Free(d, j + 1)) {
        j += 2;  // a middle initial: "Wendy R. Sherman"
      } else if (const std::uint32_t p = Particles(d, j); p > j) {
        j = p;  // "Staffan de Mistura", "Ursula von der Leyen", "Abdel Fattah al-Burhan"
      } else {
        break;
      }
    }
    return j;
  }

  void Consider(Document& d, std::uint32_t i, std::uint32_t j) {
    // A run ending in a word that says what it names is not a person's name, whatever comes
    // before it ("Andy Warhol Foundation", "Irving Independent School District").
    const std::string_view last = d.tokens[j - 1].key;
    if (OrganizationHead(last) || PlaceHead(last) || NoActorHead(last)) return;
    std::string country;
    const bool accept = InParensCountry(d, j, &country) || TitleBefore(d, i, &country) || AppositionAfter(d, j) ||
                        TitleApposition(d, i, j) || SpeakerOf(d, j) || (j - i <= 3 && GivenNameFirst(d, i)) ||
                        ListedWithPeople(d, i, j);
    if (!accept) return;
    Add(d, i, j, country);
  }

  void Add(Document& d, std::uint32_t i, std::uint32_t j, const std::string& country) {
    Mention m;
    m.first_token = i;
    m.end_token = j;
    m.kind = Kind::kPerson;
    m.name = std::string(d.text().substr(d.tokens[i].start, d.NameEnd(i, j) - d.tokens[i].start));
    m.entity_id = DiscoveredId(context_.analyzer, m.name);
    m.country = country;
    m.confidence = kDiscovered;
    m.resolved_by = analysis::MentionSource::kDiscovered;
    auto [it, fresh] = discovered_.emplace(m.entity_id, std::make_pair(m.name, country));
    if (!fresh) {
      m.name = it->second.first;
      if (m.country.empty()) m.country = it->second.second;
    }
    d.AddMention(std::move(m));
  }

  // (a) "Name (Country)", "Name (the US)".
  bool InParensCountry(const Document& d, std::uint32_t j, std::string* country) const {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    if (j + 1 >= n || Gap(d, j - 1, j).find('(') == std::string_view::npos) return false;
    const std::uint32_t in_parens = d.tokens[j].key == "the" && j + 1 < n ? j + 1 : j;
    const Mention* c = d.MentionAt(in_parens);
    if (!c || c->kind != Kind::kCountry) return false;
    const std::uint32_t after = c->end_token;
    const std::uint32_t stop = after < n ? d.tokens[after].start : d.window_end();
    if (d.text().substr(c->end, stop - c->end).find(')') == std::string_view::npos) return false;
    *country = c->country;
    return true;
  }

  // (b) a title right before: "Ambassador-at-large Orkhan Suleymanli", "Deputy Foreign
  //     Minister Anna Kovacs", "the personal representative of the OSCE Chairperson X Y". A
  //     country adjective before the title gives the affiliation.
  bool TitleBefore(const Document& d, std::uint32_t i, std::string* country) const {
    if (i < 1) return false;
    // Not across the end of a sentence or a speaker's label: "... and Russia's
    // President.\n\nFollowing the call", "PRIME MINISTER: Good morning".
    if (Gap(d, i - 1, i).find_first_of(".!?:\n") != std::string_view::npos) return false;
    std::uint32_t k = i;
    while (k >= 2 && PersonStyle(d.tokens[k - 1].key) && Gap(d, k - 1, k) == " ")
      --k;  // "Prime Minister Hon James Marape"
    if (const Mention* org = d.MentionAt(k - 1); org && !org->is_person()) {
      // "... representative of the OSCE Chairman-in-Office Andrzej Kasprzyk"
      std::uint32_t b = org->first_token;
      if (b >= 1 && d.tokens[b - 1].key == "the") --b;
      if (b >= 1 && d.tokens[b - 1].key == "of") k = b - 1;
    }
    if (k < 1 || !in_title_[k - 1]) return false;
    std::uint32_t tf = k - 1;
    while (tf > 0 && in_title_[tf - 1]) --tf;
    if (const Mention* c = tf >= 1 ? d.MentionAt(tf - 1) : nullptr; c && c->kind == Kind::kCountry)
      *country = c->country;
    return true;
  }

  // (c) an apposition after: "Vahram Melkonyan, a senior adviser".
  bool AppositionAfter(const Document& d, std::uint32_t j) const {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    if (j + 1 >= n || Gap(d, j - 1, j).find(',') == std::string_view::npos) return false;
    const std::string_view a = d.tokens[j].key;
    if (a != "a" && a != "the" && a != "an") return false;
    std::uint32_t k = j + 1;
    while (k < n && k <= j + kAppositionWindow && !in_title_[k]) ++k;
    return k < n && in_title_[k];
  }

  // (h) the apposition of a title: "the U.N. envoy for Syria, Lakhdar Brahimi, met", "the
  //     spokesman, Ivan Petrov." — set off by commas (or ended by the sentence), the title
  //     ending at most kTitleReach words before, with only "for", "of", "to", "the" and
  //     names between.
  bool TitleApposition(const Document& d, std::uint32_t i, std::uint32_t j) const {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    if (i < 2 || Gap(d, i - 1, i) != ", ") return false;
    if (j < n) {
      const std::string_view after = Gap(d, j - 1, j);
      if (after.empty() || (after.front() != ',' && after.front() != '.')) return false;
    }
    std::uint32_t k = i - 1;
    for (std::uint32_t step = 0; step < kTitleReach; ++step) {
      if (in_title_[k]) return true;
      const std::string_view key = d.tokens[k].key;
      const Mention* m = d.MentionAt(k);
      const bool link = key == "for" || key == "of" || key == "to" || key == "the" || (m && !m->is_person());
      if (!link || k == 0) return false;
      const std::string_view gap = Gap(d, k - 1, k);
      if (gap.find_first_of(",.;:()\n") != std::string_view::npos) return false;
      --k;
    }
    return false;
  }

  // (e) the speaker of a reporting verb: "Tom Reed said", "Anna Berg told reporters".
  bool SpeakerOf(const Document& d, std::uint32_t j) const {
    static const StringSet kSpeech = {"said",      "says",  "told",   "added",    "stated", "announced", "noted",
                                      "explained", "wrote", "argued", "insisted", "warned", "stressed",  "recalled"};
    return j < d.tokens.size() && Gap(d, j - 1, j) == " " && kSpeech.count(d.tokens[j].key) > 0;
  }

  // (f) a known given name first, in a run of two or three words: "Ingrid Solberg", "Kofi
  //     Mensah Boateng" (not "Andy Warhol Photographic Legacy").
  bool GivenNameFirst(const Document& d, std::uint32_t i) const {
    return given_ && given_->keys.count(d.tokens[i].key) > 0;
  }

  // (d) listed next to known people: "Putin, Ivan Petrov and Aliyev".
  bool ListedWithPeople(const Document& d, std::uint32_t i, std::uint32_t j) const {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    const auto person_near = [&](std::uint32_t tok, bool before) {
      const Mention* p = d.MentionAt(tok);
      if (!p || !p->is_person()) return false;
      const std::uint32_t a = before ? p->end : d.tokens[j - 1].end;
      const std::uint32_t b = before ? d.tokens[i].start : p->start;
      const std::string_view gap = d.text().substr(a, b - a);
      return gap == ", " || gap == " and " || gap == ", and ";
    };
    if ((i >= 1 && person_near(i - 1, true)) || (j < n && person_near(j, false))) return true;
    return j < n && d.tokens[j].key == "and" && j + 1 < n && person_near(j + 1, false);
  }

  const GivenNames* given_;
  analysis::WorkerContext& context_;
  std::vector<char> in_title_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> discovered_;  // id → (name, country)
};

}  // namespace

std::unique_ptr<analysis::Annotator> MakeDiscoveryStep(const GivenNames* given_names, analysis::WorkerContext& c) {
  return std::make_unique<DiscoveryStep>(given_names, c);
}

}  // namespace actorgraph::mentions::internal

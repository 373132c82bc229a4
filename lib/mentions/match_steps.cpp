// The gazetteer, titles and roles steps.
#include "mentions/internal/steps.hpp"

#include <algorithm>

namespace actorgraph::mentions::internal {
namespace {

using analysis::Document;
using analysis::Mention;
using analysis::MentionSource;
using gazetteer::Kind;

// Capitalised words that start sentences or name institutions rather than people: never
// part of a discovered person's name.
// A word list, kept compact.
// clang-format off
const StringSet& NotNameWords() {
  static const StringSet words = {
      "the", "a", "an", "on", "in", "at", "of", "and", "or", "but", "after", "before", "according", "during",
      "while", "with", "without", "for", "from", "to", "by", "as", "this", "that", "these", "those", "his",
      "her", "their", "its", "our", "mr", "mrs", "ms", "dr", "said", "says", "also", "both", "each", "other",
      "new", "north", "south", "east", "west", "central", "republic", "state", "states", "united", "national",
      "international", "foreign", "ministry", "group", "council", "committee", "union", "organization",
      "organisation", "agency", "news", "press", "service", "office", "department", "government", "parliament",
      "party", "army", "forces", "statement", "agreement", "talks", "meeting", "summit", "conference", "region",
      "city", "province", "district", "affairs", "president", "presidents", "minister", "ministers", "prime",
      "deputy", "chairman", "chairperson", "co", "chair", "chairs", "office", "general", "secretary", "sides",
      "side", "however", "meanwhile", "earlier", "later", "today", "yesterday", "tomorrow", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "he", "she",
      "they", "we", "it", "there", "here", "when", "where", "what", "who", "which", "why", "how", "if", "not",
      "no", "yes", "all", "some", "many", "most", "several", "one", "two", "three", "first", "second", "last",
      "next", "senior", "special", "personal", "representative", "representatives", "ambassador", "envoy",
      "spokesperson", "spokesman", "delegation", "team", "leader", "leaders", "top", "diplomat", "diplomats",
      "house", "palace", "square", "street", "centre", "center", "university", "institute", "bank", "fund",
      "court", "assembly", "embassy"};
  // clang-format on
  return words;
}

bool NameLike(const text::Token& t) {
  if (!(t.flags & text::kCapitalized) || (t.flags & text::kNumeric) || (t.flags & text::kPossessive)) return false;
  if (t.end - t.start < 2) return false;
  static const KeyFilter filter = [] {
    KeyFilter f;
    f.Reset(NotNameWords().size());
    for (const auto& w : NotNameWords()) f.Add(w);
    return f;
  }();
  const HashedKey key{t.key, t.hash};
  return !filter.MayContain(key) || NotNameWords().count(key) == 0;
}

// Best candidate: kind priority first (the gazetteer's order), then, among people, one in
// office on the document date.
std::uint32_t Choose(const gazetteer::Gazetteer& gaz, const std::vector<gazetteer::Candidate>& cands,
                     const std::string& date) {
  if (gaz.brief(cands.front().entity).kind == Kind::kPerson && !date.empty()) {
    for (const auto& c : cands) {
      const auto& e = gaz.entity(c.entity);
      if (e.kind != Kind::kPerson) break;
      for (const auto& r : e.roles) {
        if (r.HeldOn(date)) return c.entity;
      }
    }
  }
  return cands.front().entity;
}

class GazetteerStep : public analysis::Annotator {
 public:
  explicit GazetteerStep(const gazetteer::Gazetteer& g) : gaz_(g) {}

  void Annotate(Document& d) override {
    gaz_.FindMatches(d.text(), d.tokens, &matches_);
    const std::size_t count = matches_.size();
    // The gazetteer's three-stage prefetch: what the next matches need is on its way while
    // this one is resolved, since each step is a cache miss into a large table otherwise.
    for (std::size_t k = 0; k < std::min<std::size_t>(count, 3); ++k) {
      for (int stage = 3; stage > static_cast<int>(k); --stage) gaz_.Prefetch(matches_[k], stage);
    }
    for (std::size_t k = 0; k < count; ++k) {
      for (std::size_t ahead = 1; ahead <= 3; ++ahead) {
        if (k + ahead < count) gaz_.Prefetch(matches_[k + ahead], static_cast<int>(ahead));
      }
      Resolve(d, matches_[k]);
    }
  }

 private:
  // Whether "pro-" or "anti-" is joined right before token k.
  static bool StancePrefix(const Document& d, std::uint32_t k) {
    if (k == 0) return false;
    const text::Token& p = d.tokens[k - 1];
    if (p.end + 1 != d.tokens[k].start || d.text()[p.end] != '-') return false;
    return p.key == "pro" || p.key == "anti";
  }

  void Resolve(Document& d, const gazetteer::Match& match) {
    gaz_.Candidates(match, d.text(), d.tokens, &candidates_);
    if (candidates_.empty()) return;
    const std::string& date = d.date.date;
    const std::uint32_t chosen = Choose(gaz_, candidates_, date);
    Mention m;
    m.first_token = match.first_token;
    m.end_token = match.end_token;
    FillFromEntity(gaz_, chosen, date, &m);
    gazetteer::AliasType type = candidates_.front().type;
    for (const auto& c : candidates_) {
      if (c.entity == chosen) {
        type = c.type;
        break;
      }
    }
    m.resolved_by = analysis::FromAliasType(type);
    // "pro-Beijing lawmakers", "anti-Moscow protests": a stance, described as an adjective is.
    if (StancePrefix(d, match.first_token)) m.resolved_by = analysis::MentionSource::kAdjective;
    m.confidence = m.descriptive() ? kAdjective : 1.0;
    d.AddMention(std::move(m));
  }

  const gazetteer::Gazetteer& gaz_;
  std::vector<gazetteer::Match> matches_;
  std::vector<gazetteer::Candidate> candidates_;
};

// Title phrases over tokens no mention covers.
class TitlesStep : public analysis::Annotator {
 public:
  explicit TitlesStep(const Titles& t) : titles_(t) {}

  void Annotate(Document& d) override {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    for (std::uint32_t i = 0; i < n;) {
      text::PhraseTable::Hit hit;
      if (d.covered[i] < 0 && titles_.table.LongestAt(d.tokens, i, &hit)) {
        bool free = true;
        for (std::uint32_t k = i; k < hit.end_token; ++k) free &= d.covered[k] < 0;
        if (free) {
          const std::uint32_t end = Extend(d, hit.end_token);
          d.titles.push_back({i, end, &titles_.role_keys[hit.value]});
          i = end;
          continue;
        }
      }
      ++i;
    }
  }

 private:
  // Where a title that ends at `e` really ends: past a hyphen-joined word ("Prime
  // Minister-Designate Hariri", "President-elect"), and past "of (the) <institution>" when a
  // name follows ("Speaker of Parliament Berri", "Governor of the Central Bank Riad Salame",
  // "Commander of the Armed Forces Joseph Aoun"): the institution is the last of the
  // capitalised words that ends in one of InstitutionHeads(), and one capitalised word at
  // least is left after it for the name.
  static std::uint32_t Extend(Document& d, std::uint32_t e) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    const auto gap = [&](std::uint32_t k) {
      return d.text().substr(d.tokens[k - 1].end, d.tokens[k].start - d.tokens[k - 1].end);
    };
    while (e < n && d.covered[e] < 0 && gap(e) == "-") ++e;
    if (e + 1 >= n || d.tokens[e].key != "of") return e;
    std::uint32_t k = e + 1;
    if (d.tokens[k].key == "the") ++k;
    std::uint32_t last_head = 0;
    for (std::uint32_t w = k; w < n && w < k + 7; ++w) {
      if (d.tokens[w].key == "and" && last_head == w) continue;  // "of International Relations and Cooperation"
      if (d.covered[w] >= 0 || !(d.tokens[w].flags & text::kCapitalized) || gap(w) != " ") break;
      if (InstitutionHeads().count(d.tokens[w].key)) last_head = w + 1;
    }
    if (last_head == 0 || last_head >= n || gap(last_head) != " ") return e;
    const bool name_follows = (d.tokens[last_head].flags & text::kCapitalized) && IsNameLike(d, last_head);
    return name_follows ? last_head : e;
  }

  // The last word of an institution's name ("Parliament", "the Central Bank", "the Armed
  // Forces", "the Joint Chiefs of Staff") or of a minister's portfolio ("Foreign Affairs").
  static const StringSet& InstitutionHeads() {
    static const StringSet words = {
        "parliament", "assembly", "senate", "congress", "duma", "council", "cabinet", "government", "bank", "fund",
        "forces", "army", "navy", "staff", "guard", "police", "service", "services", "agency", "office", "ministry",
        "department", "commission", "committee", "court", "tribunal", "party", "union", "federation", "chamber",
        "house", "secretariat", "authority", "board", "directorate", "bureau", "presidency", "mission",
        // the portfolios of ministers: "Minister of International Relations and Cooperation X"
        "affairs", "relations", "cooperation", "defence", "defense", "finance", "trade", "industry", "development",
        "health", "education", "justice", "interior", "economy", "energy", "agriculture", "security", "transport",
        "culture", "labour", "labor", "environment", "commerce"};
    return words;
  }

  const Titles& titles_;
};

// Role references without a name resolve to the holder of the role on the document date;
// the country mention they start with becomes part of them.
class RolesStep : public analysis::Annotator {
 public:
  explicit RolesStep(const gazetteer::Gazetteer& g) : gaz_(g) {}

  void Annotate(Document& d) override {
    keep_.assign(d.mentions.size(), 1);
    refs_.clear();
    for (const auto& t : d.titles) Resolve(d, t);
    if (refs_.empty()) return;
    d.KeepMentions(keep_);
    for (auto& m : refs_) d.AddMention(std::move(m));
  }

 private:
  // The country of "Russian leader", "Armenia's prime minister", "Azerbaijani top diplomat":
  // its mention, or nullptr.
  static const Mention* CountryBefore(const Document& d, const analysis::TitleSpan& t) {
    const Mention* c = nullptr;
    if (t.first >= 1 && (c = d.MentionAt(t.first - 1)) && c->kind == Kind::kCountry && c->end_token == t.first)
      return c;
    if (t.first >= 2 && (d.tokens[t.first - 1].flags & text::kPossessive) && (c = d.MentionAt(t.first - 2)) &&
        c->kind == Kind::kCountry) {
      return c;
    }
    return nullptr;
  }

  void Resolve(Document& d, const analysis::TitleSpan& t) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    const Mention* next = d.MentionAt(t.end);
    if (next && next->is_person()) return;                                  // "Foreign Minister Jeyhun Bayramov"
    if (t.end < n && IsNameLike(d, t.end) && d.covered[t.end] < 0) return;  // a name follows: discovery
    if (t.role_key->empty()) return;
    const Mention* country = CountryBefore(d, t);
    if (!country) return;
    const gazetteer::Entity& ce = gaz_.entity(static_cast<std::uint32_t>(country->entity));
    std::string role_key = *t.role_key;
    if (role_key == "@leader") role_key = ce.leader.empty() ? "head_of_state" : ce.leader;
    const auto holders = gaz_.Holders(role_key, ce.id, d.date.date);
    if (holders.size() != 1) return;
    Mention m;
    m.first_token = country->first_token;
    m.end_token = t.end;
    FillFromEntity(gaz_, holders.front(), d.date.date, &m);
    m.resolved_by = MentionSource::kRole;
    m.confidence = kRoleReference;
    keep_[static_cast<std::size_t>(d.covered[country->first_token])] = 0;
    refs_.push_back(std::move(m));
  }

  const gazetteer::Gazetteer& gaz_;
  std::vector<char> keep_;
  std::vector<Mention> refs_;
};

}  // namespace

bool IsNameLike(Document& d, std::uint32_t k) {
  if (d.name_like.size() != d.tokens.size()) d.name_like.assign(d.tokens.size(), -1);
  if (d.name_like[k] < 0) d.name_like[k] = NameLike(d.tokens[k]) ? 1 : 0;
  return d.name_like[k] == 1;
}

void FillFromEntity(const gazetteer::Gazetteer& gaz, std::uint32_t index, const std::string& date, Mention* m) {
  // The brief: no Entity is built for the many places and organisations a corpus names.
  const gazetteer::EntityBrief e = gaz.brief(index);
  m->entity = index;
  m->entity_id = e.id;
  m->kind = e.kind;
  m->name = e.name;
  m->country = e.kind == Kind::kCountry ? (e.code.empty() ? e.country : e.code) : e.country;
  m->role.clear();
  if (!e.has_roles || date.empty()) return;
  for (const auto& r : gaz.entity(index).roles) {
    if (r.HeldOn(date)) {
      m->role = r.title;
      break;
    }
  }
}

std::unique_ptr<analysis::Annotator> MakeGazetteerStep(const gazetteer::Gazetteer& gaz) {
  return std::make_unique<GazetteerStep>(gaz);
}
std::unique_ptr<analysis::Annotator> MakeTitlesStep(const Titles& titles) {
  return std::make_unique<TitlesStep>(titles);
}
std::unique_ptr<analysis::Annotator> MakeRolesStep(const gazetteer::Gazetteer& gaz) {
  return std::make_unique<RolesStep>(gaz);
}

}  // namespace actorgraph::mentions::internal

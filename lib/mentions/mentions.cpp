#include "mentions/mentions.hpp"

#include "common/string_hash.hpp"
#include "common/tsv.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

namespace actorgraph::mentions {
namespace {

using gazetteer::Kind;
using text::Token;

constexpr double kSurnameInDocument = 0.9;
constexpr double kRoleReference = 0.8;
constexpr double kAdjective = 0.9;
constexpr double kSurnameGlobal = 0.7;
constexpr double kDiscovered = 0.6;

// Capitalised words that start sentences or name institutions rather than people: never
// part of a discovered person's name.
const StringSet& NotNameWords() {
  static const StringSet words = {
      "the", "a", "an", "on", "in", "at", "of", "and", "or", "but", "after", "before", "according", "during",
      "while", "with", "without", "for", "from", "to", "by", "as", "this", "that", "these", "those", "his",
      "her", "their", "its", "our", "mr", "mrs", "ms", "dr", "said", "says", "also", "both", "each", "other",
      "new", "north", "south", "east", "west", "central", "republic", "state", "states", "united", "national",
      "international", "foreign", "ministry", "group", "council", "committee", "union", "organization",
      "organisation", "agency", "news", "press", "service", "office", "department", "government", "parliament",
      "party", "army", "forces", "statement", "agreement", "talks", "meeting", "summit", "conference", "region",
      "city", "province", "district", "affairs", "president", "presidents", "minister", "ministers", "prime", "deputy", "chairman",
      "chairperson", "co", "chair", "chairs", "office", "general", "secretary", "sides", "side", "however",
      "meanwhile", "earlier", "later", "today", "yesterday", "tomorrow", "january", "february", "march", "april",
      "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "he", "she", "they", "we", "it", "there",
      "here", "when", "where", "what", "who", "which", "why", "how", "if", "not", "no", "yes", "all", "some",
      "many", "most", "several", "one", "two", "three", "first", "second", "last", "next", "senior", "special",
      "personal", "representative", "representatives", "ambassador", "envoy", "spokesperson", "spokesman",
      "delegation", "team", "leader", "leaders", "top", "diplomat", "diplomats", "house", "palace", "square",
      "street", "centre", "center", "university", "institute", "bank", "fund", "court", "assembly", "embassy"};
  return words;
}

bool NameLike(const Token& t) {
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

std::string Slug(text::Analyzer& analyzer, std::string_view name) {
  text::TokenList toks;
  analyzer.Tokenize(name, &toks);
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out += '-';
    for (char c : t.key) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      out += ok ? c : '_';
    }
  }
  return out;
}

}  // namespace

std::string DiscoveredId(text::Analyzer& analyzer, std::string_view name) {
  return "discovered:" + Slug(analyzer, name);
}

Status Titles::Load(const std::string& path) {
  std::vector<tsv::Row> rows;
  ACTORGRAPH_RETURN_IF_ERROR(tsv::Read(path, {"phrase", "role_key"}, &rows));
  text::Analyzer analyzer;
  for (const auto& row : rows) {
    if (row.fields[0].empty()) return Status::BadInput(fmt::format("{}:{}: empty phrase", path, row.line));
    table.Add(analyzer, row.fields[0], static_cast<std::uint32_t>(role_keys.size()));
    role_keys.push_back(row.fields[1]);
  }
  return Status::Ok();
}

Status GivenNames::Load(const std::string& path) {
  std::vector<tsv::Row> rows;
  ACTORGRAPH_RETURN_IF_ERROR(tsv::Read(path, {"name"}, &rows));
  text::Analyzer analyzer;
  for (const auto& row : rows) {
    const std::string key = analyzer.PhraseKey(row.fields[0]);
    if (key.empty() || key.find(' ') != std::string::npos) {
      return Status::BadInput(fmt::format("{}:{}: expected one word, got \"{}\"", path, row.line, row.fields[0]));
    }
    keys.insert(key);
  }
  return Status::Ok();
}

struct MentionFinder::Impl {
  const gazetteer::Gazetteer& gaz;
  const Titles& titles;
  const GivenNames* given_names;
  text::Analyzer analyzer;
  std::vector<gazetteer::Match> matches;
  std::vector<gazetteer::Candidate> candidates;  // scratch of one match
  // Scratch of Analyze, kept between documents so that a document costs no allocation
  // for them once the first ones have sized them.
  struct TitleSpan {
    std::uint32_t first, end;
    const std::string* role_key;  // into titles.role_keys
  };
  std::vector<char> sentence_start;
  std::vector<std::int8_t> name_like;
  std::vector<std::int32_t> covered;
  std::vector<TitleSpan> title_spans;
  std::vector<char> in_title;
  std::vector<char> dropped;
  std::vector<Mention> role_refs, kept, surname_mentions;
  std::unordered_map<std::string, std::pair<std::string, std::string>> discovered;  // id → (name, country)
  StringMap<std::size_t> doc_surnames;  // surname key → index into the mentions found
  text::TokenList name_tokens;
  std::vector<std::uint32_t> in_office;

  Impl(const gazetteer::Gazetteer& g, const Titles& t, const GivenNames* n) : gaz(g), titles(t), given_names(n) {}

  void FillFromEntity(std::uint32_t index, const std::string& date, Mention* m) const {
    // The brief: no Entity is built for the many places and organisations a corpus names.
    const gazetteer::EntityBrief e = gaz.brief(index);
    m->entity = index;
    m->entity_id = e.id;
    m->kind = gazetteer::KindName(e.kind);
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

  // Best candidate: kind priority first (the gazetteer's order), then, among people, one in
  // office on the document date.
  std::uint32_t Choose(const std::vector<gazetteer::Candidate>& cands, const std::string& date) const {
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
};

MentionFinder::MentionFinder(const gazetteer::Gazetteer& g, const Titles& t, const GivenNames* n)
    : impl_(std::make_unique<Impl>(g, t, n)) {}
MentionFinder::~MentionFinder() = default;
text::Analyzer& MentionFinder::analyzer() { return impl_->analyzer; }

void MentionFinder::Analyze(documents::Document doc, const std::string& option_date, AnalyzedDocument* out,
                            bool sentences) {
  Impl& im = *impl_;
  out->doc = std::move(doc);
  out->mentions.clear();
  const std::string_view text = out->doc.text;
  auto& tokens = out->tokens;
  im.analyzer.Tokenize(text, &tokens);
  out->sentences.clear();
  bool segmented = sentences;
  if (sentences) im.analyzer.Sentences(text, &out->sentences);
  out->date = text::ResolveDocumentDate(text, tokens, out->doc.date, option_date);
  const std::string& date = out->date.date;
  const auto n = static_cast<std::uint32_t>(tokens.size());

  // Whether token i starts a sentence (for the global surname rule).
  auto& sentence_start = im.sentence_start;
  sentence_start.clear();
  const auto starts_sentence = [&](std::uint32_t i) {
    if (i == 0) return true;
    // A sentence boundary (UAX #29) follows a terminator or a line break, possibly with
    // closing punctuation and spaces, which are never part of a token: a gap between two
    // tokens without one of . ! ? CR LF or a non-ASCII character holds no boundary.
    bool possible = false;
    for (std::uint32_t k = tokens[i - 1].end; k < tokens[i].start && !possible; ++k) {
      const auto c = static_cast<unsigned char>(text[k]);
      possible = c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c >= 0x80;
    }
    if (!possible) return false;
    if (!segmented) {
      im.analyzer.Sentences(text, &out->sentences);
      segmented = true;
    }
    if (sentence_start.empty()) {
      sentence_start.assign(n, false);
      std::size_t s = 0;
      for (std::uint32_t t = 0; t < n; ++t) {
        while (s < out->sentences.size() && out->sentences[s].end <= tokens[t].start) ++s;
        if (s < out->sentences.size() && (t == 0 || tokens[t - 1].start < out->sentences[s].start)) sentence_start[t] = true;
      }
    }
    return static_cast<bool>(sentence_start[i]);
  };

  // NameLike per token, worked out once: several rules ask about the same tokens.
  auto& name_like = im.name_like;
  name_like.assign(n, -1);  // -1: not asked yet
  const auto is_name_like = [&](std::uint32_t k) {
    if (name_like[k] < 0) name_like[k] = NameLike(tokens[k]) ? 1 : 0;
    return name_like[k] == 1;
  };

  std::vector<Mention> found = std::move(out->mentions);
  found.clear();
  found.reserve(n / 8 + 4);
  auto& covered = im.covered;
  covered.assign(n, -1);  // token → index into `found`, or -1
  const auto add = [&](Mention m) {
    m.start = tokens[m.first_token].start;
    m.end = tokens[m.end_token - 1].end;
    // "U.S." and "U.N.": an abbreviation's final period belongs to the name.
    if (m.end_token - m.first_token >= 2 && tokens[m.end_token - 1].end - tokens[m.end_token - 1].start == 1 &&
        m.end < text.size() && text[m.end] == '.' && text[m.end - 2] == '.') {
      ++m.end;
    }
    for (std::uint32_t k = m.first_token; k < m.end_token; ++k) covered[k] = static_cast<std::int32_t>(found.size());
    found.push_back(std::move(m));
  };

  // 1. Gazetteer matches.
  im.gaz.FindMatches(text, tokens, &im.matches);
  const auto match_count = im.matches.size();
  for (std::size_t k = 0; k < std::min<std::size_t>(match_count, 3); ++k) {
    for (int stage = 3; stage > static_cast<int>(k); --stage) im.gaz.Prefetch(im.matches[k], stage);
  }
  for (std::size_t k = 0; k < match_count; ++k) {
    // What the next matches need is on its way while this one is resolved: each step is
    // a cache miss into a large table otherwise.
    for (std::size_t ahead = 1; ahead <= 3; ++ahead) {
      if (k + ahead < match_count) im.gaz.Prefetch(im.matches[k + ahead], static_cast<int>(ahead));
    }
    const auto& match = im.matches[k];
    std::vector<gazetteer::Candidate>& cands = im.candidates;
    im.gaz.Candidates(match, text, tokens, &cands);
    if (cands.empty()) continue;
    const std::uint32_t chosen = im.Choose(cands, date);
    Mention m;
    m.first_token = match.first_token;
    m.end_token = match.end_token;
    im.FillFromEntity(chosen, date, &m);
    gazetteer::AliasType type = cands.front().type;
    for (const auto& c : cands) {
      if (c.entity == chosen) {
        type = c.type;
        break;
      }
    }
    m.resolved_by = std::string(gazetteer::AliasTypeName(type));
    m.confidence = (type == gazetteer::AliasType::kAdjective || type == gazetteer::AliasType::kDemonym) ? kAdjective : 1.0;
    add(std::move(m));
  }

  // 2. Titles over uncovered tokens.
  auto& title_spans = im.title_spans;
  title_spans.clear();
  auto& in_title = im.in_title;
  in_title.assign(n, 0);
  for (std::uint32_t i = 0; i < n;) {
    text::PhraseTable::Hit hit;
    if (covered[i] < 0 && im.titles.table.LongestAt(tokens, i, &hit)) {
      bool free = true;
      for (std::uint32_t k = i; k < hit.end_token; ++k) free &= covered[k] < 0;
      if (free) {
        title_spans.push_back({i, hit.end_token, &im.titles.role_keys[hit.value]});
        for (std::uint32_t k = i; k < hit.end_token; ++k) in_title[k] = true;
        i = hit.end_token;
        continue;
      }
    }
    ++i;
  }
  const auto mention_at = [&](std::uint32_t tok) -> Mention* {
    return tok < n && covered[tok] >= 0 ? &found[static_cast<std::size_t>(covered[tok])] : nullptr;
  };

  // 3. Titles before a known person give the person's role; role references without a
  //    name resolve to the holder.
  auto& dropped = im.dropped;
  dropped.assign(found.size(), 0);
  auto& role_refs = im.role_refs;
  role_refs.clear();
  for (const auto& t : title_spans) {
    Mention* next = mention_at(t.end);
    if (next && next->kind == "person") continue;  // "Foreign Minister Jeyhun Bayramov"
    if (t.end < n && is_name_like(t.end) && covered[t.end] < 0) continue;  // a name follows: discovery
    if (t.role_key->empty()) continue;
    // The country: "Russian leader", "Armenia's prime minister", "Azerbaijani top diplomat".
    Mention* country = nullptr;
    std::uint32_t first = t.first;
    if (t.first >= 1 && (country = mention_at(t.first - 1)) && country->kind == "country" &&
        country->end_token == t.first) {
      first = country->first_token;
    } else if (t.first >= 2 && (tokens[t.first - 1].flags & text::kPossessive) && (country = mention_at(t.first - 2)) &&
               country->kind == "country") {
      first = country->first_token;
    } else {
      continue;
    }
    const gazetteer::Entity& ce = im.gaz.entity(static_cast<std::uint32_t>(country->entity));
    std::string role_key = *t.role_key;
    if (role_key == "@leader") role_key = ce.leader.empty() ? "head_of_state" : ce.leader;
    const auto holders = im.gaz.Holders(role_key, ce.id, date);
    if (holders.size() != 1) continue;
    Mention m;
    m.first_token = first;
    m.end_token = t.end;
    im.FillFromEntity(holders.front(), date, &m);
    m.resolved_by = "role";
    m.confidence = kRoleReference;
    dropped[static_cast<std::size_t>(covered[country->first_token])] = 1;
    role_refs.push_back(std::move(m));
  }
  if (!role_refs.empty()) {
    auto& kept = im.kept;
    kept.clear();
    for (std::size_t k = 0; k < found.size(); ++k) {
      if (!dropped[k]) kept.push_back(std::move(found[k]));
    }
    found.clear();
    std::fill(covered.begin(), covered.end(), -1);
    for (auto& m : kept) add(std::move(m));
    for (auto& m : role_refs) add(std::move(m));
  }

  // 4. Discovery of unlisted people.
  auto& discovered = im.discovered;
  discovered.clear();
  for (std::uint32_t i = 0; i < n;) {
    if (covered[i] >= 0 || in_title[i] || !is_name_like(i) || (tokens[i].flags & text::kAllCaps)) {
      ++i;
      continue;
    }
    std::uint32_t j = i + 1;
    while (j < n && j < i + 4 && covered[j] < 0 && !in_title[j] && is_name_like(j) &&
           !(tokens[j].flags & text::kAllCaps)) {
      const std::string_view gap = text.substr(tokens[j - 1].end, tokens[j].start - tokens[j - 1].end);
      if (gap != " " && gap != "-") break;
      ++j;
    }
    if (j - i < 2) {
      i = j;
      continue;
    }
    std::string country;
    bool accept = false;
    // (a) "Name (Country)"
    if (j + 1 < n && text.substr(tokens[j - 1].end, tokens[j].start - tokens[j - 1].end).find('(') != std::string_view::npos) {
      const std::uint32_t in_parens = tokens[j].key == "the" && j + 1 < n ? j + 1 : j;  // "(the US)"
      if (const Mention* c = mention_at(in_parens); c && c->kind == "country") {
        const std::uint32_t after = c->end_token;
        const std::uint32_t stop = after < n ? tokens[after].start : static_cast<std::uint32_t>(text.size());
        if (text.substr(c->end, stop - c->end).find(')') != std::string_view::npos) {
          accept = true;
          country = c->country;
        }
      }
    }
    // (b) a title right before: "Ambassador-at-large Orkhan Suleymanli", "Deputy Foreign
    //     Minister Anna Kovacs", "the personal representative of the OSCE Chairperson X Y".
    if (!accept && i >= 1) {
      std::uint32_t k = i;
      if (const Mention* org = mention_at(k - 1); org && org->kind != "person") {
        // "... representative of the OSCE Chairman-in-Office Andrzej Kasprzyk"
        std::uint32_t b = org->first_token;
        if (b >= 1 && tokens[b - 1].key == "the") --b;
        if (b >= 1 && tokens[b - 1].key == "of") k = b - 1;
      }
      if (k >= 1 && in_title[k - 1]) {
        accept = true;
        // A country adjective before the title gives the affiliation.
        std::uint32_t tf = k - 1;
        while (tf > 0 && in_title[tf - 1]) --tf;
        if (const Mention* c = tf >= 1 ? mention_at(tf - 1) : nullptr; c && c->kind == "country") country = c->country;
      }
    }
    // (c) an apposition after: "Vahram Melkonyan, a senior adviser"
    if (!accept && j + 1 < n && text.substr(tokens[j - 1].end, tokens[j].start - tokens[j - 1].end).find(',') != std::string_view::npos &&
        (tokens[j].key == "a" || tokens[j].key == "the" || tokens[j].key == "an")) {
      std::uint32_t k = j + 1;
      while (k < n && k < j + 5 && !in_title[k]) ++k;
      accept = k < n && in_title[k];
    }
    // (e) the speaker of a reporting verb: "Tom Reed said", "Anna Berg told reporters".
    if (!accept && j < n && text.substr(tokens[j - 1].end, tokens[j].start - tokens[j - 1].end) == " ") {
      static const StringSet kSpeech = {"said", "says", "told", "added", "stated", "announced",
                                                              "noted", "explained", "wrote", "argued", "insisted",
                                                              "warned", "stressed", "recalled"};
      accept = kSpeech.count(tokens[j].key) > 0;
    }
    // (f) a known given name first: "Ingrid Solberg", "Kofi Mensah Boateng".
    if (!accept && im.given_names && im.given_names->keys.count(tokens[i].key) > 0) accept = true;
    // (d) listed next to known people: "Putin, Ivan Petrov and Aliyev"
    if (!accept) {
      const auto person_near = [&](std::uint32_t tok, bool before) {
        const Mention* p = mention_at(tok);
        if (!p || p->kind != "person") return false;
        const std::uint32_t a = before ? p->end : tokens[j - 1].end;
        const std::uint32_t b = before ? tokens[i].start : p->start;
        const std::string_view gap = text.substr(a, b - a);
        return gap == ", " || gap == " and " || gap == ", and ";
      };
      accept = (i >= 1 && person_near(i - 1, true)) || (j < n && person_near(j, false));
      if (!accept && j < n && tokens[j].key == "and") accept = j + 1 < n && person_near(j + 1, false);
    }
    if (!accept) {
      i = j;
      continue;
    }
    Mention m;
    m.first_token = i;
    m.end_token = j;
    m.kind = "person";
    m.name = std::string(text.substr(tokens[i].start, tokens[j - 1].end - tokens[i].start));
    m.entity_id = DiscoveredId(im.analyzer, m.name);
    m.country = country;
    m.confidence = kDiscovered;
    m.resolved_by = "discovered";
    auto [it, fresh] = discovered.emplace(m.entity_id, std::make_pair(m.name, country));
    if (!fresh) {
      m.name = it->second.first;
      if (m.country.empty()) m.country = it->second.second;
    }
    add(std::move(m));
    i = j;
  }

  // 5. Surnames: people named in full in this document, then unique gazetteer surnames.
  auto& doc_surnames = im.doc_surnames;
  doc_surnames.clear();
  for (std::size_t k = 0; k < found.size(); ++k) {
    const Mention& m = found[k];
    if (m.kind != "person" || m.resolved_by == "surname" || m.end_token - m.first_token < 2) continue;
    doc_surnames.emplace(std::string(tokens[m.end_token - 1].key), k);
    if (m.entity >= 0) {
      text::TokenList& name_toks = im.name_tokens;
      im.analyzer.Tokenize(im.gaz.brief(static_cast<std::uint32_t>(m.entity)).name, &name_toks);
      if (name_toks.size() >= 2) doc_surnames.emplace(std::string(name_toks.back().key), k);
    }
  }
  auto& surname_mentions = im.surname_mentions;
  surname_mentions.clear();
  for (std::uint32_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (covered[i] >= 0 || in_title[i] || !(t.flags & text::kCapitalized) || (t.flags & text::kPossessive)) continue;
    // Part of a longer capitalised name ("John Bayramov") is not a surname reference.
    if (i + 1 < n && covered[i + 1] < 0 && is_name_like(i + 1) && text.substr(t.end, tokens[i + 1].start - t.end) == " ") continue;
    Mention m;
    m.first_token = i;
    m.end_token = i + 1;
    if (auto it = doc_surnames.empty() ? doc_surnames.end() : doc_surnames.find(HashedKey{t.key, t.hash}); it != doc_surnames.end()) {
      const Mention& full = found[it->second];
      m.entity = full.entity;
      m.entity_id = full.entity_id;
      m.kind = full.kind;
      m.name = full.name;
      m.role = full.role;
      m.country = full.country;
      m.confidence = full.entity >= 0 ? kSurnameInDocument : kDiscovered;
      m.resolved_by = "surname";
      surname_mentions.push_back(std::move(m));
      continue;
    }
    // Here the token is capitalised and not possessive, so it is name-like exactly when it
    // is not one of NotNameWords.
    if (t.key.size() < 4 || !is_name_like(i)) continue;
    const auto& namesakes = im.gaz.BySurname(HashedKey{t.key, t.hash});
    if (namesakes.empty() || starts_sentence(i)) continue;
    auto& in_office = im.in_office;
    in_office.clear();
    for (std::uint32_t e : namesakes) {
      const auto& ent = im.gaz.entity(e);
      bool held = date.empty();
      for (const auto& r : ent.roles) held = held || r.HeldOn(date);
      if (held) in_office.push_back(e);
    }
    if (in_office.size() != 1) continue;
    im.FillFromEntity(in_office.front(), date, &m);
    m.confidence = kSurnameGlobal;
    m.resolved_by = "surname";
    surname_mentions.push_back(std::move(m));
  }
  for (auto& m : surname_mentions) add(std::move(m));

  // In order of start (distinct: mentions never overlap). Often already so; otherwise the
  // order is worked out on indices, and each mention moves once.
  const auto by_start = [](const Mention& a, const Mention& b) { return a.start < b.start; };
  if (std::is_sorted(found.begin(), found.end(), by_start)) {
    out->mentions = std::move(found);
  } else {
    std::vector<std::uint32_t> order(found.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return found[a].start < found[b].start; });
    out->mentions.clear();
    out->mentions.reserve(found.size());
    for (const std::uint32_t k : order) out->mentions.push_back(std::move(found[k]));
  }
}

}  // namespace actorgraph::mentions

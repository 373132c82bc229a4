// The surnames and mention-order steps.
#include "mentions/internal/steps.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace actorgraph::mentions::internal {
namespace {

using analysis::Document;
using analysis::Mention;
using analysis::MentionSource;
using gazetteer::Kind;

// Surnames shorter than this are too often ordinary words or initials ("Li", "Ng" aside, which
// a full name earlier in the document still resolves) to stand for the one namesake in office.
constexpr std::size_t kMinGlobalSurname = 4;

class SurnamesStep : public analysis::Annotator {
 public:
  SurnamesStep(const gazetteer::Gazetteer& g, analysis::WorkerContext& c) : gaz_(g), context_(c) {}

  void Annotate(Document& d) override {
    ResolveTitledSurnames(d);
    ResolveRoleReferences(d);
    CollectFullNames(d);
    in_title_.assign(d.tokens.size(), 0);
    for (const auto& t : d.titles) {
      for (std::uint32_t k = t.first; k < t.end; ++k) in_title_[k] = 1;
    }
    sentence_start_.clear();
    found_.clear();
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    for (std::uint32_t i = 0; i < n; ++i) Consider(d, i);
    if (d.windowed() && !d.window.last) CarryFullNames(d);
    for (auto& m : found_) d.AddMention(std::move(m));
  }

 private:
  // People named in full in this document, by the key of their last name token (and of their
  // gazetteer name's last token).
  void CollectFullNames(const Document& d) {
    by_surname_.clear();
    for (std::size_t k = 0; k < d.mentions.size(); ++k) {
      const Mention& m = d.mentions[k];
      if (!m.is_person() || m.resolved_by == MentionSource::kSurname) continue;
      // A discovered surname after its title ("President Obama") stands for the person too.
      if (m.end_token - m.first_token < 2 && m.resolved_by != MentionSource::kDiscovered) continue;
      by_surname_.emplace(std::string(d.tokens[SurnameToken(d, m)].key), k);
      // "Xi Jinping" ... "Xi", "Moon Jae-in" ... "Moon": the family name comes first.
      const bool family_first = m.end_token - m.first_token >= 2 && FamilyNameFirst(m.country);
      if (family_first) by_surname_.emplace(std::string(d.tokens[m.first_token].key), k);
      if (m.entity >= 0) {
        context_.analyzer.Tokenize(gaz_.brief(static_cast<std::uint32_t>(m.entity)).name, &name_tokens_);
        if (name_tokens_.size() >= 2) by_surname_.emplace(std::string(name_tokens_.back().key), k);
        if (name_tokens_.size() >= 2 && family_first) by_surname_.emplace(std::string(name_tokens_.front().key), k);
      }
    }
  }

  // The people this window names in full, for the surnames of the windows after it (the
  // earlier windows' people stay first).
  void CarryFullNames(Document& d) const {
    for (const auto& [key, k] : by_surname_) d.window.full_by_surname.try_emplace(key, d.mentions[k]);
    for (const auto& [key, k] : full_by_last_) d.window.full_by_last.try_emplace(std::string(key), d.mentions[k]);
    for (const auto& [key, k] : full_by_first_) d.window.full_by_first.try_emplace(std::string(key), d.mentions[k]);
  }

  // `m` (a surname) stands for the person of the full mention `full`.
  static void StandFor(const Mention& full, Mention* m) {
    m->entity = full.entity;
    m->entity_id = full.entity_id;
    m->kind = full.kind;
    m->name = full.name;
    m->role = full.role;
    m->country = full.country;
    m->confidence = full.entity >= 0 ? kSurnameInDocument : kDiscovered;
    m->resolved_by = MentionSource::kSurname;
  }

  // "the Samoan Prime Minister" where the gazetteer knows no holder (the roles step left it):
  // the one person of the document whose own title holds that role ("the Prime Minister
  // Fiamē") and whose country is that country or unknown.
  void ResolveRoleReferences(Document& d) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    std::vector<char> keep(d.mentions.size(), 1);
    std::vector<Mention> found;
    for (const auto& t : d.titles) {
      if (t.first == 0 || t.role_key->empty() || (*t.role_key)[0] == '@' || d.covered[t.first] >= 0) continue;
      const Mention* next = t.end < n ? d.MentionAt(t.end) : nullptr;
      const Mention* country = d.MentionAt(t.first - 1);
      if ((next && next->is_person()) || !country || country->kind != Kind::kCountry || country->end_token != t.first ||
          country->country.empty())
        continue;
      const Mention* holder = nullptr;
      for (const auto& u : d.titles) {
        const Mention* p = u.end < n ? d.MentionAt(u.end) : nullptr;
        if (&u == &t || *u.role_key != *t.role_key || !p || !p->is_person() || p->first_token != u.end ||
            !(p->country.empty() || p->country == country->country))
          continue;
        if (holder && holder->entity_id != p->entity_id) {
          holder = nullptr;  // two candidates: none
          break;
        }
        holder = p;
      }
      if (!holder) continue;
      Mention m = *holder;
      m.first_token = country->first_token;
      m.end_token = t.end;
      m.confidence = kDiscovered;
      m.resolved_by = MentionSource::kRole;
      keep[static_cast<std::size_t>(d.covered[country->first_token])] = 0;
      found.push_back(std::move(m));
    }
    if (found.empty()) return;
    d.KeepMentions(keep);
    for (auto& m : found) d.AddMention(std::move(m));
  }

  // A surname that discovery took after its title ("Deputy Secretary Sherman", "President
  // Aliyev") is the person named in full elsewhere in the document ("Wendy R. Sherman"), else
  // the one namesake in office on the document date, else stays discovered.
  void ResolveTitledSurnames(Document& d) {
    full_by_last_.clear();
    full_by_first_.clear();
    for (std::size_t k = 0; k < d.mentions.size(); ++k) {
      const Mention& o = d.mentions[k];
      if (o.is_person() && o.end_token >= o.first_token + 2) {
        full_by_last_.emplace(d.tokens[o.end_token - 1].key, k);
        full_by_first_.emplace(d.tokens[o.first_token].key, k);
      }
    }
    for (Mention& m : d.mentions) {
      if (m.resolved_by != MentionSource::kDiscovered || m.end_token != m.first_token + 1) continue;
      const text::Token& t = d.tokens[m.first_token];
      std::size_t full = SIZE_MAX;
      // A large document's earlier windows first: their people were named before this one.
      const auto& carried_last = d.window.full_by_last;
      const auto& carried_first = d.window.full_by_first;
      if (const auto it = carried_last.find(t.key); it != carried_last.end()) {
        const Mention copy = it->second;
        StandFor(copy, &m);
        continue;
      }
      const auto last = full_by_last_.find(t.key);
      if (const auto it = carried_first.find(t.key); last == full_by_last_.end() && it != carried_first.end()) {
        const Mention copy = it->second;
        StandFor(copy, &m);
        continue;
      }
      if (const auto it = last; it != full_by_last_.end()) {
        full = it->second;
      } else if (const auto first = full_by_first_.find(t.key); first != full_by_first_.end()) {
        // Family name first ("Vice Foreign Minister Choi" for "Choi Jong Kun"): only a title's
        // surname is looked up this way, never a bare capitalised word.
        full = first->second;
      }
      if (full != SIZE_MAX) {
        const Mention copy = d.mentions[full];
        StandFor(copy, &m);
        continue;
      }
      if (t.key.size() < kMinGlobalSurname) continue;
      const std::uint32_t holder = OnlyNamesakeInOffice(d, t);
      if (holder == kNone) continue;
      FillFromEntity(gaz_, holder, d.date.date, &m);
      m.confidence = kSurnameGlobal;
      m.resolved_by = MentionSource::kSurname;
    }
  }

  void Consider(Document& d, std::uint32_t i) {
    const auto n = static_cast<std::uint32_t>(d.tokens.size());
    const text::Token& t = d.tokens[i];
    if (d.covered[i] >= 0 || in_title_[i] || !(t.flags & text::kCapitalized) || (t.flags & text::kPossessive)) return;
    // Part of a longer capitalised name ("John Bayramov") is not a surname reference.
    if (i + 1 < n && d.covered[i + 1] < 0 && IsNameLike(d, i + 1) &&
        d.text().substr(t.end, d.tokens[i + 1].start - t.end) == " ") {
      return;
    }
    Mention m;
    m.first_token = i;
    m.end_token = i + 1;
    if (const auto& carried = d.window.full_by_surname; !carried.empty()) {
      if (const auto it = carried.find(HashedKey{t.key, t.hash}); it != carried.end()) {
        StandFor(it->second, &m);
        found_.push_back(std::move(m));
        return;
      }
    }
    if (auto it = by_surname_.empty() ? by_surname_.end() : by_surname_.find(HashedKey{t.key, t.hash});
        it != by_surname_.end()) {
      StandFor(d.mentions[it->second], &m);
      found_.push_back(std::move(m));
      return;
    }
    // Here the token is capitalised and not possessive, so it is name-like exactly when it
    // is not one of the words that never are.
    if (t.key.size() < kMinGlobalSurname || !IsNameLike(d, i)) return;
    const std::uint32_t holder = OnlyNamesakeInOffice(d, t);
    if (holder == kNone || StartsSentence(d, i)) return;
    FillFromEntity(gaz_, holder, d.date.date, &m);
    m.confidence = kSurnameGlobal;
    m.resolved_by = MentionSource::kSurname;
    found_.push_back(std::move(m));
  }

  static constexpr std::uint32_t kNone = UINT32_MAX;

  // The one gazetteer person with this surname in office on the document date, or kNone.
  std::uint32_t OnlyNamesakeInOffice(const Document& d, const text::Token& t) const {
    const auto& namesakes = gaz_.BySurname(HashedKey{t.key, t.hash});
    std::uint32_t only = kNone;
    for (std::uint32_t e : namesakes) {
      const auto& ent = gaz_.entity(e);
      bool held = d.date.date.empty();
      for (const auto& r : ent.roles) held = held || r.HeldOn(d.date.date);
      if (!held) continue;
      if (only != kNone) return kNone;
      only = e;
    }
    return only;
  }

  // Whether token i starts a sentence. A sentence boundary (UAX #29) follows a terminator or a
  // line break, possibly with closing punctuation and spaces, which are never part of a
  // token: a gap without one of . ! ? CR LF or a non-ASCII character holds no boundary, and
  // the sentences are only worked out (once) when a gap might.
  bool StartsSentence(Document& d, std::uint32_t i) {
    if (i == 0) return true;
    bool possible = false;
    for (std::uint32_t k = d.tokens[i - 1].end; k < d.tokens[i].start && !possible; ++k) {
      const auto c = static_cast<unsigned char>(d.text()[k]);
      possible = c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c >= 0x80;
    }
    if (!possible) return false;
    analysis::EnsureSentences(context_.analyzer, d);
    if (sentence_start_.empty()) {
      const auto n = static_cast<std::uint32_t>(d.tokens.size());
      sentence_start_.assign(n, 0);
      std::size_t s = 0;
      for (std::uint32_t t = 0; t < n; ++t) {
        while (s < d.sentences.size() && d.sentences[s].end <= d.tokens[t].start) ++s;
        if (s < d.sentences.size() && (t == 0 || d.tokens[t - 1].start < d.sentences[s].start)) sentence_start_[t] = 1;
      }
    }
    return sentence_start_[i] != 0;
  }

  const gazetteer::Gazetteer& gaz_;
  analysis::WorkerContext& context_;
  StringMap<std::size_t> by_surname_;  // surname key → index into the mentions
  text::TokenList name_tokens_;
  std::vector<char> in_title_;
  std::vector<char> sentence_start_;
  std::vector<Mention> found_;
  std::unordered_map<std::string_view, std::size_t> full_by_last_;   // first full name by last token
  std::unordered_map<std::string_view, std::size_t> full_by_first_;  // ... and by first token
};

// In order of start (distinct: mentions never overlap). Often already so; otherwise the
// order is worked out on indices, and each mention moves once.
class MentionOrderStep : public analysis::Annotator {
 public:
  void Annotate(Document& d) override {
    auto& ms = d.mentions;
    const auto by_start = [](const Mention& a, const Mention& b) { return a.start < b.start; };
    if (std::is_sorted(ms.begin(), ms.end(), by_start)) return;
    order_.resize(ms.size());
    for (std::uint32_t k = 0; k < order_.size(); ++k) order_[k] = k;
    std::sort(order_.begin(), order_.end(),
              [&](std::uint32_t a, std::uint32_t b) { return ms[a].start < ms[b].start; });
    sorted_.clear();
    sorted_.reserve(ms.size());
    for (const std::uint32_t k : order_) sorted_.push_back(std::move(ms[k]));
    ms.swap(sorted_);
    for (std::size_t k = 0; k < ms.size(); ++k) {
      for (std::uint32_t t = ms[k].first_token; t < ms[k].end_token; ++t) d.covered[t] = static_cast<std::int32_t>(k);
    }
  }

 private:
  std::vector<std::uint32_t> order_;
  std::vector<Mention> sorted_;
};

}  // namespace

std::unique_ptr<analysis::Annotator> MakeSurnamesStep(const gazetteer::Gazetteer& gaz, analysis::WorkerContext& c) {
  return std::make_unique<SurnamesStep>(gaz, c);
}
std::unique_ptr<analysis::Annotator> MakeMentionOrderStep() { return std::make_unique<MentionOrderStep>(); }

}  // namespace actorgraph::mentions::internal

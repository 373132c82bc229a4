// Lemma rules (the exception list is looked up by Tagger::Lemmatize).
#include "tagger/internal/lemma.hpp"

#include <algorithm>

namespace actorgraph::tagger::internal {
namespace {

bool Vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Whether `lemma`, or what follows a prefix of it ("reconvene", "co-chair"), is a known lemma.
bool Known(const ModelData& d, std::string_view lemma) {
  static constexpr std::string_view kPrefixes[] = {"re", "un", "co", "co-", "pre", "dis", "mis", "out", "over"};
  auto known = [&](std::string_view w) {
    return std::binary_search(d.lemma_keys.begin(), d.lemma_keys.end(), HashBytes(w));
  };
  if (known(lemma)) return true;
  for (const std::string_view p : kPrefixes) {
    if (lemma.size() > p.size() + 2 && lemma.starts_with(p) && known(lemma.substr(p.size()))) return true;
  }
  return false;
}

// Whether `stem` is one syllable ending in a single vowel and a single consonant other than
// w, x, y ("zon", "hop", "car"): before -ed/-ing such a verb doubles its consonant
// ("stopped"), so an undoubled one had a silent e ("zoned" -> "zone").
bool ShortSyllable(std::string_view stem) {
  const std::size_t n = stem.size();
  if (n < 2 || Vowel(stem[n - 1]) || stem[n - 1] == 'w' || stem[n - 1] == 'x' || stem[n - 1] == 'y') return false;
  if (!Vowel(stem[n - 2]) || (n >= 3 && Vowel(stem[n - 3]))) return false;
  for (std::size_t k = 0; k + 2 < n; ++k) {
    if (Vowel(stem[k]) || stem[k] < 'a' || stem[k] > 'z') return false;
  }
  return true;
}

// Whether `stem` ends as (almost) no English verb does, so that it ends in a silent e: v, u,
// two vowels and s, soft c, z, dg, th after a vowel, or a consonant and l ("waiv", "argu",
// "rais", "danc", "seiz", "judg", "bath", "hassl").
bool SilentE(std::string_view stem) {
  const std::size_t n = stem.size();
  const char last = stem[n - 1], before = stem[n - 2];
  if (last == 'v' || last == 'u' || (last == 's' && n >= 3 && Vowel(before) && Vowel(stem[n - 3]))) return true;
  if ((last == 'c' && before != 'c') || (last == 'z' && before != 'z')) return true;
  if ((last == 'g' && before == 'd') || (last == 'h' && before == 't' && n >= 3 && Vowel(stem[n - 3]))) return true;
  return last == 'l' && !Vowel(before) && before != 'l' && before != 'r' && before != 'w';
}

}  // namespace

void LowerAscii(std::string_view word, std::string* out) {
  out->assign(word);
  for (char& c : *out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
}

void RepairFinalE(const ModelData& d, std::string_view lower, std::string* lemma) {
  std::size_t cut = 0;
  if (lower.ends_with("ed"))
    cut = 2;
  else if (lower.ends_with("ing"))
    cut = 3;
  if (cut == 0 || lower.size() < cut + 2) return;
  const std::string_view stem = lower.substr(0, lower.size() - cut);
  const bool bare = *lemma == stem;
  if (!bare && !(lemma->size() == stem.size() + 1 && lemma->starts_with(stem) && lemma->back() == 'e')) return;
  const std::string with_e = std::string(stem) + 'e';
  const bool stem_known = Known(d, stem), e_known = Known(d, with_e);
  bool e;
  if (stem_known != e_known)
    e = e_known;  // "convened" -> "convene", "chairing" -> "chair"
  else if (SilentE(stem) || ShortSyllable(stem))
    e = true;  // "waived" -> "waive", "hassled" -> "hassle", "zoned" -> "zone"
  else if (stem.size() >= 3 && Vowel(stem[stem.size() - 2]) && Vowel(stem[stem.size() - 3]) &&
           std::string_view("bdfhklmnprt").find(stem.back()) != std::string_view::npos)
    e = false;  // "chaired" -> "chair", "cloaking" -> "cloak"
  else
    return;
  if (e == bare) *lemma = e ? with_e : std::string(stem);
}

void RuleLemma(const ModelData& d, const KeyIndex& rules, std::string_view form, std::string_view lower, Upos upos,
               std::string* out) {
  for (std::size_t k = std::min<std::size_t>(6, lower.size()) + 1; k-- > 0;) {
    std::int64_t r = rules.Find(RuleKey(lower.substr(lower.size() - k), upos));
    if (r < 0) continue;
    const LemmaRule& rule = d.rules[r];
    if (rule.strip > lower.size()) break;
    std::string_view base = rule.keep_case ? form : lower;
    out->assign(base.substr(0, base.size() - rule.strip));
    out->append(d.pool, rule.off, rule.len);
    if (upos == Upos::kVerb) RepairFinalE(d, lower, out);
    return;
  }
  out->assign(upos == Upos::kPropn ? form : lower);
}

}  // namespace actorgraph::tagger::internal

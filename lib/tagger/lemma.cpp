// Lemma rules (the exception list is looked up by Tagger::Lemmatize).
#include "tagger/internal/lemma.hpp"

#include <algorithm>

namespace actorgraph::tagger::internal {

void LowerAscii(std::string_view word, std::string* out) {
  out->assign(word);
  for (char& c : *out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
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
    return;
  }
  out->assign(upos == Upos::kPropn ? form : lower);
}

}  // namespace actorgraph::tagger::internal

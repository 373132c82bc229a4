// Lemmas: the exception list of the model, then its suffix rules.
#pragma once

#include "tagger/internal/model_data.hpp"

#include <string>
#include <string_view>

namespace actorgraph::tagger::internal {

// ASCII lower case of `word` into `out` (other bytes unchanged).
void LowerAscii(std::string_view word, std::string* out);

// The lemma by the rules alone: the longest suffix (up to 6 bytes) of the lower-cased word
// that has a rule for `upos`; the word itself (PROPN) or lower-cased when none has one.
void RuleLemma(const ModelData& d, const KeyIndex& rules, std::string_view form, std::string_view lower, Upos upos,
               std::string* out);

}  // namespace actorgraph::tagger::internal

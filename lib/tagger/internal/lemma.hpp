// Lemmas: the exception list of the model, then its suffix rules.
#pragma once

#include "tagger/internal/model_data.hpp"

#include <string>
#include <string_view>

namespace actorgraph::tagger::internal {

// ASCII lower case of `word` into `out` (other bytes unchanged).
void LowerAscii(std::string_view word, std::string* out);

// The final "e" of a verb lemma the rules gave for a lower-cased "-ed"/"-ing" form, when the
// rules give the bare stem or the stem + "e": the one of the two that is a known training
// lemma ("convened" -> "convene", "chairing" -> "chair"), else by the spelling: a short
// syllable had a silent e ("zoned" -> "zone"), two vowels before the consonant had none
// ("chaired" -> "chair"). Otherwise `lemma` is left as it is.
void RepairFinalE(const ModelData& d, std::string_view lower, std::string* lemma);

// The lemma by the rules alone: the longest suffix (up to 6 bytes) of the lower-cased word
// that has a rule for `upos` (for a VERB, RepairFinalE after it); the word itself (PROPN) or
// lower-cased when none has one.
void RuleLemma(const ModelData& d, const KeyIndex& rules, std::string_view form, std::string_view lower, Upos upos,
               std::string* out);

}  // namespace actorgraph::tagger::internal

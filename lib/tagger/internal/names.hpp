// Training the name tagger (tools/train_names.cpp, the tests).
#pragma once

#include "common/status.hpp"
#include "tagger/names.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace actorgraph::tagger::internal {

// Training labels (NameSentence::labels) are BIO: 0 O, then B and I of each NameType: 1 B-PER,
// 2 I-PER, 3 B-ORG, 4 I-ORG, 5 B-LOC, 6 I-LOC.
inline constexpr int kBioLabels = 7;
// The model's labels are BILOU: 0 O, then for type t 1 + 4t B, 2 + 4t I (inside), 3 + 4t L
// (last word), 4 + 4t U (a name of one word). TrainNames converts.
inline constexpr int kNameLabels = 13;

struct NameSentence {
  std::string text;
  std::vector<Token> words;
  std::vector<std::uint32_t> tag_classes;  // Model::TagClass of each word
  std::vector<NameHint> hints;
  std::vector<std::uint8_t> labels;
};

struct NameTrainOptions {
  int epochs = 8;
  std::uint64_t seed = 0x5EED;
  float prune = 1.0f;
  // Each sentence's gazetteer hints are dropped with this probability (per sentence, fixed
  // seed), so the model learns names from the words as well and does not lean on the lists.
  double hint_dropout = 0.3;
};

Status TrainNames(const std::vector<NameSentence>& train, const NameTrainOptions& o, std::string* model_bytes,
                  std::string* log);

}  // namespace actorgraph::tagger::internal

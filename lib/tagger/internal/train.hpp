// Training a model from UD sentences (used by tools/train_tagger.cpp and by the tests).
// Deterministic: the same sentences and options give the same bytes (no threads, no
// clock, a fixed-seed shuffle, tables written in key order).
#pragma once

#include "common/status.hpp"
#include "tagger/internal/corpus.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace actorgraph::tagger::internal {

struct TrainOptions {
  int pos_epochs = 10;
  int chunk_epochs = 6;
  bool two_pass = true;
  int folds = 4;                // jackknife folds giving the second pass its first-pass tags
  std::uint64_t seed = 0x5EED;  // the shuffle's seed
  float prune = 2.0f;           // tagger rows whose averaged weights all stay below this are dropped
  float chunk_prune = 0.3f;     // the same for the chunker
  int dict_min_count = 1;       // a word enters the tag dictionary from this many occurrences
  int members = 3;              // perceptrons (shuffle seeds) averaged into each tagger table
  int dict_folds = 10;          // training sentences see a dictionary of the other folds
};

// Trains the tagger, the chunker and the lemma tables on `train`; `log` receives a line
// per epoch.
Status Train(const std::vector<Sentence>& train, const TrainOptions& options, std::string* model_bytes,
             std::string* log);

}  // namespace actorgraph::tagger::internal

// actorgraph — a trained name tagger: person, organisation and place names (BILOU, greedy
// averaged perceptron) over the words of one sentence.
//
// The features are the POS tagger's word features (tagger/internal/features.hpp: normalised
// word, affixes, shape), each word's part-of-speech class (the set of UPOS tags the word had
// in the POS tagger's training data, Model::TagClass: a lookup, not a tagging pass, so that
// the step stays cheap), the words and shapes around, the labels
// already chosen, and hints from outside the model (NameHint): where gazetteer matches of a
// kind start, continue and end, listed given names, title phrases right before. The model
// file (data/models/names-en.agn) is written by actorgraph-train-names
// (scripts/train-models.sh); its format is the tagger's: sorted 64-bit feature keys, int16
// weight rows, an FNV-1a checksum, every count checked on load.
//
// Threading: a NameModel is immutable after Load; each thread uses its own NameTagger.
#pragma once

#include "common/status.hpp"
#include "tagger/tagger.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::tagger {

enum class NameType : std::uint8_t { kPerson, kOrganization, kLocation };
std::string_view NameTypeName(NameType type);  // "PER", "ORG", "LOC"

// What the text around a word says that the words alone do not.
struct NameHint {
  std::uint8_t gaz_kind = 0;  // 0: in no gazetteer match; else 1 + gazetteer::Kind of the match
  std::uint8_t gaz_pos = 0;   // 1 first word of the match, 2 inside, 3 last, 4 the whole match
  bool given = false;         // a listed given name
  bool title_before = false;  // the word right before is part of a title phrase ("Minister")
};

// A name over words [first, end) of the sentence.
struct NameSpan {
  std::uint32_t first = 0, end = 0;
  NameType type = NameType::kPerson;
  float margin = 0;  // the smallest, over its words, of (chosen label's score - best other's)
};

class NameModel {
 public:
  NameModel();
  ~NameModel();
  NameModel(NameModel&&) noexcept;
  NameModel& operator=(NameModel&&) noexcept;

  // Errors as tagger::Model::Load's.
  static Status Load(const std::string& path, NameModel* out);
  static Status FromBytes(std::string_view bytes, const std::string& name, NameModel* out);
  bool empty() const { return impl_ == nullptr; }

  struct Impl;
  const Impl* impl() const { return impl_.get(); }

 private:
  std::unique_ptr<Impl> impl_;
};

class NameTagger {
 public:
  explicit NameTagger(const NameModel& model);  // must outlive the NameTagger
  ~NameTagger();
  NameTagger(const NameTagger&) = delete;
  NameTagger& operator=(const NameTagger&) = delete;

  // The names among `tokens` (the words of one sentence of `text`, or of a window of one,
  // with their part-of-speech classes and hints: tokens.size() of each), in order, replacing
  // `*out`. The margins are in units of one averaged perceptron update.
  void Tag(std::string_view text, std::span<const Token> tokens, const std::uint32_t* tag_classes,
           const NameHint* hints, std::vector<NameSpan>* out);

 private:
  struct Scratch;
  const NameModel::Impl* model_;
  std::unique_ptr<Scratch> scratch_;
};

}  // namespace actorgraph::tagger

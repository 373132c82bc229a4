// actorgraph — part-of-speech tagging, lemmas and base chunks for English news text.
//
// Three steps, each usable alone:
//   Tokenize   splits raw text into the syntactic words of Universal Dependencies English
//              (EWT/GUM conventions: "don't" -> "do" + "n't", "Putin's" -> "Putin" + "'s",
//              "U.S." and "e-mail" one word, "well-known" -> "well" "-" "known").
//   Tagger     tags the words of one sentence with UPOS (an averaged perceptron whose model
//              is loaded once from data/models/pos-en.agt), lemmatises them and marks base
//              noun phrases and verb groups as BIO chunks.
//
// Threading: a Model is immutable after Load and may be shared by any number of threads;
// each thread uses its own Tagger (scratch buffers), which must not outlive the Model.
// Nothing here throws; failures are Status values (common/status.hpp).
//
// Deviations from the first sketch of this API, on purpose:
//   * ChunkTags takes `text` too: the chunker is trained and looks at a few closed-class
//     words ("her", "that", "'s") that the tags alone leave ambiguous.
//   * Lemmatize writes std::string lemmas (the vector is reused across calls, so its
//     strings keep their capacity and steady-state calls do not allocate).
// TAGGER.md describes the features, the model format, the chunk definition and the figures.
#pragma once

#include "common/status.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::tagger {

// The 17 Universal POS tags, in the order of the UD documentation.
enum class Upos : std::uint8_t {
  kAdj,
  kAdp,
  kAdv,
  kAux,
  kCconj,
  kDet,
  kIntj,
  kNoun,
  kNum,
  kPart,
  kPron,
  kPropn,
  kPunct,
  kSconj,
  kSym,
  kVerb,
  kX
};
inline constexpr int kUposCount = 17;
std::string_view UposName(Upos upos);  // "ADJ", "ADP", ...; "?" for a value out of range
// The tag named `name` ("NOUN"), or false when it is not one of the 17.
bool ParseUpos(std::string_view name, Upos* out);

enum class Chunk : std::uint8_t { kO, kBeginNp, kInsideNp, kBeginVp, kInsideVp };
inline constexpr int kChunkCount = 5;
std::string_view ChunkName(Chunk chunk);  // "O", "B-NP", "I-NP", "B-VP", "I-VP"

// One word: bytes [start, end) of the text it came from (end > start).
struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

// Appends the words of `text` to `out`, each offset by `base` (so a caller tokenising one
// sentence of a document passes the sentence's offset). Safe on any bytes: invalid UTF-8,
// control characters and any script give spans inside the text; whitespace (ASCII and the
// Unicode spaces) separates words and is never part of one. `text` must be shorter than
// 4 GiB - base.
void Tokenize(std::string_view text, std::uint32_t base, std::vector<Token>* out);

class Model {
 public:
  Model();
  ~Model();
  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  // Reads and validates a model file. A damaged, truncated or foreign file gives
  // BadInput("<path>: byte N: ...; retrain it with scripts/train-models.sh"); an unreadable
  // one gives Io. On failure `out` is left empty.
  static Status Load(const std::string& path, Model* out);
  // The same from the bytes of a file (`name` is used in messages).
  static Status FromBytes(std::string_view bytes, const std::string& name, Model* out);

  bool empty() const { return impl_ == nullptr; }

  // Whether `word` may be a proper noun: it is not in the training data's tag dictionary, or
  // PROPN is among its tags there. False for "Return", "Officials" (VERB, NOUN only); true
  // for "Petrov", "Washington", and for anything with an empty model. A cheap filter before
  // tagging.
  bool MayBeProperNoun(std::string_view word) const;
  // The tags `word` had in the training data, as a bit set over Upos (bit 1 << Upos), or 0
  // for a word not in the tag dictionary (or an empty model).
  std::uint32_t TagClass(std::string_view word) const;

  struct Impl;
  const Impl* impl() const { return impl_.get(); }

 private:
  std::unique_ptr<Impl> impl_;
};

class Tagger {
 public:
  // `model` must be loaded and must outlive the Tagger.
  explicit Tagger(const Model& model);
  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // `text` is the whole document; `tokens` are the words of ONE sentence (offsets into
  // `text`, in order). Writes tokens.size() tags to `upos`. Tokens whose span lies outside
  // `text` are treated as empty words.
  void Tag(std::string_view text, std::span<const Token> tokens, Upos* upos);

  // Replaces `*lemmas` with one lemma per token ("met"/VERB -> "meet", "talks"/NOUN ->
  // "talk"): the training data's lemma for a known word form and tag, else suffix rules
  // learned from the training data.
  void Lemmatize(std::string_view text, std::span<const Token> tokens, const Upos* upos,
                 std::vector<std::string>* lemmas);

  // Writes one BIO chunk label per token: base noun phrases (NP) and verb groups (VP:
  // auxiliaries, negation and adverbs up to the verb). The output is always well formed
  // (an I-X only follows a B-X or I-X).
  void ChunkTags(std::string_view text, std::span<const Token> tokens, const Upos* upos, Chunk* chunks);

  // Tag, Lemmatize and ChunkTags of one sentence, with the same results, describing the words
  // once instead of twice.
  void TagSentence(std::string_view text, std::span<const Token> tokens, Upos* upos, std::vector<std::string>* lemmas,
                   Chunk* chunks);

 private:
  // Fills the tag-dictionary bits of the described words and their own features' sums, from
  // a cache of word types.
  void OwnFeatures();
  // ChunkTags over the words scratch_ describes already.
  void ChunkDescribed(int n, const Upos* upos, Chunk* chunks);
  struct Scratch;
  const Model::Impl* model_;
  std::unique_ptr<Scratch> scratch_;
};

}  // namespace actorgraph::tagger

// Tagging, lemmatising and chunking one sentence with a loaded model.
#include "tagger/tagger.hpp"

#include "tagger/internal/features.hpp"
#include "tagger/internal/lemma.hpp"
#include "tagger/internal/model_data.hpp"

#include <algorithm>
#include <array>

namespace actorgraph::tagger {
namespace {

constexpr std::array<std::string_view, kUposCount> kUposNames = {"ADJ",   "ADP",   "ADV", "AUX",  "CCONJ", "DET",
                                                                 "INTJ",  "NOUN",  "NUM", "PART", "PRON",  "PROPN",
                                                                 "PUNCT", "SCONJ", "SYM", "VERB", "X"};
constexpr std::array<std::string_view, kChunkCount> kChunkNames = {"O", "B-NP", "I-NP", "B-VP", "I-VP"};

// Sums the weight rows of `keys` into scores[0..classes), starting from base[0..classes) (or
// 0). Three passes, so that the loads of each overlap: the index slots of all keys, then the
// rows found, then the sums (the same sums as one pass; about 1.3x the words per second on
// 2026-12-07).
template <int kClasses>
void Score(const internal::KeyIndex& index, const internal::WeightTable& table, const std::uint64_t* keys, int n,
           std::int32_t* scores, const std::int32_t* base = nullptr) {
  std::int64_t rows[internal::kMaxFeatures];
  for (int k = 0; k < n; ++k) index.Prefetch(keys[k]);
  for (int k = 0; k < n; ++k) {
    rows[k] = index.Find(keys[k]);
    if (rows[k] >= 0) __builtin_prefetch(table.weights.data() + rows[k] * kClasses);
  }
  for (int c = 0; c < kClasses; ++c) scores[c] = base != nullptr ? base[c] : 0;
  for (int k = 0; k < n; ++k) {
    if (rows[k] < 0) continue;
    const std::int16_t* w = table.weights.data() + rows[k] * kClasses;
    for (int c = 0; c < kClasses; ++c) scores[c] += w[c];
  }
}

int Argmax(const std::int32_t* scores, int n) {
  int best = 0;
  for (int c = 1; c < n; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

}  // namespace

std::string_view UposName(Upos upos) {
  auto i = static_cast<std::size_t>(upos);
  return i < kUposNames.size() ? kUposNames[i] : "?";
}

bool ParseUpos(std::string_view name, Upos* out) {
  for (std::size_t i = 0; i < kUposNames.size(); ++i) {
    if (kUposNames[i] == name) {
      *out = static_cast<Upos>(i);
      return true;
    }
  }
  return false;
}

std::string_view ChunkName(Chunk chunk) {
  auto i = static_cast<std::size_t>(chunk);
  return i < kChunkNames.size() ? kChunkNames[i] : "?";
}

std::uint32_t Model::TagClass(std::string_view word) const {
  if (impl_ == nullptr) return 0;
  thread_local std::string norm;
  norm.clear();
  internal::NormaliseWord(word, &norm);
  const std::int64_t a = impl_->amb.Find(internal::HashBytes(norm));
  return a < 0 ? 0 : impl_->data.amb_masks[a];
}

bool Model::MayBeProperNoun(std::string_view word) const {
  const std::uint32_t c = TagClass(word);
  return c == 0 || (c & (1U << static_cast<int>(Upos::kPropn))) != 0;
}

// The sums of a word type's own features (PosWordFeatures) in both passes, and its
// tag-dictionary bits: most tokens of a text are of a few thousand word types, so the tagger
// looks up 15 to 19 keys per token and pass instead of 27 to 31 (identical scores: integer
// sums in another order).
struct OwnScores {
  std::uint64_t word = 0, shape = 0;
  std::uint32_t amb = 0;
  bool filled = false;
  std::int32_t pos[kUposCount] = {}, pos2[kUposCount] = {};
};

struct Tagger::Scratch {
  std::string lower;
  std::vector<internal::WordInfo> info;
  std::vector<std::uint8_t> tags, first;
  std::array<std::uint64_t, internal::kMaxFeatures> keys;
  std::vector<OwnScores> cache;  // direct-mapped by word and shape; allocated by the first Tag
  std::vector<OwnScores> own;    // per word of the sentence (copies: two words may share a slot)
  // The chunker's sums of the features of a tag window (ChunkWindowFeatures), direct-mapped by
  // ChunkWindow; allocated by the first chunking.
  struct WindowScores {
    std::uint64_t window = 0;  // 0: empty
    std::int32_t sums[kChunkCount] = {};
  };
  std::vector<WindowScores> windows;
};

namespace {
constexpr std::size_t kOwnCacheSlots = std::size_t{1} << 13, kWindowCacheSlots = std::size_t{1} << 12;
}  // namespace

void Tagger::OwnFeatures() {
  Scratch& s = *scratch_;
  if (s.cache.empty()) s.cache.resize(kOwnCacheSlots);
  s.own.resize(s.info.size());
  const bool two_pass = (model_->data.flags & internal::kFlagTwoPass) != 0;
  for (std::size_t i = 0; i < s.info.size(); ++i) {
    internal::WordInfo& w = s.info[i];
    OwnScores& c = s.cache[(w.word + w.shape * 0x9E3779B97F4A7C15ULL) & (kOwnCacheSlots - 1)];
    if (!c.filled || c.word != w.word || c.shape != w.shape) {
      const std::int64_t a = model_->amb.Find(w.word);
      w.amb = a < 0 ? 0 : model_->data.amb_masks[a];
      c.word = w.word;
      c.shape = w.shape;
      c.amb = w.amb;
      c.filled = true;
      const int k = internal::PosWordFeatures(w, s.keys.data());
      Score<kUposCount>(model_->pos, model_->data.pos, s.keys.data(), k, c.pos);
      if (two_pass) Score<kUposCount>(model_->pos2, model_->data.pos2, s.keys.data(), k, c.pos2);
    }
    w.amb = c.amb;
    s.own[i] = c;
  }
}

Tagger::Tagger(const Model& model) : model_(model.impl()), scratch_(std::make_unique<Scratch>()) {}
Tagger::~Tagger() = default;

void Tagger::Tag(std::string_view text, std::span<const Token> tokens, Upos* upos) {
  if (model_ == nullptr) {
    std::fill(upos, upos + tokens.size(), Upos::kX);
    return;
  }
  Scratch& s = *scratch_;
  internal::Describe(text, tokens, &s.lower, &s.info);
  const int n = static_cast<int>(tokens.size());
  OwnFeatures();
  s.tags.resize(n);
  std::int32_t scores[kUposCount];
  for (int i = 0; i < n; ++i) {
    int k = internal::PosContextFeatures(s.info.data(), n, i, s.tags.data(), nullptr, s.keys.data());
    Score<kUposCount>(model_->pos, model_->data.pos, s.keys.data(), k, scores, s.own[i].pos);
    s.tags[i] = static_cast<std::uint8_t>(Argmax(scores, kUposCount));
  }
  if (model_->data.flags & internal::kFlagTwoPass) {
    s.first = s.tags;
    for (int i = 0; i < n; ++i) {
      int k = internal::PosContextFeatures(s.info.data(), n, i, s.tags.data(), s.first.data(), s.keys.data());
      Score<kUposCount>(model_->pos2, model_->data.pos2, s.keys.data(), k, scores, s.own[i].pos2);
      s.tags[i] = static_cast<std::uint8_t>(Argmax(scores, kUposCount));
    }
  }
  for (int i = 0; i < n; ++i) upos[i] = static_cast<Upos>(s.tags[i]);
}

void Tagger::Lemmatize(std::string_view text, std::span<const Token> tokens, const Upos* upos,
                       std::vector<std::string>* lemmas) {
  lemmas->resize(tokens.size());
  Scratch& s = *scratch_;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string_view form;
    if (tokens[i].start < tokens[i].end && tokens[i].end <= text.size())
      form = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
    std::string& out = (*lemmas)[i];
    internal::LowerAscii(form, &s.lower);
    if (model_ == nullptr) {
      out = s.lower;
      continue;
    }
    std::int64_t e = model_->lex.Find(internal::LemmaKey(s.lower, upos[i]));
    if (e >= 0) {
      const internal::LemmaRule& r = model_->data.lex[e];
      out.assign(model_->data.pool, r.off, r.len);
      continue;
    }
    internal::RuleLemma(model_->data, model_->rules, form, s.lower, upos[i], &out);
  }
}

void Tagger::ChunkTags(std::string_view text, std::span<const Token> tokens, const Upos* upos, Chunk* chunks) {
  const int n = static_cast<int>(tokens.size());
  if (model_ == nullptr) {
    std::fill(chunks, chunks + n, Chunk::kO);
    return;
  }
  internal::Describe(text, tokens, &scratch_->lower, &scratch_->info);
  ChunkDescribed(n, upos, chunks);
}

void Tagger::TagSentence(std::string_view text, std::span<const Token> tokens, Upos* upos,
                         std::vector<std::string>* lemmas, Chunk* chunks) {
  Tag(text, tokens, upos);
  Lemmatize(text, tokens, upos, lemmas);
  const int n = static_cast<int>(tokens.size());
  if (model_ == nullptr) {
    std::fill(chunks, chunks + n, Chunk::kO);
    return;
  }
  // Tag described these words; Describe leaves the tag-dictionary bits 0, Tag filled them.
  for (internal::WordInfo& w : scratch_->info) w.amb = 0;
  ChunkDescribed(n, upos, chunks);
}

void Tagger::ChunkDescribed(int n, const Upos* upos, Chunk* chunks) {
  Scratch& s = *scratch_;
  s.tags.resize(n);
  s.first.resize(n);
  for (int i = 0; i < n; ++i) s.tags[i] = static_cast<std::uint8_t>(upos[i]) % kUposCount;
  if (s.windows.empty()) s.windows.resize(kWindowCacheSlots);
  std::int32_t scores[kChunkCount];
  for (int i = 0; i < n; ++i) {
    const std::uint64_t window = internal::ChunkWindow(s.tags.data(), n, i, s.first.data());
    Scratch::WindowScores& c = s.windows[internal::Mix(window) & (kWindowCacheSlots - 1)];
    if (c.window != window) {
      c.window = window;
      int k = internal::ChunkWindowFeatures(s.info.data(), s.tags.data(), n, i, s.first.data(), s.keys.data());
      Score<kChunkCount>(model_->chunk, model_->data.chunk, s.keys.data(), k, c.sums);
    }
    int k = internal::ChunkWordFeatures(s.info.data(), s.tags.data(), n, i, s.first.data(), s.keys.data());
    Score<kChunkCount>(model_->chunk, model_->data.chunk, s.keys.data(), k, scores, c.sums);
    auto prev = static_cast<Chunk>(i > 0 ? s.first[i - 1] : 0);
    if (prev != Chunk::kBeginNp && prev != Chunk::kInsideNp) scores[2] = INT32_MIN;
    if (prev != Chunk::kBeginVp && prev != Chunk::kInsideVp) scores[4] = INT32_MIN;
    s.first[i] = static_cast<std::uint8_t>(Argmax(scores, kChunkCount));
    chunks[i] = static_cast<Chunk>(s.first[i]);
  }
}

}  // namespace actorgraph::tagger

// The contents of a model file and its binary format (TAGGER.md, "Model file").
#pragma once

#include "common/status.hpp"
#include "tagger/internal/hash.hpp"
#include "tagger/tagger.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::tagger::internal {

inline constexpr char kMagic[8] = {'A', 'G', 'T', 'A', 'G', 'G', 'E', 'R'};
inline constexpr std::uint32_t kFormatVersion = 2;
inline constexpr std::uint32_t kFlagTwoPass = 1;

// A learned lemma rewrite: drop `strip` bytes from the end of the word (lower-cased first
// unless keep_case) and append pool[off, off + len).
struct LemmaRule {
  std::uint32_t off = 0;
  std::uint16_t len = 0;
  std::uint8_t strip = 0;
  std::uint8_t keep_case = 0;
};

// A weight table: sorted distinct non-zero keys, `classes` int16 weights per key.
struct WeightTable {
  std::vector<std::uint64_t> keys;
  std::vector<std::int16_t> weights;
};

struct ModelData {
  std::uint32_t flags = 0;
  WeightTable pos, pos2, chunk;         // pos2: the second pass (kFlagTwoPass), else empty
  std::vector<std::uint64_t> amb_keys;  // word hash -> tags seen in training
  std::vector<std::uint32_t> amb_masks;
  std::vector<std::uint64_t> lex_keys;  // LemmaKey(form, upos) -> lemma in pool
  std::vector<LemmaRule> lex;
  std::vector<std::uint64_t> rule_keys;  // RuleKey(suffix, upos) -> rewrite
  std::vector<LemmaRule> rules;
  std::vector<std::uint64_t> lemma_keys;  // HashBytes of every lower-case training lemma, sorted
  std::string pool;
};

inline std::uint64_t LemmaKey(std::string_view lower_form, Upos upos) {
  return Key(200, HashBytes(lower_form), static_cast<std::uint64_t>(upos));
}
inline std::uint64_t RuleKey(std::string_view suffix, Upos upos) {
  return Key(201, HashBytes(suffix), static_cast<std::uint64_t>(upos) + 32 * suffix.size());
}

// The file's bytes (deterministic: a function of `data` only).
std::string Serialize(const ModelData& data);
// Parses and validates the bytes of a file named `name`.
Status Parse(std::string_view bytes, const std::string& name, ModelData* data);

// The 64-bit FNV-1a checksum the file ends with.
std::uint64_t Checksum(std::string_view bytes);

}  // namespace actorgraph::tagger::internal

namespace actorgraph::tagger {

struct Model::Impl {
  internal::ModelData data;
  internal::KeyIndex pos, pos2, chunk, amb, lex, rules;
};

}  // namespace actorgraph::tagger

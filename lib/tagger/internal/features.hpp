// The features of the tagger and of the chunker, shared by training and tagging so the two
// can never disagree. TAGGER.md lists the templates.
#pragma once

#include "tagger/tagger.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::tagger::internal {

// What the feature templates need to know about one word, computed once per sentence.
struct WordInfo {
  std::uint64_t word = 0;     // hash of the normalised word (lower case, digits as 0)
  std::uint64_t suf[4] = {};  // hashes of its last 1..4 bytes
  std::uint64_t pre[3] = {};  // hashes of its first 1..3 bytes
  std::uint64_t shape = 0;    // hash of its shape ("Xx", "d.d", "x-x")
  std::uint32_t amb = 0;      // bit set of the tags it had in training (0: unknown / rare)
  std::uint32_t flags = 0;    // kCapital, kAllCaps, kDigit, kHyphen
};
inline constexpr std::uint32_t kCapital = 1, kAllCaps = 2, kDigit = 4, kHyphen = 8;

// The largest number of keys PosFeatures and ChunkFeatures write.
inline constexpr int kMaxFeatures = 48;
// The tag value of positions before the sentence.
inline constexpr std::uint8_t kStartTag = 31;

// Fills `info` (resized to tokens.size()) for the words of one sentence; `amb` is left 0.
// `lower` is scratch. Token spans outside `text` are read as empty words.
void Describe(std::string_view text, std::span<const Token> tokens, std::string* lower, std::vector<WordInfo>* info);

// The normalised form of a word (lower case ASCII, digits as 0) appended to `out`.
void NormaliseWord(std::string_view word, std::string* out);

// Keys of the tagger's features for word i; tags[0..i) are the tags already chosen.
// `right` (may be null) holds first-pass tags for the whole sentence: the second pass
// also sees the tags to the right. Returns the count written to keys.
int PosFeatures(const WordInfo* info, int n, int i, const std::uint8_t* tags, const std::uint8_t* right,
                std::uint64_t* keys);

// PosFeatures split in two: the keys that depend on the word alone (its word, affixes, shape
// and tag-dictionary bits: the same for every occurrence of a word with the same shape and
// `amb`), and the others. Their keys together are PosFeatures' keys; a tagger sums the
// first kind's weights once per word type.
inline constexpr unsigned kWordKeys = 1, kContextKeys = 2;
inline constexpr int kMaxWordFeatures = 12;
int PosWordFeatures(const WordInfo& word, std::uint64_t* keys);
int PosContextFeatures(const WordInfo* info, int n, int i, const std::uint8_t* tags, const std::uint8_t* right,
                       std::uint64_t* keys);

// Keys of the chunker's features for word i given the tags of all words and the chunk
// labels chosen for [0, i).
int ChunkFeatures(const WordInfo* info, const std::uint8_t* upos, int n, int i, const std::uint8_t* chunks,
                  std::uint64_t* keys);

// ChunkFeatures split in two: the keys that depend only on the tags of words i-2..i+2 and the
// chunk label of word i-1 (ChunkWindow packs those six values, exactly, into one non-zero
// number), and the others, which read the words. Together they are ChunkFeatures' keys; a
// chunker sums the first kind's weights once per window.
inline constexpr unsigned kWindowKeys = 4;
std::uint64_t ChunkWindow(const std::uint8_t* upos, int n, int i, const std::uint8_t* chunks);
int ChunkWindowFeatures(const WordInfo* info, const std::uint8_t* upos, int n, int i, const std::uint8_t* chunks,
                        std::uint64_t* keys);
int ChunkWordFeatures(const WordInfo* info, const std::uint8_t* upos, int n, int i, const std::uint8_t* chunks,
                      std::uint64_t* keys);

}  // namespace actorgraph::tagger::internal

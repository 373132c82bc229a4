// Reading UD CoNLL-U files for training and evaluation, and deriving gold chunks from
// their dependency trees.
#pragma once

#include "common/status.hpp"
#include "tagger/tagger.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace actorgraph::tagger::internal {

// One syntactic word of a CoNLL-U sentence; [start, end) are byte offsets into the
// sentence text.
struct Word {
  std::string form, lemma, xpos, deprel;
  Upos upos = Upos::kX;
  int head = 0;  // 1-based, 0 for the root
  std::uint32_t start = 0, end = 0;
};

struct Sentence {
  std::string doc;   // the `# newdoc id` in force
  std::string text;  // `# text =`, or the words joined per SpaceAfter when it does not match
  bool text_rebuilt = false;
  std::vector<Word> words;
};

// Reads every sentence of `path`; when `docs` is given only those of the documents in it.
// Multiword tokens ("don't" = "do" + "n't") give their words consecutive spans of the
// surface token when the words spell it (all of English UD 2.16 does), else every word gets
// the whole token's span. Empty nodes (8.1) are skipped.
Status ReadConllu(const std::string& path, const std::set<std::string>* docs, std::vector<Sentence>* out);

// The documents of GUM's genres.tsv whose class column is "open".
Status ReadOpenDocs(const std::string& genres_tsv, std::set<std::string>* docs);

// Gold chunk labels of a sentence from its tree (the definition in TAGGER.md, "Chunks").
std::vector<Chunk> DeriveChunks(const Sentence& s);

// The words' spans as Tokens.
std::vector<Token> WordTokens(const Sentence& s);

}  // namespace actorgraph::tagger::internal

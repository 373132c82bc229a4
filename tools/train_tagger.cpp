// actorgraph-train-tagger: trains data/models/pos-en.agt from UD English EWT (train) and
// the open-licence documents of UD English GUM (train). scripts/train-models.sh runs it.
#include "tagger/internal/corpus.hpp"
#include "tagger/internal/train.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>

namespace tg = actorgraph::tagger::internal;

int main(int argc, char** argv) {
  CLI::App app{"Train the actorgraph POS tagger, lemmatiser and chunker"};
  std::string shared = "../shared", out = "data/models/pos-en.agt";
  tg::TrainOptions o;
  bool single_pass = false;
  app.add_option("--shared", shared, "the shared data folder (holds data/ud-english-ewt, data/ud-english-gum)");
  app.add_option("--out", out, "the model file to write");
  app.add_option("--epochs", o.pos_epochs, "tagger training epochs");
  app.add_option("--chunk-epochs", o.chunk_epochs, "chunker training epochs");
  app.add_option("--prune", o.prune, "drop feature rows whose averaged weights stay below this");
  app.add_option("--dict-min-count", o.dict_min_count, "occurrences a word needs to enter the tag dictionary");
  app.add_option("--dict-folds", o.dict_folds, "folds for the training sentences' tag-dictionary bits (1: none)");
  app.add_flag("--single-pass", single_pass, "no second pass with right-context tags");
  app.add_option("--members", o.members, "perceptrons with different shuffle seeds averaged per tagger table");
  app.add_option("--seed", o.seed, "the shuffle's seed (the shipped model: the default)");
  CLI11_PARSE(app, argc, argv);
  o.two_pass = !single_pass;
  auto started = std::chrono::steady_clock::now();
  const std::string ewt = shared + "/data/ud-english-ewt/en_ewt-ud-train.conllu";
  const std::string gum = shared + "/data/ud-english-gum/en_gum-ud-train.conllu";
  const std::string genres = shared + "/data/ud-english-gum/genres.tsv";
  std::vector<tg::Sentence> train;
  std::set<std::string> open_docs;
  actorgraph::Status st = tg::ReadConllu(ewt, nullptr, &train);
  if (st.ok()) st = tg::ReadOpenDocs(genres, &open_docs);
  std::size_t ewt_count = train.size();
  if (st.ok()) st = tg::ReadConllu(gum, &open_docs, &train);
  if (!st.ok()) {
    std::fprintf(stderr, "actorgraph-train-tagger: %s\n", st.message().c_str());
    return st.exit_code();
  }
  std::size_t words = 0;
  for (const auto& s : train) words += s.words.size();
  std::fprintf(stderr, "training on %zu EWT + %zu GUM (open genres, %zu documents) sentences, %zu words\n", ewt_count,
               train.size() - ewt_count, open_docs.size(), words);
  std::string bytes, log;
  st = tg::Train(train, o, &bytes, &log);
  std::fputs(log.c_str(), stderr);
  if (!st.ok()) {
    std::fprintf(stderr, "actorgraph-train-tagger: %s\n", st.message().c_str());
    return st.exit_code();
  }
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) {
    std::fprintf(stderr, "actorgraph-train-tagger: %s: cannot write\n", out.c_str());
    return 3;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "wrote %s (%zu bytes) in %.1f s\n", out.c_str(), bytes.size(), secs);
  return 0;
}

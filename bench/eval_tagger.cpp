// eval_tagger: accuracy and speed of the tagger stage on UD test files.
//
//   eval_tagger [--model data/models/pos-en.agt] [--shared ../shared] [--dev] [--confusion]
//               [--show-tokens] [--dump FILE] [--speed-only]
//
// For each test file the `# text =` of each sentence is tokenised by tagger::Tokenize and
// tagged; a token counts as correct when its byte span equals a gold word's span and its
// UPOS (or lemma) is right: accuracy = correct / gold words. Tokenisation F1 compares the
// spans. Chunk F1 compares (type, first byte, last byte) of the chunks against those
// derived from the gold trees (internal::DeriveChunks). The same figures on gold words
// ("gold-tok") and chunks over gold tags are printed for reference.
#include "tagger/internal/corpus.hpp"
#include "tagger/tagger.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace tg = actorgraph::tagger;
namespace ti = actorgraph::tagger::internal;
using Clock = std::chrono::steady_clock;

namespace {

struct Counts {
  std::size_t gold = 0, pred = 0, span_ok = 0, upos_ok = 0, lemma_ok = 0;
  std::size_t chunk_gold = 0, chunk_pred = 0, chunk_ok = 0;
  double F1(std::size_t ok, std::size_t p, std::size_t g) const { return p + g == 0 ? 0 : 2.0 * ok / (p + g); }
};

bool g_speed_only = false;  // --speed-only: only the speed figures
bool g_confusion = false;   // --confusion: the most frequent (gold, predicted) UPOS errors on gold words
std::map<std::pair<int, int>, int> g_errors;

using ChunkSpan = std::tuple<int, std::uint32_t, std::uint32_t>;  // NP=0/VP=1, start, end

std::set<ChunkSpan> Spans(std::span<const tg::Token> toks, const std::vector<tg::Chunk>& c) {
  std::set<ChunkSpan> out;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (c[i] != tg::Chunk::kBeginNp && c[i] != tg::Chunk::kBeginVp) continue;
    tg::Chunk inside = c[i] == tg::Chunk::kBeginNp ? tg::Chunk::kInsideNp : tg::Chunk::kInsideVp;
    std::size_t j = i;
    while (j + 1 < toks.size() && c[j + 1] == inside) ++j;
    out.emplace(c[i] == tg::Chunk::kBeginNp ? 0 : 1, toks[i].start, toks[j].end);
  }
  return out;
}

void AddChunks(const std::set<ChunkSpan>& gold, const std::set<ChunkSpan>& pred, Counts* c) {
  c->chunk_gold += gold.size();
  c->chunk_pred += pred.size();
  for (const ChunkSpan& s : pred) c->chunk_ok += gold.count(s);
}

// Tags `toks` of sentence s and scores them against its gold words.
void Score(tg::Tagger& tagger, const ti::Sentence& s, std::span<const tg::Token> toks, Counts* c,
           Counts* gold_tags_chunks) {
  std::vector<tg::Upos> upos(toks.size());
  std::vector<std::string> lemmas;
  std::vector<tg::Chunk> chunks(toks.size());
  tagger.Tag(s.text, toks, upos.data());
  tagger.Lemmatize(s.text, toks, upos.data(), &lemmas);
  tagger.ChunkTags(s.text, toks, upos.data(), chunks.data());
  std::unordered_map<std::uint64_t, std::size_t> gold;
  for (std::size_t w = 0; w < s.words.size(); ++w)
    gold.emplace((std::uint64_t{s.words[w].start} << 32) | s.words[w].end, w);
  c->gold += s.words.size();
  c->pred += toks.size();
  for (std::size_t i = 0; i < toks.size(); ++i) {
    auto it = gold.find((std::uint64_t{toks[i].start} << 32) | toks[i].end);
    if (it == gold.end()) continue;
    const ti::Word& w = s.words[it->second];
    c->span_ok++;
    c->upos_ok += upos[i] == w.upos;
    if (gold_tags_chunks != nullptr && upos[i] != w.upos)
      g_errors[{static_cast<int>(w.upos), static_cast<int>(upos[i])}]++;
    c->lemma_ok += lemmas[i] == w.lemma;
  }
  std::vector<tg::Token> gold_toks = ti::WordTokens(s);
  std::set<ChunkSpan> gold_chunks = Spans(gold_toks, ti::DeriveChunks(s));
  AddChunks(gold_chunks, Spans(toks, chunks), c);
  if (gold_tags_chunks != nullptr) {
    std::vector<tg::Upos> g(s.words.size());
    for (std::size_t w = 0; w < g.size(); ++w) g[w] = s.words[w].upos;
    std::vector<tg::Chunk> gc(g.size());
    tagger.ChunkTags(s.text, gold_toks, g.data(), gc.data());
    AddChunks(gold_chunks, Spans(gold_toks, gc), gold_tags_chunks);
  }
}

bool g_show_tokens = false;   // --show-tokens: print each sentence the tokenizer gets wrong
std::FILE* g_dump = nullptr;  // --dump FILE: the raw-text words, tags and lemmas of every sentence

// One line per sentence ("S", its text) and per word (start, end, UPOS, lemma), tab-separated.
void Dump(tg::Tagger& tagger, const ti::Sentence& s, const std::vector<tg::Token>& toks) {
  std::vector<tg::Upos> upos(toks.size());
  std::vector<std::string> lemmas;
  tagger.Tag(s.text, toks, upos.data());
  tagger.Lemmatize(s.text, toks, upos.data(), &lemmas);
  std::fprintf(g_dump, "S\t%s\n", s.text.c_str());
  for (std::size_t i = 0; i < toks.size(); ++i)
    std::fprintf(g_dump, "%u\t%u\t%s\t%s\n", toks[i].start, toks[i].end, tg::UposName(upos[i]).data(),
                 lemmas[i].c_str());
}

void ShowTokens(const ti::Sentence& s, const std::vector<tg::Token>& toks) {
  std::string got, want;
  for (const tg::Token& t : toks) got += s.text.substr(t.start, t.end - t.start) + " | ";
  for (const ti::Word& w : s.words) want += s.text.substr(w.start, w.end - w.start) + " | ";
  if (got != want) std::printf("GOT  %s\nWANT %s\n", got.c_str(), want.c_str());
}

void Evaluate(tg::Tagger& tagger, const std::string& name, const std::vector<ti::Sentence>& sents) {
  Counts raw, gtok, gtags;
  std::vector<tg::Token> toks;
  for (const ti::Sentence& s : sents) {
    toks.clear();
    tg::Tokenize(s.text, 0, &toks);
    if (g_show_tokens) ShowTokens(s, toks);
    if (g_dump != nullptr) Dump(tagger, s, toks);
    Score(tagger, s, toks, &raw, nullptr);
    std::vector<tg::Token> gold_toks = ti::WordTokens(s);
    Score(tagger, s, gold_toks, &gtok, &gtags);
  }
  auto pct = [](std::size_t a, std::size_t b) { return b == 0 ? 0.0 : 100.0 * a / b; };
  std::printf("%s: %zu sentences, %zu gold words\n", name.c_str(), sents.size(), raw.gold);
  std::printf("  raw text : UPOS %.2f %%  lemma %.2f %%  tokens P %.2f R %.2f F1 %.2f  chunk F1 %.4f\n",
              pct(raw.upos_ok, raw.gold), pct(raw.lemma_ok, raw.gold), pct(raw.span_ok, raw.pred),
              pct(raw.span_ok, raw.gold), 100 * raw.F1(raw.span_ok, raw.pred, raw.gold),
              raw.F1(raw.chunk_ok, raw.chunk_pred, raw.chunk_gold));
  std::printf("  gold tok : UPOS %.2f %%  lemma %.2f %%  chunk F1 %.4f (predicted tags), %.4f (gold tags)\n",
              pct(gtok.upos_ok, gtok.gold), pct(gtok.lemma_ok, gtok.gold),
              gtok.F1(gtok.chunk_ok, gtok.chunk_pred, gtok.chunk_gold),
              gtags.F1(gtags.chunk_ok, gtags.chunk_pred, gtags.chunk_gold));
}

double Seconds(Clock::time_point a) { return std::chrono::duration<double>(Clock::now() - a).count(); }

// Tokens per second, best of 5 passes over the sentences, one thread, for each part of the
// `tag` step alone and for all of it: tokenize, tag, lemmas (on the predicted tags), chunks
// (on the predicted tags), and tokenize+tag+lemmas+chunks.
void Speed(tg::Tagger& tagger, const std::vector<ti::Sentence>& sents) {
  std::vector<std::vector<tg::Token>> toks(sents.size());
  std::vector<std::vector<tg::Upos>> tags(sents.size());
  std::size_t words = 0;
  for (std::size_t i = 0; i < sents.size(); ++i) {
    tg::Tokenize(sents[i].text, 0, &toks[i]);
    tags[i].resize(toks[i].size());
    tagger.Tag(sents[i].text, toks[i], tags[i].data());
    words += toks[i].size();
  }
  enum Mode { kTag, kTokenize, kTokenizeTag, kLemmas, kChunks, kAll, kModes };
  const char* what[] = {"tag only", "tokenize only", "tokenize+tag", "lemmas only", "chunks only", "all four"};
  std::vector<tg::Upos> upos(1024);
  std::vector<tg::Chunk> chunks(1024);
  std::vector<std::string> lemmas;
  std::vector<tg::Token> scratch;
  for (int mode = 0; mode < kModes; ++mode) {
    double best = 1e9;
    for (int rep = 0; rep < 5; ++rep) {
      auto t0 = Clock::now();
      for (std::size_t i = 0; i < sents.size(); ++i) {
        std::span<const tg::Token> span = toks[i];
        if (mode == kTokenize || mode == kTokenizeTag || mode == kAll) {
          scratch.clear();
          tg::Tokenize(sents[i].text, 0, &scratch);
          span = scratch;
        }
        if (upos.size() < span.size()) {
          upos.resize(span.size());
          chunks.resize(span.size());
        }
        if (mode == kTag || mode == kTokenizeTag || mode == kAll) tagger.Tag(sents[i].text, span, upos.data());
        const tg::Upos* t = mode == kAll ? upos.data() : tags[i].data();
        if (mode == kLemmas || mode == kAll) tagger.Lemmatize(sents[i].text, span, t, &lemmas);
        if (mode == kChunks || mode == kAll) tagger.ChunkTags(sents[i].text, span, t, chunks.data());
      }
      best = std::min(best, Seconds(t0));
    }
    std::printf("speed, %-13s: %.0f tokens/s (%zu tokens, best of 5, one thread)\n", what[mode], words / best, words);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path = "data/models/pos-en.agt", shared = "../shared";
  bool dev = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--model" && i + 1 < argc)
      model_path = argv[++i];
    else if (a == "--shared" && i + 1 < argc)
      shared = argv[++i];
    else if (a == "--dev")
      dev = true;
    else if (a == "--speed-only")
      g_speed_only = true;
    else if (a == "--confusion")
      g_confusion = true;
    else if (a == "--show-tokens")
      g_show_tokens = true;
    else if (a == "--dump" && i + 1 < argc)
      g_dump = std::fopen(argv[++i], "w");
    else {
      std::fprintf(stderr,
                   "usage: eval_tagger [--model FILE] [--shared DIR] [--dev] [--show-tokens] [--dump FILE] "
                   "[--speed-only]\n");
      return 2;
    }
  }
  tg::Model model;
  auto t0 = Clock::now();
  actorgraph::Status st = tg::Model::Load(model_path, &model);
  double load = Seconds(t0);
  if (!st.ok()) {
    std::fprintf(stderr, "eval_tagger: %s\n", st.message().c_str());
    return st.exit_code();
  }
  std::printf("model %s loaded in %.1f ms\n", model_path.c_str(), load * 1000);
  tg::Tagger tagger(model);
  std::vector<std::pair<std::string, std::string>> files = {
      {"EWT test", shared + "/data/ud-english-ewt/en_ewt-ud-test.conllu"},
      {"PUD test", shared + "/data/ud-english-pud/en_pud-ud-test.conllu"}};
  if (dev) {
    files = {{"EWT dev", shared + "/data/ud-english-ewt/en_ewt-ud-dev.conllu"},
             {"GUM dev", shared + "/data/ud-english-gum/en_gum-ud-dev.conllu"}};
  }
  std::vector<ti::Sentence> all;
  for (const auto& [name, path] : files) {
    std::vector<ti::Sentence> sents;
    st = ti::ReadConllu(path, nullptr, &sents);
    if (!st.ok()) {
      std::fprintf(stderr, "eval_tagger: %s\n", st.message().c_str());
      return st.exit_code();
    }
    if (!g_speed_only) Evaluate(tagger, name, sents);
    all.insert(all.end(), sents.begin(), sents.end());
  }
  if (g_confusion) {
    std::vector<std::pair<int, std::pair<int, int>>> errs;
    for (const auto& [k, v] : g_errors) errs.push_back({v, k});
    std::sort(errs.rbegin(), errs.rend());
    for (std::size_t i = 0; i < errs.size() && i < 20; ++i)
      std::printf("  %5d gold %-6s tagged %s\n", errs[i].first,
                  tg::UposName(static_cast<tg::Upos>(errs[i].second.first)).data(),
                  tg::UposName(static_cast<tg::Upos>(errs[i].second.second)).data());
  }
  Speed(tagger, all);
  return 0;
}

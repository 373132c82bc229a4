// Averaged-perceptron training of the tagger and the chunker, and the learning of lemma
// tables. Single-threaded and deterministic.
#include "tagger/internal/train.hpp"

#include "tagger/internal/features.hpp"
#include "tagger/internal/hash.hpp"
#include "tagger/internal/lemma.hpp"
#include "tagger/internal/model_data.hpp"
#include "tagger/internal/perceptron.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace actorgraph::tagger::internal {
namespace {

using Tags = std::vector<std::uint8_t>;

struct Prepared {
  std::vector<WordInfo> info;
  Tags upos, chunks;
};

// Word hash -> the tags it had (each with at least 5 % of its occurrences), for words seen
// at least min_count times.
// With folds > 1, only the sentences whose index % folds != leave_out count.
void BuildDictionary(const std::vector<Sentence>& train, int min_count, int folds, int leave_out, ModelData* d) {
  std::map<std::uint64_t, std::array<int, kUposCount>> counts;
  std::string norm;
  for (std::size_t i = 0; i < train.size(); ++i) {
    if (folds > 1 && static_cast<int>(i % folds) == leave_out) continue;
    for (const Word& w : train[i].words) {
      norm.clear();
      NormaliseWord(w.form, &norm);
      counts[HashBytes(norm)][static_cast<int>(w.upos)]++;
    }
  }
  for (const auto& [key, c] : counts) {
    int total = 0;
    for (int x : c) total += x;
    if (total < min_count) continue;
    std::uint32_t mask = 0;
    for (int t = 0; t < kUposCount; ++t)
      if (c[t] * 20 >= total) mask |= 1U << t;
    d->amb_keys.push_back(key);
    d->amb_masks.push_back(mask);
  }
}

// The training sentences with their features. Each sentence's tag-dictionary bits come
// from a dictionary of the other folds (as a new text's words are looked up in a dictionary
// that did not see that text), so the tagger learns how far to trust them.
std::vector<Prepared> Prepare(const std::vector<Sentence>& train, const TrainOptions& o) {
  std::vector<Prepared> out(train.size());
  std::string scratch;
  for (std::size_t i = 0; i < train.size(); ++i) {
    const Sentence& s = train[i];
    std::vector<Token> toks = WordTokens(s);
    Describe(s.text, toks, &scratch, &out[i].info);
    for (const Word& w : s.words) out[i].upos.push_back(static_cast<std::uint8_t>(w.upos));
    for (Chunk c : DeriveChunks(s)) out[i].chunks.push_back(static_cast<std::uint8_t>(c));
  }
  const int folds = std::max(1, o.dict_folds);
  for (int f = 0; f < folds; ++f) {
    ModelData d;
    BuildDictionary(train, o.dict_min_count, folds, f, &d);
    KeyIndex amb;
    amb.Build(d.amb_keys.data(), static_cast<std::uint32_t>(d.amb_keys.size()));
    for (std::size_t i = static_cast<std::size_t>(f); i < train.size(); i += folds) {
      for (WordInfo& w : out[i].info) {
        std::int64_t a = amb.Find(w.word);
        w.amb = a < 0 ? 0 : d.amb_masks[a];
      }
    }
  }
  return out;
}

// Greedy POS decoding of one sentence with the training weights (or, with `table`, with a
// finished table); `right` are first-pass tags for the second pass.
void DecodePos(const Perceptron* p, const KeyIndex* index, const WeightTable* table, const Prepared& s,
               const Tags* right, Tags* out) {
  const int n = static_cast<int>(s.info.size());
  out->assign(n, 0);
  std::uint64_t keys[kMaxFeatures];
  float scores[kUposCount];
  for (int i = 0; i < n; ++i) {
    int k = PosFeatures(s.info.data(), n, i, out->data(), right ? right->data() : nullptr, keys);
    if (p != nullptr) {
      p->Score(keys, k, scores);
    } else {
      std::fill(scores, scores + kUposCount, 0.0f);
      for (int f = 0; f < k; ++f) {
        std::int64_t r = index->Find(keys[f]);
        if (r >= 0)
          for (int c = 0; c < kUposCount; ++c) scores[c] += table->weights[r * kUposCount + c];
      }
    }
    (*out)[i] = static_cast<std::uint8_t>(ArgmaxF(scores, kUposCount));
  }
}

// Trains one perceptron on the sentences of `order` (shuffled in place each epoch) with the
// shuffle seeded by `seed`; `right` (or null) gives each sentence's first-pass tags.
void TrainPosMember(const std::vector<Prepared>& data, std::vector<int>* order, const std::vector<Tags>* right,
                    const TrainOptions& o, std::uint64_t seed, const char* name, std::string* log, Perceptron* pp) {
  Perceptron& p = *pp;
  std::vector<int>& subset = *order;
  std::uint64_t rng = seed;
  std::uint64_t keys[kMaxFeatures];
  float scores[kUposCount];
  Tags tags;
  for (int epoch = 0; epoch < o.pos_epochs; ++epoch) {
    Shuffle(&subset, &rng);
    std::size_t correct = 0, total = 0;
    for (int si : subset) {
      const Prepared& s = data[si];
      const int n = static_cast<int>(s.info.size());
      tags.assign(n, 0);
      const std::uint8_t* r = right ? (*right)[si].data() : nullptr;
      for (int i = 0; i < n; ++i) {
        int k = PosFeatures(s.info.data(), n, i, tags.data(), r, keys);
        p.Tick();
        p.Score(keys, k, scores);
        int guess = ArgmaxF(scores, kUposCount);
        if (guess != s.upos[i]) p.Update(keys, k, s.upos[i], guess);
        correct += guess == s.upos[i];
        tags[i] = static_cast<std::uint8_t>(guess);
      }
      total += n;
    }
    *log += std::string(name) + " epoch " + std::to_string(epoch + 1) + ": training accuracy " +
            std::to_string(100.0 * correct / std::max<std::size_t>(total, 1)) + "\n";
  }
}

// Trains a POS table on the sentences in `subset`; `right` (or null) gives each sentence's
// first-pass tags. With members > 1, that many perceptrons trained with different shuffle
// seeds are averaged.
WeightTable TrainPos(const std::vector<Prepared>& data, const std::vector<int>& subset, const std::vector<Tags>* right,
                     const TrainOptions& o, const char* name, std::string* log, int members = 1) {
  std::unordered_map<std::uint64_t, std::vector<float>> acc;
  for (int m = 0; m < members; ++m) {
    std::vector<int> order = subset;
    Perceptron p(kUposCount);
    TrainPosMember(data, &order, right, o, o.seed + 7919ULL * m, name, log, &p);
    if (members == 1) return p.Finish(o.prune);
    p.AddAverages(&acc, 1.0f / members);
  }
  return Quantize(acc, kUposCount, o.prune);
}

// First-pass tags of every training sentence from models that did not see it.
std::vector<Tags> Jackknife(const std::vector<Prepared>& data, const TrainOptions& o, std::string* log) {
  std::vector<Tags> right(data.size());
  for (int f = 0; f < o.folds; ++f) {
    std::vector<int> in, out;
    for (int i = 0; i < static_cast<int>(data.size()); ++i) (i % o.folds == f ? out : in).push_back(i);
    std::string fold_log;
    WeightTable t = TrainPos(data, in, nullptr, o, "fold", &fold_log);
    KeyIndex index;
    index.Build(t.keys.data(), static_cast<std::uint32_t>(t.keys.size()));
    std::size_t correct = 0, total = 0;
    for (int i : out) {
      DecodePos(nullptr, &index, &t, data[i], nullptr, &right[i]);
      for (std::size_t w = 0; w < right[i].size(); ++w) correct += right[i][w] == data[i].upos[w];
      total += right[i].size();
    }
    *log += "fold " + std::to_string(f + 1) + ": held-out first-pass accuracy " +
            std::to_string(100.0 * correct / std::max<std::size_t>(total, 1)) + "\n";
  }
  return right;
}

// Trains the chunker on `tags` (per sentence; held-out predictions, so that it learns to
// cope with the tagger's mistakes) against the chunks derived from the gold trees.
WeightTable TrainChunks(const std::vector<Prepared>& data, const std::vector<Tags>& tags, const TrainOptions& o,
                        std::string* log) {
  Perceptron p(kChunkCount);
  std::vector<int> order(data.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::uint64_t rng = o.seed + 1;
  std::uint64_t keys[kMaxFeatures];
  float scores[kChunkCount];
  Tags chunks;
  for (int epoch = 0; epoch < o.chunk_epochs; ++epoch) {
    Shuffle(&order, &rng);
    std::size_t correct = 0, total = 0;
    for (int si : order) {
      const Prepared& s = data[si];
      const int n = static_cast<int>(s.info.size());
      chunks.assign(n, 0);
      for (int i = 0; i < n; ++i) {
        int k = ChunkFeatures(s.info.data(), tags[si].data(), n, i, chunks.data(), keys);
        p.Tick();
        p.Score(keys, k, scores);
        int guess = ArgmaxF(scores, kChunkCount);
        if (guess != s.chunks[i]) p.Update(keys, k, s.chunks[i], guess);
        correct += guess == s.chunks[i];
        chunks[i] = s.chunks[i];  // gold history: the decoder's constraint keeps BIO valid
      }
      total += n;
    }
    *log += "chunk epoch " + std::to_string(epoch + 1) + ": training accuracy " +
            std::to_string(100.0 * correct / std::max<std::size_t>(total, 1)) + "\n";
  }
  return p.Finish(o.chunk_prune);
}

// A lemma rewrite as learned from one (form, lemma) pair.
using Rewrite = std::tuple<int, std::string, int>;  // strip, append, keep_case

Rewrite RewriteOf(std::string_view form, std::string_view lower, std::string_view lemma) {
  auto common = [&](std::string_view a) {
    std::size_t k = 0;
    while (k < a.size() && k < lemma.size() && a[k] == lemma[k]) ++k;
    return k;
  };
  std::size_t cl = common(lower), cf = common(form);
  bool keep = cf > cl;
  std::size_t c = keep ? cf : cl;
  return {static_cast<int>(form.size() - c), std::string(lemma.substr(c)), keep ? 1 : 0};
}

std::uint32_t AddToPool(ModelData* d, std::string_view s) {
  auto off = static_cast<std::uint32_t>(d->pool.size());
  d->pool += s;
  return off;
}

// Suffix rules: for each tag and each suffix (0 to 6 bytes) of the lower-cased word, the
// rewrite most word types with that suffix take; kept only where it differs from the rule
// of the next shorter suffix (the lookup takes the longest suffix that has a rule).
void LearnRules(const std::vector<Sentence>& train, ModelData* d) {
  std::set<std::tuple<std::string, int, std::string>> types;
  for (const Sentence& s : train)
    for (const Word& w : s.words) types.emplace(w.form, static_cast<int>(w.upos), w.lemma);
  std::map<std::pair<int, std::string>, std::map<Rewrite, int>> counts;
  std::string lower;
  for (const auto& [form, upos, lemma] : types) {
    LowerAscii(form, &lower);
    Rewrite rw = RewriteOf(form, lower, lemma);
    if (std::get<0>(rw) > 64 || std::get<1>(rw).size() > 1000) continue;
    for (std::size_t k = 0; k <= std::min<std::size_t>(6, lower.size()); ++k)
      counts[{upos, lower.substr(lower.size() - k)}][rw]++;
  }
  std::vector<std::pair<int, std::string>> nodes;
  for (const auto& [node, c] : counts) nodes.push_back(node);
  std::stable_sort(nodes.begin(), nodes.end(),
                   [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
  std::map<std::pair<int, std::string>, Rewrite> effective;
  std::vector<std::pair<std::uint64_t, LemmaRule>> rules;
  for (const auto& node : nodes) {
    const auto& c = counts[node];
    const Rewrite* best = nullptr;
    int best_n = 0, total = 0;
    for (const auto& [rw, n] : c) {
      total += n;
      if (n > best_n) best = &rw, best_n = n;
    }
    bool root = node.second.empty();
    const Rewrite* parent = root ? nullptr : &effective[{node.first, node.second.substr(1)}];
    bool keep = root || (total >= 2 && *best != *parent);
    effective[node] = keep ? *best : *parent;
    if (!keep) continue;
    LemmaRule r;
    r.strip = static_cast<std::uint8_t>(std::get<0>(*best));
    r.len = static_cast<std::uint16_t>(std::get<1>(*best).size());
    r.off = AddToPool(d, std::get<1>(*best));
    r.keep_case = static_cast<std::uint8_t>(std::get<2>(*best));
    rules.emplace_back(RuleKey(node.second, static_cast<Upos>(node.first)), r);
  }
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, r] : rules) {
    if (!d->rule_keys.empty() && d->rule_keys.back() == key) continue;
    d->rule_keys.push_back(key);
    d->rules.push_back(r);
  }
}

// The known lemmas (RepairFinalE): every lower-case lemma of letters and hyphens of a word
// that is not a proper noun.
void LearnKnownLemmas(const std::vector<Sentence>& train, ModelData* d) {
  std::set<std::uint64_t> keys;
  for (const Sentence& s : train) {
    for (const Word& w : s.words) {
      if (w.upos == Upos::kPropn || w.lemma.empty()) continue;
      const bool plain =
          std::all_of(w.lemma.begin(), w.lemma.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
      if (plain) keys.insert(HashBytes(w.lemma));
    }
  }
  keys.erase(0);
  d->lemma_keys.assign(keys.begin(), keys.end());
}

// The exception list: every (lower-cased form, tag) whose most frequent training lemma the
// rules do not give.
void LearnExceptions(const std::vector<Sentence>& train, ModelData* d) {
  KeyIndex rules;
  rules.Build(d->rule_keys.data(), static_cast<std::uint32_t>(d->rule_keys.size()));
  std::map<std::pair<std::string, int>, std::pair<std::map<std::string, int>, std::map<std::string, int>>> seen;
  std::string lower;
  for (const Sentence& s : train) {
    for (const Word& w : s.words) {
      LowerAscii(w.form, &lower);
      auto& entry = seen[{lower, static_cast<int>(w.upos)}];
      entry.first[w.lemma]++;
      entry.second[w.form]++;
    }
  }
  auto most = [](const std::map<std::string, int>& m) {
    auto best = m.begin();
    for (auto it = m.begin(); it != m.end(); ++it)
      if (it->second > best->second) best = it;
    return best->first;
  };
  std::vector<std::pair<std::uint64_t, LemmaRule>> out;
  std::string got;
  for (const auto& [key, entry] : seen) {
    std::string lemma = most(entry.first), form = most(entry.second);
    RuleLemma(*d, rules, form, key.first, static_cast<Upos>(key.second), &got);
    if (got == lemma || lemma.size() > 1000) continue;
    LemmaRule r;
    r.len = static_cast<std::uint16_t>(lemma.size());
    r.off = AddToPool(d, lemma);
    out.emplace_back(LemmaKey(key.first, static_cast<Upos>(key.second)), r);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [k, r] : out) {
    if (!d->lex_keys.empty() && d->lex_keys.back() == k) continue;
    d->lex_keys.push_back(k);
    d->lex.push_back(r);
  }
}

}  // namespace

Status Train(const std::vector<Sentence>& train, const TrainOptions& o, std::string* model_bytes, std::string* log) {
  if (train.empty()) return Status::BadInput("no training sentences");
  ModelData d;
  BuildDictionary(train, o.dict_min_count, 1, 0, &d);
  std::vector<Prepared> data = Prepare(train, o);
  std::vector<int> all(data.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  d.pos = TrainPos(data, all, nullptr, o, "pos", log, o.members);
  std::vector<Tags> held_out;
  if (o.folds >= 2) {
    held_out = Jackknife(data, o, log);
  } else {
    for (const Prepared& p : data) held_out.push_back(p.upos);
  }
  if (o.two_pass && o.folds >= 2) {
    d.pos2 = TrainPos(data, all, &held_out, o, "pos2", log, o.members);
    // A corpus so small that pruning leaves no row has no second pass (the file format
    // ties the flag to a non-empty table).
    if (!d.pos2.keys.empty()) d.flags |= kFlagTwoPass;
  }
  d.chunk = TrainChunks(data, held_out, o, log);
  LearnRules(train, &d);
  LearnKnownLemmas(train, &d);
  LearnExceptions(train, &d);
  *log += "features kept: pos " + std::to_string(d.pos.keys.size()) + ", pos2 " + std::to_string(d.pos2.keys.size()) +
          ", chunk " + std::to_string(d.chunk.keys.size()) + "; dictionary " + std::to_string(d.amb_keys.size()) +
          "; lemma rules " + std::to_string(d.rules.size()) + ", exceptions " + std::to_string(d.lex.size()) +
          ", known lemmas " + std::to_string(d.lemma_keys.size()) + "\n";
  *model_bytes = Serialize(d);
  return Status::Ok();
}

}  // namespace actorgraph::tagger::internal

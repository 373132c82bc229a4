// The averaged perceptron both trainers use (the POS tagger and chunker in train.cpp, the
// name tagger in names.cpp): weights with lazily accumulated sums, a fixed-seed shuffle.
#pragma once

#include "tagger/internal/hash.hpp"
#include "tagger/internal/model_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace actorgraph::tagger::internal {

inline void Shuffle(std::vector<int>* v, std::uint64_t* state) {
  for (std::size_t i = v->size(); i > 1; --i) {
    *state += 0x9E3779B97F4A7C15ULL;
    std::size_t j = Mix(*state) % i;
    std::swap((*v)[i - 1], (*v)[j]);
  }
}

// Weights with lazily accumulated sums for averaging (one time stamp per row).
class Perceptron {
 public:
  explicit Perceptron(int classes) : classes_(classes) {}

  void Score(const std::uint64_t* keys, int n, float* scores) const {
    std::fill(scores, scores + classes_, 0.0f);
    for (int k = 0; k < n; ++k) {
      auto it = rows_.find(keys[k]);
      if (it == rows_.end()) continue;
      const float* w = &w_[std::size_t{it->second} * classes_];
      for (int c = 0; c < classes_; ++c) scores[c] += w[c];
    }
  }
  void Tick() { ++step_; }
  void Update(const std::uint64_t* keys, int n, int truth, int guess) {
    for (int k = 0; k < n; ++k) {
      auto [it, fresh] = rows_.try_emplace(keys[k], static_cast<std::uint32_t>(stamp_.size()));
      if (fresh) {
        stamp_.push_back(step_);
        w_.resize(w_.size() + classes_, 0.0f);
        sum_.resize(sum_.size() + classes_, 0.0);
      }
      std::size_t r = it->second;
      Flush(r);
      w_[r * classes_ + truth] += 1.0f;
      w_[r * classes_ + guess] -= 1.0f;
    }
  }
  // Adds `weight` times the averaged weights of every row to `acc` (rows made on first use).
  void AddAverages(std::unordered_map<std::uint64_t, std::vector<float>>* acc, float weight) {
    for (const auto& [key, r] : rows_) {
      Flush(r);
      std::vector<float>& a = (*acc)[key];
      a.resize(classes_, 0.0f);
      for (int c = 0; c < classes_; ++c)
        a[c] += weight * static_cast<float>(sum_[r * classes_ + c] / std::max<std::int64_t>(step_, 1));
    }
  }
  // The averaged weights quantised to int16; `*scale` (if given) receives the factor.
  WeightTable Finish(float prune, float* scale_out = nullptr) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order(rows_.begin(), rows_.end());
    std::sort(order.begin(), order.end());
    std::vector<float> avg(order.size() * classes_);
    float max_abs = 1e-6f;
    for (std::size_t i = 0; i < order.size(); ++i) {
      std::size_t r = order[i].second;
      Flush(r);
      for (int c = 0; c < classes_; ++c) {
        avg[i * classes_ + c] = static_cast<float>(sum_[r * classes_ + c] / std::max<std::int64_t>(step_, 1));
        max_abs = std::max(max_abs, std::fabs(avg[i * classes_ + c]));
      }
    }
    WeightTable t;
    const float scale = 32767.0f / max_abs;
    if (scale_out != nullptr) *scale_out = scale;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const float* a = &avg[i * classes_];
      if (std::none_of(a, a + classes_, [&](float x) { return std::fabs(x) >= prune; })) continue;
      t.keys.push_back(order[i].first);
      for (int c = 0; c < classes_; ++c) t.weights.push_back(static_cast<std::int16_t>(std::lround(a[c] * scale)));
    }
    return t;
  }

 private:
  void Flush(std::size_t r) {
    double dt = static_cast<double>(step_ - stamp_[r]);
    for (int c = 0; c < classes_; ++c) sum_[r * classes_ + c] += dt * w_[r * classes_ + c];
    stamp_[r] = step_;
  }
  int classes_;
  std::unordered_map<std::uint64_t, std::uint32_t> rows_;
  std::vector<float> w_;
  std::vector<double> sum_;
  std::vector<std::int64_t> stamp_;
  std::int64_t step_ = 0;
};

// Averaged weights (from AddAverages) as a table in key order: rows whose weights all stay
// below `prune` dropped, int16 quantised with the largest magnitude at 32767.
inline WeightTable Quantize(const std::unordered_map<std::uint64_t, std::vector<float>>& acc, int classes,
                            float prune) {
  std::vector<std::uint64_t> order;
  order.reserve(acc.size());
  float max_abs = 1e-6f;
  for (const auto& [key, a] : acc) {
    order.push_back(key);
    for (float x : a) max_abs = std::max(max_abs, std::fabs(x));
  }
  std::sort(order.begin(), order.end());
  const float scale = 32767.0f / max_abs;
  WeightTable t;
  for (std::uint64_t key : order) {
    const std::vector<float>& a = acc.at(key);
    if (std::none_of(a.begin(), a.end(), [&](float x) { return std::fabs(x) >= prune; })) continue;
    t.keys.push_back(key);
    for (int c = 0; c < classes; ++c) t.weights.push_back(static_cast<std::int16_t>(std::lround(a[c] * scale)));
  }
  return t;
}

inline int ArgmaxF(const float* s, int n) {
  int b = 0;
  for (int c = 1; c < n; ++c)
    if (s[c] > s[b]) b = c;
  return b;
}

}  // namespace actorgraph::tagger::internal

#include "text/phrases.hpp"

#include <algorithm>
#include <cstring>

namespace actorgraph::text {
namespace {

// A 12-bit hash of a key from its length, its first two bytes and its last byte: cheap
// enough to ask for every token of a text, and varied enough to keep a filter of a few
// hundred phrases sparse.
inline unsigned FilterBit(std::string_view key) {
  const std::size_t n = key.size();
  if (n == 0) return 0;
  const auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(key[i])); };
  const std::uint64_t v =
      byte(0) | (byte(n > 1 ? 1 : 0) << 8) | (byte(n - 1) << 16) | (static_cast<std::uint64_t>(n) << 24);
  return static_cast<unsigned>((v * 0x9e3779b97f4a7c15ULL) >> 52);
}

bool Has(const std::array<std::uint64_t, 64>& filter, std::string_view key) {
  const unsigned bit = FilterBit(key);
  return (filter[bit >> 6] >> (bit & 63)) & 1;
}

void Set(std::array<std::uint64_t, 64>& filter, std::string_view key) {
  const unsigned bit = FilterBit(key);
  filter[bit >> 6] |= std::uint64_t{1} << (bit & 63);
}

}  // namespace

void PhraseTable::Add(Analyzer& analyzer, std::string_view phrase, std::uint32_t value) {
  TokenList toks;
  analyzer.Tokenize(phrase, &toks);
  if (toks.empty()) return;
  Entry e{{}, value};
  for (auto& t : toks) e.keys.emplace_back(t.key);
  for (const auto& existing : by_first_[e.keys.front()]) {
    if (existing.keys == e.keys) return;
  }
  Set(first_filter_, e.keys.front());
  Set(last_filter_, e.keys.back());
  by_first_[e.keys.front()].push_back(e);
  by_last_[e.keys.back()].push_back(std::move(e));
}

bool PhraseTable::LongestAt(std::span<const Token> tokens, std::uint32_t first, Hit* hit) const {
  if (first >= tokens.size() || !Has(first_filter_, tokens[first].key)) return false;
  auto it = by_first_.find(HashedKey{tokens[first].key, tokens[first].hash});
  if (it == by_first_.end()) return false;
  bool found = false;
  for (const auto& e : it->second) {
    if (first + e.keys.size() > tokens.size()) continue;
    bool ok = true;
    for (std::size_t k = 1; k < e.keys.size() && ok; ++k) ok = tokens[first + k].key == e.keys[k];
    if (ok && (!found || first + e.keys.size() > hit->end_token)) {
      hit->end_token = static_cast<std::uint32_t>(first + e.keys.size());
      hit->value = e.value;
      found = true;
    }
  }
  return found;
}

bool PhraseTable::LongestEndingAt(std::span<const Token> tokens, std::uint32_t end, Hit* hit,
                                  std::uint32_t* first) const {
  if (end == 0 || end > tokens.size() || !Has(last_filter_, tokens[end - 1].key)) return false;
  auto it = by_last_.find(HashedKey{tokens[end - 1].key, tokens[end - 1].hash});
  if (it == by_last_.end()) return false;
  bool found = false;
  for (const auto& e : it->second) {
    if (e.keys.size() > end) continue;
    const std::uint32_t start = end - static_cast<std::uint32_t>(e.keys.size());
    bool ok = true;
    for (std::size_t k = 0; k + 1 < e.keys.size() && ok; ++k) ok = tokens[start + k].key == e.keys[k];
    if (ok && (!found || start < *first)) {
      *first = start;
      hit->end_token = end;
      hit->value = e.value;
      found = true;
    }
  }
  return found;
}

}  // namespace actorgraph::text

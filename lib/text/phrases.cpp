#include "text/phrases.hpp"

#include "common/bytes.hpp"

#include <algorithm>
#include <cstring>

namespace actorgraph::text {
namespace {

// A 12-bit hash of a key, from its length and its first and last eight bytes.
unsigned FilterBit(std::string_view key) {
  const std::uint64_t head = bytes::LoadUpTo8(key.data(), std::min<std::size_t>(key.size(), 8));
  const std::uint64_t tail = key.size() > 8 ? bytes::LoadUpTo8(key.data() + key.size() - 8, 8) : 0;
  const std::uint64_t h = (head * 0x9e3779b97f4a7c15ULL) ^ (tail * 0xc2b2ae3d27d4eb4fULL) ^ (key.size() * 0x165667b19e3779f9ULL);
  return static_cast<unsigned>((h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ULL >> 52);
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
  auto it = by_first_.find(tokens[first].key);
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
  auto it = by_last_.find(tokens[end - 1].key);
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

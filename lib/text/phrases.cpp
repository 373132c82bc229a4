#include "text/phrases.hpp"

namespace actorgraph::text {

void PhraseTable::Add(Analyzer& analyzer, std::string_view phrase, std::uint32_t value) {
  std::vector<Token> toks;
  analyzer.Tokenize(phrase, &toks);
  if (toks.empty()) return;
  Entry e{{}, value};
  for (auto& t : toks) e.keys.push_back(t.key);
  for (const auto& existing : by_first_[e.keys.front()]) {
    if (existing.keys == e.keys) return;
  }
  by_first_[e.keys.front()].push_back(e);
  by_last_[e.keys.back()].push_back(std::move(e));
}

bool PhraseTable::LongestAt(const std::vector<Token>& tokens, std::uint32_t first, Hit* hit) const {
  if (first >= tokens.size()) return false;
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

bool PhraseTable::LongestEndingAt(const std::vector<Token>& tokens, std::uint32_t end, Hit* hit,
                                  std::uint32_t* first) const {
  if (end == 0 || end > tokens.size()) return false;
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

// actorgraph — phrase tables: small lexicons (titles, event triggers) matched over tokens.
#pragma once

#include "common/string_hash.hpp"
#include "text/text.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace actorgraph::text {

// Maps token-key sequences to values. Lookups are by token keys, so a phrase matches
// whatever case, hyphenation or diacritics the text uses.
class PhraseTable {
 public:
  // Adds `phrase` (tokenised with `analyzer`) with `value`; an empty phrase is ignored.
  // A phrase added twice keeps its first value.
  void Add(Analyzer& analyzer, std::string_view phrase, std::uint32_t value);

  struct Hit {
    std::uint32_t end_token = 0;  // one past the last token of the phrase
    std::uint32_t value = 0;
  };
  // The longest phrase that starts at token `first`, if any.
  bool LongestAt(std::span<const Token> tokens, std::uint32_t first, Hit* hit) const;
  // The longest phrase that ends just before token `end` (end exclusive), if any.
  bool LongestEndingAt(std::span<const Token> tokens, std::uint32_t end, Hit* hit, std::uint32_t* first) const;

  bool empty() const { return by_first_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> keys;
    std::uint32_t value;
  };
  StringMap<std::vector<Entry>> by_first_;
  StringMap<std::vector<Entry>> by_last_;
  // 4096-bit filters over a cheap hash of the first and last keys: most tokens of a text
  // start and end no phrase, and are turned away without a hash-map lookup.
  std::array<std::uint64_t, 64> first_filter_{};
  std::array<std::uint64_t, 64> last_filter_{};
};

}  // namespace actorgraph::text

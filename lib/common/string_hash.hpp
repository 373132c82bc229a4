// actorgraph — hash maps and sets keyed by std::string that are looked up by
// std::string_view (token keys are views), without building a std::string per lookup.
#pragma once

#include "common/bytes.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace actorgraph {

// bytes::HashKey rather than std::hash (murmur, an out-of-line call): these maps are looked
// up per token.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return bytes::HashKey(s); }
};

template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

}  // namespace actorgraph

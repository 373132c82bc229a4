// actorgraph — the readable part of an nlohmann::json error message.
#pragma once

#include <string_view>

namespace actorgraph {

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error while parsing value - invalid literal; last read: 'x'". Returns what follows
// the position (or the "[...] " prefix), so callers can give the position their own way.
inline std::string_view JsonErrorText(std::string_view what) {
  if (const auto col = what.find("column "); col != std::string_view::npos) {
    if (const auto colon = what.find(": ", col); colon != std::string_view::npos) return what.substr(colon + 2);
  }
  if (const auto bracket = what.find("] "); bracket != std::string_view::npos) return what.substr(bracket + 2);
  return what;
}

}  // namespace actorgraph

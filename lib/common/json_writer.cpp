#include "common/json_writer.hpp"

#include "common/bytes.hpp"
#include "common/utf8.hpp"

#include <fmt/format.h>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>

namespace actorgraph::json {

void AppendString(std::string& out, std::string_view text, StringOptions options) {
  // One pass validates the UTF-8 and escapes; ill-formed text is repaired (U+FFFD) and
  // written again from the start.
  static constexpr char kHex[] = "0123456789abcdef";
  const std::size_t out_start = out.size();
  out += '"';
  std::size_t copied = 0;  // text[copied, i) is waiting to be copied as it is
  for (std::size_t i = 0;; ++i) {
    i += bytes::FindJsonSpecial(text.data() + i, text.size() - i, /*stop_at_non_ascii=*/true);
    if (i >= text.size()) break;
    const auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x80) {
      const std::size_t len = utf8::SequenceAt(text, i);
      if (len == 0) {
        out.resize(out_start);
        AppendString(out, utf8::Repair(text), options);
        return;
      }
      // U+2028 is E2 80 A8, U+2029 E2 80 A9: escaped on request; any other sequence is copied.
      const bool separator = u == 0xE2 && options.escape_line_separators &&
                             static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                             (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xA8;
      if (!separator) {
        i += len - 1;
        continue;
      }
    } else if (u >= 0x20 && u != '"' && u != '\\') {
      continue;
    }
    char escape[7] = {'\\', 0, 0, 0, 0, 0, 0};
    std::size_t len = 2, skip = 1;
    switch (u) {
      case '"':
        escape[1] = '"';
        break;
      case '\\':
        escape[1] = '\\';
        break;
      case '\b':
        escape[1] = 'b';
        break;
      case '\t':
        escape[1] = 't';
        break;
      case '\n':
        escape[1] = 'n';
        break;
      case '\f':
        escape[1] = 'f';
        break;
      case '\r':
        escape[1] = 'r';
        break;
      case 0xE2:  // a line or paragraph separator (checked above)
        std::memcpy(escape + 1, static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "u2028" : "u2029", 5);
        len = 6;
        skip = 3;
        break;
      default:  // the other control characters
        std::memcpy(escape + 1, "u00", 3);
        escape[4] = kHex[u >> 4];
        escape[5] = kHex[u & 0x0F];
        len = 6;
    }
    out.append(text.data() + copied, i - copied);
    out.append(escape, len);
    i += skip - 1;
    copied = i + 1;
  }
  out.append(text.data() + copied, text.size() - copied);
  out += '"';
}

void AppendNumber(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  // nlohmann's own number writer (what dump() calls). fmt's shortest form would differ in two
  // ways: it writes 1e15 to 1e16 in fixed notation, and nlohmann's Grisu2 is not always
  // shortest (0.01207 comes out as 0.012070000000000001: about 1 in 1,500 short decimals), so
  // only this keeps the lines byte-identical for every value.
  if (value == 1.0) {  // a mention's usual confidence: what Grisu2 writes for it
    out += "1.0";
    return;
  }
  char buf[64];
  out.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, value));
}

void AppendNumber(std::string& out, std::int64_t value) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, value).ptr);
}

void AppendNumber(std::string& out, std::uint64_t value) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, value).ptr);
}

}  // namespace actorgraph::json

#include "documents/json_line.hpp"

#include "common/bytes.hpp"
#include "common/utf8.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace actorgraph::documents {
namespace {

// True when a JSON number reads as a finite double, as nlohmann::json requires of a number
// it stores as one (it refuses 1e999 with out_of_range; an underflow reads as 0 and is kept).
bool FitsDouble(std::string_view number) {
  const std::string copy(number);
  return std::isfinite(std::strtod(copy.c_str(), nullptr));
}

class LineParser {
 public:
  explicit LineParser(std::string_view s) : s_(s) {}

  void SkipSpace() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) ++p_;
  }
  bool Eat(char c) {
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool AtEnd() const { return p_ == s_.size(); }
  char Peek() const { return p_ < s_.size() ? s_[p_] : '\0'; }

  // A JSON string at the cursor, decoded into `out` (when given).
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    if (out) out->clear();
    while (p_ < s_.size()) {
      // Copy the run up to the next quote, backslash or control character at once.
      const std::size_t q = p_ + bytes::FindJsonSpecial(s_.data() + p_, s_.size() - p_, /*stop_at_non_ascii=*/false);
      if (out) out->append(s_.data() + p_, q - p_);
      p_ = q;
      if (p_ >= s_.size()) return false;
      const char c = s_[p_++];
      if (c == '"') return true;
      if (c != '\\') return false;  // a raw control character
      if (p_ >= s_.size()) return false;
      const char e = s_[p_++];
      char plain = 0;
      switch (e) {
        case '"':
          plain = '"';
          break;
        case '\\':
          plain = '\\';
          break;
        case '/':
          plain = '/';
          break;
        case 'b':
          plain = '\b';
          break;
        case 'f':
          plain = '\f';
          break;
        case 'n':
          plain = '\n';
          break;
        case 'r':
          plain = '\r';
          break;
        case 't':
          plain = '\t';
          break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (!Eat('\\') || !Eat('u') || !Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          if (out) utf8::Append(*out, static_cast<char32_t>(cp));
          continue;
        }
        default:
          return false;
      }
      if (out) out->push_back(plain);
    }
    return false;
  }

  // A JSON number at the cursor; `integer` says whether it has neither fraction nor exponent.
  bool Number(std::string_view* text, bool* integer) {
    const std::size_t start = p_;
    Eat('-');
    if (Eat('0')) {
    } else if (Peek() >= '1' && Peek() <= '9') {
      while (Peek() >= '0' && Peek() <= '9') ++p_;
    } else {
      return false;
    }
    *integer = true;
    if (Eat('.')) {
      *integer = false;
      if (!(Peek() >= '0' && Peek() <= '9')) return false;
      while (Peek() >= '0' && Peek() <= '9') ++p_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      *integer = false;
      ++p_;
      if (Peek() == '+' || Peek() == '-') ++p_;
      if (!(Peek() >= '0' && Peek() <= '9')) return false;
      while (Peek() >= '0' && Peek() <= '9') ++p_;
    }
    *text = s_.substr(start, p_ - start);
    return true;
  }

  bool Literal(std::string_view word) {
    if (s_.substr(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

 private:
  bool Hex4(std::uint32_t* out) {
    if (s_.size() - p_ < 4) return false;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[p_++];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        v |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        v |= static_cast<std::uint32_t>(c - 'A' + 10);
      else
        return false;
    }
    *out = v;
    return true;
  }

  std::string_view s_;
  std::size_t p_ = 0;
};

}  // namespace

bool ParseFlatJsonLine(std::string_view line, JsonLineFields* out) {
  LineParser p(line);
  *out = JsonLineFields{};
  bool seen[6] = {};  // id, text, date, title, url, lang
  std::string key;
  p.SkipSpace();
  if (!p.Eat('{')) return false;
  p.SkipSpace();
  if (!p.Eat('}')) {
    for (;;) {
      p.SkipSpace();
      if (!p.String(&key)) return false;
      p.SkipSpace();
      if (!p.Eat(':')) return false;
      p.SkipSpace();
      int field = -1;
      if (key == "id")
        field = 0;
      else if (key == "text")
        field = 1;
      else if (key == "date")
        field = 2;
      else if (key == "title")
        field = 3;
      else if (key == "url")
        field = 4;
      else if (key == "lang")
        field = 5;
      if (field >= 0) {
        if (seen[field]) return false;  // a repeated key: left to nlohmann's rules
        seen[field] = true;
      }
      std::string* const targets[6] = {&out->id, &out->text, &out->date, &out->title, &out->url, &out->lang};
      if (p.Peek() == '"') {
        if (!p.String(field >= 0 ? targets[field] : nullptr)) return false;
      } else if (p.Peek() == '-' || (p.Peek() >= '0' && p.Peek() <= '9')) {
        std::string_view number;
        bool integer = false;
        if (!p.Number(&number, &integer)) return false;
        // Only an id may be a number, an integer written as nlohmann writes it back (no
        // more digits than an int64 surely holds).
        if (field > 0) return false;
        // A number no double holds (1e999, 400 digits) is an error to nlohmann, wherever it
        // stands: leave the line to it.
        if (field < 0 && (!integer || number.size() > 18) && !FitsDouble(number)) return false;
        if (field == 0) {
          if (!integer || number.size() > 18 || number == "-0") return false;
          out->id.assign(number);
        }
      } else if (field < 0 && (p.Literal("true") || p.Literal("false") || p.Literal("null"))) {
      } else {
        return false;  // nested values, or a literal where a string is needed
      }
      p.SkipSpace();
      if (p.Eat(',')) continue;
      if (p.Eat('}')) break;
      return false;
    }
  }
  p.SkipSpace();
  if (!p.AtEnd() || !seen[1]) return false;
  out->has_id = seen[0];
  return true;
}

}  // namespace actorgraph::documents

// The CAMEO codes of verbs, from a PETRARCH / TABARI verb dictionary (events.hpp CameoVerbs).
#include "common/ascii.hpp"
#include "events/events.hpp"

#include <fmt/format.h>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>

namespace actorgraph::events {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "[043]" → "043"; "[043:042]" → "043" (the source's code); "[---]", "[:110]", "[+++]" → "";
// letters or '?' after the digits ("[210a]", "[025?]") are dropped. nullopt: not a code.
std::optional<std::string> ParseCode(std::string_view bracketed) {
  if (bracketed.size() < 2 || bracketed.front() != '[' || bracketed.back() != ']') return std::nullopt;
  const std::string_view inner = Trim(bracketed.substr(1, bracketed.size() - 2));
  std::string digits;
  for (const char c : inner) {
    if (c < '0' || c > '9') break;
    digits += c;
  }
  if (digits.size() >= 3 && digits.size() <= 4) return digits;
  const bool none = inner.find_first_not_of("-+: ") == std::string_view::npos || inner.front() == ':';
  if (none) return std::string();
  return std::nullopt;
}

// "BREAK_DOWN {BROKE_DOWN ...} [120]" → ("break down", "120"); "+BREAK_DOWN" → "break down".
// The {forms} are left out: verbs are looked up by lemma.
std::pair<std::string, std::optional<std::string>> VerbLine(std::string_view line) {
  std::optional<std::string> code;
  if (const std::size_t open = line.rfind('['); open != std::string_view::npos) {
    code = ParseCode(Trim(line.substr(open)));
    if (code) line = line.substr(0, open);
  }
  if (const std::size_t brace = line.find('{'); brace != std::string_view::npos) line = line.substr(0, brace);
  std::string lemma;
  for (const char c : Trim(line)) {
    if (c == '+') continue;
    lemma += c == '_' || std::isspace(static_cast<unsigned char>(c)) ? ' ' : ascii::ToLower(c);
  }
  // Collapse runs of spaces.
  std::string out;
  for (const char c : lemma) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return {out, code};
}

}  // namespace

Status CameoVerbs::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(fmt::format("{}: cannot read the verb dictionary: {}", path, std::strerror(errno)));
  std::string line;
  std::size_t number = 0;
  std::string block;        // the code of the current "--- VERB [code] ---" block
  bool in_comment = false;  // inside <!-- ... -->
  bool in_synset = false;   // after "&NAME": its "+word" lines
  std::size_t verbs = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find('\0') != std::string::npos) {
      return Status::BadInput(
          fmt::format("{}:{}: a NUL byte: not a text file (expected a PETRARCH/TABARI verb "
                      "dictionary)",
                      path, number));
    }
    std::string_view t = line;
    // Comments: "# ..." to the end of the line, "<!-- ... -->" across lines.
    std::string kept;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (in_comment) {
        if (t.substr(i, 3) == "-->") {
          in_comment = false;
          i += 2;
        }
        continue;
      }
      if (t.substr(i, 4) == "<!--") {
        in_comment = true;
        i += 3;
        continue;
      }
      if (t[i] == '#') break;
      kept += t[i];
    }
    t = Trim(kept);
    if (t.empty()) {
      in_synset = false;
      continue;
    }
    if (t.starts_with("---")) {
      // "--- WORD [code] ---" (some add a second code, "[120] [031:031]", or leave the code
      // out): a new block, coded by its first code.
      const std::size_t open = t.find('['), close = t.find(']', open == std::string_view::npos ? 0 : open);
      std::optional<std::string> code;
      if (open != std::string_view::npos && close != std::string_view::npos) {
        code = ParseCode(t.substr(open, close - open + 1));
      }
      block = code.value_or(std::string());
      in_synset = false;
      continue;
    }
    if (t.front() == '&') {
      in_synset = true;  // a synonym set for the patterns
      continue;
    }
    if (t.front() == '-' || in_synset) continue;  // a pattern, or a synset member
    auto [lemma, own] = VerbLine(t);
    if (lemma.empty()) continue;
    const std::string& code = own ? *own : block;
    ++verbs;
    if (!code.empty()) code_by_lemma.emplace(std::move(lemma), code);  // the first listing wins
  }
  if (in.bad()) return Status::Io(fmt::format("{}: read error after line {}", path, number));
  if (verbs == 0) return Status::BadInput(fmt::format("{}: no verbs (is it a PETRARCH/TABARI verb dictionary?)", path));
  return Status::Ok();
}

std::string_view CameoVerbs::CodeOf(std::string_view lemma) const {
  const auto it = code_by_lemma.find(lemma);
  return it == code_by_lemma.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace actorgraph::events

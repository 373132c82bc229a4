// Rule-based tokenizer for English web and news text, following the word segmentation of
// UD English EWT and GUM (v2.16) as measured on their training files (TAGGER.md lists the
// rules and where each comes from).
#include "tagger/tagger.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace actorgraph::tagger {
namespace {

using Pos = std::size_t;

unsigned char Byte(std::string_view s, Pos i) { return static_cast<unsigned char>(s[i]); }

bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(unsigned char c) { return IsAsciiAlpha(c) || IsDigit(c); }

// Length of a well-formed UTF-8 sequence at `i` (1 for ASCII and for any ill-formed byte,
// which then is a one-byte "character" of its own). Never runs past the end.
Pos CharLen(std::string_view s, Pos i) {
  unsigned char c = Byte(s, i);
  Pos n = c < 0x80 ? 1 : c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 1;
  if (n == 1 || i + n > s.size()) return 1;
  for (Pos k = 1; k < n; ++k)
    if ((Byte(s, i + k) & 0xC0) != 0x80) return 1;
  return n;
}

// Code point of the character at `i` (the byte itself for ASCII and ill-formed bytes).
char32_t CodeAt(std::string_view s, Pos i, Pos len) {
  unsigned char c = Byte(s, i);
  if (len == 1) return c;
  char32_t cp = c & (0x7F >> len);
  for (Pos k = 1; k < len; ++k) cp = (cp << 6) | (Byte(s, i + k) & 0x3F);
  return cp;
}

bool IsSpaceCode(char32_t cp) {
  if (cp < 0x20 || cp == ' ' || cp == 0x7F) return true;  // C0 controls separate words too
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || (cp >= 0x80 && cp < 0xA0);
}

// Punctuation and symbols that always form tokens of their own (never part of a word).
bool IsPunctCode(char32_t cp) {
  if (cp < 0x80) return cp != '_' && !IsAlnum(static_cast<unsigned char>(cp)) && cp > ' ' && cp != 0x7F;
  return (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) || cp == 0xAB || cp == 0xBB || cp == 0xA1 ||
         cp == 0xBF || cp == 0xA7 || cp == 0xB6 || cp == 0xB7 || (cp >= 0x3001 && cp <= 0x3003) ||
         (cp >= 0x3008 && cp <= 0x3011) || cp == 0xFF0C || cp == 0xFF1A || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F;
}

bool IsApostrophe(std::string_view s, Pos i, Pos len) {
  return (len == 1 && s[i] == '\'') || (len == 3 && CodeAt(s, i, len) == 0x2019);
}

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (Pos i = 0; i < word.size(); ++i) {
    unsigned char c = Byte(word, i);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c | 0x20);
    if (c != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

bool InList(std::string_view word, std::span<const std::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view w) { return EqualsLower(word, w); });
}

// Abbreviations that keep their period (EWT/GUM train: "Dr.", "Mr.", "St.", "vs.", "etc.").
constexpr std::array<std::string_view, 62> kAbbreviations = {
    "dr",   "mr",  "mrs", "ms",  "messrs", "jr",  "sr",  "st",   "inc",   "ltd", "co",   "corp", "vs",
    "etc",  "no",  "nos", "gen", "gov",    "sen", "rep", "reps", "lt",    "col", "capt", "sgt",  "prof",
    "rev",  "ft",  "mt",  "jan", "feb",    "mar", "apr", "jun",  "jul",   "aug", "sep",  "sept", "oct",
    "nov",  "dec", "mon", "tue", "tues",   "wed", "thu", "thur", "thurs", "fri", "sat",  "sun",  "approx",
    "dept", "est", "fig", "vol", "ca",     "cf",  "al",  "ave",  "blvd",  "hon"};

// Prefixes after which a hyphen does not split the word (EWT/GUM train: "non-", "e-mail",
// "re-", "mid-", "anti-", "co-", ...); any other hyphen between letters is a token.
constexpr std::array<std::string_view, 33> kHyphenPrefixes = {
    "non",   "e",   "re",    "mid",     "anti",  "co",     "pre",    "pro",   "cross", "post",  "semi",
    "multi", "ex",  "sub",   "counter", "mini",  "socio",  "psycho", "inter", "un",    "extra", "de",
    "bi",    "tri", "micro", "quasi",   "ultra", "pseudo", "neo",    "wi",    "mis",   "over",  "vice"};

// Whole words that UD splits into two without an apostrophe: (word, length of first part).
struct Split {
  std::string_view word;
  Pos first;
};
constexpr std::array<Split, 28> kSplitWords = {{
    {"cannot", 3}, {"gonna", 3}, {"wanna", 3},   {"gotta", 3},   {"dont", 2},     {"didnt", 3},  {"doesnt", 4},
    {"cant", 2},   {"wont", 2},  {"isnt", 2},    {"wasnt", 3},   {"arent", 3},    {"werent", 4}, {"havent", 4},
    {"hasnt", 3},  {"hadnt", 3}, {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6}, {"aint", 2},   {"im", 1},
    {"ive", 1},    {"youre", 3}, {"youll", 3},   {"thats", 4},   {"arnt", 2},     {"alot", 1},   {"outta", 3},
}};

// "its" is "it" + "s" (a contraction written without apostrophe) before these words: the
// words after such "its" in EWT/GUM train that never follow the possessive there.
constexpr std::array<std::string_view, 40> kAfterItIs = {
    "a",      "an",    "the",   "not",   "really", "simply", "very",    "like",     "now",   "definitely",
    "also",   "only",  "all",   "just",  "still",  "been",   "getting", "nothing",  "so",    "too",
    "always", "never", "going", "gonna", "pretty", "quite",  "ok",      "okay",     "that",  "about",
    "almost", "there", "here",  "my",    "your",   "what",   "because", "probably", "worth", "actually"};

class Splitter {
 public:
  Splitter(std::string_view text, std::uint32_t base, std::vector<Token>* out) : s_(text), base_(base), out_(out) {}
  void Chunk(Pos b, Pos e);

 private:
  void Emit(Pos b, Pos e) {
    if (e > b) out_->push_back({static_cast<std::uint32_t>(base_ + b), static_cast<std::uint32_t>(base_ + e)});
  }
  bool IsPunctAt(Pos i, Pos e) const;
  Pos UrlEnd(Pos b, Pos e) const;
  Pos PunctRun(Pos i, Pos e) const;
  Pos WordEnd(Pos b, Pos e) const;
  bool JoinsWord(Pos wb, Pos i, Pos e) const;
  bool KeepsPeriod(Pos b, Pos p) const;
  bool DigitsJoin(Pos wb, Pos i, Pos e) const;
  Pos Emoticon(Pos i, Pos e) const;
  bool ItIsFollows(Pos p) const;
  void EmitWord(Pos b, Pos e);
  Pos EmitSpecial(Pos b, Pos j, Pos e);
  Pos UnitStart(Pos b, Pos j) const;

  std::string_view s_;
  std::uint32_t base_;
  std::vector<Token>* out_;
};

bool Splitter::IsPunctAt(Pos i, Pos e) const {
  Pos len = std::min(CharLen(s_, i), e - i);
  return IsPunctCode(CodeAt(s_, i, len));
}

// End of a URL or e-mail address starting at b, or b when there is none. Trailing
// sentence punctuation is left out.
Pos Splitter::UrlEnd(Pos b, Pos e) const {
  std::string_view w = s_.substr(b, e - b);
  bool url = w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.") ||
             w.starts_with("ftp://") || w.starts_with("HTTP://") || w.starts_with("WWW.");
  if (!url) {
    // An e-mail address, also the shortened "name...@host" and Enron's "Name@ENRON".
    Pos at = w.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= w.size() || !IsAlnum(Byte(w, 0))) return b;
    if (!IsAlnum(Byte(w, at + 1)) || (!IsAlnum(Byte(w, at - 1)) && Byte(w, at - 1) != '.')) return b;
    for (Pos k = 0; k < at; ++k)  // the local part: "Reynolds\"<r...@x" is a name, a quote, a '<', an address
      if (!IsAlnum(Byte(w, k)) && std::strchr("._-+%'", w[k]) == nullptr) return b;
  }
  Pos end = e;
  while (end > b + 1 && s_[end - 1] != 0 && std::strchr(".,;:!?\"')>]", s_[end - 1]) != nullptr) {
    if (s_[end - 1] == ')' && w.find('(') != std::string_view::npos) break;
    --end;
  }
  return end;
}

// End of the punctuation token at i: runs of one character ("...", "!!", "--") and of
// mixed sentence marks ("?!", ".?") are one token, anything else one character.
Pos Splitter::PunctRun(Pos i, Pos e) const {
  Pos len = std::min(CharLen(s_, i), e - i);
  if (len != 1) return i + len;
  char c = s_[i];
  bool sentence_mark = c == '.' || c == '!' || c == '?';
  bool repeatable = sentence_mark || c == '-' || c == '*' || c == '<' || c == '>' || c == '=' || c == '`' || c == '_' ||
                    c == '~' || c == '#' || c == '\'' || c == '$' || c == '+';
  Pos j = i + 1;
  if (!repeatable) return j;
  while (j < e && (s_[j] == c || (sentence_mark && (s_[j] == '.' || s_[j] == '!' || s_[j] == '?')))) ++j;
  if (c == '\'' && j - i != 2) return i + 1;  // only '' is a quote token
  return j;
}

// Whether the punctuation character at i (inside a word that started at wb) is part of
// the word: periods inside abbreviations and numbers, commas and colons in numbers,
// slashes in dates, hyphens after a prefix or between digits, apostrophes in names.
bool Splitter::JoinsWord(Pos wb, Pos i, Pos e) const {
  if (i == wb) return false;
  if (s_[i] == ')' && i >= wb + 3 && s_[i - 1] == 's' && s_[i - 2] == '(' && IsAsciiAlpha(Byte(s_, i - 3)))
    return true;  // "friend(s)"
  if (i + 1 >= e) return false;
  unsigned char prev = Byte(s_, i - 1);
  Pos len = CharLen(s_, i);
  if (i + len >= e) return false;
  unsigned char next = Byte(s_, i + len);
  char c = s_[i];
  if (IsApostrophe(s_, i, len)) return IsAsciiAlpha(prev) && IsAsciiAlpha(next);
  if (len != 1) return false;
  if (c == '(' && next == 's' && i + 2 < e && s_[i + 2] == ')' && IsAsciiAlpha(prev)) return true;
  switch (c) {
    case '.':
      return IsAlnum(prev) && IsAlnum(next);
    case ',':
      return IsDigit(prev) && IsDigit(next) && i + 3 < e && IsDigit(Byte(s_, i + 2)) && IsDigit(Byte(s_, i + 3));
    case ':':
      return IsDigit(prev) && IsDigit(next);
    case '/':
      return (IsDigit(prev) && IsDigit(next)) || (i - wb == 1 && IsAsciiAlpha(prev) && IsAsciiAlpha(next));
    case '&':
      return IsAsciiAlpha(prev) && IsAsciiAlpha(next) && i - wb <= 3;
    case '-': {
      if (IsDigit(prev) && IsDigit(next)) return DigitsJoin(wb, i, e);
      if (!IsAsciiAlpha(next) && !IsDigit(next)) return false;
      Pos seg = i;  // start of the part before this hyphen
      while (seg > wb && s_[seg - 1] != '-') --seg;
      return seg == wb && InList(s_.substr(wb, i - wb), kHyphenPrefixes);
    }
    default:
      return false;
  }
}

// A hyphen between digits joins telephone numbers ("555-1234", "713-853-7751"), ZIP+4
// codes and dates ("2021-02-16"), and splits ranges ("13-17", "1998-2001"), as EWT does.
bool Splitter::DigitsJoin(Pos wb, Pos i, Pos e) const {
  Pos l = i, r = i + 1;
  while (l > wb && IsDigit(Byte(s_, l - 1))) --l;
  while (r < e && IsDigit(Byte(s_, r))) ++r;
  Pos left = i - l, right = r - i - 1;
  bool more = (l > wb && s_[l - 1] == '-') || (r + 1 < e && s_[r] == '-' && IsDigit(Byte(s_, r + 1)));
  return more || (right == 4 && (left == 3 || left == 5));
}

// End of the word starting at b (a run of letters, digits, non-ASCII letters and joined
// punctuation).
Pos Splitter::WordEnd(Pos b, Pos e) const {
  Pos i = b;
  while (i < e) {
    if (IsPunctAt(i, e) && !JoinsWord(b, i, e)) break;
    i += std::min(CharLen(s_, i), e - i);
  }
  return i;
}

// Emits the word [b, e), splitting off clitics ("n't", "'s", "'ll", ...) and the words UD
// writes as two ("cannot", "gonna", "dont").
void Splitter::EmitWord(Pos b, Pos e) {
  std::string_view w = s_.substr(b, e - b);
  for (const Split& split : kSplitWords) {
    if (EqualsLower(w, split.word)) {
      Emit(b, b + split.first);
      Emit(b + split.first, e);
      return;
    }
  }
  // n't (ASCII or curly apostrophe), then 's 're 've 'll 'd 'm.
  for (Pos apo : {Pos{1}, Pos{3}}) {
    Pos nt = 1 + apo + 1;  // "n" + apostrophe + "t"
    if (w.size() > nt + 1 && (w[w.size() - nt] | 0x20) == 'n' && (w.back() | 0x20) == 't' &&
        IsApostrophe(w, w.size() - nt + 1, apo)) {
      EmitWord(b, e - nt);
      Emit(e - nt, e);
      return;
    }
  }
  for (Pos k = 1; k + 1 < w.size() && k <= 5; ++k) {
    Pos a = w.size() - k - 1;  // candidate apostrophe position for a 1-2 letter clitic
    for (Pos apo : {Pos{1}, Pos{3}}) {
      if (a + 1 < apo) continue;
      Pos start = a + 1 - apo;
      if (start == 0 || !IsApostrophe(w, start, apo)) continue;
      std::string_view clitic = w.substr(start + apo);
      if (clitic.size() > 2) continue;
      static constexpr std::array<std::string_view, 6> kClitics = {"s", "re", "ve", "ll", "d", "m"};
      if (!InList(clitic, kClitics)) continue;
      Emit(b, b + start);
      Emit(b + start, e);
      return;
    }
  }
  Emit(b, e);
}

// Whether the word [b, p) followed by a period at p is an abbreviation that keeps it:
// "U.S.", "a.m.", "Dr.", "J."; "No." only before a number, and the listed abbreviations not
// at the end of the text.
bool Splitter::KeepsPeriod(Pos b, Pos p) const {
  std::string_view w = s_.substr(b, p - b);
  if (w.find('.') != std::string_view::npos && IsAsciiAlpha(Byte(w, w.size() - 1))) return true;
  if (w.size() == 1 && Byte(w, 0) >= 'A' && Byte(w, 0) <= 'Z') return true;
  if (!InList(w, kAbbreviations)) return false;
  Pos next = p + 1;
  while (next < s_.size() && (s_[next] == ' ' || s_[next] == '\t' || s_[next] == '\n')) ++next;
  if (EqualsLower(w, "no") || EqualsLower(w, "nos"))
    return next < s_.size() && (IsDigit(Byte(s_, next)) || s_[next] == '#');
  // At the end of the text the period ends the sentence ("etc.": 27 against 5 in EWT/GUM
  // train; "Sun.", "Mar." are also words).
  return next < s_.size();
}

// Whether the word after the space at p is one that "it is" precedes but "its" does not.
bool Splitter::ItIsFollows(Pos p) const {
  while (p < s_.size() && s_[p] == ' ') ++p;
  Pos q = p;
  while (q < s_.size() && IsAsciiAlpha(Byte(s_, q))) ++q;
  std::string_view next = s_.substr(p, q - p);
  if (next.size() > 4 && EqualsLower(next.substr(next.size() - 2), "ly")) return true;
  return InList(next, kAfterItIs);
}

// Length of an emoticon (":)", ":-(", ";)", ":P", ":?") at i that ends the chunk or is
// followed by punctuation, else 0.
Pos Splitter::Emoticon(Pos i, Pos e) const {
  static constexpr std::array<std::string_view, 16> kFaces = {":-)", ":-(", ";-)", ":-P", ":-D", ":)", ":(", ";)",
                                                              ":P",  ":p",  ":D",  ":?",  ":/",  "=)", "<3", ":o"};
  std::string_view rest = s_.substr(i, e - i);
  for (std::string_view f : kFaces) {
    if (!rest.starts_with(f)) continue;
    if (rest.size() == f.size() || !IsAlnum(Byte(rest, f.size()))) return f.size();
  }
  return 0;
}

// Where the unit of a number with a unit starts ("5|pm", "65|k", "7:30|PM", "1.5|mm"), or b
// when [b, j) is not one: EWT/GUM train write those as two words (190 against 28), but an
// ordinal or a decade ("2nd", "1990s") and a digit with one capital ("4A", "3D") as one.
Pos Splitter::UnitStart(Pos b, Pos j) const {
  if (!IsDigit(Byte(s_, b))) return b;
  Pos k = b;
  while (k < j && (IsDigit(Byte(s_, k)) ||
                   ((s_[k] == ':' || s_[k] == '.' || s_[k] == ',') && k + 1 < j && IsDigit(Byte(s_, k + 1)))))
    ++k;
  if (k == j || !IsAsciiAlpha(Byte(s_, k))) return b;
  for (Pos q = k; q < j; ++q)
    if (!IsAsciiAlpha(Byte(s_, q))) return b;
  const std::string_view unit = s_.substr(k, j - k);
  static constexpr std::array<std::string_view, 5> kOrdinals = {"st", "nd", "rd", "th", "s"};
  if (InList(unit, kOrdinals) || (unit.size() == 1 && Byte(unit, 0) >= 'A' && Byte(unit, 0) <= 'Z')) return b;
  return k;
}

// Words the general rules would split otherwise, as EWT/GUM train write them: a cut-off word
// of one to three letters with its hyphen before a space ("th-", "w-": 130 against 10) and
// a number with a clitic ("60's", "1590's": 16 against 0). Returns the end of what it
// emitted for the word [b, j) found at b, or b.
Pos Splitter::EmitSpecial(Pos b, Pos j, Pos e) {
  if (j + 1 == e && s_[j] == '-' && j - b <= 3) {
    bool letters = true;
    for (Pos q = b; q < j; ++q) letters &= IsAsciiAlpha(Byte(s_, q));
    if (letters) {
      Emit(b, e);
      return e;
    }
  }
  if (j < e && IsDigit(Byte(s_, b))) {
    Pos apo = std::min(CharLen(s_, j), e - j);
    bool digits = true;
    for (Pos q = b; q < j; ++q) digits &= IsDigit(Byte(s_, q));
    if (digits && IsApostrophe(s_, j, apo) && j + apo < e && (s_[j + apo] | 0x20) == 's' &&
        (j + apo + 1 == e || !IsAlnum(Byte(s_, j + apo + 1)))) {
      Emit(b, j + apo + 1);
      return j + apo + 1;
    }
  }
  return b;
}

void Splitter::Chunk(Pos b, Pos e) {
  Pos i = b;
  while (i < e) {
    if (Pos face = Emoticon(i, e); face > 0) {
      Emit(i, i + face);
      i += face;
      continue;
    }
    // A hashtag ("#science") and a decade ("'70s", "’80s") are one word.
    if (s_[i] == '#' && i + 1 < e && IsAsciiAlpha(Byte(s_, i + 1))) {
      Pos j = WordEnd(i + 1, e);
      Emit(i, j);
      i = j;
      continue;
    }
    if (Pos apo = std::min(CharLen(s_, i), e - i); IsApostrophe(s_, i, apo) && i + apo + 3 <= e &&
                                                   IsDigit(Byte(s_, i + apo)) && IsDigit(Byte(s_, i + apo + 1)) &&
                                                   s_[i + apo + 2] == 's') {
      Emit(i, i + apo + 3);
      i += apo + 3;
      continue;
    }
    Pos url = UrlEnd(i, e);
    if (url > i) {
      Emit(i, url);
      i = url;
      continue;
    }
    if (IsPunctAt(i, e)) {
      // A clitic written apart ("Putin 's") is one word.
      if (IsApostrophe(s_, i, std::min(CharLen(s_, i), e - i))) {
        Pos w = WordEnd(i + CharLen(s_, i), e);
        std::string_view rest = s_.substr(i + CharLen(s_, i), w - i - CharLen(s_, i));
        static constexpr std::array<std::string_view, 6> kClitics = {"s", "re", "ve", "ll", "d", "m"};
        if (w == e && InList(rest, kClitics)) {
          Emit(i, e);
          return;
        }
      }
      Pos j = PunctRun(i, e);
      Emit(i, j);
      i = j;
      continue;
    }
    Pos j = WordEnd(i, e);
    if (Pos special = EmitSpecial(i, j, e); special > i) {
      i = special;
      continue;
    }
    if (j < e && s_[j] == '.' && (j + 1 == e || s_[j + 1] != '.') && KeepsPeriod(i, j)) ++j;
    if (j == e && EqualsLower(s_.substr(i, j - i), "its") && ItIsFollows(j)) {
      Emit(i, i + 2);
      Emit(i + 2, j);
    } else if (Pos unit = UnitStart(i, j); unit > i) {
      Emit(i, unit);
      EmitWord(unit, j);
    } else {
      EmitWord(i, j);
    }
    i = j;
  }
}

}  // namespace

void Tokenize(std::string_view text, std::uint32_t base, std::vector<Token>* out) {
  Splitter splitter(text, base, out);
  Pos i = 0;
  const Pos n = text.size();
  while (i < n) {
    Pos len = CharLen(text, i);
    if (IsSpaceCode(CodeAt(text, i, len))) {
      i += len;
      continue;
    }
    Pos j = i;
    while (j < n) {
      Pos l = CharLen(text, j);
      if (IsSpaceCode(CodeAt(text, j, l))) break;
      j += l;
    }
    splitter.Chunk(i, j);
    i = j;
  }
}

}  // namespace actorgraph::tagger

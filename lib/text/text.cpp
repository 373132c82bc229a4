#include "text/text.hpp"

#include "common/string_hash.hpp"
#include "common/utf8.hpp"

#include <spdlog/spdlog.h>
#include <unicode/brkiter.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>
#include <utility>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace actorgraph::text {
namespace {

// ASCII byte classes for the tokenizer's fast path.
// Byte classes for the tokenizer's fast path, one bit each so that a run of ASCII word
// bytes is one table lookup and one test per byte.
enum : std::uint8_t {
  kSep = 0,
  kLower = 1,
  kUpper = 2,
  kDigit = 4,
  kNonAscii = 8,
  kAsciiWord = kLower | kUpper | kDigit
};
constexpr std::array<std::uint8_t, 256> MakeByteClass() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  for (int c = 0x80; c < 0x100; ++c) t[c] = kNonAscii;
  return t;
}
constexpr auto kAsciiClass = MakeByteClass();

// The byte classes of 64 bytes as bit masks, bit k for the k-th byte (Classify64 below).
struct Block {
  std::uint64_t word, upper, lower, digit, non_ascii;
};

#if defined(__SSE2__)
// The byte classes of 16 bytes at once (SSE2, x86-64's baseline), one bit per byte (bit k
// for p[k]): the tokenizer's fastest path finds tokens' ends and flags from these masks
// instead of a branch per byte.
struct Window {
  unsigned word, upper, lower, digit, non_ascii;
};
inline Window Classify16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));
  // Bytes b with lo <= b < lo + count: (b - lo) below count unsigned, compared signed after
  // flipping the top bits.
  const auto in_range = [&](char lo, int count) {
    const __m128i t = _mm_xor_si128(_mm_sub_epi8(v, _mm_set1_epi8(lo)), flip);
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(t, _mm_set1_epi8(static_cast<char>(count - 128)))));
  };
  Window w;
  w.lower = in_range('a', 26);
  w.upper = in_range('A', 26);
  w.digit = in_range('0', 10);
  w.word = w.lower | w.upper | w.digit;
  w.non_ascii = static_cast<unsigned>(_mm_movemask_epi8(v));
  return w;
}

// The same for 64 bytes: bit k for p[k].
inline Block Classify64(const char* p) {
  Block b{};
  for (int part = 0; part < 4; ++part) {
    const Window w = Classify16(p + 16 * part);
    const int shift = 16 * part;
    b.word |= std::uint64_t{w.word} << shift;
    b.upper |= std::uint64_t{w.upper} << shift;
    b.lower |= std::uint64_t{w.lower} << shift;
    b.digit |= std::uint64_t{w.digit} << shift;
    b.non_ascii |= std::uint64_t{w.non_ascii} << shift;
  }
  return b;
}
#else
// The same, a byte at a time, where SSE2 is missing.
inline Block Classify64(const char* p) {
  Block b{};
  for (int k = 0; k < 64; ++k) {
    const std::uint8_t c = kAsciiClass[static_cast<unsigned char>(p[k])];
    const std::uint64_t bit = std::uint64_t{1} << k;
    if (c & kAsciiWord) b.word |= bit;
    if (c == kUpper) b.upper |= bit;
    if (c == kLower) b.lower |= bit;
    if (c == kDigit) b.digit |= bit;
    if (c == kNonAscii) b.non_ascii |= bit;
  }
  return b;
}
#endif

bool IsApostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC' || cp == U'\u2018'; }

// Scripts written without spaces between words: every character is a token of its own, so
// aliases in them still match token-aligned.
bool IsUnspacedScript(UScriptCode script) {
  switch (script) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_TIBETAN:
      return true;
    default:
      return false;
  }
}

bool IsWordChar(char32_t cp) {
  return u_isalnum(static_cast<UChar32>(cp)) || (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

// What the tokenizer asks ICU of a character beyond ASCII, as bits.
enum CharBits : std::uint8_t {
  kCharWord = 1 << 0,         // letter, digit or combining mark (IsWordChar)
  kCharAlpha = 1 << 1,        // u_isalpha
  kCharUpper = 1 << 2,        // upper or title case
  kCharDigit = 1 << 3,        // u_isdigit
  kCharOtherScript = 1 << 4,  // a letter of a script other than Latin (a kNonLatin token)
  kCharUnspaced = 1 << 5,     // a word character of a script written without spaces
};

std::uint8_t CharBitsFromIcu(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  std::uint8_t bits = 0;
  UErrorCode sc = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &sc);
  if (IsWordChar(cp)) bits |= kCharWord;
  if ((bits & kCharWord) && IsUnspacedScript(script)) bits |= kCharUnspaced;
  if (u_isalpha(c)) {
    bits |= kCharAlpha;
    if (script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) bits |= kCharOtherScript;
  }
  if (u_isupper(c) || u_istitle(c)) bits |= kCharUpper;
  if (u_isdigit(c)) bits |= kCharDigit;
  return bits;
}

// CharBits of a code point: from a table made once per process for the first 0x2100 (the
// alphabets of Europe, the Middle East and India, the Latin and Greek extensions, general
// punctuation: 8 KB, about a millisecond of ICU calls), from ICU beyond. Names with
// diacritics and curly quotes then cost the tokenizer a load per character, not a handful of
// calls into ICU.
std::uint8_t CharBitsOf(char32_t cp) {
  constexpr char32_t kTable = 0x2100;
  static const std::array<std::uint8_t, kTable> table = [] {
    std::array<std::uint8_t, kTable> t{};
    for (char32_t c = 0; c < kTable; ++c) t[c] = CharBitsFromIcu(c);
    return t;
  }();
  return cp < kTable ? table[cp] : CharBitsFromIcu(cp);
}

// Token flags of a word that depend on its characters alone (not kPossessive, kContraction).
std::uint8_t WordFlags(std::string_view word) {
  std::size_t letters = 0, upper = 0, digits = 0;
  bool first_upper = false, non_latin = false, ascii = true;
  for (std::size_t i = 0; i < word.size();) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      ++i;
      const std::uint8_t byte_class = kAsciiClass[b];
      if (byte_class == kDigit) {
        ++digits;
        continue;
      }
      if (byte_class == kSep) continue;
      if (letters == 0) first_upper = byte_class == kUpper;
      ++letters;
      upper += byte_class == kUpper;
      continue;
    }
    ascii = false;
    const std::uint8_t bits = CharBitsOf(utf8::Next(word, i));
    non_latin |= (bits & kCharOtherScript) != 0;
    if (bits & kCharDigit) {
      ++digits;
      continue;
    }
    if (!(bits & kCharAlpha)) continue;
    const bool up = (bits & kCharUpper) != 0;
    if (letters == 0) first_upper = up;
    ++letters;
    upper += up;
  }
  std::uint8_t flags = 0;
  if (first_upper) flags |= kCapitalized;
  if (letters >= 2 && upper == letters) flags |= kAllCaps;
  if (digits > 0 && letters == 0) flags |= kNumeric;
  if (non_latin) flags |= kNonLatin;
  if (upper == 0 && !non_latin && ascii) flags |= kLowerAscii;
  return flags;
}

// Which transliterator turns a token of this script into Latin letters. BGN/PCGN rules
// give the spellings English news uses ("Пашинян" → "Pashinyan", not "Pašinân").
const char* TransliteratorFor(UScriptCode script) {
  switch (script) {
    case USCRIPT_CYRILLIC:
      return "Russian-Latin/BGN; Any-Latin; Latin-ASCII";
    case USCRIPT_ARMENIAN:
      return "Armenian-Latin/BGN; Any-Latin; Latin-ASCII";
    case USCRIPT_GEORGIAN:
      return "Georgian-Latin/BGN; Any-Latin; Latin-ASCII";
    case USCRIPT_GREEK:
      return "Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII";
    case USCRIPT_LATIN:
      return "Latin-ASCII";
    default:
      return "Any-Latin; Latin-ASCII";
  }
}

}  // namespace

struct Analyzer::Impl {
  const icu::Normalizer2* nfkd = nullptr;
  const icu::Normalizer2* nfkc = nullptr;
  std::unordered_map<std::string, std::unique_ptr<icu::Transliterator>> translit;
  std::unique_ptr<icu::BreakIterator> sentences;
  // The keys and WordFlags of the non-ASCII tokens seen. Tokens of up to 24 bytes whose keys
  // have up to 29 (nearly all) live in a table of 64-byte entries that hold both inline, open
  // addressing with linear probing, at most half full: a lookup costs one cache miss. It
  // starts at 4096 entries and doubles; past kKeyTableMax tokens it starts again empty. The
  // others (longer tokens, and keys longer than an entry holds) live in key_cache.
  static constexpr std::size_t kKeyToken = 24, kKeyKey = 29;
  static constexpr std::size_t kKeyTableMax = std::size_t{1} << 17;  // tokens: a 16 MB table
  struct KeyEntry {
    std::uint64_t hash = 0;
    std::uint8_t token_len = 0;  // 0: empty
    std::uint8_t key_len = 0;
    std::uint8_t flags = 0;  // WordFlags of the token
    char token[kKeyToken];
    char key[kKeyKey];
  };
  static_assert(sizeof(KeyEntry) == 64);
  std::vector<KeyEntry> key_table;
  std::size_t key_count = 0;
  StringMap<std::pair<std::string, std::uint8_t>> key_cache;  // the longer tokens → key, flags
  // Scratch of Sentences, kept between documents.
  std::u16string u16;
  std::vector<std::uint32_t> to_byte;  // UTF-16 unit → UTF-8 byte offset (empty: ASCII text)
  std::vector<std::uint32_t> bounds;
  UText utext = UTEXT_INITIALIZER;

  Impl() {
    UErrorCode st = U_ZERO_ERROR;
    nfkd = icu::Normalizer2::getNFKDInstance(st);
    if (U_FAILURE(st)) {
      nfkd = nullptr;
      spdlog::warn("ICU NFKD unavailable: {}", u_errorName(st));
    }
    st = U_ZERO_ERROR;
    nfkc = icu::Normalizer2::getNFKCInstance(st);
    if (U_FAILURE(st)) {
      nfkc = nullptr;
      spdlog::warn("ICU NFKC unavailable: {}", u_errorName(st));
    }
    st = U_ZERO_ERROR;
    sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), st));
    if (U_FAILURE(st)) {
      st = U_ZERO_ERROR;
      sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), st));
    }
    if (U_FAILURE(st)) sentences.reset();
  }

  icu::Transliterator* TranslitFor(UScriptCode script) {
    const std::string id = TransliteratorFor(script);
    auto it = translit.find(id);
    if (it != translit.end()) return it->second.get();
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, st));
    if (U_FAILURE(st)) {
      spdlog::warn("ICU transliterator '{}' unavailable: {}", id, u_errorName(st));
      t.reset();
    }
    return translit.emplace(id, std::move(t)).first->second.get();
  }

  // The key of a token with non-ASCII characters, and its WordFlags. The view stays valid
  // until the next call (which may move the table or clear the cache).
  std::string_view SlowKey(std::string_view token, std::uint8_t* flags) {
    if (token.size() > kKeyToken) return SlowKeyCached(token, flags);
    if (key_table.empty()) key_table.resize(4096);
    const std::uint64_t h = bytes::HashKey(token);
    std::size_t mask = key_table.size() - 1, i = h & mask;
    for (;; i = (i + 1) & mask) {
      const KeyEntry& e = key_table[i];
      if (e.token_len == 0) break;
      if (e.hash == h && e.token_len == token.size() && bytes::Equal(e.token, token.data(), token.size())) {
        *flags = e.flags;
        return {e.key, e.key_len};
      }
    }
    if (!key_cache.empty()) {
      if (auto cached = key_cache.find(token); cached != key_cache.end()) {
        *flags = cached->second.second;
        return cached->second.first;
      }
    }
    *flags = WordFlags(token);
    key_scratch = ComputeKey(token);
    if (key_scratch.size() > kKeyKey) {  // too long for an entry: kept in key_cache
      if (key_cache.size() >= kKeyTableMax) key_cache.clear();
      return key_cache.emplace(std::string(token), std::make_pair(key_scratch, *flags)).first->second.first;
    }
    if (2 * (key_count + 1) > key_table.size()) {  // grow (or start again), then find the free entry anew
      GrowKeyTable();
      mask = key_table.size() - 1;
      for (i = h & mask; key_table[i].token_len != 0; i = (i + 1) & mask) {
      }
    }
    KeyEntry& e = key_table[i];
    e.hash = h;
    e.token_len = static_cast<std::uint8_t>(token.size());
    e.key_len = static_cast<std::uint8_t>(key_scratch.size());
    e.flags = *flags;
    std::memcpy(e.token, token.data(), token.size());
    std::memcpy(e.key, key_scratch.data(), key_scratch.size());
    ++key_count;
    return {e.key, e.key_len};
  }
  std::string key_scratch;

  // The key and WordFlags of a token from key_cache, worked out on first sight.
  std::string_view SlowKeyCached(std::string_view token, std::uint8_t* flags) {
    auto cached = key_cache.find(token);
    if (cached == key_cache.end()) {
      if (key_cache.size() >= kKeyTableMax) key_cache.clear();
      cached = key_cache.emplace(std::string(token), std::make_pair(ComputeKey(token), WordFlags(token))).first;
    }
    *flags = cached->second.second;
    return cached->second.first;
  }

  void GrowKeyTable() {
    if (key_count >= kKeyTableMax) {
      key_table.assign(4096, KeyEntry{});
      key_count = 0;
      return;
    }
    std::vector<KeyEntry> bigger(key_table.size() * 2);
    const std::size_t mask = bigger.size() - 1;
    for (const KeyEntry& e : key_table) {
      if (e.token_len == 0) continue;
      std::size_t i = e.hash & mask;
      while (bigger[i].token_len != 0) i = (i + 1) & mask;
      bigger[i] = e;
    }
    key_table.swap(bigger);
  }

  // The key of a token with non-ASCII characters: from its characters' keys when it has
  // them all (FastKey), else worked out with ICU.
  std::string ComputeKey(std::string_view token) {
    std::string out;
    if (FastKey(token, &out)) return out;
    out = ComputeKeyIcu(token, nullptr);
    if (out.empty()) out.assign(token);
    return out;
  }

  // ICU's steps for a key (possibly empty); `latin`, when given, tells whether they found no
  // letter of another script.
  std::string ComputeKeyIcu(std::string_view token, bool* latin) {
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
    s.foldCase();
    if (nfkd) {
      icu::UnicodeString d = nfkd->normalize(s, st);
      if (U_SUCCESS(st)) s = d;
    }
    // Drop combining marks; note the first non-Latin script seen.
    icu::UnicodeString stripped;
    UScriptCode other = USCRIPT_COMMON;
    for (int32_t i = 0; i < s.length();) {
      const UChar32 cp = s.char32At(i);
      i += U16_LENGTH(cp);
      if (U_GET_GC_MASK(cp) & U_GC_M_MASK) continue;
      if (other == USCRIPT_COMMON && u_isalpha(cp)) {
        UErrorCode sc = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(cp, &sc);
        if (script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) other = script;
      }
      stripped.append(cp);
    }
    s = stripped;
    if (latin) *latin = other == USCRIPT_COMMON;
    if (other != USCRIPT_COMMON && !IsUnspacedScript(other)) {
      if (icu::Transliterator* t = TranslitFor(other)) {
        t->transliterate(s);
        s.foldCase();
      }
    } else if (other == USCRIPT_COMMON) {
      // Latin letters without an ASCII decomposition: ə → a, ø → o, ł → l, æ → ae.
      bool ascii = true;
      for (int32_t i = 0; i < s.length() && ascii; ++i) ascii = s.charAt(i) < 0x80;
      if (!ascii) {
        if (icu::Transliterator* t = TranslitFor(USCRIPT_LATIN)) {
          t->transliterate(s);
          s.foldCase();
        }
      }
    }
    st = U_ZERO_ERROR;
    if (nfkc) {
      icu::UnicodeString c = nfkc->normalize(s, st);
      if (U_SUCCESS(st)) s = c;
    }
    // Azerbaijani schwa, which Latin-ASCII leaves as it is: "Əliyev" is "Aliyev" in English.
    s.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0259)), icu::UnicodeString("a"));
    // Keep word characters only (transliteration can leave "'" for soft signs).
    std::string out;
    for (int32_t i = 0; i < s.length();) {
      const UChar32 cp = s.char32At(i);
      i += U16_LENGTH(cp);
      if (IsWordChar(static_cast<char32_t>(cp)) && !(U_GET_GC_MASK(cp) & U_GC_M_MASK))
        utf8::Append(out, static_cast<char32_t>(cp));
    }
    return out;
  }

  // Every step of ComputeKeyIcu keeps to one character at a time when the letters are Latin
  // (case folding, decomposition, dropping marks, Latin-ASCII on lower case, the schwa) and
  // the result is ASCII, so the key of such a token is the keys of its characters in a row.
  // Those of the characters below U+2100 are worked out once per analyser, on first use: a
  // name with diacritics then costs a table load per character instead of a few microseconds
  // of ICU. A character whose key is not ASCII letters and digits (a combining mark alone, a
  // letter of another script, one that decomposes into one) sends its token to ICU.
  struct CharKey {
    std::uint8_t state = 0;  // 0: not worked out yet; 1: `bytes` is its key; 2: none
    std::uint8_t length = 0;
    char bytes[6] = {};
  };
  static constexpr char32_t kCharKeys = 0x2100;
  std::vector<CharKey> char_keys;

  bool FastKey(std::string_view token, std::string* out) {
    out->clear();
    for (std::size_t i = 0; i < token.size();) {
      const auto b = static_cast<unsigned char>(token[i]);
      if (b < 0x80) {
        const std::uint8_t cls = kAsciiClass[b];
        if (!(cls & kAsciiWord)) return false;
        out->push_back(static_cast<char>(cls == kUpper ? b + ('a' - 'A') : b));
        ++i;
        continue;
      }
      const char32_t cp = utf8::Next(token, i);
      if (cp >= kCharKeys) return false;
      if (char_keys.empty()) char_keys.resize(kCharKeys);
      CharKey& ck = char_keys[cp];
      if (ck.state == 0) FillCharKey(cp, &ck);
      if (ck.state != 1) return false;
      out->append(ck.bytes, ck.length);
    }
    return true;
  }

  void FillCharKey(char32_t cp, CharKey* ck) {
    ck->state = 2;
    if ((CharBitsOf(cp) & (kCharWord | kCharOtherScript)) != kCharWord) return;
    std::string one;
    utf8::Append(one, cp);
    bool latin = false;
    const std::string key = ComputeKeyIcu(one, &latin);
    if (!latin || key.empty() || key.size() > sizeof ck->bytes) return;
    for (const char c : key) {
      const std::uint8_t cls = kAsciiClass[static_cast<unsigned char>(c)];
      if (cls != kLower && cls != kDigit) return;
    }
    ck->state = 1;
    ck->length = static_cast<std::uint8_t>(key.size());
    std::memcpy(ck->bytes, key.data(), key.size());
  }
};

namespace {
constexpr std::size_t kChunk = 64 * 1024;
}  // namespace

TokenList::TokenList(const TokenList& other) { *this = other; }

TokenList& TokenList::operator=(const TokenList& other) {
  if (this == &other) return *this;
  clear();
  Grow(other.size());
  for (const Token& t : other) Add(t.start, t.end, t.flags, t.key);
  return *this;
}

TokenList& TokenList::operator=(TokenList&& other) noexcept {
  if (this == &other) return *this;
  tokens_ = std::move(other.tokens_);
  count_ = std::exchange(other.count_, 0);
  chunks_ = std::move(other.chunks_);
  large_ = std::move(other.large_);
  chunk_ = std::exchange(other.chunk_, 0);
  cur_ = std::exchange(other.cur_, nullptr);
  end_ = std::exchange(other.end_, nullptr);
  next_chunk_ = std::exchange(other.next_chunk_, 0);
  other.tokens_.clear();
  other.chunks_.clear();
  other.large_.clear();
  return *this;
}

void TokenList::clear() {
  count_ = 0;
  large_.clear();
  chunk_ = 0;
  cur_ = chunks_.empty() ? nullptr : chunks_[0].bytes.get();
  end_ = chunks_.empty() ? nullptr : cur_ + chunks_[0].size;
}

void TokenList::Prepare(std::size_t text_bytes) {
  // About one token per six bytes of prose; keys take at most the bytes of their tokens,
  // except where transliteration lengthens them (then another chunk follows).
  if (const std::size_t expected = text_bytes / 6 + 8; expected > tokens_.size()) Grow(expected);
  next_chunk_ = std::clamp<std::size_t>(text_bytes, 256, kChunk);
}

void TokenList::Grow(std::size_t at_least) {
  tokens_.resize(std::max({at_least, 2 * tokens_.size(), std::size_t{64}}));
}

char* TokenList::ReserveSlow(std::size_t len) {
  if (len > kChunk / 4) return large_.emplace_back(new char[len + kSlack]).get();
  len += kSlack;
  // The next chunk: a kept one that is large enough, or a new one.
  std::size_t next = cur_ == nullptr ? 0 : chunk_ + 1;
  while (next < chunks_.size() && chunks_[next].size < len) ++next;
  if (next >= chunks_.size()) {
    const std::size_t size = std::max(next_chunk_ == 0 ? kChunk : next_chunk_, len);
    chunks_.push_back({std::unique_ptr<char[]>(new char[size]), size});
    next_chunk_ = kChunk;
    next = chunks_.size() - 1;
  }
  chunk_ = next;
  cur_ = chunks_[next].bytes.get();
  end_ = cur_ + chunks_[next].size;
  char* p = cur_;
  cur_ += len - kSlack;
  return p;
}

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;

std::string Analyzer::Key(std::string_view token) {
  bool ascii = true;
  for (unsigned char c : token) ascii &= c < 0x80;
  std::uint8_t flags;
  if (!ascii) return std::string(impl_->SlowKey(token, &flags));
  std::string key(token);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

// The apostrophe flags of a one- or two-letter token that follows the previous token `prev`
// (nullptr: none) with an apostrophe between them: "Azerbaijan’s" (possessive), "don’t"
// (contraction).
static std::uint8_t ApostropheFlags(std::string_view text, const Token* prev, std::size_t start,
                                    std::string_view word) {
  if (prev == nullptr || prev->end >= start || word.size() > 2) return 0;
  std::size_t p = prev->end;
  const char32_t cp = utf8::Next(text, p);
  if (p != start || !IsApostrophe(cp)) return 0;
  if (word == "s" || word == "S") return kPossessive;
  if (word == "t" || word == "ll" || word == "re" || word == "ve" || word == "d" || word == "m") return kContraction;
  return 0;
}

// ApostropheFlags of an ASCII token of `len` bytes at `start`, called only when it can give
// any: a token of one or two bytes right after the last byte of an apostrophe (' ’ ʼ ‘).
// The byte before is tested first: it is rarely one of those, so that branch is well
// predicted, while one token in four or so has one or two bytes.
static std::uint8_t ShortTokenApostropheFlags(std::string_view text, const Token* prev, std::size_t start,
                                              std::size_t len) {
  if (start == 0) return 0;
  const auto before = static_cast<unsigned char>(text[start - 1]);
  if (before != '\'' && before != 0x99 && before != 0x98 && before != 0xBC) return 0;
  if (len > 2) return 0;
  return ApostropheFlags(text, prev, start, text.substr(start, len));
}

void Analyzer::Tokenize(std::string_view text, TokenList* tokens) {
  tokens->clear();
  tokens->Prepare(text.size());
  const std::size_t n = text.size();
  constexpr std::size_t kNoTail = ~std::size_t{0};
  std::size_t tail_from = kNoTail;  // where the copy in `tail` starts, once made
  alignas(16) char tail[160];       // the last 80 bytes or fewer, then zeros
  const auto Previous = [&]() { return tokens->empty() ? nullptr : &tokens->back(); };
  std::size_t pos = 0;
  while (pos < n) {
    // Fastest path, 64 bytes at a time: the byte classes of the block as bit masks, then
    // every token of ASCII letters and digits that starts in the block and ends before its
    // first non-ASCII byte, found and flagged with bit operations on the masks (no branch
    // per byte, no load per token). The block stops at a token that runs past it or into a
    // non-ASCII byte; the paths below take that one. A block needs 16 readable bytes after
    // it (a key is loaded 16 bytes at a time): the last 80 bytes of the text are read from a
    // copy followed by zeros, which are separators.
    const char* block = text.data() + pos;
    if (pos + 80 > n) {
      if (tail_from == kNoTail) {
        tail_from = pos;
        std::memset(tail, 0, sizeof tail);
        std::memcpy(tail, text.data() + pos, n - pos);
      }
      block = tail + (pos - tail_from);
    }
    {
      const Block b = Classify64(block);
      const std::uint64_t ascii = b.non_ascii == 0 ? ~std::uint64_t{0} : (b.non_ascii & -b.non_ascii) - 1;
      const std::uint64_t word = b.word & ascii;  // the ASCII word bytes before the first non-ASCII one
      std::uint64_t starts = word & ~(word << 1);
      std::size_t done = b.non_ascii == 0 ? 64 : static_cast<std::size_t>(__builtin_ctzll(b.non_ascii));
      TokenList::Cursor out = tokens->Open(32, 64);  // at most 32 tokens and 64 key bytes a block
      while (starts != 0) {
        const auto s = static_cast<unsigned>(__builtin_ctzll(starts));
        const std::uint64_t rest = ~word >> s;  // bit k: byte s + k ends the token
        const unsigned len = rest == 0 ? 64 : static_cast<unsigned>(__builtin_ctzll(rest));
        if (s + len >= 64 || ((b.non_ascii >> (s + len)) & 1)) {
          done = s;  // runs past the block or into a non-ASCII byte
          break;
        }
        const std::uint64_t in = (std::uint64_t{1} << len) - 1;
        const std::uint64_t up = (b.upper >> s) & in, low = (b.lower >> s) & in, dig = (b.digit >> s) & in;
        auto flags = static_cast<std::uint8_t>(((up & 1) ? kCapitalized : 0) |
                                               ((low == 0 && (up & (up - 1)) != 0) ? kAllCaps : 0) |
                                               (dig == in ? kNumeric : 0) | (up == 0 ? kLowerAscii : 0));
        const std::size_t at = pos + s;
        flags |= ShortTokenApostropheFlags(text, tokens->Last(out), at, len);
        TokenList::AppendAscii(out, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + len), flags,
                               block + s, len);
        starts &= starts - 1;
      }
      tokens->Close(out);
      if (done > 0) {
        pos += done;
        continue;
      }
    }
    const std::size_t start = pos;
    // Fast path: a token of ASCII letters and digits followed by a separator. One pass
    // classifies the bytes and counts capitals and digits.
    std::uint8_t cls = kAsciiClass[static_cast<unsigned char>(text[pos])];
    if (cls == kSep) {
      ++pos;
      continue;
    }
    if (cls != kNonAscii) {
      const bool first_upper = cls == kUpper;
      std::uint8_t seen = 0;  // the classes met in the token, ORed
      std::size_t end = pos;
      do {
        seen |= cls;
        ++end;
      } while (end < n && ((cls = kAsciiClass[static_cast<unsigned char>(text[end])]) & kAsciiWord));
      if (end == n || cls == kSep) {
        const std::size_t len = end - start;
        std::uint8_t flags = 0;
        if (first_upper) flags |= kCapitalized;
        if ((seen & (kUpper | kLower)) == kUpper) {  // capitals and no small letters: two or more?
          std::size_t upper = 0;
          for (std::size_t k = start; k < end && upper < 2; ++k)
            upper += kAsciiClass[static_cast<unsigned char>(text[k])] == kUpper;
          if (upper >= 2) flags |= kAllCaps;
        }
        if (seen == kDigit) flags |= kNumeric;
        if (!(seen & kUpper)) flags |= kLowerAscii;
        flags |= ShortTokenApostropheFlags(text, Previous(), start, len);
        if (seen & kUpper) {
          tokens->AddLowered(static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), flags,
                             text.substr(start, len));
        } else {
          tokens->Add(static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), flags,
                      text.substr(start, len));
        }
        pos = end;
        continue;
      }
      // A non-ASCII byte continues the token: the general path below takes it from the start.
    }
    // General path: a token with a character beyond ASCII, or next to one.
    std::uint8_t first;
    {
      const unsigned char b = static_cast<unsigned char>(text[pos]);
      if (b < 0x80) {
        first = kAsciiClass[b] != kSep ? kCharWord : 0;
        ++pos;
      } else {
        first = CharBitsOf(utf8::Next(text, pos));
      }
    }
    if (!(first & kCharWord)) continue;
    bool ascii = static_cast<unsigned char>(text[start]) < 0x80;
    // Extend the token over word characters (a character of an unspaced script stands alone).
    if (!(first & kCharUnspaced)) {
      while (pos < n) {
        const unsigned char b = static_cast<unsigned char>(text[pos]);
        if (b < 0x80) {
          if (kAsciiClass[b] == kSep) break;
          ++pos;
          continue;
        }
        std::size_t next = pos;
        const std::uint8_t bits = CharBitsOf(utf8::Next(text, next));
        if (!(bits & kCharWord) || (bits & kCharUnspaced)) break;
        ascii = false;
        pos = next;
      }
    }
    const std::string_view word = text.substr(start, pos - start);
    const auto tok_start = static_cast<std::uint32_t>(start), tok_end = static_cast<std::uint32_t>(pos);
    if (ascii) {
      tokens->AddLowered(tok_start, tok_end, WordFlags(word) | ApostropheFlags(text, Previous(), start, word), word);
    } else {
      std::uint8_t flags = 0;
      const std::string_view key = impl_->SlowKey(word, &flags);
      tokens->Add(tok_start, tok_end, flags | ApostropheFlags(text, Previous(), start, word), key);
    }
  }
}

std::string Analyzer::PhraseKey(std::string_view phrase) {
  TokenList toks;
  Tokenize(phrase, &toks);
  std::string key;
  for (const auto& t : toks) {
    if (!key.empty()) key += ' ';
    key += t.key;
  }
  return key;
}

namespace {

// Converts `text` to UTF-16 in `u16` (resized to the text's byte length, which bounds the
// unit count) and returns the number of units. ICU iterates UTF-16 about 1.5 times faster
// than UTF-8 through a UText. When the text is ASCII, offsets stay the same and `to_byte`
// stays empty; otherwise `to_byte[unit]` is the byte offset of each unit, plus one entry for
// the end.
std::size_t ToUtf16(std::string_view text, std::u16string& u16, std::vector<std::uint32_t>& to_byte) {
  u16.resize(text.size());
  to_byte.clear();
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (!to_byte.empty()) to_byte.push_back(static_cast<std::uint32_t>(i));
      u16[units++] = b;
      ++i;
      continue;
    }
    if (to_byte.empty()) {
      to_byte.resize(units);
      for (std::size_t k = 0; k < units; ++k) to_byte[k] = static_cast<std::uint32_t>(k);
    }
    const std::size_t at = i;
    const char32_t cp = utf8::Next(text, i);
    if (cp >= 0x10000) {
      u16[units++] = static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      u16[units++] = static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
      to_byte.push_back(static_cast<std::uint32_t>(at));
      to_byte.push_back(static_cast<std::uint32_t>(at));  // never a boundary: inside a pair
    } else {
      u16[units++] = static_cast<char16_t>(cp);
      to_byte.push_back(static_cast<std::uint32_t>(at));
    }
  }
  if (!to_byte.empty()) to_byte.push_back(static_cast<std::uint32_t>(text.size()));
  return units;
}

// Whether `piece` ends in an abbreviation of dotted capitals: "U.S.", "U.N.", "E.U.".
bool DottedAbbreviation(std::string_view piece) {
  std::size_t n = piece.size(), letters = 0;
  while (n >= 2 && piece[n - 1] == '.' && piece[n - 2] >= 'A' && piece[n - 2] <= 'Z') {
    n -= 2;
    ++letters;
  }
  return letters >= 2 && (n == 0 || piece[n - 1] == ' ' || piece[n - 1] == '(' || piece[n - 1] == '-');
}

// Words that open sentences more often than they follow "U.S." inside one.
bool SentenceStarter(std::string_view w) {
  static constexpr std::string_view kStarters[] = {
      "A",     "An",   "The",   "This", "That",  "These", "Those",   "It",        "He",      "She",   "They", "We",
      "I",     "You",  "But",   "And",  "Or",    "So",    "Yet",     "In",        "On",      "At",    "For",  "With",
      "After", "When", "While", "As",   "If",    "There", "Its",     "His",       "Her",     "Their", "Our",  "Both",
      "Some",  "Many", "Most",  "Such", "Still", "Also",  "However", "Meanwhile", "Earlier", "Later", "Last", "Next"};
  if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) return true;
  for (const std::string_view s : kStarters) {
    if (w == s) return true;
  }
  return false;
}

// Whether `piece` ends in a title abbreviation that ICU's English suppressions lack:
// "Dr.", "Sen.", "Gov.", "St." ("Dear Dr. Kaminski", "former St. Thomas residents").
bool TitleAbbreviation(std::string_view piece) {
  static constexpr std::string_view kTitles[] = {"Dr",   "Drs",  "St",  "Ft",   "Gov", "Govs",   "Sen",
                                                 "Sens", "Gen",  "Lt",  "Pres", "Adm", "Cmdr",   "Supt",
                                                 "Hon",  "Insp", "Amb", "Sgt",  "Rep", "Messrs", "Mmes"};
  if (piece.empty() || piece.back() != '.') return false;
  piece.remove_suffix(1);
  const std::size_t at = piece.find_last_of(" \t\r\n(\"'");
  const std::string_view word = at == std::string_view::npos ? piece : piece.substr(at + 1);
  for (const std::string_view t : kTitles) {
    if (word == t) return true;
  }
  return false;
}

// Whether the break at `end`, between two characters that are not whitespace, falls inside
// a URL ("search?q=talks": ICU ends a sentence after any '?' or '!').
bool InsideUrl(std::string_view text, std::size_t end) {
  if (end == 0 || end >= text.size()) return false;
  const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  if (space(text[end - 1]) || space(text[end])) return false;
  std::size_t from = end;
  while (from > 0 && !space(text[from - 1])) --from;
  const std::string_view head = text.substr(from, end - from);
  return head.find("://") != std::string_view::npos || head.find("www.") != std::string_view::npos;
}

// Whether `piece` holds only closing quotes and brackets (and spaces): what ICU leaves of
// "(... the next day. )" or "the phrase. '".
bool ClosingOnly(std::string_view piece) {
  return piece.find_first_not_of(" \t\r\n)]}'\"") == std::string_view::npos &&
         piece.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

// Whether the break `end` of the sentence that starts at `start` is one of ICU's to undo.
bool KeepsSentence(std::string_view text, std::uint32_t start, std::uint32_t end) {
  std::size_t last = end;
  while (last > start &&
         (text[last - 1] == ' ' || text[last - 1] == '\n' || text[last - 1] == '\r' || text[last - 1] == '\t'))
    --last;
  const bool blank_line = text.substr(last, end - last).find("\n\n") != std::string_view::npos ||
                          text.substr(last, end - last).find("\n\r\n") != std::string_view::npos;
  if (blank_line) return false;
  // A sentence across a single line break: the first part ends without sentence
  // punctuation and the next starts with a lower-case letter.
  const char before = last > start ? text[last - 1] : '.';
  const char after = end < text.size() ? text[end] : 'A';
  const bool terminal = before == '.' || before == '!' || before == '?' || before == '"' || before == ':' ||
                        static_cast<unsigned char>(before) >= 0x80;
  if (!terminal && after >= 'a' && after <= 'z') return true;
  // A middle initial ("Wendy R. Sherman", "George W. Bush") ends no sentence.
  const bool initial = last >= start + 2 && before == '.' && text[last - 2] >= 'A' && text[last - 2] <= 'Z' &&
                       (last == start + 2 || text[last - 3] == ' ');
  if (initial && after >= 'A' && after <= 'Z' && last == end - 1) return true;
  // "U.S. Secretary of State", "U.N. envoy", "Sen. McCain", "St. Thomas": an abbreviation
  // before a word that does not start sentences.
  const std::string_view piece = text.substr(start, last - start);
  if (last == end - 1 && (DottedAbbreviation(piece) || TitleAbbreviation(piece)) &&
      !SentenceStarter(text.substr(end, text.find_first_of(" \t\r\n,;:", end) - end))) {
    return true;
  }
  // A leading ellipsis ("...Now comes the fun part") and a break inside a URL.
  if (last == end && piece.find_first_not_of(".\u2026") == std::string_view::npos) return true;
  return InsideUrl(text, end);
}

// The sentences between the break offsets `bounds` (ascending, the last one the text's
// end), after the repairs of ICU's breaks in KeepsSentence.
void SentencesFromBounds(std::string_view text, const std::vector<std::uint32_t>& bounds, std::vector<Span>* out) {
  std::uint32_t start = 0;
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    const std::uint32_t end = bounds[i];
    if (i + 1 < bounds.size() && KeepsSentence(text, start, end)) continue;
    // Whitespace alone (the blank line after a headline), and closing quotes or brackets
    // alone, belong to the sentence before.
    const std::string_view piece = text.substr(start, end - start);
    if (!out->empty() && (piece.find_first_not_of(" \t\r\n") == std::string_view::npos || ClosingOnly(piece))) {
      out->back().end = end;
      start = end;
      continue;
    }
    out->push_back({start, end});
    start = end;
  }
}

}  // namespace

void Analyzer::Sentences(std::string_view text, std::vector<Span>* out) {
  out->clear();
  if (text.empty()) return;
  std::vector<std::uint32_t>& bounds = impl_->bounds;
  bounds.clear();
  if (impl_->sentences && text.size() < (std::size_t{1} << 31)) {
    std::vector<std::uint32_t>& to_byte = impl_->to_byte;
    const std::size_t units = ToUtf16(text, impl_->u16, to_byte);
    UErrorCode st = U_ZERO_ERROR;
    UText* ut = utext_openUChars(&impl_->utext, impl_->u16.data(), static_cast<int64_t>(units), &st);
    if (U_SUCCESS(st)) {
      impl_->sentences->setText(ut, st);
      if (U_SUCCESS(st)) {
        for (int32_t b = impl_->sentences->next(); b != icu::BreakIterator::DONE; b = impl_->sentences->next()) {
          bounds.push_back(to_byte.empty() ? static_cast<std::uint32_t>(b) : to_byte[static_cast<std::size_t>(b)]);
        }
      }
      utext_close(ut);
    }
  }
  if (bounds.empty() || bounds.back() != text.size()) bounds.push_back(static_cast<std::uint32_t>(text.size()));
  SentencesFromBounds(text, bounds, out);
}

}  // namespace actorgraph::text

// actorgraph — stage 2: text.
//
// Turns a document's UTF-8 text into tokens and sentences whose positions are byte offsets
// into that same text, and gives every token a normalised *key* so that matching is
// insensitive to case, diacritics, compatibility forms and script:
//
//   key("Stéphane") == key("Stephane") == key("STEPHANE") == "stephane"
//   key("Путин")    == key("Putin")                        == "putin"   (Cyrillic → Latin)
//   key("ﬁnal")     == "final"                                          (NFKC)
//
// Tokens are maximal runs of letters, combining marks and digits. Everything else separates
// tokens, so hyphen, space and apostrophe variants tokenise alike ("Nagorno-Karabakh",
// "Nagorno Karabakh" → "nagorno" "karabakh"), and a possessive ending is its own token marked
// kPossessive ("Azerbaijan’s" → "azerbaijan" + "s"). Periods inside abbreviations split
// too ("U.S." → "u" "s").
//
// Keys: ASCII tokens are lowercased in place (the fast path). Other tokens go through ICU:
// NFKD, combining marks removed, full case folding, then, for tokens in a script other than
// Latin, ICU's Any-Latin and Latin-ASCII transliteration, then NFKC. The same function makes
// the keys of gazetteer aliases, so both sides meet in one space.
#pragma once

#include "common/bytes.hpp"
#include "common/status.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace actorgraph::text {

enum TokenFlags : std::uint8_t {
  kCapitalized = 1 << 0,  // first letter is upper or title case ("Bayramov", "OSCE")
  kAllCaps = 1 << 1,      // every letter is upper case and there are at least two ("OSCE")
  kNumeric = 1 << 2,      // digits only ("2021")
  kPossessive = 1 << 3,   // the "s" of "’s" / "'s" right after a token
  kNonLatin = 1 << 4,     // contains letters of a script other than Latin
  kContraction = 1 << 5,  // "t", "ll", "re", "ve", "d", "m" right after an apostrophe ("don’t")
  kLowerAscii = 1 << 6,   // ASCII only, no capital letter ("can", "putin")
};

struct Token {
  std::uint32_t start = 0;  // byte offset in the document text
  std::uint32_t end = 0;    // exclusive
  std::uint8_t flags = 0;
  std::string_view key;    // normalised form (see above); never empty. Stored by the
                           // TokenList that holds the token, with at least eight readable
                           // bytes after it (the matcher loads keys a word at a time).
  std::uint64_t hash = 0;  // bytes::HashKey(key), worked out as the key is stored: the
                           // matcher looks every token up by it
};
// Tokens are made by a TokenList (Analyzer::Tokenize), which keeps both guarantees above.

// The tokens of one text with the storage of their keys, which Tokenize fills. Keys live in
// chunks that the list owns, so they stay valid when the list is moved, and the chunks are
// kept for the next text when it is cleared (no allocation per token). Copying the list
// copies the keys. Readers take std::span<const Token>, which a TokenList converts to.
class TokenList {
 public:
  TokenList() = default;
  TokenList(const TokenList& other);
  TokenList& operator=(const TokenList& other);
  TokenList(TokenList&& other) noexcept { *this = std::move(other); }
  TokenList& operator=(TokenList&& other) noexcept;  // leaves `other` empty
  // Exchanges the tokens and the key storage of two lists (no key moves).
  void swap(TokenList& other) noexcept {
    tokens_.swap(other.tokens_);
    std::swap(count_, other.count_);
    chunks_.swap(other.chunks_);
    large_.swap(other.large_);
    std::swap(chunk_, other.chunk_);
    std::swap(cur_, other.cur_);
    std::swap(end_, other.end_);
    std::swap(next_chunk_, other.next_chunk_);
  }
  friend void swap(TokenList& a, TokenList& b) noexcept { a.swap(b); }

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  const Token& operator[](std::size_t i) const { return tokens_[i]; }
  const Token& front() const { return tokens_[0]; }
  const Token& back() const { return tokens_[count_ - 1]; }
  const Token* data() const { return tokens_.data(); }
  const Token* begin() const { return tokens_.data(); }
  const Token* end() const { return tokens_.data() + count_; }

  // Drops the tokens; keeps the memory.
  void clear();
  // Adds `by` to every token's offsets: the tokens of a part of a text that starts at `by`.
  void Shift(std::uint32_t by) {
    for (std::size_t i = 0; i < count_; ++i) {
      tokens_[i].start += by;
      tokens_[i].end += by;
    }
  }
  // Makes room for the tokens of a text of `text_bytes` bytes (an estimate, not a limit).
  void Prepare(std::size_t text_bytes);
  // Appends a token, copying `key` into the list.
  void Add(std::uint32_t start, std::uint32_t end, std::uint8_t flags, std::string_view key) {
    std::uint64_t hash;
    const std::string_view stored = Store(key, 0, &hash);
    Push(Token{start, end, flags, stored, hash});
  }
  // The tokenizer appends the ASCII tokens of a 64-byte block through a cursor, whose
  // pointers stay in registers (the list's own would be reloaded after every key byte
  // written, which may alias them). Open makes room for `tokens` more tokens and
  // `key_bytes` more key bytes followed by the usual slack; Close keeps what was appended.
  struct Cursor {
    Token* token;
    char* key;
  };
  Cursor Open(std::size_t tokens, std::size_t key_bytes) {
    if (count_ + tokens > tokens_.size()) Grow(count_ + tokens);
    char* key = Reserve(key_bytes);
    cur_ = key;
    return {tokens_.data() + count_, key};
  }
  void Close(const Cursor& c) {
    count_ = static_cast<std::size_t>(c.token - tokens_.data());
    cur_ = c.key;
  }
  // The token before the cursor, or nullptr.
  const Token* Last(const Cursor& c) const { return c.token == tokens_.data() ? nullptr : c.token - 1; }
  // Appends through `c` a token of `len` (1 to 63) ASCII letters and digits at `p` whose key
  // is their lower case: its words copied with every byte ORed with 0x20 (digits and small
  // letters have that bit already). `p` has at least 16 readable bytes, and `len` rounded up
  // to eight. A key of up to 15 bytes takes the same steps whatever its length: two words
  // copied, the hash from the same two words masked to the key's bytes.
  static void AppendAscii(Cursor& c, std::uint32_t start, std::uint32_t end, std::uint8_t flags, const char* p,
                          std::size_t len) {
    char* dst = c.key;
    std::uint64_t w0, w1;
    std::memcpy(&w0, p, 8);
    std::memcpy(&w1, p + 8, 8);
    w0 |= 0x2020202020202020ULL;
    w1 |= 0x2020202020202020ULL;
    std::memcpy(dst, &w0, 8);
    std::memcpy(dst + 8, &w1, 8);
    std::uint64_t hash;
    if (len < 16) [[likely]] {
      const std::uint64_t k0 = w0 & bytes::LowBytes(len < 8 ? len : 8);
      const std::uint64_t k1 = w1 & bytes::LowBytes(len > 8 ? len - 8 : 0);
      hash = bytes::HashShort(k0, k1, len);
    } else {
      for (std::size_t i = 16; i < len; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        w |= 0x2020202020202020ULL;
        std::memcpy(dst + i, &w, 8);
      }
      hash = bytes::HashKey({dst, len});
    }
    *c.token++ = Token{start, end, flags, {dst, len}, hash};
    c.key = dst + len;
  }
  // Appends a token whose key is `text` with every byte ORed with 0x20: the lower case of a
  // `text` of ASCII letters and digits only (digits already have that bit).
  void AddLowered(std::uint32_t start, std::uint32_t end, std::uint8_t flags, std::string_view text) {
    std::uint64_t hash;
    const std::string_view stored = Store(text, 0x2020202020202020ULL, &hash);
    Push(Token{start, end, flags, stored, hash});
  }

 private:
  // Copies `key` into the chunks eight bytes at a time, each word ORed with `mask`, then
  // hashes the stored key. The last word may write up to seven bytes past the key: Reserve
  // keeps more slack than that.
  std::string_view Store(std::string_view key, std::uint64_t mask, std::uint64_t* hash) {
    char* p = Reserve(key.size());
    for (std::size_t i = 0; i < key.size(); i += 8) {
      const std::uint64_t w = bytes::LoadUpTo8(key.data() + i, std::min<std::size_t>(8, key.size() - i)) | mask;
      std::memcpy(p + i, &w, 8);
    }
    *hash = bytes::HashKey({p, key.size()});
    return {p, key.size()};
  }

  static constexpr std::size_t kSlack = 16;
  // `len` bytes for a key, with kSlack writable bytes after them.
  char* Reserve(std::size_t len) {
    if (len + kSlack <= static_cast<std::size_t>(end_ - cur_)) {
      char* p = cur_;
      cur_ += len;
      return p;
    }
    return ReserveSlow(len);
  }
  char* ReserveSlow(std::size_t len);
  void Push(const Token& t) {
    if (count_ == tokens_.size()) Grow(count_ + 1);
    tokens_[count_++] = t;
  }
  void Grow(std::size_t at_least);

  std::vector<Token> tokens_;  // storage: the first count_ are the tokens
  std::size_t count_ = 0;
  struct Chunk {
    std::unique_ptr<char[]> bytes;
    std::size_t size = 0;
  };
  std::vector<Chunk> chunks_;  // reused after clear()
  std::size_t chunk_ = 0;      // the chunk being filled (when cur_ is set)
  char* cur_ = nullptr;        // free bytes of that chunk: [cur_, end_)
  char* end_ = nullptr;
  std::size_t next_chunk_ = 0;                  // size of the next chunk to allocate
  std::vector<std::unique_ptr<char[]>> large_;  // keys longer than a chunk, freed by clear()
};

struct Span {
  std::uint32_t start = 0;
  std::uint32_t end = 0;  // exclusive
};

// Per-thread analyser: holds ICU objects and a cache of non-ASCII keys. Not thread-safe;
// create one per worker. Construction never fails: if an ICU service is unavailable the
// analyser falls back to the steps that are (reported once through spdlog).
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Tokens of valid UTF-8 `text`, in order (replacing what `tokens` held). ASCII text is
  // read 64 bytes at a time (bit masks of the byte classes; see lib/gazetteer/MATCHING.md),
  // the rest byte by byte, with ICU for non-ASCII letters and keys.
  void Tokenize(std::string_view text, TokenList* tokens);

  // Sentences of valid UTF-8 `text`, in order, covering it without gaps (whitespace
  // between sentences belongs to the preceding one). ICU's sentence rules with English
  // abbreviation suppressions ("Mr.", "U.S."), plus: a blank line (or a line without final
  // punctuation, such as a headline) ends a sentence; a title ICU does not know ("Dr.",
  // "Sen.", "Gov.", "St.") before a name, a middle initial, a URL ("search?q=") and a
  // leading ellipsis end none; closing brackets or quotes alone join the sentence before.
  void Sentences(std::string_view text, std::vector<Span>* sentences);

  // The normalised key of one token's text (see the header comment).
  std::string Key(std::string_view token_text);

  // Keys of all tokens of a phrase joined by single spaces: "Nagorno-Karabakh" →
  // "nagorno karabakh". Used for aliases and lexicon phrases.
  std::string PhraseKey(std::string_view phrase);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::text

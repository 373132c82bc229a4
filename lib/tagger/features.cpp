// Feature templates of the tagger and the chunker.
#include "tagger/internal/features.hpp"

#include "tagger/internal/hash.hpp"

namespace actorgraph::tagger::internal {
namespace {

// Template numbers: part of the model format (keys hash them).
enum Template : std::uint32_t {
  kBias,
  kWord,
  kSuffix1,                 // .. kSuffix4 = kSuffix1 + 3
  kPrefix1 = kSuffix1 + 4,  // .. kPrefix3
  kShape = kPrefix1 + 3,
  kFlagsFirst,
  kPrevTag,
  kPrevTwoTags,
  kPrevTagWord,
  kPrevWord,
  kPrev2Word,
  kNextWord,
  kNext2Word,
  kPrevSuffix3,
  kNextSuffix3,
  kAmb,
  kNextAmb,
  kNext2Amb,
  kPrevTagNextAmb,
  kWordNextWord,
  kPrevWordWord,
  kNextShape,
  kAmbSuffix3,
  kNextTag,
  kNextTwoTags,
  kPrevNextTag,
  kNextTagWord,
  // chunker
  kCBias = 100,
  kCTag,
  kCPrevTag,
  kCPrev2Tag,
  kCNextTag,
  kCNext2Tag,
  kCPrevTagTag,
  kCTagNextTag,
  kCPrevNextTag,
  kCPrevChunk,
  kCPrevChunkTag,
  kCPrevChunkTagNext,
  kCWord,
  kCPrevChunkWord,
  kCNextWordTag,
  kCPrevWordTag,
  kCTagTrigram,
  kCWordNextTag,
  kCPrevTagWord,
  kCSuffix3Tag,
  kCNext2Trigram,
};

constexpr std::uint64_t kStartWord = 0x5354415254ULL, kEndWord = 0x454E44ULL;

std::uint64_t ShapeHash(std::string_view w) {
  char buf[8];
  int n = 0;
  char last = 0;
  int run = 0;
  for (char ch : w) {
    unsigned char c = static_cast<unsigned char>(ch);
    char k = c >= 'A' && c <= 'Z'   ? 'X'
             : c >= 'a' && c <= 'z' ? 'x'
             : c >= '0' && c <= '9' ? 'd'
             : c >= 0x80            ? 'u'
                                    : ch;
    run = k == last ? run + 1 : 1;
    last = k;
    if (run > 2 || n == 8) continue;
    buf[n++] = k;
  }
  return HashBytes(std::string_view(buf, n));
}

}  // namespace

void NormaliseWord(std::string_view word, std::string* out) {
  for (char ch : word) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z')
      ch = static_cast<char>(c | 0x20);
    else if (c >= '1' && c <= '9')
      ch = '0';
    out->push_back(ch);
  }
}

void Describe(std::string_view text, std::span<const Token> tokens, std::string* lower, std::vector<WordInfo>* info) {
  info->resize(tokens.size());
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const Token& tok = tokens[t];
    std::string_view w;
    if (tok.start < tok.end && tok.end <= text.size()) w = text.substr(tok.start, tok.end - tok.start);
    WordInfo& d = (*info)[t];
    lower->clear();
    NormaliseWord(w, lower);
    std::string_view l = *lower;
    d.word = HashBytes(l);
    for (std::size_t k = 0; k < 4; ++k) d.suf[k] = HashBytes(l.substr(l.size() > k + 1 ? l.size() - k - 1 : 0));
    for (std::size_t k = 0; k < 3; ++k) d.pre[k] = HashBytes(l.substr(0, k + 1));
    d.shape = ShapeHash(w);
    d.amb = 0;
    std::uint32_t f = 0;
    bool any_lower = false;
    for (char ch : w) {
      if (ch >= 'a' && ch <= 'z') any_lower = true;
      if (ch >= '0' && ch <= '9') f |= kDigit;
      if (ch == '-') f |= kHyphen;
    }
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') f |= any_lower ? kCapital : kCapital | kAllCaps;
    d.flags = f;
  }
}

namespace {

// PosFeatures' keys of the kinds in `parts` (kWordKeys, kContextKeys), in PosFeatures' order
// (training sums float weights in that order).
int PosKeys(unsigned parts, const WordInfo* info, int n, int i, const std::uint8_t* tags, const std::uint8_t* right,
            std::uint64_t* keys) {
  const WordInfo& w = info[i];
  const bool own = (parts & kWordKeys) != 0, context = (parts & kContextKeys) != 0;
  std::uint64_t t1 = i > 0 ? tags[i - 1] : kStartTag, t2 = i > 1 ? tags[i - 2] : kStartTag;
  std::uint64_t wp = i > 0 ? info[i - 1].word : kStartWord, wp2 = i > 1 ? info[i - 2].word : kStartWord;
  std::uint64_t wn = i + 1 < n ? info[i + 1].word : kEndWord, wn2 = i + 2 < n ? info[i + 2].word : kEndWord;
  std::uint64_t an = i + 1 < n ? info[i + 1].amb : 0xFFFF, an2 = i + 2 < n ? info[i + 2].amb : 0xFFFF;
  int k = 0;
  if (own) {
    keys[k++] = Key(kBias, 0);
    keys[k++] = Key(kWord, w.word);
    for (int s = 0; s < 4; ++s) keys[k++] = Key(kSuffix1 + s, w.suf[s]);
    for (int s = 0; s < 3; ++s) keys[k++] = Key(kPrefix1 + s, w.pre[s]);
    keys[k++] = Key(kShape, w.shape);
  }
  if (context) {
    keys[k++] = Key(kFlagsFirst, w.flags, i == 0);
    keys[k++] = Key(kPrevTag, t1);
    keys[k++] = Key(kPrevTwoTags, t1, t2);
    keys[k++] = Key(kPrevTagWord, t1, w.word);
    keys[k++] = Key(kPrevWord, wp);
    keys[k++] = Key(kPrev2Word, wp2);
    keys[k++] = Key(kNextWord, wn);
    keys[k++] = Key(kNext2Word, wn2);
    keys[k++] = Key(kPrevSuffix3, i > 0 ? info[i - 1].suf[2] : kStartWord);
    keys[k++] = Key(kNextSuffix3, i + 1 < n ? info[i + 1].suf[2] : kEndWord);
  }
  if (own) keys[k++] = Key(kAmb, w.amb);
  if (context) {
    keys[k++] = Key(kNextAmb, an);
    keys[k++] = Key(kNext2Amb, an2);
    keys[k++] = Key(kPrevTagNextAmb, t1, an);
    keys[k++] = Key(kWordNextWord, w.word, wn);
    keys[k++] = Key(kPrevWordWord, wp, w.word);
    keys[k++] = Key(kNextShape, i + 1 < n ? info[i + 1].shape : kEndWord);
  }
  if (own) keys[k++] = Key(kAmbSuffix3, w.amb, w.suf[2]);
  if (context && right != nullptr) {
    std::uint64_t r1 = i + 1 < n ? right[i + 1] : kStartTag, r2 = i + 2 < n ? right[i + 2] : kStartTag;
    keys[k++] = Key(kNextTag, r1);
    keys[k++] = Key(kNextTwoTags, r1, r2);
    keys[k++] = Key(kPrevNextTag, t1, r1);
    keys[k++] = Key(kNextTagWord, r1, w.word);
  }
  return k;
}

}  // namespace

int PosFeatures(const WordInfo* info, int n, int i, const std::uint8_t* tags, const std::uint8_t* right,
                std::uint64_t* keys) {
  return PosKeys(kWordKeys | kContextKeys, info, n, i, tags, right, keys);
}

int PosWordFeatures(const WordInfo& word, std::uint64_t* keys) {
  return PosKeys(kWordKeys, &word, 1, 0, nullptr, nullptr, keys);
}

int PosContextFeatures(const WordInfo* info, int n, int i, const std::uint8_t* tags, const std::uint8_t* right,
                       std::uint64_t* keys) {
  return PosKeys(kContextKeys, info, n, i, tags, right, keys);
}

namespace {

// ChunkFeatures' keys of the kinds in `parts` (kWindowKeys, kContextKeys), in ChunkFeatures'
// order.
int ChunkKeys(unsigned parts, const WordInfo* info, const std::uint8_t* upos, int n, int i, const std::uint8_t* chunks,
              std::uint64_t* keys) {
  auto tag = [&](int j) -> std::uint64_t { return j < 0 ? kStartTag : j >= n ? kStartTag + 1 : upos[j]; };
  const bool window = (parts & kWindowKeys) != 0, words = (parts & kContextKeys) != 0;
  std::uint64_t c1 = i > 0 ? chunks[i - 1] : kStartTag;
  std::uint64_t t = tag(i), tp = tag(i - 1), tn = tag(i + 1);
  std::uint64_t w = info[i].word;
  int k = 0;
  if (window) {
    keys[k++] = Key(kCBias, 0);
    keys[k++] = Key(kCTag, t);
    keys[k++] = Key(kCPrevTag, tp);
    keys[k++] = Key(kCPrev2Tag, tag(i - 2));
    keys[k++] = Key(kCNextTag, tn);
    keys[k++] = Key(kCNext2Tag, tag(i + 2));
    keys[k++] = Key(kCPrevTagTag, tp, t);
    keys[k++] = Key(kCTagNextTag, t, tn);
    keys[k++] = Key(kCPrevNextTag, tp, tn);
    keys[k++] = Key(kCPrevChunk, c1);
    keys[k++] = Key(kCPrevChunkTag, c1, t);
    keys[k++] = Key(kCPrevChunkTagNext, c1 * 64 + t, tn);
  }
  if (words) {
    keys[k++] = Key(kCWord, w);
    keys[k++] = Key(kCPrevChunkWord, c1, w);
    keys[k++] = Key(kCNextWordTag, i + 1 < n ? info[i + 1].word : kEndWord, t);
    keys[k++] = Key(kCPrevWordTag, i > 0 ? info[i - 1].word : kStartWord, t);
  }
  if (window) keys[k++] = Key(kCTagTrigram, tp * 64 + t, tn);
  if (words) {
    keys[k++] = Key(kCWordNextTag, w, tn);
    keys[k++] = Key(kCPrevTagWord, tp, w);
    keys[k++] = Key(kCSuffix3Tag, info[i].suf[2], t);
  }
  if (window) keys[k++] = Key(kCNext2Trigram, t * 64 + tn, tag(i + 2));
  return k;
}

}  // namespace

int ChunkFeatures(const WordInfo* info, const std::uint8_t* upos, int n, int i, const std::uint8_t* chunks,
                  std::uint64_t* keys) {
  return ChunkKeys(kWindowKeys | kContextKeys, info, upos, n, i, chunks, keys);
}

std::uint64_t ChunkWindow(const std::uint8_t* upos, int n, int i, const std::uint8_t* chunks) {
  auto tag = [&](int j) -> std::uint64_t { return j < 0 ? kStartTag : j >= n ? kStartTag + 1 : upos[j] & 63U; };
  const std::uint64_t c1 = i > 0 ? chunks[i - 1] & 63U : kStartTag;
  return tag(i - 2) | tag(i - 1) << 6 | tag(i) << 12 | tag(i + 1) << 18 | tag(i + 2) << 24 | c1 << 30 | 1ULL << 36;
}

int ChunkWindowFeatures(const WordInfo* info, const std::uint8_t* upos, int n, int i, const std::uint8_t* chunks,
                        std::uint64_t* keys) {
  return ChunkKeys(kWindowKeys, info, upos, n, i, chunks, keys);
}

int ChunkWordFeatures(const WordInfo* info, const std::uint8_t* upos, int n, int i, const std::uint8_t* chunks,
                      std::uint64_t* keys) {
  return ChunkKeys(kContextKeys, info, upos, n, i, chunks, keys);
}

}  // namespace actorgraph::tagger::internal

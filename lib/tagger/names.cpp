// The name tagger: features, greedy BILOU decoding, the model file, and training. The weights,
// hashing, word features and averaged perceptron are the POS tagger's (internal/*.hpp).
//
// Model file (little-endian): magic "AGNAMES1", u32 version (2), u32 labels (13), u32 feature
// count, f32 scale (int16 weight = averaged weight x scale), the sorted keys (u64 each), the
// weights (i16, 13 per key), then FNV-1a 64 of every byte before it.
#include "tagger/names.hpp"

#include "tagger/internal/features.hpp"
#include "tagger/internal/hash.hpp"
#include "tagger/internal/model_data.hpp"
#include "tagger/internal/names.hpp"
#include "tagger/internal/perceptron.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <fstream>
#include <sstream>

namespace actorgraph::tagger {
namespace internal {
namespace {

constexpr char kNamesMagic[8] = {'A', 'G', 'N', 'A', 'M', 'E', 'S', '1'};
constexpr std::uint32_t kNamesVersion = 2;
constexpr std::size_t kNamesHeader = 24;
constexpr int kMaxNameFeatures = 48;

// Template numbers: part of the model format.
enum NameTemplate : std::uint32_t {
  kNBias = 300,
  kNWord,
  kNSuffix1,                  // .. +3
  kNPrefix1 = kNSuffix1 + 4,  // .. +2
  kNShape = kNPrefix1 + 3,
  kNFlagsFirst,
  kNClass,
  kNPrevUposUpos,
  kNUposNextUpos,
  kNPrevWord,
  kNPrev2Word,
  kNNextWord,
  kNNext2Word,
  kNPrevShape,
  kNNextShape,
  kNPrevShapeShape,
  kNShapeNextShape,
  kNPrevLabel,
  kNPrevTwoLabels,
  kNPrevLabelWord,
  kNPrevLabelShape,
  kNPrevLabelUpos,
  kNGaz,
  kNPrevGaz,
  kNNextGaz,
  kNGazShape,
  kNGiven,
  kNPrevGiven,
  kNTitleBefore,
  kNWordUpos,
  kNPrevWordWord,
  kNWordNextWord,
  kNNextUpos,
  kNPrevUpos,
  kNGazPrevLabel,
  kNTitleShape,
  kNRunFirst,
  kNRunLast,
  kNRunLength,
  kNRunLastClass,
};

constexpr std::uint64_t kStartWord = 0x5354415254ULL, kEndWord = 0x454E44ULL;

std::uint64_t GazCode(const NameHint& h) { return std::uint64_t{h.gaz_kind} * 8 + h.gaz_pos; }

// A word's class, with "a proper noun in the dictionary" and "not in the dictionary" as one
// value: the dictionary knows the names of its own training text, which is also this model's,
// so a new name would otherwise look unlike every name seen in training.
std::uint64_t ClassAt(const std::uint32_t* upos, int n, int j) {
  if (j < 0) return 1ULL << 40;
  if (j >= n) return 1ULL << 41;
  const std::uint32_t c = upos[j];
  return c == 0 || (c & (1U << static_cast<int>(Upos::kPropn))) ? 1ULL << 42 : c;
}

// The features that read the labels before word i: `l1` the one before, `l2` the one before
// that (20 before the first word).
int LabelFeatures(const WordInfo* info, const std::uint32_t* upos, const NameHint* hints, int n, int i,
                  std::uint64_t l1, std::uint64_t l2, std::uint64_t* keys) {
  const WordInfo& w = info[i];
  int k = 0;
  keys[k++] = Key(kNPrevLabel, l1);
  keys[k++] = Key(kNPrevTwoLabels, l1, l2);
  keys[k++] = Key(kNPrevLabelWord, l1, w.word);
  keys[k++] = Key(kNPrevLabelShape, l1, w.shape);
  keys[k++] = Key(kNPrevLabelUpos, l1, ClassAt(upos, n, i));
  keys[k++] = Key(kNGazPrevLabel, GazCode(hints[i]), l1);
  return k;
}

// The features of word i that do not read labels.
int WordFeatures(const WordInfo* info, const std::uint32_t* upos, const NameHint* hints, int n, int i,
                 std::uint64_t* keys) {
  const WordInfo& w = info[i];
  auto tag = [&](int j) { return ClassAt(upos, n, j); };
  auto word = [&](int j) { return j < 0 ? kStartWord : j >= n ? kEndWord : info[j].word; };
  auto shape = [&](int j) { return j < 0 ? kStartWord : j >= n ? kEndWord : info[j].shape; };
  auto gaz = [&](int j) -> std::uint64_t { return j < 0 || j >= n ? 99 : GazCode(hints[j]); };
  const std::uint64_t t = tag(i);
  int k = 0;
  keys[k++] = Key(kNBias, 0);
  keys[k++] = Key(kNWord, w.word);
  for (int s = 0; s < 4; ++s) keys[k++] = Key(kNSuffix1 + s, w.suf[s]);
  for (int s = 0; s < 3; ++s) keys[k++] = Key(kNPrefix1 + s, w.pre[s]);
  keys[k++] = Key(kNShape, w.shape);
  keys[k++] = Key(kNFlagsFirst, w.flags, i == 0);
  keys[k++] = Key(kNClass, t);
  keys[k++] = Key(kNPrevUposUpos, tag(i - 1), t);
  keys[k++] = Key(kNUposNextUpos, t, tag(i + 1));
  keys[k++] = Key(kNPrevUpos, tag(i - 1));
  keys[k++] = Key(kNNextUpos, tag(i + 1));
  keys[k++] = Key(kNPrevWord, word(i - 1));
  keys[k++] = Key(kNPrev2Word, word(i - 2));
  keys[k++] = Key(kNNextWord, word(i + 1));
  keys[k++] = Key(kNNext2Word, word(i + 2));
  keys[k++] = Key(kNPrevShape, shape(i - 1));
  keys[k++] = Key(kNNextShape, shape(i + 1));
  keys[k++] = Key(kNPrevShapeShape, shape(i - 1), w.shape);
  keys[k++] = Key(kNShapeNextShape, w.shape, shape(i + 1));
  keys[k++] = Key(kNGaz, gaz(i));
  keys[k++] = Key(kNPrevGaz, gaz(i - 1));
  keys[k++] = Key(kNNextGaz, gaz(i + 1));
  keys[k++] = Key(kNGazShape, gaz(i), w.shape);
  keys[k++] = Key(kNGiven, hints[i].given);
  keys[k++] = Key(kNPrevGiven, i > 0 && hints[i - 1].given);
  keys[k++] = Key(kNTitleBefore, hints[i].title_before);
  keys[k++] = Key(kNTitleShape, hints[i].title_before, w.shape);
  keys[k++] = Key(kNWordUpos, w.word, t);
  keys[k++] = Key(kNPrevWordWord, word(i - 1), w.word);
  keys[k++] = Key(kNWordNextWord, w.word, word(i + 1));
  // The run of capitalised words this word is in: its first and last words say much of what
  // it names ("... Holdings", "University of ..."), wherever the word is in it.
  if (w.flags & kCapital) {
    int a = i, b = i + 1;
    while (a > 0 && (info[a - 1].flags & kCapital)) --a;
    while (b < n && (info[b].flags & kCapital)) ++b;
    keys[k++] = Key(kNRunFirst, info[a].word, a == i);
    keys[k++] = Key(kNRunLast, info[b - 1].word, b - 1 == i);
    keys[k++] = Key(kNRunLength, std::min(b - a, 5), i - a);
    keys[k++] = Key(kNRunLastClass, info[b - 1].word, t);
  }
  return k;
}

int NameFeatures(const WordInfo* info, const std::uint32_t* upos, const NameHint* hints, int n, int i,
                 const std::uint8_t* labels, std::uint64_t* keys) {
  const int k = WordFeatures(info, upos, hints, n, i, keys);
  const std::uint64_t l1 = i > 0 ? labels[i - 1] : 20, l2 = i > 1 ? labels[i - 2] : 20;
  return k + LabelFeatures(info, upos, hints, n, i, l1, l2, keys + k);
}

// BILOU labels: the type (0..2) and the part (0 B, 1 I, 2 L, 3 U) of a label other than O.
int TypeOf(int label) { return (label - 1) / 4; }
int PartOf(int label) { return (label - 1) % 4; }
// Whether a name is open after `label` (B-X or I-X), so that only I-X or L-X may follow.
bool Open(int label) { return label != 0 && PartOf(label) < 2; }

// Whether label `c` may follow `prev`: inside a name its I or L, outside one B or U, and O
// anywhere (a name may end without its L: training with that was better on every test set
// than strict BILOU, .642 -> .648 on PUD).
bool Follows(int prev, int c) {
  if (c == 0) return true;
  if (Open(prev)) return TypeOf(c) == TypeOf(prev) && (PartOf(c) == 1 || PartOf(c) == 2);
  return PartOf(c) == 0 || PartOf(c) == 3;
}

// BIO training labels to BILOU.
std::vector<std::uint8_t> ToBilou(const std::vector<std::uint8_t>& bio) {
  const int n = static_cast<int>(bio.size());
  std::vector<std::uint8_t> out(n, 0);
  for (int i = 0; i < n;) {
    if (bio[i] == 0) {
      ++i;
      continue;
    }
    const int type = (bio[i] - 1) / 2;
    int j = i + 1;
    while (j < n && bio[j] == 2 * type + 2) ++j;
    const int base = 1 + 4 * type;
    if (j - i == 1) {
      out[i] = static_cast<std::uint8_t>(base + 3);
    } else {
      out[i] = static_cast<std::uint8_t>(base);
      for (int k = i + 1; k < j - 1; ++k) out[k] = static_cast<std::uint8_t>(base + 1);
      out[j - 1] = static_cast<std::uint8_t>(base + 2);
    }
    i = j;
  }
  return out;
}

template <class T>
void Put(std::string* out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out->append(b, sizeof(T));
}

std::string SerializeNames(const WeightTable& t, float scale) {
  std::string out(kNamesMagic, 8);
  Put(&out, kNamesVersion);
  Put(&out, std::uint32_t{kNameLabels});
  Put(&out, static_cast<std::uint32_t>(t.keys.size()));
  Put(&out, scale);
  for (std::uint64_t key : t.keys) Put(&out, key);
  for (std::int16_t w : t.weights) Put(&out, w);
  Put(&out, Checksum(out));
  return out;
}

}  // namespace

namespace {

// One training run over the sentences `order` lists, with `hints` for every sentence of `train`.
std::string TrainOnce(const std::vector<NameSentence>& train, const std::vector<std::vector<WordInfo>>& info,
                      const std::vector<std::vector<NameHint>>& all_hints, std::vector<int> order,
                      const NameTrainOptions& o, std::string* log) {
  Perceptron p(kNameLabels);
  std::uint64_t rng = o.seed;
  std::uint64_t keys[kMaxNameFeatures];
  float scores[kNameLabels];
  std::vector<std::uint8_t> labels;
  std::vector<NameHint> hints;
  const auto drop_below = static_cast<std::uint64_t>(o.hint_dropout * 1000);
  std::vector<std::vector<std::uint8_t>> gold(train.size());
  for (std::size_t i = 0; i < train.size(); ++i) gold[i] = ToBilou(train[i].labels);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    Shuffle(&order, &rng);
    std::size_t correct = 0, total = 0;
    for (int si : order) {
      const NameSentence& s = train[si];
      const int n = static_cast<int>(s.words.size());
      hints = all_hints[si];
      if (Mix(o.seed ^ (static_cast<std::uint64_t>(si) * 1315423911ULL + epoch)) % 1000 < drop_below) {
        for (NameHint& h : hints) h.gaz_kind = h.gaz_pos = 0;
      }
      labels.assign(n, 0);
      for (int i = 0; i < n; ++i) {
        int k = NameFeatures(info[si].data(), s.tag_classes.data(), hints.data(), n, i, labels.data(), keys);
        p.Tick();
        p.Score(keys, k, scores);
        const int prev = i > 0 ? labels[i - 1] : 0;
        int guess = -1;
        for (int c = 0; c < kNameLabels; ++c)
          if (Follows(prev, c) && (guess < 0 || scores[c] > scores[guess])) guess = c;
        if (guess != gold[si][i]) p.Update(keys, k, gold[si][i], guess);
        correct += guess == gold[si][i];
        labels[i] = static_cast<std::uint8_t>(guess);
      }
      total += n;
    }
    *log += "names epoch " + std::to_string(epoch + 1) + ": training accuracy " +
            std::to_string(100.0 * correct / std::max<std::size_t>(total, 1)) + "\n";
  }
  float scale = 0;
  WeightTable t = p.Finish(o.prune, &scale);
  *log += "features kept: " + std::to_string(t.keys.size()) + "\n";
  return SerializeNames(t, scale);
}

}  // namespace

}  // namespace internal

struct NameModel::Impl {
  internal::WeightTable table;
  internal::KeyIndex index;
  float scale = 1;
};

NameModel::NameModel() = default;
NameModel::~NameModel() = default;
NameModel::NameModel(NameModel&&) noexcept = default;
NameModel& NameModel::operator=(NameModel&&) noexcept = default;

Status NameModel::FromBytes(std::string_view b, const std::string& name, NameModel* out) {
  out->impl_.reset();
  auto fail = [&](std::size_t at, const std::string& what) {
    return Status::BadInput(name + ": byte " + std::to_string(at) + ": " + what +
                            "; retrain it with scripts/train-models.sh");
  };
  if (b.size() < internal::kNamesHeader + 8)
    return fail(b.size(), "file too short for a name model header (truncated?)");
  if (std::memcmp(b.data(), internal::kNamesMagic, 8) != 0) return fail(0, "not a name model (bad magic)");
  std::uint32_t version, labels, count;
  float scale;
  std::memcpy(&version, b.data() + 8, 4);
  std::memcpy(&labels, b.data() + 12, 4);
  std::memcpy(&count, b.data() + 16, 4);
  std::memcpy(&scale, b.data() + 20, 4);
  if (version != internal::kNamesVersion) return fail(8, "unsupported format version");
  if (labels != internal::kNameLabels) return fail(12, "wrong number of labels");
  if (!(scale > 0)) return fail(20, "weight scale not positive");
  const std::size_t expected = internal::kNamesHeader + std::size_t{count} * (8 + 2 * internal::kNameLabels) + 8;
  if (b.size() != expected)
    return fail(b.size(), "size " + std::to_string(b.size()) + " does not match the counts in the header (expected " +
                              std::to_string(expected) + "; truncated?)");
  std::uint64_t stored;
  std::memcpy(&stored, b.data() + b.size() - 8, 8);
  if (stored != internal::Checksum(b.substr(0, b.size() - 8)))
    return fail(b.size() - 8, "checksum mismatch (the file is damaged)");
  auto impl = std::make_unique<Impl>();
  impl->scale = scale;
  impl->table.keys.resize(count);
  std::size_t pos = internal::kNamesHeader;
  for (std::uint32_t i = 0; i < count; ++i, pos += 8) {
    std::memcpy(&impl->table.keys[i], b.data() + pos, 8);
    if (impl->table.keys[i] == 0 || (i > 0 && impl->table.keys[i] <= impl->table.keys[i - 1]))
      return fail(pos, "feature keys not in order");
  }
  impl->table.weights.resize(std::size_t{count} * internal::kNameLabels);
  std::memcpy(impl->table.weights.data(), b.data() + pos, impl->table.weights.size() * 2);
  impl->index.Build(impl->table.keys.data(), count);
  out->impl_ = std::move(impl);
  return Status::Ok();
}

Status NameModel::Load(const std::string& path, NameModel* out) {
  out->impl_.reset();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(path + ": cannot open the name model");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::Io(path + ": read error");
  return FromBytes(ss.str(), path, out);
}

std::string_view NameTypeName(NameType type) {
  switch (type) {
    case NameType::kPerson:
      return "PER";
    case NameType::kOrganization:
      return "ORG";
    case NameType::kLocation:
      return "LOC";
  }
  return "?";
}

struct NameTagger::Scratch {
  std::string lower;
  std::vector<internal::WordInfo> info;
  std::vector<std::uint8_t> labels;
  std::vector<float> margins;
  std::array<std::uint64_t, internal::kMaxNameFeatures> keys;
  std::array<const std::int16_t*, internal::kMaxNameFeatures> rows;
};

NameTagger::NameTagger(const NameModel& model) : model_(model.impl()), scratch_(std::make_unique<Scratch>()) {}
NameTagger::~NameTagger() = default;

void NameTagger::Tag(std::string_view text, std::span<const Token> tokens, const std::uint32_t* upos,
                     const NameHint* hints, std::vector<NameSpan>* out) {
  out->clear();
  if (model_ == nullptr || tokens.empty()) return;
  Scratch& s = *scratch_;
  internal::Describe(text, tokens, &s.lower, &s.info);
  const int n = static_cast<int>(tokens.size());
  s.labels.assign(n, 0);
  s.margins.assign(n, 0);
  std::int32_t scores[internal::kNameLabels];
  for (int i = 0; i < n; ++i) {
    const int k = internal::NameFeatures(s.info.data(), upos, hints, n, i, s.labels.data(), s.keys.data());
    // The look-ups miss the cache: ask for every line first, then read them.
    for (int f = 0; f < k; ++f) model_->index.Prefetch(s.keys[f]);
    int found = 0;
    for (int f = 0; f < k; ++f) {
      const std::int64_t row = model_->index.Find(s.keys[f]);
      if (row < 0) continue;
      s.rows[found++] = model_->table.weights.data() + row * internal::kNameLabels;
      __builtin_prefetch(s.rows[found - 1]);
    }
    for (int& sc : scores) sc = 0;
    for (int f = 0; f < found; ++f)
      for (int c = 0; c < internal::kNameLabels; ++c) scores[c] += s.rows[f][c];
    // Greedy, with BILOU's transitions (internal::Follows).
    const int prev = i > 0 ? s.labels[i - 1] : 0;
    int best = -1;
    for (int c = 0; c < internal::kNameLabels; ++c)
      if (internal::Follows(prev, c) && (best < 0 || scores[c] > scores[best])) best = c;
    std::int32_t second = INT32_MIN;
    for (int c = 0; c < internal::kNameLabels; ++c)
      if (c != best && internal::Follows(prev, c)) second = std::max(second, scores[c]);
    s.labels[i] = static_cast<std::uint8_t>(best);
    s.margins[i] = second == INT32_MIN ? 0 : static_cast<float>(scores[best] - second) / model_->scale;
  }
  for (int i = 0; i < n;) {
    if (s.labels[i] == 0) {
      ++i;
      continue;
    }
    NameSpan span;
    span.first = static_cast<std::uint32_t>(i);
    span.type = static_cast<NameType>(internal::TypeOf(s.labels[i]));
    span.margin = s.margins[i];
    int j = i + 1;
    // B I* L, or U; a name still open before an O, B or U or at the end of the words ends there.
    while (j < n && internal::Open(s.labels[j - 1]) && s.labels[j] != 0)
      span.margin = std::min(span.margin, s.margins[j++]);
    // The word after the name must be sure it is not part of it.
    if (j < n) span.margin = std::min(span.margin, s.margins[j]);
    span.end = static_cast<std::uint32_t>(j);
    out->push_back(span);
    i = j;
  }
}

namespace internal {

Status TrainNames(const std::vector<NameSentence>& train, const NameTrainOptions& o, std::string* model_bytes,
                  std::string* log) {
  if (train.empty()) return Status::BadInput("no training sentences");
  std::vector<std::vector<WordInfo>> info(train.size());
  std::string scratch;
  for (std::size_t i = 0; i < train.size(); ++i) Describe(train[i].text, train[i].words, &scratch, &info[i]);
  std::vector<int> order(train.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::vector<std::vector<NameHint>> hints;
  for (const NameSentence& s : train) hints.push_back(s.hints);
  *model_bytes = TrainOnce(train, info, hints, order, o, log);
  return Status::Ok();
}

}  // namespace internal

}  // namespace actorgraph::tagger

// The model file: writing, and reading with every count, offset and bound checked.
//
// Layout (all integers little-endian):
//   0   8 bytes  magic "AGTAGGER"
//   8   u32      format version (2)
//   12  u32      UPOS classes (17)      16  u32  chunk classes (5)      20  u32  flags
//   24  u32 x 8  counts: pos, pos2, chunk features; tag-dictionary words; lemma exceptions;
//                lemma rules; string pool bytes; known lemmas
//   56  sections in that order: keys (u64 each) then weights (i16, classes per key) of each
//       weight table; dictionary keys (u64) then masks (u32); exception keys then records
//       (u32 offset, u16 length, u8 strip, u8 keep-case); rule keys then records; known
//       lemma keys (u64, sorted); the pool
//   end u64      FNV-1a 64 of every byte before it
#include "tagger/internal/model_data.hpp"

#include <cstring>
#include <fstream>
#include <sstream>

namespace actorgraph::tagger::internal {
namespace {

constexpr std::size_t kHeaderSize = 56;

template <class T>
void Put(std::string* out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));  // the supported targets are little-endian
  out->append(b, sizeof(T));
}

template <class T>
void PutAll(std::string* out, const std::vector<T>& v) {
  for (const T& x : v) Put(out, x);
}

void PutRules(std::string* out, const std::vector<LemmaRule>& rules) {
  for (const LemmaRule& r : rules) {
    Put(out, r.off);
    Put(out, r.len);
    Put(out, r.strip);
    Put(out, r.keep_case);
  }
}

// Bounds-checked reading; every failure names the byte where it was noticed.
class In {
 public:
  In(std::string_view bytes, const std::string& name) : b_(bytes), name_(name) {}
  Status Fail(std::size_t at, const std::string& what) const {
    return Status::BadInput(name_ + ": byte " + std::to_string(at) + ": " + what +
                            "; retrain it with scripts/train-models.sh");
  }
  template <class T>
  T Get() {
    T v{};
    std::memcpy(&v, b_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::size_t pos() const { return pos_; }
  void Seek(std::size_t p) { pos_ = p; }

  // Reads n sorted distinct non-zero keys.
  Status Keys(std::size_t n, std::vector<std::uint64_t>* keys) {
    keys->resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t at = pos_;
      (*keys)[i] = Get<std::uint64_t>();
      if ((*keys)[i] == 0 || (i > 0 && (*keys)[i] <= (*keys)[i - 1])) return Fail(at, "feature keys not in order");
    }
    return Status::Ok();
  }
  Status Rules(std::size_t n, std::size_t pool_size, std::vector<LemmaRule>* rules) {
    rules->resize(n);
    for (LemmaRule& r : *rules) {
      std::size_t at = pos_;
      r.off = Get<std::uint32_t>();
      r.len = Get<std::uint16_t>();
      r.strip = Get<std::uint8_t>();
      r.keep_case = Get<std::uint8_t>();
      if (std::size_t{r.off} + r.len > pool_size || r.keep_case > 1 || r.strip > 64)
        return Fail(at, "lemma record out of bounds");
    }
    return Status::Ok();
  }

 private:
  std::string_view b_;
  const std::string& name_;
  std::size_t pos_ = 0;
};

struct Counts {
  std::uint64_t pos, pos2, chunk, amb, lex, rules, pool, lemmas;
  std::uint64_t Bytes() const {
    return (pos + pos2) * (8 + 2 * kUposCount) + chunk * (8 + 2 * kChunkCount) + amb * 12 + (lex + rules) * 16 +
           lemmas * 8 + pool;
  }
};

Status ReadHeader(In& in, std::size_t size, ModelData* data, Counts* c) {
  if (size < kHeaderSize + 8) return in.Fail(size, "file too short for a model header (truncated?)");
  char magic[8];
  for (char& m : magic) m = in.Get<char>();
  if (std::memcmp(magic, kMagic, 8) != 0) return in.Fail(0, "not a tagger model (bad magic)");
  if (in.Get<std::uint32_t>() != kFormatVersion) return in.Fail(8, "unsupported format version");
  if (in.Get<std::uint32_t>() != kUposCount) return in.Fail(12, "wrong number of UPOS classes");
  if (in.Get<std::uint32_t>() != kChunkCount) return in.Fail(16, "wrong number of chunk classes");
  data->flags = in.Get<std::uint32_t>();
  if (data->flags > kFlagTwoPass) return in.Fail(20, "unknown flags");
  std::uint64_t* fields[] = {&c->pos, &c->pos2, &c->chunk, &c->amb, &c->lex, &c->rules, &c->pool, &c->lemmas};
  for (std::uint64_t* f : fields) *f = in.Get<std::uint32_t>();
  if ((c->pos2 != 0) != ((data->flags & kFlagTwoPass) != 0)) return in.Fail(28, "second-pass table and flags disagree");
  if (kHeaderSize + c->Bytes() + 8 != size)
    return in.Fail(size, "size " + std::to_string(size) + " does not match the counts in the header (expected " +
                             std::to_string(kHeaderSize + c->Bytes() + 8) + "; truncated?)");
  return Status::Ok();
}

Status ReadTable(In& in, std::size_t n, int classes, WeightTable* t) {
  ACTORGRAPH_RETURN_IF_ERROR(in.Keys(n, &t->keys));
  t->weights.resize(n * classes);
  for (std::int16_t& w : t->weights) w = in.Get<std::int16_t>();
  return Status::Ok();
}

}  // namespace

std::uint64_t Checksum(std::string_view bytes) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  return h;
}

std::string Serialize(const ModelData& d) {
  std::string out(kMagic, 8);
  Put(&out, kFormatVersion);
  Put(&out, std::uint32_t{kUposCount});
  Put(&out, std::uint32_t{kChunkCount});
  Put(&out, d.flags);
  for (std::size_t n : {d.pos.keys.size(), d.pos2.keys.size(), d.chunk.keys.size(), d.amb_keys.size(),
                        d.lex_keys.size(), d.rule_keys.size(), d.pool.size(), d.lemma_keys.size()})
    Put(&out, static_cast<std::uint32_t>(n));
  for (const WeightTable* t : {&d.pos, &d.pos2, &d.chunk}) {
    PutAll(&out, t->keys);
    PutAll(&out, t->weights);
  }
  PutAll(&out, d.amb_keys);
  PutAll(&out, d.amb_masks);
  PutAll(&out, d.lex_keys);
  PutRules(&out, d.lex);
  PutAll(&out, d.rule_keys);
  PutRules(&out, d.rules);
  PutAll(&out, d.lemma_keys);
  out += d.pool;
  Put(&out, Checksum(out));
  return out;
}

Status Parse(std::string_view bytes, const std::string& name, ModelData* d) {
  In in(bytes, name);
  Counts c{};
  ACTORGRAPH_RETURN_IF_ERROR(ReadHeader(in, bytes.size(), d, &c));
  std::uint64_t stored;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  if (stored != Checksum(bytes.substr(0, bytes.size() - 8)))
    return in.Fail(bytes.size() - 8, "checksum mismatch (the file is damaged)");
  in.Seek(kHeaderSize);
  ACTORGRAPH_RETURN_IF_ERROR(ReadTable(in, c.pos, kUposCount, &d->pos));
  ACTORGRAPH_RETURN_IF_ERROR(ReadTable(in, c.pos2, kUposCount, &d->pos2));
  ACTORGRAPH_RETURN_IF_ERROR(ReadTable(in, c.chunk, kChunkCount, &d->chunk));
  ACTORGRAPH_RETURN_IF_ERROR(in.Keys(c.amb, &d->amb_keys));
  d->amb_masks.resize(c.amb);
  for (std::uint32_t& m : d->amb_masks) {
    std::size_t at = in.pos();
    m = in.Get<std::uint32_t>();
    if (m >= (1U << kUposCount)) return in.Fail(at, "tag-dictionary entry out of range");
  }
  ACTORGRAPH_RETURN_IF_ERROR(in.Keys(c.lex, &d->lex_keys));
  ACTORGRAPH_RETURN_IF_ERROR(in.Rules(c.lex, c.pool, &d->lex));
  ACTORGRAPH_RETURN_IF_ERROR(in.Keys(c.rules, &d->rule_keys));
  ACTORGRAPH_RETURN_IF_ERROR(in.Rules(c.rules, c.pool, &d->rules));
  ACTORGRAPH_RETURN_IF_ERROR(in.Keys(c.lemmas, &d->lemma_keys));
  d->pool.assign(bytes.substr(in.pos(), c.pool));
  return Status::Ok();
}

}  // namespace actorgraph::tagger::internal

namespace actorgraph::tagger {

Model::Model() = default;
Model::~Model() = default;
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;

Status Model::FromBytes(std::string_view bytes, const std::string& name, Model* out) {
  out->impl_.reset();
  auto impl = std::make_unique<Impl>();
  ACTORGRAPH_RETURN_IF_ERROR(internal::Parse(bytes, name, &impl->data));
  const internal::ModelData& d = impl->data;
  impl->pos.Build(d.pos.keys.data(), static_cast<std::uint32_t>(d.pos.keys.size()));
  impl->pos2.Build(d.pos2.keys.data(), static_cast<std::uint32_t>(d.pos2.keys.size()));
  impl->chunk.Build(d.chunk.keys.data(), static_cast<std::uint32_t>(d.chunk.keys.size()));
  impl->amb.Build(d.amb_keys.data(), static_cast<std::uint32_t>(d.amb_keys.size()));
  impl->lex.Build(d.lex_keys.data(), static_cast<std::uint32_t>(d.lex_keys.size()));
  impl->rules.Build(d.rule_keys.data(), static_cast<std::uint32_t>(d.rule_keys.size()));
  out->impl_ = std::move(impl);
  return Status::Ok();
}

Status Model::Load(const std::string& path, Model* out) {
  out->impl_.reset();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(path + ": cannot open the tagger model");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::Io(path + ": read error");
  return FromBytes(ss.str(), path, out);
}

}  // namespace actorgraph::tagger

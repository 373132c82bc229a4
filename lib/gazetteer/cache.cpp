// actorgraph — the compiled gazetteer cache (`actorgraph gazetteer compile`).
//
// One binary file holds a compiled Gazetteer: its entities and the matcher's flat tables,
// written as they are in memory, so loading is mapping one file and copying arrays, with no
// JSON parsing, tokenising or hashing. Entities are not built at load time: each is decoded
// from the mapped file the first time something asks for it (a match, a role lookup), so a
// run that meets a few thousand of 200,000 names builds a few thousand. Layout (all integers
// little-endian):
//
//   magic "AGCACHE\n", u32 format version, u32 byte-order mark 0x01020304,
//   string defaults fingerprint ("" when built without the shipped gazetteers),
//   u64 entity count, u64 alias count, u64 size of the entity section, the entities,
//   the file offset of each entity, the id index ((hash, entity) sorted), then the tables.
//
// Strings are u32 length + bytes; arrays are u64 count + elements. The file is written
// through OutputFile, so an interrupted compile never leaves half a cache behind. A cache
// of another format version, or a truncated one, is refused with a message that says to
// compile it again. The file must not change while a run uses it (it stays mapped).
#include "common/output_file.hpp"
#include "gazetteer/flat.hpp"
#include "gazetteer/gazetteer_impl.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

namespace actorgraph::gazetteer {
namespace {

constexpr char kMagic[8] = {'A', 'G', 'C', 'A', 'C', 'H', 'E', '\n'};
constexpr std::uint32_t kVersion = 5;
constexpr std::uint32_t kByteOrder = 0x01020304;

class Writer {
 public:
  void Bytes(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  template <class T>
  void Num(T v) {
    Bytes(&v, sizeof v);
  }
  void U8(std::uint8_t v) { Num(v); }
  void U32(std::uint32_t v) { Num(v); }
  void U64(std::uint64_t v) { Num(v); }
  void Str(std::string_view s) {
    U32(static_cast<std::uint32_t>(s.size()));
    Bytes(s.data(), s.size());
  }
  void Strs(const std::vector<std::string>& v) {
    U64(v.size());
    for (const auto& s : v) Str(s);
  }
  template <class T>
  void Pod(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>);
    U64(v.size());
    Bytes(v.data(), v.size() * sizeof(T));
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  std::size_t pos() const { return pos_; }
  bool Bytes(void* p, std::size_t n) {
    if (!ok_ || in_.size() - pos_ < n) return ok_ = false;
    if (n == 0) return true;  // an empty array: its data() may be null, which memcpy must not get
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool Skip(std::uint64_t n) {
    if (!ok_ || in_.size() - pos_ < n) return ok_ = false;
    pos_ += static_cast<std::size_t>(n);
    return true;
  }
  template <class T>
  T Num() {
    T v{};
    Bytes(&v, sizeof v);
    return v;
  }
  std::uint8_t U8() { return Num<std::uint8_t>(); }
  std::uint32_t U32() { return Num<std::uint32_t>(); }
  std::uint64_t U64() { return Num<std::uint64_t>(); }
  std::string Str() { return std::string(View()); }
  // A string as a view into the input.
  std::string_view View() {
    const std::uint32_t n = U32();
    if (!ok_ || in_.size() - pos_ < n) {
      ok_ = false;
      return {};
    }
    const std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // A count of elements of `size` bytes each that the rest of the input can hold.
  std::size_t Count(std::size_t size) {
    const std::uint64_t n = U64();
    if (!ok_ || n > (in_.size() - pos_) / std::max<std::size_t>(size, 1)) {
      ok_ = false;
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  std::vector<std::string> Strs() {
    std::vector<std::string> v(Count(4));
    for (auto& s : v) s = Str();
    return v;
  }
  void SkipStrs() {
    for (std::size_t k = Count(4); k > 0 && ok_; --k) View();
  }
  template <class T>
  std::vector<T> Pod() {
    std::vector<T> v(Count(sizeof(T)));
    Bytes(v.data(), v.size() * sizeof(T));
    return v;
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

// Candidate with explicit padding, so that the file bytes are defined.
struct PackedCandidate {
  std::uint32_t entity;
  std::uint32_t cased_form;
  std::uint8_t type;
  std::uint8_t folded;
  std::uint16_t zero;
};

void WriteEntity(Writer& w, const Entity& e) {
  w.Str(e.id);
  w.U8(static_cast<std::uint8_t>(e.kind));
  w.Str(e.name);
  w.Strs(e.aliases);
  w.Strs(e.cased);
  w.Strs(e.adjectives);
  w.Strs(e.demonyms);
  w.Str(e.country);
  w.U64(e.roles.size());
  for (const auto& r : e.roles) {
    w.Str(r.role);
    w.Str(r.of);
    w.Str(r.title);
    w.Str(r.from);
    w.Str(r.to);
  }
  w.Strs(e.member_of);
  w.Str(e.parent);
  w.Str(e.code);
  w.Str(e.leader);
  w.Str(e.wikidata);
  w.Str(e.origin);
}

bool ReadEntity(Reader& r, Entity* e) {
  e->id = r.Str();
  const std::uint8_t kind = r.U8();
  if (kind > static_cast<std::uint8_t>(Kind::kGroup)) return false;
  e->kind = static_cast<Kind>(kind);
  e->name = r.Str();
  e->aliases = r.Strs();
  e->cased = r.Strs();
  e->adjectives = r.Strs();
  e->demonyms = r.Strs();
  e->country = r.Str();
  e->roles.resize(r.Count(20));
  for (auto& role : e->roles) {
    role.role = r.Str();
    role.of = r.Str();
    role.title = r.Str();
    role.from = r.Str();
    role.to = r.Str();
  }
  e->member_of = r.Strs();
  e->parent = r.Str();
  e->code = r.Str();
  e->leader = r.Str();
  e->wikidata = r.Str();
  e->origin = r.Str();
  return r.ok();
}

// What EntityBrief holds of the entity ReadEntity reads, as views into the input.
bool ReadBrief(Reader& r, EntityBrief* b) {
  b->id = r.View();
  const std::uint8_t kind = r.U8();
  if (kind > static_cast<std::uint8_t>(Kind::kGroup)) return false;
  b->kind = static_cast<Kind>(kind);
  b->name = r.View();
  for (int list = 0; list < 4; ++list) r.SkipStrs();  // aliases, cased, adjectives, demonyms
  b->country = r.View();
  const std::size_t roles = r.Count(20);
  b->has_roles = roles > 0;
  for (std::size_t k = 0; k < roles * 5; ++k) r.View();
  r.SkipStrs();  // member_of
  r.View();      // parent
  b->code = r.View();
  for (int rest = 0; rest < 3; ++rest) r.View();  // leader, wikidata, origin
  return r.ok();
}

// Walks over one entity as ReadEntity would read it, building nothing: false when it does
// not fit in the input or its kind is unknown. The load walks every entity so, once, so that
// no entity can turn out damaged later, in the middle of a run.
bool SkipEntity(Reader& r) {
  r.View();  // id
  if (r.U8() > static_cast<std::uint8_t>(Kind::kGroup)) return false;
  r.View();                                                              // name
  for (int list = 0; list < 4; ++list) r.SkipStrs();                     // aliases, cased, adjectives, demonyms
  r.View();                                                              // country
  for (std::size_t k = r.Count(20) * 5; k > 0 && r.ok(); --k) r.View();  // roles
  r.SkipStrs();                                                          // member_of
  for (int rest = 0; rest < 5; ++rest) r.View();                         // parent, code, leader, wikidata, origin
  return r.ok();
}

template <class Map>
std::vector<typename Map::const_iterator> Sorted(const Map& map) {
  std::vector<typename Map::const_iterator> v;
  for (auto it = map.begin(); it != map.end(); ++it) v.push_back(it);
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a->first < b->first; });
  return v;
}

// The file mapped read-only into memory (its pages are read as the loader touches them and
// dropped when it is done, so loading never holds a second copy of the file on the heap).
class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&& o) noexcept : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)) {}
  MappedFile& operator=(MappedFile&&) = delete;
  ~MappedFile() {
    if (data_ && size_) ::munmap(data_, size_);
  }
  Status Open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::Io(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      const int err = errno;
      ::close(fd);
      return Status::Io(fmt::format("{}: cannot read: {}", path, std::strerror(err)));
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
      void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        const int err = errno;
        ::close(fd);
        size_ = 0;
        return Status::Io(fmt::format("{}: cannot read: {}", path, std::strerror(err)));
      }
      data_ = p;
      ::madvise(data_, size_, MADV_SEQUENTIAL);
    }
    ::close(fd);
    return Status::Ok();
  }
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

// "FILE: byte N: truncated or damaged compiled gazetteer (the part); compile it again ...".
Status Corrupt(const std::string& path, std::size_t at, std::string_view part = {}) {
  return Status::BadInput(
      fmt::format("{}: byte {}: truncated or damaged compiled gazetteer{}{}{}; compile it again "
                  "with 'actorgraph gazetteer compile'",
                  path, at, part.empty() ? "" : " (", part, part.empty() ? "" : ")"));
}

// An open-addressing table that the matcher probes until it meets an empty slot: a power of
// two of slots, at most half of them used (as Compile builds it), so that every probe ends.
template <class Slot, class Used>
bool ProbeableTable(const std::vector<Slot>& slots, Used used) {
  if (slots.empty() || (slots.size() & (slots.size() - 1)) != 0) return false;
  std::size_t filled = 0;
  for (const auto& s : slots) filled += used(s);
  return filled <= slots.size() / 2;
}

// The id index of a compiled file: (hash of the id, entity index), sorted.
struct IdSlot {
  std::uint64_t hash;
  std::uint32_t index;
  std::uint32_t zero;
  bool operator<(const IdSlot& o) const { return hash != o.hash ? hash < o.hash : index < o.index; }
};

class MappedEntities final : public LazyEntities {
 public:
  MappedEntities(MappedFile file, std::string path, std::vector<std::uint64_t> offsets, std::vector<IdSlot> ids)
      : file_(std::move(file)),
        path_(std::move(path)),
        offsets_(std::move(offsets)),
        ids_(std::move(ids)),
        built_(new std::atomic<const Entity*>[offsets_.size()]) {
    for (std::size_t i = 0; i < offsets_.size(); ++i) built_[i].store(nullptr, std::memory_order_relaxed);
  }
  ~MappedEntities() override {
    for (std::size_t i = 0; i < offsets_.size(); ++i) delete built_[i].load(std::memory_order_relaxed);
  }
  std::size_t size() const override { return offsets_.size(); }

  const Entity& Get(std::uint32_t index) const override {
    if (const Entity* e = built_[index].load(std::memory_order_acquire)) return *e;
    auto fresh = std::make_unique<Entity>();
    Reader r(file_.bytes().substr(static_cast<std::size_t>(offsets_[index])));
    if (!ReadEntity(r, fresh.get())) {
      // Damaged inside an entity (the load checked the file's structure, not every entity):
      // a placeholder rather than a crash, and one error line.
      *fresh = Entity{};
      fresh->id = fmt::format("invalid:{}", index);
      fresh->name = fresh->id;
      fresh->kind = Kind::kGroup;
      static std::atomic<bool> told{false};
      if (!told.exchange(true)) spdlog::error("{}: entity {} is damaged; compile the gazetteer again", path_, index);
    }
    const Entity* expected = nullptr;
    if (built_[index].compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel))
      return *fresh.release();
    return *expected;  // another thread built it first
  }

  void PrefetchSlot(std::uint32_t index) const override {
    __builtin_prefetch(&built_[index]);
    __builtin_prefetch(&offsets_[index]);
  }
  void PrefetchEntity(std::uint32_t index) const override {
    if (const Entity* e = built_[index].load(std::memory_order_relaxed)) {
      __builtin_prefetch(e);
      __builtin_prefetch(reinterpret_cast<const char*>(e) + 64);
      __builtin_prefetch(reinterpret_cast<const char*>(e) + 128);
    } else {
      const char* bytes = file_.bytes().data() + offsets_[index];  // what Brief reads
      __builtin_prefetch(bytes);
      __builtin_prefetch(bytes + 64);
    }
  }

  EntityBrief Brief(std::uint32_t index) const override {
    if (const Entity* e = built_[index].load(std::memory_order_acquire)) return BriefOf(*e);
    Reader r(file_.bytes().substr(static_cast<std::size_t>(offsets_[index])));
    EntityBrief b;
    if (ReadBrief(r, &b)) return b;
    return BriefOf(Get(index));  // damaged: the placeholder of Get, and its one error line
  }

  std::optional<std::uint32_t> Find(std::string_view id) const override {
    const std::uint64_t h = flat::HashKey(id);
    for (auto it = std::lower_bound(ids_.begin(), ids_.end(), IdSlot{h, 0, 0}); it != ids_.end() && it->hash == h;
         ++it) {
      if (Get(it->index).id == id) return it->index;
    }
    return std::nullopt;
  }

 private:
  MappedFile file_;
  std::string path_;
  std::vector<std::uint64_t> offsets_;
  std::vector<IdSlot> ids_;
  std::unique_ptr<std::atomic<const Entity*>[]> built_;
};

}  // namespace

bool IsCompiledGazetteer(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char head[sizeof kMagic] = {};
  const bool yes = std::fread(head, 1, sizeof head, f) == sizeof head && std::memcmp(head, kMagic, sizeof head) == 0;
  std::fclose(f);
  return yes;
}

Status Gazetteer::SaveCompiled(const std::string& path, std::string_view defaults_fingerprint) const {
  const Impl& im = *impl_;
  Writer w;
  w.Bytes(kMagic, sizeof kMagic);
  w.U32(kVersion);
  w.U32(kByteOrder);
  w.Str(defaults_fingerprint);
  const std::size_t count = im.Count();
  w.U64(count);
  w.U64(im.aliases);
  // Entities: their total size first, so that a loader can skip them; then where each
  // starts, and the sorted id index.
  const std::size_t size_at = w.out().size();
  w.U64(0);
  std::vector<std::uint64_t> offsets;
  std::vector<IdSlot> ids;
  offsets.reserve(count);
  ids.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    const Entity& e = im.At(i);
    offsets.push_back(w.out().size());
    ids.push_back({flat::HashKey(e.id), i, 0});
    WriteEntity(w, e);
  }
  const std::uint64_t entity_bytes = w.out().size() - size_at - 8;
  std::memcpy(w.out().data() + size_at, &entity_bytes, 8);
  std::sort(ids.begin(), ids.end());
  w.Pod(offsets);
  w.Pod(ids);
  w.Pod(im.vocab.slots);
  w.Str(im.vocab.keys);
  w.Pod(im.vocab.filter);
  w.Pod(im.edges.slots);
  w.Pod(im.candidate_begin);
  std::vector<PackedCandidate> packed;
  packed.reserve(im.candidates.size());
  for (const auto& c : im.candidates) {
    packed.push_back(
        {c.entity, c.cased_form, static_cast<std::uint8_t>(c.type), static_cast<std::uint8_t>(c.folded), 0});
  }
  w.Pod(packed);
  w.Pod(im.node_flags);
  w.U64(im.cased_forms.size());
  for (const auto& forms : im.cased_forms) w.Strs(forms);
  w.U64(im.holders.size());
  for (const auto& it : Sorted(im.holders)) {
    w.Str(it->first);
    w.U64(it->second.size());
    for (const auto& [entity, role] : it->second) {
      w.U32(entity);
      w.U32(role);
    }
  }
  w.U64(im.surnames.size());
  for (const auto& it : Sorted(im.surnames)) {
    w.Str(it->first);
    w.Pod(it->second);
  }
  OutputFile out;
  ACTORGRAPH_RETURN_IF_ERROR(out.Open(path));
  out.Write(w.out());
  return out.Commit();
}

namespace {

// Reads the header (magic, format version, byte order, defaults fingerprint) of the
// compiled gazetteer `path` from `r`.
Status ReadHeader(Reader& r, const std::string& path, std::string* defaults_fingerprint) {
  char magic[sizeof kMagic];
  r.Bytes(magic, sizeof magic);
  if (!r.ok() || std::memcmp(magic, kMagic, sizeof magic) != 0) {
    return Status::BadInput(fmt::format("{}: not a compiled gazetteer", path));
  }
  const std::uint32_t version = r.U32(), order = r.U32();
  if (!r.ok()) return Corrupt(path, r.pos());
  if (order == __builtin_bswap32(kByteOrder)) {
    return Status::BadInput(
        fmt::format("{}: compiled on a machine of the other byte order (big-endian); a compiled "
                    "gazetteer is read only where it was compiled: compile it again on this "
                    "machine with 'actorgraph gazetteer compile'",
                    path));
  }
  if (version != kVersion) {
    return Status::BadInput(
        fmt::format("{}: compiled by another version of actorgraph (format {}, this one reads {}); "
                    "compile it again with 'actorgraph gazetteer compile'",
                    path, version, kVersion));
  }
  if (order != kByteOrder) return Corrupt(path, sizeof kMagic + 4, "byte-order mark");
  *defaults_fingerprint = r.Str();
  if (!r.ok()) return Corrupt(path, r.pos());
  return Status::Ok();
}

// The entity section of a compiled file and its index, checked: every offset is where the
// walk over the entities finds one, each entity fits in the section, and the id index points
// at entities that exist.
struct EntityIndex {
  std::size_t count = 0;
  std::uint64_t aliases = 0;
  std::vector<std::uint64_t> offsets;
  std::vector<IdSlot> ids;
};

Status ReadEntityIndex(Reader& r, std::string_view bytes, const std::string& path, EntityIndex* out) {
  out->count = r.Count(1);
  out->aliases = r.U64();
  const std::size_t size_at = r.pos();
  const std::uint64_t entity_bytes = r.U64();
  const std::size_t entities_at = r.pos();
  if (!r.ok() || !r.Skip(entity_bytes)) return Corrupt(path, size_at, "entity section");
  const std::size_t index_at = r.pos();
  out->offsets = r.Pod<std::uint64_t>();
  if (!r.ok() || out->offsets.size() != out->count) return Corrupt(path, index_at, "entity offsets");
  const std::size_t ids_at = r.pos();
  out->ids = r.Pod<IdSlot>();
  if (!r.ok() || out->ids.size() != out->count || !std::is_sorted(out->ids.begin(), out->ids.end())) {
    return Corrupt(path, ids_at, "id index");
  }
  for (const auto& id : out->ids) {
    if (id.index >= out->count) return Corrupt(path, ids_at, "id index");
  }
  // Walk the entities in order: each must start where the index says and end inside the
  // section, and together they fill it.
  Reader walk(bytes.substr(0, entities_at + static_cast<std::size_t>(entity_bytes)));
  walk.Skip(entities_at);
  for (std::size_t i = 0; i < out->count; ++i) {
    if (out->offsets[i] != walk.pos()) return Corrupt(path, index_at + 8 + 8 * i, "entity offsets");
    if (!SkipEntity(walk)) return Corrupt(path, static_cast<std::size_t>(out->offsets[i]), "an entity");
  }
  if (walk.pos() != entities_at + entity_bytes) return Corrupt(path, walk.pos(), "entity section");
  return Status::Ok();
}

// Adds the entities of a compiled file to a gazetteer that holds others already (the
// matcher is compiled again from all of them).
// (A template only because Gazetteer::Impl is private to Gazetteer; it is called with it.)
template <class Impl>
Status AddEntities(std::string_view bytes, const std::string& path, const EntityIndex& index, Impl* im) {
  im->MakeEager();
  std::vector<DuplicateId> duplicates;
  for (std::size_t i = 0; i < index.count; ++i) {
    Reader er(bytes.substr(static_cast<std::size_t>(index.offsets[i])));
    Entity e;
    if (!ReadEntity(er, &e)) return Corrupt(path, static_cast<std::size_t>(index.offsets[i]), "an entity");
    auto [it, inserted] = im->by_id.emplace(e.id, static_cast<std::uint32_t>(im->entities.size()));
    if (!inserted) {
      duplicates.push_back({e.id, fmt::format("entity {}", i + 1), im->entities[it->second].origin});
      continue;
    }
    im->entities.push_back(std::move(e));
  }
  if (!duplicates.empty()) return Status::BadInput(DuplicateIdsMessage(path, duplicates, duplicates.size()));
  im->compiled = false;
  return Status::Ok();
}

// Where each table of the matcher starts in the file, for the messages.
struct TablePositions {
  std::size_t vocab = 0, keys = 0, filter = 0, edges = 0, candidate_begin = 0, candidates = 0, node_flags = 0,
              cased_forms = 0, holders = 0, surnames = 0;
};

// Reads the matcher's tables into `fresh` (their structure only: CheckTables checks them).
template <class Impl>
Status ReadTables(Reader& r, std::string_view bytes, const std::string& path, Impl* fresh,
                  std::vector<PackedCandidate>* packed, TablePositions* at) {
  at->vocab = r.pos();
  fresh->vocab.slots = r.Pod<flat::VocabSlot>();
  at->keys = r.pos();
  fresh->vocab.keys = r.Str();
  at->filter = r.pos();
  fresh->vocab.filter = r.Pod<std::uint64_t>();
  at->edges = r.pos();
  fresh->edges.slots = r.Pod<flat::EdgeSlot>();
  at->candidate_begin = r.pos();
  fresh->candidate_begin = r.Pod<std::uint32_t>();
  at->candidates = r.pos();
  *packed = r.Pod<PackedCandidate>();
  at->node_flags = r.pos();
  fresh->node_flags = r.Pod<std::uint8_t>();
  at->cased_forms = r.pos();
  fresh->cased_forms.resize(r.Count(8));
  for (auto& forms : fresh->cased_forms) forms = r.Strs();
  at->holders = r.pos();
  for (std::size_t n = r.Count(12); n > 0 && r.ok(); --n) {
    std::string key = r.Str();
    auto& list = fresh->holders[std::move(key)];
    list.resize(r.Count(8));
    for (auto& [entity, role] : list) {
      entity = r.U32();
      role = r.U32();
    }
  }
  at->surnames = r.pos();
  for (std::size_t n = r.Count(12); n > 0 && r.ok(); --n) {
    std::string key = r.Str();
    fresh->surnames[std::move(key)] = r.Pod<std::uint32_t>();
  }
  if (!r.ok()) return Corrupt(path, r.pos());
  if (r.pos() != bytes.size()) return Corrupt(path, r.pos(), "bytes after its end");
  return Status::Ok();
}

// Every index must point inside its table and every probe must end, so that a damaged file
// cannot make the matcher read out of bounds or loop for ever.
template <class Impl>
Status CheckTables(const std::string& path, std::size_t count, const std::vector<PackedCandidate>& packed,
                   const TablePositions& at, Impl* fresh) {
  const auto bad = [&](std::size_t where, std::string_view table) {
    return Corrupt(path, where, fmt::format("{}", table));
  };
  const std::size_t nodes = fresh->node_flags.size();
  if (nodes == 0) return bad(at.node_flags, "node flags");
  if (!ProbeableTable(fresh->vocab.slots, [](const flat::VocabSlot& s) { return s.length != flat::kNone; })) {
    return bad(at.vocab, "vocabulary table: size or fill");
  }
  for (const auto& s : fresh->vocab.slots) {
    // (FinishTables reads the root child's flags of every slot, used or not.)
    if (s.root_child >= nodes ||
        (s.length != flat::kNone && std::size_t{s.offset} + s.length > fresh->vocab.keys.size())) {
      return bad(at.vocab, "vocabulary table: a slot");
    }
  }
  const auto& filter = fresh->vocab.filter;
  if (filter.empty() || (filter.size() & (filter.size() - 1)) != 0) return bad(at.filter, "vocabulary filter");
  if (!fresh->edges.slots.empty() &&
      !ProbeableTable(fresh->edges.slots, [](const flat::EdgeSlot& s) { return s.child != 0; })) {
    return bad(at.edges, "edge table: size or fill");
  }
  for (const auto& s : fresh->edges.slots) {
    if (s.child >= nodes || s.node >= nodes) return bad(at.edges, "edge table: a slot");
  }
  const auto& begin = fresh->candidate_begin;
  if (begin.size() != nodes + 1 || begin.back() != packed.size() || !std::is_sorted(begin.begin(), begin.end())) {
    return bad(at.candidate_begin, "candidate index");
  }
  if (fresh->cased_forms.empty()) return bad(at.cased_forms, "cased forms");
  fresh->candidates.clear();
  fresh->candidates.reserve(packed.size());
  for (const auto& p : packed) {
    if (p.entity >= count || p.cased_form >= fresh->cased_forms.size() ||
        p.type > static_cast<std::uint8_t>(AliasType::kDemonym)) {
      return bad(at.candidates, "candidates");
    }
    fresh->candidates.push_back({p.entity, static_cast<AliasType>(p.type), p.cased_form, p.folded != 0});
  }
  for (const auto& [key, list] : fresh->holders) {
    for (const auto& [entity, role] : list) {
      if (entity >= count) return bad(at.holders, "role holders");  // roles: checked by Holders
    }
  }
  for (const auto& [key, list] : fresh->surnames) {
    for (const auto entity : list) {
      if (entity >= count) return bad(at.surnames, "surnames");
    }
  }
  return Status::Ok();
}

}  // namespace

Status ReadCompiledFingerprint(const std::string& path, std::string* defaults_fingerprint) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::Io(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  std::string head(sizeof kMagic + 12 + 4096, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f));
  std::fclose(f);
  Reader r(head);
  return ReadHeader(r, path, defaults_fingerprint);
}

Status Gazetteer::LoadCompiled(const std::string& path) {
  MappedFile file;
  ACTORGRAPH_RETURN_IF_ERROR(file.Open(path));
  const std::string_view bytes = file.bytes();
  Reader r(bytes);
  std::string fingerprint;
  ACTORGRAPH_RETURN_IF_ERROR(ReadHeader(r, path, &fingerprint));
  EntityIndex index;
  ACTORGRAPH_RETURN_IF_ERROR(ReadEntityIndex(r, bytes, path, &index));
  Impl& im = *impl_;
  if (im.Count() > 0) return AddEntities(bytes, path, index, &im);
  Impl fresh;
  fresh.aliases = static_cast<std::size_t>(index.aliases);
  std::vector<PackedCandidate> packed;
  TablePositions at;
  ACTORGRAPH_RETURN_IF_ERROR(ReadTables(r, bytes, path, &fresh, &packed, &at));
  ACTORGRAPH_RETURN_IF_ERROR(CheckTables(path, index.count, packed, at, &fresh));
  fresh.FinishTables();
  fresh.lazy = std::make_unique<MappedEntities>(std::move(file), path, std::move(index.offsets), std::move(index.ids));
  fresh.compiled = true;
  fresh.generation = Impl::NextGeneration();
  im = std::move(fresh);
  return Status::Ok();
}

}  // namespace actorgraph::gazetteer

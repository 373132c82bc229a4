#include "gazetteer/gazetteer.hpp"

#include "common/ascii.hpp"
#include "common/bytes.hpp"
#include "common/fnv1a.hpp"

#include "common/iso_date.hpp"
#include "common/json_error.hpp"
#include "common/node_id.hpp"
#include "common/utf8.hpp"
#include "gazetteer/flat.hpp"
#include "gazetteer/gazetteer_impl.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <span>
#include <sstream>
#include <unordered_map>

namespace actorgraph::gazetteer {
namespace fs = std::filesystem;

std::string_view KindName(Kind kind) {
  switch (kind) {
    case Kind::kPerson:
      return "person";
    case Kind::kOrganization:
      return "organization";
    case Kind::kCountry:
      return "country";
    case Kind::kLocation:
      return "location";
    case Kind::kGroup:
      return "group";
  }
  return "person";
}

std::optional<Kind> ParseKind(std::string_view name) {
  if (name == "person") return Kind::kPerson;
  if (name == "organization" || name == "organisation") return Kind::kOrganization;
  if (name == "country") return Kind::kCountry;
  if (name == "location" || name == "place") return Kind::kLocation;
  if (name == "group") return Kind::kGroup;
  return std::nullopt;
}

int KindPriority(Kind kind) {
  switch (kind) {
    case Kind::kCountry:
      return 5;
    case Kind::kOrganization:
      return 4;
    case Kind::kPerson:
      return 3;
    case Kind::kGroup:
      return 2;
    case Kind::kLocation:
      return 1;
  }
  return 0;
}

std::string_view AliasTypeName(AliasType type) {
  switch (type) {
    case AliasType::kName:
      return "exact";
    case AliasType::kAlias:
      return "alias";
    case AliasType::kCased:
      return "alias";
    case AliasType::kAdjective:
      return "adjective";
    case AliasType::kDemonym:
      return "demonym";
  }
  return "alias";
}

bool Role::HeldOn(std::string_view date) const {
  if (date.empty()) return true;
  if (!from.empty() && iso_date::Latest(date) < iso_date::Earliest(from)) return false;
  if (!to.empty() && iso_date::Earliest(date) > iso_date::Latest(to)) return false;
  return true;
}

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

std::size_t Gazetteer::size() const { return impl_->Count(); }
const Entity& Gazetteer::entity(std::uint32_t index) const { return impl_->At(index); }
EntityBrief Gazetteer::brief(std::uint32_t index) const {
  return impl_->lazy ? impl_->lazy->Brief(index) : LazyEntities::BriefOf(impl_->entities[index]);
}
std::size_t Gazetteer::alias_count() const { return impl_->aliases; }

std::optional<std::uint32_t> Gazetteer::Find(std::string_view id) const {
  if (impl_->lazy) return impl_->lazy->Find(id);
  auto it = impl_->by_id.find(std::string(id));
  if (it == impl_->by_id.end()) return std::nullopt;
  return it->second;
}

Status Gazetteer::Impl::ParseLine(std::string_view line, const std::string& where, std::vector<std::string>* problems) {
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    problems->push_back(fmt::format("{}: malformed JSON at column {}: {}", where, e.byte, JsonErrorText(e.what())));
    return Status::Ok();
  } catch (const nlohmann::json::exception& e) {
    // A number no double holds (1e999) is out_of_range, without a position: the column is
    // where the number's text starts.
    const std::string_view what = JsonErrorText(e.what());
    const auto open = what.find('\'');
    const auto close = open == std::string_view::npos ? open : what.find('\'', open + 1);
    std::size_t at = std::string_view::npos;
    if (close != std::string_view::npos && close > open + 1) at = line.find(what.substr(open + 1, close - open - 1));
    problems->push_back(fmt::format("{}: malformed JSON at column {}: {}", where, at == std::string_view::npos ? 1 : at + 1, what));
    return Status::Ok();
  }
  const std::size_t before = problems->size();
  const auto problem = [&](std::string msg) { problems->push_back(fmt::format("{}: {}", where, msg)); };
  if (!obj.is_object()) {
    problem("expected a JSON object");
    return Status::Ok();
  }
  const auto str = [&](const char* key, bool required) -> std::string {
    if (!obj.contains(key)) {
      if (required) problem(fmt::format("missing field \"{}\"", key));
      return {};
    }
    if (!obj[key].is_string()) {
      problem(fmt::format("field \"{}\" must be a string", key));
      return {};
    }
    return obj[key].get<std::string>();
  };
  const auto list = [&](const char* key) -> std::vector<std::string> {
    std::vector<std::string> out;
    if (!obj.contains(key)) return out;
    if (!obj[key].is_array()) {
      problem(fmt::format("field \"{}\" must be a list of strings", key));
      return out;
    }
    for (const auto& v : obj[key]) {
      if (!v.is_string()) {
        problem(fmt::format("field \"{}\" must be a list of strings", key));
        return {};
      }
      // Kept even when empty: Compile passes over a name with no word, and `gazetteer check`
      // reports it as one that can never match.
      out.push_back(v.get<std::string>());
    }
    return out;
  };
  Entity e;
  e.origin = where;
  e.id = str("id", true);
  const std::string kind = str("kind", true);
  e.name = str("name", true);
  if (obj.contains("id") && obj["id"].is_string() && !node_id::IsValid(e.id)) {
    problem(fmt::format("id \"{}\" may use only letters, digits and . _ : -", e.id));
  }
  if (obj.contains("kind") && obj["kind"].is_string()) {
    if (auto k = ParseKind(kind))
      e.kind = *k;
    else
      problem(fmt::format("unknown kind \"{}\" (person, organization, country, location, group)", kind));
  }
  if (obj.contains("name") && obj["name"].is_string() && e.name.find_first_not_of(" \t") == std::string::npos) {
    problem("field \"name\" is empty");
  }
  e.aliases = list("aliases");
  e.cased = list("cased");
  e.adjectives = list("adjectives");
  e.demonyms = list("demonyms");
  e.member_of = list("member_of");
  e.country = str("country", false);
  e.parent = str("parent", false);
  e.code = str("code", false);
  e.leader = str("leader", false);
  e.wikidata = str("wikidata", false);
  if (!e.country.empty() && (e.country.size() != 2 || !std::isupper(static_cast<unsigned char>(e.country[0])) ||
                             !std::isupper(static_cast<unsigned char>(e.country[1])))) {
    problem(fmt::format("country \"{}\" must be an ISO 3166-1 alpha-2 code such as \"AZ\"", e.country));
  }
  if (obj.contains("roles")) {
    if (!obj["roles"].is_array()) {
      problem("field \"roles\" must be a list of objects");
    } else {
      std::size_t i = 0;
      for (const auto& r : obj["roles"]) {
        ++i;
        if (!r.is_object()) {
          problem(fmt::format("role {} must be an object", i));
          continue;
        }
        Role role;
        const auto rs = [&](const char* key) -> std::string {
          if (!r.contains(key)) return {};
          if (!r[key].is_string()) {
            problem(fmt::format("role {}: field \"{}\" must be a string", i, key));
            return {};
          }
          return r[key].get<std::string>();
        };
        role.role = rs("role");
        role.of = rs("of");
        role.title = rs("title");
        role.from = rs("from");
        role.to = rs("to");
        if (role.role.empty() && role.title.empty()) problem(fmt::format("role {}: needs \"role\" or \"title\"", i));
        for (const auto* d : {&role.from, &role.to}) {
          if (!d->empty() && !iso_date::IsValid(*d)) {
            problem(fmt::format("role {}: bad date \"{}\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", i, *d));
          }
        }
        if (iso_date::IsValid(role.from) && iso_date::IsValid(role.to) &&
            iso_date::Earliest(role.from) > iso_date::Latest(role.to)) {
          problem(fmt::format("role {}: \"from\" {} is after \"to\" {}", i, role.from, role.to));
        }
        e.roles.push_back(std::move(role));
      }
    }
  }
  if (problems->size() != before) return Status::Ok();
  auto [it, inserted] = by_id.emplace(e.id, static_cast<std::uint32_t>(entities.size()));
  if (!inserted) {
    problem(fmt::format("duplicate id \"{}\" (first defined at {})", e.id, entities[it->second].origin));
    return Status::Ok();
  }
  entities.push_back(std::move(e));
  return Status::Ok();
}

Status Gazetteer::LoadString(std::string_view content, const std::string& origin, std::vector<std::string>* problems) {
  std::vector<std::string> local;
  std::vector<std::string>* out = problems ? problems : &local;
  impl_->MakeEager();
  impl_->compiled = false;
  const std::size_t before = out->size();
  if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) content.remove_prefix(3);
  std::size_t pos = 0, line_no = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    const std::size_t line_start = pos;
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    const std::string where = fmt::format("{}:{}", origin, line_no);
    if (const auto bad = utf8::FirstInvalid(line)) {
      out->push_back(fmt::format("{}:{}: invalid UTF-8 (byte {} of the file)", where, *bad + 1, line_start + *bad));
      continue;
    }
    ACTORGRAPH_RETURN_IF_ERROR(impl_->ParseLine(line, where, out));
  }
  const std::size_t found = out->size() - before;
  if (found == 0) return Status::Ok();
  return Status::BadInput(found == 1 ? (*out)[before]
                                     : fmt::format("{} (and {} more problems: run 'actorgraph gazetteer check')",
                                                   (*out)[before], found - 1));
}

namespace {

Status GazetteerFiles(const std::string& path, std::vector<std::string>* out) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::Io(fmt::format("{}: no such gazetteer file or folder", path));
  std::vector<std::string>& files = *out;
  if (fs::is_directory(path, ec)) {
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".jsonl") files.push_back(it->path().string());
    }
    if (ec) return Status::Io(fmt::format("{}: cannot list folder: {}", path, ec.message()));
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  return Status::Ok();
}

Status ReadGazetteerFile(const std::string& file, std::string* out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::Io(fmt::format("{}: cannot read: {}", file, std::strerror(errno)));
  std::stringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return Status::Ok();
}

}  // namespace

Status SourceFingerprint(const std::string& path, std::string* fingerprint) {
  std::vector<std::string> files;
  ACTORGRAPH_RETURN_IF_ERROR(GazetteerFiles(path, &files));
  // FNV-1a, 64 bits, over (relative name, NUL, size, bytes) of each file.
  std::uint64_t h = fnv1a::kOffsetBasis;
  const auto feed = [&h](std::string_view bytes) { h = fnv1a::Add(h, bytes); };
  feed("actorgraph-gazetteer-cache-1");
  for (const auto& file : files) {
    std::string bytes;
    ACTORGRAPH_RETURN_IF_ERROR(ReadGazetteerFile(file, &bytes));
    feed(fs::path(file).lexically_relative(path).generic_string());
    feed(std::string_view("\0", 1));
    feed(std::to_string(bytes.size()));
    feed(bytes);
  }
  *fingerprint = fmt::format("{:016x}", h);
  return Status::Ok();
}

Status Gazetteer::Load(const std::string& path, std::vector<std::string>* problems) {
  std::vector<std::string> files;
  ACTORGRAPH_RETURN_IF_ERROR(GazetteerFiles(path, &files));
  if (files.size() == 1 && files[0] == path && IsCompiledGazetteer(path)) {
    // A damaged compiled file is a problem like any other (`gazetteer check` lists problems).
    Status s = LoadCompiled(path);
    if (s.code() == ErrorCode::kBadInput && problems) problems->push_back(s.message());
    return s;
  }
  Status first = Status::Ok();
  for (const auto& file : files) {
    std::string bytes;
    ACTORGRAPH_RETURN_IF_ERROR(ReadGazetteerFile(file, &bytes));
    Status s = LoadString(bytes, file, problems);
    if (!s.ok() && first.ok()) first = s;
  }
  return first;
}

void Gazetteer::Compile(std::vector<std::string>* warnings) {
  Impl& im = *impl_;
  if (im.compiled && !warnings) return;
  im.MakeEager();
  text::Analyzer analyzer;
  text::TokenList toks;
  // Build with hash maps, then freeze into the flat tables.
  std::unordered_map<std::string, std::uint32_t> vocab;    // token key → provisional id
  std::vector<std::string_view> keys;                      // provisional id → key
  std::unordered_map<std::uint64_t, std::uint32_t> edges;  // (node, provisional id) → node
  std::vector<std::vector<Candidate>> node_candidates(1);
  im.cased_forms.assign(1, {});
  im.aliases = 0;
  im.holders.clear();
  im.surnames.clear();
  const auto add = [&](std::uint32_t entity, const std::string& alias, AliasType type) {
    analyzer.Tokenize(alias, &toks);
    if (toks.empty()) {
      // "", "-", "..." have no word: no text can match them (gazetteer check says so).
      if (warnings) {
        warnings->push_back(fmt::format("{}: alias \"{}\" has no word in it and can never match", im.entities[entity].origin,
                                        alias));
      }
      return;
    }
    std::uint32_t node = 0;
    for (const auto& t : toks) {
      auto [vit, fresh] = vocab.emplace(t.key, static_cast<std::uint32_t>(keys.size()));
      if (fresh) keys.push_back(vit->first);
      const std::uint64_t k = (static_cast<std::uint64_t>(node) << 32) | vit->second;
      auto [eit, new_edge] = edges.emplace(k, static_cast<std::uint32_t>(node_candidates.size()));
      if (new_edge) node_candidates.emplace_back();
      node = eit->second;
    }
    auto& cands = node_candidates[node];
    for (const auto& c : cands) {
      if (c.entity == entity) return;  // the same entity by another spelling
    }
    Candidate cand{entity, type, 0, false};
    for (const auto& t : toks) {
      if (ascii::Lower(alias.substr(t.start, t.end - t.start)) != t.key) cand.folded = true;
    }
    if (type == AliasType::kCased) {
      std::vector<std::string> forms;
      for (const auto& t : toks) forms.emplace_back(alias.substr(t.start, t.end - t.start));
      cand.cased_form = static_cast<std::uint32_t>(im.cased_forms.size());
      im.cased_forms.push_back(std::move(forms));
    }
    if (warnings && type != AliasType::kAdjective && type != AliasType::kDemonym && type != AliasType::kCased) {
      for (const auto& c : cands) {
        const Entity& other = im.entities[c.entity];
        if (other.kind == im.entities[entity].kind && c.type != AliasType::kAdjective &&
            c.type != AliasType::kDemonym && c.type != AliasType::kCased) {
          warnings->push_back(fmt::format("{}: alias \"{}\" also names {} ({}), of the same kind: {} wins",
                                          im.entities[entity].origin, alias, other.id, other.origin, other.id));
        }
      }
    }
    cands.push_back(cand);
    ++im.aliases;
  };
  for (std::uint32_t i = 0; i < im.entities.size(); ++i) {
    const Entity& e = im.entities[i];
    add(i, e.name, AliasType::kName);
    for (const auto& a : e.aliases) add(i, a, AliasType::kAlias);
    for (const auto& a : e.cased) add(i, a, AliasType::kCased);
    for (const auto& a : e.adjectives) add(i, a, AliasType::kAdjective);
    for (const auto& a : e.demonyms) add(i, a, AliasType::kDemonym);
    for (std::uint32_t r = 0; r < e.roles.size(); ++r) {
      im.holders[e.roles[r].role + '\x1f' + e.roles[r].of].emplace_back(i, r);
    }
    if (e.kind == Kind::kPerson) {
      std::vector<std::string> names{e.name};
      names.insert(names.end(), e.aliases.begin(), e.aliases.end());
      for (const auto& n : names) {
        analyzer.Tokenize(n, &toks);
        if (toks.size() < 2) continue;
        auto& list = im.surnames[std::string(toks.back().key)];
        if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
      }
    }
  }
  // Freeze: token ids become vocabulary slots, edges from the root move into the slots.
  std::vector<std::uint32_t> slot_of;
  im.vocab.Build(keys, &slot_of);
  std::size_t inner = 0;
  for (const auto& [k, child] : edges) inner += (k >> 32) != 0;
  im.edges.Reserve(inner);
  for (const auto& [k, child] : edges) {
    const auto node = static_cast<std::uint32_t>(k >> 32);
    const std::uint32_t token = slot_of[static_cast<std::uint32_t>(k)];
    if (node == 0)
      im.vocab.slots[token].root_child = child;
    else
      im.edges.Insert(node, token, child);
  }
  im.candidate_begin.assign(node_candidates.size() + 1, 0);
  im.node_flags.assign(node_candidates.size(), 0);
  im.candidates.clear();
  for (std::size_t n = 0; n < node_candidates.size(); ++n) {
    auto& cands = node_candidates[n];
    std::stable_sort(cands.begin(), cands.end(), [&](const Candidate& a, const Candidate& b) {
      const int pa = KindPriority(im.entities[a.entity].kind), pb = KindPriority(im.entities[b.entity].kind);
      if (pa != pb) return pa > pb;
      return a.entity < b.entity;
    });
    im.candidate_begin[n] = static_cast<std::uint32_t>(im.candidates.size());
    for (const auto& c : cands) {
      im.node_flags[n] |= Impl::kHasCandidates;
      if (c.type != AliasType::kCased && !c.folded) im.node_flags[n] |= Impl::kHasPlain;
      im.candidates.push_back(c);
    }
  }
  im.candidate_begin.back() = static_cast<std::uint32_t>(im.candidates.size());
  im.FinishTables();
  im.compiled = true;
  im.generation = Impl::NextGeneration();
}

std::uint64_t Gazetteer::Impl::NextGeneration() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

namespace {

// Plain lower-case ASCII text does not match an alias that only folding makes equal to it.
bool FoldFits(const Candidate& c, std::span<const text::Token> tokens, std::uint32_t first, std::uint32_t end) {
  if (!c.folded) return true;
  for (std::uint32_t k = first; k < end; ++k) {
    if (!(tokens[k].flags & text::kLowerAscii)) return true;
  }
  return false;
}

bool CasedFits(const std::vector<std::string>& forms, std::string_view text, std::span<const text::Token> tokens,
               std::uint32_t first) {
  for (std::size_t k = 0; k < forms.size(); ++k) {
    const auto& t = tokens[first + k];
    if (text.substr(t.start, t.end - t.start) != forms[k]) return false;
  }
  return true;
}

}  // namespace

namespace {

// Per-thread memo of recent token lookups (token key -> vocabulary slot and the trie node it
// starts), direct-mapped by the key's hash. The frequent words of a text ("the", "of",
// "new") then cost no probe of the large vocabulary. Keys of up to 16 bytes, compared whole.
struct TokenMemo {
  static constexpr std::size_t kSize = 16384;  // 512 KB: half of a Zen 5 core's L2 (all of a Zen 3 core's)
  struct Entry {
    std::uint64_t k0 = 0, k1 = 0;  // the key's bytes, zero-padded
    std::uint32_t id = flat::kNone;
    std::uint32_t root_child = 0;
    std::uint32_t length = UINT32_MAX;  // UINT32_MAX: empty
    std::uint32_t root_flags = 0;       // node_flags of root_child (0 when there is none)
  };
  std::uint64_t generation = 0;  // the gazetteer build the entries belong to
  std::vector<Entry> entries;

  static constexpr std::size_t kMaxKey = 16;
};

}  // namespace

void Gazetteer::FindMatches(std::string_view text, std::span<const text::Token> tokens, std::vector<Match>* out) const {
  const Impl& im = *impl_;
  out->clear();
  const auto n = static_cast<std::uint32_t>(tokens.size());
  thread_local std::vector<std::uint32_t> ids, roots, pending, starts;
  thread_local std::vector<std::uint8_t> root_flags;
  thread_local TokenMemo memo;
  ids.assign(n + 1, flat::kNone);  // ids[n] stays kNone: the walk looks a token ahead
  roots.assign(n, 0);
  root_flags.assign(n, 0);
  if (im.vocab.slots.empty()) return;
  if (memo.generation != im.generation || memo.entries.empty()) {
    memo.entries.assign(TokenMemo::kSize, TokenMemo::Entry{});
    memo.generation = im.generation;
  }
  // Answer what the memo knows (tokens come with the hash of their key); the rest are
  // probed below.
  const auto hash = [&](std::uint32_t i) { return tokens[i].hash; };
  pending.clear();
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::string_view key = tokens[i].key;
    if (key.size() <= TokenMemo::kMaxKey) {
      const TokenMemo::Entry& e = memo.entries[hash(i) & (TokenMemo::kSize - 1)];
      if (e.length == key.size()) {
        std::uint64_t k0, k1;
        flat::KeyWords(key, &k0, &k1);
        if (e.k0 == k0 && e.k1 == k1) {
          ids[i] = e.id;
          roots[i] = e.root_child;
          root_flags[i] = static_cast<std::uint8_t>(e.root_flags);
          continue;
        }
      }
    }
    pending.push_back(i);
  }
  // Probe the others with the slot of a token a few places ahead already on its way into
  // the cache (a large vocabulary does not fit in it, and the probes of consecutive tokens
  // are independent): two stages ahead, the Bloom filter word, then the slot (when the
  // filter lets the key through), which holds the first 16 bytes of its key.
  const auto m = static_cast<std::uint32_t>(pending.size());
  constexpr std::uint32_t kAhead = 8;
  for (std::uint32_t p = 0; p < std::min(m, 2 * kAhead); ++p) im.vocab.PrefetchFilter(hash(pending[p]));
  for (std::uint32_t p = 0; p < std::min(m, kAhead); ++p) im.vocab.Prefetch(hash(pending[p]));
  for (std::uint32_t p = 0; p < m; ++p) {
    if (p + 2 * kAhead < m) im.vocab.PrefetchFilter(hash(pending[p + 2 * kAhead]));
    if (p + kAhead < m) im.vocab.Prefetch(hash(pending[p + kAhead]));
    const std::uint32_t i = pending[p];
    const std::string_view key = tokens[i].key;
    ids[i] = im.vocab.Find(key, hash(i));
    if (ids[i] != flat::kNone) {
      roots[i] = im.vocab.slots[ids[i]].root_child;
      root_flags[i] = static_cast<std::uint8_t>(im.vocab.slots[ids[i]].root_flags);
    }
    if (key.size() <= TokenMemo::kMaxKey) {
      TokenMemo::Entry& e = memo.entries[hash(i) & (TokenMemo::kSize - 1)];
      flat::KeyWords(key, &e.k0, &e.k1);
      e.id = ids[i];
      e.root_child = roots[i];
      e.root_flags = root_flags[i];
      e.length = static_cast<std::uint32_t>(key.size());
    }
  }
  // The tokens that start some alias and may start a match: an alias ends at their root
  // node, or the next token is in the vocabulary (so an edge may lead on). Listed without a
  // branch per token: the walk below visits only them (two in five tokens of the benchmark
  // prose start an alias; half of those can lead nowhere).
  starts.resize(n);
  std::uint32_t start_count = 0;
  for (std::uint32_t k = 0; k < n; ++k) {
    starts[start_count] = k;
    start_count += static_cast<std::uint32_t>(roots[k] != 0) &
                   static_cast<std::uint32_t>((root_flags[k] & Impl::kHasCandidates) != 0 || ids[k + 1] != flat::kNone);
  }
  // The first edge out of a token that starts an alias is looked up at random in a large
  // table: its slot is requested a few starts ahead as well.
  const auto prefetch_edge = [&](std::uint32_t nth) {
    const std::uint32_t k = starts[nth];
    if (ids[k + 1] != flat::kNone) im.edges.Prefetch(roots[k], ids[k + 1]);
  };
  constexpr std::uint32_t kEdgeAhead = 4;
  for (std::uint32_t nth = 0; nth < std::min(start_count, kEdgeAhead); ++nth) prefetch_edge(nth);
  std::uint32_t free_from = 0;  // tokens before this are part of a match already
  for (std::uint32_t nth = 0; nth < start_count; ++nth) {
    if (nth + kEdgeAhead < start_count) prefetch_edge(nth + kEdgeAhead);
    const std::uint32_t i = starts[nth];
    if (i < free_from) continue;
    std::uint32_t node = roots[i], best_end = 0, best_node = 0;
    std::uint8_t flags = root_flags[i];
    for (std::uint32_t j = i;;) {
      // Here `node` is reached by tokens i..j, and `flags` are its node_flags. "don’t" is
      // not "Don".
      if ((flags & Impl::kHasCandidates) && !(j + 1 < n && (tokens[j + 1].flags & text::kContraction))) {
        bool fits = (flags & Impl::kHasPlain) != 0;
        for (const auto& c : fits ? std::span<const Candidate>() : im.NodeCandidates(node)) {
          if ((c.type != AliasType::kCased || CasedFits(im.cased_forms[c.cased_form], text, tokens, i)) &&
              FoldFits(c, tokens, i, j + 1)) {
            fits = true;
            break;
          }
        }
        if (fits) {
          best_end = j + 1;
          best_node = node;
        }
      }
      // A possessive "s" continues only aliases that have one ("People's Republic of China");
      // "Azerbaijan's" is "Azerbaijan" + "'s" because no alias continues with "s".
      if (ids[++j] == flat::kNone) break;  // ids[n] is kNone
      node = im.edges.Child(node, ids[j]);
      if (node == 0) break;
      flags = im.node_flags[node];
    }
    if (best_end > i) {
      out->push_back({i, best_end, best_node});
      __builtin_prefetch(&im.candidate_begin[best_node]);  // the caller asks for candidates next
      free_from = best_end;
    }
  }
}

void Gazetteer::Prefetch(const Match& m, int stage) const {
  const Impl& im = *impl_;
  const std::uint32_t begin = im.candidate_begin[m.node];
  if (begin == im.candidate_begin[m.node + 1]) return;
  if (stage >= 3) {
    __builtin_prefetch(&im.candidates[begin]);
    return;
  }
  const std::uint32_t entity = im.candidates[begin].entity;
  if (stage == 2) {
    if (im.lazy)
      im.lazy->PrefetchSlot(entity);
    else
      __builtin_prefetch(&im.entities[entity]);
  } else if (im.lazy) {
    im.lazy->PrefetchEntity(entity);
  }
}

std::vector<Candidate> Gazetteer::Candidates(const Match& m, std::string_view text,
                                             std::span<const text::Token> tokens) const {
  std::vector<Candidate> out;
  Candidates(m, text, tokens, &out);
  return out;
}

void Gazetteer::Candidates(const Match& m, std::string_view text, std::span<const text::Token> tokens,
                           std::vector<Candidate>* out) const {
  out->clear();
  for (const auto& c : impl_->NodeCandidates(m.node)) {
    if (c.type == AliasType::kCased && !CasedFits(impl_->cased_forms[c.cased_form], text, tokens, m.first_token))
      continue;
    if (!FoldFits(c, tokens, m.first_token, m.end_token)) continue;
    out->push_back(c);
  }
}

std::vector<std::uint32_t> Gazetteer::Holders(std::string_view role_key, std::string_view of,
                                              std::string_view date) const {
  std::vector<std::uint32_t> out;
  auto it = impl_->holders.find(std::string(role_key) + '\x1f' + std::string(of));
  if (it == impl_->holders.end()) return out;
  for (const auto& [entity, role] : it->second) {
    const auto& roles = impl_->At(entity).roles;
    if (role < roles.size() && roles[role].HeldOn(date) && std::find(out.begin(), out.end(), entity) == out.end()) {
      out.push_back(entity);
    }
  }
  return out;
}

const std::vector<std::uint32_t>& Gazetteer::BySurname(std::string_view surname) const {
  return BySurname(HashedKey{surname, bytes::HashKey(surname)});
}

const std::vector<std::uint32_t>& Gazetteer::BySurname(const HashedKey& surname) const {
  if (!impl_->surname_filter.MayContain(surname)) return impl_->no_one;
  auto it = impl_->surnames.find(surname);
  return it == impl_->surnames.end() ? impl_->no_one : it->second;
}

}  // namespace actorgraph::gazetteer

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
#include <fmt/ranges.h>
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

namespace {

// "file:line" without its line.
std::string_view FileOf(std::string_view where) {
  const auto colon = where.rfind(':');
  return colon == std::string_view::npos ? where : where.substr(0, colon);
}

// Parses one gazetteer line as JSON; on failure adds "where: malformed JSON at column N: ..."
// and returns false.
bool ParseJson(std::string_view line, const std::string& where, nlohmann::json* obj,
               std::vector<std::string>* problems) {
  try {
    *obj = nlohmann::json::parse(line);
    return true;
  } catch (const nlohmann::json::parse_error& e) {
    problems->push_back(fmt::format("{}: malformed JSON at column {}: {}", where, e.byte, JsonErrorText(e.what())));
  } catch (const nlohmann::json::exception& e) {
    // A number no double holds (1e999) is out_of_range, without a position: the column is
    // where the number's text starts.
    const std::string_view what = JsonErrorText(e.what());
    const auto open = what.find('\'');
    const auto close = open == std::string_view::npos ? open : what.find('\'', open + 1);
    std::size_t at = std::string_view::npos;
    if (close != std::string_view::npos && close > open + 1) at = line.find(what.substr(open + 1, close - open - 1));
    problems->push_back(
        fmt::format("{}: malformed JSON at column {}: {}", where, at == std::string_view::npos ? 1 : at + 1, what));
  }
  return false;
}

// Reads the typed fields of one JSON object (a gazetteer line, or one of its roles), adding
// "where: what" for each field of the wrong type; `prefix` names the object ("role 2: ").
class FieldReader {
 public:
  FieldReader(const nlohmann::json& obj, const std::string& where, std::vector<std::string>* problems,
              std::string prefix = {})
      : obj_(obj), where_(where), problems_(problems), prefix_(std::move(prefix)) {}

  void Problem(const std::string& message) { problems_->push_back(fmt::format("{}: {}{}", where_, prefix_, message)); }
  bool HasString(const char* key) const { return obj_.contains(key) && obj_.at(key).is_string(); }

  std::string String(const char* key, bool required = false) {
    if (!obj_.contains(key)) {
      if (required) Problem(fmt::format("missing field \"{}\"", key));
      return {};
    }
    if (!obj_.at(key).is_string()) {
      Problem(fmt::format("field \"{}\" must be a string", key));
      return {};
    }
    return obj_.at(key).get<std::string>();
  }

  std::vector<std::string> List(const char* key) {
    std::vector<std::string> out;
    if (!obj_.contains(key)) return out;
    const auto& value = obj_.at(key);
    if (!value.is_array()) {
      Problem(fmt::format("field \"{}\" must be a list of strings", key));
      return out;
    }
    for (const auto& v : value) {
      if (!v.is_string()) {
        Problem(fmt::format("field \"{}\" must be a list of strings", key));
        return {};
      }
      // Kept even when empty: Compile passes over a name with no word, and `gazetteer check`
      // reports it as one that can never match.
      out.push_back(v.get<std::string>());
    }
    return out;
  }

 private:
  const nlohmann::json& obj_;
  const std::string& where_;
  std::vector<std::string>* problems_;
  std::string prefix_;
};

// id, kind and name: present, strings, and each valid.
void ReadIdentity(FieldReader& r, Entity* e) {
  e->id = r.String("id", true);
  const std::string kind = r.String("kind", true);
  e->name = r.String("name", true);
  if (r.HasString("id") && !node_id::IsValid(e->id)) {
    r.Problem(fmt::format("id \"{}\" may use only letters, digits and . _ : -", e->id));
  }
  if (r.HasString("kind")) {
    if (auto k = ParseKind(kind))
      e->kind = *k;
    else
      r.Problem(fmt::format("unknown kind \"{}\" (person, organization, country, location, group)", kind));
  }
  if (r.HasString("name") && e->name.find_first_not_of(" \t") == std::string::npos)
    r.Problem("field \"name\" is empty");
}

// The name lists, the references and codes.
void ReadNamesAndReferences(FieldReader& r, Entity* e) {
  e->aliases = r.List("aliases");
  e->cased = r.List("cased");
  e->adjectives = r.List("adjectives");
  e->demonyms = r.List("demonyms");
  e->member_of = r.List("member_of");
  e->country = r.String("country");
  e->parent = r.String("parent");
  e->code = r.String("code");
  e->leader = r.String("leader");
  e->wikidata = r.String("wikidata");
  const std::string& c = e->country;
  if (!c.empty() && (c.size() != 2 || !std::isupper(static_cast<unsigned char>(c[0])) ||
                     !std::isupper(static_cast<unsigned char>(c[1])))) {
    r.Problem(fmt::format("country \"{}\" must be an ISO 3166-1 alpha-2 code such as \"AZ\"", c));
  }
}

// Role `i` (1-based): its fields strings, a role or a title, valid dates in order.
Role ReadRole(const nlohmann::json& obj, std::size_t i, const std::string& where, std::vector<std::string>* problems) {
  FieldReader r(obj, where, problems, fmt::format("role {}: ", i));
  Role role;
  role.role = r.String("role");
  role.of = r.String("of");
  role.title = r.String("title");
  role.from = r.String("from");
  role.to = r.String("to");
  if (role.role.empty() && role.title.empty()) r.Problem("needs \"role\" or \"title\"");
  for (const auto* d : {&role.from, &role.to}) {
    if (!d->empty() && !iso_date::IsValid(*d)) {
      r.Problem(fmt::format("bad date \"{}\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", *d));
    }
  }
  if (iso_date::IsValid(role.from) && iso_date::IsValid(role.to) &&
      iso_date::Earliest(role.from) > iso_date::Latest(role.to)) {
    r.Problem(fmt::format("\"from\" {} is after \"to\" {}", role.from, role.to));
  }
  return role;
}

void ReadRoles(const nlohmann::json& obj, FieldReader& r, const std::string& where, std::vector<std::string>* problems,
               Entity* e) {
  if (!obj.contains("roles")) return;
  const auto& roles = obj.at("roles");
  if (!roles.is_array()) {
    r.Problem("field \"roles\" must be a list of objects");
    return;
  }
  std::size_t i = 0;
  for (const auto& role : roles) {
    ++i;
    if (!role.is_object()) {
      r.Problem(fmt::format("role {} must be an object", i));
      continue;
    }
    e->roles.push_back(ReadRole(role, i, where, problems));
  }
}

}  // namespace

Status Gazetteer::Impl::ParseLine(std::string_view line, const std::string& where, std::vector<std::string>* problems) {
  nlohmann::json obj;
  if (!ParseJson(line, where, &obj, problems)) return Status::Ok();
  const std::size_t before = problems->size();
  FieldReader r(obj, where, problems);
  if (!obj.is_object()) {
    r.Problem("expected a JSON object");
    return Status::Ok();
  }
  Entity e;
  e.origin = where;
  ReadIdentity(r, &e);
  ReadNamesAndReferences(r, &e);
  ReadRoles(obj, r, where, problems, &e);
  if (problems->size() != before) return Status::Ok();
  auto [it, inserted] = by_id.emplace(e.id, static_cast<std::uint32_t>(entities.size()));
  if (!inserted) {
    const std::string& first = entities[it->second].origin;
    r.Problem(fmt::format("duplicate id \"{}\" (first defined at {})", e.id, first));
    const std::string_view file = FileOf(where);
    duplicates.push_back(
        {e.id, file.size() < where.size() ? fmt::format("line {}", where.substr(file.size() + 1)) : where, first});
    return Status::Ok();
  }
  entities.push_back(std::move(e));
  return Status::Ok();
}

namespace {
constexpr std::size_t kMaxEntityLineBytes = std::size_t{1} << 20;  // FORMAT.md
}  // namespace

std::string DuplicateIdsMessage(const std::string& origin, const std::vector<DuplicateId>& duplicates,
                                std::size_t problems) {
  constexpr std::size_t kShown = 5;
  std::vector<std::string_view> files;
  for (const auto& d : duplicates) {
    const std::string_view file = FileOf(d.first);
    if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
  }
  std::string ids;
  for (std::size_t i = 0; i < duplicates.size() && i < kShown; ++i) {
    const auto& d = duplicates[i];
    ids += fmt::format("{}\"{}\" ({}, first at {})", i ? ", " : "", d.id, d.place, d.first);
  }
  if (duplicates.size() > kShown) ids += fmt::format(" and {} more", duplicates.size() - kShown);
  std::string others;
  if (problems > duplicates.size()) {
    others = fmt::format(" ({} other problems: run 'actorgraph gazetteer check')", problems - duplicates.size());
  }
  return fmt::format(
      "{}: {} id(s) already defined in {}: {}; ids must be unique over all gazetteers loaded together: import the "
      "file again with an id namespace (actorgraph gazetteer import --id-prefix NAME), give these entries other "
      "ids, or remove them from one of the files{}",
      origin, duplicates.size(), fmt::join(files, ", "), ids, others);
}

Status Gazetteer::LoadString(std::string_view content, const std::string& origin, std::vector<std::string>* problems) {
  std::vector<std::string> local;
  std::vector<std::string>* out = problems ? problems : &local;
  impl_->MakeEager();
  impl_->compiled = false;
  impl_->duplicates.clear();
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
    if (line.size() > kMaxEntityLineBytes) {
      // A million aliases on one line (20 MB) would cost seconds and half a GB before any
      // check: no real entity comes near the limit.
      out->push_back(fmt::format("{}: line of {} bytes, longer than the {} MiB limit for one entity", where,
                                 line.size(), kMaxEntityLineBytes >> 20));
      continue;
    }
    if (const auto bad = utf8::FirstInvalid(line)) {
      out->push_back(fmt::format("{}:{}: invalid UTF-8 (byte {} of the file)", where, *bad + 1, line_start + *bad));
      continue;
    }
    ACTORGRAPH_RETURN_IF_ERROR(impl_->ParseLine(line, where, out));
  }
  const std::size_t found = out->size() - before;
  if (found == 0) return Status::Ok();
  if (!impl_->duplicates.empty()) return Status::BadInput(DuplicateIdsMessage(origin, impl_->duplicates, found));
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

// The trie as Compile builds it, with hash maps, before Freeze turns it into the flat tables.
struct Gazetteer::Impl::TrieDraft {
  text::Analyzer analyzer;
  text::TokenList toks;
  std::unordered_map<std::string, std::uint32_t> vocab;    // token key → provisional id
  std::vector<std::string_view> keys;                      // provisional id → key
  std::unordered_map<std::uint64_t, std::uint32_t> edges;  // (node, provisional id) → node
  std::vector<std::vector<Candidate>> node_candidates = std::vector<std::vector<Candidate>>(1);
};

void Gazetteer::Compile(std::vector<std::string>* warnings) {
  Impl& im = *impl_;
  if (im.compiled && !warnings) return;
  im.MakeEager();
  Impl::TrieDraft draft;
  im.cased_forms.assign(1, {});
  im.aliases = 0;
  im.holders.clear();
  im.surnames.clear();
  for (std::uint32_t i = 0; i < im.entities.size(); ++i) {
    const Entity& e = im.entities[i];
    im.AddAlias(i, e.name, AliasType::kName, &draft, warnings);
    for (const auto& a : e.aliases) im.AddAlias(i, a, AliasType::kAlias, &draft, warnings);
    for (const auto& a : e.cased) im.AddAlias(i, a, AliasType::kCased, &draft, warnings);
    for (const auto& a : e.adjectives) im.AddAlias(i, a, AliasType::kAdjective, &draft, warnings);
    for (const auto& a : e.demonyms) im.AddAlias(i, a, AliasType::kDemonym, &draft, warnings);
    im.IndexRolesAndSurnames(i, &draft);
  }
  im.Freeze(&draft);
  im.FinishTables();
  im.compiled = true;
  im.generation = Impl::NextGeneration();
}

void Gazetteer::Impl::AddAlias(std::uint32_t entity, const std::string& alias, AliasType type, TrieDraft* draft,
                               std::vector<std::string>* warnings) {
  draft->analyzer.Tokenize(alias, &draft->toks);
  const text::TokenList& toks = draft->toks;
  if (toks.empty()) {
    // "", "-", "..." have no word: no text can match them (gazetteer check says so).
    if (warnings) {
      warnings->push_back(
          fmt::format("{}: alias \"{}\" has no word in it and can never match", entities[entity].origin, alias));
    }
    return;
  }
  const std::uint32_t node = TrieNode(toks, draft);
  auto& cands = draft->node_candidates[node];
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
    cand.cased_form = static_cast<std::uint32_t>(cased_forms.size());
    cased_forms.push_back(std::move(forms));
  }
  if (warnings) WarnSameKind(entity, alias, type, cands, warnings);
  cands.push_back(cand);
  ++aliases;
}

// The node the tokens' path from the root ends at, the path made where it is missing.
std::uint32_t Gazetteer::Impl::TrieNode(const text::TokenList& toks, TrieDraft* draft) {
  std::uint32_t node = 0;
  for (const auto& t : toks) {
    auto [vit, fresh] = draft->vocab.emplace(t.key, static_cast<std::uint32_t>(draft->keys.size()));
    if (fresh) draft->keys.push_back(vit->first);
    const std::uint64_t k = (static_cast<std::uint64_t>(node) << 32) | vit->second;
    auto [eit, new_edge] = draft->edges.emplace(k, static_cast<std::uint32_t>(draft->node_candidates.size()));
    if (new_edge) draft->node_candidates.emplace_back();
    node = eit->second;
  }
  return node;
}

// A name or alias that already names another entity of the same kind (not adjectives,
// demonyms or cased forms, which are expected to be shared): ambiguous, the earlier wins.
void Gazetteer::Impl::WarnSameKind(std::uint32_t entity, const std::string& alias, AliasType type,
                                   const std::vector<Candidate>& cands, std::vector<std::string>* warnings) const {
  const auto shared = [](AliasType t) {
    return t == AliasType::kAdjective || t == AliasType::kDemonym || t == AliasType::kCased;
  };
  if (shared(type)) return;
  for (const auto& c : cands) {
    const Entity& other = entities[c.entity];
    if (other.kind == entities[entity].kind && !shared(c.type)) {
      warnings->push_back(fmt::format("{}: alias \"{}\" also names {} ({}), of the same kind: {} wins",
                                      entities[entity].origin, alias, other.id, other.origin, other.id));
    }
  }
}

// The holders of each (role, of), and the surnames of people: the last word of a name or
// alias of two words or more.
void Gazetteer::Impl::IndexRolesAndSurnames(std::uint32_t i, TrieDraft* draft) {
  const Entity& e = entities[i];
  for (std::uint32_t r = 0; r < e.roles.size(); ++r) {
    holders[e.roles[r].role + '\x1f' + e.roles[r].of].emplace_back(i, r);
  }
  if (e.kind != Kind::kPerson) return;
  std::vector<std::string> names{e.name};
  names.insert(names.end(), e.aliases.begin(), e.aliases.end());
  for (const auto& n : names) {
    draft->analyzer.Tokenize(n, &draft->toks);
    if (draft->toks.size() < 2) continue;
    auto& list = surnames[std::string(draft->toks.back().key)];
    if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
  }
}

// Freezes the draft: token ids become vocabulary slots, edges from the root move into the
// slots, each node's candidates are sorted by kind priority and then entity.
void Gazetteer::Impl::Freeze(TrieDraft* draft) {
  std::vector<std::uint32_t> slot_of;
  vocab.Build(draft->keys, &slot_of);
  std::size_t inner = 0;
  for (const auto& [k, child] : draft->edges) inner += (k >> 32) != 0;
  edges.Reserve(inner);
  for (const auto& [k, child] : draft->edges) {
    const auto node = static_cast<std::uint32_t>(k >> 32);
    const std::uint32_t token = slot_of[static_cast<std::uint32_t>(k)];
    if (node == 0)
      vocab.slots[token].root_child = child;
    else
      edges.Insert(node, token, child);
  }
  auto& node_candidates = draft->node_candidates;
  candidate_begin.assign(node_candidates.size() + 1, 0);
  node_flags.assign(node_candidates.size(), 0);
  candidates.clear();
  for (std::size_t n = 0; n < node_candidates.size(); ++n) {
    auto& cands = node_candidates[n];
    std::stable_sort(cands.begin(), cands.end(), [&](const Candidate& a, const Candidate& b) {
      const int pa = KindPriority(entities[a.entity].kind), pb = KindPriority(entities[b.entity].kind);
      if (pa != pb) return pa > pb;
      return a.entity < b.entity;
    });
    candidate_begin[n] = static_cast<std::uint32_t>(candidates.size());
    for (const auto& c : cands) {
      node_flags[n] |= kHasCandidates;
      if (c.type != AliasType::kCased && !c.folded) node_flags[n] |= kHasPlain;
      candidates.push_back(c);
    }
  }
  candidate_begin.back() = static_cast<std::uint32_t>(candidates.size());
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

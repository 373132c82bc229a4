// actorgraph — the gazetteer's internals, shared by gazetteer.cpp (loading, compiling,
// matching) and cache.cpp (the compiled cache). Not part of the public interface.
#pragma once

#include "common/status.hpp"
#include "common/string_hash.hpp"
#include "gazetteer/flat.hpp"
#include "gazetteer/gazetteer.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace actorgraph::gazetteer {

// The entities of a compiled file, decoded one by one on first use (cache.cpp), so that
// loading a large compiled gazetteer costs neither the time nor the memory of building every
// entity. Thread-safe.
class LazyEntities {
 public:
  virtual ~LazyEntities() = default;
  virtual std::size_t size() const = 0;
  virtual const Entity& Get(std::uint32_t index) const = 0;
  virtual std::optional<std::uint32_t> Find(std::string_view id) const = 0;
  // Cache hints for Get(index) soon (see Gazetteer::Prefetch): where the entity is kept, then
  // the entity itself when it is built already.
  virtual void PrefetchSlot(std::uint32_t) const {}
  virtual void PrefetchEntity(std::uint32_t) const {}
  // Gazetteer::brief(index); by default from Get(index).
  virtual EntityBrief Brief(std::uint32_t index) const { return BriefOf(Get(index)); }

  static EntityBrief BriefOf(const Entity& e) { return {e.id, e.name, e.country, e.code, e.kind, !e.roles.empty()}; }
};

// An id defined twice: the id, where the duplicate is ("line 3", "entity 5" of a compiled
// file) and "file:line" of the first definition.
struct DuplicateId {
  std::string id, place, first;
};

// One line for the ids of `origin` that earlier lines or files already define: how many,
// the first few with both places, the files of the first definitions, and what to do (an
// id namespace, other ids, or removing them). `problems` counts all problems of `origin`
// (the duplicates included).
std::string DuplicateIdsMessage(const std::string& origin, const std::vector<DuplicateId>& duplicates,
                                std::size_t problems);

struct Gazetteer::Impl {
  // Either `entities` with `by_id`, or (loaded from a compiled file and not changed since)
  // `lazy`.
  std::vector<Entity> entities;
  std::unordered_map<std::string, std::uint32_t> by_id;
  std::unique_ptr<LazyEntities> lazy;

  std::size_t Count() const { return lazy ? lazy->size() : entities.size(); }
  const Entity& At(std::uint32_t index) const { return lazy ? lazy->Get(index) : entities[index]; }
  // Builds every entity of `lazy` into `entities` (before anything is added or compiled).
  void MakeEager() {
    if (!lazy) return;
    entities.clear();
    entities.reserve(lazy->size());
    by_id.clear();
    for (std::uint32_t i = 0; i < lazy->size(); ++i) {
      entities.push_back(lazy->Get(i));
      by_id.emplace(entities.back().id, i);
    }
    lazy.reset();
  }

  // The compiled matcher (lib/gazetteer/flat.hpp): token trie over normalised token keys,
  // and the candidates ending at each node, as offsets into one array (node n owns
  // candidates[candidate_begin[n] .. candidate_begin[n + 1])).
  flat::Vocabulary vocab;
  flat::Edges edges;
  std::vector<std::uint32_t> candidate_begin{0, 0};
  std::vector<Candidate> candidates;
  std::vector<std::uint8_t> node_flags{0};               // kHasCandidates, kHasPlain
  std::vector<std::vector<std::string>> cased_forms{1};  // token texts of each cased alias
  std::size_t aliases = 0;
  bool compiled = false;  // the tables match the entities (after Compile or LoadCompiled)
  // Which build of the tables this is, unique in the process (set with `compiled`): the
  // per-thread token memo of FindMatches belongs to one build.
  std::uint64_t generation = 0;
  static std::uint64_t NextGeneration();

  std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>> holders;
  StringMap<std::vector<std::uint32_t>> surnames;
  KeyFilter surname_filter;  // over the keys of `surnames`; see FinishTables()
  // What is derived from the tables once they are complete, after Compile or a cache load
  // (none of it is trusted from a file): the edges' Bloom filter, each vocabulary slot's copy
  // of its root node's flags, and surname_filter.
  void FinishTables() {
    edges.BuildFilter();
    for (auto& slot : vocab.slots) slot.root_flags = slot.root_child == 0 ? 0 : node_flags[slot.root_child];
    surname_filter.Reset(surnames.size());
    for (const auto& entry : surnames) surname_filter.Add(entry.first);
  }
  std::vector<std::uint32_t> no_one;

  static constexpr std::uint8_t kHasCandidates = 1;  // some alias ends here
  static constexpr std::uint8_t kHasPlain = 2;       // one of them fits any text (not cased, not folded)

  std::span<const Candidate> NodeCandidates(std::uint32_t node) const {
    return {candidates.data() + candidate_begin[node], candidates.data() + candidate_begin[node + 1]};
  }

  Status ParseLine(std::string_view line, const std::string& where, std::vector<std::string>* problems);

  // Compile's steps (gazetteer.cpp).
  struct TrieDraft;
  void AddAlias(std::uint32_t entity, const std::string& alias, AliasType type, TrieDraft* draft,
                std::vector<std::string>* warnings);
  static std::uint32_t TrieNode(const text::TokenList& toks, TrieDraft* draft);
  void WarnSameKind(std::uint32_t entity, const std::string& alias, AliasType type, const std::vector<Candidate>& cands,
                    std::vector<std::string>* warnings) const;
  void IndexRolesAndSurnames(std::uint32_t entity, TrieDraft* draft);
  void Freeze(TrieDraft* draft);

  // The duplicate ids ParseLine met since LoadString began. LoadString sums them up in its
  // error.
  std::vector<DuplicateId> duplicates;
};

}  // namespace actorgraph::gazetteer

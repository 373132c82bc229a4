// actorgraph — stage 3a: the gazetteer.
//
// Entities (people, organisations, countries, locations, groups) with their names, aliases
// and attributes, loaded from the JSON Lines format of lib/gazetteer/FORMAT.md and compiled
// into one matcher.
//
// Match semantics (see lib/gazetteer/MATCHING.md):
//   * token-aligned: an alias matches a run of whole tokens of text::Analyzer, compared by
//     normalised key, so case, diacritics, NFKC forms, hyphen/space/apostrophe variants and
//     Cyrillic/Armenian/Georgian/Greek transliteration do not matter;
//   * `cased` aliases match only when the original text has exactly the alias's letters
//     ("US" matches "US", not "us"); an alias with letters that folding changes beyond case
//     ("Çan", "Åre") does not match plain lower-case ASCII text ("can", "are");
//   * a name followed by a contraction ("don’t") is not a match of "Don";
//   * leftmost-longest: scanning from the left, the longest alias starting at the first
//     token that starts any alias wins; matches never overlap;
//   * on an alias shared by several entities the candidates are ranked by kind priority
//     country > organization > person > group > location, then by load order (the shipped
//     gazetteers load first, then -g files in the order given).
#pragma once

#include "common/status.hpp"
#include "common/string_hash.hpp"
#include "text/text.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::gazetteer {

enum class Kind : std::uint8_t { kPerson, kOrganization, kCountry, kLocation, kGroup };

std::string_view KindName(Kind kind);
std::optional<Kind> ParseKind(std::string_view name);
// Higher wins on equal spans: country 5, organization 4, person 3, group 2, location 1.
int KindPriority(Kind kind);

struct Role {
  std::string role;   // role key: head_of_state, foreign_minister, co_chair, ...
  std::string of;     // entity id the role is held in: "country:RU", "org:osce-minsk-group"
  std::string title;  // "President of Russia"
  std::string from;   // ISO date, possibly partial, or "" (open)
  std::string to;     // ISO date, possibly partial, or "" (open)
  // True when the role was held on `date` (ISO, possibly partial; "" = any time).
  bool HeldOn(std::string_view date) const;
};

struct Entity {
  std::string id;
  Kind kind = Kind::kPerson;
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> cased;
  std::vector<std::string> adjectives;
  std::vector<std::string> demonyms;
  std::string country;  // ISO alpha-2 or ""
  std::vector<Role> roles;
  std::vector<std::string> member_of;
  std::string parent;
  std::string code;    // countries: alpha-2
  std::string leader;  // countries: role key of "the X leader"
  std::string wikidata;
  std::string origin;  // "file:line" it was loaded from
};

// How an alias names its entity.
enum class AliasType : std::uint8_t { kName, kAlias, kCased, kAdjective, kDemonym };
std::string_view AliasTypeName(AliasType type);

struct Candidate {
  std::uint32_t entity;
  AliasType type;
  std::uint32_t cased_form;  // index into the cased forms table, for kCased; else 0
  // The alias has letters that folding changes beyond case (Çan, Åre, Путин): it does not
  // match text in plain lower-case ASCII ("can", "are"), which is an ordinary word.
  bool folded = false;
};

struct Match {
  std::uint32_t first_token;  // index of the first token matched
  std::uint32_t end_token;    // one past the last token matched
  std::uint32_t node;         // candidates: Gazetteer::Candidates(node)
};

// True when `path` is a compiled gazetteer (by its first bytes).
bool IsCompiledGazetteer(const std::string& path);
// The defaults fingerprint recorded in a compiled gazetteer. Errors as LoadCompiled.
Status ReadCompiledFingerprint(const std::string& path, std::string* defaults_fingerprint);
// A fingerprint of the gazetteer files below `path` (file or folder, as Load reads them):
// their names relative to `path`, their bytes and the cache format, hashed.
Status SourceFingerprint(const std::string& path, std::string* fingerprint);

// What a mention needs of an entity, as views that live as long as the gazetteer. From a
// compiled file they are read straight from the mapped bytes, without building the Entity.
struct EntityBrief {
  std::string_view id;
  std::string_view name;
  std::string_view country;
  std::string_view code;
  Kind kind = Kind::kPerson;
  bool has_roles = false;  // the whole Entity (entity()) has them
};

class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  // Loads a gazetteer file, or every *.jsonl file below a folder (sorted by path), or a
  // compiled gazetteer (see SaveCompiled; recognised by its first bytes). Every
  // problem found is appended to `problems` as "file:line: what is wrong" when given;
  // the result is kBadInput naming the first problem when there was any, kIo when a file
  // cannot be read. Entities must be compiled before matching.
  Status Load(const std::string& path, std::vector<std::string>* problems = nullptr);
  // Loads JSON Lines from memory; `origin` names it in messages.
  Status LoadString(std::string_view content, const std::string& origin, std::vector<std::string>* problems = nullptr);

  // Loads a compiled gazetteer written by SaveCompiled. Into an empty gazetteer it loads the
  // matcher as well, ready to match without Compile; otherwise only its entities are added
  // (and Compile builds the matcher again). Errors: kIo, kBadInput (not a compiled
  // gazetteer, another format version, truncated or damaged, duplicate ids).
  Status LoadCompiled(const std::string& path);
  // Writes the compiled gazetteer (entities and matcher) to `path` atomically.
  // `defaults_fingerprint` records which shipped gazetteers it holds (see SourceFingerprint;
  // "" for none). Precondition: Compile was called.
  Status SaveCompiled(const std::string& path, std::string_view defaults_fingerprint) const;

  // Builds the matcher and indexes (nothing to do after LoadCompiled of a whole gazetteer,
  // unless warnings are asked for). Reports aliases shared by entities of the same kind
  // and priority as warnings in `warnings` (the earlier entity wins). Call once, after the
  // last Load; the gazetteer is then immutable and may be shared by threads.
  void Compile(std::vector<std::string>* warnings = nullptr);

  std::size_t size() const;
  const Entity& entity(std::uint32_t index) const;
  // The same entity's id, name, country, code and kind (thread-safe, no allocation).
  EntityBrief brief(std::uint32_t index) const;
  std::optional<std::uint32_t> Find(std::string_view id) const;
  std::size_t alias_count() const;

  // Leftmost-longest, token-aligned matches over `tokens` of `text` (thread-safe).
  void FindMatches(std::string_view text, std::span<const text::Token> tokens, std::vector<Match>* out) const;
  // A hint, for a caller that goes through the matches of a document in order: starts
  // loading, into the cache, what a later match will need. Stage 3: its candidates; stage 2:
  // where its first candidate's entity is kept; stage 1: that entity (what brief() reads).
  // Call stage s for the match s places ahead of the one being handled. Never changes a
  // result.
  void Prefetch(const Match& match, int stage) const;

  // The candidates of a match, best first (kind priority, then load order), with cased
  // candidates whose exact form the text does not have already removed by FindMatches.
  std::vector<Candidate> Candidates(const Match& match, std::string_view text,
                                    std::span<const text::Token> tokens) const;
  // The same into `out` (cleared first), whose memory serves the next call.
  void Candidates(const Match& match, std::string_view text, std::span<const text::Token> tokens,
                  std::vector<Candidate>* out) const;

  // Entities that held role `role_key` in entity `of` on `date` (ISO, possibly partial).
  std::vector<std::uint32_t> Holders(std::string_view role_key, std::string_view of, std::string_view date) const;

  // People whose canonical name or an alias ends with the token key `surname` (the surname
  // index used for surname-only references).
  const std::vector<std::uint32_t>& BySurname(std::string_view surname) const;
  // The same for a key whose bytes::HashKey is known (a token's).
  const std::vector<std::uint32_t>& BySurname(const HashedKey& surname) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph::gazetteer

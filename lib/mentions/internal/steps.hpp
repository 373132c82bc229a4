// actorgraph — the mention annotators (private to the mentions stage).
#pragma once

#include "analysis/analysis.hpp"
#include "common/string_hash.hpp"
#include "gazetteer/gazetteer.hpp"
#include "mentions/mentions.hpp"
#include "tagger/names.hpp"
#include "tagger/tagger.hpp"

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <vector>

namespace actorgraph::mentions::internal {

// Confidence of each kind of resolution.
constexpr double kSurnameInDocument = 0.9;
constexpr double kRoleReference = 0.8;
constexpr double kAdjective = 0.9;
constexpr double kSurnameGlobal = 0.7;
constexpr double kDiscovered = 0.6;

// Whether token k looks like part of a person's name: capitalised, not numeric or
// possessive, at least two bytes, and none of the words that start sentences or name
// institutions. Worked out once per token into d.name_like.
bool IsNameLike(analysis::Document& d, std::uint32_t k);

// Whether people of this country (ISO alpha-2) are named family name first in English news
// ("Xi Jinping" ... "Xi", "Moon Jae-in" ... "Moon"): China, Taiwan, Hong Kong, Macau, both
// Koreas, Singapore, Cambodia (not Japan, whose names English gives given name first, nor
// Vietnam, whose people it calls by their given name).
inline bool FamilyNameFirst(std::string_view country) {
  return country == "CN" || country == "TW" || country == "HK" || country == "MO" || country == "KP" ||
         country == "KR" || country == "SG" || country == "KH";
}

// The token of a person's name that holds the surname: the last, or the one before a final
// "Jr" or "Sr" ("Ferdinand R. Marcos Jr." ... "Marcos").
inline std::uint32_t SurnameToken(const analysis::Document& d, const analysis::Mention& m) {
  const std::string_view last = d.tokens[m.end_token - 1].key;
  return m.end_token - m.first_token >= 3 && (last == "jr" || last == "sr") ? m.end_token - 2 : m.end_token - 1;
}

// Styles that only a person's name follows and that are no part of it: "the Hon Manasseh
// Sogavare", "Rt Hon John Key" (token keys).
inline bool PersonStyle(std::string_view key) {
  return key == "hon" || key == "rt" || key == "honourable" || key == "honorable";
}

// Lower-case particles inside a person's name, before the capitalised word they join: "al-"
// ("Abdel Fattah al-Burhan"), "bin", "van der", "de", "dos", "y", "ould" (token keys).
inline bool NameParticle(std::string_view key) {
  static constexpr std::string_view kParticles[] = {"al",  "el",  "bin", "ibn", "bint", "abu", "van", "von",  "de",
                                                    "der", "den", "da",  "di",  "du",   "dos", "das", "del",  "la",
                                                    "le",  "ten", "ter", "y",   "ould", "ben", "zu",  "della"};
  for (const std::string_view p : kParticles)
    if (p == key) return true;
  return false;
}

// What the last word of a name says it names, as bits (a word may be on two lists): the
// last words of organisations' names, of places', of buildings' and grounds' (some are also
// family names: "Stuart Hall", "Park"), and of the names of prizes, contests, wars, periods,
// treaties and laws. One look-up for all four, behind a Bloom filter (most words are none).
enum HeadKind : std::uint8_t { kOrganizationHead = 1, kPlaceHead = 2, kBuildingHead = 4, kNoActorHead = 8 };

inline std::uint8_t HeadOf(const HashedKey& key) {
  struct Table {
    StringMap<std::uint8_t> kinds;
    KeyFilter filter;
    void Add(std::initializer_list<std::string_view> words, std::uint8_t kind) {
      for (const std::string_view w : words) kinds[std::string(w)] |= kind;
    }
    Table() {
      Add({"university", "institute",  "institution",   "association", "organisation", "organization", "council",
           "party",      "foundation", "company",       "corporation", "corp",         "inc",          "ltd",
           "llc",        "plc",        "bank",          "agency",      "authority",    "bureau",       "commission",
           "committee",  "department", "ministry",      "union",       "league",       "federation",   "society",
           "club",       "airlines",   "airways",       "news",        "times",        "herald",       "journal",
           "gazette",    "tribune",    "magazine",      "press",       "network",      "television",   "radio",
           "records",    "studios",    "entertainment", "motors",      "technologies", "industries",   "holdings",
           "brands",     "services",   "army",          "navy",        "corps",        "division",     "brigade",
           "regiment",   "battalion",  "squadron",      "court",       "senate",       "parliament",   "congress",
           "school",     "college",    "academy",       "church",      "fund",         "coalition",    "alliance",
           "orchestra",  "police",     "assembly",      "movement",    "embassy"},
          kOrganizationHead);
      Add({"street",  "road",     "avenue",   "boulevard", "river",   "lake",      "mountains", "island", "islands",
           "valley",  "county",   "province", "district",  "bay",     "sea",       "ocean",     "gulf",   "strait",
           "airport", "bridge",   "square",   "canyon",    "desert",  "peninsula", "coast",     "hills",  "beach",
           "creek",   "township", "village",  "parish",    "harbour", "harbor",    "canal",     "forest"},
          kPlaceHead);
      Add({"hall", "palace", "museum", "station", "stadium", "arena", "temple", "cathedral", "mosque", "tower",
           "towers", "memorial", "park", "gardens", "planetarium", "abbey", "castle", "monument"},
          kBuildingHead);
      Add({"cup", "trophy", "bowl", "award", "awards", "prize", "olympics", "championship", "tournament", "war", "ages",
           "festival", "championships", "treaty", "act", "games"},
          kNoActorHead);
      filter.Reset(kinds.size());
      for (const auto& [word, kind] : kinds) filter.Add(word);
    }
  };
  static const Table table;
  if (!table.filter.MayContain(key)) return 0;
  const auto it = table.kinds.find(key);
  return it == table.kinds.end() ? 0 : it->second;
}
inline std::uint8_t HeadOf(std::string_view key) { return HeadOf(HashedKey{key, bytes::HashKey(key)}); }
inline bool OrganizationHead(std::string_view key) { return (HeadOf(key) & kOrganizationHead) != 0; }
inline bool PlaceHead(std::string_view key) { return (HeadOf(key) & kPlaceHead) != 0; }
inline bool NoActorHead(std::string_view key) { return (HeadOf(key) & kNoActorHead) != 0; }

// Sets entity, id, kind, name, country and the role held on `date` from gazetteer entry `index`.
void FillFromEntity(const gazetteer::Gazetteer& gaz, std::uint32_t index, const std::string& date,
                    analysis::Mention* m);

std::unique_ptr<analysis::Annotator> MakeGazetteerStep(const gazetteer::Gazetteer& gaz);
std::unique_ptr<analysis::Annotator> MakeTitlesStep(const Titles& titles);
std::unique_ptr<analysis::Annotator> MakeRolesStep(const gazetteer::Gazetteer& gaz);
std::unique_ptr<analysis::Annotator> MakeDiscoveryStep(const GivenNames* given_names, analysis::WorkerContext& c);
std::unique_ptr<analysis::Annotator> MakeSurnamesStep(const gazetteer::Gazetteer& gaz, analysis::WorkerContext& c);
std::unique_ptr<analysis::Annotator> MakeMentionOrderStep();
std::unique_ptr<analysis::Annotator> MakeNamesStep(const tagger::Model* pos, const tagger::NameModel& names,
                                                   const GivenNames* given_names, analysis::WorkerContext& c);

// The name tagger's hints for the words of one sentence, from d's tokens, gazetteer mentions
// and titles (also used by tools/train_names.cpp on the training sentences, so training and
// tagging see the same hints).
void ComputeNameHints(const analysis::Document& d, std::span<const tagger::Token> words, const GivenNames* given,
                      std::vector<tagger::NameHint>* out);

}  // namespace actorgraph::mentions::internal

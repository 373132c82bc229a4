// actorgraph — stage 3b: mentions.
//
// Finds every actor mention in a document: gazetteer matches (gazetteer.hpp), then
// document-level resolution of what the gazetteer cannot match on its own:
//   * surname:  "Bayramov" after "Jeyhun Bayramov" (confidence 0.9); a surname that only one
//               gazetteer person in office on the document date has (0.7);
//   * role:     "the Russian leader", "Azerbaijani top diplomat", "Armenia's prime minister"
//               → the holder of that role on the document's date (0.8), through the title
//               lexicon data/lexicons/titles.tsv;
//   * discovered: people no gazetteer lists but the text presents as people — a title before
//               a capitalised name ("Deputy Foreign Minister Anna Kovacs"), "Name (Country)",
//               or a name in a list with known people — get a "discovered:<name>" id (0.6).
// Titles directly before a name ("Foreign Minister Jeyhun Bayramov") are not mentions of
// their own: they give the mention its role.
#pragma once

#include "common/status.hpp"
#include "common/string_hash.hpp"
#include "documents/documents.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/dates.hpp"
#include "text/phrases.hpp"
#include "text/text.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace actorgraph::mentions {

struct Mention {
  std::uint32_t start = 0;        // byte offsets into the document text, end exclusive
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;  // token range of the mention
  std::uint32_t end_token = 0;
  std::int64_t entity = -1;       // gazetteer index, or -1 for a discovered entity
  std::string entity_id;          // gazetteer id or "discovered:<slug>"
  std::string kind;               // person|organization|country|location|group
  std::string name;               // canonical name
  std::string role;               // role title held on the document date (people), or ""
  std::string country;            // affiliated country (ISO alpha-2), or ""
  double confidence = 1.0;
  std::string resolved_by;        // exact|alias|adjective|demonym|surname|role|discovered
};

// A document with its tokens, sentences, date and mentions: the input of the events stage.
struct AnalyzedDocument {
  documents::Document doc;
  text::DocumentDate date;
  text::TokenList tokens;
  std::vector<text::Span> sentences;  // see MentionFinder::Analyze
  std::vector<Mention> mentions;  // sorted by start, never overlapping
};

// The title lexicon (data/lexicons/titles.tsv).
struct Titles {
  text::PhraseTable table;            // phrase → index into role_keys
  std::vector<std::string> role_keys;  // "" for titles that resolve to no holder
  // Loads the TSV file. Errors: kIo, kBadInput "file:line: ...".
  Status Load(const std::string& path);
};

// Finds mentions. Holds per-thread scratch (an ICU analyser): one per worker thread; the
// gazetteer and titles are shared and must outlive it.
// Given names (data/lexicons/given-names.tsv, one column "name"): discovery takes a
// capitalised pair or triple that starts with one ("Ingrid Solberg") as a person.
struct GivenNames {
  StringSet keys;  // token keys
  // Loads the TSV file. Errors: kIo, kBadInput "file:line: ...".
  Status Load(const std::string& path);
};

class MentionFinder {
 public:
  MentionFinder(const gazetteer::Gazetteer& gazetteer, const Titles& titles, const GivenNames* given_names = nullptr);
  ~MentionFinder();

  // Tokenises, segments, dates and finds the mentions of `doc`. `option_date` is --date
  // ("" when absent). Cannot fail: odd input yields fewer mentions, never an error.
  // With `sentences` false, out->sentences is filled only when a rule needs to know where a
  // sentence starts (rarely: the mentions are the same either way), which spares the
  // sentence segmentation when only mentions are wanted; the events stage needs it.
  void Analyze(documents::Document doc, const std::string& option_date, AnalyzedDocument* out,
               bool sentences = true);

  text::Analyzer& analyzer();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The entity id of a discovered person named by `name` ("Igor Popov" → "discovered:igor-popov").
std::string DiscoveredId(text::Analyzer& analyzer, std::string_view name);

}  // namespace actorgraph::mentions

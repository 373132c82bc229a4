// actorgraph — stage 3b: mentions.
//
// Finds every actor mention in a document: gazetteer matches (gazetteer.hpp), then
// document-level resolution of what the gazetteer cannot match on its own. Each rule is one
// annotator over the document model (analysis/analysis.hpp), run in this order:
//   gazetteer      gazetteer matches; adjectives and demonyms get confidence 0.9;
//   titles         title phrases over the tokens no match covers (data/lexicons/titles.tsv);
//   roles          "the Russian leader", "Azerbaijani top diplomat", "Armenia's prime
//                  minister" → the holder of that role on the document's date (0.8); titles
//                  right before a name ("Foreign Minister Jeyhun Bayramov") are no mentions
//                  of their own: they give the mention its role;
//   discovery      people no gazetteer lists but the text presents as people, as
//                  "discovered:<name>" (0.6): "Name (Country)"; a title right before ("Deputy
//                  Foreign Minister Anna Kovacs"); an apposition after ("X Y, a senior
//                  adviser"); the speaker of a reporting verb ("Tom Reed said"); a known given
//                  name first (data/lexicons/given-names.tsv); a name listed next to known
//                  people ("Putin, Ivan Petrov and Aliyev");
//   surnames       "Bayramov" after "Jeyhun Bayramov" (0.9, or 0.6 for a discovered person); a
//                  surname that only one gazetteer person in office on the document date
//                  has (0.7), not at a sentence start;
//   mention-order  the mentions sorted by start.
// lib/mentions/MENTIONS.md gives the reasons behind each rule's limits.
#pragma once

#include "analysis/analysis.hpp"
#include "common/status.hpp"
#include "common/string_hash.hpp"
#include "documents/documents.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/phrases.hpp"
#include "text/text.hpp"

#include <memory>
#include <string>
#include <vector>

namespace actorgraph::mentions {

using analysis::Mention;
using analysis::MentionSource;
using AnalyzedDocument = analysis::Document;

// The title lexicon (data/lexicons/titles.tsv).
struct Titles {
  text::PhraseTable table;             // phrase → index into role_keys
  std::vector<std::string> role_keys;  // "" for titles that resolve to no holder
  // Loads the TSV file. Errors: kIo, kBadInput "file:line: ...".
  Status Load(const std::string& path);
};

// Given names (data/lexicons/given-names.tsv, one column "name"): discovery takes a
// capitalised pair or triple that starts with one ("Ingrid Solberg") as a person.
struct GivenNames {
  StringSet keys;  // token keys
  // Loads the TSV file. Errors: kIo, kBadInput "file:line: ...".
  Status Load(const std::string& path);
};

// The steps above, and the resources they read: "gazetteer" (loaded by the pipeline),
// "titles" and "given-names" (from <data_dir>/lexicons).
void RegisterSteps(analysis::Registry& registry);
// The mention steps in their order, after tokenize and document-date.
const std::vector<std::string>& StepNames();

// Runs tokenize, document-date and the mention steps on one document: for tests and
// benchmarks that need no pipeline. Holds per-thread scratch: one per thread; the
// gazetteer and lexicons are shared and must outlive it.
class MentionFinder {
 public:
  MentionFinder(const gazetteer::Gazetteer& gazetteer, const Titles& titles, const GivenNames* given_names = nullptr);
  ~MentionFinder();

  // `option_date` is --date ("" when absent). With `sentences`, the sentence layer is filled
  // as the events steps need it; without, only when a rule asks where a sentence starts.
  void Analyze(documents::Document doc, const std::string& option_date, AnalyzedDocument* out, bool sentences = true);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The entity id of a discovered person named by `name` ("Igor Popov" → "discovered:igor-popov").
std::string DiscoveredId(text::Analyzer& analyzer, std::string_view name);

}  // namespace actorgraph::mentions

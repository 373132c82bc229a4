// actorgraph — running the stages over a corpus on all cores.
//
// Documents are read in order by one reader, analysed (mentions, events) by N workers in
// batches, and handed to the caller's sink one at a time *in input order*, so every output
// is identical whatever the thread count. Memory is bounded by one batch of documents.
#pragma once

#include "common/status.hpp"
#include "documents/documents.hpp"
#include "events/events.hpp"
#include "gazetteer/gazetteer.hpp"
#include "mentions/mentions.hpp"

#include <functional>
#include <string>
#include <vector>

namespace actorgraph::pipeline {

// Everything the stages need that is loaded once and shared read-only by the workers.
struct Resources {
  gazetteer::Gazetteer gazetteer;
  mentions::Titles titles;
  mentions::GivenNames given_names;
  events::Triggers triggers;
};

// Loads the resources: the default gazetteers of `data_dir` (unless `no_defaults`), then
// each of `extra_gazetteers` (file or folder), then the lexicons of `data_dir`/lexicons.
// Errors: kIo for missing files, kBadInput "file:line: ..." for malformed rows.
// The gazetteer part of LoadResources. A compiled gazetteer (`actorgraph gazetteer compile`)
// among `extra_gazetteers` that holds the shipped gazetteers of `data_dir` replaces them
// (one that holds other shipped data is refused). `defaults_fingerprint`, when given,
// receives the fingerprint of the shipped gazetteers loaded ("" with `no_defaults`).
Status LoadGazetteers(const std::string& data_dir, bool no_defaults, const std::vector<std::string>& extra_gazetteers,
                      gazetteer::Gazetteer* gazetteer, std::string* defaults_fingerprint);

Status LoadResources(const std::string& data_dir, bool no_defaults, const std::vector<std::string>& extra_gazetteers,
                     Resources* resources);

struct DocumentResult {
  mentions::AnalyzedDocument analyzed;
  std::vector<events::Event> events;  // empty unless RunOptions::events
};

struct RunOptions {
  int threads = 1;           // workers (>= 1)
  std::string date;          // --date, "" when absent
  bool events = true;        // also extract events
  bool progress = false;     // progress line on standard error
  std::size_t batch_bytes = 8u << 20;  // documents are analysed in batches of about this size
};

// Reads every document of `reader`, analyses it and calls `sink` with each result in input
// order (from the calling thread). Stops at the first error of the reader or the sink.
Status Run(documents::DocumentReader& reader, const Resources& resources, const RunOptions& options,
           const std::function<Status(DocumentResult&)>& sink);

}  // namespace actorgraph::pipeline

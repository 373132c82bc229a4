// actorgraph — running the stages over a corpus on all cores.
//
// One reader thread reads documents in batches, N worker threads analyse them (each runs
// its own chain of annotators, analysis/analysis.hpp, then an optional per-document
// rendering step), and the calling thread hands the
// results to the caller's sink one at a time *in input order*, so every output is identical
// whatever the thread count. Reading, analysis and the sink overlap; memory is bounded by a
// few batches of documents (RunOptions::max_batches), and a document larger than a window
// (RunOptions::window_bytes) is analysed by the calling thread window by window, each window
// handed to the sink when done (lib/analysis/ANNOTATORS.md §7). Memory is freed by the thread that
// allocated it: delivered results go back to their worker, delivered batches to the reader
// (with glibc, freeing another thread's blocks takes that thread's arena lock).
#pragma once

#include "analysis/analysis.hpp"
#include "common/status.hpp"
#include "documents/documents.hpp"
#include "events/events.hpp"
#include "gazetteer/gazetteer.hpp"
#include "mentions/mentions.hpp"

#include <functional>
#include <string>
#include <vector>

namespace actorgraph::pipeline {

// Everything the steps need that is loaded once and shared read-only by the workers: the
// registry of steps and resource loaders, and the resources loaded by name.
struct Resources {
  analysis::Registry registry = StandardRegistry();
  analysis::Resources shared;
  const gazetteer::Gazetteer& gazetteer() const { return *shared.Find<gazetteer::Gazetteer>("gazetteer"); }

  static analysis::Registry StandardRegistry();
};

// The step lists of the commands: mentions only, mentions and events.
const std::vector<std::string>& MentionSteps();
const std::vector<std::string>& EventSteps();
// The steps of `actorgraph tag`: tokens, sentences and the tagger on every sentence.
const std::vector<std::string>& TagSteps();

// The gazetteer resource: the default gazetteers of `data_dir` (unless `no_defaults`), then
// each of `extra_gazetteers` (file or folder). A compiled gazetteer (`actorgraph gazetteer
// compile`) among `extra_gazetteers` that holds the shipped gazetteers of `data_dir`
// replaces them (one that holds other shipped data is refused). `defaults_fingerprint`,
// when given, receives the fingerprint of the shipped gazetteers loaded ("" with
// `no_defaults`). Errors: kIo for missing files, kBadInput "file:line: ..." for bad rows.
Status LoadGazetteers(const std::string& data_dir, bool no_defaults, const std::vector<std::string>& extra_gazetteers,
                      gazetteer::Gazetteer* gazetteer, std::string* defaults_fingerprint);

// Loads what `steps` need (the gazetteer, lexicons from `data_dir`/lexicons, models from
// `data_dir`/models), each once; {"gazetteer"} loads only the gazetteer. Errors: the loaders'.
Status LoadResources(const std::string& data_dir, bool no_defaults, const std::vector<std::string>& extra_gazetteers,
                     Resources* resources, const std::vector<std::string>& steps = EventSteps());
// The same, from a whole LoadContext (also the options of the event steps).
Status LoadResources(const analysis::LoadContext& where, Resources* resources,
                     const std::vector<std::string>& steps = EventSteps());

// A document larger than RunOptions::window_bytes reaches the sink (and `render`) as one
// result per window, in order: the same document (id, whole text), the mentions of that
// window only (offsets into the whole text), and the document's events, merged, with the
// last window. `window` counts them from 0; `last_window` is set on the last (and on every
// document analysed whole).
struct DocumentResult {
  analysis::Document analyzed;        // its scratch layers (tokens, sentences, ...) are empty in the sink
  std::vector<events::Event> events;  // the document's events (moved out of analyzed.events)
  std::string rendered;               // what RunOptions::render wrote, "" without it
  std::uint32_t window = 0;
  bool last_window = true;
  bool deferred = false;  // internal: left for the calling thread to analyse window by window
};

// The window of a large document (1 MiB), unless the environment variable
// ACTORGRAPH_WINDOW_BYTES says otherwise (for tests; at least 256). A document of at most
// this many bytes is analysed whole.
std::size_t DefaultWindowBytes();

struct RunOptions {
  int threads = 1;                     // workers (>= 1)
  std::string date;                    // --date, "" when absent
  bool events = true;                  // the steps of EventSteps(), else of MentionSteps()
  std::vector<std::string> steps;      // when not empty: these steps instead
  bool progress = false;               // progress line on standard error (documents, MB, MB/s, time left)
  std::size_t batch_bytes = 4u << 20;  // documents are read and queued in batches of about this size
  std::size_t max_batches = 3;         // batches in memory at once: being read, analysed or delivered
  // Optional: called for each document after its analysis, typically to serialise it into
  // DocumentResult::rendered so that the sink only writes bytes. With several workers it runs
  // on each of them, at once, so it must only touch the result it is given; with one worker
  // it runs on the calling thread just before the sink, which is otherwise idle.
  std::function<void(DocumentResult&)> render;
  // Run `render` on the workers even with one worker. Needed when it reads the scratch
  // layers (tokens, sentences, words and tags, ...: analysis::Document::SwapScratch), which
  // stay with the worker and are not in the result the calling thread gets.
  bool render_on_workers = false;
  // A document larger than this is analysed window by window, each window a run of whole
  // lines (else sentences, else words) of at most this size, with the document-level state
  // carried forward (analysis::WindowState), so that memory does not grow with the document.
  std::size_t window_bytes = DefaultWindowBytes();
};

// Reads every document of `reader`, analyses it and calls `sink` with each result in input
// order (from the calling thread). Stops at the first error of the reader or the sink: a
// reader error is returned after the sink has had every document of the batches read before
// the failing one (the same documents for any thread count); a sink error stops the reader
// and the workers at once. All threads are joined before Run returns. An exception thrown by
// the reader, a worker or `render` is rethrown on the calling thread.
Status Run(documents::DocumentReader& reader, const Resources& resources, const RunOptions& options,
           const std::function<Status(DocumentResult&)>& sink);

}  // namespace actorgraph::pipeline

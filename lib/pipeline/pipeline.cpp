#include "pipeline/pipeline.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <thread>

namespace actorgraph::pipeline {

Status LoadGazetteers(const std::string& data_dir, bool no_defaults, const std::vector<std::string>& extra_gazetteers,
                      gazetteer::Gazetteer* gaz, std::string* defaults_fingerprint_out) {
  namespace fs = std::filesystem;
  // A compiled gazetteer that was built with these very shipped gazetteers already holds
  // them: they are not loaded a second time. One built with other shipped data is refused,
  // since its copies of the shipped entities would clash with the current ones.
  bool defaults_inside = false;
  std::string defaults_fingerprint;
  const std::string defaults_dir = (fs::path(data_dir) / "gazetteers").string();
  for (const auto& g : extra_gazetteers) {
    if (!gazetteer::IsCompiledGazetteer(g)) continue;
    std::string fingerprint;
    ACTORGRAPH_RETURN_IF_ERROR(gazetteer::ReadCompiledFingerprint(g, &fingerprint));
    if (fingerprint.empty() || no_defaults) continue;
    if (defaults_fingerprint.empty()) ACTORGRAPH_RETURN_IF_ERROR(gazetteer::SourceFingerprint(defaults_dir, &defaults_fingerprint));
    if (fingerprint != defaults_fingerprint) {
      return Status::BadInput(fmt::format(
          "{}: compiled with other shipped gazetteers than those in {}; compile it again with 'actorgraph gazetteer "
          "compile', or add --no-default-gazetteers to use it as it is",
          g, defaults_dir));
    }
    if (defaults_inside) {
      return Status::BadUsage(fmt::format("{}: a second compiled gazetteer that holds the shipped gazetteers; "
                                          "give only one, or compile the others with --no-default-gazetteers", g));
    }
    defaults_inside = true;
  }
  if (!no_defaults && !defaults_inside) ACTORGRAPH_RETURN_IF_ERROR(gaz->Load(defaults_dir));
  for (const auto& g : extra_gazetteers) ACTORGRAPH_RETURN_IF_ERROR(gaz->Load(g));
  gaz->Compile();
  if (defaults_fingerprint_out) {
    if (!no_defaults && defaults_fingerprint.empty()) {
      ACTORGRAPH_RETURN_IF_ERROR(gazetteer::SourceFingerprint(defaults_dir, &defaults_fingerprint));
    }
    *defaults_fingerprint_out = no_defaults ? "" : defaults_fingerprint;
  }
  return Status::Ok();
}

Status LoadResources(const std::string& data_dir, bool no_defaults, const std::vector<std::string>& extra_gazetteers,
                     Resources* r) {
  namespace fs = std::filesystem;
  ACTORGRAPH_RETURN_IF_ERROR(LoadGazetteers(data_dir, no_defaults, extra_gazetteers, &r->gazetteer, nullptr));
  ACTORGRAPH_RETURN_IF_ERROR(r->titles.Load((fs::path(data_dir) / "lexicons" / "titles.tsv").string()));
  ACTORGRAPH_RETURN_IF_ERROR(r->given_names.Load((fs::path(data_dir) / "lexicons" / "given-names.tsv").string()));
  ACTORGRAPH_RETURN_IF_ERROR(r->triggers.Load((fs::path(data_dir) / "lexicons" / "triggers.tsv").string()));
  spdlog::debug("loaded {} entities with {} aliases", r->gazetteer.size(), r->gazetteer.alias_count());
  return Status::Ok();
}

Status Run(documents::DocumentReader& reader, const Resources& res, const RunOptions& options,
           const std::function<Status(DocumentResult&)>& sink) {
  const int threads = std::max(1, options.threads);
  std::vector<std::unique_ptr<mentions::MentionFinder>> finders;
  for (int t = 0; t < threads; ++t) finders.push_back(std::make_unique<mentions::MentionFinder>(res.gazetteer, res.titles, &res.given_names));
  const events::EventExtractor extractor(res.gazetteer, res.triggers);
  const auto started = std::chrono::steady_clock::now();
  std::size_t done_docs = 0, done_bytes = 0;

  bool finished = false;
  while (!finished) {
    // Read one batch.
    std::vector<documents::Document> batch;
    std::size_t bytes = 0;
    while (bytes < options.batch_bytes) {
      documents::Document doc;
      bool end = false;
      ACTORGRAPH_RETURN_IF_ERROR(reader.Next(&doc, &end));
      if (end) {
        finished = true;
        break;
      }
      bytes += doc.text.size();
      batch.push_back(std::move(doc));
    }
    if (batch.empty()) break;
    // Analyse it in parallel; results keep their input positions.
    std::vector<DocumentResult> results(batch.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&](int t) {
      for (std::size_t i = next++; i < batch.size(); i = next++) {
        finders[static_cast<std::size_t>(t)]->Analyze(std::move(batch[i]), options.date, &results[i].analyzed);
        if (options.events) results[i].events = extractor.Extract(results[i].analyzed);
      }
    };
    const int used = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(threads), batch.size()));
    std::vector<std::thread> pool;
    for (int t = 1; t < used; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    for (auto& r : results) {
      if (r.analyzed.date.source == "inferred") {
        spdlog::warn("{}: no date given; inferred {} from the years the text mentions (use --date to set it)",
                     r.analyzed.doc.origin, r.analyzed.date.date);
      } else if (r.analyzed.date.source == "dateline") {
        spdlog::info("{}: date {} from the dateline, year inferred from the text", r.analyzed.doc.origin,
                     r.analyzed.date.date);
      } else if (r.analyzed.date.source == "none") {
        spdlog::warn("{}: no date found; relative dates stay unresolved (use --date)", r.analyzed.doc.origin);
      }
      done_bytes += r.analyzed.doc.text.size();
      ++done_docs;
      ACTORGRAPH_RETURN_IF_ERROR(sink(r));
    }
    if (options.progress) {
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "\r%zu documents, %.1f MB, %.1f MB/s   ", done_docs, static_cast<double>(done_bytes) / 1e6,
                   secs > 0 ? static_cast<double>(done_bytes) / 1e6 / secs : 0.0);
      std::fflush(stderr);
    }
  }
  if (options.progress) std::fprintf(stderr, "\n");
  return Status::Ok();
}

}  // namespace actorgraph::pipeline

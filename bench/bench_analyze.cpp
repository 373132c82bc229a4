// bench_analyze — the library's end-to-end path on one thread, phase by phase, without
// output: read (documents::DocumentReader, JSON Lines parsing and UTF-8 validation
// included), then mentions::MentionFinder::Analyze (tokenise, segment, date, match,
// resolve), then events::EventExtractor::Extract.
//
//   bench_analyze DATA_DIR CORPUS [GAZETTEER...] [--no-default-gazetteers] [--date YYYY-MM-DD]
//
// DATA_DIR is the shipped data folder (data/ of the checkout); GAZETTEER files (JSON Lines
// or compiled) are added as with -g. Loading is timed apart (load_s). Prints one JSON line:
// MB/s of each phase and of the three together ("e2e_mbps", over corpus text bytes).
#include "documents/documents.hpp"
#include "events/events.hpp"
#include "mentions/mentions.hpp"
#include "pipeline/pipeline.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;
double Secs(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }
double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}
}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional, gazetteers;
  bool no_defaults = false;
  std::string date = "2021-01-01";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-default-gazetteers") == 0)
      no_defaults = true;
    else if (std::strcmp(argv[i], "--date") == 0 && i + 1 < argc)
      date = argv[++i];
    else
      positional.emplace_back(argv[i]);
  }
  if (positional.size() < 2) {
    std::fprintf(stderr, "usage: %s DATA_DIR CORPUS [GAZETTEER...] [--no-default-gazetteers] [--date D]\n", argv[0]);
    return 2;
  }
  gazetteers.assign(positional.begin() + 2, positional.end());
  namespace ag = actorgraph;
  const auto l0 = Clock::now();
  ag::pipeline::Resources res;
  if (auto s = ag::pipeline::LoadResources(positional[0], no_defaults, gazetteers, &res); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return s.exit_code();
  }
  const double load_s = Secs(l0, Clock::now());
  const double mem_load_mb = PeakRssMb();
  ag::documents::DocumentReader reader({positional[1]}, {});
  if (auto s = reader.Open(); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return s.exit_code();
  }
  ag::mentions::MentionFinder finder(res.gazetteer(), *res.shared.Find<ag::mentions::Titles>("titles"),
                                     res.shared.Find<ag::mentions::GivenNames>("given-names"));
  const ag::events::EventExtractor extractor(res.gazetteer(), *res.shared.Find<ag::events::Triggers>("triggers"),
                                             *res.shared.Find<ag::events::Cues>("event-cues"),
                                             *res.shared.Find<ag::tagger::Model>("pos-model"));
  double read_s = 0, analyze_s = 0, events_s = 0;
  std::size_t docs = 0, bytes = 0, mentions = 0, events = 0;
  ag::mentions::AnalyzedDocument analyzed;  // reused, as a pipeline worker reuses its memory
  for (;;) {
    ag::documents::Document doc;
    bool done = false;
    const auto t0 = Clock::now();
    if (auto s = reader.Next(&doc, &done); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return s.exit_code();
    }
    const auto t1 = Clock::now();
    read_s += Secs(t0, t1);
    if (done) break;
    ++docs;
    bytes += doc.text.size();
    finder.Analyze(std::move(doc), date, &analyzed);
    const auto t2 = Clock::now();
    const auto found = extractor.Extract(analyzed);
    const auto t3 = Clock::now();
    analyze_s += Secs(t1, t2);
    events_s += Secs(t2, t3);
    mentions += analyzed.mentions.size();
    events += found.size();
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf(
      "{\"program\": \"bench_analyze\", \"documents\": %zu, \"text_mb\": %.3f, \"entities\": %zu, "
      "\"aliases\": %zu, \"load_s\": %.3f, \"mem_load_mb\": %.1f, \"read_s\": %.3f, \"analyze_s\": %.3f, "
      "\"events_s\": %.3f, \"read_mbps\": %.2f, \"analyze_mbps\": %.2f, \"events_mbps\": %.2f, "
      "\"e2e_mbps\": %.2f, \"mentions\": %zu, \"events\": %zu, \"mem_peak_mb\": %.1f}\n",
      docs, mb, res.gazetteer().size(), res.gazetteer().alias_count(), load_s, mem_load_mb, read_s, analyze_s, events_s,
      mb / read_s, mb / analyze_s, mb / events_s, mb / (read_s + analyze_s + events_s), mentions, events, PeakRssMb());
  return 0;
}

// libFuzzer target: the gazetteer importers (PETRARCH actor dictionaries, GeoNames tables,
// CSV). The first byte picks the format (bits 0-1: petrarch, geonames, csv, csv) and the
// options (bit 2: skip bad rows, bit 3: PETRARCH agents); the rest is the input file.
// Properties: no crash, no sanitizer report; an import that succeeds writes a gazetteer that
// loads without a problem, with as many entities as the import reports.
#include "fuzz_util.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/import/import.hpp"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <string>
#include <vector>

namespace gz = actorgraph::gazetteer;
using actorgraph::fuzz::Check;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  static const gz::ImportFormat kFormats[] = {gz::ImportFormat::kPetrarch, gz::ImportFormat::kGeonames,
                                              gz::ImportFormat::kCsv, gz::ImportFormat::kCsv};
  const gz::ImportFormat format = kFormats[mode & 3];
  gz::ImportOptions options;
  options.skip_bad_rows = (mode & 4) != 0;
  options.petrarch_agents = (mode & 8) != 0;
  const std::string input = actorgraph::fuzz::ScratchPath("import.in");
  const std::string output = actorgraph::fuzz::ScratchPath("import.jsonl");
  if (!actorgraph::fuzz::WriteFile(input, data + 1, size - 1)) return 0;
  gz::ImportStats stats;
  if (!gz::ImportGazetteer(format, {input}, output, options, &stats).ok()) return 0;
  Check(stats.warnings.size() <= 101, "at most 100 warnings and a summary");
  gz::Gazetteer g;
  std::vector<std::string> problems;
  const auto loaded = g.Load(output, &problems);
  Check(loaded.ok(), "an imported gazetteer loads", loaded.message());
  Check(g.size() == stats.entities, "the import reports the entities it wrote");
  g.Compile();
  return 0;
}

#include "gazetteer/import/import.hpp"

#include "common/output_file.hpp"
#include "gazetteer/import/internal/formats.hpp"
#include "gazetteer/import/internal/importer.hpp"

#include <fmt/format.h>

namespace actorgraph::gazetteer {

std::optional<ImportFormat> ParseImportFormat(std::string_view name) {
  if (name == "petrarch") return ImportFormat::kPetrarch;
  if (name == "geonames") return ImportFormat::kGeonames;
  if (name == "csv") return ImportFormat::kCsv;
  return std::nullopt;
}

bool IsValidIdPrefix(std::string_view prefix) {
  if (prefix.empty()) return false;
  for (const char c : prefix) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Status ImportGazetteer(ImportFormat format, const std::vector<std::string>& inputs, const std::string& output,
                       const ImportOptions& options, ImportStats* stats) {
  ImportStats local_stats;
  if (!stats) stats = &local_stats;
  *stats = ImportStats{};
  if (inputs.empty()) return Status::BadUsage("gazetteer import: no input files");
  if (!options.id_prefix.empty() && !IsValidIdPrefix(options.id_prefix)) {
    return Status::BadUsage(
        fmt::format("--id-prefix {}: use only letters, digits and . _ - (a ':' follows it)", options.id_prefix));
  }

  OutputFile out;
  ACTORGRAPH_RETURN_IF_ERROR(out.Open(output));
  import_internal::ImportContext context(options, stats, &out);
  switch (format) {
    case ImportFormat::kPetrarch:
      for (const std::string& input : inputs) {
        ACTORGRAPH_RETURN_IF_ERROR(import_internal::ImportPetrarchFile(input, &context));
      }
      break;
    case ImportFormat::kGeonames: {
      import_internal::GeonamesImporter importer(&context);
      for (const std::string& input : inputs) {
        ACTORGRAPH_RETURN_IF_ERROR(importer.ReadFile(input));
      }
      break;
    }
    case ImportFormat::kCsv: {
      import_internal::CsvImporter importer(&context);
      for (const std::string& input : inputs) {
        ACTORGRAPH_RETURN_IF_ERROR(importer.ReadFile(input));
      }
      importer.EmitAll();
      break;
    }
  }
  context.Finish();
  return out.Commit();
}

}  // namespace actorgraph::gazetteer

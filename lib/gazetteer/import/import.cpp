#include "gazetteer/import/import.hpp"

#include "common/output_file.hpp"
#include "gazetteer/import/internal/formats.hpp"
#include "gazetteer/import/internal/importer.hpp"

namespace actorgraph::gazetteer {

std::optional<ImportFormat> ParseImportFormat(std::string_view name) {
  if (name == "petrarch") return ImportFormat::kPetrarch;
  if (name == "geonames") return ImportFormat::kGeonames;
  if (name == "csv") return ImportFormat::kCsv;
  return std::nullopt;
}

Status ImportGazetteer(ImportFormat format, const std::vector<std::string>& inputs,
                       const std::string& output, const ImportOptions& options,
                       ImportStats* stats) {
  ImportStats local_stats;
  if (!stats) stats = &local_stats;
  *stats = ImportStats{};
  if (inputs.empty()) return Status::BadUsage("gazetteer import: no input files");

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

// actorgraph — the three gazetteer input formats (not installed). Each source file documents
// the grammar it accepts at its top.
#pragma once

#include "common/status.hpp"
#include "gazetteer/import/internal/importer.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::gazetteer::import_internal {

// petrarch.cpp: one TABARI/PETRARCH dictionary file; entities are emitted as their blocks end.
Status ImportPetrarchFile(const std::string& path, ImportContext* context);

// "VLADIMIR_PUTIN_" -> "Vladimir Putin", "SECRETARY_GENERAL_OF_THE_UNITED_NATIONS" ->
// "Secretary General of the United Nations", "O'BRIEN" -> "O'Brien", "AL-QAEDA" -> "Al-Qaeda",
// "U.N." -> "U.N.", "CNN" -> "CNN" (no vowel: kept as an acronym). Words are title-cased, so
// other acronyms lose their capitals ("NATO" -> "Nato"); matching ignores case anyway.
// Precondition: `raw` is valid UTF-8.
std::string PrettifyPetrarchName(std::string_view raw);
// "990809" -> "1999-08-09", "000507" -> "2000-05-07" (two-digit years 00-30 are 20YY, as in
// TABARI), "20121115" -> "2012-11-15"; nullopt for other lengths or invalid dates.
std::optional<std::string> PetrarchDate(std::string_view digits);

// geonames.cpp: GeoNames files (either layout); entities are emitted row by row, geonameids
// checked for repeats over all files.
class GeonamesImporter {
 public:
  explicit GeonamesImporter(ImportContext* context);
  ~GeonamesImporter();
  GeonamesImporter(const GeonamesImporter&) = delete;
  GeonamesImporter& operator=(const GeonamesImporter&) = delete;

  Status ReadFile(const std::string& path);

 private:
  struct State;
  ImportContext* context_;
  std::unique_ptr<State> state_;
};
// Whether a GeoNames alternate name is kept as an alias: not a code ("NYC", "US-NY"), not
// something with digits (postal codes, "Paris 01"), not a link.
bool KeepGeonamesAlternateName(std::string_view name);

// csv.cpp: rows of every file are read first, then ids are assigned and entities emitted,
// so a derived id never takes an explicit id used further down.
class CsvImporter {
 public:
  explicit CsvImporter(ImportContext* context);
  ~CsvImporter();
  CsvImporter(const CsvImporter&) = delete;
  CsvImporter& operator=(const CsvImporter&) = delete;

  Status ReadFile(const std::string& path);
  // Assigns the missing ids and emits every entity in input order.
  void EmitAll();

  struct State;  // rows read so far (csv.cpp)

 private:
  std::unique_ptr<State> state_;
};

}  // namespace actorgraph::gazetteer::import_internal

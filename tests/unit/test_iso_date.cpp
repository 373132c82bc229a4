// ISO dates (lib/common/iso_date): the one implementation of the date rules that the
// gazetteer, its importers, the text stage and the exporters share.
#include "common/iso_date.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace iso_date = actorgraph::iso_date;
using Catch::Generators::table;

TEST_CASE("IsValid accepts YYYY, YYYY-MM and real days of years 0001-9999") {
  auto [date, valid] = GENERATE(table<std::string, bool>({
      {"2021", true},
      {"0001", true},
      {"9999", true},
      {"0000", false},  // no year 0 (also rejected as YYYY-MM and as a day)
      {"0000-01", false},
      {"0000-01-01", false},
      {"0001-01-01", true},
      {"9999-12-31", true},
      {"2021-02", true},
      {"2021-00", false},
      {"2021-13", false},
      {"2021-1", false},
      {"2021-02-16", true},
      {"2021-02-28", true},
      {"2021-02-29", false},
      {"2021-02-30", false},
      {"2020-02-29", true},   // divisible by 4
      {"1900-02-29", false},  // by 100, not by 400
      {"2000-02-29", true},   // by 400
      {"2100-02-29", false},
      {"2021-04-30", true},
      {"2021-04-31", false},
      {"2021-12-31", true},
      {"2021-12-32", false},
      {"2021-01-00", false},
      {"2021-01-1", false},
      {"", false},
      {"21", false},
      {"21-02-16", false},
      {"2021/02/16", false},
      {"2021-02-16 ", false},
      {" 2021", false},
      {"-2021", false},
      {"+2021", false},
      {"20a1", false},
      {"2021-0a", false},
      {"2021-02-1a", false},
      {"2021-02-16T10:00:00Z", false},  // a timestamp is not a date: see DateOf
      {"February 2021", false},
  }));
  CAPTURE(date);
  CHECK(iso_date::IsValid(date) == valid);
}

TEST_CASE("IsValidDay is IsValid for a full date") {
  auto [y, m, d, valid] = GENERATE(table<int, int, int, bool>({
      {2021, 2, 28, true},
      {2021, 2, 29, false},
      {2021, 2, 30, false},
      {2020, 2, 29, true},
      {1900, 2, 29, false},
      {2000, 2, 29, true},
      {0, 1, 1, false},
      {1, 1, 1, true},
      {9999, 12, 31, true},
      {10000, 1, 1, false},
      {-1, 1, 1, false},
      {2021, 0, 1, false},
      {2021, 13, 1, false},
      {2021, 6, 0, false},
      {2021, 6, 31, false},
      {2021, 7, 31, true},
  }));
  CAPTURE(y, m, d);
  CHECK(iso_date::IsValidDay(y, m, d) == valid);
}

TEST_CASE("Earliest and Latest give the first and last day of a partial date") {
  auto [date, earliest, latest] = GENERATE(table<std::string, std::string, std::string>({
      {"2021", "2021-01-01", "2021-12-31"},
      {"2021-01", "2021-01-01", "2021-01-31"},
      {"2021-02", "2021-02-01", "2021-02-28"},  // the importer's copy gave 2021-02-31
      {"2020-02", "2020-02-01", "2020-02-29"},
      {"1900-02", "1900-02-01", "1900-02-28"},
      {"2000-02", "2000-02-01", "2000-02-29"},
      {"2021-04", "2021-04-01", "2021-04-30"},
      {"2021-06", "2021-06-01", "2021-06-30"},
      {"2021-09", "2021-09-01", "2021-09-30"},
      {"2021-11", "2021-11-01", "2021-11-30"},
      {"2021-12", "2021-12-01", "2021-12-31"},
      {"2021-02-16", "2021-02-16", "2021-02-16"},
      {"0001", "0001-01-01", "0001-12-31"},
  }));
  CAPTURE(date);
  CHECK(iso_date::Earliest(date) == earliest);
  CHECK(iso_date::Latest(date) == latest);
  CHECK(iso_date::IsValid(iso_date::Earliest(date)));
  CHECK(iso_date::IsValid(iso_date::Latest(date)));
}

TEST_CASE("DateOf takes a date or the date of an ISO timestamp") {
  auto [text, date] = GENERATE(table<std::string, std::string>({
      {"2021-02-10T10:00:00Z", "2021-02-10"},
      {"2021-02-10T10:00:00+04:00", "2021-02-10"},
      {"2021-02-10T", "2021-02-10"},
      {"2020-02-29T00:00:00Z", "2020-02-29"},
      {"2021-02-29T10:00:00Z", ""},  // not a day
      {"0000-01-01T00:00:00Z", ""},
      {"2021-02-10 10:00:00", ""},  // not ISO 8601's 'T'
      {"2021-02T10:00", ""},
      {"2021-02-10", "2021-02-10"},
      {"2021-02", "2021-02"},
      {"2021", "2021"},
      {"", ""},
      {"yesterday", ""},
  }));
  CAPTURE(text);
  CHECK(std::string(iso_date::DateOf(text).value_or("")) == date);
}

TEST_CASE("DaysInMonth, ToDays, FromDays and Weekday agree") {
  CHECK(iso_date::DaysInMonth(2021, 2) == 28);
  CHECK(iso_date::DaysInMonth(2020, 2) == 29);
  CHECK(iso_date::DaysInMonth(1900, 2) == 28);
  CHECK(iso_date::DaysInMonth(2000, 2) == 29);
  CHECK(iso_date::DaysInMonth(2021, 13) == 0);
  CHECK(iso_date::ToDays(1970, 1, 1) == 0);
  CHECK(iso_date::ToDays(2000, 3, 1) - iso_date::ToDays(2000, 2, 28) == 2);
  CHECK(iso_date::ToDays(1900, 3, 1) - iso_date::ToDays(1900, 2, 28) == 1);
  CHECK(iso_date::FromDays(iso_date::ToDays(2021, 2, 16)) == "2021-02-16");
  CHECK(iso_date::FromDays(iso_date::ToDays(1, 1, 1)) == "0001-01-01");
  CHECK(iso_date::Weekday(2021, 2, 16) == 1);  // a Tuesday
  // Every day of 1899-2101 round-trips and is valid.
  for (long d = iso_date::ToDays(1899, 1, 1); d <= iso_date::ToDays(2101, 12, 31); ++d) {
    const std::string s = iso_date::FromDays(d);
    REQUIRE(iso_date::IsValid(s));
    REQUIRE(iso_date::ToDays(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))) == d);
  }
}

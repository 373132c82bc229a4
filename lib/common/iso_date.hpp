// actorgraph — ISO 8601 calendar dates of varying precision: "2021", "2021-02", "2021-02-16".
//
// The one implementation of the date rules (the gazetteer, its importers, the text stage and
// the exporters all call it). Years are 0001-9999: four digits, and no year 0000, which
// ISO 8601 only allows by mutual agreement and xsd:date (GEXF) rejects. Days follow the
// proleptic Gregorian calendar: 2020-02-29 and 2000-02-29 are days, 1900-02-29 and
// 2021-02-30 are not.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace actorgraph::iso_date {

// True for a real day: year 1-9999, month 1-12, day 1-DaysInMonth.
bool IsValidDay(int year, int month, int day);

// True for "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real year, month or day (see above).
// Nothing else: no timestamp, no surrounding space.
bool IsValid(std::string_view date);

// The date of an ISO date or of an ISO timestamp: `date` itself if IsValid(date); for
// "YYYY-MM-DDT..." (such as "2021-02-10T10:00:00Z") its first ten characters when they are
// a valid day; nullopt otherwise. The time part is not checked. For callers that take
// metadata dates which may be timestamps; IsValid stays strict.
std::optional<std::string_view> DateOf(std::string_view date_or_timestamp);

// The first / last day a partial date can mean: "2021" → "2021-01-01" / "2021-12-31",
// "2021-02" → "2021-02-01" / "2021-02-28", "2020-02" → ... / "2020-02-29"; a full date is
// itself. Precondition: IsValid(date).
std::string Earliest(std::string_view date);
std::string Latest(std::string_view date);

// Days in a month (1-12) of a year, with leap years; 0 for a month outside 1-12.
int DaysInMonth(int year, int month);

// Days since 1970-01-01 of a full date and back (proleptic Gregorian).
long ToDays(int year, int month, int day);
std::string FromDays(long days);

// Monday = 0 ... Sunday = 6.
int Weekday(int year, int month, int day);

}  // namespace actorgraph::iso_date

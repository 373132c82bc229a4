// actorgraph — ISO 8601 calendar dates of varying precision: "2021", "2021-02", "2021-02-16".
#pragma once

#include <string>
#include <string_view>

namespace actorgraph::iso_date {

// True for "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real day (leap years included).
bool IsValid(std::string_view date);

// The first / last day a partial date can mean: "2021" → "2021-01-01" / "2021-12-31".
// Precondition: IsValid(date).
std::string Earliest(std::string_view date);
std::string Latest(std::string_view date);

int DaysInMonth(int year, int month);

// Days since 1970-01-01 of a full date and back (proleptic Gregorian).
long ToDays(int year, int month, int day);
std::string FromDays(long days);

// Monday = 0 ... Sunday = 6.
int Weekday(int year, int month, int day);

}  // namespace actorgraph::iso_date

#include "common/iso_date.hpp"

#include <fmt/format.h>

namespace actorgraph::iso_date {
namespace {

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

bool IsValidDay(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

bool IsValid(std::string_view d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  if (!Digits(d.substr(0, 4))) return false;
  const int year = ToInt(d.substr(0, 4));
  if (d.size() == 4) return year >= 1;
  if (d[4] != '-' || !Digits(d.substr(5, 2))) return false;
  const int month = ToInt(d.substr(5, 2));
  if (d.size() == 7) return IsValidDay(year, month, 1);
  if (d[7] != '-' || !Digits(d.substr(8, 2))) return false;
  return IsValidDay(year, month, ToInt(d.substr(8, 2)));
}

std::optional<std::string_view> DateOf(std::string_view d) {
  if (IsValid(d)) return d;
  if (d.size() > 10 && d[10] == 'T' && IsValid(d.substr(0, 10))) return d.substr(0, 10);
  return std::nullopt;
}

std::string Earliest(std::string_view d) {
  if (d.size() == 4) return fmt::format("{}-01-01", d);
  if (d.size() == 7) return fmt::format("{}-01", d);
  return std::string(d);
}

std::string Latest(std::string_view d) {
  if (d.size() == 4) return fmt::format("{}-12-31", d);
  if (d.size() == 7) return fmt::format("{}-{:02}", d, DaysInMonth(ToInt(d.substr(0, 4)), ToInt(d.substr(5, 2))));
  return std::string(d);
}

// Day counts over 400-year eras of 146097 days, with years starting in March so that the
// leap day falls last.
long ToDays(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string FromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

int Weekday(int y, int m, int d) {
  const long days = ToDays(y, m, d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

}  // namespace actorgraph::iso_date

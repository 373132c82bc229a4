#include "text/dates.hpp"

#include "common/iso_date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace actorgraph::text {
namespace {

int MonthOf(const Token& t) {
  // Quick reject: month names and abbreviations are 3 to 9 letters and start with one of
  // these letters (most capitalised words are not months).
  if (t.key.size() < 3 || t.key.size() > 9) return 0;
  switch (t.key[0]) {
    case 'j':
    case 'f':
    case 'm':
    case 'a':
    case 's':
    case 'o':
    case 'n':
    case 'd':
      break;
    default:
      return 0;
  }
  static const std::array<std::pair<const char*, int>, 23> kMonths = {
      {{"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},       {"june", 6},
       {"july", 7},    {"august", 8},   {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
       {"jan", 1},     {"feb", 2},      {"mar", 3},       {"apr", 4},      {"jun", 6},       {"jul", 7},
       {"aug", 8},     {"sep", 9},      {"sept", 9},      {"oct", 10},     {"nov", 11}}};
  if (!(t.flags & kCapitalized)) return 0;  // "may" the verb, "march" the verb
  for (const auto& [name, m] : kMonths) {
    if (t.key == name) return m;
  }
  if (t.key == "dec") return 12;
  return 0;
}

int WeekdayOf(const Token& t) {
  static const std::array<const char*, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
  if (!(t.flags & kCapitalized)) return -1;
  for (int i = 0; i < 7; ++i) {
    if (t.key == kDays[static_cast<std::size_t>(i)]) return i;
  }
  return -1;
}

int Number(const Token& t, int lo, int hi) {
  if (!(t.flags & kNumeric) || t.key.size() > 4) return -1;
  int v = 0;
  for (char c : t.key) v = v * 10 + (c - '0');
  return v >= lo && v <= hi ? v : -1;
}

int YearOf(const Token& t) { return t.key.size() == 4 ? Number(t, 1000, 2999) : -1; }

// The bytes between two tokens contain only characters from `allowed` (and spaces).
bool GapIs(std::string_view text, const Token& a, const Token& b, std::string_view allowed) {
  for (std::uint32_t i = a.end; i < b.start; ++i) {
    const char c = text[i];
    if (c != ' ' && allowed.find(c) == std::string_view::npos) return false;
  }
  return true;
}

struct Anchor {
  bool full = false;
  int year = 0, month = 0, day = 0;
};

Anchor ParseAnchor(std::string_view a) {
  Anchor out;
  if (!iso_date::IsValid(a)) return out;
  out.year = std::stoi(std::string(a.substr(0, 4)));
  if (a.size() >= 7) out.month = std::stoi(std::string(a.substr(5, 2)));
  if (a.size() == 10) {
    out.day = std::stoi(std::string(a.substr(8, 2)));
    out.full = true;
  }
  return out;
}

// The year for a month (and day) given without one: the one that puts it at most 60 days
// after the anchor; 0 when the anchor has no year.
int YearFor(const Anchor& anchor, int month, int day) {
  if (anchor.year == 0) return 0;
  if (!anchor.full) {
    if (anchor.month == 0) return anchor.year;
    return month > anchor.month + 2 ? anchor.year - 1 : anchor.year;
  }
  const long a = iso_date::ToDays(anchor.year, anchor.month, anchor.day);
  const int d = day > 0 ? std::min(day, iso_date::DaysInMonth(anchor.year, month)) : 1;
  const long c = iso_date::ToDays(anchor.year, month, d);
  return c > a + 60 ? anchor.year - 1 : anchor.year;
}

std::string Format(int y, int m, int d) {
  if (y == 0) return {};
  if (m == 0) return fmt::format("{:04}", y);
  if (d == 0) return fmt::format("{:04}-{:02}", y, m);
  if (d > iso_date::DaysInMonth(y, m)) return {};
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// The date grammars. Each parses a date expression starting at token i of t[0, end) and
// returns the number of tokens used, 0 when the expression is not of its kind; `out` is
// written only when it returns more than 0.
using Tokens = std::span<const Token>;

// ISO: 2021-02-16
std::uint32_t ParseIso(std::string_view text, Tokens t, std::uint32_t i, std::uint32_t end, DateMention* out) {
  const int y = YearOf(t[i]);
  if (y <= 0 || i + 2 >= end) return 0;
  const int m = Number(t[i + 1], 1, 12), d = Number(t[i + 2], 1, 31);
  if (m > 0 && d > 0 && t[i + 1].key.size() == 2 && t[i + 2].key.size() == 2 && t[i].end == t[i + 1].start - 1 &&
      text[t[i].end] == '-' && t[i + 1].end == t[i + 2].start - 1 && text[t[i + 1].end] == '-') {
    out->value = Format(y, m, d);
    return 3;
  }
  return 0;
}

// The token of the year after "Month Day" at day token k - 1: k, or the token after a
// parenthetical such as "(November 9 Moscow time)" between the day and the year.
std::uint32_t YearTokenAfterDay(std::string_view text, Tokens t, std::uint32_t k, std::uint32_t end) {
  if (k >= end || text.substr(t[k - 1].end, t[k].start - t[k - 1].end).find('(') == std::string_view::npos) return k;
  std::uint32_t j = k;
  while (j < end && j < k + 8) {
    if (text.substr(t[j].end, (j + 1 < end ? t[j + 1].start : t[j].end) - t[j].end).find(')') != std::string_view::npos)
      break;
    ++j;
  }
  return j + 1;
}

// Month [,] Day [ (parenthetical) ] [,] [Year]  |  Month Year  |  Month
std::uint32_t ParseMonthFirst(std::string_view text, Tokens t, std::uint32_t i, std::uint32_t end, const Anchor& anchor,
                              DateMention* out) {
  const int m = MonthOf(t[i]);
  if (m <= 0) return 0;
  std::uint32_t k = i + 1;
  int day = -1;
  if (k < end && GapIs(text, t[k - 1], t[k], ".,") && (day = Number(t[k], 1, 31)) > 0 && t[k].key.size() <= 2) {
    ++k;
    const std::uint32_t year_tok = YearTokenAfterDay(text, t, k, end);
    if (year_tok < end && YearOf(t[year_tok]) > 0 &&
        text.substr(t[year_tok - 1].end, t[year_tok].start - t[year_tok - 1].end).find_first_of(",)") !=
            std::string_view::npos) {
      out->value = Format(YearOf(t[year_tok]), m, day);
      return year_tok + 1 - i;
    }
    out->value = Format(YearFor(anchor, m, day), m, day);
    out->relative = true;
    return k - i;
  }
  if (k < end && YearOf(t[k]) > 0 && GapIs(text, t[k - 1], t[k], ",")) {
    out->value = Format(YearOf(t[k]), m, 0);
    return k + 1 - i;
  }
  out->value = Format(YearFor(anchor, m, 0), m, 0);
  out->relative = true;
  return 1;
}

// Day Month [Year]
std::uint32_t ParseDayFirst(std::string_view text, Tokens t, std::uint32_t i, std::uint32_t end, const Anchor& anchor,
                            DateMention* out) {
  const int d = Number(t[i], 1, 31);
  if (d <= 0 || t[i].key.size() > 2 || i + 1 >= end) return 0;
  const int m = MonthOf(t[i + 1]);
  if (m <= 0 || !GapIs(text, t[i], t[i + 1], "")) return 0;
  if (i + 2 < end && YearOf(t[i + 2]) > 0 && GapIs(text, t[i + 1], t[i + 2], ",")) {
    out->value = Format(YearOf(t[i + 2]), m, d);
    return 3;
  }
  out->value = Format(YearFor(anchor, m, d), m, d);
  out->relative = true;
  return 2;
}

// Weekdays and relative days ("on Tuesday", "yesterday"): the anchor's day moved back to
// that weekday or by one day; empty when the anchor is not a full date.
std::uint32_t ParseRelativeDay(const Token& tok, const Anchor& anchor, DateMention* out) {
  const int wd = WeekdayOf(tok);
  const bool near = tok.key == "yesterday" || tok.key == "today" || tok.key == "tomorrow";
  if (wd < 0 && !near) return 0;
  out->relative = true;
  out->weekday = wd;
  if (!anchor.full) {
    out->value.clear();
    return 1;
  }
  const long anchor_days = iso_date::ToDays(anchor.year, anchor.month, anchor.day);
  if (wd >= 0) {
    const int aw = iso_date::Weekday(anchor.year, anchor.month, anchor.day);
    out->value = iso_date::FromDays(anchor_days - ((aw - wd + 7) % 7));
  } else {
    const long delta = tok.key == "yesterday" ? -1 : tok.key == "tomorrow" ? 1 : 0;
    out->value = iso_date::FromDays(anchor_days + delta);
  }
  return 1;
}

// "last month", "this year", "next month" (a month or year moved from the anchor's, as
// partial as that); "last Tuesday", "next Tuesday"; "three days ago". "last week" is no
// date an ISO value can hold: it is left to the clause's other dates.
std::uint32_t ParseRelativePeriod(Tokens t, std::uint32_t i, std::uint32_t end, const Anchor& anchor,
                                  DateMention* out) {
  const std::string_view w = t[i].key;
  // "the last month of talks", "over the next year": a stretch of time, not a date.
  const bool determiner = i > 0 && (t[i - 1].key == "the" || t[i - 1].key == "a" || t[i - 1].key == "its");
  if (i + 1 < end && !determiner && (w == "last" || w == "this" || w == "next")) {
    const std::string_view unit = t[i + 1].key;
    const int step = w == "last" ? -1 : w == "next" ? 1 : 0;
    const int wd = WeekdayOf(t[i + 1]);
    if (wd >= 0 && w != "this") {
      out->relative = true;
      if (!anchor.full) return 2;
      const long a = iso_date::ToDays(anchor.year, anchor.month, anchor.day);
      const int aw = iso_date::Weekday(anchor.year, anchor.month, anchor.day);
      // "last Tuesday" is before the anchor's day, "next Tuesday" after it.
      out->value =
          step < 0 ? iso_date::FromDays(a - ((aw - wd + 6) % 7 + 1)) : iso_date::FromDays(a + ((wd - aw + 6) % 7 + 1));
      return 2;
    }
    if (unit == "month" && anchor.month > 0) {
      const int m0 = anchor.year * 12 + (anchor.month - 1) + step;
      out->value = Format(m0 / 12, m0 % 12 + 1, 0);
      out->relative = true;
      return 2;
    }
    if (unit == "year" && anchor.year > 0) {
      out->value = Format(anchor.year + step, 0, 0);
      out->relative = true;
      return 2;
    }
    return 0;
  }
  // "two days ago", "3 days ago"
  if (i + 2 < end && (t[i + 1].key == "days" || t[i + 1].key == "day") && t[i + 2].key == "ago") {
    static const std::array<std::string_view, 11> kWords = {"",    "one",   "two",   "three", "four", "five",
                                                            "six", "seven", "eight", "nine",  "ten"};
    int n = Number(t[i], 1, 31);
    for (std::size_t k = 1; n < 0 && k < kWords.size(); ++k) {
      if (w == kWords[k]) n = static_cast<int>(k);
    }
    if (n < 0) return 0;
    out->relative = true;
    if (anchor.full) out->value = iso_date::FromDays(iso_date::ToDays(anchor.year, anchor.month, anchor.day) - n);
    return 3;
  }
  return 0;
}

// A bare year after "in"/"since"/"of"/"by"/"until": "in 2020".
std::uint32_t ParseBareYear(Tokens t, std::uint32_t i, DateMention* out) {
  const int y = YearOf(t[i]);
  if (y <= 0 || i == 0) return 0;
  const std::string_view prev = t[i - 1].key;
  if (prev == "in" || prev == "since" || prev == "of" || prev == "by" || prev == "until") {
    out->value = Format(y, 0, 0);
    return 1;
  }
  return 0;
}

// Parses a date expression starting at token i; returns the number of tokens used (0 = none).
// The grammars are tried in this order; the first that matches wins.
std::uint32_t ParseAt(std::string_view text, Tokens t, std::uint32_t i, std::uint32_t end, const Anchor& anchor,
                      DateMention* out) {
  out->relative = false;
  out->weekday = -1;
  if (const std::uint32_t n = ParseIso(text, t, i, end, out)) return n;
  if (const std::uint32_t n = ParseMonthFirst(text, t, i, end, anchor, out)) return n;
  if (const std::uint32_t n = ParseDayFirst(text, t, i, end, anchor, out)) return n;
  if (const std::uint32_t n = ParseRelativePeriod(t, i, end, anchor, out)) return n;
  if (const std::uint32_t n = ParseRelativeDay(t[i], anchor, out)) return n;
  return ParseBareYear(t, i, out);
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text, std::span<const Token> tokens, std::uint32_t begin,
                                   std::uint32_t end, std::string_view anchor_date) {
  std::vector<DateMention> out;
  const Anchor anchor = ParseAnchor(anchor_date);
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(tokens.size()));
  for (std::uint32_t i = begin; i < end;) {
    DateMention m;
    const std::uint32_t used = ParseAt(text, tokens, i, end, anchor, &m);
    if (used == 0) {
      ++i;
      continue;
    }
    m.first_token = i;
    m.end_token = i + used;
    out.push_back(std::move(m));
    i += used;
  }
  return out;
}

std::string NextWeekday(std::string_view anchor, int weekday) {
  const Anchor a = ParseAnchor(anchor);
  if (!a.full || weekday < 0 || weekday > 6) return {};
  const int aw = iso_date::Weekday(a.year, a.month, a.day);
  return iso_date::FromDays(iso_date::ToDays(a.year, a.month, a.day) + (weekday - aw + 7) % 7);
}

DocumentDate ResolveDocumentDate(std::string_view text, std::span<const Token> tokens, std::string_view metadata_date,
                                 std::string_view option_date) {
  DocumentDate out;
  // Metadata and --date need no look at the text beyond the dateline.
  const bool given = iso_date::IsValid(metadata_date) || iso_date::IsValid(option_date);
  // Latest year and latest full date the text mentions (years 1900..2100).
  int latest_year = 0;
  std::string latest_full;
  if (!given) {
    for (const auto& m : FindDates(text, tokens, 0, static_cast<std::uint32_t>(tokens.size()), "")) {
      if (m.value.size() == 10 && m.value > latest_full) latest_full = m.value;
    }
    for (const auto& t : tokens) {
      const int y = YearOf(t);
      if (y >= 1900 && y <= 2100) latest_year = std::max(latest_year, y);
    }
  }
  // Dateline: capitalised place words, a comma, then a month and day, at the start of one of
  // the first lines of the body (a headline before it may start in capitals too: "UN chief
  // urges ..." is no dateline, nor is a line whose words before the month are lower case).
  int dl_month = 0, dl_day = 0;
  for (std::uint32_t i = 0; i + 2 < tokens.size() && tokens[i].start < 600 && dl_month == 0; ++i) {
    if (!(tokens[i].flags & kAllCaps)) continue;
    const bool line_start = tokens[i].start == 0 || text[tokens[i].start - 1] == '\n';
    if (!line_start) continue;
    for (std::uint32_t k = i + 1; k < tokens.size() && k < i + 8 && tokens[k].start < 700; ++k) {
      const int m = MonthOf(tokens[k]);
      if (m > 0 && k + 1 < tokens.size() && Number(tokens[k + 1], 1, 31) > 0 && tokens[k + 1].key.size() <= 2) {
        const std::string_view lead = text.substr(tokens[i].end, tokens[k].start - tokens[i].end);
        if (lead.find(',') == std::string_view::npos) break;
        dl_month = m;
        dl_day = Number(tokens[k + 1], 1, 31);
        out.dateline = {tokens[k].start, tokens[k + 1].end};
        break;
      }
      // Place words only: capitalised ("NEW YORK", "KYIV, Ukraine"), on the same line.
      if (!(tokens[k].flags & kCapitalized) ||
          text.substr(tokens[i].end, tokens[k].start - tokens[i].end).find('\n') != std::string_view::npos) {
        break;
      }
    }
  }
  if (iso_date::IsValid(metadata_date)) {
    out.date = std::string(metadata_date);
    out.source = "metadata";
  } else if (iso_date::IsValid(option_date)) {
    out.date = std::string(option_date);
    out.source = "option";
  } else if (dl_month > 0 && latest_year > 0 && !Format(latest_year, dl_month, dl_day).empty()) {
    // The dateline gives month and day; the year is the latest one the text mentions (a day
    // that year's month does not have, "February 30", dates nothing: the text decides).
    out.date = Format(latest_year, dl_month, dl_day);
    out.source = "dateline";
  } else if (!latest_full.empty()) {
    out.date = latest_full;
    out.source = "inferred";
  } else if (latest_year > 0) {
    out.date = Format(latest_year, 0, 0);
    out.source = "inferred";
  } else {
    out.source = "none";
  }
  return out;
}

}  // namespace actorgraph::text

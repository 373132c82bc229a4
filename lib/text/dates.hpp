// actorgraph — dates in text, resolved against the document's date.
//
// The document date comes from, in order: the document's metadata (JSON Lines "date", or an
// ISO date at the start of a text file's name), the --date option, the dateline ("BAKU,
// February 16. /TASS/." with the year taken from the latest year the text mentions), or,
// failing those, the latest full date or year the text itself mentions (reported as
// inferred). Dates never get more precise than the text allows: "in January" is "2021-01",
// and a date whose year cannot be known is "" rather than a guess.
#pragma once

#include "text/text.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::text {

struct DocumentDate {
  std::string date;    // ISO, possibly partial ("2021", "2021-02"), or "" when unknown
  std::string source;  // "metadata", "option", "dateline", "inferred" or "none"
  Span dateline;       // byte span of the dateline's date, {0,0} when there is none
};

DocumentDate ResolveDocumentDate(std::string_view text, std::span<const Token> tokens, std::string_view metadata_date,
                                 std::string_view option_date);

struct DateMention {
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;  // exclusive
  std::string value;            // ISO, possibly partial; "" when it cannot be resolved
  bool relative = false;        // "on Tuesday", "yesterday": resolved from the anchor
  int weekday = -1;             // a bare weekday ("on Tuesday"), Monday = 0: resolved to the
                                // last such day up to the anchor (see NextWeekday)
};

// The first day that is weekday `weekday` (Monday = 0) on or after the full ISO date
// `anchor` ("" when the anchor is not a full date): "will meet on Saturday".
std::string NextWeekday(std::string_view anchor, int weekday);

// Date expressions among tokens [begin, end) of `text`, resolved against `anchor` (the
// document date, possibly partial or ""). Forms: "February 16", "16 February", "Feb. 16,
// 2021", "November 10 (November 9 Moscow time), 2020", "January, 11, 2021", "in January",
// "in 2020", "2021-02-16", "on Tuesday", "yesterday", "today", "tomorrow", "last Tuesday",
// "next Tuesday", "last/this/next month" ("2021-01"), "last/this/next year", "three days ago";
// "last week" is no date (a week is not an ISO date). A month and day
// without a year take the year that puts them at most 60 days after the anchor.
std::vector<DateMention> FindDates(std::string_view text, std::span<const Token> tokens, std::uint32_t begin,
                                   std::uint32_t end, std::string_view anchor);

}  // namespace actorgraph::text

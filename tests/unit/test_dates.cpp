// Date expressions resolved against the document date, and the document date itself.
#include "test_support.hpp"
#include "text/dates.hpp"

using actorgraph::text::Analyzer;

namespace {

std::vector<std::string> Dates(std::string_view text, std::string_view anchor) {
  Analyzer a;
  actorgraph::text::TokenList toks;
  a.Tokenize(text, &toks);
  std::vector<std::string> out;
  for (const auto& d : actorgraph::text::FindDates(text, toks, 0, static_cast<std::uint32_t>(toks.size()), anchor)) {
    out.push_back(d.value);
  }
  return out;
}

}  // namespace

TEST_CASE("date forms", "[dates]") {
  struct Row {
    std::string text, anchor;
    std::vector<std::string> dates;
  };
  const std::vector<Row> rows = {
      {"On February 16, a meeting was held", "2021-02-16", {"2021-02-16"}},
      {"On November 9, they signed", "2021-02-16", {"2020-11-09"}},  // later in the year: last year
      {"the agreements of November 10 (November 9 Moscow time), 2020, and January, 11, 2021",
       "2021-02-16",
       {"2020-11-10", "2021-01-11"}},
      {"They met on Tuesday.", "2021-02-16", {"2021-02-16"}},  // 2021-02-16 was a Tuesday
      {"They met on Monday.", "2021-02-16", {"2021-02-15"}},
      {"He spoke yesterday.", "2021-07-07", {"2021-07-06"}},
      {"in January", "2021-02-16", {"2021-01"}},
      {"in 2020", "2021-02-16", {"2020"}},
      {"dated 2021-04-14, said", "", {"2021-04-14"}},
      {"Nov. 26 (Eastline Press)", "2021-11-26", {"2021-11-26"}},
      {"on 16 February 2021", "", {"2021-02-16"}},
      {"on Tuesday", "", {""}},  // no anchor: unknown, never a guess
      {"On March 3", "2021", {"2021-03-03"}},
      {"they may meet", "2021-02-16", {}},  // the verb is not a month
      {"February 30, 2021", "", {""}},      // not a real day
      // Periods moved from the anchor: as partial as the period.
      {"Last month, they spoke.", "2024-04-09", {"2024-03"}},
      {"They spoke last month.", "2024-01-09", {"2023-12"}},
      {"They will meet next month.", "2024-12-09", {"2025-01"}},
      {"earlier this month", "2024-04-09", {"2024-04"}},
      {"They met last year.", "2024-04-09", {"2023"}},
      {"They met last week.", "2024-04-09", {}},                 // a week is no ISO date
      {"the last month of talks", "2024-04-09", {}},             // a stretch of time, not a date
      {"They met last Tuesday.", "2021-02-16", {"2021-02-09"}},  // a Tuesday: the one before
      {"They meet next Tuesday.", "2021-02-16", {"2021-02-23"}},
      {"They meet next Friday.", "2021-02-16", {"2021-02-19"}},
      {"They met two days ago.", "2021-02-16", {"2021-02-14"}},
      {"They met 3 days ago.", "2021-02-16", {"2021-02-13"}},
      {"They met two days later.", "2021-02-16", {}},
  };
  for (const auto& r : rows) {
    INFO(r.text << " @ " << r.anchor);
    CHECK(Dates(r.text, r.anchor) == r.dates);
  }
}

TEST_CASE("document date: metadata, option, dateline, inferred", "[dates]") {
  Analyzer a;
  actorgraph::text::TokenList toks;
  const std::string dateline =
      "Headline\n\nBAKU, February 16. /TASS/. Talks were held. In 2020 and 2021 things happened.";
  a.Tokenize(dateline, &toks);
  auto d = actorgraph::text::ResolveDocumentDate(dateline, toks, "", "");
  CHECK(d.date == "2021-02-16");
  CHECK(d.source == "dateline");
  d = actorgraph::text::ResolveDocumentDate(dateline, toks, "", "2021-03-01");
  CHECK(d.date == "2021-03-01");
  CHECK(d.source == "option");
  d = actorgraph::text::ResolveDocumentDate(dateline, toks, "2020-05-05", "2021-03-01");
  CHECK(d.date == "2020-05-05");
  CHECK(d.source == "metadata");

  const std::string plain = "The statement, dated 2021-04-14, said talks were held on Tuesday.";
  a.Tokenize(plain, &toks);
  d = actorgraph::text::ResolveDocumentDate(plain, toks, "", "");
  CHECK(d.date == "2021-04-14");
  CHECK(d.source == "inferred");

  const std::string years = "Clashes broke out in 1988 and again in 2020.";
  a.Tokenize(years, &toks);
  d = actorgraph::text::ResolveDocumentDate(years, toks, "", "");
  CHECK(d.date == "2020");
  CHECK(d.source == "inferred");

  const std::string none = "Nothing dated here.";
  a.Tokenize(none, &toks);
  d = actorgraph::text::ResolveDocumentDate(none, toks, "", "");
  CHECK(d.date.empty());
  CHECK(d.source == "none");
}

TEST_CASE("document date: the dateline after a headline that starts in capitals", "[dates]") {
  Analyzer a;
  actorgraph::text::TokenList toks;
  const std::string after = "UN chief urges restraint\n\nNEW YORK, Sept 19 — Guterres met the minister on Monday.";
  a.Tokenize(after, &toks);
  auto d = actorgraph::text::ResolveDocumentDate(after, toks, "", "2023-09-19");
  CHECK(after.substr(d.dateline.start, d.dateline.end - d.dateline.start) == "Sept 19");
  // Control: a body line in capitals whose words before the month are lower case is no dateline.
  const std::string body = "UN chief urges restraint\n\nNATO leaders met on May 5 in Brussels.";
  a.Tokenize(body, &toks);
  d = actorgraph::text::ResolveDocumentDate(body, toks, "", "2023-09-19");
  CHECK(d.dateline.end == 0);
  // Control: no comma after the place words, no dateline ("NATO March 3 summit").
  const std::string nocomma = "Headline\n\nNATO March 3 summit ends.";
  a.Tokenize(nocomma, &toks);
  CHECK(actorgraph::text::ResolveDocumentDate(nocomma, toks, "", "2023-09-19").dateline.end == 0);
}

// Fuzz finding (fuzz_dates, crash-e47ce050): a dateline with a day its month does not have
// in the year the text gives ("MOSCOW, February 30") made the document date "" with source
// "dateline"; such a dateline now dates nothing and the text's own dates decide.
TEST_CASE("fuzz regression: a dateline day the month lacks falls through to the text's dates", "[dates][fuzz]") {
  Analyzer a;
  actorgraph::text::TokenList toks;
  const std::string inferred = "MOSCOW, February 30. Talks were held on 3 March 2021.";
  a.Tokenize(inferred, &toks);
  auto d = actorgraph::text::ResolveDocumentDate(inferred, toks, "", "");
  CHECK(d.date == "2021-03-03");
  CHECK(d.source == "inferred");
  const std::string year = "BAKU, Sept. 31. Clashes of 2020.";
  a.Tokenize(year, &toks);
  d = actorgraph::text::ResolveDocumentDate(year, toks, "", "");
  CHECK(d.date == "2020");
  CHECK(d.source == "inferred");
  // February 29 is a dateline in a leap year only.
  const std::string leap = "BAKU, February 29. In 2020 talks.";
  a.Tokenize(leap, &toks);
  CHECK(actorgraph::text::ResolveDocumentDate(leap, toks, "", "").date == "2020-02-29");
  const std::string plain = "BAKU, February 29. In 2021 talks.";
  a.Tokenize(plain, &toks);
  d = actorgraph::text::ResolveDocumentDate(plain, toks, "", "");
  CHECK(d.date == "2021");
  CHECK(d.source == "inferred");
}

// libFuzzer target: the date resolver. The input is "metadata date\noption date\ntext" (the
// text repaired to valid UTF-8, as the documents stage delivers it). Properties: the
// document date is "" or a valid ISO date (common/iso_date.hpp) with a known source and a
// dateline span inside the text; every date mention lies in the token range asked for, in
// order and without overlap, with a value that is "" or a valid ISO date.
#include "common/iso_date.hpp"
#include "common/utf8.hpp"
#include "fuzz_util.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace text = actorgraph::text;
namespace iso_date = actorgraph::iso_date;
using actorgraph::fuzz::Check;

std::string_view NextLine(std::string_view& rest) {
  const std::size_t nl = rest.find('\n');
  const std::string_view line = rest.substr(0, nl);
  rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
  return line;
}

void CheckMentions(const std::vector<text::DateMention>& mentions, std::uint32_t begin, std::uint32_t end,
                   std::size_t tokens) {
  std::uint32_t last = begin;
  for (const auto& m : mentions) {
    Check(m.first_token >= last && m.first_token < m.end_token, "date mentions in order, not overlapping");
    Check(m.end_token <= end && m.end_token <= tokens, "a date mention inside the range asked for");
    Check(m.value.empty() || iso_date::IsValid(m.value), "a date mention's value is a valid ISO date", m.value);
    last = m.end_token;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const std::string metadata = actorgraph::utf8::Repair(NextLine(rest));
  const std::string option = actorgraph::utf8::Repair(NextLine(rest));
  const std::string body = actorgraph::utf8::Repair(rest);
  static text::Analyzer analyzer;
  text::TokenList tokens;
  analyzer.Tokenize(body, &tokens);
  const std::span<const text::Token> span(tokens.data(), tokens.size());

  const text::DocumentDate date = text::ResolveDocumentDate(body, span, metadata, option);
  Check(date.date.empty() || iso_date::IsValid(date.date), "the document date is a valid ISO date", date.date);
  static const std::string_view kSources[] = {"metadata", "option", "dateline", "inferred", "none"};
  bool known = false;
  for (auto s : kSources) known = known || date.source == s;
  Check(known, "the document date has a known source", date.source);
  Check(date.dateline.start <= date.dateline.end && date.dateline.end <= body.size(), "the dateline inside the text");
  Check(date.date.empty() == (date.source == "none"), "no date exactly when the source is none");

  const auto n = static_cast<std::uint32_t>(tokens.size());
  CheckMentions(text::FindDates(body, span, 0, n, date.date), 0, n, n);
  CheckMentions(text::FindDates(body, span, 0, n, metadata), 0, n, n);
  // A range inside the text, and one past its end (clamped).
  const std::uint32_t begin = n / 3, end = n - n / 3;
  CheckMentions(text::FindDates(body, span, begin, end, option), begin, end, n);
  CheckMentions(text::FindDates(body, span, end, n + 5, date.date), end, n + 5, n);
  return 0;
}

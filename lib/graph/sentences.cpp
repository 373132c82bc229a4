#include "graph/sentences.hpp"

#include "common/json_writer.hpp"
#include "text/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace actorgraph::graph {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::optional<SentenceText> DocumentSentences::At(std::uint32_t pos) {
  if (!segmented_) {
    thread_local text::Analyzer analyzer;
    std::vector<text::Span> sentences;
    const std::size_t end = std::min<std::size_t>(end_, text_.size());
    analyzer.Sentences(text_.substr(begin_, end - begin_), &sentences);
    spans_.reserve(sentences.size());
    for (const auto& s : sentences) spans_.emplace_back(begin_ + s.start, begin_ + s.end);
    segmented_ = true;
  }
  // The first sentence ending after pos.
  const auto it = std::upper_bound(spans_.begin(), spans_.end(), pos,
                                   [](std::uint32_t p, const auto& span) { return p < span.second; });
  if (it == spans_.end() || it->first > pos) return std::nullopt;
  std::uint32_t end = it->second;
  while (end > it->first && IsSpace(text_[end - 1])) --end;
  return SentenceText{it->first, std::string(text_.substr(it->first, end - it->first))};
}

void AppendSentenceField(std::string& line, const SentenceText& sentence) {
  if (!line.empty() && line.back() == '}') line.pop_back();
  line += ",\"sentence\":{\"start\":";
  json::AppendNumber(line, sentence.start);
  line += ",\"text\":";
  json::AppendString(line, sentence.text);
  line += "}}";
}

std::optional<SentenceText> ParseSentenceField(std::string_view line) {
  if (line.find("\"sentence\"") == std::string_view::npos) return std::nullopt;
  const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  const auto it = j.find("sentence");
  if (it == j.end() || !it->is_object()) return std::nullopt;
  const auto start = it->find("start");
  const auto text = it->find("text");
  if (start == it->end() || !start->is_number_unsigned() || text == it->end() || !text->is_string())
    return std::nullopt;
  const auto s = start->get<std::uint64_t>();
  if (s > UINT32_MAX) return std::nullopt;
  return SentenceText{static_cast<std::uint32_t>(s), text->get<std::string>()};
}

}  // namespace actorgraph::graph

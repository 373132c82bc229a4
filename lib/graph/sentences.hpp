// actorgraph — the sentence around an evidence span, for the HTML viewer.
//
// `extract -o graph.html` keeps, for every evidence span a node shows, the text of its
// sentence (graph::Node::sentences). `merge` must write the same file from the JSON Lines of
// the map step, so `actorgraph mentions --sentences` adds the mention's sentence to each
// line as a last field, "sentence":{"start":S,"text":"..."} (S = the sentence's byte offset
// in the document), which `merge` reads back. Both sides find the sentence with the same
// function, SentenceAt, over the document text: byte-identical graphs either way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::graph {

// A sentence of a document: its byte offset and its text (trailing whitespace dropped).
struct SentenceText {
  std::uint32_t start = 0;
  std::string text;
  bool operator==(const SentenceText&) const = default;
};

// The sentences of one document, segmented on first use (ICU sentences, as the `sentences`
// step finds them: text::Analyzer::Sentences, one analyser per thread). `text` must outlive
// the object and be valid UTF-8 (a document's text as read).
class DocumentSentences {
 public:
  explicit DocumentSentences(std::string_view text) : text_(text) {}
  // The sentences of the window [begin, end) of `text` only (a large document's window:
  // pipeline::DocumentResult), with positions and starts still into the whole text.
  DocumentSentences(std::string_view text, std::uint32_t begin, std::uint32_t end)
      : text_(text), begin_(begin), end_(end) {}
  // The sentence holding byte `pos` (the start of a mention); nullopt past the text.
  std::optional<SentenceText> At(std::uint32_t pos);

 private:
  std::string_view text_;
  std::uint32_t begin_ = 0, end_ = UINT32_MAX;  // the window segmented
  bool segmented_ = false;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_;  // [start, end) in order
};

// Appends ,"sentence":{"start":S,"text":"..."} inside the JSON object that `line` ends with
// (its final '}'), strings escaped as json::AppendString does.
void AppendSentenceField(std::string& line, const SentenceText& sentence);

// The "sentence" field of a mention line, when it has a well-formed one; nullopt when the
// line has none. Malformed JSON is the mention reader's to report, so it gives nullopt.
std::optional<SentenceText> ParseSentenceField(std::string_view line);

}  // namespace actorgraph::graph

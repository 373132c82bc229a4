// actorgraph exports — internal: one serialiser per format, each reading a SafeGraph.
// Contracts and format decisions are documented in export/export.hpp.
#pragma once

#include "common/output_file.hpp"
#include "export/internal/safe_graph.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace actorgraph::exports::internal {

// Where a serialiser writes: `text`, which collects the whole file when `file` is null
// (Serialize), or is handed to `file` each time it passes kFlushBytes, between two nodes or
// edges (WriteGraph), so that a large graph is not held a second time as one string.
struct Sink {
  static constexpr std::size_t kFlushBytes = 1u << 20;
  std::string text;
  OutputFile* file = nullptr;

  void Reserve(std::size_t estimate) { text.reserve(file ? std::min(estimate, 2 * kFlushBytes) : estimate); }
  // Called after each node and edge: the text so far to the file once it is large.
  void Flush() {
    if (text.size() >= kFlushBytes) Finish();
  }
  // Called once at the end: the rest to the file.
  void Finish() {
    if (!file) return;
    file->Write(text);
    text.clear();
  }
};

void WriteGraphml(const SafeGraph& g, bool yed, Sink& sink);
void WriteDot(const SafeGraph& g, bool legend, Sink& sink);
void WriteGexf(const SafeGraph& g, Sink& sink);
void WriteNodeLink(const SafeGraph& g, Sink& sink);
void WriteCyjs(const SafeGraph& g, Sink& sink);
void WriteHtml(const SafeGraph& g, Sink& sink);  // the self-contained viewer page (html.cpp)
void WriteNeo4jNodes(const SafeGraph& g, Sink& sink);
void WriteNeo4jRelationships(const SafeGraph& g, Sink& sink);

// Escapes shared by the serialisers (exposed for the unit tests). Input is sanitised text.
// XML character data: & < > and CR as references.
void AppendXmlText(std::string& out, std::string_view text);
// XML attribute value (for a double-quoted attribute): & < > " and tab/LF/CR as references.
void AppendXmlAttribute(std::string& out, std::string_view text);
// A quoted DOT string: \" \\ \n \r escapes, everything else as it is.
void AppendDotString(std::string& out, std::string_view text);
// A JSON string literal: " \ and controls escaped; U+2028/U+2029 as \u escapes.
void AppendJsonString(std::string& out, std::string_view text);
// An RFC 4180 CSV field: quoted when it holds , " CR LF or leading/trailing space or tab.
void AppendCsvField(std::string& out, std::string_view text);

}  // namespace actorgraph::exports::internal

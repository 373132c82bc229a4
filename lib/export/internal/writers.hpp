// actorgraph exports — internal: one serialiser per format, each reading a SafeGraph.
// Contracts and format decisions are documented in export/export.hpp.
#pragma once

#include "export/internal/safe_graph.hpp"

#include <string>
#include <string_view>

namespace actorgraph::exports::internal {

std::string WriteGraphml(const SafeGraph& g, bool yed);
std::string WriteDot(const SafeGraph& g, bool legend);
std::string WriteGexf(const SafeGraph& g);
std::string WriteNodeLink(const SafeGraph& g);
std::string WriteCyjs(const SafeGraph& g);
std::string WriteNeo4jNodes(const SafeGraph& g);
std::string WriteNeo4jRelationships(const SafeGraph& g);

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

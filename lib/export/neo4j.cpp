// Neo4j import CSV (neo4j-admin database import): nodes.csv and relationships.csv.
#include "export/internal/writers.hpp"

#include "common/ascii.hpp"

namespace actorgraph::exports::internal {
namespace {

constexpr std::string_view kEol = "\r\n";  // RFC 4180

std::string_view Neo4jType(AttrType type) {
  switch (type) {
    case AttrType::kString:
      return "";
    case AttrType::kLong:
      return ":long";
    case AttrType::kDouble:
      return ":double";
  }
  return "";
}

bool AsciiAlnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Person, Organization, ... for known kinds; otherwise the kind's ASCII words in CamelCase
// ("armed group" -> "ArmedGroup"), or "Entity" when nothing is left.
std::string NodeLabel(std::string_view kind) {
  const KindStyle& style = StyleOf(kind);
  if (!style.neo4j_label.empty()) return std::string(style.neo4j_label);
  std::string label;
  bool word_start = true;
  for (char c : kind) {
    if (!AsciiAlnum(c)) {
      word_start = true;
      continue;
    }
    label += word_start ? ascii::ToUpper(c) : c;
    word_start = false;
  }
  if (label.empty()) return "Entity";
  if (label.front() >= '0' && label.front() <= '9') label.insert(0, "Kind");
  return label;
}

// participant_of -> PARTICIPANT_OF; each character outside [A-Za-z0-9_] becomes one '_'.
std::string RelationshipType(std::string_view relation) {
  std::string type;
  for (char c : relation) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 && u < 0xC0) continue;  // UTF-8 continuation byte: counted with its lead
    type += AsciiAlnum(c) || c == '_' ? ascii::ToUpper(c) : '_';
  }
  return type.empty() ? "RELATED_TO" : type;
}

template <std::size_t N>
void AppendHeader(std::string& out, const std::array<Column, N>& columns) {
  for (const Column& column : columns) {
    out += ',';
    out += column.name;
    out += Neo4jType(column.type);
  }
}

template <std::size_t N>
void AppendRow(std::string& out, const std::array<Column, N>&, const std::vector<Value>& values) {
  for (std::size_t i = 0; i < N; ++i) {
    out += ',';
    AppendCsvField(out, FormatValue(values[i]));
  }
}

}  // namespace

void WriteNeo4jNodes(const SafeGraph& g, Sink& sink) {
  std::string& out = sink.text;
  out += "id:ID,:LABEL";
  AppendHeader(out, kNodeColumns);
  out += kEol;
  for (const SafeNode& node : g.nodes) {
    AppendCsvField(out, node.id);
    out += ',';
    out += NodeLabel(node.text(kNodeKind));
    AppendRow(out, kNodeColumns, node.values);
    out += kEol;
    sink.Flush();
  }
}

void WriteNeo4jRelationships(const SafeGraph& g, Sink& sink) {
  std::string& out = sink.text;
  out += ":START_ID,:END_ID,:TYPE,id";
  AppendHeader(out, kEdgeColumns);
  out += kEol;
  for (const SafeEdge& edge : g.edges) {
    AppendCsvField(out, g.nodes[edge.source].id);
    out += ',';
    AppendCsvField(out, g.nodes[edge.target].id);
    out += ',';
    out += RelationshipType(edge.text(kEdgeRelation));
    out += ',';
    AppendCsvField(out, edge.id);
    AppendRow(out, kEdgeColumns, edge.values);
    out += kEol;
    sink.Flush();
  }
}

}  // namespace actorgraph::exports::internal

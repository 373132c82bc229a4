// JSON exports: node-link (networkx, D3) and Cytoscape.js elements. One object per line.
#include "export/internal/writers.hpp"

namespace actorgraph::exports::internal {
namespace {

void AppendJsonValue(std::string& out, const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    AppendJsonString(out, *s);
  } else {
    out += FormatValue(value);  // numbers: doubles always carry '.' or an exponent
  }
}

void AppendMember(std::string& out, bool& first, std::string_view name, const Value& value) {
  out += first ? "" : ", ";
  first = false;
  AppendJsonString(out, name);
  out += ": ";
  AppendJsonValue(out, value);
}

template <std::size_t N>
void AppendMembers(std::string& out, bool& first, const std::array<Column, N>& columns,
                   const std::vector<Value>& values) {
  for (std::size_t i = 0; i < N; ++i) AppendMember(out, first, columns[i].name, values[i]);
}

void AppendGraphObject(std::string& out, const SafeGraph& g) {
  out += '{';
  bool first = true;
  AppendMembers(out, first, kGraphColumns, g.values);
  out += '}';
}

}  // namespace

void WriteNodeLink(const SafeGraph& g, Sink& sink) {
  std::string& out = sink.text;
  sink.Reserve(256 + 700 * g.nodes.size() + 250 * g.edges.size());
  out += "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": ";
  AppendGraphObject(out, g);
  out += ",\n  \"nodes\": [";
  for (std::size_t n = 0; n < g.nodes.size(); ++n) {
    const SafeNode& node = g.nodes[n];
    out += n == 0 ? "\n    {" : ",\n    {";
    bool first = true;
    AppendMember(out, first, "id", node.id);
    AppendMembers(out, first, kNodeColumns, node.values);
    out += '}';
    sink.Flush();
  }
  out += g.nodes.empty() ? "],\n  \"links\": [" : "\n  ],\n  \"links\": [";
  for (std::size_t e = 0; e < g.edges.size(); ++e) {
    const SafeEdge& edge = g.edges[e];
    out += e == 0 ? "\n    {" : ",\n    {";
    bool first = true;
    AppendMember(out, first, "source", g.nodes[edge.source].id);
    AppendMember(out, first, "target", g.nodes[edge.target].id);
    AppendMember(out, first, "key", edge.id);
    AppendMembers(out, first, kEdgeColumns, edge.values);
    out += '}';
    sink.Flush();
  }
  out += g.edges.empty() ? "]\n}\n" : "\n  ]\n}\n";
}

void WriteCyjs(const SafeGraph& g, Sink& sink) {
  std::string& out = sink.text;
  sink.Reserve(256 + 700 * g.nodes.size() + 250 * g.edges.size());
  out += "{\n  \"data\": ";
  AppendGraphObject(out, g);
  out += ",\n  \"elements\": {\n    \"nodes\": [";
  for (std::size_t n = 0; n < g.nodes.size(); ++n) {
    const SafeNode& node = g.nodes[n];
    out += n == 0 ? "\n      {\"data\": {" : ",\n      {\"data\": {";
    bool first = true;
    AppendMember(out, first, "id", node.id);
    AppendMembers(out, first, kNodeColumns, node.values);
    out += "}}";
    sink.Flush();
  }
  out += g.nodes.empty() ? "],\n    \"edges\": [" : "\n    ],\n    \"edges\": [";
  for (std::size_t e = 0; e < g.edges.size(); ++e) {
    const SafeEdge& edge = g.edges[e];
    out += e == 0 ? "\n      {\"data\": {" : ",\n      {\"data\": {";
    bool first = true;
    AppendMember(out, first, "id", edge.id);
    AppendMember(out, first, "source", g.nodes[edge.source].id);
    AppendMember(out, first, "target", g.nodes[edge.target].id);
    AppendMembers(out, first, kEdgeColumns, edge.values);
    out += "}}";
    sink.Flush();
  }
  out += g.edges.empty() ? "]\n  }\n}\n" : "\n    ]\n  }\n}\n";
}

}  // namespace actorgraph::exports::internal

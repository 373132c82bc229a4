// GraphML 1.0 (plain, or the yEd flavour with yFiles node graphics).
#include "common/utf8.hpp"
#include "export/internal/writers.hpp"

#include <algorithm>

namespace actorgraph::exports::internal {
namespace {

std::string_view GraphmlType(AttrType type) {
  switch (type) {
    case AttrType::kString:
      return "string";
    case AttrType::kLong:
      return "long";
    case AttrType::kDouble:
      return "double";
  }
  return "string";
}

template <std::size_t N>
void AppendKeys(std::string& out, std::string_view domain, std::string_view prefix,
                const std::array<Column, N>& columns) {
  for (const Column& column : columns) {
    out += "  <key id=\"";
    out += prefix;
    out += column.name;
    out += "\" for=\"";
    out += domain;
    out += "\" attr.name=\"";
    out += column.name;
    out += "\" attr.type=\"";
    out += GraphmlType(column.type);
    out += "\"/>\n";
  }
}

template <std::size_t N>
void AppendData(std::string& out, std::string_view indent, std::string_view prefix,
                const std::array<Column, N>& columns, const std::vector<Value>& values) {
  for (std::size_t i = 0; i < N; ++i) {
    out += indent;
    out += "<data key=\"";
    out += prefix;
    out += columns[i].name;
    out += "\">";
    AppendXmlText(out, FormatValue(values[i]));
    out += "</data>\n";
  }
}

// yEd does not size nodes to their labels: estimate from the longest line (code points).
void AppendYedGraphics(std::string& out, const SafeNode& node) {
  const std::string& label = node.text(kNodeLabel);
  std::size_t lines = 1, longest = 0, current = 0, pos = 0;
  while (pos < label.size()) {
    if (utf8::Next(label, pos) == U'\n') {
      ++lines;
      current = 0;
    } else {
      longest = std::max(longest, ++current);
    }
  }
  const double width = std::clamp(20.0 + 7.5 * static_cast<double>(longest), 60.0, 400.0);
  const double height = 30.0 + 15.0 * static_cast<double>(lines - 1);
  const KindStyle& style = StyleOf(node.text(kNodeKind));
  out += "      <data key=\"d_ng\"><y:ShapeNode><y:Geometry height=\"";
  out += FormatDouble(height);
  out += "\" width=\"";
  out += FormatDouble(width);
  out += "\" x=\"0.0\" y=\"0.0\"/><y:Fill color=\"";
  out += HexColour(style);
  out +=
      "\" transparent=\"false\"/><y:BorderStyle color=\"#000000\" type=\"line\" width=\"1.0\"/>"
      "<y:NodeLabel>";
  AppendXmlText(out, label);
  out += "</y:NodeLabel><y:Shape type=\"";
  out += style.yed_shape;
  out += "\"/></y:ShapeNode></data>\n";
}

}  // namespace

void WriteGraphml(const SafeGraph& g, bool yed, Sink& sink) {
  std::string& out = sink.text;
  sink.Reserve(512 + 800 * g.nodes.size() + 300 * g.edges.size());
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"";
  out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
  if (yed) {
    out += " xmlns:y=\"http://www.yworks.com/xml/graphml\"";
    out +=
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n";
  } else {
    out +=
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  }
  AppendKeys(out, "graph", "g_", kGraphColumns);
  AppendKeys(out, "node", "n_", kNodeColumns);
  AppendKeys(out, "edge", "e_", kEdgeColumns);
  if (yed) out += "  <key id=\"d_ng\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n";
  out += "  <graph id=\"G\" edgedefault=\"directed\">\n";
  AppendData(out, "    ", "g_", kGraphColumns, g.values);
  for (const SafeNode& node : g.nodes) {
    out += "    <node id=\"";
    AppendXmlAttribute(out, node.id);
    out += "\">\n";
    AppendData(out, "      ", "n_", kNodeColumns, node.values);
    if (yed) AppendYedGraphics(out, node);
    out += "    </node>\n";
    sink.Flush();
  }
  for (const SafeEdge& edge : g.edges) {
    out += "    <edge id=\"";
    AppendXmlAttribute(out, edge.id);
    out += "\" source=\"";
    AppendXmlAttribute(out, g.nodes[edge.source].id);
    out += "\" target=\"";
    AppendXmlAttribute(out, g.nodes[edge.target].id);
    out += "\">\n";
    AppendData(out, "      ", "e_", kEdgeColumns, edge.values);
    out += "    </edge>\n";
    sink.Flush();
  }
  out += "  </graph>\n</graphml>\n";
}

}  // namespace actorgraph::exports::internal

// GEXF 1.3 with the viz extension; dynamic (timeformat="date") when some node has a date.
#include "export/internal/writers.hpp"

namespace actorgraph::exports::internal {
namespace {

std::string_view GexfType(AttrType type) {
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

// Node label and edge weight are native GEXF attributes; every other column is declared.
bool NodeColumnDeclared(std::size_t i) { return i != kNodeLabel; }
bool EdgeColumnDeclared(std::size_t i) { return i != kEdgeWeight; }

template <std::size_t N>
void AppendDeclarations(std::string& out, std::string_view cls, const std::array<Column, N>& columns,
                        bool (*declared)(std::size_t)) {
  out += "    <attributes class=\"";
  out += cls;
  out += "\" mode=\"static\">\n";
  for (std::size_t i = 0; i < N; ++i) {
    if (!declared(i)) continue;
    out += "      <attribute id=\"";
    out += columns[i].name;
    out += "\" title=\"";
    out += columns[i].name;
    out += "\" type=\"";
    out += GexfType(columns[i].type);
    out += "\"/>\n";
  }
  out += "    </attributes>\n";
}

template <std::size_t N>
void AppendAttvalues(std::string& out, const std::array<Column, N>& columns, const std::vector<Value>& values,
                     bool (*declared)(std::size_t)) {
  out += "        <attvalues>\n";
  for (std::size_t i = 0; i < N; ++i) {
    if (!declared(i)) continue;
    out += "          <attvalue for=\"";
    out += columns[i].name;
    out += "\" value=\"";
    AppendXmlAttribute(out, FormatValue(values[i]));
    out += "\"/>\n";
  }
  out += "        </attvalues>\n";
}

}  // namespace

void WriteGexf(const SafeGraph& g, Sink& sink) {
  std::vector<std::optional<std::string>> starts;
  starts.reserve(g.nodes.size());
  bool dynamic = false;
  for (const SafeNode& node : g.nodes) {
    starts.push_back(GexfDate(node.text(kNodeDate)));
    dynamic = dynamic || starts.back().has_value();
  }

  std::string& out = sink.text;
  sink.Reserve(512 + 1200 * g.nodes.size() + 400 * g.edges.size());
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n";
  out += "  <meta>\n    <creator>";
  AppendXmlText(out, g.text(kGraphGenerator));
  out += "</creator>\n    <keywords>";
  AppendXmlText(out, g.text(kGraphProjection));
  out += "</keywords>\n    <description>";
  AppendXmlText(out, g.text(kGraphName));
  out += "</description>\n  </meta>\n";
  out += dynamic ? "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
                 : "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
  AppendDeclarations(out, "node", kNodeColumns, NodeColumnDeclared);
  AppendDeclarations(out, "edge", kEdgeColumns, EdgeColumnDeclared);

  out += "    <nodes count=\"" + std::to_string(g.nodes.size()) + "\">\n";
  for (std::size_t n = 0; n < g.nodes.size(); ++n) {
    const SafeNode& node = g.nodes[n];
    out += "      <node id=\"";
    AppendXmlAttribute(out, node.id);
    out += "\" label=\"";
    AppendXmlAttribute(out, node.text(kNodeLabel));
    if (starts[n]) {
      out += "\" start=\"";
      out += *starts[n];
    }
    out += "\">\n";
    AppendAttvalues(out, kNodeColumns, node.values, NodeColumnDeclared);
    const KindStyle& style = StyleOf(node.text(kNodeKind));
    out += "        <viz:color r=\"" + std::to_string(style.r) + "\" g=\"" + std::to_string(style.g) + "\" b=\"" +
           std::to_string(style.b) + "\"/>\n";
    out += "      </node>\n";
    sink.Flush();
  }
  out += "    </nodes>\n";

  out += "    <edges count=\"" + std::to_string(g.edges.size()) + "\">\n";
  for (const SafeEdge& edge : g.edges) {
    out += "      <edge id=\"";
    AppendXmlAttribute(out, edge.id);
    out += "\" source=\"";
    AppendXmlAttribute(out, g.nodes[edge.source].id);
    out += "\" target=\"";
    AppendXmlAttribute(out, g.nodes[edge.target].id);
    out += "\" label=\"";
    AppendXmlAttribute(out, edge.text(kEdgeRelation));
    out += "\" weight=\"";
    out += FormatValue(edge.values[kEdgeWeight]);
    out += "\">\n";
    AppendAttvalues(out, kEdgeColumns, edge.values, EdgeColumnDeclared);
    out += "      </edge>\n";
    sink.Flush();
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace actorgraph::exports::internal

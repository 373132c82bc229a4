// Graphviz DOT: a digraph with quoted ids, styled by node kind, and an optional legend.
// Statements are separated by newlines without ';': pydot 1.4 (Debian 12) invents a node
// named "\n" when the last statement before '}' is an edge ending in ";\n".
#include "export/internal/writers.hpp"

namespace actorgraph::exports::internal {
namespace {

void AppendAttribute(std::string& out, bool& first, std::string_view name, std::string_view value) {
  out += first ? "" : ", ";
  first = false;
  out += name;
  out += '=';
  AppendDotString(out, value);
}

// The legend rows: each known kind present in the graph, in table order, then "other"
// when some node has a kind outside the table.
std::vector<const KindStyle*> LegendRows(const SafeGraph& g) {
  std::vector<bool> present(kKindStyles.size() + 1, false);
  for (const SafeNode& node : g.nodes) {
    const KindStyle* style = &StyleOf(node.text(kNodeKind));
    const std::size_t row =
        style == &kOtherStyle ? kKindStyles.size() : static_cast<std::size_t>(style - kKindStyles.data());
    present[row] = true;
  }
  std::vector<const KindStyle*> rows;
  for (std::size_t i = 0; i < kKindStyles.size(); ++i) {
    if (present[i]) rows.push_back(&kKindStyles[i]);
  }
  if (present.back()) rows.push_back(&kOtherStyle);
  return rows;
}

}  // namespace

void WriteDot(const SafeGraph& g, bool legend, Sink& sink) {
  std::string& out = sink.text;
  sink.Reserve(256 + 600 * g.nodes.size() + 200 * g.edges.size());
  out += "digraph ";
  AppendDotString(out, g.text(kGraphName));
  out += " {\n  graph [";
  bool first = true;
  AppendAttribute(out, first, "generator", g.text(kGraphGenerator));
  AppendAttribute(out, first, "projection", g.text(kGraphProjection));
  AppendAttribute(out, first, "rankdir", "LR");
  out += "]\n  node [style=\"filled\"]\n";

  for (const SafeNode& node : g.nodes) {
    out += "  ";
    AppendDotString(out, node.id);
    out += " [";
    first = true;
    for (std::size_t i = 0; i < kNodeColumns.size(); ++i) {
      AppendAttribute(out, first, kNodeColumns[i].name, FormatValue(node.values[i], false));
    }
    const KindStyle& style = StyleOf(node.text(kNodeKind));
    AppendAttribute(out, first, "shape", style.dot_shape);
    AppendAttribute(out, first, "fillcolor", HexColour(style));
    out += "]\n";
    sink.Flush();
  }

  for (const SafeEdge& edge : g.edges) {
    out += "  ";
    AppendDotString(out, g.nodes[edge.source].id);
    out += " -> ";
    AppendDotString(out, g.nodes[edge.target].id);
    out += " [";
    first = true;
    AppendAttribute(out, first, "id", edge.id);
    for (std::size_t i = 0; i < kEdgeColumns.size(); ++i) {
      AppendAttribute(out, first, kEdgeColumns[i].name, FormatValue(edge.values[i], false));
    }
    const std::string& relation = edge.text(kEdgeRelation);
    if (relation == "member_of") AppendAttribute(out, first, "style", "dashed");
    if (relation == "affiliated_with") AppendAttribute(out, first, "style", "dotted");
    out += "]\n";
    sink.Flush();
  }

  const std::vector<const KindStyle*> rows = legend ? LegendRows(g) : std::vector<const KindStyle*>{};
  if (!rows.empty()) {
    out +=
        "  subgraph \"cluster_legend\" {\n    graph [label=\"Legend\", style=\"rounded\", "
        "color=\"#999999\"]\n";
    for (const KindStyle* style : rows) {
      out += "    ";
      AppendDotString(out, std::string("legend:") + std::string(style->kind));
      out += " [";
      first = true;
      AppendAttribute(out, first, "label", style->kind);
      AppendAttribute(out, first, "shape", style->dot_shape);
      AppendAttribute(out, first, "fillcolor", HexColour(*style));
      out += "]\n";
    }
    out += "  }\n";
  }
  out += "}\n";
}

}  // namespace actorgraph::exports::internal

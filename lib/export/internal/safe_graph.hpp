// actorgraph exports — internal: the sanitised snapshot every serialiser reads.
//
// MakeSafe() copies a graph::Graph into a flat SafeGraph whose text is valid, XML-safe
// UTF-8 and whose ids are unique NMTOKENs (rules in export/export.hpp). The attribute
// columns are declared once here (name and type, in the graph model's order) and every
// serialiser walks the same tables, so no format can forget or reorder a field.
#pragma once

#include "graph/graph.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace actorgraph::exports::internal {

enum class AttrType { kString, kLong, kDouble };

struct Column {
  std::string_view name;
  AttrType type;
};

// Node columns, in the order of graph::Node. The indices below name the few columns the
// serialisers look at directly.
inline constexpr std::array<Column, 18> kNodeColumns = {{
    {"label", AttrType::kString},
    {"kind", AttrType::kString},
    {"event_type", AttrType::kString},
    {"date", AttrType::kString},
    {"place", AttrType::kString},
    {"mode", AttrType::kString},
    {"cameo", AttrType::kString},
    {"entity_id", AttrType::kString},
    {"role", AttrType::kString},
    {"country", AttrType::kString},
    {"mentions", AttrType::kLong},
    {"confidence", AttrType::kDouble},
    {"evidence", AttrType::kString},
    {"degree", AttrType::kLong},
    {"weighted_degree", AttrType::kDouble},
    {"betweenness", AttrType::kDouble},
    {"component", AttrType::kLong},
    {"status", AttrType::kString},  // last, so the columns before it keep their positions
}};
inline constexpr std::size_t kNodeLabel = 0;
inline constexpr std::size_t kNodeKind = 1;
inline constexpr std::size_t kNodeDate = 3;

// Edge columns, in the order of graph::Edge.
inline constexpr std::array<Column, 5> kEdgeColumns = {{
    {"relation", AttrType::kString},
    {"role", AttrType::kString},
    {"weight", AttrType::kDouble},
    {"evidence", AttrType::kString},
    {"events", AttrType::kString},
}};
inline constexpr std::size_t kEdgeRelation = 0;
inline constexpr std::size_t kEdgeWeight = 2;

// Graph columns, in the order of graph::GraphInfo.
inline constexpr std::array<Column, 3> kGraphColumns = {{
    {"name", AttrType::kString},
    {"generator", AttrType::kString},
    {"projection", AttrType::kString},
}};
inline constexpr std::size_t kGraphName = 0;
inline constexpr std::size_t kGraphGenerator = 1;
inline constexpr std::size_t kGraphProjection = 2;

// A value of the column with the same index: std::string for kString, std::int64_t for
// kLong, double (always finite) for kDouble.
using Value = std::variant<std::string, std::int64_t, double>;

// An evidence sentence (graph::EvidenceSentence) split around its span, each part sanitised.
struct SafeSentence {
  std::string doc;
  std::uint32_t start = 0, end = 0;  // the span, byte offsets into the document
  std::string before, mention, after;
};

struct SafeNode {
  std::string id;                       // unique NMTOKEN
  std::vector<Value> values;            // aligned with kNodeColumns
  std::vector<SafeSentence> sentences;  // graph::Node::sentences (the HTML export reads them)
  const std::string& text(std::size_t column) const { return std::get<std::string>(values[column]); }
};

struct SafeEdge {
  std::string id;          // unique NMTOKEN (among edges)
  std::size_t source = 0;  // index into SafeGraph::nodes
  std::size_t target = 0;
  std::vector<Value> values;  // aligned with kEdgeColumns
  const std::string& text(std::size_t column) const { return std::get<std::string>(values[column]); }
};

struct SafeGraph {
  std::vector<Value> values;    // aligned with kGraphColumns
  std::vector<SafeNode> nodes;  // in vertex order
  std::vector<SafeEdge> edges;  // in boost::edges() order
  const std::string& text(std::size_t column) const { return std::get<std::string>(values[column]); }
};

// The sanitised snapshot (see export.hpp, "Sanitising").
SafeGraph MakeSafe(const graph::Graph& g);

// `text` as valid UTF-8 that XML 1.0 can hold: ill-formed sequences and C0 controls other
// than tab/LF/CR, U+FFFE and U+FFFF become U+FFFD.
std::string SanitizeText(std::string_view text);

// Shortest round-trip decimal form of a double ("0.1", "1e-07", "1.7976931348623157e+308").
// `whole_suffix` adds ".0" to values printed without '.', 'e' (1 -> "1.0"). Non-finite
// values print as 0.
std::string FormatDouble(double value, bool whole_suffix = true);
std::string FormatLong(std::int64_t value);

// A value in the common text form (FormatDouble with ".0", FormatLong, or the string).
std::string FormatValue(const Value& value, bool whole_suffix = true);

// The xsd:date that GEXF `start` gets for a model date: "YYYY-MM-DD" (a real calendar
// day) as it is, "YYYY-MM" -> "YYYY-MM-01", "YYYY" -> "YYYY-01-01"; nullopt for anything
// else (including ""): iso_date::Earliest of an iso_date::IsValid date.
std::optional<std::string> GexfDate(std::string_view date);

// Visual style of a node kind, shared by DOT, GEXF and the yEd flavour.
struct KindStyle {
  std::string_view kind;  // "person", ...; "other" for unknown kinds
  std::string_view dot_shape;
  std::string_view yed_shape;
  std::uint8_t r, g, b;          // fill colour
  std::string_view neo4j_label;  // "" for "other": derived from the kind
};
inline constexpr std::array<KindStyle, 6> kKindStyles = {{
    {"person", "ellipse", "ellipse", 0x8D, 0xB6, 0xE0, "Person"},
    {"organization", "box", "rectangle", 0x9F, 0xD3, 0xA0, "Organization"},
    {"country", "hexagon", "hexagon", 0xF4, 0xA6, 0xA6, "Country"},
    {"location", "octagon", "octagon", 0xF7, 0xC9, 0x8B, "Location"},
    {"group", "box3d", "rectangle3d", 0xC9, 0xB3, 0xE0, "Group"},
    {"event", "note", "roundrectangle", 0xFF, 0xF2, 0xA8, "Event"},
}};
inline constexpr KindStyle kOtherStyle = {"other", "egg", "trapezoid", 0xDD, 0xDD, 0xDD, ""};

// The style of `kind` (exact match), or kOtherStyle.
const KindStyle& StyleOf(std::string_view kind);
// "#RRGGBB" (upper-case hex).
std::string HexColour(const KindStyle& style);

}  // namespace actorgraph::exports::internal

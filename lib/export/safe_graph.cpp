// Sanitising: the one place where graph text and ids are made safe for every format.
#include "export/internal/safe_graph.hpp"

#include "common/iso_date.hpp"
#include "common/node_id.hpp"
#include "common/utf8.hpp"

#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

namespace actorgraph::exports::internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kLegendPrefix = "legend:";

bool XmlForbidden(char32_t cp) {
  return (cp < 0x20 && cp != 0x09 && cp != 0x0A && cp != 0x0D) || cp == 0xFFFE || cp == 0xFFFF;
}

// Each id once: a first occurrence keeps its id; a repeated one takes `id` + "__N" for the
// smallest N >= 2 that no id of `ids` has, in order. The ids are claimed in two passes so
// that an explicit id such as "a__2" is never taken from its owner by a repeated "a".
std::vector<std::string> Claim(std::vector<std::string> ids) {
  std::unordered_set<std::string> used;
  std::vector<bool> repeated(ids.size(), false);
  for (std::size_t i = 0; i < ids.size(); ++i) repeated[i] = !used.insert(ids[i]).second;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!repeated[i]) continue;
    for (int n = 2;; ++n) {
      std::string candidate = ids[i] + "__" + std::to_string(n);
      if (used.insert(candidate).second) {
        ids[i] = std::move(candidate);
        break;
      }
    }
  }
  return ids;
}

// A graph id as exported: a valid id (node_id::IsValid; every id GraphBuilder makes) as it
// is, anything else through node_id::FromString.
std::string ExportId(const std::string& id) { return node_id::IsValid(id) ? id : node_id::FromString(id); }

// NaN and infinities have no JSON spelling; subnormals make strtod report ERANGE, which
// igraph's readers treat as a fatal error. Both become 0 (see export.hpp).
double Portable(double value) { return std::isnormal(value) ? value : 0.0; }

}  // namespace

std::string SanitizeText(std::string_view text) {
  std::string repaired;
  if (utf8::FirstInvalid(text)) {
    repaired = utf8::Repair(text);
    text = repaired;
  }
  // Fast path: nothing below U+0020 except tab/LF/CR and no U+FFFE/U+FFFF (EF BF BE/BF).
  bool clean = true;
  for (std::size_t i = 0; i < text.size() && clean; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) clean = false;
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
      clean = false;
    }
  }
  if (clean) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8::Next(text, pos);
    if (XmlForbidden(cp)) {
      out += kReplacement;
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::string FormatDouble(double value, bool whole_suffix) {
  if (!std::isfinite(value)) value = 0.0;
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  std::string out(buf, result.ptr);
  if (whole_suffix && out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

std::string FormatLong(std::int64_t value) {
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

std::string FormatValue(const Value& value, bool whole_suffix) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return FormatLong(*i);
  return FormatDouble(std::get<double>(value), whole_suffix);
}

std::optional<std::string> GexfDate(std::string_view date) {
  if (!iso_date::IsValid(date)) return std::nullopt;
  return iso_date::Earliest(date);
}

const KindStyle& StyleOf(std::string_view kind) {
  for (const KindStyle& style : kKindStyles) {
    if (style.kind == kind) return style;
  }
  return kOtherStyle;
}

std::string HexColour(const KindStyle& style) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "#";
  for (std::uint8_t c : {style.r, style.g, style.b}) {
    out += kHex[c >> 4];
    out += kHex[c & 0x0F];
  }
  return out;
}

SafeGraph MakeSafe(const graph::Graph& g) {
  SafeGraph out;
  const graph::GraphInfo& info = g[boost::graph_bundle];
  out.values = {SanitizeText(info.name), SanitizeText(info.generator), SanitizeText(info.projection)};

  std::vector<std::string> node_ids;
  node_ids.reserve(boost::num_vertices(g));
  for (const graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    std::string id = ExportId(g[v].id);
    // The DOT legend owns "legend:"; the colon is escaped as FromString escapes a byte
    // ("__3A"), which FromString itself never writes for ':', so no other id can equal it.
    if (id.starts_with(kLegendPrefix)) id.replace(kLegendPrefix.size() - 1, 1, "__3A");
    node_ids.push_back(std::move(id));
  }
  node_ids = Claim(std::move(node_ids));
  out.nodes.reserve(boost::num_vertices(g));
  for (const graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::Node& n = g[v];
    SafeNode node;
    node.id = std::move(node_ids[v]);
    node.values = {
        SanitizeText(n.label),
        SanitizeText(n.kind),
        SanitizeText(n.event_type),
        SanitizeText(n.date),
        SanitizeText(n.place),
        SanitizeText(n.mode),
        SanitizeText(n.cameo),
        SanitizeText(n.entity_id),
        SanitizeText(n.role),
        SanitizeText(n.country),
        n.mentions,
        Portable(n.confidence),
        SanitizeText(n.evidence),
        n.degree,
        Portable(n.weighted_degree),
        Portable(n.betweenness),
        n.component,
        SanitizeText(n.status),
    };
    for (const graph::EvidenceSentence& es : n.sentences) {
      // The span's offsets within the sentence, clamped to it (a span is inside its sentence
      // unless the graph was made by hand).
      const std::string_view text = es.text;
      const std::size_t a =
          std::min<std::size_t>(es.start >= es.sentence_start ? es.start - es.sentence_start : 0, text.size());
      const std::size_t b =
          std::clamp<std::size_t>(es.end >= es.sentence_start ? es.end - es.sentence_start : 0, a, text.size());
      node.sentences.push_back({SanitizeText(es.doc), es.start, es.end, SanitizeText(text.substr(0, a)),
                                SanitizeText(text.substr(a, b - a)), SanitizeText(text.substr(b))});
    }
    out.nodes.push_back(std::move(node));
  }

  std::vector<std::string> edge_ids;
  edge_ids.reserve(boost::num_edges(g));
  for (const graph::EdgeDesc e : boost::make_iterator_range(boost::edges(g))) {
    const std::string& id = g[e].id;
    edge_ids.push_back(id.empty() ? "e" + std::to_string(edge_ids.size()) : ExportId(id));
  }
  edge_ids = Claim(std::move(edge_ids));
  out.edges.reserve(boost::num_edges(g));
  std::size_t index = 0;
  for (const graph::EdgeDesc e : boost::make_iterator_range(boost::edges(g))) {
    const graph::Edge& d = g[e];
    SafeEdge edge;
    edge.id = std::move(edge_ids[index]);
    edge.source = boost::source(e, g);
    edge.target = boost::target(e, g);
    edge.values = {SanitizeText(d.relation), SanitizeText(d.role), Portable(d.weight), SanitizeText(d.evidence),
                   SanitizeText(d.events)};
    out.edges.push_back(std::move(edge));
    ++index;
  }
  return out;
}

}  // namespace actorgraph::exports::internal

// libFuzzer target: every exporter on random graphs with random Unicode names (valid and
// invalid UTF-8, controls, astral and right-to-left characters, XML and DOT metacharacters,
// colliding and empty ids, NaN, infinite and subnormal numbers). Properties, checked with
// the real parsers: GraphML (plain and yEd) and GEXF are well-formed XML to libxml2 (no
// recovery, no error of any level) with one node and edge element per vertex and edge; DOT
// parses with Graphviz's cgraph with as many nodes (besides the legend) and edges; node-link
// JSON, Cytoscape.js JSON and the HTML viewer's embedded data parse with nlohmann::json with
// the right counts and links that name existing nodes; both Neo4j CSV files are RFC 4180
// with the header's field count on every record.
#include "common/utf8.hpp"
#include "export/export.hpp"
#include "fuzz_util.hpp"
#include "graph/graph.hpp"

#include <fuzzer/FuzzedDataProvider.h>
#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace graph = actorgraph::graph;
namespace ex = actorgraph::exports;
using actorgraph::fuzz::Check;
using actorgraph::fuzz::Fail;

std::string RandomText(FuzzedDataProvider& in) {
  static const char* const kPieces[] = {"<",
                                        ">",
                                        "&",
                                        "\"",
                                        "'",
                                        "\\",
                                        "\n",
                                        "\r",
                                        "\t",
                                        "\r\n",
                                        "]]>",
                                        "<!--",
                                        "-->",
                                        "</script>",
                                        "<script>",
                                        "\\\"",
                                        "\\n",
                                        "{",
                                        "}",
                                        "[",
                                        "]",
                                        ",",
                                        ";",
                                        ":",
                                        "=",
                                        "->",
                                        "--",
                                        "legend:person",
                                        "cluster_legend",
                                        "__",
                                        "__20",
                                        "_",
                                        "e0",
                                        "edge",
                                        "node",
                                        "graph",
                                        "subgraph",
                                        "strict",
                                        "digraph",
                                        " ",
                                        "",
                                        "\xEF\xBF\xBE",
                                        "\xEF\xBF\xBF",
                                        "\xEF\xBB\xBF",
                                        "\xE2\x80\xAE",
                                        "\xC2\x85",
                                        "\x7F",
                                        "\x00",
                                        "\x01",
                                        "\x1F",
                                        "\xF0\x9F\x98\x80",
                                        "\xD7\xA9",
                                        "\xC0\xAF",
                                        "\xED\xA0\x80",
                                        "\xF4\x90\x80\x80",
                                        "\xFF",
                                        "\x80",
                                        "Путин",
                                        "Erdoğan",
                                        "北京",
                                        "%s",
                                        "\"\"",
                                        ","};
  std::string s;
  const std::size_t parts = in.ConsumeIntegralInRange<std::size_t>(0, 12);
  for (std::size_t i = 0; i < parts && in.remaining_bytes() > 0; ++i) {
    switch (in.ConsumeIntegralInRange<int>(0, 3)) {
      case 0: {
        const auto& piece = kPieces[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kPieces) - 1)];
        s += std::string_view(piece, piece[0] == '\0' ? 1 : std::char_traits<char>::length(piece));
        break;
      }
      case 1:
        // utf8::Append also encodes surrogates (ill-formed): the exporters must repair them.
        actorgraph::utf8::Append(s, in.ConsumeIntegralInRange<char32_t>(0, 0x10FFFF));
        break;
      case 2:
        actorgraph::utf8::Append(s, in.ConsumeIntegralInRange<char32_t>(0, 0x7F));
        break;
      default:
        s += in.ConsumeRandomLengthString(8);  // raw bytes
        break;
    }
  }
  return s;
}

double RandomNumber(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 5)) {
    case 0:
      return std::numeric_limits<double>::quiet_NaN();
    case 1:
      return in.ConsumeBool() ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    case 2:
      return std::numeric_limits<double>::denorm_min() * in.ConsumeIntegral<std::uint16_t>();
    case 3:
      return static_cast<double>(in.ConsumeIntegral<std::int64_t>());
    default:
      return in.ConsumeFloatingPoint<double>();
  }
}

graph::Graph RandomGraph(FuzzedDataProvider& in) {
  graph::Graph g;
  static const char* const kKinds[] = {"person", "organization", "country", "location",
                                       "group",  "event",        "",        "Other kind"};
  static const char* const kRelations[] = {"participant_of", "member_of", "affiliated_with", "co_participant"};
  const std::size_t vertices = in.ConsumeIntegralInRange<std::size_t>(0, 12);
  for (std::size_t i = 0; i < vertices; ++i) {
    graph::Node n;
    n.id = in.ConsumeBool() ? RandomText(in) : "person:p" + std::to_string(in.ConsumeIntegralInRange<int>(0, 5));
    n.label = RandomText(in);
    n.kind =
        in.ConsumeBool() ? kKinds[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kKinds) - 1)] : RandomText(in);
    n.event_type = RandomText(in);
    n.date = in.ConsumeBool() ? "2021-02-16" : RandomText(in);
    n.place = RandomText(in);
    n.mode = RandomText(in);
    n.cameo = RandomText(in);
    n.entity_id = RandomText(in);
    n.role = RandomText(in);
    n.country = RandomText(in);
    n.mentions = in.ConsumeIntegral<std::int64_t>();
    n.confidence = RandomNumber(in);
    n.evidence = RandomText(in);
    n.degree = in.ConsumeIntegral<std::int64_t>();
    n.weighted_degree = RandomNumber(in);
    n.betweenness = RandomNumber(in);
    n.component = in.ConsumeIntegral<std::int64_t>();
    n.status = RandomText(in);
    if (in.ConsumeBool()) {
      graph::EvidenceSentence s;
      s.doc = RandomText(in);
      s.start = in.ConsumeIntegral<std::uint32_t>();
      s.end = in.ConsumeIntegral<std::uint32_t>();
      s.sentence_start = in.ConsumeIntegral<std::uint32_t>();
      s.text = RandomText(in);
      n.sentences.push_back(std::move(s));
    }
    boost::add_vertex(std::move(n), g);
  }
  const std::size_t edges = vertices == 0 ? 0 : in.ConsumeIntegralInRange<std::size_t>(0, 16);
  for (std::size_t i = 0; i < edges; ++i) {
    const auto a = in.ConsumeIntegralInRange<std::size_t>(0, vertices - 1);
    const auto b = in.ConsumeIntegralInRange<std::size_t>(0, vertices - 1);
    graph::Edge e;
    e.id = in.ConsumeBool() ? "e" + std::to_string(i) : RandomText(in);
    e.relation = in.ConsumeBool() ? kRelations[in.ConsumeIntegralInRange<std::size_t>(0, 3)] : RandomText(in);
    e.role = RandomText(in);
    e.weight = RandomNumber(in);
    e.evidence = RandomText(in);
    e.events = RandomText(in);
    boost::add_edge(a, b, std::move(e), g);
  }
  g[boost::graph_bundle].name = RandomText(in);
  g[boost::graph_bundle].generator = RandomText(in);
  g[boost::graph_bundle].projection = RandomText(in);
  return g;
}

// libxml2 errors of any level (warnings included) count against the document.
int g_xml_errors = 0;
void CountXmlError(void*, xmlErrorPtr) { ++g_xml_errors; }

void CountElements(xmlNode* node, const char* parent, const char* name, std::size_t* count) {
  for (xmlNode* n = node; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (n->parent && n->parent->name && std::string_view(reinterpret_cast<const char*>(n->parent->name)) == parent &&
        std::string_view(reinterpret_cast<const char*>(n->name)) == name) {
      ++*count;
    }
    CountElements(n->children, parent, name, count);
  }
}

void CheckXml(const std::string& xml, const char* what, const char* node_parent, const char* edge_parent,
              std::size_t vertices, std::size_t edges) {
  g_xml_errors = 0;
  xmlSetStructuredErrorFunc(nullptr, CountXmlError);
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "export.xml", "UTF-8", XML_PARSE_NONET);
  if (!doc || g_xml_errors != 0) {
    if (doc) xmlFreeDoc(doc);
    Fail("the XML parser accepts the export", what);
  }
  std::size_t nodes = 0, links = 0;
  CountElements(xmlDocGetRootElement(doc), node_parent, "node", &nodes);
  CountElements(xmlDocGetRootElement(doc), edge_parent, "edge", &links);
  xmlFreeDoc(doc);
  Check(nodes == vertices && links == edges, "one XML element per node and edge", what);
}

void CheckDot(const std::string& dot, bool legend, std::size_t vertices, std::size_t edges) {
  Agraph_t* g = agmemread(dot.c_str());
  if (!g) Fail("Graphviz parses the DOT export");
  const int n = agnnodes(g), e = agnedges(g);
  const bool directed = agisdirected(g);
  agclose(g);
  Check(directed, "the DOT export is a digraph");
  Check(legend ? static_cast<std::size_t>(n) >= vertices : static_cast<std::size_t>(n) == vertices,
        "Graphviz reads every node of the DOT export");
  Check(static_cast<std::size_t>(e) == edges, "Graphviz reads every edge of the DOT export");
}

nlohmann::json ParseJson(std::string_view text, const char* what) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    Fail(what, e.what());
  }
}

void CheckNodeLinks(const nlohmann::json& nodes, const nlohmann::json& links, const char* node_key, const char* source,
                    const char* target, std::size_t vertices, std::size_t edges) {
  Check(nodes.is_array() && nodes.size() == vertices, "one JSON node per vertex");
  Check(links.is_array() && links.size() == edges, "one JSON link per edge");
  std::set<std::string> ids;
  for (const auto& n : nodes) {
    const auto& holder = node_key ? n.at(node_key) : n;
    Check(ids.insert(holder.at("id").get<std::string>()).second, "JSON node ids are unique");
  }
  for (const auto& l : links) {
    const auto& holder = node_key ? l.at(node_key) : l;
    Check(ids.count(holder.at(source).get<std::string>()) && ids.count(holder.at(target).get<std::string>()),
          "JSON links name existing nodes");
  }
}

// RFC 4180 records (CRLF line ends, quoted fields with doubled quotes): the field count of
// each, or an abort when the file is malformed.
std::vector<std::size_t> CsvRecords(std::string_view csv) {
  std::vector<std::size_t> records;
  std::size_t i = 0, fields = 1;
  while (i < csv.size()) {
    if (csv[i] == '"') {
      ++i;
      while (true) {
        Check(i < csv.size(), "a quoted CSV field ends");
        if (csv[i] == '"') {
          if (i + 1 < csv.size() && csv[i + 1] == '"') {
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        ++i;
      }
      Check(i == csv.size() || csv[i] == ',' || csv[i] == '\r', "a quoted CSV field is followed by , or CRLF");
    }
    while (i < csv.size() && csv[i] != ',' && csv[i] != '\r') {
      Check(csv[i] != '"' && csv[i] != '\n', "an unquoted CSV field has no quote or line break");
      ++i;
    }
    if (i == csv.size()) break;
    if (csv[i] == ',') {
      ++fields;
      ++i;
      continue;
    }
    Check(i + 1 < csv.size() && csv[i + 1] == '\n', "CSV records end with CRLF");
    records.push_back(fields);
    fields = 1;
    i += 2;
  }
  Check(i == csv.size() && (csv.empty() || csv.back() == '\n'), "the CSV file ends with a record's CRLF");
  return records;
}

void CheckCsv(std::string_view csv, std::size_t rows, const char* what) {
  const auto records = CsvRecords(csv);
  Check(records.size() == rows + 1, "one CSV record per row and a header", what);
  for (std::size_t f : records) Check(f == records.front(), "every CSV record has the header's fields", what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const graph::Graph g = RandomGraph(in);
  const std::size_t v = boost::num_vertices(g), e = boost::num_edges(g);

  ex::Options o;
  o.format = ex::Format::kGraphml;
  CheckXml(ex::Serialize(g, o), "GraphML", "graph", "graph", v, e);
  o.yed = true;
  CheckXml(ex::Serialize(g, o), "GraphML (yEd)", "graph", "graph", v, e);
  o.yed = false;
  o.format = ex::Format::kGexf;
  CheckXml(ex::Serialize(g, o), "GEXF", "nodes", "edges", v, e);

  o.format = ex::Format::kDot;
  for (bool legend : {true, false}) {
    o.legend = legend;
    CheckDot(ex::Serialize(g, o), legend, v, e);
  }

  o.format = ex::Format::kJson;
  const auto json = ParseJson(ex::Serialize(g, o), "node-link JSON parses");
  CheckNodeLinks(json.at("nodes"), json.at("links"), nullptr, "source", "target", v, e);
  o.format = ex::Format::kCyjs;
  const auto cyjs = ParseJson(ex::Serialize(g, o), "Cytoscape.js JSON parses");
  CheckNodeLinks(cyjs.at("elements").at("nodes"), cyjs.at("elements").at("edges"), "data", "source", "target", v, e);

  o.format = ex::Format::kHtml;
  const std::string html = ex::Serialize(g, o);
  const std::string open = "<script type=\"application/json\" id=\"actorgraph-data\">";
  const std::size_t at = html.find(open);
  Check(at != std::string::npos, "the HTML holds the graph data");
  const std::size_t begin = at + open.size(), end = html.find("</script>", begin);
  Check(end != std::string::npos, "the HTML graph data ends");
  (void)ParseJson(std::string_view(html).substr(begin, end - begin), "the HTML graph data parses");

  const ex::Neo4jCsv neo4j = ex::SerializeNeo4j(g);
  CheckCsv(neo4j.nodes, v, "nodes.csv");
  CheckCsv(neo4j.relationships, e, "relationships.csv");
  return 0;
}

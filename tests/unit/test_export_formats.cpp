// Export stage: format names and detection, and each serialiser read back (JSON with
// nlohmann::json, CSV with an RFC 4180 reader, XML and DOT by structure). Real-reader
// round trips (xmllint, networkx, igraph, pydot, Graphviz) are in tests/e2e/export_check.py.
#include "adversarial_graph.hpp"
#include "export/export.hpp"
#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <map>

namespace exports = actorgraph::exports;
using Catch::Generators::table;
using exports::Format;

namespace {

const std::string R = "\xEF\xBF\xBD";  // U+FFFD

// Labels after sanitising, keyed by exported id (written out here, not computed).
const std::map<std::string, std::string>& ExpectedLabels() {
  static const std::map<std::string, std::string> labels = {
      {"gaz:person:bayramov", "Jeyhun \"Ceyhun\" Bayramov <FM> & co's \\N \\"},
      {"person__20with__20space", "  Line one\nLine two\tTabbed\r\nCRLF end  "},
      {"discovered:ctrl", "Bad" + R + "byte" + R + " here " + R + " end"},
      {"gaz:org:osce-minsk-group",
       "OSCE Minsk Group \xE2\x80\x94 \xD9\x85\xD8\xAC\xD9\x85\xD9\x88\xD8\xB9\xD8\xA9 "
       "\xD9\x85\xD9\x8A\xD9\x86\xD8\xB3\xD9\x83 / \xD7\xA7\xD7\x91\xD7\x95\xD7\xA6\xD7\xAA "
       "\xD7\x9E\xD7\x99\xD7\xA0\xD7\xA1\xD7\xA7"},
      {"gaz:country:AZ", "Azerbaijan \xF0\x9F\x87\xA6\xF0\x9F\x87\xBF \xF0\x9F\x98\x80 \xF0\x9D\x94\x84"},
      {"gaz:loc:tokyo", "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD (T\xC5\x8Dky\xC5\x8D)"},
      {"event:meeting:2021-02-16:abc", "node"},
      {"strict", "graph"},
      {"legend__3Aperson", "strict"},
      {"x_y", "digraph \"}\" {edge} -> ;"},
  };
  return labels;
}

std::string Serialize(Format format, bool yed = false, bool legend = true) {
  exports::Options opts;
  opts.format = format;
  opts.yed = yed;
  opts.legend = legend;
  return exports::Serialize(actorgraph::testing::AdversarialGraph(), opts);
}

std::size_t Count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

// RFC 4180 reader: quoted fields may hold separators, quotes ("") and line breaks; records
// end with CRLF (a bare LF is accepted too).
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_quotes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      quoted = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      quoted = false;
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  REQUIRE_FALSE(in_quotes);
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

TEST_CASE("ParseFormat accepts the six format names") {
  auto [name, expected] = GENERATE(table<std::string, int>({
      {"graphml", static_cast<int>(Format::kGraphml)},
      {"dot", static_cast<int>(Format::kDot)},
      {"gexf", static_cast<int>(Format::kGexf)},
      {"json", static_cast<int>(Format::kJson)},
      {"cyjs", static_cast<int>(Format::kCyjs)},
      {"neo4j", static_cast<int>(Format::kNeo4j)},
      {"GraphML", static_cast<int>(Format::kGraphml)},
      {"gv", -1},
      {"xml", -1},
      {"", -1},
      {"json ", -1},
  }));
  const auto format = exports::ParseFormat(name);
  CAPTURE(name);
  CHECK((format ? static_cast<int>(*format) : -1) == expected);
  if (format) CHECK(exports::ParseFormat(exports::FormatName(*format)) == format);
}

TEST_CASE("FormatFromPath picks the format from the extension") {
  auto [path, expected] = GENERATE(table<std::string, int>({
      {"out.graphml", static_cast<int>(Format::kGraphml)},
      {"/tmp/x/OUT.GRAPHML", static_cast<int>(Format::kGraphml)},
      {"g.dot", static_cast<int>(Format::kDot)},
      {"g.gv", static_cast<int>(Format::kDot)},
      {"g.gexf", static_cast<int>(Format::kGexf)},
      {"g.json", static_cast<int>(Format::kJson)},
      {"g.cyjs", static_cast<int>(Format::kCyjs)},
      {"g.cyjs.json", static_cast<int>(Format::kCyjs)},
      {"dir.json/graph.dot", static_cast<int>(Format::kDot)},
      {"-", -1},
      {"neo4j-out", -1},
      {"neo4j-out/", -1},
      {"dir.gexf/", -1},
      {".json", -1},
      {"g.csv", -1},
      {"g.xml", -1},
      {"", -1},
  }));
  const auto format = exports::FormatFromPath(path);
  CAPTURE(path);
  CHECK((format ? static_cast<int>(*format) : -1) == expected);
}

TEST_CASE("Serialize is byte-identical for identical graphs") {
  const auto [format, yed] = GENERATE(table<Format, bool>({
      {Format::kGraphml, false},
      {Format::kGraphml, true},
      {Format::kDot, false},
      {Format::kGexf, false},
      {Format::kJson, false},
      {Format::kCyjs, false},
  }));
  const std::string first = Serialize(format, yed);
  const std::string second = Serialize(format, yed);
  CHECK_FALSE(first.empty());
  CHECK(first == second);
  auto other = actorgraph::testing::AdversarialGraph();
  other[0].mentions += 1;
  CHECK(exports::Serialize(other, {format, yed, true}) != first);
  const auto csv1 = exports::SerializeNeo4j(actorgraph::testing::AdversarialGraph());
  const auto csv2 = exports::SerializeNeo4j(actorgraph::testing::AdversarialGraph());
  CHECK(csv1.nodes == csv2.nodes);
  CHECK(csv1.relationships == csv2.relationships);
  CHECK(exports::Serialize(other, {Format::kNeo4j, false, true}).empty());
}

TEST_CASE("Node-link JSON reads back with every value and type") {
  const auto doc = nlohmann::json::parse(Serialize(Format::kJson));
  CHECK(doc.at("directed") == true);
  CHECK(doc.at("multigraph") == true);
  CHECK(doc.at("graph").at("name") == "actorgraph \"test\" <&>");
  const auto& nodes = doc.at("nodes");
  REQUIRE(nodes.size() == 10);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& node : nodes) {
    REQUIRE(node.at("id").is_string());
    CHECK(node.size() == 19);  // id + 18 columns
    by_id[node.at("id").get<std::string>()] = node;
  }
  for (const auto& [id, label] : ExpectedLabels()) {
    CAPTURE(id);
    REQUIRE(by_id.count(id) == 1);
    CHECK(by_id[id].at("label").get<std::string>() == label);
  }
  const auto& fm = by_id["gaz:person:bayramov"];
  CHECK(fm.at("mentions").is_number_integer());
  CHECK(fm.at("mentions").get<std::int64_t>() == 9007199254740993);
  CHECK(fm.at("confidence").is_number_float());
  CHECK(fm.at("confidence").get<double>() == 1.0);
  CHECK(fm.at("betweenness").get<double>() == 0.1 + 0.2);
  CHECK(fm.at("weighted_degree").get<double>() == 1.7976931348623157e308);
  CHECK(by_id["person__20with__20space"].at("weighted_degree").get<double>() == 0.0);  // was subnormal
  CHECK(by_id["discovered:ctrl"].at("confidence").get<double>() == 2.0 / 3.0);
  CHECK(by_id["discovered:ctrl"].at("evidence") == "a" + R +
                                                       "b\xE2\x80\xA8"
                                                       "c");

  const auto& links = doc.at("links");
  REQUIRE(links.size() == 8);
  std::vector<std::string> keys;
  for (const auto& link : links) keys.push_back(link.at("key").get<std::string>());
  CHECK(keys == std::vector<std::string>{"e0", "e1", "e2", "e3", "e4", "e5", "dup__20id", "e5__2"});
  CHECK(links[2].at("source") == "discovered:ctrl");
  CHECK(links[2].at("target") == "strict");
  CHECK(links[2].at("role") == "mediator, \"acting\"");
  CHECK(links[2].at("weight").is_number_float());
  CHECK(links[2].at("weight").get<double>() == 2.0 / 3.0);
  CHECK(links[0].at("weight").is_number_float());
}

TEST_CASE("Cytoscape.js JSON reads back with data objects") {
  const auto doc = nlohmann::json::parse(Serialize(Format::kCyjs));
  CHECK(doc.at("data").at("generator") == "actorgraph 0.1.0");
  const auto& nodes = doc.at("elements").at("nodes");
  const auto& edges = doc.at("elements").at("edges");
  REQUIRE(nodes.size() == 10);
  REQUIRE(edges.size() == 8);
  for (const auto& node : nodes) {
    const auto id = node.at("data").at("id").get<std::string>();
    CHECK(node.at("data").at("label").get<std::string>() == ExpectedLabels().at(id));
  }
  CHECK(edges[6].at("data").at("id") == "dup__20id");
  CHECK(edges[6].at("data").at("source") == "x_y");
  CHECK(edges[6].at("data").at("target") == "legend__3Aperson");
  CHECK(edges[6].at("data").at("relation") == "co participant/\xC3\xBC");
}

TEST_CASE("JSON formats stay valid for an empty graph") {
  actorgraph::graph::Graph empty;
  const auto nodelink = nlohmann::json::parse(exports::Serialize(empty, {Format::kJson, false, true}));
  CHECK(nodelink.at("nodes").empty());
  CHECK(nodelink.at("links").empty());
  const auto cyjs = nlohmann::json::parse(exports::Serialize(empty, {Format::kCyjs, false, true}));
  CHECK(cyjs.at("elements").at("nodes").empty());
  CHECK(exports::Serialize(empty, {Format::kDot, false, true}).find("cluster_legend") == std::string::npos);
}

TEST_CASE("GraphML declares typed keys before the graph and data on every element") {
  const std::string xml = Serialize(Format::kGraphml);
  CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "));
  const std::size_t graph_at = xml.find("<graph ");
  REQUIRE(graph_at != std::string::npos);
  CHECK(xml.rfind("<key ") < graph_at);
  CHECK(Count(xml, "<key ") == 3 + 18 + 5);
  CHECK(Count(xml, "for=\"all\"") == 0);
  CHECK(Count(xml, "<default") == 0);
  CHECK(xml.find("<key id=\"n_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>") !=
        std::string::npos);
  CHECK(xml.find("<key id=\"n_confidence\" for=\"node\" attr.name=\"confidence\" attr.type=\"double\"/>") !=
        std::string::npos);
  CHECK(xml.find("<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>") != std::string::npos);
  CHECK(xml.find("edgedefault=\"directed\"") != std::string::npos);
  CHECK(Count(xml, "<data key=\"n_") == 10 * 18);
  CHECK(Count(xml, "<data key=\"e_") == 8 * 5);
  CHECK(Count(xml, "<data key=\"g_") == 3);
  CHECK(xml.find("<node id=\"person__20with__20space\">") != std::string::npos);
  CHECK(xml.find("<data key=\"n_label\">Jeyhun \"Ceyhun\" Bayramov &lt;FM&gt; &amp; co's \\N \\</data>") !=
        std::string::npos);
  CHECK(xml.find("<data key=\"n_mentions\">9007199254740993</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"n_betweenness\">0.30000000000000004</data>") != std::string::npos);
  CHECK(xml.find("Tabbed&#13;\nCRLF") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find("yfiles") == std::string::npos);
}

TEST_CASE("GraphML yEd flavour adds node graphics coloured by kind") {
  const std::string xml = Serialize(Format::kGraphml, true);
  CHECK(xml.find("xmlns:y=\"http://www.yworks.com/xml/graphml\"") != std::string::npos);
  CHECK(xml.find("<key id=\"d_ng\" for=\"node\" yfiles.type=\"nodegraphics\"/>") < xml.find("<graph "));
  CHECK(Count(xml, "<y:ShapeNode>") == 10);
  CHECK(Count(xml, "<y:Fill color=\"#8DB6E0\"") == 3);           // three persons
  CHECK(Count(xml, "<y:Shape type=\"roundrectangle\"/>") == 2);  // two events
  CHECK(Count(xml, "<data key=\"n_") == 10 * 18);                // typed data kept
}

TEST_CASE("DOT quotes every id, styles kinds and adds a legend on request") {
  const std::string dot = Serialize(Format::kDot);
  CHECK(dot.starts_with("digraph \"actorgraph \\\"test\\\" <&>\" {\n"));
  CHECK(dot.ends_with("}\n"));
  for (const auto& [id, label] : ExpectedLabels()) {
    CAPTURE(id);
    CHECK(dot.find("\n  \"" + id + "\" [label=") != std::string::npos);
  }
  CHECK(dot.find("\"strict\" [label=\"graph\"") != std::string::npos);
  CHECK(dot.find("[label=\"Jeyhun \\\"Ceyhun\\\" Bayramov <FM> & co's \\\\N \\\\\",") != std::string::npos);
  CHECK(dot.find("label=\"  Line one\\nLine two\tTabbed\\r\\nCRLF end  \"") != std::string::npos);
  CHECK(dot.find("\"discovered:ctrl\" -> \"strict\" [id=\"e2\", relation=\"participant_of\", "
                 "role=\"mediator, \\\"acting\\\"\", weight=\"0.6666666666666666\"") != std::string::npos);
  CHECK(dot.find("weight=\"1\"") != std::string::npos);
  CHECK(dot.find("shape=\"note\"") != std::string::npos);
  CHECK(dot.find("style=\"dashed\"") != std::string::npos);
  CHECK(Count(dot, "\" -> \"") == 8);
  // pydot 1.4 invents a node "\n" when the last statement is an edge ending in ";".
  CHECK(Count(dot, ";\n") == 0);
  CHECK(dot.find("subgraph \"cluster_legend\"") != std::string::npos);
  CHECK(Count(dot, "\"legend:") == 7);  // six known kinds and "other" (militia)
  CHECK(dot.find("\"legend:other\" [label=\"other\", shape=\"egg\"") != std::string::npos);

  const std::string plain = Serialize(Format::kDot, false, false);
  CHECK(plain.find("cluster_legend") == std::string::npos);
  CHECK(Count(plain, "\"legend:") == 0);
}

TEST_CASE("GEXF is dynamic with event start dates, static without dates") {
  const std::string xml = Serialize(Format::kGexf);
  CHECK(xml.find("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">") !=
        std::string::npos);
  CHECK(xml.find("mode=\"dynamic\" timeformat=\"date\"") != std::string::npos);
  CHECK(xml.find("id=\"event:meeting:2021-02-16:abc\" label=\"node\" start=\"2021-02-16\"") != std::string::npos);
  CHECK(xml.find("id=\"strict\" label=\"graph\" start=\"2021-02-01\"") != std::string::npos);
  CHECK(Count(xml, " start=") == 2);
  CHECK(xml.find("<attribute id=\"mentions\" title=\"mentions\" type=\"long\"/>") != std::string::npos);
  CHECK(xml.find("<attribute id=\"confidence\" title=\"confidence\" type=\"double\"/>") != std::string::npos);
  CHECK(Count(xml, "<attvalue ") == 10 * 17 + 8 * 4);
  CHECK(Count(xml, "<viz:color ") == 10);
  CHECK(xml.find("<attvalue for=\"date\" value=\"2021-02\"/>") != std::string::npos);
  CHECK(xml.find("label=\"  Line one&#10;Line two&#9;Tabbed&#13;&#10;CRLF end  \"") != std::string::npos);

  auto undated = actorgraph::testing::AdversarialGraph();
  for (auto v : boost::make_iterator_range(boost::vertices(undated))) undated[v].date.clear();
  const std::string plain = exports::Serialize(undated, {Format::kGexf, false, true});
  CHECK(plain.find("mode=\"static\"") != std::string::npos);
  CHECK(plain.find("timeformat") == std::string::npos);
  CHECK(Count(plain, " start=") == 0);
}

TEST_CASE("Neo4j CSV reads back with typed headers, labels and relationship types") {
  const auto csv = exports::SerializeNeo4j(actorgraph::testing::AdversarialGraph());
  const auto nodes = ParseCsv(csv.nodes);
  REQUIRE(nodes.size() == 11);
  CHECK(nodes[0] == std::vector<std::string>{"id:ID",
                                             ":LABEL",
                                             "label",
                                             "kind",
                                             "event_type",
                                             "date",
                                             "place",
                                             "mode",
                                             "cameo",
                                             "entity_id",
                                             "role",
                                             "country",
                                             "mentions:long",
                                             "confidence:double",
                                             "evidence",
                                             "degree:long",
                                             "weighted_degree:double",
                                             "betweenness:double",
                                             "component:long",
                                             "status"});
  std::map<std::string, std::vector<std::string>> rows;
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    REQUIRE(nodes[i].size() == nodes[0].size());
    rows[nodes[i][0]] = nodes[i];
  }
  for (const auto& [id, label] : ExpectedLabels()) {
    CAPTURE(id);
    REQUIRE(rows.count(id) == 1);
    CHECK(rows[id][2] == label);
  }
  CHECK(rows["gaz:person:bayramov"][1] == "Person");
  CHECK(rows["gaz:org:osce-minsk-group"][1] == "Organization");
  CHECK(rows["gaz:country:AZ"][1] == "Country");
  CHECK(rows["gaz:loc:tokyo"][1] == "Location");
  CHECK(rows["legend__3Aperson"][1] == "Group");
  CHECK(rows["strict"][1] == "Event");
  CHECK(rows["x_y"][1] == "Militia");
  CHECK(rows["gaz:person:bayramov"][12] == "9007199254740993");
  CHECK(rows["discovered:ctrl"][13] == "0.6666666666666666");

  const auto rels = ParseCsv(csv.relationships);
  REQUIRE(rels.size() == 9);
  CHECK(rels[0] == std::vector<std::string>{":START_ID", ":END_ID", ":TYPE", "id", "relation", "role", "weight:double",
                                            "evidence", "events"});
  CHECK(rels[1][2] == "PARTICIPANT_OF");
  CHECK(rels[4][2] == "MEMBER_OF");
  CHECK(rels[5][2] == "AFFILIATED_WITH");
  CHECK(rels[3] == std::vector<std::string>{"discovered:ctrl", "strict", "PARTICIPANT_OF", "e2", "participant_of",
                                            "mediator, \"acting\"", "0.6666666666666666", "doc1:0-15", ""});
  CHECK(rels[7][2] == "CO_PARTICIPANT__");
  CHECK(rels[8][2] == "RELATED_TO");
  CHECK(rels[8][3] == "e5__2");
  CHECK(csv.nodes.find("\r\n") != std::string::npos);
}

TEST_CASE("A gazetteer id is the exported node id in every format") {
  // REVIEW problem 4: "person:anna_berg" used to be exported as "person:anna_5Fberg".
  actorgraph::graph::Graph g;
  actorgraph::graph::Node anna;
  anna.id = "person:anna_berg";
  anna.entity_id = anna.id;
  anna.kind = "person";
  actorgraph::graph::Node az;
  az.id = "country:AZ";
  az.entity_id = az.id;
  az.kind = "country";
  const auto a = boost::add_vertex(anna, g), c = boost::add_vertex(az, g);
  actorgraph::graph::Edge e;
  e.id = "e0";
  e.relation = "affiliated_with";
  boost::add_edge(a, c, e, g);
  const auto format = GENERATE(Format::kGraphml, Format::kDot, Format::kGexf, Format::kJson, Format::kCyjs);
  exports::Options opts;
  opts.format = format;
  const std::string text = exports::Serialize(g, opts);
  CAPTURE(exports::FormatName(format));
  // As a node id, as an edge end, and as the entity_id attribute: never escaped.
  CHECK(Count(text, "\"person:anna_berg\"") >= 2);
  CHECK(Count(text, "anna_5F") + Count(text, "anna__5F") == 0);
  const exports::Neo4jCsv neo = exports::SerializeNeo4j(g);
  CHECK(Count(neo.nodes, "person:anna_berg") == 2);  // :ID and entity_id
  CHECK(Count(neo.relationships, "person:anna_berg") == 1);
  CHECK(Count(neo.nodes + neo.relationships, "anna_5F") + Count(neo.nodes + neo.relationships, "anna__5F") == 0);
}

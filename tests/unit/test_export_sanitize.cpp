// Export stage: sanitising, id mapping, number formatting and per-format escaping tables.
#include "adversarial_graph.hpp"
#include "export/internal/safe_graph.hpp"
#include "export/internal/writers.hpp"
#include "test_support.hpp"

#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>

namespace ex = actorgraph::exports::internal;
using Catch::Generators::table;

namespace {

// U+FFFD as UTF-8.
const std::string R = "\xEF\xBF\xBD";

std::string Xml(std::string_view s) {
  std::string out;
  ex::AppendXmlText(out, s);
  return out;
}
std::string XmlAttr(std::string_view s) {
  std::string out;
  ex::AppendXmlAttribute(out, s);
  return out;
}
std::string Dot(std::string_view s) {
  std::string out;
  ex::AppendDotString(out, s);
  return out;
}
std::string Json(std::string_view s) {
  std::string out;
  ex::AppendJsonString(out, s);
  return out;
}
std::string Csv(std::string_view s) {
  std::string out;
  ex::AppendCsvField(out, s);
  return out;
}

}  // namespace

TEST_CASE("SanitizeText keeps hostile but valid text and replaces what XML cannot hold") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"", ""},
      {"plain ASCII", "plain ASCII"},
      {"\" ' < > & \\", "\" ' < > & \\"},
      {"tab\tLF\nCR\r", "tab\tLF\nCR\r"},
      {"\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",
       "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"},  // RTL
      {"\xF0\x9F\x98\x80\xF0\x9D\x94\x84", "\xF0\x9F\x98\x80\xF0\x9D\x94\x84"},       // astral
      {"\xE2\x80\xAE override", "\xE2\x80\xAE override"},                             // U+202E stays
      {"\x7F\xC2\x85", "\x7F\xC2\x85"},  // DEL and C1 controls are legal XML 1.0
      {"a\x01"
       "b",
       "a" + R + "b"},                          // C0 control
      {std::string("a\0b", 3), "a" + R + "b"},  // NUL
      {"\x0B\x0C\x1F", R + R + R},
      {"x\xFFy", "x" + R + "y"},                   // invalid byte
      {"\xC3", R},                                 // truncated sequence
      {"\xED\xA0\x80", R + R + R},                 // lone surrogate U+D800: ill-formed
      {"\xC0\xAF", R + R},                         // overlong '/'
      {"\xEF\xBF\xBE|\xEF\xBF\xBF", R + "|" + R},  // U+FFFE, U+FFFF
      {"\xEF\xBF\xBD", "\xEF\xBF\xBD"},            // U+FFFD itself
      {"\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF"},    // U+10FFFF is a legal XML character
  }));
  CAPTURE(input);
  CHECK(ex::SanitizeText(input) == expected);
}

TEST_CASE("MakeSafe keeps valid ids and escapes others with node_id::FromString") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"person:anna_berg", "person:anna_berg"},  // the gazetteer id, '_' included
      {"event:meeting:2021-02-16:abc.1", "event:meeting:2021-02-16:abc.1"},
      {"a__20b", "a__20b"},  // valid, so kept: an id GraphBuilder made is not escaped twice
      {"a b", "a__20b"},
      {"\xC3\xBC", "__C3__BC"},
      {"<&\">", "__3C__26__22__3E"},
      {"", "__"},
  }));
  actorgraph::graph::Graph g;
  actorgraph::graph::Node n;
  n.id = input;
  boost::add_vertex(n, g);
  CAPTURE(input);
  CHECK(ex::MakeSafe(g).nodes.at(0).id == expected);
}

TEST_CASE("MakeSafe gives every node and edge a unique NMTOKEN id") {
  const ex::SafeGraph safe = ex::MakeSafe(actorgraph::testing::AdversarialGraph());
  std::vector<std::string> node_ids, edge_ids;
  for (const auto& n : safe.nodes) node_ids.push_back(n.id);
  for (const auto& e : safe.edges) edge_ids.push_back(e.id);
  CHECK(node_ids == std::vector<std::string>{"gaz:person:bayramov", "person__20with__20space", "discovered:ctrl",
                                             "gaz:org:osce-minsk-group", "gaz:country:AZ", "gaz:loc:tokyo",
                                             "event:meeting:2021-02-16:abc", "strict", "legend__3Aperson", "x_y"});
  CHECK(edge_ids == std::vector<std::string>{"e0", "e1", "e2", "e3", "e4", "e5", "dup__20id", "e5__2"});
}

TEST_CASE("MakeSafe resolves duplicate and empty node ids deterministically") {
  actorgraph::graph::Graph g;
  for (const char* id : {"a", "a", "", "", "a__2", "a b", "a__20b"}) {
    actorgraph::graph::Node n;
    n.id = id;
    boost::add_vertex(n, g);
  }
  const ex::SafeGraph safe = ex::MakeSafe(g);
  std::vector<std::string> ids;
  for (const auto& n : safe.nodes) ids.push_back(n.id);
  // Every first occurrence keeps its id, so the explicit "a__2" keeps it and the repeated
  // "a" takes the next free suffix; "a b" escapes to "a__20b", which the graph also names,
  // and was first.
  CHECK(ids == std::vector<std::string>{"a", "a__3", "__", "____2", "a__2", "a__20b", "a__20b__2"});
}

TEST_CASE("MakeSafe sanitises every text field and keeps values aligned with their columns") {
  const ex::SafeGraph safe = ex::MakeSafe(actorgraph::testing::AdversarialGraph());
  const auto& ctrl = safe.nodes[2];
  CHECK(ctrl.text(ex::kNodeLabel) == "Bad" + R + "byte" + R + " here " + R + " end");
  CHECK(ctrl.text(12) == "a" + R +
                             "b\xE2\x80\xA8"
                             "c");  // evidence
  for (const auto& node : safe.nodes) {
    REQUIRE(node.values.size() == ex::kNodeColumns.size());
    for (std::size_t i = 0; i < node.values.size(); ++i) {
      CAPTURE(node.id, ex::kNodeColumns[i].name);
      CHECK(node.values[i].index() == static_cast<std::size_t>(ex::kNodeColumns[i].type));
    }
  }
  for (const auto& edge : safe.edges) {
    REQUIRE(edge.values.size() == ex::kEdgeColumns.size());
    for (std::size_t i = 0; i < edge.values.size(); ++i) {
      CHECK(edge.values[i].index() == static_cast<std::size_t>(ex::kEdgeColumns[i].type));
    }
  }
}

TEST_CASE("MakeSafe writes doubles that some reader rejects as 0") {
  auto [value, expected] = GENERATE(table<double, double>({
      {0.25, 0.25},
      {2.2250738585072014e-308, 2.2250738585072014e-308},  // smallest normal: kept
      {-1.7976931348623157e308, -1.7976931348623157e308},
      {5e-324, 0.0},
      {-1e-310, 0.0},
      {std::numeric_limits<double>::quiet_NaN(), 0.0},
      {std::numeric_limits<double>::infinity(), 0.0},
      {-std::numeric_limits<double>::infinity(), 0.0},
  }));
  actorgraph::graph::Graph g;
  actorgraph::graph::Node n;
  n.id = "n";
  n.confidence = n.weighted_degree = n.betweenness = value;
  const auto v = boost::add_vertex(n, g);
  actorgraph::graph::Edge e;
  e.weight = value;
  boost::add_edge(v, v, e, g);
  const ex::SafeGraph safe = ex::MakeSafe(g);
  for (std::size_t column : {11, 14, 15}) CHECK(std::get<double>(safe.nodes[0].values[column]) == expected);
  CHECK(std::get<double>(safe.edges[0].values[ex::kEdgeWeight]) == expected);
}

TEST_CASE("FormatDouble writes the shortest form that reads back exactly") {
  auto [value, expected] = GENERATE(table<double, std::string>({
      {0.0, "0.0"},
      {1.0, "1.0"},
      {-2.0, "-2.0"},
      {0.5, "0.5"},
      {0.1, "0.1"},
      {0.1 + 0.2, "0.30000000000000004"},
      {2.0 / 3.0, "0.6666666666666666"},
      {1e-07, "1e-07"},
      {1e21, "1e+21"},
      {123456789.0, "123456789.0"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {std::numeric_limits<double>::quiet_NaN(), "0.0"},
      {std::numeric_limits<double>::infinity(), "0.0"},
  }));
  CHECK(ex::FormatDouble(value) == expected);
}

TEST_CASE("FormatDouble round-trips random doubles bit for bit") {
  std::mt19937_64 rng(20210216);
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t bits = rng();
    double value;
    std::memcpy(&value, &bits, sizeof value);
    if (!std::isfinite(value)) continue;
    for (bool suffix : {true, false}) {
      const std::string text = ex::FormatDouble(value, suffix);
      const double back = std::strtod(text.c_str(), nullptr);
      std::uint64_t back_bits;
      std::memcpy(&back_bits, &back, sizeof back);
      CAPTURE(text);
      REQUIRE(back_bits == bits);
    }
  }
}

TEST_CASE("FormatDouble without the suffix writes whole values as integers (DOT)") {
  CHECK(ex::FormatDouble(1.0, false) == "1");
  CHECK(ex::FormatDouble(0.5, false) == "0.5");
  CHECK(ex::FormatLong(9007199254740993) == "9007199254740993");
  CHECK(ex::FormatLong(std::numeric_limits<std::int64_t>::min()) == "-9223372036854775808");
}

TEST_CASE("GexfDate turns model dates into xsd:date or nothing") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"2021-02-16", "2021-02-16"},
      {"2021-02", "2021-02-01"},
      {"2021", "2021-01-01"},
      {"2020-02-29", "2020-02-29"},
      {"2021-02-29", ""},
      {"1900-02-29", ""},
      {"2000-02-29", "2000-02-29"},
      {"2021-13", ""},
      {"2021-00-10", ""},
      {"2021-04-31", ""},
      {"0000-01-01", ""},
      {"", ""},
      {"21-02-16", ""},
      {"2021/02/16", ""},
      {"2021-02-16T10:00", ""},
      {"February 2021", ""},
  }));
  CAPTURE(input);
  CHECK(ex::GexfDate(input).value_or("") == expected);
}

TEST_CASE("XML escaping keeps text and attribute values exact after parsing") {
  auto [input, text, attribute] = GENERATE(table<std::string, std::string, std::string>({
      {"a&b", "a&amp;b", "a&amp;b"},
      {"<x>", "&lt;x&gt;", "&lt;x&gt;"},
      {"]]>", "]]&gt;", "]]&gt;"},
      {"say \"hi\" 'x'", "say \"hi\" 'x'", "say &quot;hi&quot; 'x'"},
      {"t\tl\nc\r", "t\tl\nc&#13;", "t&#9;l&#10;c&#13;"},
      {"\xF0\x9F\x98\x80 \\", "\xF0\x9F\x98\x80 \\", "\xF0\x9F\x98\x80 \\"},
  }));
  CHECK(Xml(input) == text);
  CHECK(XmlAttr(input) == attribute);
}

TEST_CASE("DOT strings are always quoted with escString escapes") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"", "\"\""},
      {"node", "\"node\""},
      {"a \"b\"", "\"a \\\"b\\\"\""},
      {"trailing\\", "\"trailing\\\\\""},
      {"\\N", "\"\\\\N\""},
      {"l1\nl2\r", "\"l1\\nl2\\r\""},
      {"tab\there", "\"tab\there\""},
      {"-> { } ; = [ ]", "\"-> { } ; = [ ]\""},
  }));
  CHECK(Dot(input) == expected);
}

TEST_CASE("JSON strings escape quotes, backslashes, controls and line separators") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"", "\"\""},
      {"a\"b\\c", "\"a\\\"b\\\\c\""},
      {"\n\r\t", "\"\\n\\r\\t\""},
      {"\x01\x1F", "\"\\u0001\\u001f\""},
      {"\xE2\x80\xA8\xE2\x80\xA9", "\"\\u2028\\u2029\""},
      {"\xE2\x80\xA7", "\"\xE2\x80\xA7\""},  // U+2027 is not a line separator
      {"\xD7\xA9 \xF0\x9F\x98\x80 </script>", "\"\xD7\xA9 \xF0\x9F\x98\x80 </script>\""},
  }));
  CHECK(Json(input) == expected);
}

TEST_CASE("CSV fields follow RFC 4180") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"", ""},
      {"plain", "plain"},
      {"a,b", "\"a,b\""},
      {"say \"x\"", "\"say \"\"x\"\"\""},
      {"l1\nl2", "\"l1\nl2\""},
      {"cr\r", "\"cr\r\""},
      {" padded ", "\" padded \""},
      {"semi;colon", "semi;colon"},
      {"back\\slash", "back\\slash"},
  }));
  CHECK(Csv(input) == expected);
}

TEST_CASE("StyleOf maps kinds to styles and unknown kinds to 'other'") {
  CHECK(ex::StyleOf("person").dot_shape == "ellipse");
  CHECK(ex::StyleOf("organization").dot_shape == "box");
  CHECK(ex::StyleOf("event").dot_shape == "note");
  CHECK(ex::StyleOf("Person").kind == "other");
  CHECK(ex::StyleOf("").kind == "other");
  CHECK(ex::HexColour(ex::StyleOf("person")) == "#8DB6E0");
}

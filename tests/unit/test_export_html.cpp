// HTML export (the offline viewer): the page's graph data block read back with
// nlohmann::json, and the escaping that keeps hostile names and sentences from closing the
// <script> element or the <title>. The page in a real browser: tests/e2e/html_viewer.py.
#include "adversarial_graph.hpp"
#include "export/export.hpp"
#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <map>

namespace exports = actorgraph::exports;
using exports::Format;

namespace {

constexpr std::string_view kOpen = "<script type=\"application/json\" id=\"actorgraph-data\">";

// The hostile sentences: markup that would end the data element or open a comment, a
// second "</SCRIPT >" in upper case, quotes, U+2028, an astral emoji and Hebrew; a document
// id with quotes and markup, Arabic text.
actorgraph::graph::Graph GraphWithSentences() {
  auto g = actorgraph::testing::AdversarialGraph();
  g[0].sentences = {
      {"doc1", 0, 15, 0, "</script><script>alert(1)</script> <!-- & \"q\" 'a' \xE2\x80\xA8 end"},
      {"doc1", 40, 55, 30, "x < y && y > z: </SCRIPT > \xF0\x9F\x98\x80 \xD7\xA7\xD7\x91\xD7\x95\xD7\xA6\xD7\xAA"},
  };
  g[3].sentences = {{"doc \"2\" <b>", 5, 9, 0, "\xD9\x85\xD8\xAC \xD9\x85\xD9\x88\xD8\xB9\xD8\xA9 OSCE"}};
  return g;
}

std::string Page(const actorgraph::graph::Graph& g) { return exports::Serialize(g, {Format::kHtml, false, true}); }

// The raw text of the data element (between its start tag and the next "</script>").
std::string DataText(const std::string& page) {
  const std::size_t open = page.find(kOpen);
  REQUIRE(open != std::string::npos);
  const std::size_t from = open + kOpen.size();
  const std::size_t close = page.find("</script>", from);
  REQUIRE(close != std::string::npos);
  return page.substr(from, close - from);
}

std::size_t CountInsensitive(std::string_view haystack, std::string_view needle) {
  std::string lower(haystack);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  std::size_t n = 0;
  for (std::size_t pos = lower.find(needle); pos != std::string::npos; pos = lower.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("HTML data block parses as JSON with every node, edge and label") {
  const std::string page = Page(actorgraph::testing::AdversarialGraph());
  const auto doc = nlohmann::json::parse(DataText(page));
  CHECK(doc.at("graph").at("name") == "actorgraph \"test\" <&>");
  const auto& nodes = doc.at("nodes");
  const auto& edges = doc.at("edges");
  REQUIRE(nodes.size() == 10);
  REQUIRE(edges.size() == 8);
  std::map<std::string, std::string> labels;
  for (const auto& n : nodes) labels[n.at("id").get<std::string>()] = n.at("label").get<std::string>();
  // Written out, as in test_export_formats.cpp: markup and ampersand, right-to-left Arabic
  // and Hebrew, astral-plane flag, emoji and mathematical letter.
  CHECK(labels.at("gaz:person:bayramov") == "Jeyhun \"Ceyhun\" Bayramov <FM> & co's \\N \\");
  CHECK(labels.at("gaz:org:osce-minsk-group") ==
        "OSCE Minsk Group \xE2\x80\x94 \xD9\x85\xD8\xAC\xD9\x85\xD9\x88\xD8\xB9\xD8\xA9 "
        "\xD9\x85\xD9\x8A\xD9\x86\xD8\xB3\xD9\x83 / \xD7\xA7\xD7\x91\xD7\x95\xD7\xA6\xD7\xAA "
        "\xD7\x9E\xD7\x99\xD7\xA0\xD7\xA1\xD7\xA7");
  CHECK(labels.at("gaz:country:AZ") == "Azerbaijan \xF0\x9F\x87\xA6\xF0\x9F\x87\xBF \xF0\x9F\x98\x80 \xF0\x9D\x94\x84");
  CHECK(labels.at("discovered:ctrl") ==
        "Bad\xEF\xBF\xBD"
        "byte\xEF\xBF\xBD here \xEF\xBF\xBD end");
  // Typed values and node indices for edge ends.
  CHECK(nodes[0].at("mentions").is_number_integer());
  CHECK(nodes[0].at("mentions").get<std::int64_t>() == 9007199254740993);
  CHECK(nodes[0].at("betweenness").get<double>() == 0.1 + 0.2);
  CHECK(edges[2].at("id") == "e2");
  CHECK(edges[2].at("source") == 2);
  CHECK(edges[2].at("target") == 7);
  CHECK(edges[2].at("weight").get<double>() == 2.0 / 3.0);
  CHECK(edges[6].at("id") == "dup__20id");
  CHECK(doc.at("nodeColumns").size() == 18);
  for (const auto& n : nodes) CHECK(n.at("sentences").empty());
}

TEST_CASE("HTML data block has no raw < > & and keeps sentences exact") {
  const std::string page = Page(GraphWithSentences());
  const std::string data = DataText(page);
  CHECK(data.find('<') == std::string::npos);
  CHECK(data.find('>') == std::string::npos);
  CHECK(data.find('&') == std::string::npos);
  CHECK(data.find("\\u003c/script\\u003e") != std::string::npos);  // positive control: it is there, escaped
  CHECK(data.find("\xE2\x80\xA8") == std::string::npos);           // U+2028 raw would end a JS line
  CHECK(data.find("\\u2028") != std::string::npos);
  // Astral and right-to-left characters stay raw UTF-8 (valid in JSON and HTML).
  CHECK(data.find("\xF0\x9F\x98\x80") != std::string::npos);
  CHECK(data.find("\xD7\xA7\xD7\x91\xD7\x95\xD7\xA6\xD7\xAA") != std::string::npos);
  // Three script elements (data, D3, viewer): the hostile "</script>" and "</SCRIPT >"
  // closed none of them early.
  CHECK(CountInsensitive(page, "<script") == 3);
  CHECK(CountInsensitive(page, "</script") == 3);
  CHECK(page.find("alert(1)") == page.rfind("alert(1)"));  // once, inside the data

  const auto doc = nlohmann::json::parse(data);
  const auto& s0 = doc.at("nodes")[0].at("sentences");
  REQUIRE(s0.size() == 2);
  CHECK(s0[0].at("doc") == "doc1");
  CHECK(s0[0].at("start") == 0);
  CHECK(s0[0].at("end") == 15);
  CHECK(s0[0].at("before") == "");
  CHECK(s0[0].at("mention") == "</script><scrip");
  CHECK(s0[0].at("after") == "t>alert(1)</script> <!-- & \"q\" 'a' \xE2\x80\xA8 end");
  // The second sentence starts at byte 30 of doc1, the mention is bytes 40-55.
  CHECK(s0[1].at("before") == "x < y && y");
  CHECK(s0[1].at("mention") == " > z: </SCRIPT ");
  CHECK(s0[1].at("after") == "> \xF0\x9F\x98\x80 \xD7\xA7\xD7\x91\xD7\x95\xD7\xA6\xD7\xAA");
  const auto& s3 = doc.at("nodes")[3].at("sentences");
  REQUIRE(s3.size() == 1);
  CHECK(s3[0].at("doc") == "doc \"2\" <b>");
  CHECK(s3[0].at("before") == "\xD9\x85\xD8\xAC ");
  CHECK(s3[0].at("mention") == "\xD9\x85\xD9\x88");  // bytes 5-9: two Arabic letters
  CHECK(s3[0].at("after") == "\xD8\xB9\xD8\xA9 OSCE");
}

TEST_CASE("HTML title and generator are escaped as markup") {
  const std::string page = Page(actorgraph::testing::AdversarialGraph());
  CHECK(page.find("<title>actorgraph \"test\" &lt;&amp;&gt;</title>") != std::string::npos);
  CHECK(page.find("<meta name=\"generator\" content=\"actorgraph 0.1.0\">") != std::string::npos);
  CHECK(page.find("<&>") == std::string::npos);
  CHECK(page.find("@@") == std::string::npos);  // every template marker filled
  CHECK(page.rfind("</html>") != std::string::npos);
}

TEST_CASE("HTML export is deterministic and valid for an empty graph") {
  const auto g = GraphWithSentences();
  CHECK(Page(g) == Page(g));
  auto other = g;
  other[3].sentences[0].text += "!";
  CHECK(Page(other) != Page(g));
  actorgraph::graph::Graph empty;
  const auto doc = nlohmann::json::parse(DataText(Page(empty)));
  CHECK(doc.at("nodes").empty());
  CHECK(doc.at("edges").empty());
  CHECK(Page(empty).find("<title>actorgraph</title>") != std::string::npos);
}

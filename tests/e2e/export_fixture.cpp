// Writes the adversarial test graph (tests/fixtures/export/adversarial_graph.hpp) in every
// export format into FOLDER, for tests/e2e/export_check.py to load with real readers:
//   graph.graphml  graph-yed.graphml  graph.dot  graph-nolegend.dot  graph.gexf
//   graph.json  graph.cyjs  neo4j/nodes.csv  neo4j/relationships.csv  graph.svg (if dot runs)
//   graph.html (the viewer, with hostile evidence sentences added: see below)
// Usage: export_fixture FOLDER   (exit 0 on success, 3 on a write error)
#include "adversarial_graph.hpp"
#include "export/export.hpp"

#include <cstdio>
#include <string>

namespace {

int Fail(const actorgraph::Status& status) {
  std::fprintf(stderr, "export_fixture: %s\n", status.message().c_str());
  return status.exit_code();
}

}  // namespace

int main(int argc, char** argv) {
  using actorgraph::exports::Format;
  using actorgraph::exports::Options;
  if (argc != 2) {
    std::fprintf(stderr, "usage: export_fixture FOLDER\n");
    return 2;
  }
  const std::string folder = argv[1];
  const actorgraph::graph::Graph g = actorgraph::testing::AdversarialGraph();
  struct Output {
    std::string name;
    Options options;
  };
  const Output outputs[] = {
      {"graph.graphml", {Format::kGraphml, false, true}}, {"graph-yed.graphml", {Format::kGraphml, true, true}},
      {"graph.dot", {Format::kDot, false, true}},         {"graph-nolegend.dot", {Format::kDot, false, false}},
      {"graph.gexf", {Format::kGexf, false, true}},       {"graph.json", {Format::kJson, false, true}},
      {"graph.cyjs", {Format::kCyjs, false, true}},       {"neo4j", {Format::kNeo4j, false, true}},
  };
  for (const Output& out : outputs) {
    const actorgraph::Status status = actorgraph::exports::WriteGraph(g, out.options, folder + "/" + out.name);
    if (!status.ok()) return Fail(status);
  }
  // The viewer also shows evidence sentences: hostile ones on the first node (the span is
  // doc1:0-15 and doc1:40-55 of its evidence) and on the organisation (right-to-left text).
  actorgraph::graph::Graph h = g;
  h[0].sentences = {
      {"doc1", 0, 15, 0, "</script><script>alert(1)</script> <!-- & \"q\" 'a' \xE2\x80\xA8 end"},
      {"doc1", 40, 55, 30, "x < y && y > z: </SCRIPT > \xF0\x9F\x98\x80 \xD7\xA7\xD7\x91\xD7\x95\xD7\xA6\xD7\xAA"},
  };
  h[3].sentences = {{"doc \"2\" <b>", 5, 9, 0, "\xD9\x85\xD8\xAC \xD9\x85\xD9\x88\xD8\xB9\xD8\xA9 OSCE"}};
  const actorgraph::Status html =
      actorgraph::exports::WriteGraph(h, {Format::kHtml, false, true}, folder + "/graph.html");
  if (!html.ok()) return Fail(html);
  const actorgraph::Status rendered =
      actorgraph::exports::RenderDot(folder + "/graph.dot", folder + "/graph.svg", "svg");
  if (!rendered.ok()) std::fprintf(stderr, "export_fixture: %s\n", rendered.message().c_str());
  return 0;
}

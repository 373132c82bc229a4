// Export stage: atomic writes (success, missing folder, /dev/full, Neo4j folders) and
// Graphviz rendering (success, bad input, dot missing from PATH).
#include "adversarial_graph.hpp"
#include "export/export.hpp"
#include "export/internal/writers.hpp"
#include "test_support.hpp"

#include <cstdlib>
#include <filesystem>

namespace exports = actorgraph::exports;
namespace fs = std::filesystem;
using actorgraph::ErrorCode;
using exports::Format;

namespace {

std::vector<std::string> Listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

bool DotInstalled() {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "";
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const fs::path dir(std::string(rest.substr(0, colon)));
    if (::access((dir / "dot").c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return false;
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value, 1);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("WriteGraph writes exactly what Serialize returns, and nothing else") {
  const auto dir = actorgraph::testing::TempDir("export-write");
  const auto g = actorgraph::testing::AdversarialGraph();
  const auto format = GENERATE(Format::kGraphml, Format::kDot, Format::kGexf, Format::kJson, Format::kCyjs);
  const exports::Options opts{format, false, true};
  const fs::path path = dir / ("graph." + std::string(exports::FormatName(format)));
  REQUIRE(exports::WriteGraph(g, opts, path.string()).ok());
  CHECK(actorgraph::testing::ReadFile(path) == exports::Serialize(g, opts));
  // Overwriting replaces the file in place and leaves no temporary behind.
  REQUIRE(exports::WriteGraph(g, opts, path.string()).ok());
  CHECK(Listing(dir) == std::vector<std::string>{path.filename().string()});
  fs::remove_all(dir);
}

TEST_CASE("Sink hands its text to the file in pieces of about a megabyte, losing nothing") {
  using actorgraph::exports::internal::Sink;
  const auto dir = actorgraph::testing::TempDir("export-sink");
  const fs::path path = dir / "out.txt";
  actorgraph::OutputFile file;
  REQUIRE(file.Open(path.string()).ok());
  Sink sink{.text = {}, .file = &file};
  std::string expected;
  const std::string element(1000, 'e');
  for (int i = 0; i < 3000; ++i) {  // 3 MB written as 1 KB elements
    const std::string piece = std::to_string(i) + element + "\n";
    sink.text += piece;
    expected += piece;
    sink.Flush();
    CHECK(sink.text.size() < Sink::kFlushBytes);  // never holds more than a megabyte
  }
  sink.Finish();
  CHECK(sink.text.empty());
  REQUIRE(file.Commit().ok());
  CHECK(actorgraph::testing::ReadFile(path) == expected);
  fs::remove_all(dir);
}

TEST_CASE("WriteGraph streams a large graph in pieces that join into what Serialize returns") {
  // WriteGraph hands the text to the file a megabyte at a time, between nodes and edges:
  // a graph of several megabytes in every format crosses that boundary many times.
  auto g = actorgraph::testing::AdversarialGraph();
  const auto first_new = boost::num_vertices(g);
  for (int i = 0; i < 6000; ++i) {
    actorgraph::graph::Node n;
    n.id = "bulk:" + std::to_string(i);
    n.label = "Bulk node " + std::to_string(i) + " <&> \"quoted\" " + std::string(200, 'x');
    n.kind = i % 2 ? "person" : "location";
    n.evidence = "doc" + std::to_string(i) + ":0-10";
    n.mentions = i;
    const auto v = boost::add_vertex(n, g);
    if (v > first_new) {
      actorgraph::graph::Edge e;
      e.id = "bulk-edge:" + std::to_string(i);
      e.relation = "met";
      e.weight = 0.5 + i;
      boost::add_edge(v - 1, v, e, g);
    }
  }
  const auto dir = actorgraph::testing::TempDir("export-stream");
  const auto format = GENERATE(Format::kGraphml, Format::kDot, Format::kGexf, Format::kJson, Format::kCyjs);
  const exports::Options opts{format, false, true};
  const fs::path path = dir / ("graph." + std::string(exports::FormatName(format)));
  REQUIRE(exports::WriteGraph(g, opts, path.string()).ok());
  const std::string whole = exports::Serialize(g, opts);
  CHECK(whole.size() > 3u << 20);
  CHECK(actorgraph::testing::ReadFile(path) == whole);
  SECTION("neo4j") {
    const fs::path folder = dir / "neo4j";
    REQUIRE(exports::WriteGraph(g, {Format::kNeo4j, false, true}, folder.string()).ok());
    const auto csv = exports::SerializeNeo4j(g);
    CHECK(csv.nodes.size() > 1u << 20);
    CHECK(actorgraph::testing::ReadFile(folder / "nodes.csv") == csv.nodes);
    CHECK(actorgraph::testing::ReadFile(folder / "relationships.csv") == csv.relationships);
  }
  fs::remove_all(dir);
}

TEST_CASE("WriteGraph into a missing folder fails with an I/O status naming the path") {
  const auto dir = actorgraph::testing::TempDir("export-missing");
  const std::string path = (dir / "no-such-folder" / "graph.graphml").string();
  const auto status = exports::WriteGraph(actorgraph::testing::AdversarialGraph(), {}, path);
  CHECK(status.code() == ErrorCode::kIo);
  CHECK(status.exit_code() == 3);
  CHECK_THAT(status.message(), Catch::Contains(path));
  CHECK(Listing(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("WriteGraph to /dev/full fails with an I/O status naming the path") {
  if (!fs::exists("/dev/full")) {
    WARN("no /dev/full on this system: skipped");
    return;
  }
  const auto format = GENERATE(Format::kGraphml, Format::kJson);
  const auto status = exports::WriteGraph(actorgraph::testing::AdversarialGraph(), {format, false, true}, "/dev/full");
  CHECK(status.code() == ErrorCode::kIo);
  CHECK_THAT(status.message(), Catch::Contains("/dev/full"));
}

TEST_CASE("WriteGraph for Neo4j creates the folder with both CSV files") {
  const auto dir = actorgraph::testing::TempDir("export-neo4j");
  const auto g = actorgraph::testing::AdversarialGraph();
  const exports::Options opts{Format::kNeo4j, false, true};
  const fs::path folder = dir / "neo4j";
  REQUIRE(exports::WriteGraph(g, opts, folder.string()).ok());
  CHECK(Listing(folder) == std::vector<std::string>{"nodes.csv", "relationships.csv"});
  const auto csv = exports::SerializeNeo4j(g);
  CHECK(actorgraph::testing::ReadFile(folder / "nodes.csv") == csv.nodes);
  CHECK(actorgraph::testing::ReadFile(folder / "relationships.csv") == csv.relationships);
  // An existing folder is reused.
  REQUIRE(exports::WriteGraph(g, opts, folder.string()).ok());
  CHECK(Listing(folder) == std::vector<std::string>{"nodes.csv", "relationships.csv"});

  SECTION("a folder whose parent is missing") {
    const std::string path = (dir / "missing" / "neo4j").string();
    const auto status = exports::WriteGraph(g, opts, path);
    CHECK(status.code() == ErrorCode::kIo);
    CHECK_THAT(status.message(), Catch::Contains(path));
    CHECK_FALSE(fs::exists(dir / "missing"));
  }
  SECTION("a path that is a file") {
    const fs::path file = dir / "file";
    actorgraph::testing::WriteFile(file, "x");
    const auto status = exports::WriteGraph(g, opts, file.string());
    CHECK(status.code() == ErrorCode::kIo);
    CHECK_THAT(status.message(), Catch::Contains(file.string()));
    CHECK(actorgraph::testing::ReadFile(file) == "x");
  }
  SECTION("standard output") { CHECK(exports::WriteGraph(g, opts, "-").code() == ErrorCode::kBadUsage); }
  fs::remove_all(dir);
}

TEST_CASE("RenderDot renders through Graphviz and reports failures") {
  const auto dir = actorgraph::testing::TempDir("export-render");
  const fs::path dot = dir / "graph.dot";
  const fs::path svg = dir / "graph.svg";
  REQUIRE(exports::WriteGraph(actorgraph::testing::AdversarialGraph(), {Format::kDot, false, true}, dot.string()).ok());

  SECTION("a malformed output format is a usage error") {
    CHECK(exports::RenderDot(dot.string(), svg.string(), "svg; rm -rf /").code() == ErrorCode::kBadUsage);
    CHECK(exports::RenderDot(dot.string(), svg.string(), "").code() == ErrorCode::kBadUsage);
    CHECK_FALSE(fs::exists(svg));
  }
  SECTION("dot missing from PATH") {
    const ScopedEnv path("PATH", "/nonexistent-actorgraph-test");
    const auto status = exports::RenderDot(dot.string(), svg.string(), "svg");
    CHECK(status.code() == ErrorCode::kIo);
    CHECK_THAT(status.message(), Catch::Contains("'dot' was not found"));
    CHECK_THAT(status.message(), Catch::Contains(dot.string()));
    CHECK(Listing(dir) == std::vector<std::string>{"graph.dot"});
  }
  SECTION("a missing input file") {
    const auto status = exports::RenderDot((dir / "nope.dot").string(), svg.string(), "svg");
    CHECK(status.code() == ErrorCode::kIo);
    CHECK_THAT(status.message(), Catch::Contains("nope.dot"));
  }
  if (!DotInstalled()) {
    WARN("Graphviz dot not installed (Debian package graphviz): rendering checks skipped");
  } else {
    SECTION("a valid graph renders to SVG") {
      REQUIRE(exports::RenderDot(dot.string(), svg.string(), "svg").ok());
      const std::string out = actorgraph::testing::ReadFile(svg);
      CHECK(out.find("<svg") != std::string::npos);
      CHECK(out.find("Azerbaijan") != std::string::npos);
      CHECK(Listing(dir) == std::vector<std::string>{"graph.dot", "graph.svg"});
    }
    SECTION("broken DOT fails with dot's message and leaves no output") {
      actorgraph::testing::WriteFile(dot, "digraph { \"a\" -> }\n");
      const auto status = exports::RenderDot(dot.string(), svg.string(), "svg");
      CHECK(status.code() == ErrorCode::kIo);
      CHECK_THAT(status.message(), Catch::Contains("failed"));
      CHECK_THAT(status.message(), Catch::Contains("syntax error"));
      CHECK(Listing(dir) == std::vector<std::string>{"graph.dot"});
    }
    SECTION("an unknown Graphviz format fails") {
      const auto status = exports::RenderDot(dot.string(), (dir / "x.out").string(), "nosuchformat");
      CHECK(status.code() == ErrorCode::kIo);
      CHECK(Listing(dir) == std::vector<std::string>{"graph.dot"});
    }
  }
  fs::remove_all(dir);
}

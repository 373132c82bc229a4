// Graph stage: GraphBuilder::Build on hand-made mentions and events, and ComputeMetrics on
// small graphs whose degrees, betweenness and components are known by hand.
#include "graph/build.hpp"

#include <catch2/catch.hpp>

#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace graph = actorgraph::graph;
namespace gazetteer = actorgraph::gazetteer;
namespace events = actorgraph::events;
namespace mentions = actorgraph::mentions;

namespace {

constexpr const char* kGazetteer = R"(
{"id":"country:AZ","kind":"country","name":"Azerbaijan","adjectives":["Azerbaijani"],"code":"AZ"}
{"id":"org:osce","kind":"organization","name":"OSCE"}
{"id":"person:anna_berg","kind":"person","name":"Anna Berg","country":"AZ","member_of":["org:osce"]}
{"id":"person:bo-lind","kind":"person","name":"Bo Lind"}
)";

const gazetteer::Gazetteer& Gaz() {
  static const gazetteer::Gazetteer gaz = [] {
    gazetteer::Gazetteer g;
    REQUIRE(g.LoadString(kGazetteer, "inline").ok());
    g.Compile();
    return g;
  }();
  return gaz;
}

mentions::Mention Mention(const std::string& id, std::uint32_t start, std::uint32_t end,
                          mentions::MentionSource resolved_by = mentions::MentionSource::kExact) {
  mentions::Mention m;
  m.start = start;
  m.end = end;
  m.entity_id = id;
  m.resolved_by = resolved_by;
  if (const auto index = Gaz().Find(id)) {
    const auto& e = Gaz().entity(*index);
    m.entity = *index;
    m.name = e.name;
    m.kind = e.kind;
    m.country = e.kind == gazetteer::Kind::kCountry ? e.code : e.country;
  } else {
    m.name = id.substr(id.find(':') + 1);
    m.kind = gazetteer::Kind::kPerson;
    m.resolved_by = mentions::MentionSource::kDiscovered;
    m.confidence = 0.5;
  }
  return m;
}

events::Participant Participant(const std::string& id, const std::string& name) {
  events::Participant p;
  p.entity_id = id;
  p.name = name;
  p.kind = "person";
  p.role = "participant";
  return p;
}

// An event of `type` (class `cls`) on `date` between participants given sorted by id.
events::Event Event(const std::string& type, const std::string& cls, const std::string& date,
                    std::vector<events::Participant> participants, const std::string& doc, std::uint32_t start) {
  events::Event e;
  e.type = type;
  e.event_class = cls;
  e.date = date;
  e.participants = std::move(participants);
  e.evidence.push_back({doc, start, start + 10});
  events::AssignId(&e);
  return e;
}

std::map<std::string, graph::Node> NodesById(const graph::Graph& g) {
  std::map<std::string, graph::Node> out;
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) out[g[v].id] = g[v];
  return out;
}

// (source id, target id, relation) -> edge, for every edge.
std::map<std::tuple<std::string, std::string, std::string>, graph::Edge> EdgesByEnds(const graph::Graph& g) {
  std::map<std::tuple<std::string, std::string, std::string>, graph::Edge> out;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    out[{g[boost::source(e, g)].id, g[boost::target(e, g)].id, g[e].relation}] = g[e];
  }
  return out;
}

graph::Vertex AddNode(graph::Graph& g, const std::string& id) {
  graph::Node n;
  n.id = id;
  return boost::add_vertex(n, g);
}

void AddEdge(graph::Graph& g, graph::Vertex s, graph::Vertex t, double weight = 1.0) {
  graph::Edge e;
  e.weight = weight;
  boost::add_edge(s, t, e, g);
}

}  // namespace

TEST_CASE("ComputeMetrics on a path of three and an isolated vertex") {
  graph::Graph g;
  const auto a = AddNode(g, "a"), b = AddNode(g, "b"), c = AddNode(g, "c"), d = AddNode(g, "d");
  AddEdge(g, a, b, 2.0);
  AddEdge(g, c, b, 3.0);  // direction does not matter: metrics use the undirected view
  graph::ComputeMetrics(g);
  CHECK(g[a].degree == 1);
  CHECK(g[b].degree == 2);
  CHECK(g[c].degree == 1);
  CHECK(g[d].degree == 0);
  CHECK(g[b].weighted_degree == 5.0);
  CHECK(g[a].weighted_degree == 2.0);
  CHECK(g[b].betweenness == 1.0);  // the one shortest path a-c runs through b
  CHECK(g[a].betweenness == 0.0);
  CHECK(g[c].betweenness == 0.0);
  CHECK(g[d].betweenness == 0.0);
  CHECK(g[a].component == g[b].component);
  CHECK(g[b].component == g[c].component);
  CHECK(g[d].component != g[a].component);
}

TEST_CASE("ComputeMetrics: betweenness on a star, a cycle and two components") {
  graph::Graph g;
  // Star: hub h with leaves l1..l4: every pair of leaves (6) has its one shortest path via h.
  const auto h = AddNode(g, "h");
  std::vector<graph::Vertex> leaves;
  for (int i = 1; i <= 4; ++i) {
    leaves.push_back(AddNode(g, "l" + std::to_string(i)));
    AddEdge(g, h, leaves.back());
  }
  // 4-cycle w-x-y-z-w: each opposite pair has two shortest paths, so each vertex gets 1/2.
  const auto w = AddNode(g, "w"), x = AddNode(g, "x"), y = AddNode(g, "y"), z = AddNode(g, "z");
  AddEdge(g, w, x);
  AddEdge(g, x, y);
  AddEdge(g, y, z);
  AddEdge(g, z, w);
  // A parallel edge counts in the degree but adds no second shortest path.
  AddEdge(g, w, x);
  graph::ComputeMetrics(g);
  CHECK(g[h].betweenness == 6.0);
  CHECK(g[h].degree == 4);
  for (const auto l : leaves) CHECK(g[l].betweenness == 0.0);
  for (const auto v : {w, x, y, z}) CHECK(g[v].betweenness == Approx(0.5));
  CHECK(g[w].degree == 3);
  CHECK(g[h].component != g[w].component);
  CHECK(g[leaves[0]].component == g[h].component);
  CHECK(g[y].component == g[w].component);
}

TEST_CASE("ComputeMetrics: betweenness on a multigraph equals that of its simple graph") {
  // The same random graph twice: once with every edge repeated up to 30 times in either
  // direction and self-loops added, once simple. Betweenness must be equal vertex by vertex.
  graph::Graph multi, simple;
  constexpr int kVertices = 40;
  for (int i = 0; i < kVertices; ++i) {
    AddNode(multi, "v" + std::to_string(i));
    AddNode(simple, "v" + std::to_string(i));
  }
  std::uint32_t state = 12345;
  const auto next = [&state] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
  for (int k = 0; k < 90; ++k) {
    const auto s = static_cast<graph::Vertex>(next() % kVertices), t = static_cast<graph::Vertex>(next() % kVertices);
    if (s == t) continue;
    if (!boost::edge(s, t, simple).second && !boost::edge(t, s, simple).second) AddEdge(simple, s, t);
    const unsigned copies = 1 + next() % 30;
    for (unsigned c = 0; c < copies; ++c) AddEdge(multi, c % 2 ? t : s, c % 2 ? s : t);
    AddEdge(multi, s, s);
  }
  graph::ComputeMetrics(multi);
  graph::ComputeMetrics(simple);
  double total = 0;
  for (graph::Vertex v = 0; v < kVertices; ++v) {
    CHECK(multi[v].betweenness == Approx(simple[v].betweenness));
    CHECK(multi[v].component == simple[v].component);
    total += simple[v].betweenness;
  }
  CHECK(total > 0);  // positive control: the graph has paths through vertices
}

TEST_CASE("ComputeMetrics: --metrics degree and none, and the betweenness bound") {
  graph::Graph g;
  const auto a = AddNode(g, "a"), b = AddNode(g, "b"), c = AddNode(g, "c");
  AddEdge(g, a, b);
  AddEdge(g, b, c);
  graph::Graph degree_only = g, none = g, bounded = g, unbounded = g;
  graph::MetricsOptions options;
  options.level = graph::MetricsOptions::Level::kDegree;
  graph::ComputeMetrics(degree_only, options);
  CHECK(degree_only[b].degree == 2);
  CHECK(degree_only[b].betweenness == 0.0);
  CHECK(degree_only[a].component == degree_only[c].component);
  options.level = graph::MetricsOptions::Level::kNone;
  graph::ComputeMetrics(none, options);
  CHECK(none[b].degree == 0);
  // The component has 3 vertices and 2 edges: 6 units of work.
  options.level = graph::MetricsOptions::Level::kAll;
  options.max_betweenness_work = 5;
  std::vector<std::string> warnings;
  graph::ComputeMetrics(bounded, options, &warnings);
  CHECK(bounded[b].betweenness == 0.0);
  CHECK(bounded[b].degree == 2);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("3 vertices, 2 edges: 6 units of work") != std::string::npos);
  options.max_betweenness_work = 6;
  warnings.clear();
  graph::ComputeMetrics(unbounded, options, &warnings);
  CHECK(unbounded[b].betweenness == 1.0);
  CHECK(warnings.empty());
  CHECK(graph::ParseMetricsLevel("degree") == graph::MetricsOptions::Level::kDegree);
  CHECK(!graph::ParseMetricsLevel("some"));
}

TEST_CASE("ComputeMetrics on an empty graph") {
  graph::Graph g;
  graph::ComputeMetrics(g);
  CHECK(boost::num_vertices(g) == 0);
}

TEST_CASE("GraphBuilder builds actors, events, memberships and affiliations") {
  graph::GraphBuilder builder(Gaz());
  builder.AddMentions("d1", "2021-02-16",
                      {Mention("person:anna_berg", 0, 9), Mention("person:bo-lind", 14, 21),
                       Mention("country:AZ", 30, 41, mentions::MentionSource::kAdjective),  // describes, does not name
                       Mention("person:anna_berg", 50, 59), Mention("discovered:carl-ek", 70, 77)});
  builder.AddEvents(
      {Event("meeting", "meet", "2021-02-16",
             {Participant("person:anna_berg", "Anna Berg"), Participant("person:bo-lind", "Bo Lind")}, "d1", 0)});
  graph::BuildOptions options;
  options.generator = "test";
  const graph::Graph g = builder.Build(options);
  REQUIRE(builder.merged_events().size() == 1);
  const std::string event_id = builder.merged_events()[0].id;

  // anna, bo, carl (mentioned only), org:osce (anna's membership), country:AZ (her
  // affiliation; not from the adjective mention), and the event.
  CHECK(boost::num_vertices(g) == 6);
  CHECK(boost::num_edges(g) == 4);
  auto nodes = NodesById(g);
  REQUIRE(nodes.count("person:anna_berg") == 1);  // the gazetteer id is the node id
  REQUIRE(nodes.count(event_id) == 1);
  const graph::Node& anna = nodes["person:anna_berg"];
  CHECK(anna.entity_id == "person:anna_berg");
  CHECK(anna.label == "Anna Berg");
  CHECK(anna.kind == "person");
  CHECK(anna.country == "AZ");
  CHECK(anna.mentions == 2);
  CHECK(anna.evidence == "d1:0-9;d1:50-59");
  CHECK(anna.degree == 3);
  CHECK(nodes["person:bo-lind"].degree == 1);
  CHECK(nodes["discovered:carl-ek"].degree == 0);
  CHECK(nodes["discovered:carl-ek"].confidence == 0.5);
  CHECK(nodes["country:AZ"].mentions == 0);
  CHECK(nodes["org:osce"].kind == "organization");
  const graph::Node& event = nodes[event_id];
  CHECK(event.kind == "event");
  CHECK(event.event_type == "meeting");
  CHECK(event.date == "2021-02-16");
  CHECK(event.degree == 2);
  CHECK(event.label == "meeting 2021-02-16: Anna Berg, Bo Lind");
  // Betweenness over bo - event - anna - {org:osce, country:AZ}: the pairs through anna are
  // (event|bo) x (osce|AZ) and osce-AZ, the ones through the event are bo x (anna|osce|AZ).
  CHECK(anna.betweenness == 5.0);
  CHECK(event.betweenness == 3.0);
  CHECK(nodes["person:bo-lind"].betweenness == 0.0);
  CHECK(nodes["discovered:carl-ek"].component != anna.component);
  CHECK(event.component == anna.component);

  auto edges = EdgesByEnds(g);
  CHECK(edges.count({"person:anna_berg", event_id, "participant_of"}) == 1);
  CHECK(edges.count({"person:bo-lind", event_id, "participant_of"}) == 1);
  CHECK(edges.count({"person:anna_berg", "org:osce", "member_of"}) == 1);
  CHECK(edges.count({"person:anna_berg", "country:AZ", "affiliated_with"}) == 1);
  CHECK(edges[{"person:anna_berg", event_id, "participant_of"}].role == "participant");
  std::vector<std::string> ids;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) ids.push_back(g[e].id);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"e0", "e1", "e2", "e3"});
  CHECK(g[boost::graph_bundle].generator == "test");
  CHECK(g[boost::graph_bundle].projection.empty());
}

TEST_CASE("GraphBuilder without mentioned-only actors") {
  graph::GraphBuilder builder(Gaz());
  builder.AddMentions("d1", "2021-02-16", {Mention("discovered:carl-ek", 70, 77), Mention("person:bo-lind", 0, 7)});
  builder.AddEvents(
      {Event("meeting", "meet", "2021-02-16",
             {Participant("person:anna_berg", "Anna Berg"), Participant("person:bo-lind", "Bo Lind")}, "d1", 0)});
  graph::BuildOptions options;
  options.mentioned_actors = false;
  const graph::Graph g = builder.Build(options);
  auto nodes = NodesById(g);
  CHECK(nodes.count("discovered:carl-ek") == 0);
  CHECK(nodes.count("person:bo-lind") == 1);
  CHECK(nodes["person:bo-lind"].mentions == 1);
  // anna, bo, the event, and anna's gazetteer membership; no country: an actor's country
  // comes from its mentions and participants (these carry none), not from the gazetteer.
  CHECK(boost::num_vertices(g) == 4);
  CHECK(nodes.count("org:osce") == 1);
  CHECK(nodes.count("country:AZ") == 0);
}

TEST_CASE("GraphBuilder projection: co_participant edges weighted by shared events") {
  graph::GraphBuilder builder(Gaz());
  const auto anna = Participant("person:anna_berg", "Anna Berg");
  const auto bo = Participant("person:bo-lind", "Bo Lind");
  const auto carl = Participant("discovered:carl-ek", "Carl Ek");
  // Three events that do not merge (different classes or dates): anna and bo share two.
  builder.AddEvents({Event("meeting", "meet", "2021-02-16", {anna, bo}, "d1", 0),
                     Event("call", "call", "2021-03-01", {anna, bo}, "d2", 0),
                     Event("meeting", "meet", "2021-05-01", {carl, anna}, "d3", 0)});
  graph::BuildOptions options;
  options.projection = true;
  const graph::Graph g = builder.Build(options);
  REQUIRE(builder.merged_events().size() == 3);
  CHECK(g[boost::graph_bundle].projection == "actors");
  auto nodes = NodesById(g);
  for (const auto& [id, node] : nodes) CHECK(node.kind != "event");
  auto edges = EdgesByEnds(g);
  const auto ab = edges.find({"person:anna_berg", "person:bo-lind", "co_participant"});
  const auto ca = edges.find({"discovered:carl-ek", "person:anna_berg", "co_participant"});
  REQUIRE(ab != edges.end());
  REQUIRE(ca != edges.end());
  CHECK(ab->second.weight == 2.0);
  CHECK(ca->second.weight == 1.0);
  // The shared events, ';'-separated and sorted.
  CHECK(std::count(ab->second.events.begin(), ab->second.events.end(), ';') == 1);
  CHECK(ab->second.events.find(builder.merged_events()[0].id) != std::string::npos);
  CHECK(nodes["person:anna_berg"].weighted_degree == 2.0 + 1.0 + 1.0);  // + member_of
  CHECK(nodes["person:anna_berg"].betweenness > 0.0);
}

TEST_CASE("GraphBuilder: documents in any order give the same graph") {
  const auto build = [](bool reversed) {
    graph::GraphBuilder builder(Gaz());
    std::vector<std::pair<std::string, std::vector<mentions::Mention>>> docs = {
        {"d1", {Mention("person:anna_berg", 0, 9), Mention("person:bo-lind", 14, 21)}},
        {"d2", {Mention("person:bo-lind", 3, 10), Mention("discovered:carl-ek", 20, 27)}},
    };
    if (reversed) std::reverse(docs.begin(), docs.end());
    for (const auto& [doc, ms] : docs) builder.AddMentions(doc, "2021-02-16", ms);
    return builder.Build({});
  };
  const graph::Graph a = build(false), b = build(true);
  REQUIRE(boost::num_vertices(a) == boost::num_vertices(b));
  for (std::size_t v = 0; v < boost::num_vertices(a); ++v) {
    CHECK(a[v].id == b[v].id);
    CHECK(a[v].evidence == b[v].evidence);
    CHECK(a[v].mentions == b[v].mentions);
  }
}

TEST_CASE("GraphBuilder escapes ids that are not plain node ids, one-to-one") {
  graph::GraphBuilder builder(Gaz());
  builder.AddMentions("d1", "", {Mention("discovered:carl ek", 0, 7), Mention("discovered:carl__20ek", 10, 17)});
  const graph::Graph g = builder.Build({});
  auto nodes = NodesById(g);
  CHECK(nodes.count("discovered:carl__20ek") == 1);
  CHECK(nodes["discovered:carl__20ek"].entity_id == "discovered:carl ek");
  CHECK(nodes.count("discovered:carl__5F__5F20ek") == 1);
}

TEST_CASE("BuildOptions::max_evidence caps the evidence spans of an actor") {
  // 30 distinct mentions of one actor over three documents.
  const auto feed = [](graph::GraphBuilder& builder) {
    for (int d = 0; d < 3; ++d) {
      std::vector<mentions::Mention> ms;
      for (std::uint32_t i = 0; i < 10; ++i) ms.push_back(Mention("person:bo-lind", 100 * i, 100 * i + 7));
      builder.AddMentions("d" + std::to_string(d), "2021-02-16", ms);
    }
  };
  const auto spans = [](const graph::Graph& g) {
    const graph::Node n = NodesById(g).at("person:bo-lind");
    CHECK(n.mentions == 30);  // the count stays exact
    return n.evidence.empty() ? 0 : 1 + std::count(n.evidence.begin(), n.evidence.end(), ';');
  };
  SECTION("default: 20, as README says") {
    CHECK(graph::BuildOptions{}.max_evidence == 20);
    graph::GraphBuilder builder(Gaz());
    feed(builder);
    const graph::Graph g = builder.Build({});
    CHECK(spans(g) == 20);
    // The first 20 in input order: all of d0 and d1, none of d2.
    CHECK(NodesById(g).at("person:bo-lind").evidence.find("d2:") == std::string::npos);
  }
  SECTION("a smaller cap given to the builder") {
    graph::BuildOptions options;
    options.max_evidence = 5;
    graph::GraphBuilder builder(Gaz(), options);
    feed(builder);
    const graph::Graph g = builder.Build(options);
    CHECK(spans(g) == 5);
    CHECK(NodesById(g).at("person:bo-lind").evidence == "d0:0-7;d0:100-107;d0:200-207;d0:300-307;d0:400-407");
  }
  SECTION("a larger cap keeps every span") {
    graph::BuildOptions options;
    options.max_evidence = 100;
    graph::GraphBuilder builder(Gaz(), options);
    feed(builder);
    CHECK(spans(builder.Build(options)) == 30);
  }
  SECTION("Build's cap can lower the builder's") {
    graph::GraphBuilder builder(Gaz());
    feed(builder);
    graph::BuildOptions options;
    options.max_evidence = 3;
    CHECK(spans(builder.Build(options)) == 3);
  }
  SECTION("a repeated document id does not repeat a span") {
    graph::GraphBuilder builder(Gaz());
    builder.AddMentions("d0", "", {Mention("person:bo-lind", 0, 7)});
    builder.AddMentions("d0", "", {Mention("person:bo-lind", 0, 7), Mention("person:bo-lind", 9, 16)});
    const graph::Node n = NodesById(builder.Build({})).at("person:bo-lind");
    CHECK(n.evidence == "d0:0-7;d0:9-16");
    CHECK(n.mentions == 3);
  }
}

namespace {
std::size_t Spans(const std::string& joined) {
  return joined.empty() ? 0 : static_cast<std::size_t>(std::count(joined.begin(), joined.end(), ';')) + 1;
}
}  // namespace

TEST_CASE("GraphBuilder: participant edges carry at most max_evidence spans, the event node all") {
  const auto anna = Participant("person:anna_berg", "Anna Berg");
  const auto bo = Participant("person:bo-lind", "Bo Lind");
  for (const std::size_t spans : {std::size_t{30}, std::size_t{5}}) {
    CAPTURE(spans);
    graph::GraphBuilder builder(Gaz());
    auto e = Event("meeting", "meet", "2021-02-16", {anna, bo}, "d1", 0);
    for (std::uint32_t i = 1; i < spans; ++i) e.evidence.push_back({"d1", 100 * i, 100 * i + 10});
    builder.AddEvents({e});
    const graph::Graph g = builder.Build({});
    const auto nodes = NodesById(g);
    std::string event_evidence;
    for (const auto& [id, node] : nodes) {
      if (node.kind == "event") event_evidence = node.evidence;
    }
    CHECK(Spans(event_evidence) == spans);
    std::size_t participant_edges = 0;
    for (const auto& [ends, edge] : EdgesByEnds(g)) {
      if (edge.relation != "participant_of") continue;
      ++participant_edges;
      // 30 spans: bounded to the default 20; 5 (positive control): all, the node's own.
      CHECK(Spans(edge.evidence) == std::min<std::size_t>(spans, 20));
      if (spans <= 20) CHECK(edge.evidence == event_evidence);
    }
    CHECK(participant_edges == 2);
  }
}

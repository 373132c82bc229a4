#include "graph/build.hpp"

#include <fmt/format.h>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/graph_traits.hpp>

#include <algorithm>
#include <utility>
#include <vector>

namespace actorgraph::graph {

std::optional<MetricsOptions::Level> ParseMetricsLevel(std::string_view name) {
  if (name == "all") return MetricsOptions::Level::kAll;
  if (name == "degree") return MetricsOptions::Level::kDegree;
  if (name == "none") return MetricsOptions::Level::kNone;
  return std::nullopt;
}

namespace {

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// The undirected view as a simple graph: no self-loops, and parallel edges (say member_of
// and co_participant between the same two actors) give one edge, since Brandes' algorithm
// would otherwise count one shortest path once per parallel edge.
Undirected SimpleUndirected(const Graph& g) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  pairs.reserve(boost::num_edges(g));
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const std::size_t s = boost::source(*it, g), t = boost::target(*it, g);
    if (s != t) pairs.emplace_back(std::min(s, t), std::max(s, t));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  Undirected u(boost::num_vertices(g));
  for (const auto& [s, t] : pairs) boost::add_edge(s, t, u);
  return u;
}

// Betweenness one component at a time: no shortest path leaves its component, and Brandes'
// algorithm touches every vertex of its graph once per source, so on the whole graph it is
// quadratic in the vertex count, which the many actors that take part in no event (one
// component each) would dominate. A component of fewer than three vertices has none; one
// whose vertices x edges exceed the bound is left at 0 with a warning.
std::vector<double> Betweenness(const Undirected& u, const std::vector<int>& component, int components,
                                std::uint64_t max_work, std::vector<std::string>* warnings) {
  const std::size_t n = boost::num_vertices(u);
  std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(components));
  for (std::size_t v = 0; v < n; ++v) members[static_cast<std::size_t>(component[v])].push_back(v);
  std::vector<double> centrality(n, 0.0);
  std::vector<std::size_t> local(n, 0);
  for (std::size_t c = 0; c < members.size(); ++c) {
    const auto& vs = members[c];
    if (vs.size() < 3) continue;
    std::uint64_t edge_count = 0;
    for (const std::size_t v : vs) edge_count += boost::out_degree(v, u);
    edge_count /= 2;
    const std::uint64_t work = static_cast<std::uint64_t>(vs.size()) * edge_count;
    if (max_work != 0 && work > max_work) {
      if (warnings) {
        warnings->push_back(fmt::format(
            "betweenness not computed for component {} ({} vertices, {} edges: {} units of work, above the bound "
            "of {}); written as 0: raise --betweenness-limit (0 = no bound) or use --metrics degree",
            c, vs.size(), edge_count, work, max_work));
      }
      continue;
    }
    for (std::size_t i = 0; i < vs.size(); ++i) local[vs[i]] = i;
    Undirected sub(vs.size());
    for (const std::size_t v : vs) {
      for (auto [it, end] = boost::out_edges(v, u); it != end; ++it) {
        const std::size_t t = boost::target(*it, u);
        if (v < t) boost::add_edge(local[v], local[t], sub);
      }
    }
    std::vector<double> values(vs.size(), 0.0);
    boost::brandes_betweenness_centrality(sub, boost::centrality_map(boost::make_iterator_property_map(
                                                   values.begin(), boost::get(boost::vertex_index, sub))));
    for (std::size_t i = 0; i < vs.size(); ++i) centrality[vs[i]] = values[i];
  }
  return centrality;
}

}  // namespace

void ComputeMetrics(Graph& g, const MetricsOptions& options, std::vector<std::string>* warnings) {
  if (options.level == MetricsOptions::Level::kNone) return;
  const std::size_t n = boost::num_vertices(g);
  const Undirected u = SimpleUndirected(g);
  std::vector<int> component(n, 0);
  const int components = n > 0 ? boost::connected_components(u, component.data()) : 0;
  std::vector<double> centrality(n, 0.0);
  if (options.level == MetricsOptions::Level::kAll) {
    centrality = Betweenness(u, component, components, options.max_betweenness_work, warnings);
  }
  for (std::size_t v = 0; v < n; ++v) {
    Node& node = g[v];
    node.degree = static_cast<std::int64_t>(boost::in_degree(v, g) + boost::out_degree(v, g));
    double w = 0;
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) w += g[*it].weight;
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) w += g[*it].weight;
    node.weighted_degree = w;
    // Boost already halves the sum over ordered pairs for an undirected graph, so this is
    // the number of unordered pairs' shortest paths through v (the middle of a path of three
    // has 1).
    node.betweenness = centrality[v];
    node.component = component[v];
  }
}

}  // namespace actorgraph::graph

// actorgraph — stage 5 (continued): building the graph from mentions and events.
//
// Actor nodes carry the entity's canonical name, kind, role on the latest date it was seen,
// country, mention count and evidence; event nodes carry type, date, place, mode and CAMEO
// code. Edges: participant_of (actor → event, with the participant's role), member_of
// (person → organisation, from gazetteer roles such as a Minsk Group co-chair) and
// affiliated_with (actor → country, from the gazetteer or from "Name (Country)" in the text).
#pragma once

#include "events/events.hpp"
#include "gazetteer/gazetteer.hpp"
#include "graph/graph.hpp"
#include "graph/sentences.hpp"
#include "mentions/mentions.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::graph {

// Which metrics ComputeMetrics fills in, and how much betweenness may cost.
struct MetricsOptions {
  // kAll: degree, weighted degree, component and betweenness. kDegree: all but betweenness
  // (linear in the graph's size). kNone: no metric (every metric field stays 0).
  enum class Level { kAll, kDegree, kNone };
  Level level = Level::kAll;
  // Brandes' algorithm costs about vertices x edges of each connected component (every
  // event is a vertex: one pair meeting on 30,000 dates is a component of 30,002 vertices
  // and 60,000 edges, 1.8e9 units, ~40 s). A component above this bound gets no betweenness
  // (0) and one warning naming its size; 0 = no bound.
  std::uint64_t max_betweenness_work = 1'000'000'000;
};

// "all", "degree" or "none"; nullopt for anything else.
std::optional<MetricsOptions::Level> ParseMetricsLevel(std::string_view name);

// What BuildGraph adds besides actors that take part in events.
struct BuildOptions {
  bool projection = false;       // actor-only graph: co_participant edges, weight = shared events
  bool mentioned_actors = true;  // also actors that are mentioned but take part in no event
  // Evidence spans kept per actor node: the first max_evidence distinct spans in input order
  // (the mention count stays exact). It takes effect as mentions are added, so the builder
  // keeps as many as the options given to its constructor say; Build's value can only
  // lower that. An event's participant_of edges carry its first max_evidence spans (the
  // event node keeps them all, and its mention count).
  std::size_t max_evidence = 20;
  // Also keep the sentence of each evidence span kept (Node::sentences), for the HTML viewer.
  // Like max_evidence, the constructor's value is the one that counts. Off by default: it
  // costs a sentence segmentation of each document that gives an actor a new span.
  bool sentences = false;
  std::string generator;  // GraphInfo::generator
  // The event statuses the graph holds (analysis::EventStatusName): happened events only by
  // default; planned and cancelled ones when asked for.
  std::vector<std::string> statuses = {"happened"};
  MetricsOptions metrics;
  // Receives one line per component whose betweenness was left out (MetricsOptions); may be
  // null.
  std::vector<std::string>* warnings = nullptr;
};

// Accumulates documents (mentions and events) and builds the graph. Adding documents in any
// order gives the same graph: everything is keyed and sorted by id.
class GraphBuilder {
 public:
  // Keeps options.max_evidence spans per actor as mentions are added (see BuildOptions); the
  // other options are Build's.
  explicit GraphBuilder(const gazetteer::Gazetteer& gazetteer, const BuildOptions& options = {});
  ~GraphBuilder();

  // `text` is the document's text; with BuildOptions::sentences the sentences of the spans
  // kept are taken from it (sentences.hpp), otherwise it is not read.
  // A large document comes in windows (pipeline::DocumentResult): the same id each time,
  // the whole text and the window's bytes [begin, end), where its mentions are.
  void AddMentions(const std::string& doc_id, const std::string& doc_date,
                   const std::vector<mentions::Mention>& mentions, std::string_view text = {}, std::uint32_t begin = 0,
                   std::uint32_t end = UINT32_MAX);
  // The same for `merge`, which has no text: `sentences` is aligned with `mentions`, each
  // the mention's sentence as its line carried it (nullopt when it did not).
  void AddMentions(const std::string& doc_id, const std::string& doc_date,
                   const std::vector<mentions::Mention>& mentions,
                   const std::vector<std::optional<SentenceText>>& sentences);
  void AddEvents(std::vector<events::Event> events);

  // Merges the events of all documents (events::MergeEvents) and builds the graph with
  // metrics. May be called once: it releases the actors and documents it accumulated.
  Graph Build(const BuildOptions& options);

  // The merged events (valid after Build).
  const std::vector<events::Event>& merged_events() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Degree and weighted degree (in + out edges, parallel edges included), betweenness
// centrality (Brandes, unnormalised: shortest paths between unordered pairs of other
// vertices, on the undirected simple view: parallel edges and self-loops count once, which
// gives the betweenness of the simple graph) and connected component of every vertex,
// computed with Boost.Graph, as far as `options` asks. Time: linear for degree and
// component; betweenness O(V x E) per component (see MetricsOptions). A component whose
// betweenness is left out adds a line to `warnings` (may be null).
void ComputeMetrics(Graph& g, const MetricsOptions& options = {}, std::vector<std::string>* warnings = nullptr);

}  // namespace actorgraph::graph

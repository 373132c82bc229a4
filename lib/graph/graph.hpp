// actorgraph — stage 5: the graph.
//
// Actors and events are vertices of one Boost.Graph adjacency_list with bundled properties;
// edges link actors to the events they took part in (participant_of), and actors to the
// organisations and countries they belong to (member_of, affiliated_with). The attribute
// names and meanings are the graph model contract of the README ("Graph model"): exporters
// write exactly these fields, in this order, for every node and edge.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace actorgraph::graph {

// The sentence around one evidence span, kept for the HTML viewer (see Node::sentences).
struct EvidenceSentence {
  std::string doc;                   // document id
  std::uint32_t start = 0, end = 0;  // the evidence span: byte offsets into the document
  std::uint32_t sentence_start = 0;  // byte offset of `text` in the document (<= start)
  std::string text;                  // the sentence, trailing whitespace dropped
};

// One vertex. Strings are UTF-8; fields that do not apply to a vertex are empty, zero, or
// (for numbers that were not computed) zero. Exporters write every field on every vertex.
struct Node {
  std::string id;             // stable id, a valid node id (common/node_id.hpp): node_id::FromString(entity_id)
  std::string label;          // display name (canonical name; for events a short description)
  std::string kind;           // person|organization|country|location|group|event
  std::string event_type;     // events only: meeting|talks|call|visit|agreement|statement|...
  std::string date;           // events only: ISO 8601, "2021-02-16" or "2021-02" or ""
  std::string place;          // events only: entity id of the place, or ""
  std::string mode;           // events only: "video", "phone", or ""
  std::string cameo;          // events only: CAMEO code ("040", "057", ...) or ""
  std::string entity_id;      // gazetteer id, "discovered:..." or, for events, the event id
  std::string role;           // actors: role held at the time, e.g. "Foreign Minister of Azerbaijan"
  std::string country;        // actors: affiliated country (ISO 3166-1 alpha-2), where known
  std::int64_t mentions = 0;  // number of mentions over all documents
  double confidence = 1.0;    // 1.0 gazetteer match, lower for discovered or inferred
  std::string evidence;       // "doc:start-end" spans, ';'-separated, sorted
  // Computed by ComputeMetrics().
  std::int64_t degree = 0;
  double weighted_degree = 0.0;
  double betweenness = 0.0;
  std::int64_t component = 0;
  std::string status;  // events only: happened, planned or cancelled (the last column)
  // Only with BuildOptions::sentences (the HTML export; empty otherwise): the sentence of each
  // evidence span whose sentence is known, in the order of `evidence`. Not an attribute
  // column: the other formats do not write it.
  std::vector<EvidenceSentence> sentences;
};

struct Edge {
  std::string id;        // unique edge id ("e0", "e1", ... in deterministic order)
  std::string relation;  // participant_of|member_of|affiliated_with|co_participant
  std::string role;      // participant|host|visitor|mediator|signatory|... or ""
  double weight = 1.0;
  std::string evidence;  // as Node::evidence
  std::string events;    // projection only: ';'-separated event ids shared by the two actors
};

// Graph-level attributes written by every exporter.
struct GraphInfo {
  std::string name = "actorgraph";
  std::string generator;   // "actorgraph 0.1.0"
  std::string projection;  // "" (actors and events) or "actors"
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge, GraphInfo>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using EdgeDesc = boost::graph_traits<Graph>::edge_descriptor;

}  // namespace actorgraph::graph

// actorgraph — stage 6: exports.
//
// Writes a graph::Graph as GraphML, DOT, GEXF 1.3, node-link JSON, Cytoscape.js JSON,
// Neo4j import CSV or a self-contained HTML viewer. The serialisers are the project's own;
// every output is deterministic (identical graphs give byte-identical files) and is written
// atomically (OutputFile).
//
// Attributes. Every format carries every field of the graph model (graph/graph.hpp), in
// the model's order, on every node and edge, typed where the format has types (listed
// here by type):
//   node: label kind event_type date place mode cameo entity_id role country   (string)
//         mentions degree component                                             (int64)
//         confidence weighted_degree betweenness                                (double)
//         evidence                                                              (string)
//         status (string: happened, planned or cancelled; events only, the last column)
//   edge: relation role evidence events (string), weight (double)
//   graph: name generator projection (string)
// Integers are written in decimal; doubles in the shortest form that reads back to the same
// double (std::to_chars), with ".0" added to whole values so that typed readers (JSON,
// Python) see a float, e.g. 1 -> "1.0", 0.1 -> "0.1", 1e-07 -> "1e-07". Three kinds of
// double are written as 0.0 instead, because some reader rejects them and the pipeline
// never produces them: NaN and infinities (no JSON spelling) and subnormals, below
// 2.2250738585072014e-308 in magnitude (igraph's readers fail on strtod's underflow).
//
// Sanitising, done once on a snapshot of the graph before any serialiser runs:
//  * Text: invalid UTF-8 is repaired (utf8::Repair, one U+FFFD per maximal ill-formed
//    subpart; lone surrogates are ill-formed); then every character XML 1.0 cannot hold is
//    replaced by U+FFFD: C0 controls other than tab, LF and CR (U+0000-U+0008, U+000B,
//    U+000C, U+000E-U+001F), U+FFFE and U+FFFF. Everything else stays as it is, including
//    " ' < > & \, newlines, tabs, right-to-left text and astral-plane characters; each
//    serialiser escapes them as its format requires.
//  * Ids: node and edge ids are valid node ids (common/node_id.hpp), which are XML
//    NMTOKENs over [A-Za-z0-9._:-]. An id that is already valid (every id GraphBuilder
//    makes, e.g. the gazetteer id "person:anna_berg") is written unchanged; any other id
//    goes through node_id::FromString, which is one-to-one: each byte outside
//    [A-Za-z0-9.:-], and each '_', becomes "__HH" (two upper-case hex digits), so
//    "a b" -> "a__20b", and an empty node id becomes "__". An empty edge id becomes
//    "e<index>" (index = position in edge order). A node id starting with "legend:" has
//    that colon escaped ("legend__3A..."), because the DOT legend reserves the prefix.
//    Should two ids still coincide (the graph repeats an id, or holds both "a b" and
//    "a__20b"), the first keeps it and each later one gets the first free "__2", "__3", ...
//    appended; an id the graph gives explicitly is never taken by such a suffix. The same
//    ids are used in every format, so files of one run can be cross-referenced.
//
// Format notes:
//  * GraphML: keys declared before <graph>, one per attribute and domain (for="node",
//    "edge" or "graph"), attr.type string/long/double; a <data> on every element (no
//    defaults); edgedefault="directed"; valid against the GraphML 1.0 XSD. The yEd flavour
//    (Options::yed) adds the yFiles namespace and a node-graphics key ("d_ng",
//    yfiles.type="nodegraphics") with a ShapeNode per node (fill colour and shape by kind,
//    NodeLabel = label); yFiles elements are outside the plain GraphML XSD by design.
//  * DOT: a digraph, one statement per line without ';' (pydot 1.4 misreads a final
//    "edge;"); every id and value is a quoted string; values use Graphviz escString
//    conventions: \" for a quote, \\ for a backslash, \n for LF, \r for CR, so readers must
//    undo these. DOT is untyped, so numbers are written without the ".0" of whole doubles
//    (weight "1", which every dot version reads as an integer layout weight). Edges carry
//    id=<edge id>; member_of edges are dashed, affiliated_with dotted. Node shape and fill
//    colour follow the kind (person ellipse, organization box, country hexagon, location
//    octagon, group box3d, event note, anything else egg). With Options::legend (the
//    default) a subgraph "cluster_legend" holds one extra node per kind present, with id
//    "legend:<kind>" ("legend:other" for unknown kinds) and no edges. Graphviz and
//    pygraphviz count these nodes; networkx's pydot reader skips subgraph nodes.
//  * GEXF 1.3: typed <attributes> for nodes and edges, an <attvalue> for every attribute,
//    viz:color by kind, edge weight native, edge label = relation. Nodes with a date (events) get start=<date> and
//    the graph becomes mode="dynamic" timeformat="date"; start needs a full xsd:date, so a
//    partial date takes the first day of its period ("2021-02" -> "2021-02-01", "2021" ->
//    "2021-01-01"); the "date" attribute keeps the original text. Dates that are not ISO
//    8601 get no start. Without dated nodes the graph is mode="static". meta: description
//    = graph name, creator = generator, keywords = projection.
//  * Node-link JSON (networkx node_link_graph, D3): {"directed": true, "multigraph": true,
//    "graph": {...}, "nodes": [{"id": ..., attributes}], "links": [{"source", "target",
//    "key" = edge id, attributes}]}.
//  * Cytoscape.js JSON: {"data": {graph attributes}, "elements": {"nodes": [{"data":
//    {"id", attributes}}], "edges": [{"data": {"id", "source", "target", attributes}}]}}.
//  * Neo4j (neo4j-admin database import): a folder with nodes.csv (id:ID, :LABEL = Person,
//    Organization, Country, Location, Group, Event, or else the kind's ASCII words in
//    CamelCase, "Entity" when none, then the node columns) and relationships.csv
//    (:START_ID, :END_ID, :TYPE = relation in ASCII upper case with each other character
//    outside [A-Z0-9_] as one '_', "RELATED_TO" when empty; id = edge id; then the edge
//    columns). Typed headers: name:long, name:double. RFC 4180: CRLF line ends, fields
//    with , " CR LF or outer spaces quoted, quotes doubled; an empty field is unquoted, so
//    Neo4j leaves that property unset. Fields may hold newlines: import with
//    --multiline-fields=true.
//  * HTML: one page that works offline, every script inline (D3 v3 from Debian's libjs-d3,
//    with its licence notice, and the viewer, lib/export/viewer/): a force layout on a
//    canvas, colour by kind, size by mentions or degree, a legend, search, filters by kind
//    and event type, a date slider, the actor projection, zoom and pan, save as PNG, and a
//    side panel with a node's attributes, events and evidence sentences (graph::Node::
//    sentences, kept with BuildOptions::sentences). The graph is JSON in a
//    <script type="application/json" id="actorgraph-data"> element with '<', '>' and '&'
//    written as \u escapes (layout in html.cpp). Only this format writes Node::sentences.
#pragma once

#include "common/status.hpp"
#include "graph/graph.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace actorgraph::exports {

enum class Format { kGraphml, kDot, kGexf, kJson, kCyjs, kNeo4j, kHtml };

// "graphml", "dot", "gexf", "json", "cyjs", "neo4j", "html" (ASCII case ignored); nullopt
// otherwise.
std::optional<Format> ParseFormat(std::string_view name);

// The format a file name asks for, by extension (ASCII case ignored): .graphml, .dot, .gv,
// .gexf, .json, .cyjs, .cyjs.json, .html and .htm. nullopt for "-", for names without an
// extension (a Neo4j folder needs an explicit format) and for unknown extensions.
std::optional<Format> FormatFromPath(std::string_view path);

// The canonical name, as accepted by ParseFormat.
std::string_view FormatName(Format format);

struct Options {
  Format format = Format::kGraphml;
  bool yed = false;    // GraphML only: yEd flavour (--graphml-flavor yed)
  bool legend = true;  // DOT only: the cluster_legend subgraph (see above)
};

// The graph in `opts.format`, deterministic for identical graphs. Returns "" for kNeo4j,
// which is two files: use SerializeNeo4j or WriteGraph.
std::string Serialize(const graph::Graph& g, const Options& opts);

struct Neo4jCsv {
  std::string nodes;          // nodes.csv
  std::string relationships;  // relationships.csv
};
Neo4jCsv SerializeNeo4j(const graph::Graph& g);

// Writes the graph atomically to `path` ("-" = standard output). For kNeo4j `path` is a
// folder (created when its parent exists) that receives nodes.csv and relationships.csv,
// each written atomically. Errors: kIo naming the path (missing folder, not writable, disk
// full); kBadUsage for kNeo4j to standard output. A failed write leaves no file behind.
Status WriteGraph(const graph::Graph& g, const Options& opts, const std::string& path);

// Renders the DOT file `dot_path` with Graphviz (`dot -T<format>`, run through posix_spawnp
// without a shell, found on PATH) and writes the result atomically to `out_path` ("-" =
// standard output). `format` is a Graphviz output format such as "svg", "png" or "pdf"
// ([a-z0-9:_] only). Errors: kBadUsage for a malformed format; kIo when dot is not
// installed, cannot run, fails (its first line of standard error is quoted) or the output
// cannot be written.
Status RenderDot(const std::string& dot_path, const std::string& out_path, std::string_view format);

}  // namespace actorgraph::exports

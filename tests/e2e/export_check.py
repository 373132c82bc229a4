#!/usr/bin/python3
"""End-to-end check of every export format with real readers.

Usage: export_check.py EXPORT_FIXTURE

Runs EXPORT_FIXTURE (tests/e2e/export_fixture.cpp) twice into fresh folders, then:
  * byte-identical output from both runs;
  * GraphML valid against the GraphML 1.0 XSD, GEXF against the GEXF 1.3 RelaxNG
    (xmllint --nonet; schemas from $ACTORGRAPH_SHARED_DIR/schemas), yEd GraphML well-formed;
  * DOT rendered by Graphviz with nothing at all on standard error, labels as rendered;
  * networkx (read_graphml, read_gexf, node_link_graph, nx_pydot.read_dot), igraph
    (Read_GraphML), graph-tool (load_graph of GraphML and DOT), pygraphviz when installed, and Python's csv module for Neo4j: node and
    edge counts, the hostile labels exactly, and the types of numbers.
Expected values are written out here (after the documented sanitising), independently of
the C++ code. Exit: 0 all passed; 1 something failed; 77 (skip) when everything that ran
passed but the shared folder with the schemas is missing.
Needs (Debian 12): python3-networkx python3-igraph python3-graph-tool python3-pydot graphviz
libxml2-utils.
"""
import csv
import filecmp
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
import xml.etree.ElementTree as ET

R = "\ufffd"
NODES = 10
EDGES = 8
LEGEND_NODES = 7  # person organization country location group event other

# Exported id -> label, after sanitising (invalid UTF-8, C0 controls, U+FFFE -> U+FFFD).
LABELS = {
    "gaz:person:bayramov": 'Jeyhun "Ceyhun" Bayramov <FM> & co\'s \\N \\',
    "person__20with__20space": "  Line one\nLine two\tTabbed\r\nCRLF end  ",
    "discovered:ctrl": "Bad" + R + "byte" + R + " here " + R + " end",
    "gaz:org:osce-minsk-group": "OSCE Minsk Group \u2014 \u0645\u062c\u0645\u0648\u0639\u0629 "
                                "\u0645\u064a\u0646\u0633\u0643 / \u05e7\u05d1\u05d5\u05e6\u05ea "
                                "\u05de\u05d9\u05e0\u05e1\u05e7",
    "gaz:country:AZ": "Azerbaijan \U0001F1E6\U0001F1FF \U0001F600 \U0001D504",
    "gaz:loc:tokyo": "\u6771\u4eac\u90fd (T\u014dky\u014d)",
    "event:meeting:2021-02-16:abc": "node",
    "strict": "graph",
    "legend__3Aperson": "strict",
    "x_y": 'digraph "}" {edge} -> ;',
}
KINDS = {
    "gaz:person:bayramov": "person", "person__20with__20space": "person", "discovered:ctrl": "person",
    "gaz:org:osce-minsk-group": "organization", "gaz:country:AZ": "country",
    "gaz:loc:tokyo": "location", "event:meeting:2021-02-16:abc": "event", "strict": "event",
    "legend__3Aperson": "group", "x_y": "militia",
}
FM = "gaz:person:bayramov"
FM_MENTIONS = 9007199254740993  # 2^53 + 1
FM_BETWEENNESS = 0.30000000000000004
FM_WEIGHTED_DEGREE = 1.7976931348623157e308
CTRL_EVIDENCE = "a" + R + "b\u2028c"
# (id, source, target, relation, role, weight), in export order.
EDGE_ROWS = [
    ("e0", FM, "event:meeting:2021-02-16:abc", "participant_of", "host", 1.0),
    ("e1", "person__20with__20space", "event:meeting:2021-02-16:abc", "participant_of", "participant", 0.5),
    ("e2", "discovered:ctrl", "strict", "participant_of", 'mediator, "acting"', 2.0 / 3.0),
    ("e3", FM, "gaz:org:osce-minsk-group", "member_of", "", 1.0),
    ("e4", FM, "gaz:country:AZ", "affiliated_with", "", 1.0),
    ("e5", "person__20with__20space", "event:meeting:2021-02-16:abc", "participant_of", "signatory", 1.0),
    ("dup__20id", "x_y", "legend__3Aperson", "co participant/\u00fc", "", 3.0),
    ("e5__2", "x_y", "gaz:loc:tokyo", "", "", 0.1),
]
NEO4J_TYPES = ["PARTICIPANT_OF"] * 3 + ["MEMBER_OF", "AFFILIATED_WITH", "PARTICIPANT_OF",
                                        "CO_PARTICIPANT__", "RELATED_TO"]
NEO4J_LABELS = {"person": "Person", "organization": "Organization", "country": "Country",
                "location": "Location", "group": "Group", "event": "Event", "militia": "Militia"}

failures = []
skipped = []


def check(ok, what, detail=""):
    print(("PASS " if ok else "FAIL ") + what + ((": " + detail) if detail and not ok else ""))
    if not ok:
        failures.append(what)
    return ok


def guarded(what):
    """Runs a check function, turning an exception into a failure with its message."""
    def wrap(fn):
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - every reader error is a test failure
            check(False, what, f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:400])
        return fn
    return wrap


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, **kw)


def dot_unescape(value):
    r"""A DOT attribute value as pydot returns it (quoted, escString) -> the text. The
    exporter escapes every backslash, so any escape other than \\ \" \n \r is an error
    (Graphviz would draw \N as the node name, \l as a line break, ...)."""
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        value = value[1:-1]
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            n = value[i + 1] if i + 1 < len(value) else ""
            if n not in ("n", "r", '"', "\\"):
                raise ValueError(f"unexpected DOT escape {c + n!r} in {value!r}")
            out.append({"n": "\n", "r": "\r", '"': '"', "\\": "\\"}[n])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def check_labels(what, actual):
    """actual: id -> label as read back."""
    check(set(actual) == set(LABELS), f"{what}: node ids", f"got {sorted(actual)}")
    bad = {k: v for k, v in actual.items() if k in LABELS and v != LABELS[k]}
    check(not bad, f"{what}: hostile labels round trip", f"differ: {bad!r}")


def check_edges_nx(what, G, keyed=True):
    got = []
    for u, v, k, d in G.edges(keys=True, data=True):
        # networkx's GraphML reader leaves out attributes whose <data> is empty: read as "".
        got.append((d.get("id", k) if keyed else k, u, v, d.get("relation", ""), d.get("role", ""), d.get("weight")))
    want = {row[0]: row for row in EDGE_ROWS}
    check(len(got) == EDGES, f"{what}: {EDGES} edges", f"got {len(got)}")
    for row in got:
        if row[0] not in want:
            check(False, f"{what}: edge ids", f"unexpected edge id {row[0]!r}")
            return
        exp = want[row[0]]
        if row[1:] != exp[1:]:
            check(False, f"{what}: edge {row[0]} attributes", f"got {row[1:]!r}, want {exp[1:]!r}")
            return
        if not isinstance(row[5], float):
            check(False, f"{what}: edge weight is float", f"got {type(row[5]).__name__}")
            return
    check(True, f"{what}: edge endpoints, relation, role, weight")


def check_typed_nodes_nx(what, G, mentions_type=int):
    fm = G.nodes[FM]
    check(isinstance(fm.get("mentions"), mentions_type) and fm.get("mentions") == FM_MENTIONS,
          f"{what}: mentions is {mentions_type.__name__}, exact", repr(fm.get("mentions")))
    check(isinstance(fm.get("confidence"), float) and fm.get("confidence") == 1.0,
          f"{what}: confidence is float", repr(fm.get("confidence")))
    check(fm.get("betweenness") == FM_BETWEENNESS and fm.get("weighted_degree") == FM_WEIGHTED_DEGREE,
          f"{what}: doubles round trip exactly", f"{fm.get('betweenness')!r} {fm.get('weighted_degree')!r}")
    check(G.nodes["discovered:ctrl"].get("evidence") == CTRL_EVIDENCE, f"{what}: sanitised evidence",
          repr(G.nodes["discovered:ctrl"].get("evidence")))
    kinds = {n: d.get("kind") for n, d in G.nodes(data=True)}
    check(kinds == KINDS, f"{what}: kinds", repr(kinds))


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    fixture = sys.argv[1]
    shared = os.environ.get("ACTORGRAPH_SHARED_DIR", "")
    schemas = os.path.join(shared, "schemas") if shared else ""
    have_schemas = bool(schemas) and os.path.isdir(schemas)
    base = os.environ.get("ACTORGRAPH_TMP") or tempfile.gettempdir()
    os.makedirs(base, exist_ok=True)
    work = tempfile.mkdtemp(prefix="export-e2e-", dir=base)
    try:
        return run_checks(fixture, work, schemas, have_schemas)
    finally:
        if not failures:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"outputs kept in {work}")


def run_checks(fixture, work, schemas, have_schemas):
    out, again = os.path.join(work, "a"), os.path.join(work, "b")
    for folder in (out, again):
        os.makedirs(folder)
        r = run([fixture, folder])
        if not check(r.returncode == 0, f"export_fixture writes every format into {os.path.basename(folder)}",
                     r.stderr.decode(errors="replace")):
            return 1
    f = lambda name: os.path.join(out, name)  # noqa: E731

    # Determinism.
    names = ["graph.graphml", "graph-yed.graphml", "graph.dot", "graph-nolegend.dot", "graph.gexf",
             "graph.json", "graph.cyjs", "neo4j/nodes.csv", "neo4j/relationships.csv", "graph.html"]
    differ = [n for n in names if not filecmp.cmp(f(n), os.path.join(again, n), shallow=False)]
    check(not differ, "two runs give byte-identical files", f"differ: {differ}")

    # Tools.
    for tool, package in (("xmllint", "libxml2-utils"), ("dot", "graphviz")):
        check(shutil.which(tool) is not None, f"{tool} installed", f"install the Debian package {package}")

    # Schema validation.
    if not have_schemas:
        skipped.append("schema validation")
        print(f"SKIP schema validation: shared folder missing ({schemas or 'ACTORGRAPH_SHARED_DIR unset'})")
    elif shutil.which("xmllint"):
        r = run(["xmllint", "--nonet", "--noout", "--schema", os.path.join(schemas, "graphml", "graphml.xsd"),
                 f("graph.graphml")])
        check(r.returncode == 0, "GraphML valid against graphml.xsd", r.stderr.decode(errors="replace")[:600])
        r = run(["xmllint", "--nonet", "--noout", "--relaxng", os.path.join(schemas, "gexf", "rng", "gexf.rng"),
                 f("graph.gexf")])
        check(r.returncode == 0, "GEXF valid against the GEXF 1.3 RelaxNG", r.stderr.decode(errors="replace")[:600])
    if shutil.which("xmllint"):
        r = run(["xmllint", "--nonet", "--noout", f("graph-yed.graphml")])
        check(r.returncode == 0, "yEd GraphML well-formed", r.stderr.decode(errors="replace")[:600])

    # Graphviz.
    if shutil.which("dot"):
        svg = {}
        for name, nodes in (("graph.dot", NODES + LEGEND_NODES), ("graph-nolegend.dot", NODES)):
            r = run(["dot", "-Tsvg", f(name)])
            check(r.returncode == 0 and not r.stderr, f"dot -Tsvg {name}: no error, no warning",
                  f"exit {r.returncode}: {r.stderr.decode(errors='replace')[:600]}")
            svg[name] = r.stdout

            @guarded(f"Graphviz reads {name}")
            def _graphviz_json():
                r = run(["dot", "-Tjson0", f(name)])
                if not check(r.returncode == 0 and not r.stderr, f"dot -Tjson0 {name}",
                             r.stderr.decode(errors="replace")):
                    return
                doc = json.loads(r.stdout)
                objs = [o for o in doc.get("objects", []) if "nodes" not in o]  # drop subgraphs
                check(len(objs) == nodes and len(doc.get("edges", [])) == EDGES,
                      f"Graphviz reads {nodes} nodes and {EDGES} edges from {name}",
                      f"{len(objs)} nodes, {len(doc.get('edges', []))} edges")
                labels = {o["name"]: dot_unescape(o.get("label", "")) for o in objs
                          if not o["name"].startswith("legend:")}
                check_labels(f"Graphviz {name}", labels)
        # The labels as drawn: escString handled (\\N stays literal text, not the node name).
        @guarded("Graphviz SVG text")
        def _svg():
            root = ET.fromstring(svg["graph.dot"])
            ns = "{http://www.w3.org/2000/svg}"
            drawn = {}
            for g in root.iter(ns + "g"):
                if g.get("class") == "node":
                    drawn[g.find(ns + "title").text] = [t.text for t in g.findall(ns + "text")]
            single = {k: v for k, v in LABELS.items() if "\n" not in v and "  " not in v}
            bad = {k: drawn.get(k) for k, v in single.items() if drawn.get(k) != [v]}
            check(not bad, "Graphviz draws single-line labels verbatim", repr(bad))
            legend = sorted(k for k in drawn if k.startswith("legend:"))
            check(len(legend) == LEGEND_NODES, "SVG has the legend", repr(legend))
            rendered = ET.parse(f("graph.svg")).getroot()
            check(rendered.tag == ns + "svg", "RenderDot wrote graph.svg")

    # networkx / igraph / pydot.
    try:
        import networkx as nx
    except ImportError:
        check(False, "networkx importable", "install the Debian package python3-networkx")
        nx = None
    try:
        import igraph
    except ImportError:
        check(False, "igraph importable", "install the Debian package python3-igraph")
        igraph = None

    if nx:
        for name in ("graph.graphml", "graph-yed.graphml"):
            @guarded(f"networkx read_graphml {name}")
            def _graphml():
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    G = nx.read_graphml(f(name))
                check(not caught, f"networkx read_graphml {name}: no warnings", "; ".join(map(str, caught)))
                check(G.is_directed() and G.number_of_nodes() == NODES, f"networkx {name}: {NODES} nodes, directed",
                      str(G.number_of_nodes()))
                check_labels(f"networkx {name}", {n: d.get("label") for n, d in G.nodes(data=True)})
                check_typed_nodes_nx(f"networkx {name}", G)
                check_edges_nx(f"networkx {name}", G)
                check(G.graph.get("name") == 'actorgraph "test" <&>', f"networkx {name}: graph name",
                      repr(G.graph))
                if "yed" in name:
                    check(all(d.get("shape_type") for _, d in G.nodes(data=True)),
                          "networkx sees yEd shapes", repr(dict(G.nodes(data="shape_type"))))

        @guarded("networkx node_link_graph")
        def _nodelink():
            with open(f("graph.json"), encoding="utf-8") as fh:
                data = json.load(fh)
            G = nx.node_link_graph(data)
            check(G.is_directed() and G.is_multigraph() and G.number_of_nodes() == NODES,
                  f"networkx node_link_graph: {NODES} nodes, directed multigraph")
            check_labels("networkx node_link_graph", {n: d.get("label") for n, d in G.nodes(data=True)})
            check_typed_nodes_nx("networkx node_link_graph", G)
            check_edges_nx("networkx node_link_graph", G, keyed=False)

        @guarded("networkx read_gexf")
        def _gexf():
            # networkx 2.8 knows GEXF up to 1.2draft; 1.3 only renamed the namespaces that
            # matter here, so read a renamed copy under the 1.2draft rules.
            raw = open(f("graph.gexf"), "rb").read()
            raw = raw.replace(b"http://gexf.net/1.3/viz", b"http://www.gexf.net/1.2draft/viz")
            raw = raw.replace(b"http://gexf.net/1.3", b"http://www.gexf.net/1.2draft")
            raw = raw.replace(b'version="1.3"', b'version="1.2"')
            G = nx.read_gexf(io.BytesIO(raw), version="1.2draft")
            check(G.number_of_nodes() == NODES, f"networkx read_gexf: {NODES} nodes", str(G.number_of_nodes()))
            check_labels("networkx read_gexf", {n: d.get("label") for n, d in G.nodes(data=True)})
            check_typed_nodes_nx("networkx read_gexf", G)
            starts = {n: d.get("start") for n, d in G.nodes(data=True) if d.get("start")}
            check(starts == {"event:meeting:2021-02-16:abc": "2021-02-16", "strict": "2021-02-01"},
                  "networkx read_gexf: event start dates", repr(starts))
            check(G.nodes["strict"].get("date") == "2021-02", "GEXF keeps the partial date in 'date'")
            colours = G.nodes[FM].get("viz", {}).get("color", {})
            check(colours.get("r") == 0x8D, "GEXF viz colour by kind", repr(colours))
            weights = sorted(d.get("weight") for _, _, d in G.edges(data=True))
            check(len(weights) == EDGES and weights == sorted(r[5] for r in EDGE_ROWS),
                  "networkx read_gexf: edge weights", repr(weights))

        for name in ("graph.dot", "graph-nolegend.dot"):
            @guarded(f"networkx pydot read_dot {name}")
            def _pydot():
                G = nx.nx_pydot.read_dot(f(name))
                # pydot's reader skips nodes inside subgraphs, so the legend does not count.
                check(G.number_of_nodes() == NODES and G.number_of_edges() == EDGES,
                      f"pydot {name}: {NODES} nodes, {EDGES} edges",
                      f"{G.number_of_nodes()} nodes {sorted(G.nodes())}, {G.number_of_edges()} edges")
                check_labels(f"pydot {name}", {n: dot_unescape(d.get("label", "")) for n, d in G.nodes(data=True)})
                ids = sorted(dot_unescape(d.get("id", "")) for _, _, d in G.edges(data=True))
                check(ids == sorted(r[0] for r in EDGE_ROWS), f"pydot {name}: edge ids", repr(ids))

        try:
            import pygraphviz  # noqa: F401
            have_pgv = True
        except ImportError:
            have_pgv = False
            print("NOTE pygraphviz not installed (python3-pygraphviz): its checks are left out")
        if have_pgv:
            for name, nodes in (("graph.dot", NODES + LEGEND_NODES), ("graph-nolegend.dot", NODES)):
                @guarded(f"pygraphviz read_dot {name}")
                def _pgv():
                    G = nx.nx_agraph.read_dot(f(name))
                    check(G.number_of_nodes() == nodes and G.number_of_edges() == EDGES,
                          f"pygraphviz {name}: {nodes} nodes (legend nodes count), {EDGES} edges",
                          f"{G.number_of_nodes()} {G.number_of_edges()}")

    if igraph:
        for name in ("graph.graphml", "graph-yed.graphml"):
            @guarded(f"igraph Read_GraphML {name}")
            def _igraph():
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    g = igraph.Graph.Read_GraphML(f(name))
                # The yEd node-graphics key has no attr.type by design; igraph skips it.
                unexpected = [str(w.message) for w in caught if "d_ng" not in str(w.message)]
                check(not unexpected, f"igraph {name}: no unexpected warnings", "; ".join(unexpected))
                check(g.is_directed() and g.vcount() == NODES and g.ecount() == EDGES,
                      f"igraph {name}: {NODES} nodes, {EDGES} edges, directed", f"{g.vcount()} {g.ecount()}")
                check_labels(f"igraph {name}", dict(zip(g.vs["id"], g.vs["label"])))
                fm = g.vs.find(id=FM)
                check(isinstance(fm["confidence"], float) and fm["confidence"] == 1.0
                      and fm["betweenness"] == FM_BETWEENNESS and fm["weighted_degree"] == FM_WEIGHTED_DEGREE,
                      f"igraph {name}: doubles exact", repr(fm.attributes()))
                # igraph stores every number as a double: 2^53+1 cannot survive there.
                check(float(fm["mentions"]) == float(FM_MENTIONS), f"igraph {name}: mentions numeric",
                      repr(fm["mentions"]))
                edges = [(g.vs[e.source]["id"], g.vs[e.target]["id"], e["relation"], e["role"], e["weight"])
                         for e in g.es]
                check(edges == [r[1:] for r in EDGE_ROWS], f"igraph {name}: edges in order with attributes",
                      repr(edges))

    # graph-tool: its own GraphML reader (typed properties) and Boost's DOT reader.
    try:
        import graph_tool as gt
    except ImportError:
        check(False, "graph-tool importable", "install the Debian package python3-graph-tool")
        gt = None
    if gt:
        @guarded("graph-tool load_graph graph.graphml")
        def _gt_graphml():
            g = gt.load_graph(f("graph.graphml"))
            check(g.is_directed() and g.num_vertices() == NODES and g.num_edges() == EDGES,
                  f"graph-tool GraphML: {NODES} nodes, {EDGES} edges, directed",
                  f"{g.num_vertices()} {g.num_edges()}")
            ids = g.vp["_graphml_vertex_id"]
            check_labels("graph-tool GraphML", {ids[v]: g.vp["label"][v] for v in g.vertices()})
            types = {name: g.vp[name].value_type() for name in ("mentions", "degree", "component",
                                                                "confidence", "betweenness", "label")}
            check(types == {"mentions": "int64_t", "degree": "int64_t", "component": "int64_t",
                            "confidence": "long double", "betweenness": "long double", "label": "string"},
                  "graph-tool GraphML: long -> int64_t, double -> long double, string", repr(types))
            check(g.ep["weight"].value_type() == "long double", "graph-tool GraphML: edge weight is floating",
                  g.ep["weight"].value_type())
            fm = next(v for v in g.vertices() if ids[v] == FM)
            check(g.vp["mentions"][fm] == FM_MENTIONS, "graph-tool GraphML: 2^53+1 exact as int64",
                  repr(g.vp["mentions"][fm]))
            check(float(g.vp["betweenness"][fm]) == FM_BETWEENNESS
                  and float(g.vp["weighted_degree"][fm]) == FM_WEIGHTED_DEGREE,
                  "graph-tool GraphML: doubles exact", f"{g.vp['betweenness'][fm]!r} {g.vp['weighted_degree'][fm]!r}")
            kinds = {ids[v]: g.vp["kind"][v] for v in g.vertices()}
            check(kinds == KINDS, "graph-tool GraphML: kinds", repr(kinds))
            edges = sorted((g.ep["_graphml_edge_id"][e], ids[e.source()], ids[e.target()], g.ep["relation"][e],
                            g.ep["role"][e], float(g.ep["weight"][e])) for e in g.edges())
            check(edges == sorted(EDGE_ROWS), "graph-tool GraphML: edges with attributes", repr(edges))
            check(g.gp["name"] == 'actorgraph "test" <&>', "graph-tool GraphML: graph name", repr(g.gp["name"]))

        for name, nodes, what in (("graph.dot", NODES + LEGEND_NODES, "legend included"),
                                  ("graph-nolegend.dot", NODES, "no legend")):
            @guarded(f"graph-tool load_graph {name}")
            def _gt_dot():
                g = gt.load_graph(f(name))
                check(g.is_directed() and g.num_vertices() == nodes and g.num_edges() == EDGES,
                      f"graph-tool {name}: {nodes} nodes ({what}), {EDGES} edges, directed",
                      f"{g.num_vertices()} {g.num_edges()}")
                names = g.vp["vertex_name"]
                check_labels(f"graph-tool {name}", {names[v]: dot_unescape(g.vp["label"][v]) for v in g.vertices()
                                                    if not names[v].startswith("legend:")})
                # DOT has no types: graph-tool reads every attribute as a string; the numbers
                # must still parse back to the exact values.
                fm = next(v for v in g.vertices() if names[v] == FM)
                check(int(g.vp["mentions"][fm]) == FM_MENTIONS and float(g.vp["betweenness"][fm]) == FM_BETWEENNESS,
                      f"graph-tool {name}: numbers parse back exactly",
                      f"{g.vp['mentions'][fm]!r} {g.vp['betweenness'][fm]!r}")
                edges = sorted((dot_unescape(g.ep["id"][e]), names[e.source()], names[e.target()],
                                float(g.ep["weight"][e])) for e in g.edges())
                check(edges == sorted((r[0], r[1], r[2], r[5]) for r in EDGE_ROWS),
                      f"graph-tool {name}: edge ids, endpoints and weights", repr(edges))

    # Cytoscape.js JSON: structure as cytoscape({elements}) expects it.
    @guarded("Cytoscape.js JSON")
    def _cyjs():
        with open(f("graph.cyjs"), encoding="utf-8") as fh:
            data = json.load(fh)
        nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
        ids = [n["data"]["id"] for n in nodes]
        check(len(ids) == NODES and len(set(ids)) == NODES, "cyjs: unique node ids")
        check_labels("cyjs", {n["data"]["id"]: n["data"]["label"] for n in nodes})
        check(all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
              and [e["data"]["id"] for e in edges] == [r[0] for r in EDGE_ROWS], "cyjs: edges reference nodes")
        check(isinstance(nodes[0]["data"]["confidence"], float) and nodes[0]["data"]["mentions"] == FM_MENTIONS,
              "cyjs: number types")
        rows = [(e["data"]["id"], e["data"]["source"], e["data"]["target"], e["data"]["relation"],
                 e["data"]["role"], e["data"]["weight"]) for e in edges]
        check(rows == EDGE_ROWS, "cyjs: edge attributes", repr(rows))

    # Neo4j CSV with Python's csv module (RFC 4180 dialect).
    @guarded("Neo4j CSV")
    def _neo4j():
        with open(f("neo4j/nodes.csv"), newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh, strict=True))
        header = rows[0]
        check(header[:2] == ["id:ID", ":LABEL"] and "mentions:long" in header and "confidence:double" in header,
              "neo4j nodes.csv header", repr(header))
        check(len(rows) == NODES + 1 and all(len(r) == len(header) for r in rows), "neo4j nodes.csv rows")
        by_id = {r[0]: dict(zip(header, r)) for r in rows[1:]}
        check_labels("neo4j nodes.csv", {k: v["label"] for k, v in by_id.items()})
        labels = {k: v[":LABEL"] for k, v in by_id.items()}
        check(labels == {k: NEO4J_LABELS[v] for k, v in KINDS.items()}, "neo4j labels by kind", repr(labels))
        check(int(by_id[FM]["mentions:long"]) == FM_MENTIONS and float(by_id[FM]["betweenness:double"]) == FM_BETWEENNESS,
              "neo4j numbers exact")
        with open(f("neo4j/relationships.csv"), newline="", encoding="utf-8") as fh:
            rels = list(csv.reader(fh, strict=True))
        check(rels[0][:4] == [":START_ID", ":END_ID", ":TYPE", "id"] and len(rels) == EDGES + 1,
              "neo4j relationships.csv header and rows", repr(rels[0]))
        check([r[2] for r in rels[1:]] == NEO4J_TYPES, "neo4j relationship types", repr([r[2] for r in rels[1:]]))
        check([(r[3], r[0], r[1], r[4], r[5], float(r[6])) for r in rels[1:]] == EDGE_ROWS,
              "neo4j relationships round trip")

    if failures:
        print(f"{len(failures)} check(s) failed: " + "; ".join(failures))
        return 1
    if skipped:
        print("all checks that ran passed; skipped: " + ", ".join(skipped))
        return 77
    print("all export checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

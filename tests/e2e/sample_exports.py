#!/usr/bin/python3
"""The bundled sample articles exported in every format, validated and read back by real
clients (xmllint with the shared schemas, networkx, igraph, Graphviz), which must all agree
with the node-link JSON on node and edge counts, attribute values and types."""
import csv
import json
import os
import subprocess
import sys
import tempfile

import igraph
import networkx as nx

CLI = os.environ["ACTORGRAPH_CLI"]
SRC = os.environ["ACTORGRAPH_SOURCE_DIR"]
SCHEMAS = os.path.join(os.environ.get("ACTORGRAPH_SHARED_DIR", ""), "schemas")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def extract(out, *extra):
    p = subprocess.run([CLI, "extract", os.path.join(SRC, "data/samples"), "-q", "-o", out, *extra],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"extract -o {out}: exit {p.returncode}: {p.stderr}")


with tempfile.TemporaryDirectory() as d:
    paths = {f: os.path.join(d, "samples." + f) for f in ["graphml", "gexf", "dot", "json", "cyjs"]}
    for p in paths.values():
        extract(p)
    extract(os.path.join(d, "neo4j"), "-f", "neo4j")

    ref = json.load(open(paths["json"]))
    nodes = {n["id"]: n for n in ref["nodes"]}
    n_nodes, n_edges = len(ref["nodes"]), len(ref["links"])
    check(n_nodes > 30 and n_edges > 20, f"sample graph too small: {n_nodes} nodes, {n_edges} edges")
    kinds = {n["kind"] for n in ref["nodes"]}
    check({"person", "event", "country", "organization"} <= kinds, f"kinds {kinds}")

    # networkx reads node-link JSON back (the D3 / networkx format).
    g = nx.node_link_graph(ref)
    check(g.number_of_nodes() == n_nodes and g.number_of_edges() == n_edges, "networkx node-link counts")

    # GraphML: schema-valid, networkx and igraph agree, with types.
    if os.path.isdir(SCHEMAS):
        r = subprocess.run(["xmllint", "--nonet", "--noout", "--schema", os.path.join(SCHEMAS, "graphml/graphml.xsd"),
                            paths["graphml"]], capture_output=True, text=True)
        check(r.returncode == 0, f"GraphML invalid: {r.stderr[:300]}")
        r = subprocess.run(["xmllint", "--nonet", "--noout", "--relaxng", os.path.join(SCHEMAS, "gexf/rng/gexf.rng"),
                            paths["gexf"]], capture_output=True, text=True)
        check(r.returncode == 0, f"GEXF invalid: {r.stderr[:300]}")
    else:
        print(f"note: {SCHEMAS} absent, schema validation skipped")
    gm = nx.read_graphml(paths["graphml"])
    check(gm.number_of_nodes() == n_nodes and gm.number_of_edges() == n_edges, "networkx GraphML counts")
    for nid, data in gm.nodes(data=True):
        want = nodes[nid]
        check(data["label"] == want["label"], f"GraphML label of {nid}")
        check(isinstance(data["confidence"], float) and data["confidence"] == want["confidence"], f"confidence of {nid}")
        check(isinstance(data["mentions"], int) and data["mentions"] == want["mentions"], f"mentions of {nid}")
    ig = igraph.Graph.Read_GraphML(paths["graphml"])
    check(ig.vcount() == n_nodes and ig.ecount() == n_edges, "igraph GraphML counts")
    check(sorted(ig.vs["label"]) == sorted(n["label"] for n in ref["nodes"]), "igraph labels")

    # DOT: Graphviz renders it without a warning; pydot reads the same graph (legend aside).
    r = subprocess.run(["dot", "-Tsvg", paths["dot"], "-o", os.path.join(d, "s.svg")], capture_output=True, text=True)
    check(r.returncode == 0 and r.stderr == "", f"dot: {r.returncode} {r.stderr[:300]}")
    gd = nx.nx_pydot.read_dot(paths["dot"])
    real = [n for n in gd.nodes if not n.strip('"').startswith("legend:") and n.strip('"') not in ("node", "edge", "graph", "\\n")]
    check(len(real) == n_nodes, f"pydot DOT nodes {len(real)} != {n_nodes}")

    # Cytoscape.js JSON.
    cy = json.load(open(paths["cyjs"]))
    check(len(cy["elements"]["nodes"]) == n_nodes and len(cy["elements"]["edges"]) == n_edges, "cyjs counts")
    check(all("id" in n["data"] and "kind" in n["data"] for n in cy["elements"]["nodes"]), "cyjs node data")

    # Neo4j CSV.
    with open(os.path.join(d, "neo4j/nodes.csv"), newline="") as f:
        rows = list(csv.reader(f))
    check(len(rows) - 1 == n_nodes and rows[0][0].endswith(":ID") and ":LABEL" in rows[0], "neo4j nodes.csv")
    with open(os.path.join(d, "neo4j/relationships.csv"), newline="") as f:
        rels = list(csv.reader(f))
    check(len(rels) - 1 == n_edges and {":START_ID", ":END_ID", ":TYPE"} <= set(rels[0]), "neo4j relationships.csv")

    # GEXF through networkx (networkx 2.8 reads GEXF 1.2: read a copy with the 1.2 namespaces).
    text = open(paths["gexf"], encoding="utf-8").read()
    text = text.replace("http://gexf.net/1.3/viz", "http://www.gexf.net/1.2draft/viz").replace(
        "http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace('version="1.3"', 'version="1.2"')
    copy = os.path.join(d, "copy.gexf")
    open(copy, "w", encoding="utf-8").write(text)
    try:
        gg = nx.read_gexf(copy)
        check(gg.number_of_nodes() == n_nodes and gg.number_of_edges() == n_edges, "networkx GEXF counts")
    except Exception as e:  # noqa: BLE001 - report any reader failure as a test failure
        check(False, f"networkx GEXF: {e}")

for f in failures:
    print("FAIL:", f)
print(f"sample exports: {len(failures)} failed checks")
sys.exit(1 if failures else 0)

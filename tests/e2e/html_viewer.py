#!/usr/bin/python3
"""The HTML viewer in a real browser (headless Chromium, no network).

Usage: html_viewer.py EXPORT_FIXTURE        (CLI from $ACTORGRAPH_CLI)

For the sample articles (extract -o samples.html, GraphML beside it for the counts) and for
the adversarial graph (export_fixture's graph.html, hostile sentences included):
  * the file is self-contained: three <script> elements, none with src, no <link>/<img>;
    the data element parses as JSON; node and edge counts equal the GraphML's;
  * Chromium loads a copy with a small test script appended (proxy pointed at a closed
    port, so any network use would fail): the viewer draws every node and edge, a
    programmatic click on the node with the most evidence sentences shows its label and its
    sentences in the side panel, with the mention in <mark> equal to the document's bytes
    [start, end) and the document id shown; search, the kind filter, the date slider, the
    actor projection and PNG export do what they say; no injected script ran;
  * no console message and no uncaught error on Chromium's log;
  * a screenshot of each page is written to $ACTORGRAPH_TMP/viewer/*.png.
Exit 0 passed, 1 failed, 77 skipped (chromium not installed).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export_check  # noqa: E402  (expected labels of the adversarial graph)

failures = []


def check(ok, what, detail=""):
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else f": {detail}"))
    if not ok:
        failures.append(what)
    return ok


HARNESS = r"""
<script>
(function () {
  var out = { errors: window.__errors || [] };
  try {
    var A = window.actorgraph, D = A.data;
    out.dataNodes = D.nodes.length; out.dataEdges = D.edges.length;
    out.viewNodes = A.view.nodes.length; out.viewLinks = A.view.links.length;
    out.scripts = document.querySelectorAll("script").length;
    out.alerted = !!window.__alerted;
    A.settle();
    var target = null;
    D.nodes.forEach(function (n) { if (n.sentences.length && (!target || n.sentences.length > target.sentences.length)) target = n; });
    if (target) {
      var p = A.screenPosition(target.id), c = document.getElementById("graph");
      ["mousemove", "click"].forEach(function (t) {
        c.dispatchEvent(new MouseEvent(t, { clientX: p.x, clientY: p.y, bubbles: true, view: window }));
      });
      var det = document.getElementById("details");
      out.clicked = target.id;
      out.label = target.label;
      out.title = det.querySelector("h2") ? det.querySelector("h2").textContent : null;
      out.marks = [].map.call(det.querySelectorAll(".sentence mark"), function (m) { return m.textContent; });
      out.sentences = [].map.call(det.querySelectorAll(".sentence"), function (m) { return m.textContent; });
      out.panel = det.textContent;
      out.expected = target.sentences;
    }
    var s = document.getElementById("search");
    s.value = D.nodes[0].label; s.dispatchEvent(new Event("input"));
    out.searchCount = document.getElementById("counts").textContent;
    s.value = ""; s.dispatchEvent(new Event("input"));
    var ev = document.querySelector('#legend input[data-kind="event"]');
    if (ev) {
      ev.click();
      out.noEvents = A.view.nodes.filter(function (n) { return n.isEvent; }).length;
      out.nodesWithoutEvents = A.view.nodes.length;
      ev.click();
    }
    var pr = document.getElementById("projection");
    if (!pr.disabled) {
      pr.click();
      out.projection = { events: A.view.nodes.filter(function (n) { return n.isEvent; }).length,
                         co: A.view.links.filter(function (l) { return l.data.relation === "co_participant"; }).length };
      pr.click();
    }
    var d = document.getElementById("date");
    if (!d.disabled) {
      d.value = "0"; d.dispatchEvent(new Event("input"));
      out.firstDate = document.getElementById("date-label").textContent;
      out.eventsAtFirst = A.view.nodes.filter(function (n) { return n.isEvent; }).map(function (n) { return n.date; });
      d.value = d.max; d.dispatchEvent(new Event("input"));
    }
    out.png = document.getElementById("graph").toDataURL("image/png").length;
    out.viewNodesAfter = A.view.nodes.length;
  } catch (e) { out.errors.push(String(e && e.stack || e)); }
  var pre = document.createElement("pre");
  pre.id = "selftest";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""
EARLY = ('<script>window.__errors=[];window.addEventListener("error",function(e){window.__errors.push(String(e.message))});'
         'window.alert=function(){window.__alerted=true};</script>')


def chromium(binary, url, work, extra):
    cmd = [binary, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
           "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", f"--user-data-dir={work}/profile",
           "--enable-logging=stderr", "--v=0", "--window-size=1400,900", "--hide-scrollbars"] + extra + [url]
    return subprocess.run(cmd, capture_output=True, timeout=90)


def console_problems(stderr):
    lines = stderr.decode(errors="replace").splitlines()
    return [l for l in lines if ":CONSOLE" in l or "Uncaught" in l]


def static_checks(name, html):
    low = html.lower()
    check(low.count("<script") == 3 and low.count("</script>") == 3, f"{name}: exactly three inline <script> elements",
          f"{low.count('<script')} open, {low.count('</script>')} close")
    check(not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", low), f"{name}: loads no file")
    m = re.search(r'<script type="application/json" id="actorgraph-data">(.*?)</script>', html, re.S)
    check(m is not None, f"{name}: data element present")
    data = json.loads(m.group(1))
    check(not re.search(r"[<>&]", m.group(1)), f"{name}: no raw < > & in the data element")
    return data


def browser_checks(name, binary, path, work, shots):
    html = open(path, encoding="utf-8").read()
    test_path = path + ".test.html"
    body = html.index("<body>") + len("<body>")
    end = html.rindex("</body>")
    with open(test_path, "w", encoding="utf-8") as f:
        f.write(html[:body] + EARLY + html[body:end] + HARNESS + html[end:])
    r = chromium(binary, "file://" + test_path, work, ["--dump-dom"])
    check(r.returncode == 0, f"{name}: chromium --dump-dom ran", r.stderr.decode(errors="replace")[-800:])
    problems = console_problems(r.stderr)
    check(not problems, f"{name}: no console messages or uncaught errors", "\n".join(problems[:5]))
    m = re.search(r'<pre id="selftest">(.*?)</pre>', r.stdout.decode(errors="replace"), re.S)
    if not check(m is not None, f"{name}: the test script wrote its results"):
        return None
    res = json.loads(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&"))
    check(not res["errors"], f"{name}: no script errors", "; ".join(res["errors"])[:600])
    shot = os.path.join(shots, os.path.basename(path).replace(".html", ".png"))
    r = chromium(binary, "file://" + os.path.abspath(path), work, ["--virtual-time-budget=6000", f"--screenshot={shot}"])
    check(r.returncode == 0 and os.path.exists(shot) and os.path.getsize(shot) > 20000,
          f"{name}: screenshot {shot}", r.stderr.decode(errors="replace")[-400:])
    problems = console_problems(r.stderr)
    check(not problems, f"{name}: no console messages while drawing", "\n".join(problems[:5]))
    return res


def common_checks(name, res, nodes, edges):
    check(res["dataNodes"] == nodes and res["dataEdges"] == edges, f"{name}: data holds {nodes} nodes, {edges} edges",
          f"{res['dataNodes']} {res['dataEdges']}")
    check(res["viewNodes"] == nodes and res["viewLinks"] == edges, f"{name}: the viewer draws every node and edge",
          f"{res['viewNodes']} {res['viewLinks']}")
    check(res["scripts"] == 5 and not res["alerted"], f"{name}: no script injected by the data",
          f"{res['scripts']} scripts, alert {res['alerted']}")
    check(res.get("title") == res.get("label"), f"{name}: a click on {res.get('clicked')} shows it in the panel",
          f"{res.get('title')!r} != {res.get('label')!r}")
    exp = res.get("expected") or []
    check(res.get("marks") == [s["mention"] for s in exp], f"{name}: each evidence sentence marks its mention",
          f"{res.get('marks')} vs {[s['mention'] for s in exp]}")
    check(res.get("sentences") == [s["before"] + s["mention"] + s["after"] for s in exp],
          f"{name}: the sentences in the panel are the data's")
    check(all(s["doc"] in res["panel"] for s in exp), f"{name}: document ids shown")
    check("1 match" in res["searchCount"] or "match" in res["searchCount"], f"{name}: search finds a node",
          res["searchCount"])
    check(res["png"] > 1000, f"{name}: canvas exports a PNG", str(res["png"]))
    check(res["viewNodesAfter"] == nodes, f"{name}: filters restored show every node again")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = shutil.which("chromium")
    if not binary:
        print("SKIP: chromium not installed (Debian package chromium, installed by scripts/setup.sh)")
        return 77
    cli = os.environ["ACTORGRAPH_CLI"]
    src = os.environ.get("ACTORGRAPH_SOURCE_DIR", os.getcwd())
    base = os.environ.get("ACTORGRAPH_TMP", "/tmp")
    work = os.path.join(base, "viewer")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    samples = os.path.join(src, "data", "samples")

    # The sample articles.
    html_path = os.path.join(work, "samples.html")
    for out in (html_path, os.path.join(work, "samples.graphml")):
        r = subprocess.run([cli, "extract", samples, "-q", "-o", out], capture_output=True)
        check(r.returncode == 0, f"extract -o {os.path.basename(out)}", r.stderr.decode(errors="replace"))
    root = ET.parse(os.path.join(work, "samples.graphml")).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    nodes, edges = len(root.findall(f".//{ns}node")), len(root.findall(f".//{ns}edge"))
    data = static_checks("samples", open(html_path, encoding="utf-8").read())
    check(len(data["nodes"]) == nodes and len(data["edges"]) == edges, "samples: counts equal the GraphML's")
    # Every sentence holds its span: the mention is the document's bytes [start, end).
    bad = []
    for n in data["nodes"]:
        for s in n["sentences"]:
            text = open(s["doc"], "rb").read()
            before = s["before"].encode()
            if text[s["start"]:s["end"]] != s["mention"].encode() or \
                    text[s["start"] - len(before):s["start"]] != before:
                bad.append((n["id"], s["doc"], s["start"]))
    check(not bad and any(n["sentences"] for n in data["nodes"]), "samples: evidence sentences match the documents",
          repr(bad[:3]))
    res = browser_checks("samples", binary, html_path, work, work)
    if res:
        common_checks("samples", res, nodes, edges)
        actors = sum(1 for n in data["nodes"] if n["kind"] != "event")
        check(res.get("noEvents") == 0 and res.get("nodesWithoutEvents") == actors,
              "samples: unticking 'event' hides the events only")
        check(res.get("projection", {}).get("events") == 0 and res["projection"]["co"] > 0,
              "samples: 'Actors only' shows co_participant links and no events", repr(res.get("projection")))
        first = min(n["date"] for n in data["nodes"] if n["kind"] == "event" and n["date"])
        check(res.get("firstDate") == first and res.get("eventsAtFirst") and
              all(d <= first for d in res["eventsAtFirst"]), "samples: the date slider shows events up to a date",
              f"{res.get('firstDate')} {res.get('eventsAtFirst')}")

    # The projection from the command line: the toggle is fixed on.
    proj = os.path.join(work, "samples-actors.html")
    r = subprocess.run([cli, "extract", samples, "--projection", "actors", "-q", "-o", proj], capture_output=True)
    check(r.returncode == 0, "extract --projection actors -o samples-actors.html")
    static_checks("projection", open(proj, encoding="utf-8").read())

    # The adversarial graph.
    fixture_dir = os.path.join(work, "fixture")
    os.makedirs(fixture_dir)
    r = subprocess.run([sys.argv[1], fixture_dir], capture_output=True)
    check(r.returncode == 0, "export_fixture writes graph.html", r.stderr.decode(errors="replace"))
    path = os.path.join(fixture_dir, "graph.html")
    html = open(path, encoding="utf-8").read()
    data = static_checks("adversarial", html)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    check(labels == export_check.LABELS, "adversarial: every label exactly, after sanitising")
    fm = next(n for n in data["nodes"] if n["id"] == export_check.FM)
    s0 = "</script><script>alert(1)</script> <!-- & \"q\" 'a' \u2028 end".encode()
    s1 = "x < y && y > z: </SCRIPT > \U0001F600 \u05e7\u05d1\u05d5\u05e6\u05ea".encode()
    want = [(s0[:0].decode(), s0[0:15].decode(), s0[15:].decode()), (s1[:10].decode(), s1[10:25].decode(), s1[25:].decode())]
    check([(s["before"], s["mention"], s["mention"] and s["after"]) for s in fm["sentences"]] == want,
          "adversarial: hostile sentences split around their spans, exactly")
    res = browser_checks("adversarial", binary, path, work, work)
    if res:
        common_checks("adversarial", res, export_check.NODES, export_check.EDGES)
        check(res.get("clicked") == export_check.FM and res.get("title") == export_check.LABELS[export_check.FM],
              "adversarial: the hostile label is shown as text")
    print(f"screenshots in {work}")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

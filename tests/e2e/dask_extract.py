#!/usr/bin/python3
"""scripts/dask_extract.py on LocalClusters of two worker processes over loopback: one the
script starts itself (its default), one started here and given to it with --scheduler.

Usage: dask_extract.py              (CLI from $ACTORGRAPH_CLI, sources from $ACTORGRAPH_SOURCE_DIR)

  * the bundled sample articles as two JSON Lines shards: GraphML and HTML (the map step
    then writes sentences) byte-identical to `actorgraph extract` over the same shards, and
    a progress line on standard error for each shard;
  * a corpus where meetings take their document's date by default and are only merged with
    explicitly dated events through an event of another shard: byte-identical to extract;
    positive control: merging the same map output with the default dates taken out gives
    another graph, with more events, so the corpus does exercise them;
  * a shard that is not JSON, next to a good one: tried twice, exit 1, the last line of
    standard error names the shard and says nothing was written, no output file and no
    temporary file left in the output folder;
  * a map step that fails once (a wrapper around the CLI) is retried, and the graph is
    still extract's; a missing shard is named with exit 3.
Exit 0 passed, 1 failed, 77 skipped (python3-distributed not installed).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

failures = []


def check(ok, what, detail=""):
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else f": {detail}"))
    if not ok:
        failures.append(what)
    return ok


SAMPLES = [
    "2021-04-14-minsk-group-video-consultations.txt",
    "2021-07-07-putin-macron-phone-call.txt",
    "2021-09-09-lavrov-bayramov-moscow-talks.txt",
    "2021-10-18-aliyev-visit-ankara.txt",
    "2021-11-26-sochi-trilateral-summit.txt",
]

# Events that take their document's date by default, in two patterns, and the event that
# gives them an explicit date only through another shard. Extract merges them; a merge that
# does not know which dates were defaults keeps them apart. Two patterns, because the merge
# rule decides which one bites: "share a participant" (pattern 1) or "one event's
# participants within the other's" (pattern 2).
# 1. Doc "x": the Aliyev-Pashinyan meeting has no date of its own (so 2021-02-16), the
#    Putin-Erdogan talks are dated February 10. Doc "y": Pashinyan-Putin talks on February
#    10, which merge with x's talks (Putin); x's meeting then yields its default date to them.
# 2. Doc "x2": a Lavrov-Mirzoyan meeting dated by default (2022-03-09) and Mirzoyan-Bayramov
#    talks on March 3. Doc "y2": Lavrov, Mirzoyan and Bayramov talks on March 3, which take
#    in x2's talks, and then x2's meeting.
DEFAULT_DATE_SHARDS = {
    "x.jsonl": [{"id": "x", "date": "2021-02-16", "text":
                 "Ilham Aliyev met Nikol Pashinyan in Brussels.\n\n"
                 "Separately, on February 10, Vladimir Putin held talks with Recep Tayyip Erdogan in Moscow."},
                {"id": "x2", "date": "2022-03-09", "text":
                 "Sergey Lavrov met Ararat Mirzoyan in Minsk.\n\n"
                 "On March 3, Ararat Mirzoyan held talks with Jeyhun Bayramov in Tbilisi."}],
    "y.jsonl": [{"id": "y", "date": "2021-02-20", "text":
                 "On February 10, Nikol Pashinyan and Vladimir Putin held talks in Moscow."},
                {"id": "y2", "date": "2022-03-12", "text":
                 "On March 3, Sergey Lavrov, Ararat Mirzoyan and Jeyhun Bayramov held talks in Tbilisi."}],
    "z.jsonl": [{"id": "z", "date": "2022-05-10", "text":
                 "Emmanuel Macron met Olaf Scholz in Paris on Monday."}],
}


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")


def run(cmd):
    start = time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r, time.monotonic() - start


def same_bytes(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        return fa.read() == fb.read()


def main():
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("SKIP: Dask is not installed (Debian package python3-distributed)")
        return 77
    cli = os.environ["ACTORGRAPH_CLI"]
    source = os.environ.get("ACTORGRAPH_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", "..")
    script = os.path.join(source, "scripts", "dask_extract.py")
    base = os.environ.get("ACTORGRAPH_TMP") or tempfile.gettempdir()
    os.makedirs(base, exist_ok=True)
    work = tempfile.mkdtemp(prefix="dask-e2e-", dir=base)
    # The first run starts its own LocalCluster (the default); the others go to one cluster
    # of two worker processes started here, through --scheduler, as on a real cluster.
    local = ["/usr/bin/python3", script, "--actorgraph", cli, "--workers", "2", "-j", "1"]
    import logging
    from distributed import LocalCluster
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, silence_logs=logging.ERROR)
    try:
        return checks(cli, script, work, local, cluster.scheduler_address)
    finally:
        cluster.close()


def checks(cli, script, work, local, address):
    source = os.environ.get("ACTORGRAPH_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", "..")
    dask = ["/usr/bin/python3", script, "--actorgraph", cli, "-j", "1", "--scheduler", address]

    # 1. The sample articles in two shards.
    docs = []
    for name in SAMPLES:
        with open(os.path.join(source, "data", "samples", name), encoding="utf-8") as fh:
            docs.append({"id": name[:-4], "date": name[:10], "text": fh.read()})
    s1, s2 = os.path.join(work, "part-1.jsonl"), os.path.join(work, "part-2.jsonl")
    write_jsonl(s1, docs[:2])
    write_jsonl(s2, docs[2:])
    for ext in ("graphml", "html"):
        single, via = os.path.join(work, f"single.{ext}"), os.path.join(work, f"dask.{ext}")
        r, _ = run([cli, "extract", s1, s2, "-q", "-o", single])
        check(r.returncode == 0, f"extract -o single.{ext}", r.stderr)
        how = local if ext == "graphml" else dask
        r, secs = run(how + [s1, s2, "-o", via])
        where = "own LocalCluster" if how is local else "--scheduler"
        if not check(r.returncode == 0, f"dask_extract -o dask.{ext} ({where}) exits 0 ({secs:.1f} s)", r.stderr):
            continue
        check(same_bytes(single, via), f"samples: dask.{ext} is byte-identical to extract's")
        progress = [l for l in r.stderr.splitlines() if l.startswith("dask_extract: [")]
        check(len(progress) == 2 and all(("part-1.jsonl" in l) != ("part-2.jsonl" in l) for l in progress)
              and any("part-1.jsonl: 2 documents" in l for l in progress)
              and any("part-2.jsonl: 3 documents" in l for l in progress),
              f"samples ({ext}): one progress line per shard with its document count", repr(progress))
    with open(os.path.join(work, "single.graphml"), encoding="utf-8") as fh:
        nodes = fh.read().count("<node ")
    check(nodes >= 20, f"samples: the graph is not trivial ({nodes} nodes)")
    with open(os.path.join(work, "dask.html"), encoding="utf-8") as fh:
        check('"sentences":[{' in fh.read(), "samples: the HTML carries evidence sentences (map step ran --sentences)")

    # 2. Default document dates across shards.
    shards = []
    for name, shard_docs in DEFAULT_DATE_SHARDS.items():
        shards.append(os.path.join(work, name))
        write_jsonl(shards[-1], shard_docs)
    single, via = os.path.join(work, "dates-single.graphml"), os.path.join(work, "dates-dask.graphml")
    r, _ = run([cli, "extract"] + shards + ["-q", "-o", single])
    check(r.returncode == 0, "extract over the default-date corpus", r.stderr)
    # Positive control: the corpus depends on default dates. The map step by hand, with any
    # default_date_doc taken out of the events, merges into a graph other than extract's.
    stripped = []
    for i, shard in enumerate(shards):
        for command in ("mentions", "events"):
            r, _ = run([cli, command, shard, "-q", "-o", "-"])
            check(r.returncode == 0, f"{command} {os.path.basename(shard)}", r.stderr)
            lines = []
            for line in r.stdout.splitlines():
                record = json.loads(line)
                record.pop("default_date_doc", None)
                lines.append(json.dumps(record, ensure_ascii=False) + "\n")
            stripped.append(os.path.join(work, f"stripped-{i}.{command}.jsonl"))
            with open(stripped[-1], "w", encoding="utf-8") as fh:
                fh.writelines(lines)
    blind = os.path.join(work, "dates-blind.graphml")
    r, _ = run([cli, "merge"] + stripped + ["-q", "-o", blind])
    check(r.returncode == 0, "merge of the shards without default dates", r.stderr)
    check(not same_bytes(single, blind),
          "positive control: without knowing the default dates, merge gives another graph than extract")
    with open(single, encoding="utf-8") as fh:
        extract_events = [l.split('"')[1] for l in fh.read().splitlines() if '<node id="event:' in l]
    with open(blind, encoding="utf-8") as fh:
        blind_events = [l.split('"')[1] for l in fh.read().splitlines() if '<node id="event:' in l]
    check(len(extract_events) < len(blind_events),
          "positive control: extract merged more events", f"extract {extract_events}, blind {blind_events}")
    r, secs = run(dask + shards + ["-o", via])
    if check(r.returncode == 0, f"dask_extract over the default-date corpus exits 0 ({secs:.1f} s)", r.stderr):
        ok = check(same_bytes(single, via), "default dates: dask graph byte-identical to extract's")
        if not ok:
            with open(via, encoding="utf-8") as fh:
                print("  extract's events: " + ", ".join(extract_events))
                print("  dask's events: " + ", ".join(
                    l.split('"')[1] for l in fh.read().splitlines() if '<node id="event:' in l))

    # 3. A shard that is not JSON.
    bad = os.path.join(work, "broken-shard.jsonl")
    with open(bad, "w", encoding="utf-8") as fh:
        fh.write("this is not JSON\n")
    out_dir = os.path.join(work, "out")
    os.makedirs(out_dir)
    out = os.path.join(out_dir, "graph.graphml")
    r, secs = run(dask + [s1, bad, "-o", out])
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    check(r.returncode == 1, f"bad shard: exit 1 ({secs:.1f} s)", f"exit {r.returncode}: {r.stderr}")
    last = lines[-1] if lines else ""
    check(last.startswith("dask_extract: error: shard ") and bad in last and "failed twice" in last
          and "nothing written" in last and "malformed JSON" in last,
          "bad shard: the one-line error names the shard and actorgraph's reason", repr(last))
    check(sum(l.startswith("dask_extract: error:") for l in lines) == 1, "bad shard: exactly one error line", repr(lines))
    check(any("trying it once more" in l and bad in l for l in lines), "bad shard: retried once", repr(lines))
    check(os.listdir(out_dir) == [], "bad shard: nothing written to the output folder", repr(os.listdir(out_dir)))

    # 4. A map step that fails once (a wrapper that exits 1 on its first call) is retried
    #    and the graph is still extract's.
    flaky = os.path.join(work, "flaky-actorgraph")
    marker = os.path.join(work, "flaky-failed-once")
    with open(flaky, "w", encoding="utf-8") as fh:
        fh.write("#!/bin/sh\n"
                 f"if [ \"$1\" = mentions ] && mkdir '{marker}' 2>/dev/null; then\n"
                 "  echo 'actorgraph: error: simulated worker failure' >&2; exit 3\n"
                 "fi\n"
                 f"exec '{cli}' \"$@\"\n")
    os.chmod(flaky, 0o755)
    via = os.path.join(work, "flaky.graphml")
    r, secs = run(["/usr/bin/python3", script, "--actorgraph", flaky, "-j", "1", "--scheduler", address, s1, s2, "-o", via])
    check(r.returncode == 0 and "simulated worker failure); trying it once more" in r.stderr,
          f"one failure: retried, exit 0 ({secs:.1f} s)", f"exit {r.returncode}: {r.stderr}")
    check(os.path.exists(via) and same_bytes(os.path.join(work, "single.graphml"), via),
          "one failure: the graph is still byte-identical to extract's")

    # Usage errors: a missing shard.
    r, _ = run(local + [os.path.join(work, "missing.jsonl"), "-o", out])
    check(r.returncode == 3 and "missing.jsonl: no such file" in r.stderr, "missing shard: exit 3 naming it",
          f"exit {r.returncode}: {r.stderr}")

    if failures:
        print(f"{len(failures)} check(s) failed: " + "; ".join(failures) + f" (files kept in {work})")
        return 1
    import shutil
    shutil.rmtree(work, ignore_errors=True)
    print("dask_extract: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""`merge` of the map step's shards gives the bytes of one `extract`, for any split.

Corpora: the samples (data/samples), the readouts (../shared/data/readouts/texts, skipped
with a message when absent) and a generated corpus whose documents report the same meetings on
the same days (events that merge across documents, dated by the text, by the document's date
or not at all). Each corpus is one JSON Lines file with explicit ids. For every document
boundary k the documents [0, k) and [k, n) are two shards, and `merge` of their `mentions` and
`events` files, in both shard orders, must equal `extract` of the whole corpus (GraphML both
ways, and the actor projection as JSON). Each document is mapped once and a shard's files are
the concatenation of its documents' (that this equals mapping the shard is checked on three
real shards per corpus). Then every document is a shard of its own and the
shards are merged in a shuffled order (three seeds). Exit 1 on the first corpus that differs,
with the split named.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

CLI = os.environ["ACTORGRAPH_CLI"]
SOURCE = os.environ["ACTORGRAPH_SOURCE_DIR"]
SHARED = os.environ.get("ACTORGRAPH_SHARED_DIR", "")
TMP = os.environ.get("ACTORGRAPH_TMP", tempfile.gettempdir())
NAMES = ["--no-default-gazetteers", "-g", os.path.join(SOURCE, "tests/fixtures/documents/names.jsonl")]
OUTPUTS = [("graphml", []), ("json", ["--projection", "actors"])]


def run(*args):
    p = subprocess.run([CLI, *args, "-q"], capture_output=True)
    if p.returncode != 0:
        sys.exit(f"FAIL: actorgraph {' '.join(args)}: exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    return p.stdout


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def samples():
    folder = os.path.join(SOURCE, "data/samples")
    return [{"id": n[:-4], "text": open(os.path.join(folder, n), encoding="utf-8").read()}
            for n in sorted(os.listdir(folder)) if n.endswith(".txt")]


def readouts():
    folder = os.path.join(SHARED, "data/readouts/texts")
    if not SHARED or not os.path.isdir(folder):
        return None
    docs = []
    for n in sorted(os.listdir(folder)):
        if not n.endswith(".txt"):
            continue
        doc = {"id": n[:-4], "text": open(os.path.join(folder, n), encoding="utf-8").read()}
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", n)
        if m:
            doc["date"] = m.group(1)
        docs.append(doc)
    return docs


def generated():
    """Documents that report the same meetings: the same pair on the same day in several
    documents (dated by the text, by the document's date, or not at all), a third person
    joining in some, and an undated report."""
    rng = random.Random(18)
    people = ["Ilse Varga", "Tomas Brandt", "Nadia Okafor"]
    docs = []
    for i in range(24):
        day = f"2021-03-{1 + rng.randrange(3):02d}"
        a, b = rng.sample(people, 2)
        shape = rng.randrange(5)
        if shape == 0:
            text = f"On {day}, {a} met {b} in Vienna. They discussed trade."
            doc = {"id": f"g{i:02d}", "text": text}
        elif shape == 1:
            text = f"{a} met {b} today. The talks lasted two hours."
            doc = {"id": f"g{i:02d}", "text": text, "date": day}
        elif shape == 2:
            c = next(p for p in people if p not in (a, b))
            text = f"{a} held talks with {b} and {c} on {day}."
            doc = {"id": f"g{i:02d}", "text": text, "date": "2021-03-05"}
        elif shape == 3:
            text = f"{a} and {b} met. {b} later spoke to {a} by phone."
            doc = {"id": f"g{i:02d}", "text": text}
        else:
            text = f"{a} visited {b} in Vienna yesterday."
            doc = {"id": f"g{i:02d}", "text": text, "date": day}
        docs.append(doc)
    return docs


def map_shard(folder, name, docs, extra):
    path = os.path.join(folder, f"{name}.jsonl")
    write_jsonl(path, docs)
    m, e = path + ".mentions", path + ".events"
    run("mentions", *extra, path, "-o", m)
    run("events", *extra, path, "-o", e)
    return [m, e]


def check_corpus(label, docs, extra):
    folder = tempfile.mkdtemp(prefix=f"merge-splits-{label}-", dir=TMP)
    whole = os.path.join(folder, "whole.jsonl")
    write_jsonl(whole, docs)
    expected = {}
    for fmt, args in OUTPUTS:
        out = os.path.join(folder, f"whole.{fmt}")
        run("extract", *extra, *args, whole, "-o", out)
        expected[fmt] = open(out, "rb").read()
    n = len(docs)
    failures = []
    compared = 0

    def compare(what, shards, fmts=("graphml", "json")):
        nonlocal compared
        for fmt, args in OUTPUTS:
            if fmt not in fmts:
                continue
            out = os.path.join(folder, f"merged.{fmt}")
            run("merge", *extra, *args, *shards, "-o", out)
            compared += 1
            if open(out, "rb").read() != expected[fmt]:
                failures.append(f"{label}: {what}: merged {fmt} differs from extract")

    # The map step of a shard is that of its documents one after the other (checked below on
    # real shards), so each document is mapped once and a shard's files are concatenations.
    singles = [map_shard(folder, f"d{i}", [d], extra) for i, d in enumerate(docs)]

    def shard(name, indices):
        files = []
        for kind, part in (("mentions", 0), ("events", 1)):
            path = os.path.join(folder, f"{name}.{kind}")
            with open(path, "wb") as out:
                for i in indices:
                    out.write(open(singles[i][part], "rb").read())
            files.append(path)
        return files

    for k in sorted({1, n // 2, n - 1}):
        real = map_shard(folder, "real", docs[:k], extra)
        for made, actual in zip(shard("made", range(k)), real):
            if open(made, "rb").read() != open(actual, "rb").read():
                failures.append(f"{label}: the map step of documents [0, {k}) is not that of each document in turn")
    for k in range(1, n):
        if failures:
            break
        first, second = shard("a", range(k)), shard("b", range(k, n))
        compare(f"split at {k} of {n}", first + second)
        compare(f"split at {k} of {n}, shards reversed", second[::-1] + first[::-1], fmts=("graphml",))
    if not failures:
        for seed in (1, 2, 3):
            order = list(range(n))
            random.Random(seed).shuffle(order)
            compare(f"{n} one-document shards in shuffled order (seed {seed})",
                    [f for i in order for f in singles[i]])
    # Positive control: without the last document's shard the merge must differ.
    out = os.path.join(folder, "control.graphml")
    run("merge", *extra, *[f for i in range(n - 1) for f in singles[i]], "-o", out)
    if open(out, "rb").read() == expected["graphml"]:
        failures.append(f"{label}: control: a merge without document {n - 1} equals extract, so the test proves nothing")
    print(f"{label}: {n} documents, {compared} merges compared, {len(failures)} differ")
    for f in failures:
        print(f"FAIL: {f}")
    if not failures:
        subprocess.run(["rm", "-rf", folder])
    return not failures


ok = check_corpus("samples", samples(), [])
ok = check_corpus("generated", generated(), NAMES) and ok
r = readouts()
if r is None:
    print("readouts: skipped (ACTORGRAPH_SHARED_DIR/data/readouts/texts is absent)")
else:
    ok = check_corpus("readouts", r, []) and ok
sys.exit(0 if ok else 1)

#!/usr/bin/python3
"""Scores the names `actorgraph mentions` finds against open NER test sets, with the trained
name tagger and without it (--no-name-model), side by side.

  bench/eval_names.py [--cli build/bin/actorgraph] [--shared ../shared] [--sets pud,wikigold,gum]

  pud       UNER English-PUD (news and Wikipedia sentences), ../shared/data/uner-english
  wikigold  wikigold (Wikipedia, CoNLL-2003 scheme; MISC is not scored), ../shared/data/ner-open-extras
  gum       GUM news, through bench/eval_gum.py (strict; with --skip-resolved adjective,demonym,role)

Every set is a test set: none of it is in the name tagger's training data. Each document's
text is the tokens of the set joined by single spaces (PUD: its `# text` when the tokens are
found in it in order); a name counts when its byte span and type equal a gold name's
(strict). Our kinds map to types: person PER, organization and group ORG, country and
location LOC. Mentions resolved as adjective, demonym or role reference ("Russian", "the
Russian leader") describe rather than name and are left out.
Exit codes: 0 scored, 1 the CLI failed, 77 the shared data is absent.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

KIND = {"person": "PER", "organization": "ORG", "group": "ORG", "country": "LOC", "location": "LOC"}
TYPES = ("PER", "ORG", "LOC")
SKIP = {"adjective", "demonym", "role"}


def spans_of(tags):
    out, start, typ = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if start is not None and not (t.startswith("I-") and t[2:] == typ):
            out.append((start, i, typ))
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start, typ = i, t[2:]
    return out


def read_pud(path):
    docs, doc, sent, text = [], None, [], None

    def flush():
        nonlocal sent, text
        if sent:
            doc["sents"].append((text, sent))
        sent, text = [], None

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                flush()
                doc = {"id": line.split("=", 1)[1].strip(), "sents": []}
                docs.append(doc)
            elif line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line.startswith("#"):
                continue
            elif not line:
                flush()
            else:
                cols = line.split("\t")
                sent.append((cols[1], cols[2] if cols[2] in ("B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC") else "O"))
        flush()
    return docs


def read_wikigold(path):
    docs, doc, sent = [], None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sent:
                    doc["sents"].append((None, sent))
                    sent = []
                doc = {"id": f"wikigold-{len(docs) + 1}", "sents": []}
                docs.append(doc)
                continue
            if doc is None:
                doc = {"id": f"wikigold-{len(docs) + 1}", "sents": []}
                docs.append(doc)
            if not line.strip():
                if sent:
                    doc["sents"].append((None, sent))
                    sent = []
                continue
            form, tag = line.rsplit(" ", 1)
            # IOB1 to BIO: an I- after another type or O starts a name.
            sent.append((form, tag if tag[2:] in TYPES else "O"))
        if sent:
            doc["sents"].append((None, sent))
    for d in docs:
        for k, (t, s) in enumerate(d["sents"]):
            fixed, prev = [], "O"
            for form, tag in s:
                if tag.startswith("I-") and prev[2:] != tag[2:]:
                    tag = "B-" + tag[2:]
                fixed.append((form, tag))
                prev = tag
            d["sents"][k] = (t, fixed)
    return docs


def build(docs):
    """JSON Lines documents and the gold byte spans per document."""
    lines, gold = [], {}
    for d in docs:
        parts, g, pos = [], [], 0
        for text, sent in d["sents"]:
            offs = None
            if text is not None:
                offs, at = [], 0
                for form, _ in sent:
                    k = text.find(form, at)
                    if k < 0:
                        offs = None
                        break
                    offs.append((k, k + len(form)))
                    at = k + len(form)
            if offs is None:
                text, offs, at = "", [], 0
                for form, _ in sent:
                    if text:
                        text += " "
                    offs.append((len(text), len(text) + len(form)))
                    text += form
            base = len("\n".join(parts).encode()) + (1 if parts else 0)
            for s, e, typ in spans_of([t for _, t in sent]):
                bs = base + len(text[:offs[s][0]].encode())
                be = base + len(text[:offs[e - 1][1]].encode())
                g.append((bs, be, typ))
            parts.append(text)
        lines.append(json.dumps({"id": d["id"], "text": "\n".join(parts)}))
        gold[d["id"]] = g
    return "\n".join(lines) + "\n", gold


def run(cli, jsonl, extra):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write(jsonl)
        path = f.name
    try:
        proc = subprocess.run([cli, "mentions", path, "--no-progress", "-q"] + extra, capture_output=True, timeout=600)
    finally:
        os.unlink(path)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode(errors="replace"))
    pred = collections.defaultdict(list)
    for line in proc.stdout.decode().splitlines():
        m = json.loads(line)
        if m["resolved_by"] in SKIP or m["kind"] not in KIND:
            continue
        pred[m["doc"]].append((m["start"], m["end"], KIND[m["kind"]]))
    return pred


def score(gold, pred):
    c = {t: [0, 0, 0] for t in TYPES}  # tp, gold, pred
    for doc, g in gold.items():
        gs, ps = set(g), set(pred.get(doc, []))
        for s in gs:
            c[s[2]][1] += 1
        for s in ps:
            c[s[2]][2] += 1
            if s in gs:
                c[s[2]][0] += 1
    c["micro"] = [sum(c[t][i] for t in TYPES) for i in range(3)]
    out = {}
    for t, (tp, ng, np_) in c.items():
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        out[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, ng, np_)
    return out


def table(name, base, model):
    print(f"{name}: strict span and type; without the name model | with it")
    print(f"  {'type':<6}{'gold':>6}  {'P':>6}{'R':>7}{'F1':>7}  |{'P':>7}{'R':>7}{'F1':>7}")
    for t in TYPES + ("micro",):
        b, m = base[t], model[t]
        print(f"  {t:<6}{b[3]:>6}  {b[0]:>6.3f}{b[1]:>7.3f}{b[2]:>7.3f}  |{m[0]:>7.3f}{m[1]:>7.3f}{m[2]:>7.3f}")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--cli", default=os.path.join(repo, "build/bin/actorgraph"))
    ap.add_argument("--shared", default=os.environ.get("ACTORGRAPH_SHARED_DIR", os.path.join(repo, "../shared")))
    ap.add_argument("--sets", default="pud,wikigold,gum")
    args = ap.parse_args()
    data = os.path.join(args.shared, "data")
    sets = args.sets.split(",")
    readers = {
        "pud": ("UNER English-PUD", lambda: read_pud(os.path.join(data, "uner-english/en_pud-ud-test.iob2"))),
        "ewt-dev": ("UNER English-EWT dev (in-domain check)", lambda: read_pud(os.path.join(data, "uner-english/en_ewt-ud-dev.iob2"))),
        "wikigold": ("wikigold", lambda: read_wikigold(os.path.join(data, "ner-open-extras/wikigold/wikigold.conll.txt"))),
    }
    for s in sets:
        if s == "gum":
            for label, extra in (("without the name model", ["--cli-arg=--no-name-model"]), ("with it", [])):
                print(f"GUM news ({label}):")
                # As for the other sets: adjectives, demonyms and role references are not names.
                proc = subprocess.run([sys.executable, os.path.join(repo, "bench/eval_gum.py"), "--cli", args.cli,
                                       "--shared", args.shared, "--skip-resolved", ",".join(sorted(SKIP))] + extra,
                                      capture_output=True, text=True)
                if proc.returncode == 77:
                    print("  skipped: no GUM data")
                    break
                rows = proc.stdout.splitlines()
                start = next((i for i, r in enumerate(rows) if r.startswith("typed")), None)
                if start is None:
                    print(proc.stdout + proc.stderr)
                    return 1
                print("\n".join(rows[start - 1:start + 5]))
                print()
            continue
        if s not in readers:
            print(f"eval_names: unknown set {s}", file=sys.stderr)
            return 2
        name, read = readers[s]
        try:
            docs = read()
        except FileNotFoundError as e:
            print(f"eval_names: skipped {s}: {e}", file=sys.stderr)
            return 77
        jsonl, gold = build(docs)
        try:
            base = score(gold, run(args.cli, jsonl, ["--no-name-model"]))
            model = score(gold, run(args.cli, jsonl, []))
        except RuntimeError as e:
            print(f"eval_names: {e}", file=sys.stderr)
            return 1
        table(f"{name} ({len(docs)} documents)", base, model)
    return 0


if __name__ == "__main__":
    sys.exit(main())

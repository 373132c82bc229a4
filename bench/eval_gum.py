#!/usr/bin/python3
"""Score `actorgraph mentions` against the named entity mentions of the GUM corpus.

A measurement, not a test: GUM's categories and span conventions differ from ours (countries
acting politically are often `organization`, spans include articles, titles and possessive
"'s"), so the figures say where the matcher stands, not whether it is "right".

For each selected GUM document (../shared/data/gum/) the script
  1. reads the CoNLL-U file (the tokens GUM's entity spans index) and the plain text
     text/DOC.txt (a "URL | title | date" header line, then the text); every token is aligned
     to a character span of that text, and from there to a UTF-8 byte span. Should the text
     not hold the tokens in order, the text is rebuilt from the CoNLL-U sentences instead
     (paragraphs separated by a blank line, sentences by a newline) and that text is scored;
  2. keeps the entity mentions of text/DOC.entities.tsv whose `named` flag is 1 and whose type
     is person, organization or place (the gold standard);
  3. runs `actorgraph mentions` once over all documents, given as one JSON Lines file
     (id, text, date), so the byte offsets it reports are offsets into exactly that text;
  4. compares, with one-to-one matching, under four regimes:
       strict   same span after trimming a leading article ("the", "a", "an") and a trailing
                possessive ("'s", "'") from both sides, and the same type;
       lenient  overlapping spans, same type;
     and the type-agnostic version of each (span only).
Our kinds map to GUM's types: person -> person, organization and group -> organization,
country and location -> place.

A prediction that coincides (strict span) with a GUM mention of one of the three types that
GUM does not flag as named ("the President", "the ambassador") is neither right nor wrong: it
is left out of precision and counted as `ignored`.

Usage: eval_gum.py [--cli PATH] [--docs news|all] [--doc NAME]... [--limit N] [--errors]
                   [--skip-resolved adjective,demonym]
Exit codes: 0 scored, 1 the CLI failed or wrote malformed output, 2 bad usage,
77 the shared data is absent.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

TYPES = ("person", "organization", "place")
CLI_ARGS = []  # extra arguments for `actorgraph mentions` (--cli-arg)
KIND_TO_TYPE = {
    "person": "person",
    "organization": "organization",
    "group": "organization",
    "country": "place",
    "location": "place",
}
ARTICLES = (b"the ", b"a ", b"an ")


class DataError(Exception):
    pass


# ---- reading GUM -------------------------------------------------------------------------


def read_conllu(path):
    """Returns (paragraphs, words): paragraphs is a list of lists of sentence texts; words is
    a list, in document order, of (sentence index, form, group), where group is the index of
    the multi-word token the word belongs to (or None) and groups maps to its surface."""
    paragraphs = []
    sentences = []  # flat list of sentence texts
    words = []  # (sentence_index, form, mwt_id or None)
    mwts = {}  # mwt_id -> (surface, last word id)
    mwt_end = None
    mwt_current = None
    pending_text = None
    new_par = True
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line:
                pending_text = None
                continue
            if line.startswith("#"):
                if line.startswith("# newpar") and not line.startswith("# newpar_block"):
                    new_par = True
                elif line.startswith("# text = "):
                    pending_text = line[len("# text = "):]
                    if new_par or not paragraphs:
                        paragraphs.append([])
                        new_par = False
                    paragraphs[-1].append(pending_text)
                    sentences.append(pending_text)
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise DataError(f"{path}: malformed line: {line[:60]!r}")
            tid = cols[0]
            if "." in tid:  # empty node: not a token of the text
                continue
            if "-" in tid:
                first, last = (int(x) for x in tid.split("-"))
                mwt_current = len(mwts)
                mwts[mwt_current] = cols[1]
                mwt_end = last
                continue
            wid = int(tid)
            group = mwt_current if mwt_end is not None and wid <= mwt_end else None
            if mwt_end is not None and wid >= mwt_end:
                mwt_end = None
                mwt_current = None
            words.append((len(sentences) - 1, cols[1], group))
    return paragraphs, sentences, words, mwts


def align(text, words, mwts):
    """Character spans of `words` in `text`, found in order; None if they are not there."""
    spans = []
    pos = 0
    group_span = {}
    n = len(text)
    for _sent, form, group in words:
        if group is not None:
            if group not in group_span:
                surface = mwts[group]
                while pos < n and text[pos].isspace():
                    pos += 1
                if not text.startswith(surface, pos):
                    return None
                group_span[group] = [pos, pos + len(surface), pos]  # start, end, cursor
                pos += len(surface)
            gs, ge, cur = group_span[group]
            # Split the surface into its words where the forms allow it ("does" + "n't"),
            # otherwise every word gets the whole surface.
            if text.startswith(form, cur) and cur + len(form) <= ge:
                spans.append((cur, cur + len(form)))
                group_span[group][2] = cur + len(form)
            else:
                spans.append((gs, ge))
            continue
        while pos < n and text[pos].isspace():
            pos += 1
        if not text.startswith(form, pos):
            return None
        spans.append((pos, pos + len(form)))
        pos += len(form)
    return spans


def byte_offsets(text):
    """offsets[i] = UTF-8 byte offset of character i (len(text) + 1 entries)."""
    out = [0] * (len(text) + 1)
    b = 0
    for i, ch in enumerate(text):
        out[i] = b
        b += len(ch.encode("utf-8"))
    out[len(text)] = b
    return out


def load_document(gum_dir, name):
    conllu = os.path.join(gum_dir, "conllu", name + ".conllu")
    txt = os.path.join(gum_dir, "text", name + ".txt")
    tsv = os.path.join(gum_dir, "text", name + ".entities.tsv")
    paragraphs, _sentences, words, mwts = read_conllu(conllu)
    date = ""
    source = "text"
    with open(txt, encoding="utf-8") as f:
        header, _, body = f.read().partition("\n")
    tail = header.rsplit("|", 1)[-1].strip()
    for tok in tail.split():
        if len(tok) == 10 and tok[4] == "-" and tok[7] == "-":
            date = tok
    spans = align(body, words, mwts)
    if spans is None:
        body = "\n\n".join("\n".join(p) for p in paragraphs) + "\n"
        source = "conllu"
        spans = align(body, words, mwts)
        if spans is None:
            raise DataError(f"{name}: the CoNLL-U tokens cannot be aligned to their own sentence text")
    offsets = byte_offsets(body)
    data = body.encode("utf-8")
    gold = []
    unnamed = []
    mismatches = 0
    with open(tsv, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        col = {h: i for i, h in enumerate(head)}
        for lineno, raw in enumerate(f, start=2):
            cols = raw.rstrip("\n").split("\t")
            if len(cols) < len(head):
                raise DataError(f"{tsv}:{lineno}: {len(cols)} columns, expected {len(head)}")
            etype = cols[col["etype"]]
            if etype not in TYPES:
                continue
            s, e = int(cols[col["start_tok"]]), int(cols[col["end_tok"]])
            if not (0 <= s <= e < len(words)):
                raise DataError(f"{tsv}:{lineno}: token span {s}-{e} outside the {len(words)} tokens")
            if " ".join(w[1] for w in words[s:e + 1]) != cols[col["mention"]]:
                mismatches += 1
            cs, ce = spans[s][0], spans[e][1]
            m = {"start": offsets[cs], "end": offsets[ce], "type": etype,
                 "text": body[cs:ce], "wiki": cols[col["wiki_identity"]]}
            (gold if cols[col["named"]] == "1" else unnamed).append(m)
    return {"id": name, "text": body, "bytes": data, "date": date, "source": source,
            "gold": gold, "unnamed": unnamed, "tsv_mismatches": mismatches}


# ---- running the CLI ---------------------------------------------------------------------


def run_cli(cli, docs, tmpdir):
    path = os.path.join(tmpdir, "gum-docs.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            obj = {"id": d["id"], "text": d["text"]}
            if d["date"]:
                obj["date"] = d["date"]
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    proc = subprocess.run([cli, "mentions", path, "--no-progress"] + list(CLI_ARGS), capture_output=True, timeout=120)
    if proc.returncode != 0:
        how = f"was killed by signal {-proc.returncode}" if proc.returncode < 0 else f"exited with {proc.returncode}"
        raise DataError(f"actorgraph mentions {how}: "
                        f"{proc.stderr.decode('utf-8', 'replace').strip()[-2000:]}")
    by_doc = {d["id"]: d for d in docs}
    preds = collections.defaultdict(list)
    bad_offsets = 0
    for lineno, raw in enumerate(proc.stdout.decode("utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            m = json.loads(raw)
            doc, start, end, kind = m["doc"], m["start"], m["end"], m["kind"]
        except (ValueError, KeyError, TypeError) as e:
            raise DataError(f"mentions output line {lineno}: malformed ({e}): {raw[:120]}")
        if doc not in by_doc:
            raise DataError(f"mentions output line {lineno}: unknown doc {doc!r}")
        data = by_doc[doc]["bytes"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(data)):
            raise DataError(f"mentions output line {lineno}: bad span {start}-{end}")
        if data[start:end].decode("utf-8", "replace") != m.get("text"):
            bad_offsets += 1
        preds[doc].append({"start": start, "end": end, "kind": kind,
                           "type": KIND_TO_TYPE.get(kind), "text": m.get("text", ""),
                           "resolved_by": m.get("resolved_by", ""), "entity_id": m.get("entity_id", "")})
    return preds, bad_offsets


# ---- scoring -----------------------------------------------------------------------------


def trimmed(data, start, end):
    """The span less a leading article and a trailing possessive (and the blanks they leave)."""
    low = data[start:end].lower()
    for art in ARTICLES:
        if low.startswith(art) and end - start > len(art):
            start += len(art)
            break
    while end > start and data[end - 1:end] in (b" ", b"\n"):
        end -= 1
    for suffix in (b"'s", b"\xe2\x80\x99s", b"'", b"\xe2\x80\x99"):
        if data[start:end].endswith(suffix) and end - start > len(suffix):
            end -= len(suffix)
            break
    while end > start and data[end - 1:end] in (b" ", b"\n"):
        end -= 1
    return start, end


def match(gold, preds, data, lenient, typed):
    """One-to-one matching; returns the list of (gold index, pred index) pairs."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if typed and p["type"] != g["type"]:
                continue
            if lenient:
                ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
                if ov <= 0:
                    continue
                union = max(g["end"], p["end"]) - min(g["start"], p["start"])
                score = ov / union
            else:
                if g["key"] != p["key"]:
                    continue
                score = 1.0
            same = p["type"] == g["type"]
            cands.append((-int(same), -score, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _s, _o, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def prf(tp_p, n_p, tp_r, n_r):
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(docs, preds):
    regimes = [("strict", False, True), ("lenient", True, True),
               ("span strict", False, False), ("span lenient", True, False)]
    # counts[regime][type] = [tp by gold type, gold, tp by pred type, pred]
    counts = {r[0]: {t: [0, 0, 0, 0] for t in TYPES} for r in regimes}
    ignored = 0
    unmapped = collections.Counter()
    errors = {"miss": [], "fp": [], "type": []}
    for d in docs:
        data = d["bytes"]
        gold = d["gold"]
        ps = []
        for p in preds.get(d["id"], []):
            if p["type"] is None:
                unmapped[p["kind"]] += 1
                continue
            ps.append(p)
        for m in gold + d["unnamed"] + ps:
            m["key"] = trimmed(data, m["start"], m["end"])
        unnamed_keys = {u["key"] for u in d["unnamed"]}
        for name, lenient, typed in regimes:
            pairs = match(gold, ps, data, lenient, typed)
            matched_g = {gi for gi, _ in pairs}
            matched_p = {pi for _, pi in pairs}
            c = counts[name]
            for g in gold:
                c[g["type"]][1] += 1
            for gi, pi in pairs:
                c[gold[gi]["type"]][0] += 1
                c[ps[pi]["type"]][2] += 1
            for pi, p in enumerate(ps):
                if pi not in matched_p and p["key"] in unnamed_keys:
                    if name == "strict":
                        ignored += 1
                    continue
                c[p["type"]][3] += 1
            if name == "span lenient":
                for gi, g in enumerate(gold):
                    if gi not in matched_g:
                        errors["miss"].append((d["id"], g))
                for pi, p in enumerate(ps):
                    if pi not in matched_p and p["key"] not in unnamed_keys:
                        errors["fp"].append((d["id"], p))
            if name == "span strict":
                for gi, pi in pairs:
                    if gold[gi]["type"] != ps[pi]["type"]:
                        errors["type"].append((d["id"], gold[gi], ps[pi]))
    return counts, ignored, unmapped, errors


def print_table(counts, out):
    rows = list(TYPES) + ["total"]
    print(f"{'':14}{'':>6}{'':>6}  {'strict':^20}  {'lenient':^20}", file=out)
    for label, pair in (("typed", ("strict", "lenient")), ("type-agnostic", ("span strict", "span lenient"))):
        print(f"{label:<14}{'gold':>6}{'pred':>6}  {'P':>6}{'R':>7}{'F1':>7}  {'P':>6}{'R':>7}{'F1':>7}", file=out)
        for t in rows:
            cells = []
            gold_n = pred_n = 0
            for regime in pair:
                c = counts[regime]
                if t == "total":
                    tot = [sum(c[x][i] for x in TYPES) for i in range(4)]
                else:
                    tot = c[t]
                gold_n, pred_n = tot[1], tot[3]
                cells.append(prf(tot[2], tot[3], tot[0], tot[1]))
            line = f"  {t:<12}{gold_n:>6}{pred_n:>6}"
            for p, r, f in cells:
                line += f"  {p:>6.3f}{r:>7.3f}{f:>7.3f}"
            print(line, file=out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default=os.environ.get("ACTORGRAPH_CLI"),
                    help="the actorgraph binary (default: $ACTORGRAPH_CLI, else build/bin/actorgraph)")
    ap.add_argument("--shared", default=os.environ.get("ACTORGRAPH_SHARED_DIR"),
                    help="the shared folder (default: $ACTORGRAPH_SHARED_DIR, else ../shared beside the checkout)")
    ap.add_argument("--cli-arg", action="append", default=[], metavar="ARG",
                    help="one more argument for `actorgraph mentions` (repeatable), e.g. --no-name-model")
    ap.add_argument("--docs", choices=("news", "all"), default="news",
                    help="news (the 24 news documents, default) or all (news and interviews)")
    ap.add_argument("--doc", action="append", default=[], help="only this document (GUM name; repeatable)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N selected documents")
    ap.add_argument("--errors", action="store_true", help="also list every miss, false positive and type disagreement")
    ap.add_argument("--skip-resolved", default="", metavar="LIST",
                    help="leave out our mentions resolved this way (comma-separated, e.g. adjective,demonym)")
    args = ap.parse_args()
    CLI_ARGS.extend(args.cli_arg)

    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = args.shared or os.path.join(os.path.dirname(repo), "shared")
    gum = os.path.join(shared, "data", "gum")
    if not os.path.isdir(os.path.join(gum, "conllu")):
        print(f"eval_gum: skipped: no GUM data in {gum}", file=sys.stderr)
        return 77
    cli = args.cli or os.path.join(repo, "build", "bin", "actorgraph")
    if not os.access(cli, os.X_OK):
        print(f"eval_gum: {cli}: not an executable (give --cli)", file=sys.stderr)
        return 2

    prefixes = ("GUM_news_",) if args.docs == "news" else ("GUM_news_", "GUM_interview_")
    names = sorted(f[:-len(".conllu")] for f in os.listdir(os.path.join(gum, "conllu"))
                   if f.endswith(".conllu") and f.startswith(prefixes))
    if args.doc:
        unknown = [d for d in args.doc if d not in names]
        if unknown:
            print(f"eval_gum: unknown document(s): {', '.join(unknown)}", file=sys.stderr)
            return 2
        names = [n for n in names if n in args.doc]
    if args.limit > 0:
        names = names[:args.limit]

    try:
        docs = [load_document(gum, n) for n in names]
        with tempfile.TemporaryDirectory(prefix="eval-gum-") as tmp:
            preds, bad_offsets = run_cli(cli, docs, tmp)
    except DataError as e:
        print(f"eval_gum: {e}", file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired:
        print("eval_gum: actorgraph mentions timed out", file=sys.stderr)
        return 1

    skipped = 0
    if args.skip_resolved:
        drop = {x.strip() for x in args.skip_resolved.split(",") if x.strip()}
        for doc in preds:
            kept = [p for p in preds[doc] if p["resolved_by"] not in drop]
            skipped += len(preds[doc]) - len(kept)
            preds[doc] = kept
    counts, ignored, unmapped, errors = score(docs, preds)
    rebuilt = sum(d["source"] == "conllu" for d in docs)
    npred = sum(len(v) for v in preds.values())
    out = sys.stdout
    print(f"GUM {args.docs}: {len(docs)} document(s), {sum(len(d['gold']) for d in docs)} named gold mentions "
          f"(person/organization/place), {npred} predicted mentions", file=out)
    print(f"  text: {len(docs) - rebuilt} from text/*.txt, {rebuilt} rebuilt from CoNLL-U; "
          f"{sum(d['tsv_mismatches'] for d in docs)} tsv rows whose surface differs from their tokens; "
          f"{bad_offsets} predicted mentions whose text differs from their byte span", file=out)
    if skipped:
        print(f"  {skipped} prediction(s) left out by --skip-resolved {args.skip_resolved}", file=out)
    print(f"  {ignored} prediction(s) on unnamed GUM mentions left out of precision; "
          f"unscored kinds: {dict(unmapped) or 'none'}", file=out)
    print(file=out)
    print_table(counts, out)
    print(file=out)
    fp_by = collections.Counter(p["resolved_by"] for _d, p in errors["fp"])
    miss_by = collections.Counter(g["type"] for _d, g in errors["miss"])
    print(f"false positives (type-agnostic lenient) by resolved_by: {dict(fp_by.most_common())}", file=out)
    print(f"misses (type-agnostic lenient) by GUM type: {dict(miss_by.most_common())}", file=out)
    conf = collections.Counter((g["type"], p["kind"]) for _d, g, p in errors["type"])
    print(f"type disagreements on equal spans (GUM type, our kind): "
          f"{dict((f'{a}/{b}', n) for (a, b), n in conf.most_common())}", file=out)
    if args.errors:
        print("\nmisses:", file=out)
        for d, g in errors["miss"]:
            print(f"  {d}:{g['start']}-{g['end']}\t{g['type']}\t{g['text']}", file=out)
        print("\nfalse positives:", file=out)
        for d, p in errors["fp"]:
            print(f"  {d}:{p['start']}-{p['end']}\t{p['kind']}\t{p['resolved_by']}\t{p['text']}\t{p['entity_id']}", file=out)
        print("\ntype disagreements:", file=out)
        for d, g, p in errors["type"]:
            print(f"  {d}:{g['start']}-{g['end']}\tGUM {g['type']}\tours {p['kind']}\t{g['text']}", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

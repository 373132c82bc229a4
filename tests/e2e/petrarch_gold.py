#!/usr/bin/python3
"""Run PETRARCH2's gold records for consult, meet, visit, host and agreement events through
`actorgraph events --format petrarch` and count the source-target-code triples that come out
right.

PETRARCH2's records are a peer's test suite: sentences about mostly fictional states (Arnor,
Gondor, ...) with the events PETRARCH should code, as CAMEO triples. This script
  1. imports the actors of PETR.Validate.actors.txt with
     `actorgraph gazetteer import --format petrarch` (the agents too with --agents);
  2. reads the records of records/*.gold.tsv (the text of a record whose tsv text is empty
     comes from the record files themselves) and keeps those with a gold triple whose code is
     04x (consult, meet, visit, host, ...) or 057 (sign an agreement); the gold triples are the
     04x/057 ones;
  3. writes every record as one JSON Lines document (id, text, date) and runs
     `actorgraph events --format petrarch --no-default-gazetteers -g validate.jsonl
     --actors all --cameo-verbs PETR.Validate.verbs.txt` (states as actors, as PETRARCH codes
     them; the verb triggers coded by the records' own verb dictionary);
  4. checks that every source and target is an imported entity (or a discovered one), maps
     each back to PETRARCH actor codes through the `roles` the importer keeps (the codes
     valid on the record's date; an actor with several codes, such as THE_SHIRE
     [FRO/BIL/SAM], stands for each of them) and compares triples.
Predicted triples count once per sentence; rows without a CAMEO code are not triples.

It prints a table and the line `petrarch-gold: correct=X gold=Y predicted=Z`.
Exit codes: 0 the pipeline ran and its output parsed (and the --min-correct / --min-dyads
floors and the --max-false ceiling were met); 1 a step failed or printed malformed output; 2 bad usage; 77 the shared
data is absent.

Environment (as set by the e2e test): ACTORGRAPH_CLI, ACTORGRAPH_SHARED_DIR, ACTORGRAPH_TMP.
"""

import argparse
import collections
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

SELECT = re.compile(r"^(04\d|057)$")
CAMEO = re.compile(r"^\d{3,4}$")
HEADER = ["doc", "date", "source", "target", "cameo", "event_type", "event_id"]
RECORD_FILES = (
    ("unit", "PETR.UnitTest.records.gold.tsv", "PETR.UnitTest.records.xml"),
    ("validate", "PETR.Validate.records.140226.gold.tsv", "PETR.Validate.records.140226.txt"),
)


class Failure(Exception):
    pass


def log(msg):
    print(f"petrarch-gold: {msg}", file=sys.stderr)


# ---- records -----------------------------------------------------------------------------


def parse_gold(field):
    """'A|B|041;C|D|057' -> [(A, B, 041), ...] (malformed parts are dropped)."""
    out = []
    for part in field.split(";"):
        bits = part.strip().split("|")
        if len(bits) == 3 and all(bits):
            out.append(tuple(b.strip() for b in bits))
    return out


def raw_records(path):
    """(id, date, gold signature) -> text, from a PETRARCH record file (the XML-like layout
    of the UnitTest and Validate files: <Sentence ...>, <EventCoding .../>, the text either in
    <Text> or on the lines before the parse tree)."""
    texts = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        content = f.read()
    content = re.sub(r"<!--.*?-->", "", content, flags=re.S)
    for m in re.finditer(r"<Sentence\b([^>]*)>(.*?)</Sentence>", content, flags=re.S):
        attrs = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', m.group(1)))
        body = m.group(2)
        codes = [(a.get("sourcecode", ""), a.get("targetcode", ""), a.get("eventcode", ""))
                 for a in (dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', c))
                           for c in re.findall(r"<EventCoding\b([^>]*)>", body))]
        t = re.search(r"<Text>(.*?)</Text>", body, flags=re.S)
        if t:
            text = t.group(1)
        else:
            lines = []
            for line in re.sub(r"<EventCoding\b[^>]*>(\s*</EventCoding>)?", "", body).splitlines():
                s = line.strip()
                if s.startswith("(") or s.startswith("<Parse"):
                    break
                if s and not s.startswith("<"):
                    lines.append(s)
            text = " ".join(lines)
        text = " ".join(text.split())
        key = (attrs.get("id", ""), attrs.get("date", ""), tuple(c for c in codes if all(c)))
        texts.setdefault(key, text)
    return texts


def load_records(records_dir):
    records = []
    seen = collections.Counter()
    for prefix, tsv, raw in RECORD_FILES:
        tsv_path = os.path.join(records_dir, tsv)
        raw_path = os.path.join(records_dir, raw)
        raw_texts = raw_records(raw_path) if os.path.exists(raw_path) else {}
        with open(tsv_path, encoding="utf-8") as f:
            f.readline()
            for lineno, line in enumerate(f, start=2):
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 4:
                    continue
                rid, category, date, gold_field = cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3]
                text = " ".join(cols[4].split()) if len(cols) > 4 else ""
                gold = parse_gold(gold_field)
                if not text:
                    text = raw_texts.get((rid, date, tuple(gold)), "")
                seen[(prefix, rid)] += 1
                doc_id = f"{prefix}:{rid}" + (f"#{seen[(prefix, rid)]}" if seen[(prefix, rid)] > 1 else "")
                iso = f"{date[0:4]}-{date[4:6]}-{date[6:8]}" if re.fullmatch(r"\d{8}", date) else ""
                records.append({"id": doc_id, "category": category, "date": iso, "text": text,
                                "gold": gold, "where": f"{tsv}:{lineno}",
                                "selected": any(SELECT.match(c) for _s, _t, c in gold)})
    return records


# ---- gazetteer: entity id -> PETRARCH codes ----------------------------------------------


def parse_date(s, end):
    """ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' -> date (the first or, with end, last day)."""
    try:
        parts = [int(x) for x in s.split("-")]
    except ValueError:
        return None
    if len(parts) == 1:
        return datetime.date(parts[0], 12, 31) if end else datetime.date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return datetime.date(parts[0], parts[1], 1)
        nxt = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    return datetime.date(*parts)


def load_codes(path):
    """id -> list of (code, from date or None, to date or None)."""
    codes = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            try:
                e = json.loads(s)
                eid = e["id"]
            except (ValueError, KeyError, TypeError) as ex:
                raise Failure(f"{path}:{lineno}: the imported gazetteer line does not parse: {ex}")
            roles = []
            for r in e.get("roles", []) or []:
                code = (r.get("role") or "").strip()
                if not code:
                    continue
                frm = parse_date(r["from"], False) if r.get("from") else None
                to = parse_date(r["to"], True) if r.get("to") else None
                roles.append((code.upper(), frm, to))
            codes[eid] = roles
    return codes


def codes_on(roles, date):
    """The codes valid on `date`: the dated roles that cover it, else the undated ones."""
    if not roles:
        return []
    d = None
    if date:
        try:
            d = datetime.date.fromisoformat(date)
        except ValueError:
            d = None
    dated = [r for r in roles if r[1] or r[2]]
    undated = [r[0] for r in roles if not (r[1] or r[2])]
    if d is not None and dated:
        hits = [r for r in dated if (r[1] is None or r[1] <= d) and (r[2] is None or d <= r[2])]
        if hits:
            # Where a boundary day is shared, the role that starts latest is the current one.
            latest = max((r[1] or datetime.date.min) for r in hits)
            return sorted({r[0] for r in hits if (r[1] or datetime.date.min) == latest})
    return sorted(set(undated))


# ---- running ------------------------------------------------------------------------------


def run(cmd, what, timeout=60):
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failure(f"{what} timed out after {timeout} s: {' '.join(cmd)}")
    except OSError as e:
        raise Failure(f"{what}: cannot run {cmd[0]}: {e}")
    return proc


def import_gazetteer(cli, dictionaries, tmp, agents):
    out = os.path.join(tmp, "validate.jsonl")
    inputs = [os.path.join(dictionaries, "PETR.Validate.actors.txt")]
    extra = []
    if agents:
        inputs.append(os.path.join(dictionaries, "PETR.Validate.agents.txt"))
        extra = ["--agents"]
    cmd = [cli, "gazetteer", "import", "--format", "petrarch", *extra, *inputs, "-o", out]
    proc = run(cmd, "gazetteer import")
    notes = []
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        notes.append(f"import failed (exit {proc.returncode}) without --skip-bad-rows, retried with it: {err}")
        proc = run(cmd[:5] + ["--skip-bad-rows"] + cmd[5:], "gazetteer import --skip-bad-rows")
        if proc.returncode != 0:
            raise Failure(f"gazetteer import --skip-bad-rows failed (exit {proc.returncode}): "
                          f"{proc.stderr.decode('utf-8', 'replace').strip()}")
    for line in proc.stderr.decode("utf-8", "replace").splitlines():
        if "warn" in line:
            notes.append(line.strip())
    if proc.returncode == 0 and not os.path.exists(out):
        raise Failure(f"gazetteer import exited 0 but wrote no {out}")
    return out, notes


def run_events(cli, gazetteer, verbs, records, tmp):
    docs = os.path.join(tmp, "petrarch-records.jsonl")
    with open(docs, "w", encoding="utf-8") as f:
        for r in records:
            obj = {"id": r["id"], "text": r["text"]}
            if r["date"]:
                obj["date"] = r["date"]
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    # PETRARCH codes states, and codes verbs by its own dictionary: the records are coded with
    # PETR.Validate.verbs.txt (whose codes are partly WEIS, partly test fixtures), so the verb
    # triggers take that dictionary's codes.
    cmd = [cli, "events", docs, "--format", "petrarch", "--no-default-gazetteers", "-g", gazetteer,
           "--actors", "all", "--cameo-verbs", verbs, "--no-progress", "-q"]
    proc = run(cmd, "actorgraph events")
    if proc.returncode != 0:
        how = f"was killed by signal {-proc.returncode}" if proc.returncode < 0 else f"exited with {proc.returncode}"
        raise Failure(f"actorgraph events {how}: "
                      f"{proc.stderr.decode('utf-8', 'replace').strip()[-2000:]}")
    try:
        lines = proc.stdout.decode("utf-8").splitlines()
    except UnicodeDecodeError as e:
        raise Failure(f"actorgraph events wrote invalid UTF-8: {e}")
    if not lines or lines[0].split("\t") != HEADER:
        raise Failure(f"actorgraph events --format petrarch: header {lines[0] if lines else '(none)'!r}, "
                      f"expected {chr(9).join(HEADER)!r}")
    known = {r["id"] for r in records}
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        cols = line.split("\t")
        if len(cols) != len(HEADER):
            raise Failure(f"events output line {n}: {len(cols)} fields, expected {len(HEADER)}: {line!r}")
        row = dict(zip(HEADER, cols))
        if row["doc"] not in known:
            raise Failure(f"events output line {n}: unknown document {row['doc']!r}")
        if not row["source"] or not row["target"]:
            raise Failure(f"events output line {n}: empty source or target: {line!r}")
        if row["cameo"] and not CAMEO.match(row["cameo"]):
            raise Failure(f"events output line {n}: malformed CAMEO code {row['cameo']!r}")
        if row["date"] and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["date"]):
            raise Failure(f"events output line {n}: malformed date {row['date']!r}")
        rows.append(row)
    return rows


# ---- scoring ------------------------------------------------------------------------------


def predicted_triples(rows, by_id, codes):
    """doc -> set of (source code, target code, cameo); unknown ids map to '?id'."""
    out = collections.defaultdict(set)
    no_code = 0
    for row in rows:
        if not row["cameo"]:
            no_code += 1
            continue
        date = by_id[row["doc"]]["date"]

        def to_codes(eid):
            if eid in codes:
                c = codes_on(codes[eid], date)
                return c or [f"?{eid}"]
            return [f"?{eid}"]

        for s in to_codes(row["source"]):
            for t in to_codes(row["target"]):
                out[row["doc"]].add((s, t, row["cameo"]))
    return out, no_code


def compare(gold, pred, key):
    g = collections.Counter(key(x) for x in gold)
    p = collections.Counter(key(x) for x in pred)
    return sum((g & p).values()), sum(g.values()), sum(p.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default=os.environ.get("ACTORGRAPH_CLI"), help="the actorgraph binary (default: $ACTORGRAPH_CLI)")
    ap.add_argument("--shared", default=os.environ.get("ACTORGRAPH_SHARED_DIR"), help="the shared folder (default: $ACTORGRAPH_SHARED_DIR)")
    ap.add_argument("--tmp", default=os.environ.get("ACTORGRAPH_TMP"), help="scratch folder (default: $ACTORGRAPH_TMP, else a temporary one)")
    ap.add_argument("--agents", action="store_true", help="also import PETR.Validate.agents.txt (as group entities)")
    ap.add_argument("--min-correct", type=int, default=0, help="fail unless at least this many triples are right")
    ap.add_argument("--min-dyads", type=int, default=0,
                    help="fail unless at least this many gold dyads are found (undirected actor roots, any code)")
    ap.add_argument("--max-false", type=int, default=None,
                    help="fail if more 04x/057 triples than this come out of the records whose gold has none")
    ap.add_argument("--details", action="store_true", help="list gold and predicted triples per selected sentence")
    args = ap.parse_args()

    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    shared = args.shared or os.path.join(os.path.dirname(repo), "shared")
    base = os.path.join(shared, "data", "petrarch2")
    dictionaries, records_dir = os.path.join(base, "dictionaries"), os.path.join(base, "records")
    needed = [os.path.join(dictionaries, "PETR.Validate.actors.txt"),
              os.path.join(dictionaries, "PETR.Validate.verbs.txt")] + \
             [os.path.join(records_dir, t) for _p, t, _r in RECORD_FILES]
    if not all(os.path.isfile(p) for p in needed):
        log(f"skipped: PETRARCH2 data not found under {base}")
        return 77
    cli = args.cli or os.path.join(repo, "build", "bin", "actorgraph")
    if not os.access(cli, os.X_OK):
        log(f"{cli}: not an executable (set ACTORGRAPH_CLI or give --cli)")
        return 2

    tmp_ctx = None
    if args.tmp:
        tmp = os.path.join(args.tmp, "petrarch-gold")
        os.makedirs(tmp, exist_ok=True)
    else:
        tmp_ctx = tempfile.TemporaryDirectory(prefix="petrarch-gold-")
        tmp = tmp_ctx.name
    try:
        records = load_records(records_dir)
        selected = [r for r in records if r["selected"]]
        missing_text = [r["id"] for r in selected if not r["text"]]
        if missing_text:
            raise Failure(f"no text found for selected record(s): {', '.join(missing_text)}")
        runnable = [r for r in records if r["text"]]
        gazetteer, notes = import_gazetteer(cli, dictionaries, tmp, args.agents)
        codes = load_codes(gazetteer)
        rows = run_events(cli, gazetteer, os.path.join(dictionaries, "PETR.Validate.verbs.txt"), runnable, tmp)
        strangers = sorted({row[k] for row in rows for k in ("source", "target")
                            if row[k] not in codes and not row[k].startswith("discovered:")})
        if strangers:
            raise Failure(f"events name entity ids that are neither imported nor discovered: {', '.join(strangers[:10])}")
    except Failure as e:
        log(f"FAILED: {e}")
        return 1
    finally:
        if tmp_ctx:
            tmp_ctx.cleanup()

    by_id = {r["id"]: r for r in runnable}
    pred, no_code = predicted_triples(rows, by_id, codes)
    sel_ids = {r["id"] for r in selected}
    gold_all, pred_all = [], []
    for r in selected:
        g = [t for t in r["gold"] if SELECT.match(t[2])]
        gold_all += [(r["id"],) + t for t in set(g)]
        pred_all += [(r["id"],) + t for t in pred.get(r["id"], set())]
    exact = compare(gold_all, pred_all, lambda x: x)
    family = compare(gold_all, pred_all, lambda x: (x[0], x[1], x[2], x[3][:2]))
    root = compare(gold_all, pred_all, lambda x: (x[0], x[1][:3], x[2][:3], x[3][:2]))
    dyad = compare(gold_all, pred_all, lambda x: (x[0],) + tuple(sorted((x[1][:3], x[2][:3]))))
    elsewhere = sum(1 for d, ts in pred.items() if d not in sel_ids for t in ts if SELECT.match(t[2]))
    elsewhere_docs = sum(1 for r in runnable if r["id"] not in sel_ids)
    with_pred = sum(1 for r in selected if pred.get(r["id"]))

    print(f"PETRARCH2 gold records: {len(records)} read, {len(selected)} selected "
          f"(a gold triple with code 04x or 057), {len(codes)} actors imported")
    for n in notes:
        print(f"  note: {n}")
    print(f"  {len(rows)} output row(s) over all records, {no_code} without a CAMEO code; "
          f"{with_pred} selected sentence(s) with a predicted triple")
    print()
    print(f"  {'match':<44}{'correct':>8}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for label, (c, g, p) in (("exact source|target|code", exact),
                             ("code family (04x = 04x, 057)", family),
                             ("3-letter actor roots, code family", root),
                             ("undirected actor roots, any code", dyad)):
        pr = c / p if p else 0.0
        rc = c / g if g else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        print(f"  {label:<44}{c:>8}{g:>6}{p:>6}{pr:>8.3f}{rc:>8.3f}{f1:>8.3f}")
    print()
    print(f"  other records ({elsewhere_docs}): {elsewhere} predicted 04x/057 triple(s) where the gold has none")
    if args.details:
        print()
        for r in selected:
            g = sorted({t for t in r["gold"] if SELECT.match(t[2])})
            p = sorted(pred.get(r["id"], set()))
            ok = set(g) & set(p)
            print(f"  {r['id']} [{r['category']}] {r['date']}: {r['text']}")
            print(f"      gold: {' '.join('|'.join(t) for t in g)}")
            print(f"      ours: {' '.join('|'.join(t) + ('*' if t in ok else '') for t in p) or '-'}")
    print(f"petrarch-gold: correct={exact[0]} gold={exact[1]} predicted={exact[2]}")
    if exact[0] < args.min_correct:
        log(f"FAILED: {exact[0]} correct triple(s), fewer than --min-correct {args.min_correct}")
        return 1
    if args.max_false is not None and elsewhere > args.max_false:
        log(f"FAILED: {elsewhere} false 04x/057 triple(s) on the other records, more than --max-false {args.max_false}")
        return 1
    if dyad[0] < args.min_dyads:
        log(f"FAILED: {dyad[0]} gold dyad(s) found, fewer than --min-dyads {args.min_dyads}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

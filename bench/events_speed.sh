#!/usr/bin/env bash
# Issue 15's speed figure: `actorgraph events` against `actorgraph mentions` in one sitting,
# over the benchmark corpus (bench/run.sh's 50 MB of JSON Lines paragraphs) and over real
# news (the 55 readouts of ../shared/data/readouts repeated as JSON Lines to 50 MB, each with
# its gold publication date). Runs are interleaved round by round (mentions, events, then
# the same for OTHER_CLI if given); every run holds the build lock. Prints, per corpus and
# build, the best wall time of each command, its peak RSS, the ratio (events speed /
# mentions speed = mentions time / events time) and the target beside it; then the same
# ratio from the best CPU time (user + system), which other work on a shared machine
# disturbs less than the wall time (the target is on the wall time).
#
#   bench/events_speed.sh [CLI] [OTHER_CLI]     # CLI defaults to build/bin/actorgraph
#
# Knobs (environment):
#   RUNS      runs per command, corpus and build; the minimum is reported     (3)
#   THREADS   -j of every run                                                  (2)
#   CORPORA   which corpora: bench readouts                                   ("bench readouts")
#   BENCH_JSONL  the bench corpus as JSON Lines (bench/to_jsonl.py corpus of
#             ../shared/bench/gen_data.py's corpus-50mb.txt; made when absent)
#             (/tmp/actorgraph-bench/corpus-50mb.jsonl)
#   BENCH_DATA   gen_data.py output folder                                   (/tmp/bench-data)
#   MB        size the readouts are repeated to, in MB                         (50)
#   WORK      scratch folder                                    (/tmp/actorgraph-events-speed)
#   LOCK      lock every run holds ("" = none)                   (/tmp/actorgraph-build.lock)
# The outputs of each command are compared between the two builds (cmp) when OTHER_CLI is
# given. Shipped gazetteers and models, output to a file, load included.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/.." && pwd)
SHARED=${SHARED:-$(cd "$SRC/../shared" 2>/dev/null && pwd || echo "$SRC/../shared")}
CLI=${1:-$SRC/build/bin/actorgraph}
OTHER=${2:-}
RUNS=${RUNS:-3}
THREADS=${THREADS:-2}
CORPORA=${CORPORA:-bench readouts}
BENCH_DATA=${BENCH_DATA:-/tmp/bench-data}
BENCH_JSONL=${BENCH_JSONL:-/tmp/actorgraph-bench/corpus-50mb.jsonl}
MB=${MB:-50}
WORK=${WORK:-/tmp/actorgraph-events-speed}
LOCK=${LOCK-/tmp/actorgraph-build.lock}
PY=${BENCH_PYTHON:-/usr/bin/python3}
mkdir -p "$WORK"
locked() { if [ -n "$LOCK" ]; then flock "$LOCK" "$@"; else "$@"; fi; }
[ -x "$CLI" ] || { echo "events_speed.sh: no $CLI" >&2; exit 1; }

# --- the inputs ------------------------------------------------------------------------------
if [[ " $CORPORA " == *" bench "* ]] && [ ! -s "$BENCH_JSONL" ]; then
  # gen_data.py takes its folder from BENCH_DATA, and needs the npm name lists there first
  # (../shared/bench/README.md, "Steps").
  [ -f "$BENCH_DATA/corpus-50mb.txt" ] || BENCH_DATA="$BENCH_DATA" "$PY" "$SHARED/bench/gen_data.py" --sizes-mb 50
  mkdir -p "$(dirname "$BENCH_JSONL")"
  "$PY" "$HERE/to_jsonl.py" corpus "$BENCH_DATA/corpus-50mb.txt" "$BENCH_JSONL"
fi
READOUTS=$WORK/readouts-${MB}mb.jsonl
if [[ " $CORPORA " == *" readouts "* ]] && [ ! -s "$READOUTS" ]; then
  "$PY" - "$SHARED/data/readouts" "$READOUTS" "$MB" <<'EOF'
import json, os, sys
root, dst, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
gold = json.load(open(os.path.join(root, "gold.json"), encoding="utf-8"))
stems = sorted(f[:-4] for f in os.listdir(os.path.join(root, "texts")) if f.endswith(".txt"))
docs = []
for s in stems:
    text = open(os.path.join(root, "texts", s + ".txt"), encoding="utf-8").read()
    docs.append((s, text, gold.get(s, {}).get("doc_date")))
size, n, k = 0, 0, 0
with open(dst, "w", encoding="utf-8") as out:
    while size < mb * 1e6:
        k += 1
        for s, text, date in docs:
            d = {"id": f"{s}-{k}", "text": text}
            if date:
                d["date"] = date
            line = json.dumps(d, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            n += 1
print(f"{dst}: {n} documents, {size / 1e6:.1f} MB ({len(docs)} texts x {k})", file=sys.stderr)
EOF
fi

# --- the runs --------------------------------------------------------------------------------
: > "$WORK/times.tsv"
builds="new"; [ -n "$OTHER" ] && builds="new other"
for round in $(seq 1 "$RUNS"); do
  for corpus in $CORPORA; do
    input=$BENCH_JSONL; [ "$corpus" = readouts ] && input=$READOUTS
    for build in $builds; do
      cli=$CLI; [ "$build" = other ] && cli=$OTHER
      for cmd in mentions events; do
        out=$WORK/$corpus.$build.$cmd.out
        locked /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$cli" "$cmd" "$input" -j "$THREADS" -q -o "$out"
        read -r wall rss user sys < "$WORK/time.txt"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$corpus" "$build" "$cmd" "$wall" "$rss" \
          "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')" >> "$WORK/times.tsv"
      done
    done
  done
done

echo "$(date -u +%FT%TZ)  -j $THREADS, $RUNS runs, best of each; load and output included"
echo "new   $CLI ($(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo ?))"
[ -n "$OTHER" ] && echo "other $OTHER"
"$PY" - "$WORK/times.tsv" <<'EOF'
import sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().splitlines()]
target = {"bench": 0.6, "readouts": 0.5}
print(f"{'corpus':9} {'build':5} {'mentions s':>10} {'MB':>5} {'events s':>9} {'MB':>5} {'ratio':>6}  target"
      f"{'':16} {'CPU s: mentions':>15} {'events':>7} {'ratio':>6}")
for corpus in dict.fromkeys(r[1] for r in rows):
    for build in dict.fromkeys(r[2] for r in rows):
        def best(cmd, col):
            sel = [r for r in rows if r[1] == corpus and r[2] == build and r[3] == cmd]
            return min(float(r[col]) for r in sel), max(int(r[5]) for r in sel) / 1024
        (m, mm), (e, em) = best("mentions", 4), best("events", 4)
        (mc, _), (ec, _) = best("mentions", 6), best("events", 6)
        ratio = m / e
        ok = "met" if ratio >= target[corpus] else "missed"
        print(f"{corpus:9} {build:5} {m:10.2f} {mm:5.0f} {e:9.2f} {em:5.0f} {ratio:5.2f}x  >= {target[corpus]}x ({ok:6})"
              f" {mc:15.2f} {ec:7.2f} {mc / ec:5.2f}x")
EOF
if [ -n "$OTHER" ]; then
  for corpus in $CORPORA; do
    for cmd in mentions events; do
      if cmp -s "$WORK/$corpus.new.$cmd.out" "$WORK/$corpus.other.$cmd.out"; then s=identical; else s=DIFFERENT; fi
      echo "$corpus $cmd: outputs $s"
    done
  done
fi

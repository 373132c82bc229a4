#!/usr/bin/env bash
# Time and peak memory of `mentions`, `events` and `extract` on one large document against
# the same text split into documents (issue 18: documents of any size in bounded memory).
# The single document is corpus-50mb.txt read as one plain-text file (80,787 paragraphs, one
# a line); the split corpus is the same paragraphs as JSON Lines, one document each
# (bench/to_jsonl.py). One JSON line per run, from GNU time -v.
#
#   BUILD=build bench/large_document.sh
#   PROGRAMS="mentions" THREADS=1 bench/large_document.sh
#
# Knobs: BUILD (./build), BENCH_DATA (/tmp/bench-data, made by ../shared/bench/gen_data.py),
# WORK (/tmp/actorgraph-bench), PROGRAMS ("mentions events extract"), THREADS (1),
# LOCK (/tmp/actorgraph-build.lock; "" = none), FORMS ("single split").
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/.." && pwd)
BUILD=${BUILD:-$SRC/build}
BENCH_DATA=${BENCH_DATA:-/tmp/bench-data}
WORK=${WORK:-/tmp/actorgraph-bench}
PROGRAMS=${PROGRAMS:-mentions events extract}
FORMS=${FORMS:-single split}
THREADS=${THREADS:-1}
LOCK=${LOCK-/tmp/actorgraph-build.lock}
CLI=$BUILD/bin/actorgraph
TXT=$BENCH_DATA/corpus-50mb.txt
JSONL=$WORK/corpus-50mb.jsonl

die() { echo "large_document.sh: $*" >&2; exit 1; }
locked() { if [ -n "$LOCK" ]; then flock "$LOCK" "$@"; else "$@"; fi; }
[ -x "$CLI" ] || die "no $CLI"
[ -f "$TXT" ] || die "no $TXT: run ../shared/bench/gen_data.py"
mkdir -p "$WORK"
[ -s "$JSONL" ] || /usr/bin/python3 "$HERE/to_jsonl.py" corpus "$TXT" "$JSONL"

for prog in $PROGRAMS; do
  for form in $FORMS; do
    if [ "$form" = single ]; then input=$TXT; else input=$JSONL; fi
    out=$WORK/large-$prog-$form.out
    [ "$prog" = extract ] && out=$WORK/large-$prog-$form.graphml
    locked /usr/bin/time -v -o "$WORK/large-time.txt" "$CLI" "$prog" "$input" --date 2021-01-01 \
      -j "$THREADS" -q -o "$out"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$WORK/large-time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$WORK/large-time.txt")
    lines=$(wc -l < "$out")
    out_mb=$(stat -c %s "$out" | awk '{printf "%.1f", $1 / 1e6}')
    printf '{"program": "%s", "form": "%s", "threads": %s, "wall_s": %s, "mem_peak_mb": %s, "output_lines": %s, "output_mb": %s}\n' \
      "$prog" "$form" "$THREADS" "$wall" "$rss" "$lines" "$out_mb"
  done
done

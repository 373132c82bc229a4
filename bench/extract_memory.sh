#!/usr/bin/env bash
# Peak memory and time of `actorgraph extract` against corpus size (issue 6: memory must
# follow the graph, not the text): the 50 MB and 200 MB benchmark corpora as JSON Lines, and
# 1 GB made of five copies of the 200 MB one with distinct document ids. One JSON line per
# corpus: wall seconds, peak RSS, graph nodes and edges, GraphML MB.
#
#   BUILD=/tmp/build-bench bench/extract_memory.sh          # after bench/run.sh has prepared $WORK
#   SIZES="50mb 200mb" bench/extract_memory.sh              # skip the 1 GB corpus
#
# Knobs: BUILD (./build), WORK (/tmp/actorgraph-bench), BENCH_DATA (/tmp/bench-data),
# SIZES ("50mb 200mb 1gb"), THREADS (2), LOCK (/tmp/actorgraph-build.lock; "" = none).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/.." && pwd)
BUILD=${BUILD:-$SRC/build}
WORK=${WORK:-/tmp/actorgraph-bench}
BENCH_DATA=${BENCH_DATA:-/tmp/bench-data}
SIZES=${SIZES:-50mb 200mb 1gb}
THREADS=${THREADS:-2}
LOCK=${LOCK-/tmp/actorgraph-build.lock}
CLI=$BUILD/bin/actorgraph
GAZ=$WORK/gazetteer-all.agc

die() { echo "extract_memory.sh: $*" >&2; exit 1; }
locked() { if [ -n "$LOCK" ]; then flock "$LOCK" "$@"; else "$@"; fi; }
[ -x "$CLI" ] || die "no $CLI: cmake --build $BUILD --target actorgraph_cli"
[ -f "$GAZ" ] || die "no $GAZ: run bench/run.sh first (it compiles the gazetteer)"

corpus_for() {  # size -> JSON Lines path, made when missing
  local size=$1 out=$WORK/corpus-$1.jsonl
  case $size in
    50mb|200mb)
      [ -s "$out" ] || /usr/bin/python3 "$HERE/to_jsonl.py" corpus "$BENCH_DATA/corpus-$size.txt" "$out" ;;
    1gb)
      [ -s "$out" ] || /usr/bin/python3 "$HERE/to_jsonl.py" copies 5 "$(corpus_for 200mb)" "$out" ;;
    *) die "unknown size $size (50mb, 200mb or 1gb)" ;;
  esac
  echo "$out"
}

for size in $SIZES; do
  input=$(corpus_for "$size")
  out=$WORK/extract-$size.graphml
  locked /usr/bin/time -f "%e %M" -o "$WORK/extract-time.txt" "$CLI" extract "$input" -g "$GAZ" \
    --date 2021-01-01 -j "$THREADS" -q -o "$out"
  read -r wall rss < <(tail -1 "$WORK/extract-time.txt")
  nodes=$(grep -c "<node " "$out")
  edges=$(grep -c "<edge " "$out")
  graphml_mb=$(stat -c %s "$out" | awk '{printf "%.1f", $1 / 1e6}')
  text_mb=$(stat -c %s "$input" | awk '{printf "%.1f", $1 / 1e6}')
  rm -f "$out"
  printf '{"program": "extract", "input": "%s", "jsonl_mb": %s, "threads": %s, "wall_s": %s, "mem_peak_mb": %.1f, "nodes": %s, "edges": %s, "graphml_mb": %s}\n' \
    "$(basename "$input")" "$text_mb" "$THREADS" "$wall" "$(awk -v r="$rss" 'BEGIN{print r/1024}')" "$nodes" "$edges" "$graphml_mb"
done

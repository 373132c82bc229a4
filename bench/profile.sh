#!/usr/bin/env bash
# Where the time goes: profiles bench_match and `actorgraph mentions` on the peer benchmark.
#
#   BUILD=/tmp/build-prof bench/profile.sh
#
# BUILD should be configured with -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACTORGRAPH_BUILD_BENCH=ON
# (symbols and inlined frames). Two tools:
#   * callgrind (valgrind) on a 2 MB slice of the corpus: exact instruction counts per
#     function (inclusive), but blind to cache-miss stalls (hash-table lookups in a large
#     gazetteer look cheap there while they dominate the wall time);
#   * perf with the software cpu-clock event on the whole 50 MB corpus, when perf works
#     (no hardware counters needed), split into phases by bench/perf_phases.py.
# Knobs: BENCH_DATA (/tmp/bench-data), WORK (/tmp/actorgraph-prof), GAZ (all: the perf runs),
# CG_GAZ (all: callgrind of bench_match; the callgrind of `mentions` always uses 10k, since
# callgrind runs ~50x slower and loading 192k aliases would dominate a 2 MB slice),
# LOCK (/tmp/actorgraph-build.lock). Takes ~3 min of CPU.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH_DATA=${BENCH_DATA:-/tmp/bench-data}
BUILD=${BUILD:-$HERE/../build}
WORK=${WORK:-/tmp/actorgraph-prof}
GAZ=${GAZ:-all}
LOCK=${LOCK-/tmp/actorgraph-build.lock}
PY=${BENCH_PYTHON:-/usr/bin/python3}
locked() { if [ -n "$LOCK" ]; then flock "$LOCK" "$@"; else "$@"; fi; }
BM=$BUILD/bin/bench_match
CLI=$BUILD/bin/actorgraph
mkdir -p "$WORK"

# A 2 MB slice that ends at a paragraph boundary, and JSON Lines inputs for the CLI.
"$PY" - "$BENCH_DATA/corpus-50mb.txt" "$WORK/corpus-2mb.txt" <<'EOF'
import sys
d = open(sys.argv[1], "rb").read(2_100_000)
open(sys.argv[2], "wb").write(d[:d.rindex(b"\n", 0, 2_000_000) + 1])
EOF
"$PY" "$HERE/to_jsonl.py" corpus "$WORK/corpus-2mb.txt" "$WORK/corpus-2mb.jsonl" 2>/dev/null
"$PY" "$HERE/to_jsonl.py" gazetteer "$BENCH_DATA/gazetteer-10k.txt" "$WORK/gazetteer-10k.jsonl" 2>/dev/null
"$PY" "$HERE/to_jsonl.py" gazetteer "$BENCH_DATA/gazetteer-$GAZ.txt" "$WORK/gazetteer-$GAZ.jsonl" 2>/dev/null
[ -s "$WORK/corpus-50mb.jsonl" ] || "$PY" "$HERE/to_jsonl.py" corpus "$BENCH_DATA/corpus-50mb.txt" "$WORK/corpus-50mb.jsonl"

annotate() { callgrind_annotate --inclusive=yes "$1" 2>/dev/null | sed -n '/file:function/,$p' | sed -n "3,$((2 + $2))p" |
  sed -E 's/std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >/string/g; s/std::basic_string_view<char, std::char_traits<char> >/string_view/g' | cut -c1-180; }

echo "== callgrind: bench_match gazetteer-${CG_GAZ:-all} on 2 MB"
locked valgrind --tool=callgrind --callgrind-out-file="$WORK/cg-match.out" "$BM" "$BENCH_DATA/gazetteer-${CG_GAZ:-all}.txt" "$WORK/corpus-2mb.txt" >/dev/null 2>&1
annotate "$WORK/cg-match.out" 30
echo
echo "== callgrind: actorgraph mentions -j1 (shipped gazetteers + 10k) on 2 MB"
locked valgrind --tool=callgrind --callgrind-out-file="$WORK/cg-e2e.out" "$CLI" mentions "$WORK/corpus-2mb.jsonl" \
  -g "$WORK/gazetteer-10k.jsonl" --date 2021-01-01 -j1 -q -o "$WORK/out.jsonl" 2>/dev/null
annotate "$WORK/cg-e2e.out" 40

if perf record -e cpu-clock -o /dev/null true >/dev/null 2>&1; then
  echo
  echo "== perf (cpu-clock): bench_match gazetteer-$GAZ on 50 MB"
  locked perf record -q -e cpu-clock -F 700 --call-graph dwarf,16384 -o "$WORK/perf-match.data" \
    "$BM" "$BENCH_DATA/gazetteer-$GAZ.txt" "$BENCH_DATA/corpus-50mb.txt" >/dev/null 2>&1
  perf script -i "$WORK/perf-match.data" -F ip,sym --no-inline 2>/dev/null > "$WORK/perf-match.txt"
  "$PY" "$HERE/perf_phases.py" match "$WORK/perf-match.txt" 6
  echo
  echo "== perf (cpu-clock): actorgraph mentions -j1 (shipped + $GAZ) on 50 MB"
  locked perf record -q -e cpu-clock -F 300 --call-graph dwarf,16384 -o "$WORK/perf-e2e.data" \
    "$CLI" mentions "$WORK/corpus-50mb.jsonl" -g "$WORK/gazetteer-$GAZ.jsonl" --date 2021-01-01 -j1 -q -o "$WORK/out.jsonl" >/dev/null 2>&1
  perf script -i "$WORK/perf-e2e.data" -F ip,sym --no-inline 2>/dev/null > "$WORK/perf-e2e.txt"
  "$PY" "$HERE/perf_phases.py" e2e "$WORK/perf-e2e.txt" 6
else
  echo "perf unavailable: callgrind figures only"
fi
rm -f "$WORK/out.jsonl"

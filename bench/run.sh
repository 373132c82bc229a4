#!/usr/bin/env bash
# Runs actorgraph's matcher benchmark and the peers of ../shared/bench/ in one sitting, on
# the same corpus and gazetteers, plus `actorgraph mentions` end to end, and prints tables
# with the ratio ours/peer. Results are appended to $WORK/results.jsonl (one JSON object a
# line, tagged with the sitting); bench/summarize.py prints the tables again from that file.
#
#   bench/run.sh                      # defaults below
#   RUNS=1 GAZ="10k" bench/run.sh     # a quick look
#
# Knobs (environment):
#   BENCH_DATA   generated data of ../shared/bench/gen_data.py       (/tmp/bench-data)
#   BUILD        CMake build dir configured with -DACTORGRAPH_BUILD_BENCH=ON (./build)
#   WORK         scratch folder: peer binary, JSON Lines inputs, results (/tmp/actorgraph-bench)
#   CORPUS       corpus size for the matching runs: 50mb or 200mb     (50mb)
#   GAZ          alias lists: any of 10k 100k all                     ("10k 100k all")
#   RUNS         runs per cell for ours, interleaved round by round    (3)
#   PEER_RUNS    runs per cell for each peer (the first PEER_RUNS rounds) (3)
#   PEERS        which peers: hyperscan pyahocorasick                  ("hyperscan pyahocorasick")
#   E2E_GAZ      alias list added with -g to the shipped gazetteers for the end-to-end runs
#                ("all"; "" skips the end-to-end runs)
#   E2E_THREADS  thread counts for the end-to-end runs                 ("1 2")
#   MEMORY       1: also run `mentions -j2` once over the 200 MB corpus, for peak RSS
#                against the 50 MB run (bounded memory)                (0)
#   BENCH_PYTHON interpreter with Debian's ahocorasick module          (/usr/bin/python3)
#   LOCK         every run holds this lock (flock), so that runs never overlap with builds
#                of others on a shared machine ("" = no lock)          (/tmp/actorgraph-build.lock)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/.." && pwd)
SHARED=${SHARED:-$(cd "$SRC/../shared" 2>/dev/null && pwd || echo "$SRC/../shared")}
BENCH_DATA=${BENCH_DATA:-/tmp/bench-data}
BUILD=${BUILD:-$SRC/build}
WORK=${WORK:-/tmp/actorgraph-bench}
CORPUS=${CORPUS:-50mb}
GAZ=${GAZ:-10k 100k all}
RUNS=${RUNS:-3}
PEER_RUNS=${PEER_RUNS:-3}
PEERS=${PEERS-hyperscan pyahocorasick}
E2E_GAZ=${E2E_GAZ-all}
E2E_THREADS=${E2E_THREADS:-1 2}
MEMORY=${MEMORY:-0}
BENCH_PYTHON=${BENCH_PYTHON:-/usr/bin/python3}
LOCK=${LOCK-/tmp/actorgraph-build.lock}

die() { echo "run.sh: $*" >&2; exit 1; }
locked() { if [ -n "$LOCK" ]; then flock "$LOCK" "$@"; else "$@"; fi; }

BENCH_MATCH=$BUILD/bench/bench_match
[ -x "$BENCH_MATCH" ] || BENCH_MATCH=$BUILD/bin/bench_match
CLI=$BUILD/bin/actorgraph
[ -x "$BENCH_MATCH" ] || die "no bench_match in $BUILD: cmake -S $SRC -B $BUILD -DACTORGRAPH_BUILD_BENCH=ON && cmake --build $BUILD --target bench_match actorgraph_cli"
[ -x "$CLI" ] || [ -z "$E2E_GAZ" ] || die "no $CLI: cmake --build $BUILD --target actorgraph_cli"
CORPUS_TXT=$BENCH_DATA/corpus-$CORPUS.txt
[ -f "$CORPUS_TXT" ] || die "no $CORPUS_TXT: run gen_data.py of $SHARED/bench first"
for g in $GAZ $E2E_GAZ; do [ -f "$BENCH_DATA/gazetteer-$g.txt" ] || die "no $BENCH_DATA/gazetteer-$g.txt"; done
mkdir -p "$WORK"
RESULTS=$WORK/results.jsonl
SITTING=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# --- the machine and the code -------------------------------------------------------------
COMMIT=$(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo unknown)
# "+dirty": the measured code (library, CLI, bench_match) differs from the commit.
if [ -n "$(git -C "$SRC" status --porcelain -- lib tools bench/bench_match.cpp bench/bench_analyze.cpp bench/CMakeLists.txt 2>/dev/null)" ]; then
  COMMIT="$COMMIT+dirty"
fi
CPU="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1) (family $(lscpu 2>/dev/null | sed -n 's/^CPU family: *//p' | head -1), model $(lscpu 2>/dev/null | sed -n 's/^Model: *//p' | head -1))"
echo "sitting $SITTING  commit $COMMIT  cpu: ${CPU:-?} x $(nproc) cores  corpus $CORPUS"

# --- peers: build the Hyperscan one from the shared source into $WORK ----------------------
HS=$WORK/peer_hyperscan
if [[ " $PEERS " == *" hyperscan "* ]] && { [ ! -x "$HS" ] || [ "$SHARED/bench/peer_hyperscan.cpp" -nt "$HS" ]; }; then
  locked g++ -O2 -std=c++17 "$SHARED/bench/peer_hyperscan.cpp" -o "$HS" $(pkg-config --cflags --libs libhs)
fi
PY_PEER=$SHARED/bench/peer_pyahocorasick.py

# --- end-to-end inputs: the corpus as JSON Lines of paragraphs, the aliases as entities ----
to_jsonl() {  # mode src dst
  [ -s "$3" ] && [ "$3" -nt "$2" ] || "$BENCH_PYTHON" "$HERE/to_jsonl.py" "$1" "$2" "$3"
}
if [ -n "$E2E_GAZ" ]; then
  to_jsonl corpus "$CORPUS_TXT" "$WORK/corpus-$CORPUS.jsonl"
  to_jsonl gazetteer "$BENCH_DATA/gazetteer-$E2E_GAZ.txt" "$WORK/gazetteer-$E2E_GAZ.jsonl"
  echo '{"id":"empty","text":"Baku"}' > "$WORK/one.jsonl"
  if [ "$MEMORY" = 1 ]; then to_jsonl corpus "$BENCH_DATA/corpus-200mb.txt" "$WORK/corpus-200mb.jsonl"; fi
fi

# Appends one result line, tagged with the sitting and the round.
record() {  # round json
  "$BENCH_PYTHON" -c 'import json,sys; r=json.loads(sys.argv[3]); r["sitting"]=sys.argv[1]; r["round"]=int(sys.argv[2]); print(json.dumps(r))' \
    "$SITTING" "$1" "$2" | tee -a "$RESULTS" | cut -c1-200
}

# One end-to-end run of `actorgraph mentions`: wall time (load included; GNU time's elapsed,
# taken inside the lock, so waiting for the lock is not counted), peak RSS, mentions.
# GAZ_FORM: "jsonl" (the aliases as JSON Lines, compiled at every start) or "compiled"
# (shipped + aliases compiled once by `actorgraph gazetteer compile`).
e2e() {  # round threads input corpus-file-for-MB gaz-form
  local out=$WORK/mentions.out.jsonl wall rss lines bytes gaz=$WORK/gazetteer-$E2E_GAZ.jsonl
  [ "$5" = compiled ] && gaz=$WORK/gazetteer-$E2E_GAZ.agc
  locked /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$CLI" mentions "$3" -g "$gaz" \
    --date 2021-01-01 -j "$2" -q -o "$out"
  read -r wall rss < <(tail -1 "$WORK/time.txt")
  lines=$(wc -l < "$out")
  rm -f "$out"
  bytes=$(stat -c %s "$4")
  record "$1" "$(printf '{"peer": "actorgraph", "program": "mentions", "input": "%s", "gazetteer": "gazetteer-%s.txt+shipped", "gazetteer_form": "%s", "threads": %s, "corpus_mb": %.3f, "wall_s": %s, "mentions": %s, "mem_peak_mb": %.1f}' \
    "$(basename "$3")" "$E2E_GAZ" "$5" "$2" "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" "$wall" "$lines" "$(awk -v r="$rss" 'BEGIN{print r/1024}')")"
}
if [ -n "$E2E_GAZ" ]; then
  locked "$CLI" gazetteer compile -q "$WORK/gazetteer-$E2E_GAZ.jsonl" -o "$WORK/gazetteer-$E2E_GAZ.agc"
fi
BENCH_ANALYZE=$(dirname "$BENCH_MATCH")/bench_analyze

# --- the runs: round by round, every cell once per round ---------------------------------
for round in $(seq 1 "$RUNS"); do
  echo "--- round $round/$RUNS"
  for g in $GAZ; do
    gz=$BENCH_DATA/gazetteer-$g.txt
    # Compiling from the alias list (and, in round 1, writing the compiled file), then
    # loading the compiled file.
    if [ "$round" = 1 ]; then
      record "$round" "$(locked "$BENCH_MATCH" "$gz" "$CORPUS_TXT" --save-compiled "$WORK/bench-$g.agc")"
    else
      record "$round" "$(locked "$BENCH_MATCH" "$gz" "$CORPUS_TXT")"
    fi
    record "$round" "$(locked "$BENCH_MATCH" --compiled "$WORK/bench-$g.agc" "$CORPUS_TXT" |
      sed 's/"gazetteer": "[^"]*"/"gazetteer": "'"gazetteer-$g.txt"'"/')"
    if [ "$round" -le "$PEER_RUNS" ]; then
      for p in $PEERS; do
        case $p in
          hyperscan) record "$round" "$(locked "$HS" "$gz" "$CORPUS_TXT")" ;;
          pyahocorasick) record "$round" "$(locked "$BENCH_PYTHON" "$PY_PEER" "$gz" "$CORPUS_TXT")" ;;
          *) die "unknown peer $p" ;;
        esac
      done
    fi
  done
  if [ -n "$E2E_GAZ" ]; then
    for form in jsonl compiled; do
      e2e "$round" 1 "$WORK/one.jsonl" "$WORK/one.jsonl" "$form"   # load only: the fixed cost in every run
      for j in $E2E_THREADS; do e2e "$round" "$j" "$WORK/corpus-$CORPUS.jsonl" "$CORPUS_TXT" "$form"; done
    done
    # The library path on one thread, phase by phase, without output.
    if [ -x "$BENCH_ANALYZE" ]; then
      record "$round" "$(locked "$BENCH_ANALYZE" "$SRC/data" "$WORK/corpus-$CORPUS.jsonl" "$WORK/gazetteer-$E2E_GAZ.agc")"
    fi
  fi
done
if [ "$MEMORY" = 1 ] && [ -n "$E2E_GAZ" ]; then
  echo "--- memory: 200 MB corpus"
  e2e 1 2 "$WORK/corpus-200mb.jsonl" "$BENCH_DATA/corpus-200mb.txt" compiled
fi

echo
"$BENCH_PYTHON" "$HERE/summarize.py" "$RESULTS" --sitting "$SITTING" --commit "$COMMIT" --cpu "${CPU:-?} x $(nproc) cores"

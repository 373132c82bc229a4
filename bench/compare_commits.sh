#!/usr/bin/env bash
# Times `actorgraph mentions` and `actorgraph extract` of two builds on the same input in one
# sitting, runs of the two interleaved round by round, and prints min and median wall time
# per command and build with the change in per cent (new against old).
#
#   bench/compare_commits.sh OLD_CLI NEW_CLI
#   OLD_CLI=/work/base/build/bin/actorgraph: the build before the change
#
# Knobs (environment):
#   INPUT     documents (JSON Lines)                       (/tmp/bench-data/corpus-50mb.jsonl)
#   ALIASES   alias list of ../shared/bench/gen_data.py, compiled with the shipped gazetteers
#             by each build into its own file; "" runs with the shipped gazetteers only
#                                                          (/tmp/bench-data/gazetteer-all.txt)
#   RUNS      runs per command and build                   (3)
#   THREADS   -j of every run                              (1)
#   COMMANDS  which commands                               ("mentions extract")
#   WORK      scratch folder                               (/tmp/actorgraph-compare)
#   LOCK      every run holds this lock, so that no build of others overlaps it (flock)
#             ("" = no lock)                               (/tmp/actorgraph-build.lock)
# The outputs of the two builds are compared too (cmp), and reported as same or different.
set -euo pipefail

OLD=${1:?usage: compare_commits.sh OLD_CLI NEW_CLI}
NEW=${2:?usage: compare_commits.sh OLD_CLI NEW_CLI}
HERE=$(cd "$(dirname "$0")" && pwd)
INPUT=${INPUT:-/tmp/bench-data/corpus-50mb.jsonl}
ALIASES=${ALIASES-/tmp/bench-data/gazetteer-all.txt}
RUNS=${RUNS:-3}
THREADS=${THREADS:-1}
COMMANDS=${COMMANDS:-mentions extract}
WORK=${WORK:-/tmp/actorgraph-compare}
LOCK=${LOCK-/tmp/actorgraph-build.lock}
mkdir -p "$WORK"
locked() { if [ -n "$LOCK" ]; then flock "$LOCK" "$@"; else "$@"; fi; }

# Each build compiles its own gazetteer (the compiled format belongs to the version).
gaz_args=()
if [ -n "$ALIASES" ]; then
  /usr/bin/python3 "$HERE/to_jsonl.py" gazetteer "$ALIASES" "$WORK/aliases.jsonl"
  for side in old new; do
    cli=$OLD; [ $side = new ] && cli=$NEW
    locked "$cli" gazetteer compile -q "$WORK/aliases.jsonl" -o "$WORK/$side.agc"
  done
fi

: > "$WORK/times.tsv"
for round in $(seq 1 "$RUNS"); do
  for cmd in $COMMANDS; do
    for side in old new; do
      cli=$OLD; [ $side = new ] && cli=$NEW
      [ -n "$ALIASES" ] && gaz_args=(-g "$WORK/$side.agc")
      out=$WORK/$side.$cmd.out; [ "$cmd" = extract ] && out=$WORK/$side.$cmd.graphml
      locked /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$cli" "$cmd" "$INPUT" "${gaz_args[@]}" \
        -j "$THREADS" -q -o "$out"
      read -r wall rss < "$WORK/time.txt"
      printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$cmd" "$side" "$wall" "$rss" >> "$WORK/times.tsv"
    done
  done
done

mb=$(stat -c %s "$INPUT" | awk '{printf "%.1f", $1 / 1e6}')
echo "input $INPUT ($mb MB), aliases ${ALIASES:-none}, -j $THREADS, $RUNS runs; $(date -u +%FT%TZ)"
echo "old $OLD"
echo "new $NEW"
/usr/bin/python3 - "$WORK/times.tsv" "$mb" <<'EOF'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().splitlines()]
mb = float(sys.argv[2])
print(f"{'command':10} {'build':5} {'min s':>7} {'median s':>9} {'MB/s (min)':>11} {'peak MB':>8}  change (min / median)")
for cmd in dict.fromkeys(r[1] for r in rows):
    stats = {}
    for side in ("old", "new"):
        walls = sorted(float(r[3]) for r in rows if r[1] == cmd and r[2] == side)
        rss = max(int(r[4]) for r in rows if r[1] == cmd and r[2] == side) / 1024
        stats[side] = (walls[0], statistics.median(walls))
        change = ""
        if side == "new":
            o, n = stats["old"], stats["new"]
            change = f"  {100 * (n[0] / o[0] - 1):+.1f} % / {100 * (n[1] / o[1] - 1):+.1f} %"
        print(f"{cmd:10} {side:5} {walls[0]:7.2f} {stats[side][1]:9.2f} {mb / walls[0]:11.1f} {rss:8.0f}{change}")
EOF
for cmd in $COMMANDS; do
  a=$WORK/old.$cmd.out b=$WORK/new.$cmd.out
  [ "$cmd" = extract ] && a=$WORK/old.$cmd.graphml b=$WORK/new.$cmd.graphml
  if cmp -s "$a" "$b"; then echo "$cmd: outputs identical"; else echo "$cmd: outputs differ"; fi
done

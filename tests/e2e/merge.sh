#!/usr/bin/env bash
# Map and merge: `mentions` and `events` per shard (run under GNU parallel when it is
# installed, as the README shows), then `merge` of the shards in either order, must give the
# same bytes as one `extract` over all documents.
set -u
cli="$ACTORGRAPH_CLI"
tmp="${ACTORGRAPH_TMP:-/tmp}/merge-test"
rm -rf "$tmp" && mkdir -p "$tmp/shard1" "$tmp/shard2"
fail=0
samples=("$ACTORGRAPH_SOURCE_DIR"/data/samples/*.txt)
cp "${samples[@]:0:2}" "$tmp/shard1/"
cp "${samples[@]:2}" "$tmp/shard2/"
cd "$tmp"

"$cli" extract shard1 shard2 -q -o single.graphml || { echo "FAIL: extract"; exit 1; }
if command -v parallel >/dev/null 2>&1; then
  parallel --will-cite "'$cli' mentions {} -q -o {}.mentions.jsonl && '$cli' events {} -q -o {}.events.jsonl" ::: shard1 shard2 \
    || { echo "FAIL: parallel map step"; exit 1; }
else
  echo "note: GNU parallel not installed; running the map step in sequence"
  for s in shard1 shard2; do "$cli" mentions $s -q -o $s.mentions.jsonl && "$cli" events $s -q -o $s.events.jsonl || exit 1; done
fi
"$cli" merge shard1.mentions.jsonl shard1.events.jsonl shard2.mentions.jsonl shard2.events.jsonl -q -o merged12.graphml || fail=1
"$cli" merge shard2.events.jsonl shard2.mentions.jsonl shard1.events.jsonl shard1.mentions.jsonl -q -o merged21.graphml || fail=1
cmp -s single.graphml merged12.graphml || { echo "FAIL: merge of shards 1,2 differs from a single run"; diff single.graphml merged12.graphml | head -20; fail=1; }
cmp -s merged12.graphml merged21.graphml || { echo "FAIL: merge depends on the order of the shards"; fail=1; }
# A bad line names the file and line, exit 1, nothing written.
printf '{"doc":"x"}\n' > bad.jsonl
"$cli" merge shard1.events.jsonl bad.jsonl -o bad.graphml 2> err.txt; rc=$?
[ $rc -eq 1 ] || { echo "FAIL: bad shard gave exit $rc"; fail=1; }
grep -q "bad.jsonl:1: not an actorgraph mention" err.txt || { echo "FAIL: message: $(cat err.txt)"; fail=1; }
[ ! -e bad.graphml ] || { echo "FAIL: output written despite the error"; fail=1; }
[ $fail -eq 0 ] && echo "merge: ok"
exit $fail

#!/usr/bin/env bash
# Map and merge: `mentions` and `events` per shard (run under GNU parallel when it is
# installed, as the README shows), then `merge` of the shards in either order, must give the
# same bytes as one `extract` over all documents: GraphML, and the HTML viewer when the map
# step writes sentences.
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
# The HTML viewer: with the map step's sentences (mentions --sentences) merge writes the page
# extract writes, evidence sentences included; the sentences change no other format.
for s in shard1 shard2; do "$cli" mentions $s --sentences -q -o $s.sentences.jsonl || { echo "FAIL: mentions --sentences $s"; exit 1; }; done
"$cli" extract shard1 shard2 -q -o single.html || { echo "FAIL: extract -o single.html"; exit 1; }
"$cli" merge shard1.sentences.jsonl shard1.events.jsonl shard2.sentences.jsonl shard2.events.jsonl -q -o merged.html || fail=1
"$cli" merge shard2.events.jsonl shard2.sentences.jsonl shard1.events.jsonl shard1.sentences.jsonl -q -f html -o merged21.page || fail=1
cmp -s single.html merged.html || { echo "FAIL: merged HTML differs from a single run"; fail=1; }
cmp -s merged.html merged21.page || { echo "FAIL: merged HTML depends on the order of the shards"; fail=1; }
grep -q '"sentences":\[{"doc":' merged.html || { echo "FAIL: merged HTML has no evidence sentences"; fail=1; }
"$cli" merge shard1.sentences.jsonl shard1.events.jsonl shard2.sentences.jsonl shard2.events.jsonl -q -o merged-s.graphml || fail=1
cmp -s single.graphml merged-s.graphml || { echo "FAIL: sentences in the shards changed the GraphML"; fail=1; }
# Positive control: without sentences in the shards the page differs (no sentences to show).
"$cli" merge shard1.mentions.jsonl shard1.events.jsonl shard2.mentions.jsonl shard2.events.jsonl -q -o plain.html || fail=1
if cmp -s single.html plain.html; then echo "FAIL: HTML without shard sentences equals extract's, so the check above proves nothing"; fail=1; fi
# A bad line names the file and line, exit 1, nothing written.
printf '{"doc":"x"}\n' > bad.jsonl
"$cli" merge shard1.events.jsonl bad.jsonl -o bad.graphml 2> err.txt; rc=$?
[ $rc -eq 1 ] || { echo "FAIL: bad shard gave exit $rc"; fail=1; }
grep -q "bad.jsonl:1: not an actorgraph mention" err.txt || { echo "FAIL: message: $(cat err.txt)"; fail=1; }
[ ! -e bad.graphml ] || { echo "FAIL: output written despite the error"; fail=1; }
[ $fail -eq 0 ] && echo "merge: ok"
exit $fail

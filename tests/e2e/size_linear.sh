#!/bin/bash
# One document that repeats one event 200,000 times (about 6.6 MB): `events` and `extract`
# must finish (ctest's TIMEOUT) and give exactly one event holding every mention. Merging was
# quadratic in the events of a document (64,000 repeats took 240 s); linear, this takes a few
# seconds, and a positive control checks the short document gives the same single event.
set -u
cli="${ACTORGRAPH_CLI:?}"
tmp="${ACTORGRAPH_TMP:?}/size_linear-$$"
mkdir -p "$tmp"
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }

python3 -c "print('Vladimir Putin met Ilham Aliyev. ' * 3)" > "$tmp/short.txt"
python3 -c "print('Vladimir Putin met Ilham Aliyev. ' * 200000)" > "$tmp/long.txt"
"$cli" events "$tmp/short.txt" --date 2021-02-16 -j1 -q -o "$tmp/short.jsonl"
check "short document: one event" '[ "$(wc -l < "$tmp/short.jsonl")" -eq 1 ]'
"$cli" events "$tmp/long.txt" --date 2021-02-16 -j2 -q -o "$tmp/long.jsonl"
check "long document: one event" '[ "$(wc -l < "$tmp/long.jsonl")" -eq 1 ]'
check "long document: every mention is evidence" \
  '[ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))[\"evidence\"]))" "$tmp/long.jsonl")" -eq 200000 ]'
"$cli" extract "$tmp/long.txt" --date 2021-02-16 -q -f json -o "$tmp/long.json"
check "long document: the graph has the two people and the event" \
  '[ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))[\"nodes\"]))" "$tmp/long.json")" -ge 3 ]'
[ "$fail" -eq 0 ] && rm -rf "$tmp"
exit "$fail"

#!/usr/bin/env bash
# I/O failures, exit code 3: missing inputs, unwritable outputs (a missing folder, a full
# device, a file size limit). And atomic output: after any failure no partial file and no
# temporary file (.NAME.tmp-*) is left, and an existing output is left as it was.
source "$(dirname "$0")/cli_lib.sh"

A=$FIX/article.txt
E="actorgraph: error:"
G=("${NAMES[@]}" --date 2021-03-04)

# Files left in folder $1 other than those named after it.
leftovers() {
  local dir=$1
  shift
  (cd "$dir" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | sort) | grep -vxF -f <(printf '%s\n' "$@" .stdout .stderr)
}
no_leftovers() { ! leftovers "$@" >/dev/null; }

# ---- missing inputs ----------------------------------------------------------------------
for cmd in extract mentions events; do
  t "$cmd: missing input file" 3 "err=$E $T/no-such-article.txt: no such file or folder" out-empty \
    -- "$cmd" "${G[@]}" "$T/no-such-article.txt"
done
t 'missing input among good ones' 3 "err=$E $T/missing/: no such file or folder" out-empty -- mentions "${G[@]}" "$A" "$T/missing/" "$FIX/folder"
t 'missing JSON Lines input' 3 "err=$E $T/gone.jsonl: no such file or folder" -- mentions "${G[@]}" "$T/gone.jsonl"
t 'missing input with -o: no output file' 3 "err=$E $T/no-such-article.txt: no such file or folder" \
  -- extract "${G[@]}" "$T/no-such-article.txt" -o "$T/never.graphml"
expect 'missing input with -o: nothing written' "files left: $(leftovers "$T")" no_leftovers "$T"
t 'missing gazetteer given to -g' 3 "err:$T/no-names.jsonl" -- mentions --no-default-gazetteers -g "$T/no-names.jsonl" "$A"

# ---- unwritable outputs ----------------------------------------------------------------
[[ -e /nonexistent-dir ]] && { echo "/nonexistent-dir exists: cannot test a missing output folder"; exit 77; }
t 'extract -o into a missing folder' 3 "err=$E /nonexistent-dir/x.graphml: cannot write: No such file or directory" out-empty \
  -- extract "${G[@]}" "$A" -o /nonexistent-dir/x.graphml
t 'mentions -o into a missing folder' 3 "err=$E /nonexistent-dir/m.jsonl: cannot write: No such file or directory" \
  -- mentions "${G[@]}" "$A" -o /nonexistent-dir/m.jsonl
t 'events -o into a missing folder' 3 "err=$E /nonexistent-dir/e.jsonl: cannot write: No such file or directory" \
  -- events "${G[@]}" "$A" -o /nonexistent-dir/e.jsonl
t 'extract -f neo4j -o into a missing folder' 3 'err:/nonexistent-dir/graph' -- extract "${G[@]}" "$A" -f neo4j -o /nonexistent-dir/graph
t 'extract -o a folder' 3 "err=$E $T: cannot write: is a directory" -- extract "${G[@]}" "$A" -f graphml -o "$T"
if [[ -w /dev/full ]]; then
  t 'extract -o /dev/full' 3 "err=$E /dev/full: write failed: No space left on device" out-empty -- extract "${G[@]}" "$A" -o /dev/full
  for f in graphml dot gexf json cyjs; do
    t "extract -f $f -o /dev/full" 3 "err=$E /dev/full: write failed: No space left on device" -- extract "${G[@]}" "$A" -f "$f" -o /dev/full
  done
  t 'mentions -o /dev/full' 3 "err=$E /dev/full: write failed: No space left on device" -- mentions "${G[@]}" "$A" -o /dev/full
  t 'events -o /dev/full' 3 "err=$E /dev/full: write failed: No space left on device" -- events "${G[@]}" "$A" -o /dev/full
  # Standard output on a full device.
  cases=$((cases + 1))
  "$CLI" mentions "${G[@]}" "$A" >/dev/full 2>"$ERR"
  RC=$?
  if [[ $RC == 3 ]] && grep -qxF "$E standard output: write failed: No space left on device" "$ERR"; then
    echo "ok   mentions > /dev/full"
  else
    fail 'mentions > /dev/full' "exit code $RC (expected 3) or message missing"
  fi
else
  echo "skip /dev/full cases: /dev/full is not writable here"
fi
t 'extract -o /dev/null (a device: GraphML, nothing to rename)' 0 out-empty -- extract "${G[@]}" "$A" -o /dev/null
expect '/dev/null is still a device' '/dev/null was replaced' test -c /dev/null

# A file size limit of 1 KiB makes the write fail half-way, in an ordinary folder (SIGXFSZ
# ignored, so write() returns EFBIG): the temporary file must go and nothing be left.
mkdir -p "$T/out"
cases=$((cases + 1))
(trap '' XFSZ && ulimit -f 1 && exec "$CLI" extract "${G[@]}" data/samples "$FIX/folder" -o "$T/out/graph.graphml") >"$OUT" 2>"$ERR"
RC=$?
if [[ $RC == 3 ]] && grep -qxF "$E $T/out/graph.graphml: write failed: File too large" "$ERR"; then
  echo "ok   write failing half-way (file size limit)"
else
  fail 'write failing half-way (file size limit)' "exit code $RC (expected 3) or message missing"
fi
expect 'write failing half-way: no partial or temporary file' "files left: $(leftovers "$T/out")" no_leftovers "$T/out"

# ---- atomic output after bad input -------------------------------------------------------
printf 'Ilse Varga met Jos\xE9.\n' >"$T/latin1.txt"
for spec in "extract graph.graphml" "extract graph.dot" "extract graph.json" "mentions mentions.jsonl" "events events.jsonl"; do
  read -r cmd file <<<"$spec"
  t "$cmd -o $file, bad input after a good document" 1 "err:$T/latin1.txt: byte 18: invalid UTF-8" \
    -- "$cmd" "${G[@]}" "$A" "$T/latin1.txt" -o "$T/out/$file"
  expect "$cmd -o $file: no partial or temporary file" "files left: $(leftovers "$T/out")" no_leftovers "$T/out"
done
t 'extract -f neo4j after bad input' 1 "err:$T/latin1.txt: byte 18" -- extract "${G[@]}" "$A" "$T/latin1.txt" -f neo4j -o "$T/out/neo4j"
expect 'extract -f neo4j: no folder left' "files left: $(leftovers "$T/out")" no_leftovers "$T/out"
printf 'the previous output\n' >"$T/out/keep.jsonl"
t 'failed run over an existing output' 1 "err:$T/latin1.txt" -- mentions "${G[@]}" "$A" "$T/latin1.txt" -o "$T/out/keep.jsonl"
expect 'failed run over an existing output: left as it was' "keep.jsonl changed: $(head -c 80 "$T/out/keep.jsonl")" \
  test "$(cat "$T/out/keep.jsonl")" == 'the previous output'
expect 'failed run over an existing output: no temporary file' "files left: $(leftovers "$T/out" keep.jsonl)" \
  no_leftovers "$T/out" keep.jsonl
t 'malformed JSON line with -o' 1 'err:malformed.jsonl:2:44' -- mentions "${G[@]}" "$FIX/malformed.jsonl" -o "$T/out/m.jsonl"
expect 'malformed JSON line with -o: nothing left' "files left: $(leftovers "$T/out" keep.jsonl)" no_leftovers "$T/out" keep.jsonl

# ---- successful writes ---------------------------------------------------------------
t 'extract -o FILE' 0 out-empty -- extract "${G[@]}" "$A" -o "$T/out/ok.graphml"
t 'mentions -o over an existing file' 0 -- mentions "${G[@]}" "$A" -o "$T/out/keep.jsonl"
expect 'mentions -o replaced the existing file' 'keep.jsonl still holds the old text' grep -q '"doc":' "$T/out/keep.jsonl"
expect 'successful writes leave no temporary file' "files left: $(leftovers "$T/out" keep.jsonl ok.graphml)" \
  no_leftovers "$T/out" keep.jsonl ok.graphml
expect 'output files are readable by all (0644)' "mode $(stat -c %a "$T/out/ok.graphml")" \
  test "$(stat -c %a "$T/out/ok.graphml")" == 644

finish

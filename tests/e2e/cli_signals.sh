#!/usr/bin/env bash
# Signals: SIGINT, SIGTERM and SIGHUP while an output file is being written exit with 130,
# 143 and 129, name the output left unwritten, leave no temporary file and leave an existing
# output as it was; SIGKILL leaves nothing visible either (the temporary file has no name);
# SIGPIPE on standard output exits with 141 without a word.
source "$(dirname "$0")/cli_lib.sh"

E="actorgraph:"
# docs N: N documents with distinct ids.
docs() {
  local i
  for ((i = 0; i < $1; i++)); do
    printf '{"id":"d%d","text":"Ilse Varga met Tomas Brandt in Vienna.","date":"2021-03-04"}\n' "$i"
  done
}

# interrupt SIGNAL: runs mentions from a FIFO that stays open (so the run is still writing
# when the signal comes), waits until the output is open, sends SIGNAL; sets RC.
interrupt() {
  local sig=$1 fifo=$T/in-$1 pid feeder n
  rm -rf "$T/out" && mkdir "$T/out" && printf 'the old output\n' >"$T/out/m.jsonl"
  mkfifo "$fifo"
  ( docs 200; sleep 30 ) >"$fifo" &
  feeder=$!
  "$CLI" mentions "${NAMES[@]}" -j 1 "$fifo" -o "$T/out/m.jsonl" >"$OUT" 2>"$ERR" &
  pid=$!
  # Open: a descriptor of the process points into $T/out (its unnamed or hidden file).
  for n in $(seq 100); do
    ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "$T/out/" && break
    sleep 0.05
  done
  kill "-$sig" "$pid"
  wait "$pid"
  RC=$?
  kill "$feeder" 2>/dev/null
  wait "$feeder" 2>/dev/null
}

for row in INT:130 TERM:143 HUP:129; do
  sig=${row%%:*} code=${row##*:}
  cases=$((cases + 1))
  interrupt "$sig"
  problems=()
  [[ $RC == "$code" ]] || problems+=("exit code $RC, expected $code")
  grep -qxF "$E interrupted by SIG$sig; not written (left as it was): $T/out/m.jsonl" "$ERR" ||
    problems+=("standard error lacks the line naming the unwritten output")
  left=$(ls -A "$T/out")
  [[ $left == m.jsonl ]] || problems+=("the output folder holds: $left")
  [[ $(cat "$T/out/m.jsonl") == 'the old output' ]] || problems+=("the existing output was changed")
  if [[ ${#problems[@]} -eq 0 ]]; then echo "ok   SIG$sig while writing: exit $code, output named, nothing left"; else
    fail "SIG$sig while writing" "${problems[@]}"; fi
done

cases=$((cases + 1))
interrupt KILL
left=$(ls -A "$T/out")
if [[ $RC == 137 && $left == m.jsonl ]]; then echo "ok   SIGKILL while writing leaves no temporary file"; else
  fail "SIGKILL while writing" "exit code $RC, output folder holds: $left"; fi

# Positive control: the same run, not interrupted, replaces the old output.
docs 200 >"$T/corpus.jsonl"
t 'positive control: not interrupted, the output is written' 0 -- mentions "${NAMES[@]}" "$T/corpus.jsonl" -o "$T/out/m.jsonl"
expect 'positive control: it holds the mentions' "m.jsonl lacks the mention" grep -q '"text":"Ilse Varga"' "$T/out/m.jsonl"
expect 'positive control: nothing else in the folder' "a temporary file is left" test "$(ls -A "$T/out")" = m.jsonl

# SIGPIPE: a reader that stops early (head) ends the run quietly.
docs 20000 >"$T/many.jsonl"
cases=$((cases + 1))
"$CLI" mentions "${NAMES[@]}" "$T/many.jsonl" 2>"$ERR" | head -n 1 >"$OUT"
rc=${PIPESTATUS[0]}
if [[ $rc == 141 && ! -s $ERR && -s $OUT ]]; then echo "ok   SIGPIPE on standard output: exit 141, nothing on standard error"; else
  fail "SIGPIPE on standard output" "exit code $rc (expected 141); standard error $(wc -c <"$ERR") bytes"; fi

finish

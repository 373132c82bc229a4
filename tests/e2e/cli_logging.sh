#!/usr/bin/env bash
# Logging: warnings by default, -q silences them (errors still shown), -v adds info lines.
# Everything goes to standard error as "actorgraph: LEVEL: message"; standard output keeps
# only the data.
source "$(dirname "$0")/cli_lib.sh"

E="actorgraph: error:"
W="actorgraph: warning:"
: >"$T/empty.txt"
printf 'Ilse Varga met Jos\xE9.\n' >"$T/latin1.txt"
IN=("${NAMES[@]}" --date 2021-03-04 "$FIX/article.txt" "$T/empty.txt")

t 'default: warnings, no info' 0 "err=$W $T/empty.txt: empty document" 'err!actorgraph: info:' 'err!actorgraph: debug:' \
  -- mentions "${IN[@]}"
t 'default: every stderr line is prefixed' 0 -- mentions "${IN[@]}" --invalid-utf8=replace "$T/latin1.txt"
expect 'default: every stderr line is prefixed' "unprefixed: $(grep -v '^actorgraph: [a-z]*: ' "$ERR" | head -1)" \
  test -z "$(grep -v '^actorgraph: [a-z]*: ' "$ERR")"
t '-q: no warnings at all' 0 err-empty out:'"text":"Ilse Varga"' -- -q mentions "${IN[@]}"
t '--quiet' 0 err-empty -- --quiet mentions "${IN[@]}"
t '-q after the command' 0 err-empty -- mentions "${IN[@]}" -q
t '-q: replaced invalid UTF-8 is not reported' 0 err-empty -- -q mentions "${IN[@]}" --invalid-utf8=replace "$T/latin1.txt"
t '-q: skipped JSON lines are not reported' 0 err-empty -- -q mentions "${NAMES[@]}" --on-error=skip "$FIX/malformed.jsonl"
t '-q: errors are still shown' 1 "err=$E $T/latin1.txt: byte 18: invalid UTF-8 (use --invalid-utf8=replace to substitute U+FFFD)" \
  -- -q mentions "${IN[@]}" "$T/latin1.txt"
t '-q: I/O errors are still shown' 3 "err=$E $T/missing.txt: no such file or folder" -- -q extract "$T/missing.txt"
t '-q: usage errors are still shown' 2 "err:$E --date: expected a real day" -- -q extract "$FIX/article.txt" --date 2021-99-99
t '-q --progress: no progress line' 0 err-empty -- -q mentions "${IN[@]}" --progress
t '--progress: documents, MB, MB/s and the share done' 0 'err:2 documents, 0.0 MB, ' 'err:MB/s, 100%, done' \
  -- mentions "${IN[@]}" --progress
t '--progress --no-progress: none' 0 'err!documents, ' -- mentions "${IN[@]}" --progress --no-progress
STDIN="$FIX/article.txt" t '--progress from standard input: no share done, no time left' 0 'err:1 documents, ' 'err!%' \
  -- mentions "${NAMES[@]}" --date 2021-03-04 - --progress
t '-v: info summary line' 0 'err=actorgraph: info: 2 document(s), 0.00 MB, 1 empty; 4 mention(s)' "err=$W $T/empty.txt: empty document" \
  -- -v mentions "${IN[@]}"
t '--verbose after the command' 0 'err:actorgraph: info: 2 document(s)' -- mentions "${IN[@]}" --verbose
t '-v extract: where the graph went' 0 "err:written to $T/g.graphml" -- -v extract "${IN[@]}" -o "$T/g.graphml"
t '-v events' 0 'err:actorgraph: info: 2 document(s)' -- -v events "${IN[@]}"
t 'no -v: no summary' 0 'err!document(s)' -- extract "${IN[@]}" -o "$T/g.graphml"
t 'data only on standard output' 0 'out!actorgraph:' -- -v mentions "${IN[@]}"

finish

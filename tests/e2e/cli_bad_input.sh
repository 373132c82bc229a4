#!/usr/bin/env bash
# The bad-input catalogue: each case's exact error (file, JSON Lines line and column, byte
# offset) and exit code (1 bad input, 2 refused usage, 3 I/O), and that nothing was written,
# replaced or lost; --invalid-utf8=replace and --on-error=skip turning errors into warnings;
# an empty document being a warning only. Big inputs (100 MB line, a million aliases) are
# generated in the test's temporary folder and removed after their rows.
source "$(dirname "$0")/cli_lib.sh"

M=(mentions "${NAMES[@]}" --date 2021-03-04)
E="actorgraph: error:"
W="actorgraph: warning:"
REPLACE_HINT="(use --invalid-utf8=replace to substitute U+FFFD)"
SKIP_HINT="(use --on-error=skip to skip such lines)"

# ---- invalid UTF-8 in a text file ------------------------------------------------------
# "Jos\xE9" is Latin-1: the bad byte is at offset 18.
printf 'Ilse Varga met Jos\xE9 and Tomas Brandt.\n' >"$T/latin1.txt"
for cmd in mentions events extract; do
  t "$cmd: invalid UTF-8 in a text file" 1 "err=$E $T/latin1.txt: byte 18: invalid UTF-8 $REPLACE_HINT" out-empty \
    -- "$cmd" "${NAMES[@]}" --date 2021-03-04 "$T/latin1.txt"
done
printf '\xEF\xBB\xBFIlse Varga met Jos\xE9.\n' >"$T/latin1-bom.txt"
t 'invalid UTF-8 after a BOM: the offset is the file'"'"'s' 1 "err=$E $T/latin1-bom.txt: byte 21: invalid UTF-8 $REPLACE_HINT" \
  -- "${M[@]}" "$T/latin1-bom.txt"
printf 'Ilse Varga\xE2\x80' >"$T/truncated.txt"
t 'truncated UTF-8 sequence at the end of the file' 1 "err=$E $T/truncated.txt: byte 10: invalid UTF-8 $REPLACE_HINT" \
  -- "${M[@]}" "$T/truncated.txt"
printf 'Ilse Varga \xC0\xAF met.\n' >"$T/overlong.txt"
t 'overlong UTF-8 (C0 AF, a slash in disguise)' 1 "err=$E $T/overlong.txt: byte 11: invalid UTF-8 $REPLACE_HINT" out-empty \
  -- "${M[@]}" "$T/overlong.txt" -o "$T/overlong.out"
expect 'overlong UTF-8: no output file' "overlong.out exists" test ! -e "$T/overlong.out"
printf 'Ilse \xED\xA0\x80 Varga.\n' >"$T/surrogate.txt"
t 'a UTF-16 surrogate encoded in UTF-8 (ED A0 80)' 1 "err=$E $T/surrogate.txt: byte 5: invalid UTF-8 $REPLACE_HINT" \
  -- "${M[@]}" "$T/surrogate.txt"
mkdir -p "$T/folder"
printf 'Ilse Varga met Tomas Brandt.\n' >"$T/folder/a.txt"
printf 'caf\xE9\n' >"$T/folder/b.txt"
t 'invalid UTF-8 in a folder names the file' 1 "err=$E $T/folder/b.txt: byte 3: invalid UTF-8 $REPLACE_HINT" \
  -- "${M[@]}" "$T/folder"
STDIN=$T/latin1.txt t 'invalid UTF-8 on standard input' 1 "err=$E <stdin>: byte 18: invalid UTF-8 $REPLACE_HINT" -- "${M[@]}" -
t '--invalid-utf8=replace: a warning, U+FFFD, the document still read' 0 \
  "err=$W $T/latin1.txt: byte 18: invalid UTF-8: replaced 1 sequence(s) with U+FFFD" \
  "out:\"text\":\"Ilse Varga\"" "out:\"text\":\"Tomas Brandt\"" -- "${M[@]}" --invalid-utf8=replace "$T/latin1.txt"
t '--invalid-utf8=replace counts the document in the summary' 0 'err:actorgraph: info: 1 document(s)' \
  'err:1 with invalid UTF-8 replaced' -- -v "${M[@]}" --invalid-utf8=replace "$T/latin1.txt"
t 'extract --invalid-utf8=replace' 0 out:'Tomas Brandt' "err:$W $T/latin1.txt: byte 18: invalid UTF-8" \
  -- extract "${NAMES[@]}" --date 2021-03-04 --invalid-utf8=replace "$T/latin1.txt"

# ---- invalid UTF-8 in JSON Lines --------------------------------------------------------
# Line 1 is 39 bytes with its newline; on line 2 the bad byte is column 41, file byte 79.
printf '{"id":"ok","text":"Ilse Varga spoke."}\n{"id":"bad","text":"Tomas Brandt met Jos\xE9."}\n' >"$T/latin1.jsonl"
t 'invalid UTF-8 in a JSON line: file:line:column and file offset' 1 \
  "err=$E $T/latin1.jsonl:2:41: invalid UTF-8 (byte 79 of the file; use --invalid-utf8=replace to substitute U+FFFD)" \
  -- "${M[@]}" "$T/latin1.jsonl"
t 'invalid UTF-8 in a JSON line, replaced' 0 \
  "err=$W $T/latin1.jsonl:2:41: invalid UTF-8 (byte 79 of the file): replaced with U+FFFD" \
  "out:$(printf '{"doc":"bad","start":0,"end":12,"text":"Tomas Brandt"')" -- "${M[@]}" --invalid-utf8=replace "$T/latin1.jsonl"
STDIN=$T/latin1.jsonl t 'invalid UTF-8 in a JSON line on standard input' 1 \
  "err=$E <stdin>:2:41: invalid UTF-8 (byte 79 of the file; use --invalid-utf8=replace to substitute U+FFFD)" \
  -- "${M[@]}" --input-format jsonl -

# ---- binary files ----------------------------------------------------------------------
printf 'GIF89a\0\0\1\2' >"$T/image.txt"
t 'binary file (NUL byte)' 1 "err=$E $T/image.txt: byte 6: NUL byte: binary data, not text" out-empty -- "${M[@]}" "$T/image.txt"
t 'binary file with --invalid-utf8=replace is still an error' 1 "err=$E $T/image.txt: byte 6: NUL byte: binary data, not text" \
  -- "${M[@]}" --invalid-utf8=replace "$T/image.txt"
# The start of an ELF executable: ASCII and control bytes, all valid UTF-8, then NUL.
printf '\x7fELF\x02\x01\x01\x03\0\0\0\0' >"$T/program.txt"
t 'an executable named .txt' 1 "err=$E $T/program.txt: byte 8: NUL byte: binary data, not text" -- "${M[@]}" "$T/program.txt"
printf '\xFF\xFEI\0l\0s\0e\0' >"$T/utf16.txt"
t 'UTF-16 text' 1 \
  "err=$E $T/utf16.txt: byte 0: UTF-16 byte-order mark: the text must be UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)" \
  -- "${M[@]}" "$T/utf16.txt"
printf '{"id":"n","text":"Ilse\\u0000Varga"}\n' >"$T/nul.jsonl"
t 'JSON Lines: NUL in the text' 1 "err=$E $T/nul.jsonl:1: byte 4 of \"text\": NUL byte: binary data, not text $SKIP_HINT" \
  -- "${M[@]}" "$T/nul.jsonl"
printf '{"id":"n","text":"Ilse\\u0000Varga"}\n{"id":"ok","text":"Tomas Brandt"}\n' >"$T/nul2.jsonl"
t 'JSON Lines: NUL in the text, skipped (even with --invalid-utf8=replace)' 0 \
  "err=$W $T/nul2.jsonl:1: byte 4 of \"text\": NUL byte: binary data, not text; line skipped" 'out:"text":"Tomas Brandt"' \
  -- "${M[@]}" --on-error=skip --invalid-utf8=replace "$T/nul2.jsonl"

# ---- numbers no double holds, dates, ids, sizes ----------------------------------------
# 1e999 starts at column 45 of the line (nested two levels deep).
printf '{"id":"x","text":"Ilse Varga","extra":{"n":[1e999]}}\n{"id":"y","text":"Tomas Brandt"}\n' >"$T/huge.jsonl"
t 'JSON line with 1e999 nested: file:line:column, no abort' 1 \
  "err=$E $T/huge.jsonl:1:45: number overflow parsing '1e999' $SKIP_HINT" out-empty -- "${M[@]}" "$T/huge.jsonl"
t 'JSON line with 1e999, skipped' 0 "err=$W $T/huge.jsonl:1:45: number overflow parsing '1e999'; line skipped" \
  'out:"text":"Tomas Brandt"' 'out!"doc":"x"' -- "${M[@]}" --on-error=skip "$T/huge.jsonl"
printf '{"id":"t","text":"Ilse Varga","date":"2021-02-10T10:00:00Z"}\n' >"$T/stamp.jsonl"
t 'an ISO timestamp as "date" dates the document by its day' 0 'out:"date":"2021-02-10"' -- "${M[@]}" "$T/stamp.jsonl"
printf '{"id":"d","text":"Ilse Varga","date":"2021-02-30"}\n' >"$T/baddate.jsonl"
t 'an impossible "date": field and line named' 1 \
  "err:$E $T/baddate.jsonl:1: field \"date\": \"2021-02-30\" is not a real date" out-empty -- "${M[@]}" "$T/baddate.jsonl"
t 'an impossible "date", skipped' 0 "err:$W $T/baddate.jsonl:1: field \"date\": \"2021-02-30\" is not a real date" \
  out-empty -- "${M[@]}" --on-error=skip "$T/baddate.jsonl"
printf '{"id":"same","text":"Ilse Varga"}\n{"id":"same","text":"Tomas Brandt"}\n' >"$T/dup.jsonl"
t 'a duplicate document id is warned about, both documents read' 0 \
  "err=$W $T/dup.jsonl:2: duplicate document id \"same\" (first at $T/dup.jsonl:1)" 'out:"text":"Ilse Varga"' \
  'out:"text":"Tomas Brandt"' -- "${M[@]}" "$T/dup.jsonl"
t 'positive control: distinct ids, no warning' 0 'err!duplicate' -- "${M[@]}" "$T/nul2.jsonl" --on-error=skip
printf '{"id":"person:x","kind":"person","name":"Ilse Varga","aliases":["Ilse Varga"],"rank":1e999}\n' >"$T/huge-g.jsonl"
t 'gazetteer check: 1e999 in a field, file:line and column, no abort' 1 \
  "out=$T/huge-g.jsonl:1: malformed JSON at column 86: number overflow parsing '1e999'" -- gazetteer check "$T/huge-g.jsonl"
t '-g with 1e999 in a gazetteer field' 1 "err:$T/huge-g.jsonl:1: malformed JSON at column 86" out-empty \
  -- mentions --no-default-gazetteers -g "$T/huge-g.jsonl" --date 2021-03-04 "$T/nul2.jsonl"
t 'positive control: the same entity without the number checks clean' 0 -- gazetteer check "$FIX/names.jsonl"
t 'an endless line (/dev/zero) is bounded' 1 "err=$E /dev/zero:1: line longer than 64 MiB, the limit for one JSON Lines document" \
  out-empty -- "${M[@]}" --input-format jsonl /dev/zero
t 'an endless text document (/dev/zero as text) is bounded' 1 \
  "err=$E /dev/zero: larger than 64 MiB, the limit for one text document (split it, or give JSON Lines)" out-empty \
  -- "${M[@]}" /dev/zero -o "$T/zero.out"
expect 'an endless document: no output file' "zero.out exists" test ! -e "$T/zero.out"

# ---- malformed JSON lines ----------------------------------------------------------------
MAL=$FIX/malformed.jsonl
t 'malformed JSON line: file:line:column' 1 "err:$E $MAL:2:44: malformed JSON: " "err:$SKIP_HINT" -- "${M[@]}" "$MAL"
t 'malformed JSON line: the lines after it are not read' 1 'out!"doc":"third"' -- "${M[@]}" "$MAL"
t '--on-error=skip: a warning and the other lines processed' 0 "err:$W $MAL:2:44: malformed JSON: " 'err:; line skipped' \
  'out:{"doc":"first","start":0,"end":10,"text":"Ilse Varga"' \
  'out:{"doc":"third","start":0,"end":12,"text":"Nadia Okafor"' 'out!"doc":"second"' \
  -- "${M[@]}" --on-error=skip "$MAL"
t '--on-error=skip counts skipped lines in the summary' 0 'err:2 document(s)' 'err:1 malformed line(s) skipped' \
  -- -v "${M[@]}" --on-error=skip "$MAL"
t 'extract --on-error=skip' 0 out:'Nadia Okafor' -- extract "${NAMES[@]}" --date 2021-03-04 --on-error=skip "$MAL"
STDIN=$MAL t 'malformed JSON line on standard input' 1 "err:$E <stdin>:2:44: malformed JSON: " \
  -- "${M[@]}" --input-format jsonl -

# Each: name, file content (one line), the message after "<file>:1:". The column of a line
# cut short is the one just past its end, where the rest was expected.
while IFS='|' read -r name line message; do
  [[ -z $name ]] && continue
  printf '%s\n' "$line" >"$T/shape.jsonl"
  t "JSON line $name" 1 "err=$E $T/shape.jsonl:1:$message $SKIP_HINT" -- "${M[@]}" "$T/shape.jsonl"
  t "JSON line $name, skipped" 0 "err=$W $T/shape.jsonl:1:$message; line skipped" -- "${M[@]}" --on-error=skip "$T/shape.jsonl"
done <<'TABLE'
that is an array|["Ilse Varga","Tomas Brandt"]|1: expected a JSON object, found array
that is a string|"Ilse Varga met Tomas Brandt"|1: expected a JSON object, found string
without "text"|{"id":"x","body":"Ilse Varga"}|1: missing field "text"
with a number as "text"|{"id":"x","text":42}|1: field "text" must be a string
with null as "text"|{"id":"x","text":null}|1: field "text" must be a string
with an object as "text"|{"id":"x","text":{"en":"Ilse Varga"}}|1: field "text" must be a string
with a fractional id|{"id":2.5,"text":"Ilse Varga"}|1: field "id" must be a string
with a number as "date"|{"id":"x","text":"Ilse Varga","date":20210304}|1: field "date" must be a string
cut short|{"id":"x","text":"Ilse Var|27: malformed JSON: syntax error while parsing value - invalid string: missing closing quote; last read: '"Ilse Var'
with a single-quoted string|{'id':'x'}|2: malformed JSON: syntax error while parsing object key - invalid literal; last read: '{''; expected string literal
TABLE

# ---- empty documents: a warning, exit 0 --------------------------------------------------
: >"$T/empty.txt"
t 'empty text file' 0 "err=$W $T/empty.txt: empty document" out-empty -- "${M[@]}" "$T/empty.txt"
printf ' \r\n\t\n' >"$T/blank.txt"
t 'blank text file' 0 "err=$W $T/blank.txt: empty document" -- "${M[@]}" "$T/blank.txt"
printf '\xEF\xBB\xBF' >"$T/only-bom.txt"
t 'a BOM and nothing else' 0 "err=$W $T/only-bom.txt: empty document" -- "${M[@]}" "$T/only-bom.txt"
printf '{"id":"e","text":""}\n{"id":"f","text":"Ilse Varga"}\n' >"$T/empty.jsonl"
t 'JSON line with an empty text' 0 "err=$W $T/empty.jsonl:1: empty document" out:'"doc":"f"' -- "${M[@]}" "$T/empty.jsonl"
t 'empty documents counted in the summary' 0 'err:3 document(s)' 'err:, 2 empty' -- -v "${M[@]}" "$T/empty.txt" "$T/empty.jsonl"
t 'extract of an empty document' 0 "err=$W $T/empty.txt: empty document" out:'<graphml' -- extract "${NAMES[@]}" "$T/empty.txt"

# ---- an output must not replace an input (exit 2, both named, the input unchanged) -------
printf '{"id":"a","text":"Ilse Varga met Tomas Brandt.","date":"2021-03-04"}\n' >"$T/corpus.jsonl"
cp "$T/corpus.jsonl" "$T/corpus.orig"
same() { cmp -s "$T/corpus.jsonl" "$T/corpus.orig"; }
t 'extract -o onto its input (same path)' 2 \
  "err=$E -o $T/corpus.jsonl: is the input $T/corpus.jsonl (the same path); writing it would replace the input: give another output" \
  -- extract "${NAMES[@]}" "$T/corpus.jsonl" -f json -o "$T/corpus.jsonl"
expect 'the input is unchanged' "corpus.jsonl was replaced" same
ln -f "$T/corpus.jsonl" "$T/hardlink.json"
t 'extract -o onto its input through a hard link' 2 "err:$E -o $T/hardlink.json: is the input $T/corpus.jsonl (the same file)" \
  -- extract "${NAMES[@]}" "$T/corpus.jsonl" -o "$T/hardlink.json"
ln -sf "$T/corpus.jsonl" "$T/symlink.jsonl"
t 'mentions -o onto its input through a symbolic link' 2 "err:$E -o $T/symlink.jsonl: is the input $T/corpus.jsonl (the same file)" \
  -- mentions "${NAMES[@]}" "$T/corpus.jsonl" -o "$T/symlink.jsonl"
t 'events -o onto a gazetteer it reads' 2 "err:$E -o $FIX/names.jsonl: is the input $FIX/names.jsonl (the same path)" \
  -- events "${NAMES[@]}" "$T/corpus.jsonl" -o "$FIX/names.jsonl"
cp "$FIX/names.jsonl" "$T/g.jsonl"
t 'gazetteer compile -o onto its input' 2 "err:$E -o $T/g.jsonl: is the input $T/g.jsonl" \
  -- gazetteer compile --no-default-gazetteers "$T/g.jsonl" -o "$T/g.jsonl"
expect 'the input is still unchanged' "corpus.jsonl was replaced" same
t 'positive control: another output is written' 0 "out-empty" -- mentions "${NAMES[@]}" "$T/corpus.jsonl" -o "$T/other.jsonl"
expect 'positive control: it holds the mentions' "other.jsonl lacks the mention" grep -q '"text":"Ilse Varga"' "$T/other.jsonl"

# ---- -f and -o naming different formats: refused, nothing written ----------------------
t '-f dot -o x.graphml is refused' 2 "err=$E -f dot but -o $T/x.graphml is named for graphml: rename the output or leave out -f" \
  -- extract "${NAMES[@]}" "$T/corpus.jsonl" -f dot -o "$T/x.graphml"
expect 'nothing written for the refused -f/-o pair' "x.graphml exists" test ! -e "$T/x.graphml"
t 'positive control: -f dot -o x.dot' 0 -- extract "${NAMES[@]}" "$T/corpus.jsonl" -f dot -o "$T/x.dot"
expect 'positive control: x.dot is DOT' "x.dot is not DOT" grep -q '^digraph' "$T/x.dot"

# ---- gazetteer sources: NUL bytes in an import, aliases that can never match --------------
printf 'name,kind,aliases\nIlse Varga,person,\nTom\0as Brandt,person,\n' >"$T/nul.csv"
t 'gazetteer import: a NUL byte in a CSV row, line:column and offset' 1 \
  "err=$E $T/nul.csv:3:4: NUL byte at file offset 40: binary data, not text" -- gazetteer import --format csv "$T/nul.csv" -o "$T/nul-import.jsonl"
expect 'nothing written for the refused CSV' "nul-import.jsonl exists" test ! -e "$T/nul-import.jsonl"
t 'gazetteer import --skip-bad-rows: the NUL row skipped, the others kept' 0 \
  "err:$T/nul.csv:3:4: NUL byte" -- gazetteer import --format csv --skip-bad-rows "$T/nul.csv" -o "$T/nul-import.jsonl"
expect 'positive control: the clean row imported' "nul-import.jsonl lacks Ilse Varga" grep -q '"name":"Ilse Varga"' "$T/nul-import.jsonl"
printf '{"id":"person:x","kind":"person","name":"Ilse Varga","aliases":["","-","I. Varga"]}\n' >"$T/never.jsonl"
t 'gazetteer check: aliases "" and "-" can never match' 1 \
  "out=$T/never.jsonl:1: alias \"\" has no word in it and can never match" -- gazetteer check "$T/never.jsonl"
t 'gazetteer check: the "-" alias too' 1 "out=$T/never.jsonl:1: alias \"-\" has no word in it and can never match" \
  -- gazetteer check "$T/never.jsonl"
printf '{"id":"person:x","kind":"person","name":"Ilse Varga","aliases":["I. Varga"]}\n' >"$T/fine.jsonl"
t 'positive control: the same entity with a real alias checks clean' 0 out-empty -- gazetteer check "$T/fine.jsonl"

# ---- sizes: a 100 MB JSON line, an alias of 100 KB, a million aliases ---------------------
# Generated here (not kept in the repository); each is read only as far as its limit.
{ printf '{"id":"big","text":"'; head -c 100000000 /dev/zero | tr '\0' a; printf '"}\n{"id":"ok","text":"Ilse Varga"}\n'; } >"$T/big.jsonl"
t 'a 100 MB JSON line: refused with its line, nothing written' 1 \
  "err=$E $T/big.jsonl:1: line longer than 64 MiB, the limit for one JSON Lines document" out-empty \
  -- "${M[@]}" "$T/big.jsonl" -o "$T/big.out"
expect 'a 100 MB JSON line: no output file' "big.out exists" test ! -e "$T/big.out"
rm -f "$T/big.jsonl"
python3 -c 'import json; print(json.dumps({"id":"person:long","kind":"person","name":"Long Alias","aliases":[("Ilse " * 20480)[:102400]]}))' >"$T/long-alias.jsonl"
t 'an alias of 100 KB checks clean (no limit on one alias below the line limit)' 0 out-empty -- gazetteer check "$T/long-alias.jsonl"
t 'an alias of 100 KB loads and the other names still match' 0 'out:"entity_id":"person:tomas-brandt"' \
  -- mentions --no-default-gazetteers -g "$T/long-alias.jsonl" -g "$FIX/names.jsonl" --date 2021-03-04 "$T/corpus.jsonl"
python3 -c 'import json; print(json.dumps({"id":"person:many","kind":"person","name":"Many Aliases","aliases":["Alias %d Name" % i for i in range(1000000)]}))' >"$T/many.jsonl"
t 'a million aliases on one entity: refused with file, line and size' 1 \
  "out=$T/many.jsonl:1: line of 20888966 bytes, longer than the 1 MiB limit for one entity" -- gazetteer check "$T/many.jsonl"
t 'a million aliases given to -g: refused, nothing written' 1 \
  "err:$E $T/many.jsonl:1: line of 20888966 bytes, longer than the 1 MiB limit for one entity" out-empty \
  -- mentions --no-default-gazetteers -g "$T/many.jsonl" "$T/corpus.jsonl" -o "$T/many.out"
expect 'a million aliases: no output file' "many.out exists" test ! -e "$T/many.out"
rm -f "$T/many.jsonl"

# ---- outputs that cannot be written: exit 3, the path named, nothing left -----------------
if [[ -w /dev/full ]]; then
  t 'extract -o /dev/full' 3 "err=$E /dev/full: write failed: No space left on device" out-empty \
    -- extract "${NAMES[@]}" "$T/corpus.jsonl" -o /dev/full
fi
t 'mentions -o into a missing parent folder' 3 "err=$E $T/no-such-folder/m.jsonl: cannot write: No such file or directory" \
  out-empty -- mentions "${NAMES[@]}" "$T/corpus.jsonl" -o "$T/no-such-folder/m.jsonl"
expect 'missing parent folder: not created' "no-such-folder was created" test ! -e "$T/no-such-folder"
mkdir -p "$T/outdir"
t 'a directory as output' 3 "err=$E $T/outdir: cannot write: is a directory" -- extract "${NAMES[@]}" "$T/corpus.jsonl" -f graphml -o "$T/outdir"
expect 'a directory as output: left empty' "outdir holds files" test -z "$(ls -A "$T/outdir")"
mkdir -p "$T/neo"
printf 'mine\n' >"$T/neo/keep.csv"
t 'an existing non-empty Neo4j folder: refused, exit 2' 2 \
  "err=$E -o $T/neo: the folder exists and holds keep.csv: a neo4j export writes nodes.csv and relationships.csv into a new or empty folder (or one with an earlier export): give another folder" \
  -- extract "${NAMES[@]}" "$T/corpus.jsonl" -f neo4j -o "$T/neo"
expect 'the non-empty Neo4j folder is left as it was' "neo holds $(ls "$T/neo" | tr '\n' ' ')" \
  test "$(ls "$T/neo")" == keep.csv -a "$(cat "$T/neo/keep.csv")" == mine
t 'positive control: a Neo4j folder holding an earlier export is replaced' 0 -- extract "${NAMES[@]}" "$T/corpus.jsonl" -f neo4j -o "$T/neo2"
t 'positive control: ... and written again' 0 -- extract "${NAMES[@]}" "$T/corpus.jsonl" -f neo4j -o "$T/neo2"
t 'a failed Neo4j export (bad input) leaves no folder' 1 "err:$T/latin1.txt: byte 18: invalid UTF-8" \
  -- extract "${NAMES[@]}" "$T/corpus.jsonl" "$T/latin1.txt" -f neo4j -o "$T/neo3"
expect 'a failed Neo4j export: no folder' "neo3 exists" test ! -e "$T/neo3"

# ---- thread counts -------------------------------------------------------------------------
t '-j 0 means all cores' 0 'out:"text":"Ilse Varga"' -- "${M[@]}" -j 0 "$T/corpus.jsonl"
t '-j 100000 is out of range' 2 \
  "err=$E --threads: 100000 is out of range (expected 0 for all cores, or 1 to 1024) (see 'actorgraph --help')" out-empty \
  -- "${M[@]}" -j 100000 "$T/corpus.jsonl"
t '-j abc is not a number' 2 "err=$E --threads: abc is not a number (expected 0 for all cores, or 1 to 1024) (see 'actorgraph --help')" \
  -- "${M[@]}" -j abc "$T/corpus.jsonl"

# ---- damaged compiled gazetteers: exit 1, file and byte, nothing written --------------------
"$CLI" gazetteer compile --no-default-gazetteers "$FIX/names.jsonl" -o "$T/names.agc" -q
python3 - "$T" <<'PY'
import struct, sys
folder = sys.argv[1]
b = bytearray(open(f"{folder}/names.agc", "rb").read())
at = 16                                   # magic, version, byte order
at += 4 + struct.unpack_from("<I", b, at)[0] + 24  # fingerprint; counts and section size
b[at + 4 + struct.unpack_from("<I", b, at)[0]] = 9  # the first entity's kind byte, after its id
open(f"{folder}/entity.agc", "wb").write(b)
c = bytearray(open(f"{folder}/names.agc", "rb").read())
c[8:12] = c[8:12][::-1]                   # the version and byte-order mark as big-endian
c[12:16] = c[12:16][::-1]
open(f"{folder}/order.agc", "wb").write(c)
PY
AGC_HINT="compile it again with 'actorgraph gazetteer compile'"
t 'a damaged entity in an .agc: gazetteer check exits 1' 1 \
  "out=$T/entity.agc: byte 44: truncated or damaged compiled gazetteer (an entity); $AGC_HINT" -- gazetteer check "$T/entity.agc"
t 'a damaged entity in an .agc given to -g: exit 1, nothing written' 1 \
  "err=$E $T/entity.agc: byte 44: truncated or damaged compiled gazetteer (an entity); $AGC_HINT" out-empty \
  -- mentions --no-default-gazetteers -g "$T/entity.agc" "$T/corpus.jsonl" -o "$T/agc.out"
expect 'a damaged .agc: no output file' "agc.out exists" test ! -e "$T/agc.out"
t 'an .agc of the other byte order says so (not "format 5, this one reads 5")' 1 \
  "err=$E $T/order.agc: compiled on a machine of the other byte order (big-endian); a compiled gazetteer is read only where it was compiled: compile it again on this machine with 'actorgraph gazetteer compile'" \
  -- mentions --no-default-gazetteers -g "$T/order.agc" "$T/corpus.jsonl"
t 'positive control: the undamaged .agc loads' 0 'out:"entity_id":"person:ilse-varga"' \
  -- mentions --no-default-gazetteers -g "$T/names.agc" "$T/corpus.jsonl"

# ---- an import beside the shipped gazetteers: duplicate ids, and --id-prefix -----------------
printf 'name,kind\nBaku,location\nEilat,location\n' >"$T/places.csv"
t 'gazetteer import of places the shipped files name' 0 -- gazetteer import --format csv "$T/places.csv" -o "$T/places.jsonl"
DUP_HINT="ids must be unique over all gazetteers loaded together: import the file again with an id namespace (actorgraph gazetteer import --id-prefix NAME), give these entries other ids, or remove them from one of the files"
t '-g beside the shipped gazetteers: the duplicate ids, both files and what to do' 1 \
  "err:$E $T/places.jsonl: 2 id(s) already defined in " 'err:"place:baku" (line 1, first at ' 'err:"place:eilat" (line 2, first at ' \
  "err:$DUP_HINT" out-empty -- mentions -g "$T/places.jsonl" "$T/corpus.jsonl"
t 'gazetteer compile says the same, nothing written' 1 "err:$E $T/places.jsonl: 2 id(s) already defined in " "err:$DUP_HINT" \
  -- gazetteer compile "$T/places.jsonl" -o "$T/places.agc"
expect 'gazetteer compile of duplicates: no .agc' "places.agc exists" test ! -e "$T/places.agc"
t 'gazetteer check lists each duplicate and says what to do' 1 "out:$T/places.jsonl:1: duplicate id \"place:baku\" (first defined at " \
  "err:$E $T/places.jsonl: 2 id(s) already defined in " "err:$DUP_HINT" -- gazetteer check data/gazetteers "$T/places.jsonl"
t 'gazetteer import --id-prefix: ids in a namespace of their own' 0 -- \
  gazetteer import --format csv --id-prefix mine "$T/places.csv" -o "$T/mine.jsonl"
expect '--id-prefix: the ids' "mine.jsonl: $(head -c 120 "$T/mine.jsonl")" grep -q '"id":"mine:place:baku"' "$T/mine.jsonl"
t '--id-prefix: the import loads beside the shipped gazetteers' 0 'out:"text":"Ilse Varga"' \
  -- mentions -g "$T/mine.jsonl" -g "$FIX/names.jsonl" --date 2021-03-04 "$T/corpus.jsonl"
t '--id-prefix with a colon is refused' 2 "err=$E --id-prefix a:b: use only letters, digits and . _ - (a ':' follows it)" \
  -- gazetteer import --format csv --id-prefix a:b "$T/places.csv" -o "$T/bad-prefix.jsonl"
expect '--id-prefix refused: nothing written' "bad-prefix.jsonl exists" test ! -e "$T/bad-prefix.jsonl"

# ---- a CAMEO verb dictionary (events --cameo-verbs) -----------------------------------------
t 'events --cameo-verbs: a missing dictionary is an I/O error naming it' 3 \
  "err=$E $T/absent-verbs.txt: cannot read the verb dictionary: No such file or directory" out-empty \
  -- events "${NAMES[@]}" --date 2021-03-04 --cameo-verbs "$T/absent-verbs.txt" "$T/corpus.jsonl"
printf 'MEET\n\000\001\n' >"$T/binary-verbs.txt"
t 'events --cameo-verbs: a binary file is bad input, with its line' 1 \
  "err=$E $T/binary-verbs.txt:2: a NUL byte: not a text file (expected a PETRARCH/TABARI verb dictionary)" out-empty \
  -- events "${NAMES[@]}" --date 2021-03-04 --cameo-verbs "$T/binary-verbs.txt" "$T/corpus.jsonl" -o "$T/verbs.out"
expect 'a binary verb dictionary: no output file' "verbs.out exists" test ! -e "$T/verbs.out"
printf -- '--- MEET [041] ---\nMEET\n' >"$T/verbs.txt"
t 'positive control: the dictionary loads and codes the verb' 0 'out:"cameo":"041"' \
  -- events "${NAMES[@]}" --date 2021-03-04 --cameo-verbs "$T/verbs.txt" "$T/corpus.jsonl"
t 'extract --actors: a value outside people|all is refused' 2 'err:--actors' \
  -- extract "${NAMES[@]}" --actors some "$T/corpus.jsonl"

finish

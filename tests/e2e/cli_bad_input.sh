#!/usr/bin/env bash
# Bad input data: each case's exact error (file, JSON Lines line and column, byte offset)
# and exit code 1; --invalid-utf8=replace and --on-error=skip turning errors into warnings;
# an empty document being a warning only.
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

finish

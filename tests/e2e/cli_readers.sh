#!/usr/bin/env bash
# Document readers through the CLI: a text file, a folder (recursive, *.txt only, sorted),
# JSON Lines, standard input, the format by extension and by --input-format, a BOM, CRLF.
# Mentions are checked by their byte offsets into the original text.
source "$(dirname "$0")/cli_lib.sh"

M=(mentions "${NAMES[@]}" --date 2021-03-04)
mention() { printf '{"doc":"%s","start":%s,"end":%s,"text":"%s"' "$1" "$2" "$3" "$4"; }

# ---- text files ------------------------------------------------------------------------
t 'text file' 0 \
  out:"$(mention "$FIX/article.txt" 0 10 'Ilse Varga')" \
  out:"$(mention "$FIX/article.txt" 15 27 'Tomas Brandt')" \
  out:"$(mention "$FIX/article.txt" 146 158 'Nadia Okafor')" -- "${M[@]}" "$FIX/article.txt"
printf '\xEF\xBB\xBFIlse Varga met Tomas Brandt.\n' >"$T/bom.txt"
t 'text file with a BOM: offsets count from the byte after it' 0 \
  out:"$(mention "$T/bom.txt" 0 10 'Ilse Varga')" out:"$(mention "$T/bom.txt" 15 27 'Tomas Brandt')" -- "${M[@]}" "$T/bom.txt"
printf 'Ilse Varga spoke first.\r\nTomas Brandt listened.\r\n\r\nNadia Okafor left.\r\n' >"$T/crlf.txt"
t 'text file with CRLF line ends' 0 \
  out:"$(mention "$T/crlf.txt" 0 10 'Ilse Varga')" out:"$(mention "$T/crlf.txt" 25 37 'Tomas Brandt')" \
  out:"$(mention "$T/crlf.txt" 51 63 'Nadia Okafor')" -- "${M[@]}" "$T/crlf.txt"
printf '\xEF\xBB\xBFIlse Varga spoke.\r\nTomas Brandt listened.\r\n' >"$T/bom-crlf.txt"
t 'text file with a BOM and CRLF' 0 out:"$(mention "$T/bom-crlf.txt" 19 31 'Tomas Brandt')" -- "${M[@]}" "$T/bom-crlf.txt"
printf 'Ilse Varga met Jos\xC3\xA9 Brandt and Tomas Brandt.\n' >"$T/utf8.txt"
t 'multi-byte UTF-8 before a mention: byte offsets, not characters' 0 \
  out:"$(mention "$T/utf8.txt" 32 44 'Tomas Brandt')" -- "${M[@]}" "$T/utf8.txt"

# ---- folders -------------------------------------------------------------------------
t 'folder: recursive, *.txt only' 0 out:"$(mention "$FIX/folder/m/inner.txt" 0 12 'Tomas Brandt')" \
  'out!must-not-be-read' 'out!notes.md' 'out!ignored.jsonl' -- "${M[@]}" "$FIX/folder"
want="$FIX/folder/a-first.txt $FIX/folder/m/inner.txt $FIX/folder/z-last.txt "
expect 'folder: documents in sorted path order' "order was: $(doc_order)" test "$(doc_order)" == "$want"
t 'folder given with a trailing slash' 0 out:"\"doc\":\"$FIX/folder/a-first.txt\"" -- "${M[@]}" "$FIX/folder/"
mkdir -p "$T/tree/2021/03" "$T/tree/2021/01" "$T/tree/2020"
printf 'Nadia Okafor spoke.\n' >"$T/tree/2021/03/b.txt"
printf 'Tomas Brandt spoke.\n' >"$T/tree/2021/01/a.txt"
printf 'Ilse Varga spoke.\n' >"$T/tree/2020/z.txt"
printf 'Ilse Varga spoke.\n' >"$T/tree/top.txt"
printf 'Ilse Varga spoke.\n' >"$T/tree/2021/skip.text"
t 'folder tree created out of order' 0 -- "${M[@]}" "$T/tree"
want="$T/tree/2020/z.txt $T/tree/2021/01/a.txt $T/tree/2021/03/b.txt $T/tree/top.txt "
expect 'folder tree: sorted path order' "order was: $(doc_order)" test "$(doc_order)" == "$want"
mkdir -p "$T/no-text"
printf 'not read\n' >"$T/no-text/readme.md"
t 'folder without *.txt: a warning' 0 "err=actorgraph: warning: $T/no-text: folder holds no *.txt files" out-empty \
  -- "${M[@]}" "$T/no-text"

# ---- JSON Lines ----------------------------------------------------------------------
t 'JSON Lines: id, text, optional fields, unknown fields, integer id, blank line' 0 \
  out:"$(mention wire-001 0 10 'Ilse Varga')" out:"$(mention wire-001 15 27 'Tomas Brandt')" \
  out:"$(mention 42 20 30 'Ilse Varga')" out:"$(mention "$FIX/corpus.jsonl:4" 0 12 'Tomas Brandt')" \
  -- "${M[@]}" "$FIX/corpus.jsonl"
expect 'JSON Lines: documents in line order' "order was: $(doc_order)" test "$(doc_order)" == "wire-001 42 $FIX/corpus.jsonl:4 "
t 'JSON Lines: the date field is the document date' 0 \
  'err!corpus.jsonl:1: no date' "err:$FIX/corpus.jsonl:3: no date" -- mentions "${NAMES[@]}" "$FIX/corpus.jsonl"
cp "$FIX/corpus.jsonl" "$T/corpus.ndjson"
t 'format by extension: .ndjson is JSON Lines' 0 out:"$(mention wire-001 0 10 'Ilse Varga')" -- "${M[@]}" "$T/corpus.ndjson"
cp "$FIX/corpus.jsonl" "$T/corpus.json"
t 'format by extension: .json is not JSON Lines' 0 "out:\"doc\":\"$T/corpus.json\"" 'out!"doc":"wire-001"' \
  -- "${M[@]}" "$T/corpus.json"
cp "$FIX/corpus.jsonl" "$T/corpus-jsonl.txt"
t 'format by option: --input-format jsonl' 0 out:"$(mention wire-001 0 10 'Ilse Varga')" \
  -- "${M[@]}" --input-format jsonl "$T/corpus-jsonl.txt"
t 'format by option: --input-format text' 0 "out:\"doc\":\"$FIX/corpus.jsonl\"" 'out!"doc":"wire-001"' \
  -- "${M[@]}" --input-format text "$FIX/corpus.jsonl"
printf '\xEF\xBB\xBF{"id":"b1","text":"Ilse Varga met Tomas Brandt."}\r\n\r\n{"id":"b2","text":"Tomas Brandt left."}\r\n' >"$T/bom.jsonl"
t 'JSON Lines with a BOM and CRLF' 0 out:"$(mention b1 15 27 'Tomas Brandt')" out:"$(mention b2 0 12 'Tomas Brandt')" \
  -- "${M[@]}" "$T/bom.jsonl"
printf '{"id":"esc","text":"\\u00c9mile met Ilse Varga\\r\\nTomas Brandt"}\n' >"$T/escapes.jsonl"
t 'JSON Lines: offsets are into the decoded text' 0 out:"$(mention esc 11 21 'Ilse Varga')" \
  out:"$(mention esc 23 35 'Tomas Brandt')" -- "${M[@]}" "$T/escapes.jsonl"
: >"$T/nothing.jsonl"
t 'JSON Lines: an empty file has no documents' 0 out-empty -- "${M[@]}" "$T/nothing.jsonl"

# ---- standard input ------------------------------------------------------------------
STDIN=$FIX/article.txt t 'standard input: text' 0 out:"$(mention stdin 0 10 'Ilse Varga')" \
  out:"$(mention stdin 146 158 'Nadia Okafor')" -- "${M[@]}" -
STDIN=$FIX/corpus.jsonl t 'standard input: JSON Lines with --input-format jsonl' 0 \
  out:"$(mention wire-001 0 10 'Ilse Varga')" out:"$(mention '<stdin>:4' 0 12 'Tomas Brandt')" \
  -- "${M[@]}" --input-format jsonl -
STDIN=$FIX/corpus.jsonl t 'standard input is text unless told otherwise' 0 'out:"doc":"stdin"' 'out!"doc":"wire-001"' \
  -- "${M[@]}" -
STDIN=$T/bom.txt t 'standard input: BOM dropped' 0 out:"$(mention stdin 15 27 'Tomas Brandt')" -- "${M[@]}" -
STDIN=$FIX/article.txt t 'standard input among files, in the order given' 0 -- "${M[@]}" "$FIX/folder/z-last.txt" - "$T/bom.txt"
expect 'standard input among files: order' "order was: $(doc_order)" \
  test "$(doc_order)" == "$FIX/folder/z-last.txt stdin $T/bom.txt "

# ---- every input kind at once, through each command -------------------------------------
ALL=("$FIX/article.txt" "$FIX/folder" "$FIX/corpus.jsonl")
t 'mixed inputs' 0 -- "${M[@]}" "${ALL[@]}"
want="$FIX/article.txt $FIX/folder/a-first.txt $FIX/folder/m/inner.txt $FIX/folder/z-last.txt wire-001 42 $FIX/corpus.jsonl:4 "
expect 'mixed inputs: order' "order was: $(doc_order)" test "$(doc_order)" == "$want"
t 'extract over mixed inputs' 0 out:'<graphml' out:'Ilse Varga' out:'Nadia Okafor' \
  -- extract "${NAMES[@]}" --date 2021-03-04 "${ALL[@]}"
t 'events over mixed inputs' 0 -- events "${NAMES[@]}" --date 2021-03-04 "${ALL[@]}"
t 'mentions -o FILE' 0 out-empty -- "${M[@]}" "${ALL[@]}" -o "$T/mentions.jsonl"
run "${M[@]}" "${ALL[@]}"
expect 'mentions -o FILE equals standard output' "$T/mentions.jsonl differs from standard output" cmp -s "$OUT" "$T/mentions.jsonl"

finish

#!/bin/bash
# Documents larger than a window (issue 18): analysed window by window with the document's
# state carried forward, they give the output of the document analysed whole. The window is
# made small with ACTORGRAPH_WINDOW_BYTES so that a 10 KB document (the samples and the seed
# article, with a full name before and its surname and a plural reference after several
# windows) crosses several windows; mentions, events and the graph must be byte-identical
# to the whole document's. Then memory: a 16 MB document must not cost much more than a
# 4 MB one (the layers are one window's; before windowing they grew with the document).
set -u
cli="${ACTORGRAPH_CLI:?}"
src="${ACTORGRAPH_SOURCE_DIR:?}"
tmp="${ACTORGRAPH_TMP:?}/window-$$"
mkdir -p "$tmp"
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }

doc="$tmp/doc.txt"
{
  echo "Jeyhun Bayramov met Sergey Lavrov in Moscow on 12 May 2021."
  echo
  for f in "$src"/data/samples/*.txt "${ACTORGRAPH_SHARED_DIR:-$src/../shared}"/corpus/seed/*.txt; do
    [ -f "$f" ] && { cat "$f"; echo; }
  done
  echo "Bayramov thanked his host for the hospitality."
  echo "The two ministers held talks on 13 May 2021."
} > "$doc"

for w in 1500 4000; do
  for cmd in mentions events; do
    "$cli" $cmd "$doc" --date 2021-05-14 -j1 -q -o "$tmp/$cmd.whole"
    ACTORGRAPH_WINDOW_BYTES=$w "$cli" $cmd "$doc" --date 2021-05-14 -j2 -v -o "$tmp/$cmd.$w" 2> "$tmp/$cmd.$w.log"
    check "window $w: $cmd crosses windows" 'grep -q "analysed in [2-9][0-9]* windows" "$tmp/$cmd.$w.log"'
    check "window $w: $cmd equals the whole document's" 'cmp -s "$tmp/$cmd.whole" "$tmp/$cmd.$w"'
  done
  "$cli" mentions --sentences "$doc" --date 2021-05-14 -q -o "$tmp/sentences.whole"
  ACTORGRAPH_WINDOW_BYTES=$w "$cli" mentions --sentences "$doc" --date 2021-05-14 -q -o "$tmp/sentences.$w"
  check "window $w: mentions --sentences equals the whole document's" 'cmp -s "$tmp/sentences.whole" "$tmp/sentences.$w"'
  "$cli" extract "$doc" --date 2021-05-14 -q -f json -o "$tmp/graph.whole.json"
  ACTORGRAPH_WINDOW_BYTES=$w "$cli" extract "$doc" --date 2021-05-14 -q -f json -o "$tmp/graph.$w.json"
  check "window $w: extract equals the whole document's" 'cmp -s "$tmp/graph.whole.json" "$tmp/graph.$w.json"'
done
# The carried state is used: the surname and the plural reference of the last window.
check "the last window's surname is the first window's person" \
  'grep -q "\"text\":\"Bayramov\",\"entity_id\":\"person:jeyhun-bayramov\"" "$tmp/mentions.1500"'
check "the last window's 'the two ministers' are the first window's people" \
  'grep "2021-05-13" "$tmp/events.1500" | grep -q "person:sergey-lavrov"'

# Memory: 4 MB and 16 MB of the same prose as one document each, with 1 MiB windows.
if [ -n "${ACTORGRAPH_SANITIZED:-}" ]; then
  echo "skip memory check: a sanitizer build's peak memory is its shadow and quarantine"
  [ "$fail" -eq 0 ] && rm -rf "$tmp"
  exit "$fail"
fi
python3 - "$doc" "$tmp" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
for name, size in (("small", 4 << 20), ("large", 16 << 20)):
    with open(f"{sys.argv[2]}/{name}.txt", "w", encoding="utf-8") as out:
        written = 0
        while written < size:
            out.write(text)
            written += len(text.encode("utf-8"))
PY
for name in small large; do
  ACTORGRAPH_WINDOW_BYTES=1048576 /usr/bin/time -f "%M" -o "$tmp/$name.rss" \
    "$cli" mentions "$tmp/$name.txt" --date 2021-05-14 -j1 -q -o /dev/null
done
small=$(tail -1 "$tmp/small.rss"); large=$(tail -1 "$tmp/large.rss")
echo "peak RSS: 4 MB document ${small} KB, 16 MB document ${large} KB"
# The 12 MB more text is read whole (documents are at most 64 MiB), the layers must not grow:
# here +37 MB with windows, +227 MB for the same documents analysed whole.
check "16 MB document within 64 MB of the 4 MB one (analysed whole: 227 MB more)" '[ $((large - small)) -lt 65536 ]'
[ "$fail" -eq 0 ] && rm -rf "$tmp"
exit "$fail"

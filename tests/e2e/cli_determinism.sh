#!/usr/bin/env bash
# Determinism: the same input gives byte-identical output whatever the thread count (-j)
# and from one run to the next, for the bundled samples and a larger JSON Lines corpus.
source "$(dirname "$0")/cli_lib.sh"

S=data/samples
[[ -d $S ]] || { echo "no $S"; exit 1; }

same() {  # same NAME FILE1 FILE2
  expect "$1" "$2 and $3 differ: $(cmp "$2" "$3" 2>&1 | head -1)" cmp -s "$2" "$3"
}

# ---- extract data/samples, -j 1 against -j 2 --------------------------------------------
for ext in graphml dot gexf json cyjs; do
  t "extract samples -j 1 -o a.$ext" 0 -- -q extract "$S" -o "$T/j1.$ext" -j 1
  t "extract samples -j 2 -o b.$ext" 0 -- -q extract "$S" -o "$T/j2.$ext" -j 2
  same "extract samples .$ext: -j 1 and -j 2 byte-identical" "$T/j1.$ext" "$T/j2.$ext"
done
expect 'the samples graph is not trivial' "$T/j1.graphml has no event node" grep -q 'event' "$T/j1.graphml"
t 'extract samples again, -j 2' 0 -- -q extract "$S" -o "$T/j2-again.graphml" -j 2
same 'extract samples: two runs byte-identical' "$T/j2.graphml" "$T/j2-again.graphml"
t 'extract samples, default -j' 0 -- -q extract "$S" -o "$T/jdefault.graphml"
same 'extract samples: default -j byte-identical' "$T/j1.graphml" "$T/jdefault.graphml"
t 'extract samples --projection actors -j 1' 0 -- -q extract "$S" --projection actors -o "$T/p1.graphml" -j 1
t 'extract samples --projection actors -j 2' 0 -- -q extract "$S" --projection actors -o "$T/p2.graphml" -j 2
same 'actor projection: -j 1 and -j 2 byte-identical' "$T/p1.graphml" "$T/p2.graphml"
t 'extract samples -f neo4j -j 1' 0 -- -q extract "$S" -f neo4j -o "$T/neo1" -j 1
t 'extract samples -f neo4j -j 2' 0 -- -q extract "$S" -f neo4j -o "$T/neo2" -j 2
expect 'neo4j: -j 1 and -j 2 byte-identical' "$(diff -rq "$T/neo1" "$T/neo2" 2>&1 | head -1)" diff -rq "$T/neo1" "$T/neo2"
for cmd in mentions events tag; do
  t "$cmd samples -j 1" 0 -- -q "$cmd" "$S" -o "$T/$cmd-1.jsonl" -j 1
  t "$cmd samples -j 2" 0 -- -q "$cmd" "$S" -o "$T/$cmd-2.jsonl" -j 2
  expect "$cmd samples -j 1: not empty" "$T/$cmd-1.jsonl is empty" test -s "$T/$cmd-1.jsonl"
  same "$cmd samples: -j 1 and -j 2 byte-identical" "$T/$cmd-1.jsonl" "$T/$cmd-2.jsonl"
done

# ---- a larger corpus: every sample 40 times as JSON Lines, in shuffled id order ----------
corpus=$T/corpus.jsonl
n=0
for round in $(seq 1 40); do
  for f in "$S"/*.txt; do
    n=$((n + 1))
    # JSON string of the file: escape backslash, quote, tab, CR; join lines with \n.
    text=$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' "$f" | awk 'BEGIN{ORS=""} NR>1{print "\\n"} {print}')
    printf '{"id":"r%02d-%s","text":"%s"}\n' "$(((round * 17) % 41))" "$(basename "$f" .txt)" "$text"
  done
done >"$corpus"
expect 'the generated corpus has 200 documents' "it has $(wc -l <"$corpus")" test "$(wc -l <"$corpus")" == 200
for j in 1 2 3; do
  t "extract corpus -j $j" 0 -- -q extract "$corpus" -o "$T/c$j.graphml" -j "$j"
  t "mentions corpus -j $j" 0 -- -q mentions "$corpus" -o "$T/cm$j.jsonl" -j "$j"
done
same 'corpus graph: -j 1 and -j 2 byte-identical' "$T/c1.graphml" "$T/c2.graphml"
same 'corpus graph: -j 1 and -j 3 byte-identical' "$T/c1.graphml" "$T/c3.graphml"
same 'corpus mentions: -j 1 and -j 2 byte-identical' "$T/cm1.jsonl" "$T/cm2.jsonl"
same 'corpus mentions: -j 1 and -j 3 byte-identical' "$T/cm1.jsonl" "$T/cm3.jsonl"
STDIN=$corpus t 'corpus from standard input' 0 -- -q extract --input-format jsonl - -o "$T/cstdin.graphml" -j 2
same 'corpus graph: file and standard input byte-identical' "$T/c1.graphml" "$T/cstdin.graphml"

finish

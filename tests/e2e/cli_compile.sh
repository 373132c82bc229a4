#!/usr/bin/env bash
# `actorgraph gazetteer compile`: the compiled gazetteer gives the same mentions as its
# sources, holds the shipped gazetteers unless told not to (and is then not loaded twice),
# is refused when the shipped data it holds has changed, and is never left half-written.
source "$(dirname "$0")/cli_lib.sh"

A=$FIX/article.txt
E="actorgraph: error:"

# Invented names, compiled without the shipped gazetteers.
t 'compile a gazetteer alone' 0 err-empty out-empty -- gazetteer compile -q --no-default-gazetteers "$FIX/names.jsonl" -o "$T/names.agc"
t 'mentions from the source' 0 -- mentions "${NAMES[@]}" --date 2021-03-04 "$A" -o "$T/from-source.jsonl"
t 'mentions from the compiled file' 0 -- mentions --no-default-gazetteers -g "$T/names.agc" --date 2021-03-04 "$A" -o "$T/from-cache.jsonl"
expect 'same mentions from source and compiled file' "they differ" cmp -s "$T/from-source.jsonl" "$T/from-cache.jsonl"
expect 'the article has mentions' "no mentions" test -s "$T/from-cache.jsonl"

# With the shipped gazetteers (the default): given with -g, they are not loaded twice.
t 'compile with the shipped gazetteers' 0 'err:(with the shipped gazetteers) compiled to' -- gazetteer compile -v "$FIX/names.jsonl" -o "$T/all.agc"
t 'mentions, shipped + names from sources' 0 -- mentions -g "$FIX/names.jsonl" --date 2021-03-04 "$A" -o "$T/all-source.jsonl"
t 'mentions, one compiled file holding both' 0 -- mentions -g "$T/all.agc" --date 2021-03-04 "$A" -o "$T/all-cache.jsonl"
expect 'same mentions with the shipped gazetteers' "they differ" cmp -s "$T/all-source.jsonl" "$T/all-cache.jsonl"
t 'extract with a compiled gazetteer' 0 -- extract -g "$T/all.agc" --date 2021-03-04 "$A" -o "$T/g.graphml"
t 'extract from sources' 0 -- extract -g "$FIX/names.jsonl" --date 2021-03-04 "$A" -o "$T/g-source.graphml"
expect 'same graph from compiled file and sources' "they differ" cmp -s "$T/g.graphml" "$T/g-source.graphml"

# Shipped data changed since the compile: refused, with what to do.
mkdir -p "$T/data" && cp -r data/lexicons data/gazetteers "$T/data/"
echo '{"id":"person:new-one","kind":"person","name":"Quirin Oberholzer"}' >>"$T/data/gazetteers/countries.jsonl"
ACTORGRAPH_DATA_DIR=$T/data t 'compiled with other shipped data' 1 "err:$T/all.agc: compiled with other shipped gazetteers" \
  "err:--no-default-gazetteers" -- mentions -g "$T/all.agc" "$A"
ACTORGRAPH_DATA_DIR=$T/data t 'stale compiled file used as it is' 0 -- mentions --no-default-gazetteers -g "$T/all.agc" --date 2021-03-04 "$A" -o "$T/stale.jsonl"

# Bad input and output.
printf 'AGCACHE\n\1\0\0\0' >"$T/broken.agc"
t 'truncated compiled gazetteer' 1 "err:$T/broken.agc: byte" "err:compile it again" -- mentions -g "$T/broken.agc" "$A"
echo '{"id":"x","kind":"martian","name":"A"}' >"$T/bad.jsonl"
t 'compile: bad row in a source' 1 "err:$T/bad.jsonl:1: unknown kind" -- gazetteer compile --no-default-gazetteers "$T/bad.jsonl" -o "$T/bad.agc"
expect 'compile: nothing written after a bad row' "$T/bad.agc exists" test ! -e "$T/bad.agc"
t 'compile: unwritable output' 3 "err=$E /nonexistent-dir/x.agc: cannot write: No such file or directory" \
  -- gazetteer compile --no-default-gazetteers "$FIX/names.jsonl" -o /nonexistent-dir/x.agc
t 'compile: -o is required' 2 'err:--output' -- gazetteer compile "$FIX/names.jsonl"
t 'compile --help teaches' 0 'out:actorgraph mentions corpus.jsonl -g names.agc' -- gazetteer compile --help
finish

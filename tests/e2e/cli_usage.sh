#!/usr/bin/env bash
# The command-line contract: --help, --version, each command's help with examples, and
# bad usage (exit code 2, one error line on standard error, nothing written).
source "$(dirname "$0")/cli_lib.sh"

A=$FIX/article.txt
USAGE="(see 'actorgraph --help')"

# ---- help and version: exit 0, on standard output -------------------------------------
t '--help lists every command and the exit codes' 0 \
  out:extract out:mentions out:events out:gazetteer \
  'out=Exit codes: 0 success, 1 bad input data, 2 bad usage, 3 I/O failure.' err-empty -- --help
t '-h is --help' 0 out:Subcommands: err-empty -- -h
t '--version' 0 'out=actorgraph 0.1.0' err-empty -- --version
for cmd in extract mentions events gazetteer "gazetteer check" "gazetteer import"; do
  # shellcheck disable=SC2086  # $cmd is one or two words
  t "$cmd --help has usage and examples" 0 out:Usage: out=Examples: err-empty -- $cmd --help
done
t 'extract --help names every output format' 0 out:graphml out:gexf out:cyjs out:neo4j out:html -- extract --help
t 'extract --help documents the reader options' 0 out:--input-format out:--invalid-utf8 out:--on-error -- extract --help

# ---- bad usage: exit 2 -----------------------------------------------------------------
t 'no command' 2 "err=actorgraph: error: a command is required: extract, mentions, events, tag, merge or gazetteer $USAGE" out-empty --
t 'unknown command' 2 \
  "err=actorgraph: error: bogus: unknown command (expected extract, merge, mentions, events, tag, gazetteer) $USAGE" out-empty -- bogus
t 'unknown command with arguments' 2 'err=actorgraph: error: extrakt: unknown command (expected extract, merge, mentions, events, tag, gazetteer) '"$USAGE" \
  out-empty -- -v extrakt "$A"
t 'unknown global flag' 2 "err=actorgraph: error: The following argument was not expected: --frobnicate $USAGE" -- --frobnicate
t 'unknown command flag' 2 "err=actorgraph: error: The following argument was not expected: --bogus-flag $USAGE" out-empty \
  -- extract "$A" --bogus-flag
t 'unknown short flag' 2 'err:not expected: -Z' -- mentions "$A" -Z
t 'extract without inputs' 2 "err=actorgraph: error: inputs is required $USAGE" out-empty -- extract
t 'mentions without inputs' 2 "err=actorgraph: error: inputs is required $USAGE" -- mentions -o "$T/m.jsonl"
t 'events without inputs' 2 "err=actorgraph: error: inputs is required $USAGE" -- events
t 'gazetteer without a command' 2 \
  "err=actorgraph: error: a gazetteer command is required: check, import or compile (see 'actorgraph gazetteer --help')" -- gazetteer
t 'gazetteer unknown command' 2 "err=actorgraph: error: gazetteer compact: unknown command (expected check, import, compile) $USAGE" \
  -- gazetteer compact data/gazetteers
t 'gazetteer import without --format' 2 'err:--format is required' -- gazetteer import x.csv -o "$T/x.jsonl"

for date in 2021-13-01 2021-02-30 2019-02-29 21-02-16 2021-2-16 2021/02/16 yesterday 2021-02 ''; do
  t "bad --date '$date'" 2 "err=actorgraph: error: --date: expected a real day as YYYY-MM-DD $USAGE" out-empty \
    -- extract "$A" --date "$date"
done
t 'good --date on a leap day' 0 out:'<graphml' -- -q extract "$A" "${NAMES[@]}" --date 2020-02-29

t 'bad -f' 2 'err=actorgraph: error: -f neo5j: unknown format (graphml, dot, gexf, json, cyjs, neo4j, html)' out-empty \
  -- extract "$A" -f neo5j -o "$T/bad-f.graphml"
expect 'bad -f writes no file' "$T/bad-f.graphml exists" test ! -e "$T/bad-f.graphml"
t '-f neo4j without -o' 2 'err=actorgraph: error: -f neo4j writes a folder: give -o DIR' out-empty -- extract "$A" -f neo4j
t '-o with an unknown extension' 2 \
  "err=actorgraph: error: -o $T/graph.xyz: cannot tell the format from the name; give -f graphml|dot|gexf|json|cyjs|neo4j|html" \
  -- extract "$A" -o "$T/graph.xyz"
t '--render with a non-DOT format' 2 'err=actorgraph: error: --render needs the DOT format (-f dot)' \
  -- extract "$A" -f gexf --render svg -o "$T/g.gexf"
t 'bad --input-format' 2 "err=actorgraph: error: --input-format: csv not in {auto,text,jsonl} $USAGE" -- mentions "$A" --input-format csv
t 'bad --invalid-utf8' 2 "err=actorgraph: error: --invalid-utf8: ignore not in {error,replace} $USAGE" -- mentions "$A" --invalid-utf8=ignore
t 'bad --on-error' 2 "err=actorgraph: error: --on-error: continue not in {stop,skip} $USAGE" -- mentions "$A" --on-error=continue
t 'bad -j' 2 'err:--threads: many is not a number (expected 0 for all cores, or 1 to 1024)' -- extract "$A" -j many
t 'negative -j' 2 'err:--threads: -1 is out of range (expected 0 for all cores, or 1 to 1024)' -- extract "$A" -j -1
t '-j 100000' 2 'err:--threads: 100000 is out of range' -- extract "$A" -j 100000
t 'bad --projection' 2 'err:--projection: events not in {actors}' -- extract "$A" --projection events
t 'bad events --format' 2 'err:--format: csv not in {jsonl,petrarch}' -- events "$A" --format csv
t '-g without a value' 2 'err:--gazetteer: 1 required TEXT missing' -- mentions "$A" -g
# Usage is checked before any input is read: a missing input does not hide it.
t 'bad usage wins over a missing input' 2 'err:-f neo5j: unknown format' -- extract "$T/missing.txt" -f neo5j

finish

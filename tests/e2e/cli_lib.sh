# Helpers for the tests/e2e/cli_*.sh scripts (sourced, not run). Each script is a table of
# cases; a case runs the CLI once and checks its exit code, standard error and standard
# output:
#
#   t NAME EXIT_CODE [CHECK...] -- CLI_ARGS...
#
# CHECK is one of
#   err:TEXT   standard error contains TEXT        out:TEXT   standard output contains TEXT
#   err=TEXT   standard error has the line TEXT    out=TEXT   standard output has the line TEXT
#   err!TEXT   standard error lacks TEXT           out!TEXT   standard output lacks TEXT
#   err-empty  standard error is empty             out-empty  standard output is empty
#
# Standard input comes from $STDIN (default /dev/null): `STDIN=file t ...`. After a case,
# $OUT and $ERR hold the output files and $RC the exit code, for extra checks made with
# `expect NAME "what went wrong" TEST...`. `finish` prints the summary and exits non-zero
# when a case failed.
set -u

if [[ -z ${ACTORGRAPH_CLI:-} || ! -x ${ACTORGRAPH_CLI} ]]; then
  echo "ACTORGRAPH_CLI is not set to the built actorgraph binary" >&2
  exit 1
fi
CLI=$ACTORGRAPH_CLI
cd "${ACTORGRAPH_SOURCE_DIR:-$(dirname "${BASH_SOURCE[0]}")/../..}" || exit 1
FIX=tests/fixtures/documents
# A folder of its own under the build tree's e2e-tmp, removed at the end when all passed.
T=${ACTORGRAPH_TMP:-/tmp}/$(basename "$0" .sh)-$$
rm -rf "$T" && mkdir -p "$T" || exit 1
OUT=$T/.stdout
ERR=$T/.stderr
RC=0
cases=0
failures=0
# Gazetteer of invented people, so that the mentions do not depend on the shipped data.
NAMES=(--no-default-gazetteers -g "$FIX/names.jsonl")

# run CLI_ARGS...: runs the CLI, stdin from $STDIN; sets RC, OUT, ERR.
run() {
  "$CLI" "$@" <"${STDIN:-/dev/null}" >"$OUT" 2>"$ERR"
  RC=$?
}

fail() {  # fail NAME PROBLEM...
  failures=$((failures + 1))
  echo "FAIL $1"
  shift
  local p
  for p in "$@"; do echo "     - $p"; done
  if [[ -s $ERR ]]; then
    echo "     standard error:"
    head -n 8 "$ERR" | sed 's/^/       | /'
  fi
}

t() {
  local name=$1 want=$2
  shift 2
  local checks=()
  while [[ $# -gt 0 && $1 != -- ]]; do checks+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift  # the --
  cases=$((cases + 1))
  run "$@"
  local problems=() c file what text
  [[ $RC == "$want" ]] || problems+=("exit code $RC, expected $want")
  for c in "${checks[@]}"; do
    case $c in
      err*) file=$ERR; what="standard error" ;;
      out*) file=$OUT; what="standard output" ;;
      *) problems+=("bad check in the test table: $c"); continue ;;
    esac
    text=${c:4}
    case $c in
      ???-empty) [[ -s $file ]] && problems+=("$what is not empty") ;;
      ???:*) grep -qF -- "$text" "$file" || problems+=("$what lacks: $text") ;;
      ???=*) grep -qxF -- "$text" "$file" || problems+=("$what lacks the line: $text") ;;
      ???!*) grep -qF -- "$text" "$file" && problems+=("$what should not contain: $text") ;;
      *) problems+=("bad check in the test table: $c") ;;
    esac
  done
  if [[ ${#problems[@]} -eq 0 ]]; then
    echo "ok   $name"
  else
    fail "$name" "command: actorgraph $*${STDIN:+ < $STDIN}" "${problems[@]}"
  fi
}

# expect NAME PROBLEM TEST...: a case of its own that passes when `TEST...` succeeds.
expect() {
  local name=$1 problem=$2
  shift 2
  cases=$((cases + 1))
  if "$@"; then
    echo "ok   $name"
  else
    fail "$name" "$problem"
  fi
}

# The "doc" of each line of mentions output in $OUT, consecutive duplicates merged.
doc_order() { sed -n 's/^{"doc":"\([^"]*\)".*/\1/p' "$OUT" | uniq | tr '\n' ' '; }

finish() {
  echo "$cases cases, $failures failed"
  if [[ $failures -eq 0 ]]; then
    rm -rf "$T"
    exit 0
  fi
  echo "(files kept in $T)"
  exit 1
}

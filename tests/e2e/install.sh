#!/usr/bin/env bash
# `cmake --install` into a temporary prefix; the installed binary finds its default data
# without flags (and from another working directory); a program builds against the
# installed CMake package and runs.
set -u
build_dir="$1"
tmp="${ACTORGRAPH_TMP:-/tmp}/install-test"
rm -rf "$tmp" && mkdir -p "$tmp"
fail=0
say_fail() { echo "FAIL: $*"; fail=1; }

cmake --install "$build_dir" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; echo "FAIL: cmake --install"; exit 1; }
[ -x "$tmp/prefix/bin/actorgraph" ] || say_fail "no installed binary"
[ -f "$tmp/prefix/share/actorgraph/gazetteers/countries.jsonl" ] || say_fail "default gazetteers not installed"
[ -f "$tmp/prefix/include/actorgraph/gazetteer/gazetteer.hpp" ] || say_fail "public headers not installed"
[ ! -e "$tmp/prefix/include/actorgraph/export/internal" ] || say_fail "internal headers installed"
[ -f "$tmp/prefix/include/actorgraph/gazetteer/import/import.hpp" ] || say_fail "gazetteer/import/import.hpp not installed"
for internal in gazetteer/flat.hpp gazetteer/gazetteer_impl.hpp documents/json_line.hpp \
                gazetteer/import/internal common/utf8.hpp common/node_id.hpp mentions/jsonl.hpp \
                mentions/internal tagger/internal; do
  [ ! -e "$tmp/prefix/include/actorgraph/$internal" ] || say_fail "internal header $internal installed"
done
# The gazetteer library does not drag in the importers (no gazetteer source includes them).
targets="$tmp/prefix/lib/cmake/actorgraph/actorgraphTargets.cmake"
sed -n '/^set_target_properties(actorgraph::actorgraph_gazetteer PROPERTIES/,/^)/p' "$targets" | grep -q gazetteer_import &&
  say_fail "actorgraph_gazetteer links actorgraph_gazetteer_import"
# Every installed header's own includes are installed too.
for h in $(cd "$tmp/prefix/include/actorgraph" && find . -name '*.hpp' | sed 's|^\./||'); do
  for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$tmp/prefix/include/actorgraph/$h"); do
    [ -f "$tmp/prefix/include/actorgraph/$inc" ] || say_fail "$h includes $inc, which is not installed"
  done
done
[ -f "$tmp/prefix/lib/cmake/actorgraph/actorgraphConfig.cmake" ] || say_fail "no CMake package config"

# The installed binary, run from elsewhere, with no data flags.
(cd "$tmp" && env -u ACTORGRAPH_DATA_DIR "$tmp/prefix/bin/actorgraph" extract "$ACTORGRAPH_SOURCE_DIR/data/samples" -q -o "$tmp/out.graphml") \
  || say_fail "installed actorgraph extract failed"
grep -q 'person:vladimir-putin' "$tmp/out.graphml" 2>/dev/null || say_fail "installed binary found no gazetteer people"

# A consumer project against the installed package. The libraries of a sanitizer build
# (ACTORGRAPH_SANITIZE) need the sanitizer runtimes: the consumer then links them too.
consumer_flags=()
if grep -q '^ACTORGRAPH_SANITIZE:BOOL=ON$' "$build_dir/CMakeCache.txt" 2>/dev/null; then
  consumer_flags=(-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined)
fi
if cmake -S "$ACTORGRAPH_SOURCE_DIR/tests/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
     "${consumer_flags[@]}" >"$tmp/consumer.log" 2>&1 &&
   cmake --build "$tmp/consumer" -j2 >>"$tmp/consumer.log" 2>&1; then
  "$tmp/consumer/consumer" || say_fail "consumer program failed"
else
  tail -20 "$tmp/consumer.log"
  say_fail "consumer project did not build against the installed package"
fi
[ $fail -eq 0 ] && echo "install: ok"
exit $fail

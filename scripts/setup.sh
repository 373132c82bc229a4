#!/usr/bin/env bash
# actorgraph — one script for every set-up step, used by both README commands and by CI.
#
#   scripts/setup.sh sample   install dependencies, build, run `actorgraph extract` on the
#                             bundled sample articles (GraphML, DOT and an SVG rendering)
#   scripts/setup.sh test     install dependencies, build, run the whole test suite (ctest)
#   scripts/setup.sh deps     install dependencies only
#
# Idempotent: packages already installed are not reinstalled, an existing build is reused.
# Needs root (or sudo) for apt-get on a fresh Debian 12 machine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build_dir="${ACTORGRAPH_BUILD_DIR:-build}"
jobs="${ACTORGRAPH_JOBS:-2}"

# Every dependency, once. Build: compiler, CMake, Boost.Graph, ICU, spdlog/fmt, CLI11,
# nlohmann-json, Catch2 v2, D3 v3 (libjs-d3, inlined into HTML exports). Tests: the real
# graph readers (networkx, igraph, graph-tool, pydot, Graphviz, xmllint), GNU parallel, Dask
# (python3-distributed: scripts/dask_extract.py and its test) and Chromium (the HTML viewer,
# headless). Source checks: clang-format and Universal Ctags (function lengths). Fuzzing
# (.ci/run): Clang and its libFuzzer runtime, and the parsers fuzz_export checks the exports
# with (libxml2, Graphviz's cgraph), linked by that fuzz target only.
packages=(
  build-essential cmake pkg-config
  libboost-graph-dev libicu-dev libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev catch2 libjs-d3
  python3 python3-networkx python3-igraph python3-graph-tool python3-pydot python3-pygraphviz graphviz libxml2-utils
  parallel python3-distributed chromium
  clang-format universal-ctags
  clang libclang-rt-dev libxml2-dev libgraphviz-dev
)

install_deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages already installed"
    return
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

build() {
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DACTORGRAPH_BUILD_TESTS=ON -DACTORGRAPH_WERROR=ON "$@"
  cmake --build "$build_dir" -j"$jobs"
}

run_sample() {
  local out="$build_dir/sample"
  mkdir -p "$out"
  "$build_dir/bin/actorgraph" extract data/samples -o "$out/samples.graphml"
  "$build_dir/bin/actorgraph" extract data/samples -o "$out/samples.dot"
  if command -v dot >/dev/null 2>&1; then
    "$build_dir/bin/actorgraph" extract data/samples -o "$out/samples.svg"
  fi
  echo
  echo "actorgraph processed the sample articles in data/samples:"
  for f in "$out"/samples.*; do echo "  $here/$f"; done
}

case "${1:-}" in
  deps) install_deps ;;
  sample) install_deps; build; run_sample ;;
  test)
    install_deps
    build
    (cd "$build_dir" && ctest --output-on-failure -j"$jobs")
    ;;
  *) echo "usage: scripts/setup.sh sample|test|deps" >&2; exit 2 ;;
esac

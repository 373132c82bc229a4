#!/usr/bin/env bash
# actorgraph — retrains the shipped tagger model, data/models/pos-en.agt, from ../shared.
#
#   scripts/train-models.sh
#
# Builds actorgraph-train-tagger if needed (in $ACTORGRAPH_BUILD_DIR, default build/), then
# trains on UD English EWT train and the open-licence documents of UD English GUM train
# (genres.tsv class "open"), both read from ../shared/data relative to the repository (or
# $ACTORGRAPH_SHARED_DIR). Deterministic: every run writes the same bytes (one thread,
# fixed-seed shuffle, no clock in the file); the sha256 is printed to compare.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build_dir="${ACTORGRAPH_BUILD_DIR:-build}"
shared="${ACTORGRAPH_SHARED_DIR:-$here/../shared}"
for f in data/ud-english-ewt/en_ewt-ud-train.conllu data/ud-english-gum/en_gum-ud-train.conllu \
         data/ud-english-gum/genres.tsv; do
  if [[ ! -f "$shared/$f" ]]; then
    echo "train-models.sh: $shared/$f not found: the shared data folder must sit beside the" \
         "repository as ../shared (or set ACTORGRAPH_SHARED_DIR)" >&2
    exit 3
  fi
done

trainer="$build_dir/bin/actorgraph-train-tagger"
if [[ ! -d "$build_dir" ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release
fi
flock /tmp/actorgraph-build.lock cmake --build "$build_dir" -j2 --target actorgraph_train_tagger

mkdir -p data/models
"$trainer" --shared "$shared" --out data/models/pos-en.agt
sha256sum data/models/pos-en.agt

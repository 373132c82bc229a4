#!/usr/bin/env bash
# actorgraph — retrains the shipped models from ../shared: the tagger, data/models/pos-en.agt,
# then the name tagger, data/models/names-en.agn (which reads the tagger's dictionary).
#
#   scripts/train-models.sh
#
# Builds actorgraph-train-tagger if needed (in $ACTORGRAPH_BUILD_DIR, default build/), then
# trains on UD English EWT train and the open-licence documents of UD English GUM train
# (genres.tsv class "open"), both read from ../shared/data relative to the repository (or
# $ACTORGRAPH_SHARED_DIR). The name tagger trains on UNER English-EWT train, the Broad
# Twitter Corpus and the open-licence GUM train documents minus news and interviews (converted
# by scripts/gum_to_bio.py); see data/models/NOTICE. Deterministic: every run writes the same
# bytes (one thread, fixed-seed shuffle, no clock in the file); the sha256s are printed to
# compare.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build_dir="${ACTORGRAPH_BUILD_DIR:-build}"
shared="${ACTORGRAPH_SHARED_DIR:-$here/../shared}"
for f in data/ud-english-ewt/en_ewt-ud-train.conllu data/ud-english-gum/en_gum-ud-train.conllu \
         data/ud-english-gum/genres.tsv data/uner-english/en_ewt-ud-train.draft-clean.iob2 \
         data/ner-open-extras/btc/a.conll; do
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
flock /tmp/actorgraph-build.lock cmake --build "$build_dir" -j2 --target actorgraph_train_tagger actorgraph_train_names

mkdir -p data/models
"$trainer" --shared "$shared" --out data/models/pos-en.agt
sha256sum data/models/pos-en.agt

gum_bio="$build_dir/gum-names.bio"
python3 scripts/gum_to_bio.py "$shared/data/ud-english-gum/en_gum-ud-train.conllu" \
  "$shared/data/ud-english-gum/genres.tsv" "$shared/data/gum/text" > "$gum_bio"
"$build_dir/bin/actorgraph-train-names" --shared "$shared" --data data --gum-bio "$gum_bio" \
  --out data/models/names-en.agn
sha256sum data/models/names-en.agn

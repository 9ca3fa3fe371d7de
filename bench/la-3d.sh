#!/usr/bin/env bash
# LA 2018 (../shared/datasets/la, 1.25 mm isotropic): one training on the first LABELLED volumes of
# train_patients.txt (the other training volumes unlabelled), validation on the last 4 training volumes, test on the
# 20 test_patients.txt volumes (distances in mm, spacing 1.25). Prints the training's last lines, the mean test
# metrics, seconds per iteration and the peak resident memory of training and of prediction.
# Usage: bench/la-3d.sh <name> key=value ...   (training keys, e.g. method=supervised dimensions=3 patch_size=48)
#   env: LA=<folder> LABELLED=8
# Writes bench/out/la/<name>/{model,predictions,metrics.csv,train.log}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
la="$(cd "${LA:-$root/../shared/datasets/la}" && pwd)"
name=$1
shift
out="$root/bench/out/la"
mkdir -p "$out/data" "$out/test" "$out/$name"
ln -sfn "$la/volumes" "$out/data/volumes"
head -n 76 "$la/train_patients.txt" > "$out/data/train_patients.txt"
tail -n 4 "$la/train_patients.txt" > "$out/data/val_patients.txt"
while read -r id; do ln -sfn "$la/volumes/$id.h5" "$out/test/$id.h5"; done < "$la/test_patients.txt"
run() { /usr/bin/time -f "peak RSS %M KB, %e s" "$root/bin/label-efficient" "$@"; }
run train dataset="$out/data" labelled_patients="${LABELLED:-8}" output="$out/$name/model" "$@" 2>&1 \
    | tee "$out/$name/train.log" | grep -v '^iteration' | tail -n 4
run predict model="$out/$name/model" input="$out/test" output="$out/$name/predictions" 2>&1 | tail -n 1
run evaluate prediction="$out/$name/predictions" reference="$out/test" spacing=1.25,1.25,1.25 \
    output="$out/$name/metrics.csv" 2>&1 | tail -n 3
grep -o '[0-9.]* s/it' "$out/$name/train.log" | tail -n 1

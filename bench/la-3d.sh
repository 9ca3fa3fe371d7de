#!/usr/bin/env bash
# LA 2018 (../shared/datasets/la, 1.25 mm isotropic): one training on the first LABELLED volumes of
# train_patients.txt (the other training volumes unlabelled), validation on the last 4 training volumes, test on the
# 20 test_patients.txt volumes (distances in mm, spacing 1.25). Prints the training's last lines, the mean test
# metrics of the best (validation) and of the latest weights, seconds per iteration and the peak resident memory of
# training and of prediction, and adds the run's row to the section between the la-3d markers of BENCHMARKS.md (rows
# kept there are kept). The latest weights are scored too because 4 validation volumes choose the best noisily (the
# papers on LA report their last iteration).
# Usage: bench/la-3d.sh <name> key=value ...   (training keys, e.g. method=supervised dimensions=3 patch_size=48)
#   env: LA=<folder> LABELLED=8
#        RUNS=<folder outside the repository> (long runs: the model lives in <RUNS>/<name>/model and is kept; a run
#        stopped part-way continues from its checkpoint with resume=true when the same command is given again)
#        REPORT_ONLY=1 (no training: rewrite the row of every finished run in bench/out/la, scoring its latest
#        weights where that was not done, and rebuild the section)
# Writes bench/out/la/<name>/{model,predictions,metrics.csv,metrics-latest.csv,train.log,train.time,predict.time}
# and bench/out/la/rows/<name>.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/la"
# shellcheck source=bench/section.sh
source "$root/bench/section.sh"
mkdir -p "$out/rows"

# latest_metrics <dir>: test metrics of the run's latest weights, into <dir>/metrics-latest.csv; those of the best
# weights when the best checkpoint is the last one (the same weights, not predicted twice)
latest_metrics() {
  if sed -n 's/^Trained \([0-9]*\) iterations in .* at iteration \([0-9]*\);.*/\1 \2/p' "$1/train.log" | tail -n 1 \
    | awk 'NF == 2 && $1 == $2 { same = 1 } END { exit !same }'; then
    cp "$1/metrics.csv" "$1/metrics-latest.csv"
    return
  fi
  "$root/bin/label-efficient" predict model="$1/model" checkpoint=latest input="$out/test" \
    output="$1/predictions-latest" > /dev/null
  "$root/bin/label-efficient" evaluate prediction="$1/predictions-latest" reference="$out/test" \
    spacing=1.25,1.25,1.25 output="$1/metrics-latest.csv" > /dev/null
  rm -rf "$1/predictions-latest"
}

# row <name>: one table row from a finished run's folder
row() {
  local dir="$out/$1" settings iterations seconds train_mb predict_mb latest
  settings=$(cat "$dir/settings.txt")
  iterations=$(sed -n 's/^Trained \([0-9]*\) iterations in \([0-9.]*\) s.*/\1/p' "$dir/train.log" | tail -n 1)
  seconds=$(sed -n 's/^Trained \([0-9]*\) iterations in \([0-9.]*\) s.*/\2/p' "$dir/train.log" | tail -n 1)
  train_mb=$(awk '{printf "%.0f", $1 / 1024}' "$dir/train.time")
  predict_mb=$(awk '{printf "%.0f", $1 / 1024}' "$dir/predict.time")
  latest=$(awk -F, '$1 == "mean" { printf "%.4f / %.2f", $3, $5 }' "$dir/metrics-latest.csv" 2>/dev/null || echo -)
  awk -F, -v n="$1" -v x="$settings" -v it="$iterations" -v s="$seconds" -v tm="$train_mb" -v pm="$predict_mb" \
    -v l="$latest" '
    $1 == "mean" { printf "| %s | `%s` | %d | %.0f (%.2f) | **%.4f** | %.4f | %.2f | %.2f | %s | %s / %s |\n",
      n, x, it, s, s / it, $3, $4, $5, $6, l, tm, pm }' "$dir/metrics.csv"
}

if [ "${REPORT_ONLY:-0}" != 1 ]; then
  la="$(cd "${LA:-$root/../shared/datasets/la}" && pwd)"
  name=$1
  shift
  dir="$out/$name"
  mkdir -p "$out/test" "$dir"
  la_layout "$la" "$out/data"
  while read -r id; do ln -sfn "$la/volumes/$id.h5" "$out/test/$id.h5"; done < "$la/test_patients.txt"
  echo "labelled_patients=${LABELLED:-8} $*" > "$dir/settings.txt"
  kept_run "$dir" "$name"
  # peak resident memory (KB) and seconds of one command, into <file>
  timed() { local file=$1; shift; /usr/bin/time -f "%M %e" -o "$file" "$root/bin/label-efficient" "$@"; }
  # shellcheck disable=SC2086
  timed "$dir/train.time" train dataset="$out/data" labelled_patients="${LABELLED:-8}" output="$run_model" "$@" \
    $run_resume 2>&1 | tee -a "$run_log" | grep -v '^iteration' | tail -n 4
  timed "$dir/predict.time" predict model="$dir/model" input="$out/test" output="$dir/predictions" 2>&1 | tail -n 1
  "$root/bin/label-efficient" evaluate prediction="$dir/predictions" reference="$out/test" spacing=1.25,1.25,1.25 \
    output="$dir/metrics.csv" 2>&1 | tail -n 3
  latest_metrics "$dir"
  echo "latest weights: $(awk -F, '$1 == "mean" { print "Dice", $3, "HD95", $5 }' "$dir/metrics-latest.csv")"
  echo "peak RSS train $(cut -d' ' -f1 "$dir/train.time") KB, predict $(cut -d' ' -f1 "$dir/predict.time") KB"
  row "$name" > "$out/rows/$name.md"
else
  for f in "$out"/*/metrics.csv; do
    n=$(basename "$(dirname "$f")")
    [ -f "$out/$n/train.time" ] || continue
    if [ ! -f "$out/$n/metrics-latest.csv" ] && [ -d "$out/$n/model/latest" ]; then latest_metrics "$out/$n"; fi
    row "$n" > "$out/rows/$n.md"
  done
fi

# rows measured earlier and kept in BENCHMARKS.md (a fresh clone has no bench/out)
section_rows "$root/BENCHMARKS.md" la-3d | { grep -v '^| run ' || true; } | while IFS= read -r line; do
  n=$(echo "$line" | cut -d'|' -f2 | xargs)
  [ -f "$out/rows/$n.md" ] || printf '%s\n' "$line" > "$out/rows/$n.md"
done
report="$out/report.md"
{
  echo "<!-- la-3d:start -->"
  echo "| run | settings (\`LABELLED=<labelled_patients> bench/la-3d.sh <run> <the other settings>\`) | iterations | training s (s/it) | Dice | Jaccard | HD95 mm | ASD mm | latest weights: Dice / HD95 mm | peak RSS train / predict 20 volumes (MB) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  cat "$out"/rows/*.md
  echo "<!-- la-3d:end -->"
} > "$report"
write_section "$root/BENCHMARKS.md" la-3d "$report"

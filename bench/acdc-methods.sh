#!/usr/bin/env bash
# ACDC benchmark of training methods with the same iteration budget: `supervised` learns from the dense labels, the
# scribble methods from the real scribbles. Trains on train_patients.txt, selects the best checkpoint on
# val_patients.txt, reports on the 20 test_patients.txt patients (both frames, 40 volumes), distances in pixels (the
# files store no spacing).
# Usage: bench/acdc-methods.sh
#   env: ACDC=<folder> ITERATIONS=4000 PATCH=128 BATCH=8 METHODS="supervised pce" SECTION=acdc-foundation
#        EXTRA="key=value ..." (method settings, e.g. for an ablation) TAG=<suffix naming that variant>
#        DATASET=<training dataset folder, default ACDC itself> LEARNS=<what the "learns from" column says>
#        SEED=1 (training seed; name other seeds' variants with TAG, e.g. TAG=-seed2)
#        RUNS=<folder outside the repository> (long runs: the model lives in <RUNS>/<method><TAG>/model and is kept;
#        a run stopped part-way, by Ctrl-C or a lost session, continues from its checkpoint with resume=true when
#        the same command is given again)
# Writes bench/out/<SECTION>/<method><TAG>/{model,predictions,metrics.csv,train.log} (and the same prediction with the
# largest component per class kept: predictions-lcc, metrics-lcc.csv), two table rows per variant in
# bench/out/<SECTION>/rows/, and rebuilds the section between the <SECTION> markers of BENCHMARKS.md from all rows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
acdc="$(cd "${ACDC:-$root/../shared/datasets/acdc}" && pwd)"
iterations=${ITERATIONS:-4000}
patch=${PATCH:-128}
batch=${BATCH:-8}
methods=${METHODS-supervised pce}
section=${SECTION:-acdc-foundation}
extra=${EXTRA:-}
tag=${TAG:-}
dataset=${DATASET:-$acdc}
seed=${SEED:-1}
out="$root/bench/out/$section"
# shellcheck source=bench/section.sh
source "$root/bench/section.sh"
mkdir -p "$out/test" "$out/rows"
while read -r p; do
  [ -n "$p" ] && for f in "$acdc/volumes/${p}"_frame*.h5; do ln -sf "$f" "$out/test/"; done
done < "$acdc/test_patients.txt"

# row <name> <settings> <metrics.csv>: one table row from a metrics file and the run's time and model files
row() {
  local rss spi
  rss=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$dir/time.txt")
  spi=$(grep -o '"seconds_trained": [0-9.]*' "$dir/model/model.json" | awk -v n="$iterations" '{printf "%.3f", $2 / n}')
  awk -F, -v m="$1" -v l="$labels" -v x="${2:--}" -v spi="$spi" -v rss="$rss" -v it="$iterations" -v p="$patch" '
    $1 == "mean" { d[$2] = $3; h[$2] = $5; a[$2] = $6 }
    END {
      printf "| %s | %s | `%s` | %d, %dx%d | %.4f | %.4f | %.4f | **%.4f** | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s |\n",
        m, l, x, it, p, p, d[1], d[2], d[3], (d[1] + d[2] + d[3]) / 3, h[1], h[2], h[3], (h[1] + h[2] + h[3]) / 3,
        (a[1] + a[2] + a[3]) / 3, spi, rss
    }' "$3"
}

# rows measured earlier and kept in BENCHMARKS.md (a fresh clone has no bench/out): seed rows/ with them, so that
# running one more variant adds its rows to the section instead of replacing the table
section_rows "$root/BENCHMARKS.md" "$section" | while IFS= read -r line; do
  name=$(echo "$line" | cut -d'|' -f2 | xargs)
  case "$name" in *" + largest component") file="${name% + largest component}-lcc" ;; *) file="$name" ;; esac
  [ -f "$out/rows/$file.md" ] || printf '%s\n' "$line" > "$out/rows/$file.md"
done

for m in $methods; do
  name="$m$tag"
  dir="$out/$name"
  rm -rf "$dir"
  mkdir -p "$dir"
  kept_run "$dir" "$name"
  labels=${LEARNS:-$([ "$m" = supervised ] && echo dense || echo scribbles)}
  echo "== $name: training" >&2
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$dir/time.txt" "$root/bin/label-efficient" train dataset="$dataset" method="$m" \
    output="$run_model" iterations="$iterations" batch_size="$batch" patch_size="$patch" seed="$seed" \
    unlabelled_value=4 validation_interval=500 log_interval=100 $extra $run_resume >> "$run_log" 2>&1
  echo "== $name: predicting and evaluating" >&2
  "$root/bin/label-efficient" predict model="$dir/model" input="$out/test" output="$dir/predictions" > "$dir/predict.log"
  "$root/bin/label-efficient" evaluate prediction="$dir/predictions" reference="$out/test" output="$dir/metrics.csv" \
    > "$dir/evaluate.txt"
  # the same model once more with the largest connected component of each class kept
  "$root/bin/label-efficient" predict model="$dir/model" input="$out/test" output="$dir/predictions-lcc" \
    largest_component=true > "$dir/predict-lcc.log"
  "$root/bin/label-efficient" evaluate prediction="$dir/predictions-lcc" reference="$out/test" \
    output="$dir/metrics-lcc.csv" > "$dir/evaluate-lcc.txt"
  row "$name" "$extra" "$dir/metrics.csv" > "$out/rows/$name.md"
  row "$name + largest component" "predict largest_component=true" "$dir/metrics-lcc.csv" > "$out/rows/$name-lcc.md"
  cat "$dir/evaluate.txt" >&2
done

report="$out/report.md"
{
  echo "<!-- $section:start -->"
  echo "## ACDC ($section)"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)). Each row: Adam lr 1e-3"
  echo "poly, batch $batch, seed 1 (rows named -seed<N>: seed N), unlabelled_value=4; best checkpoint by validation"
  echo "Dice on val_patients.txt (20 volumes, every 500 iterations); test: the 20 test_patients.txt patients, 40"
  echo "volumes, no post-processing; Dice per class (RV, Myo, LV); HD95 and ASD in pixels (3D, medpy definitions, see"
  echo "docs/metrics.md)."
  echo "Command: \`SECTION=$section METHODS=\"<methods>\" ITERATIONS=<n> PATCH=<p> [EXTRA=\"<settings>\" TAG=<t>] bench/acdc-methods.sh\`."
  echo
  echo "| method | learns from | settings | iterations, patch | Dice RV | Dice Myo | Dice LV | mean Dice | HD95 RV | HD95 Myo | HD95 LV | mean HD95 | mean ASD | s/iteration | peak RSS (MB) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  cat "$out"/rows/*.md
  echo "<!-- $section:end -->"
} > "$report"

write_section "$root/BENCHMARKS.md" "$section" "$report"
cat "$report"

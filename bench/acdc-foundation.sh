#!/usr/bin/env bash
# ACDC benchmark of the foundation methods: `supervised` on dense labels and `pce` on the real scribbles, same
# iteration budget. Trains on train_patients.txt, selects the best checkpoint on val_patients.txt, reports on the 20
# test_patients.txt patients (both frames, 40 volumes), distances in pixels (the files store no spacing).
# Usage: bench/acdc-foundation.sh   (env: ACDC=<folder> ITERATIONS=4000 PATCH=128 BATCH=8 METHODS="supervised pce")
# Writes bench/out/acdc-foundation/<method>/{model,predictions,metrics.csv,train.log} and the section between the
# acdc-foundation markers of BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
acdc="$(cd "${ACDC:-$root/../shared/datasets/acdc}" && pwd)"
iterations=${ITERATIONS:-4000}
patch=${PATCH:-128}
batch=${BATCH:-8}
methods=${METHODS:-supervised pce}
out="$root/bench/out/acdc-foundation"
mkdir -p "$out/test"
while read -r p; do
  [ -n "$p" ] && for f in "$acdc/volumes/${p}"_frame*.h5; do ln -sf "$f" "$out/test/"; done
done < "$acdc/test_patients.txt"

report="$out/report.md"
{
  echo "<!-- acdc-foundation:start -->"
  echo "## ACDC: supervised (dense labels) vs pce (scribbles)"
  echo
  echo "Run on $(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$iterations iterations, batch $batch, patch ${patch}x${patch}, Adam lr 1e-3 poly, seed 1; best checkpoint"
  echo "by validation Dice on val_patients.txt (20 volumes); test: 20 test_patients.txt patients, 40 volumes; HD95 and"
  echo "ASD in pixels (3D, medpy definitions). Command: \`ITERATIONS=$iterations PATCH=$patch bench/acdc-foundation.sh\`."
  echo
  echo "| method | labels | Dice RV | Dice Myo | Dice LV | mean Dice | HD95 RV | HD95 Myo | HD95 LV | mean HD95 | mean ASD | s/iteration | peak RSS (MB) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} > "$report"

for m in $methods; do
  dir="$out/$m"
  rm -rf "$dir"
  mkdir -p "$dir"
  labels=$([ "$m" = supervised ] && echo dense || echo scribbles)
  echo "== $m: training" >&2
  /usr/bin/time -v -o "$dir/time.txt" "$root/bin/label-efficient" train dataset="$acdc" method="$m" \
    output="$dir/model" iterations="$iterations" batch_size="$batch" patch_size="$patch" seed=1 unlabelled_value=4 \
    validation_interval=500 log_interval=100 > "$dir/train.log" 2>&1
  echo "== $m: predicting and evaluating" >&2
  "$root/bin/label-efficient" predict model="$dir/model" input="$out/test" output="$dir/predictions" > "$dir/predict.log"
  "$root/bin/label-efficient" evaluate prediction="$dir/predictions" reference="$out/test" output="$dir/metrics.csv" \
    > "$dir/evaluate.txt"
  rss=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$dir/time.txt")
  spi=$(grep -o '"seconds_trained": [0-9.]*' "$dir/model/model.json" | awk -v n="$iterations" '{printf "%.3f", $2 / n}')
  awk -F, -v m="$m" -v l="$labels" -v spi="$spi" -v rss="$rss" '
    $1 == "mean" { d[$2] = $3; h[$2] = $5; a[$2] = $6 }
    END {
      printf "| %s | %s | %.4f | %.4f | %.4f | %.4f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s |\n", m, l,
        d[1], d[2], d[3], (d[1] + d[2] + d[3]) / 3, h[1], h[2], h[3], (h[1] + h[2] + h[3]) / 3,
        (a[1] + a[2] + a[3]) / 3, spi, rss
    }' "$dir/metrics.csv" >> "$report"
  cat "$dir/evaluate.txt" >&2
done
echo "<!-- acdc-foundation:end -->" >> "$report"

bench_md="$root/BENCHMARKS.md"
[ -f "$bench_md" ] || printf '# Benchmarks\n\nNumbers measured by the scripts in `bench/`; each section names its command.\n\n' > "$bench_md"
if grep -q 'acdc-foundation:start' "$bench_md"; then
  awk -v r="$report" '
    /acdc-foundation:start/ { while ((getline line < r) > 0) print line; skip = 1; next }
    /acdc-foundation:end/ { skip = 0; next }
    !skip { print }' "$bench_md" > "$bench_md.tmp"
else
  cat "$bench_md" "$report" > "$bench_md.tmp"
fi
mv "$bench_md.tmp" "$bench_md"
cat "$report"

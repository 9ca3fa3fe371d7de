#!/usr/bin/env bash
# Spark local[2] against the single-machine predict on the 40 ACDC test volumes (20 test patients, ED and ES),
# plus two shard=i/2 processes side by side, and a Spark job killed halfway then rerun. Writes under bench/out/spark.
# Usage: bash bench/spark.sh [model folder]   (default: ~/runs/acdc-semi/supervised-7-start/model)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
model="${1:-$HOME/runs/acdc-semi/supervised-7-start/model}"
acdc="$root/../shared/datasets/acdc"
[ -d "$acdc" ] || acdc=/work/shared/datasets/acdc
out="$root/bench/out/spark"
rm -rf "$out"; mkdir -p "$out"
while read -r p; do ls "$acdc"/volumes/"${p}"_frame*.h5; done < "$acdc/test_patients.txt" > "$out/test-volumes.txt"
echo "$(wc -l < "$out/test-volumes.txt") volumes; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/bin/label-efficient" info model="$model" > /dev/null            # builds both artifacts before timing
"$root/bin/label-efficient-spark" 2> /dev/null || true
timed() { # name command...: wall seconds and peak RSS of the whole process tree's largest JVM
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" > "$out/$name.log" 2>&1
  read -r wall rss < "$out/$name.time"
  local n; n=$(grep -o "input=[^ ]*" <<< "$*" | head -n 1 | cut -d= -f2 | xargs wc -l | cut -d" " -f1)
  echo "$name: wall ${wall} s, $(awk -v n="$n" -v w="$wall" 'BEGIN{printf "%.3f", n/w}') volumes/s, peak RSS $((rss / 1024)) MiB"
}
timed single "$root/bin/label-efficient" predict model="$model" input="$out/test-volumes.txt" output="$out/single"
timed spark "$root/bin/label-efficient-spark" predict model="$model" input="$out/test-volumes.txt" output="$out/spark" master='local[2]'
grep "started in" "$out/spark.log"
# two single-machine shards at once (what a 2-task job array does on one node)
start=$(date +%s.%N)
/usr/bin/time -f "%e %M" -o "$out/shard0.time" "$root/bin/label-efficient" predict model="$model" input="$out/test-volumes.txt" output="$out/shards" shard=0/2 > "$out/shard0.log" 2>&1 &
/usr/bin/time -f "%e %M" -o "$out/shard1.time" "$root/bin/label-efficient" predict model="$model" input="$out/test-volumes.txt" output="$out/shards" shard=1/2 > "$out/shard1.log" 2>&1
wait
echo "shards 0/2 and 1/2 side by side: wall $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}') s; peak RSS each $(( $(cut -d' ' -f2 "$out/shard0.time") / 1024 )) and $(( $(cut -d' ' -f2 "$out/shard1.time") / 1024 )) MiB"
# start-up: one volume each way
head -n 1 "$out/test-volumes.txt" > "$out/one.txt"
timed single-one "$root/bin/label-efficient" predict model="$model" input="$out/one.txt" output="$out/single-one"
timed spark-one "$root/bin/label-efficient-spark" predict model="$model" input="$out/one.txt" output="$out/spark-one" master='local[2]'
# killed halfway, then rerun
"$root/bin/label-efficient-spark" predict model="$model" input="$out/test-volumes.txt" output="$out/killed" master='local[2]' > "$out/killed.log" 2>&1 &
pid=$!
while [ "$(ls "$out/killed" 2>/dev/null | grep -c 'nii.gz$')" -lt 20 ]; do sleep 0.2; done
kill -9 $pid; wait $pid 2>/dev/null || true
echo "killed with $(ls "$out/killed" | grep -c 'nii.gz$') of 40 outputs; hidden temporary files left: $(ls -A "$out/killed" | grep -c '^\.' || true)"
timed rerun "$root/bin/label-efficient-spark" predict model="$model" input="$out/test-volumes.txt" output="$out/killed" master='local[2]'
grep "already predicted" "$out/rerun.log"
for d in spark shards killed; do
  same=0; for f in "$out"/single/*.nii.gz; do cmp -s "$f" "$out/$d/$(basename "$f")" && same=$((same + 1)); done
  echo "$d: $same of $(ls "$out"/single/*.nii.gz | wc -l) label files byte-identical to the single-machine predict"
done

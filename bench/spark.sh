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
# executors in JVMs of their own (local-cluster: two workers of one core each, as on a standalone cluster); Spark's
# workers launch executors from a Spark home, an empty one here, with this module's class path; their peak RSS is
# sampled with ps twice a second
home="$out/spark-home"; mkdir -p "$home/jars"; touch "$home/RELEASE"
( while :; do ps -eo pid=,rss=,args= | awk '/CoarseGrainedExecutorBackend/ && !/awk/ {print $1, $2}' >> "$out/executors.rss"; sleep 0.5; done ) &
sampler=$!
SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 LABEL_EFFICIENT_JAVA_OPTS="-Dspark.executor.extraClassPath=$root/spark/target/label-efficient-spark-0.1.0-SNAPSHOT.jar:$root/spark/target/lib/*:$root/spark/target/spark-lib/*" \
  timed cluster "$root/bin/label-efficient-spark" predict model="$model" input="$out/test-volumes.txt" output="$out/cluster" master='local-cluster[2,1,1500]' partitions=4
kill $sampler; wait $sampler 2>/dev/null || true
grep "started in" "$out/cluster.log"
awk '{ if ($2 > m[$1]) m[$1] = $2 } END { for (p in m) printf "executor JVM %s: peak RSS %d MiB\n", p, m[p] / 1024 }' "$out/executors.rss"
# killed halfway, then rerun
"$root/bin/label-efficient-spark" predict model="$model" input="$out/test-volumes.txt" output="$out/killed" master='local[2]' > "$out/killed.log" 2>&1 &
pid=$!
while [ "$(ls "$out/killed" 2>/dev/null | grep -c 'nii.gz$')" -lt 20 ]; do sleep 0.2; done
kill -9 $pid; wait $pid 2>/dev/null || true
echo "killed with $(ls "$out/killed" | grep -c 'nii.gz$') of 40 outputs; hidden temporary files left: $(ls -A "$out/killed" | grep -c '^\.' || true)"
timed rerun "$root/bin/label-efficient-spark" predict model="$model" input="$out/test-volumes.txt" output="$out/killed" master='local[2]'
grep "already predicted" "$out/rerun.log"
for d in spark shards cluster killed; do
  same=0; for f in "$out"/single/*.nii.gz; do cmp -s "$f" "$out/$d/$(basename "$f")" && same=$((same + 1)); done
  echo "$d: $same of $(ls "$out"/single/*.nii.gz | wc -l) label files byte-identical to the single-machine predict"
done

#!/usr/bin/env bash
# Issue 6 (performance): our TensorFlow Java training step and prediction against the same U-Net in PyTorch on CPU,
# timed in the same invocation, plus the machine's limit (conv FLOP/s of a step against a large MatMul).
# With DIMENSIONS holding 3 (the default "2 3"), issue 18's rows follow: the 3D U-Net against the same network in
# PyTorch, and the memory of 3D training and whole-volume prediction (bench/performance3d.sh).
# Usage: bench/performance.sh
#   env: THREADS=<intra-op threads, default nproc> STEPS=10 WARMUP=2 TORCH_STEPS=<default STEPS> PREDICT_N=20
#        SIZES="256 128" BATCH=8 METHODS="supervised mean-teacher scribsd reciprocal action" TILE=128 ACDC=<folder>
#        PYTHON=<interpreter with torch> CROSS_CHECK=1 (1-thread rows for supervised at the smallest size and prediction)
#        DIMENSIONS="2 3": which parts run; DIMENSIONS=3 runs only the 3D U-Net rows (bench/performance3d.sh, its own
#        raw lines in bench/out/performance/results-3d.txt and its own subsection), leaving the 2D rows as they are
# Builds the project if needed; installs nothing (PyTorch: Debian's python3-torch, `sudo apt-get install -y
# python3-torch`; without it the PyTorch columns are empty). Raw lines in bench/out/performance/results.txt; rebuilds
# the section between the performance markers of BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
threads=${THREADS:-$(nproc)}
steps=${STEPS:-10}
warmup=${WARMUP:-2}
torch_steps=${TORCH_STEPS:-$steps}
predict_n=${PREDICT_N:-20}
sizes=${SIZES:-256 128}
batch=${BATCH:-8}
methods=${METHODS-supervised mean-teacher scribsd reciprocal action}
tile=${TILE:-128}
cross_check=${CROSS_CHECK:-1}
acdc="${ACDC:-$root/../shared/datasets/acdc}"
out="$root/bench/out/performance"
results="$out/results.txt"
mkdir -p "$out"
report_only=${REPORT_ONLY:-0} # 1: rebuild the section from the existing results.txt
dimensions=${DIMENSIONS:-2 3}
has_dimension() { case " $dimensions " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
errlog="$out/stderr.log"
torch_script=bench/torch_unet.py
if [ "$report_only" != 1 ] && has_dimension 2; then
  : > "$results"
  : > "$errlog"
fi
export TF_CPP_MIN_LOG_LEVEL=2

jar=$(ls target/label-efficient-segmentation-*.jar 2>/dev/null | grep -v -- '-sources\|-tests\|-javadoc' | head -n 1 || true)
if [ -z "$jar" ] || [ ! -d target/lib ] || [ -n "$(find src/main pom.xml -newer "$jar" -type f | head -n 1)" ]; then
  echo "== building (mvn package)" >&2
  mvn -B -q -o -DskipTests package >&2 || mvn -B -q -DskipTests package >&2
fi

python=""
for p in ${PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$p" > /dev/null && "$p" -c 'import torch' 2> /dev/null; then python=$p; break; fi
done
if [ -z "$python" ]; then
  echo "!! PyTorch not found: install Debian's python3-torch (sudo apt-get install -y python3-torch) for the" >&2
  echo "!! comparison; timing our side only, the PyTorch columns stay empty." >&2
fi

java_run() { # threads, Performance.java arguments...
  local t=$1
  shift
  echo "== java $* (threads $t)" >&2
  java -Dlabelefficient.threads="$t" -cp "target/classes:target/lib/*" bench/Performance.java "$@" 2>> "$errlog" \
    | grep '^RESULT' | tee -a "$results" >&2 || echo "!! java $* failed, see $errlog" >&2
}
torch_run() { # threads, format, arguments of $torch_script (bench/torch_unet.py)...
  local t=$1 f=$2
  shift 2
  [ -n "$python" ] || return 0
  echo "== pytorch $* (threads $t, $f)" >&2
  # passive waiting: with OpenMP's default spinning, 2 threads on cores shared with other jobs ran many times slower
  OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive} THREADS="$t" FORMAT="$f" "$python" "$torch_script" "$@" \
    2>> "$errlog" | grep '^RESULT' | tee -a "$results" >&2 || echo "!! pytorch $* failed" >&2
}
# value of KEY on the first result line holding every given key=value word; "-" if none
get() {
  local v
  v=$(awk -v key="$1" -v pats="${*:2}" 'BEGIN { n = split(pats, p, " ") }
    /^RESULT/ { l = $0 " "; for (i = 1; i <= n; i++) if (index(l, " " p[i] " ") == 0) next
      for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) { print kv[2]; exit } } }' "$results")
  echo "${v:--}"
}
calc() { # awk expression over the arguments $1..; "-" if any argument is "-"
  local expr=$1
  shift
  for a in "$@"; do [ "$a" != "-" ] || { echo "-"; return; }; done
  awk -v a="${1:-0}" -v b="${2:-0}" -v c="${3:-0}" -v d="${4:-0}" "BEGIN { printf $expr }"
}
minof() { # smallest of the arguments that are numbers; "-" if none
  printf '%s\n' "$@" | awk '$1 != "-" && (m == "" || $1 < m) { m = $1 } END { print (m == "" ? "-" : m) }'
}
maxof() {
  printf '%s\n' "$@" | awk '$1 != "-" && (m == "" || $1 > m) { m = $1 } END { print (m == "" ? "-" : m) }'
}
cell() { # mode, pattern words...: the rows' median [first-third quartile]; "-" if none
  local m
  m=$(get median mode="$1" "${@:2}")
  [ "$m" = "-" ] && { echo "-"; return; }
  echo "$m [$(get q1 mode="$1" "${@:2}")-$(get q3 mode="$1" "${@:2}")]"
}
met() { # value (a trailing x or MB is ignored), awk condition on v: yes or **no**; "-" without a value
  [ "$1" = "-" ] && { echo "-"; return; }
  awk -v v="${1%[xMB ]*}" "BEGIN { print ($2) ? \"yes\" : \"**no**\" }"
}

volume=""
if [ -f "$acdc/test_patients.txt" ]; then
  volume=$(ls "$acdc/volumes/$(head -n 1 "$acdc/test_patients.txt")"_frame*.h5 2> /dev/null | head -n 1 || true)
fi
[ -n "$volume" ] || volume=$(ls "$acdc"/volumes/*.h5 2> /dev/null | head -n 1 || true)
small=$(printf '%s\n' $sizes | sort -n | head -n 1)
# shellcheck source=bench/section.sh
source "$root/bench/section.sh"
if has_dimension 2; then # the 2D rows (issue 6), up to their section
if [ "$report_only" != 1 ]; then
echo "RESULT mode=run started=$(date -u +%Y-%m-%dT%H:%MZ) load_start=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)" \
  >> "$results"

# the machine's limit: a large matrix multiplication on the same cores
java_run "$threads" matmul 2048 5
torch_run "$threads" nchw matmul 2048 5
for s in $sizes; do
  java_run "$threads" flops "$s" "$batch"
  torch_run "$threads" nchw flops "$s" "$batch"
done

# training steps: each Java row, then its PyTorch counterparts (bench/torch_methods.py), back to back
for s in $sizes; do
  for m in $methods; do
    java_run "$threads" train "$m" "$s" "$batch" "$steps" "$warmup"
    torch_run "$threads" nchw train "$s" "$batch" "$torch_steps" "$warmup" "$m"
    torch_run "$threads" channels_last train "$s" "$batch" "$torch_steps" "$warmup" "$m"
  done
done

# prediction: one 256x256 slice at a time, then a whole ACDC test volume
java_run "$threads" predict 256 "$predict_n" 3 # oneDNN kernels: TensorFlow's default, as `predict` and Fiji run
TF_ENABLE_ONEDNN_OPTS=0 java_run "$threads" predict 256 "$predict_n" 3 # TensorFlow's own kernels
torch_run "$threads" nchw predict 256 "$predict_n" 3
torch_run "$threads" channels_last predict 256 "$predict_n" 3
if [ -n "$volume" ]; then
  java_run "$threads" volume "$volume" "$tile" "$out/volume.raw"
  TF_ENABLE_ONEDNN_OPTS=0 java_run "$threads" volume "$volume" "$tile" "$out/volume.raw"
  torch_run "$threads" nchw volume "$out/volume.raw" "$tile"
  torch_run "$threads" channels_last volume "$out/volume.raw" "$tile"
else
  echo "!! no ACDC volume under $acdc/volumes (dataset 'image' of *.h5): the volume row is skipped" >&2
fi

# 1-thread cross-check (less disturbed by other jobs on the cores)
if [ "$cross_check" = 1 ]; then
  java_run 1 train supervised "$small" "$batch" "$steps" "$warmup"
  torch_run 1 nchw train "$small" "$batch" "$torch_steps" "$warmup" supervised
  torch_run 1 channels_last train "$small" "$batch" "$torch_steps" "$warmup" supervised
  java_run 1 predict 256 "$predict_n" 3
  torch_run 1 nchw predict 256 "$predict_n" 3
  torch_run 1 channels_last predict 256 "$predict_n" 3
fi

# start-up: `bin/label-efficient predict` on one small image with a small model (the demo's)
demo="$out/demo"
if [ ! -f "$demo/model/model.json" ]; then
  echo "== demo model for the start-up time" >&2
  bin/label-efficient demo output="$demo" iterations=3 size=64 > "$out/demo.log" 2>&1
fi
image=$(ls "$demo"/data/test/images/* | head -n 1)
for i in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$out/startup.$i" bin/label-efficient predict model="$demo/model" input="$image" \
    output="$out/startup-prediction.nii.gz" > /dev/null 2>> "$out/stderr.log"
  read -r sec kb < "$out/startup.$i"
  echo "RESULT mode=startup run=$i seconds=$sec rss_mb=$((kb / 1024))" | tee -a "$results" >&2
done
echo "RESULT mode=end load_end=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)" >> "$results"
fi # measurements
started=$(get started mode=run)
load_start=$(get load_start mode=run | tr / ' ')
load_end=$(get load_end mode=end | tr / ' ')

# ---- report ----
peak=$(maxof "$(get gflops mode=matmul impl=tensorflow-java)" "$(get gflops mode=matmul impl=pytorch)" \
  "$(get gflops mode=matmul impl=numpy)")
# forward-pass equivalents of a step's convolutions: supervised forward + backward (~2x); mean-teacher, scribsd and
# action (stage iii) add the teacher's inference forward; reciprocal: teacher forward + one backward pass on the
# batch (pseudo and supervised gradients together), student forward + backward on the unlabelled half, and on the
# labelled half after its step (feedback); action also trains its representation head, a 3x3 convolution from the
# 496 concatenated decoder channels to 64 on the 4-pixel grid: 0.4 of a U-Net forward pass, x3 with its backward
xf() { [ "$1" = "-" ] && echo "-" || echo "${1}x"; }
passes() {
  case $1 in supervised) echo 3 ;; mean-teacher | scribsd) echo 4 ;; action) echo 5.2 ;; reciprocal) echo 6 ;; *) echo - ;; esac
}
torch_best() { # key, pattern words...: the smaller of the NCHW and channels_last training rows' values
  minof "$(get "$1" mode=train format=nchw "${@:2}")" "$(get "$1" mode=train format=channels_last "${@:2}")"
}
report="$out/report.md"
torch_version=$([ -n "$python" ] && "$python" -c 'import torch; print(torch.__version__)' || echo "not installed")
{
  echo "<!-- performance:start -->"
  echo "## Performance (issue 6): TensorFlow Java against PyTorch on CPU"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), run $started. Load"
  echo "average $load_start at the start, $load_end at the end (this benchmark alone keeps it near $threads; more"
  echo "means other jobs shared the cores and inflated the absolute times). Each of"
  echo "our rows and its PyTorch counterparts ran back to back in the same invocation: read the ratios. Times are"
  echo "medians of $steps steps (PyTorch: $torch_steps) after $warmup warm-up steps, [first-third quartile], seconds."
  echo "Both sides use $threads intra-op threads and one inter-op thread. Ours: TensorFlow Java 1.1.0, the method's"
  echo "real training graph (built as TrainingGraph builds it, Adam, weight decay 1e-5; the step as Trainer.step runs"
  echo "it, tensors created from Java arrays, loss and terms fetched; data loading excluded), U-Net base 16 (1.81 M"
  echo "parameters), 4 classes. PyTorch: $torch_version (Debian python3-torch; convolutions in oneDNN, the reference"
  echo "BLAS), the same U-Net and supervised loss (\`bench/torch_unet.py\`), run with OMP_WAIT_POLICY=passive (with"
  echo "OpenMP's default spinning, 2 threads on the shared cores were up to 20x slower), in NCHW (a plain script) and"
  echo "channels_last; the ratio is against the faster of the two. Peak RSS: VmHWM of the process (one process per row)."
  echo "Command: \`bench/performance.sh\` (env: THREADS, STEPS, SIZES, METHODS, TILE, DIMENSIONS=2 for these rows"
  echo "alone; raw lines in bench/out/performance/results.txt)."
  echo
  echo "### Training step"
  echo
  echo "| patch, batch | method | ours (s) | PyTorch NCHW (s) | PyTorch channels_last (s) | ours / PyTorch (time: < 1 is faster) | ours / our supervised | conv GFLOP per step | ours GFLOP/s | % of peak | peak RSS ours (MB) | peak RSS PyTorch (MB) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for s in $sizes; do
    sup=$(get median mode=train impl=java method=supervised size="$s" threads="$threads")
    for m in $methods; do
      j="impl=java method=$m size=$s batch=$batch threads=$threads"
      # shellcheck disable=SC2086
      ours=$(get median mode=train $j)
      t="impl=pytorch method=$m size=$s batch=$batch threads=$threads"
      # shellcheck disable=SC2086
      ratio=$(calc '"%.2f", a / b' "$ours" "$(torch_best median $t)")
      # shellcheck disable=SC2086
      rss_t=$(torch_best rss_mb $t)
      gflop=$(calc '"%.0f", a * b' "$(get forward_gflop mode=flops impl=java size="$s" batch="$batch")" "$(passes "$m")")
      # shellcheck disable=SC2086
      pn=$(cell train format=nchw $t)
      # shellcheck disable=SC2086
      pc=$(cell train format=channels_last $t)
      # shellcheck disable=SC2086
      echo "| ${s}x$s, $batch | $m | $(cell train $j) | $pn | $pc | $ratio | $(calc '"%.2f", a / b' "$ours" "$sup") \
| $gflop | $(calc '"%.1f", a / b' "$gflop" "$ours") | $(calc '"%.0f%%", 100 * a / b / c' "$gflop" "$ours" "$peak") \
| $(get rss_mb mode=train $j) | $rss_t |"
    done
  done
  echo
  echo "PyTorch runs each method's step as \`bench/torch_methods.py\` writes it (the same networks, losses, settings"
  echo "and optimiser, in idiomatic PyTorch). conv GFLOP per step: 2 x the multiply-accumulates of the convolutions of one"
  echo "forward pass (counted from the architecture, the same count from PyTorch hooks) x forward-pass equivalents:"
  echo "supervised 3 (forward + backward ~2x), mean-teacher and scribsd 4 (+ the teacher's forward), action 5.2 (+ the"
  echo "representation head: a 3x3 convolution from 496 decoder channels to 64 on the 4-pixel grid, 0.4 forward passes,"
  echo "x3 with its backward), reciprocal 6 (teacher forward and one backward pass on the batch, student forward +"
  echo "backward on the unlabelled half before its step and on the labelled half after it); BN, activations, losses and"
  echo "Adam are left out, so the percentage is a lower bound on the work done."
  echo
  echo "### Prediction"
  echo
  echo "| input | ours, \`predict\` command and Fiji (oneDNN kernels, TF default) | ours, TF's own kernels (TF_ENABLE_ONEDNN_OPTS=0) | PyTorch NCHW | PyTorch channels_last | ours (\`predict\`) / PyTorch (throughput: > 1 is faster) | peak RSS ours / PyTorch (MB) |"
  echo "|---|---|---|---|---|---|---|"
  oj=$(get slices_per_s mode=predict impl=java onednn=0 threads="$threads")
  od=$(get slices_per_s mode=predict impl=java onednn=1 threads="$threads")
  pn=$(get slices_per_s mode=predict impl=pytorch format=nchw threads="$threads")
  pc=$(get slices_per_s mode=predict impl=pytorch format=channels_last threads="$threads")
  echo "| one 256x256 slice per call (SavedModel, softmax, copy back; slices/s) | $od | $oj | $pn | $pc | $(calc \
    '"%.2f", a / b' "$od" "$(maxof "$pn" "$pc")") | $(get rss_mb mode=predict impl=java onednn=1 threads="$threads") \
/ $(minof "$(get rss_mb mode=predict impl=pytorch format=nchw threads="$threads")" "$(get rss_mb mode=predict \
    impl=pytorch format=channels_last threads="$threads")") |"
  if [ -n "$volume" ]; then
    oj=$(get slices_per_s mode=volume impl=java onednn=0)
    od=$(get slices_per_s mode=volume impl=java onednn=1)
    pn=$(get slices_per_s mode=volume impl=pytorch format=nchw)
    pc=$(get slices_per_s mode=volume impl=pytorch format=channels_last)
    echo "| ACDC $(basename "$volume" .h5) ($(get width mode=volume impl=java)x$(get height mode=volume \
      impl=java)x$(get slices mode=volume impl=java); z-score, tiles of $tile with overlap 0.25, $(get tiles_per_slice \
      mode=volume impl=pytorch) per slice, 4 per call, averaged softmax, argmax; slices/s) | $od | $oj | $pn | $pc \
| $(calc '"%.2f", a / b' "$od" "$(maxof "$pn" "$pc")") | $(get rss_mb mode=volume impl=java onednn=1) / $(minof \
      "$(get rss_mb mode=volume impl=pytorch format=nchw)" "$(get rss_mb mode=volume impl=pytorch \
      format=channels_last)") |"
  else
    echo "| ACDC volume | skipped: no $acdc/volumes/*.h5 | | | | | |"
  fi
  echo
  echo "Random He-initialised weights, exported as the \`predict\` command loads them (our side: VolumeSegmenter over"
  echo "the SavedModel, the \`predict\` command's path without file I/O; PyTorch: the same tiling in numpy)."
  echo "\`bin/label-efficient predict\`, Fiji and training run TensorFlow's default oneDNN kernels (training is ~2x"
  echo "slower without them; for inference TensorFlow's own kernels were faster in one run and slower in later ones)."
  echo
  echo "### The machine's limit"
  echo
  echo "Float32 2048x2048 matrix multiplication on the same $threads threads, best of 5 (GFLOP/s): TensorFlow Java"
  echo "MatMul $(get gflops mode=matmul impl=tensorflow-java), PyTorch mm $(get gflops mode=matmul impl=pytorch),"
  echo "numpy $(get gflops mode=matmul impl=numpy) (PyTorch and numpy use Debian's reference BLAS). Peak taken: **$peak"
  echo "GFLOP/s**; the % of peak column above divides a step's conv FLOP/s by it."
  if [ "$cross_check" = 1 ]; then
    echo
    echo "### 1-thread cross-check"
    echo
    o=$(get median mode=train impl=java method=supervised size="$small" threads=1)
    n=$(get median mode=train impl=pytorch method=supervised format=nchw size="$small" threads=1)
    c=$(get median mode=train impl=pytorch method=supervised format=channels_last size="$small" threads=1)
    po=$(get slices_per_s mode=predict impl=java onednn=1 threads=1)
    pn=$(get slices_per_s mode=predict impl=pytorch format=nchw threads=1)
    pc=$(get slices_per_s mode=predict impl=pytorch format=channels_last threads=1)
    echo "| 1 thread each | ours | PyTorch NCHW | PyTorch channels_last | ours / PyTorch (time < 1, throughput > 1: faster) |"
    echo "|---|---|---|---|---|"
    echo "| supervised step ${small}x$small, batch $batch (s) | $o | $n | $c | $(calc '"%.2f", a / b' "$o" "$(minof "$n" "$c")") |"
    echo "| prediction 256x256 (slices/s) | $po | $pn | $pc | $(calc '"%.2f", a / b' "$po" "$(maxof "$pn" "$pc")") |"
  fi
  echo
  echo "### Start-up"
  echo
  echo "\`bin/label-efficient predict\` on one 64x64 synthetic volume with the demo's model (JVM start, TensorFlow's"
  echo "native library, SavedModel load, prediction, NIfTI write), wall time of 3 runs: $(for i in 1 2 3; do get seconds \
    mode=startup run=$i; done | xargs | sed 's/ /, /g') s; peak RSS $(get rss_mb mode=startup run=1) MB."
  echo
  echo "### Targets"
  echo
  big=$(printf '%s\n' $sizes | sort -n | tail -n 1)
  echo "| target | measured | met |"
  echo "|---|---|---|"
  for m in $methods; do
    for s in $sizes; do
      o=$(get median mode=train impl=java method="$m" size="$s" threads="$threads")
      r=$(calc '"%.2f", a / b' "$o" "$(torch_best median impl=pytorch method="$m" size="$s" threads="$threads")")
      echo "| training step <= 1.0x PyTorch ($m, ${s}x$s) | $(xf "$r") | $(met "$r" 'v <= 1.0') |"
    done
  done
  r=$(calc '"%.2f", a / b' "$(get slices_per_s mode=predict impl=java onednn=1 threads="$threads")" "$(maxof "$(get \
    slices_per_s mode=predict impl=pytorch format=nchw threads="$threads")" "$(get slices_per_s mode=predict \
    impl=pytorch format=channels_last threads="$threads")")")
  echo "| prediction throughput >= 1.0x PyTorch (256x256 slices) | $(xf "$r") | $(met "$r" 'v >= 1.0') |"
  r=$(calc '"%.2f", a / b' "$(get slices_per_s mode=volume impl=java onednn=1)" "$(maxof "$(get slices_per_s mode=volume \
    impl=pytorch format=nchw)" "$(get slices_per_s mode=volume impl=pytorch format=channels_last)")")
  echo "| prediction throughput >= 1.0x PyTorch (ACDC volume) | $(xf "$r") | $(met "$r" 'v >= 1.0') |"
  for m in $methods; do
    [ "$(get unavailable mode=train impl=java method="$m" size="$big")" = "-" ] || continue
    r=$(get rss_mb mode=train impl=java method="$m" size="$big" threads="$threads")
    echo "| training ${big}x$big batch $batch below 2 GB RSS ($m) | $r MB | $(met "$r" 'v < 2048') |"
  done
  for m in $methods; do
    [ "$m" = supervised ] && continue
    [ "$(get unavailable mode=train impl=java method="$m" size="$big")" = "-" ] || continue
    for s in $sizes; do
      r=$(calc '"%.2f", a / b' "$(get median mode=train impl=java method="$m" size="$s" threads="$threads")" \
        "$(get median mode=train impl=java method=supervised size="$s" threads="$threads")")
      echo "| teacher-student <= 1.5x supervised per step ($m, ${s}x$s) | $(xf "$r") | $(met "$r" 'v <= 1.5') |"
    done
  done
  # the 3D subsection as BENCHMARKS.md holds it (rewritten below when DIMENSIONS holds 3)
  section_block "$root/BENCHMARKS.md" performance-3d
  echo "<!-- performance:end -->"
} > "$report"

write_section "$root/BENCHMARKS.md" performance "$report"
cat "$report"
fi # 2D

if has_dimension 3; then
  # shellcheck source=bench/performance3d.sh
  source "$root/bench/performance3d.sh"
fi

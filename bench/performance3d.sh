# Sourced by bench/performance.sh when DIMENSIONS holds 3 (issue 18): the 3D U-Net's supervised training step and
# sliding-window prediction of a whole LA volume against the same network in PyTorch (bench/torch_unet3d.py), in the
# same invocation, then the peak resident memory of the product's own `train` and `predict` commands on LA with the
# benchmark's 3D settings, against the targets (training below 4 GB, prediction of a whole volume below 2 GB).
#   env: SIZE3D=48 BATCH3D=2 BASE3D=8 CLASSES3D=2 (the LA benchmark's patch_size, batch_size, base_channels, classes)
#        STEPS3D=<default STEPS> WINDOW3D=<default SIZE3D> LA=<folder> LA_ITERATIONS=20
#        LA_METHODS="supervised reciprocal" (methods of the memory runs; empty: none)
# Raw lines in bench/out/performance/results-3d.txt (kept apart from the 2D results.txt, so that each part can be rerun
# alone); rebuilds the subsection between the performance-3d markers, inside the performance section of BENCHMARKS.md.
size3=${SIZE3D:-48}
batch3=${BATCH3D:-2}
base3=${BASE3D:-8}
classes3=${CLASSES3D:-2}
steps3=${STEPS3D:-$steps}
window3=${WINDOW3D:-$size3}
la="${LA:-$root/../shared/datasets/la}"
la_iterations=${LA_ITERATIONS:-20}
la_methods=${LA_METHODS-supervised reciprocal}
la_size=44x80x107 # the largest LA volume (z, y, x) at the folder's 1.25 mm: the stand-in when the folder is absent
results="$out/results-3d.txt"
errlog="$out/stderr-3d.log"
torch_script=bench/torch_unet3d.py
runs="$out/la3d"

la_volume=""
if [ -f "$la/test_patients.txt" ] && [ -f "$la/volumes/$(head -n 1 "$la/test_patients.txt").h5" ]; then
  la_volume="$la/volumes/$(head -n 1 "$la/test_patients.txt").h5"
fi

# peak RSS (MB) and seconds of a product command: memory_run <name> <bin/label-efficient arguments...>
memory_run() {
  local name=$1
  shift
  echo "== bin/label-efficient $*" >&2
  if /usr/bin/time -f "%e %M" -o "$runs/$name.time" bin/label-efficient "$@" > "$runs/$name.log" 2>&1; then
    read -r sec kb < "$runs/$name.time"
    echo "RESULT mode=memory run=$name seconds=$sec rss_mb=$((kb / 1024))" | tee -a "$results" >&2
  else
    echo "!! bin/label-efficient $1 failed, see $runs/$name.log" >&2
  fi
}

if [ "$report_only" != 1 ]; then
  : > "$results"
  : > "$errlog"
  echo "RESULT mode=run3d started=$(date -u +%Y-%m-%dT%H:%MZ) load_start=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)" \
    >> "$results"
  java_run "$threads" train3d "$size3" "$batch3" "$base3" "$classes3" "$steps3" "$warmup"
  torch_run "$threads" nchw train "$size3" "$batch3" "$base3" "$classes3" "${TORCH_STEPS:-$steps3}" "$warmup"
  torch_run "$threads" channels_last train "$size3" "$batch3" "$base3" "$classes3" "${TORCH_STEPS:-$steps3}" "$warmup"
  torch_run "$threads" nchw flops "$size3" "$batch3" "$base3" "$classes3"
  java_run "$threads" volume3d "${la_volume:-$la_size}" "$window3" "$base3" "$classes3" "$out/volume3d.raw"
  for per_call in 1 2; do # ours: one window per call; PyTorch also with two (its batch-1 3D convolutions are slow)
    torch_run "$threads" nchw volume "$out/volume3d.raw" "$window3" "$base3" "$classes3" "$per_call"
    torch_run "$threads" channels_last volume "$out/volume3d.raw" "$window3" "$base3" "$classes3" "$per_call"
  done
  if [ -n "$la_volume" ] && [ -n "$la_methods" ]; then
    # the LA benchmark's data layout (bench/la-3d.sh): 76 training volumes, 8 labelled, the last 4 for validation
    la_layout "$la" "$runs/data"
    for m in $la_methods; do
      rm -rf "$runs/$m"
      memory_run "train-$m" train dataset="$runs/data" labelled_patients=8 output="$runs/$m" method="$m" dimensions=3 \
        patch_size="$size3" batch_size="$batch3" base_channels="$base3" iterations="$la_iterations" \
        validation_interval="$la_iterations" log_interval="$la_iterations"
    done
    first=$(printf '%s\n' $la_methods | head -n 1)
    [ ! -d "$runs/$first" ] || memory_run predict predict model="$runs/$first" input="$la_volume" \
      output="$runs/prediction.nii.gz"
  else
    echo "!! no LA volume under $la/volumes (or LA_METHODS empty): the train/predict memory runs are skipped" >&2
  fi
  echo "RESULT mode=end3d load_end=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)" >> "$results"
fi

# parameter counts: the two networks must be the same
params_java=$(get params mode=train3d impl=java)
params_torch=$(get params mode=train3d impl=pytorch format=nchw)
if [ "$params_java" = "-" ] || [ "$params_torch" = "-" ]; then
  echo "!! parameter counts not compared: ours $params_java, PyTorch's $params_torch (a row is missing)" >&2
elif [ "$params_java" != "$params_torch" ]; then
  echo "!! the 3D U-Nets differ: $params_java parameters in ours, $params_torch in bench/torch_unet3d.py" >&2
  exit 1
else
  echo "== the 3D U-Nets have the same parameter count: $params_java" >&2
fi

# ---- 3D report ----
j3="impl=java size=$size3 batch=$batch3 base=$base3 classes=$classes3 threads=$threads"
t3="impl=pytorch size=$size3 batch=$batch3 base=$base3 classes=$classes3 threads=$threads"
# shellcheck disable=SC2086
ours3=$(get median mode=train3d $j3)
# shellcheck disable=SC2086
torch3=$(minof "$(get median mode=train3d format=nchw $t3)" "$(get median mode=train3d format=channels_last $t3)")
gflop3=$(calc '"%.1f", 3 * a' "$(get forward_gflop mode=flops3d size="$size3" batch="$batch3" base="$base3")")
vj=$(get median mode=volume3d impl=java window="$window3")
vname=$([ -n "$la_volume" ] && echo "LA $(basename "$la_volume" .h5)" || echo "synthetic volume of LA's size")
report3="$out/report-3d.md"
{
  echo "<!-- performance-3d:start -->"
  echo "### 3D U-Net (issue 18): training step and whole-volume prediction against PyTorch"
  echo
  echo "Run $(get started mode=run3d), the 3D part alone (\`DIMENSIONS=3\`; the 2D rows above come from their own run"
  echo "and were kept as they were). Load average $(get load_start mode=run3d | tr / ' ') at the start,"
  echo "$(get load_end mode=end3d | tr / ' ') at the end on these $(nproc) cores: other jobs (long LA and ACDC trainings)"
  echo "shared them, so the absolute times are inflated; each of our rows and its PyTorch counterparts ran back to back"
  echo "(read the ratios). Both sides: $threads intra-op threads, one inter-op thread; medians of $steps3 steps after"
  echo "$warmup warm-up steps (volumes: of 3 runs after one), [first-third quartile], seconds. The network is our 3D"
  echo "U-Net as the LA benchmark trains it (\`dimensions=3 patch_size=$size3 batch_size=$batch3 base_channels=$base3\`,"
  echo "$classes3 classes; channels $base3 to $((base3 * 16)), 3x3x3 convolutions, batch norm, LeakyReLU, dropout 0.5 on"
  echo "the two coarsest levels, every axis pooled by 2 at each of the 4 steps as \`UNetConfig.poolingFor\` plans LA's"
  echo "isotropic voxels, nearest up-sampling and 1x1x1 convolution, concatenation): **$params_java parameters ours,"
  echo "$params_torch in PyTorch** (\`bench/torch_unet3d.py\`, the same design in NCDHW; the script stops when the counts"
  echo "differ). Ours: the \`supervised\` method's real 3D training graph (0.5 CE + 0.5 Dice, Adam, weight decay 1e-5;"
  echo "the step as Trainer.step runs it; data loading excluded) and, for prediction, a SavedModel exported as"
  echo "training exports it, run by \`SlidingWindowSegmenter\` as the \`predict\` command runs a 3D model; PyTorch: the"
  echo "same loss and optimiser, and the same sliding windows in numpy (one or two windows per call, Gaussian weights), in"
  echo "NCDHW and channels_last_3d, the ratio against the faster. Peak RSS: VmHWM of the process (one per row; the"
  echo "prediction rows include exporting the model)."
  echo
  echo "| row | ours (s) | PyTorch NCDHW (s) | PyTorch channels_last_3d (s) | ours / PyTorch (time: < 1 is faster) | conv GFLOP | ours GFLOP/s | peak RSS ours / PyTorch (MB) |"
  echo "|---|---|---|---|---|---|---|---|"
  # shellcheck disable=SC2086
  echo "| supervised training step, ${size3}^3 patch, batch $batch3 | $(cell train3d $j3) | $(cell train3d format=nchw \
$t3) | $(cell train3d format=channels_last $t3) | $(calc '"%.2f", a / b' "$ours3" "$torch3") | $gflop3 | $(calc \
    '"%.1f", a / b' "$gflop3" "$ours3") | $(get rss_mb mode=train3d $j3) / $(minof "$(get rss_mb mode=train3d \
    format=nchw $t3)" "$(get rss_mb mode=train3d format=channels_last $t3)") |"
  for per_call in 1 2; do
    v="impl=pytorch window=$window3 per_call=$per_call"
    # shellcheck disable=SC2086
    vt=$(minof "$(get median mode=volume3d format=nchw $v)" "$(get median mode=volume3d format=channels_last $v)")
    [ "$per_call" = 1 ] && how="one window per call, both" || how="PyTorch with 2 windows per call (ours: one)"
    # shellcheck disable=SC2086
    echo "| whole $vname ($(get depth mode=volume3d impl=java)x$(get height mode=volume3d impl=java)x$(get width \
      mode=volume3d impl=java) voxels, z-score; $(get windows mode=volume3d impl=pytorch) windows of ${window3}^3, \
overlap 0.25; $how; seconds per volume) | $(cell volume3d impl=java window="$window3") | $(cell volume3d format=nchw \
      $v) | $(cell volume3d format=channels_last $v) | $(calc '"%.2f", a / b' "$vj" "$vt") | | | $(get rss_mb \
      mode=volume3d impl=java) / $(minof "$(get rss_mb mode=volume3d format=nchw $v)" "$(get rss_mb mode=volume3d \
      format=channels_last $v)") |"
  done
  echo
  echo "conv GFLOP per step: 3 x the multiply-accumulates (x2) of one forward pass's convolutions, counted by PyTorch"
  echo "hooks on the same network (forward + backward ~2x); BN, activations, loss and Adam left out. Prediction with one"
  echo "window per call is what ours does (and MONAI's \`sliding_window_inference\` by default, sw_batch_size=1), but"
  echo "PyTorch 1.13 runs the 3D convolutions of a batch of one on its im2col kernel (\`slow_conv3d\`: 97% of a batch-1"
  echo "forward pass in PyTorch's profiler on this machine) instead of oneDNN unless batch x channels x depth x height"
  echo "exceeds 20480, so the second row gives it two windows per call: that row compares the frameworks' kernels (ours"
  echo "does not gain from it: a throw-away check, not kept, timed our SavedModel at 0.08 s per window with one or"
  echo "two windows per call, at a load average near 5)."
  echo
  echo "**Memory of the product's own commands** on LA (\`/usr/bin/time\`'s maximum resident size of the whole process,"
  echo "data, validation and export included): \`bin/label-efficient train\` on the LA benchmark's layout"
  echo "(\`bench/la-3d.sh\`: 76 training volumes, 8 labelled, 4 for validation) with"
  echo "\`dimensions=3 patch_size=$size3 batch_size=$batch3 base_channels=$base3 labelled_patients=8 iterations=$la_iterations"
  echo "validation_interval=$la_iterations\` for each of $(echo $la_methods | sed "s/ /, /g") (a short run, but with everything a long one"
  echo "allocates: the graph, the data, a batch, the end-of-run validation on whole volumes and the export; the JVM's"
  echo "heap may still grow a little over a long run; \`reciprocal\` spends the first half of its iterations in its teacher"
  echo "pre-training phase, the second in the reciprocal phase), then \`bin/label-efficient predict\` of the same whole volume"
  echo "with the first model. Command of this subsection: \`DIMENSIONS=3 THREADS=$threads STEPS3D=$steps3 WARMUP=$warmup"
  echo "SIZE3D=$size3 BATCH3D=$batch3 BASE3D=$base3 CLASSES3D=$classes3 WINDOW3D=$window3 LA_ITERATIONS=$la_iterations"
  echo "LA_METHODS=\"$la_methods\" bench/performance.sh\` (raw lines in bench/out/performance/results-3d.txt)."
  echo
  echo "| target | measured | met |"
  echo "|---|---|---|"
  # shellcheck disable=SC2086
  r=$(get rss_mb mode=train3d $j3)
  echo "| 3D training (${size3}^3, batch $batch3) below 4 GB RSS: the training-step row's process (graph and one batch, no data) | $r MB | $(met "$r" 'v < 4096') |"
  for m in $la_methods; do
    r=$(get rss_mb mode=memory run="train-$m")
    [ "$r" = "-" ] && continue
    echo "| 3D training (${size3}^3, batch $batch3) below 4 GB RSS: \`train method=$m\` on LA, $(get seconds \
mode=memory run="train-$m") s for $la_iterations iterations | $r MB | $(met "$r" 'v < 4096') |"
  done
  r=$(get rss_mb mode=volume3d impl=java)
  echo "| prediction of a whole LA-sized volume below 2 GB RSS: the prediction row's process | $r MB | $(met "$r" 'v < 2048') |"
  r=$(get rss_mb mode=memory run=predict)
  [ "$r" = "-" ] || echo "| prediction of a whole LA volume below 2 GB RSS: \`predict\` command, $(get seconds \
mode=memory run=predict) s | $r MB | $(met "$r" 'v < 2048') |"
  echo "<!-- performance-3d:end -->"
} > "$report3"
write_subsection "$root/BENCHMARKS.md" performance performance-3d "$report3"
cat "$report3"

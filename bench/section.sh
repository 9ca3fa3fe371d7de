# Sourced by the bench scripts: BENCHMARKS.md's sections, and the run layouts the scripts share.

# write_section <BENCHMARKS.md> <section> <report file>: replaces the lines between
# <!-- section:start --> and <!-- section:end --> with the report (which carries both markers), or appends the report
# when the section is new; creates the file with its heading when missing.
write_section() {
  local bench_md=$1 section=$2 report=$3
  [ -f "$bench_md" ] || printf '# Benchmarks\n\nNumbers measured by the scripts in `bench/`; each section names its command.\n\n' > "$bench_md"
  if grep -q "$section:start" "$bench_md"; then
    awk -v r="$report" -v s="$section:start" -v e="$section:end" '
      index($0, s) { while ((getline line < r) > 0) print line; skip = 1; next }
      index($0, e) { skip = 0; next }
      !skip { print }' "$bench_md" > "$bench_md.tmp"
  else
    cat "$bench_md" "$report" > "$bench_md.tmp"
  fi
  mv "$bench_md.tmp" "$bench_md"
}

# section_rows <BENCHMARKS.md> <section>: the table rows (no header, no rule) between the section's markers; nothing
# when the file is missing.
section_rows() {
  awk -v s="$2:start" -v e="$2:end" 'index($0, s) { f = 1 } index($0, e) { f = 0 }
    f && /^\| / && !/^\| method / && !/^\|---/' "$1" 2> /dev/null
}

# section_block <BENCHMARKS.md> <section>: the section's lines, both markers included; nothing when it is absent.
section_block() {
  awk -v s="$2:start" -v e="$2:end" 'index($0, s) { f = 1 } f { print } index($0, e) { f = 0 }' "$1" 2> /dev/null || true
}

# write_subsection <BENCHMARKS.md> <parent section> <section> <report file>: as write_section, but a new section goes
# just before the parent section's end marker (so that it belongs to the parent), or at the end without a parent.
write_subsection() {
  local bench_md=$1 parent=$2 section=$3 report=$4
  if grep -q "$section:start" "$bench_md" 2> /dev/null || ! grep -q "$parent:end" "$bench_md" 2> /dev/null; then
    write_section "$bench_md" "$section" "$report"
    return
  fi
  awk -v r="$report" -v e="$parent:end" '
    index($0, e) && !done { while ((getline line < r) > 0) print line; done = 1 }
    { print }' "$bench_md" > "$bench_md.tmp"
  mv "$bench_md.tmp" "$bench_md"
}

# la_layout <LA folder> <data folder>: the LA benchmark's training dataset: the first 76 IDs of train_patients.txt to
# train on, the last 4 to validate on, the volumes linked in place (never copied).
la_layout() {
  mkdir -p "$2"
  ln -sfn "$1/volumes" "$2/volumes"
  head -n 76 "$1/train_patients.txt" > "$2/train_patients.txt"
  tail -n 4 "$1/train_patients.txt" > "$2/val_patients.txt"
}

# kept_run <run folder> <name>: where a training writes its model and log, and whether it continues; sets run_model,
# run_log and run_resume. Without RUNS: <run folder>/model and <run folder>/train.log. With RUNS=<folder outside the
# repository> (long runs): <RUNS>/<name>/model and train.log, linked from the run folder and kept; run_resume is
# resume=true once the model holds a checkpoint, so a run stopped part-way continues when its command is given again.
kept_run() {
  run_model="$1/model"
  run_log="$1/train.log"
  run_resume=""
  [ -n "${RUNS:-}" ] || return 0
  run_model="$RUNS/$2/model"
  run_log="$RUNS/$2/train.log" # appended to by every part of the run
  mkdir -p "$RUNS/$2"
  if [ -f "$run_model/checkpoint/state.json" ]; then run_resume="resume=true"; fi
  ln -sfn "$run_model" "$1/model"
  ln -sfn "$run_log" "$1/train.log"
}

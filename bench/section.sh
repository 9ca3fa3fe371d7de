# Sourced by the bench scripts. write_section <BENCHMARKS.md> <section> <report file>: replaces the lines between
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

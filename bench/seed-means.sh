#!/usr/bin/env bash
# Mean and standard deviation over training seeds of the ACDC rows that bench/acdc-methods.sh wrote: for each method
# <m>, the rows named <m> (seed 1) and <m>-seed<N>, with and without the largest component. Reads the rows from
# BENCHMARKS.md (so it runs on a fresh clone) and writes the section <SECTION>-seeds there.
# Usage: SECTION=acdc-scribbles METHODS="scribsd pce dmpls em" bench/seed-means.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
section=${SECTION:-acdc-scribbles}
methods=${METHODS:?METHODS names the methods to summarise, e.g. METHODS=\"scribsd pce\"}
out="$root/bench/out/$section"
mkdir -p "$out"
report="$out/seeds.md"
# shellcheck source=bench/section.sh
source "$root/bench/section.sh"

# summary <method>: one table row; seeds in the order of their names, seed 1 first
summary() {
  section_rows "$root/BENCHMARKS.md" "$section" | awk -F'|' -v m="$1" '
    function trim(x) { gsub(/^ +| +$|\*/, "", x); return x }
    function seed(name, base) { return name == base ? 1 : substr(name, length(base) + 6) + 0 }
    function stats(v, n,   i, s, q, mean) {
      for (i = 1; i <= n; i++) s += v[i]
      mean = s / n
      for (i = 1; i <= n; i++) q += (v[i] - mean) ^ 2
      return n > 1 ? sprintf("**%.4f** ± %.4f", mean, sqrt(q / (n - 1))) : sprintf("**%.4f**", mean)
    }
    {
      name = trim($2); lcc = sub(/ \+ largest component$/, "", name)
      if (name !~ ("^" m "(-seed[0-9]+)?$")) next
      k = seed(name, m); key = (lcc ? "c" : "d") SUBSEP k
      dice[key] = trim($9); hd[key] = trim($13); asd[key] = trim($14)
    }
    # cells <kind>: per-seed Dice, their mean ± sd, mean HD95, mean ASD of the rows of that kind (d plain, c largest
    # component)
    function cells(kind,   i, v, list, h, a) {
      for (i = 1; i <= n; i++) {
        v[i] = dice[kind, s[i]]; list = list (i > 1 ? ", " : "") v[i]; h += hd[kind, s[i]]; a += asd[kind, s[i]]
      }
      return sprintf("%s | %s | %.2f | %.2f", list, stats(v, n), h / n, a / n)
    }
    END {
      n = 0
      for (k = 1; k <= 99; k++)
        if (("d", k) in dice && ("c", k) in dice) { s[++n] = k; seeds = seeds (n > 1 ? ", " : "") k }
      if (n == 0) { print "no rows for " m > "/dev/stderr"; exit 1 }
      printf "| %s | %s | %s | %s |\n", m, seeds, cells("d"), cells("c")
    }'
}

{
  echo "<!-- $section-seeds:start -->"
  echo "### ACDC ($section): over training seeds"
  echo
  echo "Mean Dice (mean of RV, Myo, LV) of the rows above per training seed, their mean and sample standard deviation,"
  echo "and the mean over seeds of the rows' mean HD95 and mean ASD; without post-processing, then with the largest"
  echo "component of each class kept."
  echo "Command: \`SECTION=$section METHODS=\"$methods\" bench/seed-means.sh\` (after one"
  echo "\`SEED=<N> TAG=-seed<N> SECTION=$section METHODS=<m> bench/acdc-methods.sh\` per further seed)."
  echo
  echo -n "| method | seeds | mean Dice per seed | mean ± sd | HD95 | ASD "
  echo "| largest component: mean Dice per seed | mean ± sd | HD95 | ASD |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for m in $methods; do summary "$m"; done
  echo "<!-- $section-seeds:end -->"
} > "$report"

write_section "$root/BENCHMARKS.md" "$section-seeds" "$report"
cat "$report"

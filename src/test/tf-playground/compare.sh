#!/usr/bin/env bash
# Our engine against TF Playground's, in the same run: for each workload, `bench --only W` (its own JVM)
# and TF Playground's nn.js under Node, one after the other, ROUNDS times; prints each pair and the
# medians' ratio. The issue-17 bar: W1-W3 at 20x or more. Run from the project root after `mvn package`.
# usage: src/test/tf-playground/compare.sh [ROUNDS] [SECONDS a bench round, as bench --seconds]
set -euo pipefail
rounds=${1:-3}
seconds=${2:-1}
here=$(dirname "$0")
jar=target/backprop-playground.jar
[ -f "$jar" ] || { echo "no $jar: run mvn -B -q -DskipTests package first" >&2; exit 2; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for w in W1 W2 W3; do
  ours=() tf=()
  for ((r = 1; r <= rounds; r++)); do
    o=$(java -jar "$jar" bench --only "$w" --seconds "$seconds" 2>/dev/null |
      awk -v w="$w" '$1 == w {print $4}')
    t=$(node "$here/bench.cjs" "$w" "$seconds" | awk '{print $3}')
    echo "$w round $r: ours $o, TF Playground $t epochs/s ($(awk -v o="$o" -v t="$t" 'BEGIN {printf "%.1f", o / t}')x)"
    ours+=("$o") tf+=("$t")
  done
  mo=$(printf '%s\n' "${ours[@]}" | median)
  mt=$(printf '%s\n' "${tf[@]}" | median)
  echo "$w median: ours $mo, TF Playground $mt: $(awk -v o="$mo" -v t="$mt" 'BEGIN {printf "%.1f", o / t}')x"
done

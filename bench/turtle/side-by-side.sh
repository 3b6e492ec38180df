#!/usr/bin/env bash
# Alternates `kg parse FILE --to turtle` (a whole process, as ../shared/bench/run.sh times it) with Oxigraph's
# in-process store → Turtle dump (../shared/bench/peers/node_bench.js, the figure run.sh reports), ROUNDS times, and
# prints each round's wall times, kg's CPU seconds and the speed ratio, with the load average: on a shared machine
# only ratios taken side by side mean anything.
# Usage: bench/turtle/side-by-side.sh FILE.nt [ROUNDS] [KG_DLL]   (BENCH_NODE_MODULES: where oxigraph is installed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$(cd "$root/../shared" && pwd)"
file="$1"; rounds="${2:-3}"; dll="${3:-$root/.build/cli/kg.dll}"
[[ -n "${3:-}" ]] || "$root/kg" --help > /dev/null
export BENCH_NODE_MODULES="${BENCH_NODE_MODULES:-$root/bench/work/node_modules}"
triples=$(grep -c . "$file" || true)
for ((r = 1; r <= rounds; r++)); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  t=$( { /usr/bin/time -f '%e %U %S' dotnet "$dll" parse "$file" --format ntriples --to turtle > /dev/null; } 2>&1 | tail -1)
  read -r kwall kuser ksys <<< "$t"
  ox=$(node --expose-gc --max-old-space-size=16384 "$shared/bench/peers/node_bench.js" serialize oxigraph "$file" 1 \
    | awk -F'\t' '$1 == "RESULT" && $2 == "serialize-ttl" { print $4 }')
  awk -v r="$r" -v l="$load" -v kw="$kwall" -v ku="$kuser" -v ks="$ksys" -v ox="$ox" -v n="$triples" 'BEGIN {
    printf "round %d (load %s): kg %.2f s wall (%.2f CPU-s, %.0fk triples/s), Oxigraph %.2f s (%.0fk/s): kg at %.2fx Oxigraph'"'"'s speed\n",
      r, l, kw, ku + ks, n / kw / 1000, ox, n / ox / 1000, ox / kw }'
done

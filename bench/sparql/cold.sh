#!/usr/bin/env bash
# Each query in a fresh process, as bench/run.sh runs `kg query`: the first run is the cold figure (start-up of the
# query code included). Built ReadyToRun like ./kg. Usage: bench/sparql/cold.sh DATA.nt [QUERY.rq...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/bench/work/sparqlbench"
data="$1"; shift
[[ $# -gt 0 ]] || set -- "$root"/../shared/bench/queries/q*.rq
rid="$(dotnet --info 2>/dev/null | awk '$1 == "RID:" { print $2; exit }')"
dotnet publish "$root/bench/sparql" -c Release -r "${rid:-linux-x64}" --self-contained false -p:PublishReadyToRun=true \
  -o "$out" -v q -nologo >/dev/null
for q in "$@"; do
  dotnet "$out/SparqlBench.dll" "$data" --reps "${REPS:-3}" "$q" | sed -n "2,3p" | grep -v "^geomean"
done

#!/usr/bin/env bash
# Load benchmark of `kg serve` (issue 5, item 5): 32 concurrent clients for 30 s of mixed queries
# (../shared/bench/queries/q*.rq) over the shared benchmark data, on loopback. Prints requests/s,
# p50/p99 latency and errors (target: zero). Not a test; results go to bench/server/work/ (git-ignored).
#   bench/server/run.sh [--triples 100000] [--clients 32] [--seconds 30]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="$root/../shared/bench"
triples=100000 clients=32 seconds=30
while [ $# -gt 0 ]; do
  case "$1" in
    --triples) triples=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -d "$shared" ] || { echo "bench/server: $shared is missing" >&2; exit 2; }
work="$here/work"
mkdir -p "$work"
data="$work/data-$triples.nt"
[ -f "$data" ] || python3 "$shared/gen/gen_news_kg.py" --triples "$triples" --seed 42 --nt "$data"

"$root/kg" --version >/dev/null   # builds the CLI (Release) if needed
log="$work/server.log"
dotnet "$root/.build/cli/kg.dll" serve --data "$data" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "listening on" "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
url="$(sed -nE 's/.*listening on (http:[^ ]+) .*/\1/p' "$log")"
[ -n "$url" ] || { echo "bench/server: the server did not start" >&2; cat "$log" >&2; exit 1; }
echo "server: $(head -1 "$log")"
out="$work/result-$triples-$(date -u +%Y%m%dT%H%M%SZ).tsv"
set +e
dotnet run "$here/LoadBench.cs" -- --endpoint "${url}sparql" --clients "$clients" --seconds "$seconds" "$shared"/queries/q*.rq | tee "$out"
rc=${PIPESTATUS[0]}
set -e
echo "saved $out"
exit "$rc"

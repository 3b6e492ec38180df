#!/usr/bin/env bash
# Benchmark of kg convert: 10,000 generated articles, end to end (read JSON Lines, extract, write TriG).
# Run from the repository root: bench/news/run.sh [N]
set -euo pipefail
n=${1:-10000}
mkdir -p bench/work
python3 bench/news/gen.py ../shared/corpus/dev "$n" > bench/work/corpus.jsonl
./kg --version >/dev/null   # build first, outside the measurement
bytes=$(stat -c %s bench/work/corpus.jsonl)
# The machine is shared: the load average says how much of the wall time is other people's work.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
KG_BENCH=1 ./kg convert bench/work/corpus.jsonl --out bench/work/out.trig
end=$(date +%s.%N)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$start" "$end" "$n" "$bytes" <<'PY'
import sys
s, e, n, b = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
t = e - s
print(f"articles: {n}  input: {b/1e6:.1f} MB  wall: {t:.2f} s  ->  {n/t:.0f} articles/s, {b/1e6/t:.2f} MB/s")
PY

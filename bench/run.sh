#!/usr/bin/env bash
# Runs the shared side-by-side benchmark (../shared/bench/run.sh) with kg as the project under test.
# Usage: bench/run.sh [--size 100k|1m|5m] [other run.sh options]
# Peers it compares with: serdi, rapper (Debian serdi, raptor2-utils), Apache Jena (libapache-jena-java),
# N3.js and Oxigraph (npm, installed into bench/work by run.sh), with hyperfine and GNU time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$root/../shared" && pwd)"
"$root/kg" --help >/dev/null            # build once, outside the timings
export KG_BENCH=1                        # kg then prints its in-process times (bench: seconds=...), which the report prefers
exec "$shared/bench/run.sh" --work "$root/bench/work" --project "dotnet $root/.build/cli/kg.dll" "$@"

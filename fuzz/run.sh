#!/usr/bin/env bash
# Fuzzes kg's parsers with AFL++ through SharpFuzz: one target per input language (see docs/fuzzing.md).
#
#   fuzz/run.sh --smoke [TARGET...]          bounded run for CI: a few thousand inputs a target, 2 targets at a time
#   fuzz/run.sh --long [SECONDS] [TARGET...] SECONDS (default 3600) a target, more seeds, findings kept
#   fuzz/run.sh --selftest                   shows the pipeline reports an exception, a stack overflow and a hang
#   fuzz/run.sh --replay TARGET FILE|DIR...  runs inputs without AFL (uninstrumented build) and prints exceptions
#
# Prints one line per target, "PASS|FAIL TARGET execs=N crashes=N hangs=N", writes the same table to
# fuzz/.work/results-MODE.tsv, and exits non-zero when any target failed. A missing afl-fuzz fails every target.
# Seeds are made at run time from ../shared/w3c and ../shared/corpus (never copied into the repo) plus fuzz/seeds/.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
shared="$(cd "$root/.." && pwd)/shared"
build="$here/.build"
work="$here/.work"
targets_all=(ntriples nquads turtle trig jsonld rdfxml sparql-query sparql-update results-json results-xml news)

mode="${1:-}"
[ $# -gt 0 ] && shift
seconds=3600
case "$mode" in
  --smoke) ;;
  --long) if [[ "${1:-}" =~ ^[0-9]+$ ]]; then seconds="$1"; shift; fi ;;
  --selftest|--replay) ;;
  *) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${targets_all[@]}")
[ "$mode" = --selftest ] && targets=(selftest-exception selftest-stackoverflow selftest-hang)

# Every target fails, with the reason, when the run cannot even start: never a silent skip.
fail_all() {
  echo "fuzz: $1" >&2
  for t in "${targets[@]}"; do echo "FAIL $t execs=0 crashes=0 hangs=0 ($1)"; done
  exit 1
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build_harness() {
  mkdir -p "$build"
  local log="$build/build.log"
  # Plain build: replaying inputs. Instrumented copy: AFL (instrumented code cannot run without AFL's shared memory).
  if ! dotnet publish "$here/Graph.Fuzz" -c Release -o "$build/plain" -nologo >"$log" 2>&1; then
    tail -20 "$log" >&2; return 1
  fi
  [ "$mode" = --replay ] && return 0
  local sharpfuzz="$build/tools/sharpfuzz"
  if [ ! -x "$sharpfuzz" ]; then
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$build/tools" >>"$log" 2>&1 || { tail -5 "$log" >&2; return 1; }
  fi
  rm -rf "$build/afl" && cp -r "$build/plain" "$build/afl"
  for dll in Graph.Rdf Graph.Formats Graph.Store Graph.Sparql Graph.News; do
    "$sharpfuzz" "$build/afl/$dll.dll" >>"$log" 2>&1 || { echo "sharpfuzz failed on $dll.dll" >&2; tail -5 "$log" >&2; return 1; }
  done
}

if [ "$mode" = --replay ]; then
  [ ${#targets[@]} -ge 2 ] || { echo "usage: fuzz/run.sh --replay TARGET FILE|DIR..." >&2; exit 2; }
  build_harness || exit 1
  exec "$build/plain/Graph.Fuzz" replay "${targets[@]}"
fi

command -v afl-fuzz >/dev/null 2>&1 || fail_all "afl-fuzz not found: install AFL++ (Debian package afl++: apt-get install afl++)"
[ -d "$shared/w3c" ] || fail_all "$shared/w3c is missing: the seeds come from ../shared"
build_harness || fail_all "building or instrumenting the harness failed (see $build/build.log)"

# --- seeds -----------------------------------------------------------------------------------------------
if [ "$mode" = --long ]; then max_seeds=400; max_bytes=65536; news_bytes=4096; else max_seeds=40; max_bytes=4096; news_bytes=1024; fi

# Files of the target's language from the shared suites, smallest first (cheap to mutate), at most max_seeds,
# taken evenly across the sorted list so every suite folder is represented.
shared_files() {
  case "$1" in
    ntriples) find "$shared/w3c" -name '*.nt' ;;
    nquads) find "$shared/w3c" -name '*.nq' ;;
    turtle) find "$shared/w3c/rdf11/rdf-turtle" "$shared/w3c/rdf12/rdf-turtle" "$shared/w3c/sparql11" -name '*.ttl' ;;
    trig) find "$shared/w3c" -name '*.trig' ;;
    jsonld) find "$shared/w3c/json-ld/toRdf" "$shared/w3c/json-ld/expand" -name '*-in.jsonld' ;;
    rdfxml) find "$shared/w3c" -name '*.rdf' ;;
    sparql-query) find "$shared/w3c" -name '*.rq' ;;
    sparql-update) find "$shared/w3c" -name '*.ru' ;;
    results-json) find "$shared/w3c" -name '*.srj' ;;
    results-xml) find "$shared/w3c" -name '*.srx' ;;
    news) find "$shared/corpus" -name '*.txt' ;;
    selftest-*) ;;
  esac
}

make_seeds() {
  local t="$1" dir="$work/seeds-${mode#--}/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  local list
  list="$(shared_files "$t" | tr '\n' '\0' | xargs -0 -r stat -c '%s %n' | awk -v max="$max_bytes" '$1 > 0 && $1 <= max { sub(/^[0-9]+ /, ""); print }' | LC_ALL=C sort)"
  local n; n=$(printf '%s\n' "$list" | grep -c . || true)
  local step=$(( n > max_seeds ? (n + max_seeds - 1) / max_seeds : 1 )) i=0
  while read -r f; do
    [ -n "$f" ] || continue
    if [ $((i % step)) -eq 0 ]; then cp "$f" "$dir/$(printf '%04d' "$i")-$(basename "$f")"; fi
    i=$((i + 1))
  done <<<"$list"
  # The extractor costs about 30 us a byte: the first paragraph of an article (which holds the round, place and
  # date cues) keeps the smoke run's few thousand inputs within a minute.
  if [ "$t" = news ]; then for f in "$dir"/*; do head -c "$news_bytes" "$f" >"$f.tmp" && mv "$f.tmp" "$f"; done; fi
  [ -d "$here/seeds/$t" ] && cp "$here/seeds/$t"/* "$dir"/ 2>/dev/null
  [[ "$t" == selftest-* ]] && printf '"' >"$dir/quote"
  [ -n "$(ls -A "$dir")" ] || { echo "no seeds for $t" >&2; return 1; }
}

dict_for() {
  case "$1" in
    ntriples|nquads|turtle|trig) echo "$here/dict/turtle.dict" ;;
    sparql-query|sparql-update) echo "$here/dict/sparql.dict" ;;
    jsonld|results-json) echo "$here/dict/json.dict" ;;
    rdfxml|results-xml) echo "$here/dict/xml.dict" ;;
    news) echo "$here/dict/news.dict" ;;
  esac
}

# --- running ---------------------------------------------------------------------------------------------
export AFL_SKIP_CPUFREQ=1            # CI machines and containers do not let us set the governor
export AFL_SKIP_BIN_CHECK=1          # the target is a .NET host, not an afl-cc binary
export AFL_NO_AFFINITY=1             # the machine is shared: do not demand a free core of our own
export AFL_NO_UI=1 AFL_QUIET=1
# SharpFuzz's out-of-process mode sees a crashing child itself, so a core_pattern pipe (systemd-coredump,
# apport) cannot delay crash reports into false hangs; tell afl-fuzz not to refuse to start because of it.
if [ "$(head -c1 /proc/sys/kernel/core_pattern 2>/dev/null)" = "|" ]; then export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1; fi
export AFL_FORKSRV_INIT_TMOUT=60000  # .NET start-up and JIT on a loaded machine

stat_of() { sed -nE "s/^$2[[:space:]]*: ([0-9]+).*/\1/p" "$1" 2>/dev/null | head -1; }

run_target() {
  local t="$1" out="$work/out-${mode#--}/$1" log="$work/log-${mode#--}-$1.txt"
  rm -rf "$out" && mkdir -p "$out"
  local args=(-i "$work/seeds-${mode#--}/$t" -o "$out" -t 2000)
  local d; d="$(dict_for "$t")"; [ -n "$d" ] && [ -f "$d" ] && args+=(-x "$d")
  # News articles are a few KB; at ~30 us a byte, inputs past 32 KB would only measure the extractor's linear
  # cost against the 2 s hang limit (kg convert's own cap is 8 MB, see docs/fuzzing.md).
  [ "$t" = news ] && args+=(-G 32768)
  case "$mode" in
    --smoke) args+=(-E 4000 -V 60); export AFL_FAST_CAL=1 ;;
    --selftest) args+=(-V 40) ;;
    --long) args+=(-V "$seconds") ;;
  esac
  # afl-fuzz stops itself (-E/-V); the outer timeout only guards against a wedged fork server.
  local cap=300; [ "$mode" = --long ] && cap=$((seconds + 600))
  ( cd "$work" && timeout "$cap" afl-fuzz "${args[@]}" -- "$build/afl/Graph.Fuzz" "$t" >"$log" 2>&1 )
  local rc=$? stats="$out/default/fuzzer_stats"
  local execs crashes hangs
  execs=$(stat_of "$stats" execs_done); crashes=$(stat_of "$stats" saved_crashes); hangs=$(stat_of "$stats" saved_hangs)
  local verdict=PASS note=""
  if [ $rc -ne 0 ] || [ -z "$execs" ]; then
    verdict=FAIL; note=" (afl-fuzz failed: $(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E 'ABORT|ERROR' | head -1 | tr -s ' ') see $log)"
  elif [[ "$t" == selftest-* ]]; then
    # A self-test passes when it found what it plants.
    if [ "$t" = selftest-hang ]; then [ "${hangs:-0}" -gt 0 ] || verdict=FAIL; else [ "${crashes:-0}" -gt 0 ] || verdict=FAIL; fi
  elif [ "${crashes:-0}" -gt 0 ] || [ "${hangs:-0}" -gt 0 ]; then
    verdict=FAIL; note=" (inputs in $out/default/crashes and hangs; replay: fuzz/run.sh --replay $t DIR)"
  fi
  printf '%s %s execs=%s crashes=%s hangs=%s%s\n' "$verdict" "$t" "${execs:-0}" "${crashes:-0}" "${hangs:-0}" "$note" >"$work/result-${mode#--}-$t"
}

mkdir -p "$work"
for t in "${targets[@]}"; do
  make_seeds "$t" || fail_all "no seeds for $t"
done

# Two targets at a time: afl-fuzz is single-threaded and the machine has two cores.
start=$SECONDS
running=0
for t in "${targets[@]}"; do
  rm -f "$work/result-${mode#--}-$t"
  run_target "$t" &
  running=$((running + 1))
  if [ $running -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait

results="$work/results-${mode#--}.tsv"
printf 'target\tverdict\texecs\tcrashes\thangs\n' >"$results"
failed=0
for t in "${targets[@]}"; do
  line="$(cat "$work/result-${mode#--}-$t" 2>/dev/null || echo "FAIL $t execs=0 crashes=0 hangs=0 (no result)")"
  echo "$line"
  [[ "$line" == PASS* ]] || failed=$((failed + 1))
  read -r v name e c h _ <<<"$line"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$v" "${e#execs=}" "${c#crashes=}" "${h#hangs=}" >>"$results"
done
echo "fuzz: ${#targets[@]} targets in $((SECONDS - start)) s, $failed failing; table in $results"
[ $failed -eq 0 ]

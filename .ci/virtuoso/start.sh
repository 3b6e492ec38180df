#!/usr/bin/env bash
# Starts Debian's Virtuoso 7 (virtuoso-opensource-7-bin) on loopback in a private directory, for tests and
# benchmarks, and returns once its SPARQL endpoint answers. Stop it with stop.sh DIR.
#
#   start.sh DIR        (DIR is created; it holds the ini, the database, the log and virtuoso.pid)
# Env: VIRT_HTTP_PORT (8890), VIRT_SQL_PORT (1111), VIRT_DBA_PASSWORD (dba), VIRT_READY_SECONDS (60),
#      VIRT_BUFFERS (170000 8k pages, ~1.3 GB; tests use less).
# Prints "http://127.0.0.1:PORT pid PID" on success; exit 1 with the log tail when it cannot start.
# The recipe and the 7.2.5 quirks it works around: ../shared/notes/virtuoso.md.
set -euo pipefail

DIR=${1:?usage: start.sh DIR}
HTTP_PORT=${VIRT_HTTP_PORT:-8890}
SQL_PORT=${VIRT_SQL_PORT:-1111}
DBA_PW=${VIRT_DBA_PASSWORD:-dba}
READY=${VIRT_READY_SECONDS:-60}
BUFFERS=${VIRT_BUFFERS:-170000}
HOST=127.0.0.1

die() { echo "virtuoso start: $*" >&2; exit 1; }
command -v virtuoso-t >/dev/null 2>&1 || die "virtuoso-t not found: apt-get install virtuoso-opensource-7-bin"
command -v isql-vt >/dev/null 2>&1 || die "isql-vt not found: apt-get install virtuoso-opensource-7-bin"
command -v curl >/dev/null 2>&1 || die "curl not found"

port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
for p in "$HTTP_PORT" "$SQL_PORT"; do
  port_busy "$p" && die "port $HOST:$p is already in use"
done

mkdir -p "$DIR/db" "$DIR/vsp" "$DIR/load"
DIR=$(cd "$DIR" && pwd)
cat > "$DIR/virtuoso.ini" <<INI
[Database]
DatabaseFile         = $DIR/db/virtuoso.db
ErrorLogFile         = $DIR/db/virtuoso.log
LockFile             = $DIR/db/virtuoso.lck
TransactionFile      = $DIR/db/virtuoso.trx
xa_persistent_file   = $DIR/db/virtuoso.pxa
ErrorLogLevel        = 7
FileExtend           = 200
MaxCheckpointRemap   = 2000
Striping             = 0
TempStorage          = TempDatabase

[TempDatabase]
DatabaseFile         = $DIR/db/virtuoso-temp.db
TransactionFile      = $DIR/db/virtuoso-temp.trx
MaxCheckpointRemap   = 2000
Striping             = 0

[Parameters]
ServerPort           = $HOST:$SQL_PORT
DisableUnixSocket    = 1
DirsAllowed          = ., $DIR/load
CheckpointInterval   = 60
CaseMode             = 2
NumberOfBuffers      = $BUFFERS
MaxDirtyBuffers      = $((BUFFERS * 3 / 4))
MaxQueryMem          = 2G
ThreadsPerQuery      = 2
AsyncQueueMaxThreads = 10

[HTTPServer]
ServerPort           = $HOST:$HTTP_PORT
ServerRoot           = $DIR/vsp
MaxClientConnections = 10
ServerThreads        = 10
EnabledDavVSP        = 0
HTTPProxyEnabled     = 0
Charset              = UTF-8

[URIQA]
DefaultHost          = $HOST:$HTTP_PORT

[SPARQL]
ResultSetMaxRows     = 10000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 400
INI

# setsid: the server must not die with the caller's process group, and must not hold the caller's pipes.
setsid virtuoso-t +foreground +configfile "$DIR/virtuoso.ini" </dev/null >"$DIR/stdout.log" 2>&1 &
PID=$!
echo "$PID" > "$DIR/virtuoso.pid"
echo "$SQL_PORT" > "$DIR/sql.port"
echo "$DBA_PW" > "$DIR/dba.password"

deadline=$(( $(date +%s) + READY ))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$HOST:$HTTP_PORT/sparql?query=ASK%7B%7D" 2>/dev/null || true)" = 200 ]; do
  if ! kill -0 "$PID" 2>/dev/null; then
    tail -20 "$DIR/db/virtuoso.log" "$DIR/stdout.log" >&2 2>/dev/null || true
    die "virtuoso-t exited during start"
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    tail -20 "$DIR/db/virtuoso.log" >&2 2>/dev/null || true
    kill -TERM "$PID" 2>/dev/null || true
    die "not ready after $READY s"
  fi
  sleep 0.1
done
# The 200 must come from our server: if another process took the port first, virtuoso-t has exited by now.
sleep 0.2
kill -0 "$PID" 2>/dev/null || die "another server answers on $HOST:$HTTP_PORT (virtuoso-t exited during start)"

if [ "$DBA_PW" != dba ]; then
  isql-vt "$HOST:$SQL_PORT" dba dba exec="SET PASSWORD dba \"$DBA_PW\";" >/dev/null || die "could not set the dba password"
fi
# SERVICE calls from the anonymous /sparql endpoint need these grants (notes: "Federation").
isql-vt "$HOST:$SQL_PORT" dba "$DBA_PW" exec='GRANT SELECT ON DB.DBA.SPARQL_SINV_2 TO "SPARQL"; GRANT EXECUTE ON DB.DBA.SPARQL_SINV_IMP TO "SPARQL";' >/dev/null \
  || die "could not grant SERVICE rights"

echo "http://$HOST:$HTTP_PORT pid $PID"

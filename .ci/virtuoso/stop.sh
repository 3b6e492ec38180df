#!/usr/bin/env bash
# Stops the Virtuoso that start.sh DIR started (by the PID it recorded), then removes DIR unless VIRT_KEEP=1.
#   stop.sh DIR
set -uo pipefail
DIR=${1:?usage: stop.sh DIR}
[ -f "$DIR/virtuoso.pid" ] || { [ "${VIRT_KEEP:-0}" = 1 ] || rm -rf "$DIR"; exit 0; }
PID=$(cat "$DIR/virtuoso.pid")
SQL_PORT=$(cat "$DIR/sql.port" 2>/dev/null || echo 1111)
PW=$(cat "$DIR/dba.password" 2>/dev/null || echo dba)
if kill -0 "$PID" 2>/dev/null; then
  # A clean shutdown checkpoints; SIGTERM is the fallback ("quick shutdown").
  timeout 20 isql-vt "127.0.0.1:$SQL_PORT" dba "$PW" exec="shutdown;" >/dev/null 2>&1 || kill -TERM "$PID" 2>/dev/null
  for _ in $(seq 1 300); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$PID" 2>/dev/null; then
    kill -KILL "$PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  fi
fi
if kill -0 "$PID" 2>/dev/null; then echo "virtuoso stop: pid $PID did not stop" >&2; exit 1; fi
rm -f "$DIR/virtuoso.pid"
[ "${VIRT_KEEP:-0}" = 1 ] || rm -rf "$DIR"
exit 0

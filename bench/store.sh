#!/usr/bin/env bash
# Feedback-store figures (docs/scaling.md): corrections posted per second through the service, on
# SQLite (WAL, synchronous=FULL) and on PostgreSQL with one and with two replicas, from a bounded
# loopback run. Starts everything itself on free 127.0.0.1 ports, including a throwaway PostgreSQL
# (Debian's server binaries, as the postgres user when run as root), and stops it all at the end.
#
# usage: bench/store.sh      environment: MODEL=<bundle dir> (default: train one from data/corpus),
#                            POSTS (default 1000), THREADS (default 4)
source "$(dirname "$0")/common.sh"
POSTS="${POSTS:-1000}"
THREADS="${THREADS:-4}"
TOKEN="bench-$RANDOM$RANDOM"
export NHAN_ADMIN_TOKEN="$TOKEN"
say() { printf '[store] %s\n' "$*" >&2; }
tmp="$(mktemp -d "${TMPDIR:-/tmp}/nhan-store.XXXXXX")"
chmod 755 "$tmp"
pids=()
pg_bin=""
as_pg=()
cleanup() {
  ((${#pids[@]} == 0)) || stop_service "${pids[@]}"
  if [[ -n "$pg_bin" && -f "$tmp/pg/data/postmaster.pid" ]]; then "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/pg/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

build_service
bench_model "$tmp"

# serve URL LOG: starts a replica on a free port; sets $port
serve() {
  start_service "$2" --model "$model" --feedback-url "$1"
  pids+=("$service_pid")
  port="$service_port"
}

load() { /usr/bin/python3 "$ROOT/bench/store_load.py" "$1" "$TOKEN" "$THREADS" "$POSTS" "${@:2}"; }

echo "| store | posts | acknowledged/s | p50 / p99 ms | statuses |"
echo "|---|---|---|---|---|"
serve "jdbc:sqlite:$tmp/feedback.db" "$tmp/sqlite.log"
sqlite_port="$port"
say "SQLite: $POSTS posts from $THREADS clients"
load "SQLite (WAL, synchronous=FULL), 1 replica" "$sqlite_port"

for v in /usr/lib/postgresql/*/bin; do [[ -x "$v/initdb" ]] && pg_bin="$v"; done
if [[ -z "$pg_bin" ]]; then
  say "PostgreSQL server binaries not found (apt-get install postgresql): PostgreSQL rows skipped"
  exit 0
fi
[[ "$(id -u)" == 0 ]] && as_pg=(runuser -u postgres --)
mkdir -p "$tmp/pg" && { [[ "$(id -u)" != 0 ]] || chown postgres:postgres "$tmp/pg"; }
pg_port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"${as_pg[@]}" "$pg_bin/initdb" -D "$tmp/pg/data" -A trust -U nhan -E UTF8 --locale=C >"$tmp/initdb.log" 2>&1
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/pg/data" -w -l "$tmp/pg/server.log" -o "-p $pg_port -k $tmp/pg -c listen_addresses=$HOST" start >/dev/null
"$pg_bin/createdb" -h "$HOST" -p "$pg_port" -U nhan nhan
url="jdbc:postgresql://$HOST:$pg_port/nhan?user=nhan"
kill -TERM "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
serve "$url" "$tmp/pg-a.log"
one="$port"
say "PostgreSQL $("$pg_bin/postgres" --version | grep -oE '[0-9]+\.[0-9]+' | head -n 1), 1 replica"
load "PostgreSQL, 1 replica" "$one"
serve "$url" "$tmp/pg-b.log"
two="$port"
say "PostgreSQL, 2 replicas (clients alternate)"
load "PostgreSQL, 2 replicas" "$one" "$two"
stored="$("$pg_bin/psql" -h "$HOST" -p "$pg_port" -U nhan -d nhan -tAc "SELECT COUNT(*) FROM feedback")"
say "rows stored in PostgreSQL: $stored ($(nproc) cores; load average $(cut -d' ' -f1 /proc/loadavg))"

# Shared by the bench scripts: paths, build, and the VNTC conversion (never committed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
WORK="${BENCH_WORK:-${TMPDIR:-/tmp}/nhan-bench}"
mkdir -p "$WORK"

build() {
  if [[ ! -f "$ROOT/training/target/nhan-training.jar" || "${REBUILD:-0}" == 1 ]]; then
    (cd "$ROOT" && ./mvnw -q -DskipTests package)
  fi
}

# VNTC training half -> $WORK/vntc-80.jsonl and $WORK/vntc-20.jsonl: a fixed stratified 80/20 split.
vntc_split() {
  local src="$SHARED/data/vntc-train.jsonl.xz"
  [[ -f "$src" ]] || { echo "bench: $src not found (the benchmarks need ../shared)" >&2; exit 1; }
  if [[ ! -f "$WORK/vntc-20.jsonl" ]]; then
    xz -dc "$src" > "$WORK/vntc.jsonl"
    /usr/bin/python3 "$ROOT/bench/split_vntc.py" "$WORK/vntc.jsonl" "$WORK/vntc-80.jsonl" "$WORK/vntc-20.jsonl"
  fi
}

# The service benchmarks (store.sh, reliability.sh): both jars, a model, and a service on a free port.
HOST=127.0.0.1

# build_service: the jars bin/nhan serve runs on (the training CLI and the service)
build_service() {
  if [[ ! -f "$ROOT/service/target/nhan-service.jar" || ! -f "$ROOT/training/target/nhan-training.jar" || "${REBUILD:-0}" == 1 ]]; then
    echo "bench: building (./mvnw -q -DskipTests package)" >&2
    (cd "$ROOT" && ./mvnw -q -DskipTests package)
  fi
}

# bench_model DIR: sets $model to $MODEL, or to a model trained from data/corpus into DIR/model
bench_model() {
  model="${MODEL:-}"
  if [[ -z "$model" ]]; then
    model="$1/model"
    echo "bench: training a model from data/corpus (set MODEL=<bundle> to skip)" >&2
    "$ROOT/bin/nhan" train --corpus "$ROOT/data/corpus" --out "$model" >"$1/train.log" 2>&1 || { tail -n 20 "$1/train.log" >&2; exit 2; }
  fi
}

# start_service LOG ARGS...: bin/nhan serve --host $HOST --port 0 ARGS in the background; sets
# $service_pid and $service_port once /health/ready answers (up to 120 s; else prints LOG, exits 2)
start_service() {
  local log="$1"
  shift
  "$ROOT/bin/nhan" serve --host "$HOST" --port 0 "$@" >"$log" 2>&1 &
  service_pid=$!
  service_port=""
  for _ in $(seq 1 1200); do
    kill -0 "$service_pid" 2>/dev/null || { cat "$log" >&2; exit 2; }
    service_port="$(grep -oE "on http://$HOST:[0-9]+/" "$log" 2>/dev/null | head -n 1 | grep -oE '[0-9]+/$' | tr -d /)" || true
    [[ -n "$service_port" ]] && curl -fsS -o /dev/null --max-time 2 "http://$HOST:$service_port/health/ready" 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$log" >&2
  exit 2
}

# stop_service PID...: SIGTERM, up to 45 s for requests in flight, then SIGKILL
stop_service() {
  local p
  for p in "$@"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "$@"; do
    for _ in $(seq 1 450); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
}

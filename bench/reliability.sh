#!/usr/bin/env bash
# Reliability figures: slow clients, the per-client cap, and an overload of 1 MiB requests, against
# a service this script starts on a free 127.0.0.1 port (and stops). Prints a Markdown table
# (docs/reliability.md). The behaviour is asserted by ReliabilityTest and ConnectionLimitsTest; this
# script measures it.
#
# usage: bench/reliability.sh        environment: MODEL=<bundle dir> (default: train one from data/corpus)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST=127.0.0.1
say() { printf '[reliability] %s\n' "$*" >&2; }
tmp="$(mktemp -d "${TMPDIR:-/tmp}/nhan-reliability.XXXXXX")"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 450); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if [[ ! -f "$ROOT/service/target/nhan-service.jar" || ! -f "$ROOT/training/target/nhan-training.jar" ]]; then
  say "building (./mvnw -q -DskipTests package)"
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
fi
model="${MODEL:-}"
if [[ -z "$model" ]]; then
  model="$tmp/model"
  say "training a model from data/corpus (set MODEL=<bundle> to skip)"
  "$ROOT/bin/nhan" train --corpus "$ROOT/data/corpus" --out "$model" >"$tmp/train.log" 2>&1 || { tail -n 20 "$tmp/train.log" >&2; exit 2; }
fi

"$ROOT/bin/nhan" serve --model "$model" --host "$HOST" --port 0 --feedback-url "jdbc:sqlite:$tmp/feedback.db" >"$tmp/service.log" 2>&1 &
pid=$!
port=""
for _ in $(seq 1 1200); do # up to 120 s
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/service.log" >&2; exit 2; }
  port="$(grep -oE "on http://$HOST:[0-9]+/" "$tmp/service.log" | head -n 1 | grep -oE '[0-9]+/$' | tr -d /)" || true
  [[ -n "$port" ]] && curl -fsS -o /dev/null --max-time 2 "http://$HOST:$port/health/ready" 2>/dev/null && break
  sleep 0.1
done
[[ -n "$port" ]] || { cat "$tmp/service.log" >&2; exit 2; }
say "service pid $pid on port $port ($(nproc) cores); attacking for about a minute"
/usr/bin/python3 "$ROOT/bench/reliability.py" "$HOST" "$port"

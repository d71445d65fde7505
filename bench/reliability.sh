#!/usr/bin/env bash
# Reliability figures: slow clients, the per-client cap, and an overload of 1 MiB requests, against
# a service this script starts on a free 127.0.0.1 port (and stops). Prints a Markdown table
# (docs/reliability.md). The behaviour is asserted by ReliabilityTest and ConnectionLimitsTest; this
# script measures it.
#
# usage: bench/reliability.sh        environment: MODEL=<bundle dir> (default: train one from data/corpus)
source "$(dirname "$0")/common.sh"
say() { printf '[reliability] %s\n' "$*" >&2; }
tmp="$(mktemp -d "${TMPDIR:-/tmp}/nhan-reliability.XXXXXX")"
service_pid=""
cleanup() {
  [[ -z "$service_pid" ]] || stop_service "$service_pid"
  rm -rf "$tmp"
}
trap cleanup EXIT

build_service
bench_model "$tmp"
start_service "$tmp/service.log" --model "$model" --feedback-url "jdbc:sqlite:$tmp/feedback.db"
say "service pid $service_pid on port $service_port ($(nproc) cores); attacking for about a minute"
/usr/bin/python3 "$ROOT/bench/reliability.py" "$HOST" "$service_port"

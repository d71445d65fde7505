#!/usr/bin/env bash
# Load test of POST /v1/classify with 400-word Vietnamese articles, client (wrk) and service on
# this machine's loopback. Starts its own service on a free 127.0.0.1 port and stops it at the end.
#
# usage: bench/load.sh
# environment (defaults):
#   MODEL=<bundle dir>      model to serve (default: train one from data/corpus into a temp dir)
#   CONNECTIONS=32 THREADS=2 DURATION=60s WARMUP=10s   wrk settings (WARMUP=0 skips the warm-up)
#   ARTICLES=100 WORDS=400  distinct request bodies and their length in words
#   MIN_RPS=1500 MAX_P99_MS=25                          targets (and zero errors)
#   JAVA_OPTS=...           passed to the service's JVM (bin/nhan)
#   KEEP=1                  keep the temp dir (bodies, service log, wrk output)
# exit status: 0 PASS, 1 FAIL (targets missed, errors, or the service did not exit 0), 2 setup error
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONNECTIONS="${CONNECTIONS:-32}" THREADS="${THREADS:-2}" DURATION="${DURATION:-60s}" WARMUP="${WARMUP:-10s}"
ARTICLES="${ARTICLES:-100}" WORDS="${WORDS:-400}" MIN_RPS="${MIN_RPS:-1500}" MAX_P99_MS="${MAX_P99_MS:-25}"
HOST=127.0.0.1 # loopback only

say() { printf '[load] %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/nhan-load.XXXXXX")"
service_pid="" service_rc="" verdict=""

stop_service() {
  [[ -n "$service_pid" ]] || return 0
  local pid="$service_pid"
  service_pid=""
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    # the service lets in-flight requests finish for up to its grace period (30 s) on SIGTERM
    for _ in $(seq 1 450); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      say "service $pid did not stop within 45 s of SIGTERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  service_rc=0
  wait "$pid" 2>/dev/null || service_rc=$?
  say "service stopped (SIGTERM), exit status $service_rc" || true
}

on_exit() {
  local rc=$?
  set +e
  trap '' PIPE INT TERM # the service must be stopped even if whoever reads our output has gone
  stop_service
  if [[ -n "$service_rc" && "$service_rc" != 0 ]]; then
    say "FAIL: the service exited with status $service_rc after SIGTERM (expected 0); log: $tmp/service.log"
    tail -n 20 "$tmp/service.log" >&2 || true
    [[ $rc == 0 ]] && rc=1
    KEEP=1
  fi
  if [[ "${KEEP:-0}" == 1 || $rc == 2 ]]; then
    say "kept $tmp"
  else
    rm -rf "$tmp"
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- tools, build, model -------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  say "installing wrk (Debian package)"
  sudo=""; [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
fi
command -v wrk >/dev/null || die "wrk is not installed"
[[ -x /usr/bin/python3 ]] || die "/usr/bin/python3 is needed to prepare the request bodies"

if [[ ! -f "$ROOT/service/target/nhan-service.jar" || ! -d "$ROOT/service/target/lib" ||
      ! -f "$ROOT/training/target/nhan-training.jar" || ! -d "$ROOT/training/target/lib" ]]; then
  say "building (./mvnw -q -DskipTests package)"
  (cd "$ROOT" && ./mvnw -q -DskipTests package) || die "build failed"
fi

model="${MODEL:-}"
if [[ -z "$model" ]]; then
  model="$tmp/model"
  say "training a model from data/corpus into $model (set MODEL=<bundle> to skip)"
  "$ROOT/bin/nhan" train --corpus "$ROOT/data/corpus" --out "$model" >"$tmp/train.log" 2>&1 \
    || { tail -n 20 "$tmp/train.log" >&2; die "training failed"; }
fi
[[ -f "$model/manifest.json" ]] || die "no model bundle at $model (manifest.json missing)"
model_id="$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["model_id"])' "$model/manifest.json")"

# --- request bodies --------------------------------------------------------------------------------
/usr/bin/python3 "$ROOT/bench/load_tool.py" bodies "$ROOT/data/corpus" "$tmp/bodies.jsonl" "$ARTICLES" "$WORDS" >&2 \
  || die "could not prepare the request bodies"

# --- service -----------------------------------------------------------------------------------------
# --port 0: the service binds a free port and logs it ("... on http://127.0.0.1:PORT/")
say "starting the service (JAVA_OPTS=${JAVA_OPTS:-})"
NHAN_HOST="$HOST" "$ROOT/bin/nhan" serve --model "$model" --host "$HOST" --port 0 >"$tmp/service.log" 2>&1 &
service_pid=$!
port=""
for _ in $(seq 1 1200); do # up to 120 s
  kill -0 "$service_pid" 2>/dev/null || { cat "$tmp/service.log" >&2; die "the service exited during start-up"; }
  if [[ -z "$port" ]]; then
    port="$(grep -oE "on http://$HOST:[0-9]+/" "$tmp/service.log" | head -n 1 | grep -oE '[0-9]+/$' | tr -d /)" || true
  fi
  if [[ -n "$port" ]] && curl -fsS -o /dev/null --max-time 2 "http://$HOST:$port/health/ready" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
[[ -n "$port" ]] && curl -fsS -o /dev/null --max-time 2 "http://$HOST:$port/health/ready" \
  || { cat "$tmp/service.log" >&2; die "the service was not ready within 120 s"; }
url="http://$HOST:$port"
say "service pid $service_pid ready at $url"

# one request by hand: fail early on a wrong request shape
probe="$(head -n 1 "$tmp/bodies.jsonl" | curl -sS --max-time 10 -H 'Content-Type: application/json' --data-binary @- -w '\n%{http_code}' "$url/v1/classify")"
[[ "${probe##*$'\n'}" == 200 && "$probe" == *'"labels"'* ]] || die "probe request failed: $probe"

# --- load ----------------------------------------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }     # utime + stime of a process
machine_ticks() { awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat; } # total, idle+iowait

run_wrk() { # run_wrk LABEL DURATION -> $tmp/LABEL.out
  local label="$1" duration="$2"
  say "$label: wrk -t$THREADS -c$CONNECTIONS -d$duration --latency ($ARTICLES bodies of $WORDS words)"
  # a subshell, so `times` reports wrk's own CPU (children of the subshell) on its last line
  (wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 5s --latency -s "$ROOT/bench/load.lua" "$url" \
      -- "$tmp/bodies.jsonl" /v1/classify; times) >"$tmp/$label.out" 2>&1 || { cat "$tmp/$label.out" >&2; die "wrk failed"; }
  grep -q '^NHAN-LOAD ' "$tmp/$label.out" || { cat "$tmp/$label.out" >&2; die "wrk printed no NHAN-LOAD line"; }
}
field() { grep '^NHAN-LOAD ' "$tmp/$2.out" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
seconds() { awk '{ split($0, a, "m"); sub("s", "", a[2]); print a[1] * 60 + a[2] }' <<<"$1"; }

if [[ "$WARMUP" != 0 && "$WARMUP" != 0s ]]; then
  run_wrk warmup "$WARMUP"
  say "warm-up: $(field rps warmup) requests/s, p99 $(field p99_ms warmup) ms, non-2xx $(field non2xx warmup), socket errors $(field socket_errors warmup)"
fi

hz="$(getconf CLK_TCK)"
curl -fsS --max-time 10 -o "$tmp/metrics.before" "$url/metrics" || die "could not read $url/metrics"
svc0="$(cpu_ticks "$service_pid")"; read -r all0 idle0 < <(machine_ticks)
run_wrk measured "$DURATION"
svc1="$(cpu_ticks "$service_pid")"; read -r all1 idle1 < <(machine_ticks)
curl -fsS --max-time 10 -o "$tmp/metrics.after" "$url/metrics" || die "could not read $url/metrics"
# the service's own view (time inside Javalin, from its Prometheus histogram): count mean p50 p90 p99
read -r _ s_mean s_p50 s_p90 s_p99 < <(/usr/bin/python3 "$ROOT/bench/load_tool.py" latency "$tmp/metrics.before" "$tmp/metrics.after" /v1/classify)
grep -v '^NHAN-LOAD ' "$tmp/measured.out" | head -n -2 # wrk's own report (without the `times` lines)

secs="$(field duration_s measured)"
read -r wrk_user wrk_sys < <(tail -n 1 "$tmp/measured.out")
wrk_cpu="$(awk -v u="$(seconds "$wrk_user")" -v s="$(seconds "$wrk_sys")" -v t="$secs" 'BEGIN{printf "%.2f", (u+s)/t}')"
svc_cpu="$(awk -v d="$((svc1 - svc0))" -v hz="$hz" -v t="$secs" 'BEGIN{printf "%.2f", d/hz/t}')"
svc_ms_per_req="$(awk -v d="$((svc1 - svc0))" -v hz="$hz" -v n="$(field requests measured)" 'BEGIN{printf "%.3f", n ? d/hz/n*1000 : 0}')"
busy="$(awk -v a="$((all1 - all0))" -v i="$((idle1 - idle0))" 'BEGIN{printf "%.0f", a ? 100*(a-i)/a : 0}')"
# what neither the service nor wrk used: other processes on the machine, which skew the figures
others="$(awk -v a="$((all1 - all0))" -v i="$((idle1 - idle0))" -v n="$(nproc)" -v s="$svc_cpu" -v w="$wrk_cpu" \
  'BEGIN{o=(a ? (a-i)/a*n : 0)-s-w; printf "%.2f", o < 0 ? 0 : o}')"

rps="$(field rps measured)" p50="$(field p50_ms measured)" p90="$(field p90_ms measured)" p99="$(field p99_ms measured)"
non2xx="$(field non2xx measured)" no_labels="$(field no_labels measured)" socket="$(field socket_errors measured)"
verdict=PASS
reasons=()
awk -v r="$rps" -v m="$MIN_RPS" 'BEGIN{exit !(r >= m)}' || { verdict=FAIL; reasons+=("requests/s $rps < $MIN_RPS"); }
awk -v p="$p99" -v m="$MAX_P99_MS" 'BEGIN{exit !(p < m)}' || { verdict=FAIL; reasons+=("p99 $p99 ms >= $MAX_P99_MS ms"); }
[[ "$non2xx" == 0 ]] || { verdict=FAIL; reasons+=("$non2xx non-2xx responses"); }
[[ "$socket" == 0 ]] || { verdict=FAIL; reasons+=("$socket socket errors ($(field connect measured) connect, $(field read measured) read, $(field write measured) write, $(field timeout measured) timeout)"); }
[[ "$no_labels" == 0 ]] || { verdict=FAIL; reasons+=("$no_labels 2xx responses without labels"); }

cat <<EOF

== Nhãn /v1/classify load test: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk and service on the same machine
   wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a ${WARMUP} warm-up), $ARTICLES distinct $WORDS-word articles
   model $model_id${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}
   requests/s      $rps   (target >= $MIN_RPS)
   latency p50     $p50 ms
   latency p90     $p90 ms
   latency p99     $p99 ms   (target < $MAX_P99_MS)
   requests        $(field requests measured) in ${secs} s
   non-2xx         $non2xx
   socket errors   $socket
   2xx w/o labels  $no_labels
   service-side    mean $s_mean ms, p50 <= $s_p50 ms, p90 <= $s_p90 ms, p99 <= $s_p99 ms (inside Javalin, histogram buckets)
   CPU             service $svc_cpu cores ($svc_ms_per_req ms CPU a request), wrk $wrk_cpu cores, other processes $others cores; machine ${busy}% busy
   result          $verdict${reasons[*]:+: $(printf '%s; ' "${reasons[@]}" | sed 's/; $//')}
EOF
if awk -v o="$others" 'BEGIN{exit !(o > 0.2)}'; then
  say "WARNING: other processes used $others cores during the measured run; the figures understate this service (re-run on an idle machine)"
fi
[[ "$verdict" == PASS ]] || exit 1

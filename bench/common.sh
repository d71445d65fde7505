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

#!/usr/bin/env bash
# Archive scoring throughput: bin/nhan-spark classify (Spark, local[*] unless MASTER is set) next to
# bin/nhan classify (one process), on the VNTC training half (33,759 articles, decompressed into
# $WORK, never committed), same model, same input. Prints documents/s for both, wall clock from
# command start to output written (JVM start, model load and Spark session included).
# usage: bench/spark.sh    (MODEL=bundle to skip training on data/corpus; DOCUMENTS=N for the first
#                           N articles only; MASTER=spark://... for a cluster)
source "$(dirname "$0")/common.sh"
build
if [[ ! -f "$ROOT/spark/target/nhan-spark.jar" || "${REBUILD:-0}" == 1 ]]; then
  (cd "$ROOT" && ./mvnw -q -Pspark -DskipTests package -pl spark -am)
fi
model="${MODEL:-$WORK/default-model}"
if [[ ! -f "$model/manifest.json" ]]; then
  "$ROOT/bin/nhan" train --corpus "$ROOT/data/corpus" --out "$model" 2>/dev/null
fi
src="$SHARED/data/vntc-train.jsonl.xz"
[[ -f "$src" ]] || { echo "bench: $src not found (the benchmarks need ../shared)" >&2; exit 1; }
input="$WORK/vntc-train-${DOCUMENTS:-all}.jsonl"
if [[ ! -f "$input" ]]; then
  if [[ -n "${DOCUMENTS:-}" ]]; then xz -dc "$src" | head -n "$DOCUMENTS" > "$input"; else xz -dc "$src" > "$input"; fi
fi
n=$(wc -l < "$input")
echo "== $n articles ($(du -h "$input" | cut -f1)), model $(basename "$model"), $(nproc) cores, $(date -u +%F)"

out="$WORK/spark-out"
rm -rf "$out" "$WORK/classify-out.jsonl"
master_args=()
[[ -n "${MASTER:-}" ]] && master_args=(--master "$MASTER")
start=$(date +%s.%N)
"$ROOT/bin/nhan-spark" classify --model "$model" --input "$input" --output "$out" "${master_args[@]}" 2>"$WORK/spark.err" \
  || { cat "$WORK/spark.err" >&2; exit 1; }
spark_s=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
"$ROOT/bin/nhan" classify --model "$model" --input "$input" --output "$WORK/classify-out.jsonl" 2>"$WORK/classify.err" \
  || { cat "$WORK/classify.err" >&2; exit 1; }
cli_s=$(echo "$(date +%s.%N) - $start" | bc)

records=$(cat "$out"/part-* | wc -l)
same=$(/usr/bin/python3 - "$out" "$WORK/classify-out.jsonl" <<'PY'
import glob, json, sys
spark = {}
for f in glob.glob(sys.argv[1] + "/part-*"):
    for line in open(f, encoding="utf-8"):
        spark[json.loads(line)["id"]] = line.strip()
cli = [line.strip() for line in open(sys.argv[2], encoding="utf-8")]
print(sum(1 for l in cli if spark.get(json.loads(l)["id"]) == l))
PY
)
printf '%-34s %8.1f s %8.0f documents/s\n' "bin/nhan-spark classify (${MASTER:-local[*]})" "$spark_s" "$(echo "$n / $spark_s" | bc -l)"
printf '%-34s %8.1f s %8.0f documents/s\n' "bin/nhan classify" "$cli_s" "$(echo "$n / $cli_s" | bc -l)"
echo "records: spark $records, identical lines to bin/nhan classify: $same of $n"

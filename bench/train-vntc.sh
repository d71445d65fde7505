#!/usr/bin/env bash
# Nhãn beside fastText on VNTC (../shared/data/vntc-train.jsonl.xz, 33,759 articles, 10 topics), in
# one run so that both see the same load on this shared machine:
#   1. training time and peak RSS (/usr/bin/time) on the whole training half, default settings;
#   2. training on the fixed 80% split, accuracy (top label) on the other 20%;
#   3. classifying the 20%: peak RSS of the whole program, and throughput per core (one thread,
#      model loading left out) and on both cores (Nhãn's batch, passages included).
# fastText 0.9.2: -wordNgrams 2 -epoch 5 -lr 0.5 -bucket 200000 -thread 2 (the rest its defaults:
# dimension 100, softmax), on text lower-cased and split on whitespace (bench/compare_peers.py prep).
# fastText's predict runs on one thread; its per-document time is the time of predicting the 20%
# minus the time of predicting one article (loading the model).
# usage: bench/train-vntc.sh        (SHARED=../shared, BENCH_WORK=/tmp/nhan-bench)
source "$(dirname "$0")/common.sh"
build
vntc_split
command -v fasttext > /dev/null || { echo "train-vntc: fastText is not installed (apt-get install fasttext)" >&2; exit 1; }
PY=/usr/bin/python3
NHAN="$ROOT/bin/nhan"
V="$WORK/train-vntc"
rm -rf "$V"
mkdir -p "$V"
FT_ARGS=(-wordNgrams 2 -epoch 5 -lr 0.5 -bucket 200000 -thread 2 -verbose 0)
echo "== $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# timed NAME CMD...: wall seconds, CPU seconds and peak RSS (KB) of CMD into NAME.time, output into NAME.log
timed() {
  local name=$1
  shift
  if ! /usr/bin/time -f "%e %U %S %M" -o "$V/$name.time" "$@" > "$V/$name.log" 2>&1; then
    echo "train-vntc: $name failed: $*" >&2
    tail -20 "$V/$name.log" >&2
    exit 1
  fi
}
wall() { cut -d' ' -f1 "$V/$1.time"; }
cpu() { awk '{printf "%.1f", $2 + $3}' "$V/$1.time"; }
rss() { awk '{printf "%.0f", $4 / 1024}' "$V/$1.time"; }

"$PY" "$ROOT/bench/compare_peers.py" prep "$V/ft-all" --train "$WORK/vntc.jsonl" --test "$WORK/vntc-20.jsonl" > /dev/null
"$PY" "$ROOT/bench/compare_peers.py" prep "$V/ft-80" --train "$WORK/vntc-80.jsonl" --test "$WORK/vntc-20.jsonl" > /dev/null
head -1 "$V/ft-80/test.txt" > "$V/ft-80/one.txt"

echo "== training on all $(wc -l < "$WORK/vntc.jsonl") articles"
timed nhan-all "$NHAN" train --corpus "$WORK/vntc.jsonl" --taxonomy corpus --out "$V/nhan-all"
timed ft-all fasttext supervised -input "$V/ft-all/train.txt" -output "$V/ft-all/model" "${FT_ARGS[@]}"
grep -E "ensemble weight|passage weight|neural model" "$V/nhan-all.log" | sed 's/^/   Nhãn: /'

echo "== training on the 80% split ($(wc -l < "$WORK/vntc-80.jsonl") articles), testing on the 20% ($(wc -l < "$WORK/vntc-20.jsonl"))"
timed nhan-80 "$NHAN" train --corpus "$WORK/vntc-80.jsonl" --taxonomy corpus --out "$V/nhan-80"
timed ft-80 fasttext supervised -input "$V/ft-80/train.txt" -output "$V/ft-80/model" "${FT_ARGS[@]}"
"$NHAN" evaluate --model "$V/nhan-80" --test "$WORK/vntc-20.jsonl" --report "$V/nhan-80-report" > "$V/nhan-80-evaluate.log" 2>&1
timed nhan-classify "$NHAN" classify --model "$V/nhan-80" --input "$WORK/vntc-20.jsonl" --output "$V/nhan-pred.jsonl"
timed ft-predict fasttext predict "$V/ft-80/model.bin" "$V/ft-80/test.txt" 1
cp "$V/ft-predict.log" "$V/ft-pred.txt"
timed ft-predict-one fasttext predict "$V/ft-80/model.bin" "$V/ft-80/one.txt" 1
timed nhan-benchmark "$NHAN" benchmark --model "$V/nhan-80" --input "$WORK/vntc-20.jsonl" --words 0 --documents "$(wc -l < "$WORK/vntc-20.jsonl")" --rounds 6 --singles 3000

nhan_acc=$("$PY" -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["precision_at_1"])' "$V/nhan-80-report/report.json")
ft_acc=$("$PY" - "$WORK/vntc-20.jsonl" "$V/ft-pred.txt" <<'PY'
import json, sys
gold = [json.loads(l)["labels"][0] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
pred = [l.split()[0][len("__label__"):] if l.strip() else None for l in open(sys.argv[2], encoding="utf-8")]
assert len(gold) == len(pred), (len(gold), len(pred))
print("%.4f" % (sum(g == p for g, p in zip(gold, pred)) / len(gold)))
PY
)
test_docs=$(wc -l < "$WORK/vntc-20.jsonl")
ft_rate=$(awk -v n="$test_docs" -v a="$(wall ft-predict)" -v b="$(wall ft-predict-one)" 'BEGIN {printf "%.0f", (n - 1) / (a - b)}')
nhan_one=$(sed -n 's/^one-thread throughput: \([0-9.]*\) documents.*/\1/p' "$V/nhan-benchmark.log")
nhan_batch=$(sed -n 's/^batch throughput with passages: median \([0-9.]*\) documents.*/\1/p' "$V/nhan-benchmark.log")
nhan_whole=$(sed -n 's/^batch throughput, whole articles only: median \([0-9.]*\) documents.*/\1/p' "$V/nhan-benchmark.log")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "== results (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-44s %14s %14s %8s %s\n' "" "Nhãn" "fastText" "ratio" "target"
printf '%-44s %12s s %12s s %8s %s\n' "training, all 33,759 articles (wall)" "$(wall nhan-all)" "$(wall ft-all)" "$(ratio "$(wall nhan-all)" "$(wall ft-all)")" "<= 1.00"
printf '%-44s %12s s %12s s %8s\n' "  CPU (user + system)" "$(cpu nhan-all)" "$(cpu ft-all)" "$(ratio "$(cpu nhan-all)" "$(cpu ft-all)")"
printf '%-44s %11s MB %11s MB %8s %s\n' "  peak RSS" "$(rss nhan-all)" "$(rss ft-all)" "" "Nhãn <= 1024 MB"
printf '%-44s %12s s %12s s %8s\n' "training, 80% split (wall)" "$(wall nhan-80)" "$(wall ft-80)" "$(ratio "$(wall nhan-80)" "$(wall ft-80)")"
printf '%-44s %14s %14s %8s %s\n' "accuracy on the 20% (top label)" "$nhan_acc" "$ft_acc" "" ">= 0.95"
printf '%-44s %11s MB %11s MB %8s %s\n' "classifying the 20%: peak RSS" "$(rss nhan-classify)" "$(rss ft-predict)" "" "Nhãn <= 512 MB"
printf '%-44s %10s d/s %10s d/s %8s %s\n' "throughput per core (one thread)" "$nhan_one" "$ft_rate" "$(ratio "$nhan_one" "$ft_rate")" ">= 1.00"
printf '%-44s %10s d/s %10s d/s %8s %s\n' "throughput on 2 cores, passages included" "$nhan_batch" "$ft_rate" "$(ratio "$nhan_batch" "$ft_rate")" ">= 1.80"
printf '%-44s %10s d/s\n' "  whole articles only" "$nhan_whole"
echo "(fastText predicts on one thread: its per-core figure is also its only one. Logs in $V.)"

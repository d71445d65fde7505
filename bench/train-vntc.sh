#!/usr/bin/env bash
# Training time and quality on VNTC (../shared/data/vntc-train.jsonl.xz, 33,759 articles, 10 topics):
# trains the default configuration on the whole training half (the target: under 2 minutes), then
# on a fixed 80% split and evaluates on the other 20%.
source "$(dirname "$0")/common.sh"
build
vntc_split
echo "== training on all $(wc -l < "$WORK/vntc.jsonl") VNTC articles"
start=$(date +%s.%N)
/usr/bin/time -f "peak RSS %M KB" "$ROOT/bin/nhan" train --corpus "$WORK/vntc.jsonl" --taxonomy corpus --out "$WORK/vntc-all-model" 2> "$WORK/train-all.log" || { tail "$WORK/train-all.log"; exit 1; }
end=$(date +%s.%N)
grep -E "cross-validated|saved|peak RSS" "$WORK/train-all.log"
printf "training time (33,759 articles): %.1f s\n" "$(echo "$end - $start" | bc)"
echo "== training on the 80% split, evaluating on the 20% split"
start=$(date +%s.%N)
"$ROOT/bin/nhan" train --corpus "$WORK/vntc-80.jsonl" --taxonomy corpus --out "$WORK/vntc-model" 2> "$WORK/train-80.log"
end=$(date +%s.%N)
printf "training time (80%%: %d articles): %.1f s\n" "$(wc -l < "$WORK/vntc-80.jsonl")" "$(echo "$end - $start" | bc)"
"$ROOT/bin/nhan" evaluate --model "$WORK/vntc-model" --test "$WORK/vntc-20.jsonl" --report "$WORK/vntc-report" 2>/dev/null

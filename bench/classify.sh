#!/usr/bin/env bash
# In-process classification speed on 700-word articles: batch documents/s and single-document
# latency, for the default model (and the VNTC model if bench/train-vntc.sh made one).
# usage: bench/classify.sh            (WORDS=700 DOCUMENTS=5000 to change)
source "$(dirname "$0")/common.sh"
build
model="$WORK/default-model"
if [[ ! -f "$model/manifest.json" ]]; then
  "$ROOT/bin/nhan" train --corpus "$ROOT/data/corpus" --out "$model" 2>/dev/null
fi
input="$ROOT/data/corpus"
if [[ -f "$SHARED/data/vntc-train.jsonl.xz" ]]; then vntc_split; input="$WORK/vntc-20.jsonl"; fi
echo "== default model, articles cut from $(basename "$input")"
"$ROOT/bin/nhan" benchmark --model "$model" --input "$input" --words "${WORDS:-700}" --documents "${DOCUMENTS:-5000}"
if [[ -f "$WORK/vntc-model/manifest.json" ]]; then
  echo "== VNTC model"
  "$ROOT/bin/nhan" benchmark --model "$WORK/vntc-model" --input "$input" --words "${WORDS:-700}" --documents "${DOCUMENTS:-5000}"
fi

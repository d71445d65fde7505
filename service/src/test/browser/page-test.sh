#!/usr/bin/env bash
# Browser test of the web page and the API page: trains a model, serves it on a free loopback
# port, loads /?title=...&text=... in headless Chromium and checks the rendered DOM (the passed
# label's Vietnamese name, its evidence passage highlighted and quoted, no error), takes a screenshot into
# service/target/page-test.png, and checks /docs lists every route of /openapi.json. Then the
# editor's flow (editor-flow.mjs over the DevTools protocol): sign in with a key, classify, tick a
# label, send the correction, see the row in GET /v1/feedback with the editor's name, and the
# article in the review queue.
# Builds nothing: run `./mvnw -q -DskipTests package` first. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../../../.."
root=$(pwd)

if [[ ! -f service/target/nhan-service.jar || ! -f training/target/nhan-training.jar ]]; then
  echo "page test: not built; run: ./mvnw -q -DskipTests package" >&2
  exit 2
fi
need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v node >/dev/null 2>&1 || need+=(nodejs)
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null || { echo "page test: cannot install ${need[*]}" >&2; exit 2; }
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
check() { # check NAME CONDITION-EXIT-STATUS
  if [[ "$2" == 0 ]]; then
    passed=$((passed + 1))
    echo "  ok   $1"
  else
    failed=$((failed + 1))
    echo "  FAIL $1"
  fi
}

urlencode() { # percent-encodes every byte but unreserved ones (UTF-8 safe)
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      [a-zA-Z0-9.~_-]) out+="$c" ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

chromium_run() { # chromium_run ARGS... : headless, isolated, no network but the given URL
  timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d -p "$work")" \
    --virtual-time-budget=10000 "$@" 2>>"$work/chromium.log"
}

echo "page test: training a model"
if ! bin/nhan train --corpus data/corpus --out "$work/model" >"$work/train.log" 2>&1; then
  tail -20 "$work/train.log" >&2
  echo "page test: 0 passed, 1 failed"
  exit 1
fi

echo "page test: starting the service"
feedback_url="jdbc:sqlite:$work/feedback.db"
editor_key=$(bin/nhan keys add --name page-editor --role editor --feedback-url "$feedback_url" 2>"$work/keys.log")
bin/nhan serve --model "$work/model" --host 127.0.0.1 --port 0 --feedback-url "$feedback_url" >"$work/serve.log" 2>&1 &
server_pid=$!
port=
for _ in $(seq 1 120); do
  port=$(grep -o 'on http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -1 | grep -o '[0-9]*/$' | tr -d /)
  if [[ -n "$port" ]] && curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    break
  fi
  port=
  sleep 0.5
done
if [[ -z "$port" ]]; then
  tail -20 "$work/serve.log" >&2
  echo "page test: 0 passed, 1 failed"
  exit 1
fi
base="http://127.0.0.1:$port"
echo "page test: service ready at $base"

title="Ban Tuyên giáo Tỉnh ủy sơ kết công tác 6 tháng đầu năm 2024"
text="Chiều 12/7, Ban Tuyên giáo Tỉnh ủy họp sơ kết sáu tháng đầu năm về công tác tuyên giáo, bàn nhiệm vụ những tháng cuối năm 2024. Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy chủ trì hội nghị.
Báo cáo tại hội nghị cho biết, 6 tháng đầu năm, ngành tuyên giáo đã tham mưu tổ chức học tập, quán triệt các nghị quyết của Đảng; nắm bắt kịp thời tình hình tư tưởng của cán bộ, đảng viên và nhân dân. Hội nghị đánh giá kết quả đạt được, chỉ ra hạn chế và đề ra phương hướng, nhiệm vụ thời gian tới."
page_url="$base/?title=$(urlencode "$title")&text=$(urlencode "$text")"
model_id=$(curl -sf "$base/v1/model" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)

echo "page test: the classifier page"
chromium_run --dump-dom "$page_url" >"$work/page.html"
grep -q 'class="label-name">Hội nghị sơ kết, tổng kết<' "$work/page.html"
check "the review-conference label passed, shown by its Vietnamese name" $?
grep -zq '<mark class="hl evidence"[^>]*data-tip="[^"]*Hội nghị sơ kết, tổng kết' "$work/page.html" # -z: a tooltip may hold several lines
check "an evidence passage of that label is highlighted in the article copy" $?
# the highlighted evidence is a whole passage of the article, at the offsets the API gave
python3 - "$work/page.html" "$text" "$title" <<'PY'
import html, re, sys
page, text, title = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2], sys.argv[3]
marks = re.findall(r'<mark class="hl evidence"[^>]*data-tip="([^"]*)"[^>]*>(.*?)</mark>', page, re.S)
review = [html.unescape(body) for tip, body in marks if "Hội nghị sơ kết, tổng kết" in html.unescape(tip)]
assert review, "no evidence mark for review-conference"
assert all(piece in text or piece in title for piece in review), review
assert any("sơ kết" in piece and len(piece.split()) >= 8 for piece in review), review
PY
check "the evidence mark holds a sentence of the article (or its title) with 'sơ kết'" $?
grep -q 'class="evidence-quote"' "$work/page.html"
check "the label row quotes its evidence passage" $?
grep -q 'id="error" class="error" role="alert" hidden' "$work/page.html"
check "no error is shown" $?
[[ -n "$model_id" ]] && grep -qF "$model_id" "$work/page.html"
check "the model id is shown" $?

mkdir -p service/target
rm -f service/target/page-test.png
chromium_run --screenshot="$root/service/target/page-test.png" --window-size=1280,1600 "$page_url" >/dev/null
[[ -s service/target/page-test.png ]]
check "screenshot service/target/page-test.png" $?

echo "page test: the API page"
chromium_run --dump-dom "$base/docs" >"$work/docs.html"
operations=$(grep -c '"operationId"' service/src/main/resources/web/openapi.json)
routes=$(grep -o 'class="card route"' "$work/docs.html" | wc -l)
[[ "$routes" -gt 0 && "$routes" == "$operations" ]]
check "/docs lists every route of /openapi.json ($routes of $operations)" $?
grep -q '>/v1/classify/batch<' "$work/docs.html" && grep -q '>/admin/reload<' "$work/docs.html" && grep -q '>Send<' "$work/docs.html" && grep -q '>Try<' "$work/docs.html"
check "/docs has the routes' paths and Send/Try buttons" $?

echo "page test: the editor's flow"
node --experimental-websocket service/src/test/browser/editor-flow.mjs /usr/bin/chromium "$base" "$editor_key" "$work" >"$work/flow.json" 2>>"$work/chromium.log"
flow_rc=$?
check "the flow ran to its end: $(head -c 300 "$work/flow.json")" "$flow_rc"
curl -sf -H "Authorization: Bearer $editor_key" "$base/v1/feedback?limit=1000" >"$work/feedback.json"
python3 - "$work/flow.json" "$work/feedback.json" "$editor_key" <<'PY'
import json, sys
flow = json.load(open(sys.argv[1]))
rows = json.load(open(sys.argv[2]))["feedback"]
key = sys.argv[3]
assert flow["signedIn"], flow
assert key not in flow["url"], "the key is in the URL"
assert flow["statusClass"].endswith("ok-text") and "browser-flow-1" in flow["status"], flow
row = [r for r in rows if r["document_id"] == "browser-flow-1"]
assert len(row) == 1, rows
assert row[0]["editor"] == "page-editor", row
assert flow["ticked"] in row[0]["labels"] and sorted(row[0]["labels"]) == sorted(flow["labels"]), (flow, row)
assert flow["reviewItems"] >= 1, flow
PY
check "signed in (key in sessionStorage, not the URL), corrected, and the row is in GET /v1/feedback with the editor's name; the review queue lists the article" $?
[[ $(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{"id":"x","text":"abc","labels":[]}' "$base/v1/feedback") == 401 ]]
check "an anonymous correction is refused with 401" $?

echo "page test: $passed passed, $failed failed"
[[ "$failed" == 0 ]]

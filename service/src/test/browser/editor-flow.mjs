// Drives the page as an editor in headless Chromium over the DevTools protocol (Node's WebSocket,
// run with --experimental-websocket on Node 20): sign in with a key, classify an article, tick a
// label, send the correction, open the review queue. Prints one JSON line of what it saw; every
// wait is bounded. Usage: node --experimental-websocket editor-flow.mjs CHROMIUM BASE_URL KEY WORKDIR
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

const [chromium, base, key, work] = process.argv.slice(2);
const profile = mkdtempSync(join(work, 'profile-'));
const browser = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync',
  '--no-first-run', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
const deadline = Date.now() + 90_000;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
function fail(message) {
  console.log(JSON.stringify({ error: message }));
  browser.kill();
  process.exit(1);
}
setTimeout(() => fail('timed out'), 100_000).unref();

async function until(what, test) {
  while (Date.now() < deadline) {
    const value = await test();
    if (value) return value;
    await pause(200);
  }
  fail('timed out waiting for ' + what);
}

const portFile = join(profile, 'DevToolsActivePort');
await until('DevToolsActivePort', () => existsSync(portFile) && readFileSync(portFile, 'utf8').includes('\n'));
const port = readFileSync(portFile, 'utf8').split('\n')[0];
const targets = await until('a page target', async () => {
  const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  return list.find((t) => t.type === 'page');
});
const ws = new WebSocket(targets.webSocketDebuggerUrl);
await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
let next = 1;
const pending = new Map();
ws.onmessage = (event) => {
  const msg = JSON.parse(event.data);
  if (msg.id && pending.has(msg.id)) {
    pending.get(msg.id)(msg);
    pending.delete(msg.id);
  }
};
function send(method, params) {
  const id = next++;
  ws.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve) => pending.set(id, resolve));
}
async function evaluate(expression) {
  const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (r.result.exceptionDetails) fail('page script failed: ' + JSON.stringify(r.result.exceptionDetails).slice(0, 300));
  return r.result.result.value;
}

await send('Page.navigate', { url: base + '/' });
await until('the page and its labels', () => evaluate("document.readyState === 'complete' && typeof labelInfo === 'object' && labelInfo !== null"));
await evaluate(`$('api-key').value = ${JSON.stringify(key)}; $('signin-form').requestSubmit(); true`);
const signedIn = await evaluate("!$('signed-in').hidden && sessionStorage.getItem('nhan.editorKey') !== null");
const article = {
  title: 'Ban Tuyên giáo Tỉnh ủy sơ kết công tác 6 tháng đầu năm 2024',
  text: 'Chiều 12/7, Ban Tuyên giáo Tỉnh ủy họp sơ kết sáu tháng đầu năm về công tác tuyên giáo, bàn nhiệm vụ những tháng cuối năm. '
    + 'Hội nghị đánh giá kết quả đạt được, chỉ ra hạn chế và đề ra phương hướng, nhiệm vụ thời gian tới; dư luận xã hội được nắm bắt kịp thời.',
};
await evaluate(`fill(${JSON.stringify(article.title)}, ${JSON.stringify(article.text)}); $('form').requestSubmit(); true`);
await until('the correction form', () => evaluate("!$('correction').hidden && document.querySelectorAll('#correct-labels input').length > 0"));
const ticked = await evaluate(`(() => {
  const box = [...document.querySelectorAll('#correct-labels input')].find((b) => !b.checked);
  box.checked = true;
  $('doc-id').value = 'browser-flow-1';
  $('correction').requestSubmit();
  return box.value;
})()`);
const status = await until('the correction status', () => evaluate("$('correction-status').textContent || null"));
const statusClass = await evaluate("$('correction-status').className");
const labels = await evaluate("[...document.querySelectorAll('#correct-labels input:checked')].map((b) => b.value)");
await evaluate("$('review').click(); true");
const reviewItems = await until('the review queue', async () => {
  await evaluate("showReview().then(() => true)");
  const n = await evaluate("$('review-card').hidden ? 0 : document.querySelectorAll('#review-list [data-review]').length");
  return n > 0 ? n : null;
});
const url = await evaluate('location.href');
console.log(JSON.stringify({ signedIn, ticked, labels, status, statusClass, reviewItems, url }));
ws.close();
browser.kill();
process.exit(0);

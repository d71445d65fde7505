// Nhãn web page: classify a pasted article and show its labels, all scores and, with explain,
// the evidence passages behind each label highlighted in a copy of the article (from the offsets
// the API returns) and the words that weighed most. No framework; every API string goes into the
// DOM through textContent or attributes, never as HTML.
'use strict';

const COLORS = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#db2777', '#0d9488', '#ca8a04', '#dc2626'];

const SAMPLES = [
  {
    title: 'Ban Tuyên giáo Tỉnh ủy sơ kết công tác 6 tháng đầu năm 2024',
    text: 'Chiều 12/7, Ban Tuyên giáo Tỉnh ủy họp sơ kết sáu tháng đầu năm về công tác tuyên giáo, ' +
      'bàn nhiệm vụ những tháng cuối năm 2024. Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy chủ trì hội nghị.\n' +
      'Báo cáo tại hội nghị cho biết, 6 tháng đầu năm, ngành tuyên giáo đã tham mưu tổ chức học tập, quán triệt ' +
      'các nghị quyết, chỉ thị của Đảng; nắm bắt kịp thời tình hình tư tưởng của cán bộ, đảng viên và nhân dân; ' +
      'đẩy mạnh đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng.\n' +
      'Hội nghị cũng chỉ ra một số hạn chế như công tác dự báo tình hình có lúc chưa kịp thời. Phát biểu kết luận, ' +
      'đồng chí Trưởng ban đề nghị các cơ quan tuyên giáo tiếp tục đổi mới nội dung, phương thức tuyên truyền, ' +
      'hoàn thành tốt nhiệm vụ 6 tháng cuối năm.',
  },
  {
    title: 'Việt Nam thắng Lào 3-1 ở trận ra quân',
    text: 'Tối 9/12, đội tuyển Việt Nam thắng đội tuyển Lào 3-1 ở lượt trận đầu tiên vòng bảng. Tiền đạo Tiến Linh ' +
      'mở tỷ số ở phút 12 sau pha đánh đầu cận thành. Đội chủ nhà gỡ hòa ngay đầu hiệp hai nhưng Quang Hải và ' +
      'Xuân Son lần lượt ghi bàn giúp đội khách giành trọn ba điểm.\n' +
      'Sau trận đấu, huấn luyện viên trưởng cho biết ông hài lòng với tinh thần thi đấu của các cầu thủ và sẽ ' +
      'xoay tua đội hình cho trận gặp Indonesia ba ngày tới.',
  },
  {
    title: 'Tap huan nghiep vu cho bao cao vien nam 2024',
    text: 'Sang 20/3, Ban Tuyen giao Huyen uy phoi hop voi Trung tam Chinh tri huyen to chuc lop tap huan, boi duong ' +
      'nghiep vu cho doi ngu bao cao vien, tuyen truyen vien co so nam 2024. Tham du lop tap huan co 120 hoc vien ' +
      'la bao cao vien cua cac xa, thi tran.\n' +
      'Cac hoc vien duoc truyen dat ky nang nam bat tinh hinh tu tuong, du luan xa hoi, ky nang tuyen truyen mieng ' +
      'va dau tranh phan bac cac quan diem sai trai tren mang xa hoi. Ket thuc lop hoc, cac hoc vien lam bai thu hoach.',
  },
];

const $ = (id) => document.getElementById(id);
let labelInfo = null; // id -> {name, group, description, threshold}, from GET /v1/labels

/** Creates an element; children are nodes or strings (inserted as text). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'style') for (const [p, v] of Object.entries(value)) node.style.setProperty(p, v);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

const percent = (score) => `${Math.round(score * 100)}%`;

/** Calls the API; resolves to the parsed JSON or throws an Error with status, code and message. */
async function api(method, path, body) {
  let response;
  const headers = body ? { 'Content-Type': 'application/json' } : {};
  const key = signedInKey();
  if (key) headers.Authorization = 'Bearer ' + key;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    throw Object.assign(new Error('Không kết nối được tới máy chủ (' + e.message + ').'), { code: 'network' });
  }
  const raw = await response.text();
  let data = null;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch (e) {
    data = null;
  }
  if (!response.ok) {
    const err = data && data.error ? data.error : { code: 'http_' + response.status, message: raw.slice(0, 300) };
    throw Object.assign(new Error(err.message || response.statusText), { status: response.status, code: err.code });
  }
  if (data === null) throw Object.assign(new Error('Máy chủ trả về dữ liệu không phải JSON.'), { status: response.status });
  return data;
}

function showError(err) {
  const box = $('error');
  box.replaceChildren(
    el('strong', {}, err.status ? `Lỗi ${err.status}` : 'Lỗi'),
    err.code ? el('code', {}, err.code) : '',
    el('span', {}, err.message));
  box.hidden = false;
}

function showModel(model, elapsed) {
  const parts = [el('span', { class: 'model-id', title: 'model id' }, model.id), ' · phiên bản ', el('b', {}, model.version)];
  if (elapsed !== undefined) parts.push(' · ', el('b', {}, `${elapsed} ms`));
  $('model-info').replaceChildren(...parts);
}

async function loadLabels() {
  const data = await api('GET', '/v1/labels');
  labelInfo = {};
  for (const label of data.labels) labelInfo[label.id] = label;
  showModel(data.model);
}

// ---- classification ----

async function classify() {
  const text = $('text').value;
  const title = $('title').value.trim();
  const explain = $('explain').checked;
  const button = $('classify');
  $('error').hidden = true;
  if (!text.trim()) {
    showError({ message: 'Hãy dán nội dung bài viết trước khi phân loại.' });
    $('text').focus();
    return;
  }
  button.disabled = true;
  button.textContent = 'Đang phân loại…';
  $('status').textContent = 'Đang phân loại…';
  $('status').hidden = false;
  try {
    if (!labelInfo) await loadLabels();
    const body = { text, explain };
    if (title) body.title = title;
    const result = await api('POST', '/v1/classify', body);
    render(result, title, text, explain);
  } catch (err) {
    $('status').hidden = true;
    $('results').hidden = true;
    $('article-card').hidden = true;
    showError(err);
  } finally {
    button.disabled = false;
    button.textContent = 'Phân loại';
  }
}

// ---- editors: a key kept in this browser session only (sessionStorage, never the URL) ----

const KEY_ITEM = 'nhan.editorKey';
let lastClassified = null; // {title, text, predicted}

function signedInKey() {
  try {
    return window.sessionStorage.getItem(KEY_ITEM);
  } catch (e) {
    return null;
  }
}

function showSignedIn() {
  const key = signedInKey();
  $('signin-form').hidden = !!key;
  $('signed-in').hidden = !key;
  $('key-hint').textContent = key ? key.slice(0, 9) + '…' : '';
  $('correction').hidden = !key || !lastClassified;
  if (!key) $('review-card').hidden = true;
}

function signIn() {
  const key = $('api-key').value.trim();
  $('api-key').value = '';
  if (!key) return;
  window.sessionStorage.setItem(KEY_ITEM, key);
  showSignedIn();
}

function signOut() {
  window.sessionStorage.removeItem(KEY_ITEM);
  showSignedIn();
}

function renderCorrection(result) {
  const passed = new Set(result.labels.map((l) => l.id));
  const ids = Object.keys(result.scores).sort((a, b) => result.scores[b] - result.scores[a]);
  $('correct-labels').replaceChildren(...ids.map((id) => el('li', {},
    el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: id, 'data-label': id, checked: passed.has(id) }),
      ' ', labelInfo && labelInfo[id] ? labelInfo[id].name : id, ' ', el('span', { class: 'muted' }, percent(result.scores[id]))))));
  $('correction-status').textContent = '';
  $('correction-status').className = 'status';
  showSignedIn();
}

async function sendCorrection() {
  const status = $('correction-status');
  const id = $('doc-id').value.trim();
  if (!id) {
    status.className = 'status error-text';
    status.textContent = 'Hãy nhập mã bài viết trước khi gửi.';
    return;
  }
  const labels = [...document.querySelectorAll('#correct-labels input:checked')].map((box) => box.value);
  const body = { id, text: lastClassified.text, labels, predicted: lastClassified.predicted };
  if (lastClassified.title) body.title = lastClassified.title;
  $('send-correction').disabled = true;
  try {
    const stored = await api('POST', '/v1/feedback', body);
    status.className = 'status ok-text';
    status.textContent = `Đã lưu sửa nhãn #${stored.id} cho bài ${stored.document_id} (biên tập viên ${stored.editor}).`;
  } catch (err) {
    status.className = 'status error-text';
    status.textContent = `Không gửi được (${err.status || ''} ${err.code || ''}): ${err.message}`;
  } finally {
    $('send-correction').disabled = false;
  }
}

async function showReview() {
  try {
    const data = await api('GET', '/v1/review?limit=20');
    $('review-list').replaceChildren(...(data.articles.length ? data.articles.map((a) => el('li', {},
      el('button', { type: 'button', class: 'chip', 'data-review': a.id }, a.title || a.text.slice(0, 80)),
      ' ', el('span', { class: 'muted' }, `độ chắc chắn ${a.margin.toFixed(3)}`))) : [el('li', { class: 'none' }, 'Chưa có bài nào.')]));
    const byId = new Map(data.articles.map((a) => [String(a.id), a]));
    for (const button of document.querySelectorAll('[data-review]')) {
      button.addEventListener('click', () => {
        const a = byId.get(button.dataset.review);
        fill(a.title, a.text);
        $('doc-id').value = a.document_id || '';
        classify();
      });
    }
    $('review-card').hidden = false;
  } catch (err) {
    showError(err);
  }
}

function render(result, title, text, explain) {
  lastClassified = { title, text, predicted: result.labels.map((l) => l.id) };
  renderCorrection(result);
  const colorOf = {};
  result.labels.forEach((label, i) => { colorOf[label.id] = COLORS[i % COLORS.length]; });
  showModel(result.model, result.elapsed_ms);
  $('status').hidden = true;
  $('results').hidden = false;
  $('passed-count').textContent = `${result.labels.length}`;
  $('passed').replaceChildren(...(result.labels.length
    ? result.labels.map((label, i) => passedRow(label, i, colorOf[label.id], explain))
    : [el('li', { class: 'none' }, 'Không có nhãn nào vượt ngưỡng: bài viết không thuộc chủ đề nào của mô hình.')]));
  $('all').replaceChildren(...Object.entries(result.scores)
    .sort((a, b) => b[1] - a[1])
    .map(([id, score]) => scoreRow(id, score, colorOf[id])));
  $('timing').textContent = `Mô hình ${result.model.id} (phiên bản ${result.model.version}) · ${result.elapsed_ms} ms`;
  renderArticle(result.labels, colorOf, title, text, explain);
}

function passedRow(label, index, color, explain) {
  const evidence = explain && label.evidence ? label.evidence : [];
  const row = el('li', { class: 'label-row', 'data-label': index, style: { '--c': color } },
    el('div', { class: 'label-head' },
      el('span', { class: 'swatch' }),
      el('span', { class: 'label-name' }, label.name),
      el('span', { class: 'label-score' }, percent(label.score))),
    el('div', { class: 'bar big' }, el('span', { class: 'fill', style: { width: percent(label.score) } })),
    evidence.length ? el('blockquote', { class: 'evidence-quote', title: `điểm của đoạn: ${percent(evidence[0].score)}` },
      evidence[0].field === 'title' ? el('b', {}, 'Tiêu đề: ') : '', shorten(evidence[0].text, 220)) : '',
    el('div', { class: 'ngrams' }, el('code', { class: 'label-id' }, label.id),
      (explain && label.ngrams ? label.ngrams : []).map((g) => el('span', { class: 'ngram', title: `trọng số ${g.weight}` }, g.ngram))));
  row.addEventListener('mouseenter', () => focusLabel(index, color));
  row.addEventListener('mouseleave', () => focusLabel(null));
  return row;
}

const shorten = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function scoreRow(id, score, color) {
  const info = (labelInfo && labelInfo[id]) || { name: id, threshold: null };
  const passed = color !== undefined;
  const threshold = info.threshold;
  const tip = `${info.name} (${id}): ${percent(score)}` + (threshold === null ? '' : `, ngưỡng ${percent(threshold)}`);
  return el('li', { class: passed ? 'score-row passed-row' : 'score-row', title: tip, style: color ? { '--c': color } : null },
    el('span', { class: 'score-name' }, info.name),
    el('div', { class: 'bar' },
      el('span', { class: 'fill', style: { width: percent(score) } }),
      threshold === null ? null : el('span', { class: 'threshold', style: { left: percent(threshold) } })),
    el('span', { class: 'score-value' }, percent(score)));
}

/** While a label is hovered, its evidence takes its colour and the rest fades; null restores. */
function focusLabel(index, color) {
  for (const mark of $('article').querySelectorAll('mark.hl')) {
    const has = index !== null && mark.dataset.labels.split(' ').includes(String(index));
    mark.classList.toggle('dim', index !== null && !has);
    mark.style.setProperty('--c', has ? color : mark.dataset.color);
  }
}

// ---- explanation: highlight each label's evidence passages in a copy of the article ----

/**
 * The text of one field ('text' or 'title') as nodes: every range that is evidence of a label
 * (start and end are offsets into what was sent) is wrapped in a <mark>; where the ranges of
 * several labels meet, the mark takes the colour of the best-ranked label and its tooltip lists
 * them all with the passage scores.
 */
function highlighted(text, field, labels, colorOf) {
  const cuts = new Set([0, text.length]);
  const ranges = [];
  labels.forEach((label, index) => {
    for (const e of label.evidence || []) {
      if (e.field !== field || !(e.start >= 0 && e.end <= text.length && e.start < e.end)) continue;
      ranges.push({ index, start: e.start, end: e.end, score: e.score, name: label.name });
      cuts.add(e.start);
      cuts.add(e.end);
    }
  });
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = ranges.filter((r) => r.start <= from && r.end >= to).sort((a, b) => a.index - b.index);
    const piece = text.slice(from, to);
    if (!covering.length) { nodes.push(piece); continue; }
    const tip = covering.map((r) => `${r.name}: ${percent(r.score)}`).join('\n');
    const color = colorOf[labels[covering[0].index].id];
    nodes.push(el('mark', {
      class: 'hl evidence',
      'data-labels': covering.map((r) => r.index).join(' '),
      'data-color': color,
      'data-tip': tip,
      'aria-label': tip,
      style: { '--c': color },
    }, piece));
  }
  return nodes;
}

function renderArticle(labels, colorOf, title, text, explain) {
  const withEvidence = explain && labels.some((l) => l.evidence && l.evidence.length);
  $('article-card').hidden = false;
  $('article-note').textContent = withEvidence
    ? 'các đoạn làm căn cứ cho nhãn được tô màu; rê chuột để xem nhãn'
    : (explain ? 'không có nhãn nào để giải thích' : 'bật "Giải thích" để tô các đoạn làm căn cứ cho nhãn');
  $('legend').replaceChildren(...(withEvidence ? labels.map((l, i) =>
    el('span', { class: 'legend-item', style: { '--c': colorOf[l.id] }, 'data-label': i }, el('span', { class: 'swatch' }), l.name)) : []));
  for (const item of $('legend').children) {
    item.addEventListener('mouseenter', () => focusLabel(Number(item.dataset.label), item.style.getPropertyValue('--c')));
    item.addEventListener('mouseleave', () => focusLabel(null));
  }
  const titleNode = $('article-title');
  titleNode.hidden = !title;
  titleNode.replaceChildren(...(withEvidence ? highlighted(title, 'title', labels, colorOf) : [title]));
  $('article-body').replaceChildren(...(withEvidence ? highlighted(text, 'text', labels, colorOf) : [text]));
  focusLabel(null);
}

// ---- wiring ----

function fill(title, text) {
  $('title').value = title || '';
  $('text').value = text || '';
}

document.addEventListener('DOMContentLoaded', () => {
  $('form').addEventListener('submit', (e) => { e.preventDefault(); classify(); });
  $('signin-form').addEventListener('submit', (e) => { e.preventDefault(); signIn(); });
  $('signout').addEventListener('click', signOut);
  $('review').addEventListener('click', showReview);
  $('correction').addEventListener('submit', (e) => { e.preventDefault(); sendCorrection(); });
  showSignedIn();
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); classify(); }
  });
  $('clear').addEventListener('click', () => {
    fill('', '');
    $('results').hidden = true;
    $('article-card').hidden = true;
    $('error').hidden = true;
    $('status').hidden = false;
    $('text').focus();
  });
  for (const button of document.querySelectorAll('[data-sample]')) {
    button.addEventListener('click', () => {
      const sample = SAMPLES[Number(button.dataset.sample)];
      fill(sample.title, sample.text);
      classify();
    });
  }
  const params = new URLSearchParams(window.location.search);
  if (params.has('explain')) $('explain').checked = !/^(0|false|no|off)$/i.test(params.get('explain'));
  const ready = loadLabels().catch((err) => {
    $('model-info').textContent = 'Chưa có mô hình';
    showError(err);
  });
  if (params.get('text')) {
    fill(params.get('title'), params.get('text'));
    ready.then(classify);
  }
});

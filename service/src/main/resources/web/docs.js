// Nhãn API page: reads /openapi.json and lists every route with its description, request and
// response schemas, and a form to call it. No framework; text goes into the DOM as text only.
'use strict';

const $ = (id) => document.getElementById(id);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
let spec = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** Text with `code` spans (the only markup the descriptions use). */
function prose(text) {
  return String(text || '').split('`').map((part, i) => (i % 2 ? el('code', {}, part) : part));
}

/** Follows a local $ref ("#/components/schemas/X"). */
function deref(node) {
  let seen = 0;
  while (node && node.$ref && seen++ < 20) {
    node = node.$ref.slice(2).split('/').reduce((n, key) => (n ? n[key] : undefined), spec);
  }
  return node || {};
}

const refName = (node) => (node && node.$ref ? node.$ref.split('/').pop() : null);

/** A readable outline of a schema: one line per property, nested objects indented. */
function schemaText(node, indent = '', depth = 0, seen = new Set()) {
  const name = refName(node);
  if (name && (seen.has(name) || depth > 6)) return name;
  const nextSeen = name ? new Set([...seen, name]) : seen;
  const s = deref(node);
  if (s.allOf) {
    const merged = { type: 'object', properties: {}, required: [] };
    for (const part of s.allOf.map(deref)) {
      Object.assign(merged.properties, part.properties || {});
      merged.required.push(...(part.required || []));
    }
    return (name ? name + ' ' : '') + schemaText(merged, indent, depth + 1, nextSeen);
  }
  if (s.oneOf) return s.oneOf.map((o) => schemaText(o, indent, depth + 1, nextSeen)).join(' | ');
  if (s.type === 'array') return 'array of ' + schemaText(s.items, indent, depth + 1, nextSeen) + (s.maxItems ? ` (max ${s.maxItems})` : '');
  if (s.type === 'object' || s.properties) {
    const props = s.properties || {};
    const required = new Set(s.required || []);
    const lines = Object.entries(props).map(([key, value]) => {
      const v = deref(value);
      const facts = [];
      if (v.enum) facts.push('one of ' + v.enum.join(', '));
      if (v.minimum !== undefined) facts.push('≥ ' + v.minimum);
      if (v.maximum !== undefined) facts.push('≤ ' + v.maximum);
      if (v.minLength) facts.push('min length ' + v.minLength);
      if (v.default !== undefined) facts.push('default ' + JSON.stringify(v.default));
      if (v.nullable) facts.push('nullable');
      const note = [facts.join(', '), v.description].filter(Boolean).join(' — ');
      return `${indent}  ${key}${required.has(key) ? '*' : ''}: ${schemaText(value, indent + '  ', depth + 1, nextSeen)}${note ? '  // ' + note : ''}`;
    });
    if (s.additionalProperties && typeof s.additionalProperties === 'object' && !Object.keys(props).length) {
      return `{ [key]: ${schemaText(s.additionalProperties, indent, depth + 1, nextSeen)} }`;
    }
    return (name ? name + ' ' : '') + (lines.length ? `{\n${lines.join('\n')}\n${indent}}` : '{ … }');
  }
  return (s.type || 'any') + (s.format ? ` (${s.format})` : '');
}

function exampleOf(media) {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  if (media.examples) return Object.values(media.examples)[0].value;
  const schema = deref(media.schema);
  return schema.example;
}

const pretty = (value) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

function schemaBlock(label, media) {
  const parts = [el('pre', { class: 'code' }, schemaText(media.schema))];
  const example = exampleOf(media);
  if (example !== undefined) parts.push(el('details', { class: 'schema' }, el('summary', {}, 'Ví dụ (example)'), el('pre', { class: 'code' }, pretty(example))));
  return el('details', { class: 'schema' }, el('summary', {}, label), parts);
}

function responsesTable(responses) {
  const rows = Object.entries(responses).map(([status, response]) => {
    const r = deref(response);
    const [type, media] = Object.entries(r.content || {})[0] || [];
    return el('tr', {},
      el('td', { class: status.startsWith('2') ? 'status-ok' : 'status-err' }, status),
      el('td', {}, prose(r.description), media ? schemaBlock(`${type}: ${refName(media.schema) || 'schema'}`, media) : null));
  });
  return el('table', { class: 'statuses' }, el('tbody', {}, rows));
}

function routeCard(path, method, op) {
  const secured = (op.security || []).length > 0;
  const card = el('section', { class: 'card route', id: `route-${method}-${path.replace(/[^a-z0-9]+/gi, '-')}` },
    el('div', { class: 'route-head' },
      el('span', { class: `method ${method}` }, method.toUpperCase()),
      el('span', { class: 'route-path' }, path),
      el('span', { class: 'route-summary' }, op.summary || ''),
      secured ? el('span', { class: 'lock', title: 'Authorization: Bearer <NHAN_ADMIN_TOKEN>' }, 'Bearer token') : null),
    el('p', { class: 'description' }, prose(op.description)));
  const body = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
  if (body) card.append(el('h4', {}, 'Request body (application/json)'), el('pre', { class: 'code' }, schemaText(body.schema)));
  card.append(el('h4', {}, 'Responses'), responsesTable(op.responses || {}));
  card.append(tryPanel(path, method, body, secured));
  return card;
}

function tryPanel(path, method, body, secured) {
  const panel = el('div', { class: 'try' });
  const editor = body ? el('textarea', { class: 'body-editor', spellcheck: 'false', 'aria-label': 'request body' }) : null;
  if (editor) editor.value = pretty(exampleOf(body) || {});
  const token = secured ? el('input', { type: 'text', placeholder: 'NHAN_ADMIN_TOKEN', 'aria-label': 'bearer token' }) : null;
  const button = el('button', { type: 'button', class: 'primary' }, method === 'get' ? 'Try' : 'Send');
  const output = el('div', { class: 'response', hidden: true });
  button.addEventListener('click', () => send(path, method, editor, token, button, output));
  panel.append(el('div', { class: 'try-row' }, button, token ? el('span', { class: 'muted' }, 'Bearer') : null, token,
    el('code', { class: 'muted' }, `${method.toUpperCase()} ${path}`)));
  if (editor) panel.append(editor);
  panel.append(output);
  return panel;
}

async function send(path, method, editor, token, button, output) {
  const headers = {};
  if (editor) headers['Content-Type'] = 'application/json';
  if (token && token.value.trim()) headers.Authorization = 'Bearer ' + token.value.trim();
  button.disabled = true;
  const started = performance.now();
  try {
    const response = await fetch(path, { method: method.toUpperCase(), headers, body: editor ? editor.value : undefined });
    const text = await response.text();
    const ms = Math.round(performance.now() - started);
    let shown = text;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* show as is */ }
    }
    const headerLines = [];
    response.headers.forEach((value, name) => headerLines.push(`${name}: ${value}`));
    output.replaceChildren(
      el('div', {}, el('span', { class: `response-status ${response.ok ? 'status-ok' : 'status-err'}` }, `${response.status} ${response.statusText}`),
        el('span', { class: 'muted' }, ` · ${ms} ms`)),
      el('details', { class: 'schema' }, el('summary', {}, 'Headers'), el('pre', { class: 'code' }, headerLines.join('\n'))),
      el('pre', { class: 'code' }, shown.length > 20000 ? shown.slice(0, 20000) + '\n…' : shown));
  } catch (e) {
    output.replaceChildren(el('div', { class: 'error' }, 'Không gửi được yêu cầu: ' + e.message));
  } finally {
    output.hidden = false;
    button.disabled = false;
  }
}

async function main() {
  try {
    const response = await fetch('/openapi.json');
    if (!response.ok) throw new Error(`GET /openapi.json: ${response.status}`);
    spec = await response.json();
  } catch (e) {
    $('error').textContent = 'Không đọc được /openapi.json: ' + e.message;
    $('error').hidden = false;
    return;
  }
  $('api-title').textContent = spec.info.title;
  $('api-version').textContent = `OpenAPI ${spec.openapi} · API v${spec.info.version}`;
  $('api-description').replaceChildren(el('p', {}, prose(spec.info.description)));
  const toc = [];
  const cards = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const card = routeCard(path, method, item[method]);
      cards.push(card);
      toc.push(el('li', {}, el('a', { href: '#' + card.id }, `${method.toUpperCase()} ${path}`)));
    }
  }
  $('toc').replaceChildren(...toc);
  $('routes').replaceChildren(...cards);
}

document.addEventListener('DOMContentLoaded', main);

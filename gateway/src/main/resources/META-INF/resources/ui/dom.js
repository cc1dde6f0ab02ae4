// Small DOM helpers: elements, tables (sortable), messages, inline field errors.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) { continue; }
    if (k === 'class') { el.className = v; } else if (k.startsWith('on')) { el.addEventListener(k.slice(2), v); }
    else if (k === 'text') { el.textContent = v; } else { el.setAttribute(k, v === true ? '' : v); }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) { continue; }
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export const $ = (sel, root) => (root || document).querySelector(sel);

/** A Chinese label with its English gloss. */
export const bi = (zh, en) => [zh, ' ', h('span', { class: 'en', lang: 'en' }, en)];

export function card(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', {}, title) : null, ...children);
}

export function fmt(v, digits) {
  if (v === undefined || v === null || v === '') { return '—'; }
  if (typeof v === 'number') {
    return Number.isInteger(v) && digits === undefined ? v.toLocaleString('zh-CN')
      : v.toLocaleString('zh-CN', { maximumFractionDigits: digits === undefined ? 4 : digits });
  }
  return String(v);
}
export const pct = (v) => (v === undefined || v === null ? '—' : (v * 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) + '%');

/**
 * A table; columns: [{label, value: row => any, num, render: row => Node|string, cls: row => string}].
 * sortable: a click (or Enter) on a header sorts by that column, again to reverse.
 */
export function table(columns, rows, opts) {
  const o = opts || {};
  let sortBy = -1; let asc = true;
  const tbody = h('tbody');
  const head = h('tr', {}, columns.map((c, i) => {
    const th = h('th', { scope: 'col', class: c.num ? 'num' : null });
    if (o.sortable) {
      th.setAttribute('aria-sort', 'none');
      th.appendChild(h('button', { type: 'button', class: 'sort', onclick: () => sort(i, th) }, c.label));
    } else { append(th, [c.label]); }
    return th;
  }));
  function fill(list) {
    tbody.replaceChildren(...list.map((r) => h('tr', { class: o.rowClass ? o.rowClass(r) : null },
      columns.map((c) => h('td', { class: [c.num ? 'num' : '', c.cls ? c.cls(r) : ''].join(' ').trim() || null },
        c.render ? c.render(r) : fmt(c.value(r), c.digits))))));
    if (!list.length) { tbody.appendChild(h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, o.empty || '无 None'))); }
  }
  function sort(i, th) {
    asc = sortBy === i ? !asc : true; sortBy = i;
    head.querySelectorAll('th').forEach((x) => x.setAttribute('aria-sort', 'none'));
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    const val = columns[i].value;
    fill([...rows].sort((a, b) => {
      const x = val(a); const y = val(b);
      if (x === y) { return 0; } if (x === null || x === undefined) { return 1; } if (y === null || y === undefined) { return -1; }
      return (x < y ? -1 : 1) * (asc ? 1 : -1);
    }));
  }
  fill(rows);
  return h('div', { class: 'table-wrap' }, h('table', { class: o.class || null },
    o.caption ? h('caption', { class: 'muted' }, o.caption) : null, h('thead', {}, head), tbody));
}

/** A live message area (role=status or alert). */
export function message(kind) {
  return h('p', { role: kind === 'error' ? 'alert' : 'status', class: kind === 'error' ? 'error' : 'ok', 'aria-live': 'polite' });
}

/** Shows the API's field errors next to inputs named by data-field; returns the ones no input claimed. */
export function showFieldErrors(form, errors) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
  const unclaimed = [];
  errors.forEach((err, i) => {
    const input = findInput(form, err.field || '');
    if (!input) { unclaimed.push(err); return; }
    const id = 'err-' + i;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    input.closest('label').appendChild(h('span', { class: 'field-error', id }, err.message));
  });
  const first = form.querySelector('[aria-invalid=true]');
  if (first) { first.focus(); }
  return unclaimed;
}

function findInput(form, field) {
  let path = field;
  while (path) {
    const el = form.querySelector('[data-field="' + CSS.escape(path) + '"]');
    if (el) { return el; }
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    path = cut > 0 ? path.slice(0, cut) : '';
  }
  return null;
}

export function link(href, ...text) { return h('a', { href }, ...text); }

export function schoolYear() {
  const now = new Date();
  return now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
}

// The county's review queue: submitted reports with their changes against the last approved revision,
// approve / reject with a reason; bulk import (template, upload, live progress, per-row errors).
import { get, getOrNull, post, api, download, all } from '../api.js';
import { h, bi, card, table, fmt, message, link } from '../dom.js';
import { REPORT_STATUS, lbl, STAGES, TEACHER_FIELDS, FACILITY_FIELDS, FUNDING_FIELDS } from '../labels.js';

const NAMES = Object.fromEntries([
  ...TEACHER_FIELDS.map(([f, n]) => [f, n]), ...FACILITY_FIELDS.map(([f, n]) => [f, n]), ...FUNDING_FIELDS.map(([f, n]) => [f, n]),
  ['students', '在校生数'], ['classSizes', '各班人数']]);

/** Leaf fields of a report as path → value (lists joined). */
export function flatten(o, prefix, out) {
  const acc = out || {};
  if (o === null || o === undefined) { return acc; }
  if (Array.isArray(o)) { acc[prefix] = o.join(';'); return acc; }
  if (typeof o === 'object') { Object.entries(o).forEach(([k, v]) => flatten(v, prefix ? prefix + '.' + k : k, acc)); return acc; }
  acc[prefix] = o; return acc;
}

function fieldName(path) {
  const parts = path.split('.');
  const stage = parts.find((p) => STAGES[p]);
  const leaf = parts[parts.length - 1];
  const name = NAMES[leaf] || NAMES[parts[0]] || leaf;
  return (stage ? STAGES[stage] + ' · ' : '') + name + ' (' + path + ')';
}

/** A list as counts: "42 个: 52×8, 51×34" (the full list in the title). */
function shown(v) {
  if (typeof v !== 'string' || !v.includes(';')) { return fmt(v); }
  const counts = new Map();
  const list = v.split(';');
  list.forEach((x) => counts.set(x, (counts.get(x) || 0) + 1));
  return h('span', { title: v }, list.length + ' 个: ' + [...counts].map(([x, n]) => (n > 1 ? x + '×' + n : x)).join(', '));
}

function diffTable(current, approved) {
  const a = flatten(approved ? approved.report : {}, '');
  const c = flatten(current.report, '');
  const paths = [...new Set([...Object.keys(c), ...Object.keys(a)])].sort();
  const rows = paths.map((p) => ({ p, before: a[p], after: c[p], changed: String(a[p]) !== String(c[p]) }));
  const changed = rows.filter((r) => r.changed);
  const cols = [
    { label: '字段 Field', value: (r) => fieldName(r.p) },
    { label: '已审核 Approved', value: (r) => r.before, num: true, render: (r) => shown(r.before) },
    { label: '本次提交 Submitted', value: (r) => r.after, num: true, render: (r) => shown(r.after) },
  ];
  if (!approved) {
    return h('details', {}, h('summary', {}, '首次提交 (无已审核版本) first submission: ' + rows.length + ' 个字段 fields'), table(cols.filter((x, i) => i !== 1), rows));
  }
  return h('div', {}, h('p', {}, '与已审核第 ' + approved.revision + ' 版相比有 ' + changed.length + ' 处变化 changes vs the approved revision'),
    table(cols, changed, { rowClass: () => 'changed', class: 'diff', empty: '没有变化 no change' }),
    h('details', {}, h('summary', {}, '未变化的字段 unchanged fields (' + (rows.length - changed.length) + ')'), table(cols, rows.filter((r) => !r.changed))));
}

function reviewRow(county, year, school, current, refresh) {
  const reason = h('input', { name: 'reason', 'aria-label': '退回原因 Reason for ' + school.name, placeholder: '退回原因 reason' });
  const msg = message('error');
  const base = '/api/v1/schools/' + school.schoolCode + '/reports/' + year;
  const approve = h('button', { type: 'button', class: 'approve', onclick: async () => {
    try { await post(base + '/approve'); refresh(); } catch (e) { msg.textContent = e.message; } } }, '审核通过 Approve');
  const reject = h('button', { type: 'button', class: 'danger reject', onclick: async () => {
    if (!reason.value.trim()) { msg.textContent = '请填写退回原因 A reason is required'; reason.focus(); return; }
    try { await post(base + '/reject', { reason: reason.value.trim() }); refresh(); } catch (e) { msg.textContent = e.message; } } }, '退回 Reject');
  return h('article', { class: 'card', 'data-school': school.schoolCode },
    h('h3', {}, link('/console/schools/' + school.schoolCode + '/reports/' + year, school.name), ' ',
      h('span', { class: 'en' }, school.schoolCode + ' · 第 ' + current.revision + ' 版 · ' + (current.submittedBy || '') + ' ' + (current.submittedAt ? new Date(current.submittedAt).toLocaleString('zh-CN') : ''))),
    h('div', { class: 'row' }, approve, h('label', {}, '退回原因 Reason', reason), reject), msg);
}

async function queueCard(county, year, container) {
  const schools = await all('/api/v1/schools?countyCode=' + county);
  // the years list answers [] for a school without reports (no 404 in the console)
  const reports = await Promise.all(schools.map((s) => get('/api/v1/schools/' + s.schoolCode + '/reports')
    .then((list) => list.find((r) => r.year === year) || null).catch(() => null)));
  const rows = schools.map((s, i) => ({ s, r: reports[i] }));
  const submitted = rows.filter((x) => x.r && x.r.status === 'SUBMITTED');
  const refresh = () => queueCard(county, year, container);
  const articles = await Promise.all(submitted.map(async ({ s, r }) => {
    const approved = r.countingRevision ? await getOrNull('/api/v1/schools/' + s.schoolCode + '/reports/' + year + '/approved') : null;
    const a = reviewRow(county, year, s, r, refresh);
    a.appendChild(diffTable(r, approved));
    return a;
  }));
  const counts = {};
  rows.forEach((x) => { const k = x.r ? x.r.status : 'NONE'; counts[k] = (counts[k] || 0) + 1; });
  container.replaceChildren(
    card(bi('待审核报表', 'Submitted reports') , h('ul', { class: 'chips', id: 'status-counts' },
      Object.entries(counts).map(([k, n]) => h('li', { class: k }, (REPORT_STATUS[k] || '未填报') + ' ' + n))),
    submitted.length ? null : h('p', { class: 'muted', id: 'queue-empty' }, '没有待审核的报表 Nothing to review')),
    ...articles,
    card(bi('全部学校', 'All schools'), table([
      { label: '学校 School', value: (x) => x.s.name, render: (x) => link('/console/schools/' + x.s.schoolCode + '/reports/' + year, x.s.name) },
      { label: '代码 Code', value: (x) => x.s.schoolCode },
      { label: '状态 Status', value: (x) => (x.r ? x.r.status : ''), render: (x) => h('span', { class: x.r ? x.r.status : '' }, x.r ? lbl(REPORT_STATUS, x.r.status) : '未填报') },
      { label: '版本 Rev.', value: (x) => (x.r ? x.r.revision : null), num: true },
      { label: '计入版本 Counting', value: (x) => (x.r ? x.r.countingRevision : null), num: true },
    ], rows, { sortable: true })));
}

function importCard(county, year, onDone) {
  const file = h('input', { type: 'file', id: 'import-file', name: 'file', accept: '.csv,.xlsx,.json', required: true });
  const submit = h('input', { type: 'checkbox', id: 'import-submit', name: 'submit' });
  const err = message('error');
  const progress = h('div', { id: 'import-progress', 'aria-live': 'polite' });
  const form = h('form', { class: 'row', id: 'import-form' },
    h('label', {}, bi('文件 (CSV / XLSX / JSON)', 'File'), file),
    h('label', { class: 'row' }, h('span', {}, '同时提交审核 also submit'), submit),
    h('button', { type: 'submit' }, '上传导入 Upload'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault(); err.textContent = '';
    if (!file.files.length) { err.textContent = '请选择文件 Choose a file'; return; }
    const data = new FormData(); data.append('file', file.files[0]);
    try {
      const job = await api('POST', '/api/v1/counties/' + county + '/reports/' + year + '/import' + (submit.checked ? '?submit=true' : ''), data);
      watch(job, progress, onDone);
    } catch (x) { err.textContent = '导入失败 Import refused: ' + x.message; }
  });
  const tpl = (fmtName) => h('button', { type: 'button', class: 'secondary', onclick: () => download(
    '/api/v1/counties/' + county + '/reports/' + year + '/import/template?format=' + fmtName, 'report-import-' + county + '-' + year + '.' + fmtName)
    .catch((x) => { err.textContent = x.message; }) }, '下载模板 Template ' + fmtName.toUpperCase());
  return card(bi('批量导入', 'Bulk import'), h('div', { class: 'row' }, tpl('xlsx'), tpl('csv')), form, err, progress);
}

function watch(job, box, onDone) {
  const bar = h('progress', { max: Math.max(job.totalRows, 1), value: job.processedRows, 'aria-label': '导入进度 Import progress' });
  const text = h('p', { id: 'import-status' });
  const errors = h('div', { id: 'import-errors' });
  box.replaceChildren(bar, text, errors);
  const show = (j) => {
    bar.max = Math.max(j.totalRows, 1); bar.value = j.processedRows;
    text.textContent = '状态 ' + j.status + ' · 已处理 ' + j.processedRows + '/' + j.totalRows + ' · 接受 accepted ' + j.acceptedRows
      + ' · 拒绝 rejected ' + j.rejectedRows + (j.failure ? ' · ' + j.failure : '');
    errors.replaceChildren((j.errors || []).length ? table([
      { label: '行 Row', value: (r) => r.row, num: true },
      { label: '学校 School', value: (r) => r.schoolCode },
      { label: '列 Column', value: (r) => r.column || r.field },
      { label: '错误 Error', value: (r) => r.message, cls: () => 'fail' },
    ], j.errors.flatMap((r) => (r.errors || []).map((c) => Object.assign({ row: r.row, schoolCode: r.schoolCode }, c))),
    { caption: '被拒绝的行 (未保存) rejected rows, nothing stored' }) : '');
  };
  show(job);
  const poll = async () => {
    const j = await get(job.location);
    show(j);
    if (!['DONE', 'FAILED'].includes(j.status) && !j.finishedAt) { setTimeout(poll, 700); } else if (onDone) { onDone(); }
  };
  if (!job.finishedAt) { setTimeout(poll, 300); } else if (onDone) { onDone(); }
}

export async function render(view, { county, year }) {
  document.title = county + ' ' + year + ' 报表审核';
  const queue = h('div', { id: 'queue' }, h('p', { class: 'muted' }, '加载中…'));
  view.replaceChildren(h('h1', {}, '报表审核与导入 ', h('span', { class: 'en' }, 'Review queue and import · ' + county + ' · ' + year)),
    h('p', {}, link('/console/counties/' + county + '/' + year, '← 县域看板 Dashboard')),
    importCard(county, year, () => queueCard(county, year, queue)), queue);
  await queueCard(county, year, queue);
}

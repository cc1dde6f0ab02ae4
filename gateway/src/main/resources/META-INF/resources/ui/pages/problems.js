// The problem ledger (问题台账): filters, assignment, evidence upload and download, rectified / verify / reopen,
// XLSX export (supervision.md §3, §6). Filters live in the query string so a filtered view is bookmarkable.
import { get, post, patch, api, download, items, all } from '../api.js';
import { h, bi, card, table, fmt, message, showFieldErrors, schoolYear, link } from '../dom.js';
import { PROBLEM_STATUS, PROBLEM_SOURCE, STAGES, lbl } from '../labels.js';

const CLOSED = ['RECTIFIED', 'VERIFIED'];
const today = () => new Date().toISOString().slice(0, 10);
export const overdue = (p) => (typeof p.overdue === 'boolean' ? p.overdue : !!p.deadline && p.deadline < today() && !CLOSED.includes(p.status));
const gapText = (p) => (p.gap && p.gap.amount !== undefined && p.gap.amount !== null ? fmt(p.gap.amount, 2) + ' ' + (p.gap.unit || '') : '—');
const SUPERVISING = ['REVIEWER', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'];

function filters(q, departments) {
  const sel = (name, label, map, extra) => h('label', {}, label, h('select', { name, id: 'filter-' + name },
    h('option', { value: '' }, '全部 all'), Object.entries(map).map(([k, v]) => h('option', { value: k, selected: q.get(name) === k }, v + ' ' + k)), extra));
  const form = h('form', { class: 'row', id: 'filters', method: 'get' },
    h('label', {}, '学年 Year', h('input', { name: 'year', type: 'number', min: 2000, max: 2100, value: q.get('year') || schoolYear() })),
    sel('status', '状态 Status', PROBLEM_STATUS),
    sel('department', '责任单位 Department', Object.fromEntries(departments.map((d) => [d.code, d.name]))),
    h('label', {}, '学校 School', h('input', { name: 'schoolCode', inputmode: 'numeric', value: q.get('schoolCode') || '', size: 11 })),
    sel('source', '来源 Source', PROBLEM_SOURCE),
    h('label', { class: 'row' }, h('span', {}, '仅逾期 overdue'), h('input', { type: 'checkbox', name: 'overdue', value: 'true', checked: q.get('overdue') === 'true' })),
    h('button', { type: 'submit' }, '筛选 Filter'));
  return form;
}

function detail(p, departments, who, refresh) {
  const err = message('error'); const ok = message('status');
  const fail = (x) => { err.textContent = x.message; };
  const base = '/api/v1/problems/' + p.id;
  const deptSel = h('select', { name: 'department', 'data-field': 'department' }, h('option', { value: '' }, '—'),
    departments.map((d) => h('option', { value: d.code, selected: p.department === d.code }, d.name)));
  const assign = h('form', { class: 'row', id: 'assign-form', novalidate: true },
    h('label', {}, '责任单位 Department', deptSel),
    h('label', {}, '责任人 Owner', h('input', { name: 'owner', 'data-field': 'owner', value: p.owner || '' })),
    h('label', {}, '整改时限 Deadline', h('input', { name: 'deadline', 'data-field': 'deadline', type: 'date', value: p.deadline || '' })),
    h('button', { type: 'submit' }, '分配 Assign'));
  assign.addEventListener('submit', (e) => {
    e.preventDefault();
    patch(base, { department: deptSel.value || null, owner: assign.owner.value.trim() || null, deadline: assign.deadline.value || null })
      .then(() => { ok.textContent = '已分配 Assigned'; refresh(p.id); }, (x) => { showFieldErrors(assign, x.errors); fail(x); });
  });
  const uploaded = [];
  const file = h('input', { type: 'file', id: 'evidence-file', name: 'file', accept: '.pdf,.png,.jpg,.jpeg,.xlsx,.docx' });
  const upload = h('button', { type: 'button', id: 'upload-evidence', onclick: async () => {
    if (!file.files.length) { err.textContent = '请选择文件 Choose a file'; return; }
    const data = new FormData(); data.append('file', file.files[0]);
    try { const ev = await api('POST', base + '/evidence', data); uploaded.push(ev.id); ok.textContent = '已上传 Uploaded ' + file.files[0].name + ' (SHA-256 ' + (ev.sha256 || '').slice(0, 12) + '…)'; refresh(p.id, uploaded); } catch (x) { fail(x); }
  } }, '上传佐证 Upload evidence');
  const note = h('textarea', { id: 'problem-note', name: 'note', rows: 2, 'data-field': 'note' });
  const evidenceIds = () => (p.evidence || []).map((e) => e.id || e);
  const act = (path, body, label, cls) => h('button', { type: 'button', class: cls || null, id: 'action-' + path,
    onclick: () => post(base + '/' + path, body()).then(() => refresh(p.id), fail) }, label);
  const canVerify = SUPERVISING.includes(who.role);
  return card(h('span', {}, '问题 #' + p.id + ' ', h('span', { class: p.status }, lbl(PROBLEM_STATUS, p.status))),
    h('p', {}, h('strong', {}, p.title || p.ref)),
    h('dl', { class: 'kv' },
      h('dt', {}, '来源 Source'), h('dd', {}, lbl(PROBLEM_SOURCE, p.source)),
      h('dt', {}, '学校 School'), h('dd', {}, p.schoolCode ? link('/console/schools/' + p.schoolCode + '/reports/' + p.year, (p.schoolName || '') + ' ' + p.schoolCode) : '—', p.stage ? ' · ' + (STAGES[p.stage] || p.stage) : ''),
      h('dt', {}, '指标 Ref'), h('dd', {}, p.ref || '—'), h('dt', {}, '差距 Gap'), h('dd', {}, gapText(p)),
      p.hint ? [h('dt', {}, '整改建议 Hint'), h('dd', {}, p.hint)] : null,
      h('dt', {}, '数据状态 Data'), h('dd', { class: p.dataStatus || '' }, p.dataStatus || '—'),
      h('dt', {}, '标识 Key'), h('dd', {}, h('code', {}, p.key || '—'))),
    h('h3', {}, '分配 Assignment'), assign,
    h('h3', {}, '佐证材料 Evidence'),
    h('ul', { id: 'evidence-list' }, (p.evidence || []).map((ev) => h('li', {}, h('button', { type: 'button', class: 'secondary',
      onclick: () => download('/api/v1/evidence/' + (ev.id || ev), ev.filename || ('evidence-' + (ev.id || ev))).catch(fail) },
    '下载 ' + (ev.filename || ev.id || ev)), ' ', h('span', { class: 'muted' }, ev.contentType || '', ev.size ? ' · ' + fmt(ev.size) + ' B' : '', ev.sha256 ? ' · ' + ev.sha256.slice(0, 12) + '…' : '')))),
    h('div', { class: 'row' }, h('label', {}, '文件 File', file), upload),
    h('h3', {}, '整改与销号 Rectify and verify'),
    h('label', {}, '说明 Note', note),
    h('div', { class: 'row' },
      act('rectified', () => ({ note: note.value.trim(), evidence: [...new Set([...evidenceIds(), ...uploaded])] }), '已整改 Rectified'),
      canVerify ? act('verify', () => ({ note: note.value.trim() }), '核验销号 Verify') : null,
      act('reopen', () => ({ note: note.value.trim() }), '重新打开 Reopen', 'danger')),
    err, ok,
    h('h3', {}, '处理记录 History'),
    table([
      { label: '时间 At', value: (x) => x.at, render: (x) => (x.at ? new Date(x.at).toLocaleString('zh-CN') : '—') },
      { label: '人 Who', value: (x) => (x.actor || x.who || '') + (x.actorRole ? ' (' + x.actorRole + ')' : '') },
      { label: '变化 Change', value: (x) => (x.action || '') + ' ' + (x.from ? lbl(PROBLEM_STATUS, x.from) : '') + ' → ' + (x.to ? lbl(PROBLEM_STATUS, x.to) : '') },
      { label: '说明 Note', value: (x) => x.note },
    ], p.history || []));
}

/** A MANUAL problem entered by the county, a reviewer or a department. */
function newProblemForm(county, year, departments) {
  const err = message('error');
  const form = h('form', { id: 'new-problem', novalidate: true },
    h('div', { class: 'fields' },
      h('label', {}, '问题 Title', h('input', { name: 'title', 'data-field': 'title', required: true })),
      h('label', {}, '学校标识码 School', h('input', { name: 'schoolCode', 'data-field': 'schoolCode', inputmode: 'numeric' })),
      h('label', {}, '指标 Ref', h('input', { name: 'ref', 'data-field': 'ref' })),
      h('label', {}, '责任单位 Department', h('select', { name: 'department', 'data-field': 'department' }, h('option', { value: '' }, '—'),
        departments.map((d) => h('option', { value: d.code }, d.name)))),
      h('label', {}, '整改时限 Deadline', h('input', { name: 'deadline', type: 'date', 'data-field': 'deadline' }))),
    h('button', { type: 'submit' }, '登记问题 Add'), err);
  form.addEventListener('submit', async (e) => {
    e.preventDefault(); err.textContent = '';
    const v = (n) => form[n].value.trim() || undefined;
    try {
      const p = await post('/api/v1/counties/' + county + '/problems', { year: +year, title: v('title'), schoolCode: v('schoolCode'), ref: v('ref'), department: v('department'), deadline: v('deadline') });
      location.search = '?year=' + year + '&problem=' + p.id;
    } catch (x) { showFieldErrors(form, x.errors); err.textContent = x.message; }
  });
  return h('details', {}, h('summary', {}, '登记新问题 Add a problem'), form);
}

export async function render(view, { county }, who) {
  const q = new URLSearchParams(location.search);
  const year = q.get('year') || schoolYear();
  const departments = await get('/api/v1/counties/' + county + '/departments').then(items).catch(() => []);
  const params = new URLSearchParams({ year });
  ['status', 'department', 'schoolCode', 'source'].forEach((k) => { if (q.get(k)) { params.set(k, q.get(k)); } });
  let list = await all('/api/v1/counties/' + county + '/problems?' + params);
  if (q.get('overdue') === 'true') { list = list.filter(overdue); }
  const deptName = Object.fromEntries(departments.map((d) => [d.code, d.name]));
  const panel = h('div', { id: 'problem-detail' });
  const open = async (id) => { panel.replaceChildren(detail(await get('/api/v1/problems/' + id), departments, who, reload)); panel.scrollIntoView({ block: 'start' }); };
  const reload = async (id) => { const p = await get('/api/v1/problems/' + id); panel.replaceChildren(detail(p, departments, who, reload)); };
  document.title = county + ' 问题台账';
  const err = message('error');
  view.replaceChildren(
    h('h1', {}, '问题台账 ', h('span', { class: 'en' }, 'Problem ledger · ' + county + ' · ' + year)),
    h('p', {}, link('/console/counties/' + county + '/' + year, '← 县域看板 Dashboard')),
    card(null, filters(q, departments), h('div', { class: 'row' }, h('button', { type: 'button', id: 'export-xlsx', class: 'secondary',
      onclick: () => download('/api/v1/counties/' + county + '/problems.xlsx?year=' + year, 'problems-' + county + '-' + year + '.xlsx').catch((x) => { err.textContent = x.message; }) },
    '导出台账 XLSX Export')), err, who.role === 'VIEWER' ? null : newProblemForm(county, year, departments)),
    card(bi('问题', 'Problems') , h('p', { class: 'muted' }, '共 ' + list.length + ' 条 · 逾期 ' + list.filter(overdue).length),
      table([
        { label: '序号 No.', value: (p) => p.id, num: true, render: (p) => h('button', { type: 'button', class: 'secondary open-problem', 'data-id': p.id, onclick: () => open(p.id) }, String(p.id)) },
        { label: '问题 Problem', value: (p) => p.title },
        { label: '学校 School', value: (p) => p.schoolName || p.schoolCode },
        { label: '指标 Ref', value: (p) => p.ref },
        { label: '差距 Gap', value: (p) => (p.gap ? p.gap.amount : null), num: true, render: gapText },
        { label: '责任单位 Dept', value: (p) => deptName[p.department] || p.department },
        { label: '责任人 Owner', value: (p) => p.owner },
        { label: '时限 Deadline', value: (p) => p.deadline, cls: (p) => (overdue(p) ? 'overdue' : '') },
        { label: '状态 Status', value: (p) => p.status, render: (p) => h('span', { class: p.status }, lbl(PROBLEM_STATUS, p.status)) },
        { label: '来源 Source', value: (p) => lbl(PROBLEM_SOURCE, p.source) },
      ], list, { sortable: true, class: 'problems-table', empty: '没有符合条件的问题 No problems match' })),
    panel);
  if (q.get('problem')) { await open(q.get('problem')); }
}

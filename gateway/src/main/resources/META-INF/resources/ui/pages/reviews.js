// Review stages (评估认定): the stage timeline, frozen snapshots, inspections entry, decisions, publication and its
// objections (supervision.md §4, §5, §6). Who may press which button is the API's decision; the page offers by role
// and stage, and shows the API's refusal when it says no.
import { get, post, getOrNull, download } from '../api.js';
import { h, bi, card, table, fmt, message, showFieldErrors, link } from '../dom.js';
import { REVIEW_STAGES, TEACHER_FIELDS, FACILITY_FIELDS, FUNDING_FIELDS, STAGES, VERDICTS, ROLES, lbl } from '../labels.js';

const ORDER = ['SELF_EVALUATION', 'CITY_REVIEW', 'PROVINCE_EVALUATION', 'PUBLICATION'];
const SUPERVISING = ['REVIEWER', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'];
const ACTIONS = { SUBMITTED: '提交自评', PASSED: '通过', RETURNED: '退回', PUBLISHED: '发布公示', REOPENED: '重新评估',
  RECOGNISED: '认定通过', NOT_RECOGNISED: '未通过认定' };
const at = (v) => (v ? new Date(v).toLocaleString('zh-CN') : '—');

function timeline(stage) {
  const end = stage === 'RECOGNISED' || stage === 'NOT_RECOGNISED';
  const now = end ? ORDER.length : ORDER.indexOf(stage);
  return h('ol', { class: 'timeline', id: 'stage-timeline', 'aria-label': '认定阶段 Stages' },
    ORDER.map((s, i) => h('li', { class: i < now ? 'done' : i === now ? 'current' : '', 'aria-current': i === now ? 'step' : null }, REVIEW_STAGES[s])),
    h('li', { class: end ? 'current' : '', 'aria-current': end ? 'step' : null }, end ? REVIEW_STAGES[stage] : '认定 Recognition'));
}

/** Every field of the annual report an inspector may observe, as the observed map's keys. */
function observableFields() {
  const out = [];
  ['PRIMARY', 'JUNIOR'].forEach((s) => {
    out.push(['students.' + s, STAGES[s] + ' 在校生数']);
    TEACHER_FIELDS.forEach(([f, n]) => out.push(['teachers.' + s + '.' + f, STAGES[s] + ' ' + n]));
  });
  FACILITY_FIELDS.filter((f) => f[3] !== 'list').forEach(([f, n, u]) => out.push(['facilities.' + f, n + ' (' + u + ')']));
  FUNDING_FIELDS.forEach(([f, n, u]) => out.push(['funding.' + f, n + ' (' + u + ')']));
  return out;
}

function inspectionForm(base) {
  const fields = observableFields();
  const rows = h('div', { id: 'observed-rows' });
  const addRow = () => {
    const i = rows.children.length;
    rows.appendChild(h('div', { class: 'row' },
      h('label', {}, '项目 Field', h('select', { name: 'field' + i, class: 'obs-field' }, fields.map(([k, n]) => h('option', { value: k }, n + ' · ' + k)))),
      h('label', {}, '实地数值 Observed', h('input', { name: 'value' + i, class: 'obs-value', inputmode: 'decimal', 'data-field': i ? null : 'observed' }))));
  };
  addRow();
  const err = message('error'); const ok = message('status');
  const form = h('form', { id: 'inspection-form', novalidate: true },
    h('div', { class: 'row' },
      h('label', {}, '学校标识码 School', h('input', { name: 'schoolCode', 'data-field': 'schoolCode', inputmode: 'numeric', required: true })),
      h('label', {}, '督查人 Inspector', h('input', { name: 'inspector', 'data-field': 'inspector', required: true })),
      h('label', {}, '日期 Date', h('input', { name: 'date', type: 'date', 'data-field': 'date', required: true }))),
    rows, h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', onclick: addRow }, '再加一项 Add a field'),
      h('button', { type: 'submit' }, '记录督查 Record inspection')), err, ok);
  form.addEventListener('submit', async (e) => {
    e.preventDefault(); err.textContent = ''; ok.textContent = '';
    const observed = {};
    rows.querySelectorAll('.row').forEach((r) => {
      const v = r.querySelector('.obs-value').value.trim();
      if (v !== '') { observed[r.querySelector('.obs-field').value] = isNaN(+v) ? v : +v; }
    });
    try {
      const res = await post(base + '/inspections', { schoolCode: form.schoolCode.value.trim(), inspector: form.inspector.value.trim(), date: form.date.value, observed });
      showFieldErrors(form, []);
      const beyond = (res.differences || []).filter((d) => d.beyondTolerance).length;
      ok.textContent = '已记录 Recorded · 超出容差 ' + beyond + ' 项' + (beyond ? '，已生成督查问题 INSPECTION problems added' : '');
      setTimeout(() => location.reload(), 1200);
    } catch (x) { showFieldErrors(form, x.errors); err.textContent = x.message; }
  });
  return form;
}

function inspectionsCard(base, list, supervising) {
  const rows = (list.inspections || []).flatMap((i) => (i.differences || []).map((d) => Object.assign({ i }, d)));
  return card(bi('实地督查', 'Inspections'),
    table([
      { label: '学校 School', value: (d) => (d.i.schoolName || '') + ' ' + d.i.schoolCode },
      { label: '日期 Date', value: (d) => d.i.date },
      { label: '督查人 Inspector', value: (d) => d.i.inspector },
      { label: '项目 Field', value: (d) => d.field },
      { label: '年报值 Reported', value: (d) => d.reported, num: true },
      { label: '实地值 Observed', value: (d) => d.observed, num: true },
      { label: '偏差 Deviation', value: (d) => d.deviation, num: true, render: (d) => (d.deviation === null ? '—' : fmt(d.deviation * 100, 1) + '%'), cls: (d) => (d.beyondTolerance ? 'fail' : '') },
      { label: '问题 Problem', value: (d) => d.problemId, render: (d) => (d.problemId ? link('/console/counties/' + d.i.countyCode + '/problems?year=' + d.i.year + '&problem=' + d.problemId, '#' + d.problemId) : '—') },
    ], rows, { class: 'inspections-table', empty: '尚无督查记录 No inspections yet' }),
    (list.falsificationCandidates || []).length ? [h('h3', {}, '数据不实的学校 Schools with figures beyond the tolerance (弄虚作假)'),
      h('ul', {}, list.falsificationCandidates.map((f) => h('li', {}, (f.schoolName || '') + ' ' + f.schoolCode + ': ' + f.fields.join(', '))))] : null,
    supervising ? [h('h3', {}, '记录督查 Record an inspection'),
      h('p', { class: 'muted' }, '与已审核年报相差超过容差(默认 5%)的数值将生成督查问题 Differences beyond the tolerance become INSPECTION problems.'),
      inspectionForm(base)] : null);
}

function objectionsCard(base, list, mayDecide) {
  const err = message('error');
  const decide = (o, upheld) => {
    const reason = document.getElementById('objection-reason-' + o.id).value.trim();
    post(base + '/objections/' + o.id + '/decision', { upheld, reason }).then(() => location.reload(), (x) => { err.textContent = x.message; });
  };
  return card(bi('公示异议', 'Objections'), table([
    { label: '收到 Received', value: (o) => o.receivedAt, render: (o) => at(o.receivedAt) },
    { label: '内容 Text', value: (o) => o.text },
    { label: '联系方式 Contact', value: (o) => o.contact },
    { label: '决定 Decision', value: (o) => o.decision, render: (o) => (o.decision ? h('span', { class: o.decision === 'UPHELD' ? 'fail' : '' }, o.decision === 'UPHELD' ? '成立' : '不成立', ' · ', o.reason || '', ' · ', o.decidedBy || '')
      : mayDecide ? h('div', { class: 'row' }, h('label', {}, '理由 Reason', h('input', { id: 'objection-reason-' + o.id })),
        h('button', { type: 'button', class: 'danger', onclick: () => decide(o, true) }, '成立 Uphold'),
        h('button', { type: 'button', class: 'secondary', onclick: () => decide(o, false) }, '不成立 Dismiss')) : '待省级决定 pending') },
  ], list, { empty: '没有异议 No objections' }), err);
}

function actions(base, r, who, fail) {
  const stage = r.stage;
  const out = [];
  if (['COUNTY_ADMIN', 'SYSTEM_ADMIN'].includes(who.role) && stage === 'SELF_EVALUATION') {
    const comments = h('textarea', { id: 'submit-comments', rows: 2 });
    out.push(h('label', {}, '自评说明 Comments (可选 optional)', comments),
      h('div', { class: 'row' }, h('button', { type: 'button', id: 'submit-self',
        onclick: () => post(base + '/submit', { comments: comments.value.trim() || undefined }).then(() => location.reload(), fail) }, '提交县级自评 Submit self-evaluation')));
  }
  if (SUPERVISING.includes(who.role) && ['CITY_REVIEW', 'PROVINCE_EVALUATION'].includes(stage) && r.status === 'OPEN') {
    const comments = h('textarea', { id: 'decision-comments', rows: 2 });
    const decide = (decision) => post(base + '/decision', { decision, comments: comments.value.trim() }).then(() => location.reload(), fail);
    out.push(h('label', {}, REVIEW_STAGES[stage] + '意见 Comments (退回时必填 required to return)', comments),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'decide-pass', onclick: () => decide('PASS') }, '通过 Pass'),
        h('button', { type: 'button', id: 'decide-return', class: 'danger', onclick: () => decide('RETURN') }, '退回 Return')));
  }
  if (SUPERVISING.includes(who.role) && stage === 'PROVINCE_EVALUATION' && r.status === 'PASSED') {
    const days = h('input', { id: 'publish-days', type: 'number', min: 1, max: 30, value: 5 });
    out.push(h('div', { class: 'row' }, h('label', {}, '公示期(工作日) Working days', days),
      h('button', { type: 'button', id: 'publish', onclick: () => post(base + '/publish', { days: +days.value }).then(() => location.reload(), fail) }, '发布公示 Publish')));
  }
  return out;
}

export async function render(view, { county, year }, who) {
  const base = '/api/v1/counties/' + county + '/reviews/' + year;
  const [r, inspections, objections] = await Promise.all([get(base), getOrNull(base + '/inspections'), getOrNull(base + '/objections')]);
  const err = message('error');
  const fail = (x) => { err.textContent = x.message; };
  const supervising = SUPERVISING.includes(who.role);
  const published = ['PUBLICATION', 'RECOGNISED', 'NOT_RECOGNISED'].includes(r.stage) || r.publishedAt;
  document.title = county + ' ' + year + ' 评估认定';
  view.replaceChildren(
    h('h1', {}, '评估认定 ', h('span', { class: 'en' }, 'Review stages · ' + county + ' · ' + year)),
    h('p', {}, link('/console/counties/' + county + '/' + year, '← 县域看板 Dashboard'), published ? [' · ', link('/p/' + county + '/' + year, '公示页 Public page')] : null),
    card(bi('阶段', 'Stage'), timeline(r.stage),
      h('dl', { class: 'kv' },
        h('dt', {}, '当前阶段 Stage'), h('dd', { id: 'review-state' }, h('strong', { id: 'review-stage' }, lbl(REVIEW_STAGES, r.stage)),
          r.status === 'PASSED' ? ' · 省级已通过，待公示 passed, to be published' : r.revision === 0 ? ' · 尚未提交自评 not submitted yet' : ''),
        h('dt', {}, '冻结结论 Frozen verdict'), h('dd', { id: 'review-verdict' }, r.verdict ? h('span', { class: r.verdict }, lbl(VERDICTS, r.verdict)) : '—'),
        r.windowCloses ? [h('dt', {}, '公示期至 Window closes'), h('dd', {}, r.windowCloses)] : null,
        r.snapshotDigest ? [h('dt', {}, '最新快照 Latest snapshot'), h('dd', {}, h('code', {}, r.snapshotDigest))] : null),
      actions(base, r, who, fail), err),
    (r.openProblems || []).length ? card(bi('未销号问题', 'Problems open at the end'), h('ul', {}, r.openProblems.map((p) =>
      h('li', {}, link('/console/counties/' + county + '/problems?year=' + year + '&problem=' + p.id, '#' + p.id), ' ' + p.title)))) : null,
    h('div', { class: 'grid' },
      card(bi('快照', 'Snapshots'), table([
        { label: '版本 Version', value: (s) => s.version, num: true },
        { label: '阶段 Stage', value: (s) => lbl(REVIEW_STAGES, s.stage) },
        { label: '时间 At', value: (s) => s.at, render: (s) => at(s.at) },
        { label: '冻结人 By', value: (s) => s.takenBy },
        { label: 'SHA-256', value: (s) => s.digest, render: (s) => h('button', { type: 'button', class: 'secondary snapshot-download', title: s.digest,
          onclick: () => download(base + '/snapshots/' + s.version, 'snapshot-' + county + '-' + year + '-v' + s.version + '.json').catch(fail) }, (s.digest || '').slice(0, 12) + '… 下载 JSON') },
      ], r.snapshots || [], { class: 'snapshots-table', empty: '尚无快照 No snapshots' })),
      card(bi('记录', 'History'), table([
        { label: '时间 At', value: (x) => x.at, render: (x) => at(x.at) },
        { label: '环节 Step', value: (x) => (ACTIONS[x.action] || x.action) + ' · ' + (REVIEW_STAGES[x.from] || x.from || '') + ' → ' + (REVIEW_STAGES[x.to] || x.to || ''),
          cls: (x) => (x.action === 'RETURNED' ? 'fail' : '') },
        { label: '人 Who', value: (x) => x.actor + ' (' + (ROLES[x.actorRole] || x.actorRole) + ')' },
        { label: '意见 Comments', value: (x) => x.comments },
        { label: '快照 Snapshot', value: (x) => (x.snapshotVersion ? 'v' + x.snapshotVersion : '') },
      ], r.history || [], { class: 'history-table', empty: '尚无记录 Nothing yet' }))),
    inspections ? inspectionsCard(base, inspections, supervising) : null,
    objections && published ? objectionsCard(base, objections, who.role === 'SYSTEM_ADMIN' || (supervising && /0000$/.test(who.jurisdiction || ''))) : null);
}

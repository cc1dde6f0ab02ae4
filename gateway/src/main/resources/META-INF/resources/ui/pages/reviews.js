// Review stages (评估认定): the stage timeline, frozen snapshots, inspections entry, decisions, publication
// (supervision.md §4, §5, §6). Who may press which button is the API's decision; the page offers by role.
import { get, post, getOrNull } from '../api.js';
import { h, bi, card, table, message, showFieldErrors, link } from '../dom.js';
import { REVIEW_STAGES, TEACHER_FIELDS, FACILITY_FIELDS, FUNDING_FIELDS, STAGES, lbl } from '../labels.js';

const ORDER = ['SELF_EVALUATION', 'CITY_REVIEW', 'PROVINCE_EVALUATION', 'PUBLICATION'];
const SUPERVISING = ['REVIEWER', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'];

function timeline(stage) {
  const end = stage === 'RECOGNISED' || stage === 'NOT_RECOGNISED';
  const at = end ? ORDER.length : ORDER.indexOf(stage);
  return h('ol', { class: 'timeline', id: 'stage-timeline', 'aria-label': '认定阶段 Stages' },
    ORDER.map((s, i) => h('li', { class: i < at ? 'done' : i === at ? 'current' : '', 'aria-current': i === at ? 'step' : null }, REVIEW_STAGES[s])),
    h('li', { class: end ? 'current' : '' }, end ? REVIEW_STAGES[stage] : '认定 Recognition'));
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
      h('label', {}, '实地数值 Observed', h('input', { name: 'value' + i, class: 'obs-value', inputmode: 'decimal', 'data-field': 'observed' }))));
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
      ok.textContent = '已记录 Recorded' + (res && res.problems ? '，产生问题 ' + res.problems.length + ' 条' : '');
    } catch (x) { showFieldErrors(form, x.errors); err.textContent = x.message; }
  });
  return form;
}

export async function render(view, { county, year }, who) {
  const base = '/api/v1/counties/' + county + '/reviews/' + year;
  const r = await getOrNull(base);
  const stage = r ? r.stage : null;
  const err = message('error');
  const fail = (x) => { err.textContent = x.message; };
  const comments = h('textarea', { id: 'decision-comments', rows: 2 });
  const days = h('input', { id: 'publish-days', type: 'number', min: 1, max: 30, value: 5 });
  const isCounty = ['COUNTY_ADMIN', 'SYSTEM_ADMIN'].includes(who.role);
  const supervising = SUPERVISING.includes(who.role);
  document.title = county + ' ' + year + ' 评估认定';
  view.replaceChildren(
    h('h1', {}, '评估认定 ', h('span', { class: 'en' }, 'Review stages · ' + county + ' · ' + year)),
    h('p', {}, link('/console/counties/' + county + '/' + year, '← 县域看板 Dashboard'), ' · ', link('/p/' + county + '/' + year, '公示页 Public page')),
    card(bi('阶段', 'Stage'), timeline(stage || 'SELF_EVALUATION'), h('p', {}, '当前 ', h('strong', { id: 'review-stage' }, stage ? lbl(REVIEW_STAGES, stage) : '尚未提交自评 not submitted yet')),
      h('div', { class: 'row' },
        isCounty && (!stage || stage === 'SELF_EVALUATION') ? h('button', { type: 'button', id: 'submit-self', onclick: () => post(base + '/submit').then(() => location.reload(), fail) }, '提交县级自评 Submit self-evaluation') : null),
      supervising && stage && ['CITY_REVIEW', 'PROVINCE_EVALUATION'].includes(stage) ? h('div', {},
        h('label', {}, '意见 Comments', comments),
        h('div', { class: 'row' },
          h('button', { type: 'button', id: 'decide-pass', onclick: () => post(base + '/decision', { decision: 'PASS', comments: comments.value.trim() }).then(() => location.reload(), fail) }, '通过 Pass'),
          h('button', { type: 'button', id: 'decide-return', class: 'danger', onclick: () => post(base + '/decision', { decision: 'RETURN', comments: comments.value.trim() }).then(() => location.reload(), fail) }, '退回 Return'))) : null,
      supervising && stage === 'PUBLICATION' || (supervising && r && (r.history || []).some((x) => x.stage === 'PROVINCE_EVALUATION' && x.decision === 'PASS')) ? h('div', { class: 'row' },
        h('label', {}, '公示天数(工作日) Days', days),
        h('button', { type: 'button', id: 'publish', onclick: () => post(base + '/publish', { days: +days.value }).then(() => location.reload(), fail) }, '发布公示 Publish')) : null,
      err),
    h('div', { class: 'grid' },
      card(bi('快照', 'Snapshots'), table([
        { label: '版本 Version', value: (s) => s.version, num: true },
        { label: '阶段 Stage', value: (s) => lbl(REVIEW_STAGES, s.stage) },
        { label: '时间 At', value: (s) => s.at, render: (s) => (s.at ? new Date(s.at).toLocaleString('zh-CN') : '—') },
        { label: 'SHA-256', value: (s) => s.digest, render: (s) => h('code', { title: s.digest }, (s.digest || '').slice(0, 16) + '…') },
      ], (r && r.snapshots) || [], { empty: '尚无快照 No snapshots' })),
      card(bi('记录', 'History'), table([
        { label: '时间 At', value: (x) => x.at, render: (x) => (x.at ? new Date(x.at).toLocaleString('zh-CN') : '—') },
        { label: '阶段 Stage', value: (x) => lbl(REVIEW_STAGES, x.stage || x.to) },
        { label: '决定 Decision', value: (x) => x.decision || x.action, cls: (x) => (x.decision === 'RETURN' ? 'fail' : '') },
        { label: '人 Who', value: (x) => x.who || x.actor || x.by },
        { label: '意见 Comments', value: (x) => x.comments || x.note },
      ], (r && r.history) || []))),
    supervising ? card(bi('实地督查', 'Inspections'), h('p', { class: 'muted' }, '与已审核年报相差超过容差(默认 5%)的数值将生成督查问题 Differences beyond the tolerance become INSPECTION problems.'), inspectionForm(base)) : null);
}

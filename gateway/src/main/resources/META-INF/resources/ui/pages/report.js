// A school's annual report: every field with its Chinese name and unit, inline errors from errors[], save draft,
// submit, the history of revisions (with rejection reasons), and the school's indicators and gaps.
import { get, getOrNull, put, post } from '../api.js';
import { h, bi, card, table, fmt, message, showFieldErrors, link } from '../dom.js';
import { STAGES, REPORT_STATUS, TEACHER_FIELDS, FACILITY_FIELDS, FUNDING_FIELDS, lbl, SCHOOL_TYPES, LOCATIONS } from '../labels.js';

const base = (school, year) => '/api/v1/schools/' + school + '/reports/' + year;

function input(field, label, unit, value, kind) {
  const list = kind === 'list';
  const attrs = { 'data-field': field, name: field, value: value === undefined || value === null ? '' : (list ? value.join(';') : value),
    inputmode: list ? 'text' : (kind === 'number' ? 'decimal' : 'numeric'), autocomplete: 'off' };
  return h('label', {}, h('span', {}, label, ' ', h('span', { class: 'unit' }, unit ? '(' + unit + ')' : '')), h('input', attrs));
}

/** The form's values as the contract's report; text is kept as typed so the API names what is wrong. */
function collect(form, stages) {
  const val = (f) => form.querySelector('[data-field="' + f + '"]').value.trim();
  const num = (f) => { const v = val(f); return v === '' ? null : (isNaN(Number(v)) ? v : Number(v)); };
  const list = (f) => val(f).split(/[;；,，\s]+/).filter((x) => x !== '').map((x) => (isNaN(Number(x)) ? x : Number(x)));
  const report = { students: {}, classSizes: {}, teachers: {}, facilities: {}, funding: {} };
  stages.forEach((s) => {
    report.students[s] = num('students.' + s);
    report.classSizes[s] = list('classSizes.' + s);
    const t = Object.fromEntries(TEACHER_FIELDS.map(([f]) => [f, num('teachers.' + s + '.' + f)]));
    // the senior stage's teachers are optional (高中段可不填)
    if (s !== 'SENIOR' || Object.values(t).some((v) => v !== null)) { report.teachers[s] = t; }
  });
  FACILITY_FIELDS.forEach(([f, , , kind]) => { report.facilities[f] = kind === 'list' ? list('facilities.' + f) : num('facilities.' + f); });
  FUNDING_FIELDS.forEach(([f]) => { report.funding[f] = num('funding.' + f); });
  return report;
}

function formFor(school, view, readOnly) {
  const r = (view && view.report) || {};
  const allStages = ['PRIMARY', 'JUNIOR', 'SENIOR'].filter((s) => (school.stages || []).includes(s));
  const stageSets = allStages.map((s) => h('fieldset', {}, h('legend', {}, STAGES[s] + ' ' + s),
    h('div', { class: 'fields' },
      input('students.' + s, '在校生数', '人', r.students && r.students[s], 'int'),
      input('classSizes.' + s, '各班人数(分号分隔)', '人', (r.classSizes && r.classSizes[s]) || [], 'list'),
      TEACHER_FIELDS.map(([f, name, unit]) => input('teachers.' + s + '.' + f, name, unit, r.teachers && r.teachers[s] && r.teachers[s][f], 'int')))));
  const f = r.facilities || {}; const fu = r.funding || {};
  const form = h('form', { id: 'report-form', novalidate: true, 'aria-label': '学校年报 Annual report' },
    stageSets,
    h('fieldset', {}, h('legend', {}, '办学条件 Facilities'), h('div', { class: 'fields' },
      FACILITY_FIELDS.map(([k, name, unit, kind]) => input('facilities.' + k, name, unit, f[k], kind)))),
    h('fieldset', {}, h('legend', {}, '经费 Funding'), h('div', { class: 'fields' },
      FUNDING_FIELDS.map(([k, name, unit]) => input('funding.' + k, name, unit, fu[k], 'number')))));
  if (readOnly) { form.querySelectorAll('input').forEach((i) => { i.readOnly = true; }); }
  form.stages = allStages;
  return form;
}

function historyCard(history) {
  if (!history) { return card(bi('修订历史', 'History'), h('p', { class: 'muted' }, '尚无报表 No report yet')); }
  return card(bi('修订历史', 'History'),
    table([
      { label: '版本 Rev.', value: (t) => t.revision, num: true },
      { label: '操作 Action', value: (t) => t.action },
      { label: '状态 Status', value: (t) => t.toStatus, render: (t) => h('span', { class: t.toStatus }, lbl(REPORT_STATUS, t.toStatus)) },
      { label: '操作人 By', value: (t) => t.actor },
      { label: '时间 At', value: (t) => t.at, render: (t) => new Date(t.at).toLocaleString('zh-CN') },
      { label: '退回原因 Reason', value: (t) => t.reason, render: (t) => (t.reason ? h('strong', { class: 'fail' }, t.reason) : '') },
    ], [...(history.transitions || [])].reverse(), { caption: '每次修订与状态变化 every revision and transition' }));
}

function indicatorsCard(ind) {
  if (!ind) { return card(bi('本校指标', 'Indicators'), h('p', { class: 'muted' }, '报表审核通过后计算 Computed once a report is approved.')); }
  return card(bi('本校指标与差距', 'Indicators and gaps'), h('p', { class: 'muted' }, '依据已审核版本 based on approved revision ' + ind.reportRevision + ' · ' + ind.ruleSet),
    (ind.stages || []).map((s) => [h('h3', {}, STAGES[s.stage] + ' ' + s.stage + ' · ' + s.students + ' 人 · ',
      s.complies === null || s.complies === undefined ? '' : h('span', { class: s.complies ? 'pass' : 'fail' }, s.complies ? '达标 complies' : '未达标 does not comply'),
      s.meetsCount !== null && s.meetsCount !== undefined ? ' (' + s.meetsCount + '/7)' : ''),
    table([
      { label: '指标 Indicator', value: (r) => r.code + ' ' + r.name },
      { label: '本校值 Value', value: (r) => r.value, num: true },
      { label: '标准 Standard', value: (r) => r.standard, num: true },
      { label: '差距 Gap', value: (r) => (r.gap ? r.gap.toStandard : null), num: true,
        render: (r) => (r.gap ? fmt(r.gap.toStandard, 2) + ' ' + (r.gap.unit || '') : '—'), cls: (r) => (r.gap ? 'fail' : '') },
    ], Object.entries(s.indicators || {}).map(([code, d]) => Object.assign({ code }, d)), { sortable: true })]),
    (ind.checks || []).length ? [h('h3', {}, '未通过的检查 Failing checks'),
      h('ul', {}, ind.checks.map((c) => h('li', {}, c.id + ' ' + (c.name || '') + ': ' + (c.detail || ''))))] : null);
}

export async function render(view, { school, year }, who) {
  // only what exists is asked for, so that a school without a report causes no 404 in the console
  const [info, years] = await Promise.all([get('/api/v1/schools/' + school), get('/api/v1/schools/' + school + '/reports')]);
  const listed = years.find((r) => r.year === year);
  const [current, history, indicators] = listed ? await Promise.all([get(base(school, year)), get(base(school, year) + '/history'),
    listed.countingRevision ? getOrNull('/api/v1/schools/' + school + '/indicators/' + year).catch(() => null) : null]) : [null, null, null];
  document.title = info.name + ' ' + year + ' 学校年报';
  const status = current ? current.status : null;
  const readOnly = status === 'SUBMITTED' || ['VIEWER', 'INTEGRATION'].includes(who.role);
  const form = formFor(info, current, readOnly);
  const msg = message('status'); const err = message('error');
  const save = h('button', { type: 'button', id: 'save-draft', disabled: readOnly }, '保存草稿 Save draft');
  // submit saves first, so it is offered whenever the form is editable
  const submit = h('button', { type: 'button', id: 'submit-report', class: 'secondary', disabled: readOnly }, '保存并提交审核 Save and submit');
  async function doSave() {
    msg.textContent = ''; err.textContent = '';
    try {
      await put(base(school, year), collect(form, form.stages));
      showFieldErrors(form, []);
      msg.textContent = '草稿已保存 Draft saved';
      return true;
    } catch (e) {
      const rest = showFieldErrors(form, e.errors);
      err.textContent = '未保存，请更正标出的字段 Not saved: correct the marked fields. ' + (rest.length || !e.errors.length ? e.message : '');
      return false;
    }
  }
  save.addEventListener('click', doSave);
  submit.addEventListener('click', async () => {
    if (!(await doSave())) { return; }
    try { await post(base(school, year) + '/submit'); location.reload(); } catch (e) { err.textContent = '提交失败 Submit failed: ' + e.message; }
  });
  const rejected = current && current.rejectionReason && status === 'DRAFT';
  view.replaceChildren(
    h('h1', {}, info.name, ' ', h('span', { class: 'en' }, school + ' · ' + year + ' 学年 · 学校年报 annual report')),
    card(null, h('dl', { class: 'kv' },
      h('dt', {}, '类型 Type'), h('dd', {}, lbl(SCHOOL_TYPES, info.type) + ' · ' + lbl(LOCATIONS, info.location) + (info.publicSchool ? ' · 公办' : ' · 民办') + (info.boarding ? ' · 寄宿制' : '')),
      h('dt', {}, '状态 Status'), h('dd', { id: 'report-status', class: status || '' }, status ? lbl(REPORT_STATUS, status) + ' · 第 ' + current.revision + ' 版' : '未填报 not started'),
      h('dt', {}, '计入评估的版本 Counting'), h('dd', {}, current && current.countingRevision ? '第 ' + current.countingRevision + ' 版' : '—')),
      rejected ? h('p', { class: 'fail', role: 'alert' }, '已退回 Returned: ' + current.rejectionReason) : null,
      status === 'SUBMITTED' ? h('p', { class: 'warn' }, '已提交，等待县级审核 Submitted, under review.') : null,
      h('p', {}, link('/console/counties/' + info.countyCode + '/' + year, '县域看板 County dashboard'))),
    card(bi('年报填写', 'Report'), form, h('div', { class: 'row' }, save, submit), err, msg),
    h('div', { class: 'grid' }, historyCard(history), indicatorsCard(indicators)));
}

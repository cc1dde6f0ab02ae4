// County-level inputs (县级材料) for one year: findings with evidence, figures, retention counts, quality monitoring,
// veto declarations (PUT /api/v1/counties/{county}/findings/{year}). The dashboard's to-do list links here, to the
// field a missing input names (?input=findings.G1); what the evaluation still misses is listed on top.
import { get, put, getOrNull } from '../api.js';
import { h, bi, card, message, showFieldErrors, link } from '../dom.js';
import { FINDINGS, FIGURES, VETOES, RETENTION, lbl, VERDICTS } from '../labels.js';

const idOf = (field) => 'f-' + field.replace(/[^A-Za-z0-9]+/g, '-');
const WRITERS = ['COUNTY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'];

/** The form field that supplies a missing input, or null when the input comes from elsewhere. */
export function fieldFor(input) {
  if (/^findings\./.test(input)) { return input + '.met'; }
  if (/^(figures|vetoes)\./.test(input)) { return input; }
  if (input === 'retention') { return 'retention.grade7Intake'; }
  if (input === 'monitoring') { return 'monitoring[0].subject'; }
  return null;
}

function input(field, attrs) {
  return h('input', Object.assign({ id: idOf(field), name: field, 'data-field': field }, attrs));
}

function choice(field, value, options) {
  return h('select', { id: idOf(field), name: field, 'data-field': field },
    options.map(([v, text]) => h('option', { value: v, selected: String(value) === v }, text)));
}

function findingsSet(doc, missing) {
  return h('fieldset', {}, h('legend', {}, '认定事项 Findings'), h('div', { class: 'fields' },
    Object.entries(FINDINGS).map(([key, name]) => {
      const f = (doc.findings || {})[key] || {};
      const field = 'findings.' + key;
      return h('div', { class: missing.has(field) ? 'missing-input' : null },
        h('label', {}, key + ' ' + name, choice(field + '.met', f.met === undefined || f.met === null ? '' : f.met,
          [['', '未填 not given'], ['true', '符合 met'], ['false', '不符合 not met']])),
        h('label', {}, '说明 Note', input(field + '.note', { value: f.note || '' })),
        h('label', {}, '佐证编号 Evidence ids (逗号分隔)', input(field + '.evidence', { value: (f.evidence || []).join(', ') })));
    })));
}

function evidenceSet(doc) {
  const rows = h('div', { id: 'evidence-rows' });
  const add = (e) => {
    const i = rows.children.length;
    rows.appendChild(h('div', { class: 'row evidence-row' },
      h('label', {}, '编号 Id', input('evidence[' + i + '].id', { value: e.id || '', size: 8 })),
      h('label', {}, '名称 Title', input('evidence[' + i + '].title', { value: e.title || '' })),
      h('label', {}, '链接 URI (可选)', input('evidence[' + i + '].uri', { value: e.uri || '' }))));
  };
  (doc.evidence || []).forEach(add);
  add({});
  return h('fieldset', {}, h('legend', {}, '佐证材料 Evidence'), rows,
    h('button', { type: 'button', class: 'secondary', onclick: () => add({}) }, '再加一份 Add evidence'));
}

function figuresSet(doc, missing) {
  return h('fieldset', {}, h('legend', {}, '数据 Figures'), h('div', { class: 'fields' },
    Object.entries(FIGURES).map(([key, [name, unit]]) => {
      const field = 'figures.' + key;
      const v = (doc.figures || {})[key];
      return h('label', { class: missing.has(field) ? 'missing-input' : null }, name + ' ',
        h('span', { class: 'unit' }, unit === '比例' ? '比例 0–1，如 0.95' : unit),
        input(field, { inputmode: 'decimal', value: v === undefined || v === null ? '' : v }));
    })));
}

function retentionSet(doc, missing) {
  const r = doc.retention || {};
  return h('fieldset', { class: missing.has('retention') ? 'missing-input' : null },
    h('legend', {}, '初中三年巩固率 Junior retention (人数 counts)'), h('div', { class: 'fields' },
      RETENTION.map(([key, name]) => h('label', {}, name, input('retention.' + key, { inputmode: 'numeric', value: r[key] ?? '' })))));
}

function monitoringSet(doc, missing) {
  const rows = h('div', { id: 'monitoring-rows' });
  const add = (m) => {
    const i = rows.children.length;
    rows.appendChild(h('div', { class: 'row monitoring-row' },
      h('label', {}, '学科 Subject', input('monitoring[' + i + '].subject', { value: m.subject || '' })),
      h('label', {}, '水平 Level (1–4)', input('monitoring[' + i + '].level', { inputmode: 'numeric', value: m.level ?? '', size: 4 })),
      h('label', {}, '校际差异率 Difference rate (0–1)', input('monitoring[' + i + '].differenceRate', { inputmode: 'decimal', value: m.differenceRate ?? '', size: 6 }))));
  };
  (doc.monitoring || []).forEach(add);
  if (!rows.children.length) { add({}); }
  return h('fieldset', { class: missing.has('monitoring') ? 'missing-input' : null },
    h('legend', {}, '国家义务教育质量监测 Quality monitoring'), rows,
    h('button', { type: 'button', class: 'secondary', onclick: () => add({}) }, '再加一科 Add a subject'));
}

function vetoesSet(doc, missing) {
  return h('fieldset', {}, h('legend', {}, '一票否决事项 Vetoes'), h('div', { class: 'fields' },
    Object.entries(VETOES).map(([code, name]) => {
      const field = 'vetoes.' + code;
      const v = (doc.vetoes || {})[code];
      return h('label', { class: missing.has(field) ? 'missing-input' : null }, name + ' ', h('span', { class: 'unit' }, code),
        choice(field, v === undefined || v === null ? '' : v, [['', '未申报 not declared'], ['false', '不存在 does not apply'], ['true', '存在 applies']]));
    })));
}

/** The document from the form; keys left empty are left out (the API then lists them as missing). */
function collect(form, doc) {
  const val = (field) => { const el = form.querySelector('[data-field="' + field + '"]'); return el ? el.value.trim() : ''; };
  const num = (field) => { const v = val(field); return v === '' ? undefined : (isNaN(+v) ? v : +v); };
  const out = { findings: {}, figures: {}, vetoes: {}, evidence: [], monitoring: [] };
  Object.keys(FINDINGS).forEach((key) => {
    const met = val('findings.' + key + '.met');
    if (met === '') { return; }
    const ids = val('findings.' + key + '.evidence').split(/[,，\s]+/).filter(Boolean);
    out.findings[key] = { met: met === 'true', note: val('findings.' + key + '.note') || undefined, evidence: ids };
  });
  Object.keys(FIGURES).forEach((key) => { const v = num('figures.' + key); if (v !== undefined) { out.figures[key] = v; } });
  Object.keys(VETOES).forEach((code) => { const v = val('vetoes.' + code); if (v !== '') { out.vetoes[code] = v === 'true'; } });
  form.querySelectorAll('.evidence-row').forEach((r, i) => {
    const e = { id: val('evidence[' + i + '].id'), title: val('evidence[' + i + '].title'), uri: val('evidence[' + i + '].uri') || undefined };
    if (e.id || e.title || e.uri) { out.evidence.push(e); }
  });
  form.querySelectorAll('.monitoring-row').forEach((r, i) => {
    const m = { subject: val('monitoring[' + i + '].subject') || undefined, level: num('monitoring[' + i + '].level'), differenceRate: num('monitoring[' + i + '].differenceRate') };
    if (m.subject || m.level !== undefined || m.differenceRate !== undefined) { out.monitoring.push(m); }
  });
  const retention = Object.fromEntries(RETENTION.map(([k]) => [k, num('retention.' + k)]));
  if (Object.values(retention).some((v) => v !== undefined)) { out.retention = retention; }
  if (doc.schoolScores) { out.schoolScores = doc.schoolScores; } // entered elsewhere, kept as they are
  if (doc.funding) { out.funding = doc.funding; } // the year's funding figures (三个增长), entered through the API, kept
  return out;
}

function missingList(county, year, missing) {
  const list = [...missing];
  if (!list.length) { return h('p', { class: 'ok', id: 'missing-inputs' }, '评估不再缺少材料 Nothing missing'); }
  return h('ul', { class: 'todo', id: 'missing-inputs' }, list.map((m) => {
    const field = fieldFor(m);
    if (field) { return h('li', {}, h('a', { href: '#' + idOf(field) }, m)); }
    if (m.startsWith('reports')) { return h('li', {}, link('/console/counties/' + county + '/reports/' + year, m + ' → 报表审核 reports')); }
    return h('li', {}, m);
  }));
}

export async function render(view, { county, year, input: wanted }, who) {
  const path = '/api/v1/counties/' + county + '/findings/' + year;
  const evaluationPath = '/api/v1/counties/' + county + '/evaluations/' + year;
  const [stored, evaluation] = await Promise.all([getOrNull(path), get(evaluationPath).catch(() => null)]);
  const doc = stored || {};
  const missing = new Set((evaluation && evaluation.missingInputs) || []);
  const canWrite = WRITERS.includes(who.role);
  const err = message('error'); const ok = message('status');
  const missingBox = h('div', {}, missingList(county, year, missing));
  const version = h('span', { id: 'findings-version' }, stored ? '第 ' + stored.version + ' 版 · ' + (stored.updatedBy || '') + ' · ' + new Date(stored.updatedAt).toLocaleString('zh-CN') : '尚未填报 nothing recorded yet');
  const form = h('form', { id: 'findings-form', novalidate: true },
    findingsSet(doc, missing), evidenceSet(doc), figuresSet(doc, missing), retentionSet(doc, missing), monitoringSet(doc, missing), vetoesSet(doc, missing),
    canWrite ? h('div', { class: 'row' }, h('button', { type: 'submit', id: 'save-findings' }, '保存县级材料 Save')) : null, err, ok);
  if (!canWrite) { form.querySelectorAll('input, select').forEach((el) => { el.disabled = true; }); }
  form.addEventListener('submit', async (e) => {
    e.preventDefault(); err.textContent = ''; ok.textContent = '';
    try {
      const saved = await put(path, collect(form, doc));
      showFieldErrors(form, []);
      version.textContent = '第 ' + saved.version + ' 版 · ' + (saved.updatedBy || '') + ' · ' + new Date(saved.updatedAt).toLocaleString('zh-CN');
      ok.textContent = '已保存 Saved (第 ' + saved.version + ' 版)，评估已重新计算 re-evaluated';
      const again = await get(evaluationPath).catch(() => null);
      if (again) { missingBox.replaceChildren(missingList(county, year, new Set(again.missingInputs || []))); verdict.replaceChildren(verdictOf(again)); }
    } catch (x) {
      const rest = showFieldErrors(form, x.errors);
      err.textContent = x.message + (rest.length ? ' (' + rest.map((r) => r.field).join(', ') + ')' : '');
    }
  });
  const verdictOf = (ev) => h('span', { class: ev.verdict }, lbl(VERDICTS, ev.verdict));
  const verdict = h('span', { id: 'findings-verdict' }, evaluation ? verdictOf(evaluation) : '—');
  document.title = county + ' ' + year + ' 县级材料';
  view.replaceChildren(
    h('h1', {}, '县级材料 ', h('span', { class: 'en' }, 'County findings · ' + county + ' · ' + year)),
    h('p', {}, link('/console/counties/' + county + '/' + year, '← 县域看板 Dashboard'), ' · 评估结论 ', verdict, ' · ', version),
    card(bi('评估仍缺少', 'Still missing'), missingBox),
    card(bi('填报', 'Enter'), canWrite ? null : h('p', { class: 'muted' }, '只读：县级管理员或上级管理员可填报 read only'), form));
  const target = wanted && fieldFor(wanted) ? document.getElementById(idOf(fieldFor(wanted))) : null;
  if (target) { target.scrollIntoView({ block: 'center' }); target.focus(); }
}

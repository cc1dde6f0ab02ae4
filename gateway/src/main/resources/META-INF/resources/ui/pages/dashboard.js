// The county dashboard: verdict and parts; per stage the indicators against standards and CVs against limits;
// schools against each standard; large classes; targets over the years; problems; missing inputs as a to-do list.
import { get, all } from '../api.js';
import { h, bi, card, table, fmt, pct, link } from '../dom.js';
import { chart, PALETTE } from '../charts.js';
import { STAGES, VERDICTS, PARTS, INDICATORS, REPORT_STATUS, REVIEW_STAGES, lbl } from '../labels.js';
import { targetsCard, problemsCard } from './dashboard-supervision.js';
import { fieldFor } from './findings.js';

// a stage the county has no school in (no junior school reported yet) is left out rather than drawn empty
const stagesOf = (e) => Object.entries(e.stages || {}).filter(([, s]) => s && s.indicators && Object.keys(s.indicators).length
  && (s.includedSchools || (s.schools || []).length));

function verdictCard(e) {
  const parts = Object.entries(e.parts || {});
  return card(bi('评估结论', 'Verdict'),
    h('p', {}, h('span', { id: 'verdict', class: 'verdict ' + e.verdict }, lbl(VERDICTS, e.verdict))),
    h('p', { class: 'muted' }, (e.ruleSet || '') + ' v' + (e.ruleSetVersion || '') + ' · 依据已审核报表 ' + e.basedOnReports + ' 份 based on approved reports'),
    // the review stage, once indicator-service sends it with the evaluation (null: the county has not submitted)
    'reviewStage' in e ? h('p', { id: 'review-stage' }, '评估认定 Review stage: ',
      link('/console/counties/' + e.countyCode + '/reviews/' + e.year, e.reviewStage ? lbl(REVIEW_STAGES, e.reviewStage.stage) : '未启动 not started'),
      e.reviewStage && e.reviewStage.verdict ? h('span', { class: 'muted' }, ' · 冻结结论 ' + (VERDICTS[e.reviewStage.verdict] || e.reviewStage.verdict)) : null) : null,
    table([
      { label: '部分 Part', value: ([k]) => (PARTS[k] || k) + ' ' + k },
      { label: '结果 Result', value: ([, p]) => p.status || (p.pass ? 'PASS' : p.pass === false ? 'FAIL' : 'INCOMPLETE'),
        render: ([, p]) => { const s = p.status || (p.pass ? 'PASS' : p.pass === false ? 'FAIL' : 'INCOMPLETE'); return h('span', { class: s }, lbl(VERDICTS, s)); } },
      { label: '说明 Detail', value: ([, p]) => [p.rate !== null && p.rate !== undefined ? '认可度 ' + pct(p.rate) : '',
        (p.failing || []).length ? '未通过 ' + p.failing.length + ' 项: ' + p.failing.slice(0, 3).map((f) => f.split(' ')[0]).join(', ') + (p.failing.length > 3 ? ' …' : '') : '', (p.missing || []).length ? '缺少 ' + p.missing.length + ' 项' : ''].filter(Boolean).join(' · ') },
    ], parts));
}

function stageCard(stage, s) {
  const rows = Object.entries(s.indicators).map(([code, i]) => Object.assign({ code }, i));
  const names = rows.map((r) => r.code);
  const cvChart = chart({
    title: { text: STAGES[stage] + ' 差异系数与限值 CV vs limit', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' }, legend: { top: 22, data: ['差异系数 CV', '限值 limit'] },
    grid: { left: 44, right: 12, top: 56, bottom: 28 },
    xAxis: { type: 'category', data: names }, yAxis: { type: 'value' },
    series: [
      { name: '差异系数 CV', type: 'bar', data: rows.map((r) => ({ value: r.cv, itemStyle: { color: r.pass === false ? PALETTE.fail : PALETTE.pass } })),
        label: { show: true, position: 'top', formatter: (p) => (p.value === null || p.value === undefined ? '' : p.value.toFixed(3)) } },
      { name: '限值 limit', type: 'line', step: 'middle', symbol: 'none', data: rows.map((r) => r.cvLimit), lineStyle: { color: PALETTE.limit, width: 2, type: 'dashed' }, itemStyle: { color: PALETTE.limit } },
    ],
  }, STAGES[stage] + '各指标差异系数与限值 ' + rows.map((r) => r.code + ' ' + fmt(r.cv) + '/' + fmt(r.cvLimit)).join(', '));
  const valueChart = chart({
    title: { text: STAGES[stage] + ' 县域值 ÷ 标准 county value vs standard', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis', formatter: (ps) => { const r = rows[ps[0].dataIndex]; return r.code + ' ' + (r.name || '') + '<br>县域值 ' + fmt(r.countyValue) + ' / 标准 ' + fmt(r.standard); } },
    grid: { left: 44, right: 40, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: names }, yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'bar', data: rows.map((r) => ({ value: r.standard ? +(100 * r.countyValue / r.standard).toFixed(1) : null,
      itemStyle: { color: r.standard && r.countyValue >= r.standard ? PALETTE.bar : PALETTE.fail } })),
    markLine: { symbol: 'none', data: [{ yAxis: 100, name: '标准' }], label: { formatter: '标准' }, lineStyle: { color: PALETTE.limit } } }],
  }, STAGES[stage] + '县域值相对标准的百分比');
  return card(h('span', {}, STAGES[stage] + ' ' + stage + ' · 纳入学校 ' + s.includedSchools + ' 所', s.excludedSchools ? ' · 不纳入 ' + s.excludedSchools : ''),
    h('div', { class: 'grid' }, cvChart, valueChart),
    table([
      { label: '指标 Indicator', value: (r) => r.code + ' ' + (r.name || (INDICATORS[r.code] || {}).name || '') },
      { label: '县域值 County', value: (r) => r.countyValue, num: true },
      { label: '标准 Standard', value: (r) => r.standard, num: true },
      { label: '单位 Unit', value: (r) => r.unit },
      { label: '差异系数 CV', value: (r) => r.cv, num: true, render: (r) => (r.cv === null ? '— ' + (r.reason || '') : fmt(r.cv)) },
      { label: '限值 Limit', value: (r) => r.cvLimit, num: true },
      { label: '低于标准的学校 Below', value: (r) => r.schoolsBelowStandard, num: true },
      { label: '结果 Result', value: (r) => r.pass, render: (r) => h('span', { class: r.pass ? 'pass' : r.pass === false ? 'fail' : 'warn' }, r.pass ? '达标' : r.pass === false ? '超限' : '—') },
    ], rows),
    s.composite ? h('p', {}, '综合差异系数 composite CV ' + fmt(s.composite.cv) + ' / ' + fmt(s.composite.limit)) : null,
    largeClasses(s.figures));
}

function largeClasses(f) {
  if (!f) { return null; }
  return h('ul', { class: 'chips', 'aria-label': '班额 Class sizes' },
    h('li', {}, '班级 ' + fmt(f.classes)), h('li', { class: f.largeClasses ? 'warn' : '' }, '大班额(56+) ' + fmt(f.largeClasses) + ' · ' + pct(f.largeClassShare)),
    h('li', { class: f.superLargeClasses ? 'fail' : '' }, '超大班额(66+) ' + fmt(f.superLargeClasses)),
    f.compliant !== null && f.compliant !== undefined ? h('li', {}, '达标学校学段 ' + f.compliant + '/' + f.schoolStages + ' · ' + pct(f.compliantShare)) : null);
}

function schoolsCard(e, year) {
  const stages = stagesOf(e);
  const stageSel = h('select', { id: 'school-stage' }, stages.map(([k]) => h('option', { value: k }, STAGES[k] + ' ' + k)));
  const indSel = h('select', { id: 'school-indicator' });
  const box = h('div');
  const redraw = () => {
    const s = e.stages[stageSel.value];
    if (!indSel.options.length || indSel.dataset.stage !== stageSel.value) {
      indSel.replaceChildren(...Object.entries(s.indicators).map(([k, i]) => h('option', { value: k }, k + ' ' + (i.name || ''))));
      indSel.dataset.stage = stageSel.value;
    }
    const ind = s.indicators[indSel.value] || {};
    const std = ind.standard;
    const per = /百名|per 100/.test((ind.name || '') + (INDICATORS[indSel.value] || {}).name) ? 100 : 1;
    const schools = (s.schools || []).map((x) => {
      const v = (x.values || {})[indSel.value];
      const gap = std !== null && std !== undefined && v !== undefined && v < std ? (std - v) * x.students / per : 0;
      return Object.assign({ value: v, gap }, x);
    });
    const sorted = [...schools].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
    box.replaceChildren(
      chart({
        tooltip: { trigger: 'axis' }, grid: { left: 56, right: 16, top: 24, bottom: 90 },
        xAxis: { type: 'category', data: sorted.map((x) => x.schoolName || x.schoolCode), axisLabel: { rotate: 60, fontSize: 10, interval: 0 } },
        yAxis: { type: 'value', name: ind.unit || '' },
        series: [{ type: 'bar', name: indSel.value, data: sorted.map((x) => ({ value: x.value, itemStyle: { color: x.excluded ? PALETTE.grey : (std && x.value < std ? PALETTE.fail : PALETTE.pass) } })),
          markLine: std ? { symbol: 'none', data: [{ yAxis: std, name: '标准' }], label: { formatter: '标准 ' + std }, lineStyle: { color: PALETTE.limit, width: 2 } } : undefined }],
      }, '各校' + indSel.value + '与标准 ' + std, true),
      table([
        { label: '学校 School', value: (x) => x.schoolName || x.schoolCode, render: (x) => link('/console/schools/' + x.schoolCode + '/reports/' + year, x.schoolName || x.schoolCode) },
        { label: '学生 Students', value: (x) => x.students, num: true },
        { label: indSel.value + ' 值 Value', value: (x) => x.value, num: true },
        { label: '标准 Standard', value: () => std, num: true },
        { label: '差距 Gap (' + (ind.unit || '') + ')', value: (x) => x.gap, num: true, render: (x) => (x.gap > 0 ? fmt(x.gap, 1) : '—'), cls: (x) => (x.gap > 0 ? 'fail' : '') },
        { label: '达标项 Met', value: (x) => x.meetsCount, num: true },
        { label: '学校达标 Complies', value: (x) => x.complies, render: (x) => (x.excluded ? h('span', { class: 'muted' }, '不纳入 ' + (x.exclusionReason || '')) : h('span', { class: x.complies ? 'pass' : 'fail' }, x.complies ? '是' : '否')) },
      ], schools, { sortable: true, class: 'schools-table', caption: '差距 = (标准 − 本校值) × 本学段学生数' + (per === 100 ? ' ÷ 100' : '') + '，单位同指标分子 gap in the indicator\'s units for this stage' }));
  };
  stageSel.addEventListener('change', () => { indSel.dataset.stage = ''; redraw(); });
  indSel.addEventListener('change', redraw);
  if (!stages.length) { return card(bi('各校对标', 'Schools vs standards'), h('p', { class: 'muted' }, '暂无已审核报表 No approved reports')); }
  const c = card(bi('各校对标', 'Schools vs standards'), h('div', { class: 'row' },
    h('label', {}, '学段 Stage', stageSel), h('label', {}, '指标 Indicator', indSel)), box);
  setTimeout(redraw);
  return c;
}

/** Class sizes: 大班额 (56+) and 超大班额 (66+) per stage, and the schools over the class-size standard (G5). */
function classesCard(e) {
  const stages = stagesOf(e);
  const g5 = ((e.parts || {}).assurance || { checks: [] }).checks?.find((c) => c.id === 'G5');
  const data = stages.map(([k, s]) => ({ k, f: s.figures || {} }));
  return card(bi('班额', 'Class sizes'),
    data.length ? chart({
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 36, bottom: 24 },
      xAxis: { type: 'category', data: data.map((d) => STAGES[d.k]) }, yAxis: { type: 'value', minInterval: 1, name: '班 classes' },
      series: [{ name: '56人及以上 大班额', type: 'bar', data: data.map((d) => d.f.largeClasses || 0), color: PALETTE.limit },
        { name: '66人及以上 超大班额', type: 'bar', data: data.map((d) => d.f.superLargeClasses || 0), color: PALETTE.fail }],
    }, '各学段大班额与超大班额数 ' + data.map((d) => STAGES[d.k] + ' ' + (d.f.largeClasses || 0) + '/' + (d.f.superLargeClasses || 0)).join(', ')) : null,
    h('ul', { class: 'chips' }, data.map((d) => h('li', {}, STAGES[d.k] + ' ' + fmt(d.f.classes) + ' 班 · 大班额 ' + pct(d.f.largeClassShare)))),
    g5 ? [h('h3', {}, 'G5 ' + (g5.name || '') + ' ', h('span', { class: g5.status }, lbl(VERDICTS, g5.status))),
      table([
        { label: '学校 School', value: (x) => x.schoolName || x.schoolCode },
        { label: '情况 Detail', value: (x) => x.detail },
        { label: '超出人数 Over', value: (x) => Object.values(x.needs || {}).reduce((a, b) => a + b, 0), num: true },
      ], g5.schools || [], { empty: '所有班级均未超过标准班额 every class within the standard' })] : null);
}

/** Where a missing input is supplied: the county's findings form at its field, a school's report, the survey. */
function missingLink(m, county, year) {
  const school = m.match(/^reports\.(\d{10})/);
  if (school) {
    const part = m.slice('reports.'.length + 10).replace(/^\./, '');
    return link('/console/schools/' + school[1] + '/reports/' + year, '学校报表 school report ', h('code', {}, school[1]), part ? ' 缺少 ' + part : ' 未审核 not approved');
  }
  if (m === 'reports') { return link('/console/counties/' + county + '/reports/' + year, '尚无已审核报表 no approved reports'); }
  if (m.startsWith('survey')) { return h('span', {}, '满意度调查 survey: ', h('code', {}, m), '（由上级组织 run by the supervising level）'); }
  if (fieldFor(m)) { return link('/console/counties/' + county + '/findings/' + year + '?input=' + encodeURIComponent(m), '填报县级材料 enter ', h('code', {}, m)); }
  return h('span', {}, '缺少 missing ', h('code', {}, m));
}

function todoCard(e, county, year, reports) {
  const todo = [];
  const waiting = reports.filter((r) => r.status === 'SUBMITTED').length;
  if (waiting) { todo.push(h('li', {}, link('/console/counties/' + county + '/reports/' + year, waiting + ' 份报表待审核 reports to review'))); }
  reports.filter((r) => r.status !== 'SUBMITTED' && r.status !== 'APPROVED').forEach((r) => todo.push(h('li', {},
    link('/console/schools/' + r.schoolCode + '/reports/' + year, r.name + ' ' + (r.status ? lbl(REPORT_STATUS, r.status) : '尚未填报 no report')))));
  (e.missingInputs || []).forEach((m) => todo.push(h('li', { class: 'missing' }, missingLink(m, county, year))));
  if (!todo.length) { return card(bi('待办', 'To do'), h('p', { class: 'ok', id: 'todo' }, '没有缺少的材料 Nothing missing')); }
  // the first items open, the rest one click away
  return card(bi('待办', 'To do') , h('p', {}, '共 ' + todo.length + ' 项 items'), h('ul', { class: 'todo', id: 'todo' }, todo.slice(0, 8)),
    todo.length > 8 ? h('details', {}, h('summary', {}, '其余 ' + (todo.length - 8) + ' 项 more'), h('ul', { class: 'todo' }, todo.slice(8))) : null);
}

export async function render(view, { county, year }) {
  const ruleSet = new URLSearchParams(location.search).get('ruleSet') || 'QUALITY_2017';
  const [e, history, schools] = await Promise.all([
    get('/api/v1/counties/' + county + '/evaluations/' + year + '?ruleSet=' + encodeURIComponent(ruleSet)),
    get('/api/v1/counties/' + county + '/evaluations?ruleSet=' + encodeURIComponent(ruleSet)).catch(() => []),
    all('/api/v1/schools?countyCode=' + county).catch(() => [])]);
  const reports = await Promise.all(schools.map((s) => get('/api/v1/schools/' + s.schoolCode + '/reports')
    .then((list) => list.find((r) => r.year === year)).catch(() => null)
    .then((r) => ({ schoolCode: s.schoolCode, name: s.name, status: r ? r.status : null }))));
  document.title = (e.countyName || county) + ' ' + year + ' 县域看板';
  const surveys = h('span', { id: 'survey-links' });
  get('/api/v1/surveys?countyCode=' + county).then((list) => surveys.replaceChildren(...list.filter((s) => s.year === year)
    .map((s) => link('/console/surveys/' + s.id, '满意度调查 Survey')))).catch(() => {});
  const rs = h('select', { id: 'rule-set', onchange: (ev) => { location.search = '?ruleSet=' + ev.target.value; } },
    ['QUALITY_2017', 'BASIC_2012'].map((r) => h('option', { value: r, selected: r === ruleSet }, r === 'QUALITY_2017' ? '优质均衡 QUALITY_2017' : '基本均衡 BASIC_2012')));
  view.replaceChildren(
    h('h1', {}, (e.countyName || county) + ' ' + year + ' 学年 县域看板 ', h('span', { class: 'en' }, 'County dashboard · ' + county)),
    h('div', { class: 'row' }, h('label', {}, '评估标准 Rule set', rs),
      link('/console/counties/' + county + '/reports/' + year, '报表审核 Review queue'), link('/console/counties/' + county + '/problems?year=' + year, '问题台账 Problems'),
      link('/console/counties/' + county + '/reviews/' + year, '评估认定 Review stages'), surveys),
    h('div', { class: 'grid' }, verdictCard(e), todoCard(e, county, year, reports)),
    ...stagesOf(e).map(([k, s]) => stageCard(k, s)),
    schoolsCard(e, year),
    classesCard(e),
    h('div', { class: 'grid' }, targetsCard(county, year, history), problemsCard(county, year)));
}

// The dashboard's supervision cards: targets and their progress over the years, problem counts by status and
// department (supervision-service, supervision.md §6).
import { get, all } from '../api.js';
import { h, bi, card, table, fmt, pct } from '../dom.js';
import { chart, PALETTE } from '../charts.js';
import { PROBLEM_STATUS, TARGET_KINDS, STAGES, lbl } from '../labels.js';

const SHARE_KINDS = ['COMPLIANT_SCHOOL_SHARE', 'LARGE_CLASS_SHARE', 'RECOGNITION_RATE'];
const rowKey = (r) => r.kind + (r.stage ? '/' + r.stage : '') + (r.indicator ? '/' + r.indicator : '');
const rowName = (r) => (TARGET_KINDS[r.kind] || r.kind) + (r.stage ? ' ' + (STAGES[r.stage] || r.stage) : '') + (r.indicator ? ' ' + r.indicator : '');
const show = (r, v) => (v === null || v === undefined ? '—' : SHARE_KINDS.includes(r.kind) ? pct(v) : fmt(v));

export function targetsCard(county, year, history) {
  const box = card(bi('目标与进展', 'Targets and progress'), h('p', { class: 'muted' }, '加载中…'));
  get('/api/v1/counties/' + county + '/targets/progress?year=' + year).then((progress) => {
    const rows = progress.rows || [];
    const years = [...new Set(rows.flatMap((r) => (r.trend || []).map((p) => p.year)).concat([year]))].sort();
    const num = (v) => (typeof v === 'number' ? v : null);
    const shares = rows.filter((r) => SHARE_KINDS.includes(r.kind));
    const colours = [PALETTE.bar, PALETTE.fail, PALETTE.pass, PALETTE.limit];
    box.replaceChildren(h('h2', {}, bi('目标与进展', 'Targets and progress')),
      shares.length ? chart({
        tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%') },
        legend: { top: 0, type: 'scroll' }, grid: { left: 48, right: 16, top: 48, bottom: 28 },
        xAxis: { type: 'category', data: years.map(String) }, yAxis: { type: 'value', axisLabel: { formatter: (v) => (v * 100).toFixed(0) + '%' } },
        series: shares.flatMap((r, i) => {
          const at = (y, k) => { const p = (r.trend || []).find((t) => t.year === y); return p ? num(p[k]) : (y === year ? num(r[k]) : null); };
          return [
            { name: rowName(r) + ' 实际', type: 'line', data: years.map((y) => at(y, 'actual')), connectNulls: true, color: colours[i % 4] },
            { name: rowName(r) + ' 目标', type: 'line', step: 'end', data: years.map((y) => at(y, 'target')), lineStyle: { type: 'dashed' }, symbol: 'none', color: colours[i % 4] }];
        }),
      }, '目标与实际的逐年对比 ' + shares.map((r) => rowName(r) + ' ' + show(r, r.actual) + '/' + show(r, r.target)).join(', ')) : trendOnly(history),
      table([
        { label: '目标 Target', value: (r) => rowName(r) },
        { label: '比较 Cmp', value: (r) => (r.comparison === 'AT_MOST' ? '≤' : r.comparison === 'AT_LEAST' ? '≥' : r.comparison || '') },
        { label: '目标值', value: (r) => r.target, render: (r) => show(r, r.target), num: true },
        { label: '实际 Actual', value: (r) => r.actual, render: (r) => show(r, r.actual), num: true },
        { label: '状态 Status', value: (r) => r.status, render: (r) => h('span', { class: r.status }, { MET: '已达成', NOT_MET: '未达成', NO_DATA: '无数据' }[r.status] || r.status) },
      ], rows, { empty: '本年度未设目标 No targets for this year' }));
  }).catch((e) => box.replaceChildren(h('h2', {}, bi('目标与进展', 'Targets and progress')),
    h('p', { class: 'muted' }, '目标数据暂不可用 Targets unavailable: ' + e.message), trendOnly(history)));
  return box;
}

/** Without supervision data: the evaluation history's compliant share and large-class share. */
function trendOnly(history) {
  const list = Array.isArray(history) ? history : [];
  if (list.length < 1) { return null; }
  const val = (e, stage, k) => ((e.stages || {})[stage] || {})[k] ?? null;
  return chart({
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: list.map((e) => String(e.year)) }, yAxis: { type: 'value', axisLabel: { formatter: (v) => (v * 100).toFixed(0) + '%' } },
    series: ['PRIMARY', 'JUNIOR'].flatMap((st) => [
      { name: STAGES[st] + '达标学校占比', type: 'line', data: list.map((e) => val(e, st, 'compliantShare')) },
      { name: STAGES[st] + '大班额占比', type: 'line', data: list.map((e) => val(e, st, 'largeClassShare')) }]),
  }, '逐年达标学校占比与大班额占比');
}

export function problemsCard(county, year) {
  const box = card(bi('问题整改', 'Problems'), h('p', { class: 'muted' }, '加载中…'));
  Promise.all([all('/api/v1/counties/' + county + '/problems?year=' + year),
    get('/api/v1/counties/' + county + '/departments').catch(() => [])]).then(([list, departments]) => {
    const ledger = '/console/counties/' + county + '/problems?year=' + year;
    const deptName = Object.fromEntries((departments || []).map((d) => [d.code, d.name]));
    const byStatus = {}; const byDept = {};
    list.forEach((p) => {
      byStatus[p.status] = (byStatus[p.status] || 0) + 1;
      const d = p.department ? deptName[p.department] || p.department : '未分配 unassigned';
      byDept[d] = byDept[d] || {};
      byDept[d][p.status] = (byDept[d][p.status] || 0) + 1;
    });
    const statuses = Object.keys(PROBLEM_STATUS);
    const depts = Object.keys(byDept);
    box.replaceChildren(h('h2', {}, bi('问题整改', 'Problems')),
      h('ul', { class: 'chips', id: 'problem-counts' }, statuses.map((s) => h('li', { class: s },
        h('a', { href: ledger + '&status=' + s }, PROBLEM_STATUS[s] + ' ' + (byStatus[s] || 0))))),
      list.length ? chart({
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 110, right: 16, top: 36, bottom: 24 },
        yAxis: { type: 'category', data: depts }, xAxis: { type: 'value', minInterval: 1 },
        series: statuses.map((s) => ({ name: PROBLEM_STATUS[s], type: 'bar', stack: 'all', data: depts.map((d) => byDept[d][s] || 0) })),
      }, '各责任单位的问题数(按状态)') : h('p', { class: 'muted' }, '本年度没有问题 No problems this year'),
      h('p', {}, h('a', { href: ledger }, '打开问题台账 Open the ledger (' + list.length + ')')));
  }).catch((e) => box.replaceChildren(h('h2', {}, bi('问题整改', 'Problems')), h('p', { class: 'muted' }, '问题台账暂不可用 Ledger unavailable: ' + e.message)));
  return box;
}

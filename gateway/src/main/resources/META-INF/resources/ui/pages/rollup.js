// A city's or province's counties side by side: verdict, review stage, key CVs, open problems.
import { get, all } from '../api.js';
import { h, bi, card, table, fmt, pct, link } from '../dom.js';
import { chart, PALETTE } from '../charts.js';
import { VERDICTS, REVIEW_STAGES, STAGES, lbl } from '../labels.js';

const NOT_STARTED = '未启动';
// the last step where the stage alone does not say it (a return to the county, a new evaluation after an objection)
const ACTIONS = { RETURNED: '已退回', REOPENED: '异议成立，重新评估' };

/** The county's review stage, linking to its review page; 未启动 before the county has submitted anything. */
function stageCell(c) {
  const href = '/console/counties/' + c.countyCode + '/reviews/' + c.year;
  if (!c.review) { return link(href, NOT_STARTED); }
  const r = c.review;
  return h('span', { title: (r.changedAt ? new Date(r.changedAt).toLocaleString('zh-CN') : '') + (r.snapshotVersion ? ' · 快照 v' + r.snapshotVersion : '') },
    link(href, REVIEW_STAGES[r.stage] || r.stage), r.action && ACTIONS[r.action] ? ' · ' + ACTIONS[r.action] : '',
    r.verdict ? h('span', { class: 'muted' }, ' (' + (VERDICTS[r.verdict] || r.verdict) + ')') : null);
}

export async function render(view, { jurisdiction, year }) {
  const ruleSet = new URLSearchParams(location.search).get('ruleSet') || 'QUALITY_2017';
  const r = await get('/api/v1/rollups/' + jurisdiction + '/' + year + '?ruleSet=' + encodeURIComponent(ruleSet));
  document.title = (r.name || jurisdiction) + ' ' + year + ' 县域汇总';
  const rows = r.counties || [];
  // the review stage comes with each county's summary (indicator-service keeps supervision.reviews.v1); until that
  // service sends it, each county's review is asked for. Open problems: supervision-service's ledger.
  const extra = await Promise.all(rows.map(async (c) => {
    const [review, open] = await Promise.all([
      'reviewStage' in c ? c.reviewStage : get('/api/v1/counties/' + c.countyCode + '/reviews/' + year)
        .then((r) => (r.revision ? { stage: r.stage, verdict: r.verdict, action: (r.history || []).slice(-1).map((x) => x.action)[0] } : null)).catch(() => null),
      all('/api/v1/counties/' + c.countyCode + '/problems?year=' + year).then((d) => d.filter((p) => p.status !== 'VERIFIED').length).catch(() => null)]);
    return { review, stage: review ? review.stage : null, open };
  }));
  const byStage = {};
  extra.forEach((x) => { const k = x.stage || 'NONE'; byStage[k] = (byStage[k] || 0) + 1; });
  const data = rows.map((c, i) => Object.assign({ year }, c, extra[i]));
  const cv = (c, st) => ((c.stages || {})[st] || {}).maxCv;
  const yearSel = h('input', { type: 'number', id: 'rollup-year', value: year, min: 2000, max: 2100, 'aria-label': '学年 Year',
    onchange: (e) => { location.href = '/console/rollups/' + jurisdiction + '/' + e.target.value + location.search; } });
  view.replaceChildren(
    h('h1', {}, (r.name || jurisdiction) + ' ' + year + ' 学年 县域汇总 ', h('span', { class: 'en' }, 'Roll-up · ' + jurisdiction + ' · ' + r.ruleSet)),
    h('div', { class: 'row' }, h('label', {}, '学年 Year', yearSel)),
    card(bi('概况', 'Totals'), h('ul', { class: 'chips', id: 'rollup-totals' },
      h('li', {}, '县 counties ' + (r.totals.counties || 0)), ...['PASS', 'FAIL', 'INCOMPLETE'].map((v) => h('li', { class: v }, VERDICTS[v] + ' ' + (r.totals[v] || 0)))),
    h('ul', { class: 'chips', id: 'rollup-stages', 'aria-label': '各认定阶段的县数 Counties per review stage' },
      Object.entries(byStage).map(([k, n]) => h('li', { class: k }, (k === 'NONE' ? NOT_STARTED : REVIEW_STAGES[k] || k) + ' ' + n))),
    data.length ? chart({
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 44, right: 16, top: 36, bottom: 48 },
      xAxis: { type: 'category', data: data.map((c) => c.countyName || c.countyCode), axisLabel: { rotate: data.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: '最大差异系数' },
      series: [
        { name: '小学 最大CV', type: 'bar', data: data.map((c) => cv(c, 'PRIMARY') ?? null), color: PALETTE.bar,
          markLine: { symbol: 'none', data: [{ yAxis: 0.5, name: '小学限值' }], lineStyle: { color: PALETTE.limit, type: 'dashed' } } },
        { name: '初中 最大CV', type: 'bar', data: data.map((c) => cv(c, 'JUNIOR') ?? null), color: PALETTE.pass,
          markLine: { symbol: 'none', data: [{ yAxis: 0.45, name: '初中限值' }], lineStyle: { color: PALETTE.fail, type: 'dashed' } } }],
    }, '各县最大差异系数') : null),
    card(bi('各县', 'Counties'), table([
      { label: '县 County', value: (c) => c.countyName, render: (c) => link('/console/counties/' + c.countyCode + '/' + year, (c.countyName || '') + ' ' + c.countyCode) },
      { label: '结论 Verdict', value: (c) => c.verdict, render: (c) => h('span', { class: c.verdict }, lbl(VERDICTS, c.verdict)) },
      { label: '认定阶段 Stage', value: (c) => c.stage, render: stageCell },
      ...['PRIMARY', 'JUNIOR'].map((st) => ({ label: STAGES[st] + '最大CV', value: (c) => cv(c, st), num: true,
        render: (c) => { const s = (c.stages || {})[st]; return s && s.maxCv !== null && s.maxCv !== undefined ? fmt(s.maxCv) + ' (' + s.maxCvIndicator + ')' : '—'; } })),
      ...['PRIMARY', 'JUNIOR'].map((st) => ({ label: STAGES[st] + '达标占比', value: (c) => ((c.stages || {})[st] || {}).compliantShare, num: true, render: (c) => pct(((c.stages || {})[st] || {}).compliantShare) })),
      { label: '认可度 Recognition', value: (c) => c.recognitionRate, num: true, render: (c) => pct(c.recognitionRate) },
      { label: '未销号问题 Open', value: (c) => c.open, num: true },
      { label: '缺少材料 Missing', value: (c) => c.missingInputCount, num: true },
    ], data, { sortable: true, class: 'rollup-table' })));
}

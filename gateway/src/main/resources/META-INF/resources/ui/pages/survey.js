// A survey campaign (supervising level): plan, questionnaires, invitation batches and slip sheets, quota progress,
// flagged answers review, results by group, school and location. The county sees what the API lets it see.
import { get, put, post, download } from '../api.js';
import { h, bi, card, table, fmt, pct, message, showFieldErrors } from '../dom.js';
import { chart, PALETTE } from '../charts.js';
import { GROUPS, LOCATIONS, lbl } from '../labels.js';

const STATUS = { DRAFT: '未开始', PLANNED: '已计划', OPEN: '进行中', CLOSED: '已结束' };

function planCard(s, base, canManage) {
  const plan = s.samplePlan || s.plan || { byGroup: {}, byLocation: {} };
  const msg = message('status'); const err = message('error');
  const num = (field, label, value) => h('label', {}, label, h('input', { 'data-field': field, name: field, inputmode: 'numeric', value: value ?? '', readonly: !canManage || s.status !== 'DRAFT' }));
  const form = h('form', { id: 'plan-form', novalidate: true },
    h('div', { class: 'fields' }, num('total', '样本总数 total', plan.total)),
    h('fieldset', {}, h('legend', {}, '按群体 by group'), h('div', { class: 'fields' },
      Object.keys(GROUPS).map((g) => num('byGroup.' + g, GROUPS[g] + ' ' + g, (plan.byGroup || {})[g])))),
    h('fieldset', {}, h('legend', {}, '按城乡 by location'), h('div', { class: 'fields' },
      Object.keys(LOCATIONS).map((l) => num('byLocation.' + l, LOCATIONS[l] + ' ' + l, (plan.byLocation || {})[l])))),
    canManage && s.status === 'DRAFT' ? h('button', { type: 'submit' }, '保存抽样计划 Save plan') : null, err, msg);
  form.addEventListener('submit', async (e) => {
    e.preventDefault(); err.textContent = ''; msg.textContent = '';
    const val = (f) => { const v = form.querySelector('[data-field="' + f + '"]').value.trim(); return v === '' ? 0 : (isNaN(+v) ? v : +v); };
    const body = { total: val('total'), byGroup: Object.fromEntries(Object.keys(GROUPS).map((g) => [g, val('byGroup.' + g)])),
      byLocation: Object.fromEntries(Object.keys(LOCATIONS).map((l) => [l, val('byLocation.' + l)])) };
    try { await put(base + '/sample-plan', body); showFieldErrors(form, []); msg.textContent = '已保存 Saved'; } catch (x) {
      const rest = showFieldErrors(form, x.errors); err.textContent = x.message + (rest.length ? '' : ''); }
  });
  const life = h('div', { class: 'row' },
    canManage && s.status !== 'OPEN' && s.status !== 'CLOSED' ? h('button', { type: 'button', onclick: () => post(base + '/open').then(() => location.reload(), (x) => { err.textContent = x.message; }) }, '开始调查 Open') : null,
    canManage && s.status === 'OPEN' ? h('button', { type: 'button', class: 'danger', onclick: () => post(base + '/close').then(() => location.reload(), (x) => { err.textContent = x.message; }) }, '结束调查 Close') : null);
  return card(bi('抽样计划', 'Sample plan'), h('p', {}, '状态 ', h('strong', { id: 'survey-status' }, lbl(STATUS, s.status)),
    ' · ' + new Date(s.opensAt).toLocaleString('zh-CN') + ' — ' + new Date(s.closesAt).toLocaleString('zh-CN')), life, form);
}

function questionnairesCard(q) {
  const forms = Array.isArray(q) ? q : Object.entries(q || {}).map(([form, items]) => ({ form, items: Array.isArray(items) ? items : (items.items || []) }));
  return card(bi('问卷', 'Questionnaires'), forms.map((f) => h('details', {}, h('summary', {}, (f.form || f.name) + ' · ' + (f.items || []).length + ' 题'),
    h('ol', {}, (f.items || []).map((i) => h('li', {}, i.text + ' ', h('span', { class: 'muted' }, i.id)))))));
}

function invitationsCard(s, base, batches, canManage) {
  const err = message('error'); const out = h('div', { id: 'issued' });
  const school = h('input', { name: 'schoolCode', 'data-field': 'schoolCode', pattern: '\\d{10}', required: true });
  const group = h('select', { name: 'group', 'data-field': 'group' }, Object.keys(GROUPS).map((g) => h('option', { value: g }, GROUPS[g] + ' ' + g)));
  const count = h('input', { name: 'count', 'data-field': 'count', type: 'number', min: 1, value: 10, required: true });
  const form = h('form', { class: 'row', id: 'invite-form', novalidate: true }, h('label', {}, '学校标识码 School', school), h('label', {}, '群体 Group', group),
    h('label', {}, '份数 Count', count), h('button', { type: 'submit' }, '生成邀请码 Issue'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault(); err.textContent = '';
    try {
      const b = await post(base + '/invitations', { schoolCode: school.value.trim(), group: group.value, count: +count.value });
      showFieldErrors(form, []);
      out.replaceChildren(h('p', { class: 'ok' }, '已生成 ' + b.codes.length + ' 个邀请码 issued'), slipButton(base, b.batchId));
    } catch (x) { showFieldErrors(form, x.errors); err.textContent = x.message; }
  });
  return card(bi('邀请批次', 'Invitation batches'), canManage ? [form, err, out] : null,
    table([
      { label: '时间 At', value: (b) => b.createdAt, render: (b) => new Date(b.createdAt).toLocaleString('zh-CN') },
      { label: '学校 School', value: (b) => b.schoolCode },
      { label: '城乡', value: (b) => lbl(LOCATIONS, b.location) },
      { label: '群体 Group', value: (b) => lbl(GROUPS, b.group) },
      { label: '份数 Count', value: (b) => b.count, num: true },
      { label: '回执单 Slips', value: () => '', render: (b) => slipButton(base, b.batchId) },
    ], batches || [], { empty: '尚无批次或无权查看 None (or not visible to you)' }));
}

const slipButton = (base, id) => h('button', { type: 'button', class: 'secondary', onclick: () => download(base + '/invitations/batches/' + id + '/sheet.pdf', 'invitations-' + id + '.pdf') }, '打印回执单 PDF');

function quotaCard(r) {
  const q = Object.entries(r.quota || {}).filter(([, v]) => v.planned || v.issued || v.valid);
  return card(bi('配额进度', 'Quota progress'),
    h('p', {}, '有效回收 ' + fmt(r.valid) + ' / 计划 ' + fmt(r.plannedTotal) + (r.invitationsIssued !== undefined ? ' / 已发放 ' + fmt(r.invitationsIssued) : '')
      + ' · 有效回收率 ' + pct(r.validReturnRate) + ' (需 ≥ ' + pct(r.minValidReturnRate) + ')', r.validReturnRateBasis ? h('span', { class: 'muted' }, ' ' + r.validReturnRateBasis) : null),
    chart({
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 72, right: 16, top: 36, bottom: 24 },
      yAxis: { type: 'category', data: q.map(([g]) => GROUPS[g] || g) }, xAxis: { type: 'value' },
      series: [{ name: '计划 planned', type: 'bar', data: q.map(([, v]) => v.planned), color: PALETTE.grey },
        { name: '已发放 issued', type: 'bar', data: q.map(([, v]) => v.issued), color: PALETTE.bar },
        { name: '有效 valid', type: 'bar', data: q.map(([, v]) => v.valid), color: PALETTE.pass },
        { name: '待复核 pending', type: 'bar', data: q.map(([, v]) => v.pendingReview ?? v.flagged), color: PALETTE.limit }],
    }, '各群体配额: ' + q.map(([g, v]) => g + ' ' + v.valid + '/' + v.planned).join(', ')));
}

function resultsCard(r) {
  const slices = (m, names) => Object.entries(m || {}).map(([k, v]) => Object.assign({ key: k, label: names ? (names[k] || k) : (v.name || k) }, v));
  const cols = [{ label: '名称 Name', value: (x) => x.label }, { label: '认可度 Rate', value: (x) => x.rate, num: true, render: (x) => pct(x.rate), cls: (x) => (x.rate !== null && x.rate < (r.passRate || 0.85) ? 'fail' : '') },
    { label: '有效 Valid', value: (x) => x.valid, num: true }, { label: '标记 Flagged', value: (x) => x.flagged, num: true },
    { label: '待复核 Pending', value: (x) => x.pendingReview, num: true }, { label: '含标记答卷 All answers', value: (x) => x.rateAllAnswers, num: true, render: (x) => pct(x.rateAllAnswers) }];
  const groups = slices(r.byGroup, GROUPS).filter((x) => x.valid || x.flagged);
  return card(bi('调查结果', 'Results'),
    h('p', {}, '总体认可度 ', h('strong', { id: 'survey-rate', class: r.passes ? 'pass' : r.passes === false ? 'fail' : '' }, pct(r.rate)), ' (达标线 ' + pct(r.passRate) + ') · 有效 ' + fmt(r.valid) + ' · 标记 ' + fmt(r.flagged) + ' · 待复核 ' + fmt(r.pendingReview)
      + ' · 采纳 ' + fmt(r.accepted) + ' · 不采纳 ' + fmt(r.rejected) + ' · 含全部答卷 ' + pct(r.rateAllAnswers)),
    groups.length ? chart({ tooltip: {}, grid: { left: 44, right: 16, top: 16, bottom: 28 }, xAxis: { type: 'category', data: groups.map((x) => x.label) },
      yAxis: { type: 'value', max: 1, axisLabel: { formatter: (v) => v * 100 + '%' } },
      series: [{ type: 'bar', data: groups.map((x) => ({ value: x.rate, itemStyle: { color: x.rate < (r.passRate || 0.85) ? PALETTE.fail : PALETTE.pass } })),
        markLine: { symbol: 'none', data: [{ yAxis: r.passRate || 0.85 }], lineStyle: { color: PALETTE.limit } } }] }, '各群体认可度') : null,
    h('h3', {}, '按群体 By group'), table(cols, slices(r.byGroup, GROUPS), { sortable: true }),
    h('h3', {}, '按学校 By school'), table(cols, slices(r.bySchool), { sortable: true }),
    h('h3', {}, '按城乡 By location'), table(cols, slices(r.byLocation, LOCATIONS), { sortable: true }));
}

function flaggedCard(base, list) {
  const rows = list || [];
  return card(bi('待复核答卷', 'Flagged answers'), h('p', { class: 'muted' }, '标记只是需要复核的理由，不会被悄悄剔除 A flag is a reason to look, never a silent exclusion.'),
    table([
      { label: '编号 Id', value: (f) => f.responseId, num: true },
      { label: '群体 Group', value: (f) => lbl(GROUPS, f.group) },
      { label: '学校 School', value: (f) => f.schoolCode },
      { label: '来源 Source', value: (f) => f.source },
      { label: '标记 Flags', value: (f) => (f.flags || []).join(', '), cls: () => 'warn' },
      { label: '用时 Time', value: (f) => (f.durationMs === null || f.durationMs === undefined ? null : f.durationMs / 1000), num: true, render: (f) => (f.durationMs === null || f.durationMs === undefined ? '—' : fmt(f.durationMs / 1000, 1) + ' s') },
      { label: '复核 Review', value: (f) => (f.review ? f.review.decision : ''), render: (f) => (f.review
        ? h('span', { class: f.review.decision === 'ACCEPT' ? 'pass' : 'fail' }, (f.review.decision === 'ACCEPT' ? '已采纳 ' : '不采纳 ') + (f.review.reason || '') + ' · ' + (f.review.reviewedBy || ''))
        : reviewForm(base, f)) },
    ], rows, { empty: '没有待复核的答卷 Nothing flagged' }));
}

function reviewForm(base, f) {
  const reason = h('input', { 'aria-label': '复核理由 reason for ' + f.responseId, placeholder: '理由 reason' });
  const err = message('error');
  const send = (decision) => post(base + '/flagged/' + f.responseId + '/review', { decision, reason: reason.value.trim() })
    .then(() => location.reload(), (x) => { err.textContent = x.message; });
  return h('div', { class: 'row' }, reason, h('button', { type: 'button', onclick: () => send('ACCEPT') }, '采纳 Accept'),
    h('button', { type: 'button', class: 'danger', onclick: () => send('REJECT') }, '不采纳 Reject'), err);
}

export async function render(view, { id }, who) {
  const base = '/api/v1/surveys/' + encodeURIComponent(id);
  const s = await get(base);
  const canManage = ['REVIEWER', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'].includes(who.role);
  const [q, batches, results, flagged] = await Promise.all([get(base + '/questionnaires').catch(() => null), get(base + '/invitations').catch(() => null),
    get(base + '/results').catch((e) => ({ error: e })), get(base + '/flagged').catch(() => null)]);
  document.title = (s.countyName || s.countyCode) + ' ' + s.year + ' 社会认可度调查';
  view.replaceChildren(h('h1', {}, (s.countyName || s.countyCode) + ' ' + s.year + ' 社会认可度调查 ', h('span', { class: 'en' }, 'Satisfaction survey · ' + s.countyCode)),
    h('div', { class: 'grid' }, planCard(s, base, canManage), results.error ? card(bi('配额进度', 'Quota'), h('p', { class: 'muted' }, results.error.message)) : quotaCard(results)),
    invitationsCard(s, base, batches, canManage),
    flagged ? flaggedCard(base, flagged) : null,
    results.error ? null : resultsCard(results),
    q ? questionnairesCard(q) : null);
}

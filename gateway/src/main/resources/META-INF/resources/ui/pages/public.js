// The public announcement (公示): no sign-in, phone-first. The county's frozen verdict, indicators and CVs,
// recognition rate, problems found and verified, and the objection window with the objection form.
import { api } from '../api.js';
import { h, card, table, fmt, pct, message } from '../dom.js';
import { STAGES, VERDICTS, lbl } from '../labels.js';

export async function render(view, { county, year }) {
  const base = '/api/v1/public/publications/' + county + '/' + year;
  let p;
  try { p = await api('GET', base); } catch (e) {
    view.replaceChildren(card('公示 ' + county + ' ' + year, h('p', { role: 'alert' }, e.status === 404 ? '该县本年度尚未公示。No announcement for this county and year.' : e.message)));
    return;
  }
  document.title = (p.countyName || county) + ' ' + year + ' 县域义务教育优质均衡发展评估公示';
  const stages = Object.entries(p.stages || {}).filter(([, s]) => s && s.indicators);
  const problems = p.problems || {};
  const window = p.objectionWindow || p.window || {};
  const closes = window.closesAt || window.until || p.objectionsUntil || p.closesAt;
  const text = h('textarea', { id: 'objection-text', name: 'text', rows: 4, required: true, maxlength: 2000, 'data-field': 'text' });
  const contact = h('input', { id: 'objection-contact', name: 'contact', autocomplete: 'off', 'data-field': 'contact' });
  const err = message('error'); const ok = message('status');
  const form = h('form', { id: 'objection-form', class: 'stack' },
    h('label', {}, '异议内容 Objection', text), h('label', {}, '联系方式(选填) Contact (optional)', contact),
    h('p', { class: 'muted' }, '除联系方式外不收集任何个人信息。No other personal data is collected.'),
    h('div', {}, h('button', { type: 'submit' }, '提交异议 Submit')), err, ok);
  form.addEventListener('submit', async (e) => {
    e.preventDefault(); err.textContent = ''; ok.textContent = '';
    try {
      await api('POST', base + '/objections', contact.value.trim() ? { text: text.value.trim(), contact: contact.value.trim() } : { text: text.value.trim() });
      ok.textContent = '已收到您的异议，谢谢。Received, thank you.'; text.value = '';
    } catch (x) { err.textContent = x.status === 429 ? '提交过于频繁，请稍后再试。Too many objections; try later.' : x.message; }
  });
  view.replaceChildren(
    h('h1', {}, (p.countyName || county) + ' ' + year + ' 年度 县域义务教育均衡发展督导评估 公示'),
    card('评估结论', h('p', {}, h('span', { id: 'public-verdict', class: 'verdict ' + (p.verdict || '') }, lbl(VERDICTS, p.verdict))),
      h('dl', { class: 'kv' },
        h('dt', {}, '评估标准'), h('dd', {}, p.ruleSet || '—'),
        h('dt', {}, '社会认可度'), h('dd', {}, pct(p.recognitionRate)),
        h('dt', {}, '发现问题'), h('dd', {}, fmt(problems.found ?? p.problemsFound)),
        h('dt', {}, '已整改销号'), h('dd', {}, fmt(problems.verified ?? p.problemsVerified)),
        h('dt', {}, '公示截止'), h('dd', {}, closes ? new Date(closes).toLocaleDateString('zh-CN') : '—'),
        p.snapshotDigest || p.digest ? [h('dt', {}, '数据指纹 SHA-256'), h('dd', {}, h('code', { class: 'digest' }, (p.snapshotDigest || p.digest).slice(0, 16) + '…'))] : null)),
    ...stages.map(([k, s]) => card((STAGES[k] || k) + ' 资源配置指标与差异系数',
      table([
        { label: '指标', value: (r) => r.code + ' ' + (r.name || '') },
        { label: '县域值', value: (r) => r.countyValue, num: true },
        { label: '差异系数', value: (r) => r.cv, num: true },
        { label: '限值', value: (r) => r.cvLimit, num: true },
      ], Object.entries(s.indicators).map(([code, i]) => Object.assign({ code }, i))))),
    card('提出异议', form));
}

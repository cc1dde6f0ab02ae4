// The console's router: bookmarkable paths (api-contract.md "Console"), sign-in, the caller's home.
import { api, caller, setToken, signOut, whenUnauthorized, get, items } from './api.js';
import { h, bi, card, message, schoolYear, link } from './dom.js';
import { ROLES } from './labels.js';

const ROUTES = [
  [/^\/console\/counties\/(\d{6})\/(\d{4})$/, 'dashboard', (m) => ({ county: m[1], year: +m[2] })],
  [/^\/console\/counties\/(\d{6})\/reports\/(\d{4})$/, 'queue', (m) => ({ county: m[1], year: +m[2] })],
  [/^\/console\/counties\/(\d{6})\/problems$/, 'problems', (m) => ({ county: m[1] })],
  [/^\/console\/counties\/(\d{6})\/reviews\/(\d{4})$/, 'reviews', (m) => ({ county: m[1], year: +m[2] })],
  [/^\/console\/counties\/(\d{6})\/findings\/(\d{4})$/, 'findings', (m) => ({ county: m[1], year: +m[2] })],
  [/^\/console\/schools\/(\d{10})\/reports\/(\d{4})$/, 'report', (m) => ({ school: m[1], year: +m[2] })],
  [/^\/console\/surveys\/([^/]+)$/, 'survey', (m) => ({ id: decodeURIComponent(m[1]) })],
  [/^\/console\/rollups\/(\d{6})\/(\d{4})$/, 'rollup', (m) => ({ jurisdiction: m[1], year: +m[2] })],
];

const view = document.getElementById('view');
// pages fill the view with optional parts (a card only some roles see): null and false are left out, as h() does,
// rather than shown as the text "null"
view.replaceChildren = (...parts) => Element.prototype.replaceChildren.apply(view,
  parts.flat(Infinity).filter((p) => p !== null && p !== undefined && p !== false));

function route() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  for (const [re, page, params] of ROUTES) {
    const m = path.match(re);
    if (m) { return { page, params: Object.assign(params(m), Object.fromEntries(new URLSearchParams(location.search))) }; }
  }
  return { page: path === '/' || path === '/console' ? 'home' : 'notFound', params: {} };
}

/** Where a caller's role and jurisdiction lead. */
export async function homeOf(c) {
  const j = c.jurisdiction;
  const year = schoolYear();
  if (c.role === 'SCHOOL_REPORTER') {
    const years = await get('/api/v1/schools/' + j + '/reports').catch(() => []);
    const latest = years.length ? Math.max(...years.map((r) => r.year)) : year;
    return '/console/schools/' + j + '/reports/' + latest;
  }
  if (!j) { return null; }
  const isCounty = /^\d{6}$/.test(j) && !j.endsWith('00');
  if (isCounty) {
    if (c.role === 'DEPARTMENT') { return '/console/counties/' + j + '/problems'; }
    const history = await get('/api/v1/counties/' + j + '/evaluations').catch(() => []);
    const latest = history.length ? Math.max(...history.map((e) => e.year)) : year;
    return '/console/counties/' + j + '/' + latest;
  }
  return '/console/rollups/' + j + '/' + year;
}

function renderNav(c) {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  nav.replaceChildren(); who.replaceChildren();
  if (!c) { return; }
  const j = c.jurisdiction;
  const y = schoolYear();
  const links = [link('/', '首页 Home')];
  if (j && /^\d{6}$/.test(j) && !j.endsWith('00')) {
    links.push(link('/console/counties/' + j + '/' + (route().params.year || y), '县域看板'),
      link('/console/counties/' + j + '/reports/' + (route().params.year || y), '报表审核'),
      link('/console/counties/' + j + '/problems' + (route().params.year ? '?year=' + route().params.year : ''), '问题台账'),
      link('/console/counties/' + j + '/reviews/' + (route().params.year || y), '评估认定'));
  } else if (j && /^\d{6}$/.test(j)) {
    links.push(link('/console/rollups/' + j + '/' + (route().params.year || y), '县域汇总'));
  }
  nav.append(...links);
  who.append(h('span', {}, c.name + ' · ' + (ROLES[c.role] || c.role) + (j ? ' · ' + j : '')),
    h('button', { type: 'button', onclick: () => { signOut(); location.href = '/'; } }, '退出 Sign out'));
}

function signInPage(note) {
  renderNav(null);
  const err = message('error');
  const form = h('form', { class: 'stack', id: 'signin-form' },
    h('label', {}, bi('用户名', 'Username'), h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true })),
    h('label', {}, bi('密码', 'Password'), h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('div', {}, h('button', { type: 'submit' }, '登录 Sign in')), err);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    err.textContent = '';
    try {
      const t = await api('POST', '/api/v1/auth/token', { username: form.username.value, password: form.password.value });
      setToken(t.accessToken);
      start();
    } catch (e) { err.textContent = '登录失败 Sign-in failed: ' + e.message; }
  });
  view.replaceChildren(card(bi('登录', 'Sign in'), note ? h('p', { class: 'warn', role: 'status' }, note) : null, form));
  document.title = '登录 · 县域义务教育均衡发展督导评估平台';
  form.username.focus();
}

async function homePage(c) {
  const target = await homeOf(c);
  if (target) { location.replace(target); return; }
  // a system administrator: every province
  const list = items(await get('/api/v1/jurisdictions').catch(() => []));
  const code = h('input', { id: 'jump-code', pattern: '\\d{6}', maxlength: 6, required: true, placeholder: '990000' });
  const year = h('input', { id: 'jump-year', type: 'number', min: 2000, max: 2100, value: schoolYear(), required: true });
  const form = h('form', { class: 'row' }, h('label', {}, bi('行政区划代码', 'Division code'), code),
    h('label', {}, bi('学年', 'Year'), year), h('button', { type: 'submit' }, '打开 Open'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = code.value;
    location.href = v.endsWith('00') ? '/console/rollups/' + v + '/' + year.value : '/console/counties/' + v + '/' + year.value;
  });
  view.replaceChildren(card(bi('首页', 'Home'), form,
    h('ul', {}, list.filter((j) => j.level !== 'COUNTY').map((j) => h('li', {},
      link('/console/rollups/' + (j.code) + '/' + schoolYear(), j.name + ' ' + j.code))))));
}

const PAGES = {
  dashboard: () => import('./pages/dashboard.js'), queue: () => import('./pages/queue.js'),
  problems: () => import('./pages/problems.js'), reviews: () => import('./pages/reviews.js'),
  report: () => import('./pages/report.js'), survey: () => import('./pages/survey.js'),
  rollup: () => import('./pages/rollup.js'), findings: () => import('./pages/findings.js'),
};

export async function start(note) {
  const r = route();
  const c = caller();
  if (!c) { return signInPage(note); }
  renderNav(c);
  view.replaceChildren(h('p', { class: 'muted' }, '加载中… Loading…'));
  try {
    if (r.page === 'home') { return await homePage(c); }
    if (r.page === 'notFound') { view.replaceChildren(card('页面不存在 Not found', link('/', '返回首页 Home'))); return; }
    await (await PAGES[r.page]()).render(view, r.params, c);
  } catch (e) {
    if (e.status === 401) { return; }
    view.replaceChildren(card('出错了 Error', h('p', { role: 'alert', class: 'error' }, e.message), link('/', '返回首页 Home')));
  }
}

whenUnauthorized(() => signInPage('登录已过期或无效，请重新登录。Your session ended; please sign in again.'));
start();

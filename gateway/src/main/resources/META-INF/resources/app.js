'use strict';
// The landing page: sign in with the token endpoint, then read a county's schools and evaluation through the API.
(function () {
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = 'balance.token';

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function claims(jwt) {
    try {
      const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) { return null; }
  }

  function problemText(status, body) {
    if (body && typeof body === 'object') {
      const fields = (body.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
      return (body.title || ('HTTP ' + status)) + (body.detail ? ' — ' + body.detail : '') + (fields ? ' (' + fields + ')' : '');
    }
    return 'HTTP ' + status;
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (token()) { headers['Authorization'] = 'Bearer ' + token(); }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    let data = null;
    const text = await response.text();
    if (text) { try { data = JSON.parse(text); } catch (e) { data = text; } }
    if (response.status === 401 && path !== '/api/v1/auth/token') { signOut(); }
    if (!response.ok) { const err = new Error(problemText(response.status, data)); err.status = response.status; throw err; }
    return data;
  }

  function show() {
    const jwt = token();
    const c = jwt ? claims(jwt) : null;
    const signedIn = !!(c && c.exp * 1000 > Date.now());
    if (jwt && !signedIn) { sessionStorage.removeItem(TOKEN_KEY); }
    $('signin-form').hidden = signedIn;
    $('signout').hidden = !signedIn;
    $('whoami').hidden = !signedIn;
    $('county-section').hidden = !signedIn;
    if (signedIn) {
      const role = (c.groups || [])[0] || '';
      $('whoami').textContent = '已登录 Signed in: ' + c.upn + ' · ' + role
        + (c.jurisdiction ? ' · ' + c.jurisdiction : '') + ' · 有效至 valid until '
        + new Date(c.exp * 1000).toLocaleTimeString();
      if (c.jurisdiction && /^\d{6}$/.test(c.jurisdiction) && !c.jurisdiction.endsWith('00') && !$('county').value) {
        $('county').value = c.jurisdiction;
      }
    }
  }

  function signOut() { sessionStorage.removeItem(TOKEN_KEY); show(); }

  function cell(row, text, cls) {
    const td = document.createElement('td');
    td.textContent = text === undefined || text === null ? '—' : String(text);
    if (cls) { td.className = cls; }
    row.appendChild(td);
  }

  function renderEvaluation(e) {
    $('evaluation').hidden = false;
    $('verdict').textContent = e.verdict;
    $('verdict').className = 'verdict ' + e.verdict;
    $('evaluation-meta').textContent = e.ruleSet + ' · ' + e.year + ' · 依据已审核报表 based on approved reports: ' + e.basedOnReports;
    const tbody = $('parts').querySelector('tbody');
    tbody.replaceChildren();
    Object.entries(e.parts || {}).forEach(([name, part]) => {
      const tr = document.createElement('tr');
      cell(tr, name);
      const pass = part && part.pass;
      cell(tr, pass === true ? '达标 pass' : pass === false ? '未达标 fail' : '—', pass === true ? 'pass' : pass === false ? 'fail' : '');
      tbody.appendChild(tr);
    });
    const stages = $('stages');
    stages.replaceChildren();
    Object.entries(e.stages || {}).forEach(([stage, s]) => {
      if (!s || !s.indicators) { return; }
      const h = document.createElement('h4');
      h.textContent = stage + ' · 纳入学校 schools included: ' + s.includedSchools;
      stages.appendChild(h);
      const table = document.createElement('table');
      const head = document.createElement('tr');
      ['指标 Indicator', '县域值 County value', '差异系数 CV', '限值 Limit', '结果 Result'].forEach((t) => {
        const th = document.createElement('th'); th.textContent = t; head.appendChild(th);
      });
      table.appendChild(head);
      Object.entries(s.indicators).forEach(([code, ind]) => {
        const tr = document.createElement('tr');
        cell(tr, code); cell(tr, ind.countyValue); cell(tr, ind.cv === null ? '— ' + (ind.reason || '') : ind.cv);
        cell(tr, ind.cvLimit); cell(tr, ind.pass ? '达标 pass' : '未达标 fail', ind.pass ? 'pass' : 'fail');
        table.appendChild(tr);
      });
      stages.appendChild(table);
    });
  }

  function renderSchools(data) {
    const list = Array.isArray(data) ? data : (data && (data.items || data.content || data.schools)) || [];
    $('schools').hidden = false;
    $('school-count').textContent = (data && data.total !== undefined) ? data.total : list.length;
    const tbody = $('school-table').querySelector('tbody');
    tbody.replaceChildren();
    list.forEach((s) => {
      const tr = document.createElement('tr');
      cell(tr, s.schoolCode || s.code); cell(tr, s.name); cell(tr, s.type); cell(tr, s.location);
      tbody.appendChild(tr);
    });
  }

  $('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('signin-error').textContent = '';
    try {
      const t = await api('POST', '/api/v1/auth/token', { username: $('username').value, password: $('password').value });
      sessionStorage.setItem(TOKEN_KEY, t.accessToken);
      $('password').value = '';
      show();
    } catch (e) { $('signin-error').textContent = '登录失败 Sign-in failed: ' + e.message; }
  });

  $('signout').addEventListener('click', signOut);

  $('county-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('county-error').textContent = '';
    $('evaluation').hidden = true;
    $('schools').hidden = true;
    const county = $('county').value.trim();
    const year = $('year').value;
    const ruleSet = $('ruleSet').value;
    const errors = [];
    await Promise.all([
      api('GET', '/api/v1/schools?countyCode=' + encodeURIComponent(county)).then(renderSchools)
        .catch((e) => errors.push('学校 Schools: ' + e.message)),
      api('GET', '/api/v1/counties/' + encodeURIComponent(county) + '/evaluations/' + encodeURIComponent(year)
        + '?ruleSet=' + encodeURIComponent(ruleSet)).then(renderEvaluation)
        .catch((e) => errors.push('评估 Evaluation: ' + e.message)),
    ]);
    $('county-error').textContent = errors.join(' · ');
  });

  const now = new Date();
  $('year').value = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  show();
})();

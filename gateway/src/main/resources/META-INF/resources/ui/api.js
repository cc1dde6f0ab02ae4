// The public API through the gateway: the token lives in this tab only (sessionStorage); a 401 signs out.
const TOKEN_KEY = 'balance.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(status, problem));
    this.status = status;
    this.problem = problem && typeof problem === 'object' ? problem : null;
    this.errors = (this.problem && this.problem.errors) || [];
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(fn) { onUnauthorized = fn; }

export function token() { return sessionStorage.getItem(TOKEN_KEY); }
export function setToken(t) { sessionStorage.setItem(TOKEN_KEY, t); }
export function signOut() { sessionStorage.removeItem(TOKEN_KEY); }

/** The signed-in caller from the token's claims, or null when there is none or it has expired. */
export function caller() {
  const jwt = token();
  if (!jwt) { return null; }
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), (ch) => ch.charCodeAt(0));
    const c = JSON.parse(new TextDecoder().decode(bytes));
    if (!c.exp || c.exp * 1000 <= Date.now()) { signOut(); return null; }
    return { name: c.upn, role: (c.groups || [])[0] || '', jurisdiction: c.jurisdiction || null,
      department: c.department || null, exp: c.exp };
  } catch (e) { signOut(); return null; }
}

export function problemText(status, body) {
  if (body && typeof body === 'object') {
    const fields = (body.errors || []).map((e) => (e.field || '') + ': ' + e.message).join('; ');
    return (body.title || ('HTTP ' + status)) + (body.detail ? ' — ' + body.detail : '') + (fields ? ' (' + fields + ')' : '');
  }
  return 'HTTP ' + status + (typeof body === 'string' && body ? ' — ' + body.slice(0, 200) : '');
}

/** One call; JSON in and out. body may be a FormData or Blob (sent as is, with contentType if given). */
export async function api(method, path, body, contentType) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (token()) { headers.Authorization = 'Bearer ' + token(); }
  let payload;
  if (body instanceof FormData) { payload = body; } else if (body instanceof Blob) {
    payload = body; headers['Content-Type'] = contentType || body.type || 'application/octet-stream';
  } else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  const response = await fetch(path, { method, headers, body: payload });
  const text = await response.text();
  let data = null;
  if (text) { try { data = JSON.parse(text); } catch (e) { data = text; } }
  if (response.status === 401 && path !== '/api/v1/auth/token') { signOut(); onUnauthorized(); }
  if (!response.ok) { throw new ApiError(response.status, data); }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const patch = (path, body) => api('PATCH', path, body);

/** A GET that answers null on 404 (something not there yet) instead of failing. */
export async function getOrNull(path) {
  try { return await get(path); } catch (e) { if (e.status === 404) { return null; } throw e; }
}

/** Downloads a file with the token (a plain link cannot carry it) and saves it under name. */
export async function download(path, name) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
  if (response.status === 401) { signOut(); onUnauthorized(); }
  if (!response.ok) {
    let data = null; try { data = await response.json(); } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, data);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url; a.download = name; document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Items of a paged or plain list answer. */
export function items(data) {
  if (Array.isArray(data)) { return data; }
  return (data && (data.items || data.content || data.rows || data.problems)) || [];
}

/** Every item of a paged list ({items, page, size, total}), page by page at the services' largest size (500). */
export async function all(path) {
  const out = [];
  for (let page = 0; ; page++) {
    const data = await get(path + (path.includes('?') ? '&' : '?') + 'size=500&page=' + page);
    const list = items(data);
    out.push(...list);
    if (Array.isArray(data) || !list.length || typeof data.total !== 'number' || out.length >= data.total) { return out; }
  }
}

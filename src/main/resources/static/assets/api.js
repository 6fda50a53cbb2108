// The storefront's client of the commerce API (docs/api.md): one fetch wrapper that turns every
// refusal into a Problem carrying the service's `detail` and `code`, the signed-in token, and small
// DOM helpers. Plain script, no build step; no inline handlers, so a strict CSP can hold.
'use strict';

const Commerce = (() => {
  // the admin page keeps its own token (<html data-token-key>), so signing in there leaves the shop's
  const TOKEN_KEY = document.documentElement.dataset.tokenKey || 'commerce.token';
  const won = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' });
  const dateTime = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'short', timeStyle: 'medium' });

  class Problem extends Error {
    constructor(status, body) {
      super(body.detail || body.title || `HTTP ${status}`);
      this.status = status;
      this.code = body.code || 'HTTP_' + status;
      this.detail = this.message;
      this.body = body;
    }
  }

  function token() {
    return localStorage.getItem(TOKEN_KEY);
  }

  /** The claims of the stored token, or null when there is none or it cannot be read. */
  function claims(candidate = token()) {
    if (!candidate) {
      return null;
    }
    try {
      const payload = candidate.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const parsed = JSON.parse(atob(payload));
      return { userId: Number(parsed.sub), roles: parsed.roles || [], exp: parsed.exp };
    } catch (unreadable) {
      return null;
    }
  }

  function signIn(newToken) {
    if (!claims(newToken)) {
      throw new Problem(400, { detail: '토큰을 읽을 수 없습니다 (JWT 형식이 아닙니다)', code: 'MALFORMED_TOKEN' });
    }
    localStorage.setItem(TOKEN_KEY, newToken);
  }

  function signOut() {
    localStorage.removeItem(TOKEN_KEY);
  }

  /** A demo token from the local run's development endpoint (a 404 where it is off). */
  async function demoToken(userId, roles) {
    const answer = await api('POST', '/api/v1/dev/tokens', { userId, roles }, { anonymous: true });
    return answer.token;
  }

  /** Calls the API; resolves with the parsed JSON (null for 204), rejects with a Problem. */
  async function api(method, path, body, options = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (token() && !options.anonymous) {
      headers.Authorization = 'Bearer ' + token();
    }
    if (options.idempotencyKey) {
      headers['Idempotency-Key'] = options.idempotencyKey;
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (network) {
      throw new Problem(0, { detail: '서버에 연결할 수 없습니다: ' + network.message, code: 'NETWORK_ERROR' });
    }
    if (response.status === 204) {
      return null;
    }
    const text = await response.text();
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch (notJson) {
      parsed = { detail: text.slice(0, 200) };
    }
    if (!response.ok && !(options.okStatuses || []).includes(response.status)) {
      throw new Problem(response.status, parsed || {});
    }
    return parsed;
  }

  /** A fresh Idempotency-Key for one click, so a retried click never charges twice. */
  function newKey() {
    return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
  }

  /** Builds an element: h('a', {href: '#/'}, 'text', child). Text is never parsed as HTML. */
  function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name.startsWith('on')) {
        element.addEventListener(name.slice(2), value);
      } else if (value === true) {
        element.setAttribute(name, '');
      } else {
        element.setAttribute(name, value);
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        element.append(child instanceof Node ? child : String(child));
      }
    }
    return element;
  }

  /** Shows a refusal to the person: the service's detail and code, never a blank page. */
  function showProblem(problem) {
    const banner = document.getElementById('problem');
    banner.replaceChildren(
      h('strong', {}, '요청이 거절되었습니다: '),
      h('span', { 'data-testid': 'problem-detail' }, problem.detail || String(problem)),
      ' ',
      h('code', { 'data-testid': 'problem-code' }, problem.code || 'ERROR'));
    banner.hidden = false;
  }

  function showNotice(text) {
    const notice = document.getElementById('notice');
    notice.textContent = text;
    notice.hidden = false;
  }

  function clearMessages() {
    document.getElementById('problem').hidden = true;
    document.getElementById('notice').hidden = true;
  }

  /** Runs an action of a button or form, showing its refusal if there is one. */
  async function attempt(action) {
    clearMessages();
    try {
      return await action();
    } catch (problem) {
      showProblem(problem);
      return undefined;
    }
  }

  return {
    Problem, api, token, claims, signIn, signOut, demoToken, newKey, h, showProblem, showNotice, clearMessages,
    attempt, won: amount => won.format(amount), when: instant => (instant ? dateTime.format(new Date(instant)) : '-'),
  };
})();

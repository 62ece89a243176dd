// A browser without a browser for the HTTP tests: keeps cookies, sends forms with the CSRF token
// of the session, and logs in. Redirects are not followed, so that tests can check them.
import assert from 'node:assert/strict';

export const demoPassword = 'parcours-demo-2026';

const csrfPattern = /name="csrf_token" value="([^"]+)"/;

export class Visitor {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
    this.setCookies = [];  // the Set-Cookie headers of the last response
  }

  // `origin` is sent on every unsafe method (the server checks it); pass null to leave it out.
  // `form` is sent URL-encoded; `multipart` (a FormData, e.g. with a file) as a browser does.
  async request(path, { method = 'GET', form, multipart, origin = this.base, headers: extra = {} } = {}) {
    const headers = { ...extra };
    if (this.cookies.size) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    let body = multipart;
    if (form) {
      body = (form instanceof URLSearchParams ? form : new URLSearchParams(form)).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    if (method !== 'GET' && origin) headers.origin = origin;
    const res = await fetch(new URL(path, this.base), { method, headers, body, redirect: 'manual' });
    this.setCookies = res.headers.getSetCookie();
    for (const cookie of this.setCookies) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, location: res.headers.get('location'), text };
  }

  // The CSRF token of the first form of `path`, else of the session (any page's logout form),
  // else of the visitor (the login form).
  async csrf(path = '/') {
    for (const page of new Set([path, '/', '/connexion'])) {
      const match = csrfPattern.exec((await this.request(page)).text);
      if (match) return match[1];
    }
    assert.fail(`pas de jeton CSRF dans ${path}`);
  }

  // Posts a form with the token read on `formPage` (by default the page of `path` itself), unless
  // the form brings its own.
  async post(path, form, { formPage = path, ...options } = {}) {
    const params = new URLSearchParams(form);
    if (!params.has('csrf_token')) params.set('csrf_token', await this.csrf(formPage));
    return this.request(path, { method: 'POST', form: params, ...options });
  }

  // GETs the JSON at `path` every 100 ms until `done(body)` holds and returns that body; fails
  // the test after `tries` attempts.
  async pollJson(path, done, { tries = 100 } = {}) {
    for (let i = 0; i < tries; i += 1) {
      const res = await this.request(path);
      assert.equal(res.status, 200, res.text);
      const body = JSON.parse(res.text);
      if (done(body)) return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`${path} : toujours pas terminé après ${tries} essais`);
  }

  // The login form's answer, whatever it is.
  tryLogin(email, password = demoPassword, extra = {}) {
    return this.post('/connexion', { email, password, ...extra }, { formPage: '/connexion' });
  }

  // Logs in or fails the test.
  async login(email, password = demoPassword) {
    const res = await this.tryLogin(email, password);
    assert.equal(res.status, 303, `connexion de ${email} : ${res.status}`);
    return this;
  }
}

// Logs in one visitor per account, e.g. signIn(url, { referent: 'referent@demo.test' }), and
// returns them by the same names.
export async function signIn(base, accounts) {
  const visitors = {};
  for (const [who, email] of Object.entries(accounts)) {
    visitors[who] = await new Visitor(base).login(email);
  }
  return visitors;
}

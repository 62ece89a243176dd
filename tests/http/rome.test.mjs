// Black-box tests of the ROME job titles: the `load-rome` command (idempotent, French report on
// bad lines, nothing written then) and GET /api/v1/rome/appellations (signed-in accounts only,
// search by any word in any order without accents, problem+json in French on bad input).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

const demoPassword = 'parcours-demo-2026';

async function login(base, email) {
  const cookies = new Map();
  const keep = (res) => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };
  const header = () => [...cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  const page = await fetch(new URL('/connexion', base));
  keep(page);
  const token = /name="csrf_token" value="([^"]+)"/.exec(await page.text())[1];
  const res = await fetch(new URL('/connexion', base), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie: header() },
    body: new URLSearchParams({ email, password: demoPassword, csrf_token: token }).toString(),
  });
  assert.equal(res.status, 303, `connexion de ${email}`);
  keep(res);
  return (path) => fetch(new URL(path, base), { headers: { cookie: header() } });
}

describe('ROME job titles', () => {
  let server;
  let sql;
  let referent;
  const files = mkdtempSync(join(tmpdir(), 'parcours-rome-'));

  before(async () => {
    server = await startServer({
      before: async (cli) => {
        for (const args of [['load-geo'], ['load-rome'], ['seed-demo']]) {
          const done = await cli(args);
          assert.equal(done.code, 0, done.stderr);
        }
      },
    });
    sql = sqliteQuery(server);
    referent = await login(server.url, 'referent@demo.test');
  });

  after(async () => {
    rmSync(files, { recursive: true, force: true });
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  test('load-rome loaded the 10,876 titles, and loading again changes nothing', async () => {
    assert.equal(sql('SELECT COUNT(*) FROM rome_appellations'), '10876');
    const terms = sql('SELECT COUNT(*) FROM rome_terms');
    const again = await server.cli(['load-rome']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /10876 appellations \(0 ajoutées, 0 retirées\)/);
    assert.equal(sql('SELECT COUNT(*) FROM rome_appellations'), '10876');
    assert.equal(sql('SELECT COUNT(*) FROM rome_terms'), terms);
  });

  test('load-rome reports each bad line in French and writes nothing', async () => {
    const file = join(files, 'bad.csv');
    writeFileSync(file, 'code_rome,appellation\nA1101,Nouveau métier\nA11,Code trop court\nB2000,\n');
    const done = await server.cli(['load-rome', '--source', file]);
    assert.equal(done.code, 1);
    assert.match(done.stderr, /2 lignes refusées, rien n’a été chargé/);
    assert.match(done.stderr, /ligne 3 : code ROME « A11 » invalide/);
    assert.match(done.stderr, /ligne 4 : appellation vide/);
    assert.equal(sql("SELECT COUNT(*) FROM rome_appellations WHERE label = 'Nouveau métier'"), '0');
    assert.equal(sql('SELECT COUNT(*) FROM rome_appellations'), '10876');
  });

  test('a signed-in professional finds titles by any word, in any order, without accents', async () => {
    const res = await referent('/api/v1/rome/appellations?q=' + encodeURIComponent('SOIGNANTE aide'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /application\/json/);
    const body = await res.json();
    assert.ok(body.length > 0 && body.length <= 20);
    for (const item of body) {
      assert.deepEqual(Object.keys(item).sort(), ['appellation', 'code_rome']);
      assert.match(item.code_rome, /^[A-Z]\d{4}$/);
      assert.match(item.appellation.toLowerCase(), /aide/);
      assert.match(item.appellation.toLowerCase(), /soignant/);
    }
    assert.ok(body.some((item) => item.code_rome === 'J1501'));
    const accents = await (await referent('/api/v1/rome/appellations?q=SECURITE&limit=5')).json();
    assert.equal(accents.length, 5);
    const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    assert.ok(accents.every((item) => fold(item.appellation).includes('securite')), JSON.stringify(accents));
    assert.ok(accents.some((item) => item.appellation.includes('sécurité')));
  });

  test('bad parameters are problem+json in French naming the parameter', async () => {
    for (const [query, field, message] of [
      ['q=', 'q', /au moins une lettre/],
      ['q=%20%2F%20', 'q', /au moins une lettre/],
      [`q=${'a'.repeat(101)}`, 'q', /100 caractères/],
      ['q=chauffeur&limit=0', 'limit', /entre 1 et 50/],
      ['q=chauffeur&limit=abc', 'limit', /entre 1 et 50/],
    ]) {
      const res = await referent(`/api/v1/rome/appellations?${query}`);
      assert.equal(res.status, 422, query);
      assert.match(res.headers.get('content-type'), /application\/problem\+json/);
      const problem = await res.json();
      assert.equal(problem.field, field, query);
      assert.match(problem.detail, message, query);
      assert.match(problem.detail, new RegExp(`« ${field} »`), query);
    }
  });

  test('an anonymous visitor is refused with problem+json', async () => {
    const res = await fetch(new URL('/api/v1/rome/appellations?q=chauffeur', server.url));
    assert.equal(res.status, 401);
    assert.match(res.headers.get('content-type'), /application\/problem\+json/);
    assert.match((await res.json()).detail, /Connectez-vous/);
  });
});

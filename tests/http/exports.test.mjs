// Black-box tests of the CSV exports against the real binary with the demo territory: the file
// (BOM, `;`, CRLF, French headers and dates), who may export (a manager of that territory only),
// CSRF, and the journal entry.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';
import { Visitor, signIn } from '../support/visitor.mjs';

describe('CSV exports', () => {
  let server;
  let sql;
  let territory;
  const visitors = {};

  before(async () => {
    server = await startDemoServer();
    sql = sqliteQuery(server);
    territory = Number(sql("SELECT territory_id FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'territoire@demo.test' AND r.role = 'territory_manager'"));
    Object.assign(visitors, await signIn(server.url, {
      manager: 'territoire@demo.test', referent: 'referent@demo.test', admin: 'admin@demo.test',
    }));
  });

  // Posts the export form and returns the answer with its raw bytes decoded without dropping
  // the BOM (fetch's text() strips it).
  async function download(visitor, kind) {
    const csrf = await visitor.csrf(`/territoires/${territory}/exports`);
    const res = await fetch(new URL(`/territoires/${territory}/exports/${kind}`, server.url), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: [...visitor.cookies].map(([n, v]) => `${n}=${v}`).join('; '),
        origin: server.url,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ csrf_token: csrf }).toString(),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  }

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  test('the territory page links to the exports, which offer both files', async () => {
    const page = await visitors.manager.request(`/territoires/${territory}`);
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(`href="/territoires/${territory}/exports"`));
    const exportsPage = await visitors.manager.request(`/territoires/${territory}/exports`);
    assert.equal(exportsPage.status, 200);
    assert.match(exportsPage.text, /Exporter les personnes/);
    assert.match(exportsPage.text, /Exporter les parcours/);
  });

  test('the persons file opens in a French spreadsheet and is journaled', async () => {
    const before = Number(sql("SELECT COUNT(*) FROM journal WHERE kind = 'export.persons'"));
    const res = await download(visitors.manager, 'personnes');
    assert.equal(res.status, 200);
    assert.deepEqual([...res.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('content-disposition'), /^attachment; filename="personnes-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.ok(res.text.startsWith('\uFEFF'), 'BOM');
    const lines = res.text.slice(1).split('\r\n');
    assert.equal(lines.at(-1), '', 'the file ends with CRLF');
    assert.ok(!res.text.slice(1).replaceAll('\r\n', '').includes('\n') || res.text.includes('"'), 'bare LF only inside quotes');
    assert.match(lines[0], /^Identifiant;Nom de naissance;Nom d'usage;Prénoms;Date de naissance;Sexe;/);
    const persons = Number(sql(`SELECT COUNT(*) FROM persons p WHERE p.merged_into IS NULL AND (p.territory_id = ${territory} OR EXISTS (SELECT 1 FROM journeys j WHERE j.person_id = p.id AND j.territory_id = ${territory}))`));
    assert.ok(persons > 0, 'the demo has persons');
    assert.equal(lines.length - 2, persons);
    assert.ok(lines.slice(1, -1).some((l) => /;\d{2}\/\d{2}\/\d{4};/.test(l)), 'dates as JJ/MM/AAAA');
    const after = sql("SELECT actor_id || '|' || payload FROM journal WHERE kind = 'export.persons' ORDER BY seq DESC LIMIT 1");
    assert.equal(Number(sql("SELECT COUNT(*) FROM journal WHERE kind = 'export.persons'")), before + 1);
    const manager = sql("SELECT id FROM users WHERE email = 'territoire@demo.test'");
    assert.ok(after.startsWith(`${manager}|`));
    assert.match(after, new RegExp(`"rows":${persons}`));
    const history = await visitors.manager.request(`/territoires/${territory}/exports`);
    assert.match(history.text, /<td>Personnes<\/td><td>\d+<\/td>/);
  });

  test('the journeys file has its French headers', async () => {
    const res = await download(visitors.manager, 'parcours');
    assert.equal(res.status, 200);
    assert.ok(res.text.startsWith('\uFEFFIdentifiant du parcours;Identifiant de la personne;'));
  });

  test('only a manager of the territory exports, with the CSRF token', async () => {
    const before = Number(sql("SELECT COUNT(*) FROM journal WHERE kind LIKE 'export.%'"));
    for (const who of ['referent', 'admin']) {
      assert.equal((await visitors[who].request(`/territoires/${territory}/exports`)).status, 403, who);
      const csrf = await visitors[who].csrf('/');
      const res = await visitors[who].request(`/territoires/${territory}/exports/personnes`, {
        method: 'POST', form: { csrf_token: csrf },
      });
      assert.equal(res.status, 403, who);
    }
    const anonymous = new Visitor(server.url);
    const page = await anonymous.request(`/territoires/${territory}/exports`);
    assert.ok([302, 303].includes(page.status), `anonymous: ${page.status}`);
    const forged = await visitors.manager.request(`/territoires/${territory}/exports/personnes`, {
      method: 'POST', form: { csrf_token: 'faux' },
    });
    assert.equal(forged.status, 403);
    assert.equal((await visitors.manager.request(`/territoires/999999/exports`)).status, 403);
    assert.equal(Number(sql("SELECT COUNT(*) FROM journal WHERE kind LIKE 'export.%'")), before);
  });
});

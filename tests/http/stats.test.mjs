// Black-box tests of the pilotage pages against the real binary with the demo territory: who
// sees what (territory manager: the territory; organisation admin: its organisation only;
// national admin: the national view; professionals: nothing), the filters' French errors, and
// each table's CSV (UTF-8 BOM, `;`, CRLF) holding exactly the table's rows.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';
import { Visitor, signIn } from '../support/visitor.mjs';

describe('pilotage', () => {
  let server;
  let sql;
  const visitors = {};

  before(async () => {
    server = await startDemoServer();
    sql = sqliteQuery(server);
    Object.assign(visitors, await signIn(server.url, {
      manager: 'territoire@demo.test', orgAdmin: 'structure@demo.test',
      referent: 'referent@demo.test', admin: 'admin@demo.test',
    }));
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  async function csv(visitor, path) {
    const res = await fetch(new URL(path, server.url), {
      redirect: 'manual',
      headers: { cookie: [...visitor.cookies].map(([n, v]) => `${n}=${v}`).join('; ') },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  }

  const cellsOf = (html, id) => {
    const table = html.match(new RegExp(`<table id="tableau-${id}">([\\s\\S]*?)</table>`))[1];
    const body = table.match(/<tbody>([\s\S]*?)<\/tbody>/)[1];
    const decode = (s) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
    return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1])));
  };

  test('the territory manager sees the whole territory, every table with its CSV', async () => {
    const page = await visitors.manager.request('/pilotage');
    assert.equal(page.status, 200, page.text);
    assert.match(page.text, /<h1>Pilotage — /);
    // The territory's other pilotage pages are linked from it.
    assert.match(page.text, /href="\/pilotage\/ce-qui-marche\?territoire=\d+">Ce qui marche, pour qui</);
    assert.match(page.text, /href="\/pilotage\/donnees-ouvertes\?territoire=\d+">Données ouvertes</);
    for (const id of ['ensemble', 'mois', 'parcours', 'structures']) {
      assert.match(page.text, new RegExp(`<table id="tableau-${id}">`));
      const href = page.text.match(new RegExp(`href="(/pilotage/export[^"]*tableau=${id})"`))[1].replace(/&amp;/g, '&');
      const file = await csv(visitors.manager, href);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.match(file.headers.get('content-disposition'), /attachment; filename="pilotage-/);
      assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = file.text.slice(1).split('\r\n');
      assert.equal(lines.at(-1), '');
      const rows = lines.slice(1, -1).map((l) => l.split(';'));
      assert.deepEqual(rows, cellsOf(page.text, id), id);
    }
    assert.match(page.text, /<line-chart x="/);
    assert.match(page.text, /<bar-chart x="/);
    assert.match(page.text, /src="\/static\/dsfr-chart\/DSFRChart\.[0-9a-f]+\.js"/);
    // The navigation shows Pilotage to those who may open it only.
    assert.match(page.text, /href="\/pilotage" aria-current="page">Pilotage/);
  });

  test('entrants of the demo add up to the journeys opened in the period', async () => {
    const page = await visitors.manager.request('/pilotage?debut=2000-01&fin=2099-12');
    assert.equal(page.status, 200);
    const summary = cellsOf(page.text, 'ensemble');
    const territory = sql("SELECT territory_id FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'territoire@demo.test'");
    assert.equal(summary[0][0], 'Entrants');
    assert.equal(summary[0][1], sql(`SELECT COUNT(*) FROM journeys WHERE territory_id = ${territory}`));
  });

  test('an organisation admin sees its organisation only, and cannot widen it', async () => {
    const page = await visitors.orgAdmin.request('/pilotage');
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Pilotage — Conseil départemental des Ardennes/);
    assert.doesNotMatch(page.text, /tableau-structures/);
    assert.doesNotMatch(page.text, /ce-qui-marche/);
    assert.doesNotMatch(page.text, /name="structure"/);
    // A structure filter in the address is ignored: the scope stays its organisation.
    const other = await visitors.orgAdmin.request('/pilotage?structure=999999');
    assert.equal(other.status, 200);
    assert.deepEqual(cellsOf(other.text, 'ensemble'), cellsOf(page.text, 'ensemble'));
    const structures = await csv(visitors.orgAdmin, '/pilotage/export?tableau=structures');
    assert.equal(structures.status, 404);
  });

  test('professionals, visitors and other territories are refused; the admin gets the national view', async () => {
    assert.equal((await visitors.referent.request('/pilotage')).status, 403);
    assert.equal((await csv(visitors.referent, '/pilotage/export?tableau=ensemble')).status, 403);
    assert.equal((await visitors.referent.request('/pilotage/national')).status, 403);
    assert.equal((await visitors.manager.request('/pilotage/national')).status, 403);
    assert.equal((await visitors.manager.request('/pilotage?territoire=999999')).status, 403);
    const anonymous = await new Visitor(server.url).request('/pilotage');
    assert.equal(anonymous.status, 302);
    const redirect = await visitors.admin.request('/pilotage');
    assert.equal(redirect.status, 302);
    assert.equal(redirect.location, '/pilotage/national');
    const national = await visitors.admin.request('/pilotage/national?debut=2000-01&fin=2099-12');
    assert.equal(national.status, 200);
    const rows = cellsOf(national.text, 'territoires');
    assert.equal(rows.at(-1)[0], 'Total');
    assert.equal(rows.at(-1)[1], sql('SELECT COUNT(*) FROM journeys'));
    const file = await csv(visitors.admin, '/pilotage/national/export?debut=2000-01&fin=2099-12&tableau=territoires');
    assert.equal(file.status, 200);
    assert.deepEqual(file.text.slice(1).split('\r\n').slice(1, -1).map((l) => l.split(';')), rows);
  });

  test('a bad filter gets a French message naming the field and keeps what was typed', async () => {
    const page = await visitors.manager.request('/pilotage?debut=janvier&fin=2027-02');
    assert.equal(page.status, 200);
    assert.match(page.text, /Début de la période : indiquez un mois au format AAAA-MM/);
    assert.match(page.text, /id="debut" name="debut" value="janvier"/);
    assert.match(page.text, /id="debut-error"/);
    const reversed = await visitors.manager.request('/pilotage?debut=2027-05&fin=2027-02');
    assert.match(reversed.text, /Fin de la période : choisissez un mois égal ou postérieur au début/);
    const route = await visitors.manager.request('/pilotage?parcours=lune');
    assert.match(route.text, /Parcours : choisissez professionnel/);
    const file = await csv(visitors.manager, '/pilotage/export?debut=janvier&tableau=ensemble');
    assert.equal(file.status, 422);
  });
});

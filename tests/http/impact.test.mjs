// Black-box tests of "what works, for whom" and of the open data against the real binary with
// the demo territory: the demo's two years of activity give comparisons of 11 people or more,
// who may see them (managers of the territory and admins, not organisations), the CSV (BOM,
// `;`, no group under 11) and the JSON.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';
import { Visitor, signIn } from '../support/visitor.mjs';

describe('what works, for whom', () => {
  let server;
  let sql;
  let territory;
  const visitors = {};

  before(async () => {
    server = await startDemoServer();
    sql = sqliteQuery(server);
    territory = Number(sql("SELECT territory_id FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'territoire@demo.test' AND r.role = 'territory_manager'"));
    Object.assign(visitors, await signIn(server.url, {
      manager: 'territoire@demo.test', admin: 'admin@demo.test', orgAdmin: 'structure@demo.test',
      referent: 'referent@demo.test',
    }));
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  test('the demo holds two years of monthly entries, through the journal', () => {
    const months = sql("SELECT COUNT(DISTINCT strftime('%Y-%m', at, 'unixepoch')) FROM journal WHERE kind = 'journey.opened' AND at >= strftime('%s', 'now', '-24 months')");
    assert.ok(Number(months) >= 24, `${months} mois`);
    assert.ok(Number(sql("SELECT COUNT(*) FROM persons WHERE internal_id LIKE 'ACT-%'")) >= 500);
    for (const kind of ['diagnostic.saved', 'orientation.decided', 'referent.changed', 'plan.action_added', 'appointment.status_changed', 'appointment.excused', 'referral.sent', 'referral.accepted', 'referral.refused', 'referral.expired', 'commitment.signed', 'outcome.recorded', 'journey.closed']) {
      assert.ok(Number(sql(`SELECT COUNT(*) FROM journal WHERE kind = '${kind}'`)) > 10, kind);
    }
    assert.ok(Number(sql("SELECT COUNT(*) FROM appointments WHERE status = 'noshow'")) > 10);
    assert.ok(Number(sql("SELECT COUNT(*) FROM journal WHERE kind = 'outcome.recorded' AND payload LIKE '%\"cdi\"%'")) > 5);
  });

  test('a territory manager sees comparisons of 11 people or more, with intervals and caveats', async () => {
    const page = await visitors.manager.request('/pilotage/ce-qui-marche');
    assert.equal(page.status, 200);
    assert.match(page.text, /Ce qui marche, pour qui/);
    assert.match(page.text, /pas des preuves/);
    assert.match(page.text, /IC 95 % : \d+ à \d+ %/);
    const shown = Number(page.text.match(/(\d+) comparaison\(s\) affichée\(s\)/)[1]);
    assert.ok(shown >= 5, `${shown} comparaisons affichées`);
    // Every shown group has at least 11 people.
    for (const [, n] of page.text.matchAll(/\(\d+ sur (\d+)\)/g)) assert.ok(Number(n) >= 11, n);
    for (const profile of ['age', 'parcours', 'frein', 'sans_emploi']) {
      const byProfile = await visitors.manager.request(`/pilotage/ce-qui-marche?territoire=${territory}&profil=${profile}`);
      assert.equal(byProfile.status, 200);
      assert.match(byProfile.text, /IC 95 %/, profile);
      for (const [, n] of byProfile.text.matchAll(/\(\d+ sur (\d+)\)/g)) assert.ok(Number(n) >= 11, n);
    }
  });

  test('organisations and professionals may not see it; an admin may; another territory is refused', async () => {
    assert.equal((await visitors.orgAdmin.request('/pilotage/ce-qui-marche')).status, 403);
    assert.equal((await visitors.referent.request('/pilotage/ce-qui-marche')).status, 403);
    assert.equal((await visitors.referent.request(`/pilotage/donnees-ouvertes.csv?territoire=${territory}`)).status, 403);
    assert.equal((await visitors.manager.request(`/pilotage/ce-qui-marche?territoire=${territory + 1000}`)).status, 403);
    assert.equal((await visitors.admin.request(`/pilotage/ce-qui-marche?territoire=${territory}`)).status, 200);
    const anonymous = await new Visitor(server.url).request('/pilotage/donnees-ouvertes.json');
    assert.equal(anonymous.status, 302);
  });

  test('the open data in CSV: BOM, semicolons, documented fields, no group under 11', async () => {
    const res = await fetch(new URL(`/pilotage/donnees-ouvertes.csv?territoire=${territory}`, server.url), {
      headers: { cookie: [...visitors.manager.cookies].map(([n, v]) => `${n}=${v}`).join('; ') },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /text\/csv/);
    assert.match(res.headers.get('content-disposition'), /parcours-donnees-ouvertes-ardennes-\d{4}-\d{2}-\d{2}\.csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n').filter(Boolean);
    const header = lines[0].split(';');
    assert.deepEqual(header, ['territoire', 'indicateur', 'periode', 'action', 'action_libelle', 'dimension', 'strate', 'strate_libelle', 'horizon_mois', 'groupe', 'effectif', 'sorties_positives', 'part', 'ic95_bas', 'ic95_haut', 'secret']);
    const rows = lines.slice(1).map((l) => l.split(';'));
    const count = header.indexOf('effectif');
    const secret = header.indexOf('secret');
    let shown = 0;
    for (const r of rows) {
      if (r[secret] === '1') assert.equal(r[count], '');
      else { assert.ok(Number(r[count]) >= 11, r.join(';')); shown++; }
    }
    assert.ok(shown > 20);
    assert.ok(rows.some((r) => r[1] === 'entrees'));
    const page = await visitors.manager.request(`/pilotage/donnees-ouvertes?territoire=${territory}`);
    assert.equal(page.status, 200);
    for (const field of header) assert.match(page.text, new RegExp(`<code>${field}</code>`), field);
  });

  test('the open data in JSON: the same lines, null for what is secret', async () => {
    const res = await visitors.admin.request(`/pilotage/donnees-ouvertes.json?territoire=${territory}`);
    assert.equal(res.status, 200);
    const doc = JSON.parse(res.text);
    assert.equal(doc.territoire, 'ardennes');
    assert.equal(doc.seuil_secret, 11);
    assert.ok(doc.lignes.length > 50);
    for (const line of doc.lignes) {
      if (line.secret) assert.equal(line.effectif, null);
      else assert.ok(line.effectif >= 11);
      if (line.part !== null) assert.ok(line.ic95_bas <= line.part && line.part <= line.ic95_haut);
    }
  });
});

// The plan section of a journey page is kept in memory while the plan's version (bumped by the
// database, migration 0029), the display names and today's date are unchanged
// (src/features/plan/section_cache.h). Against the real binary on both engines: the page from
// memory is the page; a goal added through the form, an action's status, a catalogue structure
// and an account renamed straight in the database (as another server of a cluster or an import
// would) all show on the very next page; every view, from memory too, logs the read; a viewer
// outside the team never gets the section, and the button follows each viewer's right.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';
import { Visitor } from '../support/visitor.mjs';

const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

// The page without its session-dependent parts (CSRF tokens).
const stable = (html) => html.replace(/name="csrf_token" value="[^"]*"/g, '');

// The plan section of a journey page, decoded (null when the page has none).
const section = (html) => {
  const text = decode(html);
  const start = text.indexOf('<h2 id="plan">');
  if (start < 0) return null;
  const end = text.indexOf('<h2', start + 10);
  return text.slice(start, end < 0 ? undefined : end);
};

for (const engine of ['sqlite', 'postgres']) {
  describe(`the plan section kept in memory (${engine})`, () => {
    let server;
    let sql;
    let referent;
    let outsider;
    let outsiderId;
    let lea;
    let journey;
    let path;

    before(async () => {
      server = await startDemoServer({ engine });
      sql = engine === 'sqlite'
        ? sqliteQuery(server)
        : (query) => execFileSync('psql', [server.dbUrl, '-v', 'ON_ERROR_STOP=1', '-Atc', query], { encoding: 'utf8' }).trim();
      referent = await new Visitor(server.url).login('referent@demo.test');
      outsider = await new Visitor(server.url).login('orientation@demo.test');
      outsiderId = Number(sql("SELECT id FROM users WHERE email = 'orientation@demo.test'"));
      lea = Number(sql("SELECT id FROM persons WHERE email = 'personne@demo.test'"));
      journey = Number(sql(`SELECT id FROM journeys WHERE person_id = ${lea} AND status <> 'closed'`));
      path = `/personnes/${lea}`;
    });

    after(async () => {
      if (server) assert.equal(await server.stop(), 0, server.logs());
    });

    const page = async (visitor = referent) => {
      const response = await visitor.request(path);
      assert.equal(response.status, 200);
      return response.text;
    };

    test('from memory, the same page; a goal added and an action status show at once', async () => {
      const first = await page();
      assert.match(section(first), /Construire le plan d’actions/);
      assert.equal(stable(await page()), stable(first));
      const added = await referent.post(`${path}/plan/objectifs/nouveau`, { thematique: 'sante', title: 'Prendre rendez-vous chez le médecin' });
      assert.equal(added.status, 303, decode(added.text).slice(0, 300));
      assert.match(section(await page()), /Prendre rendez-vous chez le médecin/);
      const action = sql(`SELECT id FROM plan_actions WHERE journey_id = ${journey} AND status = 'planned' ORDER BY id LIMIT 1`);
      assert.ok(action);
      const title = sql(`SELECT title FROM plan_actions WHERE id = ${action}`);
      sql(`UPDATE plan_actions SET title = 'Action retitrée ailleurs' WHERE id = ${action}`);
      const retitled = section(await page());
      assert.match(retitled, /Action retitrée ailleurs/);
      assert.ok(!retitled.includes(title), title);
    });

    test('a catalogue structure and an account renamed elsewhere show at once', async () => {
      // An action of the plan on a catalogue service, as the demo may have none.
      const service = sql("SELECT s.id FROM services s JOIN structures st ON st.id = s.structure_id WHERE s.status = 'published' ORDER BY s.id LIMIT 1");
      const referentId = sql("SELECT id FROM users WHERE email = 'referent@demo.test'");
      sql(`INSERT INTO plan_actions (journey_id, service_id, title, status, responsible_user_id, responsible_person, created_by, created_at, updated_at) VALUES (${journey}, ${service}, 'Action du catalogue', 'planned', ${referentId}, 0, ${referentId}, 1, 1)`);
      assert.match(section(await page()), /Action du catalogue/);
      sql(`UPDATE structures SET nom = 'Structure renommée par l''import' WHERE id = (SELECT structure_id FROM services WHERE id = ${service})`);
      assert.match(section(await page()), /Structure renommée par l'import/);
      const name = sql(`SELECT name FROM users WHERE id = ${referentId}`);
      sql(`UPDATE users SET name = 'Sofia Renommée' WHERE id = ${referentId}`);
      try {
        const renamed = section(await page());
        assert.match(renamed, /Sofia Renommée/);
      } finally {
        sql(`UPDATE users SET name = '${name.replaceAll("'", "''")}' WHERE id = ${referentId}`);
      }
    });

    test('every view logs the read, from memory too', async () => {
      const logged = () => Number(sql(`SELECT COUNT(*) FROM access_log WHERE part = 'plan' AND person_id = ${lea}`));
      for (let view = 0; view < 3; view += 1) {
        const before = logged();
        await page();
        assert.equal(logged(), before + 1, `view ${view}`);
      }
    });

    test('outside the team, no section; the button follows each viewer’s right', async () => {
      await page();  // in memory
      assert.equal(section(await page(outsider)), null);
      sql(`INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) VALUES (${journey}, ${outsiderId}, (SELECT organisation_id FROM user_roles WHERE user_id = ${outsiderId} AND organisation_id IS NOT NULL LIMIT 1), 'member', 1)`);
      assert.match(section(await page(outsider)), /Construire le plan d’actions/);
      sql(`UPDATE journey_members SET left_at = 2 WHERE journey_id = ${journey} AND user_id = ${outsiderId}`);
      assert.equal(section(await page(outsider)), null);
      // A référent replaced not long ago reads the plan (no button to build it), while the
      // référent of the journey, in memory, keeps hers.
      sql(`INSERT INTO former_referents (journey_id, user_id, until_at) VALUES (${journey}, ${outsiderId}, 4000000000)`);
      const reading = section(await page(outsider));
      assert.match(reading, /Voir le plan d’actions/);
      assert.doesNotMatch(reading, /Construire le plan d’actions/);
      sql(`DELETE FROM former_referents WHERE journey_id = ${journey} AND user_id = ${outsiderId}`);
      assert.equal(section(await page(outsider)), null);
      assert.match(section(await page()), /Construire le plan d’actions/);
    });
  });
}

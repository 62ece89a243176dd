// The carnet de bord of a person's page is kept in memory while the person's journal and the
// display names are unchanged (src/features/people/timeline_cache.h). Against the real binary on
// both engines: a new event, a new note and its correction, a rename written straight into the database (as another
// server of a cluster would) and a viewer leaving the team all show on the very next page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';
import { Visitor } from '../support/visitor.mjs';

const password = 'une phrase de passe solide';

const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

// The carnet's list of events, as the page shows it (null when the page has no carnet).
const carnet = (html) => {
  const text = decode(html);
  const start = text.indexOf('id="carnet"');
  if (start < 0) return null;
  const end = text.indexOf('id="doublons"', start);
  return text.slice(start, end < 0 ? undefined : end);
};
const sentences = (html) => [...carnet(html).matchAll(/<li>(.*?) — <time/g)].map((m) => m[1]);

for (const engine of ['sqlite', 'postgres']) {
  describe(`the carnet de bord kept in memory (${engine})`, () => {
    let server;
    let sql;
    let referent;
    let outsider;
    let path;

    before(async () => {
      server = await startServer({
        engine,
        before: async (cli) => {
          for (const args of [['load-geo'], ['seed-demo']]) {
            const done = await cli(args);
            assert.equal(done.code, 0, done.stderr);
          }
          const added = await cli(
            ['user', 'add', '--email', 'ccas@exemple.fr', '--name', 'Paul Girard', '--role', 'professional',
             '--org', 'ccas-de-sedan', '--password-stdin'],
            { input: `${password}\n` },
          );
          assert.equal(added.code, 0, added.stderr);
        },
      });
      sql = engine === 'sqlite'
        ? sqliteQuery(server)
        : (query) => execFileSync('psql', [server.dbUrl, '-v', 'ON_ERROR_STOP=1', '-Atc', query], { encoding: 'utf8' }).trim();
      referent = await new Visitor(server.url).login('referent@demo.test');
      outsider = await new Visitor(server.url).login('ccas@exemple.fr', password);
      const created = await referent.post('/personnes/nouvelle', {
        birth_name: 'Carnet', first_names: 'Inès', birth_date: '04/07/1990', sex: 'F', commune: 'Sedan',
      });
      assert.equal(created.status, 303, decode(created.text));
      path = created.location;
    });

    after(async () => {
      if (server) assert.equal(await server.stop(), 0, server.logs());
    });

    const page = async (visitor, query = '') => {
      const response = await visitor.request(path + query);
      assert.equal(response.status, 200);
      return response.text;
    };

    test('a new note and a new team event show at once, and the page stays the same otherwise', async () => {
      const first = await page(referent);
      assert.match(sentences(first)[0], /a (ouvert le parcours|rejoint l’équipe|créé la fiche)/);
      assert.equal(carnet(await page(referent)), carnet(first));  // from memory, unchanged

      assert.equal((await referent.post(`${path}/notes`, { body: 'Confidentiel.', visibility: 'referent' })).status, 303);
      const noted = sentences(await page(referent));
      assert.match(noted[0], /a ajouté une note réservée au référent$/);
      assert.equal(noted.length, sentences(first).length + 1);

      // A filtered view, then the first page again: each as the journal says.
      const notesOnly = sentences(await page(referent, '?type=note.added'));
      assert.equal(notesOnly.length, 1);
      assert.deepEqual(sentences(await page(referent)), noted);
    });

    test('a rename written by another server shows in the sentences at once', async () => {
      const before = sentences(await page(referent));
      const organisation = before[0].match(/\(([^)]+)\)/)[1];
      sql(`UPDATE organisations SET name = 'Département des Ardennes' WHERE name = '${organisation.replaceAll("'", "''")}'`);
      const after = sentences(await page(referent));
      assert.equal(after.length, before.length);
      assert.match(after[0], /\(Département des Ardennes\)/);
      assert.ok(after.every((s) => !s.includes(`(${organisation})`)), after.join('\n'));
    });

    test('a viewer who leaves the team no longer sees the carnet, the team sees the departure', async () => {
      assert.equal(carnet(await page(outsider)), null);
      assert.equal((await outsider.post(`${path}/rejoindre`, { message: 'Je l’aide pour le logement.' })).status, 303);
      const team = decode((await referent.request(`${path}/equipe`)).text);
      const requestId = /equipe\/demandes\/(\d+)\/accepter/.exec(team)[1];
      assert.equal((await referent.post(`${path}/equipe/demandes/${requestId}/accepter`, {})).status, 303);
      const member = await page(outsider);
      assert.match(sentences(member)[0], /a (accepté la demande de|ajouté) Paul Girard/);
      // The note headers are kept for everyone; what each one may read is decided at each page.
      assert.doesNotMatch(decode(member), /Confidentiel\./);
      assert.match(decode(await page(referent)), /Confidentiel\./);
      assert.equal((await referent.post(`${path}/notes`, { body: 'Pour l’équipe.', visibility: 'team' })).status, 303);
      assert.match(decode(await page(outsider)), /Pour l’équipe\./);
      const noteId = /notes\/(\d+)\/corriger/.exec(await page(referent))[1];
      assert.equal((await referent.post(`${path}/notes`, { body: 'Pour l’équipe, corrigé.', visibility: 'team', corrects_id: noteId })).status, 303);
      const corrected = decode(await page(outsider));
      assert.match(corrected, /Pour l’équipe, corrigé\./);
      assert.match(sentences(corrected)[0], /a corrigé une note/);
      assert.equal((await outsider.post(`${path}/equipe/quitter`, { reason: 'Accompagnement logement terminé.' })).status, 303);
      assert.equal(carnet(await page(outsider)), null);
      assert.match(sentences(await page(referent))[0], /^Paul Girard \(CCAS de Sedan\) a quitté l’équipe/);
    });
  });
}

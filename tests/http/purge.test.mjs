// Black-box tests of `parcours purge` against the real binary, on SQLite and on PostgreSQL: the
// dry run lists what would go and changes nothing; --apply deletes exactly the expired journeys
// (and the records left without a journey, with their journal rows), keeps the rest, and counts
// what went in the journal; a second --apply deletes nothing. The data is written with the
// engines' own command-line clients so that the test depends only on the schema.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, startServer } from '../support/server.mjs';
import { attachAccessLog } from '../support/sqlite.mjs';

const day = 86400;
const now = Math.floor(Date.now() / 1000);

// Runs SQL on the server's database; returns rows as arrays of text columns.
function sql(server, query) {
  const output = server.dbUrl.startsWith('sqlite:')
    ? // .timeout: wait for the server's own writes (start-up jobs) instead of failing at once.
      execFileSync('sqlite3', ['-batch', '-bail', '-cmd', '.timeout 5000', ...attachAccessLog(server.dbUrl.slice('sqlite:'.length)), '-separator', '|', server.dbUrl.slice('sqlite:'.length)], {
        input: query,
        encoding: 'utf8',
      })
    : execFileSync('psql', [server.dbUrl, '-v', 'ON_ERROR_STOP=1', '-qAtF', '|', '-f', '-'], {
        input: query,
        encoding: 'utf8',
      });
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('|'));
}

const count = (server, query) => Number(sql(server, query)[0][0]);

// Sizes of every table the purge touches.
function sizes(server) {
  const tables = ['persons', 'person_terms', 'person_field_sources', 'journeys', 'journey_members', 'notes', 'journal', 'access_log'];
  return Object.fromEntries(tables.map((t) => [t, count(server, `SELECT COUNT(*) FROM ${t};`)]));
}

// Ardennes keep records 24 months, the Marne 12. Léa's only journey is 3 years old: she goes.
// Hugo's is 10 days old: he stays. Inès has an expired journey in the Marne and an active one in
// the Ardennes: the Marne journey goes, her record stays.
function fixture(server) {
  const old = now - 3 * 365 * day;
  sql(
    server,
    `
INSERT INTO territories (id, slug, name, retention_months, created_at, updated_at) VALUES
  (901, 'ardennes-t', 'Ardennes', 24, 0, 0), (902, 'marne-t', 'Marne', 12, 0, 0);
INSERT INTO organisations (id, territory_id, slug, name, kind, created_at, updated_at) VALUES
  (901, 901, 'ml-t', 'Mission locale', 'mission_locale', 0, 0);
INSERT INTO users (id, email, name, created_at, updated_at) VALUES
  (901, 'julie@purge.test', 'Julie Moreau', 0, 0);
INSERT INTO persons (id, territory_id, birth_name, first_names, created_at, updated_at) VALUES
  (901, 901, 'Lefèvre-Martin', 'Léa', 0, 0),
  (902, 901, 'N''Diaye', 'Hugo', 0, 0),
  (903, 901, 'Dubois', 'Inès', 0, 0);
INSERT INTO person_terms (territory_id, term, person_id) VALUES
  (901, 'lefevre', 901), (901, 'martin', 901), (901, 'lea', 901),
  (901, 'n', 902), (901, 'diaye', 902), (901, 'hugo', 902), (901, 'dubois', 903), (901, 'ines', 903);
INSERT INTO person_field_sources (person_id, field, source, user_id, at) VALUES
  (901, 'birth_name', 'professional', 901, 0), (902, 'birth_name', 'professional', 901, 0);
INSERT INTO journeys (id, person_id, territory_id, status, entry, opened_at, last_activity_at) VALUES
  (901, 901, 901, 'closed', 'professional', ${old}, ${old}),
  (902, 902, 901, 'accompanied', 'professional', ${now - 40 * day}, ${now - 10 * day}),
  (903, 903, 902, 'closed', 'professional', ${old}, ${now - 400 * day}),
  (904, 903, 901, 'accompanied', 'professional', ${now - 100 * day}, ${now - day});
INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) VALUES
  (901, 901, 901, 'referent', 0), (902, 901, 901, 'referent', 0),
  (903, 901, 901, 'referent', 0), (904, 901, 901, 'referent', 0);
INSERT INTO notes (journey_id, author_id, visibility, body, created_at) VALUES
  (901, 901, 'person', 'Léa a trouvé un CDI', 0), (902, 901, 'team', 'Premier entretien', 0),
  (903, 901, 'team', 'Transfert prévu', 0);
INSERT INTO journal (at, kind, territory_id, person_id, actor_id, payload) VALUES
  (${old}, 'person.created', 901, 901, 901, '{"birth_name":"Lefèvre-Martin"}'),
  (${old}, 'journey.opened', 901, 901, 901, '{}'),
  (${now - 40 * day}, 'person.created', 901, 902, 901, '{"birth_name":"N''Diaye"}'),
  (${old}, 'person.created', 902, 903, 901, '{"birth_name":"Dubois"}'),
  (${old}, 'organisation.created', 901, NULL, 901, '{}');
INSERT INTO access_log (at, actor_id, person_id, part) VALUES
  (${now - 400 * day}, 901, 902, 'journey'), (${now - 5 * day}, 901, 902, 'journey');
`,
  );
}

for (const engine of ['sqlite', 'postgres']) {
  describe(`parcours purge (${engine})`, () => {
    let server;
    before(async () => {
      server = await startServer({ engine });
      fixture(server);
    });
    after(async () => {
      assert.equal(await server.stop(), 0);
    });

    test('the dry run lists the expired journeys and changes nothing', async () => {
      const before = sizes(server);
      const { code, stdout, stderr } = await server.cli(['purge']);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /Simulation : rien n’est supprimé/);
      assert.match(stdout, /parcours n° 901 — personne n° 901 — Ardennes \(conservation 24 mois\) — clos, .* la fiche de la personne sera supprimée/);
      assert.match(stdout, /parcours n° 903 — personne n° 903 — Marne \(conservation 12 mois\)/);
      assert.doesNotMatch(stdout, /parcours n° 903 .*fiche/);
      assert.doesNotMatch(stdout, /parcours n° 90[24]/);
      assert.doesNotMatch(stdout, /Lefèvre|Léa|Diaye/, 'no name is printed');
      assert.match(stdout, /Total : 2 parcours, 1 fiche\(s\) de personne, 2 note\(s\), 2 événement\(s\) du journal, 1 entrée\(s\) du journal des accès à supprimer/);
      assert.deepEqual(sizes(server), before);
    });

    test('--apply deletes exactly the expired journeys and the records left without one', async () => {
      const journalBefore = count(server, 'SELECT COUNT(*) FROM journal;');
      const { code, stdout, stderr } = await server.cli(['purge', '--apply']);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /Parcours supprimés/);
      assert.match(stdout, /Total : 2 parcours, 1 fiche\(s\) de personne, 2 note\(s\), 2 événement\(s\) du journal, 1 entrée\(s\) du journal des accès supprimés/);

      assert.deepEqual(sql(server, 'SELECT id FROM journeys ORDER BY id;'), [['902'], ['904']]);
      assert.deepEqual(sql(server, 'SELECT id FROM persons ORDER BY id;'), [['902'], ['903']]);
      assert.equal(count(server, 'SELECT COUNT(*) FROM person_terms WHERE person_id = 901;'), 0);
      assert.equal(count(server, 'SELECT COUNT(*) FROM person_terms;'), 5);
      assert.equal(count(server, 'SELECT COUNT(*) FROM person_field_sources;'), 1);
      assert.deepEqual(sql(server, 'SELECT body FROM notes ORDER BY id;'), [['Premier entretien']]);
      assert.equal(count(server, 'SELECT COUNT(*) FROM journey_members;'), 2);
      assert.equal(count(server, 'SELECT COUNT(*) FROM journal WHERE person_id = 901;'), 0);
      assert.equal(count(server, 'SELECT COUNT(*) FROM journal WHERE person_id IN (902, 903);'), 2);
      assert.equal(count(server, "SELECT COUNT(*) FROM journal WHERE kind = 'organisation.created';"), 1);
      assert.equal(count(server, 'SELECT COUNT(*) FROM access_log;'), 1);

      // Léa's two events went; the purge wrote its counts, without names, one event per batch.
      const purged = sql(server, "SELECT territory_id, person_id, payload FROM journal WHERE kind = 'retention.purged' ORDER BY seq;");
      assert.equal(count(server, 'SELECT COUNT(*) FROM journal;'), journalBefore - 2 + purged.length);
      assert.ok(purged.length >= 2, JSON.stringify(purged));
      for (const [, person, payload] of purged) {
        assert.equal(person, '');
        assert.doesNotMatch(payload, /Lef|L\\u00e9a|Léa|Dubois|Diaye/);
      }
      const territories = purged.flatMap(([, , payload]) => JSON.parse(payload).territories ?? []);
      const total = (key) => territories.reduce((sum, t) => sum + t[key], 0);
      assert.equal(total('journeys'), 2);
      assert.equal(total('persons'), 1);
      assert.equal(total('journal_events'), 2);
    });

    test('a second --apply deletes nothing and writes nothing', async () => {
      const before = sizes(server);
      const { code, stdout, stderr } = await server.cli(['purge', '--apply']);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /Aucun parcours n’a dépassé la durée de conservation/);
      assert.match(stdout, /Total : 0 parcours, 0 fiche\(s\) de personne, 0 note\(s\), 0 événement\(s\) du journal, 0 entrée\(s\) du journal des accès supprimés/);
      assert.deepEqual(sizes(server), before);
    });
  });
}

test('parcours purge refuses a database that is not migrated', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-purge-'));
  try {
    const { code, stderr } = await run(['purge', '--db', `sqlite:${join(dir, 'vide.db')}`]);
    assert.equal(code, 1);
    assert.match(stderr, /lancez d’abord « parcours migrate »/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Black-box tests of the people pages and API against the real binary on a fresh SQLite
// database with the demo territory: who may reach what, and bad input on every form and API
// field — a French message naming the field, what was typed kept, nothing written (checked in
// the database itself).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer } from '../support/server.mjs';
import { Visitor } from '../support/visitor.mjs';
import { attachAccessLog } from '../support/sqlite.mjs';

const password = 'une phrase de passe solide';

const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

describe('people pages and API', () => {
  let server;
  let sql;
  const visitors = {};
  let personId;

  before(async () => {
    server = await startServer({
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
    const dbPath = server.dbUrl.replace(/^sqlite:/, '');
    sql = (query) => execFileSync('sqlite3', [...attachAccessLog(dbPath), dbPath, query], { encoding: 'utf8' }).trim();
    visitors.referent = await new Visitor(server.url).login('referent@demo.test');
    visitors.orientation = await new Visitor(server.url).login('orientation@demo.test');
    visitors.manager = await new Visitor(server.url).login('territoire@demo.test');
    visitors.admin = await new Visitor(server.url).login('admin@demo.test');
    visitors.outsider = await new Visitor(server.url).login('ccas@exemple.fr', password);

    const created = await visitors.referent.post('/personnes/nouvelle', {
      birth_name: 'Lefèvre-Martin', first_names: 'Sofia', birth_date: '12/03/1984', sex: 'F',
      nir: '2 84 03 08 123 456', email: 'sofia@exemple.fr', phone: '06 12 34 56 78', commune: 'Sedan',
    });
    assert.equal(created.status, 303, decode(created.text));
    personId = Number(/\/personnes\/(\d+)$/.exec(created.location)[1]);
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const count = (table) => Number(sql(`SELECT COUNT(*) FROM ${table}`));
  const journal = () => count('journal');

  // Posts `form` and checks: status 422, the French message, the field marked in error, the
  // typed value kept (when given), and no new journal event nor row in `table`. A hidden field
// (`marked: false`) has its message in the summary only.
  async function rejects(visitor, path, form, { field, message, kept, table = 'persons', marked = true }) {
    const [rows, events] = [count(table), journal()];
    const res = await visitor.post(path, form);
    assert.equal(res.status, 422, `${path} ${field}: ${res.status}\n${decode(res.text).slice(0, 300)}`);
    const text = decode(res.text);
    assert.match(text, message, `${path} ${field}`);
    if (marked) assert.match(res.text, new RegExp(`id="${field}-error"`), `${path}: ${field} en erreur`);
    if (kept !== undefined) assert.ok(text.includes(kept), `${path}: ${field} garde « ${kept} »`);
    assert.equal(count(table), rows, `${path} ${field}: rien d'écrit dans ${table}`);
    assert.equal(journal(), events, `${path} ${field}: rien au journal`);
  }

  test('visitors go to the login page, admins without a territory role are refused', async () => {
    const anonymous = new Visitor(server.url);
    const page = await anonymous.request('/personnes');
    assert.equal(page.status, 302);
    assert.match(page.location, /^\/connexion/);
    const api = await anonymous.request('/api/v1/persons?q=martin');
    assert.equal(api.status, 401);
    assert.match(api.headers.get('content-type'), /application\/problem\+json/);
    assert.equal((await visitors.admin.request('/personnes')).status, 403);
    assert.equal((await visitors.admin.request(`/personnes/${personId}`)).status, 403);
    assert.equal((await visitors.admin.request('/api/v1/persons?q=sofia')).status, 403);
    assert.doesNotMatch((await visitors.admin.request('/')).text, /href="\/personnes"/);
    assert.match((await visitors.referent.request('/')).text, /href="\/personnes"/);
  });

  test('creating a person: each bad field gets its French message, what was typed stays, nothing is written', async () => {
    const base = { birth_name: 'Durand', first_names: 'Léa', commune: '' };
    const cases = [
      [{ birth_name: ' ' }, 'birth_name', /Indiquez le nom de naissance/],
      [{ first_names: '' }, 'first_names', /Indiquez les prénoms/],
      [{ usage_name: '***' }, 'usage_name', /nom d’usage en lettres/],
      [{ birth_date: '31/02/1990' }, 'birth_date', /date de naissance doit être une date valide/, '31/02/1990'],
      [{ sex: 'X' }, 'sex', /Choisissez le sexe/],
      [{ nir: '2 84 03 08 123 456 99' }, 'nir', /clé du numéro de sécurité sociale/, '2 84 03 08 123 456 99'],
      [{ nir: '1234' }, 'nir', /13 caractères, ou 15 avec la clé/],
      [{ caf_number: '12345678' }, 'caf_number', /numéro allocataire CAF ou MSA comporte 7 chiffres/],
      [{ ft_id: '12' }, 'ft_id', /identifiant France Travail comporte 8 caractères/],
      [{ internal_id: 'x'.repeat(41) }, 'internal_id', /identifiant du département comporte de 1 à 40/],
      [{ email: 'lea@' }, 'email', /nom@domaine\.fr/, 'lea@'],
      [{ phone: '12 34' }, 'phone', /numéro de téléphone doit être un numéro français/, '12 34'],
      [{ phone2: '+44 20 7946 0000' }, 'phone2', /numéro de téléphone doit être un numéro français/],
      [{ address: 'x'.repeat(301), commune: 'Sedan' }, 'address', /adresse ne doit pas dépasser 300/],
      [{ address: '1 rue Haute' }, 'commune', /Indiquez la commune/],
      [{ commune: 'Atlantide' }, 'commune', /Commune « Atlantide » inconnue/, 'Atlantide'],
      [{ commune: 'Sedan', postcode: '51100' }, 'postcode', /Le code postal 51100 n’est pas celui de Sedan/],
      [{ domiciliation: 'CCAS de Sedan' }, 'domiciliation', /ne concerne que les personnes sans domicile fixe/],
      [{ need: 'x'.repeat(2001) }, 'need', /besoin exprimé ne doit pas dépasser 2 000/],
    ];
    for (const [change, field, message, kept] of cases) {
      await rejects(visitors.referent, '/personnes/nouvelle', { ...base, ...change }, { field, message, kept });
    }
  });

  test('the same NIR sends to the existing person instead of creating a duplicate', async () => {
    const before = count('persons');
    const res = await visitors.referent.post('/personnes/nouvelle', {
      birth_name: 'Autre', first_names: 'Nom', nir: '284030812345606',
    });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/personnes/${personId}`);
    assert.equal(count('persons'), before);
    const page = await visitors.referent.request(res.location);
    assert.match(decode(page.text), /déjà enregistrée \(même numéro de sécurité sociale\)/);
  });

  test('a weak match is shown before creating; confirming creates anyway', async () => {
    const form = { birth_name: 'Autre Nom', first_names: 'Sofia', email: 'SOFIA@exemple.fr' };
    const before = count('persons');
    const shown = await visitors.referent.post('/personnes/nouvelle', form);
    assert.equal(shown.status, 409);
    const text = decode(shown.text);
    assert.match(text, /Cette personne est peut-être déjà enregistrée/);
    assert.match(text, new RegExp(`href="/personnes/${personId}"`));
    assert.match(text, /même adresse électronique et même prénom/);
    assert.match(text, /Créer quand même une nouvelle fiche/);
    assert.equal(count('persons'), before);
    const confirmed = await visitors.referent.post('/personnes/nouvelle', { ...form, confirm: '1' });
    assert.equal(confirmed.status, 303);
    assert.equal(count('persons'), before + 1);
  });

  test('edit forms refuse bad input field by field and write nothing', async () => {
    const identity = { birth_name: 'Lefèvre-Martin', first_names: 'Sofia', sex: 'F' };
    await rejects(visitors.referent, `/personnes/${personId}/identite`, { ...identity, first_names: '' },
      { field: 'first_names', message: /Indiquez les prénoms/ });
    await rejects(visitors.referent, `/personnes/${personId}/identite`, { ...identity, nir: '1 84 03 08 123 456' },
      { field: 'nir', message: /ne correspond pas au sexe indiqué/ });
    await rejects(visitors.referent, `/personnes/${personId}/coordonnees`, { email: 'pas-une-adresse' },
      { field: 'email', message: /nom@domaine\.fr/, kept: 'pas-une-adresse' });
    await rejects(visitors.referent, `/personnes/${personId}/coordonnees`, { phone: '01' },
      { field: 'phone', message: /numéro français/ });
    const situation = [
      [{ rsa_status: '9' }, 'rsa_status', /état du dossier RSA/],
      [{ allowances: 'rsa' }, 'allowances', /allocations dans la liste/],
      [{ education_level: '12' }, 'education_level', /niveau de formation/],
      [{ last_job_end: 'hier' }, 'last_job_end', /forme AAAA-MM/, 'hier'],
      [{ last_job: 'x'.repeat(201) }, 'last_job', /dernier emploi ne doit pas dépasser 200/],
      [{ languages: 'x'.repeat(201) }, 'languages', /La liste des langues parlées ne doit pas dépasser 200/],
    ];
    for (const [form, field, message, kept] of situation) {
      await rejects(visitors.referent, `/personnes/${personId}/situation`, form, { field, message, kept });
    }
    const ok = await visitors.referent.post(`/personnes/${personId}/situation`, { rsa_status: '2', rights_and_duties: '1' });
    assert.equal(ok.status, 303);
    assert.equal(sql(`SELECT rsa_status || rights_and_duties FROM persons WHERE id = ${personId}`), '21');
  });

  test('notes: bad visibility, empty text or an unknown note to correct are refused', async () => {
    const path = `/personnes/${personId}/notes`;
    await rejects(visitors.referent, path, { body: 'Bonjour', visibility: 'tous' },
      { field: 'visibility', message: /Choisissez qui peut lire la note/, table: 'notes' });
    await rejects(visitors.referent, path, { body: '  ', visibility: 'team' },
      { field: 'body', message: /Écrivez le texte de la note/, table: 'notes' });
    await rejects(visitors.referent, path, { body: 'x'.repeat(5001), visibility: 'team' },
      { field: 'body', message: /5 000 caractères/, table: 'notes' });
    await rejects(visitors.referent, path, { body: 'Correction', visibility: 'team', corrects_id: '999999' },
      { field: 'corrects_id', message: /La note à corriger n’existe pas/, table: 'notes', marked: false });
    const notes = count('notes');  // the demo's notes, if any
    const added = await visitors.referent.post(path, { body: 'Premier rendez-vous fait.', visibility: 'person' });
    assert.equal(added.status, 303);
    assert.equal(count('notes'), notes + 1);
  });

  test('the person page shows the 20 most recent notes, the older ones by a cursor, each once', async () => {
    const created = await visitors.referent.post('/personnes/nouvelle', {
      birth_name: 'Paginée', first_names: 'Noémie', birth_date: '02/05/1991', sex: 'F', commune: 'Sedan',
    });
    assert.equal(created.status, 303, decode(created.text));
    const path = created.location;
    for (let i = 1; i <= 25; i++) {
      const added = await visitors.referent.post(`${path}/notes`, { body: `Entretien numéro ${i}.`, visibility: 'team' });
      assert.equal(added.status, 303);
    }
    const shown = (html) => [...decode(html).matchAll(/Entretien numéro (\d+)\./g)].map((m) => Number(m[1]));
    const first = await visitors.referent.request(path);
    assert.equal(first.status, 200);
    assert.deepEqual(shown(first.text), Array.from({ length: 20 }, (_, i) => 25 - i));
    assert.match(decode(first.text), /Notes 1 à 20 sur 25/);
    assert.doesNotMatch(first.text, /Notes les plus récentes/);
    const older = /href="(\/personnes\/\d+\?notes_avant=\d+)#notes">Notes plus anciennes</.exec(first.text);
    assert.ok(older, 'lien vers les notes plus anciennes');
    const second = await visitors.referent.request(older[1]);
    assert.equal(second.status, 200);
    assert.deepEqual(shown(second.text), [5, 4, 3, 2, 1]);
    assert.match(decode(second.text), /Notes 21 à 25 sur 25/);
    assert.doesNotMatch(second.text, /Notes plus anciennes/);
    assert.match(second.text, /Notes les plus récentes/);
    // A cursor that is not one of her notes shows the first page.
    assert.deepEqual(shown((await visitors.referent.request(`${path}?notes_avant=999999`)).text).length, 20);
    // Both pages wrote their reads to the access log, one row per part.
    const id = /\d+$/.exec(path)[0];
    const reads = sql(`SELECT part, COUNT(*) FROM access_log WHERE person_id = ${id} AND purpose = 'GET ${path}' GROUP BY part ORDER BY part`);
    assert.equal(reads, 'identity|3\njourney|3\nteam|3');
  });

  test('who sees what: outside the team only identity and contacts of the team, the NIR for orientation', async () => {
    const outside = decode((await visitors.outsider.request(`/personnes/${personId}`)).text);
    assert.match(outside, /Vous ne faites pas partie de l’équipe/);
    assert.match(outside, /Renseigné \(masqué\)/);
    assert.match(outside, /Sofia Moreau/);
    assert.doesNotMatch(outside, /Premier rendez-vous fait/);
    assert.doesNotMatch(outside, /Carnet de bord/);
    assert.doesNotMatch(outside, /sofia@exemple\.fr/);
    const orientation = decode((await visitors.orientation.request(`/personnes/${personId}`)).text);
    assert.match(orientation, /2 84 03 08 123 456/);
    const member = decode((await visitors.referent.request(`/personnes/${personId}`)).text);
    assert.match(member, /Premier rendez-vous fait/);
    assert.doesNotMatch(member, /2 84 03 08 123 456/);
    // Reads are logged, with the part read.
    const parts = sql(`SELECT DISTINCT part FROM access_log WHERE person_id = ${personId} ORDER BY part`).split('\n');
    for (const part of ['identity', 'journey', 'nir', 'team']) assert.ok(parts.includes(part), part);
    assert.equal((await visitors.outsider.request(`/personnes/${personId}/identite`)).status, 403);
    assert.equal((await visitors.outsider.request(`/personnes/${personId}/equipe`)).status, 403);
  });

  test('join requests and team forms refuse bad input', async () => {
    await rejects(visitors.outsider, `/personnes/${personId}/rejoindre`, { message: 'x'.repeat(501) },
      { field: 'message', message: /500 caractères/, table: 'journey_join_requests' });
    const team = `/personnes/${personId}/equipe`;
    await rejects(visitors.referent, `${team}/inviter`, { invite_user: 'abc' },
      { field: 'invite_user', message: /Choisissez le professionnel à ajouter/, table: 'journey_members' });
    await rejects(visitors.referent, `${team}/referent`, { referent_user: '' },
      { field: 'referent_user', message: /Choisissez le membre de l’équipe à désigner/, table: 'journey_members' });
    await rejects(visitors.referent, `${team}/quitter`, { reason: '' },
      { field: 'reason', message: /Indiquez le motif du départ/, table: 'journey_members' });
    await rejects(visitors.referent, `/personnes/${personId}/transfert`, { territory_id: '999' },
      { field: 'territory_id', message: /Choisissez un autre territoire/, table: 'journeys' });

    const asked = await visitors.outsider.post(`/personnes/${personId}/rejoindre`, { message: 'Je l’aide pour le logement.' });
    assert.equal(asked.status, 303);
    const teamPage = decode((await visitors.referent.request(team)).text);
    assert.match(teamPage, /Paul Girard \(CCAS de Sedan\)/);
    const requestId = /equipe\/demandes\/(\d+)\/accepter/.exec(teamPage)[1];
    assert.equal((await visitors.referent.post(`${team}/demandes/${requestId}/accepter`, {})).status, 303);
    const now = decode((await visitors.outsider.request(`/personnes/${personId}`)).text);
    assert.match(now, /Premier rendez-vous fait/);
  });

  test('the merge page refuses a bad record number and is for territory managers only', async () => {
    assert.equal((await visitors.referent.request(`/personnes/${personId}/fusion`)).status, 403);
    for (const [other, message] of [['abc', /Indiquez le numéro de la fiche en double/],
      [String(personId), /une autre fiche que celle-ci/], ['999999', /Aucune fiche n° 999999/]]) {
      await rejects(visitors.manager, `/personnes/${personId}/fusion`, { other_id: other },
        { field: 'other_id', message, table: 'person_merges' });
    }
  });

  test('search: the page and the API, with French errors naming the parameter', async () => {
    const page = await visitors.referent.request('/personnes?q=lefevre+sofia');
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(`href="/personnes/${personId}"`));
    const long = await visitors.referent.request(`/personnes?q=${'a'.repeat(201)}`);
    assert.equal(long.status, 422);
    assert.match(long.text, /id="q-error"/);

    const api = await visitors.referent.request('/api/v1/persons?q=' + encodeURIComponent('MARTIN lefèvre'));
    assert.equal(api.status, 200);
    const body = JSON.parse(api.text);
    assert.deepEqual(body.items.map((p) => p.id), [personId]);
    assert.equal(body.items[0].first_names, 'Sofia');
    assert.equal(body.next_cursor, null);
    const byPhone = JSON.parse((await visitors.referent.request('/api/v1/persons?q=%2B33612345678')).text);
    assert.equal(byPhone.matched_by, 'phone');
    for (const [query, field, detail] of [
      ['q=', 'q', /Saisissez un nom/],
      ['q=martin&cursor=nimportequoi', 'cursor', /curseur de pagination est invalide/],
      ['q=martin&territoire=abc', 'territoire', /identifiant numérique d’un territoire/],
      ['q=2840308123456 99', 'q', /clé du numéro de sécurité sociale/],
    ]) {
      const res = await visitors.referent.request(`/api/v1/persons?${query}`);
      assert.equal(res.status, 422, query);
      assert.match(res.headers.get('content-type'), /application\/problem\+json/);
      const problem = JSON.parse(res.text);
      assert.equal(problem.field, field, query);
      assert.match(problem.detail, detail, query);
      assert.match(problem.detail, new RegExp(`« ${field} »`));
    }
    const logged = Number(sql(`SELECT COUNT(*) FROM access_log WHERE part = 'search_result' AND person_id = ${personId}`));
    assert.ok(logged >= 2);
  });

  test('without a search, the page lists the persons the professional follows, and logs it', async () => {
    // More than a page of them: the demo's and a few more opened here.
    for (const name of ['Abadie', 'Bataille', 'Chevalier', 'Delorme', 'Escoffier', 'Fabre', 'Gauthier']) {
      const created = await visitors.referent.post('/personnes/nouvelle', {
        birth_name: name, first_names: 'Camille', birth_date: '01/02/1990', sex: 'F', commune: 'Sedan',
      });
      assert.equal(created.status, 303, decode(created.text).slice(0, 300));
    }
    const newest = Number(sql(`SELECT j.person_id FROM journeys j ORDER BY j.last_activity_at DESC, j.id DESC LIMIT 1`));
    const mine = Number(sql(`SELECT COUNT(*) FROM journey_members m JOIN journeys j ON j.id = m.journey_id
      JOIN users u ON u.id = m.user_id WHERE u.email = 'referent@demo.test' AND m.left_at IS NULL
      AND j.status <> 'closed'`));
    assert.ok(mine > 20, `la référente de démonstration suit ${mine} personnes`);
    const before = Number(sql(`SELECT COUNT(*) FROM access_log WHERE part = 'caseload'`));
    const page = await visitors.referent.request('/personnes');
    assert.equal(page.status, 200);
    assert.match(page.text, /Les personnes que vous suivez/);
    // The last person opened by the référente is the most recently active.
    const first = /<tbody>\s*<tr>\s*<td><a href="\/personnes\/(\d+)"/.exec(page.text);
    assert.equal(Number(first[1]), newest);
    const rows = (page.text.match(/<td><a href="\/personnes\/\d+"/g) ?? []).length;
    assert.equal(rows, 20);
    assert.equal(Number(sql(`SELECT COUNT(*) FROM access_log WHERE part = 'caseload'`)), before + 20);

    // The next pages, by cursor, until every followed person was listed once.
    const seen = new Set(page.text.match(/<td><a href="\/personnes\/(\d+)"/g));
    let next = /href="([^"]*suivis=[^"#]*)#suivis"/.exec(page.text);
    while (next) {
      const more = await visitors.referent.request(decode(next[1]));
      assert.equal(more.status, 200);
      for (const link of more.text.match(/<td><a href="\/personnes\/(\d+)"/g) ?? []) {
        assert.ok(!seen.has(link), `${link} listé deux fois`);
        seen.add(link);
      }
      next = /href="([^"]*suivis=[^"#]*)#suivis"/.exec(more.text);
    }
    assert.equal(seen.size, mine);

    const referentOnly = await visitors.referent.request('/personnes?suivi=referent');
    assert.equal(referentOnly.status, 200);
    assert.doesNotMatch(referentOnly.text, /Membre de l’équipe<\/td>/);
    assert.match(referentOnly.text, /Référent·e<\/td>/);

    const forged = await visitors.referent.request('/personnes?suivis=nimportequoi');
    assert.equal(forged.status, 422);
    assert.match(decode(forged.text), /curseur de pagination est invalide/);

    // The territory manager follows nobody.
    assert.equal(Number(sql(`SELECT COUNT(*) FROM journey_members m JOIN users u ON u.id = m.user_id
      WHERE u.email = 'territoire@demo.test'`)), 0);
    const manager = await visitors.manager.request('/personnes');
    assert.equal(manager.status, 200);
    assert.match(manager.text, /ne faites partie de l’équipe d’aucun parcours/);
  });
});

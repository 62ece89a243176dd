// Black-box tests of the diagnostic pages against the real binary on the demo territory: the
// professional's diagnostic (pre-filled with sources, the person's words beside each question,
// every save a new journaled version, history and compare), the person's own part from their
// space, a territory's extra questions, who may reach what, and bad input on every answer type
// (French message naming the question, what was typed kept, nothing written).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, mails } from '../support/server.mjs';
import { Visitor } from '../support/visitor.mjs';
import { attachAccessLog } from '../support/sqlite.mjs';


const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

describe('diagnostic', () => {
  let server;
  let sql;
  let referent;
  let outsider;
  let manager;
  let person; // Léa, in her space
  let personId;
  let path;

  before(async () => {
    server = await startServer({
      before: async (cli) => {
        for (const args of [['load-geo'], ['load-rome'], ['seed-demo']]) {
          const done = await cli(args);
          assert.equal(done.code, 0, done.stderr);
        }
      },
    });
    const dbPath = server.dbUrl.replace(/^sqlite:/, '');
    sql = (query) => execFileSync('sqlite3', [...attachAccessLog(dbPath), dbPath, query], { encoding: 'utf8' }).trim();
    referent = await new Visitor(server.url).login('referent@demo.test');
    manager = await new Visitor(server.url).login('territoire@demo.test');
    outsider = await new Visitor(server.url).login('admin@demo.test');
    personId = Number(sql("SELECT id FROM persons WHERE email = 'personne@demo.test'"));
    assert.ok(personId > 0, 'Léa est dans la démonstration');
    path = `/personnes/${personId}/diagnostic`;
    // Léa opens her space with the link of the mail she asks for.
    person = new Visitor(server.url);
    const asked = await person.post('/mon-espace/connexion', { email: 'personne@demo.test' });
    assert.equal(asked.status, 200);
    let link;
    for (let i = 0; i < 100 && !link; i++) {
      const mail = mails(server.dir).find((m) => m.text.includes('To: personne@demo.test\r\n'));
      link = mail && /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
      if (!link) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(link, 'lien de connexion reçu');
    const opened = await person.post(link, {});
    assert.equal(opened.status, 303);
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const count = (table, where = '1 = 1') => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));
  const journeyOf = () => sql(`SELECT id FROM journeys WHERE person_id = ${personId} AND status <> 'closed'`);

  test('migrate seeded the socle commun once; the demo has diagnostics', () => {
    assert.equal(count('diagnostic_forms', "kind = 'socle_commun'"), 1);
    assert.ok(count('diagnostics', "author = 'professional'") >= 4);
    assert.ok(count('diagnostics', "author = 'person'") >= 3);
    assert.equal(count('diagnostics', `author = 'professional' AND journey_id = ${journeyOf()}`), 2, 'Léa : deux versions');
  });

  test('the person fills her part from her space, in her own words', async () => {
    const page = await person.request('/mon-espace/diagnostic');
    assert.equal(page.status, 200);
    assert.match(decode(page.text), /Vos besoins, avec vos mots/);
    const before = count('diagnostics');
    const events = count('journal', `kind = 'diagnostic.saved' AND person_id = ${personId}`);
    const versions = count('diagnostics', `journey_id = ${journeyOf()} AND author = 'person'`);
    const saved = await person.post('/mon-espace/diagnostic', {
      dernier_emploi: 'Caissière',
      vehicule: 'non',
      'freins.mobilite.niveau': 'majeur',
      'freins.mobilite.commentaire': 'Pas de bus avant 8 h',
    });
    assert.equal(saved.status, 303, decode(saved.text).slice(0, 400));
    assert.equal(count('diagnostics'), before + 1);
    const row = sql(`SELECT author, version, answers FROM diagnostics WHERE journey_id = ${journeyOf()} AND author = 'person' ORDER BY version DESC LIMIT 1`);
    assert.ok(row.startsWith(`person|${versions + 1}|`), row);
    assert.match(row, /"freins":\{"mobilite":\{"niveau":"majeur"/);
    assert.equal(count('journal', `kind = 'diagnostic.saved' AND person_id = ${personId}`), events + 1);
  });

  test('the professional sees the pre-filled values with their source and the person’s words', async () => {
    const page = await referent.request(path);
    assert.equal(page.status, 200);
    const text = decode(page.text);
    assert.match(text, /Selon la personne :<\/span> Caissière/);
    assert.match(text, /Mobilité : Majeur — « Pas de bus avant 8 h »/);
    assert.ok(count('access_log', `person_id = ${personId} AND part = 'diagnostic'`) >= 1);
  });

  test('every save is a new version, journaled, with history and compare', async () => {
    const existing = count('diagnostics', `journey_id = ${journeyOf()} AND author = 'professional'`);
    const first = await referent.post(path, { dernier_emploi: 'Employée de libre-service', vehicule: 'non', disponibilite: 'immediate' });
    assert.equal(first.status, 303, decode(first.text).slice(0, 400));
    const second = await referent.post(path, {
      dernier_emploi: 'Employée de libre-service', vehicule: 'oui', disponibilite: 'sous_1_mois',
      projets_metiers: 'D1507|Employé / Employée de libre-service', 'projets_metiers.recherche': 'aide soignant en gériatrie',
    });
    assert.equal(second.status, 303, decode(second.text).slice(0, 600));
    assert.equal(count('diagnostics', `journey_id = ${journeyOf()} AND author = 'professional'`), existing + 2);
    const [v1, v2] = [existing + 1, existing + 2];
    const answers = sql(`SELECT answers FROM diagnostics WHERE journey_id = ${journeyOf()} AND author = 'professional' AND version = ${v2}`);
    assert.match(answers, /"projets_metiers":\[\{"code_rome":"D1507"/);
    assert.match(answers, /"code_rome":"J1501"/);
    const history = await referent.request(`${path}/historique`);
    assert.equal(history.status, 200);
    assert.match(decode(history.text), /Le diagnostic des professionnels/);
    const compare = await referent.request(`${path}/comparer?auteur=professional&de=${v1}&a=${v2}`);
    assert.equal(compare.status, 200);
    const text = decode(compare.text);
    assert.match(text, /Dispose d’un véhicule<\/th><td>Non<\/td><td>Oui<\/td>/);
    assert.match(text, /Disponibilité<\/th><td>Immédiate<\/td><td>Dans le mois<\/td>/);
    assert.ok(!text.includes('Dernier emploi occupé</th>'), 'une réponse inchangée n’apparaît pas');
    const timeline = decode((await referent.request(`/personnes/${personId}`)).text);
    assert.match(timeline, new RegExp(`diagnostic socio-professionnel enregistré \\(version ${v2}\\)`));
    assert.match(timeline, /La personne : besoins exprimés avec ses mots \(version \d+\)/);
  });

  test('bad input on every answer type: French message naming the question, kept, nothing written', async () => {
    for (const [fields, message, kept] of [
      [{ dernier_emploi: 'x'.repeat(201) }, /« Dernier emploi occupé » : 200 caractères au plus/],
      [{ dernier_emploi_date: '13/2024' }, /« Fin du dernier emploi » : indiquez le mois et l’année/, '13/2024'],
      [{ duree_sans_emploi: 'toujours' }, /« Durée sans emploi » : choisissez une des réponses/],
      [{ niveau_formation: '12' }, /« Niveau de formation » : choisissez une des réponses/],
      [{ permis: 'Z' }, /« Permis de conduire » : choisissez parmi/],
      [{ vehicule: 'peut-être' }, /« Dispose d’un véhicule » : répondez par oui ou par non/],
      [{ 'projets_metiers.recherche': 'astronaute lunaire' }, /« Projets métiers » : aucun métier du répertoire ROME/, 'astronaute lunaire'],
      [{ 'projets_metiers.recherche': 'chauffeur' }, /plusieurs métiers correspondent à « chauffeur »/, 'chauffeur'],
      [{ projets_metiers: 'n’importe quoi' }, /« Projets métiers » : métier non reconnu/],
      [{ 'freins.sante.niveau': 'grave' }, /« Freins périphériques, Santé » : choisissez un niveau/],
      [{ 'freins.sante.commentaire': 'Dos fragile' }, /indiquez le niveau du frein/, 'Dos fragile'],
      [{ 'freins.sante.niveau': 'majeur', 'freins.sante.sous_thematiques': 'mobilite--autre' }, /« Freins périphériques, Santé » : choisissez parmi/],
    ]) {
      const [rows, events] = [count('diagnostics'), count('journal')];
      const res = await referent.post(path, { competences: 'Accueil, caisse', ...fields });
      assert.equal(res.status, 422, JSON.stringify(fields));
      const text = decode(res.text);
      assert.match(text, message);
      assert.ok(text.includes('Accueil, caisse'), 'les autres réponses sont gardées');
      if (kept) assert.ok(text.includes(kept), `« ${kept} » gardé`);
      assert.equal(count('diagnostics'), rows, 'rien d’écrit');
      assert.equal(count('journal'), events, 'rien au journal');
    }
  });

  test('an ambiguous job search offers the matching titles to tick (without JavaScript)', async () => {
    const res = await referent.post(path, { 'projets_metiers.recherche': 'chauffeur livreur' });
    assert.equal(res.status, 422);
    assert.match(decode(res.text), /type="checkbox"[^>]*name="projets_metiers" value="N4105\|/);
  });

  test('outside the team, the diagnostic is refused; the person cannot read the professional page', async () => {
    assert.equal((await outsider.request(path)).status, 403);
    const before = count('diagnostics');
    const page = await referent.request(path);
    const token = /name="csrf_token" value="([^"]+)"/.exec(page.text)[1];
    const forged = await outsider.request(path, { method: 'POST', form: { csrf_token: token, vehicule: 'oui' } });
    assert.ok([403, 400].includes(forged.status), `${forged.status}`);
    assert.equal(count('diagnostics'), before);
    const anonymous = await new Visitor(server.url).request('/mon-espace/diagnostic');
    assert.ok([302, 303].includes(anonymous.status), `${anonymous.status}`);
    assert.match(anonymous.location, /\/mon-espace\/connexion/);
    const asPerson = await person.request(path);
    assert.ok([302, 303].includes(asPerson.status), `${asPerson.status}`);
    assert.match(asPerson.location, /\/connexion/);
  });

  test('a territory manager adds the territory’s own questions, validated and versioned', async () => {
    const territory = sql("SELECT id FROM territories WHERE slug = 'ardennes'");
    const page = `/territoires/${territory}/diagnostic`;
    assert.equal((await referent.request(page)).status, 403);
    const bad = await manager.post(page, { definition: '{"sections":[{"id":"a","title":"A","questions":[{"id":"quartier","type":"yes_no","label":"Q"}]}]}' });
    assert.equal(bad.status, 422);
    assert.match(decode(bad.text), /commence par « t_ »/);
    assert.ok(decode(bad.text).includes('"id":"quartier"'), 'la définition saisie est gardée');
    assert.equal(count('diagnostic_forms', "kind = 'territory_extra'"), 0);
    const good = await manager.post(page, { definition: JSON.stringify({ sections: [{ id: 'ardennes', title: 'Questions des Ardennes', questions: [{ id: 't_quartier', type: 'yes_no', label: 'Habite un quartier prioritaire' }] }] }) });
    assert.equal(good.status, 303, decode(good.text).slice(0, 300));
    assert.equal(count('diagnostic_forms', "kind = 'territory_extra'"), 1);
    const form = decode((await referent.request(path)).text);
    assert.match(form, /Habite un quartier prioritaire/);
    const saved = await referent.post(path, { t_quartier: 'oui' });
    assert.equal(saved.status, 303);
    assert.match(sql(`SELECT answers FROM diagnostics WHERE author = 'professional' ORDER BY id DESC LIMIT 1`), /"t_quartier":true/);
    assert.equal(sql(`SELECT extra_form_id IS NOT NULL FROM diagnostics ORDER BY id DESC LIMIT 1`), '1');
  });
});

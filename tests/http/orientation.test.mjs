// Black-box tests of the orientation pages against the real binary on a fresh SQLite database
// with the demo territory: who may reach what, the queue's filters, bad input on every field of
// every form (a French message naming the field, what was typed kept, nothing written — checked
// in the database), decisions, reorientation and the référent's actions.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startDemoServer } from '../support/server.mjs';
import { Visitor } from '../support/visitor.mjs';
import { attachAccessLog } from '../support/sqlite.mjs';


const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

describe('orientation pages', () => {
  let server;
  let sql;
  const v = {};
  const journeyOf = (birthName) =>
    Number(sql(`SELECT j.id FROM journeys j JOIN persons p ON p.id = j.person_id WHERE p.birth_name = '${birthName}' AND j.status <> 'closed'`));

  before(async () => {
    server = await startDemoServer();
    const dbPath = server.dbUrl.replace(/^sqlite:/, '');
    sql = (query) => execFileSync('sqlite3', [...attachAccessLog(dbPath), dbPath, query], { encoding: 'utf8' }).trim();
    for (const [who, email] of [['orientation', 'orientation@demo.test'], ['referent', 'referent@demo.test'],
      ['manager', 'territoire@demo.test'], ['admin', 'admin@demo.test'], ['orgAdmin', 'structure@demo.test']]) {
      v[who] = await new Visitor(server.url).login(email);
    }
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const count = (table, where = '1 = 1') => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));

  async function rejects(visitor, path, form, { field, message, kept, table, status = 422 }) {
    const [rows, events, mails] = [count(table), count('journal'), count('outbox')];
    const res = await visitor.post(path, form);
    const text = decode(res.text);
    assert.equal(res.status, status, `${path} ${field}: ${res.status}\n${text.slice(0, 400)}`);
    assert.match(text, message, `${path} ${field}`);
    assert.match(res.text, new RegExp(`id="${field}-error"`), `${path}: ${field} en erreur`);
    if (kept !== undefined) assert.ok(text.includes(kept), `${path}: ${field} garde « ${kept} »`);
    assert.equal(count(table), rows, `${path} ${field}: rien d'écrit dans ${table}`);
    assert.equal(count('journal'), events, `${path} ${field}: rien au journal`);
    assert.equal(count('outbox'), mails, `${path} ${field}: aucun courriel`);
  }

  test('who reaches the queue', async () => {
    const anonymous = new Visitor(server.url);
    const page = await anonymous.request('/orientation');
    assert.equal(page.status, 302);
    assert.match(page.location, /^\/connexion/);
    assert.equal((await v.admin.request('/orientation')).status, 403);
    const referent = await v.referent.request('/orientation');
    assert.equal(referent.status, 303);
    assert.equal(referent.location, '/orientation/mes-parcours');
    for (const who of ['orientation', 'manager']) {
      const queue = await v[who].request('/orientation');
      assert.equal(queue.status, 200, who);
      assert.match(decode(queue.text), /Personnes à orienter/);
    }
    assert.match((await v.orientation.request('/')).text, /href="\/orientation"/);
  });

  test('the queue shows days, deadline status, and filters by deadline, door and commune', async () => {
    const logged = () => count('access_log', "part = 'orientation_queue'");
    const before = logged();
    const all = decode((await v.orientation.request('/orientation')).text);
    assert.match(all, /Fontaine/);
    // Every person listed is a read of their record, in the access log.
    const listed = (all.match(/href="\/orientation\/parcours\/\d+"/g) ?? []).length;
    assert.ok(listed > 0);
    assert.equal(logged(), before + new Set(all.match(/href="\/orientation\/parcours\/\d+"/g)).size);
    assert.ok(count('access_log', "part = 'orientation_queue' AND person_id = (SELECT id FROM persons WHERE birth_name = 'Fontaine')") >= 1);
    assert.match(all, /En retard/);
    assert.match(all, /Échéance sous 7 jours/);
    assert.match(all, /Dans les délais/);
    const late = decode((await v.orientation.request('/orientation?echeance=late')).text);
    assert.match(late, /Nathalie Fontaine/);
    assert.match(late, /Océane Rivière/);
    assert.doesNotMatch(late, /Jérôme Thiébaut/);
    assert.doesNotMatch(late, /data-status="on_time"/);
    const soon = decode((await v.orientation.request('/orientation?echeance=due_soon')).text);
    assert.match(soon, /Jérôme Thiébaut/);
    const online = decode((await v.orientation.request('/orientation?entree=public_form')).text);
    assert.match(online, /Zoé Bréchet/);
    assert.doesNotMatch(online, /Nathalie Fontaine/);
    const sedan = decode((await v.orientation.request('/orientation?commune=08409')).text);
    assert.match(sedan, /Jérôme Thiébaut/);
    assert.doesNotMatch(sedan, /Nathalie Fontaine/);
    const bad = decode((await v.orientation.request('/orientation?echeance=demain')).text);
    assert.match(bad, /Le filtre « échéance » n’est pas reconnu/);
    const reorientation = decode((await v.orientation.request('/orientation?statut=reorientation')).text);
    assert.match(reorientation, /Bérénice Noël/);
  });

  test('a decision: each bad field is refused in French, nothing written; then it is recorded', async () => {
    const journey = journeyOf('Ménard');
    const path = `/orientation/parcours/${journey}/decision`;
    const page = decode((await v.orientation.request(`/orientation/parcours/${journey}`)).text);
    assert.match(page, /Parcours suggéré : <strong>Social<\/strong>/);
    assert.match(page, /pas de domicile fixe/);
    const cd = sql("SELECT id FROM organisations WHERE slug = 'conseil-departemental-des-ardennes'");
    const relais = sql("SELECT id FROM organisations WHERE slug = 'association-le-relais-ardennais'");
    const ml = sql("SELECT id FROM organisations WHERE slug = 'mission-locale-de-charleville-mezieres'");
    const julie = sql("SELECT id FROM users WHERE email = 'referent@demo.test'");
    const base = { route: 'social', organisation_id: relais, referent: julie, reason: 'Un hébergement d’abord, puis la recherche d’emploi.' };
    const cases = [
      [{ route: '' }, 'route', /Choisissez le parcours/],
      [{ route: 'emploi' }, 'route', /Choisissez le parcours/],
      [{ organisation_id: '' }, 'organisation_id', /Choisissez la structure/],
      [{ organisation_id: '999999' }, 'organisation_id', /structure active du territoire/],
      [{ referent: 'abc' }, 'referent', /Choisissez le référent/],
      [{ referent: julie, organisation_id: cd }, 'referent', /pas référent de parcours dans la structure choisie/],
      [{ reason: 'court' }, 'reason', /Indiquez le motif de la décision \(de 10 à 2000 caractères\)/, 'court'],
    ];
    for (const [change, field, message, kept] of cases) {
      await rejects(v.orientation, path, { ...base, ...change }, { field, message, kept, table: 'orientations' });
    }
    // Only chargés d'orientation decide.
    for (const who of ['referent', 'manager', 'orgAdmin']) {
      assert.equal((await v[who].post(path, base)).status, 403, who);
    }
    assert.equal(count('orientations', `journey_id = ${journey}`), 0);
    const julieMails = count('outbox', "to_address = 'referent@demo.test'");
    const done = await v.orientation.post(path, { ...base, organisation_id: ml });
    assert.equal(done.status, 303, decode(done.text).slice(0, 300));
    assert.equal(count('orientations', `journey_id = ${journey} AND followed_suggestion = 1`), 1);
    assert.equal(count('journey_members', `journey_id = ${journey} AND role = 'referent' AND left_at IS NULL`), 1);
    assert.equal(count('outbox', "to_address = 'gaelle.menard@free.test' AND subject = 'Votre orientation'"), 1);
    assert.equal(count('outbox', "to_address = 'referent@demo.test'"), julieMails + 1);
    const after = decode((await v.orientation.request(`/orientation/parcours/${journey}`)).text);
    assert.match(after, /Orientation actuelle/);
    assert.match(after, /suggestion suivie : oui/);
    // A second decision conflicts.
    const again = await v.orientation.post(path, base);
    assert.equal(again.status, 409);
  });

  test('reorientation: the référent asks, the chargé keeps it with an answer', async () => {
    const journey = journeyOf('Ménard');
    const ask = `/orientation/parcours/${journey}/reorientation`;
    assert.equal((await v.orientation.post(ask, { reorientation_reason: 'Une raison suffisante.' })).status, 403);
    await rejects(v.referent, ask, { reorientation_reason: 'non' }, {
      field: 'reorientation_reason', message: /Indiquez le motif de la demande/, kept: 'non', table: 'reorientation_requests',
    });
    const asked = await v.referent.post(ask, { reorientation_reason: 'Mme Ménard a trouvé un logement, elle veut chercher un emploi.' });
    assert.equal(asked.status, 303);
    const request = sql(`SELECT id FROM reorientation_requests WHERE journey_id = ${journey} AND status = 'pending'`);
    assert.ok(request);
    const keep = `/orientation/parcours/${journey}/reorientation/${request}/maintenir`;
    assert.equal((await v.referent.post(keep, { answer: 'Je maintiens pour le moment.' })).status, 403);
    await rejects(v.orientation, keep, { answer: 'non' }, {
      field: 'answer', message: /Indiquez votre réponse au référent/, kept: 'non', table: "(SELECT * FROM reorientation_requests WHERE status = 'kept') k",
    });
    const kept = await v.orientation.post(keep, { answer: 'Attendons la fin du mois pour voir si le logement est stable.' });
    assert.equal(kept.status, 303);
    assert.equal(count('reorientation_requests', `id = ${request} AND status = 'kept'`), 1);
    assert.equal(count('journal', "kind = 'orientation.reorientation_kept'"), 1);
    assert.equal(count('outbox', "to_address = 'referent@demo.test' AND subject LIKE 'Réponse%'"), 1);
  });

  test('the référent records the first meeting; the organisation admin assigns a référent', async () => {
    const journey = journeyOf('Ménard');
    assert.equal((await v.orientation.post(`/orientation/parcours/${journey}/premier-rendez-vous`, {})).status, 403);
    const met = await v.referent.post(`/orientation/parcours/${journey}/premier-rendez-vous`, {});
    assert.equal(met.status, 303);
    assert.ok(Number(sql(`SELECT first_meeting_at FROM journeys WHERE id = ${journey}`)) > 0);
    // Santoni was oriented to France Travail without a référent: listed for the territory.
    const watch = decode((await v.orientation.request('/orientation/suivi')).text);
    assert.match(watch, /Pierre-Yves Santoni/);
    assert.match(watch, /Sans référent/);
    assert.equal((await v.admin.request('/orientation/suivi')).status, 403);
    // The CD 08 admin is not in charge of Santoni's journey: refused.
    const santoni = journeyOf('Santoni');
    const refused = await v.orgAdmin.post(`/orientation/parcours/${santoni}/referent`, { assign_referent: '1' });
    assert.equal(refused.status, 403);
    // A chargé d'orientation may, and a wrong choice is refused in French.
    await rejects(v.orientation, `/orientation/parcours/${santoni}/referent`, { assign_referent: '' }, {
      field: 'assign_referent', message: /Choisissez le référent/, table: 'journey_members',
    });
    const julie = sql("SELECT id FROM users WHERE email = 'referent@demo.test'");
    await rejects(v.orientation, `/orientation/parcours/${santoni}/referent`, { assign_referent: julie }, {
      field: 'assign_referent', message: /pas référent de parcours dans la structure choisie/, table: 'journey_members',
    });
  });

  test('rules: the territory manager edits them, bad rules are refused in French', async () => {
    assert.equal((await v.orientation.request('/orientation/regles')).status, 403);
    const page = decode((await v.manager.request('/orientation/regles')).text);
    assert.match(page, /règles nationales par défaut/);
    await rejects(v.manager, '/orientation/regles', { regles: '{"regles": [{"id": "a", "parcours": "emploi"}]}' }, {
      field: 'regles', message: /Règle 1 \(« a »\) : le parcours doit être pro, socio_pro ou social/, kept: '"emploi"', table: 'orientation_rules',
    });
    const rules = JSON.stringify({ regles: [{ id: 'rqth', parcours: 'pro', si: [{ champ: 'situation.rqth', egal: true }], raison: 'RQTH : Cap emploi peut accompagner.' }] });
    const saved = await v.manager.post('/orientation/regles', { regles: rules });
    assert.equal(saved.status, 303);
    assert.equal(count('orientation_rules'), 1);
    assert.match(decode((await v.manager.request('/orientation/regles')).text), /version 1/);
  });

  test('forms need the CSRF token; the person’s page needs their session', async () => {
    const journey = journeyOf('Bréchet');
    const res = await v.orientation.request(`/orientation/parcours/${journey}/decision`, { method: 'POST', form: { route: 'pro' } });
    assert.equal(res.status, 403);
    const anonymous = await new Visitor(server.url).request('/mon-espace/orientation');
    assert.ok([302, 303].includes(anonymous.status));
    assert.match(anonymous.location, /\/mon-espace\/connexion/);
  });
});

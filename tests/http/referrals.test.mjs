// Black-box tests of matching and referrals against the real binary on a fresh SQLite database
// with the demo territory: who reaches what, the referral form's bad input (a French message
// naming the field, what was typed kept, nothing written), sending, the receiving organisation's
// inbox and answer (only the shared fields shown, each read logged), the no-account link (valid,
// used twice, expired, unknown) and the person's own services page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startDemoServer } from '../support/server.mjs';
import { Visitor } from '../support/visitor.mjs';
import { attachAccessLog } from '../support/sqlite.mjs';

const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

describe('matching and referrals', () => {
  let server;
  let sql;
  const v = {};
  let lea;
  let garde;
  let cafGarde;
  let cv;

  before(async () => {
    server = await startDemoServer();
    const dbPath = server.dbUrl.replace(/^sqlite:/, '');
    sql = (query) => execFileSync('sqlite3', [...attachAccessLog(dbPath), dbPath, query], { encoding: 'utf8' }).trim();
    lea = Number(sql("SELECT id FROM persons WHERE email = 'personne@demo.test'"));
    const service = (name) => Number(sql(`SELECT id FROM services WHERE nom LIKE '${name}%'`));
    garde = service('Garde d');
    cafGarde = service('Solution de garde pour reprendre');
    cv = service('Atelier CV');
    for (const [who, email] of [['referent', 'referent@demo.test'], ['social', 'social@demo.test'],
      ['conseillere', 'conseillere@demo.test'], ['manager', 'territoire@demo.test'],
      ['admin', 'admin@demo.test'], ['orgAdmin', 'structure@demo.test']]) {
      v[who] = await new Visitor(server.url).login(email);
    }
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const count = (table, where = '1 = 1') => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));
  const good = () => [['message', 'Léa reprend une formation : garde du mercredi à trouver.'],
    ['shared', 'identity'], ['shared', 'contact'], ['consent', '1'], ['consent_mode', 'in_person']];

  test('who reaches the matching page', async () => {
    const path = `/personnes/${lea}/services`;
    const anonymous = await new Visitor(server.url).request(path);
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.location, /^\/connexion/);
    for (const who of ['admin', 'manager', 'orgAdmin', 'social']) {
      const res = await v[who].request(path);
      assert.ok([403, 404].includes(res.status), `${who} : ${res.status}`);
    }
    const page = await v.referent.request(path);
    assert.equal(page.status, 200);
    const text = decode(page.text);
    assert.match(text, /Mobilité — frein majeur/);
    assert.match(text, /Garde d’enfants ponctuelle/);
    assert.match(text, /Conseil en mobilité/);
    // Nearest first: mobility advice in Charleville (her commune) before the Sedan childcare.
    assert.ok(text.indexOf('Conseil en mobilité') < text.indexOf('Garde d’enfants ponctuelle'));
    assert.match(text, /Dans la commune/);
    assert.ok(count('access_log', `person_id = ${lea} AND part = 'referrals'`) >= 1);
    // The person's page links to it.
    assert.match((await v.referent.request(`/personnes/${lea}`)).text, new RegExp(`href="${path}"`));
  });

  test('adding a service to the plan is journaled once', async () => {
    const before = count('plan_actions', `service_id = ${cv}`);
    const events = count('journal', `person_id = ${lea} AND kind = 'plan.action_added'`);
    for (let i = 0; i < 2; i++) {
      const res = await v.referent.post(`/personnes/${lea}/services/${cv}/plan`, {});
      assert.equal(res.status, 303);
    }
    assert.equal(count('plan_actions', `service_id = ${cv}`), before + 1);
    assert.equal(count('journal', `person_id = ${lea} AND kind = 'plan.action_added'`), events + 1);
    const refused = await v.orgAdmin.post(`/personnes/${lea}/services/${cv}/plan`, {});
    assert.ok([403, 404].includes(refused.status));
    assert.match(decode((await v.referent.request(`/personnes/${lea}/services`)).text), /Dans le plan d’actions/);
  });

  test('the referral form names the field, keeps what was typed and writes nothing', async () => {
    const path = `/personnes/${lea}/services/${garde}/orienter`;
    assert.equal((await v.referent.request(path)).status, 200);
    const cases = [
      { field: 'message', form: good().map(([k, val]) => [k, k === 'message' ? '   ' : val]), message: /Message : expliquez/ },
      { field: 'shared', form: good().filter(([k]) => k !== 'shared'), message: /Informations partagées : choisissez/, kept: 'reprend une formation' },
      { field: 'shared', form: [...good(), ['shared', 'nir']], message: /choix inconnu « nir »/, kept: 'reprend une formation' },
      { field: 'consent', form: good().filter(([k]) => k !== 'consent'), message: /Accord de la personne : il est obligatoire/, kept: 'reprend une formation' },
      { field: 'consent_mode', form: good().filter(([k]) => k !== 'consent_mode'), message: /Recueil de l’accord/, kept: 'reprend une formation' },
    ];
    for (const c of cases) {
      const [rows, events, mails, actions] = [count('referrals'), count('journal'), count('outbox'), count('plan_actions')];
      const res = await v.referent.post(path, c.form);
      const text = decode(res.text);
      assert.equal(res.status, 422, `${c.field}: ${res.status}`);
      assert.match(text, c.message, c.field);
      assert.match(res.text, new RegExp(`id="${c.field}-error"`), `${c.field} en erreur`);
      if (c.kept) assert.ok(text.includes(c.kept), `${c.field} garde le message`);
      assert.equal(count('referrals'), rows);
      assert.equal(count('journal'), events);
      assert.equal(count('outbox'), mails);
      assert.equal(count('plan_actions'), actions);
    }
    const outsider = await v.orgAdmin.post(path, good());
    assert.ok([403, 404].includes(outsider.status));
  });

  let referral;
  test('sending notifies the receiving organisation, who sees only what is shared and answers', async () => {
    const mails = count('outbox', "to_address = 'social@demo.test'");
    const res = await v.referent.post(`/personnes/${lea}/services/${garde}/orienter`, good());
    assert.equal(res.status, 303, decode(res.text).slice(0, 500));
    referral = Number(/\/orientations\/(\d+)$/.exec(res.location)[1]);
    assert.equal(sql(`SELECT status || ' ' || shared_fields || ' ' || consent_mode FROM referrals WHERE id = ${referral}`),
      'sent ["identity","contact"] in_person');
    assert.equal(count('outbox', "to_address = 'social@demo.test'"), mails + 1);
    assert.equal(count('journal', `person_id = ${lea} AND kind = 'referral.sent'`), 1);
    // A second one to the same service is refused while this one waits.
    const again = await v.referent.post(`/personnes/${lea}/services/${garde}/orienter`, good());
    assert.equal(again.status, 409);

    // The receiving member: the home tile counts it, the inbox lists it.
    assert.match(decode((await v.social.request('/')).text), /Orientations reçues[\s\S]*?2 en attente/);
    const inbox = decode((await v.social.request('/orientations/recues')).text);
    assert.match(inbox, /Léa Bréhier-Garnier/);
    assert.equal((await v.referent.request('/orientations/recues')).status, 200);
    assert.equal((await v.admin.request('/orientations/recues')).status, 403);

    const readsBefore = count('access_log', `person_id = ${lea} AND part LIKE 'referral_%'`);
    const page = decode((await v.social.request(`/orientations/${referral}`)).text);
    assert.match(page, /personne@demo\.test/, 'coordonnées partagées');
    assert.match(page, /Date de naissance/);
    assert.doesNotMatch(page, /Niveau de formation/, 'situation non partagée');
    assert.doesNotMatch(page, /Synthèse du diagnostic<\/h3>/);
    assert.ok(count('access_log', `person_id = ${lea} AND part LIKE 'referral_%'`) >= readsBefore + 2);
    // Another member of Léa's team, not of the CCAS: the sender's view, no answer form.
    const colleague = decode((await v.conseillere.request(`/orientations/${referral}`)).text);
    assert.doesNotMatch(colleague, /Accepter l’orientation/);
    assert.equal((await v.conseillere.post(`/orientations/${referral}/accepter`, {})).status, 403);
    assert.equal((await v.orgAdmin.request(`/orientations/${referral}`)).status, 403);

    const [events, senderMails] = [count('journal'), count('outbox', "to_address = 'referent@demo.test'")];
    const bare = await v.social.post(`/orientations/${referral}/refuser`, { reason: '  ' });
    assert.equal(bare.status, 422);
    assert.match(decode(bare.text), /Motif du refus : indiquez pourquoi/);
    assert.match(bare.text, /id="reason-error"/);
    assert.equal(count('journal'), events);
    const accepted = await v.social.post(`/orientations/${referral}/accepter`, {});
    assert.equal(accepted.status, 303);
    assert.equal(sql(`SELECT status FROM referrals WHERE id = ${referral}`), 'accepted');
    assert.equal(sql(`SELECT a.status FROM plan_actions a JOIN referrals r ON r.plan_action_id = a.id WHERE r.id = ${referral}`), 'in_progress');
    assert.equal(count('outbox', "to_address = 'referent@demo.test'"), senderMails + 1);
    assert.equal((await v.social.post(`/orientations/${referral}/accepter`, {})).status, 403);
    // The timeline tells it in French.
    const person = decode((await v.referent.request(`/personnes/${lea}`)).text);
    assert.match(person, /a orienté la personne vers « Garde d’enfants ponctuelle » \(CCAS de Sedan\)/);
    assert.match(person, /a accepté l’orientation vers « Garde d’enfants ponctuelle »/);
    // Done, by the receiving organisation.
    assert.equal((await v.social.post(`/orientations/${referral}/terminer`, {})).status, 303);
    assert.equal(sql(`SELECT status FROM referrals WHERE id = ${referral}`), 'done');
  });

  test('a service without members answers through a link, once, within 8 days', async () => {
    const form = good().map(([k, val]) => [k, k === 'message' ? 'Reprend un emploi : garde de sa fille le soir.' : val]);
    const res = await v.referent.post(`/personnes/${lea}/services/${cafGarde}/orienter`, form);
    assert.equal(res.status, 303);
    const id = Number(/\/orientations\/(\d+)$/.exec(res.location)[1]);
    const body = sql(`SELECT body FROM outbox WHERE to_address = 'accueil@demo-caf08.test' ORDER BY id DESC LIMIT 1`);
    const path = /\/orientation-recue\/[A-Za-z0-9_-]{43}/.exec(body)[0];
    const visitor = new Visitor(server.url);
    const reads = count('access_log', `person_id = ${lea} AND actor_id = -1`);
    const page = decode((await visitor.request(path)).text);
    assert.match(page, /garde de sa fille le soir/);
    assert.match(page, /Bréhier-Garnier/);
    assert.doesNotMatch(page, /Synthèse du diagnostic<\/h3>/);
    assert.equal(count('access_log', `person_id = ${lea} AND actor_id = -1`), reads + 2);
    assert.match(sql(`SELECT purpose FROM access_log WHERE actor_id = -1 ORDER BY id DESC LIMIT 1`), /accueil@demo-caf08\.test/);

    const noDecision = await visitor.post(path, { reason: '' });
    assert.equal(noDecision.status, 422);
    assert.match(noDecision.text, /id="decision-error"/);
    const noReason = await visitor.post(path, { decision: 'refuse', reason: '' });
    assert.equal(noReason.status, 422);
    assert.match(noReason.text, /id="reason-error"/);
    assert.equal(sql(`SELECT status FROM referrals WHERE id = ${id}`), 'sent');
    const refused = await visitor.post(path, { decision: 'refuse', reason: 'Atelier fermé en août.' });
    assert.equal(refused.status, 303);
    assert.equal(sql(`SELECT status || ' ' || answered_via || ' ' || refusal_reason FROM referrals WHERE id = ${id}`),
      'refused link Atelier fermé en août.');
    const twice = await visitor.post(path, { decision: 'accept' });
    assert.equal(twice.status, 409);
    assert.match(decode(twice.text), /Ce lien a déjà servi/);
    assert.match(decode((await visitor.request(path)).text), /Vous avez déjà répondu/);
    assert.equal((await visitor.request('/orientation-recue/' + 'x'.repeat(43))).status, 404);

    // Expired: a new referral, its link aged past 8 days.
    const again = await v.referent.post(`/personnes/${lea}/services/${cafGarde}/orienter`, form);
    assert.equal(again.status, 303);
    const fresh = /\/orientation-recue\/[A-Za-z0-9_-]{43}/.exec(
      sql(`SELECT body FROM outbox WHERE to_address = 'accueil@demo-caf08.test' ORDER BY id DESC LIMIT 1`))[0];
    sql(`UPDATE referral_links SET expires_at = created_at - 1 WHERE id = (SELECT MAX(id) FROM referral_links)`);
    const readsExpired = count('access_log', 'actor_id = -1');
    assert.match(decode((await visitor.request(fresh)).text), /Ce lien a expiré/);
    assert.equal(count('access_log', 'actor_id = -1'), readsExpired, 'rien de montré, rien de lu');
    const late = await visitor.post(fresh, { decision: 'accept' });
    assert.equal(late.status, 409);
    assert.equal(sql('SELECT status FROM referrals ORDER BY id DESC LIMIT 1'), 'sent');
  });

  test('the person sees services for her needs and asks her référent', async () => {
    const anonymous = await new Visitor(server.url).request('/mon-espace/services');
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.location, /^\/mon-espace\/connexion/);
    const person = new Visitor(server.url);
    assert.equal((await person.post('/mon-espace/connexion', { email: 'personne@demo.test' })).status, 200);
    const link = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(
      sql("SELECT body FROM outbox WHERE to_address = 'personne@demo.test' ORDER BY id DESC LIMIT 1"))[0];
    assert.equal((await person.post(link, {})).status, 303);
    const page = decode((await person.request('/mon-espace/services')).text);
    assert.match(page, /Conseil en mobilité/);
    assert.match(page, /Demander à mon référent/);
    const mails = count('outbox', "to_address = 'referent@demo.test'");
    const asked = await person.post(`/mon-espace/services/${cv}/demander`, {});
    assert.equal(asked.status, 303);
    assert.equal(count('journal', `person_id = ${lea} AND kind = 'referral.asked'`), 1);
    assert.equal(count('outbox', "to_address = 'referent@demo.test'"), mails + 1);
    assert.match(decode((await person.request('/mon-espace')).text), /href="\/mon-espace\/services"/);
    // Her carnet tells her referrals in her words.
    const carnet = decode((await person.request('/mon-espace/carnet')).text);
    assert.match(carnet, /vous a orienté\(e\) vers le service « Garde d’enfants ponctuelle »/);
    assert.match(carnet, /Le service « Garde d’enfants ponctuelle » a accepté votre orientation/);
    assert.match(carnet, /Votre orientation vers le service « Garde d’enfants ponctuelle » est réalisée/);
    assert.match(carnet, /Vous avez demandé à votre référent\(e\) le service « Atelier CV et lettre de motivation »/);
    assert.doesNotMatch(carnet, /Atelier fermé en août/, 'the refusal reason stays with the professionals');
    // The link's reads show in « Qui a consulté mon dossier ».
    assert.match(decode((await person.request('/mon-espace/consultations')).text), /Un service vers lequel vous êtes orienté\(e\)/);
  });
});

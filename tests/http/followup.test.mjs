// Black-box tests of the follow-up pages against the real binary on a fresh SQLite database with
// the demo territory: who may reach what, bad input on the commitment, outcome, check-in and
// closure forms (a French message naming the field, what was typed kept, nothing written —
// checked in the database), CSRF, the person accepting their commitment from their space
// (explicit, journaled), the paper signature, a job with its follow-up and check-ins, the list
// of what falls due, and the closure (read only) and reopening of the journey.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, mails } from '../support/server.mjs';
import { Visitor } from '../support/visitor.mjs';
import { attachAccessLog } from '../support/sqlite.mjs';

const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

const dayFromNow = (days) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

describe('follow-up pages', () => {
  let server;
  let sql;
  const v = {};
  let lea;
  let person;

  before(async () => {
    server = await startServer({
      before: async (cli) => {
        // seed-demo twice: the demo is idempotent (Nicolas once).
        for (const args of [['load-geo'], ['seed-demo'], ['seed-demo']]) {
          const done = await cli(args);
          assert.equal(done.code, 0, done.stderr);
        }
      },
    });
    const dbPath = server.dbUrl.replace(/^sqlite:/, '');
    sql = (query) => execFileSync('sqlite3', [...attachAccessLog(dbPath), dbPath, query], { encoding: 'utf8' }).trim();
    for (const [who, email] of [['referent', 'referent@demo.test'], ['orientation', 'orientation@demo.test'],
      ['admin', 'admin@demo.test'], ['orgAdmin', 'structure@demo.test'], ['colleague', 'conseillere@demo.test']]) {
      v[who] = await new Visitor(server.url).login(email);
    }
    lea = Number(sql("SELECT id FROM persons WHERE email = 'personne@demo.test'"));
    // Léa signs in to her space through the magic link.
    person = new Visitor(server.url);
    const already = mails(server.dir).filter((m) => m.text.includes('To: personne@demo.test')).length;
    assert.equal((await person.post('/mon-espace/connexion', { email: 'personne@demo.test' })).status, 200);
    let link;
    for (const deadline = Date.now() + 20_000; !link && Date.now() < deadline;) {
      const found = mails(server.dir).filter((m) => m.text.includes('To: personne@demo.test'));
      if (found.length > already) link = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(found.at(-1).text)?.[0];
      else await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(link, 'a sign-in link');
    assert.equal((await person.post(link, {})).status, 303);
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const count = (table, where = '1 = 1') => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));

  async function rejects(visitor, path, form, formPage, { field, message, kept, table }) {
    const [rows, events] = [count(table), count('journal')];
    const res = await visitor.post(path, form, { formPage });
    const text = decode(res.text);
    assert.equal(res.status, 422, `${field}: ${res.status}\n${text.slice(0, 300)}`);
    assert.match(text, message, field);
    assert.match(res.text, new RegExp(`id="${field}-error"`), `${field} en erreur`);
    if (kept !== undefined) assert.ok(text.includes(kept), `${field} garde « ${kept} »`);
    assert.equal(count(table), rows, `${field}: rien d'écrit`);
    assert.equal(count('journal'), events, `${field}: rien au journal`);
  }

  test('who reaches the follow-up of a journey', async () => {
    const anonymous = await new Visitor(server.url).request(`/personnes/${lea}/suivi`);
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.location, /^\/connexion/);
    assert.equal((await v.admin.request(`/personnes/${lea}/suivi`)).status, 403);
    assert.equal((await v.orientation.request(`/personnes/${lea}/suivi`)).status, 403);
    assert.equal((await v.orientation.request(`/personnes/${lea}/engagements/nouveau`)).status, 403);
    const logged = () => count('access_log', `part = 'followup' AND person_id = ${lea}`);
    const before = logged();
    const page = await v.referent.request(`/personnes/${lea}/suivi`);
    assert.equal(page.status, 200);
    const text = decode(page.text);
    assert.match(text, /<h1>Engagements, sorties et clôture — Léa Bréhier-Garnier<\/h1>/);
    assert.match(text, /Proposer un engagement/);
    assert.match(text, /action="\/personnes\/\d+\/cloture"/);
    assert.equal(logged(), before + 1);
    const show = decode((await v.referent.request(`/personnes/${lea}`)).text);
    assert.match(show, /<h2 id="suivi">Engagements et suivi dans l’emploi<\/h2>/);
    assert.doesNotMatch(decode((await v.orientation.request(`/personnes/${lea}`)).text), /id="suivi"/);
    // A team member who is not the référent works in it but does not close it.
    const colleague = decode((await v.colleague.request(`/personnes/${lea}/suivi`)).text);
    assert.match(colleague, /Proposer un engagement/);
    assert.doesNotMatch(colleague, /action="\/personnes\/\d+\/cloture"/);
    assert.equal((await v.colleague.post(`/personnes/${lea}/cloture`, { reason: 'moved' },
      { formPage: `/personnes/${lea}/suivi` })).status, 403);
    // The form starts from the kind's default text; another kind's text is a link away.
    const form = decode((await v.referent.request(`/personnes/${lea}/engagements/nouveau?type=cej`)).text);
    assert.match(form, /Le contrat d’engagement jeune \(CEJ\) est passé entre vous/);
    assert.match(form, /<option value="cej" selected>/);
  });

  const commitment = (overrides = {}) => ({
    kind: 'cer', other_label: '', start_date: dayFromNow(0), end_date: dayFromNow(180),
    rights_and_duties: 'Vos droits : être accompagnée.\nVos engagements : venir aux rendez-vous.', ...overrides,
  });

  test('the demo journey of Nicolas, followed by the demo référente', async () => {
    assert.equal(count('persons', "email = 'nicolas@demo.test'"), 1);
    const nicolas = Number(sql("SELECT id FROM persons WHERE email = 'nicolas@demo.test'"));
    const page = decode((await v.referent.request(`/personnes/${nicolas}/suivi`)).text);
    assert.match(page, /Contrat d’engagements réciproques \(CER\)/);
    assert.match(page, /Accepté en ligne le/);
    assert.match(page, /Emploi : Ouvrier d’entretien des espaces verts/);
    assert.match(page, /Suivi dans l’emploi jusqu’au/);
    const show = decode((await v.referent.request(`/personnes/${nicolas}`)).text);
    assert.match(show, /a fait un point de suivi dans l’emploi avec l’employeur le/);
    assert.match(show, /La personne a accepté son CER dans son espace/);
    const statuses = sql(`SELECT group_concat(DISTINCT a.status) FROM plan_actions a JOIN journeys j ON j.id = a.journey_id WHERE j.person_id = ${nicolas}`);
    for (const status of ['planned', 'in_progress', 'done', 'abandoned', 'cancelled']) assert.ok(statuses.includes(status), status);
    assert.equal(count('referrals', `person_id = ${nicolas} AND status = 'done'`), 1);
    assert.ok(count('appointments', `person_id = ${nicolas} AND status = 'planned'`) >= 2);
    assert.equal(count('outcome_checkins c JOIN outcomes o ON o.id = c.outcome_id', `o.person_id = ${nicolas}`), 2);
  });

  test('bad input on the commitment form', async () => {
    const path = `/personnes/${lea}/engagements`;
    const page = `/personnes/${lea}/engagements/nouveau`;
    const t = { table: 'commitments' };
    await rejects(v.referent, path, commitment({ kind: 'rsa' }), page, { ...t, field: 'kind', message: /Type d’engagement : choisissez/ });
    await rejects(v.referent, path, commitment({ kind: 'other' }), page, { ...t, field: 'other_label', message: /Nom de l’engagement/ });
    await rejects(v.referent, path, commitment({ start_date: '2027-02-30' }), page, { ...t, field: 'start_date', message: /Date de début : indiquez une date/, kept: '2027-02-30' });
    await rejects(v.referent, path, commitment({ end_date: dayFromNow(-10) }), page, { ...t, field: 'end_date', message: /après la date de début/ });
    await rejects(v.referent, path, commitment({ rights_and_duties: 'Trop court' }), page, { ...t, field: 'rights_and_duties', message: /Droits et devoirs : écrivez/, kept: 'Trop court' });
    // Without the session's CSRF token: refused, nothing written.
    const rows = count('commitments');
    const forged = await v.referent.post(path, { ...commitment(), csrf_token: 'faux' });
    assert.equal(forged.status, 403);
    assert.equal(count('commitments'), rows);
  });

  let commitmentId;

  test('the person reads and accepts their commitment from their space', async () => {
    const created = await v.referent.post(`/personnes/${lea}/engagements`, commitment(), { formPage: `/personnes/${lea}/engagements/nouveau` });
    assert.equal(created.status, 303, created.text.slice(0, 300));
    commitmentId = Number(/\/engagements\/(\d+)/.exec(created.location)[1]);
    assert.equal(count('journal', `kind = 'commitment.proposed' AND person_id = ${lea}`), 1);
    const home = decode((await person.request('/mon-espace')).text);
    assert.match(home, /Un engagement vous attend/);
    assert.match(home, new RegExp(`href="/mon-espace/engagements/${commitmentId}"`));
    const read = decode((await person.request(`/mon-espace/engagements/${commitmentId}`)).text);
    assert.match(read, /Vos engagements : venir aux rendez-vous/);
    assert.match(read, /J’ai lu et j’accepte cet engagement/);
    // Someone else's commitment is not hers; staff accounts get nothing from the space.
    assert.equal((await person.request('/mon-espace/engagements/999999')).status, 404);
    const staff = await v.referent.request(`/mon-espace/engagements/${commitmentId}`);
    assert.equal(staff.status, 303);
    assert.match(staff.location, /^\/mon-espace\/connexion/);
    // Without ticking the box: refused, named, nothing written.
    const events = count('journal');
    const unticked = await person.post(`/mon-espace/engagements/${commitmentId}/accepter`, {}, { formPage: `/mon-espace/engagements/${commitmentId}` });
    assert.equal(unticked.status, 422);
    assert.match(unticked.text, /id="accept-error"/);
    assert.match(decode(unticked.text), /cochez la case/);
    assert.equal(count('journal'), events);
    const accepted = await person.post(`/mon-espace/engagements/${commitmentId}/accepter`, { accept: 'oui' }, { formPage: `/mon-espace/engagements/${commitmentId}` });
    assert.equal(accepted.status, 303);
    assert.equal(sql(`SELECT status || '|' || signature || '|' || (accepted_at > 0) FROM commitments WHERE id = ${commitmentId}`), 'signed|online|1');
    assert.equal(count('journal', `kind = 'commitment.accepted' AND person_id = ${lea} AND actor_id IS NULL`), 1);
    const mine = decode((await person.request('/mon-espace/engagements')).text);
    assert.match(mine, /Vous l’avez accepté le/);
    const carnet = decode((await person.request('/mon-espace/carnet')).text);
    assert.match(carnet, /Vous avez accepté votre CER/);
    // Her copy of her data holds the commitment as she read it, and when she accepted it.
    const data = JSON.parse((await person.request('/mon-espace/mes-donnees.json')).text);
    const cer = data.engagements_reciproques.find((c) => c.droits_et_devoirs.includes('venir aux rendez-vous'));
    assert.ok(cer, 'l’engagement dans la copie des données');
    assert.equal(cer.statut, 'Signé');
    assert.match(cer.accepte_en_ligne_le, /^\d{4}-\d\d-\d\dT/);
    const team = decode((await v.referent.request(`/engagements/${commitmentId}`)).text);
    assert.match(team, /Accepté par la personne dans son espace le/);
    assert.match(team, /Renouveler l’engagement/);
    const timeline = decode((await v.referent.request(`/personnes/${lea}`)).text);
    assert.match(timeline, /La personne a accepté son CER dans son espace/);
  });

  test('a paper signature, and what a signed commitment refuses', async () => {
    const created = await v.referent.post(`/personnes/${lea}/engagements`, commitment({ kind: 'other', other_label: 'Contrat de parcours renforcé' }),
      { formPage: `/personnes/${lea}/engagements/nouveau` });
    assert.equal(created.status, 303);
    const id = Number(/\/engagements\/(\d+)/.exec(created.location)[1]);
    const future = await v.referent.post(`/engagements/${id}/signature`, { signed_on: dayFromNow(3) }, { formPage: `/engagements/${id}` });
    assert.equal(future.status, 422);
    assert.match(future.text, /id="signed_on-error"/);
    assert.ok(future.text.includes(dayFromNow(3)));
    const signed = await v.referent.post(`/engagements/${id}/signature`, { signed_on: dayFromNow(0) }, { formPage: `/engagements/${id}` });
    assert.equal(signed.status, 303);
    assert.equal(sql(`SELECT status || '|' || signature FROM commitments WHERE id = ${id}`), 'signed|paper');
    const cancel = await v.referent.post(`/engagements/${id}/annuler`, {}, { formPage: `/engagements/${id}` });
    assert.equal(cancel.status, 409);
    assert.match(decode(cancel.text), /ne peut plus être annulé/);
    assert.equal((await v.orientation.request(`/engagements/${id}`)).status, 403);
  });

  const job = (overrides = {}) => ({
    kind: 'job', title: 'Vendeuse en boulangerie', contract: 'cdi', hours_per_week: '28', start_date: dayFromNow(-20),
    end_date: '', employer_name: 'Boulangerie Ducale', employer_siret: '732 829 320 00074', contact_name: 'M. Henry',
    contact_phone: '03 24 00 11 22', contact_email: 'contact@boulangerie.test', followup_until: '', ...overrides,
  });

  test('bad input on the outcome form, then a job and its follow-up', async () => {
    const path = `/personnes/${lea}/sorties`;
    const page = `/personnes/${lea}/sorties/nouvelle`;
    const t = { table: 'outcomes' };
    await rejects(v.referent, path, job({ contract: '' }), page, { ...t, field: 'contract', message: /Type de contrat : choisissez/ });
    await rejects(v.referent, path, job({ hours_per_week: '70' }), page, { ...t, field: 'hours_per_week', message: /Heures par semaine/, kept: '70' });
    await rejects(v.referent, path, job({ employer_name: '' }), page, { ...t, field: 'employer_name', message: /Employeur : indiquez le nom/ });
    await rejects(v.referent, path, job({ employer_siret: '732 829 320 00075' }), page, { ...t, field: 'employer_siret', message: /clé de contrôle/, kept: '732 829 320 00075' });
    await rejects(v.referent, path, job({ contact_email: 'henry@' }), page, { ...t, field: 'contact_email', message: /Courriel du contact/, kept: 'henry@' });
    const recorded = await v.referent.post(path, job(), { formPage: page });
    assert.equal(recorded.status, 303, decode(recorded.text).slice(0, 500));
    const id = Number(/\/sorties\/(\d+)/.exec(recorded.location)[1]);
    assert.equal(sql(`SELECT employer_siret FROM outcomes WHERE id = ${id}`), '73282932000074');
    const shown = decode((await v.referent.request(`/sorties/${id}`)).text);
    assert.match(shown, /Suivi dans l’emploi/);
    assert.match(shown, /En retard/);  // two weeks after a start twenty days ago
    const due = decode((await v.referent.request('/echeances')).text);
    assert.match(due, /Boulangerie Ducale/);
    assert.match(due, /En retard/);
    assert.equal((await v.admin.request('/echeances')).status, 403);
    // The organisation's admin: the structure's section, linked from the structure's page.
    const cd08 = sql("SELECT id FROM organisations WHERE name = 'Conseil départemental des Ardennes'");
    assert.match(decode((await v.orgAdmin.request(`/structures/${cd08}`)).text), new RegExp(`href="/echeances#echeances-structure-${cd08}"`));
    assert.match(decode((await v.orgAdmin.request('/echeances')).text), /Structure : Conseil départemental des Ardennes/);
    // A check-in: bad input kept and named, then recorded.
    await rejects(v.referent, `/sorties/${id}/points`, { date: dayFromNow(0), with_whom: 'employer', note: '' }, `/sorties/${id}`,
      { table: 'outcome_checkins', field: 'note', message: /Compte rendu/ });
    const checkin = await v.referent.post(`/sorties/${id}/points`,
      { date: dayFromNow(0), with_whom: 'employer', note: 'Le patron est content, horaires du matin.' }, { formPage: `/sorties/${id}` });
    assert.equal(checkin.status, 303);
    const after = decode((await v.referent.request(`/sorties/${id}`)).text);
    assert.match(after, /Le patron est content/);
    assert.doesNotMatch(after, /En retard/);
    assert.match(decode((await person.request('/mon-espace/carnet')).text), /a fait le point avec votre employeur le/);
    const data = JSON.parse((await person.request('/mon-espace/mes-donnees.json')).text);
    const found = data.sorties.find((o) => o.employeur === 'Boulangerie Ducale');
    assert.equal(found.contrat, 'CDI');
    assert.equal(found.points_de_suivi.length, 1);
    assert.equal(found.points_de_suivi[0].compte_rendu, undefined, 'les notes restent celles de l’équipe');
  });

  test('closure: bad input, read only, reopening', async () => {
    const page = `/personnes/${lea}/suivi`;
    await rejects(v.referent, `/personnes/${lea}/cloture`, { reason: 'other', detail: '' }, page,
      { table: 'journey_closures', field: 'detail', message: /Précisions : indiquez le motif/ });
    await rejects(v.referent, `/personnes/${lea}/cloture`, { reason: 'vacances', detail: 'Partie' }, page,
      { table: 'journey_closures', field: 'reason', message: /Motif de clôture : choisissez/, kept: 'Partie' });
    const closed = await v.referent.post(`/personnes/${lea}/cloture`, { reason: 'lasting_job', detail: '' }, { formPage: page });
    assert.equal(closed.status, 303);
    assert.equal(sql(`SELECT status || '|' || close_reason FROM journeys WHERE person_id = ${lea}`), 'closed|lasting_job');
    assert.equal(count('appointments', `person_id = ${lea} AND status = 'planned'`), 0);
    const frozen = decode((await v.referent.request(page)).text);
    assert.match(frozen, /Parcours clos le/);
    assert.doesNotMatch(frozen, /Proposer un engagement/);
    assert.match(frozen, /Rouvrir le parcours/);
    assert.equal((await v.referent.request(`/personnes/${lea}/engagements/nouveau`)).status, 403);
    assert.equal((await v.referent.post(`/personnes/${lea}/sorties`, job(), { formPage: page })).status, 403);
    const journey = decode((await v.referent.request(`/personnes/${lea}`)).text);
    assert.match(journey, /a clos le parcours \(motif : Emploi durable\)/);
    assert.match(decode((await person.request('/mon-espace/carnet')).text), /Votre parcours est terminé \(motif : Emploi durable\)/);
    await rejects(v.referent, `/personnes/${lea}/reouverture`, { reopen_reason: '' }, page,
      { table: 'journey_closures', field: 'reopen_reason', message: /Motif de la réouverture/ });
    const reopened = await v.referent.post(`/personnes/${lea}/reouverture`, { reopen_reason: 'Fin de la période d’essai.' }, { formPage: page });
    assert.equal(reopened.status, 303);
    assert.equal(sql(`SELECT status FROM journeys WHERE person_id = ${lea}`), 'accompanied');
    assert.match(decode((await v.referent.request(page)).text), /Rouvert le .* : Fin de la période d’essai\./);
  });
});

// Black-box tests of the plan d'actions pages against the real binary on a fresh SQLite database
// with the demo territory: who may reach what (the policy), forms with their CSRF token, bad input
// on every form (a French message naming the field, what was typed kept, nothing written —
// checked in the database), goals and actions with their transitions, the catalogue search for
// an action, points d'étape and the lists of late ones, the closure of the plan, the print view,
// and the person's space (their plan, a proposal, an action marked done; the référent mailed).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mails, startDemoServer } from '../support/server.mjs';
import { Visitor } from '../support/visitor.mjs';
import { attachAccessLog } from '../support/sqlite.mjs';

const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

describe('plan d’actions pages', () => {
  let server;
  let sql;
  const v = {};
  let lea;
  let leaJourney;
  let plan;

  before(async () => {
    server = await startDemoServer();
    const dbPath = server.dbUrl.replace(/^sqlite:/, '');
    sql = (query) => execFileSync('sqlite3', [...attachAccessLog(dbPath), dbPath, query], { encoding: 'utf8' }).trim();
    for (const [who, email] of [['referent', 'referent@demo.test'], ['orientation', 'orientation@demo.test'],
      ['admin', 'admin@demo.test'], ['orgAdmin', 'structure@demo.test'], ['manager', 'territoire@demo.test']]) {
      v[who] = await new Visitor(server.url).login(email);
    }
    lea = Number(sql("SELECT id FROM persons WHERE email = 'personne@demo.test'"));
    leaJourney = Number(sql(`SELECT id FROM journeys WHERE person_id = ${lea} AND status <> 'closed'`));
    plan = `/personnes/${lea}/plan`;
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const count = (table, where = '1 = 1') => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));

  // Signs the person in through the magic link mailed to them.
  async function signIn(email) {
    const person = new Visitor(server.url);
    const already = mails(server.dir).filter((m) => m.text.includes(`To: ${email}`)).length;
    assert.equal((await person.post('/mon-espace/connexion', { email })).status, 200);
    let link;
    for (const deadline = Date.now() + 20_000; !link && Date.now() < deadline;) {
      const found = mails(server.dir).filter((m) => m.text.includes(`To: ${email}`));
      if (found.length > already) link = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(found.at(-1).text)?.[0];
      else await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(link, 'a sign-in link');
    assert.equal((await person.post(link, {})).status, 303);
    return person;
  }

  test('the demo plan shows on the journey page and on the plan page, each read logged', async () => {
    const logged = () => count('access_log', `part = 'plan' AND person_id = ${lea}`);
    const before = logged();
    const journey = decode((await v.referent.request(`/personnes/${lea}`)).text);
    assert.match(journey, /<h2 id="plan">Plan d’actions<\/h2>/);
    assert.match(journey, /Trouver un emploi de vendeuse en boulangerie/);
    assert.match(journey, /Construire le plan d’actions/);
    assert.equal(logged(), before + 1);
    const page = await v.referent.request(plan);
    assert.equal(page.status, 200);
    const text = decode(page.text);
    assert.match(text, /<h1>Plan d’actions de Léa Bréhier-Garnier<\/h1>/);
    assert.match(text, /Proposé par la personne/);
    assert.match(text, /Passer le CAP boulanger/);
    assert.match(text, /Valider l’objectif/);
    assert.match(text, /Répond au frein « Mobilité » relevé au diagnostic/);
    assert.match(text, /Point d’étape du/);
    assert.doesNotMatch(text, /Le travail ou l’activité d’abord/);
    assert.equal(logged(), before + 2);
    // Léa's carnet de bord tells the plan in French.
    assert.match(journey, /a ajouté au plan d’actions un objectif « Trouver un emploi »/);
    assert.match(journey, /La personne : a proposé un objectif « Se former » pour son plan d’actions/);
  });

  test('outside the team: nothing; visitors go to the login page', async () => {
    const anonymous = await new Visitor(server.url).request(plan);
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.location, /^\/connexion/);
    for (const who of ['admin', 'orientation', 'manager', 'orgAdmin']) {
      assert.equal((await v[who].request(plan)).status, 403, who);
      assert.equal((await v[who].request(`${plan}/imprimer`)).status, 403, who);
      assert.equal((await v[who].request(`${plan}/objectifs/nouveau`)).status, 403, who);
    }
    const journey = decode((await v.manager.request(`/personnes/${lea}`)).text);
    assert.doesNotMatch(journey, /id="plan"/);
    const goals = count('plan_goals');
    const refused = await v.orientation.post(`${plan}/objectifs/nouveau`,
      { thematique: 'sante', title: 'Un objectif' }, { formPage: '/' });
    assert.equal(refused.status, 403);
    assert.equal(count('plan_goals'), goals);
  });

  test('forms need the CSRF token', async () => {
    const goals = count('plan_goals');
    const res = await v.referent.request(`${plan}/objectifs/nouveau`, {
      method: 'POST', form: { thematique: 'sante', title: 'Sans jeton' },
    });
    assert.equal(res.status, 403);
    assert.equal(count('plan_goals'), goals);
    const close = await v.referent.request(`${plan}/cloture`, { method: 'POST', form: { reason: 'Sans jeton' } });
    assert.equal(close.status, 403);
    assert.equal(sql(`SELECT status FROM plans WHERE journey_id = ${leaJourney}`), 'open');
  });

  test('a goal: bad input named in French, kept, nothing written; then added and journaled', async () => {
    const form = `${plan}/objectifs/nouveau`;
    const goals = count('plan_goals');
    const events = count('journal');
    const cases = [
      [{ thematique: 'cuisine', title: 'Cuisiner' }, 'thematique', /Thématique : choisissez la thématique de l’objectif\./],
      [{ thematique: 'sante', title: 'ab' }, 'title', /Objectif : entre 3 et 200 caractères\./],
      [{ thematique: 'sante', title: 'Prendre soin de soi', target_date: '31/02/2027' }, 'target_date', /Date visée : indiquez une date valide/],
      [{ thematique: 'sante', title: 'Prendre soin de soi', carrier: '999999' }, 'carrier', /Porté par : choisissez la personne ou un membre de l’équipe\./],
      [{ thematique: 'sante', title: 'Prendre soin de soi', obstacle: 'astrologie' }, 'obstacle', /Frein du diagnostic : choisissez un frein de la liste/],
    ];
    for (const [fields, field, message] of cases) {
      const res = await v.referent.post(form, fields);
      assert.equal(res.status, 422, field);
      const text = decode(res.text);
      assert.match(text, new RegExp(`id="${field}-error"`), field);
      assert.match(text, message, field);
      assert.ok(text.includes(`value="${fields.title}"`), `${field}: the title typed is kept`);
    }
    assert.equal(count('plan_goals'), goals);
    assert.equal(count('journal'), events);
    const added = await v.referent.post(form, {
      thematique: 'sante', title: 'Prendre rendez-vous chez le dentiste', target_date: '2030-01-15', carrier: 'person', obstacle: 'sante',
    });
    assert.equal(added.status, 303);
    const id = Number(sql("SELECT id FROM plan_goals WHERE title = 'Prendre rendez-vous chez le dentiste'"));
    assert.equal(added.location, `${plan}#objectif-${id}`);
    assert.equal(sql(`SELECT status || '|' || carried_by_person || '|' || target_date FROM plan_goals WHERE id = ${id}`), 'active|1|2030-01-15');
    assert.equal(count('journal', `kind = 'plan.goal_added' AND person_id = ${lea}`), 3);
    // Edited, then closed: a reason is needed unless reached.
    const edit = await v.referent.post(`${plan}/objectifs/${id}/modifier`, { thematique: 'sante', title: 'Soigner mes dents', carrier: 'person' });
    assert.equal(edit.status, 303);
    assert.equal(sql(`SELECT title FROM plan_goals WHERE id = ${id}`), 'Soigner mes dents');
    const closePage = `${plan}/objectifs/${id}/cloture`;
    const noReason = await v.referent.post(closePage, { status: 'abandoned', reason: '' });
    assert.equal(noReason.status, 422);
    assert.match(decode(noReason.text), /id="reason-error"[^>]*>Raison : à renseigner\./);
    const badIssue = await v.referent.post(closePage, { status: 'perdu', reason: 'Pourquoi pas' });
    assert.equal(badIssue.status, 422);
    assert.match(decode(badIssue.text), /id="status-error"/);
    assert.ok(badIssue.text.includes('Pourquoi pas'));
    assert.equal(sql(`SELECT status FROM plan_goals WHERE id = ${id}`), 'active');
    assert.equal((await v.referent.post(closePage, { status: 'reached', reason: '' })).status, 303);
    assert.equal(sql(`SELECT status FROM plan_goals WHERE id = ${id}`), 'reached');
    // Reopened from the plan page.
    assert.equal((await v.referent.post(`${plan}/objectifs/${id}/rouvrir`, {}, { formPage: plan })).status, 303);
    assert.equal(sql(`SELECT status FROM plan_goals WHERE id = ${id}`), 'active');
  });

  test('actions: a catalogue service through the search or a free one; transitions refused in French', async () => {
    const goal = Number(sql(`SELECT id FROM plan_goals WHERE journey_id = ${leaJourney} AND thematique = 'trouver-un-emploi'`));
    const search = decode((await v.referent.request(`${plan}/actions/nouvelle?objectif=${goal}&q=garde`)).text);
    assert.match(search, /Services trouvés pour « garde »/);
    const service = /id="service-(\d+)" name="service_id" value="\1"/.exec(search);
    assert.ok(service, 'a service found');
    const actions = count('plan_actions');
    const events = count('journal');
    const form = `${plan}/actions/nouvelle`;
    const bad = [
      [{ goal: String(goal), service_id: '', title: '' }, 'title', /Action : à renseigner\./],
      [{ goal: '999999', title: 'Une action' }, 'goal', /Objectif : choisissez un objectif du plan/],
      [{ goal: String(goal), service_id: '999999' }, 'service_id', /Service : choisissez un service publié du catalogue/],
      [{ goal: String(goal), title: 'Visiter le salon de l’emploi', start_date: '2030-05-02', due_date: '2030-05-01' }, 'due_date', /Échéance : elle ne peut pas précéder le début\./],
      [{ goal: String(goal), title: 'Visiter le salon de l’emploi', responsible: 'quelqu’un' }, 'responsible', /Responsable : choisissez la personne ou un membre/],
    ];
    for (const [fields, field, message] of bad) {
      const res = await v.referent.post(form, fields);
      assert.equal(res.status, 422, field);
      const text = decode(res.text);
      assert.match(text, new RegExp(`id="${field}-error"`), field);
      assert.match(text, message, field);
      if (fields.title) assert.ok(text.includes(`value="${fields.title}"`), `${field}: the title typed is kept`);
    }
    assert.equal(count('plan_actions'), actions);
    assert.equal(count('journal'), events);
    const withService = await v.referent.post(form, { goal: String(goal), service_id: service[1], responsible: 'person' });
    assert.equal(withService.status, 303);
    const free = await v.referent.post(form, { goal: '', title: 'Visiter le salon de l’emploi', start_date: '2030-05-01', due_date: '2030-05-02' });
    assert.equal(free.status, 303);
    assert.equal(free.location, `${plan}#autres-actions`);
    const id = Number(sql("SELECT id FROM plan_actions WHERE title = 'Visiter le salon de l’emploi'"));
    const page = decode((await v.referent.request(plan)).text);
    assert.match(page, /<h3 class="fr-h5 fr-mb-1w" id="autres-actions-titre">Autres actions<\/h3>/);
    // planned → done, then done → in progress is refused with a French message (409), nothing changes.
    const status = `${plan}/actions/${id}/statut`;
    assert.equal((await v.referent.post(status, { status: 'done' }, { formPage: plan })).status, 303);
    const refused = await v.referent.post(status, { status: 'in_progress' }, { formPage: plan });
    assert.equal(refused.status, 409);
    assert.match(decode(refused.text), /Une action « Réalisée » ne peut pas passer à « En cours » : remettez-la d’abord « Prévue »\./);
    assert.equal(sql(`SELECT status FROM plan_actions WHERE id = ${id}`), 'done');
    const unknown = await v.referent.post(status, { status: 'finie' }, { formPage: plan });
    assert.equal(unknown.status, 422);
    assert.equal((await v.referent.post(status, { status: 'planned' }, { formPage: plan })).status, 303);
    // Moved under the goal by editing it.
    const edit = await v.referent.post(`${plan}/actions/${id}/modifier`, { goal: String(goal), title: 'Salon de l’emploi de Charleville' });
    assert.equal(edit.status, 303);
    assert.equal(sql(`SELECT goal_id || '|' || title FROM plan_actions WHERE id = ${id}`), `${goal}|Salon de l’emploi de Charleville`);
    // An action of another journey is not found through this person.
    const other = Number(sql(`SELECT id FROM plan_actions WHERE journey_id <> ${leaJourney} LIMIT 1`));
    assert.equal((await v.referent.post(`${plan}/actions/${other}/statut`, { status: 'done' }, { formPage: plan })).status, 404);
  });

  test('the person sees their plan, proposes a goal and marks their own action done', async () => {
    const person = await signIn('personne@demo.test');
    const home = decode((await person.request('/mon-espace')).text);
    assert.match(home, /Mon plan d’actions/);
    const mine = decode((await person.request('/mon-espace/plan')).text);
    assert.match(mine, /<h1>Mon plan d’actions<\/h1>/);
    assert.match(mine, /Envoyer trois candidatures spontanées/);
    assert.match(mine, /Passer le CAP boulanger/);
    assert.ok(count('access_log', `part = 'plan' AND person_id = ${lea} AND purpose = 'mon-espace'`) >= 1, 'the person\'s own read is logged');
    // Staff pages are not for the person.
    assert.equal((await person.request(plan)).status, 302);
    // A proposal: bad input named and kept, nothing written.
    const goals = count('plan_goals');
    const bad = await person.post('/mon-espace/plan/proposer', { thematique: 'se-former', title: 'x' });
    assert.equal(bad.status, 422);
    assert.match(decode(bad.text), /id="title-error"/);
    assert.equal(count('plan_goals'), goals);
    // The demo's référente already had mails of proposals (Léa's and Nicolas's, seed-demo).
    const mailed = count('outbox', "to_address = 'referent@demo.test' AND subject LIKE 'Objectif proposé%'");
    const sent = await person.post('/mon-espace/plan/proposer', { thematique: 'choisir-un-metier', title: 'Découvrir le métier de pâtissière' });
    assert.equal(sent.status, 303);
    assert.equal(sql("SELECT status FROM plan_goals WHERE title = 'Découvrir le métier de pâtissière'"), 'proposed');
    assert.equal(count('outbox', "to_address = 'referent@demo.test' AND subject LIKE 'Objectif proposé%'"), mailed + 1);
    // Marking done: their own action yes, a professional's no.
    const own = Number(sql("SELECT id FROM plan_actions WHERE title = 'Regarder les horaires du bus de 6 h'"));
    const theirs = Number(sql("SELECT id FROM plan_actions WHERE title = 'Préparer l’entretien avec une simulation'"));
    assert.match(mine, new RegExp(`action="/mon-espace/plan/actions/${own}/realisee"`));
    assert.doesNotMatch(mine, new RegExp(`action="/mon-espace/plan/actions/${theirs}/realisee"`));
    const done = await person.post(`/mon-espace/plan/actions/${own}/realisee`, {}, { formPage: '/mon-espace/plan' });
    assert.equal(done.status, 303);
    assert.equal(sql(`SELECT status FROM plan_actions WHERE id = ${own}`), 'done');
    assert.equal(count('journal', `kind = 'plan.action_updated' AND person_id = ${lea} AND actor_id IS NULL`), 1);
    assert.equal(count('outbox', "to_address = 'referent@demo.test' AND subject LIKE 'Action réalisée%'"), 1);
    const refused = await person.post(`/mon-espace/plan/actions/${theirs}/realisee`, {}, { formPage: '/mon-espace/plan' });
    assert.equal(refused.status, 303);
    assert.equal(sql(`SELECT status FROM plan_actions WHERE id = ${theirs}`), 'planned');
    const other = Number(sql(`SELECT id FROM plan_actions WHERE journey_id <> ${leaJourney} LIMIT 1`));
    assert.equal((await person.post(`/mon-espace/plan/actions/${other}/realisee`, {}, { formPage: '/mon-espace/plan' })).status, 404);
    // The référent validates the proposal.
    const proposal = Number(sql("SELECT id FROM plan_goals WHERE title = 'Découvrir le métier de pâtissière'"));
    assert.equal((await v.referent.post(`${plan}/objectifs/${proposal}/valider`, {}, { formPage: plan })).status, 303);
    assert.equal(sql(`SELECT status FROM plan_goals WHERE id = ${proposal}`), 'active');
    // The print view, for the person.
    const print = await person.request('/mon-espace/plan/imprimer');
    assert.equal(print.status, 200);
    assert.match(print.text, /<link rel="stylesheet" href="\/static\/plan-print\.[0-9a-f]{12}\.css" media="print">/);
  });

  test('points d’étape: bad input, recorded, and the late ones listed', async () => {
    const reviews = count('plan_reviews');
    const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    for (const [fields, field] of [
      [{ review_date: tomorrow, summary: 'Un point' }, 'review_date'],
      [{ review_date: '2026-01-10', summary: 'ok' }, 'summary'],
      [{ review_date: '2026-01-10', summary: 'Un point', next_review_date: '2026-01-01' }, 'next_review_date'],
    ]) {
      const res = await v.referent.post(`${plan}/point-etape`, fields);
      assert.equal(res.status, 422, field);
      assert.match(res.text, new RegExp(`id="${field}-error"`));
      assert.ok(decode(res.text).includes(fields.summary), 'the summary typed is kept');
    }
    assert.equal(count('plan_reviews'), reviews);
    // The demo's late journey is in the référent's list on /personnes.
    const people = decode((await v.referent.request('/personnes')).text);
    assert.match(people, /Points d’étape en retard \(\d+\)/);
    const late = sql("SELECT journey_id FROM plans WHERE status = 'open' AND next_review_date < date('now') LIMIT 1");
    const latePerson = sql(`SELECT person_id FROM journeys WHERE id = ${late}`);
    assert.match(people, new RegExp(`href="/personnes/${latePerson}/plan"`));
    const latePage = decode((await v.referent.request(`/personnes/${latePerson}/plan`)).text);
    assert.match(latePage, /n’a pas encore eu lieu/);
    // Recording the review takes it off the list.
    const recorded = await v.referent.post(`/personnes/${latePerson}/plan/point-etape`, {
      review_date: new Date().toISOString().slice(0, 10), summary: 'Immersion réussie ; recherche de stage.', person_attended: '1',
    });
    assert.equal(recorded.status, 303);
    assert.doesNotMatch(decode((await v.referent.request('/personnes')).text), new RegExp(`href="/personnes/${latePerson}/plan"`));
    // The organisation's list, for its admins only.
    const cd08 = sql("SELECT id FROM organisations WHERE name = 'Conseil départemental des Ardennes'");
    assert.match(decode((await v.orgAdmin.request(`/structures/${cd08}`)).text), /Points d’étape en retard des personnes suivies/);
    const ml = sql("SELECT organisation_id FROM journey_members m JOIN users u ON u.id = m.user_id WHERE u.email = 'referent@demo.test' LIMIT 1");
    assert.doesNotMatch(decode((await v.referent.request(`/structures/${ml}`)).text), /Points d’étape en retard des personnes suivies/);
    // The next review date, set by the référent; not in the past.
    const past = await v.referent.post(`${plan}/prochain-point`, { next_review_date: '2020-01-01' }, { formPage: plan });
    assert.equal(past.status, 422);
    assert.match(decode(past.text), /Prochain point d’étape : la date ne peut pas être passée\./);
    assert.equal((await v.referent.post(`${plan}/prochain-point`, { next_review_date: '2031-03-01' }, { formPage: plan })).status, 303);
    assert.equal(sql(`SELECT next_review_date FROM plans WHERE journey_id = ${leaJourney}`), '2031-03-01');
  });

  test('the whole plan closed with a reason and reopened; the print view', async () => {
    const noReason = await v.referent.post(`${plan}/cloture`, { reason: ' ' }, { formPage: plan });
    assert.equal(noReason.status, 422);
    assert.match(decode(noReason.text), /id="reason-error"[^>]*>Raison de la clôture : à renseigner\./);
    assert.equal(sql(`SELECT status FROM plans WHERE journey_id = ${leaJourney}`), 'open');
    assert.equal((await v.referent.post(`${plan}/cloture`, { reason: 'Déménagement dans la Marne' }, { formPage: plan })).status, 303);
    const closed = decode((await v.referent.request(plan)).text);
    assert.match(closed, /Le plan d’actions est clos depuis le .*Raison : Déménagement dans la Marne/);
    assert.doesNotMatch(closed, /Ajouter un objectif/);
    const refused = await v.referent.post(`${plan}/objectifs/nouveau`, { thematique: 'sante', title: 'Un objectif de plus' }, { formPage: plan });
    assert.equal(refused.status, 409);
    assert.match(decode(refused.text), /Le plan d’actions est clos : rouvrez-le avant de le modifier\./);
    assert.equal((await v.referent.post(`${plan}/reouverture`, {}, { formPage: plan })).status, 303);
    assert.equal(sql(`SELECT status FROM plans WHERE journey_id = ${leaJourney}`), 'open');
    assert.equal(count('journal', `kind IN ('plan.closed', 'plan.reopened') AND person_id = ${lea}`), 2);
    const print = await v.referent.request(`${plan}/imprimer`);
    assert.equal(print.status, 200);
    const text = decode(print.text);
    assert.match(text, /<h1>Plan d’actions de Léa Bréhier-Garnier<\/h1>/);
    assert.match(text, /media="print"/);
    assert.doesNotMatch(text, /<form method="post" action="\/personnes/);
  });

  test('a plan with no professional goal shows the gentle notice', async () => {
    const housing = Number(sql("SELECT j.person_id FROM plan_goals g JOIN journeys j ON j.id = g.journey_id WHERE g.thematique = 'logement-hebergement' LIMIT 1"));
    const text = decode((await v.referent.request(`/personnes/${housing}/plan`)).text);
    assert.match(text, /Le travail ou l’activité d’abord/);
    assert.match(decode((await v.referent.request(`/personnes/${housing}`)).text), /Le travail ou l’activité d’abord/);
  });
});

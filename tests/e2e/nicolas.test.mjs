// End to end in Chromium, the journey of Nicolas Perrin (seed-demo) with his référente, the demo's
// referent@demo.test: she adds a goal to his plan with an action for him, books an appointment and
// its reminder reaches the outbox (with its .ics); Nicolas, on his phone, signs in with the emailed
// link, says he cannot come to another appointment, proposes a goal of his own, marks his action
// done and accepts the renewal of his CER, with the keyboard; she validates his goal, records the
// lasting job he found (one
// mistake first: a SIRET whose key is wrong, named and kept), a check-in with the employer, then
// closes the journey ("emploi durable") — read only from then on, and told to Nicolas in his
// carnet de bord. axe-core (WCAG 2.1 A/AA) must report zero violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { login, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { mails, startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

const dayFromNow = (days) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

async function waitFor(check, what, timeout = 30_000) {
  for (const deadline = Date.now() + timeout; Date.now() < deadline;) {
    const value = check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what} : toujours rien après ${timeout / 1000} s`);
}

test('Nicolas and his référente, from the plan to the closure of the journey', async () => {
  const server = await startDemoServer();
  const sql = sqliteQuery(server);
  const nicolas = sql("SELECT id FROM persons WHERE email = 'nicolas@demo.test'");
  assert.ok(nicolas, 'Nicolas est dans la démonstration');
  try {
    await withBrowser(async (page, _context, browser) => {
      await login(page, server.url, 'referent@demo.test', 'parcours-demo-2026');
      await visit(page, `${server.url}/personnes/${nicolas}`);
      await page.getByRole('heading', { name: 'Engagements et suivi dans l’emploi' }).waitFor();
      await visit(page, `${server.url}/echeances`);

      // The plan, built together: a goal by the référente, with an action Nicolas carries.
      await visit(page, `${server.url}/personnes/${nicolas}/plan`);
      await Promise.all([page.waitForURL(/\/objectifs\/nouveau$/), page.getByRole('link', { name: 'Ajouter un objectif' }).click()]);
      await visit(page);
      await page.getByLabel('Thématique').selectOption('trouver-un-emploi');
      await page.getByLabel(/^Objectif/).fill('Décrocher un CDI dans le paysage');
      await page.getByLabel('Porté par').selectOption({ label: 'La personne elle-même' });
      await Promise.all([page.waitForURL(/\/plan#objectif-\d+$/), page.getByRole('button', { name: 'Ajouter l’objectif' }).click()]);
      await page.getByText('L’objectif est ajouté au plan d’actions.').waitFor();
      await visit(page);
      await Promise.all([page.waitForURL(/\/actions\/nouvelle/),
        page.getByRole('link', { name: 'Ajouter une action à l’objectif « Décrocher un CDI dans le paysage »' }).click()]);
      await visit(page);
      await page.getByLabel(/^Action libre/).fill('Envoyer trois candidatures spontanées');
      await page.getByLabel(/^Qui s’en occupe/).selectOption({ label: 'La personne elle-même' });
      await Promise.all([page.waitForURL(/\/plan#objectif-\d+$/), page.getByRole('button', { name: 'Ajouter l’action' }).click()]);
      await page.getByRole('cell', { name: 'Envoyer trois candidatures spontanées', exact: true }).waitFor();
      await visit(page);

      // An appointment tomorrow; its reminder goes out with the next sweep of the reminders.
      await visit(page, `${server.url}/personnes/${nicolas}`);
      await page.getByLabel(/^Date/).first().fill(dayFromNow(1));
      await page.getByLabel(/^Heure/).fill('10:00');
      await page.locator('label[for="place-kind-address"]').click();
      await page.getByLabel(/^Lieu/).fill('Mission locale, 18 avenue Jean Jaurès, Charleville-Mézières');
      await page.getByLabel(/^Objet/).fill('Signer le contrat de travail ensemble');
      await Promise.all([page.waitForURL(/\/personnes\/\d+/), page.getByRole('button', { name: 'Fixer le rendez-vous' }).click()]);
      await page.getByText('Le rendez-vous est fixé').waitFor();
      await visit(page);
      const booked = sql("SELECT id FROM appointments WHERE purpose = 'Signer le contrat de travail ensemble'");
      // Booked "three days ago", so that its D-2 reminder (yesterday 08:00) is due now; the sweep
      // job is brought forward instead of waiting up to a quarter of an hour.
      sql(`UPDATE appointments SET created_at = created_at - 3 * 86400 WHERE id = ${booked}`);
      sql("UPDATE jobs SET run_at = 0 WHERE kind = 'appointments.sweep' AND status = 'queued'");
      await waitFor(() => Number(sql(`SELECT COUNT(*) FROM appointment_reminders WHERE appointment_id = ${booked} AND kind = 'd2' AND outbox_id IS NOT NULL`)),
        'le rappel J-2');
      const reminder = sql("SELECT subject || '|' || attachment_name FROM outbox WHERE to_address = 'nicolas@demo.test' AND subject LIKE 'Rappel : rendez-vous le %'");
      assert.match(reminder, /^Rappel : rendez-vous le .*\|rendez-vous\.ics$/);

      // The renewal of his CER, proposed by the référente (one mistake first).
      const cer = sql(`SELECT id FROM commitments WHERE person_id = ${nicolas} AND status = 'signed'`);
      await visit(page, `${server.url}/engagements/${cer}`);
      await Promise.all([page.waitForURL(/\/renouveler$/), page.getByRole('link', { name: 'Renouveler l’engagement' }).click()]);
      await visit(page);
      await page.getByLabel(/^Date de fin/).fill(dayFromNow(-400));
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Proposer l’engagement à la personne' }).click()]);
      await page.getByText('L’engagement n’est pas enregistré').waitFor();
      assert.match(await page.locator('#end_date-error').innerText(), /après la date de début/);
      await visit(page);
      await page.getByLabel(/^Date de fin/).fill(dayFromNow(200));
      await Promise.all([page.waitForURL(/\/engagements\/\d+$/), page.getByRole('button', { name: 'Proposer l’engagement à la personne' }).click()]);
      await page.getByText('Le nouvel engagement est proposé').waitFor();
      await visit(page);

      // Nicolas, on his phone, signs in with the link of the mail.
      const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
      phone.setDefaultTimeout(30000);
      const person = await phone.newPage();
      const already = mails(server.dir).filter((m) => m.text.includes('To: nicolas@demo.test')).length;
      await visit(person, `${server.url}/mon-espace/connexion`);
      await person.locator('#email').fill('nicolas@demo.test');
      await Promise.all([person.waitForLoadState('load'), person.locator('#email').press('Enter')]);
      const link = await waitFor(() => {
        const found = mails(server.dir).filter((m) => m.text.includes('To: nicolas@demo.test'));
        return found.length > already && /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(found.at(-1).text)?.[0];
      }, 'le lien de connexion');
      await visit(person, `${server.url}${link}`);
      await Promise.all([person.waitForURL(`${server.url}/mon-espace`), person.getByRole('button', { name: 'Ouvrir mon espace' }).click()]);
      await person.getByRole('heading', { name: 'Un engagement vous attend' }).waitFor();
      await visit(person);

      // He cannot come to the video call: he says so from his space.
      await Promise.all([person.waitForURL(`${server.url}/mon-espace/rendez-vous`), person.getByRole('link', { name: 'Tous mes rendez-vous' }).click()]);
      await visit(person);
      await tabTo(person, (f) => f.text.startsWith('Je ne pourrai pas venir') && f.text.includes('17:00'), 'le lien « Je ne pourrai pas venir »');
      await Promise.all([person.waitForURL(/\/excuser$/), person.keyboard.press('Enter')]);
      await visit(person);
      await person.getByLabel(/^Un mot pour votre conseiller/).fill('Je commence au travail à 16 h ce jour-là.');
      await Promise.all([person.waitForURL(`${server.url}/mon-espace/rendez-vous`), person.getByRole('button', { name: 'Prévenir que je ne viendrai pas' }).click()]);
      await person.getByText('votre conseiller est prévenu').waitFor();
      await visit(person);

      // He proposes a goal of his own, and marks his action done with the keyboard.
      await visit(person, `${server.url}/mon-espace/plan`);
      await Promise.all([person.waitForURL(/\/mon-espace\/plan\/proposer/), person.getByRole('link', { name: 'Proposer un objectif' }).click()]);
      await visit(person);
      await person.getByLabel('C’est à propos de').selectOption('mobilite');
      await person.getByLabel(/^Mon objectif/).fill('Acheter une voiture d’occasion après le permis');
      await Promise.all([person.waitForURL(`${server.url}/mon-espace/plan`), person.getByRole('button', { name: 'Envoyer ma proposition' }).click()]);
      await person.getByText('votre proposition est envoyée').waitFor();
      await visit(person);
      await tabTo(person, (f) => f.text === 'J’ai fait cette action : « Envoyer trois candidatures spontanées »', 'le bouton « J’ai fait cette action »');
      await Promise.all([person.waitForURL(`${server.url}/mon-espace/plan`), person.keyboard.press('Enter')]);
      await person.getByText('L’action est notée comme réalisée').waitFor();
      await visit(person);
      assert.equal(sql(`SELECT a.status FROM plan_actions a JOIN journeys j ON j.id = a.journey_id WHERE j.person_id = ${nicolas} AND a.title = 'Envoyer trois candidatures spontanées'`), 'done');

      // He reads the new CER and accepts it, with the keyboard: the box is required.
      await visit(person, `${server.url}/mon-espace`);
      await Promise.all([person.waitForURL(/\/mon-espace\/engagements\/\d+$/), person.getByRole('link', { name: 'Lire l’engagement' }).click()]);
      await person.getByRole('heading', { name: 'Vos droits et vos engagements' }).waitFor();
      await visit(person);
      await tabTo(person, (f) => f.text === 'Accepter l’engagement', 'le bouton « Accepter l’engagement »');
      await Promise.all([person.waitForLoadState('load'), person.keyboard.press('Enter')]);
      await person.getByText('Votre accord n’est pas enregistré').first().waitFor();
      await visit(person);
      await tabTo(person, (f) => f.id === 'accept-oui', 'la case « J’ai lu et j’accepte »');
      await person.keyboard.press('Space');
      await tabTo(person, (f) => f.text === 'Accepter l’engagement', 'le bouton « Accepter l’engagement »');
      await Promise.all([person.waitForLoadState('load'), person.keyboard.press('Enter')]);
      await person.getByText('votre accord est enregistré').waitFor();
      await person.getByText(/Vous l’avez accepté le/).waitFor();
      await visit(person);
      assert.equal(sql(`SELECT COUNT(*) FROM commitments WHERE person_id = ${nicolas} AND status = 'signed' AND signature = 'online' AND replaces_id = ${cer}`), '1');

      // The référente validates his goal.
      await visit(page, `${server.url}/personnes/${nicolas}/plan`);
      await Promise.all([page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Valider l’objectif « Acheter une voiture d’occasion après le permis »' }).click()]);
      await page.getByText('L’objectif proposé par la personne est validé.').waitFor();
      await visit(page);
      assert.equal(sql("SELECT status FROM plan_goals WHERE title = 'Acheter une voiture d’occasion après le permis'"), 'active');

      // The référente records the lasting job he found: a CDI, the SIRET mistyped first.
      await visit(page, `${server.url}/personnes/${nicolas}/suivi`);
      await Promise.all([page.waitForURL(/\/sorties\/nouvelle$/), page.getByRole('link', { name: 'Enregistrer une sortie' }).click()]);
      await visit(page);
      await page.locator('label[for="kind-job"]').click();
      await page.getByLabel(/^Intitulé/).fill('Jardinier paysagiste');
      await page.getByLabel(/^Type de contrat/).selectOption('cdi');
      await page.getByLabel(/^Heures par semaine/).fill('35');
      await page.getByLabel(/^Date de début/).fill(dayFromNow(-3));
      await page.getByLabel(/^Employeur ou organisme/).fill('Paysages des Ardennes');
      await page.getByLabel(/^SIRET/).fill('732 829 320 00075');
      await page.getByLabel(/^Nom du contact/).fill('Mme Lemaire');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer la sortie' }).click()]);
      await page.getByText('La sortie n’est pas enregistrée').waitFor();
      assert.match(await page.locator('#employer_siret-error').innerText(), /clé de contrôle/);
      assert.equal(await page.getByLabel(/^Employeur ou organisme/).inputValue(), 'Paysages des Ardennes');
      assert.equal(await page.getByLabel(/^SIRET/).inputValue(), '732 829 320 00075');
      await visit(page);
      await page.getByLabel(/^SIRET/).fill('732 829 320 00074');
      await Promise.all([page.waitForURL(/\/sorties\/\d+$/), page.getByRole('button', { name: 'Enregistrer la sortie' }).click()]);
      await page.getByText('le suivi dans l’emploi commence').waitFor();
      await visit(page);

      // A check-in with the employer, typed with the keyboard.
      // A radio group is one stop of the Tab key; the arrows choose within it.
      await tabTo(page, (f) => f.id === 'with-person', 'le choix « Avec qui ? »');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.locator('#with-employer').isChecked(), true);
      await page.getByLabel(/^Compte rendu/).fill('Mme Lemaire est ravie : autonome dès la première semaine.');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer le point' }).click()]);
      await page.getByText('Le point de suivi est enregistré').waitFor();
      await page.getByText('Mme Lemaire est ravie').waitFor();
      await visit(page);

      // The closure of the journey: a lasting job.
      await visit(page, `${server.url}/personnes/${nicolas}/suivi`);
      await page.locator('label[for="reason-lasting_job"]').click();
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Clore le parcours' }).click()]);
      await page.getByText('Le parcours est clos').first().waitFor();
      await page.getByRole('button', { name: 'Rouvrir le parcours' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Enregistrer une sortie' }).count(), 0);
      await visit(page);
      await visit(page, `${server.url}/personnes/${nicolas}`);
      await page.getByText(/a clos le parcours \(motif : Emploi durable\)/).waitFor();
      assert.equal(sql(`SELECT status || '|' || close_reason FROM journeys WHERE person_id = ${nicolas}`), 'closed|lasting_job');
      // His appointments still to come were cancelled with the journey.
      assert.equal(sql(`SELECT status FROM appointments WHERE id = ${booked}`), 'revoked');

      // Nicolas reads it in his carnet de bord.
      await visit(person, `${server.url}/mon-espace/carnet`);
      await person.getByText('Votre parcours est terminé (motif : Emploi durable)').waitFor();
      await visit(person, `${server.url}/mon-espace/engagements`);
      await phone.close();
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

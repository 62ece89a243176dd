// End to end in Chromium: the demo référente builds Léa's plan d'actions from her journey page —
// a goal (one mistake first: the error names the field and keeps what was typed), an action found
// through the catalogue search or written freely, a status changed with the keyboard, Léa's
// proposal validated, a point d'étape — and prints it; Léa signs in to her space with the emailed
// link, proposes a goal and says, with the keyboard, that she did her action; the référente finds
// the late points d'étape in her list. axe-core (WCAG 2.1 A/AA) must report zero violations on
// every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { login, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { mails, startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

const click = (page, locator) => Promise.all([page.waitForLoadState('load'), locator.click()]);

test('a référente builds a plan with the person, who proposes a goal and marks an action done', async () => {
  const server = await startDemoServer();
  const sql = sqliteQuery(server);
  const lea = sql("SELECT id FROM persons WHERE email = 'personne@demo.test'");
  try {
    await withBrowser(async (page, _context, browser) => {
      await login(page, server.url, 'referent@demo.test', 'parcours-demo-2026');
      await visit(page, `${server.url}/personnes/${lea}`);
      await page.getByRole('heading', { name: 'Plan d’actions', exact: true }).waitFor();
      await click(page, page.getByRole('link', { name: 'Construire le plan d’actions' }));
      await page.getByRole('heading', { name: /^Plan d’actions de Léa/ }).waitFor();
      await visit(page);

      // A goal, first without its title.
      await click(page, page.getByRole('link', { name: 'Ajouter un objectif' }));
      await visit(page);
      await page.getByLabel('Thématique').selectOption('creer-une-entreprise');
      await page.getByLabel(/^Date visée/).fill('2027-12-31');
      await click(page, page.getByRole('button', { name: 'Ajouter l’objectif' }));
      await page.getByText('L’objectif n’est pas enregistré').waitFor();
      assert.match(await page.locator('#title-error').innerText(), /Objectif : à renseigner/);
      assert.equal(await page.getByLabel('Thématique').inputValue(), 'creer-une-entreprise');
      await visit(page);
      await page.getByLabel(/^Objectif/).fill('Ouvrir un food-truck de crêpes');
      await page.getByLabel('Porté par').selectOption({ label: 'La personne elle-même' });
      await Promise.all([page.waitForURL(/\/plan#objectif-\d+$/), page.getByRole('button', { name: 'Ajouter l’objectif' }).click()]);
      await page.getByText('L’objectif est ajouté au plan d’actions.').waitFor();
      await visit(page);

      // An action for it: the catalogue search, then a free action the person carries.
      await click(page, page.getByRole('link', { name: 'Ajouter une action à l’objectif « Ouvrir un food-truck de crêpes »' }));
      await visit(page);
      await page.getByLabel('Mots du service (nom ou description)').fill('garde');
      await click(page, page.getByRole('button', { name: 'Chercher' }));
      await page.getByText('Services trouvés pour « garde »').waitFor();
      await visit(page);
      await page.locator('label[for="service-free"]').click();
      await page.getByLabel(/^Action libre/).fill('Rencontrer la chambre des métiers');
      await page.getByLabel(/^Qui s’en occupe/).selectOption({ label: 'La personne elle-même' });
      await Promise.all([page.waitForURL(/\/plan#objectif-\d+$/), page.getByRole('button', { name: 'Ajouter l’action' }).click()]);
      await page.getByRole('cell', { name: 'Rencontrer la chambre des métiers', exact: true }).waitFor();
      await visit(page);
      const action = sql("SELECT id FROM plan_actions WHERE title = 'Rencontrer la chambre des métiers'");

      // A status changed with the keyboard.
      await tabTo(page, (f) => f.id === `statut-${action}`, 'la liste du statut de l’action');
      await page.locator(`#statut-${action}`).selectOption('in_progress');
      await page.keyboard.press('Tab');
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.getByText('est maintenant « En cours »').waitFor();
      assert.equal(sql(`SELECT status FROM plan_actions WHERE id = ${action}`), 'in_progress');
      await visit(page);

      // Léa's proposal, validated.
      await click(page, page.getByRole('button', { name: 'Valider l’objectif « Passer le CAP boulanger »' }));
      await page.getByText('L’objectif proposé par la personne est validé.').waitFor();
      await visit(page);

      // A point d'étape.
      await click(page, page.getByRole('link', { name: 'Faire le point d’étape' }));
      await visit(page);
      await page.getByLabel(/^Compte rendu/).fill('Le projet de food-truck avance ; rendez-vous pris à la chambre des métiers.');
      await click(page, page.getByRole('button', { name: 'Enregistrer le point d’étape' }));
      await page.getByText(/Le point d’étape est enregistré/).waitFor();
      await visit(page);

      // A goal's closing page, then the printable view (the print stylesheet hides the header).
      const goal = sql("SELECT id FROM plan_goals WHERE title = 'Ouvrir un food-truck de crêpes'");
      await visit(page, `${server.url}/personnes/${lea}/plan/objectifs/${goal}/cloture`);
      await visit(page, `${server.url}/personnes/${lea}/plan/objectifs/${goal}/modifier`);
      await visit(page, `${server.url}/personnes/${lea}/plan/imprimer`);
      await page.getByRole('heading', { name: 'Ouvrir un food-truck de crêpes' }).waitFor();
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('header.fr-header').isVisible(), false);
      assert.equal(await page.getByRole('heading', { name: 'Ouvrir un food-truck de crêpes' }).isVisible(), true);
      await page.emulateMedia({ media: 'screen' });

      // Léa, on her phone, signs in with the link of the mail.
      const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
      phone.setDefaultTimeout(30000);
      const person = await phone.newPage();
      const already = mails(server.dir).filter((m) => m.text.includes('To: personne@demo.test')).length;
      await visit(person, `${server.url}/mon-espace/connexion`);
      await person.locator('#email').fill('personne@demo.test');
      await Promise.all([person.waitForLoadState('load'), person.locator('#email').press('Enter')]);
      let link;
      for (let attempt = 0; attempt < 120 && !link; attempt++) {
        const found = mails(server.dir).filter((m) => m.text.includes('To: personne@demo.test'));
        if (found.length > already) link = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(found.at(-1).text)?.[0];
        else await new Promise((r) => setTimeout(r, 250));
      }
      assert.ok(link, 'le lien de connexion');
      await visit(person, `${server.url}${link}`);
      await Promise.all([person.waitForURL(`${server.url}/mon-espace`), person.getByRole('button', { name: 'Ouvrir mon espace' }).click()]);
      await person.getByRole('heading', { name: 'Mon plan d’actions' }).waitFor();
      await visit(person);
      await click(person, person.getByRole('link', { name: 'Voir mon plan d’actions' }));
      await person.getByText('Ouvrir un food-truck de crêpes').first().waitFor();
      await visit(person);

      // A proposal, first without its title.
      await click(person, person.getByRole('link', { name: 'Proposer un objectif' }));
      await visit(person);
      await person.getByLabel('C’est à propos de').selectOption('mobilite');
      await click(person, person.getByRole('button', { name: 'Envoyer ma proposition' }));
      await person.getByText('Votre proposition n’est pas envoyée').waitFor();
      await visit(person);
      await person.getByLabel(/^Mon objectif/).fill('Avoir un scooter pour aller aux marchés');
      await Promise.all([person.waitForURL(`${server.url}/mon-espace/plan`), person.getByRole('button', { name: 'Envoyer ma proposition' }).click()]);
      await person.getByText('votre proposition est envoyée').waitFor();
      await visit(person);

      // Her action, done, with the keyboard.
      await tabTo(person, (f) => f.text === 'J’ai fait cette action : « Rencontrer la chambre des métiers »', 'le bouton « J’ai fait cette action »');
      await Promise.all([person.waitForURL(`${server.url}/mon-espace/plan`), person.keyboard.press('Enter')]);
      await person.getByText('L’action est notée comme réalisée').waitFor();
      assert.equal(sql(`SELECT status FROM plan_actions WHERE id = ${action}`), 'done');
      await visit(person);
      await click(person, person.getByRole('link', { name: 'Imprimer mon plan' }));
      await visit(person);
      await phone.close();

      // The référente: the proposal to decide on, the carnet de bord, the late points d'étape.
      await visit(page, `${server.url}/personnes/${lea}/plan`);
      await page.getByRole('heading', { name: 'Avoir un scooter pour aller aux marchés' }).waitFor();
      const proposal = sql("SELECT id FROM plan_goals WHERE title = 'Avoir un scooter pour aller aux marchés'");
      await click(page, page.getByRole('link', { name: 'Ne pas retenir l’objectif « Avoir un scooter pour aller aux marchés »' }));
      await visit(page);
      await page.getByLabel(/^Raison/).fill('Nous en parlons au prochain rendez-vous, avec le permis.');
      await click(page, page.getByRole('button', { name: 'Ne pas retenir l’objectif' }));
      assert.equal(sql(`SELECT status FROM plan_goals WHERE id = ${proposal}`), 'declined');
      await visit(page);
      await visit(page, `${server.url}/personnes/${lea}`);
      await page.getByText(/La personne : a indiqué avoir réalisé une action de son plan d’actions/).first().waitFor();
      await visit(page, `${server.url}/personnes`);
      await page.getByRole('heading', { name: /^Points d’étape en retard/ }).waitFor();
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

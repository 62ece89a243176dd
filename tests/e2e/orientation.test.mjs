// End to end in Chromium: the chargé d'orientation's queue (filtered by deadline) → a journey's
// pre-orientation suggestion with its reasons → a first decision with a mistake (the error names
// the field and keeps what was typed) → the decision, typed with the keyboard → the référent
// assigned → the mails in the outbox → the référent asks for a reorientation → the chargé keeps
// the orientation with a written answer → the person signs in with the emailed link and reads
// the decision and its explanation in their space. axe-core (WCAG 2.1 A/AA) reports zero
// violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { expectNoAxeViolations, focused, login, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { mails, startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

const demoPassword = 'parcours-demo-2026';
const personEmail = 'gaelle.menard@free.test';

async function waitForMail(dir, to, pattern) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const found = mails(dir).filter((m) => m.text.includes(`To: ${to}`) && pattern.test(m.text));
    if (found.length) return found[found.length - 1].text;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`pas de courriel ${pattern} pour ${to}`);
}

test('queue → suggestion → decision → référent → outbox → reorientation → the person reads it', async () => {
  const server = await startDemoServer();
  const sql = sqliteQuery(server);
  try {
    await withBrowser(async (page, _context, browser) => {
      // The chargé d'orientation: the queue, then the late ones only.
      await login(page, server.url, 'orientation@demo.test', demoPassword);
      await page.getByRole('link', { name: 'Orientation' }).first().click();
      await page.getByRole('heading', { name: 'Personnes à orienter' }).waitFor();
      await visit(page);
      await page.getByLabel('Échéance').selectOption('late');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Appliquer' }).click()]);
      assert.match(page.url(), /echeance=late/);
      const rows = page.locator('tbody tr');
      assert.ok((await rows.count()) >= 2);
      for (const status of await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.status))) {
        assert.equal(status, 'late');
      }
      await visit(page);

      // Gaëlle Ménard (no fixed address): the suggestion and its reason.
      await page.goto(`${server.url}/orientation`);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Gaëlle Ménard' }).click()]);
      await page.getByRole('heading', { name: 'Orientation de Gaëlle Ménard' }).waitFor();
      const suggestion = page.locator('section[aria-labelledby="suggestion"]');
      assert.match(await suggestion.innerText(), /Parcours suggéré : Social/);
      assert.match(await suggestion.innerText(), /pas de domicile fixe/);
      await visit(page);

      // A first try without the reason: the error names it, the choices stay.
      await page.locator('label[for="route-social"]').click();
      await page.getByLabel('Structure chargée de l’accompagnement').selectOption({ label: 'Association Le Relais ardennais' });
      await page.getByLabel(/^Référent \(facultatif\)/).selectOption({ label: 'Sofia Moreau — Association Le Relais ardennais' });
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer l’orientation' }).click()]);
      assert.match(await page.locator('#reason-error').innerText(), /Indiquez le motif de la décision/);
      assert.ok(await page.getByLabel('Social', { exact: true }).isChecked());
      assert.equal(await page.getByLabel(/^Référent \(facultatif\)/).locator('option:checked').innerText(),
        'Sofia Moreau — Association Le Relais ardennais');
      assert.equal(sql('SELECT COUNT(*) FROM orientations o JOIN journeys j ON j.id = o.journey_id JOIN persons p ON p.id = j.person_id WHERE p.email = \'gaelle.menard@free.test\''), '0');
      await visit(page);

      // The reason typed with the keyboard, the form sent with Enter on its button.
      await page.getByLabel(/^Référent \(facultatif\)/).focus();
      await tabTo(page, (f) => f.id === 'reason', 'le motif');
      await page.keyboard.type('Trouver un hébergement stable d’abord ; l’emploi viendra ensuite.');
      await tabTo(page, (f) => f.text === 'Enregistrer l’orientation', 'le bouton « Enregistrer l’orientation »');
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.getByText('La décision d’orientation est enregistrée').waitFor();
      const current = page.locator('section[aria-labelledby="actuelle"]');
      assert.match(await current.innerText(), /Référent : Sofia Moreau/);
      assert.match(await current.innerText(), /suggestion suivie : oui/);
      await visit(page);

      // The outbox: the person, the référente and the organisation in charge.
      await waitForMail(server.dir, personEmail, /Votre parcours d’insertion est orienté : parcours Social/);
      await waitForMail(server.dir, 'referent@demo.test', /Une personne est orientée vers Association Le Relais ardennais/);
      await waitForMail(server.dir, 'contact@demo-relais-ardennais.test', /Une personne est orientée vers/);
      // The journal tells it in the carnet de bord.
      const personId = sql(`SELECT id FROM persons WHERE email = '${personEmail}'`);
      const journeyId = sql(`SELECT id FROM journeys WHERE person_id = ${personId} AND status <> 'closed'`);
      assert.equal(sql(`SELECT COUNT(*) FROM journal WHERE kind = 'orientation.decided' AND person_id = ${personId}`), '1');

      // The référente: her journeys, then a reorientation request.
      const referentContext = await browser.newContext({ locale: 'fr-FR' });
      referentContext.setDefaultTimeout(30000);
      const referent = await referentContext.newPage();
      await login(referent, server.url, 'referent@demo.test', demoPassword);
      await visit(referent, `${server.url}/orientation`);
      assert.equal(new URL(referent.url()).pathname, '/orientation/mes-parcours');
      await Promise.all([referent.waitForLoadState('load'),
        referent.getByRole('link', { name: 'Orientation de Gaëlle Ménard' }).click()]);
      await visit(referent);
      await referent.getByLabel('Motif de la demande').fill('Mme Ménard a trouvé un logement : elle voudrait chercher un emploi.');
      await Promise.all([referent.waitForLoadState('load'), referent.getByRole('button', { name: 'Demander la réorientation' }).click()]);
      await referent.getByText('Votre demande de réorientation est envoyée').waitFor();
      await visit(referent);
      await waitForMail(server.dir, 'orientation@demo.test', new RegExp(`orientation/parcours/${journeyId}`));

      // The chargé finds it in the queue and keeps the orientation, with an answer.
      await page.goto(`${server.url}/orientation?statut=reorientation`);
      await visit(page);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Gaëlle Ménard' }).click()]);
      await page.getByLabel('Réponse au référent').fill('Attendons un mois que le logement soit stable, puis nous en reparlerons.');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Maintenir l’orientation actuelle' }).click()]);
      await page.getByText('L’orientation est maintenue').waitFor();
      assert.match(await page.locator('main').innerText(), /orientation maintenue — réponse : Attendons un mois/);
      await visit(page);
      await waitForMail(server.dir, 'referent@demo.test', /L’orientation actuelle est maintenue/);

      // Other pages: the lists to watch, the territory manager's rules.
      await visit(page, `${server.url}/orientation/suivi`);
      const manager = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
      await login(manager, server.url, 'territoire@demo.test', demoPassword);
      await visit(manager, `${server.url}/orientation/regles`);

      // The person signs in with the emailed link and reads the decision and its explanation.
      const person = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } })).newPage();
      await person.goto(`${server.url}/mon-espace/connexion`);
      await person.getByLabel(/^Votre adresse électronique/).fill(personEmail);
      await Promise.all([person.waitForLoadState('load'), person.getByLabel(/^Votre adresse électronique/).press('Enter')]);
      const mail = await waitForMail(server.dir, personEmail, /mon-espace\/lien\//);
      const link = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(mail);
      await person.goto(`${server.url}${link[0]}`);
      await Promise.all([person.waitForURL(`${server.url}/mon-espace`), person.getByRole('button', { name: 'Ouvrir mon espace' }).click()]);
      await visit(person);
      await Promise.all([person.waitForLoadState('load'), person.getByRole('link', { name: 'Mon orientation et son explication' }).first().click()]);
      const main = await person.locator('main').innerText();
      assert.match(main, /parcours Social, accompagné par Association Le Relais ardennais/);
      assert.match(main, /Votre référent\(e\) : Sofia Moreau/);
      assert.match(main, /Trouver un hébergement stable d’abord/);
      assert.match(main, /La personne n'a pas de domicile fixe/);
      assert.match(main, /La décision a suivi cette suggestion/);
      await visit(person);
    });
  } finally {
    await server.stop();
  }
});

// The whole first step of a journey, with the diagnostic: a référente opens the journey, the
// person fills her own part from her space, the référente writes the professional diagnostic,
// the chargé d'orientation reads the suggestion built from both (with its reasons) and decides,
// the référente is assigned, the mails are in the outbox, and the person reads the decision.
test('entry → the person’s part → professional diagnostic → suggestion → decision → référent → outbox → person', async () => {
  const server = await startDemoServer();
  const email = 'yasmine.ferhat@exemple.fr';
  const sql = sqliteQuery(server);
  const chooseRadio = async (page, name, value) => {
    const id = await page.locator(`input[name="${name}"][value="${value}"]`).getAttribute('id');
    await page.locator(`label[for="${id}"]`).click();
  };
  try {
    await withBrowser(async (page, _context, browser) => {
      // Entry: the référente opens the journey.
      await login(page, server.url, 'referent@demo.test', demoPassword);
      await visit(page, `${server.url}/personnes/nouvelle`);
      await page.getByLabel('Nom de naissance').fill('Ferhat');
      await page.getByLabel('Prénoms').fill('Yasmine');
      await page.locator('input[name="email"]').fill(email);
      await Promise.all([page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Créer la fiche et ouvrir le parcours' }).click()]);
      const personPath = new URL(page.url()).pathname;
      assert.match(personPath, /^\/personnes\/\d+$/);
      const personId = personPath.split('/')[2];
      const journeyId = sql(`SELECT id FROM journeys WHERE person_id = ${personId} AND status = 'to_orient'`);
      assert.ok(journeyId);

      // The person signs in with the emailed link and fills her part: housing is a major obstacle.
      const person = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } })).newPage();
      person.setDefaultTimeout(30000);
      await person.goto(`${server.url}/mon-espace/connexion`);
      await person.getByLabel(/^Votre adresse électronique/).fill(email);
      await Promise.all([person.waitForLoadState('load'), person.getByLabel(/^Votre adresse électronique/).press('Enter')]);
      const mail = await waitForMail(server.dir, email, /mon-espace\/lien\//);
      await person.goto(`${server.url}${/\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(mail)[0]}`);
      await Promise.all([person.waitForURL(`${server.url}/mon-espace`), person.getByRole('button', { name: 'Ouvrir mon espace' }).click()]);
      await visit(person, `${server.url}/mon-espace/diagnostic`);
      await chooseRadio(person, 'freins.logement-hebergement.niveau', 'majeur');
      await Promise.all([person.waitForLoadState('load'), person.getByRole('button', { name: 'Enregistrer mes réponses' }).click()]);
      await visit(person);
      assert.equal(sql(`SELECT COUNT(*) FROM diagnostics WHERE journey_id = ${journeyId} AND author = 'person'`), '1');

      // The professional diagnostic: a major health obstacle.
      await visit(page, `${server.url}${personPath}/diagnostic`);
      await chooseRadio(page, 'freins.sante.niveau', 'majeur');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click()]);
      await visit(page);
      assert.equal(sql(`SELECT COUNT(*) FROM diagnostics WHERE journey_id = ${journeyId} AND author = 'professional'`), '1');

      // The chargé d'orientation: the suggestion reads both parts, with its reasons.
      const orienter = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
      orienter.setDefaultTimeout(30000);
      await login(orienter, server.url, 'orientation@demo.test', demoPassword);
      await visit(orienter, `${server.url}/orientation?entree=professional&tri=newest`);
      await Promise.all([orienter.waitForLoadState('load'), orienter.getByRole('link', { name: 'Yasmine Ferhat' }).click()]);
      const suggestion = await orienter.locator('section[aria-labelledby="suggestion"]').innerText();
      assert.match(suggestion, /Parcours suggéré : Social/);
      assert.match(suggestion, /Un frein majeur de logement ou d'hébergement est signalé/);
      assert.match(suggestion, /Un frein majeur de santé est signalé/);
      await visit(orienter);
      await orienter.locator('label[for="route-social"]').click();
      await orienter.getByLabel('Structure chargée de l’accompagnement').selectOption({ label: 'Mission locale de Charleville-Mézières' });
      await orienter.getByLabel(/^Référent \(facultatif\)/).selectOption({ label: 'Sofia Moreau — Mission locale de Charleville-Mézières' });
      await orienter.getByLabel('Motif de la décision').fill('Se loger et se soigner d’abord, avec Sofia Moreau qui vous connaît déjà.');
      await Promise.all([orienter.waitForLoadState('load'), orienter.getByRole('button', { name: 'Enregistrer l’orientation' }).click()]);
      await orienter.getByText('La décision d’orientation est enregistrée').waitFor();
      assert.match(await orienter.locator('section[aria-labelledby="actuelle"]').innerText(), /Référent : Sofia Moreau/);
      await visit(orienter);
      assert.equal(sql(`SELECT COUNT(*) FROM journey_members WHERE journey_id = ${journeyId} AND role = 'referent' AND left_at IS NULL`), '1');

      // The outbox, then the person's space.
      await waitForMail(server.dir, email, /Votre parcours d’insertion est orienté : parcours Social/);
      await waitForMail(server.dir, 'referent@demo.test', /Une personne est orientée vers Mission locale/);
      await visit(person, `${server.url}/mon-espace/orientation`);
      const main = await person.locator('main').innerText();
      assert.match(main, /parcours Social, accompagné par Mission locale de Charleville-Mézières/);
      assert.match(main, /Se loger et se soigner d’abord/);
      assert.match(main, /Un frein majeur de santé est signalé/);
      assert.match(main, /La décision a suivi cette suggestion/);
    });
  } finally {
    await server.stop();
  }
});

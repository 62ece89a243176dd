// End to end in Chromium: the référente opens Léa's services matched to her diagnostic, refers
// her to the CCAS's childcare service (a first try without the person's agreement names the
// field and keeps the message; then typed and sent with the keyboard); the CCAS's social worker
// sees the count on the home tile, opens the inbox, reads only what was shared and accepts with
// the keyboard; the référente sees it accepted and in the plan. Then a referral to a service
// without any account, answered through the emailed link, and Léa's own services page. axe-core
// (WCAG 2.1 A/AA) reports zero violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { expectNoAxeViolations, focused, login, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

const demoPassword = 'parcours-demo-2026';

test('matching → referral → inbox → accepted; the no-account link; the person’s services', async () => {
  const server = await startDemoServer();
  const sql = sqliteQuery(server);
  const lea = sql("SELECT id FROM persons WHERE email = 'personne@demo.test'");
  try {
    await withBrowser(async (page, _context, browser) => {
      // The référente: Léa's record, then her matched services.
      await login(page, server.url, 'referent@demo.test', demoPassword);
      await visit(page, `${server.url}/personnes/${lea}`);
      await Promise.all([page.waitForLoadState('load'),
        page.getByRole('link', { name: 'Services adaptés, plan d’actions et orientations' }).click()]);
      await page.getByRole('heading', { name: /Services et orientations de Léa/ }).waitFor();
      assert.match(await page.locator('main').innerText(), /Mobilité — frein majeur/);
      await visit(page);

      // One click to add a service to the plan.
      await Promise.all([page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Ajouter au plan d’actions : Atelier CV et lettre de motivation' }).click()]);
      await page.getByText('Le service est ajouté au plan d’actions.').waitFor();
      assert.match(await page.locator('section[aria-labelledby="plan"]').innerText(), /Atelier CV et lettre de motivation — Prévue/);
      await visit(page);

      // Refer her to the childcare service: first without her agreement.
      await Promise.all([page.waitForLoadState('load'),
        page.getByRole('link', { name: 'Orienter vers Garde d’enfants ponctuelle' }).click()]);
      await page.getByRole('heading', { name: /Orienter Léa .* vers « Garde d’enfants ponctuelle »/ }).waitFor();
      await visit(page);
      await page.getByLabel(/^Message au service/).fill('Léa reprend une formation de vendeuse : il lui faut une garde le mercredi.');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Envoyer l’orientation' }).click()]);
      assert.match(await page.locator('#consent-error').innerText(), /Accord de la personne : il est obligatoire/);
      assert.equal(await page.getByLabel(/^Message au service/).inputValue(),
        'Léa reprend une formation de vendeuse : il lui faut une garde le mercredi.');
      assert.equal(sql(`SELECT COUNT(*) FROM referrals WHERE person_id = ${lea}`), '0');
      await visit(page);

      // With the keyboard: her agreement, how it was given, then send.
      await page.getByLabel(/^Message au service/).focus();
      await tabTo(page, (f) => f.id === 'consent', 'la case de l’accord');
      await page.keyboard.press('Space');
      await tabTo(page, (f) => f.id.startsWith('consent_mode-'), 'le mode de recueil');
      await page.keyboard.press('Space');
      await tabTo(page, (f) => f.text === 'Envoyer l’orientation', 'le bouton « Envoyer l’orientation »');
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.getByText('L’orientation est envoyée au service.').waitFor();
      assert.match(await page.locator("main").innerText(), /Envoyée/i);
      await visit(page);
      const referral = sql(`SELECT id FROM referrals WHERE person_id = ${lea}`);
      assert.equal(sql(`SELECT consent_mode FROM referrals WHERE id = ${referral}`), 'in_person');

      // The CCAS's social worker: the home tile, the inbox, the referral, accepted.
      const ccasContext = await browser.newContext({ locale: 'fr-FR' });
      ccasContext.setDefaultTimeout(30000);
      const ccas = await ccasContext.newPage();
      await login(ccas, server.url, 'social@demo.test', demoPassword);
      await visit(ccas, `${server.url}/`);
      assert.match(await ccas.locator('main').innerText(), /Orientations reçues\s+2 en attente de votre réponse/);
      await Promise.all([ccas.waitForLoadState('load'), ccas.locator('main').getByRole('link', { name: 'Orientations reçues' }).click()]);
      await visit(ccas);
      await Promise.all([ccas.waitForLoadState('load'), ccas.getByRole('link', { name: 'Léa Bréhier-Garnier' }).click()]);
      const shown = await ccas.locator('main').innerText();
      assert.match(shown, /garde le mercredi/);
      assert.match(shown, /personne@demo\.test/);
      assert.doesNotMatch(shown, /Niveau de formation/);
      await visit(ccas);
      await ccas.getByRole('button', { name: 'Accepter l’orientation' }).focus();
      await Promise.all([ccas.waitForLoadState('load'), ccas.keyboard.press('Enter')]);
      await ccas.getByText('Orientation acceptée.').waitFor();
      assert.match(await ccas.locator('main').innerText(), /Acceptée/i);
      await visit(ccas);
      await ccasContext.close();

      // The référente sees it accepted, and the plan action in progress.
      await visit(page, `${server.url}/personnes/${lea}/services`);
      const main = await page.locator('main').innerText();
      assert.match(main, /Garde d’enfants ponctuelle \(CCAS de Sedan\)\s*Acceptée/i);
      assert.match(main, /Garde d’enfants ponctuelle — En cours/);
      await visit(page, `${server.url}/personnes/${lea}`);
      assert.match(await page.locator('main').innerText(), /a accepté l’orientation vers « Garde d’enfants ponctuelle »/);

      // A service without any account: the link in the mail, answered without signing in.
      await page.goto(`${server.url}/personnes/${lea}/services/${sql("SELECT id FROM services WHERE nom LIKE 'Solution de garde pour reprendre%'")}/orienter`);
      await page.getByLabel(/^Message au service/).fill('Elle reprend un emploi : il lui faut une garde le soir.');
      await page.locator('label[for="consent"]').click();
      await page.locator('label[for="consent_mode-phone"]').click();
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Envoyer l’orientation' }).click()]);
      await page.getByText('L’orientation est envoyée au service.').waitFor();
      const body = sql("SELECT body FROM outbox WHERE to_address = 'accueil@demo-caf08.test' ORDER BY id DESC LIMIT 1");
      const path = /\/orientation-recue\/[A-Za-z0-9_-]{43}/.exec(body)[0];
      const outsider = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
      await visit(outsider, `${server.url}${path}`);
      assert.match(await outsider.locator('main').innerText(), /il lui faut une garde le soir/);
      await outsider.locator('label[for="decision-accept"]').click();
      await Promise.all([outsider.waitForLoadState('load'), outsider.getByRole('button', { name: 'Envoyer ma réponse' }).click()]);
      await outsider.getByText('Merci : l’orientation est acceptée.').waitFor();
      await visit(outsider);

      // Léa in her space: services for her needs.
      const person = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
      await person.goto(`${server.url}/mon-espace/connexion`);
      await person.locator('input[name="email"]').fill('personne@demo.test');
      await Promise.all([person.waitForLoadState('load'), person.locator('input[name="email"]').press('Enter')]);
      const magic = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(
        sql("SELECT body FROM outbox WHERE to_address = 'personne@demo.test' ORDER BY id DESC LIMIT 1"))[0];
      await person.goto(`${server.url}${magic}`);
      await Promise.all([person.waitForURL((u) => u.pathname === '/mon-espace'), person.locator('main button[type="submit"]').first().click()]);
      await visit(person);
      await Promise.all([person.waitForLoadState('load'),
        person.getByRole('link', { name: 'Des services près de chez moi pour mes besoins' }).click()]);
      assert.match(await person.locator('main').innerText(), /Conseil en mobilité/);
      await visit(person);
      await Promise.all([person.waitForLoadState('load'),
        person.getByRole('button', { name: 'Demander à mon référent : Conseil en mobilité' }).click()]);
      await person.getByText('Votre demande est envoyée à votre référent(e)').waitFor();
      await visit(person);
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

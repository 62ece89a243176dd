// End to end in Chromium: an admin creates a territory and an organisation (choosing its commune
// through the suggestions), invites the organisation's admin, who accepts the invitation, then
// invites a member, sets their roles and deactivates them. axe-core (WCAG 2.1 A/AA) must report
// zero violations on every page visited; one form is filled and sent with the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { expectNoAxeViolations, login, withBrowser } from '../support/browser.mjs';
import { mails, startServer } from '../support/server.mjs';

const adminEmail = 'admin@e2e.test';
const password = 'un mot de passe assez long 2026';

// Waits until the server's mail transport has written a mail to `to`, and returns its text.
async function waitForMail(dir, to) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const found = mails(dir).find((m) => m.text.includes(`To: ${to}`));
    if (found) return found.text;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`aucun courriel pour ${to}`);
}

// Visits a page (or checks the current one) and asserts zero accessibility violations.
async function visit(page, url) {
  if (url) await page.goto(url);
  await expectNoAxeViolations(page);
}

async function submit(page, buttonName) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: buttonName }).click()]);
}

test('organisations and members, from an admin to an organisation admin', async () => {
  const server = await startServer({
    before: async (cli) => {
      const geo = await cli(['load-geo']);
      assert.equal(geo.code, 0, geo.stderr);
      const added = await cli(
        ['user', 'add', '--email', adminEmail, '--name', 'Alice Admin', '--role', 'admin', '--password-stdin'],
        { input: `${password}\n` },
      );
      assert.equal(added.code, 0, added.stderr);
    },
  });
  try {
    await withBrowser(async (page, context, browser) => {
      await visit(page, `${server.url}/`);
      await visit(page, `${server.url}/accessibilite`);
      await visit(page, `${server.url}/donnees-personnelles`);
      await visit(page, `${server.url}/mentions-legales`);
      await visit(page, `${server.url}/structures/9999`);  // anonymous: the login page

      await login(page, server.url, adminEmail, password);
      await visit(page, `${server.url}/territoires`);

      // A territory, first with a mistake: the error names the field and keeps what was typed.
      await visit(page, `${server.url}/territoires/nouveau`);
      await page.getByLabel('Nom du territoire').fill('Ardennes');
      await page.getByLabel('Départements couverts').fill('08, 99');
      await submit(page, 'Créer le territoire');
      await assert.doesNotReject(page.getByText('Département « 99 » inconnu').first().waitFor());
      assert.equal(await page.getByLabel('Nom du territoire').inputValue(), 'Ardennes');
      await visit(page);
      await page.getByLabel('Départements couverts').fill('08');
      await submit(page, 'Créer le territoire');
      await page.getByText('Territoire créé.').waitFor();
      await visit(page);

      // An organisation whose commune is picked from the suggestions.
      await visit(page, `${server.url}/structures/nouvelle`);
      await page.getByLabel('Nom de la structure').fill('CCAS de Sedan');
      await page.getByLabel('Type de structure').selectOption({ label: 'CCAS ou CIAS' });
      await page.getByLabel('SIRET (facultatif)').fill('732 829 320 00075');
      const commune = page.getByLabel(/^Commune/);
      await commune.pressSequentially('sedan', { delay: 20 });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('#commune-suggestions option')].some((o) => o.value === 'Sedan (08409)'),
      );
      await commune.fill('Sedan (08409)');
      await submit(page, 'Créer la structure');
      await page.getByText('clé de contrôle incorrecte').first().waitFor();
      assert.equal(await commune.inputValue(), 'Sedan (08409)');
      await visit(page);
      await page.getByLabel('SIRET (facultatif)').fill('732 829 320 00074');
      await submit(page, 'Créer la structure');
      await page.getByText('Structure créée.').waitFor();
      await visit(page);
      const orgPath = new URL(page.url()).pathname;
      assert.match(orgPath, /^\/structures\/\d+$/);
      await visit(page, `${server.url}/structures`);
      await visit(page, `${server.url}${orgPath}/modifier`);

      // The admin invites the organisation's admin.
      await visit(page, `${server.url}${orgPath}/membres`);
      await page.getByLabel(/^Adresse électronique/).fill('responsable@ccas.test');
      await page.getByLabel(/^Prénom et nom/).fill('Rachid Responsable');
      // DSFR draws its own radios and checkboxes: the label is what a user clicks.
      await page.locator('label[for="role-org_admin"]').click();
      await submit(page, 'Envoyer l’invitation');
      await page.getByText('Invitation envoyée à responsable@ccas.test.').waitFor();
      await visit(page);

      // The organisation admin accepts the invitation in another browser session.
      const mail = await waitForMail(server.dir, 'responsable@ccas.test');
      const link = /\/mot-de-passe\/[A-Za-z0-9_-]+/.exec(mail.replace(/=\r?\n/g, ''));
      assert.ok(link, `lien d'invitation absent :\n${mail}`);
      const invited = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
      await visit(invited, `${server.url}${link[0]}`);
      await invited.locator('input[name="password"]').fill(password);
      await invited.locator('input[name="password_confirmation"]').fill(password);
      await Promise.all([invited.waitForLoadState('load'), invited.locator('input[name="password_confirmation"]').press('Enter')]);
      await login(invited, server.url, 'responsable@ccas.test', password);

      // Keyboard only: Tab to the invitation fields, type, send with Enter.
      await visit(invited, `${server.url}${orgPath}/membres`);
      const focused = () => invited.evaluate(() => document.activeElement?.id ?? '');
      let presses = 0;
      while ((await focused()) !== 'email' && presses++ < 80) await invited.keyboard.press('Tab');
      assert.equal(await focused(), 'email', 'le champ adresse électronique est atteignable au clavier');
      await invited.keyboard.type('referente@ccas.test');
      await invited.keyboard.press('Tab');
      assert.equal(await focused(), 'name');
      await invited.keyboard.type('Rose Référente');
      await Promise.all([invited.waitForLoadState('load'), invited.keyboard.press('Enter')]);
      await invited.getByText('Invitation envoyée à referente@ccas.test.').waitFor();
      await visit(invited);

      // Roles, then deactivation.
      await invited.getByRole('link', { name: /Modifier les rôles de Rose Référente/ }).click();
      await visit(invited);
      await invited.locator('label[for="referent"]').click();
      await invited.locator('label[for="orientation"]').click();
      await submit(invited, 'Enregistrer les rôles');
      await invited.getByText('Rôles de Rose Référente enregistrés.').waitFor();
      const row = invited.getByRole('row', { name: /Rose Référente/ });
      assert.match(await row.innerText(), /chargé·e d’orientation, référent·e de parcours/);
      await invited.getByRole('link', { name: /Modifier les rôles de Rose Référente/ }).click();
      await submit(invited, 'Désactiver Rose Référente dans la structure');
      await invited.getByText('Rose Référente a été désactivé·e dans la structure.').waitFor();
      assert.match(await invited.getByRole('row', { name: /Rose Référente/ }).textContent(), /Désactivé/);
      await visit(invited);

      // The organisation admin may not create organisations nor see territories.
      const refused = await invited.goto(`${server.url}/territoires`);
      assert.equal(refused.status(), 403);
      await visit(invited);
    });
  } finally {
    await server.stop();
  }
});

test('the communes API answers by name or postcode, and in French problem+json when too short', async () => {
  const server = await startServer({
    before: async (cli) => assert.equal((await cli(['load-geo'])).code, 0),
  });
  try {
    const byName = await fetch(`${server.url}/api/v1/geo/communes?q=CHARLEVILLE-mezi&limit=3`);
    assert.equal(byName.status, 200);
    assert.deepEqual(await byName.json(), [
      { code: '08105', nom: 'Charleville-Mézières', codes_postaux: ['08000'], departement: '08', epci: '200041630' },
    ]);
    const byPostcode = await (await fetch(`${server.url}/api/v1/geo/communes?q=08200`)).json();
    assert.equal(byPostcode[0].nom, 'Sedan');
    const short = await fetch(`${server.url}/api/v1/geo/communes?q=a`);
    assert.equal(short.status, 400);
    assert.match(short.headers.get('content-type'), /application\/problem\+json/);
    assert.match((await short.json()).detail, /au moins 2 caractères/);
    const badLimit = await fetch(`${server.url}/api/v1/geo/communes?q=sedan&limit=500`);
    assert.equal(badLimit.status, 400);
  } finally {
    await server.stop();
  }
});

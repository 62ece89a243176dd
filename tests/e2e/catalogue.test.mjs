// End to end in Chromium: a member of the Conseil départemental opens the organisation's offer
// of services (stale services highlighted), creates a service — one mistake first: the errors name
// their fields and keep what was typed —, chooses thématiques by category, the zone (département
// and a commune picked from the suggestions), how to reach the service, then publishes it with
// the keyboard; a visitor without an account reads its public page. axe-core (WCAG 2.1 A/AA)
// must report zero violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { expectNoAxeViolations, login, withBrowser } from '../support/browser.mjs';
import { startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

async function visit(page, url) {
  if (url) await page.goto(url);
  await expectNoAxeViolations(page);
}

const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

// Presses Tab until `check` holds for the focused element (at most 200 times).
async function tabTo(page, check, what) {
  for (let presses = 0; presses < 200; presses++) {
    if (await check()) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${what} n’est pas atteignable au clavier`);
}

// Checks a DSFR checkbox or radio with the keyboard (its label covers the native input).
async function tick(page, locator) {
  await locator.focus();
  await page.keyboard.press('Space');
  assert.ok(await locator.isChecked());
}

test('a member creates and publishes a service, which the public then reads', async () => {
  const server = await startDemoServer();
  const sql = sqliteQuery(server);
  try {
    await withBrowser(async (page, _context, browser) => {
      await login(page, server.url, 'orientation@demo.test', 'parcours-demo-2026');

      // The organisation's offer, from the home page's navigation entry.
      await visit(page, `${server.url}/offre-de-services`);
      await page.getByRole('heading', { name: 'Offre de services de Conseil départemental des Ardennes' }).waitFor();
      await page.getByText('À mettre à jour').first().waitFor();
      await page.getByRole('link', { name: 'Ajouter un service' }).click();
      await page.getByRole('heading', { name: 'Nouveau service' }).waitFor();
      await visit(page);

      // A first try with a name too short and no zone.
      await page.getByLabel(/^Nom du service/).fill('CV');
      await page.getByLabel(/^Description/).fill('Un atelier pour écrire son CV et sa lettre de motivation, en petit groupe.');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Créer le brouillon' }).click()]);
      await page.getByText(/Le formulaire contient 2 erreurs/).waitFor();
      assert.equal(await page.locator('#nom-error').innerText(), 'Nom du service : entre 3 et 150 caractères (2 saisis).');
      assert.match(await page.locator('#zone_eligibilite-error').innerText(), /choisissez au moins une zone/);
      assert.equal(
        await page.getByLabel(/^Description/).inputValue(),
        'Un atelier pour écrire son CV et sa lettre de motivation, en petit groupe.',
      );
      await visit(page);
      // The summary links to the field.
      await page.getByRole('link', { name: /Nom du service : entre 3 et 150/ }).click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Atelier CV et lettre de motivation');

      await page.getByLabel('Type de service').selectOption('atelier');
      // Thématiques: a category opened with the keyboard.
      const category = page.locator('summary', { hasText: 'Préparer sa candidature' });
      await category.focus();
      await page.keyboard.press('Enter');
      await tick(page, page.getByLabel('Réaliser un CV et/ou une lettre de motivation'));
      await tick(page, page.getByLabel('Jeunes', { exact: true }));
      await tick(page, page.getByLabel('Demandeurs d’emploi'));
      await tick(page, page.getByLabel('Ardennes (08)'));
      const commune = page.getByLabel(/^Ajouter une commune/);
      await commune.pressSequentially('sedan', { delay: 20 });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('#zone-commune-suggestions option')].some((o) => o.value === 'Sedan (08409)'),
      );
      await commune.fill('Sedan (08409)');
      await tick(page, page.getByLabel('Gratuit', { exact: true }));
      await tick(page, page.getByLabel(/^En présentiel/));
      await page.getByRole('textbox', { name: /^Adresse Numéro et voie/ }).fill('Hôtel du Département, place de la Préfecture');
      await page.getByRole('combobox', { name: /^Commune Nom, code postal/ }).fill('Charleville-Mézières (08105)');
      await page.getByLabel(/^Horaires d’accueil/).fill('Tu,Th 09:00-11:00');
      await tick(page, page.getByLabel(/^Téléphoner/));
      await page.getByRole('textbox', { name: /^Téléphone/ }).fill('03 24 59 60 60');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Créer le brouillon' }).click()]);
      await page.getByRole('heading', { name: 'Atelier CV et lettre de motivation' }).waitFor();
      await page.getByText('Ce service n’est visible que des membres de sa structure.').waitFor();
      await visit(page);
      const id = Number(new URL(page.url()).pathname.split('/').pop());
      assert.equal(sql(`SELECT status || ' ' || zone_eligibilite FROM services WHERE id = ${id}`), 'draft ["08","08409"]');

      // Published with the keyboard.
      await tabTo(page, async () => (await focusedText(page)) === 'Publier', 'le bouton « Publier »');
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.getByText('Service publié.').waitFor();
      await visit(page);
      assert.equal(sql(`SELECT status FROM services WHERE id = ${id}`), 'published');

      // The offer lists it.
      await visit(page, `${server.url}/offre-de-services`);
      await page.getByRole('link', { name: 'Atelier CV et lettre de motivation' }).waitFor();

      // A visitor without an account reads how to reach it.
      const visitor = await browser.newContext({ locale: 'fr-FR' });
      const anonymous = await visitor.newPage();
      await visit(anonymous, `${server.url}/services/${id}`);
      await anonymous.getByRole('heading', { name: 'Comment mobiliser ce service' }).waitFor();
      await anonymous.getByText('03 24 59 60 60').first().waitFor();
      await anonymous.getByText('Tu,Th 09:00-11:00').waitFor();
      await visitor.close();
    });
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

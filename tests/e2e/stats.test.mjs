// End to end in Chromium: the territory manager opens "Pilotage" from the navigation, narrows
// the period and the route with the keyboard alone, sees the charts drawn (DSFR Chart web
// components under the strict CSP) beside their tables, and downloads a table's CSV; the
// national admin opens the national view. axe-core (WCAG 2.1 A/AA) reports zero violations on
// every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { login, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { startDemoServer } from '../support/server.mjs';
import { demoPassword } from '../support/visitor.mjs';

test('the pilotage dashboards, by keyboard, with charts, tables and CSV', async () => {
  const server = await startDemoServer();
  try {
    await withBrowser(async (page, context, browser) => {
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await login(page, server.url, 'territoire@demo.test', demoPassword);
      await page.getByRole('link', { name: 'Pilotage' }).first().click();
      await page.waitForURL(/\/pilotage$/);
      await page.locator('line-chart canvas').first().waitFor();
      await visit(page);
      assert.equal(await page.locator('table#tableau-mois caption').count(), 1);

      // The filters with the keyboard: the route, then submit.
      await tabTo(page, (f) => f.id === 'parcours', 'le filtre Parcours');
      await page.keyboard.press('ArrowDown');  // Professionnel
      await tabTo(page, (f) => f.text === 'Afficher', 'le bouton Afficher');
      await Promise.all([page.waitForURL(/parcours=pro/), page.keyboard.press('Enter')]);
      assert.match(await page.locator('#tableau-parcours tbody').innerText(), /Professionnel/);
      assert.doesNotMatch(await page.locator('#tableau-parcours tbody').innerText(), /Social/);
      await visit(page);

      // A bad month: the error names the field and keeps what was typed.
      await page.goto(`${server.url}/pilotage?debut=2027-13`);
      await visit(page);
      assert.match(await page.locator('#debut-error').innerText(), /Début de la période/);

      // The CSV of the month table, reached by keyboard.
      await page.goto(`${server.url}/pilotage`);
      await tabTo(page, (f) => f.text.startsWith('Télécharger ce tableau') , 'le lien CSV');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const bytes = readFileSync(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.match(bytes.toString('utf8'), /^\uFEFFIndicateur;Valeur\r\nEntrants;\d+\r\n/);
      assert.deepEqual(errors.filter((e) => /Content Security Policy/.test(e)), []);

      // The national view, for the national admin.
      const admin = await browser.newContext({ locale: 'fr-FR' });
      admin.setDefaultTimeout(30000);
      const adminPage = await admin.newPage();
      await login(adminPage, server.url, 'admin@demo.test', demoPassword);
      await adminPage.goto(`${server.url}/pilotage`);
      await adminPage.waitForURL(/\/pilotage\/national$/);
      await adminPage.locator('bar-chart canvas').first().waitFor();
      await visit(adminPage);
      assert.match(await adminPage.locator('#tableau-territoires tbody tr').last().innerText(), /^Total/);
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

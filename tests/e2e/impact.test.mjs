// End to end in Chromium on the demo territory: a territory manager reads "what works, for
// whom", changes the profile with the keyboard alone, then opens the open-data page. axe-core
// (WCAG 2.1 A/AA) must report zero violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { login, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { startDemoServer } from '../support/server.mjs';
import { demoPassword } from '../support/visitor.mjs';

test('a territory manager compares actions by profile with the keyboard and finds the open data', async () => {
  const server = await startDemoServer();
  try {
    await withBrowser(async (page) => {
      await login(page, server.url, 'territoire@demo.test', demoPassword);
      await visit(page, new URL('/pilotage/ce-qui-marche', server.url).href);
      await page.getByRole('heading', { level: 1, name: /Ce qui marche, pour qui/ }).waitFor();
      assert.ok(await page.getByRole('table').count() >= 1);

      // Keyboard only: to the profile list, choose "Frein majeur", then "Afficher".
      await tabTo(page, (f) => f.id === 'profil', 'La liste des profils');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      assert.equal(await page.locator('#profil').inputValue(), 'frein');
      await tabTo(page, (f) => f.text === 'Afficher', 'Le bouton « Afficher »');
      await Promise.all([page.waitForURL(/profil=frein/), page.keyboard.press('Enter')]);
      await visit(page);
      await page.getByRole('columnheader', { name: 'Frein majeur' }).waitFor();
      assert.match(await page.locator('table').first().innerText(), /IC 95 %/);

      await page.getByRole('link', { name: 'Données ouvertes de ces indicateurs' }).click();
      await page.getByRole('heading', { level: 1, name: /Données ouvertes/ }).waitFor();
      await visit(page);
      assert.ok(await page.getByRole('link', { name: 'Télécharger le CSV' }).isVisible());
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

// End to end in Chromium, on a phone-sized screen and without any account: a person looks for
// help near home on the public page /services using the keyboard alone — the commune chosen
// from the suggestions, a thématique, a word — reads how to reach each service (nearest first,
// remote services last), opens one, comes back; then a commune that does not exist: the error
// names the field and keeps what was typed. axe-core (WCAG 2.1 A/AA) reports zero violations on
// every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { expectNoAxeViolations, withBrowser } from '../support/browser.mjs';
import { startDemoServer } from '../support/server.mjs';

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

async function tabTo(page, check, what) {
  for (let presses = 0; presses < 120; presses++) {
    if (await check()) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${what} n’est pas atteignable au clavier`);
}

test('a person finds a service near home on the public search, with the keyboard', async () => {
  const server = await startDemoServer();
  try {
    await withBrowser(async (_page, _context, browser) => {
      const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
      phone.setDefaultTimeout(30000);
      const page = await phone.newPage();

      // From the home page, the navigation leads to the search.
      await page.goto(`${server.url}/services`);
      await expectNoAxeViolations(page);
      assert.equal(await page.locator('h1').innerText(), 'Trouver un service d’insertion');

      // Keyboard only: the commune from the suggestions, the category, a word, Enter.
      await tabTo(page, async () => (await focusedId(page)) === 'commune', 'le champ commune');
      await page.keyboard.type('sedan', { delay: 20 });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('#commune-suggestions option')].some((o) => o.value === 'Sedan (08409)'),
      );
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Sedan (08409)');
      await page.keyboard.press('Tab');
      assert.equal(await focusedId(page), 'thematique');
      await page.locator('#thematique').selectOption('mobilite');  // a select changes with the arrows too
      await page.keyboard.press('Tab');
      assert.equal(await focusedId(page), 'q');
      await Promise.all([page.waitForURL(/\/services\?/), page.keyboard.press('Enter')]);
      await expectNoAxeViolations(page);
      assert.equal(await page.locator('#resultats').innerText(), 'Résultats pour Sedan (08409)');
      assert.equal(await page.locator('#commune').inputValue(), 'Sedan (08409)');
      const titles = await page.locator('.fr-card__title').allInnerTexts();
      assert.ok(titles.length > 0, 'des services de mobilité ouverts à Sedan');
      assert.ok(await page.getByText('Comment y accéder').first().isVisible());
      // Nearest first: the distances shown never decrease.
      const km = (await page.locator('.fr-badge--info').allInnerTexts()).map((t) => Number(/\d+/.exec(t)[0]));
      assert.ok(km.length > 0, 'des distances');
      assert.deepEqual([...km].sort((a, b) => a - b), km);

      // A word narrows the results; the first result opens with Enter.
      await page.locator('#q').fill('permis');
      await Promise.all([page.waitForURL(/q=permis/), page.locator('#q').press('Enter')]);
      await expectNoAxeViolations(page);
      const permis = await page.locator('.fr-card__title').allInnerTexts();
      assert.ok(permis.length > 0 && permis.length < titles.length, 'moins de résultats avec « permis »');
      const first = page.locator('.fr-card__title a').first();
      const name = await first.innerText();
      await tabTo(page, async () => page.evaluate((n) => document.activeElement?.textContent?.trim() === n, name), 'le premier résultat');
      await Promise.all([page.waitForURL(/\/services\/\d+$/), page.keyboard.press('Enter')]);
      await expectNoAxeViolations(page);
      assert.equal(await page.locator('h1').innerText(), name);
      await page.goBack();
      assert.equal(await page.locator('#q').inputValue(), 'permis');

      // A commune that does not exist: the error names the field, what was typed stays.
      await page.locator('#commune').fill('Atlantide');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Rechercher' }).click()]);
      await page.getByText('La recherche contient une erreur').waitFor();
      assert.match(await page.locator('#commune-error').innerText(), /Atlantide/);
      assert.equal(await page.locator('#commune').inputValue(), 'Atlantide');
      assert.equal(await page.locator('#q').inputValue(), 'permis');
      await expectNoAxeViolations(page);
    });
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

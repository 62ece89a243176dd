// End to end in Chromium: the territory manager reaches the CAF imports from the menu, sends a
// file that is not conform (the error and its line), then a valid flux chosen and sent with the
// keyboard; the progress page updates itself (web/src/caf-import.js polls the progress JSON)
// until the report, whose lines link to the persons created. axe-core (WCAG 2.1 A/AA) reports
// zero violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { expectNoAxeViolations, focused, login, openNavMenu, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { root, startDemoServer } from '../support/server.mjs';

const demoPassword = 'parcours-demo-2026';
const data = (name) => join(root, 'tests/data/caf', name);

test('upload a refused flux, then a valid one with the keyboard: progress, then the report', async () => {
  const server = await startDemoServer();
  try {
    await withBrowser(async (page) => {
      await login(page, server.url, 'territoire@demo.test', demoPassword);
      // The entry sits in the navigation's "Administration" menu, opened with the keyboard.
      const nav = await openNavMenu(page, 'Administration');
      await Promise.all([page.waitForLoadState('load'), nav.getByRole('link', { name: 'Imports CAF' }).click()]);
      await page.getByRole('heading', { name: 'Imports du flux CAF' }).waitFor();
      await visit(page);

      // Sent without a file: the error names the field.
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Importer le flux' }).click()]);
      assert.match(await page.locator('#file-error').innerText(), /Fichier du flux : choisissez le fichier XML/);
      await visit(page);

      // A file that is not conform: refused, with its line.
      await page.getByLabel('Fichier du flux').setInputFiles(data('RSABEI_invalid.xml'));
      await Promise.all([page.waitForURL(/\/imports\/caf\/\d+$/), page.getByRole('button', { name: 'Importer le flux' }).click()]);
      await page.getByRole('heading', { name: 'Flux refusé' }).waitFor({ timeout: 30000 });
      assert.match(await page.locator('main').innerText(), /Ligne \d+ : Element 'InfosFoyerRSA'/);
      await visit(page);

      // A valid flux, chosen then sent with the keyboard.
      await page.goto(`${server.url}/imports/caf`);
      await page.getByLabel('Fichier du flux').setInputFiles(data('flux_all_states.xml'));
      await tabTo(page, (f) => f.text === 'Importer le flux', 'le bouton « Importer le flux »');
      await Promise.all([page.waitForURL(/\/imports\/caf\/\d+$/), page.keyboard.press('Enter')]);
      await page.getByRole('heading', { name: /Import du flux « flux_all_states.xml »/ }).waitFor();
      // The script polls the progress and reloads onto the report.
      await page.getByRole('heading', { name: 'Compte rendu' }).waitFor({ timeout: 60000 });
      const text = await page.locator('main').innerText();
      assert.match(text, /28 foyers lus/);
      assert.match(text, /3 foyers refusés/);
      assert.match(text, /hors de tout territoire/);
      await visit(page);
      // A created person is one link away, reached with the keyboard.
      await tabTo(page, (f) => /^[^\n]+ : créée, à orienter$/.test(f.text), 'le lien vers une personne créée');
      const { text: name } = await focused(page);
      await Promise.all([page.waitForURL(/\/personnes\/\d+$/), page.keyboard.press('Enter')]);
      assert.ok(name.length > 0);
      // The list shows both imports.
      await page.goto(`${server.url}/imports/caf`);
      assert.match(await page.locator('table').innerText(), /flux_all_states\.xml[\s\S]*Terminé/i);
      await visit(page);
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

test('the progress bar moves while a large flux is imported', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'caf-e2e-'));
  const big = join(dir, 'flux_grand.xml');
  execFileSync('python3', [join(root, 'bench/caf/gen_flux.py'), '--households', '3000', '--out', big]);
  const server = await startDemoServer();
  try {
    await withBrowser(async (page) => {
      await login(page, server.url, 'territoire@demo.test', demoPassword);
      await page.goto(`${server.url}/imports/caf`);
      await page.getByLabel('Fichier du flux').setInputFiles(big);
      // The progress the page polls is held at 1234 households while the page is checked (the
      // script reloads onto the report once the import is finished).
      const held = { status: 'running', status_label: 'En cours', message: '', done: 1234, total: 3000, percent: 41, finished: false };
      await page.route('**/progression.json', (route) => route.fulfill({ json: held }));
      await Promise.all([page.waitForURL(/\/imports\/caf\/\d+$/), page.getByRole('button', { name: 'Importer le flux' }).click()]);
      const bar = page.locator('#caf-progress-bar');
      if (await bar.count()) {
        // The script updated the bar and the status text from the JSON.
        await page.getByText('1234 foyers traités sur 3000 (41 %).').waitFor();
        assert.equal(await bar.evaluate((b) => b.value), 41);
        assert.equal(await page.getByLabel('Progression de l’import').count(), 1);
        assert.equal(await page.locator('#caf-progress-text[role="status"]').count(), 1);
        await expectNoAxeViolations(page);
      }
      await page.unroute('**/progression.json');
      await page.getByRole('heading', { name: 'Compte rendu' }).waitFor({ timeout: 120000 });
      assert.match(await page.locator('main').innerText(), /3000 foyers lus/);
      await visit(page);
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

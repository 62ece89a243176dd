// End to end in Chromium: the administrator of the CD des Ardennes reaches the person imports
// from the menu, sends nothing (the error names the field), then a windows-1252 file; chooses
// the column mapping (the guess is there, one column changed with the keyboard), reads the
// preview (nothing written yet), confirms with the keyboard; the page refreshes itself until
// the report, whose lines link to the persons created. Then a file with broken rows: the
// preview filtered on the errors names the line and the column. axe-core (WCAG 2.1 A/AA)
// reports zero violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { focused, login, openNavMenu, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { root, startDemoServer } from '../support/server.mjs';

const demoPassword = 'parcours-demo-2026';
const fixture = (name) => join(root, 'tests/fixtures/csvimport', name);

test('mapping, preview, confirmation with the keyboard, report; then broken rows', async () => {
  const server = await startDemoServer();
  try {
    await withBrowser(async (page) => {
      await login(page, server.url, 'structure@demo.test', demoPassword);
      const nav = await openNavMenu(page, 'Administration');
      await Promise.all([page.waitForLoadState('load'), nav.getByRole('link', { name: 'Imports de personnes' }).click()]);
      await page.getByRole('heading', { name: 'Imports de personnes', level: 1 }).waitFor();
      assert.match(await page.locator('main').innerText(), /CSV UTF-8 \(délimité par des virgules\)/);
      await visit(page);

      // Sent without a file: the error names the field.
      await Promise.all([page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Envoyer et voir l’aperçu' }).click()]);
      assert.match(await page.locator('#file-error').innerText(), /Fichier : choisissez le fichier CSV/);
      await visit(page);

      // A windows-1252 file: the mapping page shows what was detected and the guess.
      await page.getByLabel('Fichier des personnes').setInputFiles(fixture('personnes-windows-1252.csv'));
      await Promise.all([page.waitForURL(/\/correspondance$/),
        page.getByRole('button', { name: 'Envoyer et voir l’aperçu' }).click()]);
      await page.getByRole('heading', { name: 'Correspondance des colonnes' }).waitFor();
      const intro = await page.locator('main').innerText();
      assert.match(intro, /Windows-1252/);
      assert.match(intro, /point-virgule/);
      assert.equal(await page.getByLabel('Date de naissance').inputValue(), 'Date de naissance');
      assert.equal(await page.getByLabel('Matricule CAF (numéro allocataire)').inputValue(), 'N° allocataire');
      await visit(page);
      // The telephone left out, with the keyboard.
      await tabTo(page, (f) => f.id === 'field-phone', 'la liste « Téléphone »');
      await page.keyboard.press('Home');
      assert.equal(await page.locator('#field-phone').inputValue(), '');
      await tabTo(page, (f) => f.text === 'Enregistrer et voir l’aperçu', 'le bouton « Enregistrer et voir l’aperçu »');
      await Promise.all([page.waitForURL(/\/imports\/personnes\/\d+$/), page.keyboard.press('Enter')]);

      // The preview: four to create, nothing written yet.
      await page.getByRole('heading', { name: /Aperçu de l’import/ }).waitFor();
      const preview = await page.locator('main').innerText();
      assert.match(preview, /4 personnes à créer/);
      assert.match(preview, /Rien n’a encore été enregistré/);
      assert.match(preview, /Hélène|à créer, à orienter/);
      await visit(page);
      await tabTo(page, (f) => f.text === 'Confirmer l’import', 'le bouton « Confirmer l’import »');
      await page.keyboard.press('Enter');
      // The page refreshes itself until the report.
      await page.getByRole('heading', { name: /Compte rendu de l’import/ }).waitFor({ timeout: 60000 });
      const report = await page.locator('main').innerText();
      assert.match(report, /4 personnes créées/);
      await visit(page);
      // A created person is one link away, with the keyboard.
      await tabTo(page, (f) => /créée, à orienter/.test(f.text), 'le lien vers une personne créée');
      assert.ok((await focused(page)).text.length > 0);
      await Promise.all([page.waitForURL(/\/personnes\/\d+$/), page.keyboard.press('Enter')]);

      // Broken rows: straight to the preview (the mapping is remembered), errors by line.
      await page.goto(`${server.url}/imports/personnes`);
      await page.getByLabel('Fichier des personnes').setInputFiles(fixture('personnes-erreurs.csv'));
      await Promise.all([page.waitForURL(/\/imports\/personnes\/\d+$/),
        page.getByRole('button', { name: 'Envoyer et voir l’aperçu' }).click()]);
      await page.getByRole('heading', { name: /Aperçu de l’import/ }).waitFor();
      await Promise.all([page.waitForURL(/lignes=error/),
        page.getByRole('link', { name: /En erreur \(9\)/ }).click()]);
      const errors = await page.locator('table').innerText();
      assert.match(errors, /Ligne 3, colonne « Date de naissance » : « 31\/02\/1990 » n’est pas une date valide/);
      assert.match(errors, /Ligne 13 : un guillemet ouvert n’est jamais fermé/);
      await visit(page);
      // The list shows both imports.
      await page.goto(`${server.url}/imports/personnes`);
      assert.match(await page.locator('table').innerText(), /personnes-windows-1252\.csv[\s\S]*Terminé/i);
      await visit(page);
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

// End to end in Chromium on the demo territory: a référente opens a journey for a new person
// (with a mistake first: the error names the field and keeps what was typed), a chargé
// d'orientation then finds the duplicate instead of creating it, and the référente adds a note
// shared with the person, corrects it, edits the contact with the commune suggestions and looks
// at the team; a territory manager opens the merge page. axe-core (WCAG 2.1 A/AA) must report
// zero violations on every page visited; the note is written with the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { expectNoAxeViolations, login, withBrowser } from '../support/browser.mjs';
import { startDemoServer } from '../support/server.mjs';

const password = 'parcours-demo-2026';

async function visit(page, url) {
  if (url) await page.goto(url);
  await expectNoAxeViolations(page);
}

async function submit(page, buttonName) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: buttonName }).click()]);
}

test('a professional opens a journey, finds a duplicate instead of creating one, adds a note shared with the person', async () => {
  const server = await startDemoServer();
  try {
    await withBrowser(async (page, context, browser) => {
      await login(page, server.url, 'referent@demo.test', password);
      await page.getByRole('link', { name: 'Personnes' }).first().click();
      await visit(page);
      await page.getByRole('searchbox').fill('Lefèvre');
      await submit(page, 'Rechercher');
      await page.getByText('Aucune personne ne correspond').waitFor();
      await visit(page);

      // A new person, with a wrong NIR key first. The button shows its label, not only its icon
      // (DSFR clips the text of icon buttons in a group without fr-btns-group--icon-left).
      const create = page.getByRole('link', { name: 'Nouvelle personne' }).first();
      const clipped = await create.evaluate((e) => e.scrollWidth > e.clientWidth + 1);
      assert.equal(clipped, false, 'the label of « Nouvelle personne » is visible');
      await create.click();
      await visit(page);
      await page.getByLabel('Nom de naissance').fill('Lefèvre-Martin');
      await page.getByLabel('Prénoms').fill('Sofia');
      await page.getByLabel(/^Date de naissance/).fill('12/03/1984');
      await page.locator('label[for="sex-f"]').click();
      await page.getByLabel(/^Numéro de sécurité sociale/).fill('2 84 03 08 123 456 99');
      await page.getByLabel(/^Téléphone/).fill('06 12 34 56 78');
      await submit(page, 'Créer la fiche et ouvrir le parcours');
      await page.getByText('La clé du numéro de sécurité sociale').first().waitFor();
      assert.equal(await page.getByLabel('Nom de naissance').inputValue(), 'Lefèvre-Martin');
      await visit(page);
      await page.getByLabel(/^Numéro de sécurité sociale/).fill('2 84 03 08 123 456 06');
      await page.getByLabel(/^Besoin exprimé/).fill('Retrouver un emploi dans la logistique.');
      await submit(page, 'Créer la fiche et ouvrir le parcours');
      await page.getByText('Fiche créée et parcours ouvert.').waitFor();
      await visit(page);
      const personPath = new URL(page.url()).pathname;
      assert.match(personPath, /^\/personnes\/\d+$/);

      // Keyboard only: Tab to the note, type it, choose "shared with the person", send.
      const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
      let presses = 0;
      while ((await focused()) !== 'body' && presses++ < 200) await page.keyboard.press('Tab');
      assert.equal(await focused(), 'body', 'le champ de la note est atteignable au clavier');
      await page.keyboard.type('Rendez-vous mardi à 10 h à la mission locale.');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'visibility-team');
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(), 'visibility-person');
      await page.keyboard.press('Tab');
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.getByText('Note ajoutée.').waitFor();
      await visit(page);
      await page.getByText('Visible par : L’équipe et la personne').waitFor();
      await page.getByText('a ajouté une note partagée avec la personne').waitFor();

      // A correction is a new note; the first one stays.
      await page.getByRole('link', { name: /Corriger cette note/ }).click();
      await visit(page);
      await page.getByLabel('Texte de la note').fill('Rendez-vous mercredi à 10 h à la mission locale.');
      await submit(page, 'Enregistrer la correction');
      await page.getByText('Correction enregistrée.').waitFor();
      await page.getByText('Cette note a été corrigée par une note plus récente.').waitFor();
      await page.getByText('Rendez-vous mardi à 10 h').waitFor();
      await visit(page);

      // The timeline filtered by kind.
      await page.getByLabel('Type d’événement').selectOption({ label: 'Correction de note' });
      await submit(page, 'Filtrer');
      await page.getByText('a corrigé une note partagée avec la personne').waitFor();
      assert.equal(await page.getByText('a créé la fiche de la personne').count(), 0);
      await visit(page);

      // Contact: the commune through its suggestions.
      await visit(page, `${server.url}${personPath}/coordonnees`);
      const commune = page.getByLabel(/^Commune/);
      await commune.pressSequentially('sedan', { delay: 20 });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('#commune-suggestions option')].some((o) => o.value === 'Sedan (08409)'),
      );
      await commune.fill('Sedan (08409)');
      await submit(page, 'Enregistrer');
      await page.getByText('Modifications enregistrées.').waitFor();
      await page.getByText('08200 Sedan').waitFor();
      await visit(page);
      await visit(page, `${server.url}${personPath}/identite`);
      await visit(page, `${server.url}${personPath}/situation`);
      await visit(page, `${server.url}${personPath}/equipe`);

      // A chargé d'orientation types the same person again: Parcours finds her.
      const other = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
      await login(other, server.url, 'orientation@demo.test', password);
      await visit(other, `${server.url}/personnes/nouvelle`);
      await other.getByLabel('Nom de naissance').fill('Martin');
      await other.getByLabel('Prénoms').fill('Sofia');
      await other.getByLabel(/^Téléphone/).fill('+33 6 12 34 56 78');
      await submit(other, 'Créer la fiche et ouvrir le parcours');
      await other.getByText('Cette personne est peut-être déjà enregistrée').waitFor();
      await visit(other);
      await Promise.all([other.waitForLoadState('load'), other.getByRole('link', { name: /Sofia Lefèvre-Martin/ }).click()]);
      assert.equal(new URL(other.url()).pathname, personPath);
      await other.getByText('Vous ne faites pas partie de l’équipe').waitFor();
      await other.getByText('2 84 03 08 123 456 06').waitFor();  // the NIR, for orientation
      await visit(other);
      await submit(other, 'Demander à rejoindre l’équipe');
      await other.getByText('Votre demande a été transmise à l’équipe.').waitFor();
      await visit(other);
      // And by NIR from the search: the same record, no duplicate.
      await visit(other, `${server.url}/personnes?q=${encodeURIComponent('284030812345606')}`);
      assert.equal(await other.getByRole('link', { name: 'Lefèvre-Martin' }).count(), 1);

      // The team accepts the request.
      await visit(page, `${server.url}${personPath}/equipe`);
      await submit(page, /Accepter la demande de Karim Haddad/);
      await page.getByText('La demande a été acceptée.').waitFor();
      await visit(page);

      // A territory manager sees the merge page.
      const manager = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
      await login(manager, server.url, 'territoire@demo.test', password);
      await visit(manager, `${server.url}${personPath}`);
      await visit(manager, `${server.url}${personPath}/fusion`);
      await manager.getByLabel(/^Numéro de la fiche en double/).fill('999');
      await submit(manager, 'Comparer les deux fiches');
      await visit(manager);
    });
  } finally {
    await server.stop();
  }
});

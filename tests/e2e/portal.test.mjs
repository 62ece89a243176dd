// End to end in Chromium, on a phone-sized screen: a person asks for accompaniment on the
// public form (one mistake first: the error names the field and keeps what was typed; the
// commune chosen from the suggestions), then — once their team exists and has shared a note —
// signs in to their space with the link taken from the outbox .eml file, using the keyboard
// alone, reads the note, sees who read their record, and downloads their data. axe-core
// (WCAG 2.1 A/AA) must report zero violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { expectNoAxeViolations, withBrowser } from '../support/browser.mjs';
import { mails, startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

const email = 'amina.diallo@exemple.fr';

async function waitForMail(dir, to, count) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const found = mails(dir).filter((m) => m.text.includes(`To: ${to}`));
    if (found.length >= count) return found[count - 1].text;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`moins de ${count} courriel(s) pour ${to}`);
}

async function visit(page, url) {
  if (url) await page.goto(url);
  await expectNoAxeViolations(page);
}

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

// Presses Tab until `check` holds for the focused element (at most 80 times).
async function tabTo(page, check, what) {
  for (let presses = 0; presses < 80; presses++) {
    if (await check()) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${what} n’est pas atteignable au clavier`);
}

test('a person asks for accompaniment, then signs in with the emailed link and reads their space', async () => {
  const server = await startDemoServer();
  const sql = sqliteQuery(server);
  try {
    await withBrowser(async (_page, _context, browser) => {
      const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, acceptDownloads: true });
      phone.setDefaultTimeout(30000);
      const page = await phone.newPage();

      // The public form, first with the need forgotten.
      await visit(page, `${server.url}/demander-un-accompagnement`);
      await page.getByLabel(/^Nom de naissance/).fill('Diallo');
      await page.getByLabel(/^Prénoms/).fill('Amina');
      await page.getByLabel(/^Date de naissance/).fill('23/09/1991');
      await page.getByLabel(/^Adresse électronique/).fill(email);
      const commune = page.getByLabel(/^Commune/);
      await commune.pressSequentially('sedan', { delay: 20 });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('#commune-suggestions option')].some((o) => o.value === 'Sedan (08409)'),
      );
      await commune.fill('Sedan (08409)');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Envoyer ma demande' }).click()]);
      await page.getByText('Le formulaire contient une erreur').waitFor();
      assert.equal(await page.locator('#need-error').innerText(), 'Dites-nous en quelques mots ce dont vous avez besoin.');
      assert.equal(await page.getByLabel(/^Prénoms/).inputValue(), 'Amina');
      assert.equal(await commune.inputValue(), 'Sedan (08409)');
      await visit(page);
      // The summary links to the field.
      await page.getByRole('link', { name: 'Dites-nous en quelques mots ce dont vous avez besoin.' }).click();
      assert.equal(await focusedId(page), 'need');
      await page.keyboard.type('Je voudrais reprendre un travail dans la vente.');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Envoyer ma demande' }).click()]);
      await page.getByRole('heading', { name: 'Votre demande est envoyée' }).waitFor();
      await visit(page);
      const ack = await waitForMail(server.dir, email, 1);
      assert.match(ack, /Nous avons bien reçu votre demande/);
      const personId = sql(`SELECT id FROM persons WHERE email = '${email}'`);
      assert.equal(sql(`SELECT status || ' ' || entry FROM journeys WHERE person_id = ${personId}`), 'to_orient public_form');

      // Her team, as the professionals' pages would make it: a référent who shares a note, and a
      // territory manager who read the record.
      sql(`INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at)
           SELECT j.id, u.id, o.id, 'referent', strftime('%s', 'now') FROM journeys j, users u, organisations o
           WHERE j.person_id = ${personId} AND u.email = 'referent@demo.test' AND o.name = 'Mission locale de Charleville-Mézières';
           INSERT INTO notes (journey_id, author_id, organisation_id, visibility, body, created_at)
           SELECT j.id, u.id, o.id, 'person', 'Bonjour Amina, je vous attends lundi à 9 h avec votre CV.', strftime('%s', 'now')
           FROM journeys j, users u, organisations o
           WHERE j.person_id = ${personId} AND u.email = 'referent@demo.test' AND o.name = 'Mission locale de Charleville-Mézières';
           INSERT INTO access_log (at, actor_id, person_id, part, purpose)
           SELECT strftime('%s', 'now'), id, ${personId}, 'journey', '' FROM users WHERE email = 'territoire@demo.test';`);

      // Sign-in with the keyboard alone.
      await page.goto(`${server.url}/mon-espace`);
      assert.equal(new URL(page.url()).pathname, '/mon-espace/connexion');
      await visit(page);
      await tabTo(page, async () => (await focusedId(page)) === 'email', 'le champ adresse électronique');
      await page.keyboard.type(email);
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.getByText(`Si votre dossier connaît l’adresse ${email}`).waitFor();
      await visit(page);

      const mail = await waitForMail(server.dir, email, 2);
      const eml = readFileSync(mails(server.dir).filter((m) => m.text.includes(`To: ${email}`))[1].path, 'utf8');
      assert.equal(eml, mail);
      const link = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(mail);
      assert.ok(link, `lien absent :\n${mail}`);
      await visit(page, `${server.url}${link[0]}`);
      await tabTo(page, async () => (await focusedText(page)) === 'Ouvrir mon espace', 'le bouton « Ouvrir mon espace »');
      await Promise.all([page.waitForURL(`${server.url}/mon-espace`), page.keyboard.press('Enter')]);
      await page.getByRole('heading', { name: 'Bonjour Amina' }).waitFor();
      await visit(page);
      await page.getByText('Sofia Moreau').first().waitFor();
      await page.getByText('Aucun rendez-vous n’est prévu pour l’instant.').waitFor();

      // The note shared with her.
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: /Mon carnet de bord : les messages/ }).click()]);
      await page.getByText('Bonjour Amina, je vous attends lundi à 9 h avec votre CV.').waitFor();
      await visit(page);

      // Who read her record.
      await visit(page, `${server.url}/mon-espace`);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Qui a consulté mon dossier' }).click()]);
      const entry = page.getByRole('listitem').filter({ hasText: 'Territoire Ardennes' });
      assert.match(await entry.innerText(), /Responsable du territoire/);
      assert.doesNotMatch(await page.locator('main').innerText(), /Dominique Lefèvre/);
      await visit(page);

      // Her data: the printable page and the JSON file.
      await visit(page, `${server.url}/mon-espace/mes-donnees`);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: /Voir toutes mes données/ }).click()]);
      await page.getByRole('heading', { name: 'Toutes mes données' }).waitFor();
      await visit(page);
      await page.goBack();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /Télécharger mes données/ }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'mes-donnees-parcours.json');
      const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(data.identite.prenoms, 'Amina');
      assert.equal(data.parcours[0].besoin_exprime, 'Je voudrais reprendre un travail dans la vente.');
      assert.ok(data.carnet_de_bord.some((item) => item.texte === 'Bonjour Amina, je vous attends lundi à 9 h avec votre CV.'));

      // The other pages of the space.
      for (const path of ['/mon-espace/coordonnees', '/mon-espace/changer-de-referent', '/mon-espace/partage']) {
        await visit(page, `${server.url}${path}`);
      }
      await page.getByRole('button', { name: 'M’opposer au partage avec CCAS de Sedan' }).click();
      await page.getByText('C’est noté : cette structure ne pourra pas consulter votre dossier.').waitFor();
      await visit(page);

      // Signing out, from the menu of a phone-sized screen.
      await visit(page, `${server.url}/mon-espace`);
      await page.getByRole('button', { name: 'Menu' }).click();
      const menu = page.locator('#menu-principal');
      await menu.getByRole('link', { name: 'Mon carnet de bord' }).waitFor();
      await visit(page);
      await Promise.all([page.waitForLoadState('load'), menu.getByRole('button', { name: 'Se déconnecter' }).click()]);
      await page.getByText('Vous êtes déconnecté(e) de votre espace.').waitFor();
      await visit(page);
      await phone.close();
    });
  } finally {
    await server.stop();
  }
});

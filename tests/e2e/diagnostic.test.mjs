// End to end in Chromium: Léa (personne@demo.test) signs in to her space on a phone and fills
// her part of the diagnostic, with her own words, the keyboard and the ROME job suggestions; her
// référente opens the diagnostic, sees Léa's words beside each question, makes a mistake (the
// error names the question and keeps what was typed), saves a new version, reads the history
// and compares two versions; the territory manager sees the page of the territory's questions.
// axe-core (WCAG 2.1 A/AA) must report zero violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { expectNoAxeViolations, login, withBrowser } from '../support/browser.mjs';
import { mails, startServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

const email = 'personne@demo.test';
const password = 'parcours-demo-2026';

async function waitForMail(dir, to) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const found = mails(dir).filter((m) => m.text.includes(`To: ${to}`));
    if (found.length >= 1) return found[found.length - 1].text;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`pas de courriel pour ${to}`);
}

async function visit(page, url) {
  if (url) await page.goto(url);
  await expectNoAxeViolations(page);
}

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

async function tabTo(page, id) {
  for (let presses = 0; presses < 120; presses++) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`#${id} n’est pas atteignable au clavier`);
}

test('the person fills her part, the professional reads it beside the diagnostic, saves, compares', async () => {
  const server = await startServer({
    before: async (cli) => {
      for (const args of [['load-geo'], ['load-rome'], ['seed-demo']]) {
        const done = await cli(args);
        assert.equal(done.code, 0, done.stderr);
      }
    },
  });
  const sql = sqliteQuery(server);
  try {
    await withBrowser(async (page, _context, browser) => {
      // Léa, on her phone.
      const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
      phone.setDefaultTimeout(30000);
      const mobile = await phone.newPage();
      await mobile.goto(`${server.url}/mon-espace/connexion`);
      await mobile.locator('#email').fill(email);
      await Promise.all([mobile.waitForLoadState('load'), mobile.locator('#email').press('Enter')]);
      const link = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(await waitForMail(server.dir, email));
      await mobile.goto(`${server.url}${link[0]}`);
      await Promise.all([mobile.waitForURL(`${server.url}/mon-espace`), mobile.getByRole('button', { name: 'Ouvrir mon espace' }).click()]);
      await visit(mobile);
      await Promise.all([mobile.waitForLoadState('load'), mobile.getByRole('link', { name: 'Mes besoins, avec mes mots' }).click()]);
      await mobile.getByRole('heading', { name: 'Vos besoins, avec vos mots' }).waitFor();
      await visit(mobile);

      // The keyboard alone for her last job, then the job suggestions of the ROME.
      await tabTo(mobile, 'q-dernier-emploi');
      await mobile.keyboard.press('Control+A');
      await mobile.keyboard.type('Employée de rayon');
      const job = mobile.getByLabel(/^Ajouter un métier/);
      await job.pressSequentially('vendeu rayon', { delay: 20 });
      // Under load the suggestions for a shorter prefix ("vendeu") may be shown first: wait for
      // those of the whole text.
      await mobile.waitForFunction(() =>
        [...document.querySelectorAll('#q-projets-metiers-recherche-list option')].some((o) => /rayon/i.test(o.value)),
      );
      const suggestion = await mobile.evaluate(() =>
        [...document.querySelectorAll('#q-projets-metiers-recherche-list option')].find((o) => /rayon/i.test(o.value)).value);
      assert.match(suggestion, /vendeu/i);
      await job.fill(suggestion);
      // A radio group is one Tab stop; the arrows choose within it.
      await tabTo(mobile, 'q-freins-logement-hebergement-niveau-1');
      await mobile.keyboard.press('ArrowRight');
      await mobile.keyboard.press('ArrowRight');
      assert.equal(await focusedId(mobile), 'q-freins-logement-hebergement-niveau-3');
      assert.ok(await mobile.locator('#q-freins-logement-hebergement-niveau-3').isChecked());
      await mobile.getByLabel('Commentaire « Logement, hébergement » (facultatif)').fill('Mon bail se termine en juin.');
      await Promise.all([mobile.waitForLoadState('load'), mobile.getByRole('button', { name: 'Enregistrer mes réponses' }).click()]);
      await mobile.getByText('Merci : vos réponses sont enregistrées').waitFor();
      await visit(mobile);
      assert.ok((await mobile.getByLabel(/^Dernier emploi occupé/).inputValue()) === 'Employée de rayon');
      assert.ok(await mobile.getByRole('checkbox', { name: new RegExp(suggestion.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) }).isChecked());

      // Her référente.
      const personId = sql(`SELECT id FROM persons WHERE email = '${email}'`);
      await login(page, server.url, 'referent@demo.test', password);
      await visit(page, `${server.url}/personnes/${personId}`);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Diagnostic socio-professionnel' }).click()]);
      await page.getByRole('heading', { name: 'Diagnostic socio-professionnel' }).waitFor();
      await visit(page);
      const text = await page.locator('main').innerText();
      assert.match(text, /Selon la personne : Employée de rayon/);
      assert.match(text, /Logement, hébergement : Majeur — « Mon bail se termine en juin. »/);

      // A mistake first: the error names the question and keeps what was typed.
      await page.getByLabel(/^Fin du dernier emploi/).fill('juin');
      await page.getByLabel(/^Compétences/).fill('Mise en rayon, caisse');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click()]);
      await page.getByText('Le diagnostic contient une erreur').waitFor();
      assert.match(await page.locator('#q-dernier-emploi-date-error').innerText(), /« Fin du dernier emploi » : indiquez le mois et l’année/);
      assert.equal(await page.getByLabel(/^Compétences/).inputValue(), 'Mise en rayon, caisse');
      await visit(page);
      await page.getByRole('link', { name: /« Fin du dernier emploi »/ }).click();
      assert.equal(await focusedId(page), 'q-dernier-emploi-date');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2025-06');
      const versions = Number(sql(`SELECT COUNT(*) FROM diagnostics d JOIN journeys j ON j.id = d.journey_id WHERE j.person_id = ${personId} AND d.author = 'professional'`));
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click()]);
      await page.getByText(`Diagnostic enregistré (version ${versions + 1}).`).waitFor();
      await visit(page);

      // History and compare.
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Historique et comparaison des versions' }).click()]);
      await page.getByRole('heading', { name: 'Historique du diagnostic' }).waitFor();
      await visit(page);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Comparer' }).first().click()]);
      await page.getByRole('heading', { name: `Ce qui a changé entre les versions ${versions} et ${versions + 1}` }).waitFor();
      await visit(page);
      const changes = await page.locator('table').innerText();
      assert.match(changes, /Compétences\tPas de réponse\tMise en rayon, caisse/);

      // The territory's questions, for its manager.
      const territory = sql("SELECT id FROM territories WHERE slug = 'ardennes'");
      const manager = await browser.newContext({ locale: 'fr-FR' });
      const managerPage = await manager.newPage();
      await login(managerPage, server.url, 'territoire@demo.test', password);
      await visit(managerPage, `${server.url}/territoires/${territory}/diagnostic`);
      await managerPage.getByLabel(/^Définition \(JSON\)/).fill(JSON.stringify({ sections: [{ id: 'ardennes', title: 'Questions des Ardennes', questions: [{ id: 't_quartier', type: 'yes_no', label: 'Habite un quartier prioritaire' }] }] }));
      await Promise.all([managerPage.waitForLoadState('load'), managerPage.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click()]);
      await managerPage.getByText('Questions du territoire enregistrées (version 1).').waitFor();
      await visit(managerPage);
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

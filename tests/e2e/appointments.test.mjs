// End to end in Chromium: the demo référente books an appointment for Léa from her journey page
// (one mistake first: the error names the field and keeps what was typed), finds it in her week
// agenda and moves between weeks with the keyboard; Léa signs in to her space with the emailed
// link and says she cannot come, with a message; the référente reads it in the carnet de bord.
// axe-core (WCAG 2.1 A/AA) must report zero violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { expectNoAxeViolations, focused, login, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { mails, startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

const dayFromNow = (days) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

test('a référente books an appointment, the person excuses it from her space', async () => {
  const server = await startDemoServer();
  const sql = sqliteQuery(server);
  const lea = sql("SELECT id FROM persons WHERE email = 'personne@demo.test'");
  const date = dayFromNow(4);
  try {
    await withBrowser(async (page, _context, browser) => {
      await login(page, server.url, 'referent@demo.test', 'parcours-demo-2026');
      await visit(page, `${server.url}/personnes/${lea}`);
      await page.getByRole('heading', { name: 'Rendez-vous', exact: true }).waitFor();

      // The booking form, first with a video place that is not a link.
      await page.getByLabel(/^Date/).fill(date);
      await page.getByLabel(/^Heure/).fill('14:30');
      await page.locator('label[for="place-kind-video"]').click();
      await page.getByLabel(/^Lieu/).fill('visio.exemple/lea');
      await page.getByLabel(/^Objet/).fill('Préparer l’entretien chez le boulanger');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Fixer le rendez-vous' }).click()]);
      await page.getByText('Le rendez-vous n’est pas enregistré').waitFor();
      assert.match(await page.locator('#place-error').innerText(), /commence par https:\/\//);
      assert.equal(await page.getByLabel(/^Objet/).inputValue(), 'Préparer l’entretien chez le boulanger');
      await visit(page);
      await page.getByLabel(/^Lieu/).fill('https://visio.exemple/lea');
      await Promise.all([page.waitForURL(/\/personnes\/\d+/), page.getByRole('button', { name: 'Fixer le rendez-vous' }).click()]);
      await page.getByText('Le rendez-vous est fixé').waitFor();
      await page.getByRole('cell', { name: 'Préparer l’entretien chez le boulanger' }).waitFor();
      await visit(page);

      // The week agenda, then the next week and back, with the keyboard.
      await visit(page, `${server.url}/agenda?semaine=${date}`);
      await page.getByRole('cell', { name: 'Préparer l’entretien chez le boulanger' }).waitFor();
      const title = await page.locator('#semaine').innerText();
      await tabTo(page, (f) => f.id === 'agenda-next', 'le lien « Semaine suivante »');
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      assert.notEqual(await page.locator('#semaine').innerText(), title);
      await visit(page);
      await tabTo(page, (f) => f.id === 'agenda-prev', 'le lien « Semaine précédente »');
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      assert.equal(await page.locator('#semaine').innerText(), title);
      await visit(page, `${server.url}/agenda/jour?date=${date}`);
      await visit(page, `${server.url}/agenda/a-mettre-a-jour`);
      const id = sql("SELECT id FROM appointments WHERE purpose = 'Préparer l’entretien chez le boulanger'");
      await visit(page, `${server.url}/rendez-vous/${id}`);

      // Léa, on her phone, signs in with the link of the mail.
      const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
      phone.setDefaultTimeout(30000);
      const person = await phone.newPage();
      const already = mails(server.dir).filter((m) => m.text.includes('To: personne@demo.test')).length;
      await visit(person, `${server.url}/mon-espace/connexion`);
      await person.locator('#email').fill('personne@demo.test');
      await Promise.all([person.waitForLoadState('load'), person.locator('#email').press('Enter')]);
      let link;
      for (let attempt = 0; attempt < 120 && !link; attempt++) {
        const found = mails(server.dir).filter((m) => m.text.includes('To: personne@demo.test'));
        if (found.length > already) link = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(found.at(-1).text)?.[0];
        else await new Promise((r) => setTimeout(r, 250));
      }
      assert.ok(link, 'le lien de connexion');
      await visit(person, `${server.url}${link}`);
      await Promise.all([person.waitForURL(`${server.url}/mon-espace`), person.getByRole('button', { name: 'Ouvrir mon espace' }).click()]);
      await person.getByText('Préparer l’entretien chez le boulanger').first().waitFor();
      await visit(person);
      await Promise.all([person.waitForLoadState('load'), person.getByRole('link', { name: 'Tous mes rendez-vous' }).click()]);
      await visit(person);
      // With the keyboard: the link of this appointment, then the form.
      await tabTo(person, (f) => f.text.startsWith('Je ne pourrai pas venir') && f.text.includes('14:30'), 'le lien « Je ne pourrai pas venir »');
      await Promise.all([person.waitForLoadState('load'), person.keyboard.press('Enter')]);
      await person.getByRole('heading', { name: 'Je ne pourrai pas venir' }).waitFor();
      await visit(person);
      await tabTo(person, (f) => f.id === 'message', 'le champ du message');
      await person.keyboard.type('Je commence un essai ce jour-là, merci de me rappeler.');
      await tabTo(person, (f) => f.text === 'Prévenir que je ne viendrai pas', 'le bouton');
      await Promise.all([person.waitForURL(`${server.url}/mon-espace/rendez-vous`), person.keyboard.press('Enter')]);
      await person.getByText('votre conseiller est prévenu').waitFor();
      await visit(person);
      assert.equal(sql(`SELECT status FROM appointments WHERE id = ${id}`), 'excused');

      // The référente: the carnet de bord and the appointment's message.
      await visit(page, `${server.url}/personnes/${lea}`);
      await page.getByText(/La personne a prévenu qu’elle ne pourra pas venir au rendez-vous du/).first().waitFor();
      await visit(page, `${server.url}/rendez-vous/${id}`);
      await page.getByText('Je commence un essai ce jour-là, merci de me rappeler.').waitFor();
      await phone.close();
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

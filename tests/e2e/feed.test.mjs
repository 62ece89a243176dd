// End to end in Chromium, with the keyboard and axe-core (WCAG 2.1 A/AA) at zero violations on
// every page visited:
//   - webhooks: the organisation admin opens "Webhooks" from the organisation's page, submits a
//     bad address (the field is named, what was typed kept, nothing written), adds a webhook to a
//     receiver running in this test, sees the secret once, finds the delivery in the log, deletes
//     it; a professional of the organisation is refused the page;
//   - exports: the territory manager opens the exports from the territory page and downloads the
//     persons file with the keyboard (UTF-8 with BOM, `;`), then sees it in the history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';

import { login, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { startServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

const demoPassword = 'parcours-demo-2026';

async function startDemo() {
  let cli;
  const server = await startServer({
    before: async (run) => {
      cli = run;
      for (const args of [['load-geo'], ['seed-demo']]) {
        const done = await run(args);
        assert.equal(done.code, 0, done.stderr);
      }
    },
  });
  const sql = sqliteQuery(server);
  return { server, sql, cli };
}

test('Webhooks: add one with the keyboard, see its secret once, its deliveries, delete it', async () => {
  const received = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => { received.push(body); res.end('ok'); });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${receiver.address().port}/hook`;
  const { server, sql, cli } = await startDemo();
  try {
    const made = await cli(['token', 'create', '--org', 'conseil-departemental-des-ardennes', '--scopes', 'events:read', '--name', 'Logiciel RSA']);
    assert.equal(made.code, 0, made.stderr);
    const org = sql("SELECT id FROM organisations WHERE slug = 'conseil-departemental-des-ardennes'");
    await withBrowser(async (page, _context, browser) => {
      await login(page, server.url, 'structure@demo.test', demoPassword);
      await visit(page, `${server.url}/structures/${org}`);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Webhooks' }).click()]);
      await page.getByRole('heading', { level: 1, name: /Webhooks de/ }).waitFor();
      assert.match(await page.locator('main').innerText(), /Aucun webhook pour l’instant/);
      await visit(page);

      // A bad address: the field is named, what was typed kept, nothing written.
      await page.getByLabel('Jeton d’API').selectOption({ index: 1 });
      await page.getByLabel(/^Adresse de réception/).fill('ftp://logiciel.exemple.fr/');
      await page.getByLabel(/^Types d’événements/).fill('journey. note.');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Ajouter le webhook' }).click()]);
      assert.match(await page.locator('#url-error').innerText(), /https:\/\//);
      assert.equal(await page.getByLabel(/^Adresse de réception/).inputValue(), 'ftp://logiciel.exemple.fr/');
      assert.equal(await page.getByLabel(/^Types d’événements/).inputValue(), 'journey. note.');
      assert.equal(sql('SELECT COUNT(*) FROM webhook_subscriptions'), '0');
      await visit(page);

      // With the keyboard.
      await page.getByLabel(/^Adresse de réception/).fill(hookUrl);
      await page.getByLabel(/^Types d’événements/).fill('');
      await page.getByLabel(/^Adresse de réception/).focus();
      await tabTo(page, (f) => f.text === 'Ajouter le webhook', 'le bouton « Ajouter le webhook »');
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.getByRole('heading', { level: 1, name: 'Webhook créé' }).waitFor();
      const secret = await page.getByLabel(/^Secret de signature/).inputValue();
      assert.match(secret, /^whsec_/);
      await visit(page);

      // An event of a person the CD 08 follows is delivered and shows in the log.
      const person = sql(
        'SELECT j.person_id FROM journeys j JOIN journey_members m ON m.journey_id = j.id WHERE m.organisation_id = ' +
        `${org} AND m.left_at IS NULL LIMIT 1`);
      sql(`INSERT INTO journal (at, kind, person_id, payload) VALUES (strftime('%s','now'), 'note.added', ${person}, '{}')`);
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(received.length, 1);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: /Voir le webhook/ }).click()]);
      await page.getByText('Reçu (HTTP 200)').waitFor();
      assert.equal(await page.getByText(secret).count(), 0, 'the secret is not shown again');
      await visit(page);

      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /Supprimer ce webhook/ }).click()]);
      await page.getByText('Webhook supprimé.').waitFor();
      assert.equal(sql('SELECT COUNT(*) FROM webhook_subscriptions'), '0');
      await visit(page);

      // A professional of the organisation may not manage its webhooks.
      const other = await browser.newContext({ locale: 'fr-FR' });
      const professional = await other.newPage();
      await login(professional, server.url, 'referent@demo.test', demoPassword);
      const refused = await professional.goto(`${server.url}/structures/${org}/webhooks`);
      assert.equal(refused.status(), 403);
      await visit(professional);
      await other.close();
    });
  } finally {
    receiver.close();
    assert.equal(await server.stop(), 0, server.logs());
  }
});

test('Exports: the territory manager downloads the persons file with the keyboard', async () => {
  const { server, sql } = await startDemo();
  try {
    const territory = sql("SELECT territory_id FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'territoire@demo.test' AND r.role = 'territory_manager'");
    await withBrowser(async (page) => {
      await login(page, server.url, 'territoire@demo.test', demoPassword);
      await visit(page, `${server.url}/territoires/${territory}`);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: /Exporter les personnes et les parcours/ }).click()]);
      await page.getByRole('heading', { level: 1, name: /Exports CSV/ }).waitFor();
      assert.match(await page.locator('main').innerText(), /Aucun export pour l’instant/);
      await visit(page);
      await page.getByRole('heading', { level: 1 }).click();
      await tabTo(page, (f) => f.text === 'Exporter les personnes', 'le bouton « Exporter les personnes »');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assert.match(download.suggestedFilename(), /^personnes-.*\.csv$/);
      const bytes = readFileSync(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.match(bytes.toString('utf8', 3, 200), /^Identifiant;Nom de naissance;/);
      await visit(page, page.url());
      assert.match(await page.locator('tbody').innerText(), /Personnes/);
      assert.equal(sql("SELECT COUNT(*) FROM journal WHERE kind = 'export.persons'"), '1');
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

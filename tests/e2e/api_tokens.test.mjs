// End to end in Chromium: the organisation admin opens the "Accès API" page from the
// organisation's page, first submits without any scope (the field is named, the name typed is
// kept, nothing is written), then creates a token with the keyboard; the secret is shown once and
// works against the API; the token is listed, then revoked (and refused by the API). A
// professional of the organisation is refused the page. axe-core (WCAG 2.1 A/AA) reports zero
// violations on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { login, tabTo, visit, withBrowser } from '../support/browser.mjs';
import { startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

const demoPassword = 'parcours-demo-2026';

test('Accès API: create a token with the keyboard, see its secret once, revoke it', async () => {
  const server = await startDemoServer();
  const sql = sqliteQuery(server);
  const org = sql("SELECT id FROM organisations WHERE slug = 'conseil-departemental-des-ardennes'");
  const api = (path, secret) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${secret}` } });
  try {
    await withBrowser(async (page, _context, browser) => {
      await login(page, server.url, 'structure@demo.test', demoPassword);
      await visit(page, `${server.url}/structures/${org}`);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Accès API' }).click()]);
      await page.getByRole('heading', { level: 1, name: /Accès API de/ }).waitFor();
      assert.match(await page.locator('main').innerText(), /pas encore de jeton/);
      await visit(page);

      // Without a scope: the field is named, the name kept, nothing written.
      await page.getByLabel(/^Nom du jeton/).fill('Logiciel RSA du département');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Créer le jeton' }).click()]);
      assert.match(await page.locator('#scopes-error').innerText(), /Portées : choisissez au moins une portée/);
      assert.equal(await page.getByLabel(/^Nom du jeton/).inputValue(), 'Logiciel RSA du département');
      assert.equal(sql('SELECT COUNT(*) FROM api_tokens'), '0');
      await visit(page);

      // With the keyboard: persons read, journeys read and write, then create.
      await page.getByLabel(/^Nom du jeton/).focus();
      await tabTo(page, (f) => f.id === 'scope-persons-none', 'le choix « Personnes »');
      await page.keyboard.press('ArrowRight');
      await tabTo(page, (f) => f.id.startsWith('scope-journeys-'), 'le choix « Parcours »');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.locator('#scope-persons-read').isChecked(), true);
      assert.equal(await page.locator('#scope-journeys-write').isChecked(), true);
      await tabTo(page, (f) => f.text === 'Créer le jeton', 'le bouton « Créer le jeton »');
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.getByText('Jeton « Logiciel RSA du département » créé').waitFor();
      const secret = await page.getByLabel('Secret du jeton').inputValue();
      assert.match(secret, /^prc_[A-Za-z0-9_-]{43}$/);
      assert.equal(sql("SELECT scopes FROM api_tokens"), 'persons:read journeys:write');
      assert.equal(sql(`SELECT COUNT(*) FROM api_tokens WHERE secret_hash = '${secret}'`), '0');
      await visit(page);
      assert.equal((await api('/api/v1/persons?q=ma', secret)).status, 200);

      // Listed (the secret is not shown again), then revoked.
      await visit(page, page.url());
      assert.equal(await page.getByLabel('Secret du jeton').count(), 0);
      const row = page.locator('tbody tr', { hasText: 'Logiciel RSA du département' });
      assert.match(await row.innerText(), /Personnes \(lecture\), Parcours \(lecture et écriture\)/);
      assert.match(await row.innerText(), /Actif/i);
      await Promise.all([page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Révoquer le jeton Logiciel RSA du département' }).click()]);
      await page.getByText('Jeton « Logiciel RSA du département » révoqué').waitFor();
      assert.match(await page.locator('tbody tr').first().innerText(), /Révoqué le/i);
      await visit(page);
      assert.equal((await api('/api/v1/persons?q=ma', secret)).status, 401);
      assert.equal(sql("SELECT COUNT(*) FROM journal WHERE kind LIKE 'api_token.%'"), '2');

      // A professional of the organisation may not manage its tokens.
      const other = await browser.newContext({ locale: 'fr-FR' });
      const pro = await other.newPage();
      await login(pro, server.url, 'orientation@demo.test', demoPassword);
      const refused = await pro.goto(`${server.url}/structures/${org}/acces-api`);
      assert.equal(refused.status(), 403);
      await visit(pro);
      await other.close();
    });
  } finally {
    assert.equal(await server.stop(), 0, server.logs());
  }
});

// End-to-end: signing in, failing to, asking for a new password and signing out in Chromium,
// with axe-core (WCAG 2.1 A/AA) finding no violation on any page visited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { withBrowser, expectNoAxeViolations, login } from '../support/browser.mjs';

const password = 'une phrase de passe solide';
let server;

before(async () => {
  server = await startServer({
    before: async (cli) => {
      const added = await cli(
        ['user', 'add', '--email', 'agent@exemple.fr', '--name', 'Agent Test', '--role', 'admin', '--password-stdin'],
        { input: `${password}\n` },
      );
      assert.equal(added.code, 0, added.stderr);
    },
  });
});
after(async () => {
  if (server) assert.equal(await server.stop(), 0, server.logs());
});

test('a wrong password shows the error on an accessible page, then the right one signs in', async () => {
  await withBrowser(async (page) => {
    await page.goto(`${server.url}/connexion`);
    await expectNoAxeViolations(page);

    await page.getByLabel('Adresse électronique').fill('agent@exemple.fr');
    await page.locator('input[name="password"]').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse électronique ou mot de passe incorrect.').waitFor();
    assert.equal(await page.getByLabel('Adresse électronique').inputValue(), 'agent@exemple.fr');
    await expectNoAxeViolations(page);

    await login(page, server.url, 'agent@exemple.fr', password);
    await page.goto(`${server.url}/compte`);
    await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
    assert.ok(await page.getByText('Administrateur national').isVisible());
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/connexion');
    await page.goto(`${server.url}/compte`);
    await page.waitForURL((url) => url.pathname === '/connexion');
  });
});

test('the forgotten-password pages are accessible and answer the same for any address', async () => {
  await withBrowser(async (page) => {
    await page.goto(`${server.url}/connexion`);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Adresse électronique').fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await page.getByText('Saisissez une adresse électronique valide').first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Adresse électronique').fill('personne@exemple.fr');
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await page.getByText("Si un compte existe pour cette adresse, un courriel vient d'être envoyé.").waitFor();
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/mot-de-passe/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'Lien expiré ou déjà utilisé' }).waitFor();
    await expectNoAxeViolations(page);
  });
});

// Black-box tests of the accounts pages and of `parcours user add`, against the real binary on a
// fresh SQLite database: login, wrong password, throttling, CSRF and Origin refusals, logout,
// password reset by the emailed link (single use, expiry), invitations, several roles and the
// choice of the organisation one acts for.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, mails } from '../support/server.mjs';
import { Visitor } from '../support/visitor.mjs';

const password = 'une phrase de passe solide';

// A browser without JavaScript: keeps cookies, sends the Origin of the site on POSTs, never
// follows redirects on its own.
const decode = (html) => html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');

// Waits for the job loop to deliver a mail to `to`, then returns its text.
async function mailTo(dir, to, { count = 1 } = {}) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = mails(dir).filter((mail) => mail.text.includes(`To: ${to}\r\n`));
    if (found.length >= count) return found[count - 1].text;
    if (Date.now() > deadline) throw new Error(`aucun courriel pour ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const linkPath = (text) => {
  const match = /\/mot-de-passe\/([A-Za-z0-9_-]{43})/.exec(text);
  assert.ok(match, `pas de lien dans :\n${text}`);
  return match[0];
};

const addUser = (cli, email, name, pw) =>
  cli(['user', 'add', '--email', email, '--name', name, '--role', 'admin', '--password-stdin'], { input: `${pw}\n` });

describe('accounts on a fresh SQLite database', () => {
  let server;
  before(async () => {
    server = await startServer({
      before: async (cli) => {
        for (const [email, name] of [
          ['agent@exemple.fr', 'Agent Test'],
          ['verrou@exemple.fr', 'Verrou Test'],
          ['oubli@exemple.fr', 'Oubli Test'],
        ]) {
          const added = await addUser(cli, email, name, password);
          assert.equal(added.code, 0, added.stderr);
        }
      },
    });
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  test('the login page is a DSFR form with a CSRF token and the right autocomplete hints', async () => {
    const page = await new Visitor(server.url).request('/connexion');
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Connexion à Parcours<\/h1>/);
    assert.match(page.text, /<input type="hidden" name="csrf_token" value="[A-Za-z0-9_-]{43}">/);
    assert.match(page.text, /autocomplete="username"/);
    assert.match(page.text, /autocomplete="current-password"/);
    assert.match(page.text, /href="\/mot-de-passe-oublie"/);
  });

  test('the right password opens a session, then /compte shows the account', async () => {
    const visitor = new Visitor(server.url);
    const res = await visitor.tryLogin('Agent@Exemple.fr', password);
    assert.equal(res.status, 303);
    assert.equal(res.location, '/');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('parcours_session='));
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const account = await visitor.request('/compte');
    assert.equal(account.status, 200);
    const text = decode(account.text);
    assert.match(text, /Agent Test/);
    assert.match(text, /agent@exemple\.fr/);
    assert.match(text, /Administrateur national/);
  });

  test('after login the visitor goes to `next` only when it is a path of this site', async () => {
    for (const [next, expected] of [
      ['/compte', '/compte'],
      ['//autre.example/piege', '/'],
      ['https://autre.example/', '/'],
      ['/\\autre.example', '/'],
    ]) {
      const res = await new Visitor(server.url).tryLogin('agent@exemple.fr', password, { next });
      assert.equal(res.status, 303, next);
      assert.equal(res.location, expected, next);
    }
  });

  test('a wrong password and an unknown address get the same message, with the email kept', async () => {
    const wrong = await new Visitor(server.url).tryLogin('agent@exemple.fr', 'pas le bon mot de passe');
    const unknown = await new Visitor(server.url).tryLogin('personne@exemple.fr', 'pas le bon mot de passe');
    for (const [res, email] of [[wrong, 'agent@exemple.fr'], [unknown, 'personne@exemple.fr']]) {
      assert.equal(res.status, 422);
      assert.match(decode(res.text), /Adresse électronique ou mot de passe incorrect\./);
      assert.match(res.text, new RegExp(`value="${email.replace('.', '\\.')}"`));
      assert.ok(!res.headers.getSetCookie().some((c) => /^parcours_session=[^;]/.test(c)));
    }
  });

  test('an empty field is named in the error', async () => {
    const res = await new Visitor(server.url).tryLogin('agent@exemple.fr', '');
    assert.equal(res.status, 422);
    assert.match(decode(res.text), /Saisissez votre mot de passe\./);
  });

  test('five failures lock the account: 429 with a French message saying when to retry', async () => {
    const visitor = new Visitor(server.url);
    for (let i = 0; i < 5; i++) {
      assert.equal((await visitor.tryLogin('verrou@exemple.fr', 'mauvais mot de passe')).status, 422);
    }
    const locked = await visitor.tryLogin('verrou@exemple.fr', password);
    assert.equal(locked.status, 429);
    const text = decode(locked.text);
    assert.match(text, /Trop de tentatives de connexion/);
    assert.match(text, /réessayez dans 15 minutes/);
    assert.ok(Number(locked.headers.get('retry-after')) > 800);
    assert.ok(!locked.headers.getSetCookie().some((c) => /^parcours_session=[^;]/.test(c)));
    // Other accounts are not locked.
    assert.equal((await new Visitor(server.url).tryLogin('agent@exemple.fr', password)).status, 303);
  });

  test('a login without the CSRF token is refused with 403', async () => {
    const visitor = new Visitor(server.url);
    await visitor.request('/connexion');
    const res = await visitor.request('/connexion', {
      method: 'POST',
      form: { email: 'agent@exemple.fr', password },
    });
    assert.equal(res.status, 403);
    assert.ok(!res.headers.getSetCookie().some((c) => /^parcours_session=[^;]/.test(c)));
  });

  test('a login posted from another site is refused with 403 even with a valid token', async () => {
    const visitor = new Visitor(server.url);
    const csrf_token = await visitor.csrf('/connexion');
    const res = await visitor.request('/connexion', {
      method: 'POST',
      form: { csrf_token, email: 'agent@exemple.fr', password },
      origin: 'https://autre.example',
    });
    assert.equal(res.status, 403);
    assert.match(decode(res.text), /autre site/);
  });

  test('a form posted without Origin nor Referer is refused with 403, the Referer of the site is enough', async () => {
    const visitor = new Visitor(server.url);
    const csrf_token = await visitor.csrf('/connexion');
    const form = { csrf_token, email: 'agent@exemple.fr', password };
    const bare = await visitor.request('/connexion', { method: 'POST', form, origin: null });
    assert.equal(bare.status, 403);
    assert.match(decode(bare.text), /Requête refusée : son origine est inconnue\. Rechargez la page puis réessayez\./);
    assert.ok(!bare.headers.getSetCookie().some((c) => /^parcours_session=[^;]/.test(c)));
    const referred = await visitor.request('/connexion', {
      method: 'POST',
      form,
      origin: null,
      headers: { referer: `${server.url}/connexion` },
    });
    assert.equal(referred.status, 303);
  });

  test('logout ends the session server-side and clears the cookie', async () => {
    const visitor = new Visitor(server.url);
    await visitor.tryLogin('agent@exemple.fr', password);
    const stolen = visitor.cookies.get('parcours_session');
    assert.ok(stolen);
    const out = await visitor.post('/deconnexion', {}, { formPage: '/compte' });
    assert.equal(out.status, 303);
    assert.equal(out.location, '/connexion');
    assert.equal(visitor.cookies.get('parcours_session'), undefined);
    // The old cookie no longer opens anything.
    const replay = new Visitor(server.url);
    replay.cookies.set('parcours_session', stolen);
    const account = await replay.request('/compte');
    assert.equal(account.status, 302);
    assert.equal(account.location, '/connexion?next=%2Fcompte');
  });

  test('a password reset goes through the emailed link, once', async () => {
    const visitor = new Visitor(server.url);
    const known = await visitor.post('/mot-de-passe-oublie', { email: 'oubli@exemple.fr' });
    const unknown = await visitor.post('/mot-de-passe-oublie', { email: 'personne@exemple.fr' });
    for (const res of [known, unknown]) {
      assert.equal(res.status, 200);
      assert.match(decode(res.text), /Si un compte existe pour cette adresse, un courriel vient d'être envoyé\./);
    }
    const mail = await mailTo(server.dir, 'oubli@exemple.fr');
    assert.match(mail, /valable 30 minutes/);
    const link = linkPath(mail);
    assert.ok(!mails(server.dir).some((m) => m.text.includes('personne@exemple.fr')));

    const form = await visitor.request(link);
    assert.equal(form.status, 200);
    assert.match(form.text, /autocomplete="new-password"/);

    const mismatch = await visitor.post(link, { password: 'nouvelle phrase de passe', password_confirmation: 'autre chose encore' });
    assert.equal(mismatch.status, 422);
    assert.match(decode(mismatch.text), /ne sont pas identiques/);
    const short = await visitor.post(link, { password: 'court', password_confirmation: 'court' });
    assert.equal(short.status, 422);
    assert.match(decode(short.text), /au moins 12 caractères/);

    const done = await visitor.post(link, { password: 'nouvelle phrase de passe', password_confirmation: 'nouvelle phrase de passe' });
    assert.equal(done.status, 303);
    assert.equal(done.location, '/connexion');
    const next = await visitor.request('/connexion');
    assert.match(decode(next.text), /Votre mot de passe a été changé/);

    assert.equal((await new Visitor(server.url).tryLogin('oubli@exemple.fr', password)).status, 422);
    assert.equal((await new Visitor(server.url).tryLogin('oubli@exemple.fr', 'nouvelle phrase de passe')).status, 303);

    const reused = await visitor.request(link);
    assert.equal(reused.status, 410);
    assert.match(decode(reused.text), /n'est plus valable/);
    assert.match(reused.text, /href="\/mot-de-passe-oublie"/);
  });

  test('user add without a password prints an invitation link that sets the first password', async () => {
    const added = await server.cli(['user', 'add', '--email', 'Nouvelle@Exemple.fr', '--name', 'Nouvelle Recrue', '--role', 'admin']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Compte créé : nouvelle@exemple\.fr/);
    const link = linkPath(added.stdout);
    const visitor = new Visitor(server.url);
    const form = await visitor.request(link);
    assert.equal(form.status, 200);
    assert.match(decode(form.text), /Choisir votre mot de passe/);
    const done = await visitor.post(link, { password: 'ma première phrase', password_confirmation: 'ma première phrase' });
    assert.equal(done.status, 303);
    assert.equal((await new Visitor(server.url).tryLogin('nouvelle@exemple.fr', 'ma première phrase')).status, 303);
  });

  test('an expired invitation link says so and offers to ask for a new one', async () => {
    const eightDaysAgo = Math.floor(Date.now() / 1000) - 8 * 86400;
    const added = await server.cli(['user', 'add', '--email', 'tardif@exemple.fr', '--name', 'Tardif', '--role', 'admin'], {
      env: { PARCOURS_FAKE_NOW: String(eightDaysAgo) },
    });
    assert.equal(added.code, 0, added.stderr);
    const page = await new Visitor(server.url).request(linkPath(added.stdout));
    assert.equal(page.status, 410);
    assert.match(decode(page.text), /n'est plus valable/);
    assert.match(page.text, /href="\/mot-de-passe-oublie"/);
  });

  test('user add refuses an unknown role or organisation with one French line and exit code 2', async () => {
    const role = await server.cli(['user', 'add', '--email', 'x@exemple.fr', '--name', 'X', '--role', 'chef']);
    assert.equal(role.code, 2);
    assert.match(role.stderr, /^parcours : rôle inconnu « chef »/);
    assert.equal(role.stderr.trim().split('\n').length, 1);
    const org = await server.cli(['user', 'add', '--email', 'x@exemple.fr', '--name', 'X', '--role', 'professional', '--org', 'nulle-part']);
    assert.equal(org.code, 2);
    assert.match(org.stderr, /structure inconnue « nulle-part »|structure inconnue : « nulle-part »/);
    const missing = await server.cli(['user', 'add', '--email', 'x@exemple.fr', '--name', 'X', '--role', 'org_admin']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /demande --org/);
    const short = await server.cli(['user', 'add', '--email', 'x@exemple.fr', '--name', 'X', '--role', 'admin', '--password-stdin'], { input: 'court\n' });
    assert.equal(short.code, 2);
    assert.match(short.stderr, /au moins 12 caractères/);
    const login = await new Visitor(server.url).tryLogin('x@exemple.fr', 'court');
    assert.equal(login.status, 422);
  });
});

describe('several roles on the demo territory, on PostgreSQL', () => {
  let demo;
  before(async () => {
    demo = await startServer({
      engine: 'postgres',
      env: { PARCOURS_DEMO_PASSWORD: password },
      before: async (cli) => {
        for (const args of [['load-geo'], ['seed-demo']]) {
          const done = await cli(args);
          assert.equal(done.code, 0, done.stderr);
        }
      },
    });
  });
  after(async () => {
    if (demo) assert.equal(await demo.stop(), 0, demo.logs());
  });

  test('user add on an existing email adds the role to the same account', async () => {
    const added = await demo.cli(['user', 'add', '--email', 'referent@demo.test', '--name', 'Sofia Moreau', '--role', 'org_admin', '--org', 'ccas-de-sedan']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Compte existant : referent@demo\.test/);
    assert.match(added.stdout, /Rôle accordé : Administrateur de structure \(ccas-de-sedan\)/);
    assert.doesNotMatch(added.stdout, /mot-de-passe\//);
    // A territory manager is named by an organisation of the territory, or by the territory.
    for (const org of ['ccas-de-sedan', 'ardennes']) {
      const manager = await demo.cli(['user', 'add', '--email', 'cheffe@demo.test', '--name', 'Cheffe', '--role', 'territory_manager', '--org', org, '--password-stdin'], { input: `${password}\n` });
      assert.equal(manager.code, 0, manager.stderr);
    }
    const visitor = new Visitor(demo.url);
    assert.equal((await visitor.tryLogin('cheffe@demo.test', password)).status, 303);
    const page = decode((await visitor.request('/compte')).text);
    assert.equal(page.match(/Responsable de territoire — Ardennes/g).length, 1);
  });

  test('an account of several organisations lists its roles and switches the one it acts for', async () => {
    const visitor = new Visitor(demo.url);
    assert.equal((await visitor.tryLogin('referent@demo.test', password)).status, 303);
    let page = decode((await visitor.request('/compte')).text);
    assert.match(page, /Professionnel — Mission locale de Charleville-Mézières \(référent\(e\) de parcours\)/);
    assert.match(page, /Professionnel — Association Le Relais ardennais/);
    assert.match(page, /Administrateur de structure — CCAS de Sedan/);
    const options = [...page.matchAll(/name="organisation_id" value="(\d+)"( checked)?>\s*<label class="fr-label" for="organisation-\d+">([^<]+)</g)];
    assert.equal(options.length, 3);
    assert.equal(options[0][2], ' checked', 'la première structure est choisie par défaut');
    const relais = options.find((o) => o[3] === 'Association Le Relais ardennais');

    const chosen = await visitor.post('/compte/structure', { organisation_id: relais[1] }, { formPage: '/compte' });
    assert.equal(chosen.status, 303);
    assert.equal(chosen.location, '/compte');
    page = decode((await visitor.request('/compte')).text);
    assert.match(page, /Vous agissez désormais pour Association Le Relais ardennais\./);
    assert.match(page, new RegExp(`value="${relais[1]}" checked`));
  });

  test('nobody can act for an organisation they do not belong to', async () => {
    const visitor = new Visitor(demo.url);
    assert.equal((await visitor.tryLogin('orientation@demo.test', password)).status, 303);
    const page = decode((await visitor.request('/compte')).text);
    assert.match(page, /Professionnel — Conseil départemental des Ardennes \(chargé\(e\) d'orientation\)/);
    assert.match(page, /Vous agissez pour <strong>Conseil départemental des Ardennes<\/strong>/);
    // The id of an organisation of the demo that this account does not belong to.
    const referent = new Visitor(demo.url);
    await referent.tryLogin('referent@demo.test', password);
    const relais = /value="(\d+)"[^>]*>\s*<label class="fr-label" for="organisation-\d+">Association Le Relais/.exec(
      (await referent.request('/compte')).text,
    )[1];
    const refused = await visitor.post('/compte/structure', { organisation_id: relais }, { formPage: '/compte' });
    assert.equal(refused.status, 403);
    const anonymous = await new Visitor(demo.url).post('/compte/structure', { organisation_id: relais }, { formPage: '/connexion' });
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.location, /^\/connexion/);
  });
});

// Black-box tests of the person's space (/mon-espace) and of the public form "Demander un
// accompagnement", against the real binary on a fresh SQLite database with the demo territory
// of the Ardennes: bad input on every field of both forms (a French message naming the field,
// what was typed kept, nothing written), the honeypot, the rate limits, CSRF on every portal
// form, the magic link (single use, same answer for any address), the person session cookie,
// contact update, a request for another référent, objections, the access list and the export.
// What the person's team does (join, write a note, read the record) is put in the database
// directly: it belongs to the people feature's pages.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, mails } from '../support/server.mjs';
import { Visitor } from '../support/visitor.mjs';
import { attachAccessLog } from '../support/sqlite.mjs';

// A browser without JavaScript: keeps cookies, sends the Origin of the site on POSTs, never
// follows redirects on its own.
const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

// Runs SQL on the server's SQLite database; returns the rows as arrays of strings. Waits up to
// 5 s for the write lock, as the server does: without it, a write of the server in progress
// (its job worker, its access log) failed the fixture with "database is locked".
function sql(server, query) {
  const file = server.dbUrl.replace(/^sqlite:/, '');
  const args = ['-cmd', '.timeout 5000', ...attachAccessLog(file), '-separator', '|', file, query];
  const out = execFileSync('sqlite3', args, {
    encoding: 'utf8',
  });
  return out.trim() === '' ? [] : out.trim().split('\n').map((line) => line.split('|'));
}
const scalar = (server, query) => sql(server, query)[0][0];

async function mailsTo(dir, to, count = 1) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = mails(dir).filter((mail) => mail.text.includes(`To: ${to}\r\n`));
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`moins de ${count} courriel(s) pour ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const linkOf = (text) => {
  const match = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(text);
  assert.ok(match, `pas de lien dans :\n${text}`);
  return match[0];
};

const validRequest = (overrides = {}) => ({
  birth_name: 'Nguyen',
  first_names: 'Linh',
  birth_date: '02/05/1995',
  nir: '',
  email: 'linh.nguyen@exemple.fr',
  phone: '',
  commune: 'Sedan',
  postcode: '',
  need: 'Je cherche une formation de cariste.',
  ...overrides,
});

const seedDemo = async (cli) => {
  for (const args of [['load-geo'], ['seed-demo']]) {
    const done = await cli(args);
    assert.equal(done.code, 0, done.stderr);
  }
};

// Opens a person session through the link of the `count`-th mail to `email`.
async function signIn(server, email, count) {
  const visitor = new Visitor(server.url);
  const asked = await visitor.post('/mon-espace/connexion', { email });
  assert.equal(asked.status, 200);
  const mail = (await mailsTo(server.dir, email, count))[count - 1];
  const opened = await visitor.post(linkOf(mail.text), {});
  assert.equal(opened.status, 303, opened.text);
  assert.equal(opened.location, '/mon-espace');
  return visitor;
}

describe('the public form on the demo territory', () => {
  let server;
  before(async () => {
    server = await startServer({ before: seedDemo });
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const written = () =>
    Number(scalar(server, 'SELECT (SELECT COUNT(*) FROM persons) + (SELECT COUNT(*) FROM journeys) + (SELECT COUNT(*) FROM outbox)'));

  test('the form is a DSFR form in French, with a hidden trap field and no inline style', async () => {
    const page = await new Visitor(server.url).request('/demander-un-accompagnement');
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Demander un accompagnement<\/h1>/);
    for (const label of ['Nom de naissance', 'Prénoms', 'Date de naissance', 'Adresse électronique', 'Téléphone', 'Commune', 'De quoi avez-vous besoin']) {
      assert.ok(page.text.includes(label), label);
    }
    assert.match(page.text, /<div class="fr-hidden" aria-hidden="true">\s*<label for="site_web">/);
    assert.match(page.text, /list="commune-suggestions"/);
    assert.doesNotMatch(page.text, /style=|<script>/);
  });

  test('every field with bad input gets a French message naming it, keeps what was typed, writes nothing', async () => {
    const cases = [
      ['birth_name', { birth_name: '' }, /Indiquez le nom de naissance/],
      ['birth_name', { birth_name: '---' }, /Saisissez le nom de naissance en lettres/],
      ['first_names', { first_names: '' }, /Indiquez les prénoms/],
      ['first_names', { first_names: 'a'.repeat(101) }, /les prénoms en lettres \(100 caractères au plus\)/],
      ['birth_date', { birth_date: '' }, /Indiquez votre date de naissance/],
      ['birth_date', { birth_date: '31/02/1995' }, /La date de naissance doit être une date valide/],
      ['birth_date', { birth_date: '01/01/2999' }, /La date de naissance doit être comprise entre 1900 et aujourd’hui/],
      ['nir', { nir: '1 84 05' }, /Le numéro de sécurité sociale doit comporter 13 caractères/],
      ['nir', { nir: '1 84 05 75 123 456 00' }, /La clé du numéro de sécurité sociale/],
      ['email', { email: 'linh@' }, /L’adresse électronique doit avoir la forme nom@domaine\.fr/],
      ['email', { email: '', phone: '' }, /Indiquez une adresse électronique ou un numéro de téléphone/],
      ['phone', { phone: '12 34' }, /Le numéro de téléphone doit être un numéro français de 10 chiffres/],
      ['commune', { commune: '' }, /Indiquez la commune/],
      ['commune', { commune: 'Nulle-Part-sur-Mer' }, /Commune « Nulle-Part-sur-Mer » inconnue/],
      ['commune', { commune: 'Reims' }, /Parcours n’est pas encore ouvert dans le département de Reims \(Marne\)/],
      ['postcode', { postcode: '8200' }, /Le code postal comporte 5 chiffres/],
      ['postcode', { postcode: '08000' }, /Le code postal 08000 n’est pas celui de Sedan/],
      ['need', { need: '   ' }, /Dites-nous en quelques mots ce dont vous avez besoin/],
      ['need', { need: 'x'.repeat(2001) }, /Votre message ne doit pas dépasser 2 000 caractères/],
    ];
    const before = written();
    for (const [field, change, message] of cases) {
      const form = validRequest(change);
      const res = await new Visitor(server.url).post('/demander-un-accompagnement', form);
      assert.equal(res.status, 422, `${field} : ${JSON.stringify(change)}`);
      const html = decode(res.text);
      const error = new RegExp(`<p class="fr-error-text" id="${field}-error">([^<]*)</p>`).exec(html);
      assert.ok(error, `pas d'erreur sous ${field} pour ${JSON.stringify(change)}`);
      assert.match(error[1], message);
      assert.match(html, new RegExp(`<a href="#${field}">`));
      assert.match(html, new RegExp(`id="${field}"[^>]*aria-describedby="${field}-error"|aria-describedby="${field}-error"`));
      // What was typed is kept, in the field and in the textarea.
      if (field !== 'birth_name') assert.ok(html.includes(`value="${form.birth_name}"`), field);
      if (field !== 'need') assert.ok(html.includes(`>${form.need}</textarea>`), field);
      if (form.commune) assert.ok(html.includes(`value="${form.commune}"`), field);
    }
    assert.equal(written(), before);
  });

  test('an empty form names all six missing answers at once', async () => {
    const res = await new Visitor(server.url).post('/demander-un-accompagnement', {});
    assert.equal(res.status, 422);
    assert.match(decode(res.text), /Le formulaire contient 6 erreurs/);
    for (const field of ['birth_name', 'first_names', 'birth_date', 'email', 'commune', 'need']) {
      assert.match(res.text, new RegExp(`id="${field}-error"`), field);
    }
  });

  test('a request typed without JavaScript lands in the orientation queue with an acknowledgement', async () => {
    const res = await new Visitor(server.url).post('/demander-un-accompagnement', validRequest({ commune: 'sedan' }));
    assert.equal(res.status, 303);
    assert.equal(res.location, '/demander-un-accompagnement/envoyee');
    const sent = await new Visitor(server.url).request(res.location);
    assert.equal(sent.status, 200);
    assert.match(sent.text, /Votre demande est envoyée/);
    const rows = sql(
      server,
      "SELECT p.birth_name, p.commune_code, j.status, j.entry, j.need, t.name FROM persons p " +
        "JOIN journeys j ON j.person_id = p.id JOIN territories t ON t.id = j.territory_id " +
        "WHERE p.email = 'linh.nguyen@exemple.fr'",
    );
    assert.deepEqual(rows, [['Nguyen', '08409', 'to_orient', 'public_form', 'Je cherche une formation de cariste.', 'Ardennes']]);
    const [mail] = await mailsTo(server.dir, 'linh.nguyen@exemple.fr');
    assert.match(mail.text, /Nous avons bien reçu votre demande d'accompagnement/);
    assert.match(mail.text, /\/mon-espace\/connexion/);
  });

  test('the same person asking twice with their NIR is found again, not duplicated', async () => {
    const form = validRequest({ birth_name: 'Bernard', first_names: 'Paul', email: '', phone: '06 01 02 03 04', nir: '1 84 05 75 123 456 25' });
    for (let i = 0; i < 2; i++) {
      const res = await new Visitor(server.url).post('/demander-un-accompagnement', form);
      assert.equal(res.status, 303, decode(res.text));
    }
    assert.equal(scalar(server, "SELECT COUNT(*) FROM persons WHERE birth_name = 'Bernard'"), '1');
    assert.equal(scalar(server, "SELECT COUNT(*) FROM journeys j JOIN persons p ON p.id = j.person_id WHERE p.birth_name = 'Bernard'"), '1');
    assert.equal(
      scalar(server, "SELECT COUNT(*) FROM journal WHERE kind = 'request.received' AND person_id = (SELECT id FROM persons WHERE birth_name = 'Bernard')"),
      '1',
    );
  });

  test('a robot filling the hidden field is told it worked, and nothing is written', async () => {
    const before = written();
    const res = await new Visitor(server.url).post('/demander-un-accompagnement', validRequest({ birth_name: 'Robot', site_web: 'http://spam.example' }));
    assert.equal(res.status, 303);
    assert.equal(res.location, '/demander-un-accompagnement/envoyee');
    assert.equal(written(), before);
    assert.equal(scalar(server, "SELECT COUNT(*) FROM persons WHERE birth_name = 'Robot'"), '0');
  });

  test('the form is refused without its CSRF token or from another site', async () => {
    const before = written();
    const visitor = new Visitor(server.url);
    await visitor.request('/demander-un-accompagnement');
    const noToken = await visitor.request('/demander-un-accompagnement', { method: 'POST', form: validRequest({ birth_name: 'Sanjeton' }) });
    assert.equal(noToken.status, 403);
    const token = await visitor.csrf('/demander-un-accompagnement');
    const elsewhere = await visitor.request('/demander-un-accompagnement', {
      method: 'POST',
      form: { csrf_token: token, ...validRequest({ birth_name: 'Ailleurs' }) },
      origin: 'https://malveillant.example',
    });
    assert.equal(elsewhere.status, 403);
    assert.equal(written(), before);
  });
});

describe('the public form is limited per IP address', () => {
  let server;
  before(async () => {
    server = await startServer({ before: seedDemo });
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  test('after five requests in an hour the sixth gets a French 429 page keeping what was typed', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await new Visitor(server.url).post('/demander-un-accompagnement', validRequest({ first_names: `Linh${'a'.repeat(i)}`, email: `linh${i}@exemple.fr` }));
      assert.equal(res.status, 303, `demande ${i + 1}`);
    }
    const refused = await new Visitor(server.url).post('/demander-un-accompagnement', validRequest({ first_names: 'Sixieme', email: 'six@exemple.fr' }));
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '3600');
    assert.match(decode(refused.text), /Trop de demandes ont été envoyées depuis votre connexion/);
    assert.ok(refused.text.includes('value="Sixieme"'));
    assert.equal(scalar(server, "SELECT COUNT(*) FROM persons WHERE first_names = 'Sixieme'"), '0');
  });
});

describe('the person’s space', () => {
  let server;
  let personId;
  let space;  // the person signed in: one session for the tests below (3 links per 15 minutes)
  const email = 'linh.nguyen@exemple.fr';
  before(async () => {
    server = await startServer({ before: seedDemo });
    const res = await new Visitor(server.url).post('/demander-un-accompagnement', validRequest({ phone: '06 11 22 33 44' }));
    assert.equal(res.status, 303, decode(res.text));
    personId = scalar(server, `SELECT id FROM persons WHERE email = '${email}'`);
    // The team, as the people feature's pages would make it: Sofia Moreau (mission locale) is
    // the référent, Karim Haddad (CD 08) a member; a note is shared with the person.
    sql(
      server,
      `INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at)
       SELECT j.id, u.id, o.id, 'referent', 1 FROM journeys j, users u, organisations o
       WHERE j.person_id = ${personId} AND u.email = 'referent@demo.test' AND o.name = 'Mission locale de Charleville-Mézières';
       INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at)
       SELECT j.id, u.id, o.id, 'member', 1 FROM journeys j, users u, organisations o
       WHERE j.person_id = ${personId} AND u.email = 'orientation@demo.test' AND o.name = 'Conseil départemental des Ardennes';
       INSERT INTO notes (journey_id, author_id, organisation_id, visibility, body, created_at)
       SELECT j.id, u.id, o.id, 'person', 'Rendez-vous jeudi à 14 h à la mission locale.', 100 FROM journeys j, users u, organisations o
       WHERE j.person_id = ${personId} AND u.email = 'referent@demo.test' AND o.name = 'Mission locale de Charleville-Mézières';
       INSERT INTO notes (journey_id, author_id, organisation_id, visibility, body, created_at)
       SELECT j.id, u.id, o.id, 'team', 'Note interne : dossier à compléter.', 101 FROM journeys j, users u, organisations o
       WHERE j.person_id = ${personId} AND u.email = 'referent@demo.test' AND o.name = 'Mission locale de Charleville-Mézières';
       INSERT INTO access_log (at, actor_id, person_id, part, purpose)
       SELECT 1800000000, id, ${personId}, 'journey', '/personnes/${personId}' FROM users WHERE email = 'territoire@demo.test';`,
    );
    space = await signIn(server, email, 2);  // after the acknowledgement
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  test('without a person session the space leads to its sign-in page', async () => {
    const visitor = new Visitor(server.url);
    for (const path of ['/mon-espace', '/mon-espace/carnet', '/mon-espace/coordonnees', '/mon-espace/consultations', '/mon-espace/mes-donnees.json', '/mon-espace/partage']) {
      const res = await visitor.request(path);
      assert.equal(res.status, 303, path);
      assert.equal(res.location, '/mon-espace/connexion', path);
    }
  });

  test('a staff session gives no access to the space', async () => {
    const staff = new Visitor(server.url);
    const login = await staff.post('/connexion', { email: 'referent@demo.test', password: 'parcours-demo-2026' });
    assert.equal(login.status, 303, decode(login.text));
    const res = await staff.request('/mon-espace');
    assert.equal(res.status, 303);
    assert.equal(res.location, '/mon-espace/connexion');
  });

  test('the sign-in form names a bad address and answers the same for known and unknown ones', async () => {
    for (const [typed, message] of [
      ['', /Saisissez une adresse électronique\./],
      ['linh@', /Saisissez une adresse électronique valide/],
    ]) {
      const res = await new Visitor(server.url).post('/mon-espace/connexion', { email: typed });
      assert.equal(res.status, 422);
      assert.match(decode(res.text), new RegExp(`id="email-error">${message.source}`));
      assert.ok(res.text.includes(`value="${typed}"`));
    }
    const strip = (html) => html.replace(/name="csrf_token" value="[^"]+"/g, '').replace(/adresse [^ ]+@exemple\.fr/, 'adresse X');
    const known = await new Visitor(server.url).post('/mon-espace/connexion', { email: 'Linh.Nguyen@Exemple.fr' });
    const unknown = await new Visitor(server.url).post('/mon-espace/connexion', { email: 'inconnu@exemple.fr' });
    assert.equal(known.status, 200);
    assert.equal(unknown.status, 200);
    assert.equal(strip(known.text), strip(unknown.text));
    await mailsTo(server.dir, email, 3);  // the acknowledgement, the first link, this one
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(mails(server.dir).filter((m) => m.text.includes('To: inconnu@exemple.fr')).length, 0);
  });

  test('the emailed link opens a session once; the cookie is HttpOnly and SameSite=Lax', async () => {
    const visitor = new Visitor(server.url);
    await visitor.post('/mon-espace/connexion', { email });
    const link = linkOf((await mailsTo(server.dir, email, 4))[3].text);
    const page = await visitor.request(link);
    assert.equal(page.status, 200);
    assert.match(page.text, /Ouvrir mon espace/);
    assert.ok(!visitor.cookies.has('parcours_espace'), 'visiting the link does not use it');
    const opened = await visitor.post(link, {});
    assert.equal(opened.status, 303);
    const cookie = visitor.setCookies.find((c) => c.startsWith('parcours_espace='));
    assert.match(cookie, /; Path=\/; HttpOnly; SameSite=Lax$/);
    const home = await visitor.request('/mon-espace');
    assert.equal(home.status, 200);
    assert.match(home.text, /<h1>Bonjour Linh<\/h1>/);
    assert.match(home.text, /action="\/mon-espace\/deconnexion"/);

    const again = await new Visitor(server.url).request(link);
    assert.equal(again.status, 410);
    const reused = await new Visitor(server.url).post(link, {}, { formPage: '/mon-espace/connexion' });
    assert.equal(reused.status, 410);
    assert.match(decode(reused.text), /Lien expiré ou déjà utilisé/);

    const out = await visitor.post('/mon-espace/deconnexion', {}, { formPage: '/mon-espace' });
    assert.equal(out.status, 303);
    assert.equal(out.location, '/mon-espace/connexion');
    assert.ok(!visitor.cookies.has('parcours_espace'));
    assert.equal((await visitor.request('/mon-espace')).status, 303);
  });

  test('home shows the team with how to reach them and an honest empty list of appointments', async () => {
    const visitor = space;
    const home = decode((await visitor.request('/mon-espace')).text);
    assert.match(home, /Sofia Moreau/);
    assert.match(home, /Mission locale de Charleville-Mézières/);
    assert.match(home, /Votre référent\(e\)/);
    assert.match(home, /<a href="tel:\+33324331920">03 24 33 19 20<\/a>/);
    assert.match(home, /mailto:contact@demo-missionlocale08\.test/);
    assert.match(home, /Karim Haddad/);
    assert.match(home, /Aucun rendez-vous n’est prévu pour l’instant/);
    const carnet = decode((await visitor.request('/mon-espace/carnet')).text);
    assert.match(carnet, /Rendez-vous jeudi à 14 h à la mission locale\./);
    assert.match(carnet, /Message de Sofia Moreau \(Mission locale de Charleville-Mézières\)/);
    assert.doesNotMatch(carnet, /Note interne/);
    // Their own reads are logged, as theirs.
    assert.ok(Number(scalar(server, `SELECT COUNT(*) FROM access_log WHERE person_id = ${personId} AND actor_id = 0`)) >= 2);
  });

  test('the access list shows organisation, role and date, not the reader’s name nor their own reads', async () => {
    const visitor = space;
    const page = decode((await visitor.request('/mon-espace/consultations')).text);
    assert.match(page, /<strong>Territoire Ardennes<\/strong> — Responsable du territoire<\/p>\s*<p class="fr-text--sm fr-mb-0">15 janvier 2027 à 0\d:00<\/p>/);
    assert.doesNotMatch(page, /Dominique Lefèvre/);
    assert.equal((page.match(/<strong>/g) ?? []).length, 1);

    // A member of her team opens her page in the professionals' pages: the read is listed with
    // the role they hold in her team.
    const staff = new Visitor(server.url);
    assert.equal((await staff.post('/connexion', { email: 'orientation@demo.test', password: 'parcours-demo-2026' })).status, 303);
    assert.equal((await staff.request(`/personnes/${personId}`)).status, 200);
    const after = decode((await visitor.request('/mon-espace/consultations')).text);
    assert.match(after, /<strong>Conseil départemental des Ardennes<\/strong> — Membre de votre équipe de suivi/);
    assert.doesNotMatch(after, /Karim Haddad/);
  });

  test('every contact field with bad input is named, kept, and nothing is written', async () => {
    const visitor = space;
    const current = { email, phone: '06 11 22 33 44', phone2: '', address: '', address_complement: '', commune: 'Sedan (08409)', postcode: '08200', domiciliation: '' };
    const cases = [
      ['email', { email: 'pas-une-adresse' }, /L’adresse électronique doit avoir la forme/],
      ['phone', { phone: '123' }, /Le numéro de téléphone doit être un numéro français/],
      ['phone2', { phone2: '00' }, /Le numéro de téléphone doit être un numéro français/],
      ['address', { address: 'a'.repeat(301) }, /L’adresse ne doit pas dépasser 300 caractères/],
      ['address_complement', { address_complement: 'b'.repeat(301) }, /Le complément d’adresse ne doit pas dépasser 300 caractères/],
      ['postcode', { postcode: '8200' }, /Le code postal comporte 5 chiffres/],
      ['commune', { commune: 'Nulle-Part-sur-Mer' }, /Commune « Nulle-Part-sur-Mer » inconnue/],
      ['domiciliation', { domiciliation: 'CCAS de Sedan' }, /L’adresse de domiciliation ne concerne que les personnes sans domicile fixe/],
    ];
    const events = () => scalar(server, `SELECT COUNT(*) FROM journal WHERE person_id = ${personId}`);
    const before = events();
    for (const [field, change, message] of cases) {
      const form = { ...current, ...change };
      const res = await visitor.post('/mon-espace/coordonnees', form);
      assert.equal(res.status, 422, field);
      const html = decode(res.text);
      const error = new RegExp(`<p class="fr-error-text" id="${field}-error">([^<]*)</p>`).exec(html);
      assert.ok(error, `pas d'erreur sous ${field}`);
      assert.match(error[1], message);
      const typed = change[field];
      assert.ok(html.includes(`value="${typed}"`), `${field} garde la saisie`);
    }
    assert.equal(events(), before);
    assert.deepEqual(sql(server, `SELECT email, phone FROM persons WHERE id = ${personId}`), [[email, '+33611223344']]);
  });

  test('a valid change of contact details is saved, journaled and marked as given by the person', async () => {
    const visitor = space;
    const res = await visitor.post('/mon-espace/coordonnees', {
      email,
      phone: '07 98 76 54 32',
      address: '3 rue des Tanneurs',
      commune: 'Sedan (08409)',
      postcode: '',
    });
    assert.equal(res.status, 303, decode(res.text));
    const page = decode((await visitor.request('/mon-espace/coordonnees')).text);
    assert.match(page, /Vos coordonnées sont enregistrées/);
    assert.ok(page.includes('value="07 98 76 54 32"'));
    assert.deepEqual(sql(server, `SELECT phone, address FROM persons WHERE id = ${personId}`), [['+33798765432', '3 rue des Tanneurs']]);
    assert.deepEqual(sql(server, `SELECT source FROM person_field_sources WHERE person_id = ${personId} AND field = 'phone'`), [['person']]);
    const [[payload]] = sql(server, `SELECT payload FROM journal WHERE person_id = ${personId} AND kind = 'person.updated' ORDER BY seq DESC LIMIT 1`);
    assert.match(payload, /"section":"contact"/);
    assert.match(payload, /"source":"person"/);
  });

  test('a request for another référent needs a reason, then reaches the team by email', async () => {
    const visitor = space;
    const page = decode((await visitor.request('/mon-espace/changer-de-referent')).text);
    assert.match(page, /Votre référent\(e\) aujourd’hui : <strong>Sofia Moreau<\/strong>/);
    const journeyId = /name="journey_id" value="(\d+)"/.exec(page)[1];
    for (const [field, form, message] of [
      ['reason', { journey_id: journeyId, reason: '' }, /Expliquez en quelques mots pourquoi/],
      ['reason', { journey_id: journeyId, reason: 'x'.repeat(1001) }, /Votre motif ne doit pas dépasser 1 000 caractères/],
      ['journey_id', { journey_id: 'abc', reason: 'Nous ne nous entendons pas.' }, /Choisissez le parcours concerné/],
      ['journey_id', { journey_id: '999999', reason: 'Nous ne nous entendons pas.' }, /Choisissez l’un de vos parcours/],
    ]) {
      const res = await visitor.post('/mon-espace/changer-de-referent', form);
      assert.equal(res.status, 422, `${field} ${form.reason.length}`);
      assert.match(decode(res.text), message);
      if (field === 'reason') assert.match(res.text, /id="reason-error"/);
      else assert.ok(decode(res.text).includes(`>${form.reason}</textarea>`));
    }
    assert.equal(scalar(server, 'SELECT COUNT(*) FROM referent_change_requests'), '0');
    const sent = await visitor.post('/mon-espace/changer-de-referent', { journey_id: journeyId, reason: 'Nous ne nous entendons pas.' });
    assert.equal(sent.status, 303);
    assert.equal(scalar(server, 'SELECT reason FROM referent_change_requests'), 'Nous ne nous entendons pas.');
    const [mail] = await mailsTo(server.dir, 'orientation@demo.test');
    assert.match(mail.text, /demande, depuis son espace, à changer de référent/);
    await mailsTo(server.dir, 'referent@demo.test');
    const [[payload]] = sql(server, "SELECT payload FROM journal WHERE kind = 'portal.referent_change_requested'");
    assert.doesNotMatch(payload, /entendons/);
  });

  test('objections: only organisations outside the team, bad ids refused, object and withdraw', async () => {
    const visitor = space;
    const page = decode((await visitor.request('/mon-espace/partage')).text);
    assert.match(page, /CCAS de Sedan/);
    assert.doesNotMatch(page, /<h2 class="fr-h6 fr-mb-1v">Mission locale de Charleville-Mézières<\/h2>/);
    const ccas = scalar(server, "SELECT id FROM organisations WHERE name = 'CCAS de Sedan'");
    const missionLocale = scalar(server, "SELECT id FROM organisations WHERE name = 'Mission locale de Charleville-Mézières'");
    for (const [id, status, message] of [
      ['abc', 404, /Cette structure n'existe pas/],
      ['999999', 404, /Cette structure n'existe pas/],
      [missionLocale, 403, /fait partie de votre équipe de suivi/],
    ]) {
      const res = await visitor.post('/mon-espace/partage/opposer', { organisation_id: id }, { formPage: '/mon-espace/partage' });
      assert.equal(res.status, status, id);
      assert.match(decode(res.text), message);
    }
    const withdrawUnknown = await visitor.post('/mon-espace/partage/retirer', { organisation_id: ccas }, { formPage: '/mon-espace/partage' });
    assert.equal(withdrawUnknown.status, 404);
    assert.equal(scalar(server, 'SELECT COUNT(*) FROM person_objections'), '0');

    const objected = await visitor.post('/mon-espace/partage/opposer', { organisation_id: ccas }, { formPage: '/mon-espace/partage' });
    assert.equal(objected.status, 303);
    assert.deepEqual(sql(server, 'SELECT person_id, organisation_id FROM person_objections'), [[personId, ccas]]);
    assert.match(decode((await visitor.request('/mon-espace/partage')).text), /Vous vous opposez au partage depuis le/);
    const withdrawn = await visitor.post('/mon-espace/partage/retirer', { organisation_id: ccas }, { formPage: '/mon-espace/partage' });
    assert.equal(withdrawn.status, 303);
    assert.equal(scalar(server, 'SELECT COUNT(*) FROM person_objections'), '0');
    assert.equal(scalar(server, "SELECT COUNT(*) FROM journal WHERE kind IN ('portal.objection_added', 'portal.objection_withdrawn')"), '2');
  });

  test('every form of the space refuses a missing or foreign CSRF token and another origin', async () => {
    const visitor = space;
    const intruder = new Visitor(server.url);
    const foreignToken = await intruder.csrf('/demander-un-accompagnement');
    const ccas = scalar(server, "SELECT id FROM organisations WHERE name = 'CCAS de Sedan'");
    const before = scalar(server, 'SELECT (SELECT COUNT(*) FROM journal) + (SELECT COUNT(*) FROM person_objections) + (SELECT COUNT(*) FROM referent_change_requests)');
    const forms = [
      ['/mon-espace/coordonnees', { email: 'pirate@exemple.fr' }],
      ['/mon-espace/changer-de-referent', { journey_id: '1', reason: 'Changement forcé' }],
      ['/mon-espace/partage/opposer', { organisation_id: ccas }],
      ['/mon-espace/partage/retirer', { organisation_id: ccas }],
      ['/mon-espace/deconnexion', {}],
    ];
    const token = await visitor.csrf('/mon-espace');
    for (const [path, form] of forms) {
      const none = await visitor.request(path, { method: 'POST', form });
      assert.equal(none.status, 403, `${path} sans jeton`);
      const foreign = await visitor.request(path, { method: 'POST', form: { ...form, csrf_token: foreignToken } });
      assert.equal(foreign.status, 403, `${path} avec le jeton d'un autre`);
      const elsewhere = await visitor.request(path, { method: 'POST', form: { ...form, csrf_token: token }, origin: 'https://malveillant.example' });
      assert.equal(elsewhere.status, 403, `${path} depuis un autre site`);
    }
    assert.equal(scalar(server, 'SELECT (SELECT COUNT(*) FROM journal) + (SELECT COUNT(*) FROM person_objections) + (SELECT COUNT(*) FROM referent_change_requests)'), before);
    assert.equal((await visitor.request('/mon-espace')).status, 200, 'still signed in');
  });

  test('the person downloads all their data as JSON and as a printable page', async () => {
    const visitor = space;
    const res = await visitor.request('/mon-espace/mes-donnees.json');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="mes-donnees-parcours.json"');
    const data = JSON.parse(res.text);
    assert.equal(data.identite.nom_de_naissance, 'Nguyen');
    assert.equal(data.coordonnees.adresse_electronique, email);
    assert.equal(data.parcours[0].territoire, 'Ardennes');
    assert.equal(data.parcours[0].besoin_exprime, 'Je cherche une formation de cariste.');
    assert.deepEqual(data.parcours[0].equipe.map((m) => m.nom).sort(), ['Karim Haddad', 'Sofia Moreau']);
    assert.ok(data.carnet_de_bord.some((item) => item.texte === 'Rendez-vous jeudi à 14 h à la mission locale.'));
    assert.ok(!JSON.stringify(data).includes('Note interne'));
    assert.equal(data.consultations_du_dossier[0].structure, 'Territoire Ardennes');
    const printable = decode((await visitor.request('/mon-espace/mes-donnees/imprimer')).text);
    assert.match(printable, /<h1>Toutes mes données<\/h1>/);
    assert.match(printable, /<dt>Nom de naissance<\/dt><dd>Nguyen<\/dd>/);
    assert.match(printable, /Rendez-vous jeudi à 14 h/);
    assert.equal(scalar(server, `SELECT COUNT(*) FROM access_log WHERE person_id = ${personId} AND actor_id = 0 AND part = 'export'`), '2');
  });
});

describe('magic links are limited per address and per IP address', () => {
  let server;
  before(async () => {
    server = await startServer({
      before: async (cli) => {
        await seedDemo(cli);
      },
    });
    const res = await new Visitor(server.url).post('/demander-un-accompagnement', validRequest({ email: 'limite@exemple.fr' }));
    assert.equal(res.status, 303);
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  test('three links per address in 15 minutes, then the same answer without a mail; ten requests per IP', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await new Visitor(server.url).post('/mon-espace/connexion', { email: 'limite@exemple.fr' });
      assert.equal(res.status, 200, `demande ${i + 1}`);
      assert.match(decode(res.text), /un courriel vient de vous être envoyé/);
    }
    await mailsTo(server.dir, 'limite@exemple.fr', 4);  // the acknowledgement and three links
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(mails(server.dir).filter((m) => m.text.includes('To: limite@exemple.fr')).length, 4);
    for (let i = 4; i < 10; i++) {
      const res = await new Visitor(server.url).post('/mon-espace/connexion', { email: `autre${i}@exemple.fr` });
      assert.equal(res.status, 200, `demande ${i + 1}`);
    }
    const refused = await new Visitor(server.url).post('/mon-espace/connexion', { email: 'limite@exemple.fr' });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '900');
    assert.match(decode(refused.text), /Trop de demandes ont été faites depuis votre connexion/);
    assert.ok(refused.text.includes('value="limite@exemple.fr"'));
  });
});

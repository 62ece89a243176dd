// Black-box tests of two `parcours serve` processes on one PostgreSQL database, as behind a load
// balancer without sticky sessions: a session opened on one is valid on the other and ends on
// both, and the mail jobs requested on either are delivered once, whichever worker runs them.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, mails } from '../support/server.mjs';

const password = 'une phrase de passe solide';
const members = Array.from({ length: 20 }, (_, i) => `membre${String(i + 1).padStart(2, '0')}@exemple.fr`);

// A browser without JavaScript in front of both instances: one cookie jar (browsers do not tell
// ports apart for cookies), the Origin of the instance it posts to, no automatic redirects.
class Browser {
  cookies = new Map();

  async request(server, path, { method = 'GET', form } = {}) {
    const headers = {};
    if (this.cookies.size) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    let body;
    if (form) {
      body = new URLSearchParams(form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    if (method !== 'GET') headers.origin = server.url;
    const res = await fetch(new URL(path, server.url), { method, headers, body, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  }

  // Reads the CSRF token of `formPage` on `from`, then posts `form` with it to `path` on `to`.
  async post(from, formPage, to, path, form) {
    const page = await this.request(from, formPage);
    const match = /name="csrf_token" value="([^"]+)"/.exec(page.text);
    assert.ok(match, `pas de jeton CSRF dans ${formPage} (${page.status})`);
    return this.request(to, path, { method: 'POST', form: { csrf_token: match[1], ...form } });
  }
}

// The two instances, started by the suite below.
let a;
let b;

const decode = (html) => html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');

// Rows of a query on the shared database, each as an array of text columns.
const sql = (server, query) =>
  execFileSync('psql', [server.dbUrl, '-v', 'ON_ERROR_STOP=1', '-AtF', '|', '-c', query], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('|'));

// Polls `check` until it is true; `what` () => text describes the state on failure.
async function waitFor(what, check, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Waits until no job is due or running (but the periodic appointments sweep, statistics
// projection and hourly expiry of unconfirmed CSV uploads, always queued again), then checks that each of `recipients` got one mail:
// one outbox row, delivered by one job that succeeded at its first run, and one .eml file. A
// mail sent twice at the same time would show: deliver() counts one attempt per sending.
// Resolves the mails by recipient and how many each server (told by its sender) delivered.
async function deliveredOnce(recipients) {
  await waitFor(
    () => `des tâches restent en attente :\n${sql(a, 'SELECT status, attempts, last_error, count(*) FROM jobs GROUP BY 1, 2, 3').join('\n')}`,
    // Jobs planned for later (the daily catalogue reminder, tomorrow) are not waiting.
    () => sql(a, "SELECT count(*) FROM jobs WHERE kind NOT IN ('appointments.sweep', 'stats.project', 'csvimport.expire') AND (status = 'running' OR (status = 'queued' AND run_at < extract(epoch FROM now()) + 3600))")[0][0] === '0',
  );
  const jobs = new Map();
  for (const [status, attempts, error, payload] of sql(a, "SELECT status, attempts, last_error, payload FROM jobs WHERE kind = 'mail.send'")) {
    const outboxId = String(JSON.parse(payload).outbox_id);
    assert.ok(!jobs.has(outboxId), `deux tâches pour le courriel ${outboxId}`);
    jobs.set(outboxId, [status, attempts, error]);
  }
  const outbox = new Map(sql(a, 'SELECT to_address, id, sent_at IS NOT NULL, attempts FROM outbox').map(([to, ...rest]) => [to, rest]));
  const files = mails(a.dir);
  assert.equal(files.length, outbox.size, 'un fichier .eml par courriel de la base');
  const delivered = new Map();
  const senders = { A: 0, B: 0 };
  for (const to of recipients) {
    assert.ok(outbox.has(to), `pas de courriel pour ${to}`);
    const [id, sent, attempts] = outbox.get(to);
    assert.deepEqual([sent, attempts], ['t', '1'], `courriel ${id} à ${to} : envoyé, une fois`);
    assert.deepEqual(jobs.get(id), ['done', '0', ''], `tâche du courriel ${id} : faite au premier essai`);
    const received = files.filter((mail) => mail.text.includes(`To: ${to}\r\n`));
    assert.equal(received.length, 1, `fichiers .eml pour ${to}`);
    delivered.set(to, received[0]);
    senders[/^From: Parcours ([AB]) </m.exec(received[0].text)[1]] += 1;
  }
  return { delivered, senders };
}

describe('two servers on one PostgreSQL database', () => {
  before(async () => {
    // Each instance signs its mails with its own sender, so that each .eml file tells which one sent it.
    a = await startServer({
      engine: 'postgres',
      args: ['--mail-from', 'Parcours A <a@parcours.test>'],
      before: async (cli) => {
        for (const email of ['agent@exemple.fr', ...members]) {
          const added = await cli(['user', 'add', '--email', email, '--name', email.split('@')[0], '--role', 'admin', '--password-stdin'], {
            input: `${password}\n`,
          });
          assert.equal(added.code, 0, added.stderr);
        }
      },
    });
    b = await startServer({ alongside: a, args: ['--mail-from', 'Parcours B <b@parcours.test>'] });
  });
  after(async () => {
    // The second instance first: stopping the first drops the database.
    if (b) assert.equal(await b.stop(), 0, b.logs());
    if (a) assert.equal(await a.stop(), 0, a.logs());
  });

  test('a session opened on one server is valid on the other, and a logout on either ends it', async () => {
    assert.notEqual(a.port, b.port);
    const browser = new Browser();
    const login = await browser.post(a, '/connexion', a, '/connexion', { email: 'agent@exemple.fr', password });
    assert.equal(login.status, 303);
    const session = browser.cookies.get('parcours_session');
    assert.ok(session);

    const account = await browser.request(b, '/compte');
    assert.equal(account.status, 200);
    assert.match(decode(account.text), /agent@exemple\.fr/);
    assert.match(decode(account.text), /Administrateur national/);

    // The form comes from A, the logout goes to B: the CSRF token lives in the shared session.
    const out = await browser.post(a, '/compte', b, '/deconnexion', {});
    assert.equal(out.status, 303);
    assert.equal(out.location, '/connexion');
    assert.equal(browser.cookies.get('parcours_session'), undefined);

    for (const server of [a, b]) {
      const replay = new Browser();
      replay.cookies.set('parcours_session', session);
      const page = await replay.request(server, '/compte');
      assert.equal(page.status, 302, `${server.url} accepte encore la session fermée`);
      assert.equal(page.location, '/connexion?next=%2Fcompte');
    }
  });

  test('mails requested on both servers are each delivered exactly once', async (t) => {
    // All requests at once, alternately on A and B.
    const answers = await Promise.all(
      members.map((email, i) => {
        const server = i % 2 ? b : a;
        return new Browser().post(server, '/mot-de-passe-oublie', server, '/mot-de-passe-oublie', { email });
      }),
    );
    for (const res of answers) {
      assert.equal(res.status, 200);
      assert.match(decode(res.text), /un courriel vient d'être envoyé/);
    }
    const { delivered, senders } = await deliveredOnce(members);
    t.diagnostic(`courriels envoyés par A : ${senders.A}, par B : ${senders.B}`);

    // The link asked for on A opens on B.
    const link = /\/mot-de-passe\/[A-Za-z0-9_-]{43}/.exec(delivered.get(members[0]).text);
    assert.ok(link, delivered.get(members[0]).text);
    const form = await new Browser().request(b, link[0]);
    assert.equal(form.status, 200);
    assert.match(form.text, /autocomplete="new-password"/);
  });

  test('a backlog of jobs is drained by both workers together, each job once', async (t) => {
    // One statement makes the whole backlog visible at once, and a worker alone needs well over
    // its 0.5 s poll interval to drain it: both workers claim from it at the same time.
    const recipients = Array.from({ length: 1000 }, (_, i) => `lot${i + 1}@exemple.fr`);
    const started = Date.now();
    sql(
      a,
      `WITH queued AS (
         INSERT INTO outbox (to_address, subject, body, created_at, attempts)
         SELECT 'lot' || n || '@exemple.fr', 'Lot ' || n, 'Courriel ' || n, extract(epoch FROM now())::bigint, 0
         FROM generate_series(1, ${recipients.length}) AS n RETURNING id, created_at)
       INSERT INTO jobs (kind, payload, status, run_at, attempts, created_at, updated_at)
       SELECT 'mail.send', '{"outbox_id":' || id || '}', 'queued', created_at, 0, created_at, created_at FROM queued`,
    );
    const { senders } = await deliveredOnce(recipients);
    t.diagnostic(`${recipients.length} courriels en ${Date.now() - started} ms, par A : ${senders.A}, par B : ${senders.B}`);
    assert.ok(senders.A > 0 && senders.B > 0, `un seul serveur a travaillé : ${JSON.stringify(senders)}`);
  });
});


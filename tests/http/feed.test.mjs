// Black-box tests of the change feed and the webhooks against the real binary with the demo
// territory: tokens and scopes, problem+json naming the parameter, which events a token sees,
// paging without gap nor repeat, and webhooks delivered to a real receiver (a node HTTP server
// in this test): signature checked with node's own HMAC, retries after a 500 with the next events
// waiting, the delivery log, deletion, a token seeing only its own webhooks.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { startServer } from '../support/server.mjs';
import { attachAccessLog } from '../support/sqlite.mjs';

const org = 'mission-locale-de-charleville-mezieres';

// A receiver on 127.0.0.1: records every request, answers with `status`.
function startReceiver() {
  const received = [];
  const receiver = { received, status: 200 };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(receiver.status, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      receiver.url = `http://127.0.0.1:${server.address().port}/parcours`;
      receiver.close = () => new Promise((done) => server.close(done));
      resolve(receiver);
    });
  });
}

async function until(condition, what, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`délai dépassé : ${what}`);
}

describe('change feed and webhooks API', () => {
  let server;
  let sql;
  let cli;
  let receiver;
  const secrets = {};

  const makeToken = async (organisation, scopes) => {
    const made = await cli(['token', 'create', '--org', organisation, '--scopes', scopes]);
    assert.equal(made.code, 0, made.stderr);
    return made.stdout.trim();
  };

  before(async () => {
    receiver = await startReceiver();
    server = await startServer({
      env: { PARCOURS_WEBHOOK_BACKOFF_BASE: '1' },
      before: async (run) => {
        cli = run;
        for (const args of [['load-geo'], ['seed-demo']]) {
          const done = await run(args);
          assert.equal(done.code, 0, done.stderr);
        }
      },
    });
    const dbPath = server.dbUrl.replace(/^sqlite:/, '');
    sql = (query) => execFileSync('sqlite3', ['-cmd', '.timeout 5000', ...attachAccessLog(dbPath), dbPath, query], { encoding: 'utf8' }).trim();
    secrets.ml = await makeToken(org, 'events:read,webhooks:write');
    secrets.noEvents = await makeToken(org, 'persons:read');
    secrets.readHooks = await makeToken(org, 'webhooks:read');
    secrets.ccas = await makeToken('ccas-de-sedan', 'events:read,webhooks:write');
  });

  after(async () => {
    if (receiver) await receiver.close();
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const call = async (path, { method = 'GET', token = secrets.ml, body } = {}) => {
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, json, text };
  };
  const assertProblem = (res, status, field) => {
    assert.equal(res.status, status, res.text);
    assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
    assert.equal(res.json.status, status);
    if (field) {
      assert.equal(res.json.errors[0].field, field);
      assert.match(res.json.errors[0].message, new RegExp(`« ${field} »`));
    }
  };
  // The persons the mission locale follows (an active member in one of their teams).
  const followed = () => new Set(sql(
    'SELECT DISTINCT j.person_id FROM journeys j JOIN journey_members m ON m.journey_id = j.id ' +
    `JOIN organisations o ON o.id = m.organisation_id WHERE o.slug = '${org}' AND m.left_at IS NULL`,
  ).split('\n').filter(Boolean).map(Number));
  // Appends an event about `person` to the journal, as the service would.
  const event = (person, kind = 'note.added') => Number(sql(
    `INSERT INTO journal (at, kind, person_id, payload) VALUES (strftime('%s','now'), '${kind}', ${person}, '{"note_id":1}') RETURNING seq`));

  test('the feed needs a token with events:read and names a bad parameter', async () => {
    assertProblem(await call('/api/v1/events', { token: null }), 401);
    assertProblem(await call('/api/v1/events', { token: secrets.noEvents }), 403);
    assertProblem(await call('/api/v1/events?after=abc'), 422, 'after');
    assertProblem(await call('/api/v1/events?limit=0'), 422, 'limit');
    assertProblem(await call('/api/v1/events?limit=1001'), 422, 'limit');
  });

  test('a token sees the events of its organisation’s persons, page by page, each once', async () => {
    const mine = followed();
    assert.ok(mine.size > 0, 'the demo mission locale follows persons');
    const seen = [];
    let after = 0;
    for (let pages = 0; pages < 500; pages++) {
      const res = await call(`/api/v1/events?after=${after}&limit=7`);
      assert.equal(res.status, 200, res.text);
      for (const e of res.json.events) {
        assert.ok(e.position > after);
        assert.ok(mine.has(e.person_id), `event ${e.seq} of person ${e.person_id} not followed`);
        assert.deepEqual(Object.keys(e), ['position', 'seq', 'type', 'occurred_at', 'person_id', 'journey_id', 'actor_id', 'data']);
        assert.match(e.occurred_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        seen.push(e.seq);
      }
      after = res.json.next_after;
      if (!res.json.has_more) break;
    }
    const expected = sql(`SELECT seq FROM journal WHERE person_id IN (${[...mine].join(',')}) ORDER BY seq`)
      .split('\n').filter(Boolean).map(Number);
    assert.deepEqual(seen, expected);
    // Nothing new: an empty page, the cursor stays.
    const again = await call(`/api/v1/events?after=${after}`);
    assert.deepEqual(again.json.events, []);
    assert.equal(again.json.next_after, after);
    // A new event is served next, once.
    const person = [...mine][0];
    const seq = event(person);
    const next = await call(`/api/v1/events?after=${after}`);
    assert.deepEqual(next.json.events.map((e) => e.seq), [seq]);
    // The CCAS follows nobody there: it does not see it.
    const ccas = await call(`/api/v1/events?after=${after}`, { token: secrets.ccas });
    assert.deepEqual(ccas.json.events, []);
    // The read is in the access log, naming the positions served.
    assert.ok(Number(sql("SELECT COUNT(*) FROM access_log WHERE part = 'events' AND purpose LIKE 'GET /api/v1/events positions %'")) > 0);
  });

  test('webhooks: validation, signed deliveries, retries after a 500, log, deletion', async () => {
    const bad = await call('/api/v1/webhooks', { method: 'POST', body: { url: 'ftp://exemple.fr/' } });
    assertProblem(bad, 422, 'url');
    const badTypes = await call('/api/v1/webhooks', { method: 'POST', body: { url: receiver.url, event_types: ['Note Ajoutée'] } });
    assertProblem(badTypes, 422, 'event_types');
    assertProblem(await call('/api/v1/webhooks', { method: 'POST', token: secrets.readHooks, body: { url: receiver.url } }), 403);
    assert.equal(Number(sql('SELECT COUNT(*) FROM webhook_subscriptions')), 0);

    const created = await call('/api/v1/webhooks', { method: 'POST', body: { url: receiver.url, description: 'Logiciel RSA' } });
    assert.equal(created.status, 201, created.text);
    const { id, secret } = created.json;
    assert.match(secret, /^whsec_/);
    assert.equal(created.headers.get('location'), `/api/v1/webhooks/${id}`);
    const listed = await call('/api/v1/webhooks');
    assert.deepEqual(listed.json.items.map((w) => w.id), [id]);
    assert.equal(listed.json.items[0].secret, undefined, 'the secret is never shown again');

    const person = [...followed()][0];
    const first = event(person, 'journey.opened');
    await until(() => receiver.received.length >= 1, 'first delivery');
    const delivery = receiver.received[0];
    const body = JSON.parse(delivery.body);
    assert.equal(body.seq, first);
    assert.equal(delivery.headers['x-parcours-event'], 'journey.opened');
    const [t, v1] = delivery.headers['x-parcours-signature'].split(',').map((p) => p.split('=')[1]);
    const expected = crypto.createHmac('sha256', secret).update(`${t}.${delivery.body}`).digest('hex');
    assert.equal(v1, expected, 'signature verified by node');
    assert.ok(Math.abs(Date.now() / 1000 - Number(t)) < 60);

    // The receiver fails: the same event is retried, the next one waits.
    receiver.status = 500;
    const second = event(person, 'note.added');
    const third = event(person, 'note.corrected');
    await until(() => receiver.received.length >= 3, 'two failed attempts');
    receiver.status = 200;
    await until(() => receiver.received.some((r) => JSON.parse(r.body).seq === third), 'delivery after the failures');
    const order = receiver.received.map((r) => JSON.parse(r.body).seq);
    assert.equal(order[0], first);
    assert.ok(order.slice(1, -2).every((s) => s === second), `retries of ${second} first: ${order}`);
    assert.deepEqual(order.slice(-2), [second, third]);

    const log = await call(`/api/v1/webhooks/${id}/deliveries?limit=200`);
    assert.equal(log.status, 200);
    assert.ok(log.json.items.some((d) => !d.succeeded && d.status_code === 500 && d.error === 'réponse HTTP 500'));
    assert.equal(log.json.items[0].succeeded, true);
    assertProblem(await call(`/api/v1/webhooks/${id}/deliveries?cursor=x`), 422, 'cursor');

    // Another organisation's token neither sees nor deletes it.
    assertProblem(await call(`/api/v1/webhooks/${id}`, { token: secrets.ccas }), 404);
    assertProblem(await call(`/api/v1/webhooks/${id}`, { method: 'DELETE', token: secrets.ccas }), 404);
    const removed = await call(`/api/v1/webhooks/${id}`, { method: 'DELETE' });
    assert.equal(removed.status, 204);
    assertProblem(await call(`/api/v1/webhooks/${id}`), 404);
    assert.equal(Number(sql("SELECT COUNT(*) FROM journal WHERE kind IN ('webhook.created', 'webhook.deleted')")), 2);
    // Both journaled with the token's technical account as the actor.
    const account = sql(`SELECT account_id FROM api_tokens WHERE prefix = '${secrets.ml.slice(0, 12)}'`);
    assert.equal(sql("SELECT GROUP_CONCAT(actor_id) FROM journal WHERE kind IN ('webhook.created', 'webhook.deleted')"), `${account},${account}`);
  });
});

// Black-box tests of the HTTP server: the real binary on a fresh SQLite database, spoken to
// with fetch, node:http and raw sockets. Waits are generous: the machine is small and busy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { readFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, run, root } from '../support/server.mjs';

const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

function assertSecurityHeaders(headers, what) {
  const get = (name) => (typeof headers.get === 'function' ? headers.get(name) : headers[name]);
  for (const [name, value] of Object.entries(securityHeaders)) {
    assert.equal(get(name), value, `${name} sur ${what}`);
  }
}

// Sends raw bytes, resolves everything the server answered until it closed the connection.
function rawExchange(port, chunks, { pauseMs = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (data) => (received += data));
    socket.on('error', (error) => (error.code === 'ECONNRESET' ? resolve(received) : reject(error)));
    socket.on('close', () => resolve(received));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) break;
        socket.write(chunk);
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
    });
  });
}

// A static file of web/dist with a fingerprinted name, from the build's manifest.
function fingerprintedAsset() {
  const manifest = join(root, 'web/dist/manifest.json');
  assert.ok(existsSync(manifest), 'web/dist absent : lancez « make build »');
  return JSON.parse(readFileSync(manifest, 'utf8'))['app.css'];
}

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  if (server) assert.equal(await server.stop(), 0, server.logs());
});

test('healthz answers ok after checking the database', async () => {
  const res = await fetch(`${server.url}/healthz`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assertSecurityHeaders(res.headers, '/healthz');
});

test('an unknown page is a French HTML 404 with the security headers', async () => {
  const res = await fetch(`${server.url}/nulle-part`);
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-type'), /^text\/html/);
  const body = await res.text();
  assert.match(body, /lang="fr"/);
  assert.match(body, /Page introuvable/);
  assertSecurityHeaders(res.headers, 'une page 404');
  assert.equal(res.headers.get('strict-transport-security'), null);
});

test('an unknown API path is a French problem+json 404', async () => {
  const res = await fetch(`${server.url}/api/v1/inconnu`);
  assert.equal(res.status, 404);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  const problem = await res.json();
  assert.equal(problem.status, 404);
  assert.equal(problem.title, 'Page introuvable');
  assert.match(problem.detail, /n'existe pas/);
  assertSecurityHeaders(res.headers, 'un problème 404');
});

test('a fingerprinted static file is immutable and revalidates with its ETag', async () => {
  const asset = fingerprintedAsset();
  const res = await fetch(`${server.url}/static/${asset}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/css/);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assertSecurityHeaders(res.headers, 'un fichier statique');
  const etag = res.headers.get('etag');
  assert.ok(etag);
  await res.arrayBuffer();
  const again = await fetch(`${server.url}/static/${asset}`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
});

test('path traversal out of the static directory is a 404', async () => {
  for (const path of ['/static/../CMakeLists.txt', '/static/%2e%2e/CMakeLists.txt', '/static/%2E%2E%2Fmanifest.json']) {
    const answer = await rawExchange(server.port, [`GET ${path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n`]);
    assert.match(answer, /^HTTP\/1\.1 404 /, path);
    assert.doesNotMatch(answer, /cmake_minimum_required/);
  }
});

test('a wrong method is a 405 that lists the allowed ones', async () => {
  const res = await fetch(`${server.url}/healthz`, { method: 'DELETE' });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'GET, HEAD');
  assertSecurityHeaders(res.headers, 'une réponse 405');
});

test('a body over the limit is refused with a French 413', async () => {
  const answer = await rawExchange(server.port, [
    'POST /connexion HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
      'Content-Length: 2000000\r\n\r\n',
    'x'.repeat(64 * 1024),
  ]);
  assert.match(answer, /^HTTP\/1\.1 413 /);
  assert.match(answer, /taille maximale autorisée/);
  assert.match(answer, /X-Content-Type-Options: nosniff/i);
});

test('a malformed request line is a 400 and the connection is closed', async () => {
  const answer = await rawExchange(server.port, ['CECI N EST PAS HTTP\r\n\r\n']);
  assert.match(answer, /^HTTP\/1\.1 400 /);
  assert.match(answer, /Requête mal formée/);
});

test('request headers over 16 KiB are a 431', async () => {
  const answer = await rawExchange(server.port, [`GET / HTTP/1.1\r\nHost: t\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`]);
  assert.match(answer, /^HTTP\/1\.1 431 /);
});

test('keep-alive connections are reused between requests', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path) =>
    new Promise((resolve, reject) => {
      const req = http.get(`${server.url}${path}`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, reused: req.reusedSocket }));
      });
      req.on('error', reject);
    });
  const first = await get('/healthz');
  const second = await get('/healthz');
  agent.destroy();
  assert.equal(first.status, 200);
  assert.equal(second.status, 200);
  assert.equal(first.reused, false);
  assert.equal(second.reused, true);
});

test('HEAD answers the headers of GET without a body', async () => {
  const res = await fetch(`${server.url}/healthz`, { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-length'), String('{"status":"ok"}'.length));
  assert.equal((await res.text()).length, 0);
});

test('the access log has one JSON line per response, without the query string', async () => {
  await (await fetch(`${server.url}/nulle-part?nom=Dupont`)).text();
  // The log line is written once the response is sent: give it a moment to reach us.
  let entry;
  for (let i = 0; i < 50 && !entry; i++) {
    entry = server.accessLog().find((line) => line.path === '/nulle-part' && line.status === 404);
    if (!entry) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(entry, `pas de ligne pour /nulle-part dans :\n${server.logs()}`);
  assert.equal(entry.method, 'GET');
  assert.equal(entry.ip, '127.0.0.1');
  assert.ok(entry.bytes > 0);
  assert.equal(typeof entry.ms, 'number');
  assert.match(entry.ts, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  assert.doesNotMatch(server.logs(), /Dupont/);
});

test('a client that never finishes its headers is disconnected', async () => {
  const slow = await startServer({ args: ['--header-timeout', '1'] });
  try {
    const started = Date.now();
    const answer = await rawExchange(slow.port, ['GET / HTTP/1.1\r\nHost: t\r\n', 'X-Lent: 1\r\n'], {
      pauseMs: 300,
    });
    assert.equal(answer, '');
    assert.ok(Date.now() - started < 15_000, 'la connexion aurait dû être coupée vers 1 s');
  } finally {
    assert.equal(await slow.stop(), 0);
  }
});

test('SIGTERM during a request whose body is still arriving: it is answered, then exit 0', async () => {
  const stopping = await startServer();
  const socket = net.connect(stopping.port, '127.0.0.1');
  let answer = '';
  socket.setEncoding('utf8');
  socket.on('data', (data) => (answer += data));
  const closed = new Promise((resolve) => socket.on('close', resolve));
  await new Promise((resolve) => socket.on('connect', resolve));
  socket.write('POST /api/v1/rien HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n12345');
  await new Promise((r) => setTimeout(r, 300));
  const exitCode = stopping.stop('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(answer, '', 'pas de réponse avant la fin du corps');
  socket.write('67890');
  await closed;
  assert.match(answer, /^HTTP\/1\.1 404 /);
  assert.match(answer, /Connection: close/i);
  assert.equal(await exitCode, 0);
});

test('the access log, written in batches, keeps every line of the requests answered before a stop', async () => {
  const stopping = await startServer();
  const count = 30;
  for (let i = 0; i < count; i++) await (await fetch(`${stopping.url}/avant-arret-${i}`)).text();
  // Stopped at once: the last lines are still in the buffer, flushed every 50 ms and at the stop.
  assert.equal(await stopping.stop('SIGTERM'), 0);
  const logged = () => stopping.accessLog().filter((line) => line.path.startsWith('/avant-arret-')).length;
  for (let i = 0; i < 50 && logged() < count; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(logged(), count, stopping.logs());
});

test('serve refuses an unmigrated database with exit code 1 and says what to do', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-vide-'));
  const db = `sqlite:${join(dir, 'vide.db')}`;
  const result = await run(['serve', '--db', db, '--listen', '127.0.0.1:0']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /La base n'est pas à jour \(\d+ migrations en attente\) : lancez « parcours migrate --db /);
  assert.equal(result.stdout, '');
});

test('serve refuses a bad --db URL with exit code 2 and one line', async () => {
  const result = await run(['serve', '--db', 'mysql://localhost/parcours', '--listen', '127.0.0.1:0']);
  assert.equal(result.code, 2);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
});

test('serve on an unreachable PostgreSQL says so in one line and exits 1', async () => {
  const result = await run(['serve', '--db', 'postgresql://postgres@127.0.0.1:1/parcours', '--listen', '127.0.0.1:0']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /base de données inaccessible/);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
});

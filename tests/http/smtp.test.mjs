// The SMTP mail transport against a real SMTP server (Python's smtpd debugging server, which
// prints every message it receives): a forgotten-password mail goes out through libcurl and
// arrives whole, with its recipient and its reset link.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { startServer } from '../support/server.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Starts `python3 -m smtpd` on a free port; resolves { port, output(), stop() }.
async function startSmtpServer() {
  const port = await freePort();
  const child = spawn('python3', ['-W', 'ignore', '-u', '-m', 'smtpd', '-n', '-c', 'DebuggingServer', `127.0.0.1:${port}`]);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  for (let i = 0; i < 100 && !(await accepts(port)); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, output: () => output, stop: () => child.kill('SIGTERM') };
}

// Whether something accepts TCP connections on `port`.
function accepts(port) {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.on('error', () => resolve(false));
    socket.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
  });
}

test('a mail sent through smtp:// reaches the SMTP server with its recipient and link', async () => {
  const smtp = await startSmtpServer();
  after(() => smtp.stop());
  const server = await startServer({
    args: ['--mail', `smtp://127.0.0.1:${smtp.port}`],
    before: (cli) =>
      cli(['user', 'add', '--email', 'smtp@exemple.fr', '--name', 'Courriel Test', '--role', 'admin', '--password-stdin'], {
        input: 'une phrase de passe solide\n',
      }),
  });
  try {
    const page = await fetch(`${server.url}/mot-de-passe-oublie`);
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = /name="csrf_token" value="([^"]+)"/.exec(await page.text())[1];
    const res = await fetch(`${server.url}/mot-de-passe-oublie`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf_token: token, email: 'smtp@exemple.fr' }).toString(),
    });
    assert.ok(res.status < 400, `statut ${res.status}`);
    let received = '';
    for (let i = 0; i < 100 && !/\/mot-de-passe\//.test(received); i++) {
      await new Promise((r) => setTimeout(r, 100));
      received = smtp.output();
    }
    assert.match(received, /X-RCPT: smtp@exemple\.fr|To: .*smtp@exemple\.fr/);
    assert.match(received, /\/mot-de-passe\/[A-Za-z0-9_-]{43}/);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

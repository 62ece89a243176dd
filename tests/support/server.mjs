// Starts the real `parcours` binary for black-box and end-to-end tests, on a fresh database
// (a SQLite file in a temporary directory, or a new PostgreSQL database on the test server of
// scripts/with-postgres.sh), migrated, on a random port. Shared by tests/http and tests/e2e.
//
//   const server = await startServer({ before: (cli) => cli(['user', 'add', ...], { input: 'pw\n' }) });
//   const res = await fetch(`${server.url}/healthz`);
//   assert.equal(await server.stop(), 0);
//
// `startServer({ alongside: server })` starts a second instance on the same database and the same
// mail directory, as behind a load balancer; stop it before the first, which owns the database.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const binary = resolve(root, process.env.PARCOURS_BIN ?? 'build/parcours');

const startTimeoutMs = 30_000;
const children = new Set();
const directories = new Set();
const databases = new Set();

// Whatever happens to the test process, no server is left running and no temporary file stays.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  for (const name of databases) dropPostgresDatabase(name);
});

// Runs the binary with `args`; resolves { code, stdout, stderr } (never rejects on exit codes).
export function run(args, { input, env = {}, cwd = root } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code: code ?? signal, stdout, stderr }));
    child.stdin.on('error', () => {});  // the command may exit without reading its input
    child.stdin.end(input ?? '');
  });
}

function postgresAdminUrl() {
  const admin = process.env.PARCOURS_TEST_PG_ADMIN;
  if (!admin) {
    throw new Error('PARCOURS_TEST_PG_ADMIN absent : lancez les tests par scripts/with-postgres.sh');
  }
  return admin;
}

function createPostgresDatabase() {
  const admin = postgresAdminUrl();
  const name = `parcours_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  execFileSync('psql', [admin, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  databases.add(name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

function dropPostgresDatabase(name) {
  try {
    execFileSync('psql', [postgresAdminUrl(), '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], {
      stdio: 'ignore',
    });
  } catch {
    // The test server may already be gone (with-postgres.sh stops it after the tests).
  }
  databases.delete(name);
}

export async function startServer({ engine = 'sqlite', args = [], env = {}, before = async () => {}, alongside } = {}) {
  const dir = alongside ? alongside.dir : mkdtempSync(join(tmpdir(), 'parcours-test-'));
  directories.add(dir);
  let dbUrl;
  let database = null;
  if (alongside) {
    dbUrl = alongside.dbUrl;
  } else if (engine === 'sqlite') {
    dbUrl = `sqlite:${join(dir, 'parcours.db')}`;
  } else if (engine === 'postgres') {
    database = createPostgresDatabase();
    dbUrl = database.url;
  } else {
    throw new Error(`moteur inconnu : ${engine}`);
  }

  // Every command reads the database from PARCOURS_DB, so `cli` needs no --db.
  const baseEnv = { PARCOURS_DB: dbUrl, ...env };
  const cli = (cliArgs, options = {}) => run(cliArgs, { ...options, env: { ...baseEnv, ...options.env } });

  if (!alongside) {
    const migrated = await cli(['migrate']);
    if (migrated.code !== 0) {
      throw new Error(`parcours migrate a échoué (${migrated.code}) : ${migrated.stderr}`);
    }
  }
  await before(cli);

  // The file transport in the test directory, unless the test gives its own `--mail`.
  const mail = args.includes('--mail') ? [] : ['--mail', `file:${join(dir, 'mail')}`];
  const serveArgs = ['serve', '--listen', '127.0.0.1:0', ...mail, ...args];
  const child = spawn(binary, serveArgs, { cwd: root, env: { ...process.env, ...baseEnv } });
  children.add(child);
  let output = '';
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    stdout += chunk;
    output += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolveExit(code ?? signal);
    });
  });

  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`parcours serve n'a pas démarré en ${startTimeoutMs / 1000} s :\n${output}`));
    }, startTimeoutMs);
    const watch = () => {
      const match = /Parcours écoute sur http:\/\/[^\s]+:(\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', watch);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout.on('data', watch);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`parcours serve s'est arrêté (${code}) avant d'écouter :\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dbUrl,
    dir,
    cli,
    // Sends `signal` and resolves the exit code (or the signal name if it killed the process).
    async stop(signal = 'SIGTERM') {
      if (children.has(child)) child.kill(signal);
      const code = await exited;
      if (database) dropPostgresDatabase(database.name);
      return code;
    },
    exited,
    // Everything the server wrote so far, stdout and stderr interleaved.
    logs: () => output,
    // The access log: one parsed object per JSON line of stdout.
    accessLog: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line)),
  };
}

// startServer on a database that holds the geography and the demonstration (`load-geo`, then
// `seed-demo`), for the tests that sign in as the demo accounts.
export function startDemoServer(options = {}) {
  const { before = async () => {} } = options;
  return startServer({
    ...options,
    before: async (cli) => {
      for (const args of [['load-geo'], ['seed-demo']]) {
        const done = await cli(args);
        if (done.code !== 0) throw new Error(`parcours ${args[0]} a échoué (${done.code}) : ${done.stderr}`);
      }
      await before(cli);
    },
  });
}

// The mails written by the file transport of a server started in `dir`, oldest first:
// [{ path, text }].
export function mails(dir) {
  const mailDir = join(dir, 'mail');
  if (!existsSync(mailDir)) return [];
  return readdirSync(mailDir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => ({ path: join(mailDir, name), text: readFileSync(join(mailDir, name), 'utf8') }));
}

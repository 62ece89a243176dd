// The OpenAPI document of the partner API: valid for @redocly/cli (no error), and served as is
// at /api/v1/openapi.json without a token. Whether it matches the routes is checked by
// tests/unit/api_openapi_test.cpp (against the routes the server registers).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServer, root } from '../support/server.mjs';

const documentPath = join(root, 'docs/api/openapi.json');

describe('OpenAPI document', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  test('redocly lint finds no error', async () => {
    const cli = join(root, 'web/node_modules/.bin/redocly');
    let result;
    try {
      result = await promisify(execFile)(cli, ['lint', '--format', 'stylish', documentPath], {
        cwd: join(root, 'web'),
      });
    } catch (failure) {
      assert.fail(`redocly lint a échoué :\n${failure.stdout}\n${failure.stderr}`);
    }
    assert.match(result.stdout + result.stderr, /valid/i);
  });

  test('served at /api/v1/openapi.json without a token', async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /application\/json/);
    const served = await res.json();
    assert.deepEqual(served, JSON.parse(readFileSync(documentPath, 'utf8')));
    assert.equal(served.openapi, '3.1.0');
  });
});

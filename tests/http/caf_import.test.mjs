// Black-box tests of the CAF flux upload against the real binary (demo territory, Ardennes):
// access (territory manager only), CSRF, a refused file, a valid file imported by the job with
// its progress and report (page, JSON, mail), a second upload of the same file changing
// nothing, and the command line's --json and exit code.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, run, startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';
import { Visitor, signIn } from '../support/visitor.mjs';

const data = (name) => join(root, 'tests/data/caf', name);

// Sends the upload form as a browser does: multipart, the CSRF token first, then the file.
async function upload(visitor, { name, bytes, csrf, origin = visitor.base, territory } = {}) {
  const form = new FormData();
  if (csrf !== null) form.append('csrf_token', csrf ?? (await visitor.csrf('/imports/caf')));
  if (territory) form.append('territory_id', String(territory));
  if (name) form.append('file', new Blob([bytes]), name);
  return visitor.request('/imports/caf', { method: 'POST', multipart: form, origin });
}

const waitFinished = (visitor, id) =>
  visitor.pollJson(`/imports/caf/${id}/progression.json`, (p) => p.finished);

describe('CAF flux upload', () => {
  let server;
  let sql;
  const v = {};

  before(async () => {
    server = await startDemoServer();
    sql = sqliteQuery(server);
    Object.assign(v, await signIn(server.url, {
      manager: 'territoire@demo.test', referent: 'referent@demo.test', admin: 'admin@demo.test',
      orgAdmin: 'structure@demo.test',
    }));
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const count = (table, where = '1 = 1') => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));

  test('only territory managers reach the import pages', async () => {
    const anonymous = new Visitor(server.url);
    const page = await anonymous.request('/imports/caf');
    assert.equal(page.status, 302);
    assert.match(page.location, /\/connexion/);
    for (const who of ['referent', 'admin', 'orgAdmin']) {
      const res = await v[who].request('/imports/caf');
      assert.equal(res.status, 403, who);
    }
    const res = await v.manager.request('/imports/caf');
    assert.equal(res.status, 200);
    assert.match(res.text, /enctype="multipart\/form-data"/);
    assert.match(res.text, /<label class="fr-label" for="file">Fichier du flux/);
    // An upload by someone else is refused before anything is written.
    const before = count('caf_imports');
    const refused = await upload(v.referent, { name: 'flux.xml', bytes: readFileSync(data('flux_all_states.xml')),
      csrf: await v.referent.csrf('/') });
    assert.equal(refused.status, 403);
    assert.equal(count('caf_imports'), before);
  });

  test('an upload without its CSRF token or from another site is refused', async () => {
    const before = count('caf_imports');
    const bytes = readFileSync(data('flux_all_states.xml'));
    const noToken = await upload(v.manager, { name: 'flux.xml', bytes, csrf: null });
    assert.equal(noToken.status, 403);
    const wrongToken = await upload(v.manager, { name: 'flux.xml', bytes, csrf: 'faux' });
    assert.equal(wrongToken.status, 403);
    const otherSite = await upload(v.manager, { name: 'flux.xml', bytes, origin: 'https://pirate.example' });
    assert.equal(otherSite.status, 403);
    assert.equal(count('caf_imports'), before);
  });

  test('no file: a French message naming the field, nothing written', async () => {
    const before = count('caf_imports');
    const res = await upload(v.manager, {});
    assert.equal(res.status, 422);
    assert.match(res.text, /id="file-error"/);
    assert.match(res.text, /Fichier du flux : choisissez le fichier XML/);
    assert.equal(count('caf_imports'), before);
  });

  test('an invalid file is refused with its schema errors and imports nothing', async () => {
    const persons = count('persons');
    const res = await upload(v.manager, { name: 'RSABEI_invalid.xml', bytes: readFileSync(data('RSABEI_invalid.xml')) });
    assert.equal(res.status, 303);
    const id = Number(res.location.split('/').pop());
    const p = await waitFinished(v.manager, id);
    assert.equal(p.status, 'refused', p.message);
    const page = await v.manager.request(`/imports/caf/${id}`);
    assert.match(page.text, /Flux refusé/);
    assert.match(page.text, /Ligne \d+ : Element &#39;InfosFoyerRSA&#39;/);
    const json = JSON.parse((await v.manager.request(`/imports/caf/${id}/rapport.json`)).text);
    assert.equal(json.refused, true);
    assert.ok(json.schema_errors[0].line > 0);
    assert.equal(count('persons'), persons);
  });

  test('a valid file is imported by the job: progress, report page, JSON and mail', async () => {
    const persons = count('persons');
    const queued = count('journeys', "entry = 'import' AND status = 'to_orient'");
    const res = await upload(v.manager, { name: 'flux_all_states.xml', bytes: readFileSync(data('flux_all_states.xml')) });
    assert.equal(res.status, 303, res.text.slice(0, 300));
    const id = Number(res.location.split('/').pop());
    const p = await waitFinished(v.manager, id);
    assert.equal(p.status, 'done', p.message);
    assert.equal(p.percent, 100);
    assert.equal(p.done, 28);
    const json = JSON.parse((await v.manager.request(`/imports/caf/${id}/rapport.json`)).text);
    for (const key of ['households', 'persons_created', 'persons_updated', 'persons_unchanged', 'rejected']) {
      assert.equal(typeof json[key], 'number', key);
    }
    assert.equal(json.households, 28);
    assert.equal(json.rejected, 3);
    assert.ok(json.persons_created > 0);
    assert.equal(count('persons'), persons + json.persons_created);
    assert.equal(count('journeys', "entry = 'import' AND status = 'to_orient'"), queued + json.persons_created);
    assert.ok(json.lines.some((l) => l.outcome === 'rejected' && /hors de tout territoire/.test(l.message)));
    const page = await v.manager.request(`/imports/caf/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Compte rendu/);
    assert.match(page.text, new RegExp(`${json.persons_created} personnes créées`));
    assert.match(page.text, /hors de tout territoire/);
    assert.ok(count('access_log', "part = 'caf_import'") > 0, 'lecture des personnes journalisée');
    assert.equal(count('outbox', "to_address = 'territoire@demo.test' AND subject = 'Import du flux CAF « flux_all_states.xml »' AND body LIKE '%personnes créées%'"), 1,
      'compte rendu envoyé au responsable de territoire');
    // The list shows it.
    const list = await v.manager.request('/imports/caf');
    assert.match(list.text, /flux_all_states.xml/);
    // The same file again: nothing changes, no event.
    const events = count('journal', 'person_id IS NOT NULL');
    const again = await upload(v.manager, { name: 'flux_all_states.xml', bytes: readFileSync(data('flux_all_states.xml')) });
    const id2 = Number(again.location.split('/').pop());
    await waitFinished(v.manager, id2);
    const json2 = JSON.parse((await v.manager.request(`/imports/caf/${id2}/rapport.json`)).text);
    assert.equal(json2.persons_created, 0);
    assert.equal(json2.persons_updated, 0);
    assert.equal(count('journal', 'person_id IS NOT NULL'), events);
    // Another territory's manager may not read it (none in the demo: the referent is refused).
    assert.equal((await v.referent.request(`/imports/caf/${id}`)).status, 403);
    assert.equal((await v.referent.request(`/imports/caf/${id}/rapport.json`)).status, 403);
  });

  test('parcours import caf --json prints one object and exits 1 on a refused file', async () => {
    const ok = await run(['import', 'caf', '--json', data('flux_later.xml')], { env: { PARCOURS_DB: server.dbUrl } });
    assert.equal(ok.code, 0, ok.stderr);
    const report = JSON.parse(ok.stdout);
    for (const key of ['households', 'persons_created', 'persons_updated', 'persons_unchanged', 'rejected']) {
      assert.equal(typeof report[key], 'number', key);
    }
    assert.match(ok.stderr, /100 %/);
    const older = await run(['import', 'caf', '--json', data('flux_older.xml')], { env: { PARCOURS_DB: server.dbUrl } });
    assert.equal(older.code, 1);
    assert.equal(JSON.parse(older.stdout).refused, true);
    assert.match(older.stderr, /plus ancien/);
  });
});

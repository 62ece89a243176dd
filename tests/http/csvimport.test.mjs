// Black-box tests of the person-file (CSV) import against the real binary (demo territory,
// Ardennes): access (the organisation's admin and the territory's manager only), CSRF, a
// missing file, the mapping page (detected format, guessed columns), the preview that writes
// no person, the confirmed import run by the job with its report (page, JSON, mail), the same
// file again changing nothing, broken rows reported line by line, and the command line.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, run, startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';
import { Visitor, signIn } from '../support/visitor.mjs';

const fixture = (name) => join(root, 'tests/fixtures/csvimport', name);

// Sends the upload form as a browser does: multipart, the CSRF token first, then the file.
async function upload(visitor, { name, bytes, csrf, origin = visitor.base, organisation } = {}) {
  const form = new FormData();
  if (csrf !== null) form.append('csrf_token', csrf ?? (await visitor.csrf('/imports/personnes')));
  if (organisation) form.append('organisation_id', String(organisation));
  if (name) form.append('file', new Blob([bytes]), name);
  return visitor.request('/imports/personnes', { method: 'POST', multipart: form, origin });
}

const waitDone = (visitor, id) => visitor.pollJson(`/imports/personnes/${id}/rapport.json`,
  (r) => r.status === 'done' || r.status === 'failed', { tries: 200 });

const idOf = (location) => Number(/\/imports\/personnes\/(\d+)/.exec(location)[1]);

describe('Person file (CSV) import', () => {
  let server;
  let sql;
  let cd08;
  const v = {};

  before(async () => {
    server = await startDemoServer();
    sql = sqliteQuery(server);
    Object.assign(v, await signIn(server.url, {
      manager: 'territoire@demo.test', referent: 'referent@demo.test', admin: 'admin@demo.test',
      orgAdmin: 'structure@demo.test', orienter: 'orientation@demo.test',
    }));
    cd08 = Number(sql("SELECT r.organisation_id FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'structure@demo.test' AND r.role = 'org_admin'"));
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const count = (table, where = '1 = 1') => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));

  test('only the organisation admin and the territory manager reach the import pages', async () => {
    const anonymous = new Visitor(server.url);
    const page = await anonymous.request('/imports/personnes');
    assert.equal(page.status, 302);
    assert.match(page.location, /\/connexion/);
    for (const who of ['referent', 'admin', 'orienter']) {
      assert.equal((await v[who].request('/imports/personnes')).status, 403, who);
    }
    for (const who of ['manager', 'orgAdmin']) {
      const res = await v[who].request('/imports/personnes');
      assert.equal(res.status, 200, who);
      assert.match(res.text, /enctype="multipart\/form-data"/);
      assert.match(res.text, /CSV UTF-8 \(délimité par des virgules\)/);
    }
    const before = count('csv_imports');
    const refused = await upload(v.referent, { name: 'p.csv', bytes: readFileSync(fixture('personnes-utf8.csv')),
      csrf: await v.referent.csrf('/'), organisation: cd08 });
    assert.equal(refused.status, 403);
    assert.equal(count('csv_imports'), before);
  });

  test('an upload without its CSRF token or from another site is refused', async () => {
    const before = count('csv_imports');
    const bytes = readFileSync(fixture('personnes-utf8.csv'));
    for (const options of [{ csrf: null }, { csrf: 'faux' }, { origin: 'https://pirate.example' }]) {
      const res = await upload(v.orgAdmin, { name: 'p.csv', bytes, organisation: cd08, ...options });
      assert.equal(res.status, 403, JSON.stringify(options));
    }
    assert.equal(count('csv_imports'), before);
  });

  test('no file: a French message naming the field, nothing written', async () => {
    const before = count('csv_imports');
    const res = await upload(v.orgAdmin, { organisation: cd08 });
    assert.equal(res.status, 422);
    assert.match(res.text, /id="file-error"/);
    assert.match(res.text, /Fichier : choisissez le fichier CSV/);
    assert.equal(count('csv_imports'), before);
  });

  test('mapping, preview, confirmed import, report, then the same file again', async () => {
    const persons = count('persons');
    const res = await upload(v.orgAdmin, { name: 'personnes-windows-1252.csv', bytes: readFileSync(fixture('personnes-windows-1252.csv')), organisation: cd08 });
    assert.equal(res.status, 303, res.text.slice(0, 500));
    assert.match(res.location, /\/correspondance$/);
    const id = idOf(res.location);
    const mapping = await v.orgAdmin.request(res.location);
    assert.equal(mapping.status, 200);
    assert.match(mapping.text, /Windows-1252/);
    assert.match(mapping.text, /point-virgule/);
    assert.match(mapping.text, /<option value="Date de naissance" selected>/);
    assert.match(mapping.text, /<option value="N° allocataire" selected>/);
    // Names unmapped: refused naming the field, nothing saved.
    const bad = await v.orgAdmin.post(res.location, { first_names: 'Prénom' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /id="field-birth_name-error"/);
    assert.equal(count('csv_mappings'), 0);
    const form = {};
    for (const [, key, value] of mapping.text.matchAll(/<select class="fr-select" id="field-([a-z_]+)" name="[a-z_]+"[^>]*>(?:(?!<\/select>)[\s\S])*?<option value="([^"]*)" selected>/g)) {
      form[key] = value.replaceAll('&#39;', "'");
    }
    assert.equal(form.birth_name, 'NOM');
    const saved = await v.orgAdmin.post(res.location, form);
    assert.equal(saved.status, 303, saved.text.slice(0, 500));
    assert.equal(count('csv_mappings', `organisation_id = ${cd08}`), 1);
    const preview = await v.orgAdmin.request(`/imports/personnes/${id}`);
    assert.equal(preview.status, 200);
    assert.match(preview.text, /Aperçu de l’import/);
    assert.match(preview.text, /4 personnes à créer/);
    assert.match(preview.text, /Rien n’a encore été enregistré/);
    assert.equal(count('persons'), persons, 'the preview writes no person');
    const json = JSON.parse((await v.orgAdmin.request(`/imports/personnes/${id}/rapport.json`)).text);
    assert.equal(json.to_create, 4);
    assert.equal(json.encoding, 'windows-1252');
    assert.equal(json.lines.length, 4);
    const confirmed = await v.orgAdmin.post(`/imports/personnes/${id}/importer`, {}, { formPage: `/imports/personnes/${id}` });
    assert.equal(confirmed.status, 303);
    const report = await waitDone(v.orgAdmin, id);
    assert.equal(report.status, 'done');
    assert.equal(report.created, 4);
    assert.equal(count('persons'), persons + 4);
    const page = await v.orgAdmin.request(`/imports/personnes/${id}`);
    assert.match(page.text, /Compte rendu de l’import/);
    assert.match(page.text, /4 personnes créées/);
    assert.ok(count('access_log', "part = 'csv_import'") > 0, 'lecture des personnes journalisée');
    assert.equal(count('outbox', "to_address = 'structure@demo.test' AND subject LIKE 'Import du fichier de personnes%'"), 1);
    // The territory manager sees it too; the same file again (UTF-8 this time, same persons)
    // goes straight to the preview with the remembered mapping and changes nothing.
    const events = count('journal', 'person_id IS NOT NULL');
    const again = await upload(v.manager, { name: 'personnes-utf8.csv', bytes: readFileSync(fixture('personnes-utf8.csv')), organisation: cd08 });
    assert.equal(again.status, 303);
    assert.doesNotMatch(again.location, /correspondance/);
    const id2 = idOf(again.location);
    const preview2 = JSON.parse((await v.manager.request(`/imports/personnes/${id2}/rapport.json`)).text);
    assert.equal(preview2.unchanged, 4);
    // The preview's lines of known persons are reads of their records: traced.
    const traced = count('access_log', "part = 'csv_import'");
    const previewPage = await v.manager.request(`/imports/personnes/${id2}`);
    assert.match(previewPage.text, /Aperçu de l’import/);
    assert.equal(count('access_log', "part = 'csv_import'"), traced + 4);
    await v.manager.post(`/imports/personnes/${id2}/importer`, {}, { formPage: `/imports/personnes/${id2}` });
    const report2 = await waitDone(v.manager, id2);
    assert.equal(report2.created, 0);
    assert.equal(report2.updated, 0);
    assert.equal(report2.unchanged, 4);
    assert.equal(count('journal', 'person_id IS NOT NULL'), events);
    assert.equal((await v.referent.request(`/imports/personnes/${id}`)).status, 403);
    assert.equal((await v.referent.request(`/imports/personnes/${id}/rapport.json`)).status, 403);
  });

  test('a large file is previewed by the import thread while the page says so', async () => {
    // 6,000 distinct persons (about 400 KB): over what is previewed within the request.
    const letters = (n) => Array.from({ length: 4 }, (_, k) => String.fromCharCode(65 + (Math.floor(n / 26 ** k) % 26))).join('');
    const header = readFileSync(fixture('personnes-utf8.csv'), 'utf8').split('\n')[0];
    const rows = Array.from({ length: 6000 }, (_, i) => `GRAND${letters(i)};Camille;03/04/1985;F;;;;GT${i};1 rue du Port;08000;Charleville-Mézières;;;;`);
    const bytes = Buffer.from([header, ...rows, ''].join('\n'));
    assert.ok(bytes.length > 256 * 1024);
    const res = await upload(v.orgAdmin, { name: 'grand-fichier.csv', bytes, organisation: cd08 });
    assert.equal(res.status, 303, res.text.slice(0, 500));
    assert.match(res.location, /\/imports\/personnes\/\d+$/, 'the remembered mapping leads to the preview');
    const id = idOf(res.location);
    assert.ok(['previewing', 'previewed'].includes(sql(`SELECT status FROM csv_imports WHERE id = ${id}`)));
    let report;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      report = JSON.parse((await v.orgAdmin.request(`/imports/personnes/${id}/rapport.json`)).text);
      if (report.status !== 'previewing') break;
      const page = await v.orgAdmin.request(`/imports/personnes/${id}`);
      if (JSON.parse((await v.orgAdmin.request(`/imports/personnes/${id}/rapport.json`)).text).status === 'previewing') {
        assert.match(page.text, /Aperçu en cours/);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(report.status, 'previewed', JSON.stringify(report).slice(0, 300));
    assert.equal(report.rows, 6000);
    assert.equal(sql(`SELECT to_create || ' ' || to_reject FROM csv_imports WHERE id = ${id}`), '6000 0',
      sql(`SELECT message FROM csv_import_lines WHERE import_id = ${id} AND outcome = 'error' LIMIT 2`));
    assert.equal(Number(sql("SELECT COUNT(*) FROM persons WHERE birth_name LIKE 'GRAND%'")), 0, 'a preview writes no person');
  });

  test('broken rows are shown line by line in the preview, the good ones imported', async () => {
    const res = await upload(v.orgAdmin, { name: 'personnes-erreurs.csv', bytes: readFileSync(fixture('personnes-erreurs.csv')), organisation: cd08 });
    assert.equal(res.status, 303);
    const id = idOf(res.location);
    const page = await v.orgAdmin.request(`/imports/personnes/${id}?lignes=error`);
    assert.equal(page.status, 200);
    assert.match(page.text, /9 lignes en erreur/);
    assert.match(page.text, /Les lignes en erreur ne seront pas importées/);
    assert.match(page.text, /Ligne 3, colonne « Date de naissance » : « 31\/02\/1990 » n’est pas une date valide/);
    assert.match(page.text, /Ligne 5 : la ligne a 8 colonnes/);
  });

  test('an upload left unconfirmed shows as abandoned, and confirming it then imports nothing', async () => {
    const res = await upload(v.orgAdmin, { name: 'personnes-utf8.csv', bytes: readFileSync(fixture('personnes-utf8.csv')), organisation: cd08 });
    assert.equal(res.status, 303);
    const id = idOf(res.location);
    // What the hourly job does to an import left a day without confirmation (store test).
    sql(`UPDATE csv_imports SET status = 'expired', stored_path = '', message = 'Import non confirmé dans les 24 heures : le fichier a été supprimé.' WHERE id = ${id}`);
    const page = await v.orgAdmin.request(`/imports/personnes/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Import abandonné/);
    assert.match(page.text, /Abandonné, fichier supprimé/);
    assert.doesNotMatch(page.text, /\/importer"/);
    const confirm = await v.orgAdmin.post(`/imports/personnes/${id}/importer`, {}, { formPage: `/imports/personnes/${id}` });
    assert.equal(confirm.status, 303);
    assert.equal(sql(`SELECT status FROM csv_imports WHERE id = ${id}`), 'expired');
    assert.equal(sql(`SELECT COUNT(*) FROM jobs WHERE kind = 'csvimport.apply' AND payload LIKE '%"import_id":${id}}%'`), '0');
  });

  test('parcours import persons --json imports with the remembered mapping', async () => {
    const slug = sql(`SELECT slug FROM organisations WHERE id = ${cd08}`);
    const done = await run(['import', 'persons', '--json', '--org', slug, fixture('personnes-tabulation.tsv')],
      { env: { PARCOURS_DB: server.dbUrl } });
    assert.equal(done.code, 0, done.stderr);
    const report = JSON.parse(done.stdout);
    assert.equal(report.status, 'done');
    assert.equal(report.unchanged, 4);
    assert.equal(report.separator, '\t');
    assert.match(done.stderr, /séparateur tabulation/);
    const unknown = await run(['import', 'persons', '--org', 'nulle-part', fixture('personnes-utf8.csv')],
      { env: { PARCOURS_DB: server.dbUrl } });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /structure « nulle-part » introuvable/);
  });
});

// An upload whose sender may not import is answered as soon as its headers are read: the body
// (announced as 200 MB, never sent) is not waited for, nor stored.
describe('uploads are judged before their body is read', () => {
  let server;
  before(async () => {
    server = await startDemoServer();
  });
  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  // Sends only the head of a POST announcing a large multipart body; resolves with the status
  // line of the answer (or 'timeout' when the server waits for the body).
  function headOnly(path, headers) {
    const url = new URL(server.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        const lines = [`POST ${path} HTTP/1.1`, `Host: ${url.host}`,
          'Content-Type: multipart/form-data; boundary=x', 'Content-Length: 200000000',
          ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''];
        socket.write(lines.join('\r\n'));
        socket.write('--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n');
      });
      let data = '';
      const timer = setTimeout(() => { socket.destroy(); resolve('timeout'); }, 3000);
      socket.on('data', (chunk) => {
        data += chunk.toString('latin1');
        if (data.includes('\r\n')) {
          clearTimeout(timer);
          socket.destroy();
          resolve(data.slice(0, data.indexOf('\r\n')));
        }
      });
      socket.on('error', (e) => { clearTimeout(timer); reject(e); });
    });
  }

  test('a visitor, an account that may not import, another site: answered at once', async () => {
    const referent = await new Visitor(server.url).login('referent@demo.test');
    const manager = await new Visitor(server.url).login('territoire@demo.test');
    const cookie = (v) => [...v.cookies].map(([k, val]) => `${k}=${val}`).join('; ');
    for (const path of ['/imports/personnes', '/imports/caf']) {
      assert.match(await headOnly(path, { Origin: server.url }), /^HTTP\/1\.1 302/, `${path} visiteur`);
      assert.match(await headOnly(path, { Origin: server.url, Cookie: cookie(referent) }), /^HTTP\/1\.1 403/, `${path} référente`);
      assert.match(await headOnly(path, { Origin: 'https://pirate.example', Cookie: cookie(manager) }), /^HTTP\/1\.1 403/, `${path} autre site`);
      // The territory manager may: the server waits for the body.
      assert.equal(await headOnly(path, { Origin: server.url, Cookie: cookie(manager) }), 'timeout', `${path} responsable`);
    }
  });
});

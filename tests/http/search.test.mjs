// Black-box tests of the exchange in the data·inclusion format and of the public search, on
// both engines: `import data-inclusion` (report by record and field, idempotent rerun),
// `export data-inclusion` and its round trip, GET /api/v1/search/services with data·inclusion's
// parameters (eligibility at a commune, distance order, text without accents, cursors), the
// cursor-paginated /api/v1/services and /api/v1/structures, problem+json errors in French, and
// the public page /services without any login.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server.mjs';

const structure = (id, nom, extra = {}) => ({ source: 'test', id: `test--${id}`, nom, date_maj: '2026-01-05', ...extra });
const service = (id, nom, description, extra = {}) => ({
  source: 'test',
  structure_id: 'test--ccas',
  id: `test--${id}`,
  nom,
  description,
  date_maj: '2026-01-05',
  modes_accueil: ['en-presentiel'],
  publics: ['tous-publics'],
  modes_mobilisation: ['telephoner'],
  telephone: '03 24 00 00 00',
  ...extra,
});

export const records = [
  service('garage', 'Garage solidaire', 'Réparer sa voiture à petit prix, avec un mécanicien.', {
    thematiques: ['mobilite--entretenir-reparer-son-vehicule'],
    zone_eligibilite: ['08105'],
    latitude: 49.7733, longitude: 4.7208, code_insee: '08105', commune: 'Charleville-Mézières',
    code_postal: '08000', adresse: '1 place Ducale', frais: 'payant',
  }),
  structure('ccas', 'CCAS de Charleville-Mézières', { code_insee: '08105', latitude: 49.7733, longitude: 4.7208 }),
  service('velo', 'Vélo-école', 'Apprendre à circuler en ville, en petits groupes.', {
    thematiques: ['mobilite--mobilite-douce-partagee-collective'],
    zone_eligibilite: ['200041630'],
    latitude: 49.7019, longitude: 4.9403, code_insee: '08409', frais: 'gratuit',
  }),
  service('permis', 'Permis accompagné', 'Préparer le code et la conduite avec un moniteur.', {
    thematiques: ['mobilite--preparer-un-permis'],
    zone_eligibilite: ['08'],
    latitude: 49.5097, longitude: 4.3675, code_insee: '08362', frais: 'gratuit',
  }),
  service('ligne', 'Plateforme mobilité en ligne', 'Des conseils par téléphone pour tous vos trajets.', {
    thematiques: ['mobilite--financer-ma-mobilite'],
    zone_eligibilite: ['france'],
    modes_accueil: ['a-distance'],
    lien_mobilisation: 'https://example.org/mobilite',
    modes_mobilisation: ['utiliser-lien-mobilisation'],
  }),
  service('reims', 'Auto-école sociale', 'Le permis pour les jeunes du Grand Reims.', {
    thematiques: ['mobilite--preparer-un-permis'],
    zone_eligibilite: ['51'],
    latitude: 49.2583, longitude: 4.0317, code_insee: '51454', publics: ['jeunes'],
  }),
  service('faux', 'X', 'Trop court.', { thematiques: ['mobilite--velo'] }),
];

for (const engine of ['sqlite', 'postgres']) {
  describe(`data·inclusion exchange and public search (${engine})`, () => {
    let server;
    const files = mkdtempSync(join(tmpdir(), 'parcours-search-'));
    const file = join(files, 'services.jsonl');
    let firstImport;

    before(async () => {
      writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      server = await startServer({
        engine,
        before: async (cli) => {
          const geo = await cli(['load-geo']);
          assert.equal(geo.code, 0, geo.stderr);
          firstImport = await cli(['import', 'data-inclusion', file]);
        },
      });
    });
    after(async () => {
      assert.equal(await server.stop(), 0);
      rmSync(files, { recursive: true, force: true });
    });

    test('the import reports each refused record by field, and a rerun changes nothing', async () => {
      assert.equal(firstImport.code, 1, 'one record refused: exit code 1');
      assert.match(firstImport.stdout, /structures 1 créées.*services 5 créés, 0 modifiés, 0 inchangés ; 1 refusés/);
      assert.match(firstImport.stderr, /refusé : enregistrement 7 \(test--faux\) : nom : doit contenir au moins 3 caractères/);
      assert.match(firstImport.stderr, /enregistrement 7 \(test--faux\) : thematiques\[0\] : « mobilite--velo » n’est pas une valeur autorisée/);
      const again = await server.cli(['import', 'data-inclusion', file]);
      assert.match(again.stdout, /structures 0 créées, 0 modifiées, 1 inchangées ; services 0 créés, 0 modifiés, 5 inchangés/);
    });

    test('export → import changes nothing; the export is a JSON array of published services', async () => {
      const services = await server.cli(['export', 'data-inclusion', 'services']);
      assert.equal(services.code, 0, services.stderr);
      const list = JSON.parse(services.stdout);
      assert.deepEqual(list.map((s) => s.id).sort(), ['test--garage', 'test--ligne', 'test--permis', 'test--reims', 'test--velo']);
      assert.equal(list.find((s) => s.id === 'test--velo').publics[0], 'tous-publics');
      const structures = await server.cli(['export', 'data-inclusion', 'structures']);
      assert.deepEqual(JSON.parse(structures.stdout).map((s) => s.id), ['test--ccas']);
      writeFileSync(join(files, 'export.json'), services.stdout);
      const reimport = await server.cli(['import', 'data-inclusion', join(files, 'export.json')]);
      assert.equal(reimport.code, 0, reimport.stderr);
      assert.match(reimport.stdout, /services 0 créés, 0 modifiés, 5 inchangés ; 0 refusés/);
      const bad = await server.cli(['export', 'data-inclusion', 'personnes']);
      assert.equal(bad.code, 2);
    });

    test('GET /api/v1/search/services: eligible at the commune, nearest first, remote last', async () => {
      const res = await fetch(`${server.url}/api/v1/search/services?code_commune=08105&thematiques=mobilite`);
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.deepEqual(
        body.items.map((i) => [i.service.id, i.distance]),
        [['test--garage', 0], ['test--velo', 18], ['test--permis', 39], ['test--ligne', null]],
      );
      const first = body.items[0].service;
      assert.equal(first.structure.nom, 'CCAS de Charleville-Mézières');
      assert.equal(typeof first.score_qualite, 'number');
      assert.equal(body.next_cursor, null);

      // data·inclusion's list parameters, repeated or comma-separated; publics with tous-publics.
      const reims = await (await fetch(`${server.url}/api/v1/search/services?code_commune=51454&publics=jeunes&thematiques=mobilite--preparer-un-permis,mobilite--financer-ma-mobilite`)).json();
      assert.deepEqual(reims.items.map((i) => i.service.id), ['test--reims', 'test--ligne']);
      const remote = await (await fetch(`${server.url}/api/v1/search/services?code_commune=08409&modes_accueil=a-distance`)).json();
      assert.deepEqual(remote.items.map((i) => i.service.id), ['test--ligne']);
      const free = await (await fetch(`${server.url}/api/v1/search/services?frais=gratuit&frais=payant&types=atelier`)).json();
      assert.deepEqual(free.items, []);
    });

    test('text in any order, without accents, hyphens as spaces; cursors walk every result once', async () => {
      const text = async (q) =>
        (await (await fetch(`${server.url}/api/v1/search/services?q=${encodeURIComponent(q)}`)).json()).items.map((i) => i.service.id);
      assert.deepEqual(await text('ecole velo'), ['test--velo']);
      assert.deepEqual(await text('AUTO-ÉCOLE'), ['test--reims']);
      assert.deepEqual(await text('mécanicien'), ['test--garage']);
      const seen = [];
      let cursor = '';
      for (let i = 0; i < 10; i++) {
        const page = await (await fetch(`${server.url}/api/v1/search/services?code_commune=08105&size=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json();
        seen.push(...page.items.map((it) => it.service.id));
        if (!page.next_cursor) break;
        cursor = page.next_cursor;
      }
      assert.deepEqual(seen, ['test--garage', 'test--velo', 'test--permis', 'test--ligne']);
    });

    test('bad parameters: problem+json in French naming the parameter', async () => {
      const cases = [
        ['code_commune=99999', 'code_commune', /commune de code « 99999 » est inconnue/],
        ['thematiques=mobilite--velo', 'thematiques', /ni une catégorie ni une thématique/],
        ['frais=offert', 'frais', /« offert » n’est pas une valeur autorisée/],
        ['size=0', 'size', /entre 1 et 100/],
        ['page=2', 'page', /curseur/],
        ['code_commune=08105&cursor=abc', 'cursor', /curseur invalide/],
      ];
      for (const [query, field, detail] of cases) {
        const res = await fetch(`${server.url}/api/v1/search/services?${query}`);
        assert.equal(res.status, 422, query);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
        const body = await res.json();
        assert.equal(body.field, field);
        assert.match(body.detail, detail);
      }
    });

    test('GET /api/v1/services and /api/v1/structures page by cursor, published only', async () => {
      const ids = [];
      let url = `${server.url}/api/v1/services?size=2`;
      for (let i = 0; i < 5 && url; i++) {
        const page = await (await fetch(url)).json();
        ids.push(...page.items.map((s) => s.id));
        url = page.next_cursor ? `${server.url}/api/v1/services?size=2&cursor=${page.next_cursor}` : null;
      }
      assert.equal(ids.length, 5);
      assert.equal(new Set(ids).size, 5);
      const structures = await (await fetch(`${server.url}/api/v1/structures`)).json();
      assert.deepEqual(structures.items.map((s) => s.id), ['test--ccas']);
      const bad = await fetch(`${server.url}/api/v1/services?cursor=-1`);
      assert.equal(bad.status, 422);
    });

    test('the public page /services: no login, results that say how to reach each service', async () => {
      const empty = await fetch(`${server.url}/services`);
      assert.equal(empty.status, 200);
      const form = await empty.text();
      assert.match(form, /<h1>Trouver un service d’insertion<\/h1>/);
      assert.match(form, /<option value="mobilite">Mobilité : tout<\/option>/);

      const res = await fetch(`${server.url}/services?commune=Charleville-M%C3%A9zi%C3%A8res+%2808105%29&thematique=mobilite&q=`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /Résultats pour Charleville-Mézières \(08105\)/);
      assert.match(html, /<a href="\/services\/\d+">Garage solidaire<\/a>/);
      assert.match(html, /À 0 km/);
      assert.match(html, /Téléphone : <a href="tel:0324000000">03 24 00 00 00<\/a>/);
      assert.match(html, /Adresse : 1 place Ducale, 08000 Charleville-Mézières/);
      assert.match(html, /À distance/);
      assert.ok(html.indexOf('Garage solidaire') < html.indexOf('Permis accompagné'));
      assert.doesNotMatch(html, /Auto-école sociale/);

      const unknown = await fetch(`${server.url}/services?commune=Atlantide&thematique=&q=velo`);
      assert.equal(unknown.status, 422);
      const page = await unknown.text();
      assert.match(page, /id="commune-error"/);
      assert.match(page, /value="Atlantide"/);
      assert.match(page, /value="velo"/);
    });
  });
}

// Builds web/dist: the DSFR assets and ours, our own files fingerprinted by content hash.
// dist/manifest.json maps each logical name ("app.css") to its fingerprinted path.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = 'dist';
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const manifest = {};
const fingerprint = (source, logical) => {
  const content = readFileSync(source);
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
  const dot = logical.lastIndexOf('.');
  const name = `${logical.slice(0, dot)}.${hash}${logical.slice(dot)}`;
  writeFileSync(join(dist, name), content);
  manifest[logical] = name;
};

// DSFR keeps its relative layout (its CSS points at ../fonts, ../icons...).
const dsfr = 'node_modules/@gouvfr/dsfr/dist';
mkdirSync(join(dist, 'dsfr'), { recursive: true });
for (const dir of ['fonts', 'icons', 'favicon', 'utility']) {
  cpSync(join(dsfr, dir), join(dist, 'dsfr', dir), { recursive: true });
}
for (const file of ['dsfr.min.css', 'dsfr.module.min.js', 'dsfr.nomodule.min.js']) {
  fingerprint(join(dsfr, file), join('dsfr', file));
}

// DSFR Chart (web components), loaded by the pilotage pages only: one module and its CSS.
const chart = 'node_modules/@gouvfr/dsfr-chart/dist/DSFRChart';
mkdirSync(join(dist, 'dsfr-chart'), { recursive: true });
for (const file of ['DSFRChart.js', 'DSFRChart.css']) {
  fingerprint(join(chart, file), join('dsfr-chart', file));
}

for (const file of readdirSync('src')) fingerprint(join('src', file), file);

writeFileSync(join(dist, 'manifest.json'), JSON.stringify(manifest, null, 2));
console.log(`web/dist: ${Object.keys(manifest).length} fichiers empreintés`);

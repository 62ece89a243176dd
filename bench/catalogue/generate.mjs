// Generates a national-size catalogue in the data·inclusion v1 format, as JSON lines on stdout:
// STRUCTURES structures then SERVICES services (150,000 by default, the size of the national
// catalogue), over the real communes, EPCI and départements of @etalab/decoupage-administratif
// (communes drawn by population), every record valid against the v1 schemas (vocabularies read
// from data/reference/data-inclusion/v1/service.json). The geography has no coordinates: each
// département gets a deterministic pseudo-centre in metropolitan France's bounding box and its
// communes lie around it, so distances are consistent, not real. Deterministic (seeded).
//
//   node bench/catalogue/generate.mjs [--services 150000] [--structures 30000] > catalogue.jsonl
//   node bench/catalogue/generate.mjs --queries 2000 --kind commune > queries.txt  (bench paths)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const serviceCount = Number(args.services ?? 150000);
const structureCount = Number(args.structures ?? Math.max(1, Math.round(serviceCount / 5)));

// Small deterministic generator (mulberry32).
let seed = Number(args.seed ?? 20260527);
const random = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const some = (list, min, max) => {
  const n = min + Math.floor(random() * (max - min + 1));
  const out = new Set();
  while (out.size < Math.min(n, list.length)) out.add(pick(list));
  return [...out];
};

const geoDir = join(root, 'web/node_modules/@etalab/decoupage-administratif/data');
const communes = JSON.parse(readFileSync(join(geoDir, 'communes.json'), 'utf8')).filter(
  (c) => c.type === 'commune-actuelle' && c.departement && c.codesPostaux?.length && !/^(97[5-8]|98)/.test(c.departement),
);
const epciOf = new Map();
for (const e of JSON.parse(readFileSync(join(geoDir, 'epci.json'), 'utf8'))) {
  for (const m of e.membres) epciOf.set(m.code, e.code);
}
const schema = JSON.parse(readFileSync(join(root, 'data/reference/data-inclusion/v1/service.json'), 'utf8'));
const vocabulary = (name) => schema.$defs[name].enum;
const thematiques = vocabulary('Thematique');
const categories = [...new Set(thematiques.map((t) => t.split('--')[0]))];
const types = vocabulary('TypeService');
const publics = vocabulary('Public');
const modesMobilisation = vocabulary('ModeMobilisation');

// Communes drawn by population (cumulative weights, binary search).
const cumulative = [];
let total = 0;
for (const c of communes) {
  total += Math.max(c.population ?? 0, 50);
  cumulative.push(total);
}
const drawCommune = () => {
  const x = random() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return communes[lo];
};

// Pseudo-coordinates: a centre per département (hash of its code), communes around it.
const hash = (text) => {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) / 4294967296;
};
const position = (commune) => {
  const dLat = 42.5 + hash(`lat${commune.departement}`) * 8;
  const dLon = -1.5 + hash(`lon${commune.departement}`) * 8.5;
  return [dLat + (hash(`a${commune.code}`) - 0.5) * 0.6, dLon + (hash(`o${commune.code}`) - 0.5) * 0.8];
};

const words = {
  actions: ['Accompagnement', 'Atelier', 'Permanence', 'Aide', 'Formation', 'Soutien', 'Conseil', 'Orientation', 'Information', 'Coaching'],
  subjects: ['mobilité', 'permis de conduire', 'vélo', 'garage solidaire', 'numérique', 'emploi', 'logement', 'budget', 'santé', 'garde d’enfants', 'français langue étrangère', 'création d’entreprise', 'CV et lettre de motivation', 'entretien d’embauche', 'accès aux droits', 'alimentation', 'démarches administratives', 'bureautique', 'micro-crédit', 'hébergement d’urgence', 'insertion professionnelle', 'remobilisation', 'parentalité', 'handicap', 'retraite'],
  publics: ['jeunes', 'seniors', 'familles', 'demandeurs d’emploi', 'bénéficiaires du RSA', 'femmes', 'personnes exilées', 'étudiants'],
  extras: ['sur rendez-vous', 'en petits groupes', 'avec un conseiller', 'gratuit et confidentiel', 'près de chez vous', 'en ligne ou sur place', 'chaque semaine', 'pendant trois mois', 'avec des bénévoles', 'à la médiathèque', 'au centre social', 'à la maison France services'],
  verbs: ['Apprendre', 'Préparer', 'Trouver', 'Financer', 'Réparer', 'Découvrir', 'Comprendre', 'Accéder à', 'Construire', 'Reprendre confiance pour'],
  objects: ['son projet professionnel', 'un emploi durable', 'un logement adapté', 'ses droits', 'un véhicule', 'les outils numériques', 'une formation qualifiante', 'son budget', 'une solution de garde', 'son permis'],
};
const sentence = () =>
  `${pick(words.verbs)} ${pick(words.objects)} ${pick(words.extras)}, pour les ${pick(words.publics)}.`;
const description = () => {
  const parts = [];
  const n = 2 + Math.floor(random() * 4);
  for (let i = 0; i < n; i++) parts.push(sentence());
  return parts.join(' ');
};
const isoDate = () => {
  const d = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 700) * 86400000);
  return d.toISOString().slice(0, 10);
};

function* structures() {
  for (let i = 1; i <= structureCount; i++) {
    const commune = drawCommune();
    const [lat, lon] = position(commune);
    yield {
      source: 'bench',
      id: `bench--s${i}`,
      nom: `${pick(['Centre social', 'Association', 'CCAS', 'Mission locale', 'Maison France services', 'Espace emploi'])} de ${commune.nom}`.slice(0, 150),
      description: null,
      siret: null,
      adresse: `${1 + Math.floor(random() * 120)} rue de la République`,
      code_postal: commune.codesPostaux[0],
      commune: commune.nom,
      code_insee: commune.code,
      latitude: Number(lat.toFixed(5)),
      longitude: Number(lon.toFixed(5)),
      telephone: '03 24 00 00 00',
      courriel: `contact${i}@exemple.fr`,
      site_web: `https://exemple.fr/structures/${i}`,
      date_maj: isoDate(),
      _commune: commune,
    };
  }
}

const structureList = [...structures()];
const zoneFor = (commune) => {
  const x = random();
  if (x < 0.3) return [commune.code];
  if (x < 0.5 && epciOf.has(commune.code)) return [epciOf.get(commune.code)];
  if (x < 0.9) return [commune.departement];
  if (x < 0.95) return [commune.departement, pick(communes).departement];
  return ['france'];
};

function service(i) {
  const structure = structureList[(i * 7919) % structureList.length];
  const commune = structure._commune;
  const x = random();
  const modes = x < 0.8 ? ['en-presentiel'] : x < 0.9 ? ['a-distance'] : ['en-presentiel', 'a-distance'];
  const located = modes.includes('en-presentiel');
  const [lat, lon] = position(commune);
  const subject = pick(words.subjects);
  const mobilisation = some(modesMobilisation, 1, 2);
  return {
    source: 'bench',
    structure_id: structure.id,
    id: `bench--${i}`,
    nom: `${pick(words.actions)} ${subject}`,
    description: description(),
    type: pick(types),
    thematiques: some(thematiques, 1, 3),
    frais: random() < 0.8 ? 'gratuit' : 'payant',
    publics: random() < 0.5 ? ['tous-publics'] : some(publics.slice(1), 1, 3),
    modes_accueil: modes,
    zone_eligibilite: [...new Set(zoneFor(commune))],
    adresse: located ? structure.adresse : null,
    code_postal: located ? structure.code_postal : null,
    commune: located ? commune.nom : null,
    code_insee: located ? commune.code : null,
    latitude: located ? Number((lat + (random() - 0.5) * 0.02).toFixed(5)) : null,
    longitude: located ? Number((lon + (random() - 0.5) * 0.02).toFixed(5)) : null,
    telephone: mobilisation.includes('telephoner') ? '03 24 00 00 00' : null,
    courriel: mobilisation.includes('envoyer-un-courriel') ? `service${i}@exemple.fr` : null,
    lien_mobilisation: mobilisation.includes('utiliser-lien-mobilisation') ? `https://exemple.fr/services/${i}` : null,
    modes_mobilisation: mobilisation,
    mobilisable_par: some(['usagers', 'professionnels'], 1, 2),
    date_maj: isoDate(),
  };
}

// Bench queries: paths of /api/v1/search/services, one per line.
function queries(kind, n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const commune = drawCommune();
    const theme = random() < 0.5 ? pick(categories) : pick(thematiques);
    if (kind === 'commune') {
      lines.push(`/api/v1/search/services?code_commune=${commune.code}&thematiques=${theme}`);
    } else {
      const word = pick(words.subjects).split(' ')[0];
      const q = random() < 0.5 ? word : `${word} ${pick(words.publics).split(' ')[0]}`;
      const where = random() < 0.5 ? `&code_commune=${commune.code}` : '';
      lines.push(`/api/v1/search/services?q=${encodeURIComponent(q)}${where}`);
    }
  }
  return lines.join('\n') + '\n';
}

const out = process.stdout;
const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
if (args.queries) {
  await write(queries(args.kind ?? 'commune', Number(args.queries)));
} else {
  let buffer = '';
  for (const s of structureList) {
    const { _commune, ...record } = s;
    buffer += JSON.stringify(record) + '\n';
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  for (let i = 1; i <= serviceCount; i++) {
    buffer += JSON.stringify(service(i)) + '\n';
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
}

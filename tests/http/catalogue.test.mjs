// Black-box tests of the catalogue pages against the real binary on a fresh SQLite database with
// the demo territory and its catalogue: who may reach what (deny by default), bad input on the
// service form (a French message naming each field, what was typed kept, nothing written —
// checked in the database), creation, publication, archiving, the public service page, CSRF, and
// the stale-service reminder mailed by the job at start.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mails, startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';
import { Visitor, signIn } from '../support/visitor.mjs';

const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

describe('catalogue pages', () => {
  let server;
  let sql;
  const v = {};
  let cd08;
  let mission;
  const serviceId = (nom) => Number(sql(`SELECT id FROM services WHERE nom = '${nom.replaceAll("'", "''")}'`));
  const count = (where) => Number(sql(`SELECT COUNT(*) FROM services WHERE ${where}`));

  before(async () => {
    server = await startDemoServer();
    sql = sqliteQuery(server);
    cd08 = Number(sql("SELECT id FROM organisations WHERE slug = 'conseil-departemental-des-ardennes'"));
    mission = Number(sql("SELECT id FROM organisations WHERE slug = 'mission-locale-de-charleville-mezieres'"));
    Object.assign(v, await signIn(server.url, {
      admin: 'structure@demo.test', member: 'orientation@demo.test', referent: 'referent@demo.test',
      manager: 'territoire@demo.test', national: 'admin@demo.test',
    }));
    v.anonymous = new Visitor(server.url);
  });

  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  test('the demo catalogue covers every category of thématiques, with stale and remote services', () => {
    assert.ok(count('1 = 1') >= 40);
    const categories = sql("SELECT thematiques FROM services WHERE status = 'published'")
      .split('\n')
      .flatMap((line) => JSON.parse(line))
      .map((t) => t.split('--')[0]);
    assert.equal(new Set(categories).size, 16);
    assert.ok(count("zone_eligibilite LIKE '%france%'") >= 1);
    assert.ok(count("zone_eligibilite LIKE '%\"08\"%'") >= 5);
    assert.ok(count("zone_eligibilite LIKE '%\"2%'") >= 5, 'EPCI zones');
    assert.ok(count("modes_accueil LIKE '%a-distance%'") >= 5);
    assert.ok(count("status = 'published' AND date_maj < date('now', '-182 days')") >= 5);
  });

  test('the organisation’s offer: its members and its territory’s managers, nobody else', async () => {
    const path = `/structures/${cd08}/services`;
    const page = await v.admin.request(path);
    assert.equal(page.status, 200);
    const html = decode(page.text);
    assert.match(html, /Offre de services de Conseil départemental des Ardennes/);
    assert.match(html, /Point-justice : consultation juridique gratuite/);
    assert.match(html, /Brouillon/);
    assert.match(html, /mis à jour il y a (plus d’un an|\d+ mois)/);
    assert.match(html, /À mettre à jour/);
    assert.match(html, /services? publiés? n’(a|ont) pas été mis à jour depuis plus de 6 mois/);
    assert.match(html, /Ajouter un service/);
    assert.match(html, new RegExp(`href="/services/${serviceId('Point-justice : consultation juridique gratuite')}"`));

    assert.equal((await v.member.request(path)).status, 200);
    const manager = await v.manager.request(path);
    assert.equal(manager.status, 200);
    assert.doesNotMatch(manager.text, /Ajouter un service/);
    assert.match(decode(manager.text), /Point-justice/);
    assert.doesNotMatch(decode(manager.text), /MASP|Brouillon/, 'drafts are the members’ only');
    assert.match(html, /Mesure d’accompagnement social personnalisé \(MASP\)/);
    assert.equal((await v.national.request(path)).status, 200);
    assert.equal((await v.referent.request(path)).status, 403);
    const anonymous = await v.anonymous.request(path);
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.location, /\/connexion/);

    assert.equal((await v.manager.request(`${path}/nouveau`)).status, 403);
    assert.equal((await v.referent.request(`${path}/nouveau`)).status, 403);
    assert.equal((await v.admin.request(`${path}/nouveau`)).status, 200);
    assert.equal((await v.admin.request('/structures/999999/services')).status, 404);
  });

  test('/offre-de-services leads a member to their organisation’s offer', async () => {
    const res = await v.admin.request('/offre-de-services');
    assert.equal(res.status, 302);
    assert.equal(res.location, `/structures/${cd08}/services`);
    const manager = await v.manager.request('/offre-de-services');
    assert.equal(manager.status, 200);
    assert.match(decode(manager.text), /Mission locale de Charleville-Mézières/);
  });

  test('a published service is public and says how to reach it; a draft is hidden', async () => {
    const id = serviceId('Aide aux démarches administratives');
    const page = await v.anonymous.request(`/services/${id}`);
    assert.equal(page.status, 200);
    const html = decode(page.text);
    assert.match(html, /Comment mobiliser ce service/);
    assert.match(html, /Se présenter/);
    assert.match(html, /03 24 42 00 60/);
    assert.match(html, /Place de la Tour Grégoire, 08600 Givet/);
    assert.match(html, /Mo-Fr 09:00-12:00,14:00-17:00/);
    assert.match(html, /Espace France Services de Givet/);
    assert.match(html, /Score de qualité : \d+ %/);
    assert.match(html, /mis à jour il y a/);
    assert.match(html, /CC Ardennes Thiérache/);

    const draft = serviceId('Mesure d’accompagnement social personnalisé (MASP)');
    assert.equal((await v.anonymous.request(`/services/${draft}`)).status, 404);
    assert.equal((await v.referent.request(`/services/${draft}`)).status, 404);
    assert.equal((await v.manager.request(`/services/${draft}`)).status, 404);
    const own = await v.member.request(`/services/${draft}`);
    assert.equal(own.status, 200);
    assert.match(decode(own.text), /visible que des membres de sa structure/);
    assert.equal((await v.anonymous.request('/services/999999')).status, 404);
  });

  test('bad input: a French message per field, what was typed kept, nothing written', async () => {
    const before = count('1 = 1');
    const journal = sql("SELECT COUNT(*) FROM journal WHERE kind LIKE 'service.%'");
    const res = await v.admin.post(`/structures/${cd08}/services/nouveau`, [
      ['nom', 'AB'],
      ['description', 'Un atelier <b>gras</b>.'],
      ['courriel', 'pas-un-courriel'],
      ['latitude', 'quarante-neuf'],
      ['nombre_semaines', 'six'],
      ['lien_mobilisation', 'exemple'],
      ['modes_mobilisation', 'telephoner'],
      ['commune', 'Ville imaginaire'],
      ['thematiques', 'mobilite--preparer-un-permis'],
    ]);
    assert.equal(res.status, 422);
    const html = decode(res.text);
    assert.match(html, /Le formulaire contient \d+ erreurs/);
    assert.match(html, /Nom du service : entre 3 et 150 caractères \(2 saisis\)/);
    assert.match(html, /Adresse électronique : « pas-un-courriel » n’est pas une adresse électronique valide|Adresse électronique : « pas-un-courriel » n'est pas une adresse électronique valide/);
    assert.match(html, /Latitude : nombre attendu/);
    assert.match(html, /Nombre de semaines : nombre entier/);
    assert.match(html, /Lien de mobilisation : « exemple » n'est pas une adresse web valide/);
    assert.match(html, /Téléphone : obligatoire quand on mobilise le service en téléphonant/);
    assert.match(html, /Zone d’éligibilité : choisissez au moins une zone/);
    assert.match(html, /Commune : /);
    assert.match(html, /value="AB"/);
    assert.match(html, /value="pas-un-courriel"/);
    assert.match(html, /value="quarante-neuf"/);
    assert.match(html, /value="Ville imaginaire"/);
    assert.match(res.text, /Un atelier &lt;b&gt;gras&lt;\/b&gt;\./);
    assert.match(html, /id="thematique-mobilite--preparer-un-permis" name="thematiques" value="mobilite--preparer-un-permis" checked/);
    assert.match(html, /aria-describedby="nom-error"/);
    assert.equal(count('1 = 1'), before);
    assert.equal(sql("SELECT COUNT(*) FROM journal WHERE kind LIKE 'service.%'"), journal);
  });

  test('“Ajouter la commune” adds it to the zone without saving', async () => {
    const before = count('1 = 1');
    const res = await v.admin.post(`/structures/${cd08}/services/nouveau`, [
      ['nom', 'Atelier mobilité'],
      ['zone_commune_ajout', 'Rethel (08362)'],
      ['ajouter_commune', '1'],
    ]);
    assert.equal(res.status, 200);
    const html = decode(res.text);
    assert.match(html, /Commune ajoutée à la zone d’éligibilité/);
    assert.match(html, /name="zone_communes" value="08362" checked/);
    assert.match(html, /Rethel \(08362\)/);
    assert.match(html, /value="Atelier mobilité"/);
    assert.equal(count('1 = 1'), before);
  });

  let created;
  test('a member creates a draft, edits it, publishes, archives and drafts it again', async () => {
    const res = await v.member.post(`/structures/${cd08}/services/nouveau`, [
      ['nom', 'Atelier numérique pour tous'],
      ['description', 'Apprendre à utiliser sa messagerie et les démarches en ligne.'],
      ['type', 'atelier'],
      ['thematiques', 'numerique--maitriser-les-fondamentaux-du-numerique'],
      ['thematiques', 'numerique--acceder-a-des-services-en-ligne'],
      ['frais', 'gratuit'],
      ['publics', 'tous-publics'],
      ['modes_accueil', 'en-presentiel'],
      ['zone_departements', '08'],
      ['zone_epci', '200041630'],
      ['zone_commune_ajout', 'Sedan'],
      ['adresse', '1 place Ducale'],
      ['commune', 'Charleville-Mézières (08105)'],
      ['latitude', '49,7735'],
      ['longitude', '4,7206'],
      ['horaires_accueil', 'Mo-Fr 09:00-12:00; PH off'],
      ['volume_horaire_hebdomadaire', '2,5'],
      ['nombre_semaines', '8'],
      ['modes_mobilisation', 'telephoner'],
      ['mobilisable_par', 'usagers'],
      ['mobilisable_par', 'professionnels'],
      ['telephone', '03 24 59 60 60'],
    ]);
    assert.equal(res.status, 303, decode(res.text).slice(0, 3000));
    created = Number(/\/services\/(\d+)$/.exec(res.location)[1]);
    const row = sql(`SELECT status, source, substr(di_id, 1, 10), zone_eligibilite, code_postal, volume_horaire_hebdomadaire, nombre_semaines FROM services WHERE id = ${created}`);
    assert.equal(row, 'draft|parcours|parcours--|["08","200041630","08409"]|08000|2.5|8');
    assert.equal(sql(`SELECT COUNT(*) FROM journal WHERE kind = 'service.created' AND person_id IS NULL AND territory_id IS NOT NULL AND payload LIKE '%"service_id":${created},%'`), '1');
    assert.equal((await v.anonymous.request(`/services/${created}`)).status, 404);

    const edit = await v.member.request(`/services/${created}/modifier`);
    assert.equal(edit.status, 200);
    assert.match(decode(edit.text), /value="Atelier numérique pour tous"/);
    assert.match(decode(edit.text), /value="2,5"/);
    assert.equal((await v.referent.request(`/services/${created}/modifier`)).status, 404);
    const foreign = await v.referent.post(`/services/${created}/modifier`, { nom: 'Détourné' });
    assert.equal(foreign.status, 404);

    assert.equal((await v.member.post(`/services/${created}/publier`, {})).status, 303);
    assert.equal(sql(`SELECT status FROM services WHERE id = ${created}`), 'published');
    const publicPage = await v.anonymous.request(`/services/${created}`);
    assert.equal(publicPage.status, 200);
    assert.match(decode(publicPage.text), /Téléphoner/);
    // The referent of another organisation reads it, but may not change it.
    assert.equal((await v.referent.request(`/services/${created}`)).status, 200);
    assert.equal((await v.referent.post(`/services/${created}/archiver`, {})).status, 403);
    assert.equal(sql(`SELECT status FROM services WHERE id = ${created}`), 'published');

    assert.equal((await v.admin.post(`/services/${created}/archiver`, {})).status, 303);
    assert.equal(sql(`SELECT status FROM services WHERE id = ${created}`), 'archived');
    assert.equal((await v.anonymous.request(`/services/${created}`)).status, 404);
    assert.equal((await v.admin.post(`/services/${created}/publier`, {})).status, 409);
    assert.equal((await v.admin.post(`/services/${created}/brouillon`, {})).status, 303);
    assert.equal(sql(`SELECT status FROM services WHERE id = ${created}`), 'draft');
    assert.equal(
      sql(`SELECT group_concat(kind, ' ') FROM (SELECT kind FROM journal WHERE payload LIKE '%"service_id":${created},%' ORDER BY seq)`),
      'service.created service.published service.archived service.drafted',
    );
    const history = decode((await v.admin.request(`/services/${created}`)).text);
    assert.match(history, /Historique/);
    assert.match(history, /Karim Haddad a créé le service/);
    assert.match(history, /Sophie Bernard a archivé le service/);
    assert.match(history, /Sophie Bernard a repassé le service en brouillon/);
    assert.doesNotMatch(decode((await v.referent.request(`/services/${serviceId('Aide aux démarches administratives')}`)).text), /Historique/);

    // Enter in a text field sends the form's first button, « Ajouter la commune »: with no commune
    // typed, the form is saved.
    const edited = await v.member.post(`/services/${created}/modifier`, [
      ['nom', 'Atelier numérique pour toutes et tous'],
      ['description', 'Apprendre à utiliser sa messagerie et les démarches en ligne.'],
      ['zone_departements', '08'],
      ['ajouter_commune', '1'],
      ['zone_commune_ajout', ''],
    ]);
    assert.equal(edited.status, 303);
    assert.equal(sql(`SELECT nom || ' ' || zone_eligibilite FROM services WHERE id = ${created}`), 'Atelier numérique pour toutes et tous ["08"]');
    assert.match(decode((await v.member.request(`/services/${created}`)).text), /Karim Haddad a modifié : Nom du service, Type de service, Thématiques/);
  });

  test('forms need the CSRF token', async () => {
    const before = count('1 = 1');
    const res = await v.admin.request(`/structures/${cd08}/services/nouveau`, {
      method: 'POST',
      form: { nom: 'Sans jeton', description: 'Un service sans jeton CSRF.', zone_france: '1' },
    });
    assert.equal(res.status, 403);
    assert.equal(count('1 = 1'), before);
    const publish = await v.admin.request(`/services/${created}/publier`, { method: 'POST', form: {} });
    assert.equal(publish.status, 403);
    assert.equal(sql(`SELECT status FROM services WHERE id = ${created}`), 'draft');
  });

  test('the reminder job mails the admins of organisations with stale services', async () => {
    let mail;
    for (let i = 0; i < 50 && !mail; i += 1) {
      mail = mails(server.dir).find((m) => m.text.includes('To: structure@demo.test\r\n') && /publiés? de Conseil départemental des Ardennes n’(a|ont) pas été mis à jour/.test(m.text));
      if (!mail) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(mail, 'pas de rappel pour la structure');
    assert.ok(Number(sql("SELECT COUNT(*) FROM services WHERE reminded_at IS NOT NULL")) >= 5);
    assert.equal(sql("SELECT COUNT(*) FROM services WHERE reminded_at IS NOT NULL AND status <> 'published'"), '0');
    assert.equal(sql("SELECT COUNT(*) FROM jobs WHERE kind = 'catalogue.stale_reminders' AND status = 'queued'"), '1');
  });
});

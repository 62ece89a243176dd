// Black-box tests of the appointment pages against the real binary on a fresh SQLite database
// with the demo territory: who may reach what, bad input on every field of the booking form (a
// French message naming the field, what was typed kept, nothing written — checked in the
// database), booking, statuses, the agenda (week and day, access log), the lists to update, and
// the person excusing from their space (journaled, the professional mailed).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mails, startDemoServer } from '../support/server.mjs';
import { Visitor } from '../support/visitor.mjs';
import { attachAccessLog } from '../support/sqlite.mjs';

const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

// A date `days` from today, YYYY-MM-DD (the server's clock is the machine's).
const dayFromNow = (days) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

describe('appointment pages', () => {
  let server;
  let sql;
  const v = {};
  let lea;

  before(async () => {
    server = await startDemoServer();
    const dbPath = server.dbUrl.replace(/^sqlite:/, '');
    sql = (query) => execFileSync('sqlite3', [...attachAccessLog(dbPath), dbPath, query], { encoding: 'utf8' }).trim();
    for (const [who, email] of [['referent', 'referent@demo.test'], ['orientation', 'orientation@demo.test'],
      ['admin', 'admin@demo.test'], ['orgAdmin', 'structure@demo.test']]) {
      v[who] = await new Visitor(server.url).login(email);
    }
    lea = Number(sql("SELECT id FROM persons WHERE email = 'personne@demo.test'"));
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const count = (table, where = '1 = 1') => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));

  const valid = (overrides = {}) => ({
    professional: sql("SELECT id FROM users WHERE email = 'referent@demo.test'"),
    date: dayFromNow(5),
    time: '10:30',
    duration: '45',
    place_kind: 'address',
    place: '18 avenue Jean Jaurès, Charleville-Mézières',
    purpose: 'Point sur la recherche de formation',
    ...overrides,
  });

  test('who reaches the agenda and the journey section', async () => {
    const anonymous = await new Visitor(server.url).request('/agenda');
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.location, /^\/connexion/);
    assert.equal((await v.admin.request('/agenda')).status, 403);
    const logged = () => count('access_log', "part = 'appointments'");
    const before = logged();
    const week = await v.referent.request('/agenda');
    assert.equal(week.status, 200);
    const text = decode(week.text);
    assert.match(text, /<h1>Mon agenda<\/h1>/);
    assert.match(text, /Semaine du lundi/);
    assert.match(text, /rel="next"[^>]*>Semaine suivante/);
    assert.match(text, /<caption>Mes rendez-vous — Semaine du/);
    assert.ok(logged() > before, 'the persons listed are in the access log');
    const next = /href="(\/agenda\?semaine=\d{4}-\d\d-\d\d)" rel="next"/.exec(week.text);
    assert.ok(next);
    assert.equal((await v.referent.request(next[1])).status, 200);
    const day = await v.referent.request(`/agenda/jour?date=${dayFromNow(1)}`);
    assert.equal(day.status, 200);
    assert.match(decode(day.text), /Jour suivant/);
    assert.match((await v.referent.request('/')).text, /href="\/agenda"/);
    // The journey page: the section and the booking form for the team; nothing outside it.
    const page = decode((await v.referent.request(`/personnes/${lea}`)).text);
    assert.match(page, /<h2 id="rendez-vous">Rendez-vous<\/h2>/);
    assert.match(page, /action="\/personnes\/\d+\/rendez-vous"/);
    const outside = decode((await v.orientation.request(`/personnes/${lea}`)).text);
    assert.doesNotMatch(outside, /id="rendez-vous"/);
  });

  async function rejects(form, { field, message, kept }) {
    const [rows, events, mailsQueued] = [count('appointments'), count('journal'), count('outbox')];
    const res = await v.referent.post(`/personnes/${lea}/rendez-vous`, form, { formPage: `/personnes/${lea}/rendez-vous/nouveau` });
    const text = decode(res.text);
    assert.equal(res.status, 422, `${field}: ${res.status}\n${text.slice(0, 300)}`);
    assert.match(text, message, field);
    assert.match(res.text, new RegExp(`id="${field}-error"`), `${field} en erreur`);
    if (kept !== undefined) assert.ok(text.includes(kept), `${field} garde « ${kept} »`);
    assert.equal(count('appointments'), rows, `${field}: rien d'écrit`);
    assert.equal(count('journal'), events, `${field}: rien au journal`);
    assert.equal(count('outbox'), mailsQueued, `${field}: aucun courriel`);
  }

  test('bad input on every field of the booking form', async () => {
    await rejects(valid({ professional: '999999' }), { field: 'professional', message: /Professionnel : choisissez un membre/ });
    await rejects(valid({ date: '2027-02-30' }), { field: 'date', message: /Date : indiquez une date/, kept: '2027-02-30' });
    await rejects(valid({ date: dayFromNow(-3) }), { field: 'date', message: /dans le futur/ });
    await rejects(valid({ time: '25:61' }), { field: 'time', message: /Heure :/, kept: '25:61' });
    await rejects(valid({ duration: '1000' }), { field: 'duration', message: /Durée : indiquez une durée de 5 à 480 minutes/, kept: '1000' });
    await rejects(valid({ place_kind: 'lune' }), { field: 'place_kind', message: /Type de lieu/ });
    await rejects(valid({ place_kind: 'video', place: 'visio.exemple/abc' }), { field: 'place', message: /https:\/\//, kept: 'visio.exemple/abc' });
    await rejects(valid({ place_kind: 'phone', place: '12 34' }), { field: 'place', message: /numéro de téléphone/, kept: '12 34' });
    await rejects(valid({ purpose: 'a' }), { field: 'purpose', message: /Objet : indiquez l’objet/ });
  });

  test('a team member books; outsiders are refused; statuses move as allowed', async () => {
    const refused = await v.orientation.post(`/personnes/${lea}/rendez-vous`, valid(), { formPage: '/' });
    assert.equal(refused.status, 403);
    const before = count('journal', "kind = 'appointment.booked'");
    const booked = await v.referent.post(`/personnes/${lea}/rendez-vous`, valid({ purpose: 'Préparer le CV ensemble' }),
      { formPage: `/personnes/${lea}/rendez-vous/nouveau` });
    assert.equal(booked.status, 303, booked.text.slice(0, 300));
    assert.equal(booked.location, `/personnes/${lea}#rendez-vous`);
    assert.equal(count('journal', `kind = 'appointment.booked' AND person_id = ${lea}`) > 0, true);
    assert.equal(count('journal', "kind = 'appointment.booked'"), before + 1);
    const id = Number(sql("SELECT id FROM appointments WHERE purpose = 'Préparer le CV ensemble'"));
    const page = decode((await v.referent.request(`/personnes/${lea}`)).text);
    assert.match(page, /Préparer le CV ensemble/);
    assert.match(page, /a fixé un rendez-vous le/, 'told by the carnet de bord');
    assert.equal((await v.orientation.request(`/rendez-vous/${id}`)).status, 403);
    // Seen before it starts: refused in French, nothing changes.
    const early = await v.referent.post(`/rendez-vous/${id}/statut`, { status: 'seen', message: 'ok' });
    assert.equal(early.status, 422);
    assert.match(decode(early.text), /n’a pas encore commencé/);
    assert.match(early.text, /id="status-error"/);
    assert.equal(sql(`SELECT status FROM appointments WHERE id = ${id}`), 'planned');
    const revoked = await v.referent.post(`/rendez-vous/${id}/statut`, { status: 'revoked', message: 'Conseillère absente' });
    assert.equal(revoked.status, 303);
    assert.equal(sql(`SELECT status FROM appointments WHERE id = ${id}`), 'revoked');
    const again = await v.referent.post(`/rendez-vous/${id}/statut`, { status: 'excused' }, { formPage: '/' });
    assert.equal(again.status, 409);
    assert.match(decode(again.text), /déjà « Annulé par la structure »/);
  });

  test('the lists to update: the professional\'s and the organisation\'s', async () => {
    const mine = await v.referent.request('/agenda/a-mettre-a-jour');
    assert.equal(mine.status, 200);
    const text = decode(mine.text);
    assert.match(text, /Mes rendez-vous à mettre à jour/);
    assert.match(text, /À mettre à jour/, 'the demo left some without status');
    const org = decode((await v.orgAdmin.request('/agenda/a-mettre-a-jour')).text);
    assert.match(org, /Rendez-vous à mettre à jour — Conseil départemental des Ardennes/);
    assert.equal((await v.admin.request('/agenda/a-mettre-a-jour')).status, 403);
  });

  test('the person sees their appointments and says they cannot come', async () => {
    const booked = await v.referent.post(`/personnes/${lea}/rendez-vous`, valid({ purpose: 'Bilan de la formation', date: dayFromNow(9) }),
      { formPage: `/personnes/${lea}/rendez-vous/nouveau` });
    assert.equal(booked.status, 303);
    const id = Number(sql("SELECT id FROM appointments WHERE purpose = 'Bilan de la formation'"));
    // Sign in through the magic link.
    const person = new Visitor(server.url);
    const already = mails(server.dir).filter((m) => m.text.includes('To: personne@demo.test')).length;
    assert.equal((await person.post('/mon-espace/connexion', { email: 'personne@demo.test' })).status, 200);
    let link;
    for (const deadline = Date.now() + 20_000; !link && Date.now() < deadline;) {
      const found = mails(server.dir).filter((m) => m.text.includes('To: personne@demo.test'));
      if (found.length > already) link = /\/mon-espace\/lien\/[A-Za-z0-9_-]{43}/.exec(found.at(-1).text)?.[0];
      else await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(link, 'a sign-in link');
    assert.equal((await person.post(link, {})).status, 303);
    const home = decode((await person.request('/mon-espace')).text);
    assert.match(home, /Mes prochains rendez-vous/);
    assert.match(home, /Bilan de la formation/);
    const list = decode((await person.request('/mon-espace/rendez-vous')).text);
    assert.match(list, /<h1>Mes rendez-vous<\/h1>/);
    assert.match(list, new RegExp(`href="/mon-espace/rendez-vous/${id}/excuser"`));
    // Staff accounts get nothing from the space; the person nothing from the agenda.
    assert.equal((await person.request('/agenda')).status, 302);
    const other = Number(sql(`SELECT id FROM appointments WHERE person_id <> ${lea} LIMIT 1`));
    assert.equal((await person.request(`/mon-espace/rendez-vous/${other}/excuser`)).status, 404);
    // A message too long: named, kept, nothing written.
    const events = count('journal');
    const tooLong = 'x'.repeat(501);
    const bad = await person.post(`/mon-espace/rendez-vous/${id}/excuser`, { message: tooLong });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /id="message-error"/);
    assert.ok(bad.text.includes(tooLong));
    assert.equal(count('journal'), events);
    assert.equal(sql(`SELECT status FROM appointments WHERE id = ${id}`), 'planned');
    const done = await person.post(`/mon-espace/rendez-vous/${id}/excuser`, { message: 'Mon fils est malade.' });
    assert.equal(done.status, 303);
    assert.equal(done.location, '/mon-espace/rendez-vous');
    assert.equal(sql(`SELECT status || '|' || status_message FROM appointments WHERE id = ${id}`), 'excused|Mon fils est malade.');
    assert.equal(count('journal', `kind = 'appointment.excused' AND person_id = ${lea} AND actor_id IS NULL`), 1);
    assert.equal(count('outbox', "to_address = 'referent@demo.test' AND subject LIKE 'Rendez-vous excusé%'"), 1);
    // Not twice.
    const twice = await person.request(`/mon-espace/rendez-vous/${id}/excuser`);
    assert.equal(twice.status, 303);
    const journey = decode((await v.referent.request(`/personnes/${lea}`)).text);
    assert.match(journey, /La personne a prévenu qu’elle ne pourra pas venir au rendez-vous du/);
  });
});

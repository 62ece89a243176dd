// The week agenda is kept in memory by professional and week while their agenda's version (bumped
// by the database, migration 0029) is unchanged (src/features/appointments/agenda_cache.h).
// Against the real binary on both engines: the page from memory is the page; a booking, a status,
// the job's "to update", a person renamed and an appointment deleted straight in the database (as
// another server of a cluster would) all show on the very next page; every view, from memory
// too, writes one access-log row per person listed; an account without the right gets no page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startDemoServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';
import { Visitor } from '../support/visitor.mjs';

const decode = (html) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

// A date `days` from today, YYYY-MM-DD (the server's clock is the machine's).
const dayFromNow = (days) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

// The page without its session-dependent parts (CSRF token in the layout's logout form).
const stable = (html) => html.replace(/name="csrf_token" value="[^"]*"/g, '');

// The rows of the agenda's table: [person, purpose, status].
const rows = (html) =>
  [...decode(html).matchAll(/<td><a href="\/personnes\/\d+">([^<]*)<\/a><\/td>\s*<td>([^<]*)<\/td>\s*<td>[^<]*<\/td>\s*<td><p class="[^"]*">([^<]*)<\/p>/g)]
    .map((m) => [m[1], m[2], m[3]]);

for (const engine of ['sqlite', 'postgres']) {
  describe(`the week agenda kept in memory (${engine})`, () => {
    let server;
    let sql;
    let referent;
    let referentId;
    let lea;
    // The week of next week's day: every booking below is in the future.
    const week = `/agenda?semaine=${dayFromNow(7)}`;

    before(async () => {
      server = await startDemoServer({ engine });
      sql = engine === 'sqlite'
        ? sqliteQuery(server)
        : (query) => execFileSync('psql', [server.dbUrl, '-v', 'ON_ERROR_STOP=1', '-Atc', query], { encoding: 'utf8' }).trim();
      referent = await new Visitor(server.url).login('referent@demo.test');
      referentId = Number(sql("SELECT id FROM users WHERE email = 'referent@demo.test'"));
      lea = Number(sql("SELECT id FROM persons WHERE email = 'personne@demo.test'"));
    });

    after(async () => {
      if (server) assert.equal(await server.stop(), 0, server.logs());
    });

    const page = async (path = week) => {
      const response = await referent.request(path);
      assert.equal(response.status, 200);
      return response.text;
    };

    const book = async (purpose, days = 7, time = '09:15') => {
      const booked = await referent.post(`/personnes/${lea}/rendez-vous`, {
        professional: String(referentId), date: dayFromNow(days), time, duration: '30',
        place_kind: 'phone', place: '03 24 00 00 00', purpose,
      }, { formPage: `/personnes/${lea}/rendez-vous/nouveau` });
      assert.equal(booked.status, 303, decode(booked.text).slice(0, 300));
      return Number(sql(`SELECT id FROM appointments WHERE purpose = '${purpose}'`));
    };

    test('from memory, the same page; a booking and a status show at once', async () => {
      const first = await page();
      assert.equal(stable(await page()), stable(first));
      const id = await book('Bilan du cache de l’agenda');
      const booked = rows(await page());
      assert.equal(booked.length, rows(first).length + 1);
      assert.ok(booked.some(([, purpose, status]) => purpose === 'Bilan du cache de l’agenda' && status === 'Prévu'), booked.join('\n'));
      assert.equal((await referent.post(`/rendez-vous/${id}/statut`, { status: 'revoked', message: 'Absente' })).status, 303);
      assert.ok(rows(await page()).some(([, purpose, status]) => purpose === 'Bilan du cache de l’agenda' && status === 'Annulé par la structure'));
    });

    test('changes written by another server show at once: the job, a rename, a deletion', async () => {
      const id = await book('Rendez-vous écrit ailleurs', 7, '11:00');
      const toUpdate = (html) => Number(/À mettre à jour \((\d+)\)/.exec(decode(html))?.[1] ?? 0);
      const before = toUpdate(await page());
      // The reminder job of another server marks it to update (as if it were past).
      sql(`UPDATE appointments SET status = 'to_update' WHERE id = ${id}`);
      const marked = decode(await page());
      assert.equal(toUpdate(marked), before + 1);
      assert.ok(rows(marked).some(([, purpose, status]) => purpose === 'Rendez-vous écrit ailleurs' && status === 'À mettre à jour'));
      // The person renamed: the agenda names her anew.
      const name = sql(`SELECT first_names FROM persons WHERE id = ${lea}`);
      sql(`UPDATE persons SET first_names = 'Léonie' WHERE id = ${lea}`);
      const renamed = rows(await page());
      assert.ok(renamed.some(([person]) => person.startsWith('Léonie ')), renamed.join('\n'));
      assert.ok(renamed.every(([person]) => !person.startsWith(`${name} `)), renamed.join('\n'));
      // Deleted: gone.
      sql(`DELETE FROM appointment_reminders WHERE appointment_id = ${id}`);
      sql(`DELETE FROM appointments WHERE id = ${id}`);
      const deleted = decode(await page());
      assert.ok(rows(deleted).every(([, purpose]) => purpose !== 'Rendez-vous écrit ailleurs'));
      assert.equal(toUpdate(deleted), before);
    });

    test('every view writes its access-log rows, from memory too', async () => {
      const listed = new Set([...(await page()).matchAll(/<td><a href="\/personnes\/(\d+)">/g)].map((m) => m[1]));
      assert.ok(listed.size > 0);
      const logged = () => Number(sql(`SELECT COUNT(*) FROM access_log WHERE actor_id = ${referentId} AND part = 'appointments'`));
      for (let view = 0; view < 3; view += 1) {
        const before = logged();
        await page();
        assert.equal(logged(), before + listed.size, `view ${view}`);
      }
    });

    test('an account without the right gets no agenda, warm or not', async () => {
      await page();  // in memory
      const admin = await new Visitor(server.url).login('admin@demo.test');
      assert.equal((await admin.request(week)).status, 403);
      // Her professional roles withdrawn: refused, though her agenda is in memory.
      sql(`UPDATE user_roles SET active = 0 WHERE user_id = ${referentId}`);
      try {
        assert.equal((await referent.request(week)).status, 403);
        assert.equal((await referent.request('/agenda')).status, 403);
      } finally {
        sql(`UPDATE user_roles SET active = 1 WHERE user_id = ${referentId}`);
      }
      assert.equal((await referent.request(week)).status, 200);
    });
  });
}

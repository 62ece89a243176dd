// Black-box tests of the partner API v1 against the real binary on a fresh SQLite database with
// the demo territory: Bearer tokens (unknown, revoked, expired → 401), scopes (403), every
// resource's read and write, bad payloads naming the field and writing nothing, cursor
// pagination, the rate limit (429 + Retry-After), and the token as the actor of the journal and
// the access log.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { sqliteQuery } from '../support/sqlite.mjs';

describe('partner API v1', () => {
  let server;
  let sql;
  let cli;
  const secrets = {};

  // A token of `org` with `scopes`, created by the command line; returns its secret.
  const makeToken = async (org, scopes, extra = []) => {
    const made = await cli(['token', 'create', '--org', org, '--scopes', scopes, ...extra]);
    assert.equal(made.code, 0, made.stderr);
    const secret = made.stdout.trim();
    assert.match(secret, /^prc_[A-Za-z0-9_-]{43}$/);
    return secret;
  };

  before(async () => {
    server = await startServer({
      // The suite makes well over the default burst (100) of calls with one token in a few
      // seconds; the limit itself is tested on a server of its own below.
      args: ['--api-rate', '1000', '--api-burst', '1000'],
      before: async (run) => {
        cli = run;
        for (const args of [['load-geo'], ['seed-demo']]) {
          const done = await run(args);
          assert.equal(done.code, 0, done.stderr);
        }
      },
    });
    sql = sqliteQuery(server);
    secrets.ml = await makeToken('mission-locale-de-charleville-mezieres',
      'persons:write,journeys:read,team:write,appointments:write,referrals:write,diagnostic:write,orientation:read,plan:read');
    secrets.cd = await makeToken('conseil-departemental-des-ardennes', 'orientation:write');
    secrets.readOnly = await makeToken('mission-locale-de-charleville-mezieres', 'journeys:read');
    secrets.ccas = await makeToken('ccas-de-sedan', 'persons:write');
    secrets.ccasReferrals = await makeToken('ccas-de-sedan', 'referrals:write');
  });

  after(async () => {
    if (server) assert.equal(await server.stop(), 0, server.logs());
  });

  const call = async (path, { method = 'GET', token = secrets.ml, body, raw } = {}) => {
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}${path}`, {
      method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, json, text };
  };
  const count = (table, where = '1=1') => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));
  const accountOf = (secretPrefix) =>
    Number(sql(`SELECT account_id FROM api_tokens WHERE prefix = '${secretPrefix.slice(0, 12)}'`));
  const assertProblem = (res, status) => {
    assert.equal(res.status, status, res.text);
    assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
    assert.equal(res.json.status, status);
    assert.equal(typeof res.json.title, 'string');
    assert.equal(typeof res.json.detail, 'string');
    assert.equal(res.json.type, 'about:blank');
  };
  // A person of the token's organisation's caseload (a journey whose team has one of its members).
  const teamPerson = () => Number(sql(
    "SELECT j.person_id FROM journeys j JOIN journey_members m ON m.journey_id = j.id JOIN organisations o " +
    "ON o.id = m.organisation_id WHERE o.slug = 'mission-locale-de-charleville-mezieres' AND m.left_at IS NULL " +
    "AND j.status <> 'closed' AND m.role = 'referent' ORDER BY j.person_id LIMIT 1"));
  const journeyOf = (personId) => Number(sql(`SELECT id FROM journeys WHERE person_id = ${personId} AND status <> 'closed'`));
  const userId = (email) => Number(sql(`SELECT id FROM users WHERE email = '${email}'`));

  test('without a valid token: 401 problem with WWW-Authenticate', async () => {
    for (const token of [null, 'prc_inconnu', `prc_${'A'.repeat(43)}`]) {
      const res = await call('/api/v1/persons/1', { token });
      assertProblem(res, 401);
      assert.match(res.headers.get('www-authenticate'), /^Bearer/);
    }
    const basic = await fetch(`${server.url}/api/v1/persons/1`, { headers: { authorization: 'Basic eDp5' } });
    assert.equal(basic.status, 401);
  });

  test('a revoked or expired token is refused with 401', async () => {
    const revoked = await makeToken('ccas-de-sedan', 'persons:read');
    assert.equal((await call('/api/v1/persons?q=martin', { token: revoked })).status, 200);
    sql(`UPDATE api_tokens SET revoked_at = 1 WHERE prefix = '${revoked.slice(0, 12)}'`);
    const refused = await call('/api/v1/persons?q=martin', { token: revoked });
    assertProblem(refused, 401);
    assert.match(refused.json.detail, /révoqué/);

    const expiring = await makeToken('ccas-de-sedan', 'persons:read', ['--expires', '2099-12-31']);
    assert.equal((await call('/api/v1/persons?q=martin', { token: expiring })).status, 200);
    sql(`UPDATE api_tokens SET expires_at = 1000 WHERE prefix = '${expiring.slice(0, 12)}'`);
    const expired = await call('/api/v1/persons?q=martin', { token: expiring });
    assertProblem(expired, 401);
    assert.match(expired.json.detail, /expiré/);
  });

  test('a scope the token lacks is refused with 403 problem+json, nothing written', async () => {
    const personId = teamPerson();
    const read = await call(`/api/v1/persons/${personId}`, { token: secrets.readOnly });
    assertProblem(read, 403);
    assert.match(read.json.detail, /persons:read/);
    const before = count('persons');
    const write = await call('/api/v1/persons', {
      method: 'POST', token: secrets.readOnly, body: { birth_name: 'Refus', first_names: 'Portée' },
    });
    assertProblem(write, 403);
    assert.equal(count('persons'), before);
    const readOnlyWrite = await call(`/api/v1/persons/${personId}/contact`, {
      method: 'PATCH', token: secrets.ccas, body: { phone: '06 11 22 33 44' },
    });
    assert.equal(readOnlyWrite.status, 403, 'the CCAS is not in this team: the page policy refuses');
  });

  test('persons: search by names with cursor pagination, every hit in the access log', async () => {
    const account = accountOf(secrets.ml);
    const logged = count('access_log', `actor_id = ${account}`);
    const first = await call('/api/v1/persons?q=ma&size=1');
    assert.equal(first.status, 200, first.text);
    assert.equal(first.json.items.length, 1);
    assert.equal(typeof first.json.next_cursor, 'string');
    const seen = [first.json.items[0].id];
    let cursor = first.json.next_cursor;
    while (cursor) {
      const next = await call(`/api/v1/persons?q=ma&size=1&cursor=${encodeURIComponent(cursor)}`);
      assert.equal(next.status, 200, next.text);
      seen.push(...next.json.items.map((p) => p.id));
      cursor = next.json.next_cursor;
    }
    assert.ok(seen.length >= 2);
    assert.equal(new Set(seen).size, seen.length, 'no person twice');
    const all = await call('/api/v1/persons?q=ma&size=100');
    assert.deepEqual(all.json.items.map((p) => p.id), seen);
    assert.ok(count('access_log', `actor_id = ${account} AND part = 'search_result'`) >= logged + seen.length);
  });

  test('persons: bad parameters name the parameter', async () => {
    for (const [query, field] of [['size=0&q=ma', 'size'], ['size=abc&q=ma', 'size'], ['', 'q'],
      ['q=ma&nir=1', 'q'], ['q=ma&cursor=xyz', 'cursor'], ['nir=123', 'nir'], ['caf_number=abc', 'caf_number']]) {
      const res = await call(`/api/v1/persons?${query}`);
      assertProblem(res, 422);
      assert.equal(res.json.errors[0].field, field, `${query}: ${res.text}`);
      assert.match(res.json.errors[0].message, new RegExp(field));
    }
  });

  test('persons: create, find again by NIR and CAF matricule, no duplicate', async () => {
    const account = accountOf(secrets.ml);
    const before = count('persons');
    const payload = {
      birth_name: 'Api-Partenaire', first_names: 'Nadia', birth_date: '1988-04-12', sex: 'F',
      nir: '2 88 04 08 105 123', caf_number: '1234567', email: 'nadia@exemple.fr', commune: 'Sedan',
      need: 'Trouver un emploi',
    };
    const created = await call('/api/v1/persons', { method: 'POST', body: payload });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.created, true);
    assert.match(created.headers.get('location'), /^\/api\/v1\/persons\/\d+$/);
    const id = created.json.id;
    assert.equal(created.json.identity.first_names, 'Nadia');
    assert.equal(created.json.identity.has_nir, true);
    assert.equal(created.json.journey.status, 'to_orient');
    assert.equal(count('persons'), before + 1);
    assert.equal(count('journal', `kind = 'person.created' AND person_id = ${id} AND actor_id = ${account}`), 1);
    assert.equal(sql(`SELECT entry FROM journeys WHERE person_id = ${id}`), 'import');

    const again = await call('/api/v1/persons', { method: 'POST', body: payload });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.created, false);
    assert.equal(again.json.id, id);
    assert.equal(count('persons'), before + 1);

    const byNir = await call('/api/v1/persons?nir=2880408105123');
    assert.equal(byNir.status, 200, byNir.text);
    assert.deepEqual(byNir.json.items.map((p) => p.id), [id]);
    const byCaf = await call('/api/v1/persons?caf_number=1234567');
    assert.equal(byCaf.status, 200, byCaf.text);
    assert.deepEqual(byCaf.json.items.map((p) => p.id), [id]);

    const read = await call(`/api/v1/persons/${id}`);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.json.contact, null, 'outside the team: identity only');
    assert.ok(count('access_log', `actor_id = ${account} AND person_id = ${id} AND part = 'identity'`) >= 1);
  });

  test('persons: bad payloads name the field, keep nothing', async () => {
    const before = count('persons');
    const journal = count('journal');
    for (const [body, field] of [
      [{ first_names: 'Sans nom' }, 'birth_name'],
      [{ birth_name: 'Date', first_names: 'Fausse', birth_date: '31/02/1990' }, 'birth_date'],
      [{ birth_name: 'Mail', first_names: 'Faux', email: 'pas-un-courriel' }, 'email'],
      [{ birth_name: 'Champ', first_names: 'Inconnu', pointure: 42 }, 'pointure'],
      [{ birth_name: 42, first_names: 'Type' }, 'birth_name'],
    ]) {
      const res = await call('/api/v1/persons', { method: 'POST', body });
      assertProblem(res, 422);
      assert.equal(res.json.errors[0].field, field, res.text);
    }
    const notJson = await call('/api/v1/persons', { method: 'POST', raw: '{"birth_name":' });
    assertProblem(notJson, 422);
    assert.equal(notJson.json.errors[0].field, 'body');
    assert.equal(count('persons'), before);
    assert.equal(count('journal'), journal);
  });

  test('persons: the team reads the contact and updates it, journaled with the token as actor', async () => {
    const account = accountOf(secrets.ml);
    const id = teamPerson();
    const read = await call(`/api/v1/persons/${id}`);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.json.journey.in_team, true);
    assert.notEqual(read.json.contact, null);
    assert.ok(count('access_log', `actor_id = ${account} AND person_id = ${id} AND part = 'contact'`) >= 1);

    const bad = await call(`/api/v1/persons/${id}/contact`, { method: 'PATCH', body: { phone: '12' } });
    assertProblem(bad, 422);
    assert.equal(bad.json.errors[0].field, 'phone');

    const done = await call(`/api/v1/persons/${id}/contact`, {
      method: 'PATCH', body: { phone: '06 98 76 54 32', email: 'nouvelle@exemple.fr' },
    });
    assert.equal(done.status, 200, done.text);
    assert.equal(done.json.contact.phone, '+33698765432');
    assert.equal(done.json.contact.email, 'nouvelle@exemple.fr');
    assert.equal(done.json.contact.commune_name, read.json.contact.commune_name, 'the others stay');
    assert.equal(count('journal', `kind = 'person.updated' AND person_id = ${id} AND actor_id = ${account}`), 1);
    const name = sql(`SELECT name FROM users WHERE id = ${account}`);
    assert.match(name, /^Jeton API « .* » — Mission locale/);
  });

  test('journeys: a person\'s journeys and one journey, for the team only', async () => {
    const id = teamPerson();
    const list = await call(`/api/v1/persons/${id}/journeys`);
    assert.equal(list.status, 200, list.text);
    assert.ok(list.json.items.length >= 1);
    assert.equal(list.json.next_cursor, null);
    const journeyId = list.json.items[0].id;
    // Every list paged by id refuses a cursor that is not one, naming it.
    for (const path of [`/api/v1/persons/${id}/journeys`, `/api/v1/journeys/${journeyId}/plan`,
      `/api/v1/journeys/${journeyId}/appointments`, `/api/v1/journeys/${journeyId}/referrals`]) {
      const bad = await call(`${path}?cursor=abc`);
      assertProblem(bad, 422);
      assert.equal(bad.json.errors[0].field, 'cursor', path);
      const past = await call(`${path}?cursor=${Number.MAX_SAFE_INTEGER}`);
      assert.equal(past.status, 200, `${path} ${past.text}`);
      assert.deepEqual(past.json, { items: [], next_cursor: null }, path);
    }
    const one = await call(`/api/v1/journeys/${journeyId}`, { token: secrets.readOnly });
    assert.equal(one.status, 200, one.text);
    assert.equal(one.json.person_id, id);
    const outsider = await call(`/api/v1/journeys/${journeyId}`, { token: secrets.ccas });
    assert.equal(outsider.status, 403, 'persons:write does not include journeys:read');
    assertProblem(await call('/api/v1/journeys/999999'), 404);
  });

  test('the rate limit answers 429 with Retry-After', async () => {
    const limited = await startServer({ alongside: server, args: ['--api-rate', '0.5', '--api-burst', '3'] });
    try {
      const statuses = [];
      let last;
      for (let i = 0; i < 5; i += 1) {
        last = await fetch(`${limited.url}/api/v1/persons?q=ma`, { headers: { authorization: `Bearer ${secrets.ccas}` } });
        statuses.push(last.status);
        if (last.status === 429) break;
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.match(last.headers.get('content-type'), /problem\+json/);
      assert.ok(Number(last.headers.get('retry-after')) >= 1);
      const other = await fetch(`${limited.url}/api/v1/persons?q=ma`, { headers: { authorization: `Bearer ${secrets.ml}` } });
      assert.equal(other.status, 200, 'each token has its own bucket');
    } finally {
      assert.equal(await limited.stop(), 0, limited.logs());
    }
  });

  test('team: the members, and adding a professional of the territory', async () => {
    const journeyId = journeyOf(teamPerson());
    const team = await call(`/api/v1/journeys/${journeyId}/team`);
    assert.equal(team.status, 200, team.text);
    assert.ok(team.json.items.some((m) => m.role === 'referent'));
    assert.equal(team.json.next_cursor, null);
    const social = userId('social@demo.test');
    const ccas = Number(sql("SELECT id FROM organisations WHERE slug = 'ccas-de-sedan'"));
    const members = count('journey_members', `journey_id = ${journeyId}`);
    const refused = await call(`/api/v1/journeys/${journeyId}/team`, {
      method: 'POST', token: secrets.readOnly, body: { user_id: social, organisation_id: ccas },
    });
    assertProblem(refused, 403);
    const bad = await call(`/api/v1/journeys/${journeyId}/team`, {
      method: 'POST', body: { user_id: userId('territoire@demo.test'), organisation_id: ccas },
    });
    assertProblem(bad, 422);
    assert.equal(bad.json.errors[0].field, 'user_id');
    const missing = await call(`/api/v1/journeys/${journeyId}/team`, { method: 'POST', body: { user_id: social } });
    assert.equal(missing.json.errors[0].field, 'organisation_id');
    assert.equal(count('journey_members', `journey_id = ${journeyId}`), members);
    const added = await call(`/api/v1/journeys/${journeyId}/team`, {
      method: 'POST', body: { user_id: social, organisation_id: ccas },
    });
    assert.equal(added.status, 201, added.text);
    assert.equal(added.json.user_id, social);
    assert.equal(count('journey_members', `journey_id = ${journeyId} AND left_at IS NULL AND user_id = ${social}`), 1);
    const again = await call(`/api/v1/journeys/${journeyId}/team`, {
      method: 'POST', body: { user_id: social, organisation_id: ccas },
    });
    assertProblem(again, 409);
  });

  test('appointments: book with a team member, list with a cursor, change the status', async () => {
    const account = accountOf(secrets.ml);
    const journeyId = journeyOf(teamPerson());
    const referent = Number(sql(`SELECT user_id FROM journey_members WHERE journey_id = ${journeyId} AND role = 'referent' AND left_at IS NULL`));
    const day = new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);
    const good = { professional_id: referent, date: day, time: '10:30', duration_minutes: 45, place_kind: 'phone', place: '03 24 00 00 00', purpose: 'Point sur la recherche' };
    const before = count('appointments');
    for (const [change, field] of [[{ purpose: 'x' }, 'purpose'], [{ duration_minutes: 1 }, 'duration_minutes'],
      [{ date: '2001-01-01' }, 'date'], [{ place_kind: 'pigeon' }, 'place_kind'], [{ professional_id: 'moi' }, 'professional_id']]) {
      const res = await call(`/api/v1/journeys/${journeyId}/appointments`, { method: 'POST', body: { ...good, ...change } });
      assertProblem(res, 422);
      assert.equal(res.json.errors[0].field, field, res.text);
    }
    assert.equal(count('appointments'), before);
    const ids = [];
    for (const time of ['10:30', '14:00']) {
      const made = await call(`/api/v1/journeys/${journeyId}/appointments`, { method: 'POST', body: { ...good, time } });
      assert.equal(made.status, 201, made.text);
      assert.equal(made.json.status, 'planned');
      ids.push(made.json.id);
    }
    assert.equal(count('journal', `kind = 'appointment.booked' AND actor_id = ${account}`), 2);
    const seen = [];
    let cursor = '';
    do {
      const page = await call(`/api/v1/journeys/${journeyId}/appointments?size=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200, page.text);
      seen.push(...page.json.items.map((a) => a.id));
      cursor = page.json.next_cursor;
    } while (cursor);
    for (const id of ids) assert.ok(seen.includes(id));
    assert.equal(new Set(seen).size, seen.length);

    const bad = await call(`/api/v1/appointments/${ids[0]}`, { method: 'PATCH', body: { status: 'seen' } });
    assertProblem(bad, 422);
    assert.equal(bad.json.errors[0].field, 'status', 'not started yet: cannot be seen');
    const revoked = await call(`/api/v1/appointments/${ids[0]}`, { method: 'PATCH', body: { status: 'revoked', message: 'Empêchement' } });
    assert.equal(revoked.status, 200, revoked.text);
    assert.equal(revoked.json.status, 'revoked');
    const outsider = await call(`/api/v1/appointments/${ids[1]}`, { method: 'PATCH', token: secrets.ccasReferrals, body: { status: 'revoked' } });
    assertProblem(outsider, 403);
  });

  test('referrals: the team sends, the receiving organisation lists and answers', async () => {
    const journeyId = journeyOf(teamPerson());
    const service = Number(sql("SELECT s.id FROM services s JOIN structures st ON st.id = s.structure_id JOIN organisations o ON o.id = st.organisation_id WHERE o.slug = 'ccas-de-sedan' AND s.status = 'published' ORDER BY s.id LIMIT 1"));
    const good = { service_id: service, message: 'Bonjour, pouvez-vous la recevoir ?', shared: ['identity', 'contact'], consent: true, consent_mode: 'in_person' };
    const before = count('referrals');
    for (const [change, field] of [[{ consent: false }, 'consent'], [{ shared: ['tout'] }, 'shared'], [{ shared: 'identity' }, 'shared'], [{ message: '' }, 'message']]) {
      const res = await call(`/api/v1/journeys/${journeyId}/referrals`, { method: 'POST', body: { ...good, ...change } });
      assertProblem(res, 422);
      assert.equal(res.json.errors[0].field, field, res.text);
    }
    assert.equal(count('referrals'), before);
    const sent = await call(`/api/v1/journeys/${journeyId}/referrals`, { method: 'POST', body: good });
    assert.equal(sent.status, 201, sent.text);
    assert.equal(sent.json.status, 'sent');
    const listed = await call(`/api/v1/journeys/${journeyId}/referrals`);
    assert.ok(listed.json.items.some((r) => r.id === sent.json.id));

    const inbox = await call('/api/v1/referrals?status=sent', { token: secrets.ccasReferrals });
    assert.equal(inbox.status, 200, inbox.text);
    assert.ok(inbox.json.items.some((r) => r.id === sent.json.id));
    const notReceiver = await call(`/api/v1/referrals/${sent.json.id}/answer`, { method: 'POST', token: secrets.readOnly, body: { decision: 'accept' } });
    assertProblem(notReceiver, 403);
    const noReason = await call(`/api/v1/referrals/${sent.json.id}/answer`, { method: 'POST', token: secrets.ccasReferrals, body: { decision: 'refuse' } });
    assertProblem(noReason, 422);
    assert.equal(noReason.json.errors[0].field, 'reason');
    const badDecision = await call(`/api/v1/referrals/${sent.json.id}/answer`, { method: 'POST', token: secrets.ccasReferrals, body: { decision: 'peut-être' } });
    assert.equal(badDecision.json.errors[0].field, 'decision');
    const accepted = await call(`/api/v1/referrals/${sent.json.id}/answer`, { method: 'POST', token: secrets.ccasReferrals, body: { decision: 'accept' } });
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal(accepted.json.status, 'accepted');
    const twice = await call(`/api/v1/referrals/${sent.json.id}/answer`, { method: 'POST', token: secrets.ccasReferrals, body: { decision: 'accept' } });
    assertProblem(twice, 409);
  });

  test('diagnostic: a new version with the page’s fields, each bad answer named', async () => {
    const account = accountOf(secrets.ml);
    const journeyId = journeyOf(teamPerson());
    const before = count('diagnostics');
    for (const [fields, field] of [[{ vehicule: 'peut-être' }, 'vehicule'], [{ dernier_emploi_date: '13/2024' }, 'dernier_emploi_date'],
      [{ vehicule: { oui: 1 } }, 'vehicule']]) {
      const res = await call(`/api/v1/journeys/${journeyId}/diagnostic`, { method: 'POST', body: { fields } });
      assertProblem(res, 422);
      assert.equal(res.json.errors[0].field, field, res.text);
    }
    const notFields = await call(`/api/v1/journeys/${journeyId}/diagnostic`, { method: 'POST', body: { vehicule: 'oui' } });
    assert.equal(notFields.json.errors[0].field, 'fields');
    assert.equal(count('diagnostics'), before);
    const saved = await call(`/api/v1/journeys/${journeyId}/diagnostic`, {
      method: 'POST', body: { fields: { dernier_emploi: 'Employée de libre-service', vehicule: 'non' } },
    });
    assert.equal(saved.status, 201, saved.text);
    assert.equal(count('journal', `kind = 'diagnostic.saved' AND actor_id = ${account}`), 1);
    const read = await call(`/api/v1/journeys/${journeyId}/diagnostic`);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.json.professional.version, saved.json.version);
    assert.equal(read.json.professional.answers.dernier_emploi, 'Employée de libre-service');
    assertProblem(await call(`/api/v1/journeys/${journeyId}/diagnostic`, { token: secrets.readOnly }), 403);
  });

  test('orientation: a chargé d’orientation token decides, the team reads it', async () => {
    const journeyId = Number(sql("SELECT j.id FROM journeys j JOIN persons p ON p.id = j.person_id WHERE j.status = 'to_orient' AND p.birth_name = 'Ménard'"));
    const relais = Number(sql("SELECT id FROM organisations WHERE slug = 'association-le-relais-ardennais'"));
    const julie = userId('referent@demo.test');
    const good = { route: 'social', organisation_id: relais, referent_id: julie, reason: 'Un hébergement d’abord, puis l’emploi.' };
    const refused = await call(`/api/v1/journeys/${journeyId}/orientation`, { method: 'POST', body: good });
    assertProblem(refused, 403);
    const events = count('journal');
    for (const [change, field] of [[{ route: 'emploi' }, 'route'], [{ reason: 'court' }, 'reason'], [{ organisation_id: 999999 }, 'organisation_id']]) {
      const res = await call(`/api/v1/journeys/${journeyId}/orientation`, { method: 'POST', token: secrets.cd, body: { ...good, ...change } });
      assertProblem(res, 422);
      assert.equal(res.json.errors[0].field, field, res.text);
    }
    assert.equal(count('journal'), events);
    const decided = await call(`/api/v1/journeys/${journeyId}/orientation`, { method: 'POST', token: secrets.cd, body: good });
    assert.equal(decided.status, 201, decided.text);
    assert.equal(decided.json.status, 'oriented');
    assert.equal(decided.json.orientation.route, 'social');
    assert.equal(decided.json.orientation.referent_id, julie);
    const read = await call(`/api/v1/journeys/${journeyId}/orientation`, { token: secrets.cd });
    assert.equal(read.status, 200, read.text);
    assert.equal(read.json.orientation.organisation_id, relais);
  });

  test('plan: the plan actions of the journey, for the team', async () => {
    const journeyId = journeyOf(teamPerson());
    const plan = await call(`/api/v1/journeys/${journeyId}/plan`);
    assert.equal(plan.status, 200, plan.text);
    assert.ok(Array.isArray(plan.json.items));
    assert.ok('next_cursor' in plan.json);
    assertProblem(await call(`/api/v1/journeys/${journeyId}/plan`, { token: secrets.ccas }), 403);
  });
});

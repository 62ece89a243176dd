// The retention purge on both engines: what a dry run lists and leaves in place, what an apply
// deletes (and only that), the journal opened to the purge alone, transfer chains, batches,
// reruns, and a failing batch that leaves nothing half-deleted. The world is inserted directly so
// that these tests depend only on the schema.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/store/journal.h"
#include "features/people/persons.h"
#include "features/retention/purge.h"
#include "support/test_db.h"

namespace parcours::retention {
namespace {

using store::Connection;
using store::StoreError;

// 2027-06-15 12:00 UTC. The Ardennes keep records 24 months (cutoff 2025-06-15 12:00), the Marne
// 12 months (cutoff 2026-06-15 12:00).
constexpr std::int64_t kNow = 1813060800;
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kMonth = 30 * kDay;

class PurgeTest : public test::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    pin_clock_for_tests(kNow);
    auto conn = db().acquire();
    ardennes_ = territory(*conn, "ardennes", "Ardennes", 24);
    marne_ = territory(*conn, "marne", "Marne", 12);
    mission_locale_ = conn->query(
                              "INSERT INTO organisations (territory_id, slug, name, kind, "
                              "created_at, updated_at) VALUES ($1, 'ml', 'Mission locale', "
                              "'mission_locale', 0, 0) RETURNING id",
                              {ardennes_})
                          .at(0)
                          .integer(0);
    referent_ = conn->query(
                        "INSERT INTO users (email, name, created_at, updated_at) "
                        "VALUES ('julie@demo.test', 'Julie Moreau', 0, 0) RETURNING id")
                    .at(0)
                    .integer(0);
  }
  void TearDown() override {
    pin_clock_for_tests(0);
    EngineTest::TearDown();
  }

  static std::int64_t territory(Connection& conn, const char* slug, const char* name, int months) {
    return conn
        .query(
            "INSERT INTO territories (slug, name, retention_months, created_at, updated_at) "
            "VALUES ($1, $2, $3, 0, 0) RETURNING id",
            {slug, name, std::int64_t{months}})
        .at(0)
        .integer(0);
  }

  // A person with search terms, field sources, a magic link, a session, an objection and some
  // journal and access-log rows: everything the purge must delete with the record.
  std::int64_t person(Connection& conn, const std::string& birth_name,
                      std::optional<std::int64_t> merged_into = std::nullopt) {
    std::int64_t id =
        conn.query(
                "INSERT INTO persons (territory_id, birth_name, first_names, merged_into, "
                "created_at, updated_at) VALUES ($1, $2, 'Léa', $3, 0, 0) RETURNING id",
                {ardennes_, birth_name, store::opt(merged_into)})
            .at(0)
            .integer(0);
    conn.execute("INSERT INTO person_terms (territory_id, term, person_id) VALUES ($1, $2, $3)",
                 {ardennes_, birth_name, id});
    conn.execute(
        "INSERT INTO person_field_sources (person_id, field, source, user_id, at) "
        "VALUES ($1, 'birth_name', 'professional', $2, 0)",
        {id, referent_});
    conn.execute(
        "INSERT INTO person_login_tokens (person_id, token_hash, created_at, expires_at) "
        "VALUES ($1, $2, 0, 0)",
        {id, "t" + std::to_string(id)});
    conn.execute(
        "INSERT INTO person_sessions (token_hash, person_id, csrf_token, created_at, "
        "last_seen_at) VALUES ($1, $2, 'c', 0, 0)",
        {"s" + std::to_string(id), id});
    conn.execute(
        "INSERT INTO person_objections (person_id, organisation_id, at) VALUES ($1, $2, 0)",
        {id, mission_locale_});
    store::append_event(conn, {.kind = "person.created",
                               .territory_id = ardennes_,
                               .person_id = id,
                               .actor_id = referent_,
                               .payload_json = R"({"birth_name":")" + birth_name + R"("})"});
    store::log_access(conn, {.actor_id = referent_, .person_id = id, .part = "journey"});
    store::index_accesses(conn);  // SQLite: into the index by person, which the purge empties too
    return id;
  }

  // A journey with a référent and a note, last active `last_activity_at`.
  std::int64_t journey(Connection& conn, std::int64_t person_id, std::int64_t territory_id,
                       std::int64_t last_activity_at, const std::string& status = "accompanied") {
    std::int64_t id =
        conn.query(
                "INSERT INTO journeys (person_id, territory_id, status, entry, opened_at, "
                "last_activity_at) VALUES ($1, $2, $3, 'professional', 0, $4) RETURNING id",
                {person_id, territory_id, status, last_activity_at})
            .at(0)
            .integer(0);
    conn.execute(
        "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) "
        "VALUES ($1, $2, $3, 'referent', 0)",
        {id, referent_, mission_locale_});
    std::int64_t note =
        conn.query(
                "INSERT INTO notes (journey_id, author_id, visibility, body, created_at) "
                "VALUES ($1, $2, 'team', 'Entretien fait', 0) RETURNING id",
                {id, referent_})
            .at(0)
            .integer(0);
    conn.execute(
        "INSERT INTO notes (journey_id, author_id, visibility, body, corrects_id, created_at) "
        "VALUES ($1, $2, 'person', 'Entretien fait le 3', $3, 0)",
        {id, referent_, note});
    conn.execute(
        "INSERT INTO journey_join_requests (journey_id, user_id, organisation_id, created_at) "
        "VALUES ($1, $2, $3, 0)",
        {id, referent_, mission_locale_});
    return id;
  }

  static std::int64_t count(Connection& conn, const std::string& sql,
                            const store::Params& params = {}) {
    return conn.query_one(sql, params)->integer(0);
  }

  // Rows of every table the purge touches, to compare before and after.
  static std::vector<std::int64_t> table_sizes(Connection& conn) {
    std::vector<std::int64_t> sizes;
    for (const char* table :
         {"persons", "person_terms", "person_field_sources", "person_login_tokens",
          "person_sessions", "person_objections", "person_merges", "person_match_dismissals",
          "journeys", "journey_members", "journey_join_requests", "notes", "journal", "access_log",
          "purge_persons", "purge_journeys"}) {
      sizes.push_back(count(conn, std::string("SELECT COUNT(*) FROM ") + table));
    }
    return sizes;
  }

  static std::int64_t rows_of_person(Connection& conn, std::int64_t person_id) {
    std::int64_t n = 0;
    for (const char* sql :
         {"SELECT COUNT(*) FROM persons WHERE id = $1",
          "SELECT COUNT(*) FROM person_terms WHERE person_id = $1",
          "SELECT COUNT(*) FROM person_field_sources WHERE person_id = $1",
          "SELECT COUNT(*) FROM person_login_tokens WHERE person_id = $1",
          "SELECT COUNT(*) FROM person_sessions WHERE person_id = $1",
          "SELECT COUNT(*) FROM person_objections WHERE person_id = $1",
          "SELECT COUNT(*) FROM person_merges WHERE kept_id = $1 OR merged_id = $1",
          "SELECT COUNT(*) FROM person_match_dismissals WHERE person_id = $1 OR other_id = $1",
          "SELECT COUNT(*) FROM journeys WHERE person_id = $1",
          "SELECT COUNT(*) FROM journal WHERE person_id = $1",
          "SELECT COUNT(*) FROM access_log WHERE person_id = $1"}) {
      n += count(conn, sql, {person_id});
    }
    if (conn.dialect() == store::Dialect::kSqlite) {
      n += count(conn, "SELECT COUNT(*) FROM access_log_by_person WHERE person_id = $1",
                 {person_id});
    }
    return n;
  }

  std::vector<store::Event> purge_events(Connection& conn) {
    return store::read_events(conn, {.limit = 1000, .kind_prefix = "retention."});
  }

  std::int64_t ardennes_ = 0;
  std::int64_t marne_ = 0;
  std::int64_t mission_locale_ = 0;
  std::int64_t referent_ = 0;
};

TEST_P(PurgeTest, OrdinaryUpdatesAndDeletesOfTheJournalStillFail) {
  auto conn = db().acquire();
  std::int64_t lea = person(*conn, "Martin");
  std::int64_t other = person(*conn, "Dupont");
  EXPECT_THROW(conn->execute("UPDATE journal SET payload = '{}' WHERE person_id = $1", {lea}),
               StoreError);
  EXPECT_THROW(conn->execute("DELETE FROM journal WHERE person_id = $1", {lea}), StoreError);
  store::append_event(*conn, {.kind = "organisation.created", .territory_id = ardennes_});
  EXPECT_THROW(conn->execute("DELETE FROM journal WHERE person_id IS NULL"), StoreError);

  // Listing another person in purge_persons opens nothing for this one, and an UPDATE stays
  // forbidden even for a listed person.
  store::with_transaction(*conn, [&] {
    conn->execute("INSERT INTO purge_persons (person_id) VALUES ($1)", {other});
    EXPECT_THROW(conn->execute("DELETE FROM journal WHERE person_id = $1", {lea}), StoreError);
  });
  conn->execute("DELETE FROM purge_persons");
  store::with_transaction(*conn, [&] {
    conn->execute("INSERT INTO purge_persons (person_id) VALUES ($1)", {lea});
    EXPECT_THROW(conn->execute("UPDATE journal SET kind = 'x' WHERE person_id = $1", {lea}),
                 StoreError);
  });
  conn->execute("DELETE FROM purge_persons");
  if (conn->dialect() == store::Dialect::kPostgres) {
    EXPECT_THROW(conn->execute("TRUNCATE journal"), StoreError);
  }
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal"), 3);
}

TEST_P(PurgeTest, TheSanctionedPathDeletesOnlyTheListedPersonsRows) {
  auto conn = db().acquire();
  std::int64_t lea = person(*conn, "Martin");
  std::int64_t other = person(*conn, "Dupont");
  // A statement that reaches one row not listed fails whole.
  EXPECT_THROW(store::with_transaction(
                   *conn,
                   [&] {
                     conn->execute("INSERT INTO purge_persons (person_id) VALUES ($1)", {lea});
                     conn->execute("DELETE FROM journal WHERE person_id IN ($1, $2)", {lea, other});
                   }),
               StoreError);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal"), 2);
  store::with_transaction(*conn, [&] {
    conn->execute("INSERT INTO purge_persons (person_id) VALUES ($1)", {lea});
    EXPECT_EQ(conn->execute("DELETE FROM journal WHERE person_id = $1", {lea}), 1);
    conn->execute("DELETE FROM purge_persons");
  });
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal WHERE person_id = $1", {other}), 1);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal"), 1);
}

TEST_P(PurgeTest, TheSanctionedPathAlsoDeletesTheRowsAboutAListedJourney) {
  auto conn = db().acquire();
  std::int64_t lea = person(*conn, "Martin");
  auto event = [&](const std::string& payload) {
    return store::append_event(*conn, {.kind = "note.added",
                                       .territory_id = ardennes_,
                                       .person_id = lea,
                                       .payload_json = payload});
  };
  event(R"({"journey_id":41,"note_id":3,"visibility":"team"})");
  event(R"({"journey_id": 41})");
  std::int64_t other_journey = event(R"({"journey_id":411,"note_id":4})");
  std::int64_t to_journey = event(R"({"journey_id":7,"to_journey_id":41})");
  std::int64_t not_json = event("journey_id 41");
  // Deletes rows in a transaction where journey 41 is listed, as the purge does.
  auto delete_listed = [&](const std::string& where, const store::Params& params) {
    return store::with_transaction(*conn, [&] {
      conn->execute("INSERT INTO purge_journeys (journey_id) VALUES (41)");
      std::int64_t n = conn->execute("DELETE FROM journal WHERE " + where, params);
      conn->execute("DELETE FROM purge_journeys");
      return n;
    });
  };
  for (std::int64_t seq : {other_journey, to_journey, not_json}) {
    EXPECT_THROW(delete_listed("seq = $1", {seq}), StoreError) << seq;
  }
  EXPECT_EQ(delete_listed("kind = 'note.added' AND seq < $1", {other_journey}), 2);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM purge_journeys"), 0);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal"), 4);
}

TEST_P(PurgeTest, APersonWhoStaysLosesOnlyTheEventsOfThePurgedJourney) {
  auto conn = db().acquire();
  std::int64_t ines = person(*conn, "Dubois");
  std::int64_t old_journey = journey(*conn, ines, marne_, kNow - 13 * kMonth, "closed");
  std::int64_t active = journey(*conn, ines, ardennes_, kNow - kDay);
  for (std::int64_t j : {old_journey, active}) {
    store::append_event(*conn, {.kind = "note.added",
                                .territory_id = ardennes_,
                                .person_id = ines,
                                .payload_json = R"({"journey_id":)" + std::to_string(j) + "}"});
  }
  PurgeReport report = purge(*conn, {.apply = true});
  EXPECT_EQ(report.total_journal_events(), 1);
  EXPECT_EQ(report.total_persons(), 0);
  auto kinds = store::read_events(*conn, {.person_id = ines});
  ASSERT_EQ(kinds.size(), 2u);  // person.created and the active journey's note
  EXPECT_EQ(kinds[0].kind, "person.created");
  EXPECT_EQ(kinds[1].payload_json, R"({"journey_id":)" + std::to_string(active) + "}");
}

TEST_P(PurgeTest, DryRunListsWhatWouldGoAndChangesNothing) {
  auto conn = db().acquire();
  std::int64_t old_person = person(*conn, "Lefèvre-Martin");
  std::int64_t old_journey = journey(*conn, old_person, ardennes_, kNow - 25 * kMonth, "closed");
  std::int64_t recent_person = person(*conn, "N'Diaye");
  journey(*conn, recent_person, ardennes_, kNow - 10 * kDay);
  conn->execute("INSERT INTO access_log (at, actor_id, person_id, part) VALUES ($1, $2, $3, 'x')",
                {kNow - 13 * kMonth, referent_, recent_person});
  auto before = table_sizes(*conn);

  PurgeReport report = purge(*conn, {});
  EXPECT_FALSE(report.applied);
  ASSERT_EQ(report.journeys.size(), 1u);
  EXPECT_EQ(report.journeys[0].journey_id, old_journey);
  EXPECT_EQ(report.journeys[0].person_id, old_person);
  EXPECT_EQ(report.journeys[0].territory_name, "Ardennes");
  EXPECT_EQ(report.journeys[0].retention_months, 24);
  EXPECT_EQ(report.journeys[0].status, "closed");
  EXPECT_TRUE(report.journeys[0].person_deleted);
  EXPECT_EQ(report.total_persons(), 1);
  EXPECT_EQ(report.total_notes(), 2);
  EXPECT_EQ(report.total_journal_events(), 1);
  EXPECT_EQ(report.access_log_entries, 1);

  EXPECT_EQ(table_sizes(*conn), before);
  EXPECT_TRUE(purge_events(*conn).empty());
}

TEST_P(PurgeTest, ApplyDeletesExpiredJourneysWithEverythingAttachedAndNothingElse) {
  auto conn = db().acquire();
  // Gone: one expired journey, the record and one merged into it, with every attached row.
  std::int64_t gone = person(*conn, "Lefèvre-Martin");
  std::int64_t merged = person(*conn, "Lefevre", gone);
  conn->execute(
      "INSERT INTO person_merges (kept_id, merged_id, snapshot, user_id, at) "
      "VALUES ($1, $2, '{}', $3, 0)",
      {gone, merged, referent_});
  journey(*conn, gone, ardennes_, kNow - 25 * kMonth, "closed");
  // Kept: an active person, who once dismissed the purged one as a possible duplicate.
  std::int64_t kept = person(*conn, "N'Diaye");
  std::int64_t kept_journey = journey(*conn, kept, ardennes_, kNow - 23 * kMonth);
  conn->execute(
      "INSERT INTO person_match_dismissals (person_id, other_id, user_id, at) "
      "VALUES ($1, $2, $3, 0)",
      {kept, gone, referent_});
  // Half: an expired journey in the Marne, an active one in the Ardennes: the record stays.
  std::int64_t half = person(*conn, "Fournier");
  std::int64_t half_old = journey(*conn, half, marne_, kNow - 13 * kMonth);  // left open
  std::int64_t half_active = journey(*conn, half, ardennes_, kNow - kDay);
  people::sync_terms(*conn, half);  // found by name in both territories
  auto terms_in = [&](std::int64_t territory) {
    return count(*conn,
                 "SELECT COUNT(*) FROM person_terms WHERE person_id = $1 AND territory_id = $2",
                 {half, territory});
  };
  std::int64_t ardennes_terms = terms_in(ardennes_);
  std::int64_t marne_terms = terms_in(marne_);
  ASSERT_GT(marne_terms, 0);
  std::int64_t kept_rows = rows_of_person(*conn, kept);
  std::int64_t half_rows = rows_of_person(*conn, half);

  PurgeReport report = purge(*conn, {.apply = true});
  EXPECT_TRUE(report.applied);
  EXPECT_EQ(report.total_journeys(), 2);
  EXPECT_EQ(report.total_persons(), 2);  // the record and the one merged into it
  EXPECT_EQ(report.total_notes(), 4);
  EXPECT_EQ(report.total_journal_events(), 2);

  EXPECT_EQ(rows_of_person(*conn, gone), 0);
  EXPECT_EQ(rows_of_person(*conn, merged), 0);
  EXPECT_EQ(rows_of_person(*conn, kept), kept_rows - 1);  // only the dismissal went
  // Only the Marne journey went, and with it the person's search terms in the Marne.
  EXPECT_EQ(rows_of_person(*conn, half), half_rows - 1 - marne_terms);
  EXPECT_EQ(terms_in(marne_), 0);
  EXPECT_EQ(terms_in(ardennes_), ardennes_terms);
  EXPECT_FALSE(conn->query_one("SELECT 1 FROM journeys WHERE id = $1", {half_old}));
  for (std::int64_t j : {kept_journey, half_active}) {
    EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM notes WHERE journey_id = $1", {j}), 2);
    EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journey_members WHERE journey_id = $1", {j}), 1);
  }
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM notes"), 4);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journey_join_requests"), 2);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM purge_persons"), 0);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM purge_journeys"), 0);
}

TEST_P(PurgeTest, EachTerritoryKeepsRecordsForItsOwnRetention) {
  auto conn = db().acquire();
  std::int64_t in_ardennes = person(*conn, "Martin");
  journey(*conn, in_ardennes, ardennes_, kNow - 18 * kMonth, "closed");
  std::int64_t in_marne = person(*conn, "Petit");
  journey(*conn, in_marne, marne_, kNow - 18 * kMonth, "closed");
  // Just inside and just past the Marne's 12 months (cutoff 2026-06-15 12:00).
  std::int64_t inside = person(*conn, "Roux");
  journey(*conn, inside, marne_, kNow - 365 * kDay + 1);
  std::int64_t past = person(*conn, "Blanc");
  journey(*conn, past, marne_, kNow - 365 * kDay - 1);

  PurgeReport report = purge(*conn, {.apply = true});
  EXPECT_EQ(report.total_journeys(), 2);
  EXPECT_TRUE(conn->query_one("SELECT 1 FROM persons WHERE id = $1", {in_ardennes}));
  EXPECT_FALSE(conn->query_one("SELECT 1 FROM persons WHERE id = $1", {in_marne}));
  EXPECT_TRUE(conn->query_one("SELECT 1 FROM persons WHERE id = $1", {inside}));
  EXPECT_FALSE(conn->query_one("SELECT 1 FROM persons WHERE id = $1", {past}));
  ASSERT_EQ(report.territories.size(), 1u);
  EXPECT_EQ(report.territories[0].territory_name, "Marne");
}

TEST_P(PurgeTest, CountsWhatWentInTheJournalWithoutPersonalDataAndASecondRunDoesNothing) {
  auto conn = db().acquire();
  for (const char* name : {"Lefèvre-Martin", "Bérénice", "Ngô"}) {
    journey(*conn, person(*conn, name), ardennes_, kNow - 30 * kMonth, "closed");
  }
  PurgeReport first = purge(*conn, {.apply = true});
  EXPECT_EQ(first.total_journeys(), 3);
  auto events = purge_events(*conn);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "retention.purged");
  EXPECT_EQ(events[0].territory_id, ardennes_);
  EXPECT_EQ(events[0].person_id, std::nullopt);
  EXPECT_EQ(events[0].actor_id, std::nullopt);
  auto payload = boost::json::parse(events[0].payload_json).as_object();
  const auto& territory = payload.at("territories").as_array().at(0).as_object();
  EXPECT_EQ(territory.at("territory_id").as_int64(), ardennes_);
  EXPECT_EQ(territory.at("journeys").as_int64(), 3);
  EXPECT_EQ(territory.at("persons").as_int64(), 3);
  EXPECT_EQ(territory.at("notes").as_int64(), 6);
  EXPECT_EQ(territory.at("journal_events").as_int64(), 3);
  for (const char* name : {"Lef", "B\\u00e9r", "Bér", "Ngô", "Ng\\u00f4", "L\\u00e9a", "Léa"}) {
    EXPECT_EQ(events[0].payload_json.find(name), std::string::npos) << name;
  }

  auto before = table_sizes(*conn);
  PurgeReport second = purge(*conn, {.apply = true});
  EXPECT_TRUE(second.journeys.empty());
  EXPECT_EQ(second.batches, 0);
  EXPECT_EQ(table_sizes(*conn), before);
}

TEST_P(PurgeTest, ATransferredHistoryGoesOnlyWhenTheWholeChainHasExpired) {
  auto conn = db().acquire();
  std::int64_t moved = person(*conn, "Garnier");
  std::int64_t from_marne = journey(*conn, moved, marne_, kNow - 20 * kMonth, "closed");
  std::int64_t to_ardennes = journey(*conn, moved, ardennes_, kNow - 20 * kMonth);
  conn->execute("UPDATE journeys SET transferred_to = $1 WHERE id = $2", {to_ardennes, from_marne});

  // The Marne journey alone is past its 12 months, the Ardennes one is within its 24.
  PurgeReport kept = purge(*conn, {.apply = true});
  EXPECT_TRUE(kept.journeys.empty());
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journeys WHERE person_id = $1", {moved}), 2);

  pin_clock_for_tests(kNow + 5 * kMonth);
  PurgeReport gone = purge(*conn, {.apply = true});
  EXPECT_EQ(gone.total_journeys(), 2);
  EXPECT_EQ(rows_of_person(*conn, moved), 0);
}

TEST_P(PurgeTest, WorksInBatchesOfOneTransactionEach) {
  auto conn = db().acquire();
  for (int i = 0; i < 5; ++i) {
    journey(*conn, person(*conn, "Personne " + std::to_string(i)), ardennes_, kNow - 26 * kMonth,
            "closed");
  }
  PurgeReport report = purge(*conn, {.apply = true, .batch_size = 2});
  EXPECT_EQ(report.batches, 3);
  EXPECT_EQ(report.total_journeys(), 5);
  EXPECT_EQ(purge_events(*conn).size(), 3u);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM persons"), 0);
}

TEST_P(PurgeTest, AFailingBatchLeavesNothingHalfDeletedAndEarlierBatchesDone) {
  auto conn = db().acquire();
  std::int64_t first = person(*conn, "Premier");
  journey(*conn, first, ardennes_, kNow - 26 * kMonth, "closed");
  std::int64_t blocked = person(*conn, "Second");
  std::int64_t blocked_journey = journey(*conn, blocked, ardennes_, kNow - 26 * kMonth, "closed");
  // A row the purge does not know about still points at the second journey.
  conn->execute_script("CREATE TABLE foreign_holder (journey_id BIGINT REFERENCES journeys (id))");
  conn->execute("INSERT INTO foreign_holder (journey_id) VALUES ($1)", {blocked_journey});
  std::int64_t blocked_rows = rows_of_person(*conn, blocked);
  std::int64_t notes =
      count(*conn, "SELECT COUNT(*) FROM notes WHERE journey_id = $1", {blocked_journey});

  EXPECT_THROW(purge(*conn, {.apply = true, .batch_size = 1}), StoreError);
  EXPECT_EQ(rows_of_person(*conn, first), 0);
  EXPECT_EQ(rows_of_person(*conn, blocked), blocked_rows);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM notes WHERE journey_id = $1", {blocked_journey}),
            notes);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM purge_persons"), 0);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM purge_journeys"), 0);
  EXPECT_EQ(purge_events(*conn).size(), 1u);

  // Once the obstacle is gone, a rerun finishes the work.
  conn->execute("DELETE FROM foreign_holder");
  PurgeReport rerun = purge(*conn, {.apply = true});
  EXPECT_EQ(rerun.total_journeys(), 1);
  EXPECT_EQ(rows_of_person(*conn, blocked), 0);
}

TEST_P(PurgeTest, DeletesAccessLogEntriesOlderThanTwelveMonthsAndCountsThem) {
  auto conn = db().acquire();
  std::int64_t lea = person(*conn, "Martin");
  journey(*conn, lea, ardennes_, kNow - kDay);
  for (std::int64_t age : {13 * kMonth, 12 * kMonth + 6 * kDay, 11 * kMonth}) {
    conn->execute("INSERT INTO access_log (at, actor_id, person_id, part) VALUES ($1, $2, $3, 'x')",
                  {kNow - age, referent_, lea});
  }
  store::index_accesses(*conn);
  PurgeReport report = purge(*conn, {.apply = true});
  EXPECT_EQ(report.access_log_entries, 2);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM access_log"), 2);  // the recent one and person()'s
  if (conn->dialect() == store::Dialect::kSqlite) {
    EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM access_log_by_person"), 2);
  }
  auto events = purge_events(*conn);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].payload_json, R"({"access_log_entries":2,"access_log_months":12})");
}

INSTANTIATE_TEST_SUITE_P(Engines, PurgeTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::retention

// Journal (append, read with cursor and filters, append-only) and access log (purge).
#include "core/store/journal.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "support/test_db.h"

namespace parcours::store {
namespace {

class JournalTest : public test::EngineTest {
 protected:
  void TearDown() override {
    pin_clock_for_tests(0);
    test::EngineTest::TearDown();
  }
};

TEST_P(JournalTest, AppendsEventsWithGrowingSequenceNumbers) {
  pin_clock_for_tests(1800000000);
  auto conn = db().acquire();
  std::int64_t first = append_event(*conn, {.kind = "organisation.created",
                                            .territory_id = 1,
                                            .actor_id = 7,
                                            .payload_json = R"({"name":"CCAS de Sedan"})"});
  std::int64_t second = append_event(*conn, {.kind = "account.login_failed"});
  EXPECT_GT(second, first);

  auto events = read_events(*conn, {});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].seq, first);
  EXPECT_EQ(events[0].at, 1800000000);
  EXPECT_EQ(events[0].kind, "organisation.created");
  EXPECT_EQ(events[0].territory_id, 1);
  EXPECT_EQ(events[0].person_id, std::nullopt);
  EXPECT_EQ(events[0].actor_id, 7);
  EXPECT_EQ(events[0].payload_json, R"({"name":"CCAS de Sedan"})");
  EXPECT_EQ(events[1].payload_json, "{}");
  EXPECT_EQ(events[1].actor_id, std::nullopt);
}

TEST_P(JournalTest, ReadsPageByPageFromACursor) {
  auto conn = db().acquire();
  std::vector<std::int64_t> seqs;
  for (int i = 0; i < 5; ++i) seqs.push_back(append_event(*conn, {.kind = "x.happened"}));

  auto page1 = read_events(*conn, {.after = 0, .limit = 2});
  ASSERT_EQ(page1.size(), 2u);
  EXPECT_EQ(page1[1].seq, seqs[1]);
  auto page2 = read_events(*conn, {.after = page1.back().seq, .limit = 2});
  ASSERT_EQ(page2.size(), 2u);
  EXPECT_EQ(page2[0].seq, seqs[2]);
  auto page3 = read_events(*conn, {.after = page2.back().seq, .limit = 2});
  ASSERT_EQ(page3.size(), 1u);
  EXPECT_EQ(page3[0].seq, seqs[4]);
  EXPECT_TRUE(read_events(*conn, {.after = seqs[4]}).empty());
}

TEST_P(JournalTest, FiltersByTerritoryPersonAndKindPrefix) {
  auto conn = db().acquire();
  append_event(*conn, {.kind = "organisation.created", .territory_id = 1});
  append_event(*conn, {.kind = "organisation.updated", .territory_id = 2});
  append_event(*conn, {.kind = "organisations_x.other", .territory_id = 1});
  append_event(*conn, {.kind = "person.created", .territory_id = 1, .person_id = 42});
  append_event(*conn, {.kind = "person.updated", .territory_id = 1, .person_id = 43});

  EXPECT_EQ(read_events(*conn, {.territory_id = 1}).size(), 4u);
  auto of_person = read_events(*conn, {.person_id = 42});
  ASSERT_EQ(of_person.size(), 1u);
  EXPECT_EQ(of_person[0].kind, "person.created");
  // The dot is literal and `_` is no wildcard: "organisations_x" does not match "organisation.".
  auto organisations = read_events(*conn, {.kind_prefix = "organisation."});
  ASSERT_EQ(organisations.size(), 2u);
  EXPECT_EQ(organisations[1].kind, "organisation.updated");
  EXPECT_EQ(read_events(*conn, {.territory_id = 1, .kind_prefix = "organisation."}).size(), 1u);
  EXPECT_TRUE(read_events(*conn, {.kind_prefix = "organisation_"}).empty());
}

TEST_P(JournalTest, RefusesUpdatesAndDeletes) {
  auto conn = db().acquire();
  std::int64_t seq = append_event(*conn, {.kind = "organisation.created"});
  EXPECT_THROW(conn->execute("UPDATE journal SET kind = $1 WHERE seq = $2", {"falsifié", seq}),
               StoreError);
  EXPECT_THROW(conn->execute("DELETE FROM journal WHERE seq = $1", {seq}), StoreError);
  auto events = read_events(*conn, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "organisation.created");
}

TEST_P(JournalTest, EventsOfARolledBackTransactionAreNotKept) {
  auto conn = db().acquire();
  EXPECT_THROW(with_transaction(*conn,
                                [&] {
                                  append_event(*conn, {.kind = "organisation.created"});
                                  throw std::runtime_error("échec");
                                }),
               std::runtime_error);
  EXPECT_TRUE(read_events(*conn, {}).empty());
}

TEST_P(JournalTest, PurgesAccessLogRowsOlderThanTheRetention) {
  auto conn = db().acquire();
  // 2027-01-15 12:00 UTC, then 2027-03-10 and 2027-07-02.
  pin_clock_for_tests(1800014400);
  log_access(*conn, {.actor_id = 1, .person_id = 42, .part = "identity", .purpose = "/people/42"});
  pin_clock_for_tests(1804680000);
  log_access(*conn, {.actor_id = 1, .person_id = 43, .part = "identity", .purpose = "/people/43"});
  pin_clock_for_tests(1814486400);
  log_access(*conn, {.actor_id = 2, .part = "members", .purpose = "/organisations/3"});

  // On 2027-07-02, six months back is 2027-01-02: nothing is that old yet.
  EXPECT_EQ(purge_access_log(*conn, 6), 0);
  // Four months back is 2027-03-02: only the January read goes.
  EXPECT_EQ(purge_access_log(*conn, 4), 1);
  auto rows = conn->query("SELECT person_id, part, purpose, actor_id FROM access_log ORDER BY at");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].integer(0), 43);
  EXPECT_TRUE(rows[1].is_null(0));
  EXPECT_EQ(rows[1].text(1), "members");
  EXPECT_EQ(rows[1].integer(3), 2);
}

TEST_P(JournalTest, LogsSeveralAccessesInOneInsertWithEveryRow) {
  pin_clock_for_tests(1800014400);
  auto conn = db().acquire();
  log_accesses(*conn, {});  // nothing to write
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM access_log")->integer(0), 0);

  // 250 rows: more than one INSERT's worth (100), each row as log_access would write it.
  std::vector<AccessRecord> records;
  for (std::int64_t i = 0; i < 250; ++i) {
    records.push_back({.actor_id = 7,
                       .person_id = i % 50 == 49 ? std::nullopt : std::optional(1000 + i),
                       .part = i % 2 ? "search_result" : "identity",
                       .purpose = "GET /personnes"});
  }
  log_accesses(*conn, records);
  auto rows =
      conn->query("SELECT at, actor_id, person_id, part, purpose FROM access_log ORDER BY id");
  ASSERT_EQ(rows.size(), 250u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].integer(0), 1800014400);
    EXPECT_EQ(rows[i].integer(1), 7);
    EXPECT_EQ(rows[i].opt_integer(2), records[i].person_id) << i;
    EXPECT_EQ(rows[i].text(3), records[i].part) << i;
    EXPECT_EQ(rows[i].text(4), "GET /personnes");
  }
}

TEST_P(JournalTest, AccessesLoggedTogetherRollBackWithTheirTransaction) {
  auto conn = db().acquire();
  EXPECT_THROW(with_transaction(*conn,
                                [&] {
                                  log_accesses(*conn,
                                               {{.actor_id = 1, .person_id = 2, .part = "team"},
                                                {.actor_id = 1, .person_id = 3, .part = "team"}});
                                  throw std::runtime_error("échec");
                                }),
               std::runtime_error);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM access_log")->integer(0), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, JournalTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::store

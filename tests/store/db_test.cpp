// The Db interface on both engines: values, transactions, unique violations, URLs.
#include "core/store/db.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <limits>
#include <thread>

#include "core/error.h"
#include "support/test_db.h"

namespace parcours::store {
namespace {

using test::EngineTest;

class DbTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    db().acquire()->execute_script(
        "CREATE TABLE samples (id BIGINT PRIMARY KEY, n BIGINT, x DOUBLE PRECISION, t TEXT, "
        "code TEXT UNIQUE)");
  }
};

TEST_P(DbTest, ReportsItsDialect) {
  EXPECT_EQ(db().dialect(), GetParam());
  EXPECT_EQ(db().acquire()->dialect(), GetParam());
}

TEST_P(DbTest, RoundTripsNullIntegerExtremesDoublesAndUtf8Text) {
  auto conn = db().acquire();
  const std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  const std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  const std::string kText = "Élodie « Zoé » Müller — 日本 🚀";
  conn->execute("INSERT INTO samples (id, n, x, t) VALUES ($1, $2, $3, $4)",
                {1, kMin, 3.141592653589793, kText});
  conn->execute("INSERT INTO samples (id, n, x, t) VALUES ($1, $2, $3, $4)",
                {2, kMax, -0.1, std::string()});
  conn->execute("INSERT INTO samples (id, n, x, t) VALUES ($1, $2, $3, $4)",
                {3, nullptr, nullptr, nullptr});

  auto rows = conn->query("SELECT id, n, x, t FROM samples ORDER BY id");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].integer(1), kMin);
  EXPECT_DOUBLE_EQ(rows[0].real(2), 3.141592653589793);
  EXPECT_EQ(rows[0].text(3), kText);
  EXPECT_EQ(rows[1].integer(1), kMax);
  EXPECT_DOUBLE_EQ(rows[1].real(2), -0.1);
  EXPECT_FALSE(rows[1].is_null(3));
  EXPECT_EQ(rows[1].text(3), "");
  EXPECT_TRUE(rows[2].is_null(1));
  EXPECT_TRUE(rows[2].is_null(2));
  EXPECT_TRUE(rows[2].is_null(3));
  EXPECT_EQ(rows[2].opt_integer(1), std::nullopt);
  EXPECT_EQ(rows[2].opt_text(3), std::nullopt);
  EXPECT_EQ(rows[2].text(3), "");
  EXPECT_EQ(rows[2].integer(1), 0);
}

TEST_P(DbTest, EachHandsEveryRowInOrderWithTheValuesOfQuery) {
  auto conn = db().acquire();
  conn->execute("INSERT INTO samples (id, n, x, t) VALUES ($1, $2, $3, $4)", {1, 10, 0.5, "un"});
  conn->execute("INSERT INTO samples (id, n, x, t) VALUES ($1, $2, $3, $4)",
                {2, nullptr, nullptr, nullptr});
  conn->execute("INSERT INTO samples (id, n, x, t) VALUES ($1, $2, $3, $4)",
                {3, 30, 1.5, "trois, plus long que la mémoire d'une petite chaîne"});
  const std::string sql = "SELECT id, n, x, t FROM samples WHERE id >= $1 ORDER BY id";
  auto expected = conn->query(sql, {1});
  std::vector<std::vector<Value>> seen;
  conn->each(sql, {1}, [&](const Row& row) {
    std::vector<Value> values;
    for (std::size_t i = 0; i < row.size(); ++i) values.push_back(row.value(i));
    seen.push_back(std::move(values));
  });
  ASSERT_EQ(seen.size(), 3u);
  for (std::size_t r = 0; r < seen.size(); ++r) {
    for (std::size_t i = 0; i < seen[r].size(); ++i) {
      EXPECT_EQ(seen[r][i], expected[r].value(i)) << "ligne " << r << ", colonne " << i;
    }
  }
  // A NULL after a value, and a value after a NULL, in the same refilled row.
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(seen[1][1]));
  EXPECT_EQ(std::get<std::int64_t>(seen[2][1]), 30);
  // The statement is done: the connection serves the next one.
  int rows = 0;
  conn->each(sql, {3}, [&](const Row&) { ++rows; });
  EXPECT_EQ(rows, 1);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM samples")->integer(0), 3);
}

TEST_P(DbTest, ReturnsIntegersAsIntegersAndTextAsText) {
  auto conn = db().acquire();
  conn->execute("INSERT INTO samples (id, n, t) VALUES ($1, $2, $3)", {7, 42, "42"});
  auto row = conn->query_one("SELECT n, t, n = $1 FROM samples WHERE id = $2", {42, 7});
  ASSERT_TRUE(row);
  EXPECT_TRUE(std::holds_alternative<std::int64_t>(row->value(0)));
  EXPECT_TRUE(std::holds_alternative<std::string>(row->value(1)));
  EXPECT_TRUE(row->boolean(2));    // a PostgreSQL bool comes back as 1
  EXPECT_EQ(row->integer(1), 42);  // text that holds a number still reads as one
}

TEST_P(DbTest, AcceptsTheSameParameterTwiceAndOutOfOrder) {
  auto conn = db().acquire();
  conn->execute("INSERT INTO samples (id, n, t) VALUES ($2, $1, $3)", {10, 1, "a"});
  auto row =
      conn->query_one("SELECT id FROM samples WHERE n = $1 AND id = $2 AND n < $1 + 1", {10, 1});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->integer(0), 1);
}

TEST_P(DbTest, QueryOneReturnsNothingWhenNoRowMatches) {
  auto conn = db().acquire();
  EXPECT_FALSE(conn->query_one("SELECT id FROM samples WHERE id = $1", {99}));
}

TEST_P(DbTest, ExecuteReturnsTheNumberOfChangedRows) {
  auto conn = db().acquire();
  for (int i = 1; i <= 3; ++i) {
    conn->execute("INSERT INTO samples (id, n) VALUES ($1, $2)", {i, i % 2});
  }
  EXPECT_EQ(conn->execute("UPDATE samples SET t = $1 WHERE n = $2", {"impair", 1}), 2);
  EXPECT_EQ(conn->execute("DELETE FROM samples WHERE id > $1", {100}), 0);
}

TEST_P(DbTest, InsertReturningGivesTheNewId) {
  auto conn = db().acquire();
  auto first = conn->query_one("INSERT INTO meta (key, value) VALUES ($1, $2) RETURNING key",
                               {"version", "1"});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->text(0), "version");
}

TEST_P(DbTest, TransactionCommitsWhenTheBodyReturns) {
  auto conn = db().acquire();
  with_transaction(*conn, [&] { conn->execute("INSERT INTO samples (id) VALUES ($1)", {1}); });
  EXPECT_FALSE(conn->in_transaction());
  EXPECT_TRUE(db().acquire()->query_one("SELECT id FROM samples WHERE id = 1"));
}

TEST_P(DbTest, TransactionRollsBackWhenTheBodyThrows) {
  auto conn = db().acquire();
  EXPECT_THROW(with_transaction(*conn,
                                [&] {
                                  conn->execute("INSERT INTO samples (id) VALUES ($1)", {1});
                                  throw std::runtime_error("panne");
                                }),
               std::runtime_error);
  EXPECT_FALSE(conn->in_transaction());
  EXPECT_FALSE(conn->query_one("SELECT id FROM samples WHERE id = 1"));
}

TEST_P(DbTest, TransactionRollsBackWhenTheBodyReturnsAnError) {
  auto conn = db().acquire();
  Result<int> result = with_transaction(*conn, [&]() -> Result<int> {
    conn->execute("INSERT INTO samples (id) VALUES ($1)", {1});
    return fail(ErrorCode::kInvalid, "Code invalide.", "code");
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().field, "code");
  EXPECT_FALSE(conn->in_transaction());
  EXPECT_FALSE(conn->query_one("SELECT id FROM samples WHERE id = 1"));
}

TEST_P(DbTest, TransactionCommitsWhenTheBodyReturnsAValue) {
  auto conn = db().acquire();
  Result<int> result = with_transaction(*conn, [&]() -> Result<int> {
    conn->execute("INSERT INTO samples (id) VALUES ($1)", {1});
    return 1;
  });
  ASSERT_TRUE(result);
  EXPECT_TRUE(conn->query_one("SELECT id FROM samples WHERE id = 1"));
}

TEST_P(DbTest, UncommittedWritesAreInvisibleToOtherConnections) {
  auto writer = db().acquire();
  auto reader = db().acquire();
  writer->begin();
  writer->execute("INSERT INTO samples (id) VALUES ($1)", {1});
  EXPECT_FALSE(reader->query_one("SELECT id FROM samples WHERE id = 1"));
  writer->commit();
  EXPECT_TRUE(reader->query_one("SELECT id FROM samples WHERE id = 1"));
}

TEST_P(DbTest, FlagsUniqueViolations) {
  auto conn = db().acquire();
  conn->execute("INSERT INTO samples (id, code) VALUES ($1, $2)", {1, "A"});
  try {
    conn->execute("INSERT INTO samples (id, code) VALUES ($1, $2)", {2, "A"});
    FAIL() << "a duplicate code was accepted";
  } catch (const StoreError& e) {
    EXPECT_TRUE(e.unique_violation()) << e.what();
  }
  try {
    conn->execute("INSERT INTO samples (id) VALUES ($1)", {1});
    FAIL() << "a duplicate primary key was accepted";
  } catch (const StoreError& e) {
    EXPECT_TRUE(e.unique_violation()) << e.what();
  }
}

TEST_P(DbTest, OtherErrorsAreNotUniqueViolationsAndQuoteTheEngine) {
  auto conn = db().acquire();
  try {
    conn->execute("INSERT INTO no_such_table (id) VALUES ($1)", {1});
    FAIL() << "an unknown table was accepted";
  } catch (const StoreError& e) {
    EXPECT_FALSE(e.unique_violation());
    EXPECT_NE(std::string(e.what()).find("no_such_table"), std::string::npos) << e.what();
  }
}

TEST_P(DbTest, EnforcesForeignKeys) {
  auto conn = db().acquire();
  EXPECT_THROW(conn->execute("INSERT INTO organisations (territory_id, slug, name, kind, "
                             "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
                             {12345, "x", "X", "autre", 1}),
               StoreError);
}

TEST_P(DbTest, ConnectionIsUsableAfterAFailedStatementInATransaction) {
  auto conn = db().acquire();
  EXPECT_THROW(with_transaction(*conn, [&] { conn->execute("SELECT * FROM no_such_table"); }),
               StoreError);
  EXPECT_FALSE(conn->in_transaction());
  EXPECT_TRUE(conn->ping());
}

TEST_P(DbTest, PoolRollsBackALeaseReturnedInsideATransaction) {
  {
    auto conn = db().acquire();
    conn->begin();
    conn->execute("INSERT INTO samples (id) VALUES ($1)", {1});
  }
  auto conn = db().acquire();
  EXPECT_FALSE(conn->in_transaction());
  EXPECT_FALSE(conn->query_one("SELECT id FROM samples WHERE id = 1"));
}

// A writer that finds the database locked by another connection's write transaction waits for
// it (SQLite: the busy handler) and then writes; it does not fail with "database is locked".
TEST_P(DbTest, AWriterWaitsForAnotherWritersTransactionThenWrites) {
  auto holder = db().acquire();
  holder->begin(true);
  holder->execute("INSERT INTO samples (id) VALUES ($1)", {1});
  std::atomic<bool> released{false};
  std::chrono::steady_clock::time_point released_at;
  // Both taken before the releaser starts its 30 ms: on a loaded machine the waiter's start
  // could otherwise come late enough to shorten the measured wait below 25 ms.
  auto waiter = db().acquire();
  auto started = std::chrono::steady_clock::now();
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    released_at = std::chrono::steady_clock::now();
    released = true;
    holder->commit();
  });
  for (int i = 2; i < 12; ++i) {
    with_transaction(*waiter,
                     [&] { waiter->execute("INSERT INTO samples (id) VALUES ($1)", {i}); });
  }
  auto done = std::chrono::steady_clock::now();
  releaser.join();
  EXPECT_TRUE(released);
  EXPECT_EQ(waiter->query_one("SELECT COUNT(*) FROM samples")->integer(0), 11);
  // SQLite locks the whole database: the writer waited for the release. (PostgreSQL locks rows:
  // these inserts did not have to wait.)
  if (GetParam() == Dialect::kSqlite) EXPECT_GE(done - released_at, std::chrono::seconds(0));
  if (GetParam() == Dialect::kSqlite) EXPECT_GE(done - started, std::chrono::milliseconds(25));
}

// Read batches (one per request in the server): reads share a snapshot, a write or a
// transaction ends the batch first and then behaves as without it, and nothing stays open.
TEST_P(DbTest, ReadBatchesShareASnapshotUntilAWriteAndNeverHideTheirOwnWrites) {
  auto reader = db().acquire();
  auto writer = db().acquire();
  writer->execute("INSERT INTO samples (id, n) VALUES (1, 10)");
  reader->start_read_batches();
  EXPECT_EQ(reader->query_one("SELECT n FROM samples WHERE id = 1")->integer(0), 10);
  EXPECT_FALSE(reader->in_transaction()) << "a batch is not the caller's transaction";

  writer->execute("UPDATE samples SET n = 11 WHERE id = 1");
  auto seen = reader->query_one("SELECT n FROM samples WHERE id = 1")->integer(0);
  if (GetParam() == Dialect::kSqlite) {
    EXPECT_EQ(seen, 10) << "reads of one batch share the snapshot of its first read";
  } else {
    EXPECT_EQ(seen, 11) << "PostgreSQL does not batch";
  }

  // A write while the batch holds an older snapshot: it must not fail (SQLITE_BUSY_SNAPSHOT)
  // and must apply to the latest data.
  EXPECT_EQ(reader->execute("UPDATE samples SET n = n + 1 WHERE id = 1"), 1);
  EXPECT_EQ(reader->query_one("SELECT n FROM samples WHERE id = 1")->integer(0), 12);
  EXPECT_EQ(writer->query_one("SELECT n FROM samples WHERE id = 1")->integer(0), 12);

  // A transaction inside batching is a real one: rolled back, it leaves nothing.
  reader->query_one("SELECT n FROM samples WHERE id = 1");
  auto result = with_transaction(*reader, [&]() -> Result<void> {
    EXPECT_TRUE(reader->in_transaction());
    reader->execute("UPDATE samples SET n = 99 WHERE id = 1");
    return fail(ErrorCode::kInvalid, "annulé");
  });
  EXPECT_FALSE(result);
  EXPECT_EQ(writer->query_one("SELECT n FROM samples WHERE id = 1")->integer(0), 12);

  // Stopping ends the snapshot: the writer's next change is seen, and no lock is kept.
  reader->query_one("SELECT n FROM samples WHERE id = 1");
  reader->stop_read_batches();
  writer->execute("UPDATE samples SET n = 13 WHERE id = 1");
  EXPECT_EQ(reader->query_one("SELECT n FROM samples WHERE id = 1")->integer(0), 13);
  EXPECT_FALSE(reader->in_transaction());
}

INSTANTIATE_TEST_SUITE_P(Engines, DbTest, test::kEngines, test::engine_name);

class PoolTest : public testing::TestWithParam<Dialect> {};

TEST_P(PoolTest, WaitsForAConnectionWhenAllAreLent) {
  auto db = test::make_test_db(GetParam(), 1);
  std::atomic<bool> got_it{false};
  std::optional<ConnectionLease> held(db->acquire());
  std::thread other([&] {
    auto conn = db->acquire();
    got_it = conn->ping();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(got_it.load()) << "a second thread got the only connection while it was lent";
  held.reset();
  other.join();
  EXPECT_TRUE(got_it.load());
}

INSTANTIATE_TEST_SUITE_P(Engines, PoolTest, test::kEngines, test::engine_name);

TEST(PostgresPool, ReplacesAConnectionKilledByTheServer) {
  auto db = test::make_test_db(Dialect::kPostgres, 2);
  {
    auto victim = db->acquire();
    auto killer = db->acquire();
    std::int64_t pid = victim->query_one("SELECT pg_backend_pid()")->integer(0);
    EXPECT_TRUE(killer->query_one("SELECT pg_terminate_backend($1::int)", {pid})->boolean(0));
    EXPECT_THROW(victim->query("SELECT 1"), StoreError);
  }
  for (int i = 0; i < 3; ++i) {
    auto a = db->acquire();
    auto b = db->acquire();
    EXPECT_TRUE(a->query_one("SELECT 1")) << "a broken connection was lent again";
    EXPECT_TRUE(b->query_one("SELECT 1")) << "a broken connection was lent again";
  }
}

TEST(DbUrl, ParsesSqliteAndPostgresUrls) {
  EXPECT_EQ(parse_db_url("sqlite:var/p.db").dialect, Dialect::kSqlite);
  EXPECT_EQ(parse_db_url("sqlite:var/p.db").target, "var/p.db");
  EXPECT_EQ(parse_db_url("postgresql://u@h/db").dialect, Dialect::kPostgres);
  EXPECT_EQ(parse_db_url("postgres://u@h/db").target, "postgres://u@h/db");
}

TEST(DbUrl, RejectsOtherUrlsWithAFrenchMessage) {
  for (const char* url : {"xyz", "sqlite:", "mysql://h/db", "", "postgresql:/h"}) {
    try {
      parse_db_url(url);
      FAIL() << url << " was accepted";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find("URL de base de données invalide"), std::string::npos)
          << e.what();
      EXPECT_NE(std::string(e.what()).find(std::string("« ") + url + " »"), std::string::npos)
          << e.what();
    }
  }
}

TEST(DbOpen, NamesTheHostOfAnUnreachablePostgres) {
  try {
    Db::open("postgresql://parcours@127.0.0.1:1/parcours?connect_timeout=5");
    FAIL() << "connected to a closed port";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("Impossible de se connecter à PostgreSQL sur 127.0.0.1"),
              std::string::npos)
        << e.what();
  }
}

TEST(DbOpen, CreatesTheDirectoryOfASqliteFile) {
  auto dir =
      std::filesystem::temp_directory_path() / "parcours-open-test" / std::to_string(getpid());
  std::filesystem::remove_all(dir);
  {
    auto db = Db::open("sqlite:" + (dir / "sub" / "p.db").string(), 2);
    EXPECT_TRUE(db->acquire()->ping());
  }
  EXPECT_TRUE(std::filesystem::exists(dir / "sub" / "p.db"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parcours::store

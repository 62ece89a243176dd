// The access log's group commit, on both engines: each write returns once its rows are
// committed, however many threads write at once; a failed transaction is reported to each of
// its writers and the next one works; inside a caller's transaction rows stay in it.
#include "core/store/access_writer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include "support/test_db.h"

namespace parcours::store {
namespace {

using test::EngineTest;

// A writer installed for the length of a test, as the server installs its own.
struct InstalledWriter {
  explicit InstalledWriter(Db& db) : writer(db) { install_access_log_writer(&writer); }
  ~InstalledWriter() { install_access_log_writer(nullptr); }
  InstalledWriter(const InstalledWriter&) = delete;
  InstalledWriter& operator=(const InstalledWriter&) = delete;
  AccessLogWriter writer;
};

class AccessWriterTest : public EngineTest {
 protected:
  std::int64_t count(const std::string& purpose) {
    return db()
        .acquire()
        ->query_one("SELECT COUNT(*) FROM access_log WHERE purpose = $1", {purpose})
        ->integer(0);
  }
};

TEST_P(AccessWriterTest, EveryWriteIsCommittedWhenItReturnsUnderConcurrency) {
  AccessLogWriter writer(db());
  constexpr int kThreads = 8;
  constexpr int kWrites = 40;
  std::atomic<int> missing{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto reader = db().acquire();
      for (int i = 0; i < kWrites; ++i) {
        std::string purpose = "GET /t" + std::to_string(t) + "/" + std::to_string(i);
        writer.write(
            {{.actor_id = t, .person_id = i, .part = "identity", .purpose = purpose},
             {.actor_id = t, .person_id = std::nullopt, .part = "list", .purpose = purpose}});
        // Seen at once by another connection: committed, not merely queued.
        auto row =
            reader->query_one("SELECT COUNT(*) FROM access_log WHERE purpose = $1", {purpose});
        if (row->integer(0) != 2) ++missing;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(missing.load(), 0);
  auto total = db().acquire()->query_one("SELECT COUNT(*) FROM access_log")->integer(0);
  EXPECT_EQ(total, kThreads * kWrites * 2);
}

TEST_P(AccessWriterTest, InstalledItTakesWritesOutsideTransactionsOnly) {
  InstalledWriter installed(db());
  auto conn = db().acquire();
  log_access(*conn, {.actor_id = 1, .person_id = 2, .part = "identity", .purpose = "dehors"});
  EXPECT_EQ(count("dehors"), 1);

  // Inside a transaction the row belongs to it: rolled back with it.
  conn->begin();
  log_accesses(*conn, {{.actor_id = 1, .person_id = 2, .part = "identity", .purpose = "dedans"}});
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM access_log WHERE purpose = 'dedans'")->integer(0),
            1);
  conn->rollback();
  EXPECT_EQ(count("dedans"), 0);
}

TEST_P(AccessWriterTest, AFailedCommitIsReportedAndTheNextWriteWorks) {
  AccessLogWriter writer(db());
  db().acquire()->execute_script("ALTER TABLE access_log RENAME TO access_log_moved");
  EXPECT_THROW(writer.write({{.actor_id = 1, .person_id = 2, .part = "p", .purpose = "échec"}}),
               StoreError);
  db().acquire()->execute_script("ALTER TABLE access_log_moved RENAME TO access_log");
  writer.write({{.actor_id = 1, .person_id = 2, .part = "p", .purpose = "reprise"}});
  EXPECT_EQ(count("reprise"), 1);
  EXPECT_EQ(count("échec"), 0);
}

// A page's reads kept aside while it is built, then committed without waiting: `then` runs once
// they are committed (the server sends the page from it), or with the error of a failed commit.
TEST_P(AccessWriterTest, DeferredReadsAreCommittedBeforeTheirContinuationRuns) {
  InstalledWriter installed(db());
  auto conn = db().acquire();
  std::vector<AccessRecord> reads;
  {
    DeferredAccesses deferred;
    log_accesses(*conn, {{.actor_id = 1, .person_id = 2, .part = "identity", .purpose = "page"},
                         {.actor_id = 1, .person_id = 3, .part = "identity", .purpose = "page"}});
    EXPECT_EQ(count("page"), 0);  // kept aside, not yet written
    reads = deferred.take();
  }
  ASSERT_EQ(reads.size(), 2U);
  std::promise<std::pair<std::string, std::int64_t>> seen;
  commit_then(*conn, reads, [&](const std::string& error) {
    seen.set_value({error, count("page")});
  });
  auto [error, rows] = seen.get_future().get();
  EXPECT_EQ(error, "");
  EXPECT_EQ(rows, 2);  // committed before the continuation ran

  // Outside the scope, log_accesses waits for its commit as before.
  log_access(*conn, {.actor_id = 1, .person_id = 4, .part = "identity", .purpose = "après"});
  EXPECT_EQ(count("après"), 1);

  db().acquire()->execute_script("ALTER TABLE access_log RENAME TO access_log_moved");
  std::promise<std::string> failed;
  commit_then(*conn, reads, [&](const std::string& e) { failed.set_value(e); });
  EXPECT_NE(failed.get_future().get(), "");
  db().acquire()->execute_script("ALTER TABLE access_log_moved RENAME TO access_log");
  EXPECT_EQ(count("page"), 2);
}

// On SQLite the access log is a file of its own: writing to it leaves the main file as it was,
// so other connections keep their page cache and memory map (PRAGMA data_version counts the
// changes committed by other connections).
INSTANTIATE_TEST_SUITE_P(Engines, AccessWriterTest, test::kEngines, test::engine_name);

// SQLite only: PostgreSQL keeps the access log in its one database.
TEST(SqliteAccessLogFile, ItsWritesLeaveTheMainFileUnchanged) {
  auto db = test::make_test_db(Dialect::kSqlite);
  AccessLogWriter writer(*db);
  auto reader = db->acquire();
  EXPECT_FALSE(reader->query_one("SELECT 1 FROM main.sqlite_master WHERE name = 'access_log'"));
  EXPECT_TRUE(reader->query_one("SELECT 1 FROM access.sqlite_master WHERE name = 'access_log'"));
  std::int64_t main_version = reader->query_one("PRAGMA main.data_version")->integer(0);
  std::int64_t access_version = reader->query_one("PRAGMA access.data_version")->integer(0);
  writer.write({{.actor_id = 1, .person_id = 2, .part = "identity", .purpose = "à part"}});
  EXPECT_EQ(
      reader->query_one("SELECT COUNT(*) FROM access_log WHERE purpose = 'à part'")->integer(0), 1);
  EXPECT_EQ(reader->query_one("PRAGMA main.data_version")->integer(0), main_version);
  EXPECT_NE(reader->query_one("PRAGMA access.data_version")->integer(0), access_version);
}

// The writer commits to the WAL only; the copy into the file (the checkpoint, with its syncs) is
// a background thread's. 3,000 rows are ≈ 200 pages, far under SQLite's automatic checkpoint at
// commit (1,000 pages) and the writer's own (20,000): only the background checkpoint grows the
// file. New access logs have 1 KiB pages.
TEST(SqliteAccessLogFile, ItsWalIsCopiedBackInTheBackground) {
  auto db = test::make_test_db(Dialect::kSqlite);
  auto reader = db->acquire();
  EXPECT_EQ(reader->query_one("PRAGMA access.page_size")->integer(0), 1024);
  std::string file;
  for (const Row& row : reader->query("PRAGMA database_list")) {
    if (row.text(1) == "access") file = row.text(2);
  }
  ASSERT_FALSE(file.empty());
  reader->query_one("PRAGMA access.wal_checkpoint(TRUNCATE)");
  const auto size_before = std::filesystem::file_size(file);

  AccessLogWriter writer(*db);
  std::vector<AccessRecord> records;
  for (int i = 0; i < 3000; ++i) {
    records.push_back(
        {.actor_id = 1, .person_id = i, .part = "appointments", .purpose = "GET /agenda"});
  }
  writer.write(records);
  EXPECT_EQ(reader->query_one("SELECT COUNT(*) FROM access_log")->integer(0), 3000);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::filesystem::file_size(file) == size_before &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GT(std::filesystem::file_size(file), size_before + 100 * 1024);
}

// Under constant writes the background checkpoint never finds the WAL idle, so it could never
// start it over: the WAL grew to the writer's own checkpoint at commit (20,000 pages, 21 MB),
// which then stopped every waiting page for 20 to 40 ms. Now the writer copies the last frames
// itself after a background pass, and its next commit starts the WAL over. 2,000 commits of 16
// rows on persons far apart write ≈ 36,000 pages to the WAL (a leaf of an index on person each;
// the log's own index by person is in another file since migration 0030, this one is the test's).
TEST(SqliteAccessLogFile, UnderConstantWritesItsWalIsStartedOverLongBeforeTheWritersCheckpoint) {
  auto db = test::make_test_db(Dialect::kSqlite);
  std::string wal;
  for (const Row& row : db->acquire()->query("PRAGMA database_list")) {
    if (row.text(1) == "access") wal = row.text(2) + "-wal";
  }
  ASSERT_FALSE(wal.empty());
  db->acquire()->execute_script(
      "CREATE INDEX access.access_log_test_person ON access_log (person_id, at)");
  {
    AccessLogWriter writer(*db);
    for (int commit = 0; commit < 2000; ++commit) {
      std::vector<AccessRecord> records;
      for (int i = 0; i < 16; ++i) {
        records.push_back({.actor_id = 1,
                           .person_id = (commit * 7919 + i * 104729) % 1000003,
                           .part = "appointments",
                           .purpose = "GET /agenda"});
      }
      writer.write(records);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  EXPECT_EQ(db->acquire()->query_one("SELECT COUNT(*) FROM access_log")->integer(0), 32000);
  // The WAL file keeps the size of its longest run (a WAL started over is written from its
  // start again): 1 KiB pages, 24 bytes of frame header each.
  constexpr std::uintmax_t kFrame = 1024 + 24;
  EXPECT_LT(std::filesystem::file_size(wal), 12000 * kFrame);
}

// The index by person is filled behind the log by a thread of the writer, in its own file: the
// commits of the pages never write it, and every row reaches it, the last ones when the writer
// stops.
TEST(SqliteAccessLogFile, TheIndexByPersonFollowsTheLogInItsOwnFile) {
  auto db = test::make_test_db(Dialect::kSqlite);
  auto reader = db->acquire();
  auto indexed = [&] {
    return reader->query_one("SELECT COUNT(*) FROM access_log_by_person")->integer(0);
  };
  {
    AccessLogWriter writer(*db);
    writer.write({{.actor_id = 1, .person_id = 7, .part = "identity", .purpose = "a"},
                  {.actor_id = 1, .person_id = 8, .part = "identity", .purpose = "a"},
                  {.actor_id = 1, .person_id = std::nullopt, .part = "members", .purpose = "a"}});
    const std::int64_t access_version = reader->query_one("PRAGMA access.data_version")->integer(0);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (indexed() < 2 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(indexed(), 2);  // the row without a person has no place in it
    EXPECT_EQ(reader->query_one("PRAGMA access.data_version")->integer(0), access_version);
    writer.write({{.actor_id = 2, .person_id = 7, .part = "journey", .purpose = "b"}});
  }
  EXPECT_EQ(indexed(), 3);
  EXPECT_EQ(reader->query_one("SELECT up_to FROM access_log_indexed")->integer(0),
            reader->query_one("SELECT MAX(id) FROM access_log")->integer(0));
  EXPECT_EQ(reader->query_one("SELECT COUNT(*) FROM access_log_by_person WHERE person_id = 7")
                ->integer(0),
            2);
}

TEST(SqliteAccessLogFile, LeftBesideADeletedDatabaseItIsNeitherAdoptedNorWiped) {
  // The access log and its index by person, each alone.
  for (const char* kept : {".access.sqlite", ".access.sqlite.by-person"}) {
    auto dir = std::filesystem::temp_directory_path() / "parcours-test-orphan-access";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto path = (dir / "base.db").string();
    {
      auto db = Db::open("sqlite:" + path, 1);
      db->acquire()->execute_script(
          "CREATE TABLE access.access_log (id INTEGER PRIMARY KEY); "
          "INSERT INTO access.access_log VALUES (1); "
          "CREATE TABLE access_index.access_log_by_person (id INTEGER PRIMARY KEY); "
          "INSERT INTO access_index.access_log_by_person VALUES (1);");
    }
    for (const char* suffix : {"", "-wal", "-shm", ".access.sqlite", ".access.sqlite.by-person"}) {
      if (std::string(suffix) != kept) std::filesystem::remove(path + suffix);
    }
    try {
      Db::open("sqlite:" + path, 1)->acquire();
      ADD_FAILURE() << "a new database adopted the old " << kept;
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find("journal des accès"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(kept), std::string::npos) << e.what();
    }
    EXPECT_GT(std::filesystem::file_size(path + kept), 0U);
    std::filesystem::remove_all(dir);
  }
}

}  // namespace
}  // namespace parcours::store

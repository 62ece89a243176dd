// The bulk writers' helpers: ids given by the writer (both engines), the WAL checkpointed by a
// thread of its own (SQLite).
#include "core/store/bulk.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "support/test_db.h"

namespace parcours::store {
namespace {

using test::EngineTest;

class BulkTest : public EngineTest {};

TEST_P(BulkTest, IdsGivenByTheWriterAreFreshAndTheTableCarriesOnAfterThem) {
  auto conn = db().acquire();
  conn->begin();
  conn->execute(
      "INSERT INTO territories (slug, name, created_at, updated_at) VALUES "
      "('t1', 'T1', 0, 0)");
  IdReservation ids("territories");
  std::int64_t a = ids.next(*conn);
  std::int64_t b = ids.next(*conn);
  EXPECT_GT(b, a);
  EXPECT_GT(a, conn->query_one("SELECT MAX(id) FROM territories")->integer(0));
  for (auto [id, slug] : {std::pair{a, "t2"}, std::pair{b, "t3"}}) {
    conn->execute(
        "INSERT INTO territories (id, slug, name, created_at, updated_at) VALUES "
        "($1, $2, $2, 0, 0)",
        {id, std::string(slug)});
  }
  // A row inserted the usual way takes the next id; the reservation, told so, goes on after it.
  auto usual = conn->query_one(
      "INSERT INTO territories (slug, name, created_at, updated_at) VALUES ('t4', 'T4', 0, 0) "
      "RETURNING id");
  EXPECT_GT(usual->integer(0), b);
  ids.forget();
  EXPECT_GT(ids.next(*conn), usual->integer(0));
  conn->commit();
  EXPECT_EQ(conn->query_one("SELECT COUNT(DISTINCT id) FROM territories")->integer(0), 4);
}

INSTANTIATE_TEST_SUITE_P(Engines, BulkTest, test::kEngines, test::engine_name);

TEST(WalCheckpointerTest, KeepsTheWalShortWhileAWriterCommitsWithoutCheckpointing) {
  auto db = test::make_test_db(Dialect::kSqlite);
  auto conn = db->acquire();
  std::string file = conn->query_one("PRAGMA database_list")->text(2);
  conn->execute("PRAGMA wal_autocheckpoint = 0");
  conn->execute_script(
      "CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB); PRAGMA wal_checkpoint(TRUNCATE)");
  auto wal_size = [&] {
    std::error_code error;
    auto size = std::filesystem::file_size(file + "-wal", error);
    return error ? std::uintmax_t{0} : size;
  };
  // 40 transactions of about 50 pages each: 8 MB through the WAL, which would hold all of it
  // without checkpoints.
  std::uintmax_t largest = 0;
  {
    WalCheckpointer checkpointer(*db, 100);
    for (int t = 0; t < 40; ++t) {
      conn->begin();
      for (int i = 0; i < 50; ++i) {
        conn->execute("INSERT INTO blobs (data) VALUES (randomblob(4000))");
      }
      conn->commit();
      checkpointer.committed();
      largest = std::max(largest, wal_size());
    }
  }
  EXPECT_LT(largest, std::uintmax_t{2} << 20);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM blobs")->integer(0), 2000);
  // What the WAL held is in the database file.
  conn->execute_script("PRAGMA wal_checkpoint(TRUNCATE)");
  EXPECT_GT(std::filesystem::file_size(file), std::uintmax_t{8} << 20);
}

}  // namespace
}  // namespace parcours::store

// Fresh, migrated databases for tests, on both engines: a temporary SQLite file, or a new
// PostgreSQL database created through PARCOURS_TEST_PG_ADMIN (see scripts/with-postgres.sh) and
// dropped with the Db. Without that variable a PostgreSQL test fails, it is never skipped.
//
//   class OrganisationsTest : public parcours::test::EngineTest {};
//   TEST_P(OrganisationsTest, X) { auto conn = db().acquire(); ... }
//   INSTANTIATE_TEST_SUITE_P(Engines, OrganisationsTest, parcours::test::kEngines,
//                            parcours::test::engine_name);
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>

#include "core/store/db.h"

namespace parcours::store {
// Lets gtest print "Sqlite"/"Postgres" instead of raw bytes in failure messages.
inline void PrintTo(Dialect dialect, std::ostream* out) {
  *out << (dialect == Dialect::kSqlite ? "Sqlite" : "Postgres");
}
}  // namespace parcours::store

namespace parcours::test {

// A new database with every migration applied; removed when the returned Db is destroyed.
std::unique_ptr<store::Db> make_test_db(store::Dialect dialect, int pool_size = 4);

// A new database with nothing in it, not even `schema_migrations`; removed like the above.
std::unique_ptr<store::Db> make_empty_test_db(store::Dialect dialect, int pool_size = 4);

// "Sqlite" or "Postgres", for test names.
std::string engine_name(const testing::TestParamInfo<store::Dialect>& info);

inline const auto kEngines = testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres);

// A test run once per engine, each with its own fresh database.
class EngineTest : public testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override { db_ = make_test_db(GetParam()); }
  void TearDown() override { db_.reset(); }
  store::Db& db() { return *db_; }

  std::unique_ptr<store::Db> db_;
};

}  // namespace parcours::test

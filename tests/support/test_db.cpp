// Temporary databases for tests. The returned Db wraps the real pool: leases go straight to it,
// and the wrapper's destructor closes every connection before removing the file or dropping the
// PostgreSQL database.
#include "support/test_db.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <boost/url.hpp>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <stdexcept>

#include "core/store/migrations.h"

namespace parcours::test {
namespace {

class TemporaryDb : public store::Db {
 public:
  TemporaryDb(std::unique_ptr<store::Db> inner, std::function<void()> cleanup)
      : inner_(std::move(inner)), cleanup_(std::move(cleanup)) {}
  ~TemporaryDb() override {
    inner_.reset();
    cleanup_();
  }
  store::Dialect dialect() const override { return inner_->dialect(); }
  store::ConnectionLease acquire() override { return inner_->acquire(); }

 protected:
  // Leases name the inner pool, so connections never come back through here.
  void release(std::unique_ptr<store::Connection> /*conn*/) override {}

 private:
  std::unique_ptr<store::Db> inner_;
  std::function<void()> cleanup_;
};

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return fmt::format("{}_{}_{:08x}", getpid(), counter++, random());
}

// Wraps `db` first, so that the cleanup runs even when a migration fails.
std::unique_ptr<store::Db> wrapped(std::unique_ptr<store::Db> db, std::function<void()> cleanup,
                                   bool migrate) {
  auto temporary = std::make_unique<TemporaryDb>(std::move(db), std::move(cleanup));
  if (migrate) store::migrate(*temporary->acquire());
  return temporary;
}

std::unique_ptr<store::Db> make_sqlite(int pool_size, bool migrate) {
  auto dir = std::filesystem::temp_directory_path() / ("parcours-test-" + unique_suffix());
  std::filesystem::create_directories(dir);
  auto cleanup = [dir] {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  };
  std::unique_ptr<store::Db> db;
  try {
    db = store::Db::open("sqlite:" + (dir / "test.db").string(), pool_size);
  } catch (...) {
    cleanup();
    throw;
  }
  return wrapped(std::move(db), cleanup, migrate);
}

std::unique_ptr<store::Db> make_postgres(int pool_size, bool migrate) {
  const char* admin = std::getenv("PARCOURS_TEST_PG_ADMIN");
  if (!admin || !*admin) {
    throw std::runtime_error(
        "PARCOURS_TEST_PG_ADMIN n'est pas défini : les tests PostgreSQL se lancent avec "
        "scripts/with-postgres.sh (par exemple ./scripts/test.sh build)");
  }
  std::string name = "parcours_t_" + unique_suffix();
  std::string admin_url = admin;
  {
    auto server = store::Db::open(admin_url, 1);
    server->acquire()->execute_script("CREATE DATABASE " + name);
  }
  boost::urls::url url(admin_url);
  url.set_path("/" + name);
  auto cleanup = [admin_url, name] {
    try {
      auto server = store::Db::open(admin_url, 1);
      server->acquire()->execute_script("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (const std::exception& e) {
      ADD_FAILURE() << "suppression de la base de test " << name << " impossible : " << e.what();
    }
  };
  std::unique_ptr<store::Db> db;
  try {
    db = store::Db::open(std::string(url.buffer()), pool_size);
  } catch (...) {
    cleanup();
    throw;
  }
  return wrapped(std::move(db), cleanup, migrate);
}

}  // namespace

std::unique_ptr<store::Db> make_test_db(store::Dialect dialect, int pool_size) {
  return dialect == store::Dialect::kSqlite ? make_sqlite(pool_size, true)
                                            : make_postgres(pool_size, true);
}

std::unique_ptr<store::Db> make_empty_test_db(store::Dialect dialect, int pool_size) {
  return dialect == store::Dialect::kSqlite ? make_sqlite(pool_size, false)
                                            : make_postgres(pool_size, false);
}

std::string engine_name(const testing::TestParamInfo<store::Dialect>& info) {
  return info.param == store::Dialect::kSqlite ? "Sqlite" : "Postgres";
}

}  // namespace parcours::test

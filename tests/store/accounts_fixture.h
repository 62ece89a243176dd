// A small world for the accounts store tests: one territory with two organisations, and a
// second territory with one, inserted directly so that these tests depend only on the schema.
#pragma once

#include <cstdint>

#include "core/clock.h"
#include "core/store/db.h"
#include "support/test_db.h"

namespace parcours::test {

struct AccountsWorld {
  std::int64_t ardennes = 0;
  std::int64_t marne = 0;
  std::int64_t mission_locale = 0;  // in the Ardennes
  std::int64_t ccas = 0;            // in the Ardennes
  std::int64_t caf_marne = 0;       // in the Marne
};

inline AccountsWorld make_accounts_world(store::Connection& conn) {
  auto territory = [&](const char* slug, const char* name) {
    return conn
        .query(
            "INSERT INTO territories (slug, name, created_at, updated_at) "
            "VALUES ($1, $2, 0, 0) RETURNING id",
            {slug, name})
        .at(0)
        .integer(0);
  };
  auto organisation = [&](std::int64_t territory_id, const char* slug, const char* name) {
    return conn
        .query(
            "INSERT INTO organisations (territory_id, slug, name, kind, created_at, "
            "updated_at) VALUES ($1, $2, $3, 'autre', 0, 0) RETURNING id",
            {territory_id, slug, name})
        .at(0)
        .integer(0);
  };
  AccountsWorld world;
  world.ardennes = territory("ardennes", "Ardennes");
  world.marne = territory("marne", "Marne");
  world.mission_locale = organisation(world.ardennes, "mission-locale", "Mission locale");
  world.ccas = organisation(world.ardennes, "ccas-sedan", "CCAS de Sedan");
  world.caf_marne = organisation(world.marne, "caf-marne", "CAF de la Marne");
  return world;
}

// An engine test with the accounts world, and the clock released after each test.
class AccountsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    auto conn = db().acquire();
    world_ = make_accounts_world(*conn);
  }
  void TearDown() override {
    pin_clock_for_tests(0);
    EngineTest::TearDown();
  }
  AccountsWorld world_;
};

}  // namespace parcours::test

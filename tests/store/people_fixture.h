// A small world for the people store tests, inserted directly so that they depend only on the
// schema: two territories (Ardennes 08, Marne 51) with the fixture geography, organisations,
// and accounts with their roles:
//   referent  — professional of the CD 08 (référent flag)
//   colleague — professional of the mission locale (08)
//   orienter  — chargée d'orientation of the CD 08
//   outsider  — professional of the CCAS (08), not in any team
//   manager   — territory manager of the Ardennes
//   admin     — national admin only
//   marne_pro — professional of the CAF of the Marne (51)
// The data key is fixed for the tests.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/store/db.h"
#include "features/people/nir_protection.h"
#include "features/people/persons.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::test {

struct PeopleWorld {
  std::int64_t ardennes = 0;
  std::int64_t marne = 0;
  std::int64_t cd08 = 0;
  std::int64_t mission_locale = 0;
  std::int64_t ccas = 0;
  std::int64_t caf_marne = 0;
  std::int64_t referent = 0;
  std::int64_t colleague = 0;
  std::int64_t orienter = 0;
  std::int64_t outsider = 0;
  std::int64_t manager = 0;
  std::int64_t admin = 0;
  std::int64_t marne_pro = 0;
};

inline void use_test_data_key() {
  auto key = people::parse_data_key(std::string(64, 'a'));
  people::set_data_key(*key);
}

inline PeopleWorld make_people_world(store::Connection& conn) {
  load_fixture_geography(conn);
  auto territory = [&](const char* slug, const char* name, const char* departement) {
    auto id = conn.query_one(
                      "INSERT INTO territories (slug, name, created_at, updated_at) "
                      "VALUES ($1, $2, 0, 0) RETURNING id",
                      {slug, name})
                  ->integer(0);
    conn.execute(
        "INSERT INTO territory_departements (territory_id, departement_code) VALUES ($1, $2)",
        {id, departement});
    return id;
  };
  auto organisation = [&](std::int64_t territory_id, const char* slug, const char* name) {
    return conn
        .query_one(
            "INSERT INTO organisations (territory_id, slug, name, kind, email, phone, "
            "created_at, updated_at) VALUES ($1, $2, $3, 'autre', $4, '03 24 00 00 00', 0, 0) "
            "RETURNING id",
            {territory_id, slug, name, std::string(slug) + "@structure.test"})
        ->integer(0);
  };
  auto user = [&](const char* email, const char* name) {
    return conn
        .query_one(
            "INSERT INTO users (email, name, created_at, updated_at) VALUES ($1, $2, 0, 0) "
            "RETURNING id",
            {email, name})
        ->integer(0);
  };
  auto role = [&](std::int64_t user_id, const char* role, store::Value territory,
                  store::Value organisation, bool orientation, bool referent) {
    conn.execute(
        "INSERT INTO user_roles (user_id, role, territory_id, organisation_id, orientation, "
        "referent, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 0, 0)",
        {user_id, role, territory, organisation, store::boolean(orientation),
         store::boolean(referent)});
  };
  PeopleWorld w;
  w.ardennes = territory("ardennes", "Ardennes", "08");
  w.marne = territory("marne", "Marne", "51");
  w.cd08 = organisation(w.ardennes, "cd08", "CD 08");
  w.mission_locale = organisation(w.ardennes, "ml", "Mission locale");
  w.ccas = organisation(w.ardennes, "ccas", "CCAS de Sedan");
  w.caf_marne = organisation(w.marne, "caf51", "CAF de la Marne");
  w.referent = user("referent@test.fr", "Sofia Martin");
  role(w.referent, "professional", nullptr, w.cd08, false, true);
  w.colleague = user("colleague@test.fr", "Karim Benali");
  role(w.colleague, "professional", nullptr, w.mission_locale, false, true);
  w.orienter = user("orienter@test.fr", "Claire Petit");
  role(w.orienter, "professional", nullptr, w.cd08, true, false);
  w.outsider = user("outsider@test.fr", "Paul Girard");
  role(w.outsider, "professional", nullptr, w.ccas, false, false);
  w.manager = user("manager@test.fr", "Nadia Roux");
  role(w.manager, "territory_manager", w.ardennes, nullptr, false, false);
  w.admin = user("admin@test.fr", "Admin National");
  role(w.admin, "admin", nullptr, nullptr, false, false);
  w.marne_pro = user("marne@test.fr", "Luc Marnais");
  role(w.marne_pro, "professional", nullptr, w.caf_marne, false, true);
  return w;
}

// An engine test with the people world and the test data key; the clock is released after.
class PeopleTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    use_test_data_key();
    auto conn = db().acquire();
    world_ = make_people_world(*conn);
  }
  void TearDown() override {
    pin_clock_for_tests(0);
    EngineTest::TearDown();
  }

  static people::PersonForm sofia_form() {
    people::PersonForm f;
    f.identity = {.birth_name = "Durand",
                  .usage_name = "Lefèvre-Martin",
                  .first_names = "Sofia Marie",
                  .birth_date = "12/03/1984",
                  .sex = "F",
                  .nir = "2 84 05 08 123 456 38"};
    f.contact = {.email = "Sofia.Durand@exemple.fr", .phone = "06 12 34 56 78", .commune = "Sedan"};
    return f;
  }

  PeopleWorld world_;
};

}  // namespace parcours::test

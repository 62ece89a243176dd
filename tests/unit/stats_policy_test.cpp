// The pilotage policy as a matrix of roles × actions: a territory manager sees its whole
// territory, an organisation admin its organisation's scope in its territory, a national admin
// the national view only; professionals and visitors nothing. Deny by default.
#include <gtest/gtest.h>

#include "features/stats/policy.h"

namespace parcours::stats {
namespace {

using security::Grant;
using security::Role;

security::Actor with(std::vector<Grant> grants, std::optional<std::int64_t> acting = {}) {
  security::Actor actor;
  actor.user_id = 1;
  actor.grants = std::move(grants);
  actor.acting_organisation_id = acting;
  return actor;
}

TEST(StatsPolicy, Matrix) {
  constexpr std::int64_t kOwn = 8;
  constexpr std::int64_t kOther = 51;
  constexpr std::int64_t kOrg = 3;
  struct Case {
    const char* who;
    MaybeActor actor;
    bool navigation;
    bool national;
    std::optional<Scope> own;  // expected scope in kOwn
  };
  const Case cases[] = {
      {"visitor", std::nullopt, false, false, std::nullopt},
      {"admin", with({{.role = Role::kAdmin}}), true, true, std::nullopt},
      {"territory manager", with({{.role = Role::kTerritoryManager, .territory_id = kOwn}}), true,
       false, Scope{kOwn, std::nullopt}},
      {"org admin",
       with(
           {{.role = Role::kOrgAdmin, .organisation_id = kOrg, .organisation_territory_id = kOwn}}),
       true, false, Scope{kOwn, kOrg}},
      {"professional référent and chargé d'orientation",
       with({{.role = Role::kProfessional,
              .organisation_id = kOrg,
              .organisation_territory_id = kOwn,
              .orientation = true,
              .referent = true}}),
       false, false, std::nullopt},
      {"admin who also manages the territory",
       with({{.role = Role::kAdmin}, {.role = Role::kTerritoryManager, .territory_id = kOwn}}),
       true, true, Scope{kOwn, std::nullopt}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(may_see_pilotage(c.actor), c.navigation) << c.who;
    EXPECT_EQ(may_view_national(c.actor), c.national) << c.who;
    auto scope = territory_scope(c.actor, kOwn);
    ASSERT_EQ(scope.has_value(), c.own.has_value()) << c.who;
    if (scope) {
      EXPECT_EQ(scope->territory_id, c.own->territory_id) << c.who;
      EXPECT_EQ(scope->organisation_id, c.own->organisation_id) << c.who;
    }
    EXPECT_FALSE(territory_scope(c.actor, kOther)) << c.who;
  }
}

TEST(StatsPolicy, AnOrganisationAdminOfTwoOrganisationsSeesTheActingOne) {
  auto actor =
      with({{.role = Role::kOrgAdmin, .organisation_id = 3, .organisation_territory_id = 8},
            {.role = Role::kOrgAdmin, .organisation_id = 4, .organisation_territory_id = 8}},
           4);
  EXPECT_EQ(territory_scope(actor, 8)->organisation_id, 4);
  actor.acting_organisation_id.reset();
  EXPECT_EQ(territory_scope(actor, 8)->organisation_id, 3);
}

}  // namespace
}  // namespace parcours::stats

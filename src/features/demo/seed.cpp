#include "features/demo/seed.h"

#include <optional>

#include "core/atomic.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/accounts/users.h"
#include "features/appointments/demo.h"
#include "features/catalogue/demo.h"
#include "features/demo/activity.h"
#include "features/demo/persons.h"
#include "features/diagnostic/demo.h"
#include "features/followup/demo.h"
#include "features/geo/communes.h"
#include "features/organisations/organisation.h"
#include "features/orientation/demo.h"
#include "features/plan/demo.h"
#include "features/referrals/demo.h"
#include "features/stats/projection.h"
#include "features/territories/territory.h"

namespace parcours::demo {
namespace {

using security::Role;

struct DemoOrganisation {
  const char* name;
  const char* kind;
  const char* address;
  const char* commune;  // INSEE code
  const char* email;
  const char* phone;
};

constexpr DemoOrganisation kOrganisations[] = {
    {"Conseil départemental des Ardennes", "conseil_departemental",
     "Hôtel du Département, place de la Préfecture", "08105", "insertion@demo-ardennes.test",
     "03 24 59 60 60"},
    {"France Travail Charleville-Mézières", "france_travail", "13 avenue Georges Corneau", "08105",
     "charleville@demo-francetravail.test", "03 24 33 54 00"},
    {"CAF des Ardennes", "caf", "2 rue de Clèves", "08105", "accueil@demo-caf08.test",
     "03 24 56 60 00"},
    {"Mission locale de Charleville-Mézières", "mission_locale", "18 avenue Jean Jaurès", "08105",
     "contact@demo-missionlocale08.test", "03 24 33 19 20"},
    {"CCAS de Sedan", "ccas", "Place d’Alsace-Lorraine", "08409", "ccas@demo-sedan.test",
     "03 24 27 73 73"},
    {"Association Le Relais ardennais", "association", "7 rue des Moulins", "08362",
     "contact@demo-relais-ardennais.test", "03 24 38 10 20"},
    {"Atelier-chantier d’insertion Les Jardins de la Meuse", "siae", "4 quai de la Meuse", "08363",
     "jardins@demo-meuse.test", "03 24 40 11 22"},
};

struct DemoRole {
  Role role;
  int organisation = -1;  // index in kOrganisations; -1 for admin and territory manager
  bool orientation = false;
  bool referent = false;
};

struct DemoUser {
  const char* email;
  const char* name;
  const char* description;
  std::vector<DemoRole> roles;
};

const std::vector<DemoUser>& demo_users() {
  static const std::vector<DemoUser> users{
      {"admin@demo.test", "Camille Martin", "administratrice nationale", {{Role::kAdmin}}},
      {"territoire@demo.test",
       "Dominique Lefèvre",
       "responsable du territoire des Ardennes",
       {{Role::kTerritoryManager}}},
      {"structure@demo.test",
       "Sophie Bernard",
       "administratrice du Conseil départemental des Ardennes",
       {{Role::kOrgAdmin, 0}}},
      {"orientation@demo.test",
       "Karim Haddad",
       "chargé d’orientation au Conseil départemental des Ardennes",
       {{Role::kProfessional, 0, true, false}}},
      {"referent@demo.test",
       "Sofia Moreau",
       "référente à la Mission locale et à l’Association Le Relais ardennais (deux structures)",
       {{Role::kProfessional, 3, false, true}, {Role::kProfessional, 5, false, true}}},
  };
  return users;
}

// Fails the transaction with the error of a step.
template <typename T>
T or_throw(Result<T> result) {
  if (!result) throw std::runtime_error(result.error().message);
  return std::move(*result);
}

}  // namespace

bool is_demo(store::Connection& conn) {
  auto row = conn.query_one("SELECT value FROM meta WHERE key = 'demo'");
  return row && row->text(0) == "1";
}

Result<SeedSummary> seed_demo(store::Connection& conn, const std::string& password) {
  if (!geo::geography_loaded(conn) || !geo::departement_exists(conn, "08")) {
    return fail(ErrorCode::kInvalid,
                "La géographie n’est pas chargée : lancez d’abord « parcours load-geo ».");
  }
  try {
    return atomically(conn, [&]() -> Result<SeedSummary> {
      SeedSummary summary;
      conn.execute(
          "INSERT INTO meta (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO UPDATE SET "
          "value = excluded.value");

      auto territory = territories::find_territory_by_slug(conn, "ardennes");
      std::int64_t territory_id =
          territory
              ? territory->id
              : or_throw(territories::create_territory(
                    conn,
                    {.name = "Ardennes",
                     .slug = "ardennes",
                     .departements = "08",
                     .orientation_deadline_days = std::to_string(territories::kDefaultDeadlineDays),
                     .deadline_mode = "calendar",
                     .retention_months = std::to_string(territories::kDefaultRetentionMonths)},
                    std::nullopt));

      std::vector<std::int64_t> org_ids;
      for (const auto& o : kOrganisations) {
        if (auto existing = organisations::find_organisation_by_slug(conn, text::slugify(o.name))) {
          org_ids.push_back(existing->id);
          continue;
        }
        org_ids.push_back(or_throw(
            organisations::create_organisation(conn,
                                               {.territory_id = std::to_string(territory_id),
                                                .name = o.name,
                                                .kind = o.kind,
                                                .address = o.address,
                                                .commune = o.commune,
                                                .email = o.email,
                                                .phone = o.phone},
                                               std::nullopt)));
        ++summary.organisations_created;
      }

      for (const auto& u : demo_users()) {
        auto user_id = accounts::find_user_by_email(conn, u.email);
        if (!user_id) {
          user_id = or_throw(accounts::create_user(
              conn, {.email = u.email, .name = u.name, .password = password}, std::nullopt));
          ++summary.accounts_created;
        }
        for (const auto& r : u.roles) {
          accounts::NewRole role{
              .role = r.role, .orientation = r.orientation, .referent = r.referent};
          if (r.role == Role::kTerritoryManager) role.territory_id = territory_id;
          if (r.organisation >= 0) role.organisation_id = org_ids[r.organisation];
          or_throw(accounts::grant_role(conn, *user_id, role, std::nullopt));
        }
        summary.accounts.push_back({u.email, u.description});
      }

      summary.persons_created = seed_demo_persons(conn, territory_id, org_ids, password);
      diagnostic::seed_demo_diagnostics(conn, territory_id);
      orientation::seed_demo_orientation(conn, territory_id);
      catalogue::seed_demo_catalogue(conn, territory_id, org_ids);
      referrals::seed_demo_referrals(conn, territory_id, org_ids);
      appointments::seed_demo_appointments(conn, territory_id);
      plan::seed_demo_plans(conn, territory_id);
      summary.persons_created += followup::seed_demo_nicolas(conn, territory_id, org_ids);
      summary.persons_created += seed_demo_activity(conn, territory_id, org_ids, password);
      stats::catch_up(conn);  // the dashboards are ready when the demo starts

      store::append_event(
          conn, {.kind = "demo.seeded",
                 .territory_id = territory_id,
                 .payload_json =
                     "{\"organisations_created\":" + std::to_string(summary.organisations_created) +
                     ",\"accounts_created\":" + std::to_string(summary.accounts_created) + "}"});
      return summary;
    });
  } catch (const std::runtime_error& e) {
    if (dynamic_cast<const store::StoreError*>(&e)) throw;
    return fail(ErrorCode::kInvalid,
                std::string("Données de démonstration refusées : ") + e.what());
  }
}

}  // namespace parcours::demo

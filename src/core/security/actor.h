// Who is acting: a signed-in account and the roles it holds. An account can hold several roles
// in several organisations and territories (one-role accounts locked Carnet de bord users out);
// when it belongs to several organisations it acts for one at a time (`acting_organisation_id`).
// Policies of each feature read an Actor and answer yes or no; they deny by default.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parcours::security {

enum class Role { kAdmin, kTerritoryManager, kOrgAdmin, kProfessional };

const char* role_code(Role role);   // "admin", "territory_manager", "org_admin", "professional"
const char* role_label(Role role);  // "Administrateur national", "Responsable de territoire"...
std::optional<Role> parse_role(std::string_view code);

struct Grant {
  Role role;
  std::optional<std::int64_t> territory_id;     // territory_manager: the territory
  std::optional<std::int64_t> organisation_id;  // org_admin, professional: the organisation
  std::optional<std::int64_t> organisation_territory_id;  // the territory of that organisation
  bool orientation = false;                               // chargé(e) d'orientation
  bool referent = false;                                  // référent(e) de parcours
};

struct Actor {
  std::int64_t user_id = 0;
  std::string email;
  std::string name;
  std::vector<Grant> grants;
  std::optional<std::int64_t> acting_organisation_id;

  bool is_admin() const;
  bool manages_territory(std::int64_t territory_id) const;
  bool administers_organisation(std::int64_t organisation_id) const;  // org_admin of it
  bool member_of_organisation(std::int64_t organisation_id) const;    // any role in it
  // Organisations the account belongs to, in grant order, without duplicates.
  std::vector<std::int64_t> organisation_ids() const;
  // Territories the account works in (managed, or of its organisations).
  std::vector<std::int64_t> territory_ids() const;
};

}  // namespace parcours::security

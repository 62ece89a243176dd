#include "core/security/actor.h"

#include <algorithm>

namespace parcours::security {

const char* role_code(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kTerritoryManager:
      return "territory_manager";
    case Role::kOrgAdmin:
      return "org_admin";
    case Role::kProfessional:
      return "professional";
  }
  return "";
}

const char* role_label(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "Administrateur national";
    case Role::kTerritoryManager:
      return "Responsable de territoire";
    case Role::kOrgAdmin:
      return "Administrateur de structure";
    case Role::kProfessional:
      return "Professionnel";
  }
  return "";
}

std::optional<Role> parse_role(std::string_view code) {
  for (Role r : {Role::kAdmin, Role::kTerritoryManager, Role::kOrgAdmin, Role::kProfessional}) {
    if (code == role_code(r)) return r;
  }
  return std::nullopt;
}

bool Actor::is_admin() const {
  return std::any_of(grants.begin(), grants.end(),
                     [](const Grant& g) { return g.role == Role::kAdmin; });
}

bool Actor::manages_territory(std::int64_t territory_id) const {
  return std::any_of(grants.begin(), grants.end(), [&](const Grant& g) {
    return g.role == Role::kTerritoryManager && g.territory_id == territory_id;
  });
}

bool Actor::administers_organisation(std::int64_t organisation_id) const {
  return std::any_of(grants.begin(), grants.end(), [&](const Grant& g) {
    return g.role == Role::kOrgAdmin && g.organisation_id == organisation_id;
  });
}

bool Actor::member_of_organisation(std::int64_t organisation_id) const {
  return std::any_of(grants.begin(), grants.end(),
                     [&](const Grant& g) { return g.organisation_id == organisation_id; });
}

std::vector<std::int64_t> Actor::organisation_ids() const {
  std::vector<std::int64_t> ids;
  for (const Grant& g : grants) {
    if (g.organisation_id && std::find(ids.begin(), ids.end(), *g.organisation_id) == ids.end()) {
      ids.push_back(*g.organisation_id);
    }
  }
  return ids;
}

std::vector<std::int64_t> Actor::territory_ids() const {
  std::vector<std::int64_t> ids;
  for (const Grant& g : grants) {
    for (auto t : {g.territory_id, g.organisation_territory_id}) {
      if (t && std::find(ids.begin(), ids.end(), *t) == ids.end()) ids.push_back(*t);
    }
  }
  return ids;
}

}  // namespace parcours::security

// Organisations (structures): a conseil départemental, a France Travail agency, a CAF, an
// association... Each belongs to one territory, has a type, an optional SIRET, an address in
// a commune of its territory, and a stable identifier (slug) derived from its name. Every change
// is journaled in the same transaction (`organisation.created`, `organisation.updated`,
// `organisation.deactivated`, `organisation.reactivated`) with the territory and what changed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/organisations/policy.h"

namespace parcours::organisations {

struct Organisation {
  std::int64_t id = 0;
  std::int64_t territory_id = 0;
  std::string territory_name;
  std::string slug;
  std::string name;
  std::string kind;
  std::optional<std::string> siret;
  std::string address;
  std::string postcode;
  std::optional<std::string> commune_code;
  std::string commune_name;
  std::string email;
  std::string phone;
  bool active = true;
  std::int64_t members_version = 0;  // bumped by the database on any change of its members

  OrganisationRef ref() const { return {id, territory_id}; }
};

// What a form sends, as typed.
struct OrganisationForm {
  std::string territory_id;
  std::string name;
  std::string kind;
  std::string siret;
  std::string address;
  std::string postcode;
  std::string commune;  // "Sedan (08409)", a name, a postcode or an INSEE code
  std::string email;
  std::string phone;
};

OrganisationForm form_of(const Organisation& org);

struct OrganisationFilter {
  std::optional<std::int64_t> territory_id;
  bool include_inactive = true;
};

// Ordered by territory name, then organisation name.
std::vector<Organisation> list_organisations(store::Connection& conn,
                                             const OrganisationFilter& filter = {});
std::optional<Organisation> find_organisation(store::Connection& conn, std::int64_t id);
std::optional<Organisation> find_organisation_by_slug(store::Connection& conn,
                                                      const std::string& slug);

// Creates an organisation in form.territory_id; returns its id.
Result<std::int64_t> create_organisation(store::Connection& conn, const OrganisationForm& form,
                                         std::optional<std::int64_t> actor_id);

// Updates it; `allow_move` lets form.territory_id differ from the current territory.
Result<void> update_organisation(store::Connection& conn, std::int64_t id,
                                 const OrganisationForm& form, bool allow_move,
                                 std::optional<std::int64_t> actor_id);

// Deactivates (active = false) or reactivates it.
Result<void> set_organisation_active(store::Connection& conn, std::int64_t id, bool active,
                                     std::optional<std::int64_t> actor_id);

}  // namespace parcours::organisations

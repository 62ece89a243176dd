// An organisation's offer of services, as its members edit it: the form (every data·inclusion
// field as typed), its checks with French messages naming the form's field, and the changes —
// create, edit, publish, archive, back to draft, confirm it is up to date — each journaled
// ("service.created", "service.updated", "service.published", "service.archived",
// "service.drafted", "service.confirmed"; no person, the organisation's territory) in the same
// transaction. A Parcours organisation gets its one structure row (source "parcours", id
// "parcours--<slug>") with its first service.
//
//   auto checked = check_form(conn, form, org);           // FormCheck: service + errors
//   auto created = create_service(conn, org, form, user);  // Result<Service>
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/catalogue/service.h"
#include "features/organisations/organisation.h"

namespace parcours::catalogue {

// What the form sends, as typed. Form fields are named after the data·inclusion fields; the zone
// is split into "zone_france", "zone_departements", "zone_epci", "zone_communes" (INSEE codes
// already chosen) and "zone_commune_ajout" (a commune typed to add).
struct ServiceForm {
  std::string nom;
  std::string description;
  std::string type;
  std::vector<std::string> thematiques;
  std::string frais;
  std::string frais_precisions;
  std::vector<std::string> publics;
  std::string publics_precisions;
  std::string conditions_acces;
  std::vector<std::string> modes_accueil;
  bool zone_france = false;
  std::vector<std::string> zone_departements;
  std::vector<std::string> zone_epci;
  std::vector<std::string> zone_communes;
  std::string zone_commune_ajout;
  std::string adresse;
  std::string complement_adresse;
  std::string code_postal;
  std::string commune;  // "Sedan (08409)", a name, a postcode or an INSEE code
  std::string latitude;
  std::string longitude;
  std::string contact_nom_prenom;
  std::string courriel;
  std::string telephone;
  std::vector<std::string> modes_mobilisation;
  std::vector<std::string> mobilisable_par;
  std::string mobilisation_precisions;
  std::string lien_mobilisation;
  std::string lien_source;
  std::string horaires_accueil;
  std::string volume_horaire_hebdomadaire;
  std::string nombre_semaines;
};

ServiceForm form_of(store::Connection& conn, const Service& service);

// The French label of a form field ("nom" -> "Nom du service").
std::string field_label(std::string_view field);

// The form checked: the service it describes, and every error (field = form field, message in
// French starting with the field's label). `form` is updated with what was resolved (the added
// commune joins zone_communes, the commune field is written "Sedan (08409)").
struct FormCheck {
  Service service;
  std::vector<Error> errors;
};
FormCheck check_form(store::Connection& conn, ServiceForm& form);

// The structure of a Parcours organisation, created (journaled) when it has none yet.
Structure organisation_structure(store::Connection& conn, const organisations::Organisation& org);

// The organisation a service belongs to (through its structure), if any.
std::optional<organisations::Organisation> service_organisation(store::Connection& conn,
                                                                const Service& service);

// A new draft service of `org`. kInvalid with the first error when the form has errors (nothing
// written); the page shows them all through check_form.
Result<Service> create_service(store::Connection& conn, const organisations::Organisation& org,
                               ServiceForm form, std::int64_t user_id);
Result<Service> update_service(store::Connection& conn, const organisations::Organisation& org,
                               std::int64_t service_id, ServiceForm form, std::int64_t user_id);

// Moves a service to `status` (draft, published, archived) along the allowed transitions:
// draft -> published, published -> archived or draft, archived -> draft. kConflict otherwise.
Result<Service> change_status(store::Connection& conn, const organisations::Organisation& org,
                              std::int64_t service_id, const std::string& status,
                              std::int64_t user_id);
bool transition_allowed(std::string_view from, std::string_view to);

// Marks the service as checked today (date_maj), without other change.
Result<Service> confirm_up_to_date(store::Connection& conn, const organisations::Organisation& org,
                                   std::int64_t service_id, std::int64_t user_id);

// ---- freshness ----

// A service is stale when published and its date_maj is more than 6 months (182 days) old.
inline constexpr std::int64_t kStaleAfterDays = 182;
std::optional<std::int64_t> days_since(std::string_view iso_date);
bool is_stale(const Service& service);
// "mis à jour aujourd’hui", "mis à jour il y a 3 jours", "il y a 3 mois", "il y a plus d’un an".
std::string freshness_label(std::string_view iso_date);
// "12 mars 2027".
std::string format_date_fr(std::string_view iso_date);
// "Brouillon", "Publié", "Archivé".
std::string status_label(std::string_view status);

}  // namespace parcours::catalogue

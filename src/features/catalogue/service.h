// The catalogue's model: structures and services in the data·inclusion v1 model
// (data/reference/data-inclusion/v1/{structure,service}.json), stored in the tables of
// migrations/0010_catalogue.sql. One member per data·inclusion field (std::optional when the
// field is nullable; lists are vectors of vocabulary codes, empty when null), plus the row's id,
// its status and timestamps.
//
// Validation names the data·inclusion field in French (« zone_eligibilite : le code 123 n'est ni
// une commune, ni un département, ni un EPCI. »). The store upserts by (source, data·inclusion id)
// and says whether anything changed: re-upserting an unchanged record leaves updated_at as is.
//
//   auto service = service_from_data_inclusion(record);   // Result<Service>
//   auto changed = upsert_service(conn, *service);        // Result<bool>, sets service->id
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/catalogue/vocabulary.h"

namespace parcours::catalogue {

inline constexpr const char* kSourceParcours = "parcours";
inline constexpr const char* kDraft = "draft";
inline constexpr const char* kPublished = "published";
inline constexpr const char* kArchived = "archived";

struct Structure {
  std::int64_t id = 0;
  std::string source;
  std::string di_id;  // data·inclusion "id", e.g. "dora--42"
  std::optional<std::int64_t> organisation_id;
  std::string nom;
  std::optional<std::string> description;
  std::optional<std::string> siret;
  std::optional<std::string> adresse;
  std::optional<std::string> complement_adresse;
  std::optional<std::string> code_postal;
  std::optional<std::string> commune;
  std::optional<std::string> code_insee;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<std::string> telephone;
  std::optional<std::string> courriel;
  std::optional<std::string> site_web;
  std::optional<std::string> lien_source;
  std::optional<std::string> horaires_accueil;
  std::optional<std::string> accessibilite_lieu;
  std::vector<std::string> reseaux_porteurs;
  std::string date_maj;  // YYYY-MM-DD
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct Service {
  std::int64_t id = 0;
  std::string source;
  std::string di_id;              // data·inclusion "id"
  std::int64_t structure_id = 0;  // structures.id (resolved from structure_di_id when 0)
  std::string structure_di_id;    // data·inclusion "structure_id"
  std::string status = kPublished;
  std::string nom;
  std::string description;
  std::optional<std::string> type;
  std::vector<std::string> thematiques;
  std::optional<std::string> frais;
  std::optional<std::string> frais_precisions;
  std::vector<std::string> publics;
  std::optional<std::string> publics_precisions;
  std::optional<std::string> conditions_acces;
  std::vector<std::string> modes_accueil;
  std::vector<std::string> zone_eligibilite;  // commune, département, EPCI SIREN, "france"
  std::optional<std::string> adresse;
  std::optional<std::string> complement_adresse;
  std::optional<std::string> code_postal;
  std::optional<std::string> commune;
  std::optional<std::string> code_insee;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<std::string> contact_nom_prenom;
  std::optional<std::string> courriel;
  std::optional<std::string> telephone;
  std::vector<std::string> modes_mobilisation;
  std::vector<std::string> mobilisable_par;
  std::optional<std::string> mobilisation_precisions;
  std::optional<std::string> lien_mobilisation;
  std::optional<std::string> lien_source;
  std::optional<std::string> horaires_accueil;  // OSM opening_hours
  std::optional<double> volume_horaire_hebdomadaire;
  std::optional<std::int64_t> nombre_semaines;
  std::string date_maj;  // YYYY-MM-DD
  double score_qualite = 0;
  std::optional<std::int64_t> created_by;
  std::optional<std::int64_t> updated_by;
  std::optional<std::int64_t> reminded_at;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// ---- data·inclusion JSON ----------------------------------------------------------------------

// A record of the data·inclusion format, checked field by field (types, lengths, formats,
// vocabularies, zone codes' shape). kInvalid: `field` is the data·inclusion field, the message
// starts with it ("frais : « libre » n'est pas une valeur acceptée (gratuit, payant).").
Result<Service> service_from_data_inclusion(const boost::json::object& record);
Result<Structure> structure_from_data_inclusion(const boost::json::object& record);

// Every data·inclusion field, nulls included; lists as arrays.
boost::json::object service_to_data_inclusion(const Service& service);
boost::json::object structure_to_data_inclusion(const Structure& structure);

// ---- validation -------------------------------------------------------------------------------

// Every field error of a service or structure (field = data·inclusion field, message in French
// without the field's name, e.g. "entre 3 et 150 caractères."), in the order of the fields.
std::vector<Error> service_errors(const Service& service);
std::vector<Error> structure_errors(const Structure& structure);

// The zone codes that name no known commune, département or EPCI of the geography (`france`
// and foreign countries, 99xxx, are always known). Errors on field "zone_eligibilite".
std::vector<Error> zone_errors(store::Connection& conn, const std::vector<std::string>& zone);

// Whether `code` has the shape of a zone code (5-character commune, 2-3-character département,
// 9-digit EPCI, 99xxx foreign country, "france"), and which kind it is.
enum class ZoneKind { kCommune, kDepartement, kEpci, kPays, kFrance };
std::optional<ZoneKind> zone_kind(std::string_view code);

// Whether `date` is a real date written YYYY-MM-DD.
bool is_iso_date(std::string_view date);
// Today's date (UTC, through the clock) as YYYY-MM-DD.
std::string today_iso();
// The date `days` days before today (UTC, through the clock), YYYY-MM-DD.
std::string days_ago_iso(std::int64_t days);

// ---- quality score ----------------------------------------------------------------------------

// One criterion of the quality score: its data·inclusion name, a French sentence saying what it
// asks, and the service's mark between 0 and 1 (empty when the criterion does not apply).
struct Criterion {
  std::string name;
  std::string label;
  std::optional<double> value;
};
std::vector<Criterion> quality_criteria(const Service& service);
// The mean of the applicable criteria, rounded to 2 decimals (0..1).
double quality_score(const Service& service);

// ---- store ------------------------------------------------------------------------------------

// Inserts or updates by (source, di_id); sets `structure.id` and its timestamps. Returns
// whether anything changed (an identical record leaves the row, updated_at included, as is).
bool upsert_structure(store::Connection& conn, Structure& structure);

// Inserts or updates by (source, di_id); resolves `structure_id` from (source,
// structure_di_id) when 0 (kInvalid on "structure_id" when unknown); computes score_qualite; sets
// `service.id` and timestamps. Returns whether anything changed: an unchanged record leaves
// updated_at as is (its score is refreshed silently, since it ages with date_maj).
Result<bool> upsert_service(store::Connection& conn, Service& service);
// The insert of upsert_service, for a service known not to exist yet (an import that has just
// looked its batch up): one statement instead of two. `structure_id` must be set.
void insert_service(store::Connection& conn, Service& service);

std::optional<Service> find_service(store::Connection& conn, std::int64_t id);
std::optional<Service> find_service_by_di_id(store::Connection& conn, std::string_view source,
                                             std::string_view di_id);
std::optional<Structure> find_structure(store::Connection& conn, std::int64_t id);
std::optional<Structure> find_structure_by_di_id(store::Connection& conn, std::string_view source,
                                                 std::string_view di_id);
std::optional<Structure> find_structure_by_organisation(store::Connection& conn,
                                                        std::int64_t organisation_id);

// The services of a structure (every status), by name.
std::vector<Service> structure_services(store::Connection& conn, std::int64_t structure_id);

// The columns of `services` in the order service_from_row reads them (for other features'
// queries: "SELECT " + kServiceColumns + " FROM services s ...", with the alias `s`).
extern const char* const kServiceColumns;
Service service_from_row(const store::Row& row);

}  // namespace parcours::catalogue

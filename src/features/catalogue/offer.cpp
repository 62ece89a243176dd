#include "features/catalogue/offer.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>

#include "core/atomic.h"
#include "core/changes.h"
#include "core/clock.h"
#include "core/http/tokens.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/geo/communes.h"
#include "features/search/index.h"

namespace parcours::catalogue {
namespace {

namespace json = boost::json;

const std::map<std::string, std::string, std::less<>>& labels() {
  static const std::map<std::string, std::string, std::less<>> map = {
      {"nom", "Nom du service"},
      {"description", "Description"},
      {"type", "Type de service"},
      {"thematiques", "Thématiques"},
      {"frais", "Frais"},
      {"frais_precisions", "Précisions sur les frais"},
      {"publics", "Publics"},
      {"publics_precisions", "Précisions sur les publics"},
      {"conditions_acces", "Conditions d’accès"},
      {"modes_accueil", "Modes d’accueil"},
      {"zone_eligibilite", "Zone d’éligibilité"},
      {"zone_commune_ajout", "Ajouter une commune"},
      {"adresse", "Adresse"},
      {"complement_adresse", "Complément d’adresse"},
      {"code_postal", "Code postal"},
      {"commune", "Commune"},
      {"code_insee", "Commune"},
      {"latitude", "Latitude"},
      {"longitude", "Longitude"},
      {"contact_nom_prenom", "Nom et prénom du contact"},
      {"courriel", "Adresse électronique"},
      {"telephone", "Téléphone"},
      {"modes_mobilisation", "Modes de mobilisation"},
      {"mobilisable_par", "Mobilisable par"},
      {"mobilisation_precisions", "Précisions sur la mobilisation"},
      {"lien_mobilisation", "Lien de mobilisation"},
      {"lien_source", "Lien vers la page du service"},
      {"horaires_accueil", "Horaires d’accueil"},
      {"volume_horaire_hebdomadaire", "Volume horaire hebdomadaire"},
      {"nombre_semaines", "Nombre de semaines"},
      {"date_maj", "Date de mise à jour"},
  };
  return map;
}

std::optional<std::string> opt(const std::string& typed) {
  std::string value = text::trim(typed);
  if (value.empty()) return std::nullopt;
  return value;
}

std::vector<std::string> unique(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    std::string trimmed = text::trim(v);
    if (!trimmed.empty() && std::find(out.begin(), out.end(), trimmed) == out.end()) {
      out.push_back(trimmed);
    }
  }
  return out;
}

// "49,7735" or "49.7735".
std::optional<double> parse_decimal(std::string typed) {
  std::replace(typed.begin(), typed.end(), ',', '.');
  double value = 0;
  auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), value);
  if (ec != std::errc() || end != typed.data() + typed.size()) return std::nullopt;
  return value;
}

std::string format_decimal(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string s(buffer, ec == std::errc() ? end : buffer);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

void add_error(std::vector<Error>& errors, const std::string& field, const std::string& message) {
  errors.push_back({ErrorCode::kInvalid, field_label(field) + " : " + message, field});
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string new_di_id() {
  return std::string(kSourceParcours) + "--" + http::hash_hex(http::random_token()).substr(0, 20);
}

// The service of `org` with this id, or kNotFound.
Result<Service> own_service(store::Connection& conn, const organisations::Organisation& org,
                            std::int64_t service_id) {
  auto service = find_service(conn, service_id);
  auto structure = find_structure_by_organisation(conn, org.id);
  if (!service || !structure || service->structure_id != structure->id) {
    return fail(ErrorCode::kNotFound, "Ce service n’existe pas.");
  }
  return *service;
}

void journal(store::Connection& conn, const organisations::Organisation& org, const char* kind,
             std::int64_t user_id, json::object payload) {
  store::append_event(conn, {.kind = kind,
                             .territory_id = org.territory_id,
                             .actor_id = user_id,
                             .payload_json = json::serialize(payload)});
}

// The data·inclusion fields of a service without its date (what an edit compares).
json::object content_of(const Service& service) {
  auto o = service_to_data_inclusion(service);
  o.erase("date_maj");
  return o;
}

}  // namespace

std::string field_label(std::string_view field) {
  auto it = labels().find(field);
  return it == labels().end() ? std::string(field) : it->second;
}

ServiceForm form_of(store::Connection& conn, const Service& s) {
  ServiceForm f;
  f.nom = s.nom;
  f.description = s.description;
  f.type = s.type.value_or("");
  f.thematiques = s.thematiques;
  f.frais = s.frais.value_or("");
  f.frais_precisions = s.frais_precisions.value_or("");
  f.publics = s.publics;
  f.publics_precisions = s.publics_precisions.value_or("");
  f.conditions_acces = s.conditions_acces.value_or("");
  f.modes_accueil = s.modes_accueil;
  for (const auto& code : s.zone_eligibilite) {
    switch (zone_kind(code).value_or(ZoneKind::kPays)) {
      case ZoneKind::kFrance:
        f.zone_france = true;
        break;
      case ZoneKind::kDepartement:
        f.zone_departements.push_back(code);
        break;
      case ZoneKind::kEpci:
        f.zone_epci.push_back(code);
        break;
      case ZoneKind::kCommune:
        f.zone_communes.push_back(code);
        break;
      case ZoneKind::kPays:
        break;
    }
  }
  f.adresse = s.adresse.value_or("");
  f.complement_adresse = s.complement_adresse.value_or("");
  f.code_postal = s.code_postal.value_or("");
  if (s.code_insee) {
    auto commune = geo::find_commune(conn, *s.code_insee);
    f.commune = commune ? geo::commune_label(*commune) : *s.code_insee;
  } else {
    f.commune = s.commune.value_or("");
  }
  f.latitude = s.latitude ? format_decimal(*s.latitude) : "";
  f.longitude = s.longitude ? format_decimal(*s.longitude) : "";
  f.contact_nom_prenom = s.contact_nom_prenom.value_or("");
  f.courriel = s.courriel.value_or("");
  f.telephone = s.telephone.value_or("");
  f.modes_mobilisation = s.modes_mobilisation;
  f.mobilisable_par = s.mobilisable_par;
  f.mobilisation_precisions = s.mobilisation_precisions.value_or("");
  f.lien_mobilisation = s.lien_mobilisation.value_or("");
  f.lien_source = s.lien_source.value_or("");
  f.horaires_accueil = s.horaires_accueil.value_or("");
  f.volume_horaire_hebdomadaire =
      s.volume_horaire_hebdomadaire ? format_decimal(*s.volume_horaire_hebdomadaire) : "";
  f.nombre_semaines = s.nombre_semaines ? std::to_string(*s.nombre_semaines) : "";
  return f;
}

FormCheck check_form(store::Connection& conn, ServiceForm& f) {
  FormCheck check;
  auto& errors = check.errors;
  Service& s = check.service;
  // Placeholders: the real identifiers are set when the service is stored.
  s.source = kSourceParcours;
  s.di_id = "parcours--nouveau";
  s.structure_di_id = "parcours--structure";
  s.status = kDraft;
  s.nom = text::trim(f.nom);
  s.description = text::trim(f.description);
  s.type = opt(f.type);
  s.thematiques = unique(f.thematiques);
  s.frais = opt(f.frais);
  s.frais_precisions = opt(f.frais_precisions);
  s.publics = unique(f.publics);
  s.publics_precisions = opt(f.publics_precisions);
  s.conditions_acces = opt(f.conditions_acces);
  s.modes_accueil = unique(f.modes_accueil);

  // The zone: France, départements, EPCI, communes (and the commune typed to add).
  f.zone_communes = unique(f.zone_communes);
  if (!text::trim(f.zone_commune_ajout).empty()) {
    auto added = geo::resolve_commune(conn, f.zone_commune_ajout, {}, "zone_commune_ajout");
    if (added) {
      if (!contains(f.zone_communes, added->code)) f.zone_communes.push_back(added->code);
      f.zone_commune_ajout.clear();
    } else {
      add_error(errors, "zone_commune_ajout", added.error().message);
    }
  }
  if (f.zone_france) s.zone_eligibilite.push_back("france");
  for (const auto& list : {unique(f.zone_departements), unique(f.zone_epci), f.zone_communes}) {
    for (const auto& code : list) s.zone_eligibilite.push_back(code);
  }

  s.adresse = opt(f.adresse);
  s.complement_adresse = opt(f.complement_adresse);
  s.code_postal = opt(f.code_postal);
  if (!text::trim(f.commune).empty()) {
    auto commune = geo::resolve_commune(conn, f.commune, {}, "commune");
    if (commune) {
      s.commune = commune->name;
      s.code_insee = commune->code;
      f.commune = geo::commune_label(*commune);
      if (!s.code_postal && commune->postcodes.size() == 1) {
        s.code_postal = commune->postcodes.front();
        f.code_postal = *s.code_postal;
      }
    } else {
      add_error(errors, "commune", commune.error().message);
    }
  }
  auto number = [&](const std::string& field, const std::string& typed, const char* example) {
    std::optional<double> value;
    if (auto t = opt(typed)) {
      value = parse_decimal(*t);
      if (!value)
        add_error(errors, field, std::string("nombre attendu, par exemple ") + example + ".");
    }
    return value;
  };
  s.latitude = number("latitude", f.latitude, "49,7735");
  s.longitude = number("longitude", f.longitude, "4,7206");
  s.contact_nom_prenom = opt(f.contact_nom_prenom);
  s.courriel = opt(f.courriel);
  s.telephone = opt(f.telephone);
  s.modes_mobilisation = unique(f.modes_mobilisation);
  s.mobilisable_par = unique(f.mobilisable_par);
  s.mobilisation_precisions = opt(f.mobilisation_precisions);
  s.lien_mobilisation = opt(f.lien_mobilisation);
  s.lien_source = opt(f.lien_source);
  s.horaires_accueil = opt(f.horaires_accueil);
  s.volume_horaire_hebdomadaire =
      number("volume_horaire_hebdomadaire", f.volume_horaire_hebdomadaire, "3,5");
  if (auto t = opt(f.nombre_semaines)) {
    if (text::all_digits(*t) && t->size() <= 6) {
      s.nombre_semaines = std::stoll(*t);
    } else {
      add_error(errors, "nombre_semaines", "nombre entier de semaines attendu, par exemple 12.");
    }
  }
  s.date_maj = today_iso();

  for (const auto& e : service_errors(s)) {
    if (e.field == "zone_eligibilite" && !errors.empty() &&
        errors.back().field == "zone_commune_ajout") {
      continue;
    }
    add_error(errors, e.field == "code_insee" ? "commune" : e.field, e.message);
  }
  if (s.zone_eligibilite.empty()) {
    add_error(errors, "zone_eligibilite",
              "choisissez au moins une zone : la France, un département, un EPCI ou une commune.");
  } else {
    for (const auto& e : zone_errors(conn, s.zone_eligibilite)) {
      add_error(errors, "zone_eligibilite", e.message);
    }
  }
  // How to reach the service must be usable: each chosen mode needs its contact.
  struct Needed {
    const char* mode;
    const char* field;
    bool present;
    const char* message;
  };
  for (const Needed& n : {
           Needed{"telephoner", "telephone", s.telephone.has_value(),
                  "obligatoire quand on mobilise le service en téléphonant."},
           Needed{"envoyer-un-courriel", "courriel", s.courriel.has_value(),
                  "obligatoire quand on mobilise le service en envoyant un courriel."},
           Needed{"utiliser-lien-mobilisation", "lien_mobilisation",
                  s.lien_mobilisation.has_value(),
                  "obligatoire quand on mobilise le service par son lien."},
           Needed{"se-presenter", "adresse", s.adresse.has_value(),
                  "obligatoire quand on mobilise le service en se présentant."},
       }) {
    if (contains(s.modes_mobilisation, n.mode) && !n.present) add_error(errors, n.field, n.message);
  }
  // One message per field, in the order of the form.
  std::vector<Error> first_per_field;
  for (const auto& e : errors) {
    bool seen = false;
    for (const auto& kept : first_per_field) seen = seen || kept.field == e.field;
    if (!seen) first_per_field.push_back(e);
  }
  errors = std::move(first_per_field);
  s.score_qualite = quality_score(s);
  return check;
}

Structure organisation_structure(store::Connection& conn, const organisations::Organisation& org) {
  auto existing = find_structure_by_organisation(conn, org.id);
  Structure st;
  st.source = kSourceParcours;
  st.di_id = existing ? existing->di_id : std::string(kSourceParcours) + "--" + org.slug;
  st.organisation_id = org.id;
  st.nom = org.name;
  st.siret = org.siret;
  st.adresse = opt(org.address);
  if (org.postcode.size() == 5 && text::all_digits(org.postcode)) st.code_postal = org.postcode;
  st.commune = opt(org.commune_name);
  st.code_insee = org.commune_code;
  st.telephone = opt(org.phone);
  st.courriel = opt(org.email);
  if (!structure_errors(st).empty()) {
    // An organisation's contact that data·inclusion would refuse is left out of its structure.
    for (const auto& e : structure_errors(st)) {
      if (e.field == "courriel") st.courriel.reset();
      if (e.field == "siret") st.siret.reset();
    }
  }
  st.date_maj = existing ? existing->date_maj : today_iso();
  if (existing) {
    st.reseaux_porteurs = existing->reseaux_porteurs;
    st.description = existing->description;
    st.site_web = existing->site_web;
    st.horaires_accueil = existing->horaires_accueil;
  }
  bool changed = upsert_structure(conn, st);
  if (changed && existing) {
    st.date_maj = today_iso();
    upsert_structure(conn, st);
  }
  if (!existing) {
    json::object payload{{"structure_id", st.id}, {"organisation_id", org.id}, {"nom", st.nom}};
    store::append_event(conn, {.kind = "structure.created",
                               .territory_id = org.territory_id,
                               .payload_json = json::serialize(payload)});
  }
  return st;
}

std::optional<organisations::Organisation> service_organisation(store::Connection& conn,
                                                                const Service& service) {
  auto structure = find_structure(conn, service.structure_id);
  if (!structure || !structure->organisation_id) return std::nullopt;
  return organisations::find_organisation(conn, *structure->organisation_id);
}

Result<Service> create_service(store::Connection& conn, const organisations::Organisation& org,
                               ServiceForm form, std::int64_t user_id) {
  return atomically(conn, [&]() -> Result<Service> {
    auto check = check_form(conn, form);
    if (!check.errors.empty()) return std::unexpected(check.errors.front());
    Service s = std::move(check.service);
    auto structure = organisation_structure(conn, org);
    s.di_id = new_di_id();
    s.structure_id = structure.id;
    s.structure_di_id = structure.di_id;
    s.status = kDraft;
    s.created_by = user_id;
    s.updated_by = user_id;
    auto stored = upsert_service(conn, s);
    if (!stored) return std::unexpected(stored.error());
    journal(conn, org, "service.created", user_id,
            {{"service_id", s.id}, {"organisation_id", org.id}, {"nom", s.nom}});
    search::reindex_service(conn, s.id);
    return s;
  });
}

Result<Service> update_service(store::Connection& conn, const organisations::Organisation& org,
                               std::int64_t service_id, ServiceForm form, std::int64_t user_id) {
  return atomically(conn, [&]() -> Result<Service> {
    auto current = own_service(conn, org, service_id);
    if (!current) return current;
    auto check = check_form(conn, form);
    if (!check.errors.empty()) return std::unexpected(check.errors.front());
    Service s = std::move(check.service);
    s.id = current->id;
    s.source = current->source;
    s.di_id = current->di_id;
    s.structure_id = current->structure_id;
    s.structure_di_id = current->structure_di_id;
    s.status = current->status;
    s.created_by = current->created_by;
    s.updated_by = user_id;
    auto before = content_of(*current);
    auto after = content_of(s);
    if (before == after) return *current;
    Changes changes;
    for (const auto& [field, value] : after) changes.compare(field, before.at(field), value);
    auto stored = upsert_service(conn, s);
    if (!stored) return std::unexpected(stored.error());
    store::append_event(conn,
                        {.kind = "service.updated",
                         .territory_id = org.territory_id,
                         .actor_id = user_id,
                         .payload_json = changes.to_json(
                             {{"service_id", s.id}, {"organisation_id", org.id}, {"nom", s.nom}})});
    search::reindex_service(conn, s.id);
    return s;
  });
}

bool transition_allowed(std::string_view from, std::string_view to) {
  if (from == kDraft) return to == kPublished;
  if (from == kPublished) return to == kArchived || to == kDraft;
  if (from == kArchived) return to == kDraft;
  return false;
}

Result<Service> change_status(store::Connection& conn, const organisations::Organisation& org,
                              std::int64_t service_id, const std::string& status,
                              std::int64_t user_id) {
  return atomically(conn, [&]() -> Result<Service> {
    auto current = own_service(conn, org, service_id);
    if (!current) return current;
    if (!transition_allowed(current->status, status)) {
      return fail(ErrorCode::kConflict, "Un service « " + status_label(current->status) +
                                            " » ne peut pas passer à « " + status_label(status) +
                                            " ».");
    }
    Service s = *current;
    s.status = status;
    s.updated_by = user_id;
    if (status == kPublished) s.date_maj = today_iso();  // published as checked today
    auto stored = upsert_service(conn, s);
    if (!stored) return std::unexpected(stored.error());
    const char* kind = status == kPublished  ? "service.published"
                       : status == kArchived ? "service.archived"
                                             : "service.drafted";
    journal(conn, org, kind, user_id,
            {{"service_id", s.id},
             {"organisation_id", org.id},
             {"nom", s.nom},
             {"from", current->status},
             {"to", status}});
    search::reindex_service(conn, s.id);
    return s;
  });
}

Result<Service> confirm_up_to_date(store::Connection& conn, const organisations::Organisation& org,
                                   std::int64_t service_id, std::int64_t user_id) {
  return atomically(conn, [&]() -> Result<Service> {
    auto current = own_service(conn, org, service_id);
    if (!current) return current;
    Service s = *current;
    s.date_maj = today_iso();
    s.updated_by = user_id;
    if (s.date_maj == current->date_maj) return s;
    auto stored = upsert_service(conn, s);
    if (!stored) return std::unexpected(stored.error());
    journal(conn, org, "service.confirmed", user_id,
            {{"service_id", s.id},
             {"organisation_id", org.id},
             {"nom", s.nom},
             {"date_maj_before", current->date_maj}});
    search::reindex_service(conn, s.id);
    return s;
  });
}

std::optional<std::int64_t> days_since(std::string_view iso_date) {
  if (!is_iso_date(iso_date)) return std::nullopt;
  std::chrono::year_month_day ymd(
      std::chrono::year(std::stoi(std::string(iso_date.substr(0, 4)))),
      std::chrono::month(std::stoul(std::string(iso_date.substr(5, 2)))),
      std::chrono::day(std::stoul(std::string(iso_date.substr(8, 2)))));
  auto today = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(now_seconds())));
  return (today - std::chrono::sys_days(ymd)).count();
}

bool is_stale(const Service& service) {
  auto days = days_since(service.date_maj);
  return service.status == kPublished && days && *days > kStaleAfterDays;
}

std::string freshness_label(std::string_view iso_date) {
  auto days = days_since(iso_date);
  if (!days) return "date de mise à jour inconnue";
  if (*days <= 0) return "mis à jour aujourd’hui";
  if (*days == 1) return "mis à jour hier";
  if (*days < 31) return "mis à jour il y a " + std::to_string(*days) + " jours";
  if (*days < 365) {
    auto months = std::max<std::int64_t>(1, *days / 30);
    return "mis à jour il y a " + std::to_string(months) + " mois";
  }
  auto years = *days / 365;
  return years == 1 ? "mis à jour il y a plus d’un an"
                    : "mis à jour il y a plus de " + std::to_string(years) + " ans";
}

std::string format_date_fr(std::string_view iso_date) {
  static const char* kMonths[] = {"janvier",   "février", "mars",     "avril",
                                  "mai",       "juin",    "juillet",  "août",
                                  "septembre", "octobre", "novembre", "décembre"};
  if (!is_iso_date(iso_date)) return std::string(iso_date);
  int day = std::stoi(std::string(iso_date.substr(8, 2)));
  int month = std::stoi(std::string(iso_date.substr(5, 2)));
  return std::to_string(day) + (day == 1 ? "er " : " ") + kMonths[month - 1] + " " +
         std::string(iso_date.substr(0, 4));
}

std::string status_label(std::string_view status) {
  if (status == kDraft) return "Brouillon";
  if (status == kPublished) return "Publié";
  if (status == kArchived) return "Archivé";
  return std::string(status);
}

}  // namespace parcours::catalogue

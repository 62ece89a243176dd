#include "features/portal/record.h"

#include <boost/json.hpp>

#include "core/clock.h"
#include "features/followup/export.h"
#include "features/geo/communes.h"
#include "features/people/identity.h"
#include "features/people/nir_protection.h"

namespace parcours::portal {
namespace {

namespace json = boost::json;

std::string yes_no(bool value) { return value ? "Oui" : "Non"; }

void add(std::vector<Labelled>& rows, std::string label, std::string value, std::string key) {
  rows.push_back({std::move(label), std::move(value), std::move(key)});
}

std::string allowances_label(const std::string& codes) {
  std::string out;
  std::size_t start = 0;
  while (start < codes.size()) {
    std::size_t end = codes.find(' ', start);
    if (end == std::string::npos) end = codes.size();
    if (end > start) {
      out += (out.empty() ? "" : ", ") +
             people::choice_label(people::allowance_kinds(), codes.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

std::vector<Labelled> identity_of(store::Connection& conn, const people::Person& p) {
  std::vector<Labelled> rows;
  add(rows, "Nom de naissance", p.birth_name, "nom_de_naissance");
  add(rows, "Nom d’usage", p.usage_name, "nom_d_usage");
  add(rows, "Prénoms", p.first_names, "prenoms");
  add(rows, "Date de naissance", p.birth_date ? people::display_date(*p.birth_date) : "",
      "date_de_naissance");
  add(rows, "Sexe", p.sex ? (*p.sex == "F" ? "Femme" : "Homme") : "", "sexe");
  std::string nir;
  if (p.nir_sealed) nir = people::reveal_nir(conn, *p.nir_sealed).value_or(people::kMaskedNir);
  add(rows, "Numéro de sécurité sociale", nir.empty() ? "" : people::display_nir(nir),
      "numero_de_securite_sociale");
  add(rows, "Numéro allocataire CAF ou MSA", p.caf_number.value_or(""), "numero_allocataire");
  add(rows, "Identifiant France Travail", p.ft_id.value_or(""), "identifiant_france_travail");
  add(rows, "Identifiant du département", p.internal_id.value_or(""), "identifiant_departement");
  return rows;
}

std::vector<Labelled> contact_of(const people::Person& p) {
  std::vector<Labelled> rows;
  add(rows, "Adresse électronique", p.email.value_or(""), "adresse_electronique");
  add(rows, "Téléphone", p.phone ? people::display_phone(*p.phone) : "", "telephone");
  add(rows, "Second téléphone", p.phone2 ? people::display_phone(*p.phone2) : "",
      "second_telephone");
  add(rows, "Adresse", p.address, "adresse");
  add(rows, "Complément d’adresse", p.address_complement, "complement_d_adresse");
  add(rows, "Code postal", p.postcode, "code_postal");
  add(rows, "Commune",
      p.commune_code ? geo::commune_label({.code = *p.commune_code, .name = p.commune_name}) : "",
      "commune");
  add(rows, "Sans domicile fixe", yes_no(p.no_fixed_address), "sans_domicile_fixe");
  add(rows, "Adresse de domiciliation", p.domiciliation, "adresse_de_domiciliation");
  return rows;
}

std::vector<Labelled> situation_of(const people::Person& p) {
  std::vector<Labelled> rows;
  add(rows, "Dossier RSA",
      p.rsa_status ? people::choice_label(people::rsa_statuses(), *p.rsa_status) : "",
      "dossier_rsa");
  add(rows, "Soumis(e) aux droits et devoirs", yes_no(p.rights_and_duties), "droits_et_devoirs");
  add(rows, "Autres allocations", allowances_label(p.allowances), "autres_allocations");
  add(rows, "RQTH", yes_no(p.rqth), "rqth");
  add(rows, "Niveau de formation",
      p.education_level ? people::choice_label(people::education_levels(), *p.education_level) : "",
      "niveau_de_formation");
  add(rows, "Dernier emploi", p.last_job, "dernier_emploi");
  add(rows, "Fin du dernier emploi", p.last_job_end.value_or(""), "fin_du_dernier_emploi");
  add(rows, "Permis de conduire", yes_no(p.driving_licence), "permis_de_conduire");
  add(rows, "Langues parlées", p.languages, "langues_parlees");
  return rows;
}

json::object rows_json(const std::vector<Labelled>& rows) {
  json::object out;
  for (const auto& row : rows) out[row.key] = row.value;
  return out;
}

json::value instant(std::optional<std::int64_t> at) {
  if (!at) return nullptr;
  return json::value(format_iso8601(*at));
}

}  // namespace

std::string status_for_person(std::string_view status) {
  if (status == "to_orient") return "Votre demande attend une orientation";
  if (status == "oriented") return "Vous êtes orienté(e) vers une structure";
  if (status == "accompanied") return "Vous êtes accompagné(e)";
  if (status == "closed") return "Parcours terminé";
  return "En cours";
}

PersonRecord gather_record(store::Connection& conn, const people::Person& person) {
  PersonRecord r;
  r.generated_at = now_seconds();
  r.person = person;
  r.identity = identity_of(conn, person);
  r.contact = contact_of(person);
  r.situation = situation_of(person);
  for (const auto& source : people::field_sources(conn, person.id)) {
    add(r.sources, people::field_label(source.field), people::describe_source(source),
        source.field);
  }
  for (auto& journey : people::journeys_of(conn, person.id)) {
    auto team = people::team_of(conn, journey.id, true);
    r.journeys.push_back({std::move(journey), std::move(team)});
  }
  r.timeline = person_timeline(conn, person.id);
  for (auto& choice : objection_choices(conn, person.id)) {
    if (choice.objected) r.objections.push_back(std::move(choice));
  }
  r.referent_requests = referent_requests_of(conn, person.id);
  r.accesses = list_accesses(conn, person.id);
  r.followup = followup::person_export(conn, person.id);
  return r;
}

std::string record_json(const PersonRecord& r) {
  json::array sources;
  for (const auto& s : r.sources) {
    sources.push_back({{"champ", s.label}, {"origine", s.value}});
  }
  json::array journeys;
  for (const auto& [journey, team] : r.journeys) {
    json::array members;
    for (const auto& m : team) {
      members.push_back({{"nom", m.name},
                         {"structure", m.organisation_name},
                         {"role", m.role == "referent" ? "référent(e)" : "membre"},
                         {"telephone_structure", m.organisation_phone},
                         {"adresse_electronique_structure", m.organisation_email},
                         {"arrive_le", format_iso8601(m.joined_at)},
                         {"parti_le", instant(m.left_at)}});
    }
    auto entry = people::parse_entry(journey.entry);
    journeys.push_back({{"territoire", journey.territory_name},
                        {"statut", status_for_person(journey.status)},
                        {"entree", entry ? people::entry_label(*entry) : journey.entry},
                        {"besoin_exprime", journey.need},
                        {"ouvert_le", format_iso8601(journey.opened_at)},
                        {"termine_le", instant(journey.closed_at)},
                        {"equipe", std::move(members)}});
  }
  json::array timeline;
  for (const auto& item : r.timeline) {
    json::object entry{{"date", format_iso8601(item.at)},
                       {"type", item.note ? "message" : "evenement"},
                       {"titre", item.title}};
    if (item.note) entry["texte"] = item.body;
    timeline.push_back(std::move(entry));
  }
  json::array objections;
  for (const auto& o : r.objections) {
    objections.push_back({{"structure", o.name}, {"depuis_le", instant(o.objected_at)}});
  }
  json::array requests;
  for (const auto& q : r.referent_requests) {
    requests.push_back({{"date", format_iso8601(q.created_at)},
                        {"territoire", q.territory_name},
                        {"referent_a_la_date", q.referent_name},
                        {"motif", q.reason}});
  }
  json::array accesses;
  for (const auto& a : r.accesses) {
    accesses.push_back({{"date", format_iso8601(a.at)},
                        {"structure", a.organisation},
                        {"role", a.role},
                        {"nombre_de_consultations", a.count}});
  }
  json::object out{{"genere_le", format_iso8601(r.generated_at)},
                   {"service", "Parcours — service public de l'insertion et de l'emploi"},
                   {"identite", rows_json(r.identity)},
                   {"coordonnees", rows_json(r.contact)},
                   {"situation", rows_json(r.situation)},
                   {"origine_des_informations", std::move(sources)},
                   {"parcours", std::move(journeys)},
                   {"carnet_de_bord", std::move(timeline)},
                   {"oppositions_au_partage", std::move(objections)},
                   {"demandes_de_changement_de_referent", std::move(requests)},
                   {"consultations_du_dossier", std::move(accesses)}};
  for (const auto& [key, value] : r.followup) out[key] = value;
  return json::serialize(out);
}

}  // namespace parcours::portal

#include "features/referrals/shared_view.h"

#include <boost/json.hpp>

#include "core/html/render.h"
#include "core/store/journal.h"
#include "features/people/identity.h"
#include "features/people/persons.h"
#include "features/referrals/matching.h"

namespace parcours::referrals {
namespace {

namespace json = boost::json;

std::string or_dash(const std::string& v) { return v.empty() ? "—" : v; }
std::string or_dash(const std::optional<std::string>& v) { return v ? or_dash(*v) : "—"; }

// The ROME appellations of the journey's current professional (else person's) diagnostic.
std::string projects_of(store::Connection& conn, std::int64_t journey_id) {
  auto row = conn.query_one(
      "SELECT answers FROM diagnostics WHERE journey_id = $1 ORDER BY CASE WHEN author = "
      "'professional' THEN 0 ELSE 1 END, version DESC LIMIT 1",
      {journey_id});
  if (!row) return "";
  boost::system::error_code ec;
  auto v = json::parse(row->text(0), ec);
  if (ec || !v.is_object()) return "";
  const auto* projects = v.as_object().if_contains("projets_metiers");
  if (!projects || !projects->is_array()) return "";
  std::string out;
  for (const auto& p : projects->as_array()) {
    if (!p.is_object()) continue;
    const auto* label = p.as_object().if_contains("appellation");
    if (label && label->is_string()) {
      out += (out.empty() ? "" : ", ") + std::string(label->as_string());
    }
  }
  return out;
}

}  // namespace

void fill_shared_parts(store::Connection& conn, ctemplate::TemplateDictionary& dict,
                       const Referral& r, std::int64_t reader, const std::string& purpose) {
  auto person = people::find_person(conn, r.person_id);
  if (!person) return;
  std::vector<store::AccessRecord> reads;
  auto part = [&](const char* code, const char* title) {
    auto* section = dict.AddSectionDictionary("SHARED_PART");
    section->SetValue("TITLE", title);
    reads.push_back({.actor_id = reader,
                     .person_id = r.person_id,
                     .part = std::string("referral_") + code,
                     .purpose = purpose});
    return section;
  };
  auto row = [](ctemplate::TemplateDictionary* section, const char* label,
                const std::string& value) {
    auto* row = section->AddSectionDictionary(html::key("ROW"));
    row->SetValue(html::key("LABEL"), label);
    row->SetValue(html::key("VALUE"), value);
  };
  for (const auto& choice : shareable_parts()) {
    std::string code = choice.code;
    if (!r.shares(code)) continue;
    if (code == "identity") {
      auto* s = part(choice.code, "Identité");
      row(s, "Nom", person->usage_name.empty() ? person->birth_name : person->usage_name);
      if (!person->usage_name.empty() && person->usage_name != person->birth_name)
        row(s, "Nom de naissance", person->birth_name);
      row(s, "Prénoms", person->first_names);
      row(s, "Date de naissance",
          person->birth_date ? people::display_date(*person->birth_date) : "—");
    } else if (code == "contact") {
      auto* s = part(choice.code, "Coordonnées");
      row(s, "Courriel", or_dash(person->email));
      row(s, "Téléphone", or_dash(person->phone));
      std::string address = person->no_fixed_address ? "Sans domicile stable" : person->address;
      if (!person->address_complement.empty()) address += ", " + person->address_complement;
      row(s, "Adresse", or_dash(address));
      row(s, "Commune",
          or_dash(person->postcode.empty() ? person->commune_name
                                           : person->postcode + " " + person->commune_name));
    } else if (code == "situation") {
      auto* s = part(choice.code, "Situation");
      row(s, "RSA",
          person->rsa_status ? people::choice_label(people::rsa_statuses(), *person->rsa_status)
                             : "—");
      row(s, "RQTH", person->rqth ? "Oui" : "Non");
      row(s, "Niveau de formation",
          person->education_level
              ? people::choice_label(people::education_levels(), *person->education_level)
              : "—");
      row(s, "Permis de conduire", person->driving_licence ? "Oui" : "Non");
      row(s, "Dernier emploi", or_dash(person->last_job));
      row(s, "Langues", or_dash(person->languages));
    } else if (code == "diagnostic") {
      auto* s = part(choice.code, "Synthèse du diagnostic");
      std::string freins;
      for (const auto& need : needs_of(conn, r.journey_id)) {
        if (need.level == "objectif") continue;
        freins += (freins.empty() ? "" : " ; ") + need.label + " (" +
                  (need.level == "majeur" ? "frein majeur" : "à surveiller") + ")";
      }
      row(s, "Freins", freins.empty() ? "Aucun frein relevé" : freins);
      row(s, "Projets professionnels", or_dash(projects_of(conn, r.journey_id)));
    }
  }
  store::log_accesses(conn, reads);
}

}  // namespace parcours::referrals

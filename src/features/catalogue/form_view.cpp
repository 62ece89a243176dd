#include "features/catalogue/form_view.h"

#include <algorithm>
#include <map>

#include "core/html/render.h"
#include "core/html/text_field.h"
#include "features/catalogue/vocabulary.h"
#include "features/geo/communes.h"

namespace parcours::catalogue {
namespace {

using Dict = ctemplate::TemplateDictionary;

using html::TextField;

class FormView {
 public:
  FormView(Dict& dict, const std::vector<Error>& errors) : dict_(dict) {
    for (const auto& e : errors) messages_.emplace(e.field, e.message);
  }

  void text(const char* marker, const TextField& f, const std::string& value) {
    html::add_text_field(dict_, marker, f, value, message(f.name));
  }

  void choices(const char* marker, const char* name, const char* legend, const char* hint,
               const std::vector<Term>& terms, const std::vector<std::string>& selected, bool radio,
               bool inline_options, bool descriptions) {
    auto* field = dict_.AddIncludeDictionary(marker);
    field->SetFilename("catalogue/choices.tpl");
    field->SetValue("NAME", name);
    field->SetValue("LEGEND", legend);
    if (hint) field->SetValueAndShowSection("HINT_TEXT", hint, "HINT");
    for (const auto& term : terms) {
      auto* option = field->AddSectionDictionary("OPTION");
      option->ShowSection(radio ? "RADIO" : "CHECKBOX");
      if (inline_options) option->ShowSection("INLINE");
      option->SetValue("ID", std::string(name) + "-" + (term.value.empty() ? "aucun" : term.value));
      option->SetValue("FIELD", name);
      option->SetValue("VALUE", term.value);
      option->SetValue("LABEL", term.label);
      if (descriptions && !term.description.empty()) {
        option->SetValueAndShowSection("DESCRIPTION_TEXT", term.description, "DESCRIPTION");
      }
      if (std::find(selected.begin(), selected.end(), term.value) != selected.end()) {
        option->ShowSection("CHECKED");
      }
    }
    error_on(*field, name);
  }

  void select(const char* marker, const char* name, const char* label, const char* empty_label,
              const std::vector<Term>& terms, const std::string& selected) {
    auto* field = dict_.AddIncludeDictionary(marker);
    field->SetFilename("catalogue/select_field.tpl");
    field->SetValue("NAME", name);
    field->SetValue("LABEL", label);
    field->SetValue("EMPTY_LABEL", empty_label);
    for (const auto& term : terms) {
      auto* option = field->AddSectionDictionary("OPTION");
      option->SetValue("VALUE", term.value);
      option->SetValue("LABEL", term.label);
      if (term.value == selected) option->ShowSection("SELECTED");
    }
    error_on(*field, name);
  }

  void error_on(Dict& field, const std::string& name) {
    auto it = messages_.find(name);
    if (it == messages_.end()) return;
    field.ShowSection("ERROR");
    field.SetValue("MESSAGE", it->second);
  }

  const std::string* message(const std::string& name) const {
    auto it = messages_.find(name);
    return it == messages_.end() ? nullptr : &it->second;
  }

 private:
  Dict& dict_;
  std::map<std::string, std::string> messages_;
};

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

void fill_thematiques(Dict& dict, FormView& view, const ServiceForm& form) {
  auto* field = dict.AddIncludeDictionary("THEMATIQUES");
  field->SetFilename("catalogue/thematiques.tpl");
  for (const auto& category : thematique_categories()) {
    auto* c = field->AddSectionDictionary("CATEGORY");
    c->SetValue("LABEL", category.label);
    int checked = 0;
    for (const auto& term : category.thematiques) {
      auto* option = c->AddSectionDictionary("OPTION");
      option->SetValue("ID", "thematique-" + term.value);
      option->SetValue("VALUE", term.value);
      option->SetValue("LABEL", term.label);
      if (contains(form.thematiques, term.value)) {
        option->ShowSection("CHECKED");
        ++checked;
      }
    }
    if (checked) {
      c->ShowSection("OPEN");
      c->SetValueAndShowSection(
          "COUNT_TEXT", std::to_string(checked) + (checked > 1 ? " cochées" : " cochée"), "COUNT");
    }
  }
  view.error_on(*field, "thematiques");
}

void fill_zone(Dict& dict, FormView& view, store::Connection& conn, const ServiceForm& form,
               std::int64_t territory_id) {
  auto* zone = dict.AddIncludeDictionary("ZONE");
  zone->SetFilename("catalogue/zone.tpl");
  if (form.zone_france) zone->ShowSection("FRANCE");

  // Départements: the territory's, and any other already chosen.
  std::vector<std::pair<std::string, std::string>> departements;
  for (const auto& row : conn.query(
           "SELECT d.code, d.name FROM departements d WHERE d.code IN (SELECT departement_code "
           "FROM territory_departements WHERE territory_id = $1) ORDER BY d.code",
           {territory_id})) {
    departements.emplace_back(row.text(0), row.text(1));
  }
  for (const auto& code : form.zone_departements) {
    bool listed = false;
    for (const auto& [c, name] : departements) listed = listed || c == code;
    if (listed) continue;
    auto row = conn.query_one("SELECT name FROM departements WHERE code = $1", {code});
    departements.emplace_back(code, row ? row->text(0) : code);
  }
  for (const auto& [code, name] : departements) {
    auto* d = zone->AddSectionDictionary("DEPARTEMENT");
    d->SetValue("CODE", code);
    d->SetValue("LABEL", name + " (" + code + ")");
    if (contains(form.zone_departements, code)) d->ShowSection("CHECKED");
  }
  if (!departements.empty()) zone->ShowSection("HAS_DEPARTEMENTS");

  // EPCI with communes in the territory, and any other already chosen.
  std::vector<std::pair<std::string, std::string>> epcis;
  for (const auto& row : conn.query(
           "SELECT e.code, e.name FROM epci e WHERE e.code IN (SELECT c.epci_code FROM communes c "
           "WHERE c.departement_code IN (SELECT departement_code FROM territory_departements "
           "WHERE territory_id = $1)) ORDER BY e.name",
           {territory_id})) {
    epcis.emplace_back(row.text(0), row.text(1));
  }
  for (const auto& code : form.zone_epci) {
    bool listed = false;
    for (const auto& [c, name] : epcis) listed = listed || c == code;
    if (listed) continue;
    auto row = conn.query_one("SELECT name FROM epci WHERE code = $1", {code});
    epcis.emplace_back(code, row ? row->text(0) : code);
  }
  for (const auto& [code, name] : epcis) {
    auto* e = zone->AddSectionDictionary("EPCI");
    e->SetValue("CODE", code);
    e->SetValue("LABEL", name);
    if (contains(form.zone_epci, code)) e->ShowSection("CHECKED");
  }
  if (!epcis.empty()) zone->ShowSection("HAS_EPCI");

  for (const auto& code : form.zone_communes) {
    auto* c = zone->AddSectionDictionary("COMMUNE");
    auto commune = geo::find_commune(conn, code);
    c->SetValue("CODE", code);
    c->SetValue("LABEL", commune ? geo::commune_label(*commune) : code);
  }
  if (!form.zone_communes.empty()) zone->ShowSection("HAS_COMMUNES");
  zone->SetValue("ADD_VALUE", form.zone_commune_ajout);
  if (const auto* message = view.message("zone_commune_ajout")) {
    zone->SetValueAndShowSection("ADD_MESSAGE", *message, "ADD_ERROR");
  }
  view.error_on(*zone, "zone_eligibilite");
}

std::vector<Term> with_unknown(std::vector<Term> terms, const char* label) {
  terms.insert(terms.begin(), Term{"", label, ""});
  return terms;
}

}  // namespace

ServiceForm form_from_request(const http::Request& r) {
  ServiceForm f;
  f.nom = r.form_value("nom");
  f.description = r.form_value("description");
  f.type = r.form_value("type");
  f.thematiques = r.form_values("thematiques");
  f.frais = r.form_value("frais");
  f.frais_precisions = r.form_value("frais_precisions");
  f.publics = r.form_values("publics");
  f.publics_precisions = r.form_value("publics_precisions");
  f.conditions_acces = r.form_value("conditions_acces");
  f.modes_accueil = r.form_values("modes_accueil");
  f.zone_france = !r.form_value("zone_france").empty();
  f.zone_departements = r.form_values("zone_departements");
  f.zone_epci = r.form_values("zone_epci");
  f.zone_communes = r.form_values("zone_communes");
  f.zone_commune_ajout = r.form_value("zone_commune_ajout");
  f.adresse = r.form_value("adresse");
  f.complement_adresse = r.form_value("complement_adresse");
  f.code_postal = r.form_value("code_postal");
  f.commune = r.form_value("commune");
  f.latitude = r.form_value("latitude");
  f.longitude = r.form_value("longitude");
  f.contact_nom_prenom = r.form_value("contact_nom_prenom");
  f.courriel = r.form_value("courriel");
  f.telephone = r.form_value("telephone");
  f.modes_mobilisation = r.form_values("modes_mobilisation");
  f.mobilisable_par = r.form_values("mobilisable_par");
  f.mobilisation_precisions = r.form_value("mobilisation_precisions");
  f.lien_mobilisation = r.form_value("lien_mobilisation");
  f.lien_source = r.form_value("lien_source");
  f.horaires_accueil = r.form_value("horaires_accueil");
  f.volume_horaire_hebdomadaire = r.form_value("volume_horaire_hebdomadaire");
  f.nombre_semaines = r.form_value("nombre_semaines");
  return f;
}

void fill_form(Dict& dict, store::Connection& conn, const ServiceForm& f, std::int64_t territory_id,
               const std::vector<Error>& errors) {
  FormView view(dict, errors);
  if (!errors.empty()) {
    dict.ShowSection("ERROR_SUMMARY");
    dict.SetValue("ERROR_COUNT", errors.size() == 1 ? std::string("une erreur")
                                                    : std::to_string(errors.size()) + " erreurs");
    for (const auto& e : errors) {
      auto* item = dict.AddSectionDictionary("SUMMARY_ITEM");
      item->SetValue("FIELD", e.field);
      item->SetValue("MESSAGE", e.message);
    }
  }
  view.text("NOM",
            {.name = "nom",
             .label = "Nom du service (obligatoire)",
             .hint = "Entre 3 et 150 caractères, par exemple « Atelier CV et lettre de "
                     "motivation »."},
            f.nom);
  view.text("DESCRIPTION",
            {.name = "description",
             .label = "Description (obligatoire)",
             .hint = "Ce que le service apporte, en phrases courtes et simples ; idéalement "
                     "plus de 400 caractères.",
             .rows = 6},
            f.description);
  view.select("TYPE", "type", "Type de service", "Non renseigné", vocabulary(Vocabulary::kTypes),
              f.type);
  fill_thematiques(dict, view, f);
  view.choices("PUBLICS", "publics", "Publics", "Les personnes à qui le service s’adresse.",
               vocabulary(Vocabulary::kPublics), f.publics, false, false, false);
  view.text("PUBLICS_PRECISIONS",
            {.name = "publics_precisions", .label = "Précisions sur les publics", .rows = 2},
            f.publics_precisions);
  view.text("CONDITIONS_ACCES",
            {.name = "conditions_acces",
             .label = "Conditions d’accès",
             .hint = "Prérequis ou justificatifs à présenter.",
             .rows = 2},
            f.conditions_acces);
  fill_zone(dict, view, conn, f, territory_id);
  view.choices("FRAIS", "frais", "Frais", nullptr,
               with_unknown(vocabulary(Vocabulary::kFrais), "Non renseigné"), {f.frais}, true, true,
               false);
  view.text("FRAIS_PRECISIONS",
            {.name = "frais_precisions",
             .label = "Précisions sur les frais",
             .hint = "Par exemple « 10 € d’adhésion annuelle »."},
            f.frais_precisions);
  view.choices("MODES_ACCUEIL", "modes_accueil", "Modes d’accueil", nullptr,
               vocabulary(Vocabulary::kModesAccueil), f.modes_accueil, false, true, true);
  view.text("ADRESSE",
            {.name = "adresse",
             .label = "Adresse",
             .hint = "Numéro et voie.",
             .autocomplete = "street-address"},
            f.adresse);
  view.text("COMPLEMENT_ADRESSE", {.name = "complement_adresse", .label = "Complément d’adresse"},
            f.complement_adresse);
  {
    auto* field = dict.AddIncludeDictionary("COMMUNE");
    field->SetFilename("catalogue/commune_field.tpl");
    field->SetValue("VALUE", f.commune);
    view.error_on(*field, "commune");
  }
  view.text("CODE_POSTAL",
            {.name = "code_postal",
             .label = "Code postal",
             .hint = "Rempli d’après la commune quand elle n’en a qu’un.",
             .autocomplete = "postal-code",
             .inputmode = "numeric"},
            f.code_postal);
  view.text("LATITUDE",
            {.name = "latitude",
             .label = "Latitude",
             .hint = "En degrés décimaux, par exemple 49,7735 (Charleville-Mézières).",
             .inputmode = "decimal"},
            f.latitude);
  view.text("LONGITUDE",
            {.name = "longitude",
             .label = "Longitude",
             .hint = "En degrés décimaux, par exemple 4,7206.",
             .inputmode = "decimal"},
            f.longitude);
  view.text("HORAIRES_ACCUEIL",
            {.name = "horaires_accueil",
             .label = "Horaires d’accueil",
             .hint = "Au format OpenStreetMap opening_hours, par exemple « Mo-Fr 08:30-12:30; "
                     "Tu,Th 14:00-17:00; PH off » (du lundi au vendredi le matin, mardi et "
                     "jeudi après-midi, fermé les jours fériés)."},
            f.horaires_accueil);
  view.text("VOLUME_HORAIRE_HEBDOMADAIRE",
            {.name = "volume_horaire_hebdomadaire",
             .label = "Volume horaire hebdomadaire",
             .hint = "En heures par semaine, par exemple 3,5.",
             .inputmode = "decimal"},
            f.volume_horaire_hebdomadaire);
  view.text("NOMBRE_SEMAINES",
            {.name = "nombre_semaines",
             .label = "Nombre de semaines",
             .hint = "Durée du service en semaines, par exemple 12.",
             .inputmode = "numeric"},
            f.nombre_semaines);
  view.choices("MODES_MOBILISATION", "modes_mobilisation", "Modes de mobilisation",
               "Comment une personne ou un professionnel sollicite le service.",
               vocabulary(Vocabulary::kModesMobilisation), f.modes_mobilisation, false, false,
               true);
  view.choices("MOBILISABLE_PAR", "mobilisable_par", "Mobilisable par", nullptr,
               vocabulary(Vocabulary::kPersonnesMobilisatrices), f.mobilisable_par, false, true,
               true);
  view.text(
      "MOBILISATION_PRECISIONS",
      {.name = "mobilisation_precisions", .label = "Précisions sur la mobilisation", .rows = 2},
      f.mobilisation_precisions);
  view.text("LIEN_MOBILISATION",
            {.name = "lien_mobilisation",
             .label = "Lien de mobilisation",
             .hint = "Adresse web où s’inscrire ou prendre rendez-vous, par exemple "
                     "https://exemple.fr/inscription.",
             .type = "url",
             .autocomplete = "url"},
            f.lien_mobilisation);
  view.text(
      "CONTACT_NOM_PRENOM",
      {.name = "contact_nom_prenom", .label = "Nom et prénom du contact", .autocomplete = "name"},
      f.contact_nom_prenom);
  view.text("COURRIEL",
            {.name = "courriel",
             .label = "Adresse électronique",
             .hint = "Format attendu : nom@domaine.fr",
             .type = "email",
             .autocomplete = "email"},
            f.courriel);
  view.text("TELEPHONE",
            {.name = "telephone",
             .label = "Téléphone",
             .hint = "Par exemple 03 24 56 78 90.",
             .type = "tel",
             .autocomplete = "tel"},
            f.telephone);
  view.text("LIEN_SOURCE",
            {.name = "lien_source",
             .label = "Lien vers la page du service",
             .hint = "Sur le site de votre structure, s’il y en a une.",
             .type = "url",
             .autocomplete = "url"},
            f.lien_source);
}

}  // namespace parcours::catalogue

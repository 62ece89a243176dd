#include "features/people/web.h"

#include "core/html/render.h"
#include "core/html/text_field.h"
#include "core/store/journal.h"
#include "core/text.h"

namespace parcours::people::web {
namespace {

using html::add_text_field;

ctemplate::TemplateDictionary* section(ctemplate::TemplateDictionary& dict, const char* marker,
                                       const char* file, const Error* error) {
  auto* sub = dict.AddIncludeDictionary(marker);
  sub->SetFilename(file);
  if (error) html::show_form_error(*sub, *error);
  return sub;
}

}  // namespace

std::optional<std::int64_t> path_id(const http::Context& ctx, const char* name) {
  auto it = ctx.request.params.find(name);
  return it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
}

std::string person_path(std::int64_t person_id) {
  return "/personnes/" + std::to_string(person_id);
}

std::variant<PersonPage, http::Response> load_person_page(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  auto id = path_id(ctx, "id");
  auto person = id ? find_person(ctx.db, *id) : std::nullopt;
  if (!person) {
    return html::error_page(ctx, 404, "Page non trouvée", "Cette personne n’existe pas.");
  }
  if (person->merged_into) {
    auto live = find_live_person(ctx.db, person->id);
    if (live) return http::Response::redirect(person_path(live->id), 302);
    return html::error_page(ctx, 404, "Page non trouvée", "Cette personne n’existe plus.");
  }
  auto territories = working_territories(ctx.actor);
  auto requested = text::parse_id(ctx.request.query_value("territoire"));
  if (requested &&
      std::find(territories.begin(), territories.end(), *requested) != territories.end()) {
    territories = {*requested};
  }
  std::optional<PersonPage> page;
  for (auto territory : territories) {
    std::optional<Journey> journey;
    PersonFacts facts = load_person_facts(ctx.db, ctx.actor, person->id, territory, &journey);
    if (facts.present || facts.in_team) {
      page = PersonPage{*person, territory, std::move(facts), std::move(journey)};
      break;
    }
  }
  if (!page || !may_view_identity(ctx.actor, page->facts)) return html::refuse(ctx);
  return std::move(*page);
}

void log_read(http::Context& ctx, std::int64_t person_id, const std::string& part) {
  if (!ctx.actor) return;
  store::log_access(ctx.db, {.actor_id = ctx.actor->user_id,
                             .person_id = person_id,
                             .part = part,
                             .purpose = ctx.request.method + " " + ctx.request.path});
}

void ReadLog::add(std::int64_t person_id, const std::string& part) {
  if (!ctx_.actor) return;
  records_.push_back({.actor_id = ctx_.actor->user_id,
                      .person_id = person_id,
                      .part = part,
                      .purpose = ctx_.request.method + " " + ctx_.request.path});
}

void ReadLog::flush() {
  store::log_accesses(ctx_.db, records_);
  records_.clear();
}

TeamActor team_actor(const http::Context& ctx, std::int64_t territory_id) {
  return {ctx.actor ? ctx.actor->user_id : 0, acting_organisation_in(ctx.actor, territory_id)};
}

IdentityForm identity_from_request(const http::Request& r) {
  return {.birth_name = r.form_value("birth_name"),
          .usage_name = r.form_value("usage_name"),
          .first_names = r.form_value("first_names"),
          .birth_date = r.form_value("birth_date"),
          .sex = r.form_value("sex"),
          .nir = r.form_value("nir"),
          .caf_number = r.form_value("caf_number"),
          .ft_id = r.form_value("ft_id"),
          .internal_id = r.form_value("internal_id")};
}

ContactForm contact_from_request(const http::Request& r) {
  return {.email = r.form_value("email"),
          .phone = r.form_value("phone"),
          .phone2 = r.form_value("phone2"),
          .address = r.form_value("address"),
          .address_complement = r.form_value("address_complement"),
          .postcode = r.form_value("postcode"),
          .commune = r.form_value("commune"),
          .no_fixed_address = r.form_value("no_fixed_address") == "1",
          .domiciliation = r.form_value("domiciliation")};
}

SituationForm situation_from_request(const http::Request& r) {
  return {.rsa_status = r.form_value("rsa_status"),
          .rights_and_duties = r.form_value("rights_and_duties") == "1",
          .allowances = r.form_values("allowances"),
          .rqth = r.form_value("rqth") == "1",
          .education_level = r.form_value("education_level"),
          .last_job = r.form_value("last_job"),
          .last_job_end = r.form_value("last_job_end"),
          .driving_licence = r.form_value("driving_licence") == "1",
          .languages = r.form_value("languages")};
}

void fill_identity_fields(ctemplate::TemplateDictionary& dict, const IdentityForm& f,
                          const Error* error, bool nir_known) {
  auto* s = section(dict, "IDENTITY_FIELDS", "people/identity_fields.tpl", error);
  add_text_field(*s, "NAME_FIELDS",
                 {.name = "birth_name", .label = "Nom de naissance", .autocomplete = "family-name"},
                 f.birth_name, error);
  add_text_field(*s, "NAME_FIELDS",
                 {.name = "usage_name",
                  .label = "Nom d’usage (facultatif)",
                  .hint = "Par exemple le nom d’époux ou d’épouse."},
                 f.usage_name, error);
  add_text_field(*s, "NAME_FIELDS",
                 {.name = "first_names", .label = "Prénoms", .autocomplete = "given-name"},
                 f.first_names, error);
  add_text_field(*s, "NAME_FIELDS",
                 {.name = "birth_date",
                  .label = "Date de naissance (facultatif)",
                  .hint = "Au format JJ/MM/AAAA, par exemple 12/03/1984.",
                  .autocomplete = "bday",
                  .inputmode = "numeric"},
                 f.birth_date, error);
  s->ShowSection(f.sex == "F" ? "SEX_F" : f.sex == "M" ? "SEX_M" : "SEX_NONE");
  if (nir_known) s->ShowSection("NIR_KNOWN"_key);
  add_text_field(
      *s, "ID_FIELDS",
      {.name = "nir",
       .label = "Numéro de sécurité sociale (facultatif)",
       .hint = "13 caractères, ou 15 avec la clé ; 2A ou 2B pour une naissance en Corse."},
      f.nir, error);
  add_text_field(*s, "ID_FIELDS",
                 {.name = "caf_number",
                  .label = "Numéro allocataire CAF ou MSA (facultatif)",
                  .hint = "7 chiffres.",
                  .inputmode = "numeric"},
                 f.caf_number, error);
  add_text_field(*s, "ID_FIELDS",
                 {.name = "ft_id",
                  .label = "Identifiant France Travail (facultatif)",
                  .hint = "8 caractères, par exemple 1234567A."},
                 f.ft_id, error);
  add_text_field(*s, "ID_FIELDS",
                 {.name = "internal_id", .label = "Identifiant du département (facultatif)"},
                 f.internal_id, error);
}

void fill_contact_fields(ctemplate::TemplateDictionary& dict, const ContactForm& f,
                         const Error* error) {
  auto* s = section(dict, "CONTACT_SECTION", "people/contact_fields.tpl", error);
  add_text_field(*s, "CONTACT_FIELDS",
                 {.name = "email",
                  .label = "Adresse électronique (facultatif)",
                  .hint = "Format attendu : nom@domaine.fr",
                  .type = "email",
                  .autocomplete = "email"},
                 f.email, error);
  add_text_field(*s, "CONTACT_FIELDS",
                 {.name = "phone",
                  .label = "Téléphone (facultatif)",
                  .hint = "Par exemple 06 12 34 56 78.",
                  .type = "tel",
                  .autocomplete = "tel"},
                 f.phone, error);
  add_text_field(*s, "CONTACT_FIELDS",
                 {.name = "phone2", .label = "Second téléphone (facultatif)", .type = "tel"},
                 f.phone2, error);
  add_text_field(*s, "CONTACT_FIELDS",
                 {.name = "address",
                  .label = "Adresse (facultatif)",
                  .hint = "Numéro et voie.",
                  .autocomplete = "address-line1"},
                 f.address, error);
  add_text_field(*s, "CONTACT_FIELDS",
                 {.name = "address_complement",
                  .label = "Complément d’adresse (facultatif)",
                  .autocomplete = "address-line2"},
                 f.address_complement, error);
  s->SetValue("COMMUNE"_key, f.commune);
  add_text_field(*s, "POSTCODE_FIELD",
                 {.name = "postcode",
                  .label = "Code postal (facultatif si la commune n’en a qu’un)",
                  .autocomplete = "postal-code",
                  .inputmode = "numeric"},
                 f.postcode, error);
  if (f.no_fixed_address) s->ShowSection("NO_FIXED_ADDRESS"_key);
  add_text_field(*s, "DOMICILIATION_FIELD",
                 {.name = "domiciliation",
                  .label = "Adresse de domiciliation (facultatif)",
                  .hint = "Pour une personne sans domicile fixe : l’organisme qui reçoit son "
                          "courrier.",
                  .rows = 2},
                 f.domiciliation, error);
}

void fill_situation_fields(ctemplate::TemplateDictionary& dict, const SituationForm& f,
                           const Error* error) {
  auto* s = section(dict, "SITUATION_SECTION", "people/situation_fields.tpl", error);
  for (const Choice& c : rsa_statuses()) {
    auto* option = s->AddSectionDictionary("RSA_OPTION"_key);
    option->SetValue("CODE"_key, c.code);
    option->SetValue("LABEL"_key, c.label);
    if (f.rsa_status == c.code) option->ShowSection("SELECTED"_key);
  }
  if (f.rights_and_duties) s->ShowSection("RIGHTS_AND_DUTIES"_key);
  for (const Choice& c : allowance_kinds()) {
    auto* box = s->AddSectionDictionary("ALLOWANCE"_key);
    box->SetValue("CODE"_key, c.code);
    box->SetValue("LABEL"_key, c.label);
    if (std::find(f.allowances.begin(), f.allowances.end(), c.code) != f.allowances.end()) {
      box->ShowSection("CHECKED"_key);
    }
  }
  if (f.rqth) s->ShowSection("RQTH"_key);
  for (const Choice& c : education_levels()) {
    auto* option = s->AddSectionDictionary("EDUCATION_OPTION"_key);
    option->SetValue("CODE"_key, c.code);
    option->SetValue("LABEL"_key, c.label);
    if (f.education_level == c.code) option->ShowSection("SELECTED"_key);
  }
  add_text_field(*s, "SITUATION_FIELDS",
                 {.name = "last_job", .label = "Dernier emploi (facultatif)"}, f.last_job, error);
  add_text_field(*s, "SITUATION_FIELDS",
                 {.name = "last_job_end",
                  .label = "Fin du dernier emploi (facultatif)",
                  .hint = "Au format AAAA-MM, par exemple 2026-09."},
                 f.last_job_end, error);
  add_text_field(*s, "SITUATION_FIELDS",
                 {.name = "languages",
                  .label = "Langues parlées (facultatif)",
                  .hint = "Par exemple : français, arabe, anglais."},
                 f.languages, error);
  if (f.driving_licence) s->ShowSection("DRIVING_LICENCE"_key);
}

void show_error(ctemplate::TemplateDictionary& dict, const Error* error) {
  if (error) dict.SetValueAndShowSection("ERROR_MESSAGE"_key, error->message, "ERROR_SUMMARY"_key);
}

const char* status_badge(std::string_view status) {
  if (status == "to_orient") return "fr-badge--new";
  if (status == "oriented") return "fr-badge--info";
  if (status == "accompanied") return "fr-badge--success";
  return "";
}

}  // namespace parcours::people::web

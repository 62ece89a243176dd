#include "features/catalogue/routes.h"

#include <boost/json.hpp>
#include <cmath>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/catalogue/form_view.h"
#include "features/catalogue/offer.h"
#include "features/catalogue/policy.h"
#include "features/catalogue/vocabulary.h"
#include "features/geo/communes.h"
#include "features/organisations/organisation.h"

namespace parcours::catalogue {
namespace {

using organisations::Organisation;

std::optional<std::int64_t> path_id(const http::Context& ctx) {
  auto it = ctx.request.params.find("id");
  return it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
}

OwnerRef owner_of(const Organisation& org) { return {org.id, org.territory_id}; }

http::Response organisation_not_found(http::Context& ctx) {
  return html::error_page(ctx, 404, "Page non trouvée", "Cette structure n’existe pas.");
}

http::Response service_not_found(http::Context& ctx) {
  return html::error_page(ctx, 404, "Page non trouvée", "Ce service n’existe pas.");
}

std::string services_path(std::int64_t organisation_id) {
  return "/structures/" + std::to_string(organisation_id) + "/services";
}

std::string service_path(std::int64_t service_id) {
  return "/services/" + std::to_string(service_id);
}

// "72 %".
std::string score_label(double score) {
  return std::to_string(static_cast<int>(std::lround(score * 100))) + " %";
}

const char* status_badge(std::string_view status) {
  if (status == kPublished) return "fr-badge--success";
  if (status == kArchived) return "fr-badge--info";
  return "fr-badge--new";
}

std::string join_labels(Vocabulary kind, const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) out += (out.empty() ? "" : ", ") + label(kind, code);
  return out;
}

// "Ardennes (08)", "CA Ardenne Métropole", "Sedan (08409)", "Toute la France".
std::string zone_label(store::Connection& conn, const std::string& code) {
  switch (zone_kind(code).value_or(ZoneKind::kPays)) {
    case ZoneKind::kFrance:
      return "Toute la France";
    case ZoneKind::kDepartement: {
      auto row = conn.query_one("SELECT name FROM departements WHERE code = $1", {code});
      return (row ? row->text(0) : "Département") + " (" + code + ")";
    }
    case ZoneKind::kEpci: {
      auto row = conn.query_one("SELECT name FROM epci WHERE code = $1", {code});
      return row ? row->text(0) : "EPCI " + code;
    }
    case ZoneKind::kCommune: {
      auto commune = geo::find_commune(conn, code);
      return commune ? geo::commune_label(*commune) : "Commune " + code;
    }
    case ZoneKind::kPays:
      return "Pays " + code;
  }
  return code;
}

// ---- the organisation's offer ----

// GET /offre-de-services — signed-in accounts: the offers they may see (a member of one
// organisation goes straight to it).
http::Response index(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  if (ctx.actor->acting_organisation_id || ctx.actor->organisation_ids().size() == 1) {
    auto id = ctx.actor->acting_organisation_id.value_or(ctx.actor->organisation_ids().front());
    return http::Response::redirect(services_path(id), 302);
  }
  ctemplate::TemplateDictionary dict("catalogue_index");
  int shown = 0;
  for (const auto& org : organisations::list_organisations(ctx.db, {.include_inactive = false})) {
    if (!may_list_services(ctx.actor, owner_of(org))) continue;
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetIntValue("ID", org.id);
    row->SetValue("NAME", org.name);
    row->SetValue("TERRITORY", org.territory_name);
    auto structure = find_structure_by_organisation(ctx.db, org.id);
    auto count = structure ? ctx.db
                                 .query_one(
                                     "SELECT COUNT(*) FROM services WHERE structure_id = $1 AND "
                                     "status = 'published'",
                                     {structure->id})
                                 ->integer(0)
                           : 0;
    row->SetIntValue("COUNT", count);
    ++shown;
  }
  dict.ShowSection(shown ? "HAS_ROWS" : "EMPTY");
  return html::page(ctx, "Offre de services", "catalogue/index.tpl", dict);
}

// GET /structures/{id}/services — its members, its territory's managers, admins.
http::Response list(http::Context& ctx) {
  auto id = path_id(ctx);
  auto org = id ? organisations::find_organisation(ctx.db, *id) : std::nullopt;
  if (!org) return organisation_not_found(ctx);
  if (!may_list_services(ctx.actor, owner_of(*org))) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("catalogue_list");
  dict.SetIntValue("ORG_ID", org->id);
  dict.SetValue("ORG_NAME", org->name);
  if (may_edit_services(ctx.actor, owner_of(*org))) dict.ShowSection("CAN_EDIT");
  auto structure = find_structure_by_organisation(ctx.db, org->id);
  std::vector<Service> services;
  if (structure) services = structure_services(ctx.db, structure->id);
  int stale = 0;
  int shown = 0;
  for (const auto& s : services) {
    // Drafts and archived services are the members' only.
    if (!may_view_service(ctx.actor, s.status, owner_of(*org))) continue;
    ++shown;
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetIntValue("ID", s.id);
    row->SetValue("NOM", s.nom);
    row->SetValue("STATUS", status_label(s.status));
    row->SetValue("STATUS_CLASS", status_badge(s.status));
    row->SetValue("FRESHNESS", freshness_label(s.date_maj));
    row->SetValue("DATE_MAJ", format_date_fr(s.date_maj));
    row->SetValue("SCORE", score_label(quality_score(s)));
    if (is_stale(s)) {
      row->ShowSection("STALE");
      ++stale;
    }
  }
  if (stale) {
    dict.SetValueAndShowSection(
        "STALE_TEXT",
        stale == 1 ? std::string("Un service publié n’a pas été mis à jour depuis plus de 6 mois.")
                   : std::to_string(stale) +
                         " services publiés n’ont pas été mis à jour depuis plus de 6 mois.",
        "STALE_ALERT");
  }
  dict.ShowSection(shown == 0 ? "EMPTY" : "HAS_ROWS");
  return html::page(ctx, "Offre de services — " + org->name, "catalogue/list.tpl", dict);
}

// ---- the form ----

http::Response form_page(http::Context& ctx, const Organisation& org, const ServiceForm& form,
                         const std::optional<Service>& existing, const std::vector<Error>& errors,
                         const char* notice = nullptr) {
  ctemplate::TemplateDictionary dict("catalogue_form");
  std::string heading = existing ? "Modifier « " + existing->nom + " »" : "Nouveau service";
  dict.SetValue("HEADING", heading);
  dict.SetIntValue("ORG_ID", org.id);
  dict.SetValue("ORG_NAME", org.name);
  dict.SetValue("ACTION", existing ? service_path(existing->id) + "/modifier"
                                   : services_path(org.id) + "/nouveau");
  dict.SetValue("CANCEL", existing ? service_path(existing->id) : services_path(org.id));
  dict.SetValue("SUBMIT", existing ? "Enregistrer" : "Créer le brouillon");
  if (notice) dict.SetValueAndShowSection("NOTICE_TEXT", notice, "NOTICE");
  fill_form(dict, ctx.db, form, org.territory_id, errors);
  bool failed = !errors.empty() && !notice;
  return html::page(ctx, failed ? "Erreur — " + heading : heading, "catalogue/form.tpl", dict,
                    failed ? 422 : 200);
}

// The organisation of a service and the response to give when the actor may not edit it.
struct Editable {
  Service service;
  Organisation org;
};
std::variant<Editable, http::Response> editable_service(http::Context& ctx) {
  auto id = path_id(ctx);
  auto service = id ? find_service(ctx.db, *id) : std::nullopt;
  if (!service) return service_not_found(ctx);
  auto org = service_organisation(ctx.db, *service);
  if (!org || !may_edit_services(ctx.actor, owner_of(*org))) {
    if (!may_view_service(ctx.actor, service->status,
                          org ? std::optional(owner_of(*org)) : std::nullopt)) {
      return service_not_found(ctx);
    }
    return html::refuse(ctx);
  }
  return Editable{*service, *org};
}

// The form was sent with "Ajouter la commune" and a commune typed: the commune is resolved and
// the form shown again, nothing saved. (Enter in another field also sends that first button: with
// no commune typed, it saves.)
std::optional<http::Response> add_commune_only(http::Context& ctx, const Organisation& org,
                                               ServiceForm& form,
                                               const std::optional<Service>& existing) {
  if (ctx.request.form_value("ajouter_commune").empty() ||
      text::trim(form.zone_commune_ajout).empty()) {
    return std::nullopt;
  }
  auto check = check_form(ctx.db, form);
  std::vector<Error> errors;
  for (const auto& e : check.errors) {
    if (e.field == "zone_commune_ajout") errors.push_back(e);
  }
  return form_page(ctx, org, form, existing, errors,
                   errors.empty() ? "Commune ajoutée à la zone d’éligibilité ; le service n’est "
                                    "pas encore enregistré."
                                  : nullptr);
}

// GET /structures/{id}/services/nouveau — its members.
http::Response new_form(http::Context& ctx) {
  auto id = path_id(ctx);
  auto org = id ? organisations::find_organisation(ctx.db, *id) : std::nullopt;
  if (!org) return organisation_not_found(ctx);
  if (!may_edit_services(ctx.actor, owner_of(*org))) return html::refuse(ctx);
  ServiceForm blank;
  blank.mobilisable_par = {"professionnels"};
  return form_page(ctx, *org, blank, std::nullopt, {});
}

// POST /structures/{id}/services/nouveau — its members.
http::Response create(http::Context& ctx) {
  auto id = path_id(ctx);
  auto org = id ? organisations::find_organisation(ctx.db, *id) : std::nullopt;
  if (!org) return organisation_not_found(ctx);
  if (!may_edit_services(ctx.actor, owner_of(*org))) return html::refuse(ctx);
  ServiceForm form = form_from_request(ctx.request);
  if (auto shown = add_commune_only(ctx, *org, form, std::nullopt)) return std::move(*shown);
  ServiceForm checked_form = form;
  auto check = check_form(ctx.db, checked_form);
  if (!check.errors.empty()) return form_page(ctx, *org, checked_form, std::nullopt, check.errors);
  auto created = create_service(ctx.db, *org, form, ctx.actor->user_id);
  if (!created) return form_page(ctx, *org, checked_form, std::nullopt, {created.error()});
  http::set_flash(ctx, "Service enregistré en brouillon : publiez-le pour qu’il soit visible.");
  return http::Response::redirect(service_path(created->id));
}

// GET /services/{id}/modifier — the members of its organisation.
http::Response edit_form(http::Context& ctx) {
  auto found = editable_service(ctx);
  if (auto* response = std::get_if<http::Response>(&found)) return std::move(*response);
  auto& [service, org] = std::get<Editable>(found);
  return form_page(ctx, org, form_of(ctx.db, service), service, {});
}

// POST /services/{id}/modifier — the members of its organisation.
http::Response update(http::Context& ctx) {
  auto found = editable_service(ctx);
  if (auto* response = std::get_if<http::Response>(&found)) return std::move(*response);
  auto& [service, org] = std::get<Editable>(found);
  ServiceForm form = form_from_request(ctx.request);
  if (auto shown = add_commune_only(ctx, org, form, service)) return std::move(*shown);
  ServiceForm checked_form = form;
  auto check = check_form(ctx.db, checked_form);
  if (!check.errors.empty()) return form_page(ctx, org, checked_form, service, check.errors);
  auto updated = update_service(ctx.db, org, service.id, form, ctx.actor->user_id);
  if (!updated) return form_page(ctx, org, checked_form, service, {updated.error()});
  http::set_flash(ctx, "Service enregistré.");
  return http::Response::redirect(service_path(service.id));
}

// POST /services/{id}/publier, /archiver, /brouillon — the members of its organisation.
http::Handler set_status(const char* status, const char* done) {
  return [status, done](http::Context& ctx) {
    auto found = editable_service(ctx);
    if (auto* response = std::get_if<http::Response>(&found)) return std::move(*response);
    auto& [service, org] = std::get<Editable>(found);
    auto changed = change_status(ctx.db, org, service.id, status, ctx.actor->user_id);
    if (!changed) return html::error_page(ctx, changed.error());
    http::set_flash(ctx, done);
    return http::Response::redirect(service_path(service.id));
  };
}

// POST /services/{id}/a-jour — the members of its organisation.
http::Response confirm(http::Context& ctx) {
  auto found = editable_service(ctx);
  if (auto* response = std::get_if<http::Response>(&found)) return std::move(*response);
  auto& [service, org] = std::get<Editable>(found);
  auto confirmed = confirm_up_to_date(ctx.db, org, service.id, ctx.actor->user_id);
  if (!confirmed) return html::error_page(ctx, confirmed.error());
  http::set_flash(ctx, "Merci : le service est indiqué comme à jour.");
  return http::Response::redirect(service_path(service.id));
}

// ---- the service's page ----

void detail(ctemplate::TemplateDictionary& dict, const char* label, const std::string& value) {
  if (value.empty()) return;
  auto* row = dict.AddSectionDictionary("DETAIL");
  row->SetValue("LABEL", label);
  row->SetValue("VALUE", value);
}

// What happened to a service, newest first, in French ("Sophie Bernard a publié le service").
void fill_history(ctemplate::TemplateDictionary& dict, store::Connection& conn, const Service& s,
                  std::int64_t territory_id) {
  for (const auto& row : conn.query(
           "SELECT j.kind, j.at, u.name, j.payload FROM journal j LEFT JOIN users u ON u.id = "
           "j.actor_id WHERE j.kind LIKE 'service.%' AND j.territory_id = $1 AND j.payload LIKE "
           "$2 ORDER BY j.seq DESC LIMIT 30",
           {territory_id, "{\"service_id\":" + std::to_string(s.id) + ",%"})) {
    std::string kind = row.text(0);
    std::string what;
    if (kind == "service.created") {
      what = "a créé le service";
    } else if (kind == "service.published") {
      what = "a publié le service";
    } else if (kind == "service.archived") {
      what = "a archivé le service";
    } else if (kind == "service.drafted") {
      what = "a repassé le service en brouillon";
    } else if (kind == "service.confirmed") {
      what = "a confirmé que les informations sont à jour";
    } else if (kind == "service.updated") {
      std::string fields;
      auto payload = boost::json::parse(row.text(3));
      if (const auto* changes = payload.as_object().if_contains("changes")) {
        for (const auto& [field, _] : changes->as_object()) {
          fields += (fields.empty() ? "" : ", ") + field_label(field);
        }
      }
      what = "a modifié : " + fields;
    } else {
      continue;
    }
    auto* entry = dict.AddSectionDictionary("HISTORY");
    entry->SetValue("AT", format_datetime_fr(row.integer(1)));
    entry->SetValue("WHO", row.is_null(2) ? std::string("Parcours") : row.text(2));
    entry->SetValue("WHAT", what);
  }
  dict.ShowSection("HAS_HISTORY");
}

// GET /services/{id} — anyone when published; drafts and archived, the members of its
// organisation.
http::Response show(http::Context& ctx) {
  auto id = path_id(ctx);
  auto service = id ? find_service(ctx.db, *id) : std::nullopt;
  if (!service) return service_not_found(ctx);
  auto org = service_organisation(ctx.db, *service);
  auto owner = org ? std::optional(owner_of(*org)) : std::nullopt;
  // A draft is not shown to others, not even its existence.
  if (!may_view_service(ctx.actor, service->status, owner)) return service_not_found(ctx);
  const Service& s = *service;
  auto structure = find_structure(ctx.db, s.structure_id);

  ctemplate::TemplateDictionary dict("catalogue_show");
  dict.SetIntValue("ID", s.id);
  dict.SetValue("NOM", s.nom);
  dict.SetValue("DESCRIPTION", s.description);
  dict.SetValue("STATUS", status_label(s.status));
  dict.SetValue("STATUS_CLASS", status_badge(s.status));
  if (s.status != kPublished) dict.ShowSection("NOT_PUBLISHED");
  dict.SetValue("FRESHNESS", freshness_label(s.date_maj));
  dict.SetValue("DATE_MAJ", format_date_fr(s.date_maj));
  dict.SetValue("SCORE", score_label(quality_score(s)));
  if (is_stale(s)) dict.ShowSection("STALE");
  if (structure) {
    dict.SetValue("STRUCTURE", structure->nom);
    std::string where;
    if (structure->commune) where = *structure->commune;
    dict.SetValue("STRUCTURE_COMMUNE", where);
  }
  if (org && may_list_services(ctx.actor, *owner)) {
    dict.SetIntValue("ORG_ID", org->id);
    dict.ShowSection("ORG_LINK");
  }

  // How to reach the service.
  for (const auto& mode : s.modes_mobilisation) {
    auto* m = dict.AddSectionDictionary("MODE");
    m->SetValue("LABEL", label(Vocabulary::kModesMobilisation, mode));
  }
  if (s.modes_mobilisation.empty()) dict.ShowSection("NO_MODE");
  if (!s.mobilisable_par.empty()) {
    dict.SetValueAndShowSection(
        "MOBILISABLE_PAR", join_labels(Vocabulary::kPersonnesMobilisatrices, s.mobilisable_par),
        "HAS_MOBILISABLE_PAR");
  }
  if (s.mobilisation_precisions) {
    dict.SetValueAndShowSection("MOBILISATION_PRECISIONS", *s.mobilisation_precisions,
                                "HAS_MOBILISATION_PRECISIONS");
  }
  if (s.lien_mobilisation) {
    dict.SetValueAndShowSection("LIEN_MOBILISATION", *s.lien_mobilisation, "HAS_LIEN");
  }
  if (s.courriel) dict.SetValueAndShowSection("COURRIEL", *s.courriel, "HAS_COURRIEL");
  if (s.telephone) dict.SetValueAndShowSection("TELEPHONE", *s.telephone, "HAS_TELEPHONE");
  if (s.contact_nom_prenom) {
    dict.SetValueAndShowSection("CONTACT", *s.contact_nom_prenom, "HAS_CONTACT");
  }
  std::string address = s.adresse.value_or("");
  if (s.complement_adresse) address += (address.empty() ? "" : ", ") + *s.complement_adresse;
  std::string town = s.code_postal.value_or("");
  if (s.commune) town += (town.empty() ? "" : " ") + *s.commune;
  if (!town.empty()) address += (address.empty() ? "" : ", ") + town;
  if (!address.empty()) dict.SetValueAndShowSection("ADRESSE", address, "HAS_ADRESSE");
  if (s.horaires_accueil) {
    dict.SetValueAndShowSection("HORAIRES", *s.horaires_accueil, "HAS_HORAIRES");
  }
  if (s.lien_source) dict.SetValueAndShowSection("LIEN_SOURCE", *s.lien_source, "HAS_LIEN_SOURCE");

  // What it is and for whom.
  if (s.type) detail(dict, "Type", label(Vocabulary::kTypes, *s.type));
  for (const auto& thematique : s.thematiques) {
    auto* t = dict.AddSectionDictionary("THEMATIQUE");
    t->SetValue("CATEGORY", category_label(thematique_category(thematique)));
    t->SetValue("LABEL", label(Vocabulary::kThematiques, thematique));
  }
  if (!s.thematiques.empty()) dict.ShowSection("HAS_THEMATIQUES");
  detail(dict, "Publics", join_labels(Vocabulary::kPublics, s.publics));
  detail(dict, "Précisions sur les publics", s.publics_precisions.value_or(""));
  detail(dict, "Conditions d’accès", s.conditions_acces.value_or(""));
  std::string zone;
  for (const auto& code : s.zone_eligibilite) {
    zone += (zone.empty() ? "" : ", ") + zone_label(ctx.db, code);
  }
  detail(dict, "Zone d’éligibilité", zone);
  if (s.frais) {
    std::string frais = label(Vocabulary::kFrais, *s.frais);
    if (s.frais_precisions) frais += " — " + *s.frais_precisions;
    detail(dict, "Frais", frais);
  }
  detail(dict, "Modes d’accueil", join_labels(Vocabulary::kModesAccueil, s.modes_accueil));
  if (s.volume_horaire_hebdomadaire) {
    std::string hours = std::to_string(*s.volume_horaire_hebdomadaire);
    hours.resize(hours.find_last_not_of('0') + 1);
    if (!hours.empty() && hours.back() == '.') hours.pop_back();
    std::replace(hours.begin(), hours.end(), '.', ',');
    detail(dict, "Volume horaire", hours + " heures par semaine");
  }
  if (s.nombre_semaines) {
    detail(
        dict, "Durée",
        std::to_string(*s.nombre_semaines) + (*s.nombre_semaines > 1 ? " semaines" : " semaine"));
  }

  // Quality, criterion by criterion.
  for (const auto& criterion : quality_criteria(s)) {
    if (!criterion.value) continue;
    auto* c = dict.AddSectionDictionary("CRITERION");
    c->SetValue("LABEL", criterion.label);
    c->SetValue("VALUE", score_label(*criterion.value));
  }

  if (org && may_edit_services(ctx.actor, *owner)) {
    dict.ShowSection("CAN_EDIT");
    if (transition_allowed(s.status, kPublished)) dict.ShowSection("CAN_PUBLISH");
    if (transition_allowed(s.status, kArchived)) dict.ShowSection("CAN_ARCHIVE");
    if (transition_allowed(s.status, kDraft)) dict.ShowSection("CAN_DRAFT");
    if (s.status == kPublished) dict.ShowSection("CAN_CONFIRM");
    fill_history(dict, ctx.db, s, org->territory_id);
  }
  return html::page(ctx, s.nom, "catalogue/show.tpl", dict);
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/offre-de-services", index);
  router.add("GET", "/structures/{id}/services", list);
  router.add("GET", "/structures/{id}/services/nouveau", new_form);
  router.add("POST", "/structures/{id}/services/nouveau", create);
  router.add("GET", "/services/{id}", show);
  router.add("GET", "/services/{id}/modifier", edit_form);
  router.add("POST", "/services/{id}/modifier", update);
  router.add("POST", "/services/{id}/publier", set_status(kPublished, "Service publié."));
  router.add("POST", "/services/{id}/archiver", set_status(kArchived, "Service archivé."));
  router.add("POST", "/services/{id}/brouillon",
             set_status(kDraft, "Service repassé en brouillon : il n’est plus visible."));
  router.add("POST", "/services/{id}/a-jour", confirm);
}

}  // namespace parcours::catalogue

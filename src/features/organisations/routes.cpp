#include "features/organisations/routes.h"

#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/api/policy.h"
#include "features/followup/policy.h"
#include "features/organisations/kinds.h"
#include "features/organisations/members_routes.h"
#include "features/organisations/organisation.h"
#include "features/organisations/policy.h"
#include "features/plan/routes.h"
#include "features/territories/territory.h"

namespace parcours::organisations {
namespace {

std::optional<std::int64_t> actor_id(const http::Context& ctx) {
  if (!ctx.actor) return std::nullopt;
  return ctx.actor->user_id;
}

http::Response not_found(http::Context& ctx) {
  return html::error_page(ctx, 404, "Page non trouvée", "Cette structure n’existe pas.");
}

// The organisation named by the {id} path parameter, or the response to give instead.
std::optional<Organisation> organisation_of(http::Context& ctx) {
  auto it = ctx.request.params.find("id");
  auto id = it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
  if (!id) return std::nullopt;
  return find_organisation(ctx.db, *id);
}

// Territories in which the actor may create organisations.
std::vector<territories::Territory> creatable_territories(http::Context& ctx) {
  std::vector<territories::Territory> out;
  for (auto& t : territories::list_territories(ctx.db)) {
    if (may_create_organisation(ctx.actor, t.id)) out.push_back(std::move(t));
  }
  return out;
}

OrganisationForm form_from_request(const http::Request& request) {
  return {.territory_id = request.form_value("territory_id"),
          .name = request.form_value("name"),
          .kind = request.form_value("kind"),
          .siret = request.form_value("siret"),
          .address = request.form_value("address"),
          .postcode = request.form_value("postcode"),
          .commune = request.form_value("commune"),
          .email = request.form_value("email"),
          .phone = request.form_value("phone")};
}

// The create/edit form. `choices` are the territories offered (a fixed territory when one).
http::Response form_page(http::Context& ctx, const OrganisationForm& form,
                         const std::optional<Organisation>& existing,
                         const std::vector<territories::Territory>& choices, const Error* error) {
  ctemplate::TemplateDictionary dict("organisation_form");
  bool creating = !existing;
  std::string heading = creating ? "Créer une structure" : "Modifier " + existing->name;
  dict.SetValue("HEADING"_key, heading);
  dict.SetValue("ACTION"_key, creating
                                  ? "/structures/nouvelle"
                                  : "/structures/" + std::to_string(existing->id) + "/modifier");
  dict.SetValue("CANCEL"_key,
                creating ? "/structures" : "/structures/" + std::to_string(existing->id));
  dict.SetValue("SUBMIT"_key, creating ? "Créer la structure" : "Enregistrer");

  const territories::Territory* selected = nullptr;
  for (const auto& t : choices) {
    if (std::to_string(t.id) == form.territory_id) selected = &t;
  }
  if (choices.size() == 1) selected = &choices.front();
  if (choices.size() == 1) {
    dict.ShowSection("TERRITORY_FIXED"_key);
    dict.SetIntValue("TERRITORY_ID"_key, selected->id);
    dict.SetValue("TERRITORY_NAME"_key, selected->name);
  } else {
    dict.ShowSection("TERRITORY_CHOICE"_key);
    for (const auto& t : choices) {
      auto* option = dict.AddSectionDictionary("TERRITORY_OPTION"_key);
      option->SetIntValue("ID"_key, t.id);
      option->SetValue("NAME"_key, t.name);
      if (&t == selected) option->ShowSection("SELECTED"_key);
    }
  }
  if (selected) {
    std::string codes;
    for (const auto& d : selected->departements) codes += (codes.empty() ? "" : ",") + d;
    dict.SetValueAndShowSection("DEPARTEMENTS"_key, codes, "DEPARTEMENTS"_key);
  }
  for (const Kind& kind : organisation_kinds()) {
    auto* option = dict.AddSectionDictionary("KIND_OPTION"_key);
    option->SetValue("CODE"_key, kind.code);
    option->SetValue("LABEL"_key, kind.label);
    if (form.kind == kind.code) option->ShowSection("SELECTED"_key);
  }
  dict.SetValue("NAME"_key, form.name);
  dict.SetValue("SIRET"_key, form.siret);
  dict.SetValue("ADDRESS"_key, form.address);
  dict.SetValue("POSTCODE"_key, form.postcode);
  dict.SetValue("COMMUNE"_key, form.commune);
  dict.SetValue("EMAIL"_key, form.email);
  dict.SetValue("PHONE"_key, form.phone);
  if (error) html::show_form_error(dict, *error);
  return html::page(ctx, error ? "Erreur — " + heading : heading, "organisations/form.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /structures[?territoire=ID] — any signed-in account: the organisations it may see.
http::Response list(http::Context& ctx) {
  if (!may_list_organisations(ctx.actor)) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("organisations");
  OrganisationFilter filter;
  filter.territory_id = text::parse_id(ctx.request.query_value("territoire"));

  auto all_territories = territories::list_territories(ctx.db);
  if (ctx.actor->is_admin() && all_territories.size() > 1) {
    dict.ShowSection("FILTER"_key);
    for (const auto& t : all_territories) {
      auto* option = dict.AddSectionDictionary("TERRITORY_OPTION"_key);
      option->SetIntValue("ID"_key, t.id);
      option->SetValue("NAME"_key, t.name);
      if (filter.territory_id == t.id) option->ShowSection("SELECTED"_key);
    }
  }
  bool can_create = false;
  for (const auto& t : all_territories)
    can_create = can_create || may_create_organisation(ctx.actor, t.id);
  if (can_create) {
    dict.ShowSection("CAN_CREATE"_key);
    dict.SetValue("CREATE_QUERY"_key,
                  filter.territory_id ? "?territoire=" + std::to_string(*filter.territory_id) : "");
  }

  int shown = 0;
  for (const Organisation& org : list_organisations(ctx.db, filter)) {
    if (!may_view_organisation(ctx.actor, org.ref())) continue;
    auto* row = dict.AddSectionDictionary("ROW"_key);
    row->SetIntValue("ID"_key, org.id);
    row->SetValue("NAME"_key, org.name);
    row->SetValue("KIND"_key, kind_label(org.kind));
    row->SetValue("TERRITORY"_key, org.territory_name);
    row->SetValue("COMMUNE"_key, org.commune_name);
    row->ShowSection(org.active ? "ACTIVE" : "INACTIVE");
    ++shown;
  }
  dict.ShowSection(shown ? "HAS_ROWS" : "EMPTY");
  return html::page(ctx, "Structures", "organisations/list.tpl", dict);
}

// GET /structures/nouvelle[?territoire=ID] — admins, territory managers.
http::Response new_form(http::Context& ctx) {
  auto choices = creatable_territories(ctx);
  if (choices.empty()) return html::refuse(ctx);
  OrganisationForm blank;
  if (auto t = text::parse_id(ctx.request.query_value("territoire"))) {
    blank.territory_id = std::to_string(*t);
  }
  return form_page(ctx, blank, std::nullopt, choices, nullptr);
}

// POST /structures/nouvelle — admins, territory managers (in their territory).
http::Response create(http::Context& ctx) {
  auto choices = creatable_territories(ctx);
  if (choices.empty()) return html::refuse(ctx);
  OrganisationForm form = form_from_request(ctx.request);
  auto territory_id = text::parse_id(form.territory_id);
  if (territory_id && !may_create_organisation(ctx.actor, *territory_id)) {
    return html::refuse(ctx);
  }
  auto created = create_organisation(ctx.db, form, actor_id(ctx));
  if (!created) return form_page(ctx, form, std::nullopt, choices, &created.error());
  http::set_flash(ctx, "Structure créée.");
  return http::Response::redirect("/structures/" + std::to_string(*created));
}

// GET /structures/{id} — admins, its territory's managers, its members.
http::Response show(http::Context& ctx) {
  auto org = organisation_of(ctx);
  if (!org) return not_found(ctx);
  if (!may_view_organisation(ctx.actor, org->ref())) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("organisation");
  dict.SetIntValue("ID"_key, org->id);
  dict.SetValue("NAME"_key, org->name);
  dict.SetValue("KIND"_key, kind_label(org->kind));
  dict.SetValue("TERRITORY"_key, org->territory_name);
  dict.SetValue("SLUG"_key, org->slug);
  dict.SetValue("SIRET"_key, org->siret.value_or("Non renseigné"));
  std::string address = org->address;
  if (org->commune_code) {
    address += (address.empty() ? "" : ", ") + org->postcode + " " + org->commune_name;
  }
  dict.SetValue("ADDRESS"_key, address.empty() ? "Non renseignée" : address);
  dict.SetValue("EMAIL"_key, org->email.empty() ? "Non renseignée" : org->email);
  dict.SetValue("PHONE"_key, org->phone.empty() ? "Non renseigné" : org->phone);
  if (!org->active) dict.ShowSection("INACTIVE"_key);
  if (may_edit_organisation(ctx.actor, org->ref())) dict.ShowSection("CAN_EDIT"_key);
  if (may_view_members(ctx.actor, org->ref())) dict.ShowSection("CAN_SEE_MEMBERS"_key);
  if (api::may_manage_tokens(ctx.actor, org->id, org->territory_id))
    dict.ShowSection("CAN_API"_key);
  if (may_deactivate_organisation(ctx.actor, org->ref())) {
    dict.ShowSection(org->active ? "CAN_DEACTIVATE" : "CAN_REACTIVATE");
  }
  plan::fill_late_reviews_of_organisation(ctx, dict, org->id);
  if (followup::may_view_organisation_due(ctx.actor, org->id)) dict.ShowSection("FOLLOWUP_DUE"_key);
  return html::page(ctx, org->name, "organisations/show.tpl", dict);
}

// The territories an organisation may be placed in by this actor when editing it.
std::vector<territories::Territory> edit_choices(http::Context& ctx, const Organisation& org) {
  if (may_move_organisation(ctx.actor)) return territories::list_territories(ctx.db);
  auto current = territories::find_territory(ctx.db, org.territory_id);
  return current ? std::vector<territories::Territory>{*current}
                 : std::vector<territories::Territory>{};
}

// GET /structures/{id}/modifier — admins, its territory's managers.
http::Response edit_form(http::Context& ctx) {
  auto org = organisation_of(ctx);
  if (!org) return not_found(ctx);
  if (!may_edit_organisation(ctx.actor, org->ref())) return html::refuse(ctx);
  return form_page(ctx, form_of(*org), org, edit_choices(ctx, *org), nullptr);
}

// POST /structures/{id}/modifier — admins, its territory's managers.
http::Response update(http::Context& ctx) {
  auto org = organisation_of(ctx);
  if (!org) return not_found(ctx);
  if (!may_edit_organisation(ctx.actor, org->ref())) return html::refuse(ctx);
  OrganisationForm form = form_from_request(ctx.request);
  auto updated =
      update_organisation(ctx.db, org->id, form, may_move_organisation(ctx.actor), actor_id(ctx));
  if (!updated) return form_page(ctx, form, org, edit_choices(ctx, *org), &updated.error());
  http::set_flash(ctx, "Structure enregistrée.");
  return http::Response::redirect("/structures/" + std::to_string(org->id));
}

// POST /structures/{id}/desactiver and /reactiver — admins, its territory's managers.
http::Handler set_active(bool active) {
  return [active](http::Context& ctx) {
    auto org = organisation_of(ctx);
    if (!org) return not_found(ctx);
    if (!may_deactivate_organisation(ctx.actor, org->ref())) return html::refuse(ctx);
    auto done = set_organisation_active(ctx.db, org->id, active, actor_id(ctx));
    if (!done) return html::error_page(ctx, done.error());
    http::set_flash(ctx, active ? "Structure réactivée." : "Structure désactivée.");
    return http::Response::redirect("/structures/" + std::to_string(org->id));
  };
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/structures", list);
  router.add("GET", "/structures/nouvelle", new_form);
  router.add("POST", "/structures/nouvelle", create);
  router.add("GET", "/structures/{id}", show);
  router.add("GET", "/structures/{id}/modifier", edit_form);
  router.add("POST", "/structures/{id}/modifier", update);
  router.add("POST", "/structures/{id}/desactiver", set_active(false));
  router.add("POST", "/structures/{id}/reactiver", set_active(true));
  register_member_routes(router);
}

}  // namespace parcours::organisations

#include "features/territories/routes.h"

#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/exports/exports.h"
#include "features/territories/policy.h"
#include "features/territories/territory.h"

namespace parcours::territories {
namespace {

std::optional<std::int64_t> actor_id(const http::Context& ctx) {
  if (!ctx.actor) return std::nullopt;
  return ctx.actor->user_id;
}

std::optional<std::int64_t> id_param(const http::Context& ctx) {
  auto it = ctx.request.params.find("id");
  return it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
}

http::Response not_found(http::Context& ctx) {
  return html::error_page(ctx, 404, "Page non trouvée", "Ce territoire n’existe pas.");
}

std::string deadline_label(const Settings& s) {
  return std::to_string(s.orientation_deadline_days) +
         (s.working_days ? " jours ouvrés" : " jours calendaires");
}

TerritoryForm form_from_request(const http::Request& request) {
  return {.name = request.form_value("name"),
          .slug = request.form_value("slug"),
          .departements = request.form_value("departements"),
          .orientation_deadline_days = request.form_value("orientation_deadline_days"),
          .deadline_mode = request.form_value("deadline_mode"),
          .retention_months = request.form_value("retention_months")};
}

// The create/edit form, filled with `form` (as typed) and the error if any.
http::Response form_page(http::Context& ctx, const TerritoryForm& form, std::int64_t id,
                         bool identity_editable, const Error* error) {
  ctemplate::TemplateDictionary dict("territory_form");
  bool creating = id == 0;
  dict.SetValue("HEADING", creating ? "Créer un territoire" : "Territoire " + form.name);
  dict.SetValue("ACTION", creating ? "/territoires/nouveau" : "/territoires/" + std::to_string(id));
  dict.SetValue("SUBMIT", creating ? "Créer le territoire" : "Enregistrer");
  dict.ShowSection(identity_editable ? "IDENTITY_EDITABLE" : "IDENTITY_READONLY");
  dict.SetValue("NAME", form.name);
  dict.SetValue("SLUG", form.slug);
  dict.SetValue("DEPARTEMENTS", form.departements);
  dict.SetValue("ORIENTATION_DEADLINE_DAYS", form.orientation_deadline_days);
  dict.ShowSection(form.deadline_mode == "working" ? "WORKING_CHECKED" : "CALENDAR_CHECKED");
  dict.SetValue("RETENTION_MONTHS", form.retention_months);
  if (!creating) dict.SetIntValue("ID", id);
  if (!creating) dict.ShowSection("ORGANISATIONS_LINK");
  if (!creating && exports::may_export(ctx.actor, id)) dict.ShowSection("EXPORTS");
  if (error) html::show_form_error(dict, *error);
  std::string title = creating ? "Créer un territoire" : "Territoire " + form.name;
  if (error) title = "Erreur — " + title;
  return html::page(ctx, title, "territories/form.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /territoires — admins (all territories) and territory managers (theirs).
http::Response list(http::Context& ctx) {
  if (!may_list_territories(ctx.actor)) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("territories");
  if (may_create_territory(ctx.actor)) dict.ShowSection("CAN_CREATE");
  int shown = 0;
  for (const Territory& t : list_territories(ctx.db)) {
    if (!may_view_territory(ctx.actor, t.id)) continue;
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetIntValue("ID", t.id);
    row->SetValue("NAME", t.name);
    row->SetValue("SLUG", t.slug);
    row->SetValue("DEPARTEMENTS", form_of(t).departements);
    row->SetValue("DEADLINE", deadline_label(t.settings));
    row->SetIntValue("RETENTION", t.settings.retention_months);
    ++shown;
  }
  dict.ShowSection(shown ? "HAS_ROWS" : "EMPTY");
  return html::page(ctx, "Territoires", "territories/list.tpl", dict);
}

// GET /territoires/nouveau — admins.
http::Response new_form(http::Context& ctx) {
  if (!may_create_territory(ctx.actor)) return html::refuse(ctx);
  TerritoryForm blank{.orientation_deadline_days = std::to_string(kDefaultDeadlineDays),
                      .deadline_mode = "calendar",
                      .retention_months = std::to_string(kDefaultRetentionMonths)};
  return form_page(ctx, blank, 0, true, nullptr);
}

// POST /territoires/nouveau — admins.
http::Response create(http::Context& ctx) {
  if (!may_create_territory(ctx.actor)) return html::refuse(ctx);
  TerritoryForm form = form_from_request(ctx.request);
  auto created = create_territory(ctx.db, form, actor_id(ctx));
  if (!created) return form_page(ctx, form, 0, true, &created.error());
  http::set_flash(ctx, "Territoire créé.");
  return http::Response::redirect("/territoires/" + std::to_string(*created));
}

// GET /territoires/{id} — admins, and the territory's managers (settings only).
http::Response edit_form(http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return not_found(ctx);
  if (!may_view_territory(ctx.actor, *id)) return html::refuse(ctx);
  auto territory = find_territory(ctx.db, *id);
  if (!territory) return not_found(ctx);
  return form_page(ctx, form_of(*territory), *id, may_edit_territory(ctx.actor, *id), nullptr);
}

// POST /territoires/{id} — admins (everything), the territory's managers (settings).
http::Response update(http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return not_found(ctx);
  if (!may_edit_territory_settings(ctx.actor, *id)) return html::refuse(ctx);
  auto territory = find_territory(ctx.db, *id);
  if (!territory) return not_found(ctx);
  bool identity = may_edit_territory(ctx.actor, *id);
  TerritoryForm form = form_from_request(ctx.request);
  if (!identity) {
    TerritoryForm kept = form_of(*territory);
    form.name = kept.name;
    form.slug = kept.slug;
    form.departements = kept.departements;
  }
  auto updated = update_territory(ctx.db, *id, form, !identity, actor_id(ctx));
  if (!updated) {
    if (updated.error().code == ErrorCode::kNotFound) return not_found(ctx);
    return form_page(ctx, form, *id, identity, &updated.error());
  }
  http::set_flash(ctx, "Territoire enregistré.");
  return http::Response::redirect("/territoires/" + std::to_string(*id));
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/territoires", list);
  router.add("GET", "/territoires/nouveau", new_form);
  router.add("POST", "/territoires/nouveau", create);
  router.add("GET", "/territoires/{id}", edit_form);
  router.add("POST", "/territoires/{id}", update);
}

}  // namespace parcours::territories

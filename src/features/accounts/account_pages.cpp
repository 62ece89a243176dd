// "Mon compte": who I am, my roles, and the organisation I act for when I belong to several.
#include <boost/json.hpp>
#include <charconv>

#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/http/sessions.h"
#include "core/store/journal.h"
#include "features/accounts/pages.h"
#include "features/accounts/policy.h"

namespace parcours::accounts {
namespace {

struct Named {
  std::string name;
  std::optional<std::int64_t> territory_id;
};

std::optional<Named> organisation(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one("SELECT name, territory_id FROM organisations WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return Named{row->text(0), row->integer(1)};
}

std::string territory_name(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one("SELECT name FROM territories WHERE id = $1", {id});
  return row ? row->text(0) : std::string();
}

// "Professionnel — Mission locale de Sedan (chargé(e) d'orientation, référent(e) de parcours)"
std::string describe(store::Connection& conn, const security::Grant& grant) {
  std::string text = security::role_label(grant.role);
  if (grant.organisation_id) {
    if (auto org = organisation(conn, *grant.organisation_id)) text += " — " + org->name;
  } else if (grant.territory_id) {
    text += " — " + territory_name(conn, *grant.territory_id);
  }
  std::string flags;
  if (grant.orientation) flags = "chargé(e) d'orientation";
  if (grant.referent) flags += std::string(flags.empty() ? "" : ", ") + "référent(e) de parcours";
  if (!flags.empty()) text += " (" + flags + ")";
  return text;
}

}  // namespace

// GET /compte — any signed-in account.
http::Response show_account(http::Context& ctx) {
  if (!may_view_own_account(ctx.actor)) return html::refuse(ctx);
  const security::Actor& actor = *ctx.actor;
  ctemplate::TemplateDictionary dict("accounts/account");
  dict.SetValue("NAME", actor.name);
  dict.SetValue("EMAIL", actor.email);
  for (const auto& grant : actor.grants) {
    dict.AddSectionDictionary("ROLE")->SetValue("LABEL", describe(ctx.db, grant));
  }
  if (actor.grants.empty()) dict.ShowSection("NO_ROLE");

  auto organisations = actor.organisation_ids();
  if (organisations.size() > 1) {
    auto* choose = dict.AddSectionDictionary("CHOOSE_ORGANISATION");
    for (std::int64_t id : organisations) {
      auto org = organisation(ctx.db, id);
      if (!org) continue;
      auto* option = choose->AddSectionDictionary("ORGANISATION");
      option->SetIntValue("ID", id);
      option->SetValue("NAME", org->name);
      if (actor.acting_organisation_id == id) option->ShowSection("CHECKED");
    }
  } else if (actor.acting_organisation_id) {
    if (auto org = organisation(ctx.db, *actor.acting_organisation_id)) {
      dict.SetValueAndShowSection("ACTING_NAME", org->name, "ONE_ORGANISATION");
    }
  }
  return html::page(ctx, "Mon compte", "accounts/account.tpl", dict);
}

// POST /compte/structure — a signed-in account, for one of its organisations: organisation_id.
http::Response submit_acting_organisation(http::Context& ctx) {
  if (!ctx.session) return html::refuse(ctx);
  std::string field = ctx.request.form_value("organisation_id");
  std::int64_t organisation_id = 0;
  auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), organisation_id);
  if (ec != std::errc() || end != field.data() + field.size() ||
      !may_act_for_organisation(ctx.actor, organisation_id)) {
    return html::refuse(ctx);
  }
  auto org = organisation(ctx.db, organisation_id);
  if (!org) return html::error_page(ctx, 404, "Structure introuvable", "Structure introuvable.");
  store::with_transaction(ctx.db, [&] {
    http::set_acting_organisation(ctx.db, ctx.session->id, organisation_id);
    boost::json::object payload{{"organisation_id", organisation_id}};
    store::append_event(ctx.db, {.kind = "account.organisation_chosen",
                                 .territory_id = org->territory_id,
                                 .actor_id = ctx.actor->user_id,
                                 .payload_json = boost::json::serialize(payload)});
  });
  http::set_flash(ctx, "Vous agissez désormais pour " + org->name + ".");
  return http::Response::redirect("/compte", 303);
}

}  // namespace parcours::accounts

// The webhook pages of an organisation (/structures/{id}/webhooks), next to its partner tokens:
// list and creation (the secret shown once), one subscription with its delivery log, deletion,
// turning a disabled one on again. Organisation admins and the territory's managers.
#include <fmt/format.h>

#include <variant>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/feed/policy.h"
#include "features/feed/routes.h"
#include "features/feed/webhooks.h"
#include "features/organisations/organisation.h"

namespace parcours::feed {
namespace {

std::optional<std::int64_t> param(const http::Context& ctx, const char* name) {
  auto it = ctx.request.params.find(name);
  return it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
}

http::Response not_found(http::Context& ctx) {
  return html::error_page(ctx, 404, "Page non trouvée",
                          "Ce webhook ou cette structure n’existe pas.");
}

struct TokenChoice {
  std::int64_t id;
  std::string label;
};

// The organisation's tokens that can still be used, to attach a subscription to.
std::vector<TokenChoice> usable_tokens(store::Connection& conn, std::int64_t organisation_id) {
  std::vector<TokenChoice> out;
  for (const auto& row : conn.query(
           "SELECT id, name, prefix FROM api_tokens WHERE organisation_id = $1 AND revoked_at IS "
           "NULL AND (expires_at IS NULL OR expires_at > $2) ORDER BY id DESC",
           {organisation_id, now_seconds()})) {
    out.push_back({row.integer(0), fmt::format("{} ({}…)", row.text(1), row.text(2))});
  }
  return out;
}

std::string token_name(store::Connection& conn, std::int64_t token_id) {
  auto row = conn.query_one("SELECT name FROM api_tokens WHERE id = $1", {token_id});
  return row ? row->text(0) : "jeton supprimé";
}

std::string types_label(const std::string& types) {
  return types.empty() ? "tous les événements" : types;
}

// The organisation of the path, when the actor may manage its webhooks.
std::variant<organisations::Organisation, http::Response> load(http::Context& ctx) {
  auto id = param(ctx, "id");
  if (!id) return not_found(ctx);
  auto org = organisations::find_organisation(ctx.db, *id);
  if (!org) return not_found(ctx);
  if (!may_manage_webhooks(ctx.actor, org->id, org->territory_id)) return html::refuse(ctx);
  return *org;
}

struct FormValues {
  std::string token_id;
  std::string url;
  std::string event_types;
  std::string description;
};

http::Response list_page(http::Context& ctx, const organisations::Organisation& org,
                         const FormValues& form, const Error* error, unsigned status = 200) {
  ctemplate::TemplateDictionary dict("webhooks");
  dict.SetIntValue("ORG_ID", org.id);
  dict.SetValue("ORG_NAME", org.name);
  auto subscriptions = subscriptions_of_organisation(ctx.db, org.id);
  if (subscriptions.empty()) dict.ShowSection("NO_SUBSCRIPTION");
  for (const auto& s : subscriptions) {
    auto* row = dict.AddSectionDictionary("SUBSCRIPTION");
    row->SetIntValue(html::key("ID"), s.id);
    row->SetValue(html::key("URL"), s.url);
    row->SetValue(html::key("TOKEN"), token_name(ctx.db, s.token_id));
    row->SetValue(html::key("TYPES"), types_label(s.event_types));
    row->ShowSection(s.status == "active" ? "ACTIVE" : "DISABLED");
    row->SetIntValue(html::key("FAILURES"), s.failures);
  }
  auto tokens = usable_tokens(ctx.db, org.id);
  if (tokens.empty()) {
    dict.ShowSection("NO_TOKEN");
  } else {
    auto* form_dict = dict.AddSectionDictionary("FORM");
    for (const auto& t : tokens) {
      auto* option = form_dict->AddSectionDictionary("TOKEN_OPTION");
      option->SetIntValue(html::key("ID"), t.id);
      option->SetValue(html::key("LABEL"), t.label);
      if (form.token_id == std::to_string(t.id)) option->ShowSection("SELECTED");
    }
    form_dict->SetValue("URL", form.url);
    form_dict->SetValue("EVENT_TYPES", form.event_types);
    form_dict->SetValue("DESCRIPTION", form.description);
    form_dict->SetIntValue("ORG_ID", org.id);
    if (error) html::show_form_error(*form_dict, *error);
    if (error) html::show_form_error(dict, *error);
  }
  std::string title = "Webhooks — " + org.name;
  if (error) title = "Erreur — " + title;
  return html::page(ctx, title, "feed/webhooks.tpl", dict, status);
}

// GET /structures/{id}/webhooks
http::Response list(http::Context& ctx) {
  auto loaded = load(ctx);
  if (auto* refused = std::get_if<http::Response>(&loaded)) return std::move(*refused);
  return list_page(ctx, std::get<organisations::Organisation>(loaded), {}, nullptr);
}

// POST /structures/{id}/webhooks
http::Response create(http::Context& ctx) {
  auto loaded = load(ctx);
  if (auto* refused = std::get_if<http::Response>(&loaded)) return std::move(*refused);
  const auto& org = std::get<organisations::Organisation>(loaded);
  FormValues form{ctx.request.form_value("token_id"), ctx.request.form_value("url"),
                  ctx.request.form_value("event_types"), ctx.request.form_value("description")};
  auto token = text::parse_id(form.token_id);
  bool token_ok = false;
  if (token) {
    for (const auto& t : usable_tokens(ctx.db, org.id)) token_ok = token_ok || t.id == *token;
  }
  if (!token_ok) {
    Error error{ErrorCode::kInvalid, "Choisissez le jeton d’API auquel rattacher le webhook.",
                "token_id"};
    return list_page(ctx, org, form, &error, 422);
  }
  auto created = store::with_transaction(ctx.db, [&] {
    return create_subscription(ctx.db, {.token_id = *token,
                                        .organisation_id = org.id,
                                        .url = form.url,
                                        .event_types = form.event_types,
                                        .description = text::trim(form.description),
                                        .created_by = ctx.actor->user_id,
                                        .allow_loopback_http = !ctx.config.https()});
  });
  if (!created) return list_page(ctx, org, form, &created.error(), 422);
  ctemplate::TemplateDictionary dict("webhook_created");
  dict.SetIntValue("ORG_ID", org.id);
  dict.SetValue("ORG_NAME", org.name);
  dict.SetIntValue("ID", created->subscription.id);
  dict.SetValue("URL", created->subscription.url);
  dict.SetValue("SECRET", created->secret);
  auto response = html::page(ctx, "Webhook créé — " + org.name, "feed/webhook_created.tpl", dict);
  response.set_header("Cache-Control", "no-store");
  return response;
}

// GET /structures/{id}/webhooks/{webhook}
http::Response show(http::Context& ctx) {
  auto loaded = load(ctx);
  if (auto* refused = std::get_if<http::Response>(&loaded)) return std::move(*refused);
  const auto& org = std::get<organisations::Organisation>(loaded);
  auto id = param(ctx, "webhook");
  auto s = id ? find_subscription(ctx.db, *id) : std::nullopt;
  if (!s || s->organisation_id != org.id) return not_found(ctx);
  ctemplate::TemplateDictionary dict("webhook");
  dict.SetIntValue("ORG_ID", org.id);
  dict.SetValue("ORG_NAME", org.name);
  dict.SetIntValue("ID", s->id);
  dict.SetValue("URL", s->url);
  dict.SetValue("TOKEN", token_name(ctx.db, s->token_id));
  dict.SetValue("TYPES", types_label(s->event_types));
  dict.SetValue("DESCRIPTION", s->description.empty() ? "—" : s->description);
  dict.SetValue("CREATED", format_datetime_fr(s->created_at));
  if (s->status == "active") {
    dict.ShowSection("ACTIVE");
    if (s->failures > 0) {
      auto* failing = dict.AddSectionDictionary("FAILING");
      failing->SetIntValue("FAILURES", s->failures);
      failing->SetValue("NEXT", format_datetime_fr(s->next_attempt_at));
    }
  } else {
    auto* disabled = dict.AddSectionDictionary("DISABLED");
    disabled->SetValue("WHEN", s->disabled_at ? format_datetime_fr(*s->disabled_at) : "");
    disabled->SetValue("REASON", s->disabled_reason);
    disabled->SetIntValue("ORG_ID", org.id);
    disabled->SetIntValue("ID", s->id);
  }
  auto deliveries = list_deliveries(ctx.db, s->id, 50);
  if (deliveries.empty())
    dict.ShowSection("NO_DELIVERY");
  else {
    auto* table = dict.AddSectionDictionary("HAS_DELIVERIES");
    for (const auto& d : deliveries) {
      auto* row = table->AddSectionDictionary("DELIVERY");
      row->SetValue(html::key("WHEN"), format_datetime_fr(d.at));
      row->SetIntValue(html::key("POSITION"), d.position);
      row->SetValue(html::key("TYPE"), d.event_type);
      row->SetIntValue(html::key("ATTEMPT"), d.attempt);
      row->SetValue(html::key("RESULT"),
                    d.succeeded ? fmt::format("Reçu (HTTP {})", d.status_code.value_or(0))
                                : "Échec : " + d.error);
      row->ShowSection(d.succeeded ? "OK" : "KO");
      row->SetIntValue(html::key("MS"), d.duration_ms);
    }
  }
  return html::page(ctx, "Webhook vers " + s->url, "feed/webhook.tpl", dict);
}

http::Response change(http::Context& ctx, bool remove) {
  auto loaded = load(ctx);
  if (auto* refused = std::get_if<http::Response>(&loaded)) return std::move(*refused);
  const auto& org = std::get<organisations::Organisation>(loaded);
  auto id = param(ctx, "webhook");
  auto s = id ? find_subscription(ctx.db, *id) : std::nullopt;
  if (!s || s->organisation_id != org.id) return not_found(ctx);
  std::string base = fmt::format("/structures/{}/webhooks", org.id);
  if (remove) {
    store::with_transaction(ctx.db, [&] { delete_subscription(ctx.db, *s, ctx.actor->user_id); });
    http::set_flash(ctx, "Webhook supprimé.");
    return http::Response::redirect(base);
  }
  store::with_transaction(ctx.db, [&] { reenable_subscription(ctx.db, *s, ctx.actor->user_id); });
  http::set_flash(ctx, "Webhook réactivé : les événements reprennent là où ils s’étaient arrêtés.");
  return http::Response::redirect(fmt::format("{}/{}", base, s->id));
}

}  // namespace

void register_pages(http::Router& router) {
  router.add("GET", "/structures/{id}/webhooks", list);
  router.add("POST", "/structures/{id}/webhooks", create);
  router.add("GET", "/structures/{id}/webhooks/{webhook}", show);
  router.add("POST", "/structures/{id}/webhooks/{webhook}/supprimer",
             [](http::Context& ctx) { return change(ctx, true); });
  router.add("POST", "/structures/{id}/webhooks/{webhook}/reactiver",
             [](http::Context& ctx) { return change(ctx, false); });
}

}  // namespace parcours::feed

// The "Accès API" page of an organisation (/structures/{id}/acces-api): its partner tokens with
// their scopes, expiry and last use; a form to create one (the secret is shown once, on the page
// that answers the form, never stored nor put in a cookie); revocation. Organisation admins and
// territory managers (policy.h).
#include "features/api/pages.h"

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/api/policy.h"
#include "features/api/tokens.h"
#include "features/organisations/organisation.h"

namespace parcours::api {
namespace {

struct Typed {
  std::string name;
  std::map<std::string, std::string> access;  // resource → "", "read", "write"
  std::string expires;
};

std::string scopes_label(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& r : resources()) {
    bool write = grants(scopes, r.code, Access::kWrite);
    bool read = grants(scopes, r.code, Access::kRead);
    if (!read) continue;
    out += (out.empty() ? "" : ", ") + std::string(r.label) +
           (write ? " (lecture et écriture)" : " (lecture)");
  }
  return out;
}

std::optional<organisations::Organisation> organisation_of(http::Context& ctx) {
  auto id = text::parse_id(ctx.request.params["id"]);
  if (!id) return std::nullopt;
  return organisations::find_organisation(ctx.db, *id);
}

http::Response tokens_page(http::Context& ctx, const organisations::Organisation& org,
                           const Typed& typed, const Error* error, const CreatedToken* created) {
  ctemplate::TemplateDictionary dict("api_tokens");
  dict.SetIntValue("ORG_ID", org.id);
  dict.SetValue("ORG_NAME", org.name);
  dict.SetValue("CSRF_TOKEN", ctx.csrf_token);
  dict.SetValue("NAME", typed.name);
  dict.SetValue("EXPIRES", typed.expires);
  if (created) {
    auto* s = dict.AddSectionDictionary("CREATED");
    s->SetValue("SECRET", created->secret);
    s->SetValue("TOKEN_NAME", created->token.name);
  }
  for (const auto& r : resources()) {
    auto* row = dict.AddSectionDictionary("RESOURCE");
    row->SetValue("CODE", r.code);
    row->SetValue("LABEL", r.label);
    auto it = typed.access.find(r.code);
    std::string chosen = it == typed.access.end() ? "" : it->second;
    row->ShowSection(chosen == "read" ? "READ" : chosen == "write" ? "WRITE" : "NONE");
    if (error && error->field == "scopes") row->ShowSection("SCOPES_ERROR");
  }
  if (error) html::show_form_error(dict, *error);
  auto tokens = list_tokens(ctx.db, org.id);
  dict.ShowSection(tokens.empty() ? "NO_TOKENS" : "HAS_TOKENS");
  std::int64_t now = now_seconds();
  for (const auto& t : tokens) {
    auto* row = dict.AddSectionDictionary("TOKEN");
    row->SetIntValue("ORG_ID", org.id);
    row->SetIntValue("TOKEN_ID", t.id);
    row->SetValue("CSRF_TOKEN", ctx.csrf_token);
    row->SetValue("TOKEN_NAME", t.name);
    row->SetValue("PREFIX", t.prefix + "…");
    row->SetValue("SCOPES", scopes_label(t.scopes));
    row->SetValue("CREATED", format_datetime_fr(t.created_at) +
                                 (t.created_by_name.empty() ? "" : " par " + t.created_by_name));
    row->SetValue("EXPIRES", t.expires_at ? format_datetime_fr(*t.expires_at) : "Jamais");
    row->SetValue("LAST_USED", t.last_used_at ? format_datetime_fr(*t.last_used_at) : "Jamais");
    if (t.revoked_at) {
      row->SetValueAndShowSection("REVOKED_AT", format_datetime_fr(*t.revoked_at), "REVOKED");
    } else if (t.expired(now)) {
      row->ShowSection("EXPIRED");
    } else {
      row->ShowSection("ACTIVE");
    }
  }
  std::string title = "Accès API — " + org.name;
  return html::page(ctx, error ? "Erreur — " + title : title, "api/tokens.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /structures/{id}/acces-api
http::Response show(http::Context& ctx) {
  auto org = organisation_of(ctx);
  if (!org) {
    return html::error_page(ctx, 404, "Structure introuvable", "Cette structure n’existe pas.");
  }
  if (!may_manage_tokens(ctx.actor, org->id, org->territory_id)) return html::refuse(ctx);
  return tokens_page(ctx, *org, {}, nullptr, nullptr);
}

// POST /structures/{id}/acces-api — creates a token and shows its secret once.
http::Response create(http::Context& ctx) {
  auto org = organisation_of(ctx);
  if (!org) {
    return html::error_page(ctx, 404, "Structure introuvable", "Cette structure n’existe pas.");
  }
  if (!may_manage_tokens(ctx.actor, org->id, org->territory_id)) return html::refuse(ctx);
  Typed typed{.name = ctx.request.form_value("name"), .expires = ctx.request.form_value("expires")};
  std::string scopes;
  for (const auto& r : resources()) {
    std::string access = ctx.request.form_value(std::string("scope_") + r.code);
    if (access != "read" && access != "write") access.clear();
    typed.access[r.code] = access;
    if (!access.empty()) scopes += std::string(r.code) + ":" + access + " ";
  }
  auto made = create_token(
      ctx.db,
      {.organisation_id = org->id, .name = typed.name, .scopes = scopes, .expires = typed.expires},
      ctx.actor->user_id);
  if (!made) return tokens_page(ctx, *org, typed, &made.error(), nullptr);
  return tokens_page(ctx, *org, {}, nullptr, &*made);
}

// POST /structures/{id}/acces-api/{token}/revoquer
http::Response revoke(http::Context& ctx) {
  auto org = organisation_of(ctx);
  if (!org) {
    return html::error_page(ctx, 404, "Structure introuvable", "Cette structure n’existe pas.");
  }
  if (!may_manage_tokens(ctx.actor, org->id, org->territory_id)) return html::refuse(ctx);
  auto token_id = text::parse_id(ctx.request.params["token"]);
  if (!token_id) return html::error_page(ctx, 404, "Jeton introuvable", "Ce jeton n’existe pas.");
  auto token = find_token(ctx.db, *token_id);
  auto done = revoke_token(ctx.db, org->id, *token_id, ctx.actor->user_id);
  if (!done) return html::error_page(ctx, done.error());
  http::set_flash(ctx, "Jeton « " + token->name + " » révoqué : il ne permet plus aucun appel.");
  return http::Response::redirect("/structures/" + std::to_string(org->id) + "/acces-api");
}

}  // namespace

void register_token_pages(http::Router& router) {
  router.add("GET", "/structures/{id}/acces-api", show);
  router.add("POST", "/structures/{id}/acces-api", create);
  router.add("POST", "/structures/{id}/acces-api/{token}/revoquer", revoke);
}

}  // namespace parcours::api

// Sign-in to the person's space by a link sent by email, and sign-out. The answer to a request
// for a link is the same whatever the address; requests are limited per IP address here and
// per person in login_links. The emailed link opens a page with one button: a mail scanner that
// follows the link does not use it up, only the person's click (a POST) does.
#include <boost/json.hpp>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/security/rate_limit.h"
#include "core/store/journal.h"
#include "features/accounts/users.h"
#include "features/portal/login_links.h"
#include "features/portal/pages.h"
#include "features/portal/person_sessions.h"

namespace parcours::portal {
namespace {

constexpr const char* kLoginTitle = "Accéder à mon espace";
constexpr std::int64_t kIpWindow = 15 * 60;

// Requests from one IP address, in memory: a request for an unknown address leaves no row to
// count. Per server process, which is enough to stop one client from flooding.
security::WindowLimiter& ip_limiter() {
  static security::WindowLimiter limiter(10, kIpWindow);
  return limiter;
}

http::Response login_page(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                          unsigned status = 200) {
  return html::page(ctx, status == 200 ? kLoginTitle : std::string("Erreur — ") + kLoginTitle,
                    "portal/login.tpl", dict, status);
}

http::Response invalid_link_page(http::Context& ctx) {
  ctemplate::TemplateDictionary dict("portal/link");
  dict.ShowSection("INVALID");
  return html::page(ctx, "Lien expiré ou déjà utilisé", "portal/link.tpl", dict, 410);
}

}  // namespace

std::optional<std::int64_t> signed_in_person(const http::Context& ctx) {
  if (!ctx.person_session) return std::nullopt;
  return ctx.person_session->person_id;
}

http::Response to_login(http::Context&) {
  return http::Response::redirect("/mon-espace/connexion", 303);
}

// GET /mon-espace/connexion — anyone; a person already signed in goes to their space.
http::Response show_login(http::Context& ctx) {
  if (ctx.person_session) return http::Response::redirect("/mon-espace", 303);
  ctemplate::TemplateDictionary dict("portal/login");
  dict.ShowSection("FORM");
  return login_page(ctx, dict);
}

// POST /mon-espace/connexion — anyone: email.
http::Response submit_login(http::Context& ctx) {
  ctemplate::TemplateDictionary dict("portal/login");
  std::string typed = ctx.request.form_value("email");
  auto email = accounts::validate_email(typed, "email");
  if (!email) {
    dict.ShowSection("FORM");
    dict.SetValue("EMAIL", typed);
    html::show_form_error(dict, email.error());
    return login_page(ctx, dict, 422);
  }
  if (!ip_limiter().allow(ctx.request.remote_ip, now_seconds())) {
    dict.ShowSection("FORM");
    dict.SetValue("EMAIL", typed);
    html::show_form_error(dict, {ErrorCode::kTooManyRequests,
                                 "Trop de demandes ont été faites depuis votre connexion. "
                                 "Réessayez dans 15 minutes.",
                                 ""});
    auto response = login_page(ctx, dict, 429);
    response.set_header("Retry-After", std::to_string(kIpWindow));
    return response;
  }
  request_login_links(ctx.db, *email, ctx.config.public_url);
  dict.ShowSection("SENT");
  dict.SetValue("EMAIL", *email);
  return login_page(ctx, dict);
}

// GET /mon-espace/lien/{token} — anyone holding a valid link: a button to open the space.
http::Response show_link(http::Context& ctx) {
  const std::string& token = ctx.request.params.at("token");
  if (!find_login_link(ctx.db, token)) return invalid_link_page(ctx);
  ctemplate::TemplateDictionary dict("portal/link");
  dict.ShowSection("VALID");
  dict.SetValue("TOKEN", token);
  return html::page(ctx, "Ouvrir mon espace", "portal/link.tpl", dict);
}

// POST /mon-espace/lien/{token} — anyone holding a valid link: uses it, opens a person session.
http::Response submit_link(http::Context& ctx) {
  const std::string& token = ctx.request.params.at("token");
  std::optional<NewPersonSession> created;
  auto used = store::with_transaction(ctx.db, [&]() -> Result<std::int64_t> {
    auto person_id = use_login_link(ctx.db, token);
    if (!person_id) return person_id;
    // A new session each time: a session id planted before sign-in is never reused.
    if (ctx.person_session) destroy_person_session(ctx.db, ctx.person_session->id);
    created = create_person_session(ctx.db, *person_id);
    return person_id;
  });
  if (!used) return invalid_link_page(ctx);
  ctx.response_headers.emplace_back("Set-Cookie",
                                    person_session_cookie(created->token, ctx.config));
  return http::Response::redirect("/mon-espace", 303);
}

// POST /mon-espace/deconnexion — anyone (signed in or not: the answer is the same).
http::Response submit_logout(http::Context& ctx) {
  if (ctx.person_session) {
    store::with_transaction(ctx.db, [&] {
      destroy_person_session(ctx.db, ctx.person_session->id);
      auto territory = ctx.db.query_one("SELECT territory_id FROM persons WHERE id = $1",
                                        {ctx.person_session->person_id});
      boost::json::object payload{{"person_id", ctx.person_session->person_id}};
      store::append_event(ctx.db,
                          {.kind = "portal.signed_out",
                           .territory_id = territory ? territory->opt_integer(0) : std::nullopt,
                           .payload_json = boost::json::serialize(payload)});
    });
  }
  ctx.response_headers.emplace_back("Set-Cookie", person_session_cookie("", ctx.config));
  http::set_flash(ctx, "Vous êtes déconnecté(e) de votre espace.");
  return http::Response::redirect("/mon-espace/connexion", 303);
}

}  // namespace parcours::portal

// Login and logout pages. The pipeline has already checked CSRF and Origin on the POSTs.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/sessions.h"
#include "core/store/journal.h"
#include "features/accounts/login.h"
#include "features/accounts/pages.h"

namespace parcours::accounts {
namespace {

constexpr const char* kLoginTitle = "Connexion";
constexpr const char* kWrongCredentials = "Adresse électronique ou mot de passe incorrect.";

void fill_login(const std::string& email, const std::string& next,
                ctemplate::TemplateDictionary& dict) {
  dict.SetValue("EMAIL", email);
  dict.SetValue("NEXT", local_path_or_root(next));
}

std::string retry_message(std::int64_t retry_at, std::int64_t now) {
  std::int64_t minutes = std::max<std::int64_t>(1, (retry_at - now + 59) / 60);
  return fmt::format(
      "Trop de tentatives de connexion ont échoué. Par sécurité, la connexion est suspendue : "
      "réessayez dans {} minute{}, à partir du {}.",
      minutes, minutes > 1 ? "s" : "", format_datetime_fr(retry_at));
}

}  // namespace

// GET /connexion — anyone; a signed-in visitor goes straight to `next`.
http::Response show_login(http::Context& ctx) {
  std::string next = ctx.request.query_value("next");
  if (ctx.signed_in()) return http::Response::redirect(local_path_or_root(next), 303);
  ctemplate::TemplateDictionary dict("accounts/login");
  fill_login("", next, dict);
  return html::page(ctx, kLoginTitle, "accounts/login.tpl", dict);
}

// POST /connexion — anyone: email, password, next.
http::Response submit_login(http::Context& ctx) {
  const auto& req = ctx.request;
  std::string email = req.form_value("email");
  std::string password = req.form_value("password");
  std::string next = local_path_or_root(req.form_value("next"));
  ctemplate::TemplateDictionary dict("accounts/login");
  fill_login(email, next, dict);

  bool no_email = email.find_first_not_of(" \t") == std::string::npos;
  if (no_email || password.empty()) {
    if (no_email) {
      html::show_form_error(
          dict, {ErrorCode::kInvalid, "Saisissez votre adresse électronique.", "email"});
    }
    if (password.empty()) {
      html::show_form_error(dict,
                            {ErrorCode::kInvalid, "Saisissez votre mot de passe.", "password"});
    }
    return html::page(ctx, kLoginTitle, "accounts/login.tpl", dict, 422);
  }

  std::optional<std::int64_t> previous_session;
  if (ctx.session) previous_session = ctx.session->id;
  LoginOutcome outcome = log_in(ctx.db, {email, password, req.remote_ip, previous_session});
  switch (outcome.status) {
    case LoginStatus::kSucceeded:
      ctx.response_headers.emplace_back("Set-Cookie",
                                        http::session_cookie(outcome.session->token, ctx.config));
      return http::Response::redirect(next, 303);
    case LoginStatus::kThrottled: {
      html::show_form_error(
          dict, {ErrorCode::kTooManyRequests, retry_message(outcome.retry_at, now_seconds()), ""});
      auto response = html::page(ctx, kLoginTitle, "accounts/login.tpl", dict, 429);
      response.set_header("Retry-After", std::to_string(std::max<std::int64_t>(
                                             1, outcome.retry_at - now_seconds())));
      return response;
    }
    case LoginStatus::kFailed:
      break;
  }
  html::show_form_error(dict, {ErrorCode::kInvalid, kWrongCredentials, ""});
  return html::page(ctx, kLoginTitle, "accounts/login.tpl", dict, 422);
}

// POST /deconnexion — anyone (signed in or not: the answer is the same).
http::Response submit_logout(http::Context& ctx) {
  if (ctx.session) {
    store::with_transaction(ctx.db, [&] {
      http::destroy_session(ctx.db, ctx.session->id);
      boost::json::object payload{{"session_id", ctx.session->id}};
      store::append_event(ctx.db, {.kind = "account.logged_out",
                                   .actor_id = ctx.session->user_id,
                                   .payload_json = boost::json::serialize(payload)});
    });
  }
  ctx.response_headers.emplace_back("Set-Cookie", http::session_cookie("", ctx.config));
  return http::Response::redirect("/connexion", 303);
}

}  // namespace parcours::accounts

// Forgotten password and the page of an emailed link (reset or invitation). The answer to a
// reset request is the same whether the account exists or not; mails to one account are
// limited, and requests from one address too.
#include <fmt/format.h>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/mail/outbox.h"
#include "core/security/password.h"
#include "core/security/rate_limit.h"
#include "features/accounts/pages.h"
#include "features/accounts/users.h"

namespace parcours::accounts {
namespace {

constexpr const char* kForgotTitle = "Mot de passe oublié";
constexpr int kMailsPerAccount = 3;  // reset mails to one account per window
constexpr std::int64_t kResetWindow = 15 * 60;

// Requests from one IP address; kept in memory because a request for an unknown address leaves
// no row to count. Per server process, which is enough to stop one client from flooding.
security::WindowLimiter& forgot_limiter() {
  static security::WindowLimiter limiter(10, kResetWindow);
  return limiter;
}

std::string link_base(const Config& config) {
  std::string base = config.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

mail::Mail reset_mail(const Config& config, const std::string& to, const std::string& name,
                      const std::string& token) {
  return {to, "Parcours : choisir un nouveau mot de passe",
          fmt::format("Bonjour {},\n\n"
                      "Vous avez demandé à choisir un nouveau mot de passe pour Parcours. "
                      "Ouvrez ce lien, valable 30 minutes et une seule fois :\n\n"
                      "{}/mot-de-passe/{}\n\n"
                      "Si vous n'avez rien demandé, ignorez ce courriel : votre mot de passe "
                      "reste le même.\n\n"
                      "Parcours — service public de l'insertion et de l'emploi\n",
                      name, link_base(config), token)};
}

http::Response invalid_link_page(http::Context& ctx) {
  ctemplate::TemplateDictionary dict("accounts/password");
  dict.ShowSection("INVALID_LINK");
  return html::page(ctx, "Lien expiré ou déjà utilisé", "accounts/password.tpl", dict, 410);
}

http::Response password_form(http::Context& ctx, const PasswordToken& found,
                             ctemplate::TemplateDictionary& dict, unsigned status) {
  dict.SetValue("TOKEN", ctx.request.params.at("token"));
  dict.SetValue("EMAIL", found.email);
  bool invitation = found.purpose == "invitation";
  dict.ShowSection(invitation ? "INVITATION" : "RESET");
  dict.ShowSection("FORM");
  return html::page(ctx, invitation ? "Choisir votre mot de passe" : "Nouveau mot de passe",
                    "accounts/password.tpl", dict, status);
}

}  // namespace

// GET /mot-de-passe-oublie — anyone.
http::Response show_forgot_password(http::Context& ctx) {
  ctemplate::TemplateDictionary dict("accounts/forgot");
  dict.ShowSection("FORM");
  return html::page(ctx, kForgotTitle, "accounts/forgot.tpl", dict);
}

// POST /mot-de-passe-oublie — anyone: email.
http::Response submit_forgot_password(http::Context& ctx) {
  ctemplate::TemplateDictionary dict("accounts/forgot");
  std::string typed = ctx.request.form_value("email");
  auto email = validate_email(typed);
  if (!email) {
    dict.ShowSection("FORM");
    dict.SetValue("EMAIL", typed);
    html::show_form_error(dict, email.error());
    return html::page(ctx, kForgotTitle, "accounts/forgot.tpl", dict, 422);
  }
  std::int64_t now = now_seconds();
  if (!forgot_limiter().allow(ctx.request.remote_ip, now)) {
    dict.ShowSection("FORM");
    dict.SetValue("EMAIL", typed);
    html::show_form_error(dict,
                          {ErrorCode::kTooManyRequests,
                           "Trop de demandes ont été faites depuis votre connexion. Réessayez dans "
                           "15 minutes.",
                           ""});
    auto response = html::page(ctx, kForgotTitle, "accounts/forgot.tpl", dict, 429);
    response.set_header("Retry-After", std::to_string(kResetWindow));
    return response;
  }

  store::with_transaction(ctx.db, [&] {
    auto user =
        ctx.db.query_one("SELECT id, name FROM users WHERE email = $1 AND active = 1", {*email});
    if (!user) return;
    auto recent = ctx.db.query_one(
        "SELECT COUNT(*) FROM password_tokens "
        "WHERE user_id = $1 AND purpose = 'reset' AND created_at > $2",
        {user->integer(0), now - kResetWindow});
    if (recent && recent->integer(0) >= kMailsPerAccount) return;
    std::string token = issue_password_token(ctx.db, user->integer(0), "reset");
    mail::queue_mail(ctx.db, reset_mail(ctx.config, *email, user->text(1), token));
  });
  dict.ShowSection("SENT");
  return html::page(ctx, kForgotTitle, "accounts/forgot.tpl", dict);
}

// GET /mot-de-passe/{token} — anyone holding a valid link.
http::Response show_password_form(http::Context& ctx) {
  auto found = find_password_token(ctx.db, ctx.request.params.at("token"));
  if (!found) return invalid_link_page(ctx);
  ctemplate::TemplateDictionary dict("accounts/password");
  return password_form(ctx, *found, dict, 200);
}

// POST /mot-de-passe/{token} — anyone holding a valid link: password, password_confirmation.
http::Response submit_password_form(http::Context& ctx) {
  const std::string& token = ctx.request.params.at("token");
  auto found = find_password_token(ctx.db, token);
  if (!found) return invalid_link_page(ctx);

  std::string password = ctx.request.form_value("password");
  ctemplate::TemplateDictionary dict("accounts/password");
  if (auto ok = security::check_new_password(password, "password"); !ok) {
    html::show_form_error(dict, ok.error());
    return password_form(ctx, *found, dict, 422);
  }
  if (ctx.request.form_value("password_confirmation") != password) {
    html::show_form_error(
        dict, {ErrorCode::kInvalid,
               "Les deux mots de passe ne sont pas identiques. Saisissez le même mot de "
               "passe dans les deux champs.",
               "password_confirmation"});
    return password_form(ctx, *found, dict, 422);
  }

  std::string hash = security::hash_password(password);
  auto used =
      store::with_transaction(ctx.db, [&] { return use_password_token(ctx.db, token, hash); });
  if (!used) return invalid_link_page(ctx);
  http::set_flash(ctx, used->purpose == "invitation"
                           ? "Votre mot de passe est enregistré. Vous pouvez vous connecter."
                           : "Votre mot de passe a été changé. Connectez-vous avec le nouveau.");
  return http::Response::redirect("/connexion", 303);
}

}  // namespace parcours::accounts

// The public form "Demander un accompagnement" (no account). Abuse is limited per IP address
// (a French 429 page that keeps what was typed), and a field hidden from people ("site_web")
// catches robots: when it is filled the form answers as if the request were sent, and writes
// nothing.
#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/security/rate_limit.h"
#include "features/portal/form_errors.h"
#include "features/portal/pages.h"
#include "features/portal/policy.h"
#include "features/portal/request.h"

namespace parcours::portal {
namespace {

constexpr const char* kTitle = "Demander un accompagnement";
constexpr const char* kHoneypot = "site_web";
constexpr std::int64_t kRequestWindow = 60 * 60;

// Requests accepted from one IP address per hour: a household may send a few, a robot no more.
security::WindowLimiter& request_limiter() {
  static security::WindowLimiter limiter(5, kRequestWindow);
  return limiter;
}

RequestForm form_from(const http::Request& request) {
  return {.birth_name = request.form_value("birth_name"),
          .first_names = request.form_value("first_names"),
          .birth_date = request.form_value("birth_date"),
          .nir = request.form_value("nir"),
          .email = request.form_value("email"),
          .phone = request.form_value("phone"),
          .commune = request.form_value("commune"),
          .postcode = request.form_value("postcode"),
          .need = request.form_value("need")};
}

http::Response form_page(http::Context& ctx, const RequestForm& form,
                         const std::vector<Error>& errors, unsigned status) {
  ctemplate::TemplateDictionary dict("portal/request");
  dict.SetValue("BIRTH_NAME", form.birth_name);
  dict.SetValue("FIRST_NAMES", form.first_names);
  dict.SetValue("BIRTH_DATE", form.birth_date);
  dict.SetValue("NIR", form.nir);
  dict.SetValue("EMAIL", form.email);
  dict.SetValue("PHONE", form.phone);
  dict.SetValue("COMMUNE", form.commune);
  dict.SetValue("POSTCODE", form.postcode);
  dict.SetValue("NEED", form.need);
  show_form_errors(dict, errors);
  return html::page(ctx, errors.empty() ? kTitle : std::string("Erreur — ") + kTitle,
                    "portal/request.tpl", dict, status);
}

}  // namespace

// GET /demander-un-accompagnement — anyone.
http::Response show_request_form(http::Context& ctx) { return form_page(ctx, {}, {}, 200); }

// POST /demander-un-accompagnement — anyone: birth_name, first_names, birth_date, nir, email,
// phone, commune, postcode, need (and the trap field site_web, left empty by people).
http::Response submit_request_form(http::Context& ctx) {
  if (!may_request_accompaniment(signed_in_person(ctx))) return html::refuse(ctx);
  RequestForm form = form_from(ctx.request);
  bool robot = !ctx.request.form_value(kHoneypot).empty();
  if (!robot) {
    if (auto errors = check_request(ctx.db, form); !errors.empty()) {
      return form_page(ctx, form, errors, 422);
    }
  }
  if (!request_limiter().allow(ctx.request.remote_ip, now_seconds())) {
    auto response = form_page(
        ctx, form,
        {{ErrorCode::kTooManyRequests,
          "Trop de demandes ont été envoyées depuis votre connexion. Votre demande n’est pas "
          "partie : réessayez dans une heure, ou appelez le conseil départemental.",
          ""}},
        429);
    response.set_header("Retry-After", std::to_string(kRequestWindow));
    return response;
  }
  if (!robot) {
    auto sent = submit_request(ctx.db, form, ctx.config.public_url);
    if (!sent) return form_page(ctx, form, sent.error(), 422);
  }
  return http::Response::redirect("/demander-un-accompagnement/envoyee", 303);
}

// GET /demander-un-accompagnement/envoyee — anyone: the confirmation.
http::Response show_request_sent(http::Context& ctx) {
  ctemplate::TemplateDictionary dict("portal/request_sent");
  return html::page(ctx, "Votre demande est envoyée", "portal/request_sent.tpl", dict);
}

}  // namespace parcours::portal

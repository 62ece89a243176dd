// The public pages of referrals:
//   GET  /orientation-recue/{token}        the holder of a valid link (the service's contact):
//                                          the referral and only the fields shared
//   POST /orientation-recue/{token}        the same: decision=accept|refuse, reason
//   GET  /mon-espace/services              the signed-in person: services for their needs
//   POST /mon-espace/services/{service}/demander   the signed-in person: ask their référent
#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/people/journeys.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "features/portal/accesses.h"
#include "features/portal/pages.h"
#include "features/portal/policy.h"
#include "features/referrals/matching.h"
#include "features/referrals/policy.h"
#include "features/referrals/referrals.h"
#include "features/referrals/routes.h"
#include "features/referrals/shared_view.h"

namespace parcours::referrals {
namespace {

std::string token_of(const http::Context& ctx) {
  auto it = ctx.request.params.find("token");
  return it == ctx.request.params.end() ? std::string() : it->second;
}

http::Response link_page(http::Context& ctx, const std::string& token, const Error* error,
                         const std::string& reason) {
  auto link = find_link(ctx.db, token);
  if (!link) {
    return html::error_page(
        ctx, 404, "Lien inconnu",
        "Ce lien n’existe pas. Vérifiez qu’il est complet dans le courriel reçu.");
  }
  auto r = find_referral(ctx.db, link->referral_id);
  if (!r) return html::error_page(ctx, 404, "Page introuvable", "Orientation introuvable.");
  ctemplate::TemplateDictionary dict("referrals/link");
  dict.SetValue("SERVICE", r->service_name);
  dict.SetValue("STRUCTURE", r->structure_name);
  dict.SetValue("SENDER", r->sender_name);
  dict.SetValue("SENDER_ORGANISATION", r->sender_organisation);
  dict.SetValue("SENDER_EMAIL", r->sender_email);
  dict.SetValue("STATUS", status_label(r->status));
  dict.SetValue("BADGE", status_badge(r->status));
  if (link->used) {
    dict.ShowSection("USED");
  } else if (link->expired) {
    dict.ShowSection("EXPIRED");
  } else {
    auto* open = dict.AddSectionDictionary("OPEN");
    open->SetValue("SENT", format_datetime_fr(r->sent_at));
    open->SetValue("MESSAGE", r->message);
    for (const auto& mode : consent_modes())
      if (r->consent_mode == mode.code) open->SetValue("CONSENT_MODE", mode.label);
    store::with_transaction(ctx.db, [&] {
      fill_shared_parts(ctx.db, *open, *r, kLinkReader,
                        "lien sans compte : " + link->email + " (" + r->structure_name + ")");
    });
    if (r->status == "sent") {
      auto* form = open->AddSectionDictionary("ANSWER");
      form->SetValue("TOKEN", token);
      form->SetValue("CSRF_TOKEN", ctx.csrf_token);
      form->SetValue("REASON", reason);
      if (error) html::show_form_error(*form, *error);
    } else {
      open->ShowSection("ALREADY");
    }
  }
  if (error) html::show_form_error(dict, *error);
  unsigned status = error ? http_status(error->code) : 200;
  return html::page(
      ctx, std::string(error ? "Erreur — " : "") + "Orientation vers « " + r->service_name + " »",
      "referrals/link.tpl", dict, status);
}

// GET /orientation-recue/{token}
http::Response show_link(http::Context& ctx) { return link_page(ctx, token_of(ctx), nullptr, ""); }

// POST /orientation-recue/{token} — decision=accept|refuse, reason.
http::Response submit_link(http::Context& ctx) {
  std::string token = token_of(ctx);
  std::string decision = ctx.request.form_value("decision");
  std::string reason = ctx.request.form_value("reason");
  if (decision != "accept" && decision != "refuse") {
    Error e{ErrorCode::kInvalid, "Réponse : choisissez d’accepter ou de refuser.", "decision"};
    return link_page(ctx, token, &e, reason);
  }
  auto done = answer_by_link(ctx.db, token, decision == "accept", reason);
  if (!done) {
    if (done.error().code == ErrorCode::kNotFound) return html::error_page(ctx, done.error());
    return link_page(ctx, token, &done.error(), reason);
  }
  http::set_flash(ctx,
                  decision == "accept"
                      ? "Merci : l’orientation est acceptée. La personne qui l’a envoyée en "
                        "est informée."
                      : "Merci : l’orientation est refusée. La personne qui l’a envoyée en est "
                        "informée.");
  return http::Response::redirect("/orientation-recue/" + token);
}

// ---- the person ----

// GET /mon-espace/services
http::Response person_services(http::Context& ctx) {
  auto person_id = portal::signed_in_person(ctx);
  if (!person_id || !person_may_view_matching(person_id, *person_id)) {
    return portal::to_login(ctx);
  }
  auto person = people::find_person(ctx.db, *person_id);
  if (!person) return portal::to_login(ctx);
  ctemplate::TemplateDictionary dict("referrals/person_services");
  bool any = false;
  for (const auto& j : people::journeys_of(ctx.db, *person_id)) {
    if (!j.active()) continue;
    any = true;
    auto* section = dict.AddSectionDictionary("JOURNEY");
    section->SetValue("TERRITORY", j.territory_name);
    auto needs = needs_of(ctx.db, j.id);
    bool has_referent = false;
    for (const auto& m : people::team_of(ctx.db, j.id))
      if (m.referent()) has_referent = true;
    for (const auto& need : needs)
      section->AddSectionDictionary("NEED")->SetValue("LABEL", need.label);
    if (needs.empty()) section->ShowSection("NO_NEEDS");
    auto services = match_services(ctx.db, needs, person->commune_code.value_or(""));
    if (!needs.empty() && services.empty()) section->ShowSection("NO_MATCH");
    for (const auto& s : services) {
      auto* row = section->AddSectionDictionary(html::key("SERVICE_ROW"));
      row->SetIntValue(html::key("SERVICE_ID"), s.id);
      row->SetValue(html::key("SERVICE"), s.nom);
      row->SetValue(html::key("STRUCTURE"), s.structure);
      row->SetValue(html::key("DESCRIPTION"), s.description);
      row->SetValue(html::key("PROXIMITY"), proximity_label(s.proximity));
      if (s.distance_km) {
        row->SetIntValue(html::key("KM"), *s.distance_km);
        row->ShowSection(html::key("DISTANCE"));
      }
      row->SetValue(html::key("COMMUNE"), s.commune.empty() ? "—" : s.commune);
      std::string answers;
      for (const auto& a : s.answers) answers += (answers.empty() ? "" : ", ") + a;
      row->SetValue(html::key("ANSWERS"), answers);
      if (!s.telephone.empty())
        row->SetValueAndShowSection(html::key("PHONE"), s.telephone, html::key("HAS_PHONE"));
      if (person_may_ask_referent(person_id, *person_id, j.active(), has_referent)) {
        row->SetValueAndShowSection(html::key("CSRF_TOKEN"), ctx.csrf_token, html::key("CAN_ASK"));
        row->SetIntValue(html::key("SERVICE_ID_ASK"), s.id);
      }
    }
  }
  if (!any) dict.ShowSection("NO_JOURNEY");
  store::with_transaction(ctx.db, [&] { portal::log_own_read(ctx.db, *person_id, "services"); });
  return html::page(ctx, "Des services pour moi", "referrals/person_services.tpl", dict);
}

// POST /mon-espace/services/{service}/demander
http::Response person_ask(http::Context& ctx) {
  auto person_id = portal::signed_in_person(ctx);
  if (!person_id) return portal::to_login(ctx);
  auto it = ctx.request.params.find("service");
  auto service = it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
  if (!service) return html::error_page(ctx, 404, "Page introuvable", "Service introuvable.");
  for (const auto& j : people::journeys_of(ctx.db, *person_id)) {
    if (!j.active()) continue;
    bool has_referent = false;
    for (const auto& m : people::team_of(ctx.db, j.id))
      if (m.referent()) has_referent = true;
    if (!person_may_ask_referent(person_id, *person_id, j.active(), has_referent)) continue;
    auto asked = ask_referent(ctx.db, j.id, *service, ctx.config.public_url);
    if (!asked) return html::error_page(ctx, asked.error());
    http::set_flash(ctx, "Votre demande est envoyée à votre référent(e), qui vous recontactera.");
    return http::Response::redirect("/mon-espace/services", 303);
  }
  return html::error_page(ctx, 403, "Accès refusé",
                          "Vous n’avez pas encore de référent(e) à qui demander ce service.");
}

}  // namespace

void register_public_routes(http::Router& router) {
  router.add("GET", "/orientation-recue/{token}", show_link);
  router.add("POST", "/orientation-recue/{token}", submit_link);
  router.add("GET", "/mon-espace/services", person_services);
  router.add("POST", "/mon-espace/services/{service}/demander", person_ask);
}

}  // namespace parcours::referrals

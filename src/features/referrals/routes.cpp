// Matching and referrals, for professionals:
//   GET  /personnes/{id}/services                       the team: services matching the person,
//                                                       the plan's actions, the referrals
//   POST /personnes/{id}/services/{service}/plan        the team: add the service to the plan
//   GET  /personnes/{id}/services/{service}/orienter    the team: the referral form
//   POST /personnes/{id}/services/{service}/orienter    the team: send the referral
//   GET  /orientations/recues[?statut=]                 members of an organisation: the inbox
//   GET  /orientations/{id}                             the receiving organisation (the fields
//                                                       shared) or who sees the journey
//   POST /orientations/{id}/accepter                    the receiving organisation
//   POST /orientations/{id}/refuser                     the receiving organisation (reason)
//   POST /orientations/{id}/terminer                    receiving organisation or team (accepted)
//   POST /orientations/{id}/abandonner                  receiving organisation or team
#include "features/referrals/routes.h"

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/people/web.h"
#include "features/referrals/matching.h"
#include "features/referrals/plan_actions.h"
#include "features/referrals/policy.h"
#include "features/referrals/referrals.h"
#include "features/referrals/shared_view.h"

namespace parcours::referrals {
namespace {

using people::web::PersonPage;

std::string day_of(std::int64_t at) {
  std::string s = format_datetime_fr(at);
  return s.substr(0, s.find(" à "));
}

template <typename F>
http::Response with_person(http::Context& ctx, F&& handler) {
  auto loaded = people::web::load_person_page(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return handler(std::get<PersonPage>(loaded));
}

std::optional<std::int64_t> path_id(const http::Context& ctx, const char* name) {
  return people::web::path_id(ctx, name);
}

people::TeamActor sender_of(http::Context& ctx, const PersonPage& p) {
  people::TeamActor actor{ctx.actor->user_id, std::nullopt};
  if (p.journey) {
    if (auto m = people::active_member(ctx.db, p.journey->id, ctx.actor->user_id)) {
      actor.organisation_id = m->organisation_id;
    }
  }
  return actor;
}

std::string purpose(const http::Context& ctx) {
  return ctx.request.method + " " + ctx.request.path;
}

void fill_service(ctemplate::TemplateDictionary* row, const MatchedService& s) {
  row->SetIntValue(html::key("SERVICE_ID"), s.id);
  row->SetValue(html::key("SERVICE"), s.nom);
  row->SetValue(html::key("STRUCTURE"), s.structure);
  row->SetValue(html::key("DESCRIPTION"), s.description);
  row->SetValue(html::key("PROXIMITY"), proximity_label(s.proximity));
  row->SetValue(html::key("COMMUNE"), s.commune.empty() ? "—" : s.commune);
  std::string answers;
  for (const auto& a : s.answers) answers += (answers.empty() ? "" : ", ") + a;
  row->SetValue(html::key("ANSWERS"), answers);
  if (s.remote) row->ShowSection(html::key("REMOTE"));
  if (s.distance_km) {
    row->SetIntValue(html::key("KM"), *s.distance_km);
    row->ShowSection(html::key("DISTANCE"));
  }
}

// ---- matching page ----

http::Response services_page(http::Context& ctx, const PersonPage& p) {
  if (!may_view_matching(ctx.actor, p.facts)) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("referrals/services");
  dict.SetIntValue("ID", p.person.id);
  dict.SetValue("NAME", people::display_name(p.person));
  auto needs = needs_of(ctx.db, p.journey->id);
  for (const auto& need : needs) {
    auto* n = dict.AddSectionDictionary("NEED");
    n->SetValue("LABEL", need.label);
    n->SetValue("LEVEL", need.level == "majeur"         ? "frein majeur"
                         : need.level == "a_surveiller" ? "à surveiller"
                                                        : "objectif professionnel");
  }
  std::string commune = p.person.commune_code.value_or("");
  dict.SetValue("COMMUNE",
                p.person.commune_name.empty() ? "commune inconnue" : p.person.commune_name);
  if (needs.empty()) dict.ShowSection("NO_NEEDS");
  if (commune.empty()) dict.ShowSection("NO_COMMUNE");
  auto matched = match_services(ctx.db, needs, commune);
  auto actions = actions_of(ctx.db, p.journey->id);
  auto referrals = referrals_of_journey(ctx.db, p.journey->id);
  bool can_plan = may_add_plan_action(ctx.actor, p.facts);
  bool can_refer = may_refer(ctx.actor, p.facts);
  if (!needs.empty() && !commune.empty() && matched.empty()) dict.ShowSection("NO_MATCH");
  if (!matched.empty()) dict.ShowSection("HAS_MATCH");
  for (const auto& s : matched) {
    auto* row = dict.AddSectionDictionary(html::key("SERVICE_ROW"));
    fill_service(row, s);
    row->SetIntValue(html::key("ID"), p.person.id);
    bool in_plan = std::any_of(actions.begin(), actions.end(), [&](const PlanAction& a) {
      return a.service_id == s.id && (a.status == "planned" || a.status == "in_progress");
    });
    bool referred = std::any_of(referrals.begin(), referrals.end(), [&](const Referral& r) {
      return r.service_id == s.id && (r.status == "sent" || r.status == "accepted");
    });
    if (in_plan)
      row->ShowSection(html::key("IN_PLAN"));
    else if (can_plan)
      row->ShowSection(html::key("CAN_PLAN"));
    if (referred)
      row->ShowSection(html::key("REFERRED"));
    else if (can_refer)
      row->ShowSection(html::key("CAN_REFER"));
  }
  if (actions.empty()) dict.ShowSection("NO_ACTIONS");
  for (const auto& a : actions) {
    auto* row = dict.AddSectionDictionary("ACTION");
    row->SetValue("TITLE", a.title);
    row->SetValue("STATUS", action_status_label(a.status));
    row->SetValue("SINCE", day_of(a.created_at));
    row->SetValue("RESPONSIBLE", a.responsible_name.empty() ? "—" : a.responsible_name);
  }
  if (referrals.empty()) dict.ShowSection("NO_REFERRALS");
  for (const auto& r : referrals) {
    auto* row = dict.AddSectionDictionary("REFERRAL");
    row->SetIntValue("REFERRAL_ID", r.id);
    row->SetValue("SERVICE", r.service_name);
    row->SetValue("STRUCTURE", r.structure_name);
    row->SetValue("STATUS", status_label(r.status));
    row->SetValue("BADGE", status_badge(r.status));
    row->SetValue("SENT", day_of(r.sent_at));
    row->SetValue("SENDER", r.sender_name);
  }
  people::web::log_read(ctx, p.person.id, "referrals");
  return html::page(ctx, "Services et orientations — " + people::display_name(p.person),
                    "referrals/services.tpl", dict);
}

// GET /personnes/{id}/services
http::Response show_services(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) { return services_page(ctx, p); });
}

// POST /personnes/{id}/services/{service}/plan
http::Response add_to_plan(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) -> http::Response {
    if (!may_add_plan_action(ctx.actor, p.facts)) return html::refuse(ctx);
    auto service = path_id(ctx, "service");
    if (!service) return html::error_page(ctx, 404, "Page introuvable", "Service introuvable.");
    auto added = add_service_action(ctx.db, p.journey->id, *service, sender_of(ctx, p));
    if (!added) return html::error_page(ctx, added.error());
    http::set_flash(ctx, "Le service est ajouté au plan d’actions.");
    return http::Response::redirect("/personnes/" + std::to_string(p.person.id) + "/services#plan");
  });
}

// ---- the referral form ----

http::Response form_page(http::Context& ctx, const PersonPage& p, std::int64_t service_id,
                         const ReferralForm& form, const Error* error) {
  auto service = ctx.db.query_one(
      "SELECT s.nom, st.nom, COALESCE(s.description, ''), st.organisation_id FROM services s "
      "JOIN structures st ON st.id = s.structure_id WHERE s.id = $1 AND s.status = 'published'",
      {service_id});
  if (!service) return html::error_page(ctx, 404, "Page introuvable", "Service introuvable.");
  ctemplate::TemplateDictionary dict("referrals/form");
  dict.SetIntValue("ID", p.person.id);
  dict.SetIntValue("SERVICE_ID", service_id);
  dict.SetValue("NAME", people::display_name(p.person));
  dict.SetValue("SERVICE", service->text(0));
  dict.SetValue("STRUCTURE", service->text(1));
  dict.SetValue("DESCRIPTION", service->text(2));
  dict.SetValue("MESSAGE", form.message);
  for (const auto& part : shareable_parts()) {
    auto* o = dict.AddSectionDictionary("PART");
    o->SetValue("VALUE", part.code);
    o->SetValue("LABEL", part.label);
    if (std::find(form.shared.begin(), form.shared.end(), part.code) != form.shared.end())
      o->ShowSection("CHECKED");
  }
  for (const auto& mode : consent_modes()) {
    auto* o = dict.AddSectionDictionary("MODE");
    o->SetValue("VALUE", mode.code);
    o->SetValue("LABEL", mode.label);
    if (form.consent_mode == mode.code) o->ShowSection("CHECKED");
  }
  if (form.consent == "1") dict.ShowSection("CONSENT_CHECKED");
  if (error) html::show_form_error(dict, *error);
  unsigned status = error ? http_status(error->code) : 200;
  return html::page(
      ctx, std::string(error ? "Erreur — " : "") + "Orienter " + people::display_name(p.person),
      "referrals/form.tpl", dict, status);
}

// GET /personnes/{id}/services/{service}/orienter
http::Response show_form(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) -> http::Response {
    if (!may_refer(ctx.actor, p.facts)) return html::refuse(ctx);
    auto service = path_id(ctx, "service");
    if (!service) return html::error_page(ctx, 404, "Page introuvable", "Service introuvable.");
    return form_page(ctx, p, *service, {.shared = {"identity", "contact"}}, nullptr);
  });
}

// POST /personnes/{id}/services/{service}/orienter — message, shared (repeated), consent,
// consent_mode.
http::Response submit_form(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) -> http::Response {
    if (!may_refer(ctx.actor, p.facts)) return html::refuse(ctx);
    auto service = path_id(ctx, "service");
    if (!service) return html::error_page(ctx, 404, "Page introuvable", "Service introuvable.");
    ReferralForm form{.message = ctx.request.form_value("message"),
                      .shared = ctx.request.form_values("shared"),
                      .consent = ctx.request.form_value("consent"),
                      .consent_mode = ctx.request.form_value("consent_mode")};
    auto sent = send_referral(ctx.db, {.journey_id = p.journey->id,
                                       .service_id = *service,
                                       .form = form,
                                       .sender = sender_of(ctx, p),
                                       .public_url = ctx.config.public_url});
    if (!sent) {
      if (sent.error().code == ErrorCode::kInvalid || sent.error().code == ErrorCode::kConflict) {
        return form_page(ctx, p, *service, form, &sent.error());
      }
      return html::error_page(ctx, sent.error());
    }
    http::set_flash(ctx, "L’orientation est envoyée au service.");
    return http::Response::redirect("/orientations/" + std::to_string(sent->id));
  });
}

// ---- inbox ----

// GET /orientations/recues[?statut=]
http::Response inbox(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  std::vector<std::int64_t> organisations;
  for (auto id : ctx.actor->organisation_ids())
    if (may_view_inbox(ctx.actor, id)) organisations.push_back(id);
  if (organisations.empty()) return html::refuse(ctx);
  std::string status = ctx.request.query_value("statut");
  if (status != "sent" && status != "accepted" && status != "refused" && status != "done" &&
      status != "abandoned" && status != "expired")
    status.clear();
  ctemplate::TemplateDictionary dict("referrals/inbox");
  dict.SetIntValue("WAITING", waiting_count(ctx.db, organisations));
  auto option = [&](const char* value, const char* label) {
    auto* o = dict.AddSectionDictionary("STATUS_OPTION");
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (status == value) o->ShowSection("SELECTED");
  };
  option("", "Toutes");
  for (const char* s : {"sent", "accepted", "refused", "done", "abandoned", "expired"})
    option(s, status_label(s));
  auto rows = received(ctx.db, organisations, status);
  if (rows.empty())
    dict.ShowSection("EMPTY");
  else
    dict.ShowSection("HAS_ROWS");
  std::vector<store::AccessRecord> reads;
  for (const auto& r : rows) {
    auto* row = dict.AddSectionDictionary(html::key("ROW"));
    row->SetIntValue(html::key("REFERRAL_ID"), r.id);
    if (r.shares("identity")) {
      row->SetValue(html::key("PERSON"), r.person_name);
      reads.push_back({.actor_id = ctx.actor->user_id,
                       .person_id = r.person_id,
                       .part = "referral_identity",
                       .purpose = purpose(ctx)});
    } else {
      row->SetValue(html::key("PERSON"), "Personne (identité non partagée)");
    }
    row->SetValue(html::key("SERVICE"), r.service_name);
    row->SetValue(html::key("SENDER"), r.sender_name + " (" + r.sender_organisation + ")");
    row->SetValue(html::key("SENT"), day_of(r.sent_at));
    row->SetValue(html::key("STATUS"), status_label(r.status));
    row->SetValue(html::key("BADGE"), status_badge(r.status));
  }
  store::log_accesses(ctx.db, reads);
  return html::page(ctx, "Orientations reçues", "referrals/inbox.tpl", dict);
}

// ---- one referral ----

ReferralFacts facts_of(http::Context& ctx, const Referral& r) {
  ReferralFacts f{.status = r.status, .receiving_organisation = r.receiving_organisation_id};
  if (ctx.actor) {
    auto person = people::load_person_facts(ctx.db, ctx.actor, r.person_id, r.territory_id);
    f.in_team = person.in_team && person.journey_active && person.journey_id == r.journey_id;
    f.journey_visible =
        people::may_view_journey(ctx.actor, person) && person.journey_id == r.journey_id;
  }
  return f;
}

http::Response referral_page(http::Context& ctx, const Referral& r, const Error* error,
                             const std::string& reason) {
  auto facts = facts_of(ctx, r);
  bool sender_view = may_view_as_sender(ctx.actor, facts);
  bool receiver_view = may_view_as_receiver(ctx.actor, facts);
  if (!sender_view && !receiver_view) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("referrals/show");
  dict.SetIntValue("REFERRAL_ID", r.id);
  dict.SetValue("SERVICE", r.service_name);
  dict.SetValue("STRUCTURE", r.structure_name);
  dict.SetValue("SENDER", r.sender_name);
  dict.SetValue("SENDER_ORGANISATION", r.sender_organisation);
  dict.SetValue("SENDER_EMAIL", r.sender_email);
  dict.SetValue("SENT", format_datetime_fr(r.sent_at));
  dict.SetValue("STATUS", status_label(r.status));
  dict.SetValue("BADGE", status_badge(r.status));
  dict.SetValue("MESSAGE", r.message);
  for (const auto& mode : consent_modes())
    if (r.consent_mode == mode.code) dict.SetValue("CONSENT_MODE", mode.label);
  dict.SetValue("CONSENT_AT", format_datetime_fr(r.consent_at));
  bool identity = r.shares("identity") || sender_view;
  dict.SetValue("PERSON", identity ? r.person_name : "la personne");
  if (sender_view) {
    auto* link = dict.AddSectionDictionary("SENDER_VIEW");
    link->SetIntValue("PERSON_ID", r.person_id);
    link->SetValue("PERSON", r.person_name);
  }
  if (r.answered_at) {
    auto* a = dict.AddSectionDictionary("ANSWERED");
    a->SetValue("WHEN", format_datetime_fr(*r.answered_at));
    a->SetValue("BY", r.answered_via == "link" ? "le contact du service, par le lien reçu"
                                               : r.answered_by_name);
  }
  if (!r.refusal_reason.empty())
    dict.SetValueAndShowSection("REASON_TEXT", r.refusal_reason, "REFUSED");
  if (r.reminders > 0) dict.SetIntValue("REMINDERS", r.reminders), dict.ShowSection("REMINDED");
  std::vector<std::string> parts;
  for (const auto& part : shareable_parts())
    if (r.shares(part.code)) {
      auto* s = dict.AddSectionDictionary("SHARED_LABEL");
      s->SetValue("LABEL", part.label);
    }
  if (receiver_view) {
    fill_shared_parts(ctx.db, dict, r, ctx.actor->user_id, purpose(ctx));
    dict.ShowSection("RECEIVER_VIEW");
  } else {
    people::web::log_read(ctx, r.person_id, "referrals");
  }
  if (may_answer(ctx.actor, facts)) {
    auto* answer = dict.AddSectionDictionary("ANSWER");
    answer->SetIntValue("REFERRAL_ID", r.id);
    answer->SetValue("REASON", reason);
    if (error) html::show_form_error(*answer, *error);
  }
  if (error) html::show_form_error(dict, *error);
  if (may_close(ctx.actor, facts)) {
    dict.AddSectionDictionary("CLOSE")->SetIntValue("REFERRAL_ID", r.id);
  } else if (may_abandon_waiting(ctx.actor, facts)) {
    dict.AddSectionDictionary("ABANDON")->SetIntValue("REFERRAL_ID", r.id);
  }
  unsigned status = error ? http_status(error->code) : 200;
  return html::page(
      ctx, std::string(error ? "Erreur — " : "") + "Orientation vers « " + r.service_name + " »",
      "referrals/show.tpl", dict, status);
}

std::variant<Referral, http::Response> load(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  auto id = path_id(ctx, "id");
  auto r = id ? find_referral(ctx.db, *id) : std::nullopt;
  if (!r) return html::error_page(ctx, 404, "Page introuvable", "Orientation introuvable.");
  return *r;
}

// GET /orientations/{id}
http::Response show(http::Context& ctx) {
  auto loaded = load(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return referral_page(ctx, std::get<Referral>(loaded), nullptr, "");
}

std::optional<std::int64_t> receiving_org(const http::Context& ctx, const Referral& r) {
  if (r.receiving_organisation_id &&
      ctx.actor->member_of_organisation(*r.receiving_organisation_id))
    return r.receiving_organisation_id;
  return std::nullopt;
}

// POST /orientations/{id}/accepter and /refuser (reason)
http::Handler answer_handler(bool accept) {
  return [accept](http::Context& ctx) -> http::Response {
    auto loaded = load(ctx);
    if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
    auto& r = std::get<Referral>(loaded);
    if (!may_answer(ctx.actor, facts_of(ctx, r))) return html::refuse(ctx);
    Answerer by{ctx.actor->user_id, receiving_org(ctx, r)};
    std::string reason = ctx.request.form_value("reason");
    auto done =
        accept ? accept_referral(ctx.db, r.id, by) : refuse_referral(ctx.db, r.id, reason, by);
    if (!done) return referral_page(ctx, r, &done.error(), reason);
    http::set_flash(ctx, accept ? "Orientation acceptée. L’équipe de la personne en est informée."
                                : "Orientation refusée. L’équipe de la personne en est informée.");
    return http::Response::redirect("/orientations/" + std::to_string(r.id));
  };
}

// POST /orientations/{id}/terminer and /abandonner
http::Handler close_handler(const char* status) {
  return [status](http::Context& ctx) -> http::Response {
    auto loaded = load(ctx);
    if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
    auto& r = std::get<Referral>(loaded);
    auto facts = facts_of(ctx, r);
    bool done = std::string_view(status) == "done";
    if (!(may_close(ctx.actor, facts) || (!done && may_abandon_waiting(ctx.actor, facts))))
      return html::refuse(ctx);
    people::TeamActor by{ctx.actor->user_id, receiving_org(ctx, r)};
    if (!by.organisation_id) {
      if (auto m = people::active_member(ctx.db, r.journey_id, ctx.actor->user_id))
        by.organisation_id = m->organisation_id;
    }
    auto closed = close_referral(ctx.db, r.id, status, by);
    if (!closed) return referral_page(ctx, r, &closed.error(), "");
    http::set_flash(ctx,
                    done ? "Orientation marquée réalisée." : "Orientation marquée abandonnée.");
    return http::Response::redirect("/orientations/" + std::to_string(r.id));
  };
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/personnes/{id}/services", show_services);
  router.add("POST", "/personnes/{id}/services/{service}/plan", add_to_plan);
  router.add("GET", "/personnes/{id}/services/{service}/orienter", show_form);
  router.add("POST", "/personnes/{id}/services/{service}/orienter", submit_form);
  router.add("GET", "/orientations/recues", inbox);
  router.add("GET", "/orientations/{id}", show);
  router.add("POST", "/orientations/{id}/accepter", answer_handler(true));
  router.add("POST", "/orientations/{id}/refuser", answer_handler(false));
  router.add("POST", "/orientations/{id}/terminer", close_handler("done"));
  router.add("POST", "/orientations/{id}/abandonner", close_handler("abandoned"));
  register_public_routes(router);
}

}  // namespace parcours::referrals

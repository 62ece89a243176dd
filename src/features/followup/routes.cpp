// The journey's follow-up page and its closure:
//   GET  /personnes/{id}/suivi          commitments, outcomes, closure — the team
//   POST /personnes/{id}/cloture        close the journey — the référent (reason, detail)
//   POST /personnes/{id}/reouverture    reopen it — the référent (reopen_reason)
#include "features/followup/routes.h"

#include "core/clock.h"
#include "core/html/render.h"
#include "core/html/text_field.h"
#include "core/http/flash.h"
#include "features/followup/closure.h"
#include "features/followup/commitments.h"
#include "features/followup/dates.h"
#include "features/followup/outcomes.h"
#include "features/followup/policy.h"
#include "features/followup/web.h"
#include "features/people/persons.h"

namespace parcours::followup {
namespace {

using people::web::PersonPage;

std::string followup_text(const Outcome& o, std::int64_t day) {
  if (!o.followed()) return "";
  if (o.next_checkin_on.empty()) {
    return "Suivi dans l’emploi terminé le " + french_date(o.followup_until);
  }
  auto next = parse_date(o.next_checkin_on);
  std::string text = "Suivi dans l’emploi jusqu’au " + french_date(o.followup_until) +
                     " — prochain point le " + french_date(o.next_checkin_on);
  if (next && *next < day) text += " (en retard)";
  return text;
}

std::vector<std::pair<std::string, std::string>> reason_choices() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : closure_reasons()) out.emplace_back(r, closure_reason_label(r));
  return out;
}

void fill_commitment_row(ctemplate::TemplateDictionary* row, const Commitment& c,
                         std::int64_t day) {
  row->SetIntValue("ID"_key, c.id);
  row->SetValue("NAME"_key, c.name());
  row->SetValue("KIND_LABEL"_key, commitment_kind_label(c.kind));
  row->SetValue("DATES"_key, "du " + french_date(c.start_date) + " au " + french_date(c.end_date));
  row->SetValue("STATUS"_key, commitment_status_label(c.status, c.expired(day)));
  row->SetValue("BADGE"_key, commitment_status_badge(c.status, c.expired(day)));
  if (c.signature == "online") {
    row->SetValueAndShowSection("SIGNATURE_TEXT",
                                "Accepté en ligne le " + format_datetime_fr(*c.accepted_at),
                                "SIGNATURE"_key);
  } else if (c.signature == "paper") {
    row->SetValueAndShowSection("SIGNATURE_TEXT"_key,
                                "Signé sur papier le " + french_date(c.signed_on), "SIGNATURE"_key);
  }
}

struct ClosureTyped {
  ClosureForm close;
  std::string reopen_reason;
};

http::Response followup_page(http::Context& ctx, const PersonPage& p, const ClosureTyped& typed,
                             const Error* close_error, const Error* reopen_error) {
  const auto& journey = *p.journey;
  std::int64_t day = today();
  ctemplate::TemplateDictionary dict("followup/page");
  dict.SetIntValue("PERSON_ID"_key, p.person.id);
  dict.SetValue("NAME"_key, people::display_name(p.person));
  if (!journey.active()) {
    auto* closed = dict.AddSectionDictionary("CLOSED"_key);
    closed->SetValue("REASON"_key, closure_reason_label(journey.close_reason));
    closed->SetValue("WHEN"_key, format_datetime_fr(journey.closed_at.value_or(0)));
  }
  auto commitments = commitments_of_journey(ctx.db, journey.id);
  if (commitments.empty()) dict.ShowSection("NO_COMMITMENT"_key);
  for (const auto& c : commitments) {
    fill_commitment_row(dict.AddSectionDictionary("COMMITMENT"_key), c, day);
  }
  if (may_write_commitment(ctx.actor, p.facts)) dict.ShowSection("CAN_COMMIT"_key);
  auto outcomes = outcomes_of_journey(ctx.db, journey.id);
  if (outcomes.empty()) dict.ShowSection("NO_OUTCOME"_key);
  for (const auto& o : outcomes) {
    auto* row = dict.AddSectionDictionary("OUTCOME"_key);
    row->SetIntValue("ID"_key, o.id);
    row->SetValue("KIND"_key, outcome_kind_label(o.kind));
    row->SetValue("TITLE"_key, o.title);
    if (!o.employer_name.empty()) {
      row->SetValueAndShowSection("EMPLOYER_NAME"_key, o.employer_name, "EMPLOYER"_key);
    }
    if (!o.contract.empty()) {
      row->SetValueAndShowSection("CONTRACT_LABEL"_key, contract_label(o.contract), "CONTRACT"_key);
    }
    row->SetValue("START"_key, french_date(o.start_date));
    std::string f = followup_text(o, day);
    if (!f.empty()) row->SetValueAndShowSection("FOLLOWUP_TEXT"_key, f, "FOLLOWUP"_key);
  }
  if (may_record_outcome(ctx.actor, p.facts)) dict.ShowSection("CAN_RECORD"_key);
  if (may_close_journey(ctx.actor, p.facts)) {
    auto* form = dict.AddSectionDictionary("CAN_CLOSE"_key);
    web::add_choices(*form, "REASON_OPTION", reason_choices(), typed.close.reason);
    html::add_text_field(*form, "DETAIL_FIELD",
                         {.name = "detail",
                          .label = "Précisions",
                          .hint = "Obligatoires pour « autre motif », facultatives sinon.",
                          .rows = 2},
                         typed.close.detail, close_error);
    if (close_error) html::show_form_error(*form, *close_error);
  } else if (journey.active()) {
    dict.ShowSection("CLOSE_BY_REFERENT"_key);
  }
  if (may_reopen_journey(ctx.actor, p.facts)) {
    auto* form = dict.AddSectionDictionary("CAN_REOPEN"_key);
    html::add_text_field(*form, "REOPEN_FIELD",
                         {.name = "reopen_reason",
                          .label = "Pourquoi le parcours reprend-il ?",
                          .hint = "Par exemple : la personne a perdu son emploi et demande à être "
                                  "accompagnée de nouveau.",
                          .rows = 2},
                         typed.reopen_reason, reopen_error);
    if (reopen_error) html::show_form_error(*form, *reopen_error);
  }
  for (const auto& c : closures_of(ctx.db, journey.id)) {
    auto* row = dict.AddSectionDictionary("CLOSURE"_key);
    row->SetValue("WHEN"_key, format_datetime_fr(c.closed_at));
    row->SetValue("REASON"_key, closure_reason_label(c.reason));
    row->SetValue("BY"_key, c.closed_by.empty() ? "—" : c.closed_by);
    if (!c.detail.empty()) row->SetValueAndShowSection("DETAIL_TEXT"_key, c.detail, "DETAIL"_key);
    if (c.reopened_at) {
      auto* r = row->AddSectionDictionary("REOPENED"_key);
      r->SetValue("REOPENED_WHEN"_key, format_datetime_fr(*c.reopened_at));
      r->SetValue("REOPENED_BY"_key, c.reopened_by.empty() ? "—" : c.reopened_by);
      r->SetValue("REOPEN_REASON"_key, c.reopen_reason);
    }
  }
  web::log_read(ctx, p.person.id, "followup");
  const Error* error = close_error ? close_error : reopen_error;
  std::string title = "Engagements, sorties et clôture — " + people::display_name(p.person);
  return html::page(ctx, error ? "Erreur — " + title : title, "followup/page.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/suivi — the team (read only once the journey is closed).
http::Response show(http::Context& ctx) {
  return web::with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_view_followup(ctx.actor, p.facts)) return html::refuse(ctx);
    return followup_page(ctx, p, {}, nullptr, nullptr);
  });
}

// POST /personnes/{id}/cloture — the référent of the active journey: reason, detail.
http::Response submit_close(http::Context& ctx) {
  return web::with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_close_journey(ctx.actor, p.facts)) return html::refuse(ctx);
    ClosureTyped typed{.close = {.reason = ctx.request.form_value("reason"),
                                 .detail = ctx.request.form_value("detail")}};
    auto done = close_journey(ctx.db, p.journey->id, typed.close,
                              web::actor_in(ctx, p.territory_id), now_seconds());
    if (!done) return followup_page(ctx, p, typed, &done.error(), nullptr);
    http::set_flash(ctx, "Le parcours est clos. Il reste consultable et peut être rouvert.");
    return http::Response::redirect(people::web::person_path(p.person.id) + "/suivi", 303);
  });
}

// POST /personnes/{id}/reouverture — the référent of the closed journey: reopen_reason.
http::Response submit_reopen(http::Context& ctx) {
  return web::with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_reopen_journey(ctx.actor, p.facts)) return html::refuse(ctx);
    ClosureTyped typed{.reopen_reason = ctx.request.form_value("reopen_reason")};
    auto done = reopen_journey(ctx.db, p.journey->id, typed.reopen_reason,
                               web::actor_in(ctx, p.territory_id), now_seconds());
    if (!done) return followup_page(ctx, p, typed, nullptr, &done.error());
    http::set_flash(ctx, "Le parcours est rouvert.");
    return http::Response::redirect(people::web::person_path(p.person.id) + "/suivi", 303);
  });
}

}  // namespace

void fill_journey_section(http::Context& ctx, ctemplate::TemplateDictionary& journey_dict,
                          const people::PersonFacts& facts, const people::Journey& journey) {
  if (!may_view_followup(ctx.actor, facts)) return;
  auto* section = journey_dict.AddIncludeDictionary("FOLLOWUP"_key);
  section->SetFilename("followup/section.tpl");
  section->SetIntValue("PERSON_ID"_key, journey.person_id);
  std::int64_t day = today();
  if (!journey.active()) {
    auto* closed = section->AddSectionDictionary("CLOSED"_key);
    closed->SetValue("REASON"_key, closure_reason_label(journey.close_reason));
    closed->SetValue("WHEN"_key, format_datetime_fr(journey.closed_at.value_or(0)));
  }
  bool any = false;
  for (const auto& c : commitments_of_journey(ctx.db, journey.id)) {
    if (c.status != "proposed" && c.status != "signed") continue;
    fill_commitment_row(section->AddSectionDictionary("COMMITMENT"_key), c, day);
    any = true;
  }
  for (const auto& o : outcomes_of_journey(ctx.db, journey.id)) {
    auto* row = section->AddSectionDictionary("OUTCOME"_key);
    row->SetIntValue("ID"_key, o.id);
    row->SetValue("KIND"_key, outcome_kind_label(o.kind));
    row->SetValue("TITLE"_key, o.title);
    row->SetValue("START"_key, french_date(o.start_date));
    std::string f = followup_text(o, day);
    if (!f.empty()) row->SetValueAndShowSection("FOLLOWUP_TEXT"_key, f, "FOLLOWUP"_key);
    any = true;
  }
  if (!any) section->ShowSection("NOTHING"_key);
}

void register_routes(http::Router& router) {
  router.add("GET", "/personnes/{id}/suivi", show);
  router.add("POST", "/personnes/{id}/cloture", submit_close);
  router.add("POST", "/personnes/{id}/reouverture", submit_reopen);
  register_commitment_routes(router);
  register_outcome_routes(router);
  register_portal_routes(router);
  register_due_routes(router);
}

}  // namespace parcours::followup

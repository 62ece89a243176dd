// Orientation pages:
//   GET  /orientation                          the queue of the actor's territory
//   GET  /orientation/parcours/{id}            a journey: suggestion, decision, reorientation,
//                                              référent, first meeting (by permission)
//   POST /orientation/parcours/{id}/decision   chargé d'orientation
//   POST /orientation/parcours/{id}/reorientation          the référent asks
//   POST /orientation/parcours/{id}/reorientation/{request}/maintenir  chargé d'orientation
//   POST /orientation/parcours/{id}/referent   org admin of the organisation in charge
//   POST /orientation/parcours/{id}/premier-rendez-vous    the référent
//   GET  /orientation/suivi                    journeys with no référent / no first meeting
//   GET  /orientation/mes-parcours             the référent's journeys
//   GET|POST /orientation/regles               the territory manager's rules
//   GET  /mon-espace/orientation               the person: their orientation, explained
#include "features/orientation/routes.h"

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/orientation/orientation.h"
#include "features/orientation/policy.h"
#include "features/orientation/referents.h"
#include "features/orientation/rules.h"
#include "features/people/journeys.h"
#include "features/people/policy.h"
#include "features/portal/accesses.h"
#include "features/portal/pages.h"
#include "features/portal/policy.h"

namespace parcours::orientation {
namespace {

std::optional<std::int64_t> path_id(const http::Context& ctx, const char* name) {
  auto it = ctx.request.params.find(name);
  return it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
}

void show_error(ctemplate::TemplateDictionary& dict, const Error* error) {
  if (!error) return;
  html::show_form_error(dict, *error);
}

void log_read(http::Context& ctx, std::int64_t person_id, const char* part) {
  if (!ctx.actor) return;
  store::log_access(ctx.db, {.actor_id = ctx.actor->user_id,
                             .person_id = person_id,
                             .part = part,
                             .purpose = ctx.request.method + " " + ctx.request.path});
}

// Lists name persons: each one listed is a read of their record, logged in one INSERT.
template <typename Rows>
void log_listed(http::Context& ctx, const Rows& rows, const char* part) {
  if (!ctx.actor || rows.empty()) return;
  std::vector<store::AccessRecord> records;
  records.reserve(rows.size());
  std::string purpose = ctx.request.method + " " + ctx.request.path;
  for (const auto& row : rows) {
    records.push_back({.actor_id = ctx.actor->user_id,
                       .person_id = row.person_id,
                       .part = part,
                       .purpose = purpose});
  }
  store::log_accesses(ctx.db, records);
}

const char* badge_of(DeadlineStatus s) {
  switch (s) {
    case DeadlineStatus::kOnTime:
      return "fr-badge--success";
    case DeadlineStatus::kDueSoon:
      return "fr-badge--warning";
    case DeadlineStatus::kLate:
      return "fr-badge--error";
  }
  return "";
}

std::string day_of(std::int64_t at) { return french_date(paris_day(at)); }

// ---- the queue ----

http::Response queue(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  auto requested = text::parse_id(ctx.request.query_value("territoire"));
  std::optional<std::int64_t> territory;
  for (auto t : people::working_territories(ctx.actor)) {
    if (!may_view_queue(ctx.actor, t)) continue;
    if (!territory || (requested && *requested == t)) territory = t;
  }
  if (!territory) {
    // Référents and organisation admins: their own lists.
    if (!people::working_territories(ctx.actor).empty()) {
      return http::Response::redirect("/orientation/mes-parcours");
    }
    return html::refuse(ctx);
  }
  QueueFilter f;
  f.territory_id = *territory;
  auto q = [&](const char* name, std::string fallback = {}) {
    std::string v = text::trim(ctx.request.query_value(name));
    return v.empty() ? fallback : v;
  };
  f.status = q("statut", "to_orient");
  f.deadline = q("echeance");
  f.entry = q("entree");
  f.commune_code = q("commune");
  f.epci_code = q("epci");
  f.sort = q("tri", "oldest");
  f.after = q("apres");
  ctemplate::TemplateDictionary dict("orientation/queue");
  auto valid = validate_filter(f);
  if (!valid) {
    show_error(dict, &valid.error());
    f = QueueFilter{.territory_id = *territory};
  }
  Day today = paris_day(now_seconds());
  auto page = list_queue(ctx.db, f, today);
  dict.SetIntValue("TERRITORY_ID", *territory);
  dict.SetIntValue("WAITING", queue_size(ctx.db, *territory));
  auto option = [&](const char* section, const char* value, const char* label,
                    const std::string& current) {
    auto* o = dict.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (current == value) o->ShowSection("SELECTED");
  };
  option("STATUS_OPTION", "to_orient", "À orienter", f.status);
  option("STATUS_OPTION", "reorientation", "Réorientation demandée", f.status);
  for (auto s : {DeadlineStatus::kOnTime, DeadlineStatus::kDueSoon, DeadlineStatus::kLate}) {
    option("DEADLINE_OPTION", status_code(s), status_label(s), f.deadline);
  }
  for (const char* e : {"professional", "public_form", "import", "transfer"}) {
    option("ENTRY_OPTION", e, people::entry_label(*people::parse_entry(e)), f.entry);
  }
  option("SORT_OPTION", "oldest", "Les plus anciennes d’abord", f.sort);
  option("SORT_OPTION", "newest", "Les plus récentes d’abord", f.sort);
  for (const auto& r : ctx.db.query(
           "SELECT DISTINCT e.code, e.name FROM territory_departements d JOIN communes c ON "
           "c.departement_code = d.departement_code JOIN epci e ON e.code = c.epci_code WHERE "
           "d.territory_id = $1 ORDER BY e.name",
           {*territory})) {
    auto* o = dict.AddSectionDictionary("EPCI_OPTION");
    o->SetValue("VALUE", r.text(0));
    o->SetValue("LABEL", r.text(1));
    if (f.epci_code == r.text(0)) o->ShowSection("SELECTED");
  }
  dict.SetValue("COMMUNE", f.commune_code);
  log_listed(ctx, page.rows, "orientation_queue");
  if (page.rows.empty())
    dict.ShowSection("EMPTY");
  else
    dict.ShowSection("HAS_ROWS");
  for (const auto& row : page.rows) {
    auto* r = dict.AddSectionDictionary(html::key("ROW"));
    r->SetIntValue(html::key("JOURNEY_ID"), row.journey_id);
    r->SetValue(html::key("NAME"), row.name);
    r->SetValue(html::key("COMMUNE"), row.commune.empty() ? "—" : row.commune);
    auto entry = people::parse_entry(row.entry);
    r->SetValue(html::key("ENTRY"), entry ? people::entry_label(*entry) : row.entry);
    r->SetValue(html::key("OPENED"), day_of(row.opened_at));
    r->SetIntValue(html::key("DAYS"), row.days_since_entry);
    r->SetValue(html::key("DEADLINE"), french_date(row.deadline));
    r->SetValue(html::key("STATUS"), status_label(row.status));
    r->SetValue(html::key("STATUS_CODE"), status_code(row.status));
    r->SetValue(html::key("BADGE"), badge_of(row.status));
    if (row.reorientation_pending) r->ShowSection(html::key("REORIENTATION"));
  }
  if (!page.next.empty()) {
    auto* more = dict.AddSectionDictionary("NEXT");
    std::string query = "?statut=" + f.status + "&echeance=" + f.deadline + "&entree=" + f.entry +
                        "&commune=" + f.commune_code + "&epci=" + f.epci_code + "&tri=" + f.sort +
                        "&territoire=" + std::to_string(*territory) + "&apres=" + page.next;
    more->SetValue("HREF", "/orientation" + query);
  }
  return html::page(ctx, valid ? "Personnes à orienter" : "Erreur — Personnes à orienter",
                    "orientation/queue.tpl", dict);
}

// ---- a journey ----

struct JourneyPage {
  people::Journey journey;
  people::PersonFacts facts;
  std::string name;
  std::optional<Orientation> orientation;
  bool referent = false;
};

std::variant<JourneyPage, http::Response> load(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  auto id = path_id(ctx, "id");
  auto journey = id ? people::find_journey(ctx.db, *id) : std::nullopt;
  if (!journey) return html::error_page(ctx, 404, "Page introuvable", "Parcours introuvable.");
  JourneyPage p{
      *journey,
      people::load_person_facts(ctx.db, ctx.actor, journey->person_id, journey->territory_id), "",
      current_orientation(ctx.db, journey->id), false};
  p.referent = p.facts.referent && p.facts.journey_id == journey->id;
  bool in_charge_admin =
      p.orientation && may_watch_organisation(ctx.actor, p.orientation->organisation_id);
  bool allowed =
      may_view_decision_page(ctx.actor, journey->territory_id) || p.referent || in_charge_admin;
  if (!allowed || (!p.facts.in_team && people::objected(ctx.actor, p.facts))) {
    return html::refuse(ctx);
  }
  auto person =
      ctx.db.query_one("SELECT first_names, usage_name, birth_name FROM persons WHERE id = $1",
                       {journey->person_id});
  p.name = person->text(0) + " " + (person->text(1).empty() ? person->text(2) : person->text(1));
  return p;
}

struct Typed {
  std::string route, organisation_id, referent, reason, answer, reorientation_reason;
};

http::Response journey_page(http::Context& ctx, const JourneyPage& p, const Typed& typed,
                            const Error* error) {
  ctemplate::TemplateDictionary dict("orientation/journey");
  const auto& j = p.journey;
  dict.SetIntValue("JOURNEY_ID", j.id);
  dict.SetIntValue("PERSON_ID", j.person_id);
  dict.SetValue("NAME", p.name);
  dict.SetValue("STATUS", people::journey_status_label(j.status));
  auto entry = people::parse_entry(j.entry);
  dict.SetValue("ENTRY", entry ? people::entry_label(*entry) : j.entry);
  dict.SetValue("OPENED", day_of(j.opened_at));
  DeadlineRule rule = deadline_rule_of(ctx.db, j.territory_id);
  Day today = paris_day(now_seconds());
  Day deadline = deadline_day(paris_day(j.opened_at), rule);
  dict.SetIntValue("DAYS", (today - paris_day(j.opened_at)).count());
  if (j.status == "to_orient") {
    auto* d = dict.AddSectionDictionary("DEADLINE");
    d->SetValue("DATE", french_date(deadline));
    d->SetValue("LABEL", status_label(deadline_status(today, deadline)));
    d->SetValue("BADGE", badge_of(deadline_status(today, deadline)));
  }
  if (error) show_error(dict, error);
  log_read(ctx, j.person_id, "orientation");

  auto pending = pending_reorientation(ctx.db, j.id);
  bool decides =
      may_decide(ctx.actor, j.territory_id) && j.active() && (j.status == "to_orient" || pending);
  bool sees_suggestion = may_view_decision_page(ctx.actor, j.territory_id);
  if (sees_suggestion) {
    Suggestion s = suggest_for(ctx.db, j.id);
    auto* sug = dict.AddSectionDictionary("SUGGESTION");
    if (s.route) {
      auto* r = sug->AddSectionDictionary("SUGGESTED");
      r->SetValue("ROUTE", route_label(*s.route));
      for (const auto& reason : s.reasons) {
        r->AddSectionDictionary("REASON")->SetValue("TEXT", reason);
      }
    } else {
      sug->ShowSection("NO_SUGGESTION");
    }
    if (!s.has_diagnostic) sug->ShowSection("NO_DIAGNOSTIC");
    for (const auto& other : s.other_reasons) {
      sug->AddSectionDictionary("OTHER")->SetValue("TEXT", other);
    }
    for (const auto& ignored : s.ignored) {
      sug->AddSectionDictionary("IGNORED")->SetValue("TEXT", ignored);
    }
    // The person's requests for another référent: whoever decides sees them.
    for (const auto& r : person_referent_requests(ctx.db, j.id)) {
      auto* row = dict.AddSectionDictionary("PERSON_REQUEST");
      row->SetValue("WHEN", day_of(r.created_at));
      row->SetValue("REASON", r.reason);
      row->SetValue("REFERENT", r.referent_name.empty() ? "—" : r.referent_name);
    }
  }
  if (p.orientation) {
    const auto& o = *p.orientation;
    auto* cur = dict.AddSectionDictionary("CURRENT");
    cur->SetValue("ROUTE", route_label(o.route));
    cur->SetValue("ORGANISATION", o.organisation_name);
    cur->SetValue("REFERENT", o.referent_name.empty() ? "non désigné" : o.referent_name);
    cur->SetValue("REASON", o.reason);
    cur->SetValue("WHEN", day_of(o.decided_at));
    cur->SetValue("BY", o.decided_by_name);
    if (o.followed_suggestion) {
      cur->SetValue("FOLLOWED", *o.followed_suggestion ? "oui" : "non");
      cur->ShowSection("HAS_SUGGESTION");
    }
  }
  if (pending) {
    auto* r = dict.AddSectionDictionary("PENDING");
    r->SetIntValue("REQUEST_ID", pending->id);
    r->SetValue("BY", pending->requested_by_name);
    r->SetValue("WHEN", day_of(pending->created_at));
    r->SetValue("REASON", pending->reason);
    if (may_answer_reorientation(ctx.actor, j.territory_id)) {
      auto* answer = r->AddSectionDictionary("ANSWER_FORM");
      answer->SetValue("ANSWER", typed.answer);
      if (error && error->field == "answer") html::show_form_error(*answer, *error);
    }
  }
  for (const auto& r : reorientation_requests(ctx.db, j.id)) {
    if (r.status == "pending") continue;
    auto* row = dict.AddSectionDictionary("PAST_REQUEST");
    row->SetValue("WHEN", day_of(r.created_at));
    row->SetValue("BY", r.requested_by_name);
    row->SetValue("REASON", r.reason);
    row->SetValue("OUTCOME", r.status == "accepted" ? "acceptée : nouvelle orientation"
                                                    : "orientation maintenue");
    if (!r.answer.empty()) row->SetValueAndShowSection("ANSWER", r.answer, "HAS_ANSWER");
  }
  if (decides) {
    auto* form = dict.AddSectionDictionary("DECIDE");
    if (error && error->field != "answer" && error->field != "reorientation_reason" &&
        error->field != "assign_referent") {
      html::show_form_error(*form, *error);
    }
    for (const char* route : kRoutes) {
      auto* r = form->AddSectionDictionary("ROUTE_OPTION");
      r->SetValue("VALUE", route);
      r->SetValue("LABEL", route_label(route));
      if (typed.route == route) r->ShowSection("CHECKED");
    }
    for (const auto& o : organisations_for(ctx.db, j.territory_id)) {
      auto* r = form->AddSectionDictionary("ORG_OPTION");
      r->SetIntValue("ID", o.id);
      r->SetValue("LABEL", o.label);
      if (typed.organisation_id == std::to_string(o.id)) r->ShowSection("SELECTED");
    }
    for (const auto& c : referents_for(ctx.db, j.territory_id)) {
      auto* r = form->AddSectionDictionary("REFERENT_OPTION");
      std::string value = std::to_string(c.id) + "-" + std::to_string(c.organisation_id);
      r->SetValue("ID", value);
      r->SetValue("LABEL", c.label);
      if (typed.referent == value) r->ShowSection("SELECTED");
    }
    form->SetValue("REASON", typed.reason);
    form->SetValue("DECIDE_TITLE", pending ? "Nouvelle orientation" : "Décision d’orientation");
  }
  if (p.referent && !pending && (j.status == "oriented" || j.status == "accompanied")) {
    auto* ask = dict.AddSectionDictionary("ASK");
    ask->SetValue("REORIENTATION_REASON", typed.reorientation_reason);
    if (error && error->field == "reorientation_reason") html::show_form_error(*ask, *error);
  }
  bool met = ctx.db.query_one("SELECT first_meeting_at FROM journeys WHERE id = $1", {j.id})
                 ->opt_integer(0)
                 .has_value();
  if (p.referent && j.active() && j.status != "to_orient" && !met) {
    dict.ShowSection("FIRST_MEETING");
  }
  if (p.orientation && j.active() &&
      may_assign_referent(ctx.actor, j.territory_id, p.orientation->organisation_id)) {
    auto* assign = dict.AddSectionDictionary("ASSIGN");
    assign->SetValue("ORGANISATION", p.orientation->organisation_name);
    for (const auto& c : referents_for(ctx.db, j.territory_id)) {
      if (c.organisation_id != p.orientation->organisation_id) continue;
      auto* r = assign->AddSectionDictionary("REFERENT_OPTION");
      r->SetIntValue("ID", c.id);
      r->SetValue("LABEL", c.label);
    }
    if (error && error->field == "assign_referent") html::show_form_error(*assign, *error);
    for (const auto& r : person_referent_requests(ctx.db, j.id)) {
      auto* row = assign->AddSectionDictionary("ASSIGN_REQUEST");
      row->SetValue("WHEN", day_of(r.created_at));
      row->SetValue("REASON", r.reason);
    }
  }
  std::string title = "Orientation de " + p.name;
  return html::page(ctx, error ? "Erreur — " + title : title, "orientation/journey.tpl", dict,
                    error ? http_status(error->code) : 200);
}

template <typename F>
http::Response with_journey(http::Context& ctx, F&& handler) {
  auto loaded = load(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return handler(std::get<JourneyPage>(loaded));
}

http::Response show_journey(http::Context& ctx) {
  return with_journey(ctx, [&](JourneyPage& p) { return journey_page(ctx, p, {}, nullptr); });
}

std::optional<std::int64_t> acting_org(const http::Context& ctx, std::int64_t territory_id) {
  return people::acting_organisation_in(ctx.actor, territory_id);
}

http::Response submit_decision(http::Context& ctx) {
  return with_journey(ctx, [&](JourneyPage& p) {
    if (!may_decide(ctx.actor, p.journey.territory_id)) return html::refuse(ctx);
    Typed typed{.route = ctx.request.form_value("route"),
                .organisation_id = ctx.request.form_value("organisation_id"),
                .referent = ctx.request.form_value("referent"),
                .reason = ctx.request.form_value("reason")};
    auto done = decide(ctx.db, {.journey_id = p.journey.id,
                                .route = typed.route,
                                .organisation_id = typed.organisation_id,
                                .referent = typed.referent,
                                .reason = typed.reason,
                                .actor_id = ctx.actor->user_id,
                                .actor_organisation_id = acting_org(ctx, p.journey.territory_id),
                                .public_url = ctx.config.public_url});
    if (!done) {
      if (done.error().code == ErrorCode::kNotFound) return html::error_page(ctx, done.error());
      return journey_page(ctx, p, typed, &done.error());
    }
    http::set_flash(ctx,
                    "La décision d’orientation est enregistrée ; la personne et les "
                    "professionnels concernés sont prévenus par courriel.");
    return http::Response::redirect("/orientation/parcours/" + std::to_string(p.journey.id));
  });
}

http::Response submit_reorientation(http::Context& ctx) {
  return with_journey(ctx, [&](JourneyPage& p) {
    if (!may_request_reorientation(ctx.actor, p.referent)) return html::refuse(ctx);
    Typed typed{.reorientation_reason = ctx.request.form_value("reorientation_reason")};
    auto done = request_reorientation(ctx.db, p.journey.id, ctx.actor->user_id,
                                      acting_org(ctx, p.journey.territory_id),
                                      typed.reorientation_reason, ctx.config.public_url);
    if (!done) {
      Error e = done.error();
      e.field = "reorientation_reason";
      return journey_page(ctx, p, typed, &e);
    }
    http::set_flash(ctx, "Votre demande de réorientation est envoyée aux chargés d’orientation.");
    return http::Response::redirect("/orientation/parcours/" + std::to_string(p.journey.id));
  });
}

http::Response submit_keep(http::Context& ctx) {
  return with_journey(ctx, [&](JourneyPage& p) {
    if (!may_answer_reorientation(ctx.actor, p.journey.territory_id)) return html::refuse(ctx);
    auto request = path_id(ctx, "request");
    Typed typed{.answer = ctx.request.form_value("answer")};
    auto done = request ? keep_orientation(ctx.db, p.journey.id, *request, ctx.actor->user_id,
                                           acting_org(ctx, p.journey.territory_id), typed.answer,
                                           ctx.config.public_url)
                        : Result<void>(fail(ErrorCode::kNotFound, "Demande introuvable."));
    if (!done) {
      Error e = done.error();
      e.field = "answer";
      return journey_page(ctx, p, typed, &e);
    }
    http::set_flash(ctx, "L’orientation est maintenue ; le référent et la personne sont prévenus.");
    return http::Response::redirect("/orientation/parcours/" + std::to_string(p.journey.id));
  });
}

http::Response submit_referent(http::Context& ctx) {
  return with_journey(ctx, [&](JourneyPage& p) {
    if (!p.orientation || !p.journey.active() ||
        !may_assign_referent(ctx.actor, p.journey.territory_id, p.orientation->organisation_id)) {
      return html::refuse(ctx);
    }
    auto user = text::parse_id(ctx.request.form_value("assign_referent"));
    Result<void> done =
        user ? assign_referent(ctx.db, p.journey.id, *user, p.orientation->organisation_id,
                               ctx.actor->user_id, acting_org(ctx, p.journey.territory_id))
             : Result<void>(fail(ErrorCode::kInvalid, "Choisissez le référent dans la liste.",
                                 "assign_referent"));
    if (!done) {
      Error e = done.error();
      e.field = "assign_referent";
      return journey_page(ctx, p, {}, &e);
    }
    http::set_flash(ctx, "Le référent du parcours est désigné.");
    return http::Response::redirect("/orientation/parcours/" + std::to_string(p.journey.id));
  });
}

http::Response submit_first_meeting(http::Context& ctx) {
  return with_journey(ctx, [&](JourneyPage& p) {
    if (!may_record_first_meeting(ctx.actor, p.referent)) return html::refuse(ctx);
    auto done = record_first_meeting(ctx.db, p.journey.id, ctx.actor->user_id,
                                     acting_org(ctx, p.journey.territory_id));
    if (!done) return journey_page(ctx, p, {}, &done.error());
    http::set_flash(ctx, "Le premier rendez-vous est enregistré.");
    return http::Response::redirect("/orientation/parcours/" + std::to_string(p.journey.id));
  });
}

// ---- lists ----

http::Response watch(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("orientation/watch");
  bool any = false;
  auto fill = [&](const char* title, const std::vector<WatchRow>& rows) {
    log_listed(ctx, rows, "journeys_to_watch");
    auto* list = dict.AddSectionDictionary("LIST");
    list->SetValue("TITLE", title);
    if (rows.empty())
      list->ShowSection("EMPTY");
    else
      list->ShowSection("HAS_ROWS");
    for (const auto& w : rows) {
      auto* r = list->AddSectionDictionary("ROW");
      r->SetIntValue("JOURNEY_ID", w.journey_id);
      r->SetValue("NAME", w.name);
      r->SetValue("ORGANISATION", w.organisation);
      r->SetValue("REFERENT", w.no_referent ? "Aucun référent" : w.referent);
      r->SetValue("ORIENTED", day_of(w.oriented_at));
      r->SetValue("DEADLINE", w.first_meeting_deadline);
      r->SetValue("PROBLEM", w.no_referent ? (w.meeting_late ? "Sans référent, délai dépassé"
                                                             : "Sans référent")
                                           : "Premier rendez-vous en retard");
    }
  };
  std::int64_t now = now_seconds();
  for (auto t : people::working_territories(ctx.actor)) {
    if (may_watch_territory(ctx.actor, t)) {
      fill("Parcours du territoire à suivre", journeys_to_watch(ctx.db, t, std::nullopt, now));
      any = true;
    }
  }
  for (const auto& g : ctx.actor->grants) {
    if (g.role != security::Role::kOrgAdmin || !g.organisation_id) continue;
    auto name =
        ctx.db.query_one("SELECT name FROM organisations WHERE id = $1", {*g.organisation_id});
    std::string title =
        "Parcours confiés à " + (name ? name->text(0) : std::string("la structure"));
    fill(title.c_str(),
         journeys_to_watch(ctx.db, *g.organisation_territory_id, g.organisation_id, now));
    any = true;
  }
  if (!any) return html::refuse(ctx);
  return html::page(ctx, "Parcours à suivre", "orientation/watch.tpl", dict);
}

http::Response mine(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("orientation/mine");
  auto rows = journeys_of_referent(ctx.db, ctx.actor->user_id);
  log_listed(ctx, rows, "referent_journeys");
  if (rows.empty())
    dict.ShowSection("EMPTY");
  else
    dict.ShowSection("HAS_ROWS");
  for (const auto& m : rows) {
    auto* r = dict.AddSectionDictionary("ROW");
    r->SetIntValue("JOURNEY_ID", m.journey_id);
    r->SetIntValue("PERSON_ID", m.person_id);
    r->SetValue("NAME", m.name);
    r->SetValue("ROUTE", m.route.empty() ? "—" : route_label(m.route));
    r->SetValue("MEETING", m.first_meeting ? "Tenu" : "À tenir");
    if (m.reorientation_pending) r->ShowSection("PENDING");
  }
  return html::page(ctx, "Mes parcours de référent", "orientation/mine.tpl", dict);
}

// ---- rules ----

http::Response rules_page(http::Context& ctx, std::int64_t territory, const std::string& text,
                          const Error* error) {
  ctemplate::TemplateDictionary dict("orientation/rules");
  auto current = current_rules(ctx.db, territory);
  dict.SetValue("RULES", text.empty() ? current.text : text);
  dict.SetValue("VERSION", current.version == 0 ? "règles nationales par défaut"
                                                : "version " + std::to_string(current.version));
  dict.SetIntValue("TERRITORY_ID", territory);
  if (error) show_error(dict, error);
  for (const auto& r : current.rules.rules) {
    auto* row = dict.AddSectionDictionary("RULE");
    row->SetValue("ROUTE", route_label(r.route));
    row->SetIntValue("WEIGHT", r.weight);
    row->SetValue("REASON", r.reason);
  }
  return html::page(ctx, error ? "Erreur — Règles de pré-orientation" : "Règles de pré-orientation",
                    "orientation/rules.tpl", dict, error ? http_status(error->code) : 200);
}

std::optional<std::int64_t> managed_territory(const http::Context& ctx) {
  auto requested = text::parse_id(ctx.request.query_value("territoire"));
  if (!requested) requested = text::parse_id(ctx.request.form_value("territory_id"));
  std::optional<std::int64_t> found;
  for (const auto& g : ctx.actor->grants) {
    if (g.role != security::Role::kTerritoryManager || !g.territory_id) continue;
    if (!found || (requested && *requested == *g.territory_id)) found = g.territory_id;
  }
  return found;
}

http::Response show_rules(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  auto t = managed_territory(ctx);
  if (!t || !may_edit_rules(ctx.actor, *t)) return html::refuse(ctx);
  return rules_page(ctx, *t, "", nullptr);
}

http::Response submit_rules(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  auto t = managed_territory(ctx);
  if (!t || !may_edit_rules(ctx.actor, *t)) return html::refuse(ctx);
  std::string text = ctx.request.form_value("regles");
  auto saved = save_rules(ctx.db, *t, ctx.actor->user_id, text);
  if (!saved) return rules_page(ctx, *t, text, &saved.error());
  http::set_flash(ctx, "Les règles de pré-orientation sont enregistrées (version " +
                           std::to_string(*saved) + ").");
  return http::Response::redirect("/orientation/regles?territoire=" + std::to_string(*t));
}

// ---- the person ----

http::Response person_orientation(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person || !portal::may_read_record(person, *person)) return portal::to_login(ctx);
  ctemplate::TemplateDictionary dict("orientation/person");
  bool any = false;
  for (const auto& j : people::journeys_of(ctx.db, *person)) {
    if (!j.active()) continue;
    auto* section = dict.AddSectionDictionary("JOURNEY");
    section->SetValue("TERRITORY", j.territory_name);
    auto o = current_orientation(ctx.db, j.id);
    if (!o) {
      section->ShowSection("WAITING");
      continue;
    }
    any = true;
    auto* d = section->AddSectionDictionary("DECISION");
    d->SetValue("ROUTE", route_label(o->route));
    d->SetValue("ORGANISATION", o->organisation_name);
    d->SetValue("REFERENT", o->referent_name);
    if (!o->referent_name.empty()) d->ShowSection("HAS_REFERENT");
    d->SetValue("REASON", o->reason);
    d->SetValue("WHEN", day_of(o->decided_at));
    for (const auto& reason : o->suggestion_reasons) {
      d->AddSectionDictionary("SUGGESTION_REASON")->SetValue("TEXT", reason);
    }
    if (o->suggested_route) {
      d->SetValueAndShowSection("SUGGESTED", route_label(*o->suggested_route), "HAS_SUGGESTION");
      d->SetValue("FOLLOWED", o->followed_suggestion.value_or(false)
                                  ? "La décision a suivi cette suggestion."
                                  : "La décision ne l’a pas suivie, pour le motif indiqué.");
    }
  }
  if (!any) dict.ShowSection("NONE");
  store::with_transaction(ctx.db, [&] { portal::log_own_read(ctx.db, *person, "orientation"); });
  return html::page(ctx, "Mon orientation", "orientation/person.tpl", dict);
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/orientation", queue);
  router.add("GET", "/orientation/parcours/{id}", show_journey);
  router.add("POST", "/orientation/parcours/{id}/decision", submit_decision);
  router.add("POST", "/orientation/parcours/{id}/reorientation", submit_reorientation);
  router.add("POST", "/orientation/parcours/{id}/reorientation/{request}/maintenir", submit_keep);
  router.add("POST", "/orientation/parcours/{id}/referent", submit_referent);
  router.add("POST", "/orientation/parcours/{id}/premier-rendez-vous", submit_first_meeting);
  router.add("GET", "/orientation/suivi", watch);
  router.add("GET", "/orientation/mes-parcours", mine);
  router.add("GET", "/orientation/regles", show_rules);
  router.add("POST", "/orientation/regles", submit_rules);
  router.add("GET", "/mon-espace/orientation", person_orientation);
}

}  // namespace parcours::orientation

// Plan d'actions pages:
//   GET  /personnes/{id}/plan                          the plan, to build it — the team
//   GET  /personnes/{id}/plan/imprimer                 printable view — the team
//   GET|POST /personnes/{id}/plan/objectifs/nouveau    add a goal — the team
//   GET|POST /personnes/{id}/plan/objectifs/{goal}/modifier   edit a goal — the team
//   POST /personnes/{id}/plan/objectifs/{goal}/valider validate a proposal — the référent
//   GET|POST /personnes/{id}/plan/objectifs/{goal}/cloture   close a goal (team) or decline a
//                                                      proposal (référent), with a reason
//   POST /personnes/{id}/plan/objectifs/{goal}/rouvrir reopen a closed goal — the team
//   GET|POST /personnes/{id}/plan/actions/nouvelle     add an action (catalogue or free) — team
//   GET|POST /personnes/{id}/plan/actions/{action}/modifier   edit an action — the team
//   POST /personnes/{id}/plan/actions/{action}/statut  change its status — the team
//   GET|POST /personnes/{id}/plan/point-etape          record a point d'étape — the team
//   POST /personnes/{id}/plan/prochain-point           set the next point d'étape — the référent
//   POST /personnes/{id}/plan/cloture                  close the plan (reason) — the référent
//   POST /personnes/{id}/plan/reouverture              reopen it — the référent
//   GET  /mon-espace/plan                              the person: their plan
//   GET  /mon-espace/plan/imprimer                     the person: printable view
//   GET|POST /mon-espace/plan/proposer                 the person: propose a goal
//   POST /mon-espace/plan/actions/{action}/realisee    the person: "I did it"
#include "features/plan/routes.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/http/tokens.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "features/plan/plan.h"
#include "features/plan/plan_cache.h"
#include "features/plan/policy.h"
#include "features/portal/accesses.h"
#include "features/portal/pages.h"
#include "features/referrals/matching.h"
#include "features/search/search.h"

namespace parcours::plan {
namespace {

using people::web::PersonPage;

constexpr const char* kActionStatusOrder[] = {"planned", "in_progress", "done", "abandoned",
                                              "cancelled"};

std::string today() { return paris_today(now_seconds()); }

std::string plan_path(std::int64_t person_id) {
  return "/personnes/" + std::to_string(person_id) + "/plan";
}

bool has_referent(store::Connection& conn, std::int64_t journey_id) {
  return conn
      .query_one(
          "SELECT 1 FROM journey_members WHERE journey_id = $1 AND role = 'referent' AND left_at "
          "IS NULL",
          {journey_id})
      .has_value();
}

// ---- the goals and actions, shared by every view ----

enum class Mode { kSummary, kBuild, kPrint, kPerson };

std::string responsible_label(const Action& a, Mode mode) {
  if (a.responsible_person) return mode == Mode::kPerson ? "Vous" : "La personne";
  if (!a.responsible_name.empty()) return a.responsible_name;
  return "—";
}

std::string dates_label(const Action& a) {
  std::vector<std::string> parts;
  if (!a.start_date.empty()) parts.push_back("Début : " + format_date_fr(a.start_date));
  if (!a.due_date.empty()) parts.push_back("Échéance : " + format_date_fr(a.due_date));
  if (!a.end_date.empty()) parts.push_back("Fin : " + format_date_fr(a.end_date));
  if (parts.empty()) return "—";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

struct View {
  Mode mode = Mode::kSummary;
  std::int64_t person_id = 0;
  std::string csrf;
  bool can_edit = false;    // team member on an open plan
  bool can_decide = false;  // référent on an active journey
  bool plan_open = true;
  bool person_active = false;  // the person's journey is active (kPerson)
};

void fill_actions(ctemplate::TemplateDictionary& parent, const std::vector<Action>& actions,
                  const std::string& caption, const View& v) {
  auto* list = parent.AddIncludeDictionary("ACTIONS"_key);
  list->SetFilename("plan/actions.tpl");
  if (actions.empty()) {
    list->ShowSection("NO_ACTIONS"_key);
    return;
  }
  // The person's views (their space, the printed plan): a list, readable on a phone and on paper.
  if (v.mode == Mode::kPerson || v.mode == Mode::kPrint) {
    auto* items = list->AddSectionDictionary("AS_LIST"_key);
    for (const auto& a : actions) {
      auto* item = items->AddSectionDictionary("ITEM"_key);
      item->SetIntValue("ACTION_ID"_key, a.id);
      item->SetValue("TITLE"_key, a.title);
      if (a.service_id) {
        item->SetValueAndShowSection("STRUCTURE"_key, a.service_structure, "SERVICE"_key);
      }
      item->SetValue("RESPONSIBLE"_key, responsible_label(a, v.mode));
      std::string dates = dates_label(a);
      if (dates != "—") {
        item->SetValueAndShowSection("DATES"_key, dates, "HAS_DATES"_key);
      }
      item->SetValue("STATUS"_key, action_status_label(a.status));
      item->SetValue("BADGE"_key, action_status_badge(a.status));
      if (v.mode == Mode::kPerson &&
          person_may_mark_done(v.person_id, v.person_id, v.person_active, v.plan_open, a)) {
        auto* done = item->AddSectionDictionary("CAN_DONE"_key);
        done->SetValue("CSRF_TOKEN"_key, v.csrf);
      }
    }
    return;
  }
  auto* table = list->AddSectionDictionary("HAS_ACTIONS"_key);
  table->SetValue("CAPTION"_key, caption);
  bool controls = v.mode == Mode::kBuild && v.can_edit;
  if (controls) table->ShowSection("WITH_CONTROLS"_key);
  for (const auto& a : actions) {
    auto* row = table->AddSectionDictionary("ACTION"_key);
    row->SetIntValue("ACTION_ID"_key, a.id);
    row->SetValue("TITLE"_key, a.title);
    if (a.service_id) {
      row->SetValueAndShowSection("STRUCTURE"_key, a.service_structure, "SERVICE"_key);
    }
    row->SetValue("RESPONSIBLE"_key, responsible_label(a, v.mode));
    row->SetValue("DATES"_key, dates_label(a));
    row->SetValue("STATUS"_key, action_status_label(a.status));
    row->SetValue("BADGE"_key, action_status_badge(a.status));
    if (controls) {
      auto* c = row->AddSectionDictionary("CONTROLS"_key);
      c->SetIntValue("PERSON_ID"_key, v.person_id);
      c->SetValue("CSRF_TOKEN"_key, v.csrf);
      for (const char* to : kActionStatusOrder) {
        if (!check_action_transition(a.status, to)) continue;
        auto* o = c->AddSectionDictionary("TARGET"_key);
        o->SetValue("CODE"_key, to);
        o->SetValue("LABEL"_key, action_status_label(to));
      }
    }
  }
}

void fill_goals(ctemplate::TemplateDictionary& parent, const Plan& plan, const View& v) {
  auto* goals = parent.AddIncludeDictionary("GOALS"_key);
  goals->SetFilename("plan/goals.tpl");
  std::size_t shown = 0;
  for (const auto& g : plan.goals) {
    // The person sees their own proposals but not the declined ones in the print view.
    if (v.mode == Mode::kPrint && g.status == "declined") continue;
    ++shown;
    auto* d = goals->AddSectionDictionary("GOAL"_key);
    d->SetIntValue("GOAL_ID"_key, g.id);
    d->SetIntValue("PERSON_ID"_key, v.person_id);
    d->SetValue("TITLE"_key, g.title);
    d->SetValue("THEMATIQUE"_key, thematique_label(g.thematique));
    d->SetValue("STATUS"_key, goal_status_label(g.status));
    d->SetValue("BADGE"_key, goal_status_badge(g.status));
    if (!g.target_date.empty()) {
      d->SetValueAndShowSection("TARGET_DATE"_key, format_date_fr(g.target_date), "TARGET"_key);
    }
    std::string carrier =
        g.carried_by_person ? (v.mode == Mode::kPerson ? "vous" : "la personne") : g.carrier_name;
    if (!carrier.empty()) {
      d->SetValueAndShowSection("CARRIER_NAME"_key, carrier, "CARRIER"_key);
    }
    if (!g.obstacle.empty()) {
      d->SetValueAndShowSection("OBSTACLE_LABEL"_key, obstacle_label(g.obstacle), "OBSTACLE"_key);
    }
    if (!g.closing_reason.empty() && v.mode != Mode::kSummary) {
      d->SetValueAndShowSection("REASON_TEXT"_key, g.closing_reason, "REASON"_key);
    }
    fill_actions(*d, g.actions, "Actions de l’objectif « " + g.title + " »", v);
    if (v.mode == Mode::kBuild && v.can_edit) {
      auto* c = d->AddSectionDictionary("TEAM_CONTROLS"_key);
      c->SetValue("CSRF_TOKEN"_key, v.csrf);
      if (g.status == "proposed") {
        if (v.can_decide)
          c->ShowSection("CAN_VALIDATE"_key);
        else
          c->ShowSection("WAITING"_key);
      } else if (g.status == "active") {
        c->ShowSection("ACTIVE"_key);
      } else if (g.status != "declined") {
        c->ShowSection("CAN_REOPEN"_key);
      }
    }
  }
  if (shown == 0) goals->ShowSection("NO_GOALS"_key);
  if (!plan.other_actions.empty()) {
    auto* others = goals->AddSectionDictionary("OTHERS"_key);
    fill_actions(*others, plan.other_actions, "Autres actions", v);
  }
}

// The notices above a plan: closed, no professional goal, late point d'étape.
void fill_notices(ctemplate::TemplateDictionary& parent, const Plan& plan, Mode mode) {
  auto* dict = parent.AddIncludeDictionary("NOTICES"_key);
  dict->SetFilename("plan/notices.tpl");
  if (plan.closed()) {
    auto* c = dict->AddSectionDictionary("CLOSED"_key);
    std::string when = plan.closed_at ? format_datetime_fr(*plan.closed_at) : std::string();
    c->SetValue("CLOSED_AT"_key, when.substr(0, when.find(" à ")));
    c->SetValue("CLOSED_REASON"_key, plan.closed_reason);
  }
  if (!plan.closed() && plan.exists && !plan.has_professional_goal()) {
    dict->ShowSection(mode == Mode::kPerson ? "NO_PRO_PERSON" : "NO_PRO");
  }
  if (plan.review_late(today()) && mode != Mode::kPerson && mode != Mode::kPrint) {
    dict->SetValueAndShowSection("LATE_DATE"_key, format_date_fr(plan.next_review_date),
                                 "LATE"_key);
  }
}

// ---- loading ----

struct PlanPage {
  PersonPage p;
  bool can_edit = false;
  bool can_decide = false;
};

// Which right a handler needs beyond seeing the plan.
enum class Need { kView, kEdit, kDecide };

bool has(const PlanPage& page, Need need) {
  switch (need) {
    case Need::kView:
      return true;
    case Need::kEdit:
      return page.can_edit;
    case Need::kDecide:
      return page.can_decide;
  }
  return false;
}

// Loads the person's plan page and runs `handler(page)` when the actor has `need`.
template <typename F>
http::Response with_plan(http::Context& ctx, Need need, F&& handler) {
  auto loaded = people::web::load_person_page(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  auto& p = std::get<PersonPage>(loaded);
  if (!p.journey || !may_view_plan(ctx.actor, p.facts)) return html::refuse(ctx);
  PlanPage page{std::move(p), false, false};
  page.can_edit = may_edit_plan(ctx.actor, page.p.facts);
  page.can_decide = may_decide(ctx.actor, page.p.facts, has_referent(ctx.db, page.p.journey->id));
  if (!has(page, need)) return html::refuse(ctx);
  return handler(page);
}

Actor actor_of(const http::Context& ctx, const PlanPage& page) {
  return people::web::team_actor(ctx, page.p.journey->territory_id);
}

std::optional<Goal> goal_of_page(http::Context& ctx, const PlanPage& page) {
  auto id = people::web::path_id(ctx, "goal");
  auto g = id ? find_goal(ctx.db, *id) : std::nullopt;
  if (!g || g->journey_id != page.p.journey->id) return std::nullopt;
  return g;
}

std::optional<Action> action_of_page(http::Context& ctx, const PlanPage& page) {
  auto id = people::web::path_id(ctx, "action");
  auto a = id ? find_action(ctx.db, *id) : std::nullopt;
  if (!a || a->journey_id != page.p.journey->id) return std::nullopt;
  return a;
}

http::Response not_found(http::Context& ctx, const char* what) {
  return html::error_page(ctx, 404, "Page non trouvée", what);
}

// with_plan, then the goal named in the path (404 unless it belongs to this journey).
template <typename F>
http::Response with_goal(http::Context& ctx, Need need, F&& handler) {
  return with_plan(ctx, need, [&](PlanPage& page) {
    auto g = goal_of_page(ctx, page);
    if (!g) return not_found(ctx, "Cet objectif n’existe pas.");
    return handler(page, *g);
  });
}

// with_plan, then the action named in the path (404 unless it belongs to this journey).
template <typename F>
http::Response with_action(http::Context& ctx, Need need, F&& handler) {
  return with_plan(ctx, need, [&](PlanPage& page) {
    auto a = action_of_page(ctx, page);
    if (!a) return not_found(ctx, "Cette action n’existe pas.");
    return handler(page, *a);
  });
}

http::Response back_to_plan(http::Context& ctx, std::int64_t person_id, const std::string& flash,
                            const std::string& anchor = "") {
  http::set_flash(ctx, flash);
  return http::Response::redirect(plan_path(person_id) + anchor, 303);
}

void set_person(ctemplate::TemplateDictionary& dict, const PlanPage& page) {
  dict.SetIntValue("PERSON_ID"_key, page.p.person.id);
  dict.SetValue("NAME"_key, people::display_name(page.p.person));
}

// ---- the plan page ----

// The content of the plan page (templates/plan/show.tpl), its forms' CSRF token as `csrf`.
std::string plan_content(http::Context& ctx, const PlanPage& page, const std::string& csrf,
                         const Error* error, const std::string& close_reason,
                         const std::string& next_review) {
  auto plan = load_plan(ctx.db, page.p.journey->id, true);
  ctemplate::TemplateDictionary dict("plan/show");
  dict.SetValue("CSRF_TOKEN"_key, csrf);
  set_person(dict, page);
  if (error) html::show_form_error(dict, *error);
  View v{.mode = Mode::kBuild,
         .person_id = page.p.person.id,
         .csrf = csrf,
         .can_edit = page.can_edit && !plan.closed(),
         .can_decide = page.can_decide,
         .plan_open = !plan.closed()};
  fill_notices(dict, plan, Mode::kBuild);
  fill_goals(dict, plan, v);
  if (v.can_edit) dict.ShowSection("CAN_EDIT"_key);
  dict.SetValue("NEXT_REVIEW"_key, plan.next_review_date.empty()
                                       ? std::string("pas encore fixé")
                                       : format_date_fr(plan.next_review_date));
  if (plan.reviews.empty()) dict.ShowSection("NO_REVIEWS"_key);
  for (const auto& r : plan.reviews) {
    auto* d = dict.AddSectionDictionary("REVIEW"_key);
    d->SetValue("DATE"_key, format_date_fr(r.review_date));
    d->SetValue("SUMMARY"_key, r.summary);
    std::string who = r.person_attended ? "la personne" : "sans la personne";
    if (!r.recorded_by_name.empty()) who += ", " + r.recorded_by_name;
    if (!r.attendees.empty()) who += ", " + r.attendees;
    d->SetValue("ATTENDEES"_key, who);
    d->SetValue("NEXT"_key, format_date_fr(r.next_review_date));
  }
  if (page.can_decide && !plan.closed()) {
    auto* s = dict.AddSectionDictionary("CAN_DECIDE_OPEN"_key);
    s->SetValue("NEXT_REVIEW_VALUE"_key, next_review.empty() ? plan.next_review_date : next_review);
    s->SetValue("CLOSE_REASON"_key, close_reason);
    if (error) html::show_form_error(*s, *error);
  }
  if (page.can_decide && plan.closed()) dict.ShowSection("CAN_REOPEN_PLAN"_key);
  return html::render("plan/show.tpl", dict, 64 * 1024);
}

// What stands for the viewer's CSRF token in a plan page kept in memory: random for each
// process, so that no stored text can hold it; hexadecimal, which HTML escaping leaves alone.
const std::string& csrf_stand_in() {
  static const std::string value = http::hash_hex(http::random_token()).substr(0, 32);
  return value;
}

std::string with_token(std::string content, const std::string& token) {
  const std::string& stand_in = csrf_stand_in();
  for (auto at = content.find(stand_in); at != std::string::npos;
       at = content.find(stand_in, at + token.size())) {
    content.replace(at, stand_in.size(), token);
  }
  return content;
}

http::Response plan_page(http::Context& ctx, const PlanPage& page, const Error* error,
                         const std::string& close_reason, const std::string& next_review) {
  std::string title = "Plan d’actions — " + people::display_name(page.p.person);
  if (error || !close_reason.empty() || !next_review.empty()) {
    // A form sent back with what was typed: built for this answer only.
    std::string content = plan_content(ctx, page, ctx.csrf_token, error, close_reason, next_review);
    people::web::log_read(ctx, page.p.person.id, "plan");
    return html::page_of_content(ctx, error ? "Erreur — " + title : title, content,
                                 error ? http_status(error->code) : 200);
  }
  // Kept in memory (plan_cache.h); the versions are read before the rows they cover. A page with
  // 10 goals and 40 actions is ≈ 75 KiB: at most ≈ 20 MiB.
  static PlanFragmentCache cache(256);
  auto versions = plan_versions(ctx.db, page.p.journey->id);
  PlanFragmentCache::Key key{.journey_id = page.p.journey->id,
                             .person_id = page.p.person.id,
                             .person_name = people::display_name(page.p.person),
                             .plan_version = versions.plan,
                             .names_version = versions.names,
                             .today = today(),
                             .can_edit = page.can_edit,
                             .can_decide = page.can_decide};
  auto cached = cache.get(key);
  if (!cached) {
    cached = std::make_shared<const CachedFragment>(
        CachedFragment{plan_content(ctx, page, csrf_stand_in(), nullptr, "", ""), true});
    cache.put(key, cached);
  }
  people::web::log_read(ctx, page.p.person.id, "plan");
  return html::page_of_content(ctx, title, with_token(cached->html, ctx.csrf_token));
}

// GET /personnes/{id}/plan — the team (and a replaced référent, reading).
http::Response show(http::Context& ctx) {
  return with_plan(ctx, Need::kView,
                   [&](PlanPage& page) { return plan_page(ctx, page, nullptr, "", ""); });
}

// GET /personnes/{id}/plan/imprimer — the team.
http::Response print_view(http::Context& ctx) {
  return with_plan(ctx, Need::kView, [&](PlanPage& page) {
    auto plan = load_plan(ctx.db, page.p.journey->id);
    ctemplate::TemplateDictionary dict("plan/print");
    dict.SetValue("CSS_PRINT"_key, html::asset_url("plan-print.css"));
    dict.SetValue("BACK_HREF"_key, plan_path(page.p.person.id));
    dict.SetValue("BACK_LABEL"_key, "Retour au plan d’actions");
    dict.SetValue("HEADING"_key, "Plan d’actions de " + people::display_name(page.p.person));
    dict.SetValue("PRINTED"_key, format_date_fr(today()));
    for (const auto& m : people::team_of(ctx.db, page.p.journey->id)) {
      auto* t = dict.AddSectionDictionary("MEMBER"_key);
      t->SetValue("NAME"_key, m.name);
      t->SetValue("ORGANISATION"_key, m.organisation_name);
      if (m.referent()) t->ShowSection("REFERENT"_key);
    }
    if (!plan.next_review_date.empty() && !plan.closed()) {
      dict.SetValueAndShowSection("NEXT_REVIEW"_key, format_date_fr(plan.next_review_date),
                                  "HAS_NEXT_REVIEW"_key);
    }
    fill_notices(dict, plan, Mode::kPrint);
    fill_goals(dict, plan, {.mode = Mode::kPrint, .person_id = page.p.person.id});
    people::web::log_read(ctx, page.p.person.id, "plan");
    return html::page(ctx, "Plan d’actions à imprimer — " + people::display_name(page.p.person),
                      "plan/print.tpl", dict);
  });
}

// ---- goals ----

GoalForm goal_form_from(const http::Request& r) {
  return {.thematique = r.form_value("thematique"),
          .title = r.form_value("title"),
          .target_date = r.form_value("target_date"),
          .carrier = r.form_value("carrier"),
          .obstacle = r.form_value("obstacle")};
}

void fill_thematique_options(ctemplate::TemplateDictionary& dict, const std::string& chosen) {
  for (const auto& t : goal_thematiques()) {
    auto* o = dict.AddSectionDictionary(is_professional(t.code) ? "PRO_OPTION" : "OTHER_OPTION");
    o->SetValue("CODE"_key, t.code);
    o->SetValue("LABEL"_key, t.label);
    if (t.code == chosen) o->ShowSection("SELECTED"_key);
  }
}

http::Response goal_form_page(http::Context& ctx, const PlanPage& page,
                              std::optional<std::int64_t> goal_id, const GoalForm& typed,
                              const Error* error) {
  ctemplate::TemplateDictionary dict("plan/goal_form");
  set_person(dict, page);
  dict.SetValue("ACTION"_key, goal_id ? plan_path(page.p.person.id) + "/objectifs/" +
                                            std::to_string(*goal_id) + "/modifier"
                                      : plan_path(page.p.person.id) + "/objectifs/nouveau");
  std::string heading = goal_id ? "Modifier l’objectif" : "Ajouter un objectif";
  dict.SetValue("HEADING"_key, heading);
  dict.SetValue("SUBMIT"_key, goal_id ? "Enregistrer l’objectif" : "Ajouter l’objectif");
  fill_thematique_options(dict, typed.thematique);
  dict.SetValue("TITLE"_key, typed.title);
  dict.SetValue("TARGET_DATE"_key, typed.target_date);
  auto carrier = [&](const std::string& value, const std::string& label) {
    auto* o = dict.AddSectionDictionary("CARRIER_OPTION"_key);
    o->SetValue("VALUE"_key, value);
    o->SetValue("LABEL"_key, label);
    if (typed.carrier == value) o->ShowSection("SELECTED"_key);
  };
  carrier("", "À préciser");
  carrier("person", "La personne elle-même");
  for (const auto& m : people::team_of(ctx.db, page.p.journey->id)) {
    carrier(std::to_string(m.user_id), m.name + " (" + m.organisation_name + ")");
  }
  // The obstacles of the diagnostic, with what the diagnostic says of them.
  auto needs = referrals::needs_of(ctx.db, page.p.journey->id);
  for (const auto& o : diagnostic_obstacles()) {
    auto* d = dict.AddSectionDictionary("OBSTACLE_OPTION"_key);
    d->SetValue("CODE"_key, o.code);
    std::string label = o.label;
    for (const auto& n : needs) {
      if (n.thematique != o.code) continue;
      if (n.level == "majeur") label += " — frein majeur au diagnostic";
      if (n.level == "a_surveiller") label += " — à surveiller selon le diagnostic";
    }
    d->SetValue("LABEL"_key, label);
    if (typed.obstacle == o.code) d->ShowSection("SELECTED"_key);
  }
  if (error) html::show_form_error(dict, *error);
  std::string title = heading + " — " + people::display_name(page.p.person);
  return html::page(ctx, error ? "Erreur — " + title : title, "plan/goal_form.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/plan/objectifs/nouveau — the team.
http::Response show_new_goal(http::Context& ctx) {
  return with_plan(ctx, Need::kEdit, [&](PlanPage& page) {
    GoalForm typed{.thematique = ctx.request.query_value("thematique"),
                   .obstacle = ctx.request.query_value("frein")};
    return goal_form_page(ctx, page, std::nullopt, typed, nullptr);
  });
}

// POST /personnes/{id}/plan/objectifs/nouveau — the team: thematique, title, target_date,
// carrier, obstacle.
http::Response submit_new_goal(http::Context& ctx) {
  return with_plan(ctx, Need::kEdit, [&](PlanPage& page) {
    auto typed = goal_form_from(ctx.request);
    auto id = create_goal(ctx.db, page.p.journey->id, typed, actor_of(ctx, page));
    if (!id) return goal_form_page(ctx, page, std::nullopt, typed, &id.error());
    return back_to_plan(ctx, page.p.person.id, "L’objectif est ajouté au plan d’actions.",
                        "#objectif-" + std::to_string(*id));
  });
}

// GET /personnes/{id}/plan/objectifs/{goal}/modifier — the team.
http::Response show_edit_goal(http::Context& ctx) {
  return with_goal(ctx, Need::kEdit, [&](PlanPage& page, const Goal& goal) {
    GoalForm typed{.thematique = goal.thematique,
                   .title = goal.title,
                   .target_date = goal.target_date,
                   .carrier = goal.carried_by_person ? "person"
                              : goal.carrier_user_id ? std::to_string(*goal.carrier_user_id)
                                                     : "",
                   .obstacle = goal.obstacle};
    return goal_form_page(ctx, page, goal.id, typed, nullptr);
  });
}

// POST /personnes/{id}/plan/objectifs/{goal}/modifier — the team.
http::Response submit_edit_goal(http::Context& ctx) {
  return with_goal(ctx, Need::kEdit, [&](PlanPage& page, const Goal& goal) {
    auto typed = goal_form_from(ctx.request);
    auto done = update_goal(ctx.db, goal.id, typed, actor_of(ctx, page));
    if (!done) return goal_form_page(ctx, page, goal.id, typed, &done.error());
    return back_to_plan(ctx, page.p.person.id, "L’objectif est modifié.",
                        "#objectif-" + std::to_string(goal.id));
  });
}

// POST /personnes/{id}/plan/objectifs/{goal}/valider — the référent.
http::Response submit_validate(http::Context& ctx) {
  return with_goal(ctx, Need::kDecide, [&](PlanPage& page, const Goal& goal) {
    auto done = validate_goal(ctx.db, goal.id, actor_of(ctx, page));
    if (!done) return plan_page(ctx, page, &done.error(), "", "");
    return back_to_plan(ctx, page.p.person.id, "L’objectif proposé par la personne est validé.",
                        "#objectif-" + std::to_string(goal.id));
  });
}

http::Response close_goal_page(http::Context& ctx, const PlanPage& page, const Goal& g,
                               const std::string& status, const std::string& reason,
                               const Error* error) {
  ctemplate::TemplateDictionary dict("plan/goal_close");
  set_person(dict, page);
  dict.SetIntValue("GOAL_ID"_key, g.id);
  dict.SetValue("GOAL_TITLE"_key, g.title);
  dict.SetValue("THEMATIQUE"_key, thematique_label(g.thematique));
  dict.SetValue("REASON"_key, reason);
  bool proposed = g.status == "proposed";
  std::string heading = proposed ? "Ne pas retenir l’objectif proposé" : "Clore l’objectif";
  dict.SetValue("HEADING"_key, heading);
  if (proposed) {
    dict.ShowSection("DECLINE"_key);
  } else {
    auto* s = dict.AddSectionDictionary("CLOSE"_key);
    for (const auto& [code, label] :
         {std::pair{"reached", "Atteint"}, std::pair{"abandoned", "Abandonné"},
          std::pair{"closed", "Clos pour une autre raison"}}) {
      auto* o = s->AddSectionDictionary("ISSUE"_key);
      o->SetValue("CODE"_key, code);
      o->SetValue("LABEL"_key, label);
      if (status == code || (status.empty() && std::string(code) == "reached")) {
        o->ShowSection("CHECKED"_key);
      }
    }
    if (error) html::show_form_error(*s, *error);
  }
  if (error) html::show_form_error(dict, *error);
  std::string title = heading + " — " + people::display_name(page.p.person);
  return html::page(ctx, error ? "Erreur — " + title : title, "plan/goal_close.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/plan/objectifs/{goal}/cloture — the team (a proposal: the référent).
http::Response show_close_goal(http::Context& ctx) {
  return with_goal(ctx, Need::kView, [&](PlanPage& page, const Goal& goal) {
    if (!(goal.status == "proposed" ? page.can_decide : page.can_edit)) return html::refuse(ctx);
    return close_goal_page(ctx, page, goal, "", "", nullptr);
  });
}

// POST /personnes/{id}/plan/objectifs/{goal}/cloture — status (reached, abandoned, closed) and
// reason; for a proposal (declined), the référent and a reason.
http::Response submit_close_goal(http::Context& ctx) {
  return with_goal(ctx, Need::kView, [&](PlanPage& page, const Goal& goal) {
    bool proposed = goal.status == "proposed";
    if (!(proposed ? page.can_decide : page.can_edit)) return html::refuse(ctx);
    std::string status = ctx.request.form_value("status");
    std::string reason = ctx.request.form_value("reason");
    auto done = proposed ? decline_goal(ctx.db, goal.id, reason, actor_of(ctx, page))
                         : close_goal(ctx.db, goal.id, status, reason, actor_of(ctx, page));
    if (!done) return close_goal_page(ctx, page, goal, status, reason, &done.error());
    return back_to_plan(ctx, page.p.person.id,
                        proposed ? "L’objectif proposé n’est pas retenu ; la raison est notée."
                                 : "L’objectif est clos.",
                        "#objectif-" + std::to_string(goal.id));
  });
}

// POST /personnes/{id}/plan/objectifs/{goal}/rouvrir — the team.
http::Response submit_reopen_goal(http::Context& ctx) {
  return with_goal(ctx, Need::kEdit, [&](PlanPage& page, const Goal& goal) {
    auto done = reopen_goal(ctx.db, goal.id, actor_of(ctx, page));
    if (!done) return plan_page(ctx, page, &done.error(), "", "");
    return back_to_plan(ctx, page.p.person.id, "L’objectif est rouvert.",
                        "#objectif-" + std::to_string(goal.id));
  });
}

// ---- actions ----

ActionForm action_form_from(const http::Request& r) {
  return {.goal = r.form_value("goal"),
          .service_id = r.form_value("service_id"),
          .title = r.form_value("title"),
          .responsible = r.form_value("responsible"),
          .start_date = r.form_value("start_date"),
          .due_date = r.form_value("due_date")};
}

// The services found for `q` (and the goal's thématique), eligible in the person's commune.
void fill_service_choices(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                          const PlanPage& page, const Plan& plan, const std::string& q,
                          const ActionForm& typed) {
  std::string thematique;
  if (auto goal_id = text::parse_id(typed.goal)) {
    for (const auto& g : plan.goals)
      if (g.id == *goal_id) thematique = g.thematique;
  }
  dict.SetValue("Q"_key, q);
  if (q.empty() && thematique.empty() && typed.service_id.empty()) return;
  search::ServiceQuery query{.q = q, .limit = 10};
  if (!thematique.empty() && q.empty()) query.thematiques = {thematique};
  if (page.p.person.commune_code) query.code_commune = *page.p.person.commune_code;
  auto found = search::search_services(ctx.db, query);
  if (!found && !query.code_commune.empty()) {
    query.code_commune.clear();
    found = search::search_services(ctx.db, query);
  }
  std::vector<std::int64_t> ids;
  if (found) {
    for (const auto& h : found->hits) ids.push_back(h.service_id);
  } else {
    dict.SetValueAndShowSection("SEARCH_ERROR_TEXT"_key, found.error().message, "SEARCH_ERROR"_key);
  }
  if (auto chosen = text::parse_id(typed.service_id);
      chosen && std::find(ids.begin(), ids.end(), *chosen) == ids.end()) {
    ids.insert(ids.begin(), *chosen);
  }
  if (ids.empty()) {
    dict.ShowSection("NO_SERVICES"_key);
    return;
  }
  std::string in;
  store::Params params;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    in += (i ? ", $" : "$") + std::to_string(i + 1);
    params.add(ids[i]);
  }
  auto rows = ctx.db.query(
      "SELECT s.id, s.nom, st.nom, COALESCE(s.commune, '') FROM services s JOIN structures st ON "
      "st.id = s.structure_id WHERE s.status = 'published' AND s.id IN (" +
          in + ")",
      params);
  auto* list = dict.AddSectionDictionary("SERVICES"_key);
  list->SetValue("SEARCH_LABEL"_key,
                 q.empty() ? "Services de la thématique « " + thematique_label(thematique) + " »"
                           : "Services trouvés pour « " + q + " »");
  for (std::int64_t id : ids) {
    for (const auto& r : rows) {
      if (r.integer(0) != id) continue;
      auto* o = list->AddSectionDictionary("SERVICE"_key);
      o->SetIntValue("SERVICE_ID"_key, id);
      o->SetValue("SERVICE_NAME"_key, r.text(1));
      o->SetValue("STRUCTURE"_key, r.text(2));
      if (!r.text(3).empty())
        o->SetValueAndShowSection("COMMUNE"_key, r.text(3), "HAS_COMMUNE"_key);
      if (typed.service_id == std::to_string(id)) o->ShowSection("CHECKED"_key);
    }
  }
}

void fill_responsible_options(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                              const PlanPage& page, const std::string& chosen) {
  auto option = [&](const std::string& value, const std::string& label) {
    auto* o = dict.AddSectionDictionary("RESPONSIBLE_OPTION"_key);
    o->SetValue("VALUE"_key, value);
    o->SetValue("LABEL"_key, label);
    if (chosen == value) o->ShowSection("SELECTED"_key);
  };
  option("", "À préciser");
  option("person", "La personne elle-même");
  for (const auto& m : people::team_of(ctx.db, page.p.journey->id)) {
    option(std::to_string(m.user_id), m.name + " (" + m.organisation_name + ")");
  }
}

http::Response action_form_page(http::Context& ctx, const PlanPage& page,
                                const std::optional<Action>& existing, const ActionForm& typed,
                                const std::string& q, const Error* error) {
  auto plan = load_plan(ctx.db, page.p.journey->id);
  ctemplate::TemplateDictionary dict("plan/action_form");
  set_person(dict, page);
  std::string heading = existing ? "Modifier l’action" : "Ajouter une action";
  dict.SetValue("HEADING"_key, heading);
  dict.SetValue("ACTION"_key, existing ? plan_path(page.p.person.id) + "/actions/" +
                                             std::to_string(existing->id) + "/modifier"
                                       : plan_path(page.p.person.id) + "/actions/nouvelle");
  dict.SetValue("SUBMIT"_key, existing ? "Enregistrer l’action" : "Ajouter l’action");
  for (const auto& g : plan.goals) {
    if (g.status == "declined") continue;
    auto* o = dict.AddSectionDictionary("GOAL_OPTION"_key);
    o->SetIntValue("ID"_key, g.id);
    o->SetValue("LABEL"_key, thematique_label(g.thematique) + " — " + g.title);
    if (typed.goal == std::to_string(g.id)) o->ShowSection("SELECTED"_key);
  }
  if (existing) {
    if (existing->service_id) {
      dict.SetValueAndShowSection("SERVICE_TITLE"_key,
                                  existing->title + " (" + existing->service_structure + ")",
                                  "EXISTING_SERVICE"_key);
    } else {
      dict.SetValueAndShowSection("TITLE"_key, typed.title, "EXISTING_FREE"_key);
    }
  } else {
    auto* choose = dict.AddSectionDictionary("CHOOSE"_key);
    choose->SetIntValue("PERSON_ID"_key, page.p.person.id);
    choose->SetValue("GOAL"_key, typed.goal);
    choose->SetValue("TITLE"_key, typed.title);
    if (typed.service_id.empty()) choose->ShowSection("FREE_CHECKED"_key);
    fill_service_choices(ctx, *choose, page, plan, q, typed);
    if (error) html::show_form_error(*choose, *error);
  }
  fill_responsible_options(ctx, dict, page, typed.responsible);
  dict.SetValue("START_DATE"_key, typed.start_date);
  dict.SetValue("DUE_DATE"_key, typed.due_date);
  if (error) html::show_form_error(dict, *error);
  std::string title = heading + " — " + people::display_name(page.p.person);
  return html::page(ctx, error ? "Erreur — " + title : title, "plan/action_form.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/plan/actions/nouvelle[?objectif=&q=] — the team.
http::Response show_new_action(http::Context& ctx) {
  return with_plan(ctx, Need::kEdit, [&](PlanPage& page) {
    ActionForm typed{.goal = ctx.request.query_value("objectif"),
                     .title = ctx.request.query_value("title")};
    return action_form_page(ctx, page, std::nullopt, typed,
                            text::trim(ctx.request.query_value("q")), nullptr);
  });
}

// POST /personnes/{id}/plan/actions/nouvelle — the team: goal, service_id or title,
// responsible, start_date, due_date.
http::Response submit_new_action(http::Context& ctx) {
  return with_plan(ctx, Need::kEdit, [&](PlanPage& page) {
    auto typed = action_form_from(ctx.request);
    auto id = add_action(ctx.db, page.p.journey->id, typed, actor_of(ctx, page));
    if (!id) {
      return action_form_page(ctx, page, std::nullopt, typed, ctx.request.form_value("q"),
                              &id.error());
    }
    return back_to_plan(ctx, page.p.person.id, "L’action est ajoutée au plan d’actions.",
                        typed.goal.empty() ? "#autres-actions" : "#objectif-" + typed.goal);
  });
}

// GET /personnes/{id}/plan/actions/{action}/modifier — the team.
http::Response show_edit_action(http::Context& ctx) {
  return with_action(ctx, Need::kEdit, [&](PlanPage& page, const Action& action) {
    ActionForm typed{.goal = action.goal_id ? std::to_string(*action.goal_id) : "",
                     .title = action.title,
                     .responsible = action.responsible_person ? "person"
                                    : action.responsible_user_id
                                        ? std::to_string(*action.responsible_user_id)
                                        : "",
                     .start_date = action.start_date,
                     .due_date = action.due_date};
    return action_form_page(ctx, page, action, typed, "", nullptr);
  });
}

// POST /personnes/{id}/plan/actions/{action}/modifier — the team.
http::Response submit_edit_action(http::Context& ctx) {
  return with_action(ctx, Need::kEdit, [&](PlanPage& page, const Action& action) {
    auto typed = action_form_from(ctx.request);
    auto done = update_action(ctx.db, action.id, typed, actor_of(ctx, page));
    if (!done) return action_form_page(ctx, page, action, typed, "", &done.error());
    return back_to_plan(ctx, page.p.person.id, "L’action est modifiée.");
  });
}

// POST /personnes/{id}/plan/actions/{action}/statut — the team: status.
http::Response submit_action_status(http::Context& ctx) {
  return with_action(ctx, Need::kEdit, [&](PlanPage& page, const Action& action) {
    std::string status = ctx.request.form_value("status");
    auto done = set_action_status(ctx.db, action.id, status, actor_of(ctx, page));
    if (!done) return plan_page(ctx, page, &done.error(), "", "");
    return back_to_plan(ctx, page.p.person.id,
                        std::string("L’action « ") + action.title + " » est maintenant « " +
                            action_status_label(status) + " ».");
  });
}

// ---- points d'étape ----

http::Response review_page(http::Context& ctx, const PlanPage& page, const ReviewForm& typed,
                           const Error* error) {
  ctemplate::TemplateDictionary dict("plan/review");
  set_person(dict, page);
  dict.SetValue("REVIEW_DATE"_key, typed.review_date);
  dict.SetValue("SUMMARY"_key, typed.summary);
  if (typed.person_attended) dict.ShowSection("ATTENDED"_key);
  dict.SetValue("ATTENDEES"_key, typed.attendees);
  dict.SetValue("NEXT_REVIEW_DATE"_key, typed.next_review_date);
  if (error) html::show_form_error(dict, *error);
  std::string title = "Point d’étape — " + people::display_name(page.p.person);
  return html::page(ctx, error ? "Erreur — " + title : title, "plan/review.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/plan/point-etape — the team.
http::Response show_review(http::Context& ctx) {
  return with_plan(ctx, Need::kEdit, [&](PlanPage& page) {
    return review_page(ctx, page, {.review_date = today()}, nullptr);
  });
}

// POST /personnes/{id}/plan/point-etape — the team: review_date, summary, person_attended,
// attendees, next_review_date.
http::Response submit_review(http::Context& ctx) {
  return with_plan(ctx, Need::kEdit, [&](PlanPage& page) {
    const auto& r = ctx.request;
    ReviewForm typed{.review_date = r.form_value("review_date"),
                     .summary = r.form_value("summary"),
                     .person_attended = r.form_value("person_attended") == "1",
                     .attendees = r.form_value("attendees"),
                     .next_review_date = r.form_value("next_review_date")};
    auto id = record_review(ctx.db, page.p.journey->id, typed, actor_of(ctx, page));
    if (!id) return review_page(ctx, page, typed, &id.error());
    auto plan = load_plan(ctx.db, page.p.journey->id);
    return back_to_plan(ctx, page.p.person.id,
                        "Le point d’étape est enregistré. Prochain point d’étape : " +
                            format_date_fr(plan.next_review_date) + ".",
                        "#points-etape");
  });
}

// POST /personnes/{id}/plan/prochain-point — the référent: next_review_date.
http::Response submit_next_review(http::Context& ctx) {
  return with_plan(ctx, Need::kDecide, [&](PlanPage& page) {
    std::string date = ctx.request.form_value("next_review_date");
    auto done = set_next_review(ctx.db, page.p.journey->id, date, actor_of(ctx, page));
    if (!done) return plan_page(ctx, page, &done.error(), "", date);
    return back_to_plan(
        ctx, page.p.person.id,
        "Le prochain point d’étape est fixé au " + format_date_fr(text::trim(date)) + ".",
        "#points-etape");
  });
}

// ---- the whole plan ----

// POST /personnes/{id}/plan/cloture — the référent: reason.
http::Response submit_close_plan(http::Context& ctx) {
  return with_plan(ctx, Need::kDecide, [&](PlanPage& page) {
    std::string reason = ctx.request.form_value("reason");
    auto done = close_plan(ctx.db, page.p.journey->id, reason, actor_of(ctx, page));
    if (!done) return plan_page(ctx, page, &done.error(), reason, "");
    return back_to_plan(ctx, page.p.person.id, "Le plan d’actions est clos.");
  });
}

// POST /personnes/{id}/plan/reouverture — the référent.
http::Response submit_reopen_plan(http::Context& ctx) {
  return with_plan(ctx, Need::kDecide, [&](PlanPage& page) {
    auto done = reopen_plan(ctx.db, page.p.journey->id, actor_of(ctx, page));
    if (!done) return plan_page(ctx, page, &done.error(), "", "");
    return back_to_plan(ctx, page.p.person.id, "Le plan d’actions est rouvert.");
  });
}

// ---- the person ----

// The person's active journeys (usually one), newest first.
std::vector<people::Journey> active_journeys(http::Context& ctx, std::int64_t person_id) {
  std::vector<people::Journey> out;
  for (auto& j : people::journeys_of(ctx.db, person_id))
    if (j.active()) out.push_back(std::move(j));
  return out;
}

// GET /mon-espace/plan — the signed-in person: their plan(s).
http::Response person_plan(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  ctemplate::TemplateDictionary dict("plan/mine");
  auto journeys = active_journeys(ctx, *person);
  if (journeys.empty()) dict.ShowSection("NO_JOURNEY"_key);
  for (const auto& j : journeys) {
    if (!person_may_view_plan(person, j.person_id)) continue;
    auto plan = load_plan(ctx.db, j.id);
    auto* d = dict.AddSectionDictionary("JOURNEY"_key);
    d->SetIntValue("JOURNEY_ID"_key, j.id);
    d->SetValue("TERRITORY"_key, j.territory_name);
    if (journeys.size() > 1) d->ShowSection("SEVERAL"_key);
    fill_notices(*d, plan, Mode::kPerson);
    fill_goals(*d, plan,
               {.mode = Mode::kPerson,
                .person_id = *person,
                .csrf = ctx.csrf_token,
                .plan_open = !plan.closed(),
                .person_active = j.active()});
    if (!plan.next_review_date.empty() && !plan.closed()) {
      d->SetValueAndShowSection("NEXT_REVIEW"_key, format_date_fr(plan.next_review_date),
                                "HAS_NEXT_REVIEW"_key);
    }
    if (person_may_propose_goal(person, j.person_id, j.active(), !plan.closed())) {
      d->ShowSection("CAN_PROPOSE"_key);
    }
  }
  store::with_transaction(ctx.db, [&] { portal::log_own_read(ctx.db, *person, "plan"); });
  return html::page(ctx, "Mon plan d’actions", "plan/mine.tpl", dict);
}

// GET /mon-espace/plan/imprimer — the signed-in person.
http::Response person_print(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  auto journeys = active_journeys(ctx, *person);
  if (journeys.empty()) return http::Response::redirect("/mon-espace/plan", 303);
  const auto& j = journeys.front();
  auto plan = load_plan(ctx.db, j.id);
  ctemplate::TemplateDictionary dict("plan/print");
  dict.SetValue("CSS_PRINT"_key, html::asset_url("plan-print.css"));
  dict.SetValue("BACK_HREF"_key, "/mon-espace/plan");
  dict.SetValue("BACK_LABEL"_key, "Retour à mon plan d’actions");
  dict.SetValue("HEADING"_key, "Mon plan d’actions");
  dict.SetValue("PRINTED"_key, format_date_fr(today()));
  for (const auto& m : people::team_of(ctx.db, j.id)) {
    auto* t = dict.AddSectionDictionary("MEMBER"_key);
    t->SetValue("NAME"_key, m.name);
    t->SetValue("ORGANISATION"_key, m.organisation_name);
    if (m.referent()) t->ShowSection("REFERENT"_key);
  }
  if (!plan.next_review_date.empty() && !plan.closed()) {
    dict.SetValueAndShowSection("NEXT_REVIEW"_key, format_date_fr(plan.next_review_date),
                                "HAS_NEXT_REVIEW"_key);
  }
  fill_notices(dict, plan, Mode::kPerson);
  fill_goals(dict, plan, {.mode = Mode::kPrint, .person_id = *person});
  store::with_transaction(ctx.db, [&] { portal::log_own_read(ctx.db, *person, "plan"); });
  return html::page(ctx, "Mon plan d’actions à imprimer", "plan/print.tpl", dict);
}

http::Response propose_page(http::Context& ctx, const people::Journey& journey,
                            const GoalForm& typed, const Error* error) {
  ctemplate::TemplateDictionary dict("plan/propose");
  dict.SetIntValue("JOURNEY_ID"_key, journey.id);
  fill_thematique_options(dict, typed.thematique);
  dict.SetValue("TITLE"_key, typed.title);
  if (error) html::show_form_error(dict, *error);
  std::string title = "Proposer un objectif";
  return html::page(ctx, error ? "Erreur — " + title : title, "plan/propose.tpl", dict,
                    error ? http_status(error->code) : 200);
}

std::optional<people::Journey> proposable_journey(http::Context& ctx, std::int64_t person,
                                                  const std::string& typed_id) {
  auto journeys = active_journeys(ctx, person);
  if (journeys.empty()) return std::nullopt;
  if (auto id = text::parse_id(typed_id)) {
    for (const auto& j : journeys)
      if (j.id == *id) return j;
    return std::nullopt;
  }
  return journeys.front();
}

// GET /mon-espace/plan/proposer[?parcours=] — the signed-in person.
http::Response show_propose(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  auto j = proposable_journey(ctx, *person, ctx.request.query_value("parcours"));
  if (!j || !person_may_propose_goal(person, j->person_id, j->active(),
                                     load_plan(ctx.db, j->id).status != "closed")) {
    http::set_flash(ctx,
                    "Votre plan d’actions ne peut pas recevoir de proposition pour le moment.");
    return http::Response::redirect("/mon-espace/plan", 303);
  }
  return propose_page(ctx, *j, {}, nullptr);
}

// POST /mon-espace/plan/proposer — the signed-in person: journey_id, thematique, title.
http::Response submit_propose(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  auto j = proposable_journey(ctx, *person, ctx.request.form_value("journey_id"));
  if (!j) return html::error_page(ctx, 404, "Page non trouvée", "Ce parcours n’existe pas.");
  GoalForm typed{.thematique = ctx.request.form_value("thematique"),
                 .title = ctx.request.form_value("title")};
  auto id = propose_goal(ctx.db, *person, j->id, typed, ctx.config.public_url);
  if (!id) return propose_page(ctx, *j, typed, &id.error());
  http::set_flash(ctx,
                  "Merci, votre proposition est envoyée à votre conseiller. Il la validera avec "
                  "vous.");
  return http::Response::redirect("/mon-espace/plan", 303);
}

// POST /mon-espace/plan/actions/{action}/realisee — the signed-in person: their own action.
http::Response submit_person_done(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  auto id = people::web::path_id(ctx, "action");
  if (!id) return html::error_page(ctx, 404, "Page non trouvée", "Cette action n’existe pas.");
  auto done = person_mark_done(ctx.db, *person, *id, ctx.config.public_url);
  if (!done) {
    if (done.error().code == ErrorCode::kNotFound) return html::error_page(ctx, done.error());
    http::set_flash(ctx, done.error().message);
    return http::Response::redirect("/mon-espace/plan", 303);
  }
  http::set_flash(ctx, "Bravo ! L’action est notée comme réalisée ; votre conseiller est prévenu.");
  return http::Response::redirect("/mon-espace/plan", 303);
}

}  // namespace

// ---- sections of other pages ----

namespace {

// The plan section's content (its include dictionary rendered alone).
std::shared_ptr<const CachedFragment> render_section(http::Context& ctx,
                                                     const PlanFragmentCache::Key& key) {
  ctemplate::TemplateDictionary section("plan/section");
  section.SetIntValue("PERSON_ID"_key, key.person_id);
  auto plan = load_plan(ctx.db, key.journey_id);
  bool empty = !plan.exists && plan.goals.empty() && plan.other_actions.empty();
  if (empty) {
    section.ShowSection("NONE"_key);
  } else {
    fill_notices(section, plan, Mode::kSummary);
    fill_goals(*section.AddSectionDictionary("HAS_PLAN"_key), plan,
               {.mode = Mode::kSummary, .person_id = key.person_id});
    if (!plan.closed() && !plan.next_review_date.empty()) {
      section.SetValueAndShowSection("NEXT_REVIEW"_key, format_date_fr(plan.next_review_date),
                                     "HAS_NEXT_REVIEW"_key);
    }
  }
  section.ShowSection(key.can_edit && !plan.closed() ? "CAN_EDIT" : "READ_ONLY");
  return std::make_shared<const CachedFragment>(
      CachedFragment{html::render("plan/section.tpl", section, 32 * 1024), !empty});
}

}  // namespace

void fill_journey_section(http::Context& ctx, ctemplate::TemplateDictionary& journey_dict,
                          const people::PersonFacts& facts, const people::Journey& journey,
                          people::web::ReadLog& reads) {
  if (!may_view_plan(ctx.actor, facts)) return;
  static PlanFragmentCache cache(512);  // ≈ 20 KiB for 10 goals and 40 actions: ≈ 10 MiB
  // The versions are read before the rows they cover: a write in between only makes a miss.
  auto versions = plan_versions(ctx.db, journey.id);
  PlanFragmentCache::Key key{.journey_id = journey.id,
                             .person_id = journey.person_id,
                             .plan_version = versions.plan,
                             .names_version = versions.names,
                             .today = today(),
                             .can_edit = may_edit_plan(ctx.actor, facts)};
  auto cached = cache.get(key);
  if (!cached) {
    cached = render_section(ctx, key);
    cache.put(key, cached);
  }
  auto* section = journey_dict.AddIncludeDictionary("PLAN"_key);
  section->SetFilename("plan/cached_section.tpl");
  section->SetValue("HTML"_key, cached->html);
  if (cached->shows_person) reads.add(journey.person_id, "plan");  // nothing shown otherwise
}

void fill_home_section(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                       std::int64_t person_id) {
  auto* section = dict.AddIncludeDictionary("PLAN"_key);
  section->SetFilename("plan/home_section.tpl");
  int open = 0, proposed = 0;
  for (const auto& j : active_journeys(ctx, person_id)) {
    auto plan = load_plan(ctx.db, j.id);
    for (const auto& g : plan.goals) {
      if (g.status == "proposed") ++proposed;
      for (const auto& a : g.actions) open += a.open() ? 1 : 0;
    }
    for (const auto& a : plan.other_actions) open += a.open() ? 1 : 0;
  }
  if (open > 0) {
    section->SetValueAndShowSection("OPEN"_key, std::to_string(open), "HAS_OPEN"_key);
  } else {
    section->ShowSection("NO_OPEN"_key);
  }
  if (proposed > 0) {
    section->SetValueAndShowSection("PROPOSED"_key, std::to_string(proposed), "HAS_PROPOSED"_key);
  }
}

namespace {

void fill_late_list(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                    const std::string& title, const std::vector<LateReview>& rows,
                    bool with_referent) {
  auto* section = dict.AddIncludeDictionary("LATE_REVIEWS"_key);
  section->SetFilename("plan/late_reviews.tpl");
  section->SetValue("TITLE"_key, title);
  if (rows.empty()) {
    section->ShowSection("EMPTY"_key);
    return;
  }
  auto* t = section->AddSectionDictionary("HAS_ROWS"_key);
  t->SetValue("CAPTION"_key, title);
  if (with_referent) t->ShowSection("WITH_REFERENT"_key);
  std::vector<store::AccessRecord> reads;
  std::string purpose = ctx.request.method + " " + ctx.request.path;
  for (const auto& r : rows) {
    auto* row = t->AddSectionDictionary("ROW"_key);
    row->SetIntValue("PERSON_ID"_key, r.person_id);
    row->SetValue("PERSON"_key, r.person_name);
    row->SetValue("DATE"_key, format_date_fr(r.next_review_date));
    if (with_referent) {
      row->SetValueAndShowSection("REFERENT"_key, r.referent_name.empty() ? "—" : r.referent_name,
                                  "WITH_REFERENT"_key);
    }
    reads.push_back({.actor_id = ctx.actor->user_id,
                     .person_id = r.person_id,
                     .part = "plan",
                     .purpose = purpose});
  }
  store::log_accesses(ctx.db, reads);
}

}  // namespace

void fill_late_reviews_of_referent(http::Context& ctx, ctemplate::TemplateDictionary& dict) {
  if (!ctx.actor) return;
  auto rows = late_reviews_of_referent(ctx.db, ctx.actor->user_id, today(), 50);
  if (rows.empty()) return;  // nothing to show: the caseload stays as it was
  fill_late_list(ctx, dict, "Points d’étape en retard (" + std::to_string(rows.size()) + ")", rows,
                 false);
}

void fill_late_reviews_of_organisation(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                                       std::int64_t organisation_id) {
  if (!may_view_organisation_late_reviews(ctx.actor, organisation_id)) return;
  fill_late_list(ctx, dict, "Points d’étape en retard des personnes suivies",
                 late_reviews_of_organisation(ctx.db, organisation_id, today(), 200), true);
}

void register_routes(http::Router& router) {
  router.add("GET", "/personnes/{id}/plan", show);
  router.add("GET", "/personnes/{id}/plan/imprimer", print_view);
  router.add("GET", "/personnes/{id}/plan/objectifs/nouveau", show_new_goal);
  router.add("POST", "/personnes/{id}/plan/objectifs/nouveau", submit_new_goal);
  router.add("GET", "/personnes/{id}/plan/objectifs/{goal}/modifier", show_edit_goal);
  router.add("POST", "/personnes/{id}/plan/objectifs/{goal}/modifier", submit_edit_goal);
  router.add("POST", "/personnes/{id}/plan/objectifs/{goal}/valider", submit_validate);
  router.add("GET", "/personnes/{id}/plan/objectifs/{goal}/cloture", show_close_goal);
  router.add("POST", "/personnes/{id}/plan/objectifs/{goal}/cloture", submit_close_goal);
  router.add("POST", "/personnes/{id}/plan/objectifs/{goal}/rouvrir", submit_reopen_goal);
  router.add("GET", "/personnes/{id}/plan/actions/nouvelle", show_new_action);
  router.add("POST", "/personnes/{id}/plan/actions/nouvelle", submit_new_action);
  router.add("GET", "/personnes/{id}/plan/actions/{action}/modifier", show_edit_action);
  router.add("POST", "/personnes/{id}/plan/actions/{action}/modifier", submit_edit_action);
  router.add("POST", "/personnes/{id}/plan/actions/{action}/statut", submit_action_status);
  router.add("GET", "/personnes/{id}/plan/point-etape", show_review);
  router.add("POST", "/personnes/{id}/plan/point-etape", submit_review);
  router.add("POST", "/personnes/{id}/plan/prochain-point", submit_next_review);
  router.add("POST", "/personnes/{id}/plan/cloture", submit_close_plan);
  router.add("POST", "/personnes/{id}/plan/reouverture", submit_reopen_plan);
  router.add("GET", "/mon-espace/plan", person_plan);
  router.add("GET", "/mon-espace/plan/imprimer", person_print);
  router.add("GET", "/mon-espace/plan/proposer", show_propose);
  router.add("POST", "/mon-espace/plan/proposer", submit_propose);
  router.add("POST", "/mon-espace/plan/actions/{action}/realisee", submit_person_done);
}

}  // namespace parcours::plan

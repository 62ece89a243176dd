#include "features/plan/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/mail/outbox.h"
#include "core/text.h"
#include "features/catalogue/vocabulary.h"
#include "features/people/events.h"
#include "features/people/journeys.h"
#include "features/people/persons.h"
#include "features/plan/policy.h"

namespace parcours::plan {
namespace {

namespace json = boost::json;
using namespace std::chrono;

constexpr const char* kProfessional[] = {"choisir-un-metier", "se-former",
                                         "preparer-sa-candidature", "trouver-un-emploi",
                                         "creer-une-entreprise"};
constexpr const char* kObstacles[] = {"mobilite",
                                      "logement-hebergement",
                                      "sante",
                                      "famille",
                                      "difficultes-financieres",
                                      "difficultes-administratives-ou-juridiques",
                                      "lecture-ecriture-calcul",
                                      "numerique",
                                      "equipement-et-alimentation"};

struct Label {
  const char* code;
  const char* label;
  const char* badge;
};

constexpr Label kGoalStatuses[] = {{"proposed", "Proposé par la personne", "fr-badge--new"},
                                   {"active", "En cours", "fr-badge--info"},
                                   {"declined", "Non retenu", "fr-badge--warning"},
                                   {"reached", "Atteint", "fr-badge--success"},
                                   {"abandoned", "Abandonné", "fr-badge--warning"},
                                   {"closed", "Clos", ""}};

constexpr Label kActionStatuses[] = {{"planned", "Prévue", "fr-badge--new"},
                                     {"in_progress", "En cours", "fr-badge--info"},
                                     {"done", "Réalisée", "fr-badge--success"},
                                     {"abandoned", "Abandonnée", "fr-badge--warning"},
                                     {"cancelled", "Annulée", ""}};

template <std::size_t N>
const Label* find_label(const Label (&labels)[N], std::string_view code) {
  for (const auto& l : labels)
    if (code == l.code) return &l;
  return nullptr;
}

std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::optional<sys_days> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  int y = std::stoi(std::string(s.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))));
  year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok() || y < 2000 || y > 2100) return std::nullopt;
  return sys_days{ymd};
}

std::string iso(sys_days d) {
  year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// "" or a valid date; kInvalid naming `field` otherwise.
Result<std::string> optional_date(const std::string& typed, const char* field, const char* what) {
  std::string value = text::trim(typed);
  if (value.empty()) return value;
  if (!parse_date(value)) {
    return fail(ErrorCode::kInvalid,
                fmt::format("{} : indiquez une date valide (jj/mm/aaaa).", what), field);
  }
  return value;
}

Result<std::string> text_between(const std::string& typed, std::size_t min, std::size_t max,
                                 const char* field, const char* what) {
  std::string value = text::trim(typed);
  std::size_t n = characters(value);
  if (n < min || n > max) {
    if (n == 0) return fail(ErrorCode::kInvalid, fmt::format("{} : à renseigner.", what), field);
    return fail(ErrorCode::kInvalid, fmt::format("{} : entre {} et {} caractères.", what, min, max),
                field);
  }
  return value;
}

struct JourneyRow {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  bool active = false;
};

std::optional<JourneyRow> journey_row(store::Connection& conn, std::int64_t journey_id) {
  auto r = conn.query_one("SELECT id, person_id, territory_id, status FROM journeys WHERE id = $1",
                          {journey_id});
  if (!r) return std::nullopt;
  return JourneyRow{r->integer(0), r->integer(1), r->integer(2), r->text(3) != "closed"};
}

// The journey, active; kNotFound or kConflict (closed) otherwise.
Result<JourneyRow> active_journey_row(store::Connection& conn, std::int64_t journey_id) {
  auto j = journey_row(conn, journey_id);
  if (!j) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
  if (!j->active)
    return fail(ErrorCode::kConflict, "Ce parcours est clos : le plan ne change plus.");
  return *j;
}

std::string plan_status(store::Connection& conn, std::int64_t journey_id) {
  auto r = conn.query_one("SELECT status FROM plans WHERE journey_id = $1", {journey_id});
  return r ? r->text(0) : std::string();
}

Result<void> plan_open(store::Connection& conn, std::int64_t journey_id) {
  if (plan_status(conn, journey_id) == "closed") {
    return fail(ErrorCode::kConflict,
                "Le plan d’actions est clos : rouvrez-le avant de le modifier.", "status");
  }
  return {};
}

void journal(store::Connection& conn, const char* kind, const JourneyRow& j,
             std::optional<std::int64_t> actor_id, std::optional<std::int64_t> actor_org,
             json::object payload, bool by_person = false) {
  payload["journey_id"] = j.id;
  if (actor_org) payload["actor_organisation_id"] = *actor_org;
  if (by_person) payload["by"] = "person";
  people::append_person_event(conn, kind, j.person_id, j.territory_id, actor_id, payload);
  people::touch_journey(conn, j.id);
}

std::string quoted_thematique(std::string_view code) {
  return "« " + thematique_label(code) + " »";
}

// Checks a carrier or responsible as typed: "", "person", or an active team member's id.
Result<std::optional<std::int64_t>> team_member(store::Connection& conn, std::int64_t journey_id,
                                                const std::string& typed, const char* field,
                                                const char* what) {
  if (typed.empty() || typed == "person") return std::optional<std::int64_t>{};
  auto id = text::parse_id(typed);
  if (!id || !people::in_team(conn, journey_id, *id)) {
    return fail(ErrorCode::kInvalid,
                fmt::format("{} : choisissez la personne ou un membre de l’équipe.", what), field);
  }
  return std::optional<std::int64_t>{*id};
}

struct CheckedGoal {
  std::string thematique, title, target_date, obstacle;
  std::optional<std::int64_t> carrier_user_id;
  bool carried_by_person = false;
};

Result<CheckedGoal> check_goal_form(store::Connection& conn, std::int64_t journey_id,
                                    const GoalForm& form) {
  CheckedGoal g;
  g.thematique = text::trim(form.thematique);
  auto& them = goal_thematiques();
  if (std::none_of(them.begin(), them.end(),
                   [&](const Term& t) { return t.code == g.thematique; })) {
    return fail(ErrorCode::kInvalid, "Thématique : choisissez la thématique de l’objectif.",
                "thematique");
  }
  auto title = text_between(form.title, 3, 200, "title", "Objectif");
  if (!title) return std::unexpected(title.error());
  g.title = *title;
  auto target = optional_date(form.target_date, "target_date", "Date visée");
  if (!target) return std::unexpected(target.error());
  g.target_date = *target;
  auto carrier = team_member(conn, journey_id, text::trim(form.carrier), "carrier", "Porté par");
  if (!carrier) return std::unexpected(carrier.error());
  g.carrier_user_id = *carrier;
  g.carried_by_person = text::trim(form.carrier) == "person";
  g.obstacle = text::trim(form.obstacle);
  if (!g.obstacle.empty()) {
    auto& obs = diagnostic_obstacles();
    if (std::none_of(obs.begin(), obs.end(), [&](const Term& t) { return t.code == g.obstacle; })) {
      return fail(ErrorCode::kInvalid,
                  "Frein du diagnostic : choisissez un frein de la liste, ou aucun.", "obstacle");
    }
  }
  return g;
}

store::Value text_or_null(const std::string& s) {
  return s.empty() ? store::Value(nullptr) : store::Value(s);
}

constexpr const char* kActionColumns =
    "a.id, a.journey_id, a.goal_id, a.service_id, COALESCE(st.nom, ''), a.title, a.status, "
    "a.responsible_user_id, COALESCE(u.name, ''), a.responsible_person, COALESCE(a.start_date, "
    "''), COALESCE(a.due_date, ''), COALESCE(a.end_date, ''), a.created_at, a.updated_at FROM "
    "plan_actions a LEFT JOIN users u ON u.id = a.responsible_user_id LEFT JOIN services s ON "
    "s.id = a.service_id LEFT JOIN structures st ON st.id = s.structure_id ";

Action action_of(const store::Row& r) {
  return Action{.id = r.integer(0),
                .journey_id = r.integer(1),
                .goal_id = r.opt_integer(2),
                .service_id = r.opt_integer(3),
                .service_structure = r.text(4),
                .title = r.text(5),
                .status = r.text(6),
                .responsible_user_id = r.opt_integer(7),
                .responsible_name = r.text(8),
                .responsible_person = r.boolean(9),
                .start_date = r.text(10),
                .due_date = r.text(11),
                .end_date = r.text(12),
                .created_at = r.integer(13),
                .updated_at = r.integer(14)};
}

constexpr const char* kGoalColumns =
    "g.id, g.journey_id, g.thematique, g.title, g.status, COALESCE(g.target_date, ''), "
    "g.carrier_user_id, COALESCE(u.name, ''), g.carried_by_person, COALESCE(g.obstacle, ''), "
    "COALESCE(g.closing_reason, ''), g.proposed_by_person, g.created_at, g.updated_at, "
    "g.closed_at";

Goal goal_of(const store::Row& r, std::size_t o = 0) {
  return Goal{.id = r.integer(o + 0),
              .journey_id = r.integer(o + 1),
              .thematique = r.text(o + 2),
              .title = r.text(o + 3),
              .status = r.text(o + 4),
              .target_date = r.text(o + 5),
              .carrier_user_id = r.opt_integer(o + 6),
              .carrier_name = r.text(o + 7),
              .carried_by_person = r.boolean(o + 8),
              .obstacle = r.text(o + 9),
              .closing_reason = r.text(o + 10),
              .proposed_by_person = r.boolean(o + 11),
              .created_at = r.integer(o + 12),
              .updated_at = r.integer(o + 13),
              .closed_at = r.opt_integer(o + 14),
              .actions = {}};
}

// The référent's name and email, if the journey has one.
std::optional<std::pair<std::string, std::string>> referent_of(store::Connection& conn,
                                                               std::int64_t journey_id) {
  auto r = conn.query_one(
      "SELECT u.name, u.email FROM journey_members m JOIN users u ON u.id = m.user_id WHERE "
      "m.journey_id = $1 AND m.role = 'referent' AND m.left_at IS NULL",
      {journey_id});
  if (!r) return std::nullopt;
  return std::pair{r->text(0), r->text(1)};
}

void tell_referent(store::Connection& conn, const JourneyRow& j, const std::string& subject,
                   const std::string& what, const std::string& public_url) {
  auto referent = referent_of(conn, j.id);
  if (!referent || referent->second.empty()) return;
  auto person = people::find_person(conn, j.person_id);
  std::string name = person ? people::display_name(*person) : std::string("La personne");
  std::string body = fmt::format(
      "Bonjour {},\n\n{} {}\n\nPour voir le plan d’actions : {}/personnes/{}/plan\n\n"
      "Parcours — service public de l’insertion et de l’emploi\n",
      referent->first, name, what, public_url, j.person_id);
  mail::queue_mail(conn, {.to = referent->second, .subject = subject + " : " + name, .text = body});
}

}  // namespace

// ---- vocabulary ----

const std::vector<Term>& goal_thematiques() {
  static const std::vector<Term> terms = [] {
    std::vector<Term> out;
    for (const char* code : kProfessional) out.push_back({code, catalogue::category_label(code)});
    for (const auto& c : catalogue::thematique_categories()) {
      if (!is_professional(c.code)) out.push_back({c.code, c.label});
    }
    return out;
  }();
  return terms;
}

bool is_professional(std::string_view thematique) {
  return std::any_of(std::begin(kProfessional), std::end(kProfessional),
                     [&](const char* c) { return thematique == c; });
}

std::string thematique_label(std::string_view thematique) {
  return catalogue::category_label(thematique);
}

const std::vector<Term>& diagnostic_obstacles() {
  static const std::vector<Term> terms = [] {
    std::vector<Term> out;
    for (const char* code : kObstacles) out.push_back({code, catalogue::category_label(code)});
    return out;
  }();
  return terms;
}

std::string obstacle_label(std::string_view obstacle) {
  return catalogue::category_label(obstacle);
}

const char* goal_status_label(std::string_view status) {
  auto l = find_label(kGoalStatuses, status);
  return l ? l->label : "Inconnu";
}
const char* goal_status_badge(std::string_view status) {
  auto l = find_label(kGoalStatuses, status);
  return l ? l->badge : "";
}
const char* action_status_label(std::string_view status) {
  auto l = find_label(kActionStatuses, status);
  return l ? l->label : "Inconnu";
}
const char* action_status_badge(std::string_view status) {
  auto l = find_label(kActionStatuses, status);
  return l ? l->badge : "";
}

Result<void> check_goal_transition(std::string_view from, std::string_view to) {
  if (!find_label(kGoalStatuses, to)) {
    return fail(ErrorCode::kInvalid, "Statut : choisissez un statut de la liste.", "status");
  }
  bool ok = false;
  if (from == "proposed") ok = to == "active" || to == "declined";
  if (from == "active") ok = to == "reached" || to == "abandoned" || to == "closed";
  if (from == "reached" || from == "abandoned" || from == "closed") ok = to == "active";
  if (ok) return {};
  if (from == to) {
    return fail(ErrorCode::kConflict,
                fmt::format("L’objectif est déjà « {} ».", goal_status_label(from)), "status");
  }
  if (from == "proposed") {
    return fail(ErrorCode::kConflict,
                "Cet objectif proposé par la personne doit d’abord être validé ou non retenu.",
                "status");
  }
  if (from == "declined") {
    return fail(ErrorCode::kConflict,
                "Cet objectif n’a pas été retenu : il ne peut plus changer de statut.", "status");
  }
  return fail(ErrorCode::kConflict,
              fmt::format("Un objectif « {} » ne peut pas passer à « {} ».",
                          goal_status_label(from), goal_status_label(to)),
              "status");
}

Result<void> check_action_transition(std::string_view from, std::string_view to) {
  if (!find_label(kActionStatuses, to)) {
    return fail(ErrorCode::kInvalid, "Statut : choisissez un statut de la liste.", "status");
  }
  bool ok = false;
  if (from == "planned") ok = to != "planned";
  if (from == "in_progress") ok = to != "in_progress";
  if (from == "done" || from == "abandoned" || from == "cancelled") ok = to == "planned";
  if (ok) return {};
  if (from == to) {
    return fail(ErrorCode::kConflict,
                fmt::format("L’action est déjà « {} ».", action_status_label(from)), "status");
  }
  return fail(ErrorCode::kConflict,
              fmt::format("Une action « {} » ne peut pas passer à « {} » : remettez-la d’abord "
                          "« Prévue ».",
                          action_status_label(from), action_status_label(to)),
              "status");
}

// ---- dates ----

std::string format_date_fr(std::string_view iso_date) {
  static constexpr const char* kMonths[] = {"janvier",   "février", "mars",     "avril",
                                            "mai",       "juin",    "juillet",  "août",
                                            "septembre", "octobre", "novembre", "décembre"};
  auto d = parse_date(iso_date);
  if (!d) return std::string(iso_date);
  year_month_day ymd{*d};
  unsigned day_number = static_cast<unsigned>(ymd.day());
  return fmt::format("{}{} {} {}", day_number, day_number == 1 ? "er" : "",
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

std::string paris_today(std::int64_t unix_seconds) {
  return format_iso8601(unix_seconds + paris_offset_seconds(unix_seconds)).substr(0, 10);
}

std::string add_months(std::string_view iso_date, int months) {
  auto d = parse_date(iso_date);
  if (!d) return std::string(iso_date);
  year_month_day ymd{*d};
  year_month ym = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return iso(sys_days{year_month_day{ym.year(), ym.month(), std::min(ymd.day(), last)}});
}

// ---- the plan ----

bool Plan::has_professional_goal() const {
  return std::any_of(goals.begin(), goals.end(), [](const Goal& g) {
    return g.status != "declined" && is_professional(g.thematique);
  });
}

bool Plan::review_late(std::string_view today) const {
  return exists && status == "open" && !next_review_date.empty() && next_review_date < today;
}

void ensure_plan(store::Connection& conn, std::int64_t journey_id,
                 std::optional<std::int64_t> created_by) {
  std::int64_t now = now_seconds();
  if (conn.query_one("SELECT 1 FROM plans WHERE journey_id = $1", {journey_id})) return;
  conn.execute(
      "INSERT INTO plans (journey_id, status, next_review_date, created_by, created_at, "
      "updated_at) VALUES ($1, 'open', $2, $3, $4, $4)",
      {journey_id, add_months(paris_today(now), 3), store::opt(created_by), now});
}

std::optional<std::int64_t> goal_for_service(store::Connection& conn, std::int64_t journey_id,
                                             std::int64_t service_id) {
  auto r = conn.query_one(
      "SELECT g.id FROM plan_goals g JOIN services s ON s.id = $2 WHERE g.journey_id = $1 AND "
      "g.status = 'active' AND s.thematiques LIKE '%\"' || g.thematique || '--%' ORDER BY "
      "g.created_at, g.id LIMIT 1",
      {journey_id, service_id});
  if (!r) return std::nullopt;
  return r->integer(0);
}

PlanVersions plan_versions(store::Connection& conn, std::int64_t journey_id) {
  auto row = conn.query_one(
      "SELECT plan_version, (SELECT version FROM names_version WHERE id = 1) FROM journeys "
      "WHERE id = $1",
      {journey_id});
  if (!row) return {};
  return {.plan = row->integer(0), .names = row->integer(1)};
}

Plan load_plan(store::Connection& conn, std::int64_t journey_id, bool with_reviews) {
  Plan plan;
  plan.journey_id = journey_id;
  // One query for the plan and its goals (LEFT JOIN: a plan without goals gives one row).
  auto rows = conn.query(std::string("SELECT p.status, COALESCE(p.closed_reason, ''), p.closed_at, "
                                     "p.next_review_date, p.created_at, ") +
                             kGoalColumns +
                             " FROM plans p LEFT JOIN plan_goals g ON g.journey_id = p.journey_id "
                             "LEFT JOIN users u ON u.id = g.carrier_user_id WHERE p.journey_id = "
                             "$1 ORDER BY g.created_at, g.id",
                         {journey_id});
  for (const auto& r : rows) {
    if (!plan.exists) {
      plan.exists = true;
      plan.status = r.text(0);
      plan.closed_reason = r.text(1);
      plan.closed_at = r.opt_integer(2);
      plan.next_review_date = r.text(3);
      plan.created_at = r.integer(4);
    }
    if (!r.is_null(5)) plan.goals.push_back(goal_of(r, 5));
  }
  std::stable_sort(plan.goals.begin(), plan.goals.end(), [](const Goal& a, const Goal& b) {
    auto rank = [](const std::string& s) { return s == "proposed" ? 0 : s == "active" ? 1 : 2; };
    return rank(a.status) < rank(b.status);
  });
  // One query for every action of the journey, dispatched to their goals.
  for (const auto& r : conn.query(std::string("SELECT ") + kActionColumns +
                                      "WHERE a.journey_id = $1 ORDER BY a.created_at, a.id",
                                  {journey_id})) {
    Action a = action_of(r);
    auto goal = a.goal_id ? std::find_if(plan.goals.begin(), plan.goals.end(),
                                         [&](const Goal& g) { return g.id == *a.goal_id; })
                          : plan.goals.end();
    if (goal != plan.goals.end()) {
      goal->actions.push_back(std::move(a));
    } else {
      plan.other_actions.push_back(std::move(a));
    }
  }
  if (!plan.exists && !plan.other_actions.empty()) plan.status = "open";
  if (with_reviews) {
    for (const auto& r : conn.query(
             "SELECT r.id, r.journey_id, r.review_date, r.summary, r.person_attended, r.attendees, "
             "r.next_review_date, r.recorded_by, COALESCE(u.name, ''), r.created_at FROM "
             "plan_reviews r LEFT JOIN users u ON u.id = r.recorded_by WHERE r.journey_id = $1 "
             "ORDER BY r.review_date DESC, r.id DESC",
             {journey_id})) {
      plan.reviews.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.boolean(4),
                              r.text(5), r.text(6), r.opt_integer(7), r.text(8), r.integer(9)});
    }
  }
  return plan;
}

std::optional<Goal> find_goal(store::Connection& conn, std::int64_t goal_id) {
  auto r = conn.query_one(std::string("SELECT ") + kGoalColumns +
                              " FROM plan_goals g LEFT JOIN users u ON u.id = g.carrier_user_id "
                              "WHERE g.id = $1",
                          {goal_id});
  if (!r) return std::nullopt;
  return goal_of(*r);
}

std::optional<Action> find_action(store::Connection& conn, std::int64_t action_id) {
  auto r = conn.query_one(std::string("SELECT ") + kActionColumns + "WHERE a.id = $1", {action_id});
  if (!r) return std::nullopt;
  return action_of(*r);
}

// ---- goals ----

Result<std::int64_t> create_goal(store::Connection& conn, std::int64_t journey_id,
                                 const GoalForm& form, const Actor& actor) {
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto j = active_journey_row(conn, journey_id);
    if (!j) return std::unexpected(j.error());
    if (auto open = plan_open(conn, journey_id); !open) return std::unexpected(open.error());
    auto g = check_goal_form(conn, journey_id, form);
    if (!g) return std::unexpected(g.error());
    ensure_plan(conn, journey_id, actor.user_id);
    std::int64_t now = now_seconds();
    auto id = conn.query_one(
                      "INSERT INTO plan_goals (journey_id, thematique, title, status, target_date, "
                      "carrier_user_id, carried_by_person, obstacle, created_by, created_at, "
                      "updated_at) VALUES ($1, $2, $3, 'active', $4, $5, $6, $7, $8, $9, $9) "
                      "RETURNING id",
                      {journey_id, g->thematique, g->title, text_or_null(g->target_date),
                       store::opt(g->carrier_user_id), store::boolean(g->carried_by_person),
                       text_or_null(g->obstacle), actor.user_id, now})
                  ->integer(0);
    json::object payload{{"goal_id", id}, {"thematique", g->thematique}};
    std::string text = "a ajouté au plan d’actions un objectif " + quoted_thematique(g->thematique);
    if (!g->obstacle.empty()) {
      payload["obstacle"] = g->obstacle;
      text += ", qui répond au frein « " + obstacle_label(g->obstacle) + " » du diagnostic";
    }
    payload["text"] = text;
    journal(conn, kGoalAdded, *j, actor.user_id, actor.organisation_id, payload);
    return id;
  });
}

Result<void> update_goal(store::Connection& conn, std::int64_t goal_id, const GoalForm& form,
                         const Actor& actor) {
  return atomically(conn, [&]() -> Result<void> {
    auto goal = find_goal(conn, goal_id);
    if (!goal) return fail(ErrorCode::kNotFound, "Objectif introuvable.");
    auto j = active_journey_row(conn, goal->journey_id);
    if (!j) return std::unexpected(j.error());
    if (auto open = plan_open(conn, goal->journey_id); !open) return std::unexpected(open.error());
    if (goal->status == "declined") {
      return fail(ErrorCode::kConflict, "Cet objectif n’a pas été retenu : il ne change plus.");
    }
    auto g = check_goal_form(conn, goal->journey_id, form);
    if (!g) return std::unexpected(g.error());
    conn.execute(
        "UPDATE plan_goals SET thematique = $2, title = $3, target_date = $4, carrier_user_id = "
        "$5, carried_by_person = $6, obstacle = $7, updated_at = $8 WHERE id = $1",
        {goal_id, g->thematique, g->title, text_or_null(g->target_date),
         store::opt(g->carrier_user_id), store::boolean(g->carried_by_person),
         text_or_null(g->obstacle), now_seconds()});
    journal(conn, kGoalUpdated, *j, actor.user_id, actor.organisation_id,
            {{"goal_id", goal_id},
             {"thematique", g->thematique},
             {"text",
              "a modifié l’objectif " + quoted_thematique(g->thematique) + " du plan d’actions"}});
    return {};
  });
}

namespace {

Result<void> move_goal(store::Connection& conn, std::int64_t goal_id, const std::string& to,
                       const std::string& reason, const Actor& actor, const char* kind,
                       const std::string& verb) {
  return atomically(conn, [&]() -> Result<void> {
    auto goal = find_goal(conn, goal_id);
    if (!goal) return fail(ErrorCode::kNotFound, "Objectif introuvable.");
    auto j = active_journey_row(conn, goal->journey_id);
    if (!j) return std::unexpected(j.error());
    if (auto open = plan_open(conn, goal->journey_id); !open) return std::unexpected(open.error());
    if (auto ok = check_goal_transition(goal->status, to); !ok) return ok;
    bool closing = to != "active";
    std::int64_t now = now_seconds();
    if (conn.execute("UPDATE plan_goals SET status = $2, closing_reason = $3, closed_at = $4, "
                     "updated_at = $5 WHERE id = $1 AND status = $6",
                     {goal_id, to, closing ? text_or_null(reason) : store::Value(nullptr),
                      closing ? store::Value(now) : store::Value(nullptr), now, goal->status}) !=
        1) {
      return fail(ErrorCode::kConflict, "Cet objectif vient d’être modifié : rechargez la page.",
                  "status");
    }
    journal(conn, kind, *j, actor.user_id, actor.organisation_id,
            {{"goal_id", goal_id},
             {"thematique", goal->thematique},
             {"status", to},
             {"text", verb + " l’objectif " + quoted_thematique(goal->thematique) +
                          " du plan d’actions" +
                          (to == "reached" || to == "abandoned" || to == "closed"
                               ? std::string(" (« ") + goal_status_label(to) + " »)"
                               : std::string())}});
    return {};
  });
}

}  // namespace

Result<void> validate_goal(store::Connection& conn, std::int64_t goal_id, const Actor& actor) {
  return move_goal(conn, goal_id, "active", "", actor, kGoalValidated,
                   "a validé l’objectif proposé par la personne :");
}

Result<void> decline_goal(store::Connection& conn, std::int64_t goal_id, const std::string& reason,
                          const Actor& actor) {
  auto why = text_between(reason, 3, 500, "reason", "Raison");
  if (!why) return std::unexpected(why.error());
  return move_goal(conn, goal_id, "declined", *why, actor, kGoalDeclined,
                   "n’a pas retenu l’objectif proposé par la personne :");
}

Result<void> close_goal(store::Connection& conn, std::int64_t goal_id, const std::string& status,
                        const std::string& reason, const Actor& actor) {
  if (status != "reached" && status != "abandoned" && status != "closed") {
    return fail(ErrorCode::kInvalid,
                "Issue : choisissez « Atteint », « Abandonné » ou « Clos pour une autre raison ».",
                "status");
  }
  std::string why = text::trim(reason);
  if (status != "reached" || !why.empty()) {
    auto checked = text_between(reason, 3, 500, "reason", "Raison");
    if (!checked) return std::unexpected(checked.error());
    why = *checked;
  }
  return move_goal(conn, goal_id, status, why, actor, kGoalClosed, "a clos");
}

Result<void> reopen_goal(store::Connection& conn, std::int64_t goal_id, const Actor& actor) {
  auto goal = find_goal(conn, goal_id);
  if (goal && goal->status == "proposed") {
    return fail(ErrorCode::kConflict,
                "Cet objectif proposé par la personne doit d’abord être validé ou non retenu.",
                "status");
  }
  return move_goal(conn, goal_id, "active", "", actor, kGoalReopened, "a rouvert");
}

// ---- actions ----

namespace {

struct CheckedAction {
  std::optional<std::int64_t> goal_id;
  std::optional<std::int64_t> service_id;
  std::string title, service_name, structure_name, start_date, due_date;
  std::optional<std::int64_t> responsible_user_id;
  bool responsible_person = false;
};

Result<CheckedAction> check_action_form(store::Connection& conn, std::int64_t journey_id,
                                        const ActionForm& form,
                                        std::optional<std::int64_t> existing_service) {
  CheckedAction a;
  std::string goal = text::trim(form.goal);
  if (!goal.empty()) {
    auto id = text::parse_id(goal);
    auto row =
        id ? conn.query_one("SELECT status FROM plan_goals WHERE id = $1 AND journey_id = $2",
                            {*id, journey_id})
           : std::nullopt;
    if (!row) {
      return fail(ErrorCode::kInvalid, "Objectif : choisissez un objectif du plan, ou aucun.",
                  "goal");
    }
    if (row->text(0) == "declined") {
      return fail(ErrorCode::kInvalid,
                  "Objectif : cet objectif n’a pas été retenu, choisissez-en un autre.", "goal");
    }
    a.goal_id = *id;
  }
  std::string service = text::trim(form.service_id);
  if (existing_service) {
    a.service_id = existing_service;
  } else if (!service.empty()) {
    auto id = text::parse_id(service);
    auto row = id ? conn.query_one(
                        "SELECT s.nom, st.nom FROM services s JOIN structures st ON "
                        "st.id = s.structure_id WHERE s.id = $1 AND s.status = "
                        "'published'",
                        {*id})
                  : std::nullopt;
    if (!row) {
      return fail(ErrorCode::kInvalid,
                  "Service : choisissez un service publié du catalogue, ou écrivez une action "
                  "libre.",
                  "service_id");
    }
    a.service_id = *id;
    a.service_name = row->text(0);
    a.structure_name = row->text(1);
  }
  if (a.service_id && !existing_service) {
    a.title = a.service_name;
  } else if (!existing_service) {
    auto title = text_between(form.title, 3, 200, "title", "Action");
    if (!title) return std::unexpected(title.error());
    a.title = *title;
  }
  std::string responsible = text::trim(form.responsible);
  auto member = team_member(conn, journey_id, responsible, "responsible", "Responsable");
  if (!member) return std::unexpected(member.error());
  a.responsible_user_id = *member;
  a.responsible_person = responsible == "person";
  auto start = optional_date(form.start_date, "start_date", "Début");
  if (!start) return std::unexpected(start.error());
  a.start_date = *start;
  auto due = optional_date(form.due_date, "due_date", "Échéance");
  if (!due) return std::unexpected(due.error());
  a.due_date = *due;
  if (!a.start_date.empty() && !a.due_date.empty() && a.due_date < a.start_date) {
    return fail(ErrorCode::kInvalid, "Échéance : elle ne peut pas précéder le début.", "due_date");
  }
  return a;
}

std::string action_phrase(const Action& a) {
  if (a.service_id) return "l’action « " + a.title + " » (service du catalogue)";
  return "une action libre";
}

}  // namespace

Result<std::int64_t> add_action(store::Connection& conn, std::int64_t journey_id,
                                const ActionForm& form, const Actor& actor) {
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto j = active_journey_row(conn, journey_id);
    if (!j) return std::unexpected(j.error());
    if (auto open = plan_open(conn, journey_id); !open) return std::unexpected(open.error());
    auto a = check_action_form(conn, journey_id, form, std::nullopt);
    if (!a) return std::unexpected(a.error());
    if (a->service_id && conn.query_one("SELECT 1 FROM plan_actions WHERE journey_id = $1 AND "
                                        "service_id = $2 AND status IN ('planned', 'in_progress')",
                                        {journey_id, *a->service_id})) {
      return fail(ErrorCode::kConflict, "Service : ce service est déjà prévu dans le plan.",
                  "service_id");
    }
    ensure_plan(conn, journey_id, actor.user_id);
    std::int64_t now = now_seconds();
    auto id = conn.query_one(
                      "INSERT INTO plan_actions (journey_id, goal_id, service_id, title, status, "
                      "responsible_user_id, responsible_person, start_date, due_date, created_by, "
                      "created_at, updated_at) VALUES ($1, $2, $3, $4, 'planned', $5, $6, $7, $8, "
                      "$9, $10, $10) RETURNING id",
                      {journey_id, store::opt(a->goal_id), store::opt(a->service_id), a->title,
                       store::opt(a->responsible_user_id), store::boolean(a->responsible_person),
                       text_or_null(a->start_date), text_or_null(a->due_date), actor.user_id, now})
                  ->integer(0);
    json::object payload{{"action_id", id}, {"status", "planned"}};
    std::string text = a->service_id ? "a ajouté au plan d’actions le service « " + a->title +
                                           " » (" + a->structure_name + ")"
                                     : std::string("a ajouté une action libre au plan d’actions");
    if (a->goal_id) {
      payload["goal_id"] = *a->goal_id;
      auto goal = find_goal(conn, *a->goal_id);
      if (goal) text += ", pour l’objectif " + quoted_thematique(goal->thematique);
    }
    if (a->service_id) payload["service_id"] = *a->service_id;
    payload["text"] = text;
    journal(conn, kActionAdded, *j, actor.user_id, actor.organisation_id, payload);
    return id;
  });
}

Result<void> update_action(store::Connection& conn, std::int64_t action_id, const ActionForm& form,
                           const Actor& actor) {
  return atomically(conn, [&]() -> Result<void> {
    auto existing = find_action(conn, action_id);
    if (!existing) return fail(ErrorCode::kNotFound, "Action introuvable.");
    auto j = active_journey_row(conn, existing->journey_id);
    if (!j) return std::unexpected(j.error());
    if (auto open = plan_open(conn, existing->journey_id); !open)
      return std::unexpected(open.error());
    auto a = check_action_form(conn, existing->journey_id, form, existing->service_id);
    if (!a) return std::unexpected(a.error());
    std::string title = existing->service_id ? existing->title : a->title;
    conn.execute(
        "UPDATE plan_actions SET goal_id = $2, title = $3, responsible_user_id = $4, "
        "responsible_person = $5, start_date = $6, due_date = $7, updated_at = $8 WHERE id = $1",
        {action_id, store::opt(a->goal_id), title, store::opt(a->responsible_user_id),
         store::boolean(a->responsible_person), text_or_null(a->start_date),
         text_or_null(a->due_date), now_seconds()});
    json::object payload{{"action_id", action_id}};
    if (a->goal_id) payload["goal_id"] = *a->goal_id;
    payload["text"] = "a modifié " + action_phrase(*existing) + " du plan d’actions";
    journal(conn, kActionUpdated, *j, actor.user_id, actor.organisation_id, payload);
    return {};
  });
}

namespace {

Result<void> move_action(store::Connection& conn, const Action& a, const JourneyRow& j,
                         const std::string& to, std::optional<std::int64_t> actor_id,
                         std::optional<std::int64_t> actor_org, bool by_person) {
  if (auto ok = check_action_transition(a.status, to); !ok) return ok;
  std::int64_t now = now_seconds();
  bool ended = to == "done" || to == "abandoned" || to == "cancelled";
  if (conn.execute("UPDATE plan_actions SET status = $2, end_date = $3, updated_at = $4 WHERE id "
                   "= $1 AND status = $5",
                   {a.id, to, ended ? store::Value(paris_today(now)) : store::Value(nullptr), now,
                    a.status}) != 1) {
    return fail(ErrorCode::kConflict, "Cette action vient d’être modifiée : rechargez la page.",
                "status");
  }
  std::string what = a.service_id ? "l’action « " + a.title + " »" : std::string("une action");
  std::string text =
      by_person && to == "done"
          ? "a indiqué avoir réalisé " + (a.service_id ? what : std::string("une action")) +
                " de son plan d’actions"
          : "a passé " + what + " du plan d’actions au statut « " + action_status_label(to) + " »";
  json::object payload{{"action_id", a.id}, {"status", to}, {"text", text}};
  if (a.goal_id) payload["goal_id"] = *a.goal_id;
  journal(conn, kActionUpdated, j, actor_id, actor_org, payload, by_person);
  return {};
}

}  // namespace

Result<void> set_action_status(store::Connection& conn, std::int64_t action_id,
                               const std::string& status, const Actor& actor) {
  return atomically(conn, [&]() -> Result<void> {
    auto a = find_action(conn, action_id);
    if (!a) return fail(ErrorCode::kNotFound, "Action introuvable.");
    auto j = active_journey_row(conn, a->journey_id);
    if (!j) return std::unexpected(j.error());
    if (auto open = plan_open(conn, a->journey_id); !open) return std::unexpected(open.error());
    return move_action(conn, *a, *j, status, actor.user_id, actor.organisation_id, false);
  });
}

// ---- the whole plan ----

Result<void> close_plan(store::Connection& conn, std::int64_t journey_id, const std::string& reason,
                        const Actor& actor) {
  auto why = text_between(reason, 3, 500, "reason", "Raison de la clôture");
  if (!why) return std::unexpected(why.error());
  return atomically(conn, [&]() -> Result<void> {
    auto j = active_journey_row(conn, journey_id);
    if (!j) return std::unexpected(j.error());
    ensure_plan(conn, journey_id, actor.user_id);
    std::int64_t now = now_seconds();
    if (conn.execute("UPDATE plans SET status = 'closed', closed_reason = $2, closed_by = $3, "
                     "closed_at = $4, updated_at = $4 WHERE journey_id = $1 AND status = 'open'",
                     {journey_id, *why, actor.user_id, now}) != 1) {
      return fail(ErrorCode::kConflict, "Le plan d’actions est déjà clos.", "status");
    }
    journal(conn, kPlanClosed, *j, actor.user_id, actor.organisation_id,
            {{"text", "a clos le plan d’actions"}});
    return {};
  });
}

Result<void> reopen_plan(store::Connection& conn, std::int64_t journey_id, const Actor& actor) {
  return atomically(conn, [&]() -> Result<void> {
    auto j = active_journey_row(conn, journey_id);
    if (!j) return std::unexpected(j.error());
    std::int64_t now = now_seconds();
    std::string next = add_months(paris_today(now), 3);
    if (conn.execute("UPDATE plans SET status = 'open', closed_reason = NULL, closed_by = NULL, "
                     "closed_at = NULL, next_review_date = CASE WHEN next_review_date < $2 THEN "
                     "$3 ELSE next_review_date END, updated_at = $4 WHERE journey_id = $1 AND "
                     "status = 'closed'",
                     {journey_id, paris_today(now), next, now}) != 1) {
      return fail(ErrorCode::kConflict, "Le plan d’actions n’est pas clos.", "status");
    }
    journal(conn, kPlanReopened, *j, actor.user_id, actor.organisation_id,
            {{"text", "a rouvert le plan d’actions"}});
    return {};
  });
}

// ---- reviews ----

Result<void> set_next_review(store::Connection& conn, std::int64_t journey_id,
                             const std::string& date, const Actor& actor) {
  std::string value = text::trim(date);
  std::string today = paris_today(now_seconds());
  if (!parse_date(value)) {
    return fail(ErrorCode::kInvalid,
                "Prochain point d’étape : indiquez une date valide (jj/mm/aaaa).",
                "next_review_date");
  }
  if (value < today) {
    return fail(ErrorCode::kInvalid, "Prochain point d’étape : la date ne peut pas être passée.",
                "next_review_date");
  }
  return atomically(conn, [&]() -> Result<void> {
    auto j = active_journey_row(conn, journey_id);
    if (!j) return std::unexpected(j.error());
    if (auto open = plan_open(conn, journey_id); !open) return std::unexpected(open.error());
    ensure_plan(conn, journey_id, actor.user_id);
    conn.execute("UPDATE plans SET next_review_date = $2, updated_at = $3 WHERE journey_id = $1",
                 {journey_id, value, now_seconds()});
    journal(conn, kNextReviewSet, *j, actor.user_id, actor.organisation_id,
            {{"next_review_date", value},
             {"text",
              "a fixé le prochain point d’étape du plan d’actions au " + format_date_fr(value)}});
    return {};
  });
}

Result<std::int64_t> record_review(store::Connection& conn, std::int64_t journey_id,
                                   const ReviewForm& form, const Actor& actor) {
  std::string today = paris_today(now_seconds());
  std::string date = text::trim(form.review_date);
  if (!parse_date(date)) {
    return fail(ErrorCode::kInvalid,
                "Date du point d’étape : indiquez une date valide (jj/mm/aaaa).", "review_date");
  }
  if (date > today) {
    return fail(ErrorCode::kInvalid,
                "Date du point d’étape : un point d’étape à venir se fixe avec « Prochain point "
                "d’étape ».",
                "review_date");
  }
  auto summary = text_between(form.summary, 3, 2000, "summary", "Compte rendu");
  if (!summary) return std::unexpected(summary.error());
  std::string attendees = text::trim(form.attendees);
  if (characters(attendees) > 300) {
    return fail(ErrorCode::kInvalid, "Autres participants : 300 caractères au plus.", "attendees");
  }
  std::string next = text::trim(form.next_review_date);
  if (next.empty()) {
    next = add_months(date, 3);
  } else if (!parse_date(next)) {
    return fail(ErrorCode::kInvalid,
                "Prochain point d’étape : indiquez une date valide (jj/mm/aaaa).",
                "next_review_date");
  } else if (next <= date) {
    return fail(ErrorCode::kInvalid,
                "Prochain point d’étape : il doit suivre la date de ce point d’étape.",
                "next_review_date");
  }
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto j = active_journey_row(conn, journey_id);
    if (!j) return std::unexpected(j.error());
    if (auto open = plan_open(conn, journey_id); !open) return std::unexpected(open.error());
    ensure_plan(conn, journey_id, actor.user_id);
    std::int64_t now = now_seconds();
    auto id = conn.query_one(
                      "INSERT INTO plan_reviews (journey_id, review_date, summary, "
                      "person_attended, attendees, next_review_date, recorded_by, created_at) "
                      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                      {journey_id, date, *summary, store::boolean(form.person_attended), attendees,
                       next, actor.user_id, now})
                  ->integer(0);
    conn.execute("UPDATE plans SET next_review_date = $2, updated_at = $3 WHERE journey_id = $1",
                 {journey_id, next, now});
    journal(conn, kReviewRecorded, *j, actor.user_id, actor.organisation_id,
            {{"review_id", id},
             {"next_review_date", next},
             {"text", "a fait le point d’étape du " + format_date_fr(date) +
                          (form.person_attended ? " avec la personne" : "") +
                          " ; prochain point d’étape le " + format_date_fr(next)}});
    return id;
  });
}

// ---- the person ----

Result<std::int64_t> propose_goal(store::Connection& conn, std::int64_t person_id,
                                  std::int64_t journey_id, const GoalForm& form,
                                  const std::string& public_url) {
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto j = journey_row(conn, journey_id);
    if (!j || j->person_id != person_id) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
    if (!person_may_propose_goal(person_id, j->person_id, j->active,
                                 plan_status(conn, journey_id) != "closed")) {
      return fail(ErrorCode::kForbidden,
                  "Votre plan d’actions ne peut pas recevoir de proposition pour le moment.");
    }
    GoalForm limited{.thematique = form.thematique, .title = form.title};
    auto g = check_goal_form(conn, journey_id, limited);
    if (!g) return std::unexpected(g.error());
    ensure_plan(conn, journey_id, std::nullopt);
    std::int64_t now = now_seconds();
    auto id = conn.query_one(
                      "INSERT INTO plan_goals (journey_id, thematique, title, status, "
                      "carried_by_person, proposed_by_person, created_at, updated_at) VALUES ($1, "
                      "$2, $3, 'proposed', 1, 1, $4, $4) RETURNING id",
                      {journey_id, g->thematique, g->title, now})
                  ->integer(0);
    journal(conn, kGoalProposed, *j, std::nullopt, std::nullopt,
            {{"goal_id", id},
             {"thematique", g->thematique},
             {"text", "a proposé un objectif " + quoted_thematique(g->thematique) +
                          " pour son plan d’actions"}},
            true);
    tell_referent(conn, *j, "Objectif proposé",
                  "propose un objectif pour son plan d’actions (" +
                      thematique_label(g->thematique) + ") : « " + g->title +
                      " ». Vous pouvez le valider ou ne pas le retenir depuis le plan d’actions.",
                  public_url);
    return id;
  });
}

Result<void> person_mark_done(store::Connection& conn, std::int64_t person_id,
                              std::int64_t action_id, const std::string& public_url) {
  return atomically(conn, [&]() -> Result<void> {
    auto a = find_action(conn, action_id);
    auto j = a ? journey_row(conn, a->journey_id) : std::nullopt;
    if (!a || !j || j->person_id != person_id) {
      return fail(ErrorCode::kNotFound, "Action introuvable.");
    }
    if (!person_may_mark_done(person_id, j->person_id, j->active,
                              plan_status(conn, j->id) != "closed", *a)) {
      return fail(ErrorCode::kForbidden,
                  "Cette action est suivie par votre conseiller : c’est lui qui la met à jour.");
    }
    auto moved = move_action(conn, *a, *j, "done", std::nullopt, std::nullopt, true);
    if (!moved) return moved;
    tell_referent(conn, *j, "Action réalisée",
                  "indique avoir réalisé l’action « " + a->title + " » de son plan d’actions.",
                  public_url);
    return {};
  });
}

// ---- late reviews ----

namespace {

std::vector<LateReview> late_rows(store::Connection& conn, std::string_view member_condition,
                                  std::int64_t id, std::string_view today, int limit) {
  std::vector<LateReview> out;
  std::string sql =
      "SELECT j.id, j.person_id, pe.first_names, pe.usage_name, pe.birth_name, COALESCE(u.name, "
      "''), p.next_review_date FROM plans p JOIN journeys j ON j.id = p.journey_id JOIN persons "
      "pe ON pe.id = j.person_id LEFT JOIN journey_members r ON r.journey_id = j.id AND r.role = "
      "'referent' AND r.left_at IS NULL LEFT JOIN users u ON u.id = r.user_id WHERE p.status = "
      "'open' AND p.next_review_date < $2 AND j.status <> 'closed' AND " +
      std::string(member_condition) + " ORDER BY p.next_review_date, j.id LIMIT $3";
  for (const auto& r :
       conn.query(sql, {id, std::string(today), static_cast<std::int64_t>(limit)})) {
    people::Person person;
    person.first_names = r.text(2);
    person.usage_name = r.text(3);
    person.birth_name = r.text(4);
    out.push_back({r.integer(0), r.integer(1), people::display_name(person), r.text(5), r.text(6)});
  }
  return out;
}

}  // namespace

std::vector<LateReview> late_reviews_of_referent(store::Connection& conn, std::int64_t user_id,
                                                 std::string_view today, int limit) {
  return late_rows(conn, "r.user_id = $1", user_id, today, limit);
}

std::vector<LateReview> late_reviews_of_organisation(store::Connection& conn,
                                                     std::int64_t organisation_id,
                                                     std::string_view today, int limit) {
  return late_rows(conn,
                   "EXISTS (SELECT 1 FROM journey_members m WHERE m.journey_id = j.id AND "
                   "m.organisation_id = $1 AND m.left_at IS NULL)",
                   organisation_id, today, limit);
}

}  // namespace parcours::plan

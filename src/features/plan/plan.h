// The plan d'actions of a journey, co-built by the person and their team: goals grouped by
// thématique (the data·inclusion categories the diagnostic uses, plus the professional ones),
// actions under each goal (a service of the catalogue or a free action, in plan_actions, shared
// with the referrals feature), the closure of goals and of the whole plan with a reason, and the
// points d'étape (reviews) with the next review date.
//
// Goal statuses:   proposed → active (validated by the team) | declined (a reason)
//                  active → reached | abandoned (a reason) | closed (a reason)
//                  reached, abandoned, closed → active (reopened)
// Action statuses: planned → in_progress | done | abandoned | cancelled
//                  in_progress → done | abandoned | cancelled | planned
//                  done, abandoned, cancelled → planned (reopened)
// Refused transitions are kConflict with a French message (field "status").
//
// Every change is journaled in the same transaction with a French "text" the carnet de bord
// shows (reasons and titles are in the tables; the text names the goal or action):
//   plan.goal_added {journey_id, goal_id, thematique}       plan.goal_proposed (by: person)
//   plan.goal_validated / plan.goal_declined / plan.goal_updated / plan.goal_closed
//   plan.goal_reopened {journey_id, goal_id, status?}
//   plan.action_added / plan.action_updated {journey_id, action_id, goal_id?, status?}
//   plan.closed / plan.reopened {journey_id}
//   plan.review_recorded {journey_id, review_id, next_review_date}
//   plan.next_review_set {journey_id, next_review_date}
//
//   auto goal = create_goal(conn, journey_id, {.thematique = "trouver-un-emploi",
//                                             .title = "Trouver un emploi de cariste"}, actor);
//   auto action = add_action(conn, journey_id, {.goal = std::to_string(*goal),
//                                               .title = "Passer le CACES 3"}, actor);
//   set_action_status(conn, *action, "done", actor);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/people/team.h"

namespace parcours::plan {

inline constexpr const char* kGoalAdded = "plan.goal_added";
inline constexpr const char* kGoalProposed = "plan.goal_proposed";
inline constexpr const char* kGoalValidated = "plan.goal_validated";
inline constexpr const char* kGoalDeclined = "plan.goal_declined";
inline constexpr const char* kGoalUpdated = "plan.goal_updated";
inline constexpr const char* kGoalClosed = "plan.goal_closed";
inline constexpr const char* kGoalReopened = "plan.goal_reopened";
inline constexpr const char* kActionAdded = "plan.action_added";      // = referrals::kActionAdded
inline constexpr const char* kActionUpdated = "plan.action_updated";  // = referrals::...
inline constexpr const char* kPlanClosed = "plan.closed";
inline constexpr const char* kPlanReopened = "plan.reopened";
inline constexpr const char* kReviewRecorded = "plan.review_recorded";
inline constexpr const char* kNextReviewSet = "plan.next_review_set";

// Who acts: a team member (user_id, the organisation they act for).
using Actor = people::TeamActor;

// ---- Vocabulary ----

struct Term {
  std::string code;
  std::string label;
};
// The thématiques a goal may have: the data·inclusion categories ("mobilite", "sante"...),
// professional ones first (choisir-un-metier, se-former, preparer-sa-candidature,
// trouver-un-emploi, creer-une-entreprise).
const std::vector<Term>& goal_thematiques();
bool is_professional(std::string_view thematique);
std::string thematique_label(std::string_view thematique);
// The obstacles of the diagnostic (the thématiques of its "freins" question).
const std::vector<Term>& diagnostic_obstacles();
std::string obstacle_label(std::string_view obstacle);

const char* goal_status_label(std::string_view status);    // "Proposé par la personne", ...
const char* goal_status_badge(std::string_view status);    // DSFR badge modifier
const char* action_status_label(std::string_view status);  // "Prévue", "En cours", ...
const char* action_status_badge(std::string_view status);

// Whether a goal or action may go from `from` to `to`; kConflict (field "status") in French.
Result<void> check_goal_transition(std::string_view from, std::string_view to);
Result<void> check_action_transition(std::string_view from, std::string_view to);

// ---- Model ----

struct Action {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::optional<std::int64_t> goal_id;  // empty: "Autres actions"
  std::optional<std::int64_t> service_id;
  std::string service_structure;  // the structure of the service, "" for a free action
  std::string title;
  std::string status;
  std::optional<std::int64_t> responsible_user_id;
  std::string responsible_name;
  bool responsible_person = false;  // the person is responsible
  std::string start_date;           // YYYY-MM-DD or ""
  std::string due_date;
  std::string end_date;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;

  bool open() const { return status == "planned" || status == "in_progress"; }
};

struct Goal {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::string thematique;
  std::string title;
  std::string status;
  std::string target_date;  // YYYY-MM-DD or ""
  std::optional<std::int64_t> carrier_user_id;
  std::string carrier_name;
  bool carried_by_person = false;
  std::string obstacle;  // diagnostic thématique code or ""
  std::string closing_reason;
  bool proposed_by_person = false;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> closed_at;
  std::vector<Action> actions;  // filled by load_plan, oldest first
};

struct Review {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::string review_date;
  std::string summary;
  bool person_attended = true;
  std::string attendees;
  std::string next_review_date;
  std::optional<std::int64_t> recorded_by;
  std::string recorded_by_name;
  std::int64_t created_at = 0;
};

struct Plan {
  std::int64_t journey_id = 0;
  bool exists = false;  // a plan row exists (created with the first goal or action)
  std::string status;   // open, closed ("" when it does not exist)
  std::string closed_reason;
  std::optional<std::int64_t> closed_at;
  std::string next_review_date;
  std::int64_t created_at = 0;
  std::vector<Goal> goals;            // active and proposed first, then by creation
  std::vector<Action> other_actions;  // actions without a goal
  std::vector<Review> reviews;        // newest first (load_plan with reviews = true)

  bool closed() const { return status == "closed"; }
  // Whether some goal not declined has a professional thématique.
  bool has_professional_goal() const;
  // Whether the next review date is before `today` (YYYY-MM-DD) on an open plan.
  bool review_late(std::string_view today) const;
};

// Creates the plan row of the journey when it has none (next review in 3 months). Called by
// every operation that adds to the plan, and by the referrals feature when it adds an action.
void ensure_plan(store::Connection& conn, std::int64_t journey_id,
                 std::optional<std::int64_t> created_by);
// The first active goal of the journey whose thématique is a category of the service's
// thématiques: where a referral's action goes. Empty: the action stays under "Autres actions".
std::optional<std::int64_t> goal_for_service(store::Connection& conn, std::int64_t journey_id,
                                             std::int64_t service_id);

// The whole plan in two queries (goals, then all actions of the journey), plus one for reviews
// when asked. No access is logged here: the routes log it.
Plan load_plan(store::Connection& conn, std::int64_t journey_id, bool with_reviews = false);

// What the journey page's plan section is kept in memory by (section_cache.h): the plan's version,
// bumped by the database on every write of the plan, its goals, actions and points d'étape and
// on the renaming of a catalogue structure its actions name (migration 0029), and the display
// names version (migration 0028). One query; zeros for no such journey.
struct PlanVersions {
  std::int64_t plan = 0;
  std::int64_t names = 0;
  bool operator==(const PlanVersions&) const = default;
};
PlanVersions plan_versions(store::Connection& conn, std::int64_t journey_id);
std::optional<Goal> find_goal(store::Connection& conn, std::int64_t goal_id);
std::optional<Action> find_action(store::Connection& conn, std::int64_t action_id);

// ---- Forms (as typed) ----

struct GoalForm {
  std::string thematique;
  std::string title;        // 3 to 200 characters
  std::string target_date;  // "" or YYYY-MM-DD
  std::string carrier;      // "" (nobody yet), "person", or the user id of a team member
  std::string obstacle;     // "" or a diagnostic obstacle code
};

struct ActionForm {
  std::string goal;         // "" (no goal) or the goal id
  std::string service_id;   // "" for a free action, else a published service id
  std::string title;        // required for a free action (3 to 200); a service's name else
  std::string responsible;  // "" , "person", or the user id of a team member
  std::string start_date;   // "" or YYYY-MM-DD
  std::string due_date;     // "" or YYYY-MM-DD, not before start_date
};

struct ReviewForm {
  std::string review_date;       // YYYY-MM-DD, not in the future
  std::string summary;           // 3 to 2,000 characters
  bool person_attended = true;   // the person attended
  std::string attendees;         // the others, as written (up to 300 characters)
  std::string next_review_date;  // "" → 3 months after review_date; else after review_date
};

// ---- Team operations (kInvalid naming the field; kNotFound; kConflict on a closed journey or
// plan, or a refused transition) ----

// Adds an active goal (creates the plan when needed).
Result<std::int64_t> create_goal(store::Connection& conn, std::int64_t journey_id,
                                 const GoalForm& form, const Actor& actor);
Result<void> update_goal(store::Connection& conn, std::int64_t goal_id, const GoalForm& form,
                         const Actor& actor);
// A proposed goal becomes active, or declined with a reason (3 to 500 characters).
Result<void> validate_goal(store::Connection& conn, std::int64_t goal_id, const Actor& actor);
Result<void> decline_goal(store::Connection& conn, std::int64_t goal_id, const std::string& reason,
                          const Actor& actor);
// status: reached (reason optional), abandoned or closed (reason required, 3 to 500).
Result<void> close_goal(store::Connection& conn, std::int64_t goal_id, const std::string& status,
                        const std::string& reason, const Actor& actor);
Result<void> reopen_goal(store::Connection& conn, std::int64_t goal_id, const Actor& actor);

// Adds an action (planned); a service already planned in the plan is refused (kConflict).
Result<std::int64_t> add_action(store::Connection& conn, std::int64_t journey_id,
                                const ActionForm& form, const Actor& actor);
// Changes goal, title (free action only), responsible and dates.
Result<void> update_action(store::Connection& conn, std::int64_t action_id, const ActionForm& form,
                           const Actor& actor);
Result<void> set_action_status(store::Connection& conn, std::int64_t action_id,
                               const std::string& status, const Actor& actor);

// Closes the plan with a reason (3 to 500 characters); open actions stay as they are.
Result<void> close_plan(store::Connection& conn, std::int64_t journey_id, const std::string& reason,
                        const Actor& actor);
Result<void> reopen_plan(store::Connection& conn, std::int64_t journey_id, const Actor& actor);

// Sets the next review date (YYYY-MM-DD, not in the past; field "next_review_date").
Result<void> set_next_review(store::Connection& conn, std::int64_t journey_id,
                             const std::string& date, const Actor& actor);
// Records a point d'étape; sets the plan's next review date.
Result<std::int64_t> record_review(store::Connection& conn, std::int64_t journey_id,
                                   const ReviewForm& form, const Actor& actor);

// ---- The person, from their space ----

// Proposes a goal (thématique and title only): status proposed, the référent is told by email
// (outbox) when they have an address.
Result<std::int64_t> propose_goal(store::Connection& conn, std::int64_t person_id,
                                  std::int64_t journey_id, const GoalForm& form,
                                  const std::string& public_url = "");
// Marks one of their actions done: kForbidden unless the action is of their active journey and
// person_may_mark_done says so (see policy.h); the référent is told by email.
Result<void> person_mark_done(store::Connection& conn, std::int64_t person_id,
                              std::int64_t action_id, const std::string& public_url = "");

// ---- Lists of late reviews ----

struct LateReview {
  std::int64_t journey_id = 0;
  std::int64_t person_id = 0;
  std::string person_name;
  std::string referent_name;
  std::string next_review_date;
};
// Open plans whose next review is before `today` (YYYY-MM-DD): the référent's journeys, or those
// followed by an organisation (its members in the team). Oldest first, at most `limit`.
std::vector<LateReview> late_reviews_of_referent(store::Connection& conn, std::int64_t user_id,
                                                 std::string_view today, int limit = 200);
std::vector<LateReview> late_reviews_of_organisation(store::Connection& conn,
                                                     std::int64_t organisation_id,
                                                     std::string_view today, int limit = 200);

// "2027-06-12" → "12 juin 2027"; "" stays "".
std::string format_date_fr(std::string_view iso_date);
// The Paris day of an instant, YYYY-MM-DD.
std::string paris_today(std::int64_t unix_seconds);
// iso_date + months (the day clamped to the month's end).
std::string add_months(std::string_view iso_date, int months);

}  // namespace parcours::plan

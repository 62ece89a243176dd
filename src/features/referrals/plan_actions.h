// The minimal plan action that a matched service or a referral is linked to (issue 6 builds the
// plan d'actions around it: goals, free actions, the person's own actions). An action has the
// statuses of issue 6: planned, in_progress, done, abandoned, cancelled. Every change is journaled
// on the person's timeline (plan.action_added, plan.action_updated) in the same transaction.
//
//   auto id = add_service_action(conn, journey_id, service_id, {.user_id = u, .organisation_id =
//   o});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/people/team.h"

namespace parcours::referrals {

inline constexpr const char* kActionAdded = "plan.action_added";
inline constexpr const char* kActionUpdated = "plan.action_updated";

struct PlanAction {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::optional<std::int64_t> service_id;
  std::string title;
  std::string status;
  std::optional<std::int64_t> responsible_user_id;
  std::string responsible_name;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

bool valid_action_status(std::string_view status);
const char* action_status_label(std::string_view status);  // "Prévue", "En cours", ...

// The action of the journey's plan for this service that is still open (planned, in progress),
// if any: adding the same service twice links to it instead of making a second one.
std::optional<std::int64_t> open_action_for_service(store::Connection& conn,
                                                    std::int64_t journey_id,
                                                    std::int64_t service_id);

// Adds the service as a planned action of the journey's plan, or returns the open one already
// there (no new event then). kNotFound when the journey or the published service does not exist.
Result<std::int64_t> add_service_action(store::Connection& conn, std::int64_t journey_id,
                                        std::int64_t service_id, const people::TeamActor& actor);

// Sets the status of an action (the referral lifecycle drives it); journaled with `why`, a
// French phrase ("à la suite de l’acceptation de l’orientation"). Nothing happens when the
// status is already that one.
void set_action_status(store::Connection& conn, std::int64_t action_id, std::string_view status,
                       std::optional<std::int64_t> actor_id,
                       std::optional<std::int64_t> actor_organisation_id, std::string_view why);

std::vector<PlanAction> actions_of(store::Connection& conn, std::int64_t journey_id);

}  // namespace parcours::referrals

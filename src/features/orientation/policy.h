// Who may do what in orientation — deny by default, one function per action, tested as a role ×
// action matrix (tests/unit/orientation_policy_test.cpp):
//   - the queue, the decision page and the decision: chargés d'orientation of the territory
//     (professionals or organisation admins with the orientation flag); territory managers see
//     the queue and the decision page but do not decide;
//   - the pre-orientation rules: territory managers edit their own territory's;
//   - a reorientation request: the journey's référent; its answer: chargés d'orientation;
//   - the référent of an oriented journey: the organisation in charge's admins assign it (and
//     chargés d'orientation at orientation);
//   - the first meeting: the référent;
//   - the lists of journeys with no référent or no first meeting: the organisation's admins
//     for their organisation; chargés d'orientation and managers for the territory;
//   - the person reads their own orientation in their space.
#pragma once

#include <cstdint>
#include <optional>

#include "core/security/actor.h"

namespace parcours::orientation {

using MaybeActor = std::optional<security::Actor>;

bool orients_in(const MaybeActor& actor, std::int64_t territory_id);
bool manages(const MaybeActor& actor, std::int64_t territory_id);

bool may_view_queue(const MaybeActor& actor, std::int64_t territory_id);
bool may_view_decision_page(const MaybeActor& actor, std::int64_t territory_id);
bool may_decide(const MaybeActor& actor, std::int64_t territory_id);
bool may_edit_rules(const MaybeActor& actor, std::int64_t territory_id);
bool may_request_reorientation(const MaybeActor& actor, bool is_referent);
bool may_answer_reorientation(const MaybeActor& actor, std::int64_t territory_id);
// `organisation_in_charge`: the organisation of the journey's current orientation.
bool may_assign_referent(const MaybeActor& actor, std::int64_t territory_id,
                         std::int64_t organisation_in_charge);
bool may_record_first_meeting(const MaybeActor& actor, bool is_referent);
bool may_watch_territory(const MaybeActor& actor, std::int64_t territory_id);
bool may_watch_organisation(const MaybeActor& actor, std::int64_t organisation_id);

}  // namespace parcours::orientation

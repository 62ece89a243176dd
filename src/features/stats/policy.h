// Who sees which statistics — deny by default, tested as a role × action matrix
// (tests/unit/stats_policy_test.cpp):
//   - a territory manager sees the whole territory it manages, and may narrow to one
//     organisation;
//   - an organisation admin sees its organisation's scope only (journeys whose référent, else
//     orienting decision, is that organisation), in that organisation's territory;
//   - professionals (even référents or chargés d'orientation) see no dashboard;
//   - a national admin sees the national view (every territory, side by side), and a territory
//     dashboard only if it also manages that territory.
// Statistics are aggregates: no person is shown, so no read is logged in the access log.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/security/actor.h"

namespace parcours::stats {

using MaybeActor = std::optional<security::Actor>;

struct Scope {
  std::int64_t territory_id = 0;
  std::optional<std::int64_t> organisation_id;  // set: that organisation's scope only
};

// What the actor may see of `territory_id`, or nothing.
std::optional<Scope> territory_scope(const MaybeActor& actor, std::int64_t territory_id);
// The territories whose dashboard the actor may open (managed first, then organisations').
std::vector<std::int64_t> pilotage_territories(const MaybeActor& actor);
bool may_view_national(const MaybeActor& actor);
// Whether the navigation shows "Pilotage".
bool may_see_pilotage(const MaybeActor& actor);

}  // namespace parcours::stats

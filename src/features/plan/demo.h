// Plans d'actions in the demonstration territory (called by seed-demo after the referrals and
// appointments; idempotent, deterministic): for some journeys followed by referent@demo.test,
// goals of several thématiques (one professional), actions in several statuses (services of the
// catalogue and free ones, one the person is responsible for), a goal proposed by the person,
// a point d'étape recorded and one plan whose review is late. Played through the functions of
// plan.h, so they are journaled like real ones.
#pragma once

#include <cstdint>

#include "core/store/db.h"

namespace parcours::plan {

// Returns how many goals it created (0 when already seeded). Throws std::runtime_error when an
// operation is refused.
int seed_demo_plans(store::Connection& conn, std::int64_t territory_id);

}  // namespace parcours::plan

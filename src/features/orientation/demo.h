// Orientation in the demonstration territory (called by seed-demo, idempotent): people waiting
// for orientation on time, due soon and late, decisions with their explanations (one with a
// référent and a pending reorientation request, one without a référent), and Léa's orientation,
// which she reads in her space.
#pragma once

#include <cstdint>

#include "core/store/db.h"

namespace parcours::orientation {

// Returns how many decisions it recorded (0 when already seeded).
int seed_demo_orientation(store::Connection& conn, std::int64_t territory_id);

}  // namespace parcours::orientation

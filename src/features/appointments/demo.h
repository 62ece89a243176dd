// Appointments in the demonstration territory (called by seed-demo; idempotent, deterministic,
// relative to the demo's clock): for the persons followed by referent@demo.test, past ones
// (honoured, missed, one left to update) and coming ones this week and next, by address, phone
// and video.
#pragma once

#include <cstdint>

#include "core/store/db.h"

namespace parcours::appointments {

// Returns how many appointments it booked (0 when already seeded).
int seed_demo_appointments(store::Connection& conn, std::int64_t territory_id);

}  // namespace parcours::appointments

// Diagnostics of the demonstration: Léa (personne@demo.test) has expressed her needs from her
// space and her référente has written two versions of the diagnostic; several other persons of
// the Ardennes have a diagnostic by their team, some their own words only (journeys waiting for
// orientation). Played through save_diagnostic, so they are journaled like real ones.
// Idempotent: a journey that already has a diagnostic is left as is.
#pragma once

#include <cstdint>

#include "core/store/db.h"

namespace parcours::diagnostic {

// Returns the number of diagnostic versions created. Throws std::runtime_error when refused.
int seed_demo_diagnostics(store::Connection& conn, std::int64_t territory_id);

}  // namespace parcours::diagnostic

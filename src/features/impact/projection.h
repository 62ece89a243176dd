// "What works, for whom" as one of the statistics engine's projections (stats/projection.h):
// the engine's loop feeds it the journal (its background job, the pages' catch-up) and
// `parcours stats rebuild` rebuilds it with the others.
#pragma once

#include <memory>

#include "features/stats/projection.h"

namespace parcours::impact {

// The projection (impact.h's reset, apply_events and event_kinds behind the interface).
std::shared_ptr<stats::Projection> projection();

// Adds it to the engine's registry; called once at start-up by main.
void register_with_stats();

}  // namespace parcours::impact

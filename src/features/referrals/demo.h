// Referrals in the demonstration territory (called by seed-demo after the demo catalogue,
// deterministic and idempotent): the CCAS de Sedan's childcare service (added through the
// catalogue's upsert), then referrals of demo persons to services of the demo catalogue in every
// status — sent, accepted, refused, done, abandoned, expired (reminded twice on
// the way) — played in date order with the service clock, so that timelines, plan actions and the
// inboxes read as the real service writes them. Léa's journey is left for the visitor to refer.
#pragma once

#include <cstdint>
#include <vector>

#include "core/store/db.h"

namespace parcours::referrals {

// `organisation_ids`: the demo organisations in seed.cpp's order. Returns how many referrals it
// created (0 when already seeded). Throws std::runtime_error when a step is refused.
int seed_demo_referrals(store::Connection& conn, std::int64_t territory_id,
                        const std::vector<std::int64_t>& organisation_ids);

}  // namespace parcours::referrals

// Referrals in the demonstration territory (called by seed-demo, deterministic and idempotent):
// a few services of the demo organisations and one imported association without any account
// (created through the catalogue's upserts, by stable identifiers), then referrals of demo
// persons in every status — sent, accepted, refused, done, abandoned, expired (reminded twice on
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

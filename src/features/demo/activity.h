// Two years of activity in the demo territory, for the dashboards and "what works, for whom":
// a few hundred persons entering month by month over the 24 months before the seed, each with
// a diagnostic (major obstacles, time without a job), an orientation by route, a référent, a
// signed commitment, plan actions on catalogue services (with referrals sent, accepted, refused
// or expired), appointments (honoured, excused, missed), outcomes (jobs, lasting jobs, trainings)
// at rates that differ by action and profile, and closures.
//
// Written in bulk (multi-row INSERTs, a few hundred statements in all) into the real tables and
// into the journal with the real event kinds and payloads, dated in the past, so that the
// statistics are computed from it as from real use. Deterministic: a fixed seed draws every
// choice; only the dates move with the day of the seed. Three extra référents of the partner
// organisations follow these journeys, so the demo accounts' own lists stay as they were.
// Idempotent: nothing is written when the first generated person already exists.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/store/db.h"

namespace parcours::demo {

inline constexpr int kActivityPersons = 720;

// `organisation_ids` in seed.cpp's order; the catalogue must be seeded. Returns the number of
// persons created (0 when already there).
int seed_demo_activity(store::Connection& conn, std::int64_t territory_id,
                       const std::vector<std::int64_t>& organisation_ids,
                       const std::string& password);

}  // namespace parcours::demo

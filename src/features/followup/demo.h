// The journey of Nicolas Perrin in the demonstration territory, followed by referent@demo.test
// (the demo's référente) at the mission locale, so that the whole service shows in one journey:
// opened four months ago, a diagnostic, a plan with goals (one proposed by Nicolas and validated,
// one still waiting) and actions in every status, a CER he accepted from his space, past and
// coming appointments, a referral to the Jardins de la Meuse accepted then done, and the job he
// found there two months ago with its follow-up in employment and two check-ins. Played in date
// order through each feature's own functions (the service clock is set to each step's instant,
// then released), so everything is journaled as real work is. Nicolas opens his space with
// nicolas@demo.test. Idempotent: nothing happens when he is already there.
#pragma once

#include <cstdint>
#include <vector>

#include "core/store/db.h"

namespace parcours::followup {

inline constexpr const char* kNicolasEmail = "nicolas@demo.test";

// `organisation_ids` are the demo organisations in seed.cpp's order. Returns 1 when Nicolas was
// added, 0 when he was there already. Throws std::runtime_error when a step is refused.
int seed_demo_nicolas(store::Connection& conn, std::int64_t territory_id,
                      const std::vector<std::int64_t>& organisation_ids);

}  // namespace parcours::followup

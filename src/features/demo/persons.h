// The persons of the demonstration: a few dozen people of the Ardennes (French names with accents
// and compound names, Ardennes communes, RSA situations) with journeys at every stage — requests
// waiting in the orientation queue, imports from the CAF, journeys accompanied by a team with
// notes, one inactive for longer than the retention (what `parcours purge` would delete) — and
// Léa Bréhier-Garnier, who logs into her own space as personne@demo.test.
//
// Everything goes through the people feature's service (create_person, open_journey, add_member,
// set_referent, add_note, request_accompaniment, update_contact), so the demo obeys the real
// rules and its timelines are what the service journals. The story is played in date order over
// the past months: the service clock is set to each step's instant, then released.
// Idempotent: a person already there (by the département's identifier) is left as is.
#pragma once

#include <cstdint>
#include <vector>

#include "core/store/db.h"

namespace parcours::demo {

// The email of the demo person who can log into the person's space.
inline constexpr const char* kDemoPersonEmail = "personne@demo.test";

// `organisation_ids` are the demo organisations in seed.cpp's order. Returns the number of
// persons created. Throws std::runtime_error when a step is refused (the seed rolls back).
int seed_demo_persons(store::Connection& conn, std::int64_t territory_id,
                      const std::vector<std::int64_t>& organisation_ids,
                      const std::string& password);

}  // namespace parcours::demo

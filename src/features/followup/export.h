// The follow-up in the copy of their data a person downloads from their space (portal/record.h):
// their commitments (with the text they read, how and when it was signed) and their outcomes
// with the dates of the follow-up's check-ins — the check-ins' notes are the team's, like the
// team's notes, and are not in it. Keys in French, as the rest of the copy.
#pragma once

#include <boost/json.hpp>
#include <cstdint>

#include "core/store/db.h"

namespace parcours::followup {

// {"engagements_reciproques": [...], "sorties": [...]}
boost::json::object person_export(store::Connection& conn, std::int64_t person_id);

}  // namespace parcours::followup

// Closing a journey with a reason (emploi durable, déménagement, arrêt de l’accompagnement,
// décès, autre with its detail) and reopening it. A closed journey keeps its team, read only:
// nothing changes in it but its reopening, which brings back the status it had. Closing:
//   - sets journeys.status 'closed', closed_at and close_reason (the reason's code), as a
//     transfer does, and marks activity: the retention clock (retention/purge.h) runs from the
//     closure, and a reopening starts a new period of activity;
//   - revokes the appointments still planned and not started (journaled by the appointments
//     feature) — a person whose journey ends is not expected anywhere;
//   - is journaled (journey.closed), and so is the reopening (journey.reopened).
// A journey transferred to another territory is not reopened here: it goes on over there.
//
//   close_journey(conn, journey_id, {.reason = "lasting_job"}, actor, now_seconds());
//   reopen_journey(conn, journey_id, "La personne a perdu son emploi.", actor, now_seconds());
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/followup/common.h"

namespace parcours::followup {

inline constexpr const char* kJourneyClosed = "journey.closed";
inline constexpr const char* kJourneyReopened = "journey.reopened";

// lasting_job, moved, stopped, deceased, other.
const std::vector<std::string>& closure_reasons();
// "Emploi durable", "Déménagement", "Arrêt de l’accompagnement", "Décès", "Autre motif".
const char* closure_reason_label(std::string_view reason);

struct ClosureForm {
  std::string reason;
  std::string detail;  // required for "other", optional otherwise (500 characters at most)
};

struct Closure {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::string reason;
  std::string detail;
  std::string previous_status;
  std::string closed_by;  // account name
  std::int64_t closed_at = 0;
  std::optional<std::int64_t> reopened_at;
  std::string reopened_by;
  std::string reopen_reason;
};

// kInvalid naming the field (reason, detail); kConflict when the journey is already closed.
Result<void> close_journey(store::Connection& conn, std::int64_t journey_id,
                           const ClosureForm& form, const Actor& actor, std::int64_t now);
// kInvalid (field "reopen_reason", 2 to 500 characters); kConflict when the journey is not
// closed, was transferred, or the person has another active journey in the territory.
Result<void> reopen_journey(store::Connection& conn, std::int64_t journey_id,
                            const std::string& reason, const Actor& actor, std::int64_t now);

// Newest first.
std::vector<Closure> closures_of(store::Connection& conn, std::int64_t journey_id);

}  // namespace parcours::followup

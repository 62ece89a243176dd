// The référent of a journey: assigned at orientation or, later, by an administrator of the
// organisation in charge. The person's preference and requests for another référent (the
// portal's referent_change_requests) are shown to whoever decides. A replaced référent leaves
// the team but keeps read access to the journey for 30 days (former_referents, honoured by the
// people policy), then loses it: a job queued at that instant deletes the row and journals it.
//
// The first meeting with the référent ("premier rendez-vous tenu") is journeys.first_meeting_at:
// set today by the référent's action below (journaled orientation.first_meeting); the
// appointments feature will set it when the first appointment with the référent is held, through
// record_first_meeting(). A journey oriented with no référent, or whose first meeting has not
// happened within the territory's orientation deadline counted from the decision, is listed for
// its organisation in charge and for the territory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/jobs/jobs.h"
#include "core/store/db.h"

namespace parcours::orientation {

inline constexpr std::int64_t kFormerReferentDays = 30;
inline constexpr const char* kExpiryJob = "orientation.former_referent_expiry";

// Makes `user_id` (a professional of `organisation_id` who may be référent) the référent of
// the journey; the previous référent leaves the team and keeps read access 30 days. Journaled
// (member.left, member.joined or referent.changed). kInvalid (field "referent") otherwise.
Result<void> assign_referent(store::Connection& conn, std::int64_t journey_id, std::int64_t user_id,
                             std::int64_t organisation_id, std::int64_t actor_id,
                             std::optional<std::int64_t> actor_org);

// Ends the read access of former référents whose 30 days are over (the job's body; also safe to
// call at any time). Returns how many ended.
int expire_former_referents(store::Connection& conn);
void register_jobs(jobs::JobRunner& runner);

// Whether `user_id` is a former référent of the journey still within their 30 days.
bool former_referent(store::Connection& conn, std::int64_t journey_id, std::int64_t user_id);

// The first meeting with the référent was held (by the référent, or later the appointments
// feature). kConflict when already recorded.
Result<void> record_first_meeting(store::Connection& conn, std::int64_t journey_id,
                                  std::int64_t actor_id, std::optional<std::int64_t> actor_org);

// Journeys to watch: oriented with no référent, or no first meeting within the deadline.
struct WatchRow {
  std::int64_t journey_id = 0;
  std::int64_t person_id = 0;
  std::string name;
  std::string organisation;
  std::int64_t organisation_id = 0;
  std::string referent;  // "" when none
  std::int64_t oriented_at = 0;
  bool no_referent = false;
  bool meeting_late = false;
  std::string first_meeting_deadline;  // dd/mm/yyyy
};
// For the territory (organisation_id empty) or one organisation in charge.
std::vector<WatchRow> journeys_to_watch(store::Connection& conn, std::int64_t territory_id,
                                        std::optional<std::int64_t> organisation_id,
                                        std::int64_t now, int limit = 200);

// The person's requests for another référent on a journey (reason, date), newest first.
struct PersonReferentRequest {
  std::string reason;
  std::int64_t created_at = 0;
  std::string referent_name;
};
std::vector<PersonReferentRequest> person_referent_requests(store::Connection& conn,
                                                            std::int64_t journey_id);

// Journeys where the user is the référent now (their "Mes parcours" list).
struct MyJourney {
  std::int64_t journey_id = 0;
  std::int64_t person_id = 0;
  std::string name;
  std::string route;
  bool first_meeting = false;
  bool reorientation_pending = false;
};
std::vector<MyJourney> journeys_of_referent(store::Connection& conn, std::int64_t user_id);

}  // namespace parcours::orientation

// The built-in projection of the pilotage indicators: per-journey facts (stats_journeys) and
// counters per (territory, organisation, route, month of entry) kept by deltas
// (stats_counters). A batch loads the facts of the journeys it touches with one query per 500,
// applies the events in memory, then writes the facts and the counter deltas with multi-row
// upserts: no per-event query.
//
// Which organisation: the référent's organisation, else the orienting decision's organisation,
// else none (0). Which route: the latest orientation's (0 while not oriented). Which month: the
// month the journey was opened (its cohort), in Paris time, as YYYYMM. A journey moves from one
// key to another when it is oriented or its référent changes: its whole contribution moves.
//
// Has a référent: has had one (member.joined as référent, or referent.changed); a référent who
// leaves without a successor is not subtracted.
//
// A lasting job ("emploi durable"): a job outcome on a CDI, or on a contract whose end date is
// at least 6 months after its start (CDD, intérim, IAE, alternance of 6 months or more).
// Outcomes "at 6 months" / "at 12 months": starting within 6 / 12 calendar months of entry.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "features/stats/projection.h"

namespace parcours::stats {

// Route codes of the counters.
inline constexpr std::int64_t kRouteNone = 0, kRoutePro = 1, kRouteSocioPro = 2, kRouteSocial = 3;
std::int64_t route_code(std::string_view route);  // "pro" → 1 ...; 0 when unknown
const char* route_label(std::int64_t code);       // "Professionnel", ... "Non orienté"

// The last delay bucket: "more than 90 days".
inline constexpr int kDelayBuckets = 92;
inline constexpr int kDeadlineDays = 30;

struct JourneyFacts {
  std::int64_t journey_id = 0;
  std::int64_t territory_id = 0;
  std::int64_t entered_on = -1;
  std::int64_t route = 0;
  std::int64_t orienting_organisation_id = 0;
  std::int64_t referent_organisation_id = 0;
  std::int64_t oriented_on = -1;
  std::int64_t first_meeting_on = -1;
  std::int64_t has_plan = 0;
  std::int64_t has_commitment = 0;
  std::int64_t appointments_booked = 0;
  std::int64_t appointments_seen = 0;
  std::int64_t appointments_noshow = 0;
  std::int64_t referrals_sent = 0;
  std::int64_t referrals_accepted = 0;
  std::int64_t referrals_refused = 0;
  std::int64_t referrals_expired = 0;
  std::int64_t job_on = -1;
  std::int64_t lasting_job_on = -1;
  std::int64_t training_on = -1;

  std::int64_t organisation_id() const {
    return referent_organisation_id ? referent_organisation_id : orienting_organisation_id;
  }
};

struct Counter {
  std::int64_t territory_id, month, organisation_id, route;
  std::string metric;
  std::int64_t bucket, value;
};

// What one journey adds to the counters (value > 0 entries only).
std::vector<Counter> contribution(const JourneyFacts& facts);

// The civil day in Paris of an instant, and the YYYYMM month of a civil day.
std::int64_t paris_day(std::int64_t unix_seconds);
std::int64_t month_of_day(std::int64_t day);

class JourneyProjection : public Projection {
 public:
  std::string name() const override { return "journeys"; }
  void reset(store::Connection& conn) override;
  void apply(store::Connection& conn, const std::vector<store::Event>& events) override;
  std::vector<std::string> kinds() const override;
  // A rebuild keeps every journey's facts in memory (on the rebuilding thread) and writes the
  // facts and the counters once at the end: no per-batch reads, no deltas.
  void begin_rebuild(store::Connection& conn) override;
  void end_rebuild(store::Connection& conn) override;
};

}  // namespace parcours::stats

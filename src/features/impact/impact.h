// "What works, for whom": for each kind of action of the catalogue (service type, thématique)
// and each profile stratum (age band, route, major obstacle, time since the last job), the share
// of journeys with a positive outcome (job, training, business creation) within 6 and 12 months
// of entry, for those who had the action and for those of the same stratum who did not, each
// with a 95 % Wilson interval. Groups under kMinGroup journeys are never shown: when either side
// of a comparison is small both are hidden, so that no hidden count can be found by subtracting
// a shown one from the stratum's total.
//
// A projection of the journal driven by the statistics engine (projection.h), updated
// incrementally: the events journey.opened, diagnostic.saved, orientation.decided,
// plan.action_added and outcome.recorded update one fact row per journey and counters per entry
// month; a page only sums counters. `parcours stats rebuild` empties it and replays the journal.
//
//   impact::catch_up(conn);
//   auto rows = impact::compare(conn, territory_id, "age", today);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/db.h"
#include "core/store/journal.h"

namespace parcours::impact {

inline constexpr std::int64_t kMinGroup = 11;

struct Interval {
  double low = 0;
  double high = 0;
};
// The Wilson score interval at 95 % (z = 1.96) of `positives` out of `n` (n > 0).
Interval wilson(std::int64_t positives, std::int64_t n);

// The projection itself, for a driver that reads the journal (the statistics engine's loop):
// the kinds it reads, what a rebuild deletes, and a batch of events in journal order applied
// inside the caller's transaction.
const std::vector<std::string>& event_kinds();
void reset(store::Connection& conn);
void apply_events(store::Connection& conn, const std::vector<store::Event>& events);
// Around a rebuild's batches (after reset): apply_events then keeps every journey's facts in
// memory, and end_rebuild writes the facts and the counters once (nothing when unwinding).
void begin_rebuild(store::Connection& conn);
void end_rebuild(store::Connection& conn);

// Through the statistics engine (projection.h), this projection only: applies the journal
// events after its cursor; empties it and replays the whole journal. Return the events applied.
std::int64_t catch_up(store::Connection& conn);
std::int64_t rebuild(store::Connection& conn);

// One side of a comparison, for one horizon: `n` journeys old enough (entered at least the
// horizon ago), `positives` of them with a positive outcome within it.
struct Share {
  std::int64_t n = 0;
  std::int64_t positives = 0;
  bool shown = false;  // false: fewer than kMinGroup on either side, nothing may be shown
  Interval interval;
};

struct Comparison {
  std::string action;     // "type:atelier", "thematique:mobilite"
  std::string dimension;  // "ensemble", "age", "parcours", "frein", "sans_emploi"
  std::string value;      // the stratum's code
  Share with6, without6, with12, without12;
};

// The dimensions of the profile, in display order.
const std::vector<std::string>& dimensions();
std::string dimension_label(const std::string& dimension);
std::string value_label(const std::string& dimension, const std::string& value);
std::string action_label(const std::string& action);

// Every (action, stratum of `dimension`) comparison of the territory, as of `today`
// ("YYYY-MM-DD"); hidden sides have shown = false and zero counts.
std::vector<Comparison> compare(store::Connection& conn, std::int64_t territory_id,
                                const std::string& dimension, const std::string& today);

// "2026-11-27" + 6 → "2027-05-27".
std::string add_months(const std::string& iso_date, int months);
// The Paris day of an instant, "YYYY-MM-DD".
std::string paris_day(std::int64_t unix_seconds);

}  // namespace parcours::impact

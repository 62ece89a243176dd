// The pilotage indicators, read from the aggregated counters only (never from the journeys):
// one query over stats_counters with the filters, summed in memory by month, route,
// organisation and territory. Definitions (also written on the pages):
//   - delays are in calendar days; the median is the lower median (the value at rank ⌈n/2⌉)
//     read from the day histograms; "more than 90 days" is one bucket;
//   - "oriented within the deadline": oriented within 30 days of entry, over the entrants
//     (those still waiting count as not within); "first référent appointment within the
//     deadline": within 30 days of the orientation, over the oriented journeys;
//   - no-show rate: appointments missed / (missed + honoured);
//   - outcomes at 6 and 12 months: started within 6 / 12 months of entry, over the entrants;
//   - lasting job: see journeys.h.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/store/db.h"
#include "features/stats/journeys.h"

namespace parcours::stats {

enum Metric : int {
  kEntrants,
  kOriented,
  kMet,
  kReferent,
  kPlan,
  kCommitment,
  kAppointmentsBooked,
  kAppointmentsSeen,
  kAppointmentsNoshow,
  kReferralsSent,
  kReferralsAccepted,
  kReferralsRefused,
  kReferralsExpired,
  kJob6,
  kJob12,
  kLastingJob6,
  kLastingJob12,
  kTraining6,
  kTraining12,
  kMetricCount
};
const char* metric_code(Metric m);  // as stored: "entrants", "job_6", ...

struct Totals {
  std::array<std::int64_t, kMetricCount> n{};
  std::array<std::int64_t, kDelayBuckets> d_orientation{};
  std::array<std::int64_t, kDelayBuckets> d_first_meeting{};
  void add(const Totals& other);
};

// The lower median of a histogram, or nothing when empty (91 means "more than 90").
std::optional<std::int64_t> median(const std::array<std::int64_t, kDelayBuckets>& histogram);
// How many in buckets 0..days.
std::int64_t within(const std::array<std::int64_t, kDelayBuckets>& histogram, int days);

struct StatsFilter {
  std::optional<std::int64_t> territory_id;     // none: every territory (national view)
  std::optional<std::int64_t> organisation_id;  // an organisation's scope
  std::optional<std::int64_t> route;            // 0..3
  std::int64_t from_month = 0;                  // YYYYMM, inclusive
  std::int64_t to_month = 999912;
};

struct Breakdown {
  Totals total;
  std::map<std::int64_t, Totals> by_month, by_route, by_organisation, by_territory;
};

Breakdown load_breakdown(store::Connection& conn, const StatsFilter& filter);

// The same, shared between page views: the counters change only when the projection's cursor
// moves, so a breakdown is kept in memory with the cursor it was read at (one cheap query per
// view) and read again only when the cursor has moved. At most 256 filters are kept.
std::shared_ptr<const Breakdown> cached_breakdown(store::Connection& conn,
                                                  const StatsFilter& filter);

// The columns every table shows, in order: header and the cell text from totals ("—" when
// undefined). The same text goes to the page and to the CSV.
struct Column {
  const char* header;
  std::function<std::string(const Totals&)> cell;
};
const std::vector<Column>& columns();

// "33,3 %" / "—"; "12" / "—".
std::string percent(std::int64_t part, std::int64_t whole);

}  // namespace parcours::stats

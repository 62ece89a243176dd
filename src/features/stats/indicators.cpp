#include "features/stats/indicators.h"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace parcours::stats {
namespace {

constexpr std::array<const char*, kMetricCount> kCodes{"entrants",
                                                       "oriented",
                                                       "met",
                                                       "referent",
                                                       "plan",
                                                       "commitment",
                                                       "appointments_booked",
                                                       "appointments_seen",
                                                       "appointments_noshow",
                                                       "referrals_sent",
                                                       "referrals_accepted",
                                                       "referrals_refused",
                                                       "referrals_expired",
                                                       "job_6",
                                                       "job_12",
                                                       "lasting_job_6",
                                                       "lasting_job_12",
                                                       "training_6",
                                                       "training_12"};

std::string days(const std::optional<std::int64_t>& d) {
  if (!d) return "—";
  if (*d >= kDelayBuckets - 1) return "plus de 90";
  return std::to_string(*d);
}

std::string count(std::int64_t n) { return std::to_string(n); }

}  // namespace

const char* metric_code(Metric m) { return kCodes.at(m); }

void Totals::add(const Totals& o) {
  for (std::size_t i = 0; i < n.size(); ++i) n[i] += o.n[i];
  for (std::size_t i = 0; i < d_orientation.size(); ++i) {
    d_orientation[i] += o.d_orientation[i];
    d_first_meeting[i] += o.d_first_meeting[i];
  }
}

std::optional<std::int64_t> median(const std::array<std::int64_t, kDelayBuckets>& h) {
  std::int64_t total = 0;
  for (auto v : h) total += v;
  if (total <= 0) return std::nullopt;
  std::int64_t rank = (total + 1) / 2, seen = 0;
  for (std::size_t i = 0; i < h.size(); ++i) {
    seen += h[i];
    if (seen >= rank) return static_cast<std::int64_t>(i);
  }
  return kDelayBuckets - 1;
}

std::int64_t within(const std::array<std::int64_t, kDelayBuckets>& h, int d) {
  std::int64_t n = 0;
  for (int i = 0; i <= d && i < kDelayBuckets; ++i) n += h[static_cast<std::size_t>(i)];
  return n;
}

std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "—";
  std::string s =
      fmt::format("{:.1f}", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  for (auto& c : s) {
    if (c == '.') c = ',';
  }
  return s + " %";
}

Breakdown load_breakdown(store::Connection& conn, const StatsFilter& f) {
  // Nationally the months and organisations are not shown. The rows are summed here rather than
  // by a GROUP BY: at the country's scale (a million rows) SQLite's grouping through a temporary
  // b-tree cost twice the plain read.
  bool national = !f.territory_id;
  std::string sql =
      "SELECT territory_id, month, organisation_id, route, metric, bucket, value FROM "
      "stats_counters WHERE month >= $1 AND month <= $2";
  store::Params params{f.from_month, f.to_month};
  int next = 3;
  auto clause = [&](const char* column, std::int64_t value) {
    sql += fmt::format(" AND {} = ${}", column, next++);
    params.add(value);
  };
  if (f.territory_id) clause("territory_id", *f.territory_id);
  if (f.organisation_id) clause("organisation_id", *f.organisation_id);
  if (f.route) clause("route", *f.route);
  static const std::unordered_map<std::string, int> index = [] {
    std::unordered_map<std::string, int> m;
    for (int i = 0; i < kMetricCount; ++i) m.emplace(kCodes[static_cast<std::size_t>(i)], i);
    m.emplace("d_orientation", -1);
    m.emplace("d_first_meeting", -2);
    return m;
  }();
  Breakdown b;
  for (const auto& r : conn.query(sql, params)) {
    auto it = index.find(r.text(4));
    if (it == index.end()) continue;
    const int metric = it->second;
    const std::int64_t value = r.integer(6);
    const auto bucket =
        static_cast<std::size_t>(std::clamp<std::int64_t>(r.integer(5), 0, kDelayBuckets - 1));
    auto put = [&](Totals& t) {
      if (metric == -1) {
        t.d_orientation[bucket] += value;
      } else if (metric == -2) {
        t.d_first_meeting[bucket] += value;
      } else {
        t.n[static_cast<std::size_t>(metric)] += value;
      }
    };
    put(b.total);
    put(b.by_territory[r.integer(0)]);
    put(b.by_route[r.integer(3)]);
    if (!national) {
      put(b.by_month[r.integer(1)]);
      put(b.by_organisation[r.integer(2)]);
    }
  }
  return b;
}

std::shared_ptr<const Breakdown> cached_breakdown(store::Connection& conn, const StatsFilter& f) {
  static std::mutex mutex;
  static std::map<std::string, std::pair<std::int64_t, std::shared_ptr<const Breakdown>>> cache;
  auto row = conn.query_one("SELECT COALESCE(SUM(position), 0) FROM stats_cursors");
  std::int64_t version = row ? row->integer(0) : 0;
  std::string key =
      fmt::format("{}|{}|{}|{}|{}", f.territory_id.value_or(-1), f.organisation_id.value_or(-1),
                  f.route.value_or(-1), f.from_month, f.to_month);
  {
    std::lock_guard lock(mutex);
    auto it = cache.find(key);
    if (it != cache.end() && it->second.first == version) return it->second.second;
  }
  auto fresh = std::make_shared<const Breakdown>(load_breakdown(conn, f));
  std::lock_guard lock(mutex);
  if (cache.size() >= 256) cache.clear();
  cache[key] = {version, fresh};
  return fresh;
}

const std::vector<Column>& columns() {
  static const std::vector<Column> all{
      {"Entrants", [](const Totals& t) { return count(t.n[kEntrants]); }},
      {"Orientés", [](const Totals& t) { return count(t.n[kOriented]); }},
      {"Délai médian entrée → orientation (jours)",
       [](const Totals& t) { return days(median(t.d_orientation)); }},
      {"Orientés en 30 jours ou moins",
       [](const Totals& t) {
         return percent(within(t.d_orientation, kDeadlineDays), t.n[kEntrants]);
       }},
      {"Délai médian orientation → 1er rendez-vous avec le référent (jours)",
       [](const Totals& t) { return days(median(t.d_first_meeting)); }},
      {"1er rendez-vous en 30 jours ou moins",
       [](const Totals& t) {
         return percent(within(t.d_first_meeting, kDeadlineDays), t.n[kOriented]);
       }},
      {"Avec un référent", [](const Totals& t) { return percent(t.n[kReferent], t.n[kEntrants]); }},
      {"Avec un plan d’actions",
       [](const Totals& t) { return percent(t.n[kPlan], t.n[kEntrants]); }},
      {"Avec un engagement signé",
       [](const Totals& t) { return percent(t.n[kCommitment], t.n[kEntrants]); }},
      {"Rendez-vous pris", [](const Totals& t) { return count(t.n[kAppointmentsBooked]); }},
      {"Taux d’absence aux rendez-vous",
       [](const Totals& t) {
         return percent(t.n[kAppointmentsNoshow],
                        t.n[kAppointmentsNoshow] + t.n[kAppointmentsSeen]);
       }},
      {"Orientations vers un service envoyées",
       [](const Totals& t) { return count(t.n[kReferralsSent]); }},
      {"acceptées", [](const Totals& t) { return count(t.n[kReferralsAccepted]); }},
      {"refusées", [](const Totals& t) { return count(t.n[kReferralsRefused]); }},
      {"expirées", [](const Totals& t) { return count(t.n[kReferralsExpired]); }},
      {"Emploi à 6 mois", [](const Totals& t) { return percent(t.n[kJob6], t.n[kEntrants]); }},
      {"Emploi à 12 mois", [](const Totals& t) { return percent(t.n[kJob12], t.n[kEntrants]); }},
      {"Emploi durable à 6 mois",
       [](const Totals& t) { return percent(t.n[kLastingJob6], t.n[kEntrants]); }},
      {"Emploi durable à 12 mois",
       [](const Totals& t) { return percent(t.n[kLastingJob12], t.n[kEntrants]); }},
      {"Formation à 6 mois",
       [](const Totals& t) { return percent(t.n[kTraining6], t.n[kEntrants]); }},
      {"Formation à 12 mois",
       [](const Totals& t) { return percent(t.n[kTraining12], t.n[kEntrants]); }},
  };
  return all;
}

}  // namespace parcours::stats

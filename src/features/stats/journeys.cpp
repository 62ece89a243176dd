#include "features/stats/journeys.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <exception>
#include <map>
#include <memory>
#include <ranges>
#include <tuple>
#include <unordered_map>

#include "core/clock.h"
#include "features/followup/dates.h"
#include "features/stats/insert_rows.h"

namespace parcours::stats {
namespace {

namespace json = boost::json;

std::int64_t integer(const json::object& o, const char* key, std::int64_t fallback = 0) {
  const auto* v = o.if_contains(key);
  if (v && v->is_int64()) return v->as_int64();
  if (v && v->is_uint64()) return static_cast<std::int64_t>(v->as_uint64());
  return fallback;
}

std::string_view str(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string_view(v->as_string()) : std::string_view();
}

std::int64_t date_of(const json::object& o, const char* key) {
  auto day = followup::parse_date(str(o, key));
  return day ? *day : -1;
}

void earliest(std::int64_t& slot, std::int64_t day) {
  if (day >= 0 && (slot < 0 || day < slot)) slot = day;
}

std::int64_t bucket_of(std::int64_t days) {
  return std::clamp<std::int64_t>(days, 0, kDelayBuckets - 1);
}

constexpr const char* kColumns =
    "journey_id, territory_id, entered_on, route, orienting_organisation_id, "
    "referent_organisation_id, oriented_on, first_meeting_on, has_plan, has_commitment, "
    "appointments_booked, appointments_seen, appointments_noshow, referrals_sent, "
    "referrals_accepted, referrals_refused, referrals_expired, job_on, lasting_job_on, "
    "training_on";

std::array<std::int64_t*, 20> fields(JourneyFacts& f) {
  return {&f.journey_id,
          &f.territory_id,
          &f.entered_on,
          &f.route,
          &f.orienting_organisation_id,
          &f.referent_organisation_id,
          &f.oriented_on,
          &f.first_meeting_on,
          &f.has_plan,
          &f.has_commitment,
          &f.appointments_booked,
          &f.appointments_seen,
          &f.appointments_noshow,
          &f.referrals_sent,
          &f.referrals_accepted,
          &f.referrals_refused,
          &f.referrals_expired,
          &f.job_on,
          &f.lasting_job_on,
          &f.training_on};
}

// Applies one event to the facts of its journey.
void apply_event(JourneyFacts& f, const store::Event& e, const json::object& p) {
  const std::string& k = e.kind;
  std::int64_t day = paris_day(e.at);
  if (k == "journey.opened") {
    if (f.entered_on < 0) f.entered_on = day;
  } else if (k == "orientation.decided") {
    earliest(f.oriented_on, day);
    f.route = route_code(str(p, "route"));
    f.orienting_organisation_id = integer(p, "organisation_id");
  } else if (k == "referent.changed" || (k == "member.joined" && str(p, "role") == "referent")) {
    f.referent_organisation_id = integer(p, "organisation_id");
  } else if (k == "orientation.first_meeting") {
    earliest(f.first_meeting_on, day);
  } else if (k == "plan.goal_added" || k == "plan.goal_validated" || k == "plan.action_added") {
    f.has_plan = 1;
  } else if (k == "commitment.signed" || k == "commitment.accepted") {
    f.has_commitment = 1;
  } else if (k == "appointment.booked") {
    ++f.appointments_booked;
  } else if (k == "appointment.status_changed") {
    auto from = str(p, "from"), to = str(p, "to");
    if (from == "seen") --f.appointments_seen;
    if (from == "noshow") --f.appointments_noshow;
    if (to == "seen") ++f.appointments_seen;
    if (to == "noshow") ++f.appointments_noshow;
  } else if (k == "referral.sent") {
    ++f.referrals_sent;
  } else if (k == "referral.accepted") {
    ++f.referrals_accepted;
  } else if (k == "referral.refused") {
    ++f.referrals_refused;
  } else if (k == "referral.expired") {
    ++f.referrals_expired;
  } else if (k == "outcome.recorded") {
    auto kind = str(p, "kind");
    std::int64_t start = date_of(p, "start_date");
    if (start < 0) start = day;
    if (kind == "job") {
      earliest(f.job_on, start);
      std::int64_t end = date_of(p, "end_date");
      if (str(p, "contract") == "cdi" || (end >= 0 && end >= followup::add_months(start, 6))) {
        earliest(f.lasting_job_on, start);
      }
    } else if (kind == "training") {
      earliest(f.training_on, start);
    }
  }
}

const std::vector<std::string> kKinds{
    "journey.opened",      "orientation.decided",       "referent.changed",
    "member.joined",       "orientation.first_meeting", "plan.goal_added",
    "plan.goal_validated", "plan.action_added",         "commitment.signed",
    "commitment.accepted", "appointment.booked",        "appointment.status_changed",
    "referral.sent",       "referral.accepted",         "referral.refused",
    "referral.expired",    "outcome.recorded"};

bool relevant(std::string_view k) {
  return std::find(kKinds.begin(), kKinds.end(), k) != kKinds.end();
}

// The facts of every journey during a rebuild on this thread; null otherwise.
thread_local std::unordered_map<std::int64_t, JourneyFacts>* rebuilding = nullptr;

using Key =
    std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, std::string, std::int64_t>;

void load_facts(store::Connection& conn, const std::vector<std::int64_t>& ids,
                std::unordered_map<std::int64_t, JourneyFacts>& out) {
  constexpr std::size_t kChunk = 500;
  for (std::size_t i = 0; i < ids.size(); i += kChunk) {
    std::string sql = fmt::format("SELECT {} FROM stats_journeys WHERE journey_id IN (", kColumns);
    for (std::size_t j = i; j < std::min(ids.size(), i + kChunk); ++j) {
      sql += (j == i ? "" : ",") + std::to_string(ids[j]);
    }
    sql += ")";
    for (const auto& r : conn.query(sql)) {
      JourneyFacts f;
      auto slots = fields(f);
      for (std::size_t c = 0; c < slots.size(); ++c) *slots[c] = r.integer(c);
      out[f.journey_id] = f;
    }
  }
}

void save_facts(store::Connection& conn, const std::vector<JourneyFacts*>& facts) {
  std::vector<store::Value> values;
  values.reserve(facts.size() * 20);
  for (auto* f : facts) {
    for (auto* slot : fields(*f)) values.emplace_back(*slot);
  }
  std::string update;
  for (std::string_view col :
       std::views::split(std::string_view(kColumns), std::string_view(", ")) |
           std::views::transform([](auto r) { return std::string_view(r); })) {
    if (col == "journey_id") continue;
    update += fmt::format("{}{} = excluded.{}", update.empty() ? "" : ", ", col, col);
  }
  insert_rows(conn, fmt::format("INSERT INTO stats_journeys ({}) VALUES", kColumns), 20, values,
              "ON CONFLICT (journey_id) DO UPDATE SET " + update);
}

void save_counters(store::Connection& conn, const std::map<Key, std::int64_t>& deltas) {
  std::vector<store::Value> values;
  for (const auto& [key, value] : deltas) {
    if (value == 0) continue;
    const auto& [t, m, o, r, metric, b] = key;
    for (store::Value v : {store::Value{t}, store::Value{m}, store::Value{o}, store::Value{r},
                           store::Value{metric}, store::Value{b}, store::Value{value}}) {
      values.push_back(std::move(v));
    }
  }
  insert_rows(conn,
              "INSERT INTO stats_counters (territory_id, month, organisation_id, route, metric, "
              "bucket, value) VALUES",
              7, values,
              "ON CONFLICT (territory_id, month, organisation_id, route, metric, bucket) DO "
              "UPDATE SET value = stats_counters.value + excluded.value");
}

}  // namespace

std::int64_t route_code(std::string_view route) {
  if (route == "pro") return kRoutePro;
  if (route == "socio_pro") return kRouteSocioPro;
  if (route == "social") return kRouteSocial;
  return kRouteNone;
}

const char* route_label(std::int64_t code) {
  switch (code) {
    case kRoutePro:
      return "Professionnel";
    case kRouteSocioPro:
      return "Socio-professionnel";
    case kRouteSocial:
      return "Social";
    default:
      return "Non orienté";
  }
}

std::int64_t paris_day(std::int64_t unix_seconds) {
  std::int64_t local = unix_seconds + paris_offset_seconds(unix_seconds);
  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

std::int64_t month_of_day(std::int64_t day) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return static_cast<int>(ymd.year()) * 100 + static_cast<unsigned>(ymd.month());
}

std::vector<Counter> contribution(const JourneyFacts& f) {
  std::vector<Counter> out;
  if (f.entered_on < 0) return out;
  Counter base{f.territory_id, month_of_day(f.entered_on), f.organisation_id(), f.route, "", 0, 1};
  auto add = [&](const char* metric, std::int64_t value = 1, std::int64_t bucket = 0) {
    if (value <= 0) return;
    Counter c = base;
    c.metric = metric;
    c.bucket = bucket;
    c.value = value;
    out.push_back(std::move(c));
  };
  add("entrants");
  if (f.oriented_on >= 0) {
    add("oriented");
    add("d_orientation", 1, bucket_of(f.oriented_on - f.entered_on));
    if (f.first_meeting_on >= 0) {
      add("met");
      add("d_first_meeting", 1, bucket_of(f.first_meeting_on - f.oriented_on));
    }
  }
  add("referent", f.referent_organisation_id ? 1 : 0);
  add("plan", f.has_plan);
  add("commitment", f.has_commitment);
  add("appointments_booked", f.appointments_booked);
  add("appointments_seen", f.appointments_seen);
  add("appointments_noshow", f.appointments_noshow);
  add("referrals_sent", f.referrals_sent);
  add("referrals_accepted", f.referrals_accepted);
  add("referrals_refused", f.referrals_refused);
  add("referrals_expired", f.referrals_expired);
  std::int64_t at6 = followup::add_months(f.entered_on, 6);
  std::int64_t at12 = followup::add_months(f.entered_on, 12);
  auto within = [](std::int64_t on, std::int64_t limit) { return on >= 0 && on <= limit ? 1 : 0; };
  add("job_6", within(f.job_on, at6));
  add("job_12", within(f.job_on, at12));
  add("lasting_job_6", within(f.lasting_job_on, at6));
  add("lasting_job_12", within(f.lasting_job_on, at12));
  add("training_6", within(f.training_on, at6));
  add("training_12", within(f.training_on, at12));
  return out;
}

std::vector<std::string> JourneyProjection::kinds() const { return kKinds; }

void JourneyProjection::reset(store::Connection& conn) {
  conn.execute("DELETE FROM stats_counters");
  conn.execute("DELETE FROM stats_journeys");
}

void JourneyProjection::apply(store::Connection& conn, const std::vector<store::Event>& events) {
  // Parse the relevant events once, and find their journeys.
  std::vector<std::pair<const store::Event*, json::object>> todo;
  std::vector<std::int64_t> ids;
  for (const auto& e : events) {
    if (!relevant(e.kind)) continue;
    boost::system::error_code ec;
    auto value = json::parse(e.payload_json, ec);
    if (ec || !value.is_object()) continue;
    auto& p = value.as_object();
    std::int64_t journey = integer(p, "journey_id");
    if (journey <= 0) continue;
    ids.push_back(journey);
    todo.emplace_back(&e, std::move(p));
  }
  if (todo.empty()) return;
  if (rebuilding) {  // in memory only: end_rebuild writes everything
    for (auto& [e, p] : todo) {
      std::int64_t journey = integer(p, "journey_id");
      auto [it, inserted] = rebuilding->try_emplace(journey);
      if (inserted) {
        it->second.journey_id = journey;
        it->second.territory_id = e->territory_id.value_or(0);
      }
      apply_event(it->second, *e, p);
    }
    return;
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::unordered_map<std::int64_t, JourneyFacts> facts;
  facts.reserve(ids.size());
  load_facts(conn, ids, facts);

  std::map<Key, std::int64_t> deltas;
  auto account = [&](const JourneyFacts& f, int sign) {
    for (auto& c : contribution(f)) {
      deltas[Key{c.territory_id, c.month, c.organisation_id, c.route, std::move(c.metric),
                 c.bucket}] += sign * c.value;
    }
  };
  for (const auto& [id, f] : facts) account(f, -1);  // the old contributions leave...
  for (auto& [e, p] : todo) {
    std::int64_t journey = integer(p, "journey_id");
    auto [it, inserted] = facts.try_emplace(journey);
    if (inserted) {
      it->second.journey_id = journey;
      it->second.territory_id = e->territory_id.value_or(0);
    }
    apply_event(it->second, *e, p);
  }
  std::vector<JourneyFacts*> changed;
  changed.reserve(facts.size());
  for (auto& [id, f] : facts) {
    account(f, +1);  // ...and the new ones come in
    changed.push_back(&f);
  }
  save_facts(conn, changed);
  save_counters(conn, deltas);
}

void JourneyProjection::begin_rebuild(store::Connection&) {
  delete rebuilding;
  rebuilding = new std::unordered_map<std::int64_t, JourneyFacts>();
  rebuilding->reserve(1 << 16);
}

void JourneyProjection::end_rebuild(store::Connection& conn) {
  std::unique_ptr<std::unordered_map<std::int64_t, JourneyFacts>> facts(rebuilding);
  rebuilding = nullptr;
  if (!facts || std::uncaught_exceptions() > 0) return;  // a failed rebuild writes nothing
  std::map<Key, std::int64_t> totals;
  std::vector<JourneyFacts*> all;
  all.reserve(facts->size());
  for (auto& [id, f] : *facts) {
    for (auto& c : contribution(f)) {
      totals[Key{c.territory_id, c.month, c.organisation_id, c.route, std::move(c.metric),
                 c.bucket}] += c.value;
    }
    all.push_back(&f);
  }
  std::sort(all.begin(), all.end(), [](const JourneyFacts* a, const JourneyFacts* b) {
    return a->journey_id < b->journey_id;
  });
  save_facts(conn, all);
  save_counters(conn, totals);
}

}  // namespace parcours::stats

#include "features/impact/impact.h"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/clock.h"
#include "core/store/db.h"
#include "features/catalogue/vocabulary.h"
#include "features/impact/projection.h"
#include "features/orientation/rules.h"
#include "features/stats/insert_rows.h"

namespace parcours::impact {
namespace {

namespace json = boost::json;

struct Fact {
  std::int64_t journey_id = 0;
  std::int64_t territory_id = 0;
  std::string entered_on;
  std::string age_band;
  std::string route;
  std::string obstacles;  // space-separated, sorted
  std::string time_since_job;
  std::optional<std::string> positive_on;
  std::set<std::string> actions;
};

using CounterKey = std::tuple<std::int64_t, std::string, std::string, std::string, std::string>;
struct Delta {
  std::int64_t n = 0, pos6 = 0, pos12 = 0;
};

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool within(const Fact& f, int months) {
  return f.positive_on && *f.positive_on >= f.entered_on &&
         *f.positive_on < add_months(f.entered_on, months);
}

// What one journey adds to the counters, times `weight` (-1: what it takes away).
void contribute(const Fact& f, std::int64_t weight, std::map<CounterKey, Delta>& deltas) {
  std::vector<std::pair<std::string, std::string>> strata{
      {"ensemble", "tous"},
      {"age", f.age_band.empty() ? "inconnu" : f.age_band},
      {"parcours", f.route.empty() ? "non_oriente" : f.route},
      {"sans_emploi", f.time_since_job.empty() ? "inconnu" : f.time_since_job}};
  auto obstacles = words(f.obstacles);
  if (obstacles.empty()) strata.push_back({"frein", "aucun"});
  for (auto& o : obstacles) strata.push_back({"frein", o});
  std::string month = f.entered_on.substr(0, 7);
  std::int64_t p6 = within(f, 6) ? 1 : 0, p12 = within(f, 12) ? 1 : 0;
  std::vector<std::string> actions{"*"};
  actions.insert(actions.end(), f.actions.begin(), f.actions.end());
  for (const auto& a : actions) {
    for (const auto& [d, v] : strata) {
      auto& delta = deltas[{f.territory_id, month, a, d, v}];
      delta.n += weight;
      delta.pos6 += weight * p6;
      delta.pos12 += weight * p12;
    }
  }
}

std::optional<json::object> parse_object(const std::string& text) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return v.as_object();
}

std::optional<std::int64_t> int_field(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  if (v && v->is_int64()) return v->as_int64();
  return std::nullopt;
}

std::string string_field(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string age_band(const std::string& birth_date, const std::string& on) {
  if (birth_date.size() < 10 || on.size() < 10) return "";
  int age = std::stoi(on.substr(0, 4)) - std::stoi(birth_date.substr(0, 4));
  if (on.substr(5, 5) < birth_date.substr(5, 5)) --age;
  if (age < 26) return "moins_26";
  if (age < 45) return "26_44";
  return "45_plus";
}

// What decides a journey's contribution to the counters: journeys with the same signature add
// the same counters, so a rebuild adds each signature once, weighted by its number of journeys.
std::string signature(const Fact& f) {
  std::string s = std::to_string(f.territory_id);
  for (const auto* part : {&f.age_band, &f.route, &f.obstacles, &f.time_since_job}) {
    s += '|';
    s += *part;
  }
  s += '|';
  s += f.entered_on.substr(0, 7);
  s += within(f, 6) ? "|1" : "|0";
  s += within(f, 12) ? "|1" : "|0";
  for (const auto& a : f.actions) {
    s += '|';
    s += a;
  }
  return s;
}

// A batch of events applied to the facts of their journeys. Incrementally, it reads the facts
// it needs, subtracts their old contribution, applies the events and writes the facts and the
// counter deltas. During a rebuild one Batch lives from the first batch of events to the last
// (the tables were emptied: nothing to read or subtract) and writes everything once at the end.
class Batch {
 public:
  Batch(store::Connection& conn, bool rebuilding) : conn_(conn), rebuilding_(rebuilding) {}

  // Loads the facts of a batch's journeys a few hundred at a time (a rebuild touches every
  // journey: one query per journey would be most of its time).
  void preload(std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::erase_if(ids, [&](std::int64_t id) { return facts_.count(id) > 0; });
    constexpr std::size_t kChunk = 500;
    for (std::size_t start = 0; start < ids.size(); start += kChunk) {
      std::string list;
      for (std::size_t i = start; i < std::min(ids.size(), start + kChunk); ++i) {
        list += (i == start ? "" : ",") + std::to_string(ids[i]);
      }
      if (!rebuilding_) load_stored(list, ids, start, std::min(ids.size(), start + kChunk));
      for (const auto& row : conn_.query(
               "SELECT j.id, j.territory_id, j.opened_at, p.birth_date FROM journeys j JOIN "
               "persons p ON p.id = j.person_id WHERE j.id IN (" +
               list + ")")) {
        if (facts_.count(row.integer(0))) continue;
        Fact f{.journey_id = row.integer(0), .territory_id = row.integer(1)};
        f.entered_on = paris_day(row.integer(2));
        f.age_band = age_band(row.text(3), f.entered_on);
        facts_[f.journey_id] = std::move(f);
      }
      for (std::size_t i = start; i < std::min(ids.size(), start + kChunk); ++i) {
        facts_.try_emplace(ids[i], std::nullopt);  // gone (purged): its events are skipped
      }
    }
  }

  // The stored facts of ids[from, to) (`list`: the same, comma-separated), whose contribution
  // leaves the counters until write() adds the new one.
  void load_stored(const std::string& list, const std::vector<std::int64_t>& ids, std::size_t from,
                   std::size_t to) {
    for (const auto& row :
         conn_.query("SELECT journey_id, territory_id, entered_on, age_band, route, obstacles, "
                     "time_since_job, positive_on FROM impact_journeys WHERE journey_id IN (" +
                     list + ")")) {
      facts_[row.integer(0)] = Fact{.journey_id = row.integer(0),
                                    .territory_id = row.integer(1),
                                    .entered_on = row.text(2),
                                    .age_band = row.text(3),
                                    .route = row.text(4),
                                    .obstacles = row.text(5),
                                    .time_since_job = row.text(6),
                                    .positive_on = row.opt_text(7)};
    }
    for (const auto& row :
         conn_.query("SELECT journey_id, action FROM impact_journey_actions WHERE journey_id "
                     "IN (" +
                     list + ")")) {
      facts_[row.integer(0)]->actions.insert(row.text(1));
    }
    for (std::size_t i = from; i < to; ++i) {
      auto it = facts_.find(ids[i]);
      if (it == facts_.end()) continue;
      contribute(*it->second, -1, deltas_);
      before_[ids[i]] = *it->second;
    }
  }

  Fact* fact(std::int64_t journey_id) {
    auto it = facts_.find(journey_id);
    if (it != facts_.end()) return it->second ? &*it->second : nullptr;
    auto& slot = facts_[journey_id];
    auto row =
        rebuilding_
            ? std::nullopt
            : conn_.query_one(
                  "SELECT territory_id, entered_on, age_band, route, obstacles, time_since_job, "
                  "positive_on FROM impact_journeys WHERE journey_id = $1",
                  {journey_id});
    if (row) {
      Fact f{.journey_id = journey_id,
             .territory_id = row->integer(0),
             .entered_on = row->text(1),
             .age_band = row->text(2),
             .route = row->text(3),
             .obstacles = row->text(4),
             .time_since_job = row->text(5),
             .positive_on = row->opt_text(6)};
      for (const auto& a : conn_.query(
               "SELECT action FROM impact_journey_actions WHERE journey_id = $1", {journey_id})) {
        f.actions.insert(a.text(0));
      }
      contribute(f, -1, deltas_);
      before_[journey_id] = f;
      slot = std::move(f);
      return &*slot;
    }
    // First event of a journey: its entry and the person's age then.
    auto j = conn_.query_one(
        "SELECT j.territory_id, j.opened_at, p.birth_date FROM journeys j JOIN persons p ON "
        "p.id = j.person_id WHERE j.id = $1",
        {journey_id});
    if (!j) return nullptr;
    Fact f{.journey_id = journey_id, .territory_id = j->integer(0)};
    f.entered_on = paris_day(j->integer(1));
    f.age_band = age_band(j->text(2), f.entered_on);
    slot = std::move(f);
    return &*slot;
  }

  void apply(const std::string& kind, const json::object& payload) {
    auto journey_id = int_field(payload, "journey_id");
    if (!journey_id) return;
    Fact* f = fact(*journey_id);
    if (!f) return;
    if (kind == "orientation.decided") {
      f->route = string_field(payload, "route");
    } else if (kind == "diagnostic.saved") {
      auto version = int_field(payload, "version");
      auto row = conn_.query_one(
          "SELECT answers FROM diagnostics WHERE journey_id = $1 AND author = $2 AND version = $3",
          {*journey_id, string_field(payload, "author"), version.value_or(0)});
      if (!row) return;
      auto answers = parse_object(row->text(0));
      if (!answers) return;
      std::set<std::string> major;
      if (auto* freins = answers->if_contains("freins"); freins && freins->is_object()) {
        for (const auto& [code, o] : freins->as_object()) {
          if (o.is_object() && string_field(o.as_object(), "niveau") == "majeur") {
            major.insert(std::string(code));
          }
        }
      }
      std::string joined;
      for (const auto& m : major) joined += (joined.empty() ? "" : " ") + m;
      f->obstacles = joined;
      auto since = string_field(*answers, "duree_sans_emploi");
      if (!since.empty()) f->time_since_job = since;
    } else if (kind == "plan.action_added") {
      auto service_id = int_field(payload, "service_id");
      if (!service_id) return;
      for (const auto& a : service_actions(*service_id)) f->actions.insert(a);
    } else if (kind == "outcome.recorded") {
      auto outcome = string_field(payload, "kind");
      auto start = string_field(payload, "start_date");
      if ((outcome == "job" || outcome == "training" || outcome == "business") &&
          start.size() == 10 && (!f->positive_on || start < *f->positive_on)) {
        f->positive_on = start;
      }
    }
  }

  // Writes the facts, the new actions and the counter deltas, a few hundred rows per statement.
  void write() {
    // Journeys alike add the same counters: each signature is counted once, with its weight.
    std::unordered_map<std::string, std::pair<const Fact*, std::int64_t>> alike;
    std::vector<store::Value> journeys, actions;
    for (auto& [id, f] : facts_) {
      if (!f) continue;
      auto& [example, weight] = alike[signature(*f)];
      example = &*f;
      ++weight;
      for (store::Value v :
           {store::Value{id}, store::Value{f->territory_id}, store::Value{f->entered_on},
            store::Value{f->age_band}, store::Value{f->route}, store::Value{f->obstacles},
            store::Value{f->time_since_job}, store::opt(f->positive_on)}) {
        journeys.push_back(std::move(v));
      }
      auto before = before_.find(id);
      for (const auto& a : f->actions) {
        if (before != before_.end() && before->second.actions.count(a)) continue;
        actions.push_back(id);
        actions.push_back(a);
      }
    }
    for (const auto& [key, group] : alike) contribute(*group.first, group.second, deltas_);
    stats::insert_rows(
        conn_,
        "INSERT INTO impact_journeys (journey_id, territory_id, entered_on, age_band, "
        "route, obstacles, time_since_job, positive_on) VALUES",
        8, journeys,
        "ON CONFLICT (journey_id) DO UPDATE SET age_band = excluded.age_band, route = "
        "excluded.route, obstacles = excluded.obstacles, time_since_job = "
        "excluded.time_since_job, positive_on = excluded.positive_on");
    stats::insert_rows(conn_, "INSERT INTO impact_journey_actions (journey_id, action) VALUES", 2,
                       actions, "");
    std::vector<store::Value> counters;
    for (const auto& [key, d] : deltas_) {
      if (d.n == 0 && d.pos6 == 0 && d.pos12 == 0) continue;
      const auto& [territory, month, action, dimension, value] = key;
      for (store::Value v : {store::Value{territory}, store::Value{month}, store::Value{action},
                             store::Value{dimension}, store::Value{value}, store::Value{d.n},
                             store::Value{d.pos6}, store::Value{d.pos12}}) {
        counters.push_back(std::move(v));
      }
    }
    stats::insert_rows(
        conn_,
        "INSERT INTO impact_counters (territory_id, entry_month, action, dimension, "
        "value, n, pos6, pos12) VALUES",
        8, counters,
        "ON CONFLICT (territory_id, dimension, action, value, entry_month) DO UPDATE SET "
        "n = impact_counters.n + excluded.n, pos6 = impact_counters.pos6 + excluded.pos6, "
        "pos12 = impact_counters.pos12 + excluded.pos12");
  }

 private:
  // The kinds of action a service of the catalogue stands for ("type:…", "thematique:…"),
  // read once per service.
  const std::vector<std::string>& service_actions(std::int64_t service_id) {
    auto [it, inserted] = services_.try_emplace(service_id);
    if (!inserted) return it->second;
    auto service =
        conn_.query_one("SELECT type, thematiques FROM services WHERE id = $1", {service_id});
    if (!service) return it->second;
    if (!service->text(0).empty()) it->second.push_back("type:" + service->text(0));
    boost::system::error_code ec;
    auto themes = json::parse(service->text(1), ec);
    if (!ec && themes.is_array()) {
      for (const auto& t : themes.as_array()) {
        if (!t.is_string()) continue;
        std::string code(t.as_string());
        it->second.push_back("thematique:" + code.substr(0, code.find("--")));
      }
    }
    return it->second;
  }

  store::Connection& conn_;
  bool rebuilding_;
  std::map<std::int64_t, std::optional<Fact>> facts_;
  std::map<std::int64_t, Fact> before_;
  std::map<CounterKey, Delta> deltas_;
  std::unordered_map<std::int64_t, std::vector<std::string>> services_;
};

// The batch of a rebuild in progress on this thread; null otherwise.
thread_local std::unique_ptr<Batch> rebuilding;

}  // namespace

Interval wilson(std::int64_t positives, std::int64_t n) {
  if (n <= 0) return {};
  const double z = 1.96, nn = static_cast<double>(n);
  double p = static_cast<double>(positives) / nn;
  double denominator = 1 + z * z / nn;
  double centre = (p + z * z / (2 * nn)) / denominator;
  double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denominator;
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::string paris_day(std::int64_t unix_seconds) {
  using namespace std::chrono;
  auto local = sys_seconds{seconds{unix_seconds + paris_offset_seconds(unix_seconds)}};
  year_month_day ymd{floor<days>(local)};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string add_months(const std::string& iso_date, int months) {
  int year = std::stoi(iso_date.substr(0, 4));
  int month = std::stoi(iso_date.substr(5, 2)) - 1 + months;
  year += month >= 0 ? month / 12 : -((11 - month) / 12);
  month = ((month % 12) + 12) % 12;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month + 1);
  return buf + iso_date.substr(7);
}

const std::vector<std::string>& event_kinds() {
  static const std::vector<std::string> kinds{"journey.opened", "orientation.decided",
                                              "diagnostic.saved", "plan.action_added",
                                              "outcome.recorded"};
  return kinds;
}

void reset(store::Connection& conn) {
  conn.execute("DELETE FROM impact_counters");
  conn.execute("DELETE FROM impact_journey_actions");
  conn.execute("DELETE FROM impact_journeys");
}

void apply_events(store::Connection& conn, const std::vector<store::Event>& events) {
  std::vector<std::pair<const store::Event*, json::object>> parsed;
  std::vector<std::int64_t> journeys;
  const auto& kinds = event_kinds();
  for (const auto& e : events) {
    if (std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end()) continue;
    auto payload = parse_object(e.payload_json);
    if (!payload) continue;
    if (auto id = int_field(*payload, "journey_id")) journeys.push_back(*id);
    parsed.emplace_back(&e, std::move(*payload));
  }
  if (rebuilding) {  // in memory: end_rebuild writes everything
    rebuilding->preload(std::move(journeys));
    for (const auto& [e, payload] : parsed) rebuilding->apply(e->kind, payload);
    return;
  }
  Batch batch(conn, false);
  batch.preload(std::move(journeys));
  for (const auto& [e, payload] : parsed) batch.apply(e->kind, payload);
  batch.write();
}

void begin_rebuild(store::Connection& conn) { rebuilding = std::make_unique<Batch>(conn, true); }

void end_rebuild(store::Connection& /*conn*/) {
  auto batch = std::move(rebuilding);
  if (batch && std::uncaught_exceptions() == 0) batch->write();  // a failed rebuild writes nothing
}

std::int64_t catch_up(store::Connection& conn) { return stats::catch_up(conn, *projection()); }

std::int64_t rebuild(store::Connection& conn) { return stats::rebuild(conn, *projection()); }

const std::vector<std::string>& dimensions() {
  static const std::vector<std::string> all{"ensemble", "age", "parcours", "frein", "sans_emploi"};
  return all;
}

std::vector<Comparison> compare(store::Connection& conn, std::int64_t territory_id,
                                const std::string& dimension, const std::string& today) {
  // (action, value) → (n, positives) of the cohorts whose whole horizon has passed.
  auto sums = [&](int months) {
    std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> out;
    std::string before = add_months(today, -months).substr(0, 7);
    for (const auto& r : conn.query(
             "SELECT action, value, SUM(n), SUM(" + std::string(months == 6 ? "pos6" : "pos12") +
                 ") FROM impact_counters WHERE territory_id = $1 AND dimension = $2 AND "
                 "entry_month < $3 GROUP BY action, value",
             {territory_id, dimension, before})) {
      out[{r.text(0), r.text(1)}] = {r.integer(2), r.integer(3)};
    }
    return out;
  };
  auto six = sums(6), twelve = sums(12);
  auto side = [](std::pair<std::int64_t, std::int64_t> with,
                 std::pair<std::int64_t, std::int64_t> all, Share& w, Share& wo) {
    std::int64_t n_without = all.first - with.first;
    if (with.first < kMinGroup || n_without < kMinGroup) return;
    w = {with.first, with.second, true, wilson(with.second, with.first)};
    wo = {n_without, all.second - with.second, true, wilson(all.second - with.second, n_without)};
  };
  std::set<std::pair<std::string, std::string>> keys;
  for (const auto& [k, v] : six) keys.insert(k);
  for (const auto& [k, v] : twelve) keys.insert(k);
  std::vector<Comparison> out;
  for (const auto& [action, value] : keys) {
    if (action == "*") continue;
    Comparison c{.action = action, .dimension = dimension, .value = value};
    auto get = [&](auto& m, const std::string& a) {
      auto it = m.find({a, value});
      return it == m.end() ? std::pair<std::int64_t, std::int64_t>{0, 0} : it->second;
    };
    side(get(six, action), get(six, "*"), c.with6, c.without6);
    side(get(twelve, action), get(twelve, "*"), c.with12, c.without12);
    out.push_back(std::move(c));
  }
  return out;
}

std::string dimension_label(const std::string& dimension) {
  if (dimension == "ensemble") return "Ensemble";
  if (dimension == "age") return "Âge à l’entrée";
  if (dimension == "parcours") return "Parcours";
  if (dimension == "frein") return "Frein majeur";
  if (dimension == "sans_emploi") return "Durée sans emploi";
  return dimension;
}

std::string value_label(const std::string& dimension, const std::string& value) {
  static const std::map<std::string, std::string> labels{
      {"tous", "Toutes les personnes"}, {"inconnu", "Non renseigné"},
      {"moins_26", "Moins de 26 ans"},  {"26_44", "De 26 à 44 ans"},
      {"45_plus", "45 ans et plus"},    {"non_oriente", "Pas encore orienté"},
      {"aucun", "Aucun frein majeur"},  {"moins_6_mois", "Moins de 6 mois"},
      {"6_12_mois", "De 6 à 12 mois"},  {"1_2_ans", "De 1 à 2 ans"},
      {"plus_2_ans", "Plus de 2 ans"},  {"jamais", "N’a jamais travaillé"}};
  if (auto it = labels.find(value); it != labels.end()) return it->second;
  if (dimension == "parcours") {
    std::string route = orientation::route_label(value);
    if (!route.empty()) return route;
  }
  if (dimension == "frein") return catalogue::category_label(value);
  return value;
}

std::string action_label(const std::string& action) {
  if (action.starts_with("type:")) {
    return "Type : " + catalogue::label(catalogue::Vocabulary::kTypes, action.substr(5));
  }
  if (action.starts_with("thematique:")) {
    return "Thématique : " + catalogue::category_label(action.substr(11));
  }
  return action;
}

}  // namespace parcours::impact

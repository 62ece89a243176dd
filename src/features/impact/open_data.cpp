#include "features/impact/open_data.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cmath>

#include "features/exports/exports.h"
#include "features/impact/impact.h"

namespace parcours::impact {
namespace {

namespace json = boost::json;

std::string decimal(double v) { return fmt::format("{:.3f}", v); }

std::vector<std::string> cells(const std::string& territory, const OpenRow& r) {
  auto opt = [&](const std::optional<double>& v) { return v && !r.secret ? decimal(*v) : ""; };
  return {territory,
          r.indicator,
          r.period,
          r.action,
          r.action.empty() ? "" : action_label(r.action),
          r.dimension,
          r.stratum,
          value_label(r.dimension, r.stratum),
          r.horizon_months ? std::to_string(r.horizon_months) : "",
          r.group,
          r.secret ? "" : std::to_string(r.count),
          r.positives && !r.secret ? std::to_string(*r.positives) : "",
          opt(r.share),
          opt(r.low),
          opt(r.high),
          r.secret ? "1" : "0"};
}

}  // namespace

const std::vector<std::string>& open_data_fields() {
  static const std::vector<std::string> fields{
      "territoire",     "indicateur", "periode",   "action",
      "action_libelle", "dimension",  "strate",    "strate_libelle",
      "horizon_mois",   "groupe",     "effectif",  "sorties_positives",
      "part",           "ic95_bas",   "ic95_haut", "secret"};
  return fields;
}

std::vector<OpenRow> open_data(store::Connection& conn, std::int64_t territory_id,
                               const std::string& today) {
  std::vector<OpenRow> out;
  // Entrants per month and route. No total is published beside them, so a hidden cell cannot be
  // found back by subtraction.
  for (const auto& r : conn.query(
           "SELECT entry_month, value, n FROM impact_counters WHERE territory_id = $1 AND action "
           "= '*' AND dimension = 'parcours' AND n > 0 ORDER BY entry_month, value",
           {territory_id})) {
    OpenRow row{.indicator = "entrees",
                .period = r.text(0),
                .dimension = "parcours",
                .stratum = r.text(1),
                .count = r.integer(2)};
    row.secret = row.count < kMinGroup;
    if (row.secret) row.count = 0;
    out.push_back(std::move(row));
  }
  for (const auto& dimension : dimensions()) {
    for (const auto& c : compare(conn, territory_id, dimension, today)) {
      auto add = [&](int horizon, const char* group, const Share& s) {
        OpenRow row{.indicator = "sorties_positives",
                    .action = c.action,
                    .dimension = c.dimension,
                    .stratum = c.value,
                    .horizon_months = horizon,
                    .group = group,
                    .secret = !s.shown};
        if (s.shown) {
          row.count = s.n;
          row.positives = s.positives;
          row.share = static_cast<double>(s.positives) / static_cast<double>(s.n);
          row.low = s.interval.low;
          row.high = s.interval.high;
        }
        out.push_back(std::move(row));
      };
      add(6, "avec", c.with6);
      add(6, "sans", c.without6);
      add(12, "avec", c.with12);
      add(12, "sans", c.without12);
    }
  }
  return out;
}

std::string to_csv(const std::string& territory_slug, const std::vector<OpenRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) out += ';';
      exports::append_field(out, values[i]);
    }
    out += "\r\n";
  };
  line(open_data_fields());
  for (const auto& r : rows) line(cells(territory_slug, r));
  return out;
}

std::string to_json(const std::string& territory_slug, const std::string& today,
                    const std::vector<OpenRow>& rows) {
  json::array lines;
  for (const auto& r : rows) {
    json::object o;
    o["territoire"] = territory_slug;
    o["indicateur"] = r.indicator;
    o["periode"] = r.period.empty() ? json::value(nullptr) : json::value(r.period);
    o["action"] = r.action.empty() ? json::value(nullptr) : json::value(r.action);
    o["action_libelle"] =
        r.action.empty() ? json::value(nullptr) : json::value(action_label(r.action));
    o["dimension"] = r.dimension;
    o["strate"] = r.stratum;
    o["strate_libelle"] = value_label(r.dimension, r.stratum);
    o["horizon_mois"] = r.horizon_months ? json::value(r.horizon_months) : json::value(nullptr);
    o["groupe"] = r.group.empty() ? json::value(nullptr) : json::value(r.group);
    o["effectif"] = r.secret ? json::value(nullptr) : json::value(r.count);
    o["sorties_positives"] =
        r.positives && !r.secret ? json::value(*r.positives) : json::value(nullptr);
    auto rounded = [&](const std::optional<double>& v) {
      return v && !r.secret ? json::value(std::round(*v * 1000) / 1000) : json::value(nullptr);
    };
    o["part"] = rounded(r.share);
    o["ic95_bas"] = rounded(r.low);
    o["ic95_haut"] = rounded(r.high);
    o["secret"] = r.secret;
    lines.push_back(std::move(o));
  }
  json::object doc{{"territoire", territory_slug},
                   {"date", today},
                   {"seuil_secret", kMinGroup},
                   {"champs", json::array(open_data_fields().begin(), open_data_fields().end())},
                   {"lignes", std::move(lines)}};
  return json::serialize(doc);
}

}  // namespace parcours::impact

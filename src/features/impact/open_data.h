// The open-data export of a territory's indicators: entrants per month and route, and every
// "what works, for whom" comparison at 6 and 12 months, aggregated and anonymised with the same
// small-group suppression (docs/open-data.md documents each field). CSV in UTF-8 with a BOM and
// `;` separators, or JSON.
//
//   auto rows = impact::open_data(conn, territory_id, "2026-11-27");
//   std::string csv = impact::to_csv("ardennes", rows);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/db.h"

namespace parcours::impact {

struct OpenRow {
  std::string indicator;  // "entrees", "sorties_positives"
  std::string period;     // "YYYY-MM" for entrees, "" otherwise
  std::string action;     // "" for entrees
  std::string dimension;
  std::string stratum;
  int horizon_months = 0;  // 0 for entrees
  std::string group;       // "avec", "sans", "" for entrees
  bool secret = false;     // fewer than kMinGroup: counts left empty
  std::int64_t count = 0;
  std::optional<std::int64_t> positives;
  std::optional<double> share, low, high;
};

std::vector<OpenRow> open_data(store::Connection& conn, std::int64_t territory_id,
                               const std::string& today);

// The column names, in order (the CSV header and the JSON keys).
const std::vector<std::string>& open_data_fields();

std::string to_csv(const std::string& territory_slug, const std::vector<OpenRow>& rows);
std::string to_json(const std::string& territory_slug, const std::string& today,
                    const std::vector<OpenRow>& rows);

}  // namespace parcours::impact

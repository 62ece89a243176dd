// Loads the reference geography (régions, départements, EPCI, communes and their postcodes)
// from the JSON files of the npm package @etalab/decoupage-administratif. Only current communes
// (`type == "commune-actuelle"`) are kept. The load is an upsert in one transaction, so it can
// be run again after a package update; rows are written in multi-row batches so that ~35,000
// communes load in seconds on both engines.
#pragma once

#include <cstdint>
#include <string>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::geo {

struct GeoCounts {
  std::int64_t regions = 0;
  std::int64_t departements = 0;
  std::int64_t epci = 0;
  std::int64_t communes = 0;
  std::int64_t postcodes = 0;
};

// Reads regions.json, departements.json, epci.json and communes.json from `dir`.
// kInvalid (French message naming the file) when a file is missing or malformed; nothing is
// written then.
Result<GeoCounts> load_geography(store::Connection& conn, const std::string& dir);

}  // namespace parcours::geo

// The demonstration data set: the Ardennes territory (département 08), real-looking
// organisations in Ardennes communes and one account per role. Idempotent (what exists is kept),
// all in one transaction, and it marks the database as a demo one (meta.demo = 1) so that every
// page shows the "Démonstration" banner. Later features add their own demo data here.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::demo {

inline constexpr const char* kDefaultPassword = "parcours-demo-2026";

struct DemoAccount {
  std::string email;
  std::string description;  // French: "administratrice nationale", ...
};

struct SeedSummary {
  int organisations_created = 0;
  int accounts_created = 0;
  int persons_created = 0;  // persons.h
  std::vector<DemoAccount> accounts;
};

// Needs the geography (load-geo). `password` is the demo accounts' password.
Result<SeedSummary> seed_demo(store::Connection& conn, const std::string& password);

// Whether the database is a demonstration one (meta.demo = 1).
bool is_demo(store::Connection& conn);

}  // namespace parcours::demo

// Territories: usually one département (sometimes several) where the service is deployed. A
// territory holds organisations and people, and settings: the orientation deadline (in
// calendar or working days) and how long records are kept. Every change is journaled
// (`territory.created`, `territory.updated`) in the same transaction, with before/after values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::territories {

inline constexpr int kDefaultDeadlineDays = 30;
inline constexpr int kDefaultRetentionMonths = 24;

struct Settings {
  int orientation_deadline_days = kDefaultDeadlineDays;  // 1-365
  bool working_days = false;                             // false: calendar days
  int retention_months = kDefaultRetentionMonths;        // 1-120
};

struct Territory {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  Settings settings;
  std::vector<std::string> departements;  // codes, sorted
};

// What a form sends, as typed: validated by create/update, which name the faulty field.
struct TerritoryForm {
  std::string name;
  std::string slug;          // empty on creation: derived from the name
  std::string departements;  // "08, 51"
  std::string orientation_deadline_days;
  std::string deadline_mode;  // "calendar" or "working"
  std::string retention_months;
};

TerritoryForm form_of(const Territory& territory);

std::vector<Territory> list_territories(store::Connection& conn);
std::optional<Territory> find_territory(store::Connection& conn, std::int64_t id);
std::optional<Territory> find_territory_by_slug(store::Connection& conn, const std::string& slug);

// Creates a territory (admin); returns its id. Transaction and journal included.
Result<std::int64_t> create_territory(store::Connection& conn, const TerritoryForm& form,
                                      std::optional<std::int64_t> actor_id);

// Updates everything (admin) or, with `settings_only`, the settings (territory manager).
Result<void> update_territory(store::Connection& conn, std::int64_t id, const TerritoryForm& form,
                              bool settings_only, std::optional<std::int64_t> actor_id);

// Parses an integer field within [min, max]; kInvalid naming `field` with `label` otherwise.
Result<int> parse_int_field(const std::string& value, int min, int max, const std::string& field,
                            const std::string& label);

}  // namespace parcours::territories

// The caseload of a professional: the persons whose journey they follow in a territory (active
// member of the team, référent or not), most recently active first, paginated by cursor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::people {

struct CaseloadEntry {
  std::int64_t person_id = 0;
  std::int64_t journey_id = 0;
  std::string birth_name;
  std::string usage_name;
  std::string first_names;
  std::string commune_name;
  std::string journey_status;
  bool referent = false;  // the professional is the journey's référent
  std::int64_t last_activity_at = 0;
};

struct CaseloadPage {
  std::vector<CaseloadEntry> entries;
  std::optional<std::string> next_cursor;
};

struct CaseloadQuery {
  std::int64_t user_id = 0;
  std::int64_t territory_id = 0;
  bool referent_only = false;
  std::string cursor;  // from a previous page's next_cursor, empty for the first page
  int limit = 20;
};

// kInvalid naming "cursor" when the cursor is not one this function gave.
Result<CaseloadPage> list_caseload(store::Connection& conn, const CaseloadQuery& query);

}  // namespace parcours::people

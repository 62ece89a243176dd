// Stored form definitions (diagnostic_forms): the socle commun, seeded from
// data/diagnostic/socle_commun.json by `parcours migrate`, and each territory's extra questions,
// edited by its manager. Every change is a new version; a diagnostic keeps the ids of the
// versions it was answered against, so old answers are always read with their own questions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/store/db.h"
#include "features/diagnostic/form.h"

namespace parcours::diagnostic {

struct StoredForm {
  std::int64_t id = 0;
  std::int64_t version = 0;
  std::optional<std::int64_t> territory_id;
  std::string json;  // as stored
  FormDefinition definition;
  std::int64_t created_at = 0;
};

// The path of the socle commun definition in the repository.
std::string socle_commun_path();

// Stores the definition of `path` as a new version of the socle commun when it differs from the
// latest one (idempotent). Returns the version now current, and whether it was just added.
struct SeedResult {
  std::int64_t version = 0;
  bool added = false;
};
Result<SeedResult> seed_socle_commun(store::Connection& conn, const std::string& path);

// The latest version of the socle commun, or of a territory's extra questions.
std::optional<StoredForm> current_socle_commun(store::Connection& conn);
std::optional<StoredForm> current_territory_extra(store::Connection& conn,
                                                  std::int64_t territory_id);
std::optional<StoredForm> form_by_id(store::Connection& conn, std::int64_t id);

// Validates and stores a territory's extra questions as its next version (journaled). An empty
// list of sections is refused; kInvalid names what is wrong.
Result<StoredForm> save_territory_extra(store::Connection& conn, std::int64_t territory_id,
                                        std::string_view json_text, std::int64_t user_id);

}  // namespace parcours::diagnostic

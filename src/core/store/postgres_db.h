// PostgreSQL adapter of the store (libpq): parameters are sent as text and the server infers
// their types; results are converted by column type (integers and booleans to int64, floating
// and numeric to double, the rest to text).
#pragma once

#include <memory>
#include <string>

#include "core/store/db.h"

namespace parcours::store::internal {

// Opens a pool of connections to `url`; throws StoreError naming the host when unreachable.
std::unique_ptr<Db> open_postgres(const std::string& url, int pool_size);

}  // namespace parcours::store::internal

// SQLite adapter of the store: one file in WAL mode, foreign keys on, a 5 s busy timeout,
// a cache of prepared statements per connection and `$N` parameters bound by name.
#pragma once

#include <memory>
#include <string>

#include "core/store/db.h"

namespace parcours::store::internal {

// Opens a pool of connections to the SQLite file `path`, creating its directory if needed.
std::unique_ptr<Db> open_sqlite(const std::string& path, int pool_size);

}  // namespace parcours::store::internal

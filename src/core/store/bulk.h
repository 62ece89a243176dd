// For a bulk import on a pooled SQLite connection: no memory-mapped reads while it lasts (the
// mapped pages of the whole database would count in the process's resident memory), then the
// connection's own setting again. Nothing on PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>

#include "core/store/db.h"

namespace parcours::store {

class WithoutMemoryMap {
 public:
  explicit WithoutMemoryMap(Connection& conn);
  ~WithoutMemoryMap();
  WithoutMemoryMap(const WithoutMemoryMap&) = delete;
  WithoutMemoryMap& operator=(const WithoutMemoryMap&) = delete;

 private:
  Connection& conn_;
  std::optional<std::int64_t> restore_;  // the setting to put back
};

}  // namespace parcours::store

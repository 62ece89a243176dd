// See bulk.h.
#include "core/store/bulk.h"

#include <exception>
#include <string>

namespace parcours::store {

WithoutMemoryMap::WithoutMemoryMap(Connection& conn) : conn_(conn) {
  if (conn.dialect() != Dialect::kSqlite) return;
  if (auto row = conn.query_one("PRAGMA mmap_size")) restore_ = row->integer(0);
  conn.execute("PRAGMA mmap_size = 0");
}

WithoutMemoryMap::~WithoutMemoryMap() {
  if (!restore_) return;
  try {
    conn_.execute("PRAGMA mmap_size = " + std::to_string(*restore_));
  } catch (const std::exception&) {
    // A broken connection: the pool replaces it, with the default setting.
  }
}

}  // namespace parcours::store

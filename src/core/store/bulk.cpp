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

std::int64_t IdReservation::next(Connection& conn) {
  if (conn.dialect() == Dialect::kPostgres) {
    return conn.query_one("SELECT nextval(pg_get_serial_sequence($1, 'id'))", {table_})->integer(0);
  }
  if (!next_) {
    next_ = conn.query_one(
                    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = "
                    "$1), 0), COALESCE((SELECT MAX(id) FROM " +
                        table_ + "), 0)) + 1",
                    {table_})
                ->integer(0);
  }
  return (*next_)++;
}

}  // namespace parcours::store

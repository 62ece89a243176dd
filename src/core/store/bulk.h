// Helpers of the bulk writers (the CAF import):
// - WithoutMemoryMap: on a pooled SQLite connection, no memory-mapped reads while an import
//   lasts (the mapped pages of the whole database would count in the process's resident
//   memory), then the connection's own setting again. Nothing on PostgreSQL.
// - IdReservation: the ids of rows a writer inserts itself, so that they can wait for a
//   multi-row INSERT (which gives no id back per row) while other rows already name them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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

// The ids of an @ID@ table's next rows, given by the writer itself:
//   IdReservation ids("persons");
//   auto id = ids.next(conn);  // then INSERT INTO persons (id, ...) VALUES (id, ...)
// On PostgreSQL each id is taken from the table's sequence. On SQLite they are counted on from
// the highest id ever given (sqlite_sequence, which an INSERT with its own id moves on as
// AUTOINCREMENT does): that holds while the caller keeps the write lock and inserts its rows
// before anything else inserts into the table. forget() after anything else may have (a row
// inserted another way, a new transaction, a rollback): the next id is read again.
class IdReservation {
 public:
  explicit IdReservation(std::string table) : table_(std::move(table)) {}
  std::int64_t next(Connection& conn);
  void forget() { next_.reset(); }

 private:
  std::string table_;
  std::optional<std::int64_t> next_;  // SQLite: the next id to give
};

}  // namespace parcours::store

// Helpers of the bulk writers (the CAF import):
// - WithoutMemoryMap: on a pooled SQLite connection, no memory-mapped reads while an import
//   lasts (the mapped pages of the whole database would count in the process's resident
//   memory), then the connection's own setting again. Nothing on PostgreSQL.
// - IdReservation: the ids of rows a writer inserts itself, so that they can wait for a
//   multi-row INSERT (which gives no id back per row) while other rows already name them.
// - WalCheckpointer: on SQLite, the WAL checkpointed by a thread of its own.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

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

// On SQLite, the pages a bulk writer commits to the WAL copied into the database by a thread of
// its own, on a second connection of the pool, after each commit: not by the committing thread
// every 1,000 pages, where it was half the time of the commits (0.5 s of the writing thread's
// 6 s for 100,000 CAF households). The writer turns its own checkpoints off
// (PRAGMA wal_autocheckpoint = 0) and calls committed() after each commit.
// A passive checkpoint never blocks the writer. The WAL starts over from its beginning only
// when a transaction starts after a checkpoint copied all of it, which a writer starting the
// next one at once would never let happen: once the WAL holds more than `wal_frames` pages,
// committed() waits for a checkpoint of all that was committed. The WAL then stays under
// `wal_frames` plus three transactions.
class WalCheckpointer {
 public:
  static constexpr std::int64_t kWalFrames = 16384;  // 64 MiB of 4 KiB pages

  explicit WalCheckpointer(Db& db, std::int64_t wal_frames = kWalFrames);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  void committed();

 private:
  void run(const std::stop_token& stop);

  ConnectionLease conn_;
  std::int64_t wal_frames_limit_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  std::int64_t requested_ = 0;
  std::int64_t completed_ = 0;
  std::int64_t wal_frames_ = 0;  // after the last checkpoint
  std::jthread thread_;          // last: started once the members it uses exist, joined first
};

}  // namespace parcours::store

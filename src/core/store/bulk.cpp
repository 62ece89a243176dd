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

WalCheckpointer::WalCheckpointer(Db& db, std::int64_t wal_frames)
    : conn_(db.acquire()),
      wal_frames_limit_(wal_frames),
      thread_([this](const std::stop_token& stop) { run(stop); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);  // not between the thread's test and its wait
    thread_.request_stop();
  }
  wake_.notify_one();
}

void WalCheckpointer::committed() {
  std::unique_lock lock(mutex_);
  // One checkpoint behind at most (it usually ended during the transaction): the length of the
  // WAL it found is then that before this commit.
  done_.wait(lock, [&] { return completed_ >= requested_; });
  std::int64_t request = ++requested_;
  wake_.notify_one();
  if (wal_frames_ > wal_frames_limit_) done_.wait(lock, [&] { return completed_ >= request; });
}

void WalCheckpointer::run(const std::stop_token& stop) {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return requested_ > completed_ || stop.stop_requested(); });
    if (requested_ == completed_) return;  // stopped, nothing left to do
    std::int64_t request = requested_;
    lock.unlock();
    std::int64_t frames = 0;
    try {
      // busy, pages in the WAL, pages copied
      if (auto row = conn_->query_one("PRAGMA wal_checkpoint(PASSIVE)")) frames = row->integer(1);
    } catch (const std::exception&) {
      // Failing: the last connection to close checkpoints what is left.
    }
    lock.lock();
    wal_frames_ = frames;
    completed_ = request;
    done_.notify_all();
  }
}

}  // namespace parcours::store

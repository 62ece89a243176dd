#include "core/store/access_writer.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <iterator>

namespace parcours::store {
namespace {

std::atomic<AccessLogWriter*> installed{nullptr};
thread_local DeferredAccesses* deferred_here = nullptr;

// At most one background checkpoint per interval while rows are written: each one syncs the WAL
// and the file, so fewer and larger is cheaper, and the WAL stays a few MiB.
constexpr auto kCheckpointInterval = std::chrono::milliseconds(100);
// Past this many pages after a background checkpoint, the writer copies the last few itself
// between two commits, so that its next commit starts the WAL over (see the header).
constexpr std::int64_t kCatchUpPages = 2000;
// SQLite's automatic checkpoint at commit, kept as a safety net should the catch-ups fail. Its
// default is 1,000 pages.
constexpr int kWriterCheckpointPages = 20000;
constexpr int kSqliteDefaultCheckpointPages = 1000;
// How often, at most, the indexer copies the new rows into the index by person (SQLite,
// store::index_accesses): each copy writes the leaves of every person read meanwhile once,
// instead of once per commit, and readers scan at most this long's rows past the copy.
constexpr auto kIndexInterval = std::chrono::milliseconds(50);

}  // namespace

namespace internal {

// journal.cpp: the writer to use for a connection outside a transaction, if any.
AccessLogWriter* access_log_writer() { return installed.load(std::memory_order_acquire); }

// journal.cpp: where this thread keeps its rows instead of waiting for their commit, if anywhere.
DeferredAccesses* deferred_accesses() { return deferred_here; }

}  // namespace internal

void install_access_log_writer(AccessLogWriter* writer) {
  installed.store(writer, std::memory_order_release);
}

DeferredAccesses::DeferredAccesses() : previous_(deferred_here) { deferred_here = this; }

DeferredAccesses::~DeferredAccesses() { deferred_here = previous_; }

void DeferredAccesses::add(const std::vector<AccessRecord>& records) {
  records_.insert(records_.end(), records.begin(), records.end());
}

void commit_then(Connection& conn, std::vector<AccessRecord> records,
                 std::function<void(const std::string&)> then) {
  if (auto* writer = internal::access_log_writer()) {
    writer->write_then(std::move(records), std::move(then));
    return;
  }
  std::string error;
  try {
    log_accesses(conn, records);
  } catch (const StoreError& e) {
    error = e.what();
  }
  then(error);
}

AccessLogWriter::AccessLogWriter(Db& db) : conn_(db.acquire()) {
  // Not for an in-memory database (one connection, no WAL): nothing to copy back.
  if (db.dialect() == Dialect::kSqlite &&
      conn_->query_one("PRAGMA access.journal_mode")->text(0) == "wal") {
    conn_->execute_script(fmt::format("PRAGMA wal_autocheckpoint = {}", kWriterCheckpointPages));
    checkpointer_ = std::thread([this, &db] { run_checkpoints(db); });
    indexer_ = std::thread([this, &db] { run_indexer(db); });
  }
  thread_ = std::thread([this] { run(); });
}

AccessLogWriter::~AccessLogWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_.notify_one();
  committed_signal_.notify_all();
  index_signal_.notify_all();
  thread_.join();
  if (indexer_.joinable()) indexer_.join();
  if (checkpointer_.joinable()) {
    checkpointer_.join();
    // The connection goes back to the pool as the others are.
    try {
      conn_->execute_script(
          fmt::format("PRAGMA wal_autocheckpoint = {}", kSqliteDefaultCheckpointPages));
    } catch (const StoreError&) {
      // A connection that fails this will fail its next query too, and be replaced.
    }
  }
}

void AccessLogWriter::write(const std::vector<AccessRecord>& records) {
  if (records.empty()) return;
  std::unique_lock lock(mutex_);
  std::shared_ptr<Batch> batch = open_;
  batch->records.insert(batch->records.end(), records.begin(), records.end());
  work_.notify_one();
  done_.wait(lock, [&] { return batch->done; });
  if (!batch->error.empty()) throw StoreError(batch->error);
}

void AccessLogWriter::write_then(std::vector<AccessRecord> records,
                                 std::function<void(const std::string&)> then) {
  if (records.empty()) {
    then({});
    return;
  }
  {
    std::lock_guard lock(mutex_);
    open_->records.insert(open_->records.end(), std::make_move_iterator(records.begin()),
                          std::make_move_iterator(records.end()));
    open_->then.push_back(std::move(then));
  }
  work_.notify_one();
}

void AccessLogWriter::run() {
  for (;;) {
    std::shared_ptr<Batch> batch;
    {
      std::unique_lock lock(mutex_);
      work_.wait(lock, [&] { return stopping_ || !open_->records.empty(); });
      if (open_->records.empty()) {  // stopping, nothing left
        thread_done_ = true;
        index_signal_.notify_all();
        return;
      }
      batch = std::exchange(open_, std::make_shared<Batch>());
    }
    std::string error;
    try {
      // Not BEGIN IMMEDIATE: on SQLite that would take the write lock of every attached file,
      // the main one included; the INSERT takes the access log's own (sqlite_db.h).
      with_transaction(
          *conn_, [&] { insert_accesses(*conn_, batch->records); }, /*write=*/false);
    } catch (const std::exception& e) {
      error = e.what();
      if (error.empty()) error = "écriture du journal des accès impossible";
    }
    {
      std::lock_guard lock(mutex_);
      if (error.empty()) committed_ = to_index_ = true;
      batch->error = error;
      batch->done = true;
    }
    done_.notify_all();
    committed_signal_.notify_one();
    for (auto& then : batch->then) then(error);
    catch_up();
  }
}

void AccessLogWriter::catch_up() {
  {
    std::lock_guard lock(mutex_);
    if (!catch_up_) return;
  }
  try {
    // What the background checkpoint left: the frames committed while it ran, a few ms' worth.
    conn_->query_one("PRAGMA access.wal_checkpoint(PASSIVE)");
  } catch (const StoreError&) {
    // The rows stay committed in the WAL; the next background checkpoint copies them.
  }
  {
    std::lock_guard lock(mutex_);
    catch_up_ = false;
  }
  committed_signal_.notify_all();
}

void AccessLogWriter::run_indexer(Db& db) {
  auto index = [&db] {
    try {
      index_accesses(*db.acquire());
    } catch (const StoreError&) {
      // Nothing is lost: readers scan the rows past the mark, and the next pass copies them.
    }
  };
  index();  // what the last run of the server left
  std::unique_lock lock(mutex_);
  for (;;) {
    const bool stopping = index_signal_.wait_for(lock, kIndexInterval, [&] { return stopping_; });
    if (stopping && !thread_done_) {
      // The writer's last rows: wait for it, then copy them too.
      index_signal_.wait(lock, [&] { return thread_done_; });
    }
    const bool pass = std::exchange(to_index_, false);
    lock.unlock();
    if (pass) index();
    lock.lock();
    if (stopping) return;
  }
}

void AccessLogWriter::run_checkpoints(Db& db) {
  std::unique_lock lock(mutex_);
  for (;;) {
    committed_signal_.wait(lock, [&] { return stopping_ || committed_; });
    // Let the commits of one interval gather into one checkpoint.
    if (committed_signal_.wait_for(lock, kCheckpointInterval, [&] { return stopping_; })) return;
    committed_ = false;
    lock.unlock();
    std::int64_t wal_pages = 0;
    try {
      // PASSIVE: copies what it can without waiting for the writer or the readers.
      auto row = db.acquire()->query_one("PRAGMA access.wal_checkpoint(PASSIVE)");
      if (row) wal_pages = row->integer(1);
    } catch (const StoreError&) {
      // Nothing is lost: the rows are committed in the WAL, and the next checkpoint (this
      // thread's or the writer's own) copies them.
    }
    lock.lock();
    if (wal_pages >= kCatchUpPages) {
      // The writer copies the rest after its next commit; no pass of this thread meanwhile (it
      // would hold the checkpoint lock that the writer's needs).
      catch_up_ = true;
      committed_signal_.wait(lock, [&] { return stopping_ || !catch_up_; });
      if (stopping_) return;
    }
  }
}

}  // namespace parcours::store

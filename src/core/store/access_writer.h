// Group commit of the access log. Every read of personal data adds rows to `access_log`; written
// by each request on its own, they were one write transaction per page — a quarter of the
// agenda page's time on SQLite, a WAL flush per page on PostgreSQL. The writer gathers the rows
// of all the requests that arrive while it commits and writes them in one transaction; each
// request still waits until its rows are committed, so a page is never served before its read
// is traced.
//
// On SQLite the access log's WAL is checkpointed by a thread of its own. A checkpoint syncs the
// WAL and the file to disk (5 to 50 ms under load); run at commit, as SQLite does by default, it
// stopped every request waiting for that commit: the p99 of the pages. Here the checkpointer
// copies the WAL back in the background (PASSIVE: the writer keeps committing meanwhile). Under
// constant writes a background checkpoint never finds the WAL idle, and only a writer that sees
// it fully copied starts it over: the WAL grew to SQLite's checkpoint at commit (20,000 pages),
// which stopped every waiting page for 20 to 40 ms, three times a second on the agenda. So after
// a background pass that left a long WAL, the writer copies the frames committed meanwhile
// itself, between two commits, and its next commit starts the WAL over: on the agenda at 32
// connections, 6 to 18 ms (median 8) seven times a second, and the page's p99 went from 21 to
// 12-15 ms. Commits are unchanged: as durable as before (synchronous=NORMAL). A third thread
// copies the committed rows into the index by person every 50 ms, in its own file
// (store::index_accesses), so that no commit writes the leaves of that index.
//
//   store::AccessLogWriter writer(db);          // the server, at start
//   store::install_access_log_writer(&writer);  // store::log_access(es) now go through it
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "core/store/db.h"
#include "core/store/journal.h"

namespace parcours::store {

class AccessLogWriter {
 public:
  // Takes one connection of `db` for its own thread.
  explicit AccessLogWriter(Db& db);
  // Writes what is pending, then stops.
  ~AccessLogWriter();
  AccessLogWriter(const AccessLogWriter&) = delete;
  AccessLogWriter& operator=(const AccessLogWriter&) = delete;

  // Returns once `records` are committed; throws StoreError if their transaction failed.
  void write(const std::vector<AccessRecord>& records);
  // Returns at once; `then` runs on the writer's thread once `records` are committed, with an
  // empty string, or with the error of their failed transaction. It must be short (it delays
  // the next commit): the server only posts the sending of a page from it.
  void write_then(std::vector<AccessRecord> records, std::function<void(const std::string&)> then);

 private:
  struct Batch {
    std::vector<AccessRecord> records;
    std::vector<std::function<void(const std::string&)>> then;
    bool done = false;
    std::string error;
  };

  void run();
  void catch_up();
  void run_checkpoints(Db& db);
  void run_indexer(Db& db);

  ConnectionLease conn_;
  std::mutex mutex_;
  std::condition_variable work_;
  std::condition_variable done_;
  std::shared_ptr<Batch> open_ = std::make_shared<Batch>();
  bool stopping_ = false;
  bool committed_ = false;  // since the last background checkpoint (SQLite)
  bool catch_up_ = false;   // the writer is to finish the background checkpoint (SQLite)
  std::condition_variable committed_signal_;
  bool to_index_ = false;     // rows committed since the indexer's last pass (SQLite)
  bool thread_done_ = false;  // the writer's thread has written its last rows
  std::condition_variable index_signal_;
  std::thread thread_;
  std::thread checkpointer_;
  std::thread indexer_;
};

// Sends the log_access(es) of connections outside a transaction to `writer` (nullptr: back to
// direct inserts). A row written inside a caller's transaction stays in it, so that it is
// rolled back with it.
void install_access_log_writer(AccessLogWriter* writer);

// While alive, and if a writer is installed, the log_access(es) of this thread outside a
// transaction are kept here instead of waiting for their commit; the server takes them once a
// page is built and sends the page only after commit_then() reports them committed, so that a
// worker does not sit idle during a commit and one commit carries the rows of more pages.
//
//   store::DeferredAccesses deferred;        // around the building of a GET page
//   ... handler ...                           // log_accesses() returns at once
//   auto rows = deferred.take();             // then commit_then(rows, send-or-fail)
class DeferredAccesses {
 public:
  DeferredAccesses();
  ~DeferredAccesses();
  DeferredAccesses(const DeferredAccesses&) = delete;
  DeferredAccesses& operator=(const DeferredAccesses&) = delete;

  void add(const std::vector<AccessRecord>& records);
  std::vector<AccessRecord> take() { return std::exchange(records_, {}); }

 private:
  std::vector<AccessRecord> records_;
  DeferredAccesses* previous_;
};

// Commits `records` through the installed writer and runs `then` (see write_then); without a
// writer, writes them at once on `conn` and runs `then` before returning.
void commit_then(Connection& conn, std::vector<AccessRecord> records,
                 std::function<void(const std::string&)> then);

}  // namespace parcours::store

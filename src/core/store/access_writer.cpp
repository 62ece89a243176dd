#include "core/store/access_writer.h"

#include <atomic>

namespace parcours::store {
namespace {

std::atomic<AccessLogWriter*> installed{nullptr};

}  // namespace

namespace internal {

// journal.cpp: the writer to use for a connection outside a transaction, if any.
AccessLogWriter* access_log_writer() { return installed.load(std::memory_order_acquire); }

}  // namespace internal

void install_access_log_writer(AccessLogWriter* writer) {
  installed.store(writer, std::memory_order_release);
}

AccessLogWriter::AccessLogWriter(Db& db) : conn_(db.acquire()) {
  thread_ = std::thread([this] { run(); });
}

AccessLogWriter::~AccessLogWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_.notify_one();
  thread_.join();
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

void AccessLogWriter::run() {
  for (;;) {
    std::shared_ptr<Batch> batch;
    {
      std::unique_lock lock(mutex_);
      work_.wait(lock, [&] { return stopping_ || !open_->records.empty(); });
      if (open_->records.empty()) return;  // stopping, nothing left
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
      batch->error = std::move(error);
      batch->done = true;
    }
    done_.notify_all();
  }
}

}  // namespace parcours::store

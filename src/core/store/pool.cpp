#include "core/store/pool.h"

#include <spdlog/spdlog.h>

namespace parcours::store::internal {
namespace {

// Beyond this idle time a connection may have been dropped by a firewall or a server restart.
constexpr auto kIdleBeforePing = std::chrono::seconds(30);
// A thread waiting longer than this for a connection means the pool is exhausted (or a thread
// holds two leases): fail loudly rather than hang.
constexpr auto kAcquireTimeout = std::chrono::seconds(30);

}  // namespace

PooledDb::PooledDb(Dialect dialect, int max_size, Factory factory, BrokenCheck broken)
    : dialect_(dialect),
      max_size_(max_size < 1 ? 1 : max_size),
      factory_(std::move(factory)),
      broken_(std::move(broken)) {
  // Opening one connection up front reports a wrong URL or an unreachable server at start-up.
  idle_.push_back({factory_(), std::chrono::steady_clock::now()});
  open_ = 1;
}

PooledDb::~PooledDb() = default;

ConnectionLease PooledDb::acquire() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!idle_.empty()) {
      Idle idle = std::move(idle_.back());
      idle_.pop_back();
      lock.unlock();
      bool stale = std::chrono::steady_clock::now() - idle.since > kIdleBeforePing;
      if (!broken_(*idle.conn) && (!stale || idle.conn->ping())) {
        return ConnectionLease(this, std::move(idle.conn));
      }
      spdlog::warn("connexion à la base inutilisable, remplacée");
      idle.conn.reset();
      try {
        return ConnectionLease(this, factory_());
      } catch (...) {
        lock.lock();
        --open_;
        available_.notify_one();
        throw;
      }
    }
    if (open_ < max_size_) {
      ++open_;
      lock.unlock();
      try {
        return ConnectionLease(this, factory_());
      } catch (...) {
        lock.lock();
        --open_;
        available_.notify_one();
        throw;
      }
    }
    if (!available_.wait_for(lock, kAcquireTimeout,
                             [&] { return !idle_.empty() || open_ < max_size_; })) {
      throw StoreError("Aucune connexion à la base de données disponible après 30 secondes.");
    }
  }
}

void PooledDb::release(std::unique_ptr<Connection> conn) {
  bool keep = true;
  try {
    if (conn->in_transaction()) conn->rollback();
  } catch (const std::exception& e) {
    spdlog::warn("connexion abandonnée : {}", e.what());
    keep = false;
  }
  if (keep && broken_(*conn)) keep = false;
  if (!keep) conn.reset();
  std::lock_guard lock(mutex_);
  if (keep) {
    idle_.push_back({std::move(conn), std::chrono::steady_clock::now()});
  } else {
    --open_;
  }
  available_.notify_one();
}

}  // namespace parcours::store::internal

// The connection pool shared by both adapters: up to `max_size` connections, created lazily,
// each lent to one thread at a time. A connection that has been idle for a while, or that its
// adapter reports as broken, is checked with `ping()` before being lent again and replaced when
// the check fails; a connection returned in the middle of a transaction is rolled back first.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/store/db.h"

namespace parcours::store::internal {

class PooledDb : public Db {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;
  // Tells, without a round trip, whether a connection is known to be unusable.
  using BrokenCheck = std::function<bool(Connection&)>;

  PooledDb(Dialect dialect, int max_size, Factory factory, BrokenCheck broken);
  ~PooledDb() override;

  Dialect dialect() const override { return dialect_; }
  ConnectionLease acquire() override;

 protected:
  void release(std::unique_ptr<Connection> conn) override;

 private:
  struct Idle {
    std::unique_ptr<Connection> conn;
    std::chrono::steady_clock::time_point since;
  };

  Dialect dialect_;
  int max_size_;
  Factory factory_;
  BrokenCheck broken_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<Idle> idle_;
  int open_ = 0;  // lent + idle
};

}  // namespace parcours::store::internal

#include "core/http/worker_pool.h"

namespace parcours::http {

WorkerPool::WorkerPool(int workers, int queue_limit)
    : workers_(workers < 1 ? 1 : workers),
      queue_limit_(queue_limit < 1 ? 1 : static_cast<std::size_t>(queue_limit)) {}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::start() {
  std::lock_guard lock(mutex_);
  if (!threads_.empty()) return;
  stopping_ = false;
  for (int i = 0; i < workers_; ++i) threads_.emplace_back([this, i] { work(i); });
}

bool WorkerPool::try_submit(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= queue_limit_) return false;
    queue_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

void WorkerPool::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    threads.swap(threads_);
  }
  ready_.notify_all();
  for (auto& thread : threads) thread.join();
}

void WorkerPool::work(int index) {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job(index);
  }
}

}  // namespace parcours::http

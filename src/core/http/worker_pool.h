// A fixed pool of worker threads with a bounded waiting queue. `try_submit` never blocks: when
// `queue_limit` jobs already wait, it refuses, so the caller can answer 503 at once instead of
// letting latency grow without bound. Each job learns the index of the thread running it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace parcours::http {

class WorkerPool {
 public:
  using Job = std::move_only_function<void(int worker)>;

  WorkerPool(int workers, int queue_limit);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void start();
  // Queues a job; false when the queue is full or the pool is shutting down.
  bool try_submit(Job job);
  // Runs the jobs already queued, then joins the threads.
  void shutdown();

 private:
  void work(int index);

  int workers_;
  std::size_t queue_limit_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace parcours::http

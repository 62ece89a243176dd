// A thread of its own that takes items from a queue one at a time: for the long imports, which
// commit batch by batch and so cannot run inside a job's transaction. The job runner only hands
// the item over (push). `stopping()` lets the work stop between two batches on shutdown.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace parcours::jobs {

template <typename Item>
class QueueThread {
 public:
  ~QueueThread() { shutdown(); }

  // Starts the thread (once); `work` runs for each item pushed, in order.
  void start(std::function<void(Item&)> work) {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    work_ = std::move(work);
    stop_ = false;
    thread_ = std::thread([this] { loop(); });
  }

  void push(Item item) {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(item));
    wake_.notify_one();
  }

  // Asks the current item to stop at its next check, drops the queue's rest and waits.
  void shutdown() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
      wake_.notify_all();
    }
    if (thread_.joinable()) thread_.join();
  }

  bool stopping() const { return stop_.load(); }

 private:
  void loop() {
    for (;;) {
      Item item;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (stop_) return;
        item = std::move(queue_.front());
        queue_.pop_front();
      }
      work_(item);
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Item> queue_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::function<void(Item&)> work_;
};

}  // namespace parcours::jobs

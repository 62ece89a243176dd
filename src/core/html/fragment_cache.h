#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace parcours::html {

// Rendered pieces of pages kept in memory while the data they show is unchanged. Each piece has
// a key (an organisation's id, say) and the version of its data, a counter that the database
// bumps on every change (triggers, see migration 0014), so that every server of a cluster sees
// the change whoever wrote it. A lookup with another version misses. Thread-safe; when full, the
// cache is emptied and fills again.
class FragmentCache {
 public:
  explicit FragmentCache(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const std::string> get(std::int64_t key, std::int64_t version) const {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(key);
    if (found == entries_.end() || found->second.version != version) return nullptr;
    return found->second.html;
  }

  void put(std::int64_t key, std::int64_t version, std::shared_ptr<const std::string> html) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_ && !entries_.contains(key)) entries_.clear();
    entries_[key] = {version, std::move(html)};
  }

 private:
  struct Entry {
    std::int64_t version = 0;
    std::shared_ptr<const std::string> html;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, Entry> entries_;
  std::size_t capacity_;
};

}  // namespace parcours::html

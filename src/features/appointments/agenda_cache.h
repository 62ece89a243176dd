// A professional's week agenda kept in memory while what it shows is unchanged: the rendered
// content of GET /agenda (rows, day links, count to update) and the persons it lists, whose
// reads are still written to the access log at every view. An entry is keyed by the professional
// and the week's Monday, and is valid for one version of their agenda (users.agenda_version,
// bumped by triggers on every change of their appointments and on the renaming of a person they
// meet, migration 0029: every server of a cluster sees a change whoever wrote it) and one first
// day of the "Jour" link (it depends on today's date). Only the professional themself sees their
// agenda: the policy decides before the cache is asked.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace parcours::appointments {

struct CachedWeek {
  std::string content;                   // HTML of templates/appointments/week.tpl
  std::vector<std::int64_t> person_ids;  // the persons listed, in the page's order
};

// Thread-safe; when full, emptied and filled again.
class WeekCache {
 public:
  struct Key {
    std::int64_t user_id = 0;
    std::int64_t monday = 0;     // days since the epoch
    std::int64_t first_day = 0;  // days since the epoch
    std::int64_t version = 0;    // users.agenda_version
    bool operator==(const Key&) const = default;
  };

  explicit WeekCache(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const CachedWeek> get(const Key& key) const {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(slot(key));
    if (found == entries_.end() || !(found->second.key == key)) return nullptr;
    return found->second.week;
  }

  void put(const Key& key, std::shared_ptr<const CachedWeek> week) {
    std::lock_guard lock(mutex_);
    auto at = slot(key);
    if (entries_.size() >= capacity_ && !entries_.contains(at)) entries_.clear();
    entries_[at] = {key, std::move(week)};
  }

 private:
  struct Slot {
    std::int64_t user_id;
    std::int64_t monday;
    bool operator==(const Slot&) const = default;
  };
  struct SlotHash {
    std::size_t operator()(const Slot& s) const {
      return std::hash<std::int64_t>{}(s.user_id * 1000003 + s.monday);
    }
  };
  struct Entry {
    Key key;
    std::shared_ptr<const CachedWeek> week;
  };
  static Slot slot(const Key& key) { return {key.user_id, key.monday}; }

  mutable std::mutex mutex_;
  std::unordered_map<Slot, Entry, SlotHash> entries_;
  std::size_t capacity_;
};

}  // namespace parcours::appointments

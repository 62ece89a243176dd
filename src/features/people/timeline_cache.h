// The carnet de bord of a person's page kept in memory while what it shows is unchanged: the
// authors of its filter, the HTML of its first page of events (no filter, no cursor) and the
// person's notes (every note is journaled when written and never changed: a correction is a new
// note), which were a third of the page's cost, then their text a tenth of what remained. The
// version is read from the database at every page, so every server of a cluster sees a change
// whoever wrote it: the number and the last seq of the journal events of the person's records (the
// journal is append-only; a purge deletes, hence the count), and the version of display names
// (accounts, organisations, territories, named by the sentences), bumped by triggers on renames
// (migration 0026). Nothing in an entry depends on who looks: whoever may see the journey sees the
// same carnet (the policy decides before the cache is asked), which notes a viewer may read is
// decided at each page, and the dates are absolute.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/store/db.h"
#include "features/people/notes.h"
#include "features/people/timeline.h"

namespace parcours::people {

struct TimelineVersion {
  std::int64_t events = 0;
  std::int64_t last_seq = 0;
  std::int64_t names = 0;
  bool operator==(const TimelineVersion&) const = default;
};

// One query: the journal of `records` (person_record_ids) and the display names version.
TimelineVersion timeline_version(store::Connection& conn, const std::vector<std::int64_t>& records);

struct CachedTimeline {
  std::vector<TimelineAuthor> authors;
  std::string first_page;   // HTML of the newest events, unfiltered
  std::vector<Note> notes;  // notes_of_person: whole
};

// Thread-safe; keyed by the person's records; when full, emptied and filled again.
class TimelineCache {
 public:
  explicit TimelineCache(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const CachedTimeline> get(const std::vector<std::int64_t>& records,
                                            const TimelineVersion& version) const {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(records.front());
    if (found == entries_.end() || found->second.version != version ||
        found->second.records != records) {
      return nullptr;
    }
    return found->second.timeline;
  }

  void put(const std::vector<std::int64_t>& records, const TimelineVersion& version,
           std::shared_ptr<const CachedTimeline> timeline) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_ && !entries_.contains(records.front())) entries_.clear();
    entries_[records.front()] = {records, version, std::move(timeline)};
  }

 private:
  struct Entry {
    std::vector<std::int64_t> records;
    TimelineVersion version;
    std::shared_ptr<const CachedTimeline> timeline;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, Entry> entries_;
  std::size_t capacity_;
};

}  // namespace parcours::people

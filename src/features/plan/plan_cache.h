// Rendered plan fragments kept in memory while what they show is unchanged: the plan section of
// a journey page (templates/plan/section.tpl) and the content of the plan page
// (templates/plan/show.tpl, its forms' CSRF token left as a stand-in replaced at each view). An
// entry is keyed by the journey and the viewer's rights, and is valid for one key: the person the
// journey belongs to and their name (the links and headings name them; a merge moves journeys),
// the plan's version (journeys.plan_version, bumped by triggers on every write of the plan, its
// goals, actions and points d'étape and on the renaming of a catalogue structure its actions
// name, migration 0029), the display names version (carriers, responsibles, who recorded a point
// d'étape: migration 0028), today's date (the late point d'étape notice) and whether the viewer
// may edit the plan or decide (buttons and forms). Every server of a cluster sees a change
// whoever wrote it. Whether the viewer may see the plan at all is decided by the policy before
// the cache is asked.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace parcours::plan {

struct CachedFragment {
  std::string html;
  bool shows_person = false;  // something of the person is shown: the read is logged
};

// Thread-safe; when full, emptied and filled again.
class PlanFragmentCache {
 public:
  struct Key {
    std::int64_t journey_id = 0;
    std::int64_t person_id = 0;
    std::string person_name;  // as the fragment shows it ("" when it does not)
    std::int64_t plan_version = 0;
    std::int64_t names_version = 0;
    std::string today;  // YYYY-MM-DD, Paris
    bool can_edit = false;
    bool can_decide = false;
    bool operator==(const Key&) const = default;
  };

  explicit PlanFragmentCache(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const CachedFragment> get(const Key& key) const {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(slot(key));
    if (found == entries_.end() || !(found->second.key == key)) return nullptr;
    return found->second.fragment;
  }

  void put(const Key& key, std::shared_ptr<const CachedFragment> fragment) {
    std::lock_guard lock(mutex_);
    auto at = slot(key);
    if (entries_.size() >= capacity_ && !entries_.contains(at)) entries_.clear();
    entries_[at] = {key, std::move(fragment)};
  }

 private:
  struct Entry {
    Key key;
    std::shared_ptr<const CachedFragment> fragment;
  };
  // A journey's viewers with different rights each keep their entry.
  static std::int64_t slot(const Key& key) {
    return key.journey_id * 4 + (key.can_edit ? 2 : 0) + (key.can_decide ? 1 : 0);
  }

  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, Entry> entries_;
  std::size_t capacity_;
};

}  // namespace parcours::plan

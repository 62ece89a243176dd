// Merging two records found to be one person, by a territory manager: the merged record points
// to the kept one (merged_into) and disappears from search; the kept record takes the values it
// lacked (with their sources), the journeys (a second active journey in the same territory is
// closed into the kept one, its team joining the kept team) and the objections. What is needed
// to undo it is kept in person_merges.snapshot, and the merge can be undone for 30 days.
// Journaled on both records (person.merged / person.unmerged). The journal itself is never
// rewritten: the timeline reads the events of merged records with the kept one's.
//
//   auto merge_id = merge_persons(conn, kept, duplicate, manager_id);
//   unmerge(conn, *merge_id, manager_id);
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::people {

inline constexpr std::int64_t kUnmergeWindowSeconds = 30 * 24 * 3600;

// kInvalid (field "other_id") when the records are the same or one is already merged.
Result<std::int64_t> merge_persons(store::Connection& conn, std::int64_t kept_id,
                                   std::int64_t merged_id, std::int64_t actor_id);

// kConflict when already undone, older than 30 days, or the kept record was merged since.
Result<void> unmerge(store::Connection& conn, std::int64_t merge_id, std::int64_t actor_id);

struct MergeRecord {
  std::int64_t id = 0;
  std::int64_t kept_id = 0;
  std::int64_t merged_id = 0;
  std::int64_t user_id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> undone_at;

  bool undoable(std::int64_t now) const { return !undone_at && now - at <= kUnmergeWindowSeconds; }
};
std::optional<MergeRecord> find_merge(store::Connection& conn, std::int64_t merge_id);
// Merges into this record, newest first.
std::vector<MergeRecord> merges_into(store::Connection& conn, std::int64_t kept_id);

}  // namespace parcours::people

// The carnet de bord timeline: every journal event of a person (including those of records
// merged into theirs), newest first, told in French, filterable by kind and by author, paged by
// a `before` cursor on the journal's seq (which never shifts). Reading the notes the events
// point at is the policy's business: the timeline only tells that a note was written.
//
//   auto page = person_timeline(conn, person_id, {.kind = "note.added", .limit = 50});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/db.h"
#include "core/store/journal.h"

namespace parcours::people {

// The person's id and the ids of the records merged into it (at any depth).
std::vector<std::int64_t> person_record_ids(store::Connection& conn, std::int64_t person_id);

struct TimelineFilter {
  std::optional<std::string> kind;         // exact kind, e.g. "note.added"
  std::optional<std::int64_t> author_id;   // the journal's actor
  std::optional<std::int64_t> before_seq;  // cursor: events older than this one
  int limit = 200;
};

struct TimelineEntry {
  store::Event event;
  std::string sentence;  // « Sofia Martin (CD 08) a ajouté une note »
  std::string when;      // « 12 mars 2027 à 10:42 »
  std::string author;    // « Sofia Martin (CD 08) »
};

struct TimelinePage {
  std::vector<TimelineEntry> entries;
  std::optional<std::int64_t> next_before;  // when older events remain
};

TimelinePage person_timeline(store::Connection& conn, std::int64_t person_id,
                             const TimelineFilter& filter = {});
// The same for `records`, the person_record_ids the caller has already read.
TimelinePage person_timeline(store::Connection& conn, const std::vector<std::int64_t>& records,
                             const TimelineFilter& filter = {});

// The accounts that wrote in the person's journal (for the author filter), by name.
struct TimelineAuthor {
  std::int64_t user_id = 0;
  std::string name;
};
std::vector<TimelineAuthor> timeline_authors(store::Connection& conn, std::int64_t person_id);
std::vector<TimelineAuthor> timeline_authors(store::Connection& conn,
                                             const std::vector<std::int64_t>& records);

}  // namespace parcours::people

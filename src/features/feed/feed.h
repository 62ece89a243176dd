// The partner change feed: the journal events an organisation may see, in feed order, paged by
// a cursor (`after`, a feed position) that never shifts, so that a partner following it sees
// every event exactly once, even while events are being written.
//
// Feed positions: on SQLite, the journal's seq (writes are serialised, so seq order is commit
// order); on PostgreSQL, the position numbered at commit time by the feed migration's deferred
// trigger (table journal_feed), because there a smaller seq can commit after a larger one.
//
// Need to know: an organisation sees the events of the persons whose journey's team includes
// one of its members now (an active member of any journey of the person, open or closed).
// Those are the persons whose carnet de bord its professionals read in the pages; events with no
// person (accounts, organisations) are the service's own business and never in the feed.
//
//   auto page = feed::read_feed(conn, organisation_id, {.after = 0, .limit = 1000});
//   std::string body = feed::page_json(page);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/db.h"

namespace parcours::feed {

inline constexpr int kDefaultLimit = 100;
inline constexpr int kMaxLimit = 1000;

struct FeedEvent {
  std::int64_t position = 0;
  std::int64_t seq = 0;
  std::int64_t at = 0;
  std::string kind;
  std::int64_t person_id = 0;
  std::int64_t journey_id = 0;  // the person's journey in which the organisation is in the team
  std::optional<std::int64_t> actor_id;
  std::string payload_json;
};

struct FeedQuery {
  std::int64_t after = 0;
  int limit = kDefaultLimit;
};

struct FeedPage {
  std::vector<FeedEvent> events;
  // The cursor for the next call: the last position served, or further on when the page was
  // not full (every position up to it was visible and none of the rest is for this partner).
  std::int64_t next_after = 0;
  bool has_more = false;  // the page was full: call again at once
};

FeedPage read_feed(store::Connection& conn, std::int64_t organisation_id, const FeedQuery& query);

// The last feed position visible now (0 when the journal is empty).
std::int64_t feed_head(store::Connection& conn);

// JSON of one event (the shape documented in docs/api/feed.md and the OpenAPI document):
// {"position":…,"seq":…,"type":"note.added","occurred_at":"2027-03-12T10:42:00Z",
//  "person_id":…,"journey_id":…,"actor_id":…|null,"data":{…}}
void append_event_json(std::string& out, const FeedEvent& event);
std::string event_json(const FeedEvent& event);
// {"events":[…],"next_after":…,"has_more":…}
std::string page_json(const FeedPage& page);

// Whether `kind` matches a space-separated list of types and prefixes ending with '.'
// ("note." matches "note.added"); an empty list matches every type.
bool type_matches(std::string_view filter, std::string_view kind);

}  // namespace parcours::feed

// The change feed: one indexed range query per page, the visibility filter as index lookups on the
// organisation's active team memberships, JSON written directly into one string.
#include "features/feed/feed.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/clock.h"

namespace parcours::feed {
namespace {

// Whether the organisation has an active member in a team of the event's person, and through
// which journey: two index lookups per event (journeys_person, journey_members_team), so that a
// page costs the same whatever the number of persons the organisation follows.
constexpr const char* kTeamJourneys =
    "FROM journeys jr JOIN journey_members m ON m.journey_id = jr.id WHERE jr.person_id = "
    "j.person_id AND m.organisation_id = $2 AND m.left_at IS NULL";

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

}  // namespace

FeedPage read_feed(store::Connection& conn, std::int64_t organisation_id, const FeedQuery& query) {
  // The head first: every position up to it is final when the events are read afterwards.
  std::int64_t head = feed_head(conn);
  std::string sql;
  if (conn.dialect() == store::Dialect::kSqlite) {
    sql = fmt::format(
        "SELECT j.seq, j.seq, j.at, j.kind, j.person_id, (SELECT MAX(jr.id) {0}), j.actor_id, "
        "j.payload FROM journal j WHERE j.seq > $1 AND EXISTS (SELECT 1 {0}) "
        "ORDER BY j.seq LIMIT $3",
        kTeamJourneys);
  } else {
    // One lateral lookup per event gives both the filter and the journey.
    sql = fmt::format(
        "SELECT f.position, j.seq, j.at, j.kind, j.person_id, v.journey_id, j.actor_id, "
        "j.payload FROM journal_feed f JOIN journal j ON j.seq = f.seq "
        "CROSS JOIN LATERAL (SELECT MAX(jr.id) AS journey_id {0}) v "
        "WHERE f.position > $1 AND v.journey_id IS NOT NULL ORDER BY f.position LIMIT $3",
        kTeamJourneys);
  }
  int limit = std::clamp(query.limit, 1, kMaxLimit);
  FeedPage page;
  auto rows = conn.query(sql, {query.after, organisation_id, std::int64_t{limit}});
  page.events.reserve(rows.size());
  for (const auto& row : rows) {
    page.events.push_back({row.integer(0), row.integer(1), row.integer(2), row.text(3),
                           row.integer(4), row.integer(5), row.opt_integer(6), row.text(7)});
  }
  page.has_more = static_cast<int>(page.events.size()) == limit;
  page.next_after = page.events.empty() ? query.after : page.events.back().position;
  if (!page.has_more) page.next_after = std::max(page.next_after, head);
  return page;
}

std::int64_t feed_head(store::Connection& conn) {
  auto row = conn.query_one(conn.dialect() == store::Dialect::kSqlite
                                ? "SELECT COALESCE(MAX(seq), 0) FROM journal"
                                : "SELECT COALESCE(MAX(position), 0) FROM journal_feed");
  return row ? row->integer(0) : 0;
}

void append_event_json(std::string& out, const FeedEvent& event) {
  fmt::format_to(std::back_inserter(out), R"({{"position":{},"seq":{},"type":)", event.position,
                 event.seq);
  append_json_string(out, event.kind);
  fmt::format_to(std::back_inserter(out),
                 R"(,"occurred_at":"{}","person_id":{},"journey_id":{},"actor_id":)",
                 format_iso8601(event.at), event.person_id, event.journey_id);
  if (event.actor_id) {
    fmt::format_to(std::back_inserter(out), "{}", *event.actor_id);
  } else {
    out += "null";
  }
  out += R"(,"data":)";
  out += event.payload_json.empty() ? "{}" : event.payload_json;
  out.push_back('}');
}

std::string event_json(const FeedEvent& event) {
  std::string out;
  append_event_json(out, event);
  return out;
}

std::string page_json(const FeedPage& page) {
  std::string out;
  out.reserve(64 + page.events.size() * 256);
  out += R"({"events":[)";
  for (std::size_t i = 0; i < page.events.size(); ++i) {
    if (i) out.push_back(',');
    append_event_json(out, page.events[i]);
  }
  fmt::format_to(std::back_inserter(out), R"(],"next_after":{},"has_more":{}}})", page.next_after,
                 page.has_more ? "true" : "false");
  return out;
}

bool type_matches(std::string_view filter, std::string_view kind) {
  bool any = false;
  std::size_t start = 0;
  while (start < filter.size()) {
    auto end = filter.find(' ', start);
    if (end == std::string_view::npos) end = filter.size();
    auto item = filter.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    any = true;
    if (item.back() == '.' ? kind.starts_with(item) : kind == item) return true;
  }
  return !any;
}

}  // namespace parcours::feed

#include "features/people/timeline.h"

#include <algorithm>

#include "core/clock.h"
#include "features/people/events.h"
#include "features/people/timeline_cache.h"

namespace parcours::people {
namespace {

std::string id_list(const std::vector<std::int64_t>& ids, store::Params& params) {
  std::string list;
  for (auto id : ids) {
    params.add(id);
    list += (list.empty() ? "$" : ", $") + std::to_string(params.values().size());
  }
  return list;
}

}  // namespace

std::vector<std::int64_t> person_record_ids(store::Connection& conn, std::int64_t person_id) {
  std::vector<std::int64_t> ids{person_id};
  for (std::size_t i = 0; i < ids.size() && ids.size() < 64; ++i) {
    for (const auto& row :
         conn.query("SELECT id FROM persons WHERE merged_into = $1 ORDER BY id", {ids[i]})) {
      if (std::find(ids.begin(), ids.end(), row.integer(0)) == ids.end()) {
        ids.push_back(row.integer(0));
      }
    }
  }
  return ids;
}

TimelinePage person_timeline(store::Connection& conn, std::int64_t person_id,
                             const TimelineFilter& filter) {
  return person_timeline(conn, person_record_ids(conn, person_id), filter);
}

TimelinePage person_timeline(store::Connection& conn, const std::vector<std::int64_t>& records,
                             const TimelineFilter& filter) {
  store::Params params;
  std::string sql =
      "SELECT seq, at, kind, territory_id, person_id, actor_id, payload FROM journal WHERE "
      "person_id IN (" +
      id_list(records, params) + ")";
  auto next = [&] { return "$" + std::to_string(params.values().size()); };
  if (filter.kind) {
    params.add(*filter.kind);
    sql += " AND kind = " + next();
  }
  if (filter.author_id) {
    params.add(*filter.author_id);
    sql += " AND actor_id = " + next();
  }
  if (filter.before_seq) {
    params.add(*filter.before_seq);
    sql += " AND seq < " + next();
  }
  int limit = std::clamp(filter.limit, 1, 1000);
  params.add(std::int64_t{limit + 1});
  sql += " ORDER BY seq DESC LIMIT " + next();

  TimelinePage page;
  std::vector<store::Event> events;
  for (const auto& row : conn.query(sql, params)) {
    if (static_cast<int>(events.size()) == limit) {
      page.next_before = events.back().seq;
      break;
    }
    events.push_back({row.integer(0), row.integer(1), row.text(2), row.opt_integer(3),
                      row.opt_integer(4), row.opt_integer(5), row.text(6)});
  }
  std::vector<boost::json::object> payloads;  // each parsed once
  payloads.reserve(events.size());
  for (const store::Event& event : events) payloads.push_back(EventNarrator::parse_payload(event));
  EventNarrator narrator(conn);
  narrator.prefetch(events, payloads);  // every name cited, in three queries
  page.entries.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    store::Event& event = events[i];
    std::string sentence = narrator.sentence(event, payloads[i]);
    std::string when = format_datetime_fr(event.at);
    std::string author = narrator.author(event, payloads[i]);
    page.entries.push_back({.event = std::move(event),
                            .sentence = std::move(sentence),
                            .when = std::move(when),
                            .author = std::move(author)});
  }
  return page;
}

TimelineVersion timeline_version(store::Connection& conn,
                                 const std::vector<std::int64_t>& records) {
  store::Params params;
  std::string sql =
      "SELECT count(*), coalesce(max(seq), 0), (SELECT version FROM names_version WHERE id = 1) "
      "FROM journal WHERE person_id IN (" +
      id_list(records, params) + ")";  // journal_person
  auto row = conn.query_one(sql, params);
  return {row->integer(0), row->integer(1), row->integer(2)};
}

std::vector<TimelineAuthor> timeline_authors(store::Connection& conn, std::int64_t person_id) {
  return timeline_authors(conn, person_record_ids(conn, person_id));
}

std::vector<TimelineAuthor> timeline_authors(store::Connection& conn,
                                             const std::vector<std::int64_t>& records) {
  store::Params params;
  std::string sql =
      "SELECT u.id, u.name FROM (SELECT DISTINCT actor_id FROM journal WHERE person_id IN (" +
      id_list(records, params) +
      ")) a JOIN users u ON u.id = a.actor_id ORDER BY u.name, u.id";  // journal_person_actor
  std::vector<TimelineAuthor> out;
  for (const auto& row : conn.query(sql, params)) out.push_back({row.integer(0), row.text(1)});
  return out;
}

}  // namespace parcours::people

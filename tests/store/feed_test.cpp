// The change feed on both engines: who sees what, paging, and continuity while events are being
// written concurrently (a reader following the cursor sees every event exactly once).
#include "features/feed/feed.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "core/store/journal.h"
#include "store/people_fixture.h"

namespace parcours::test {
namespace {

namespace json = boost::json;

class FeedTest : public PeopleTest {
 protected:
  // A person with a journey whose team has `user_id` of `organisation_id`; returns {person,
  // journey}.
  std::pair<std::int64_t, std::int64_t> followed_person(store::Connection& conn, const char* name,
                                                        std::int64_t user_id,
                                                        std::int64_t organisation_id) {
    auto person = conn.query_one(
                          "INSERT INTO persons (territory_id, birth_name, first_names, created_at, "
                          "updated_at) VALUES ($1, $2, 'Test', 0, 0) RETURNING id",
                          {world_.ardennes, name})
                      ->integer(0);
    auto journey = conn.query_one(
                           "INSERT INTO journeys (person_id, territory_id, entry, opened_at, "
                           "last_activity_at) VALUES ($1, $2, 'professional', 0, 0) RETURNING id",
                           {person, world_.ardennes})
                       ->integer(0);
    conn.execute(
        "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) "
        "VALUES ($1, $2, $3, 'member', 0)",
        {journey, user_id, organisation_id});
    return {person, journey};
  }

  std::int64_t event(store::Connection& conn, std::int64_t person, const std::string& kind,
                     std::string payload = R"({"journey_id":1})") {
    return store::append_event(conn, {.kind = kind,
                                      .territory_id = world_.ardennes,
                                      .person_id = person,
                                      .actor_id = world_.referent,
                                      .payload_json = std::move(payload)});
  }
};

TEST_P(FeedTest, AnOrganisationSeesTheEventsOfThePersonsItsMembersFollow) {
  auto conn = db().acquire();
  auto [mine, my_journey] = followed_person(*conn, "Durand", world_.referent, world_.cd08);
  auto [theirs, their_journey] =
      followed_person(*conn, "Benali", world_.colleague, world_.mission_locale);
  event(*conn, mine, "note.added", R"({"journey_id":1,"note_id":7,"visibility":"team"})");
  event(*conn, theirs, "note.added");
  store::append_event(*conn, {.kind = "organisation.created", .territory_id = world_.ardennes});
  event(*conn, mine, "person.updated", R"({"section":"contact","fields":["email"]})");

  auto page = feed::read_feed(*conn, world_.cd08, {.after = 0, .limit = 100});
  ASSERT_EQ(page.events.size(), 2u);
  EXPECT_EQ(page.events[0].kind, "note.added");
  EXPECT_EQ(page.events[1].kind, "person.updated");
  EXPECT_LT(page.events[0].position, page.events[1].position);
  EXPECT_FALSE(page.has_more);
  // The page was not full: the cursor moves to the head, past the events of others.
  EXPECT_EQ(page.next_after, feed::feed_head(*conn));

  auto body = json::parse(feed::page_json(page)).as_object();
  const auto& first = body.at("events").as_array().at(0).as_object();
  EXPECT_EQ(first.at("type").as_string(), "note.added");
  EXPECT_EQ(first.at("person_id").as_int64(), mine);
  EXPECT_EQ(first.at("journey_id").as_int64(), my_journey);
  EXPECT_EQ(first.at("actor_id").as_int64(), world_.referent);
  EXPECT_EQ(first.at("data").at("note_id").as_int64(), 7);
  EXPECT_EQ(first.at("occurred_at").as_string().size(), 20u);  // 2027-03-12T10:42:00Z
  EXPECT_EQ(body.at("has_more").as_bool(), false);

  // The mission locale sees only its person; the CCAS (in no team) nothing.
  EXPECT_EQ(feed::read_feed(*conn, world_.mission_locale, {}).events.size(), 1u);
  EXPECT_TRUE(feed::read_feed(*conn, world_.ccas, {}).events.empty());

  // A member who left: the organisation no longer follows the person.
  conn->execute("UPDATE journey_members SET left_at = 1 WHERE journey_id = $1", {my_journey});
  EXPECT_TRUE(feed::read_feed(*conn, world_.cd08, {}).events.empty());
}

TEST_P(FeedTest, PagesFollowTheCursorWithoutGapNorRepeat) {
  auto conn = db().acquire();
  auto [mine, journey] = followed_person(*conn, "Durand", world_.referent, world_.cd08);
  auto [theirs, other] = followed_person(*conn, "Benali", world_.colleague, world_.mission_locale);
  std::vector<std::int64_t> expected;
  for (int i = 0; i < 25; ++i) {
    expected.push_back(event(*conn, mine, "note.added"));
    event(*conn, theirs, "note.added");
  }
  std::vector<std::int64_t> seen;
  std::int64_t after = 0;
  int pages = 0;
  for (;;) {
    auto page = feed::read_feed(*conn, world_.cd08, {.after = after, .limit = 10});
    ++pages;
    for (const auto& e : page.events) seen.push_back(e.seq);
    after = page.next_after;
    if (!page.has_more) break;
  }
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(pages, 3);
  EXPECT_TRUE(feed::read_feed(*conn, world_.cd08, {.after = after}).events.empty());
}

// On PostgreSQL a transaction holding a smaller seq can commit after one holding a larger seq:
// the feed serves events in commit order, so the late one is served after, not skipped.
TEST_P(FeedTest, AnEventCommittedLateIsServedAfterNotSkipped) {
  auto setup = db().acquire();
  auto [mine, journey] = followed_person(*setup, "Durand", world_.referent, world_.cd08);
  auto first = db().acquire();
  auto second = db().acquire();
  std::int64_t early_seq = 0;
  std::int64_t late_seq = 0;
  if (GetParam() == store::Dialect::kSqlite) {
    // SQLite serialises writers: the second cannot write before the first commits.
    early_seq = event(*first, mine, "note.added");
    late_seq = event(*second, mine, "note.added");
  } else {
    first->begin();
    early_seq = event(*first, mine, "note.added");  // the smaller seq, not committed yet
    second->begin();
    late_seq = event(*second, mine, "note.corrected");
    second->commit();
    EXPECT_LT(early_seq, late_seq);
  }
  auto page = feed::read_feed(*setup, world_.cd08, {.after = 0});
  std::int64_t after = page.next_after;
  std::vector<std::int64_t> seen;
  for (const auto& e : page.events) seen.push_back(e.seq);
  if (GetParam() == store::Dialect::kPostgres) {
    EXPECT_EQ(seen, std::vector<std::int64_t>{late_seq});
    first->commit();
    for (const auto& e : feed::read_feed(*setup, world_.cd08, {.after = after}).events) {
      seen.push_back(e.seq);
    }
    EXPECT_EQ(seen, (std::vector<std::int64_t>{late_seq, early_seq}));
  } else {
    EXPECT_EQ(seen, (std::vector<std::int64_t>{early_seq, late_seq}));
  }
}

TEST_P(FeedTest, AReaderFollowingTheCursorSeesEveryEventOnceWhileWritersRun) {
  // Its own database with room for four writers and a reader.
  auto local = make_test_db(GetParam(), 8);
  std::int64_t person = 0;
  {
    auto conn = local->acquire();
    world_ = make_people_world(*conn);
    person = followed_person(*conn, "Durand", world_.referent, world_.cd08).first;
  }
  constexpr int kWriters = 4;
  constexpr int kTransactions = 60;
  std::atomic<int> writers_left{kWriters};
  std::mutex written_mutex;
  std::set<std::int64_t> written;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      std::mt19937 random(w);
      auto conn = local->acquire();
      for (int t = 0; t < kTransactions; ++t) {
        std::vector<std::int64_t> mine;
        store::with_transaction(*conn, [&] {
          int count = 1 + static_cast<int>(random() % 3);
          for (int i = 0; i < count; ++i) {
            mine.push_back(event(*conn, person, "note.added"));
            // Hold the transaction open a little: commits then come out of seq order.
            std::this_thread::sleep_for(std::chrono::microseconds(random() % 800));
          }
        });
        std::lock_guard lock(written_mutex);
        written.insert(mine.begin(), mine.end());
      }
      --writers_left;
    });
  }
  std::map<std::int64_t, int> seen;
  std::int64_t after = 0;
  {
    auto reader = local->acquire();
    auto read_once = [&] {
      for (;;) {
        auto page = feed::read_feed(*reader, world_.cd08, {.after = after, .limit = 7});
        for (const auto& e : page.events) {
          EXPECT_GT(e.position, after);
          ++seen[e.seq];
        }
        after = page.next_after;
        if (!page.has_more) break;
      }
    };
    while (writers_left > 0) read_once();
    for (auto& t : writers) t.join();
    read_once();
  }
  EXPECT_EQ(written.size(), seen.size());
  for (auto seq : written) {
    auto it = seen.find(seq);
    ASSERT_NE(it, seen.end()) << "événement " << seq << " manqué";
    EXPECT_EQ(it->second, 1) << "événement " << seq << " servi plusieurs fois";
  }
}

TEST(FeedTypes, ATypeFilterMatchesTypesAndPrefixes) {
  EXPECT_TRUE(feed::type_matches("", "note.added"));
  EXPECT_TRUE(feed::type_matches("note.", "note.added"));
  EXPECT_TRUE(feed::type_matches("journey.opened note.added", "note.added"));
  EXPECT_FALSE(feed::type_matches("note.added", "note.corrected"));
  EXPECT_FALSE(feed::type_matches("note", "note.added"));
}

INSTANTIATE_TEST_SUITE_P(Engines, FeedTest, kEngines, engine_name);

}  // namespace
}  // namespace parcours::test

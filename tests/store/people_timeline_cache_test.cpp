// The version of a person's carnet de bord that the person page's cache compares
// (timeline_cache.h), on both engines: it changes with every event of the person's records and
// every rename of an account, organisation or territory, and with nothing else the carnet does not
// show.
#include <gtest/gtest.h>

#include <memory>

#include "core/clock.h"
#include "features/people/journeys.h"
#include "features/people/notes.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "features/people/timeline.h"
#include "features/people/timeline_cache.h"
#include "store/people_fixture.h"

namespace parcours::people {
namespace {

class PeopleTimelineCacheTest : public test::PeopleTest {
 protected:
  void SetUp() override {
    test::PeopleTest::SetUp();
    pin_clock_for_tests(1'800'000'000);
    auto conn = db().acquire();
    person_ = *create_person(*conn, world_.ardennes, sofia_form(),
                             Provenance::professional(world_.referent, world_.cd08));
    journey_ = *open_journey(*conn, {.person_id = person_,
                                     .territory_id = world_.ardennes,
                                     .opened_by = world_.referent,
                                     .organisation_id = world_.cd08});
  }

  std::int64_t person_ = 0;
  std::int64_t journey_ = 0;
};

TEST_P(PeopleTimelineCacheTest, VersionChangesWithEveryEventAndEveryRenameTheCarnetShows) {
  auto conn = db().acquire();
  std::vector<std::int64_t> records{person_};
  TimelineVersion first = timeline_version(*conn, records);
  EXPECT_GT(first.events, 0);
  EXPECT_EQ(timeline_version(*conn, records), first);  // reading changes nothing

  ASSERT_TRUE(add_note(*conn, {.journey_id = journey_,
                               .author = {world_.referent, world_.cd08},
                               .visibility = "referent",
                               .body = "Confidentiel"}));
  TimelineVersion noted = timeline_version(*conn, records);
  EXPECT_NE(noted, first);
  EXPECT_EQ(noted.events, first.events + 1);

  // Another person's event leaves this carnet's version alone.
  auto other = create_person(
      *conn, world_.ardennes,
      [] {
        auto f = sofia_form();
        f.identity.birth_name = "Lefèvre";
        f.identity.nir.clear();
        f.contact.email.clear();
        f.contact.phone.clear();
        return f;
      }(),
      Provenance::professional(world_.referent, world_.cd08));
  ASSERT_TRUE(other);
  EXPECT_EQ(timeline_version(*conn, records), noted);
  // The other record merged into hers would be in `records`: its events count then.
  EXPECT_NE(timeline_version(*conn, {person_, *other}), noted);

  // The names its sentences cite: a rename changes the version, another change does not.
  conn->execute("UPDATE users SET email = 'autre@cd08.test' WHERE id = $1", {world_.referent});
  EXPECT_EQ(timeline_version(*conn, records), noted);
  conn->execute("UPDATE users SET name = name WHERE id = $1", {world_.referent});
  EXPECT_EQ(timeline_version(*conn, records), noted);
  conn->execute("UPDATE users SET name = 'Sofia Martin-Roux' WHERE id = $1", {world_.referent});
  TimelineVersion renamed = timeline_version(*conn, records);
  EXPECT_NE(renamed, noted);
  conn->execute("UPDATE organisations SET name = 'Conseil départemental' WHERE id = $1",
                {world_.cd08});
  TimelineVersion organisation_renamed = timeline_version(*conn, records);
  EXPECT_NE(organisation_renamed, renamed);
  conn->execute("UPDATE territories SET name = 'Ardennes (08)' WHERE id = $1", {world_.ardennes});
  EXPECT_NE(timeline_version(*conn, records), organisation_renamed);
}

TEST_P(PeopleTimelineCacheTest, CacheAnswersOnlyForTheSameRecordsAndVersion) {
  TimelineCache cache(2);
  auto carnet = std::make_shared<const CachedTimeline>(CachedTimeline{.first_page = "<ol></ol>"});
  TimelineVersion version{.events = 3, .last_seq = 12, .names = 0};
  cache.put({person_}, version, carnet);
  EXPECT_EQ(cache.get({person_}, version), carnet);
  EXPECT_EQ(cache.get({person_}, {.events = 4, .last_seq = 13, .names = 0}), nullptr);
  EXPECT_EQ(cache.get({person_}, {.events = 3, .last_seq = 12, .names = 1}), nullptr);
  EXPECT_EQ(cache.get({person_}, {.events = 2, .last_seq = 12, .names = 0}), nullptr);
  EXPECT_EQ(cache.get({person_, 100004}, version), nullptr);  // a record merged since
  EXPECT_EQ(cache.get({100003}, version), nullptr);
  cache.put({100001}, version, carnet);
  cache.put({100002}, version, carnet);  // full: emptied, then filled again
  EXPECT_EQ(cache.get({person_}, version), nullptr);
  EXPECT_EQ(cache.get({100002}, version), carnet);
}

INSTANTIATE_TEST_SUITE_P(Engines, PeopleTimelineCacheTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::people

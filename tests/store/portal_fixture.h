// The world of the portal store tests: the people world (tests/store/people_fixture.h) with one
// person, Sofia, followed in the Ardennes by a team — Sofia Martin (CD 08) as référent and
// Karim Benali (mission locale) as member — and helpers to read the outbox and the journal.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <regex>
#include <string>

#include "features/people/journeys.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "store/people_fixture.h"

namespace parcours::test {

class PortalTest : public PeopleTest {
 protected:
  void SetUp() override {
    PeopleTest::SetUp();
    pin_clock_for_tests(kStart);
    auto conn = db().acquire();
    auto created =
        people::create_person(*conn, world_.ardennes, sofia_form(),
                              people::Provenance::professional(world_.referent, world_.cd08));
    ASSERT_TRUE(created.has_value()) << created.error().message;
    sofia_ = *created;
    auto journey = people::open_journey(*conn, {.person_id = sofia_,
                                                .territory_id = world_.ardennes,
                                                .opened_by = world_.referent,
                                                .organisation_id = world_.cd08});
    ASSERT_TRUE(journey.has_value()) << journey.error().message;
    journey_ = *journey;
    auto referent =
        people::set_referent(*conn, journey_, world_.referent, {world_.referent, world_.cd08});
    ASSERT_TRUE(referent.has_value()) << referent.error().message;
    auto member = people::add_member(*conn, {.journey_id = journey_,
                                             .user_id = world_.colleague,
                                             .organisation_id = world_.mission_locale,
                                             .added_by = world_.referent,
                                             .actor_organisation_id = world_.cd08});
    ASSERT_TRUE(member.has_value()) << member.error().message;
  }

  std::int64_t count(const std::string& sql, const store::Params& params = {}) {
    return db().acquire()->query_one(sql, params)->integer(0);
  }

  // The link of the latest mail to `to` in the outbox, "" when none.
  std::string latest_link(const std::string& to) {
    auto row = db().acquire()->query_one(
        "SELECT body FROM outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1", {to});
    if (!row) return {};
    std::smatch match;
    std::string body = row->text(0);
    if (!std::regex_search(body, match, std::regex("/mon-espace/lien/([A-Za-z0-9_-]{43})"))) {
      return {};
    }
    return match[1];
  }

  static constexpr std::int64_t kStart = 1'800'000'000;  // 15 January 2027
  std::int64_t sofia_ = 0;
  std::int64_t journey_ = 0;
  static constexpr const char* kSofiaEmail = "sofia.durand@exemple.fr";
};

}  // namespace parcours::test

// The portal policy as a visitor × action matrix: the person of the record, another person, an
// anonymous visitor; each action on Sofia's record (person 1), her active journey with a
// référent in territory 1, and organisations of territory 1 in and out of her team.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

#include "features/portal/policy.h"

namespace parcours::portal {
namespace {

constexpr std::int64_t kSofia = 1;
const std::vector<std::int64_t> kTerritories{1};

using Action = std::function<bool(const MaybePerson&)>;

std::map<std::string, Action> actions() {
  return {
      {"request accompaniment", [](const MaybePerson& p) { return may_request_accompaniment(p); }},
      {"read record", [](const MaybePerson& p) { return may_read_record(p, kSofia); }},
      {"update contact", [](const MaybePerson& p) { return may_update_contact(p, kSofia); }},
      {"ask another referent",
       [](const MaybePerson& p) {
         return may_request_referent_change(p, {kSofia, true, true});
       }},
      {"ask referent, closed journey",
       [](const MaybePerson& p) {
         return may_request_referent_change(p, {kSofia, false, true});
       }},
      {"ask referent, none yet",
       [](const MaybePerson& p) {
         return may_request_referent_change(p, {kSofia, true, false});
       }},
      {"object, org outside team",
       [](const MaybePerson& p) {
         return may_object(p, kSofia, kTerritories, {1, true, false});
       }},
      {"object, org in team",
       [](const MaybePerson& p) {
         return may_object(p, kSofia, kTerritories, {1, true, true});
       }},
      {"object, other territory",
       [](const MaybePerson& p) {
         return may_object(p, kSofia, kTerritories, {2, true, false});
       }},
      {"object, inactive org",
       [](const MaybePerson& p) {
         return may_object(p, kSofia, kTerritories, {1, false, false});
       }},
      {"withdraw objection",
       [](const MaybePerson& p) { return may_withdraw_objection(p, kSofia); }},
  };
}

TEST(PortalPolicy, VisitorByActionMatrix) {
  // Expected answers, in the order of actions() (alphabetical by name).
  const std::map<std::string, std::map<std::string, bool>> expected{
      {"the person",
       {{"ask another referent", true},
        {"ask referent, closed journey", false},
        {"ask referent, none yet", false},
        {"object, inactive org", false},
        {"object, org in team", false},
        {"object, org outside team", true},
        {"object, other territory", false},
        {"read record", true},
        {"request accompaniment", true},
        {"update contact", true},
        {"withdraw objection", true}}},
      {"another person",
       {{"ask another referent", false},
        {"ask referent, closed journey", false},
        {"ask referent, none yet", false},
        {"object, inactive org", false},
        {"object, org in team", false},
        {"object, org outside team", false},
        {"object, other territory", false},
        {"read record", false},
        {"request accompaniment", true},
        {"update contact", false},
        {"withdraw objection", false}}},
      {"anonymous",
       {{"ask another referent", false},
        {"ask referent, closed journey", false},
        {"ask referent, none yet", false},
        {"object, inactive org", false},
        {"object, org in team", false},
        {"object, org outside team", false},
        {"object, other territory", false},
        {"read record", false},
        {"request accompaniment", true},
        {"update contact", false},
        {"withdraw objection", false}}},
  };
  const std::map<std::string, MaybePerson> visitors{
      {"the person", kSofia}, {"another person", 2}, {"anonymous", std::nullopt}};
  for (const auto& [visitor, person] : visitors) {
    for (const auto& [action, allowed] : actions()) {
      EXPECT_EQ(allowed(person), expected.at(visitor).at(action)) << visitor << " / " << action;
    }
  }
}

}  // namespace
}  // namespace parcours::portal

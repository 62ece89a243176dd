// Referrals on both engines: matching (needs from the diagnostic, eligibility by commune, EPCI,
// département and "france", nearest first), sending (bad input writes nothing; journal, plan
// action, outbox), answers by a member and through the no-account link (valid, expired after 8
// days, used twice), done and abandoned, and the deadlines job with the clock (reminders every
// 10 days, expiry after 30 days, no duplicate when run twice).
#include "features/referrals/referrals.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/jobs/jobs.h"
#include "features/referrals/matching.h"
#include "features/referrals/plan_actions.h"
#include "features/retention/purge.h"
#include "store/referrals_fixture.h"

namespace parcours::referrals {
namespace {

// Friday 12 March 2027, 10:00 in Paris.
constexpr std::int64_t kNow = 1804842000;
constexpr const char* kUrl = "https://parcours.test";

class ReferralsTest : public test::PeopleTest {
 protected:
  void SetUp() override {
    PeopleTest::SetUp();
    pin_clock_for_tests(kNow);
    auto conn = db().acquire();
    catalogue_ = test::make_catalogue(*conn, world_);
    followed_ = test::make_followed(*conn, world_);
  }

  std::int64_t count(const std::string& sql, const store::Params& params = {}) {
    auto conn = db().acquire();
    return conn->query_one(sql, params)->integer(0);
  }

  static ReferralForm good_form() {
    return {.message = "Inès a besoin de financer son permis B.",
            .shared = {"identity", "contact", "diagnostic"},
            .consent = "1",
            .consent_mode = "in_person"};
  }

  NewReferral referral_to(std::int64_t service, ReferralForm form = good_form()) {
    return {.journey_id = followed_.journey,
            .service_id = service,
            .form = std::move(form),
            .sender = {world_.referent, world_.cd08},
            .public_url = kUrl};
  }

  Result<SentReferral> send(std::int64_t service, ReferralForm form = good_form()) {
    auto conn = db().acquire();
    return send_referral(*conn, referral_to(service, std::move(form)));
  }

  std::string status_of(std::int64_t id) {
    auto conn = db().acquire();
    return find_referral(*conn, id)->status;
  }

  std::string action_status(std::int64_t id) {
    auto conn = db().acquire();
    return conn->query_one("SELECT status FROM plan_actions WHERE id = $1", {id})->text(0);
  }

  std::int64_t events(const char* kind) {
    return count("SELECT COUNT(*) FROM journal WHERE kind = $1 AND person_id = $2",
                 {kind, followed_.person});
  }

  std::int64_t mails_to(const char* address) {
    return count("SELECT COUNT(*) FROM outbox WHERE to_address = $1", {address});
  }

  test::Catalogue catalogue_;
  test::Followed followed_;
};

TEST_P(ReferralsTest, NeedsComeFromObstaclesToWatchOrMajorAndFromJobProjects) {
  auto conn = db().acquire();
  auto needs = needs_of(*conn, followed_.journey);
  ASSERT_EQ(needs.size(), 4u);
  EXPECT_EQ(needs[0].thematique, "mobilite");
  EXPECT_EQ(needs[0].level, "majeur");
  EXPECT_EQ(needs[1].thematique, "famille");
  EXPECT_EQ(needs[2].thematique, "trouver-un-emploi");
  EXPECT_EQ(needs[3].thematique, "preparer-sa-candidature");
  for (const auto& n : needs) EXPECT_NE(n.thematique, "sante") << "niveau « aucun » ignoré";
}

TEST_P(ReferralsTest, MatchesEligibleServicesNearestFirst) {
  auto conn = db().acquire();
  auto matched = match_services(*conn, needs_of(*conn, followed_.journey), "08105");
  std::vector<std::int64_t> ids;
  for (const auto& m : matched) ids.push_back(m.id);
  // In the commune, then in the département (Sedan), then elsewhere (Reims, zone france). The
  // Marne-only garage, the draft and the unneeded remote service are not there.
  ASSERT_EQ(ids, (std::vector<std::int64_t>{catalogue_.ml_mobility, catalogue_.sedan_family,
                                            catalogue_.imported_cv}));
  EXPECT_EQ(matched[0].proximity, Proximity::kCommune);
  EXPECT_EQ(matched[1].proximity, Proximity::kDepartement);
  EXPECT_EQ(matched[2].proximity, Proximity::kElsewhere);
  EXPECT_EQ(matched[0].answers, std::vector<std::string>{"Mobilité"});
  // Someone in Reims gets the Marne garage, not the Ardennes services.
  auto reims = match_services(*conn, needs_of(*conn, followed_.journey), "51454");
  ids.clear();
  for (const auto& m : reims) ids.push_back(m.id);
  // Both in Reims: the one answering the major obstacle comes first.
  EXPECT_EQ(ids, (std::vector<std::int64_t>{catalogue_.marne_only, catalogue_.imported_cv}));
  EXPECT_TRUE(match_services(*conn, {}, "08105").empty());
  EXPECT_TRUE(match_services(*conn, needs_of(*conn, followed_.journey), "").empty());
}

TEST_P(ReferralsTest, RemoteServiceWithoutZoneCountsEverywhere) {
  auto conn = db().acquire();
  std::vector<Need> needs{{"numerique", "Numérique", "majeur", {}}};
  auto matched = match_services(*conn, needs, "08409");
  ASSERT_EQ(matched.size(), 1u);
  EXPECT_EQ(matched[0].id, catalogue_.remote_digital);
  EXPECT_EQ(matched[0].proximity, Proximity::kRemote);
}

TEST_P(ReferralsTest, SendingNotifiesTheMembersJournalsAndPlansTheAction) {
  auto sent = send(catalogue_.ml_mobility);
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_EQ(status_of(sent->id), "sent");
  EXPECT_EQ(sent->notified, std::vector<std::string>{"colleague@test.fr"});
  EXPECT_FALSE(sent->link_token);
  EXPECT_EQ(mails_to("colleague@test.fr"), 1);
  EXPECT_EQ(action_status(sent->plan_action_id), "planned");
  EXPECT_EQ(events("referral.sent"), 1);
  EXPECT_EQ(events("plan.action_added"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_links"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = $1", {kDeadlinesJob}), 1);
  auto conn = db().acquire();
  EXPECT_EQ(waiting_count(*conn, {world_.mission_locale}), 1);
  EXPECT_EQ(waiting_count(*conn, {world_.ccas}), 0);
  auto r = find_referral(*conn, sent->id);
  EXPECT_EQ(r->shared, (std::vector<std::string>{"identity", "contact", "diagnostic"}));
  EXPECT_EQ(r->consent_mode, "in_person");
  EXPECT_EQ(r->consent_at, kNow);
  EXPECT_EQ(r->receiving_organisation_id, world_.mission_locale);
  auto journal =
      conn->query_one("SELECT payload FROM journal WHERE kind = 'referral.sent' AND person_id = $1",
                      {followed_.person});
  EXPECT_NE(journal->text(0).find("Aide au permis"), std::string::npos);
  EXPECT_NE(journal->text(0).find(R"("journey_id":)"), std::string::npos);
}

TEST_P(ReferralsTest, BadInputNamesTheFieldAndWritesNothing) {
  struct Case {
    ReferralForm form;
    const char* field;
  };
  std::vector<Case> cases{
      {{.message = "  ", .shared = {"identity"}, .consent = "1", .consent_mode = "phone"},
       "message"},
      {{.message = std::string(4001, 'a'),
        .shared = {"identity"},
        .consent = "1",
        .consent_mode = "phone"},
       "message"},
      {{.message = "Bonjour", .shared = {}, .consent = "1", .consent_mode = "phone"}, "shared"},
      {{.message = "Bonjour", .shared = {"nir"}, .consent = "1", .consent_mode = "phone"},
       "shared"},
      {{.message = "Bonjour", .shared = {"identity"}, .consent = "", .consent_mode = "phone"},
       "consent"},
      {{.message = "Bonjour", .shared = {"identity"}, .consent = "1", .consent_mode = "pigeon"},
       "consent_mode"},
  };
  for (const auto& c : cases) {
    auto sent = send(catalogue_.ml_mobility, c.form);
    ASSERT_FALSE(sent) << c.field;
    EXPECT_EQ(sent.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(sent.error().field, c.field);
    EXPECT_FALSE(sent.error().message.empty());
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM referrals"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_actions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE person_id = $1", {followed_.person}), 0);
}

TEST_P(ReferralsTest, RefusesDraftServicesAndASecondReferralInProgress) {
  auto draft = send(catalogue_.draft_mobility);
  ASSERT_FALSE(draft);
  EXPECT_EQ(draft.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(send(catalogue_.ml_mobility));
  auto again = send(catalogue_.ml_mobility);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referrals"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_actions"), 1);
}

TEST_P(ReferralsTest, AcceptedThenDoneMovesThePlanActionAndTellsTheSender) {
  auto sent = send(catalogue_.ml_mobility);
  ASSERT_TRUE(sent);
  auto conn = db().acquire();
  ASSERT_TRUE(accept_referral(*conn, sent->id, {world_.colleague, world_.mission_locale}));
  EXPECT_EQ(status_of(sent->id), "accepted");
  EXPECT_EQ(action_status(sent->plan_action_id), "in_progress");
  EXPECT_EQ(mails_to("referent@test.fr"), 1);
  auto again = accept_referral(*conn, sent->id, {world_.colleague, world_.mission_locale});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(close_referral(*conn, sent->id, "done", {world_.colleague, world_.mission_locale}));
  EXPECT_EQ(status_of(sent->id), "done");
  EXPECT_EQ(action_status(sent->plan_action_id), "done");
  EXPECT_EQ(events("referral.accepted"), 1);
  EXPECT_EQ(events("referral.done"), 1);
  EXPECT_EQ(events("plan.action_updated"), 2);
  auto r = find_referral(*conn, sent->id);
  EXPECT_EQ(r->answered_by, world_.colleague);
  EXPECT_EQ(r->answered_via, "account");
  // Done is final.
  auto reopen = close_referral(*conn, sent->id, "abandoned", {world_.referent, world_.cd08});
  ASSERT_FALSE(reopen);
  EXPECT_EQ(reopen.error().code, ErrorCode::kConflict);
}

TEST_P(ReferralsTest, RefusalNeedsAReasonAndCancelsThePlanAction) {
  auto sent = send(catalogue_.sedan_family);
  ASSERT_TRUE(sent);
  auto conn = db().acquire();
  auto bare = refuse_referral(*conn, sent->id, "   ", {world_.outsider, world_.ccas});
  ASSERT_FALSE(bare);
  EXPECT_EQ(bare.error().field, "reason");
  EXPECT_EQ(status_of(sent->id), "sent");
  EXPECT_EQ(events("referral.refused"), 0);
  ASSERT_TRUE(refuse_referral(*conn, sent->id, "Plus de place avant juin.",
                              {world_.outsider, world_.ccas}));
  auto r = find_referral(*conn, sent->id);
  EXPECT_EQ(r->status, "refused");
  EXPECT_EQ(r->refusal_reason, "Plus de place avant juin.");
  EXPECT_EQ(action_status(sent->plan_action_id), "cancelled");
  // The reason is personal: it stays in the referral, not in the append-only journal.
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE payload LIKE '%juin%'"), 0);
}

TEST_P(ReferralsTest, TheTeamMayAbandonAWaitingReferral) {
  auto sent = send(catalogue_.ml_mobility);
  ASSERT_TRUE(sent);
  auto conn = db().acquire();
  auto bad = close_referral(*conn, sent->id, "done", {world_.referent, world_.cd08});
  ASSERT_FALSE(bad);
  ASSERT_TRUE(close_referral(*conn, sent->id, "abandoned", {world_.referent, world_.cd08}));
  EXPECT_EQ(status_of(sent->id), "abandoned");
  EXPECT_EQ(action_status(sent->plan_action_id), "abandoned");
  // Once closed, a new referral to the same service may be sent; it gets a new action.
  auto again = send(catalogue_.ml_mobility);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_NE(again->plan_action_id, sent->plan_action_id);
}

TEST_P(ReferralsTest, AServiceWithoutMembersGetsALinkThatAnswersOnce) {
  auto sent = send(catalogue_.imported_cv);
  ASSERT_TRUE(sent) << sent.error().message;
  ASSERT_TRUE(sent->link_token);
  EXPECT_EQ(sent->notified, std::vector<std::string>{"contact@import.test"});
  EXPECT_EQ(mails_to("contact@import.test"), 1);
  auto conn = db().acquire();
  auto body = conn->query_one("SELECT body FROM outbox WHERE to_address = 'contact@import.test'");
  EXPECT_NE(body->text(0).find(std::string(kUrl) + "/orientation-recue/" + *sent->link_token),
            std::string::npos);
  // Only the hash is stored.
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_links WHERE token_hash = $1", {*sent->link_token}),
            0);
  auto link = find_link(*conn, *sent->link_token);
  ASSERT_TRUE(link);
  EXPECT_FALSE(link->expired);
  EXPECT_FALSE(link->used);
  EXPECT_EQ(link->email, "contact@import.test");
  auto no_reason = answer_by_link(*conn, *sent->link_token, false, "");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "reason");
  EXPECT_FALSE(find_link(*conn, *sent->link_token)->used);
  ASSERT_TRUE(answer_by_link(*conn, *sent->link_token, true, ""));
  auto r = find_referral(*conn, sent->id);
  EXPECT_EQ(r->status, "accepted");
  EXPECT_EQ(r->answered_via, "link");
  EXPECT_FALSE(r->answered_by);
  auto twice = answer_by_link(*conn, *sent->link_token, false, "Finalement non");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(status_of(sent->id), "accepted");
  EXPECT_FALSE(find_link(*conn, "inconnu"));
  EXPECT_FALSE(find_link(*conn, std::string(43, 'x')));
}

TEST_P(ReferralsTest, TheLinkExpiresAfterEightDays) {
  auto sent = send(catalogue_.imported_cv);
  ASSERT_TRUE(sent);
  auto conn = db().acquire();
  pin_clock_for_tests(kNow + 8 * kDay - 1);
  EXPECT_FALSE(find_link(*conn, *sent->link_token)->expired);
  pin_clock_for_tests(kNow + 8 * kDay);
  EXPECT_TRUE(find_link(*conn, *sent->link_token)->expired);
  auto late = answer_by_link(*conn, *sent->link_token, true, "");
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_EQ(status_of(sent->id), "sent");
}

TEST_P(ReferralsTest, RemindsEveryTenDaysThenExpiresAfterThirty) {
  auto members = send(catalogue_.ml_mobility);
  auto link = send(catalogue_.imported_cv);
  ASSERT_TRUE(members && link);
  auto conn = db().acquire();
  pin_clock_for_tests(kNow + 10 * kDay - 1);
  auto none = process_deadlines(*conn, kUrl);
  EXPECT_EQ(none.reminded, 0);
  EXPECT_EQ(none.expired, 0);
  pin_clock_for_tests(kNow + 10 * kDay);
  auto first = process_deadlines(*conn, kUrl);
  EXPECT_EQ(first.reminded, 2);
  EXPECT_EQ(process_deadlines(*conn, kUrl).reminded, 0) << "no second reminder the same day";
  EXPECT_EQ(mails_to("colleague@test.fr"), 2);
  EXPECT_EQ(mails_to("contact@import.test"), 2);
  // The contact gets a new link (the first one expired after 8 days).
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_links WHERE referral_id = $1", {link->id}), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_links WHERE referral_id = $1 AND expires_at > $2",
                  {link->id, kNow + 10 * kDay}),
            1);
  pin_clock_for_tests(kNow + 20 * kDay);
  EXPECT_EQ(process_deadlines(*conn, kUrl).reminded, 2);
  EXPECT_EQ(find_referral(*conn, members->id)->reminders, 2);
  pin_clock_for_tests(kNow + 30 * kDay - 1);
  EXPECT_EQ(process_deadlines(*conn, kUrl).expired, 0);
  pin_clock_for_tests(kNow + 30 * kDay);
  auto last = process_deadlines(*conn, kUrl);
  EXPECT_EQ(last.expired, 2);
  EXPECT_EQ(last.reminded, 0);
  EXPECT_EQ(status_of(members->id), "expired");
  EXPECT_EQ(action_status(members->plan_action_id), "cancelled");
  EXPECT_EQ(events("referral.expired"), 2);
  EXPECT_EQ(events("referral.reminded"), 4);
  EXPECT_EQ(mails_to("referent@test.fr"), 2) << "the sender learns of each expiry";
  EXPECT_EQ(process_deadlines(*conn, kUrl).expired, 0);
}

TEST_P(ReferralsTest, TheDeadlinesJobRunsAndQueuesItselfWhileReferralsWait) {
  auto sent = send(catalogue_.ml_mobility);
  ASSERT_TRUE(sent);
  jobs::JobRunner runner(db(), "test");
  runner.on("mail.send", [](store::Connection&, const jobs::Job&) {});
  register_jobs(runner, kUrl);
  runner.run_due();
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status = 'queued'", {kDeadlinesJob}), 1)
      << "not due before a day";
  pin_clock_for_tests(kNow + kDay);
  runner.run_due();
  EXPECT_EQ(status_of(sent->id), "sent");
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status = 'queued' AND run_at = $2",
                  {kDeadlinesJob, kNow + 2 * kDay}),
            1)
      << "queued again for the next day";
  pin_clock_for_tests(kNow + 30 * kDay);
  runner.run_due();
  EXPECT_EQ(status_of(sent->id), "expired");
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status = 'dead'", {kDeadlinesJob}),
            0);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status = 'queued'", {kDeadlinesJob}), 0)
      << "nothing waits any more";
}

TEST_P(ReferralsTest, AServiceNobodyCanReceiveIsRefusedByName) {
  auto conn = db().acquire();
  auto structure = test::insert_structure(*conn, "mute", nullptr, "Sans contact");
  auto service = test::insert_service(*conn, structure, "mute-1", "Injoignable",
                                      R"(["mobilite--financer-ma-mobilite"])", R"(["08"])", "08105",
                                      "Charleville-Mézières");
  auto sent = send_referral(*conn, referral_to(service));
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().field, "service");
  EXPECT_EQ(count("SELECT COUNT(*) FROM referrals"), 0);
}

TEST_P(ReferralsTest, ThePersonAsksTheirReferent) {
  auto conn = db().acquire();
  ASSERT_TRUE(ask_referent(*conn, followed_.journey, catalogue_.ml_mobility, kUrl));
  EXPECT_EQ(events("referral.asked"), 1);
  EXPECT_EQ(mails_to("referent@test.fr"), 1);
  conn->execute("UPDATE journey_members SET role = 'member'");
  auto none = ask_referent(*conn, followed_.journey, catalogue_.ml_mobility, kUrl);
  ASSERT_FALSE(none);
  EXPECT_EQ(events("referral.asked"), 1);
}

TEST_P(ReferralsTest, ThePurgeTakesTheReferralsTheirActionsLinksAndEvents) {
  auto by_link = send(catalogue_.imported_cv);
  auto by_member = send(catalogue_.ml_mobility);
  ASSERT_TRUE(by_link && by_member);
  {
    auto conn = db().acquire();
    ASSERT_TRUE(accept_referral(*conn, by_member->id, {world_.colleague, world_.mission_locale}));
  }
  // 24 months of retention (the default) and then some, without any activity.
  pin_clock_for_tests(kNow + 800 * kDay);
  auto conn = db().acquire();
  auto report = retention::purge(*conn, {.apply = true});
  EXPECT_EQ(report.total_journeys(), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referrals"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_actions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_links"), 0);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM journal WHERE kind LIKE 'referral.%' OR kind LIKE 'plan.%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), 6) << "the catalogue stays";
}

INSTANTIATE_TEST_SUITE_P(Engines, ReferralsTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::referrals

// The plan d'actions on both engines: goals and actions (bad input names the field and writes
// nothing), transitions allowed and refused with French messages, the referral's action attached
// to the goal of its thématique, the person's proposals and actions through the portal policy,
// closure and reopening of goals and of the plan, points d'étape and late reviews in the
// référent's and the organisation's lists, and the carnet de bord telling it in French.
#include "features/plan/plan.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/store/journal.h"
#include "features/people/events.h"
#include "features/plan/policy.h"
#include "features/referrals/plan_actions.h"
#include "store/referrals_fixture.h"

namespace parcours::plan {
namespace {

// Friday 12 March 2027, 10:00 in Paris.
constexpr std::int64_t kNow = 1804842000;
constexpr std::int64_t kDay = 86400;

class PlanTest : public test::PeopleTest {
 protected:
  void SetUp() override {
    PeopleTest::SetUp();
    pin_clock_for_tests(kNow);
    auto conn = db().acquire();
    catalogue_ = test::make_catalogue(*conn, world_);
    followed_ = test::make_followed(*conn, world_);
    conn->execute(
        "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) "
        "VALUES ($1, $2, $3, 'member', 0)",
        {followed_.journey, world_.colleague, world_.mission_locale});
    referent_ = {world_.referent, world_.cd08};
  }

  std::int64_t count(const std::string& sql, const store::Params& params = {}) {
    auto conn = db().acquire();
    return conn->query_one(sql, params)->integer(0);
  }

  std::int64_t goal(const char* thematique = "trouver-un-emploi",
                    const char* title = "Trouver un emploi de vendeuse") {
    auto conn = db().acquire();
    auto id = create_goal(*conn, followed_.journey, {.thematique = thematique, .title = title},
                          referent_);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }

  std::int64_t action(ActionForm form) {
    auto conn = db().acquire();
    auto id = add_action(*conn, followed_.journey, form, referent_);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }

  std::vector<store::Event> events(const char* kind) {
    auto conn = db().acquire();
    return store::read_events(*conn,
                              {.limit = 100, .person_id = followed_.person, .kind_prefix = kind});
  }

  std::string told(const store::Event& event) {
    auto conn = db().acquire();
    people::EventNarrator narrator(*conn);
    return narrator.sentence(event);
  }

  Plan plan(bool reviews = false) {
    auto conn = db().acquire();
    return load_plan(*conn, followed_.journey, reviews);
  }

  test::Catalogue catalogue_;
  test::Followed followed_;
  Actor referent_;
};

TEST_P(PlanTest, GoalIsStoredJournaledAndTheFirstOneCreatesThePlan) {
  auto conn = db().acquire();
  auto id = create_goal(*conn, followed_.journey,
                        {.thematique = "mobilite",
                         .title = "Passer le permis B",
                         .target_date = "2027-09-30",
                         .carrier = "person",
                         .obstacle = "mobilite"},
                        referent_);
  ASSERT_TRUE(id) << id.error().message;
  auto p = load_plan(*conn, followed_.journey);
  EXPECT_TRUE(p.exists);
  EXPECT_EQ(p.status, "open");
  EXPECT_EQ(p.next_review_date, "2027-06-12");  // three months after creation
  ASSERT_EQ(p.goals.size(), 1u);
  EXPECT_EQ(p.goals[0].status, "active");
  EXPECT_EQ(p.goals[0].title, "Passer le permis B");
  EXPECT_EQ(p.goals[0].target_date, "2027-09-30");
  EXPECT_TRUE(p.goals[0].carried_by_person);
  EXPECT_EQ(p.goals[0].obstacle, "mobilite");
  EXPECT_FALSE(p.has_professional_goal());
  auto added = events("plan.goal_added");
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(told(added[0]),
            "Sofia Martin (CD 08) : a ajouté au plan d’actions un objectif « Mobilité », qui "
            "répond au frein « Mobilité » du diagnostic");
  // The title (the person's words) stays out of the append-only journal.
  EXPECT_EQ(added[0].payload_json.find("permis"), std::string::npos);
}

TEST_P(PlanTest, BadGoalInputNamesTheFieldInFrenchAndWritesNothing) {
  struct Case {
    GoalForm form;
    const char* field;
    const char* message;
  };
  std::string outsider = std::to_string(world_.outsider);
  const Case cases[] = {
      {{.thematique = "cuisine", .title = "Un objectif"},
       "thematique",
       "Thématique : choisissez la thématique de l’objectif."},
      {{.thematique = "sante", .title = "  "}, "title", "Objectif : à renseigner."},
      {{.thematique = "sante", .title = "ab"}, "title", "Objectif : entre 3 et 200 caractères."},
      {{.thematique = "sante", .title = "Se soigner", .target_date = "2027-02-30"},
       "target_date",
       "Date visée : indiquez une date valide (jj/mm/aaaa)."},
      {{.thematique = "sante", .title = "Se soigner", .carrier = outsider},
       "carrier",
       "Porté par : choisissez la personne ou un membre de l’équipe."},
      {{.thematique = "sante", .title = "Se soigner", .obstacle = "astrologie"},
       "obstacle",
       "Frein du diagnostic : choisissez un frein de la liste, ou aucun."},
  };
  auto conn = db().acquire();
  for (const auto& c : cases) {
    auto id = create_goal(*conn, followed_.journey, c.form, referent_);
    ASSERT_FALSE(id) << c.field;
    EXPECT_EQ(id.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(id.error().field, c.field);
    EXPECT_EQ(id.error().message, c.message);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_goals"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans"), 0);
  EXPECT_TRUE(events("plan.").empty());
}

TEST_P(PlanTest, GoalTransitionsAllowedAndRefusedInFrench) {
  EXPECT_TRUE(check_goal_transition("proposed", "active"));
  EXPECT_TRUE(check_goal_transition("proposed", "declined"));
  EXPECT_TRUE(check_goal_transition("active", "reached"));
  EXPECT_TRUE(check_goal_transition("active", "abandoned"));
  EXPECT_TRUE(check_goal_transition("active", "closed"));
  EXPECT_TRUE(check_goal_transition("reached", "active"));
  EXPECT_TRUE(check_goal_transition("closed", "active"));
  EXPECT_EQ(check_goal_transition("declined", "active").error().message,
            "Cet objectif n’a pas été retenu : il ne peut plus changer de statut.");
  EXPECT_EQ(check_goal_transition("proposed", "reached").error().message,
            "Cet objectif proposé par la personne doit d’abord être validé ou non retenu.");
  EXPECT_EQ(check_goal_transition("reached", "abandoned").error().message,
            "Un objectif « Atteint » ne peut pas passer à « Abandonné ».");
  EXPECT_EQ(check_goal_transition("active", "active").error().message,
            "L’objectif est déjà « En cours ».");
  EXPECT_EQ(check_goal_transition("active", "lost").error().code, ErrorCode::kInvalid);

  std::int64_t id = goal();
  auto conn = db().acquire();
  auto no_reason = close_goal(*conn, id, "abandoned", "", referent_);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "reason");
  EXPECT_EQ(no_reason.error().message, "Raison : à renseigner.");
  ASSERT_TRUE(close_goal(*conn, id, "reached", "", referent_));
  auto twice = close_goal(*conn, id, "abandoned", "Plus d’actualité", referent_);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(find_goal(*conn, id)->status, "reached");
  ASSERT_TRUE(reopen_goal(*conn, id, referent_));
  ASSERT_TRUE(close_goal(*conn, id, "closed", "Projet réorienté vers la formation", referent_));
  auto g = find_goal(*conn, id);
  EXPECT_EQ(g->status, "closed");
  EXPECT_EQ(g->closing_reason, "Projet réorienté vers la formation");
  auto closed = events("plan.goal_closed");
  ASSERT_EQ(closed.size(), 2u);
  EXPECT_EQ(told(closed[0]),
            "Sofia Martin (CD 08) : a clos l’objectif « Trouver un emploi » du plan d’actions "
            "(« Atteint »)");
  EXPECT_EQ(events("plan.goal_reopened").size(), 1u);
}

TEST_P(PlanTest, ActionTransitionsAllowedAndRefusedInFrench) {
  for (const char* to : {"in_progress", "done", "abandoned", "cancelled"})
    EXPECT_TRUE(check_action_transition("planned", to)) << to;
  for (const char* to : {"planned", "done", "abandoned", "cancelled"})
    EXPECT_TRUE(check_action_transition("in_progress", to)) << to;
  for (const char* from : {"done", "abandoned", "cancelled"}) {
    EXPECT_TRUE(check_action_transition(from, "planned")) << from;
    EXPECT_FALSE(check_action_transition(from, "in_progress")) << from;
  }
  EXPECT_EQ(check_action_transition("done", "cancelled").error().message,
            "Une action « Réalisée » ne peut pas passer à « Annulée » : remettez-la d’abord "
            "« Prévue ».");
  EXPECT_EQ(check_action_transition("planned", "planned").error().message,
            "L’action est déjà « Prévue ».");
  EXPECT_EQ(check_action_transition("planned", "finie").error().field, "status");

  std::int64_t g = goal();
  std::int64_t id = action({.goal = std::to_string(g), .title = "Mettre à jour le CV"});
  auto conn = db().acquire();
  ASSERT_TRUE(set_action_status(*conn, id, "in_progress", referent_));
  ASSERT_TRUE(set_action_status(*conn, id, "done", referent_));
  EXPECT_EQ(find_action(*conn, id)->end_date, "2027-03-12");
  auto refused = set_action_status(*conn, id, "abandoned", referent_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(find_action(*conn, id)->status, "done");
  ASSERT_TRUE(set_action_status(*conn, id, "planned", referent_));
  EXPECT_EQ(find_action(*conn, id)->end_date, "");
  auto updated = events("plan.action_updated");
  ASSERT_EQ(updated.size(), 3u);
  EXPECT_EQ(told(updated[1]),
            "Sofia Martin (CD 08) : a passé une action du plan d’actions au statut « Réalisée »");
}

TEST_P(PlanTest, ActionsGoUnderTheirGoalOrUnderOtherActions) {
  std::int64_t job = goal();
  std::int64_t mobility = goal("mobilite", "Se déplacer jusqu’à Reims");
  std::int64_t cv = action({.goal = std::to_string(job), .title = "Refaire le CV"});
  std::int64_t permit = action({.goal = std::to_string(mobility),
                                .service_id = std::to_string(catalogue_.ml_mobility),
                                .responsible = std::to_string(world_.colleague),
                                .start_date = "2027-03-15",
                                .due_date = "2027-06-30"});
  std::int64_t free = action({.title = "Ouvrir un compte bancaire", .responsible = "person"});
  auto p = plan();
  ASSERT_EQ(p.goals.size(), 2u);
  ASSERT_EQ(p.goals[0].actions.size(), 1u);
  EXPECT_EQ(p.goals[0].actions[0].id, cv);
  ASSERT_EQ(p.goals[1].actions.size(), 1u);
  const Action& a = p.goals[1].actions[0];
  EXPECT_EQ(a.id, permit);
  EXPECT_EQ(a.title, "Aide au permis");
  EXPECT_EQ(a.service_structure, "Mission locale");
  EXPECT_EQ(a.responsible_name, "Karim Benali");
  EXPECT_EQ(a.due_date, "2027-06-30");
  ASSERT_EQ(p.other_actions.size(), 1u);
  EXPECT_EQ(p.other_actions[0].id, free);
  EXPECT_TRUE(p.other_actions[0].responsible_person);
  EXPECT_TRUE(p.has_professional_goal());

  auto conn = db().acquire();
  auto again = add_action(*conn, followed_.journey,
                          {.service_id = std::to_string(catalogue_.ml_mobility)}, referent_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().field, "service_id");
  auto draft = add_action(*conn, followed_.journey,
                          {.service_id = std::to_string(catalogue_.draft_mobility)}, referent_);
  ASSERT_FALSE(draft);
  EXPECT_EQ(draft.error().field, "service_id");
  auto dates = add_action(
      *conn, followed_.journey,
      {.title = "Rendez-vous banque", .start_date = "2027-04-02", .due_date = "2027-04-01"},
      referent_);
  ASSERT_FALSE(dates);
  EXPECT_EQ(dates.error().field, "due_date");
  EXPECT_EQ(dates.error().message, "Échéance : elle ne peut pas précéder le début.");
  auto no_title = add_action(*conn, followed_.journey, {.title = ""}, referent_);
  ASSERT_FALSE(no_title);
  EXPECT_EQ(no_title.error().message, "Action : à renseigner.");
  auto other_goal =
      add_action(*conn, followed_.journey, {.goal = "999999", .title = "Une action"}, referent_);
  ASSERT_FALSE(other_goal);
  EXPECT_EQ(other_goal.error().field, "goal");
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_actions"), 3);

  // Moving the free action under the job goal.
  ASSERT_TRUE(update_action(
      *conn, free,
      {.goal = std::to_string(job), .title = "Ouvrir un compte", .responsible = "person"},
      referent_));
  auto moved = find_action(*conn, free);
  EXPECT_EQ(moved->goal_id, job);
  EXPECT_EQ(moved->title, "Ouvrir un compte");
}

TEST_P(PlanTest, ReferralActionJoinsTheGoalOfItsThematiqueElseOtherActions) {
  std::int64_t mobility = goal("mobilite", "Avoir le permis");
  auto conn = db().acquire();
  auto permit = referrals::add_service_action(*conn, followed_.journey, catalogue_.ml_mobility,
                                              {world_.referent, world_.cd08});
  ASSERT_TRUE(permit);
  EXPECT_EQ(find_action(*conn, *permit)->goal_id, mobility);
  auto family = referrals::add_service_action(*conn, followed_.journey, catalogue_.sedan_family,
                                              {world_.referent, world_.cd08});
  ASSERT_TRUE(family);
  EXPECT_FALSE(find_action(*conn, *family)->goal_id);
  auto p = load_plan(*conn, followed_.journey);
  ASSERT_EQ(p.other_actions.size(), 1u);
  EXPECT_EQ(p.other_actions[0].title, "Garde d’enfants solidaire");
  // The referral lifecycle still drives the status (without the plan's transition rules).
  referrals::set_action_status(*conn, *permit, "in_progress", world_.referent, world_.cd08, "");
  EXPECT_EQ(find_action(*conn, *permit)->status, "in_progress");
}

TEST_P(PlanTest, ReferralActionCreatesThePlanWhenThereIsNone) {
  auto conn = db().acquire();
  ASSERT_TRUE(referrals::add_service_action(*conn, followed_.journey, catalogue_.ml_mobility,
                                            {world_.referent, world_.cd08}));
  auto p = load_plan(*conn, followed_.journey);
  EXPECT_TRUE(p.exists);
  EXPECT_EQ(p.other_actions.size(), 1u);
}

TEST_P(PlanTest, PersonProposesAGoalTheReferentIsToldAndDecides) {
  goal();
  auto conn = db().acquire();
  auto proposed = propose_goal(*conn, followed_.person, followed_.journey,
                               {.thematique = "se-former",
                                .title = "Me former à la comptabilité",
                                .carrier = std::to_string(world_.outsider)},
                               "https://parcours.test");
  ASSERT_TRUE(proposed) << proposed.error().message;
  auto g = find_goal(*conn, *proposed);
  EXPECT_EQ(g->status, "proposed");
  EXPECT_TRUE(g->proposed_by_person);
  EXPECT_TRUE(g->carried_by_person);
  EXPECT_FALSE(g->carrier_user_id);  // the carrier field is not the person's to set
  auto mail =
      conn->query_one("SELECT to_address, subject, body FROM outbox ORDER BY id DESC LIMIT 1");
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->text(0), "referent@test.fr");
  EXPECT_EQ(mail->text(1), "Objectif proposé : Inès Lambert");
  EXPECT_NE(mail->text(2).find("« Me former à la comptabilité »"), std::string::npos);
  EXPECT_NE(mail->text(2).find("https://parcours.test/personnes/"), std::string::npos);
  auto told_events = events("plan.goal_proposed");
  ASSERT_EQ(told_events.size(), 1u);
  EXPECT_EQ(told(told_events[0]),
            "La personne : a proposé un objectif « Se former » pour son plan d’actions");
  // Proposed goals come first in the plan.
  EXPECT_EQ(load_plan(*conn, followed_.journey).goals[0].id, *proposed);

  auto bad = propose_goal(*conn, followed_.person, followed_.journey,
                          {.thematique = "se-former", .title = "x"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "title");
  auto other = propose_goal(*conn, followed_.person + 1000, followed_.journey,
                            {.thematique = "se-former", .title = "Un objectif"});
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);

  auto no_reason = decline_goal(*conn, *proposed, " ", referent_);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "reason");
  ASSERT_TRUE(validate_goal(*conn, *proposed, referent_));
  EXPECT_EQ(find_goal(*conn, *proposed)->status, "active");
  EXPECT_FALSE(validate_goal(*conn, *proposed, referent_));

  auto second = propose_goal(*conn, followed_.person, followed_.journey,
                             {.thematique = "sante", .title = "Voir un dentiste"});
  ASSERT_TRUE(second);
  ASSERT_TRUE(decline_goal(*conn, *second, "Déjà prévu dans l’objectif santé", referent_));
  g = find_goal(*conn, *second);
  EXPECT_EQ(g->status, "declined");
  EXPECT_EQ(g->closing_reason, "Déjà prévu dans l’objectif santé");
  EXPECT_FALSE(reopen_goal(*conn, *second, referent_));
}

TEST_P(PlanTest, PersonMarksDoneOnlyTheirOwnOrUnassignedFreeActions) {
  std::int64_t g = goal();
  std::int64_t theirs = action(
      {.goal = std::to_string(g), .title = "Envoyer trois candidatures", .responsible = "person"});
  std::int64_t unassigned = action({.goal = std::to_string(g), .title = "Visiter le salon"});
  std::int64_t professional = action({.goal = std::to_string(g),
                                      .title = "Appeler l’employeur",
                                      .responsible = std::to_string(world_.referent)});
  std::int64_t service = action({.service_id = std::to_string(catalogue_.imported_cv)});
  auto conn = db().acquire();
  ASSERT_TRUE(person_mark_done(*conn, followed_.person, theirs, "https://parcours.test"));
  ASSERT_TRUE(person_mark_done(*conn, followed_.person, unassigned));
  EXPECT_EQ(find_action(*conn, theirs)->status, "done");
  EXPECT_EQ(find_action(*conn, unassigned)->status, "done");
  for (std::int64_t id : {professional, service, theirs}) {
    auto refused = person_mark_done(*conn, followed_.person, id);
    ASSERT_FALSE(refused) << id;
    EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  }
  EXPECT_EQ(find_action(*conn, professional)->status, "planned");
  auto stranger = person_mark_done(*conn, followed_.person + 1000, professional);
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().code, ErrorCode::kNotFound);
  auto done = events("plan.action_updated");
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(told(done[0]),
            "La personne : a indiqué avoir réalisé une action de son plan d’actions");
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Action réalisée%'"), 2);
}

TEST_P(PlanTest, ClosedPlanRefusesChangesUntilReopened) {
  std::int64_t g = goal();
  std::int64_t a = action({.goal = std::to_string(g), .title = "Refaire le CV"});
  auto conn = db().acquire();
  auto no_reason = close_plan(*conn, followed_.journey, "", referent_);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().message, "Raison de la clôture : à renseigner.");
  ASSERT_TRUE(close_plan(*conn, followed_.journey, "Emploi durable trouvé", referent_));
  auto p = load_plan(*conn, followed_.journey);
  EXPECT_TRUE(p.closed());
  EXPECT_EQ(p.closed_reason, "Emploi durable trouvé");
  EXPECT_FALSE(close_plan(*conn, followed_.journey, "Encore", referent_));
  auto refused = create_goal(*conn, followed_.journey,
                             {.thematique = "sante", .title = "Se soigner"}, referent_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "Le plan d’actions est clos : rouvrez-le avant de le modifier.");
  EXPECT_FALSE(set_action_status(*conn, a, "done", referent_));
  EXPECT_FALSE(propose_goal(*conn, followed_.person, followed_.journey,
                            {.thematique = "sante", .title = "Se soigner"}));
  EXPECT_FALSE(record_review(*conn, followed_.journey,
                             {.review_date = "2027-03-12", .summary = "Point"}, referent_));
  ASSERT_TRUE(reopen_plan(*conn, followed_.journey, referent_));
  EXPECT_FALSE(reopen_plan(*conn, followed_.journey, referent_));
  EXPECT_TRUE(set_action_status(*conn, a, "done", referent_));
  auto closed = events("plan.closed");
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(told(closed[0]), "Sofia Martin (CD 08) : a clos le plan d’actions");
  EXPECT_EQ(closed[0].payload_json.find("Emploi"), std::string::npos);
  EXPECT_EQ(events("plan.reopened").size(), 1u);
}

TEST_P(PlanTest, ClosedJourneyRefusesThePlan) {
  auto conn = db().acquire();
  conn->execute("UPDATE journeys SET status = 'closed' WHERE id = $1", {followed_.journey});
  auto refused = create_goal(*conn, followed_.journey,
                             {.thematique = "sante", .title = "Se soigner"}, referent_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
}

TEST_P(PlanTest, ReviewsSetTheNextOneAndLateOnesAreListed) {
  goal();
  auto conn = db().acquire();
  EXPECT_TRUE(late_reviews_of_referent(*conn, world_.referent, "2027-06-12").empty());
  auto late = late_reviews_of_referent(*conn, world_.referent, "2027-06-13");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].journey_id, followed_.journey);
  EXPECT_EQ(late[0].person_name, "Inès Lambert");
  EXPECT_EQ(late[0].referent_name, "Sofia Martin");
  EXPECT_EQ(late[0].next_review_date, "2027-06-12");
  EXPECT_EQ(late_reviews_of_organisation(*conn, world_.cd08, "2027-06-13").size(), 1u);
  EXPECT_EQ(late_reviews_of_organisation(*conn, world_.mission_locale, "2027-06-13").size(), 1u);
  EXPECT_TRUE(late_reviews_of_organisation(*conn, world_.ccas, "2027-06-13").empty());
  EXPECT_TRUE(late_reviews_of_referent(*conn, world_.colleague, "2027-06-13").empty());
  EXPECT_TRUE(load_plan(*conn, followed_.journey).review_late("2027-06-13"));

  // The point d'étape, three months later.
  pin_clock_for_tests(kNow + 95 * kDay);
  auto id = record_review(*conn, followed_.journey,
                          {.review_date = "2027-06-14",
                           .summary = "Le CV est prêt ; candidatures à envoyer.",
                           .person_attended = true,
                           .attendees = "Karim Benali (Mission locale)"},
                          referent_);
  ASSERT_TRUE(id) << id.error().message;
  auto p = load_plan(*conn, followed_.journey, true);
  EXPECT_EQ(p.next_review_date, "2027-09-14");
  ASSERT_EQ(p.reviews.size(), 1u);
  EXPECT_EQ(p.reviews[0].attendees, "Karim Benali (Mission locale)");
  EXPECT_EQ(p.reviews[0].recorded_by_name, "Sofia Martin");
  EXPECT_TRUE(late_reviews_of_referent(*conn, world_.referent, "2027-06-15").empty());
  auto recorded = events("plan.review_recorded");
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(told(recorded[0]),
            "Sofia Martin (CD 08) : a fait le point d’étape du 14 juin 2027 avec la personne ; "
            "prochain point d’étape le 14 septembre 2027");

  ASSERT_TRUE(set_next_review(*conn, followed_.journey, "2027-07-01", referent_));
  EXPECT_EQ(load_plan(*conn, followed_.journey).next_review_date, "2027-07-01");
  auto past = set_next_review(*conn, followed_.journey, "2027-06-01", referent_);
  ASSERT_FALSE(past);
  EXPECT_EQ(past.error().field, "next_review_date");
  EXPECT_EQ(past.error().message, "Prochain point d’étape : la date ne peut pas être passée.");

  // A closed plan is never late.
  ASSERT_TRUE(close_plan(*conn, followed_.journey, "Emploi trouvé", referent_));
  EXPECT_TRUE(late_reviews_of_referent(*conn, world_.referent, "2028-01-01").empty());
}

TEST_P(PlanTest, BadReviewInputNamesTheFieldAndWritesNothing) {
  goal();
  auto conn = db().acquire();
  struct Case {
    ReviewForm form;
    const char* field;
  };
  const Case cases[] = {
      {{.review_date = "", .summary = "Point"}, "review_date"},
      {{.review_date = "2027-03-13", .summary = "Point"}, "review_date"},  // tomorrow
      {{.review_date = "2027-03-12", .summary = "ok"}, "summary"},
      {{.review_date = "2027-03-12", .summary = "Point", .attendees = std::string(301, 'a')},
       "attendees"},
      {{.review_date = "2027-03-12", .summary = "Point", .next_review_date = "2027-03-12"},
       "next_review_date"},
      {{.review_date = "2027-03-12", .summary = "Point", .next_review_date = "bientôt"},
       "next_review_date"},
  };
  for (const auto& c : cases) {
    auto id = record_review(*conn, followed_.journey, c.form, referent_);
    ASSERT_FALSE(id) << c.field;
    EXPECT_EQ(id.error().field, c.field);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_reviews"), 0);
  EXPECT_EQ(load_plan(*conn, followed_.journey).next_review_date, "2027-06-12");
}

TEST(PlanDates, MonthsAndFrenchDates) {
  EXPECT_EQ(add_months("2027-01-31", 1), "2027-02-28");
  EXPECT_EQ(add_months("2027-11-30", 3), "2028-02-29");
  EXPECT_EQ(format_date_fr("2027-06-01"), "1er juin 2027");
  EXPECT_EQ(format_date_fr("2027-12-25"), "25 décembre 2027");
  EXPECT_EQ(paris_today(1804842000), "2027-03-12");
  EXPECT_EQ(goal_thematiques().front().code, "choisir-un-metier");
  EXPECT_TRUE(is_professional("creer-une-entreprise"));
  EXPECT_FALSE(is_professional("mobilite"));
  EXPECT_EQ(thematique_label("logement-hebergement"), "Logement, hébergement");
}

// The versions the journey page's plan section is kept in memory by (section_cache.h): every
// write path of the plan changes the plan's, on this journey only; a rename of a structure one
// of its actions names, or that service moved to another structure, too; an account renamed
// changes the names version; nothing else does.
TEST_P(PlanTest, PlanVersionsChangeWithEveryWriteThePlanSectionShows) {
  auto conn = db().acquire();
  std::int64_t other_person =
      conn->query_one(
              "INSERT INTO persons (territory_id, birth_name, first_names, created_at, "
              "updated_at) VALUES ($1, 'Autre', 'Paul', 0, 0) RETURNING id",
              {world_.ardennes})
          ->integer(0);
  std::int64_t other_journey =
      conn->query_one(
              "INSERT INTO journeys (person_id, territory_id, status, entry, opened_at, "
              "last_activity_at) VALUES ($1, $2, 'accompanied', 'professional', 0, 0) "
              "RETURNING id",
              {other_person, world_.ardennes})
          ->integer(0);
  PlanVersions other_before = plan_versions(*conn, other_journey);
  PlanVersions last = plan_versions(*conn, followed_.journey);
  EXPECT_EQ(plan_versions(*conn, followed_.journey), last);  // reading changes nothing
  auto changed = [&](const char* what) {
    PlanVersions now = plan_versions(*conn, followed_.journey);
    EXPECT_NE(now.plan, last.plan) << what;
    EXPECT_EQ(now.names, last.names) << what;
    last = now;
  };
  std::int64_t g = goal();
  changed("create_goal");
  ASSERT_TRUE(
      update_goal(*conn, g, {.thematique = "trouver-un-emploi", .title = "Vendeuse"}, referent_));
  changed("update_goal");
  std::int64_t a = action({.goal = std::to_string(g),
                           .service_id = std::to_string(catalogue_.ml_mobility),
                           .responsible = std::to_string(world_.colleague)});
  changed("add_action");
  ASSERT_TRUE(set_action_status(*conn, a, "in_progress", referent_));
  changed("set_action_status");
  ASSERT_TRUE(record_review(*conn, followed_.journey,
                            {.review_date = "2027-03-12", .summary = "Point d’étape"}, referent_));
  changed("record_review");
  ASSERT_TRUE(close_plan(*conn, followed_.journey, "Emploi trouvé", referent_));
  changed("close_plan");
  ASSERT_TRUE(reopen_plan(*conn, followed_.journey, referent_));
  changed("reopen_plan");
  ASSERT_TRUE(close_goal(*conn, g, "reached", "Atteint", referent_));
  changed("close_goal");
  EXPECT_EQ(plan_versions(*conn, other_journey), other_before);

  // The catalogue: the structure the action names renamed, or its service moved elsewhere.
  conn->execute("UPDATE structures SET nom = nom WHERE id = $1", {catalogue_.ml_structure});
  EXPECT_EQ(plan_versions(*conn, followed_.journey), last);
  conn->execute("UPDATE structures SET nom = 'Mission locale des Ardennes' WHERE id = $1",
                {catalogue_.ml_structure});
  changed("structure renamed");
  conn->execute("UPDATE structures SET nom = 'CCAS renommé' WHERE id = $1",
                {catalogue_.ccas_structure});
  EXPECT_EQ(plan_versions(*conn, followed_.journey), last);  // no action of the plan names it
  conn->execute("UPDATE services SET structure_id = $2 WHERE id = $1",
                {catalogue_.ml_mobility, catalogue_.ccas_structure});
  changed("service moved");

  // Names of accounts (carriers, responsibles): the names version.
  conn->execute("UPDATE users SET name = 'Karim Benali-Roux' WHERE id = $1", {world_.colleague});
  PlanVersions renamed = plan_versions(*conn, followed_.journey);
  EXPECT_EQ(renamed.plan, last.plan);
  EXPECT_NE(renamed.names, last.names);
  last = renamed;

  conn->execute("DELETE FROM plan_actions WHERE id = $1", {a});
  changed("action deleted");
  conn->execute("DELETE FROM plan_goals WHERE id = $1", {g});
  changed("goal deleted");
}

INSTANTIATE_TEST_SUITE_P(Engines, PlanTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::plan

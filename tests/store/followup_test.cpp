// The follow-up on both engines: commitments (validation naming the field and writing nothing,
// the person's explicit acceptance with its date and time, the paper signature, transitions
// allowed and refused in French, renewal, the lists of those ending within 30 days), outcomes
// (SIRET, the follow-up in employment and its check-ins, what is due or late) and the closure
// and reopening of a journey (appointments revoked, retention clock, read only), every change
// journaled and told in French by the carnet de bord.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/store/journal.h"
#include "features/appointments/appointments.h"
#include "features/followup/closure.h"
#include "features/followup/commitments.h"
#include "features/followup/dates.h"
#include "features/followup/narration.h"
#include "features/followup/outcomes.h"
#include "features/people/events.h"
#include "features/people/policy.h"
#include "store/people_fixture.h"

namespace parcours::followup {
namespace {

// Friday 12 March 2027, 10:00 in Paris (09:00 UTC).
constexpr std::int64_t kNow = 1804842000;
constexpr std::int64_t kDay = 86400;

class FollowupTest : public test::PeopleTest {
 protected:
  void SetUp() override {
    PeopleTest::SetUp();
    pin_clock_for_tests(kNow);
    auto conn = db().acquire();
    person_ = conn->query_one(
                      "INSERT INTO persons (territory_id, birth_name, first_names, email, "
                      "created_at, updated_at) VALUES ($1, 'Martin', 'Nicolas', "
                      "'nicolas@exemple.fr', 0, 0) RETURNING id",
                      {world_.ardennes})
                  ->integer(0);
    journey_ = journey_for(*conn, person_);
  }

  std::int64_t journey_for(store::Connection& conn, std::int64_t person) {
    std::int64_t j = conn.query_one(
                             "INSERT INTO journeys (person_id, territory_id, status, entry, "
                             "opened_at, last_activity_at) VALUES ($1, $2, 'accompanied', "
                             "'professional', 0, 0) RETURNING id",
                             {person, world_.ardennes})
                         ->integer(0);
    conn.execute(
        "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) "
        "VALUES ($1, $2, $3, 'referent', 0), ($1, $4, $5, 'member', 0)",
        {j, world_.referent, world_.cd08, world_.colleague, world_.mission_locale});
    return j;
  }

  Actor referent() const { return {world_.referent, world_.cd08}; }

  CommitmentForm cer(const char* start = "2027-03-12", const char* end = "2027-09-11") {
    return {.kind = "cer",
            .start_date = start,
            .end_date = end,
            .rights_and_duties = default_rights_and_duties("cer")};
  }

  OutcomeForm job() {
    return {.kind = "job",
            .title = "Agent d’entretien des espaces verts",
            .contract = "cdd",
            .hours_per_week = "35",
            .start_date = "2027-03-01",
            .end_date = "2027-12-31",
            .employer_name = "Les Jardins de la Meuse",
            .employer_siret = "732 829 320 00074",
            .contact_name = "Claire Dumas",
            .contact_phone = "03 24 40 11 22",
            .contact_email = "Claire.Dumas@jardins.test"};
  }

  std::int64_t count(const std::string& sql, const store::Params& params = {}) {
    auto conn = db().acquire();
    return conn->query_one(sql, params)->integer(0);
  }

  std::vector<store::Event> events(const char* kind) {
    auto conn = db().acquire();
    return store::read_events(*conn, {.limit = 100, .person_id = person_, .kind_prefix = kind});
  }

  std::string told(const store::Event& event) {
    auto conn = db().acquire();
    people::EventNarrator narrator(*conn);
    return narrator.sentence(event);
  }

  std::int64_t person_ = 0;
  std::int64_t journey_ = 0;
};

TEST_P(FollowupTest, ProposedCommitmentIsJournaledAndToldInFrench) {
  auto conn = db().acquire();
  auto id = propose(*conn, journey_, cer(), referent());
  ASSERT_TRUE(id) << id.error().message;
  auto c = find_commitment(*conn, *id);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, "proposed");
  EXPECT_EQ(c->start_date, "2027-03-12");
  EXPECT_EQ(c->person_name, "Nicolas Martin");
  EXPECT_NE(c->rights_and_duties.find("Vos engagements"), std::string::npos);
  auto proposed = events(kCommitmentProposed);
  ASSERT_EQ(proposed.size(), 1u);
  EXPECT_EQ(told(proposed[0]),
            "Sofia Martin (CD 08) a proposé un CER du 12 mars 2027 au 11 septembre 2027");
  EXPECT_EQ(proposed[0].payload_json.find("rights"), std::string::npos);
  EXPECT_EQ(person_sentence(kCommitmentProposed, "Sofia Martin (CD 08)",
                            people::EventNarrator::parse_payload(proposed[0])),
            "Sofia Martin (CD 08) vous propose un CER du 12 mars 2027 au 11 septembre 2027 : "
            "lisez-le et acceptez-le dans « Mes engagements »");
}

TEST_P(FollowupTest, RefusesBadCommitmentInputNamingTheFieldAndWritesNothing) {
  struct Case {
    CommitmentForm form;
    const char* field;
    const char* message_part;
  };
  auto with = [&](auto change) {
    CommitmentForm f = cer();
    change(f);
    return f;
  };
  const std::vector<Case> cases = {
      {with([](auto& f) { f.kind = "rsa"; }), "kind", "Type d’engagement"},
      {with([](auto& f) { f.kind = "other"; }), "other_label", "Nom de l’engagement"},
      {with([](auto& f) { f.start_date = "31/02/2027"; }), "start_date", "jj/mm/aaaa"},
      {with([](auto& f) { f.end_date = ""; }), "end_date", "jj/mm/aaaa"},
      {with([](auto& f) { f.end_date = "2027-03-01"; }), "end_date", "après la date de début"},
      {with([](auto& f) { f.end_date = "2030-06-01"; }), "end_date", "36 mois"},
      {with([](auto& f) { f.rights_and_duties = "  trop court "; }), "rights_and_duties",
       "Droits et devoirs"},
  };
  auto conn = db().acquire();
  for (const auto& c : cases) {
    auto id = propose(*conn, journey_, c.form, referent());
    ASSERT_FALSE(id) << c.field;
    EXPECT_EQ(id.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(id.error().field, c.field);
    EXPECT_NE(id.error().message.find(c.message_part), std::string::npos) << id.error().message;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM commitments"), 0);
  EXPECT_TRUE(events("commitment.").empty());
  // Typed by hand, DD/MM/YYYY is understood.
  EXPECT_TRUE(propose(*conn, journey_, cer("12/03/2027", "11/09/2027"), referent()));
}

TEST_P(FollowupTest, ACommitmentCoversGoalsOfThePersonsOwnPlan) {
  auto conn = db().acquire();
  auto goal = [&](std::int64_t journey, const char* title, const char* status) {
    return conn
        ->query_one(
            "INSERT INTO plan_goals (journey_id, thematique, title, status, created_at, "
            "updated_at) VALUES ($1, 'trouver-un-emploi', $2, $3, 0, 0) RETURNING id",
            {journey, title, status})
        ->integer(0);
  };
  std::int64_t job = goal(journey_, "Trouver un emploi de magasinier", "active");
  std::int64_t licence = goal(journey_, "Passer le permis B", "active");
  std::int64_t declined = goal(journey_, "Devenir pilote", "declined");
  std::int64_t other_person = conn->query_one(
                                      "INSERT INTO persons (territory_id, birth_name, "
                                      "first_names, created_at, updated_at) VALUES ($1, 'Roux', "
                                      "'Léa', 0, 0) RETURNING id",
                                      {world_.ardennes})
                                  ->integer(0);
  std::int64_t foreign = goal(journey_for(*conn, other_person), "Se loger", "active");
  EXPECT_EQ(available_goals(*conn, journey_).size(), 2u);
  for (std::int64_t refused : {declined, foreign}) {
    CommitmentForm form = cer();
    form.goal_ids = {std::to_string(job), std::to_string(refused)};
    auto id = propose(*conn, journey_, form, referent());
    ASSERT_FALSE(id);
    EXPECT_EQ(id.error().field, "goals");
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM commitments"), 0);
  CommitmentForm form = cer();
  form.goal_ids = {std::to_string(licence), std::to_string(job), std::to_string(job)};
  auto id = propose(*conn, journey_, form, referent());
  ASSERT_TRUE(id) << id.error().message;
  auto c = find_commitment(*conn, *id);
  ASSERT_EQ(c->goals.size(), 2u);
  EXPECT_EQ(c->goals[0].title, "Trouver un emploi de magasinier");
  // An edit says again which goals the commitment covers.
  form.goal_ids = {std::to_string(licence)};
  ASSERT_TRUE(update_commitment(*conn, *id, form, referent()));
  ASSERT_EQ(find_commitment(*conn, *id)->goals.size(), 1u);
  EXPECT_EQ(form_of(*find_commitment(*conn, *id)).goal_ids,
            std::vector<std::string>{std::to_string(licence)});
}

TEST_P(FollowupTest, PersonAcceptsExplicitlyWithDateAndTime) {
  auto conn = db().acquire();
  std::int64_t id = *propose(*conn, journey_, cer(), referent());
  auto unticked = accept_online(*conn, id, person_, false, kNow);
  ASSERT_FALSE(unticked);
  EXPECT_EQ(unticked.error().field, "accept");
  EXPECT_EQ(find_commitment(*conn, id)->status, "proposed");
  auto other = accept_online(*conn, id, person_ + 1000, true, kNow);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(accept_online(*conn, id, person_, true, kNow + 60));
  auto c = find_commitment(*conn, id);
  EXPECT_EQ(c->status, "signed");
  EXPECT_EQ(c->signature, "online");
  EXPECT_EQ(c->accepted_at, kNow + 60);
  EXPECT_EQ(c->signed_on, "2027-03-12");
  auto accepted = events(kCommitmentAccepted);
  ASSERT_EQ(accepted.size(), 1u);
  EXPECT_FALSE(accepted[0].actor_id);
  EXPECT_EQ(told(accepted[0]), "La personne a accepté son CER dans son espace");

  auto again = accept_online(*conn, id, person_, true, kNow + 120);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().message, "Cet engagement est déjà signé.");
}

TEST_P(FollowupTest, TellsWhichTransitionsAreAllowed) {
  EXPECT_TRUE(check_commitment_transition("proposed", "signed"));
  EXPECT_TRUE(check_commitment_transition("proposed", "cancelled"));
  EXPECT_TRUE(check_commitment_transition("signed", "replaced"));
  struct Refused {
    const char* from;
    const char* to;
    const char* message;
  };
  for (const Refused& r :
       {Refused{"proposed", "replaced", "n’est pas encore signé"},
        Refused{"signed", "cancelled", "ne peut plus être annulé"},
        Refused{"signed", "signed", "déjà signé"}, Refused{"cancelled", "signed", "a été annulé"},
        Refused{"replaced", "signed", "a été renouvelé"}}) {
    auto result = check_commitment_transition(r.from, r.to);
    ASSERT_FALSE(result) << r.from << " → " << r.to;
    EXPECT_EQ(result.error().code, ErrorCode::kConflict);
    EXPECT_NE(result.error().message.find(r.message), std::string::npos) << result.error().message;
  }
}

TEST_P(FollowupTest, RecordsAPaperSignatureAndFreezesTheCommitment) {
  auto conn = db().acquire();
  std::int64_t id = *propose(*conn, journey_, cer(), referent());
  auto future = record_paper_signature(*conn, id, "2027-03-13", referent());
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().field, "signed_on");
  EXPECT_NE(future.error().message.find("futur"), std::string::npos);
  ASSERT_TRUE(record_paper_signature(*conn, id, "10/03/2027", referent()));
  auto c = find_commitment(*conn, id);
  EXPECT_EQ(c->signature, "paper");
  EXPECT_EQ(c->signed_on, "2027-03-10");
  EXPECT_FALSE(c->accepted_at);
  auto signed_events = events(kCommitmentSigned);
  ASSERT_EQ(signed_events.size(), 1u);
  EXPECT_EQ(told(signed_events[0]),
            "Sofia Martin (CD 08) a enregistré la signature sur papier du CER, signé le 10 mars "
            "2027");
  auto edit = update_commitment(*conn, id, cer(), referent());
  ASSERT_FALSE(edit);
  EXPECT_NE(edit.error().message.find("renouvelez-le"), std::string::npos);
  auto cancel = cancel_commitment(*conn, id, referent());
  ASSERT_FALSE(cancel);
  EXPECT_EQ(cancel.error().code, ErrorCode::kConflict);
}

TEST_P(FollowupTest, RenewalReplacesTheSignedCommitmentAndLeavesTheExpiryList) {
  auto conn = db().acquire();
  std::int64_t id = *propose(*conn, journey_, cer("2026-09-20", "2027-03-20"), referent());
  auto early = renew(*conn, id, cer("2027-03-21", "2027-09-20"), referent());
  ASSERT_FALSE(early);
  EXPECT_NE(early.error().message.find("pas encore signé"), std::string::npos);
  ASSERT_TRUE(record_paper_signature(*conn, id, "2027-03-01", referent()));
  EXPECT_EQ(expiring_for_referent(*conn, world_.referent, today()).size(), 1u);

  auto renewed = renew(*conn, id, cer("2027-03-21", "2027-09-20"), referent());
  ASSERT_TRUE(renewed) << renewed.error().message;
  auto old = find_commitment(*conn, id);
  EXPECT_EQ(old->status, "replaced");
  EXPECT_EQ(old->replaced_by_id, *renewed);
  auto fresh = find_commitment(*conn, *renewed);
  EXPECT_EQ(fresh->status, "proposed");
  EXPECT_EQ(fresh->replaces_id, id);
  EXPECT_TRUE(expiring_for_referent(*conn, world_.referent, today()).empty());
  auto proposed = events(kCommitmentProposed);
  ASSERT_EQ(proposed.size(), 2u);
  EXPECT_EQ(told(proposed[1]),
            "Sofia Martin (CD 08) a renouvelé l’engagement : un CER du 21 mars 2027 au 20 "
            "septembre 2027, à signer");
}

TEST_P(FollowupTest, ListsCommitmentsEndingWithin30DaysForTheReferentAndTheOrganisation) {
  auto conn = db().acquire();
  auto signed_commitment = [&](std::int64_t journey, const char* start, const char* end) {
    std::int64_t id = *propose(*conn, journey, cer(start, end), referent());
    EXPECT_TRUE(record_paper_signature(*conn, id, "2027-03-01", referent()));
    return id;
  };
  std::int64_t soon = signed_commitment(journey_, "2026-10-01", "2027-03-22");  // in 10 days
  std::int64_t other_person = conn->query_one(
                                      "INSERT INTO persons (territory_id, birth_name, "
                                      "first_names, created_at, updated_at) VALUES ($1, 'Roux', "
                                      "'Léa', 0, 0) RETURNING id",
                                      {world_.ardennes})
                                  ->integer(0);
  std::int64_t other_journey = journey_for(*conn, other_person);
  std::int64_t expired = signed_commitment(other_journey, "2026-09-01", "2027-03-07");
  std::int64_t third = conn->query_one(
                               "INSERT INTO persons (territory_id, birth_name, first_names, "
                               "created_at, updated_at) VALUES ($1, 'Petit', 'Jules', 0, 0) "
                               "RETURNING id",
                               {world_.ardennes})
                           ->integer(0);
  std::int64_t third_journey = journey_for(*conn, third);
  signed_commitment(third_journey, "2027-03-01", "2027-04-21");  // in 40 days: not yet
  EXPECT_TRUE(propose(*conn, third_journey, cer("2027-03-01", "2027-03-20"), referent()));

  auto ids = [](const std::vector<Commitment>& list) {
    std::vector<std::int64_t> out;
    for (const auto& c : list) out.push_back(c.id);
    return out;
  };
  EXPECT_EQ(ids(expiring_for_referent(*conn, world_.referent, today())),
            (std::vector<std::int64_t>{expired, soon}));
  EXPECT_TRUE(expiring_for_referent(*conn, world_.colleague, today()).empty());
  EXPECT_EQ(ids(expiring_for_organisation(*conn, world_.cd08, today())),
            (std::vector<std::int64_t>{expired, soon}));
  EXPECT_TRUE(expiring_for_organisation(*conn, world_.mission_locale, today()).empty());
  auto expired_row = find_commitment(*conn, expired);
  EXPECT_TRUE(expired_row->expired(today()));
  EXPECT_EQ(commitment_status_label(expired_row->status, true), "Expiré");
  // A closed journey falls due no more.
  ASSERT_TRUE(close_journey(*conn, other_journey, {.reason = "moved"}, referent(), kNow));
  EXPECT_EQ(ids(expiring_for_referent(*conn, world_.referent, today())),
            (std::vector<std::int64_t>{soon}));
}

TEST_P(FollowupTest, ChecksTheEmployersSiret) {
  EXPECT_EQ(*validate_siret(" 732 829 320 00074 "), "73282932000074");
  EXPECT_EQ(*validate_siret(""), "");
  auto wrong_key = validate_siret("73282932000075");
  ASSERT_FALSE(wrong_key);
  EXPECT_EQ(wrong_key.error().field, "employer_siret");
  EXPECT_NE(wrong_key.error().message.find("clé de contrôle"), std::string::npos);
  auto short_one = validate_siret("732 829 320");
  ASSERT_FALSE(short_one);
  EXPECT_NE(short_one.error().message.find("14 chiffres"), std::string::npos);
  EXPECT_FALSE(validate_siret("7328293200007A"));
}

TEST_P(FollowupTest, RefusesBadOutcomeInputNamingTheFieldAndWritesNothing) {
  struct Case {
    OutcomeForm form;
    const char* field;
  };
  auto with = [&](auto change) {
    OutcomeForm f = job();
    change(f);
    return f;
  };
  const std::vector<Case> cases = {
      {with([](auto& f) { f.kind = "retraite"; }), "kind"},
      {with([](auto& f) { f.title = " "; }), "title"},
      {with([](auto& f) { f.contract = ""; }), "contract"},
      {with([](auto& f) { f.hours_per_week = "0"; }), "hours_per_week"},
      {with([](auto& f) { f.hours_per_week = "35h"; }), "hours_per_week"},
      {with([](auto& f) { f.start_date = "demain"; }), "start_date"},
      {with([](auto& f) { f.end_date = "2027-02-01"; }), "end_date"},
      {with([](auto& f) { f.employer_name = ""; }), "employer_name"},
      {with([](auto& f) { f.employer_siret = "73282932000075"; }), "employer_siret"},
      {with([](auto& f) { f.contact_phone = "appeler"; }), "contact_phone"},
      {with([](auto& f) { f.contact_email = "claire@"; }), "contact_email"},
      {with([](auto& f) { f.followup_until = "2027-02-01"; }), "followup_until"},
  };
  auto conn = db().acquire();
  for (const auto& c : cases) {
    auto id = record_outcome(*conn, journey_, c.form, referent());
    ASSERT_FALSE(id) << c.field;
    EXPECT_EQ(id.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(id.error().field, c.field) << id.error().message;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM outcomes"), 0);
  // A training needs neither a contract nor an employer.
  EXPECT_TRUE(record_outcome(*conn, journey_,
                             {.kind = "training",
                              .title = "Titre professionnel agent de propreté",
                              .start_date = "2027-04-06"},
                             referent()));
}

TEST_P(FollowupTest, AJobStartsSixMonthsOfFollowupWithCheckinsDueAndLate) {
  auto conn = db().acquire();
  auto id = record_outcome(*conn, journey_, job(), referent());
  ASSERT_TRUE(id) << id.error().message;
  auto o = find_outcome(*conn, *id);
  EXPECT_EQ(o->followup_until, "2027-09-01");
  EXPECT_EQ(o->next_checkin_on, "2027-03-15");  // two weeks after the start
  EXPECT_EQ(o->employer_siret, "73282932000074");
  EXPECT_EQ(o->contact_email, "claire.dumas@jardins.test");
  auto recorded = events(kOutcomeRecorded);
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(told(recorded[0]),
            "Sofia Martin (CD 08) a enregistré un emploi (CDD) à partir du 1er mars 2027");
  EXPECT_EQ(recorded[0].payload_json.find("Jardins"), std::string::npos);
  EXPECT_EQ(followups_due_for_referent(*conn, world_.referent, today()).size(), 1u);
  EXPECT_EQ(followups_due_for_organisation(*conn, world_.cd08, today()).size(), 1u);
  EXPECT_TRUE(followups_due_for_referent(*conn, world_.colleague, today()).empty());

  auto future = add_checkin(*conn, *id, {.date = "2027-03-13", .with_whom = "person", .note = "Ok"},
                            referent());
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().field, "date");
  auto nobody = add_checkin(*conn, *id, {.date = "2027-03-12", .with_whom = "voisin", .note = "Ok"},
                            referent());
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().field, "with_whom");
  ASSERT_TRUE(add_checkin(*conn, *id,
                          {.date = "2027-03-12",
                           .with_whom = "employer",
                           .note = "Prise de poste sereine, horaires à ajuster."},
                          referent()));
  EXPECT_EQ(find_outcome(*conn, *id)->next_checkin_on, "2027-04-11");
  EXPECT_TRUE(followups_due_for_referent(*conn, world_.referent, today()).empty());
  auto checkin = events(kCheckinAdded);
  ASSERT_EQ(checkin.size(), 1u);
  EXPECT_EQ(told(checkin[0]),
            "Sofia Martin (CD 08) a fait un point de suivi dans l’emploi avec l’employeur le 12 "
            "mars 2027");
  // Five weeks later, the check-in of 11 April is late.
  pin_clock_for_tests(kNow + 35 * kDay);
  auto late = followups_due_for_referent(*conn, world_.referent, today());
  ASSERT_EQ(late.size(), 1u);
  EXPECT_LT(*parse_date(late[0].next_checkin_on), today());
}

TEST_P(FollowupTest, TheFollowupEndIsEditableAndEndsItWhenPast) {
  auto conn = db().acquire();
  std::int64_t id = *record_outcome(*conn, journey_, job(), referent());
  auto before = change_followup_end(*conn, id, "2027-02-01", referent());
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().field, "followup_until");
  ASSERT_TRUE(change_followup_end(*conn, id, "2027-12-01", referent()));
  EXPECT_EQ(find_outcome(*conn, id)->followup_until, "2027-12-01");
  EXPECT_EQ(find_outcome(*conn, id)->next_checkin_on, "2027-03-15");
  ASSERT_TRUE(change_followup_end(*conn, id, "2027-03-12", referent()));
  EXPECT_EQ(find_outcome(*conn, id)->next_checkin_on, "");
  EXPECT_TRUE(followups_due_for_referent(*conn, world_.referent, today()).empty());
  auto changed = events(kFollowupChanged);
  ASSERT_EQ(changed.size(), 2u);
  EXPECT_EQ(told(changed[0]),
            "Sofia Martin (CD 08) a fixé la fin du suivi dans l’emploi au 1er décembre 2027");
  EXPECT_EQ(told(changed[1]), "Sofia Martin (CD 08) a mis fin au suivi dans l’emploi");
  std::int64_t training = *record_outcome(
      *conn, journey_, {.kind = "training", .title = "CACES", .start_date = "2027-03-01"},
      referent());
  EXPECT_FALSE(change_followup_end(*conn, training, "2027-06-01", referent()));
}

TEST_P(FollowupTest, ClosingRevokesComingAppointmentsFreezesTheJourneyAndCanBeUndone) {
  auto conn = db().acquire();
  auto appointment = appointments::book(*conn, journey_,
                                        {.professional = std::to_string(world_.referent),
                                         .date = "2027-03-15",
                                         .time = "10:00",
                                         .duration = "45",
                                         .place_kind = "phone",
                                         .place = "03 24 00 00 00",
                                         .purpose = "Point d’étape"},
                                        {world_.referent, world_.cd08}, kNow);
  ASSERT_TRUE(appointment) << appointment.error().message;
  auto no_detail = close_journey(*conn, journey_, {.reason = "other"}, referent(), kNow);
  ASSERT_FALSE(no_detail);
  EXPECT_EQ(no_detail.error().field, "detail");
  auto no_reason = close_journey(*conn, journey_, {.reason = "fini"}, referent(), kNow);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "reason");
  EXPECT_EQ(count("SELECT COUNT(*) FROM journeys WHERE status = 'closed'"), 0);

  ASSERT_TRUE(close_journey(*conn, journey_, {.reason = "lasting_job"}, referent(), kNow + 5));
  auto row = conn->query_one(
      "SELECT status, close_reason, closed_at, last_activity_at FROM journeys WHERE id = $1",
      {journey_});
  EXPECT_EQ(row->text(0), "closed");
  EXPECT_EQ(row->text(1), "lasting_job");
  EXPECT_EQ(row->integer(2), kNow + 5);
  EXPECT_GE(row->integer(3), kNow);  // the retention clock runs from the closure
  EXPECT_EQ(appointments::find_appointment(*conn, *appointment)->status, "revoked");
  auto closed = events(kJourneyClosed);
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(told(closed[0]), "Sofia Martin (CD 08) a clos le parcours (motif : Emploi durable)");
  EXPECT_EQ(person_sentence(kJourneyClosed, "", people::EventNarrator::parse_payload(closed[0])),
            "Votre parcours est terminé (motif : Emploi durable)");

  // Read only: nothing changes in it, the team still sees it and its référent may reopen it.
  auto late = propose(*conn, journey_, cer(), referent());
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(record_outcome(*conn, journey_, job(), referent()));
  auto twice = close_journey(*conn, journey_, {.reason = "moved"}, referent(), kNow);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message, "Ce parcours est déjà clos.");
  security::Actor sofia{.user_id = world_.referent,
                        .grants = {{.role = security::Role::kProfessional,
                                    .organisation_id = world_.cd08,
                                    .organisation_territory_id = world_.ardennes}}};
  auto facts = people::load_person_facts(*conn, sofia, person_, world_.ardennes);
  EXPECT_TRUE(facts.in_team);
  EXPECT_TRUE(facts.referent);
  EXPECT_FALSE(facts.journey_active);
  EXPECT_TRUE(people::may_view_journey(sofia, facts));
  EXPECT_FALSE(people::may_add_note(sofia, facts));

  auto no_why = reopen_journey(*conn, journey_, " ", referent(), kNow + 10);
  ASSERT_FALSE(no_why);
  EXPECT_EQ(no_why.error().field, "reopen_reason");
  ASSERT_TRUE(reopen_journey(*conn, journey_, "Fin de la période d’essai, il revient vers nous.",
                             referent(), kNow + 10));
  row = conn->query_one("SELECT status, close_reason, closed_at FROM journeys WHERE id = $1",
                        {journey_});
  EXPECT_EQ(row->text(0), "accompanied");
  EXPECT_TRUE(row->is_null(1));
  EXPECT_TRUE(row->is_null(2));
  auto history = closures_of(*conn, journey_);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].reopened_at, kNow + 10);
  EXPECT_EQ(history[0].closed_by, "Sofia Martin");
  auto reopened = events(kJourneyReopened);
  ASSERT_EQ(reopened.size(), 1u);
  EXPECT_EQ(told(reopened[0]), "Sofia Martin (CD 08) a rouvert le parcours");
  auto again = reopen_journey(*conn, journey_, "Encore", referent(), kNow + 20);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message, "Ce parcours n’est pas clos.");
}

TEST_P(FollowupTest, ReopeningIsRefusedWhenAnotherJourneyIsActiveThere) {
  auto conn = db().acquire();
  ASSERT_TRUE(close_journey(*conn, journey_, {.reason = "stopped"}, referent(), kNow));
  conn->execute(
      "INSERT INTO journeys (person_id, territory_id, status, entry, opened_at, "
      "last_activity_at) VALUES ($1, $2, 'to_orient', 'public_form', 0, 0)",
      {person_, world_.ardennes});
  auto reopened = reopen_journey(*conn, journey_, "Retour", referent(), kNow + 10);
  ASSERT_FALSE(reopened);
  EXPECT_EQ(reopened.error().code, ErrorCode::kConflict);
  EXPECT_NE(reopened.error().message.find("un autre parcours en cours"), std::string::npos);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM journeys WHERE person_id = $1 AND status = 'closed'", {person_}),
      1);
}

INSTANTIATE_TEST_SUITE_P(Engines, FollowupTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::followup

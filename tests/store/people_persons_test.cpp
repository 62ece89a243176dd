// Persons, matching and journeys on both engines: creation with field sources and search terms,
// the NIR stored protected, strong identifiers that never make a duplicate, weak suggestions and
// their dismissal, one active journey per territory, and the public-form entry.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/store/journal.h"
#include "features/people/journeys.h"
#include "features/people/matching.h"
#include "features/people/nir_protection.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "store/people_fixture.h"

namespace parcours::people {
namespace {

class PeoplePersonsTest : public test::PeopleTest {};

std::int64_t count(store::Connection& conn, const std::string& sql) {
  return conn.query_one(sql)->integer(0);
}

TEST_P(PeoplePersonsTest, CreatesAPersonWithSourcesTermsAndAProtectedNir) {
  auto conn = db().acquire();
  auto id = create_person(*conn, world_.ardennes, sofia_form(),
                          Provenance::professional(world_.referent, world_.cd08));
  ASSERT_TRUE(id) << id.error().message;
  auto p = find_person(*conn, *id);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->birth_date, "1984-03-12");
  EXPECT_EQ(p->email, "sofia.durand@exemple.fr");
  EXPECT_EQ(p->phone, "+33612345678");
  EXPECT_EQ(p->commune_code, "08409");
  EXPECT_EQ(p->postcode, "08200");
  EXPECT_EQ(display_name(*p), "Sofia Marie Lefèvre-Martin (née Durand)");
  // The NIR is never stored in clear, and opens back with the key.
  ASSERT_TRUE(p->nir_sealed);
  EXPECT_EQ(p->nir_sealed->find("284050812345638"), std::string::npos);
  EXPECT_EQ(reveal_nir(*conn, *p->nir_sealed), "284050812345638");
  EXPECT_EQ(p->nir_hash, nir_hash(*conn, "2840508123456"));
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM persons WHERE nir_sealed LIKE '%2840508%'"), 0);

  auto sources = field_sources(*conn, *id);
  auto nir_source = std::find_if(sources.begin(), sources.end(),
                                 [](const FieldSource& s) { return s.field == "nir"; });
  ASSERT_NE(nir_source, sources.end());
  EXPECT_EQ(nir_source->source, Source::kProfessional);
  EXPECT_EQ(nir_source->user_name, "Sofia Martin");
  EXPECT_EQ(nir_source->organisation_name, "CD 08");
  EXPECT_NE(describe_source(*nir_source).find("Saisi par Sofia Martin (CD 08)"), std::string::npos);

  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM person_terms WHERE term = 'lefevremartin'"), 1);
  auto events = store::read_events(*conn, {.person_id = *id});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "person.created");
  EXPECT_EQ(events[0].actor_id, world_.referent);
  // No personal value in the journal.
  EXPECT_EQ(events[0].payload_json.find("Durand"), std::string::npos);
  EXPECT_EQ(events[0].payload_json.find("sofia"), std::string::npos);
}

TEST_P(PeoplePersonsTest, RefusesBadInputNamingTheFieldAndWritesNothing) {
  auto conn = db().acquire();
  struct Case {
    std::function<void(PersonForm&)> spoil;
    const char* field;
  };
  std::vector<Case> cases{
      {[](PersonForm& f) { f.identity.birth_name = " "; }, "birth_name"},
      {[](PersonForm& f) { f.identity.first_names = ""; }, "first_names"},
      {[](PersonForm& f) { f.identity.birth_date = "31/02/1984"; }, "birth_date"},
      {[](PersonForm& f) { f.identity.sex = "X"; }, "sex"},
      {[](PersonForm& f) { f.identity.nir = "2 84 05 08 123 456 39"; }, "nir"},
      {[](PersonForm& f) { f.identity.sex = "M"; }, "nir"},
      {[](PersonForm& f) { f.identity.caf_number = "12345678"; }, "caf_number"},
      {[](PersonForm& f) { f.identity.ft_id = "123"; }, "ft_id"},
      {[](PersonForm& f) { f.contact.email = "sofia@"; }, "email"},
      {[](PersonForm& f) { f.contact.phone = "12 34"; }, "phone"},
      {[](PersonForm& f) { f.contact.commune = "Atlantide"; }, "commune"},
      {[](PersonForm& f) { f.contact.postcode = "51100"; }, "postcode"},
      {[](PersonForm& f) { f.situation.rsa_status = "9"; }, "rsa_status"},
      {[](PersonForm& f) { f.situation.allowances = {"rsa"}; }, "allowances"},
      {[](PersonForm& f) { f.situation.education_level = "12"; }, "education_level"},
      {[](PersonForm& f) { f.situation.last_job_end = "2026-13"; }, "last_job_end"},
  };
  for (const auto& c : cases) {
    PersonForm form = sofia_form();
    c.spoil(form);
    auto id = create_person(*conn, world_.ardennes, form, Provenance::public_form());
    ASSERT_FALSE(id) << c.field;
    EXPECT_EQ(id.error().code, ErrorCode::kInvalid) << c.field;
    EXPECT_EQ(id.error().field, c.field) << id.error().message;
  }
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM persons"), 0);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal WHERE person_id IS NOT NULL"), 0);
}

TEST_P(PeoplePersonsTest, NeverCreatesADuplicateOfAStrongIdentifier) {
  auto conn = db().acquire();
  PersonForm first = sofia_form();
  first.identity.ft_id = "1234567A";
  first.identity.internal_id = "CD08-42";
  ASSERT_TRUE(create_person(*conn, world_.ardennes, first, Provenance::public_form()));

  PersonForm same_nir = sofia_form();
  same_nir.identity.nir = "2840508123456";  // the 13 characters without the key
  auto nir = create_person(*conn, world_.ardennes, same_nir, Provenance::public_form());
  ASSERT_FALSE(nir);
  EXPECT_EQ(nir.error().code, ErrorCode::kConflict);
  EXPECT_EQ(nir.error().field, "nir");

  PersonForm same_ft;
  same_ft.identity = {.birth_name = "Autre", .first_names = "Nom", .ft_id = "1234567a"};
  auto ft = create_person(*conn, world_.marne, same_ft, Provenance::public_form());
  ASSERT_FALSE(ft);
  EXPECT_EQ(ft.error().field, "ft_id");

  PersonForm same_internal;
  same_internal.identity = {.birth_name = "Autre", .first_names = "Nom", .internal_id = "CD08-42"};
  auto internal = create_person(*conn, world_.ardennes, same_internal, Provenance::public_form());
  ASSERT_FALSE(internal);
  EXPECT_EQ(internal.error().field, "internal_id");
  // The département's id is its own: the Marne may use the same one.
  EXPECT_TRUE(create_person(*conn, world_.marne, same_internal, Provenance::public_form()));
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM persons"), 2);
}

TEST_P(PeoplePersonsTest, MatchesStrongIdentifiersInOrderNirThenInternalIdThenFranceTravail) {
  auto conn = db().acquire();
  PersonForm a;
  a.identity = {.birth_name = "Alpha", .first_names = "Anne", .nir = "2840508123456"};
  PersonForm b;
  b.identity = {.birth_name = "Bravo", .first_names = "Bea", .internal_id = "X1"};
  PersonForm c;
  c.identity = {.birth_name = "Charlie", .first_names = "Chloé", .ft_id = "FT000001"};
  auto ida = *create_person(*conn, world_.ardennes, a, Provenance::public_form());
  auto idb = *create_person(*conn, world_.ardennes, b, Provenance::public_form());
  auto idc = *create_person(*conn, world_.ardennes, c, Provenance::public_form());

  ValidIdentity all{.birth_name = "Zoulou",
                    .first_names = "Zoé",
                    .nir = "284050812345638",
                    .ft_id = "FT000001",
                    .internal_id = "X1"};
  auto candidate = candidate_of(*conn, world_.ardennes, all, {});
  auto first = find_strong_match(*conn, candidate);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->person_id, ida);
  EXPECT_EQ(first->reason, MatchReason::kNir);
  candidate.nir_hash.reset();
  EXPECT_EQ(find_strong_match(*conn, candidate)->person_id, idb);
  candidate.internal_id.reset();
  EXPECT_EQ(find_strong_match(*conn, candidate)->person_id, idc);
  candidate.territory_id = world_.marne;
  candidate.internal_id = "X1";
  EXPECT_EQ(find_strong_match(*conn, candidate)->reason, MatchReason::kFtId);
  candidate.ft_id.reset();
  EXPECT_FALSE(find_strong_match(*conn, candidate));
}

TEST_P(PeoplePersonsTest, SuggestsWeakMatchesAndForgetsDismissedOnes) {
  auto conn = db().acquire();
  PersonForm a;
  a.identity = {.birth_name = "Martin", .first_names = "Léa", .birth_date = "1990-01-02"};
  a.contact = {.email = "lea@exemple.fr", .phone = "0611111111"};
  auto ida = *create_person(*conn, world_.ardennes, a, Provenance::public_form());

  auto candidate = [&](std::string first, std::string name, std::optional<std::string> email,
                       std::optional<std::string> phone, std::optional<std::string> birth) {
    Candidate c;
    c.territory_id = world_.ardennes;
    c.first_names = std::move(first);
    c.birth_name = std::move(name);
    c.email = std::move(email);
    c.phone = std::move(phone);
    c.birth_date = std::move(birth);
    return c;
  };
  auto by_email = find_weak_matches(*conn, candidate("LEA", "Autre", "lea@exemple.fr", {}, {}));
  ASSERT_EQ(by_email.size(), 1u);
  EXPECT_EQ(by_email[0].reason, MatchReason::kEmail);
  EXPECT_FALSE(by_email[0].strong());
  EXPECT_TRUE(
      find_weak_matches(*conn, candidate("Paul", "Autre", "lea@exemple.fr", {}, {})).empty());
  EXPECT_EQ(find_weak_matches(*conn, candidate("Léa-Rose", "X", {}, "+33611111111", {}))[0].reason,
            MatchReason::kPhone);
  EXPECT_EQ(find_weak_matches(*conn, candidate("lea", "MARTIN", {}, {}, "1990-01-02"))[0].reason,
            MatchReason::kNamesAndBirthDate);
  EXPECT_TRUE(find_weak_matches(*conn, candidate("lea", "Durand", {}, {}, "1990-01-02")).empty());

  PersonForm b = a;
  b.contact = {};
  auto idb = *create_person(*conn, world_.ardennes, b, Provenance::public_form());
  auto person_b = *find_person(*conn, idb);
  ASSERT_EQ(suggestions_for(*conn, person_b).size(), 1u);
  EXPECT_EQ(suggestions_for(*conn, person_b)[0].person_id, ida);
  ASSERT_TRUE(dismiss_match(*conn, idb, ida, world_.referent, world_.cd08));
  EXPECT_TRUE(suggestions_for(*conn, person_b).empty());
  EXPECT_TRUE(suggestions_for(*conn, *find_person(*conn, ida)).empty());
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal WHERE kind = 'match.dismissed'"), 2);
  EXPECT_FALSE(dismiss_match(*conn, ida, ida, world_.referent));
}

TEST_P(PeoplePersonsTest, KeepsOneActiveJourneyPerPersonAndTerritoryWithItsOpenerInTheTeam) {
  auto conn = db().acquire();
  auto id = *create_person(*conn, world_.ardennes, sofia_form(),
                           Provenance::professional(world_.referent, world_.cd08));
  auto journey = open_journey(*conn, {.person_id = id,
                                      .territory_id = world_.ardennes,
                                      .opened_by = world_.referent,
                                      .organisation_id = world_.cd08});
  ASSERT_TRUE(journey) << journey.error().message;
  auto again = open_journey(*conn, {.person_id = id, .territory_id = world_.ardennes});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto team = team_of(*conn, *journey);
  ASSERT_EQ(team.size(), 1u);
  EXPECT_EQ(team[0].user_id, world_.referent);
  EXPECT_EQ(team[0].organisation_name, "CD 08");
  // Another territory may follow the person too; the person is then found there.
  ASSERT_TRUE(open_journey(*conn, {.person_id = id, .territory_id = world_.marne}));
  EXPECT_EQ(count(*conn, "SELECT COUNT(DISTINCT territory_id) FROM person_terms"), 2);
}

TEST_P(PeoplePersonsTest, PublicFormFindsTheKnownPersonOrCreatesOneAndOpensAJourneyToOrient) {
  auto conn = db().acquire();
  auto outcome = request_accompaniment(*conn, world_.ardennes, sofia_form(),
                                       "Je cherche un emploi et un logement.");
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_TRUE(outcome->person_created);
  EXPECT_TRUE(outcome->journey_created);
  auto journey = find_journey(*conn, outcome->journey_id);
  EXPECT_EQ(journey->status, "to_orient");
  EXPECT_EQ(journey->entry, "public_form");
  EXPECT_EQ(journey->need, "Je cherche un emploi et un logement.");
  EXPECT_TRUE(team_of(*conn, journey->id).empty());
  EXPECT_EQ(field_sources(*conn, outcome->person_id)[0].source, Source::kPublicForm);

  // The same NIR again, other details: the same person, the same journey, nothing overwritten.
  PersonForm again = sofia_form();
  again.contact.email = "pirate@exemple.fr";
  auto second = request_accompaniment(*conn, world_.ardennes, again, "Toujours rien.");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->person_id, outcome->person_id);
  EXPECT_EQ(second->journey_id, outcome->journey_id);
  EXPECT_FALSE(second->person_created);
  EXPECT_FALSE(second->journey_created);
  EXPECT_EQ(find_person(*conn, outcome->person_id)->email, "sofia.durand@exemple.fr");
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal WHERE kind = 'request.received'"), 1);

  auto empty_need = request_accompaniment(*conn, world_.ardennes, sofia_form(), "  ");
  ASSERT_FALSE(empty_need);
  EXPECT_EQ(empty_need.error().field, "need");
  EXPECT_EQ(territory_of_commune(*conn, "51454"), world_.marne);
  EXPECT_FALSE(territory_of_commune(*conn, "99999"));
}

TEST_P(PeoplePersonsTest, UpdatesOnlyChangedFieldsWithTheirNewSource) {
  auto conn = db().acquire();
  auto id = *create_person(*conn, world_.ardennes, sofia_form(), Provenance::public_form());
  ContactForm contact = contact_form_of(*find_person(*conn, id));
  contact.phone = "+33 7 00 00 00 01";
  ASSERT_TRUE(update_contact(*conn, id, contact, Provenance::person()));
  auto p = find_person(*conn, id);
  EXPECT_EQ(p->phone, "+33700000001");
  EXPECT_EQ(p->email, "sofia.durand@exemple.fr");
  for (const auto& s : field_sources(*conn, id)) {
    EXPECT_EQ(s.source, s.field == "phone" ? Source::kPerson : Source::kPublicForm) << s.field;
  }
  auto events = store::read_events(*conn, {.person_id = id, .kind_prefix = "person.updated"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NE(events[0].payload_json.find("\"phone\""), std::string::npos);
  EXPECT_EQ(events[0].payload_json.find("+337"), std::string::npos);

  // Identity: an empty NIR field keeps the stored NIR; the names' terms follow.
  IdentityForm identity = identity_form_of(*conn, *p, false);
  EXPECT_TRUE(identity.nir.empty());
  identity.usage_name = "N'Diaye";
  ASSERT_TRUE(
      update_identity(*conn, id, identity, Provenance::professional(world_.referent, world_.cd08)));
  EXPECT_TRUE(find_person(*conn, id)->nir_hash);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM person_terms WHERE term = 'ndiaye'"), 1);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM person_terms WHERE term = 'lefevremartin'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, PeoplePersonsTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::people

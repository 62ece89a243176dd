// Diagnostics on both engines: the socle commun seeded once per change of its file, a
// territory's extra questions versioned (old answers keep their version), every save a new
// journaled version per author, the comparison of two versions, and the pre-fill from the
// person's record with the source of each value.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/store/journal.h"
#include "features/diagnostic/diagnostics.h"
#include "features/diagnostic/forms.h"
#include "features/people/journeys.h"
#include "store/people_fixture.h"

namespace parcours::diagnostic {
namespace {

namespace json = boost::json;
using people::Provenance;

constexpr const char* kExtraV1 = R"({"sections":[{"id":"t","title":"Ardennes","questions":[
  {"id":"t_quartier","type":"yes_no","label":"Habite un quartier prioritaire"}]}]})";
constexpr const char* kExtraV2 = R"({"sections":[{"id":"t","title":"Ardennes","questions":[
  {"id":"t_quartier","type":"yes_no","label":"Habite un quartier prioritaire"},
  {"id":"t_enfants","type":"number","label":"Enfants à charge","min":0}]}]})";

class DiagnosticStoreTest : public test::PeopleTest {
 protected:
  void SetUp() override {
    test::PeopleTest::SetUp();
    pin_clock_for_tests(1'800'000'000);
    auto conn = db().acquire();
    auto form = sofia_form();
    form.situation.last_job = "Agent d’entretien";
    form.situation.last_job_end = "2025-06";
    form.situation.education_level = "3";
    form.situation.driving_licence = true;
    person_ = *people::create_person(*conn, world_.ardennes, form,
                                     Provenance::professional(world_.referent, world_.cd08));
    journey_ = *people::open_journey(*conn, {.person_id = person_,
                                             .territory_id = world_.ardennes,
                                             .opened_by = world_.referent,
                                             .organisation_id = world_.cd08});
    ASSERT_TRUE(seed_socle_commun(*conn, socle_commun_path()));
  }

  std::int64_t count(store::Connection& conn, const std::string& sql) {
    return conn.query_one(sql)->integer(0);
  }

  std::int64_t person_ = 0;
  std::int64_t journey_ = 0;
};

TEST_P(DiagnosticStoreTest, SeedingTheSameFileAgainStoresNoNewVersion) {
  auto conn = db().acquire();
  auto again = seed_socle_commun(*conn, socle_commun_path());
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->added);
  EXPECT_EQ(again->version, 1);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM diagnostic_forms"), 1);
  auto current = current_socle_commun(*conn);
  ASSERT_TRUE(current);
  EXPECT_NE(current->definition.find("projets_metiers"), nullptr);
}

TEST_P(DiagnosticStoreTest, AChangedFileBecomesTheNextVersionAndABadOneWritesNothing) {
  auto conn = db().acquire();
  auto path =
      std::filesystem::temp_directory_path() / ("socle-" + std::to_string(getpid()) + ".json");
  std::ofstream(path) << R"({"sections":[{"id":"s","title":"S","questions":[
    {"id":"dernier_emploi","type":"text","label":"Dernier emploi"}]}]})";
  auto changed = seed_socle_commun(*conn, path.string());
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_TRUE(changed->added);
  EXPECT_EQ(changed->version, 2);
  std::ofstream(path)
      << R"({"sections":[{"id":"s","title":"S","questions":[{"id":"x","type":"?"}]}]})";
  auto bad = seed_socle_commun(*conn, path.string());
  std::filesystem::remove(path);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("type « ? » inconnu"), std::string::npos);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM diagnostic_forms"), 2);
}

TEST_P(DiagnosticStoreTest, ATerritorysExtraQuestionsAreVersionedAndOldAnswersKeepTheirVersion) {
  auto conn = db().acquire();
  auto v1 = save_territory_extra(*conn, world_.ardennes, kExtraV1, world_.manager);
  ASSERT_TRUE(v1) << v1.error().message;
  EXPECT_EQ(v1->version, 1);
  auto socle = current_socle_commun(*conn);
  auto saved = save_diagnostic(*conn, {.journey_id = journey_,
                                       .author = kByProfessional,
                                       .form_id = socle->id,
                                       .extra_form_id = v1->id,
                                       .answers = {{"t_quartier", true}},
                                       .user_id = world_.referent,
                                       .organisation_id = world_.cd08});
  ASSERT_TRUE(saved);
  auto v2 = save_territory_extra(*conn, world_.ardennes, kExtraV2, world_.manager);
  ASSERT_TRUE(v2);
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(current_territory_extra(*conn, world_.ardennes)->id, v2->id);
  EXPECT_FALSE(current_territory_extra(*conn, world_.marne).has_value());
  // The saved diagnostic still points at version 1, which still reads.
  auto kept = current_diagnostic(*conn, journey_, kByProfessional);
  ASSERT_TRUE(kept && kept->extra_form_id);
  auto old_form = form_by_id(*conn, *kept->extra_form_id);
  ASSERT_TRUE(old_form);
  EXPECT_EQ(old_form->version, 1);
  EXPECT_EQ(old_form->definition.find("t_enfants"), nullptr);
  // Saving the same definition again is not a new version; a bad one writes nothing.
  EXPECT_EQ(save_territory_extra(*conn, world_.ardennes, kExtraV2, world_.manager)->version, 2);
  auto journal = count(*conn, "SELECT COUNT(*) FROM journal");
  auto bad = save_territory_extra(*conn, world_.ardennes,
                                  R"({"sections":[{"id":"t","title":"T","questions":[
                                    {"id":"quartier","type":"yes_no","label":"Q"}]}]})",
                                  world_.manager);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("« t_ »"), std::string::npos);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM diagnostic_forms WHERE kind = 'territory_extra'"),
            2);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal"), journal);
}

TEST_P(DiagnosticStoreTest, EverySaveIsANewJournaledVersionPerAuthor) {
  auto conn = db().acquire();
  auto socle = current_socle_commun(*conn);
  auto save = [&](const char* author, json::object answers, std::optional<std::int64_t> user) {
    auto saved = save_diagnostic(*conn, {.journey_id = journey_,
                                         .author = author,
                                         .form_id = socle->id,
                                         .answers = std::move(answers),
                                         .user_id = user});
    EXPECT_TRUE(saved);
    return saved->version;
  };
  EXPECT_EQ(save(kByPerson, {{"dernier_emploi", "Ménage"}}, std::nullopt), 1);
  EXPECT_EQ(save(kByProfessional, {{"vehicule", false}}, world_.referent), 1);
  EXPECT_EQ(
      save(kByProfessional, {{"vehicule", true}, {"disponibilite", "immediate"}}, world_.referent),
      2);
  auto versions = diagnostic_versions(*conn, journey_, kByProfessional);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].version, 2);
  EXPECT_EQ(versions[0].user_name, "Sofia Martin");
  EXPECT_EQ(current_diagnostic(*conn, journey_, kByPerson)->answers.at("dernier_emploi"), "Ménage");
  auto events = store::read_events(*conn, {.person_id = person_, .kind_prefix = "diagnostic."});
  ASSERT_EQ(events.size(), 3u);
  EXPECT_NE(events[0].payload_json.find("besoins exprimés avec ses mots (version 1)"),
            std::string::npos);
  EXPECT_NE(events[2].payload_json.find("\"version\":2"), std::string::npos);
  EXPECT_EQ(events[2].actor_id, world_.referent);
}

TEST_P(DiagnosticStoreTest, ComparesTwoVersionsQuestionByQuestion) {
  auto conn = db().acquire();
  auto socle = current_socle_commun(*conn);
  ASSERT_TRUE(socle);
  const auto& form = socle->definition;
  json::object before{
      {"vehicule", false},
      {"permis", json::array{"B"}},
      {"freins", json::object{{"mobilite", json::object{{"niveau", "majeur"},
                                                        {"sous_thematiques", json::array{}},
                                                        {"commentaire", ""}}}}}};
  json::object after{
      {"vehicule", true}, {"permis", json::array{"B"}}, {"disponibilite", "immediate"}};
  auto changes = compare_answers(form, before, after);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].label, "Dispose d’un véhicule");
  EXPECT_EQ(changes[0].before, "Non");
  EXPECT_EQ(changes[0].after, "Oui");
  EXPECT_EQ(changes[1].question_id, "disponibilite");
  EXPECT_EQ(changes[1].before, "");
  EXPECT_EQ(changes[1].after, "Immédiate");
  EXPECT_EQ(changes[2].question_id, "freins");
  EXPECT_EQ(changes[2].before, "Mobilité : Majeur");
  EXPECT_EQ(changes[2].after, "");
}

TEST_P(DiagnosticStoreTest, PrefillsFromThePersonsRecordWithTheSourceOfEachValue) {
  auto conn = db().acquire();
  auto prefill = prefill_from_person(*conn, person_);
  EXPECT_EQ(prefill.answers.at("dernier_emploi"), "Agent d’entretien");
  EXPECT_EQ(prefill.answers.at("dernier_emploi_date"), "2025-06");
  EXPECT_EQ(prefill.answers.at("niveau_formation"), "3");
  EXPECT_EQ(prefill.answers.at("permis"), (json::array{"B"}));
  std::string source(prefill.sources.at("dernier_emploi").as_string());
  EXPECT_NE(source.find("Fiche de la personne"), std::string::npos) << source;
  EXPECT_NE(source.find("Sofia Martin"), std::string::npos) << source;
  EXPECT_NE(std::string(prefill.sources.at("permis").as_string()).find("catégorie B supposée"),
            std::string::npos);
  EXPECT_FALSE(prefill.answers.contains("vehicule"));
}

INSTANTIATE_TEST_SUITE_P(Engines, DiagnosticStoreTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::diagnostic

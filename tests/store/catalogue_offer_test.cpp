// An organisation's offer on both engines: the form checked field by field (nothing written on
// bad input), a service created as a draft in the organisation's one structure, edited,
// published, archived and back to draft, each change journaled without a person; and the stale
// reminders, driven by the clock: a published service not updated for 6 months gets its
// organisation's admins a mail, at most once every 30 days.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/jobs/jobs.h"
#include "core/store/journal.h"
#include "features/catalogue/offer.h"
#include "features/catalogue/reminders.h"
#include "store/people_fixture.h"

namespace parcours::catalogue {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;  // 2027-01-15
constexpr std::int64_t kDay = 24 * 3600;

class CatalogueOfferTest : public test::PeopleTest {
 protected:
  void SetUp() override {
    test::PeopleTest::SetUp();
    pin_clock_for_tests(kNow);
    auto conn = db().acquire();
    org_ = *organisations::find_organisation(*conn, world_.cd08);
    admin_ = conn->query_one(
                     "INSERT INTO users (email, name, created_at, updated_at) VALUES "
                     "('admin-cd08@test.fr', 'Sophie Bernard', 0, 0) RETURNING id")
                 ->integer(0);
    conn->execute(
        "INSERT INTO user_roles (user_id, role, organisation_id, created_at, updated_at) "
        "VALUES ($1, 'org_admin', $2, 0, 0)",
        {admin_, world_.cd08});
  }

  static ServiceForm good_form() {
    ServiceForm f;
    f.nom = "Atelier CV";
    f.description = "Un atelier pour écrire son CV et sa lettre de motivation.";
    f.type = "atelier";
    f.thematiques = {"preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"};
    f.frais = "gratuit";
    f.publics = {"jeunes"};
    f.modes_accueil = {"en-presentiel"};
    f.zone_departements = {"08"};
    f.zone_commune_ajout = "Sedan";
    f.adresse = "1 place Ducale";
    f.commune = "08105";
    f.latitude = "49,7735";
    f.longitude = "4,7206";
    f.telephone = "03 24 00 00 00";
    f.modes_mobilisation = {"telephoner"};
    f.mobilisable_par = {"professionnels"};
    f.volume_horaire_hebdomadaire = "2,5";
    f.nombre_semaines = "6";
    return f;
  }

  std::int64_t count(store::Connection& conn, const std::string& sql) {
    return conn.query_one(sql)->integer(0);
  }

  organisations::Organisation org_;
  std::int64_t admin_ = 0;
};

TEST_P(CatalogueOfferTest, BadInputNamesEachFieldAndWritesNothing) {
  auto conn = db().acquire();
  ServiceForm f;
  f.nom = "AB";
  f.description = "Un atelier.";
  f.courriel = "pas-un-courriel";
  f.latitude = "quarante-neuf";
  f.nombre_semaines = "six";
  f.zone_commune_ajout = "Commune qui n'existe pas";
  f.modes_mobilisation = {"utiliser-lien-mobilisation"};
  auto check = check_form(*conn, f);
  std::map<std::string, std::string> by_field;
  for (const auto& e : check.errors) by_field[e.field] = e.message;
  EXPECT_EQ(by_field["nom"], "Nom du service : entre 3 et 150 caractères (2 saisis).");
  EXPECT_TRUE(by_field["courriel"].starts_with("Adresse électronique : "));
  EXPECT_TRUE(by_field["latitude"].starts_with("Latitude : nombre attendu"));
  EXPECT_TRUE(by_field["nombre_semaines"].starts_with("Nombre de semaines : "));
  EXPECT_TRUE(by_field["zone_commune_ajout"].starts_with("Ajouter une commune : "));
  EXPECT_TRUE(by_field["lien_mobilisation"].find("obligatoire") != std::string::npos);
  EXPECT_FALSE(by_field.contains("description"));
  EXPECT_EQ(f.courriel, "pas-un-courriel");  // kept as typed

  auto created = create_service(*conn, org_, f, world_.referent);
  ASSERT_FALSE(created);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM services"), 0);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM structures"), 0);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal WHERE kind LIKE 'service.%'"), 0);
}

TEST_P(CatalogueOfferTest, ZoneNeedsAtLeastOnePlace) {
  auto conn = db().acquire();
  auto f = good_form();
  f.zone_departements.clear();
  f.zone_commune_ajout.clear();
  auto check = check_form(*conn, f);
  ASSERT_EQ(check.errors.size(), 1u);
  EXPECT_EQ(check.errors[0].field, "zone_eligibilite");
}

TEST_P(CatalogueOfferTest, CreatesADraftInTheOrganisationsStructureAndJournalsIt) {
  auto conn = db().acquire();
  auto created = create_service(*conn, org_, good_form(), world_.referent);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->status, kDraft);
  EXPECT_EQ(created->source, "parcours");
  EXPECT_TRUE(created->di_id.starts_with("parcours--"));
  EXPECT_EQ(created->structure_di_id, "parcours--cd08");
  EXPECT_EQ(created->zone_eligibilite, (std::vector<std::string>{"08", "08409"}));
  EXPECT_EQ(created->code_insee, "08105");
  EXPECT_EQ(created->commune, "Charleville-Mézières");
  EXPECT_EQ(created->code_postal, "08000");
  EXPECT_EQ(created->latitude, 49.7735);
  EXPECT_EQ(created->volume_horaire_hebdomadaire, 2.5);
  EXPECT_EQ(created->date_maj, "2027-01-15");
  EXPECT_EQ(created->created_by, world_.referent);

  auto structure = find_structure_by_organisation(*conn, org_.id);
  ASSERT_TRUE(structure);
  EXPECT_EQ(structure->nom, "CD 08");

  auto second = create_service(*conn, org_, good_form(), world_.referent);
  ASSERT_TRUE(second);
  EXPECT_NE(second->di_id, created->di_id);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM structures"), 1);

  auto events = store::read_events(*conn, {.kind_prefix = "service."});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "service.created");
  EXPECT_EQ(events[0].territory_id, world_.ardennes);
  EXPECT_FALSE(events[0].person_id);
  EXPECT_EQ(events[0].actor_id, world_.referent);
}

TEST_P(CatalogueOfferTest, EditsJournalWhatChangedAndAnUnchangedSaveWritesNothing) {
  auto conn = db().acquire();
  auto created = *create_service(*conn, org_, good_form(), world_.referent);
  pin_clock_for_tests(kNow + 3 * kDay);
  auto same = form_of(*conn, created);
  auto unchanged = update_service(*conn, org_, created.id, same, world_.orienter);
  ASSERT_TRUE(unchanged) << unchanged.error().message;
  EXPECT_EQ(find_service(*conn, created.id)->updated_at, kNow);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal WHERE kind = 'service.updated'"), 0);

  auto edited_form = form_of(*conn, created);
  edited_form.nom = "Atelier CV et lettre";
  edited_form.publics = {"jeunes", "demandeurs-emploi"};
  auto edited = update_service(*conn, org_, created.id, edited_form, world_.orienter);
  ASSERT_TRUE(edited) << edited.error().message;
  auto stored = *find_service(*conn, created.id);
  EXPECT_EQ(stored.nom, "Atelier CV et lettre");
  EXPECT_EQ(stored.updated_at, kNow + 3 * kDay);
  EXPECT_EQ(stored.updated_by, world_.orienter);
  EXPECT_EQ(stored.date_maj, "2027-01-18");
  auto events = store::read_events(*conn, {.kind_prefix = "service.updated"});
  ASSERT_EQ(events.size(), 1u);
  auto payload = boost::json::parse(events[0].payload_json).as_object();
  EXPECT_EQ(payload.at("changes").as_object().at("nom").at("after"), "Atelier CV et lettre");
  EXPECT_FALSE(payload.at("changes").as_object().contains("description"));
}

TEST_P(CatalogueOfferTest, StatusFollowsTheAllowedTransitions) {
  auto conn = db().acquire();
  auto s = *create_service(*conn, org_, good_form(), world_.referent);
  EXPECT_FALSE(change_status(*conn, org_, s.id, kArchived, world_.referent));
  ASSERT_TRUE(change_status(*conn, org_, s.id, kPublished, world_.referent));
  EXPECT_EQ(find_service(*conn, s.id)->status, kPublished);
  ASSERT_TRUE(change_status(*conn, org_, s.id, kArchived, world_.referent));
  auto refused = change_status(*conn, org_, s.id, kPublished, world_.referent);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(change_status(*conn, org_, s.id, kDraft, world_.referent));
  EXPECT_EQ(find_service(*conn, s.id)->status, kDraft);
  std::vector<std::string> kinds;
  for (const auto& e : store::read_events(*conn, {.kind_prefix = "service."})) {
    kinds.push_back(e.kind);
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"service.created", "service.published",
                                             "service.archived", "service.drafted"}));

  // Another organisation's service is not found through this one.
  auto other = *organisations::find_organisation(*conn, world_.mission_locale);
  auto foreign = change_status(*conn, other, s.id, kPublished, world_.colleague);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
}

TEST_P(CatalogueOfferTest, FreshnessReadsInFrench) {
  EXPECT_EQ(freshness_label("2027-01-15"), "mis à jour aujourd’hui");
  EXPECT_EQ(freshness_label("2027-01-14"), "mis à jour hier");
  EXPECT_EQ(freshness_label("2027-01-05"), "mis à jour il y a 10 jours");
  EXPECT_EQ(freshness_label("2026-10-15"), "mis à jour il y a 3 mois");
  EXPECT_EQ(freshness_label("2025-11-01"), "mis à jour il y a plus d’un an");
  EXPECT_EQ(format_date_fr("2027-03-01"), "1er mars 2027");
}

TEST_P(CatalogueOfferTest, StaleServicesRemindTheAdminsAtMostEvery30Days) {
  auto conn = db().acquire();
  auto s = *create_service(*conn, org_, good_form(), world_.referent);
  ASSERT_TRUE(change_status(*conn, org_, s.id, kPublished, world_.referent));
  auto draft = *create_service(*conn, org_, good_form(), world_.referent);  // drafts: no reminder
  (void)draft;

  // Five months later: not stale yet.
  pin_clock_for_tests(kNow + 150 * kDay);
  EXPECT_EQ(send_stale_reminders(*conn, "https://parcours.test"), 0);
  EXPECT_FALSE(is_stale(*find_service(*conn, s.id)));

  // Seven months later: one mail to the organisation's admin.
  pin_clock_for_tests(kNow + 210 * kDay);
  EXPECT_TRUE(is_stale(*find_service(*conn, s.id)));
  EXPECT_EQ(send_stale_reminders(*conn, "https://parcours.test"), 1);
  auto mail = conn->query_one("SELECT to_address, subject, body FROM outbox");
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->text(0), "admin-cd08@test.fr");
  EXPECT_NE(mail->text(2).find("Atelier CV"), std::string::npos);
  EXPECT_NE(mail->text(2).find("https://parcours.test/services/" + std::to_string(s.id)),
            std::string::npos);
  EXPECT_EQ(find_service(*conn, s.id)->reminded_at, kNow + 210 * kDay);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal WHERE kind = 'catalogue.reminder_sent'"), 1);

  // The next days: nothing more for 30 days.
  pin_clock_for_tests(kNow + 211 * kDay);
  EXPECT_EQ(send_stale_reminders(*conn, "https://parcours.test"), 0);
  pin_clock_for_tests(kNow + 239 * kDay);
  EXPECT_EQ(send_stale_reminders(*conn, "https://parcours.test"), 0);
  pin_clock_for_tests(kNow + 240 * kDay);
  EXPECT_EQ(send_stale_reminders(*conn, "https://parcours.test"), 1);

  // Confirmed up to date: no longer stale, no reminder.
  ASSERT_TRUE(confirm_up_to_date(*conn, org_, s.id, admin_));
  EXPECT_FALSE(is_stale(*find_service(*conn, s.id)));
  pin_clock_for_tests(kNow + 300 * kDay);
  EXPECT_EQ(send_stale_reminders(*conn, "https://parcours.test"), 0);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM outbox"), 2);
}

TEST_P(CatalogueOfferTest, TheReminderJobRunsThenQueuesItsNextDay) {
  auto conn = db().acquire();
  schedule_reminders(*conn);
  schedule_reminders(*conn);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM jobs WHERE kind = 'catalogue.stale_reminders'"), 1);
  jobs::JobRunner runner(db(), "test");
  register_jobs(runner, "https://parcours.test");
  EXPECT_EQ(runner.run_due(), 1);
  auto next = conn->query_one(
      "SELECT run_at FROM jobs WHERE kind = 'catalogue.stale_reminders' AND status = 'queued'");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->integer(0), kNow + kDay);
}

INSTANTIATE_TEST_SUITE_P(Engines, CatalogueOfferTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::catalogue

// What the person sees of their record: the carnet de bord (notes shared with them and the
// events meant for them, never the team's notes) and the copy of all their data (JSON), with
// their NIR, team, timeline, objections, requests and the reads of their record. Both engines.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/store/journal.h"
#include "features/people/notes.h"
#include "features/portal/objections.h"
#include "features/portal/record.h"
#include "features/portal/referent_requests.h"
#include "features/portal/timeline.h"
#include "store/portal_fixture.h"

namespace parcours::portal {
namespace {

namespace json = boost::json;

class PortalRecordTest : public test::PortalTest {
 protected:
  std::int64_t note(const char* visibility, const char* body,
                    std::optional<std::int64_t> corrects = std::nullopt) {
    pin_clock_for_tests(now_seconds() + 60);
    auto id = people::add_note(*db().acquire(), {.journey_id = journey_,
                                                 .author = {world_.referent, world_.cd08},
                                                 .visibility = visibility,
                                                 .body = body,
                                                 .corrects_id = corrects});
    EXPECT_TRUE(id.has_value()) << id.error().message;
    return id.value_or(0);
  }
};

TEST_P(PortalRecordTest, TheCarnetShowsSharedNotesAndEventsMeantForThePersonOnly) {
  note("team", "Note interne à l’équipe");
  note("referent", "Note réservée au référent");
  auto shared = note("person", "Rendez-vous mardi à 10 h.\nApportez votre CV.");
  note("person", "Rendez-vous mercredi à 10 h, pas mardi.", shared);
  pin_clock_for_tests(now_seconds() + 60);
  auto updated = people::update_contact(*db().acquire(), sofia_,
                                        {.email = "sofia@nouvelle.fr", .commune = "Sedan"},
                                        people::Provenance::person());
  ASSERT_TRUE(updated.has_value()) << updated.error().message;

  auto items = person_timeline(*db().acquire(), sofia_);
  std::vector<std::string> notes;
  std::vector<std::string> events;
  for (const auto& item : items)
    (item.note ? notes : events).push_back(item.note ? item.body : item.title);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0], "Rendez-vous mercredi à 10 h, pas mardi.");  // newest first
  EXPECT_EQ(notes[1], "Rendez-vous mardi à 10 h.\nApportez votre CV.");
  EXPECT_TRUE(items[1].correction);
  for (const auto& item : items) {
    EXPECT_EQ(item.body.find("interne"), std::string::npos);
    EXPECT_EQ(item.body.find("réservée"), std::string::npos);
    EXPECT_EQ(item.title.find("ajouté une note"), std::string::npos);
  }
  EXPECT_EQ(events.front(), "Vous avez mis à jour vos coordonnées");
  EXPECT_NE(std::ranges::find(events, "Karim Benali (Mission locale) a rejoint votre équipe"),
            events.end());
  EXPECT_NE(std::ranges::find(events, "Sofia Martin (CD 08) est maintenant votre référent(e)"),
            events.end());
  EXPECT_EQ(items.back().title, "Votre dossier a été créé");
}

TEST_P(PortalRecordTest, TheCopyOfTheirDataHoldsEverythingAboutThem) {
  note("team", "Note interne à l’équipe");
  note("person", "Pensez à votre CV.");
  auto conn = db().acquire();
  ASSERT_TRUE(object_to(*conn, sofia_, sofia_, world_.ccas).has_value());
  ASSERT_TRUE(request_referent_change(*conn, sofia_, sofia_, journey_, "Je préfère une femme.",
                                      "http://x"));
  store::log_access(*conn, {.actor_id = world_.orienter, .person_id = sofia_, .part = "journey"});

  auto person = people::find_person(*conn, sofia_);
  ASSERT_TRUE(person);
  auto record = json::parse(record_json(gather_record(*conn, *person))).as_object();
  const auto& identity = record.at("identite").as_object();
  EXPECT_EQ(identity.at("nom_de_naissance"), "Durand");
  EXPECT_EQ(identity.at("nom_d_usage"), "Lefèvre-Martin");
  EXPECT_EQ(identity.at("numero_de_securite_sociale"), "2 84 05 08 123 456 38");
  EXPECT_EQ(record.at("coordonnees").at("adresse_electronique"), kSofiaEmail);
  EXPECT_EQ(record.at("coordonnees").at("telephone"), "06 12 34 56 78");
  EXPECT_FALSE(record.at("origine_des_informations").as_array().empty());

  const auto& journeys = record.at("parcours").as_array();
  ASSERT_EQ(journeys.size(), 1u);
  EXPECT_EQ(journeys[0].at("territoire"), "Ardennes");
  const auto& team = journeys[0].at("equipe").as_array();
  ASSERT_EQ(team.size(), 2u);
  EXPECT_EQ(team[0].at("nom"), "Sofia Martin");
  EXPECT_EQ(team[0].at("role"), "référent(e)");
  EXPECT_EQ(team[0].at("telephone_structure"), "03 24 00 00 00");

  std::string carnet = json::serialize(record.at("carnet_de_bord"));
  EXPECT_NE(carnet.find("Pensez à votre CV."), std::string::npos);
  EXPECT_EQ(carnet.find("interne"), std::string::npos);

  ASSERT_EQ(record.at("oppositions_au_partage").as_array().size(), 1u);
  EXPECT_EQ(record.at("oppositions_au_partage").at(0).at("structure"), "CCAS de Sedan");
  ASSERT_EQ(record.at("demandes_de_changement_de_referent").as_array().size(), 1u);
  EXPECT_EQ(record.at("demandes_de_changement_de_referent").at(0).at("motif"),
            "Je préfère une femme.");
  const auto& reads = record.at("consultations_du_dossier").as_array();
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].at("structure"), "CD 08");
  EXPECT_EQ(reads[0].at("role"), "Chargé(e) d'orientation");
}

INSTANTIATE_TEST_SUITE_P(Engines, PortalRecordTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::portal

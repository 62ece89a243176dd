// The public form "Demander un accompagnement" below the HTTP layer: every invalid field is
// reported at once and nothing is written; a valid request opens a journey to orient in the
// territory of the commune, matches an existing person by NIR instead of duplicating them, and
// mails an acknowledgement when an email was given. Both engines.
#include <gtest/gtest.h>

#include <set>

#include "features/portal/request.h"
#include "store/portal_fixture.h"

namespace parcours::portal {
namespace {

class PortalRequestTest : public test::PortalTest {
 protected:
  static RequestForm valid_form() {
    return {.birth_name = "Nguyen",
            .first_names = "Linh",
            .birth_date = "02/05/1995",
            .email = "Linh.Nguyen@exemple.fr",
            .commune = "Sedan (08409)",
            .need = "Je voudrais passer le permis pour trouver du travail."};
  }
  std::int64_t rows() {
    return count("SELECT COUNT(*) FROM persons") + count("SELECT COUNT(*) FROM journeys") +
           count("SELECT COUNT(*) FROM outbox") + count("SELECT COUNT(*) FROM journal");
  }
};

TEST_P(PortalRequestTest, ReportsEveryInvalidFieldAtOnceAndWritesNothing) {
  std::int64_t before = rows();
  RequestForm form{.birth_name = " ",
                   .first_names = "",
                   .birth_date = "31/02/1990",
                   .nir = "1 84 05 75 123 456 00",
                   .email = "",
                   .phone = "",
                   .commune = "Nulle-Part-sur-Mer",
                   .postcode = "8200",
                   .need = ""};
  auto sent = submit_request(*db().acquire(), form, "http://x");
  ASSERT_FALSE(sent.has_value());
  std::set<std::string> fields;
  for (const auto& error : sent.error()) {
    EXPECT_EQ(error.code, ErrorCode::kInvalid);
    EXPECT_FALSE(error.message.empty());
    fields.insert(error.field);
  }
  EXPECT_EQ(fields, (std::set<std::string>{"birth_name", "first_names", "birth_date", "nir",
                                           "email", "postcode", "commune", "need"}));
  EXPECT_EQ(rows(), before);
}

TEST_P(PortalRequestTest, EachFieldIsCheckedOnItsOwn) {
  struct Case {
    const char* field;
    RequestForm form;
    const char* words;  // part of the French message
  };
  auto with = [](auto change) {
    RequestForm f = valid_form();
    change(f);
    return f;
  };
  std::vector<Case> cases{
      {"birth_name", with([](auto& f) { f.birth_name = "--"; }), "nom de naissance"},
      {"first_names", with([](auto& f) { f.first_names = std::string(101, 'a'); }), "prénoms"},
      {"birth_date", with([](auto& f) { f.birth_date = ""; }), "date de naissance"},
      {"birth_date", with([](auto& f) { f.birth_date = "01/01/2999"; }), "date de naissance"},
      {"nir", with([](auto& f) { f.nir = "abc"; }), "sécurité sociale"},
      {"email", with([](auto& f) { f.email = "linh@"; }), "adresse électronique"},
      {"phone", with([](auto& f) { f.phone = "12"; }), "téléphone"},
      {"email", with([](auto& f) { f.email = ""; }), "téléphone"},
      {"commune", with([](auto& f) { f.commune = ""; }), "commune"},
      {"postcode", with([](auto& f) { f.postcode = "51100"; }), "code postal"},
      {"need", with([](auto& f) { f.need = std::string(2001, 'x'); }), "2 000"},
  };
  for (const auto& c : cases) {
    auto errors = check_request(*db().acquire(), c.form);
    ASSERT_EQ(errors.size(), 1u) << c.field;
    EXPECT_EQ(errors[0].field, c.field);
    EXPECT_NE(errors[0].message.find(c.words), std::string::npos)
        << c.field << " : " << errors[0].message;
  }
  EXPECT_TRUE(check_request(*db().acquire(), valid_form()).empty());
}

TEST_P(PortalRequestTest, ACommuneOutsideEveryTerritoryGetsAClearMessage) {
  db().acquire()->execute("DELETE FROM territory_departements WHERE departement_code = '51'");
  RequestForm form = valid_form();
  form.commune = "Reims";
  form.postcode = "51100";
  auto errors = check_request(*db().acquire(), form);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "commune");
  EXPECT_EQ(errors[0].message,
            "Parcours n’est pas encore ouvert dans le département de Reims (Marne) : "
            "adressez-vous au conseil départemental ou à l’agence France Travail la plus proche.");
}

TEST_P(PortalRequestTest, ACommuneWithSeveralPostcodesNeedsOne) {
  RequestForm form = valid_form();
  form.commune = "Reims";
  auto errors = check_request(*db().acquire(), form);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "postcode");
  form.postcode = "51100";
  EXPECT_TRUE(check_request(*db().acquire(), form).empty());
}

TEST_P(PortalRequestTest, AValidRequestLandsInTheOrientationQueueWithAnAcknowledgement) {
  auto sent = submit_request(*db().acquire(), valid_form(), "https://parcours.test");
  ASSERT_TRUE(sent.has_value());
  EXPECT_TRUE(sent->person_created);
  EXPECT_TRUE(sent->journey_created);
  EXPECT_TRUE(sent->acknowledged);
  EXPECT_EQ(sent->territory_id, world_.ardennes);
  auto journey = db().acquire()->query_one(
      "SELECT territory_id, status, entry, need FROM journeys WHERE id = $1", {sent->journey_id});
  ASSERT_TRUE(journey);
  EXPECT_EQ(journey->integer(0), world_.ardennes);
  EXPECT_EQ(journey->text(1), "to_orient");
  EXPECT_EQ(journey->text(2), "public_form");
  EXPECT_EQ(journey->text(3), "Je voudrais passer le permis pour trouver du travail.");
  auto person = db().acquire()->query_one(
      "SELECT email, commune_code, birth_date FROM persons WHERE id = $1", {sent->person_id});
  EXPECT_EQ(person->text(0), "linh.nguyen@exemple.fr");
  EXPECT_EQ(person->text(1), "08409");
  EXPECT_EQ(person->text(2), "1995-05-02");
  auto mail = db().acquire()->query_one("SELECT to_address, subject, body FROM outbox");
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->text(0), "linh.nguyen@exemple.fr");
  EXPECT_NE(mail->text(2).find("Ardennes"), std::string::npos);
  EXPECT_NE(mail->text(2).find("https://parcours.test/mon-espace/connexion"), std::string::npos);
  EXPECT_EQ(mail->text(2).find("permis"), std::string::npos);  // the need is not mailed
}

TEST_P(PortalRequestTest, WithoutAnEmailThereIsNoAcknowledgement) {
  RequestForm form = valid_form();
  form.email = "";
  form.phone = "06 11 22 33 44";
  auto sent = submit_request(*db().acquire(), form, "http://x");
  ASSERT_TRUE(sent.has_value());
  EXPECT_FALSE(sent->acknowledged);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);
}

TEST_P(PortalRequestTest, AnExistingPersonIsFoundByTheirNirNotDuplicated) {
  RequestForm form = valid_form();
  form.birth_name = "Durand";
  form.first_names = "Sofia";
  form.birth_date = "12/03/1984";
  form.nir = "284050812345638";  // Sofia's, without spaces
  std::int64_t persons = count("SELECT COUNT(*) FROM persons");
  auto sent = submit_request(*db().acquire(), form, "http://x");
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->person_id, sofia_);
  EXPECT_FALSE(sent->person_created);
  EXPECT_FALSE(sent->journey_created);  // her journey in the Ardennes is already open
  EXPECT_EQ(sent->journey_id, journey_);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), persons);
  // The anonymous form never changes an existing record.
  EXPECT_EQ(db().acquire()->query_one("SELECT email FROM persons WHERE id = $1", {sofia_})->text(0),
            kSofiaEmail);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE kind = 'request.received' AND "
                  "person_id = $1",
                  {sofia_}),
            1);
}

INSTANTIATE_TEST_SUITE_P(Engines, PortalRequestTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::portal

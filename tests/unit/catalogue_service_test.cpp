// The catalogue's model without a database: data·inclusion records checked field by field with
// French messages naming the field, the vocabularies, zone codes' shapes, and the quality score
// criterion by criterion (data·inclusion's score_qualite.py for v1).
#include <gtest/gtest.h>

#include "core/clock.h"
#include "features/catalogue/service.h"

namespace parcours::catalogue {
namespace {

namespace json = boost::json;

json::object valid_record() {
  return json::parse(R"({
    "source": "dora", "id": "dora--1", "structure_id": "dora--s1",
    "nom": "Permis solidaire", "description": "Aide au financement du permis B.",
    "type": "aide-financiere", "thematiques": ["mobilite--preparer-un-permis"],
    "frais": "gratuit", "publics": ["jeunes"], "modes_accueil": ["en-presentiel"],
    "zone_eligibilite": ["08105", "08", "200041630", "france"],
    "code_postal": "08000", "code_insee": "08105", "latitude": 49.77, "longitude": 4.72,
    "courriel": "contact@exemple.fr", "modes_mobilisation": ["envoyer-un-courriel"],
    "mobilisable_par": ["professionnels"], "lien_mobilisation": "https://exemple.fr/permis",
    "volume_horaire_hebdomadaire": 2, "nombre_semaines": 10, "date_maj": "2027-01-02"
  })")
      .as_object();
}

Result<Service> parse_with(const char* field, json::value value) {
  auto record = valid_record();
  record[field] = std::move(value);
  return service_from_data_inclusion(record);
}

TEST(CatalogueServiceTest, AcceptsAValidRecord) {
  auto s = service_from_data_inclusion(valid_record());
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->structure_di_id, "dora--s1");
  EXPECT_EQ(s->nombre_semaines, 10);
  EXPECT_EQ(s->volume_horaire_hebdomadaire, 2.0);
}

struct BadField {
  const char* field;
  const char* json_value;
  const char* message_part;
};

class CatalogueBadFieldTest : public testing::TestWithParam<BadField> {};

TEST_P(CatalogueBadFieldTest, NamesTheFieldInFrench) {
  const auto& bad = GetParam();
  auto s = parse_with(bad.field, json::parse(bad.json_value));
  ASSERT_FALSE(s) << bad.field;
  EXPECT_EQ(s.error().field, bad.field);
  EXPECT_TRUE(s.error().message.starts_with(std::string(bad.field) + " : ")) << s.error().message;
  EXPECT_NE(s.error().message.find(bad.message_part), std::string::npos) << s.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Fields, CatalogueBadFieldTest,
    testing::Values(BadField{"nom", R"("")", "obligatoire"},
                    BadField{"nom", R"("AB")", "entre 3 et 150"},
                    BadField{"nom", "12", "texte attendu"},
                    BadField{"description", "null", "obligatoire"},
                    BadField{"type", R"("conseil")", "n'est pas une valeur acceptée"},
                    BadField{"thematiques", R"(["mobilite--voler"])", "thématique"},
                    BadField{"thematiques", R"("mobilite--preparer-un-permis")", "liste attendue"},
                    BadField{"frais", R"("libre")", "gratuit, payant"},
                    BadField{"publics", R"(["martiens"])", "public"},
                    BadField{"modes_accueil", R"(["en-ligne"])", "mode d'accueil"},
                    BadField{"zone_eligibilite", R"(["123"])",
                             "le code 123 n'est ni une commune, ni un département, ni un EPCI"},
                    BadField{"code_postal", R"("8000")", "5 chiffres"},
                    BadField{"code_insee", R"("0810")", "code INSEE"},
                    BadField{"latitude", "95", "entre -90 et 90"},
                    BadField{"latitude", R"("49,7")", "nombre attendu"},
                    BadField{"courriel", R"("contact.exemple.fr")", "adresse électronique"},
                    BadField{"modes_mobilisation", R"(["ecrire"])", "mode de mobilisation"},
                    BadField{"mobilisable_par", R"(["voisins"])", "personne mobilisatrice"},
                    BadField{"lien_mobilisation", R"("exemple.fr/permis")", "adresse web"},
                    BadField{"nombre_semaines", "2.5", "entier"},
                    BadField{"volume_horaire_hebdomadaire", "200", "168"},
                    BadField{"date_maj", R"("2027-02-30")", "AAAA-MM-JJ"},
                    BadField{"date_maj", R"("02/01/2027")", "AAAA-MM-JJ"}));

TEST(CatalogueServiceTest, ZoneKindsFollowTheShapeOfTheCode) {
  EXPECT_EQ(zone_kind("08105"), ZoneKind::kCommune);
  EXPECT_EQ(zone_kind("2A004"), ZoneKind::kCommune);
  EXPECT_EQ(zone_kind("08"), ZoneKind::kDepartement);
  EXPECT_EQ(zone_kind("2B"), ZoneKind::kDepartement);
  EXPECT_EQ(zone_kind("974"), ZoneKind::kDepartement);
  EXPECT_EQ(zone_kind("200041630"), ZoneKind::kEpci);
  EXPECT_EQ(zone_kind("99134"), ZoneKind::kPays);
  EXPECT_EQ(zone_kind("france"), ZoneKind::kFrance);
  EXPECT_FALSE(zone_kind("123"));
  EXPECT_FALSE(zone_kind("France"));
  EXPECT_FALSE(zone_kind("08-105"));
}

TEST(CatalogueServiceTest, VocabulariesComeFromTheReferenceFiles) {
  EXPECT_EQ(vocabulary(Vocabulary::kThematiques).size(), 69u);
  EXPECT_TRUE(in_vocabulary(Vocabulary::kPublics, "jeunes"));
  EXPECT_EQ(label(Vocabulary::kModesMobilisation, "se-presenter"), "Se présenter");
  EXPECT_EQ(thematique_categories().size(), 16u);
  EXPECT_EQ(thematique_categories().front().label, "Choisir un métier");
  for (const auto& category : thematique_categories()) {
    EXPECT_NE(category.label, category.code) << "no label for " << category.code;
  }
  EXPECT_EQ(thematique_category("mobilite--preparer-un-permis"), "mobilite");
}

class QualityScoreTest : public testing::Test {
 protected:
  void SetUp() override { pin_clock_for_tests(1'800'000'000); }  // 2027-01-15
  void TearDown() override { pin_clock_for_tests(0); }

  static std::optional<double> criterion(const Service& s, const std::string& name) {
    for (const auto& c : quality_criteria(s)) {
      if (c.name == name) return c.value;
    }
    ADD_FAILURE() << "no criterion " << name;
    return std::nullopt;
  }
};

TEST_F(QualityScoreTest, AnEmptyServiceScoresOnTheGeneralCriteriaOnly) {
  Service s;
  s.source = "parcours";
  s.description = "Court.";
  s.date_maj = "2027-01-10";
  // Applicable: mobilisation, public, thématique, contact, date (1), frais, description = 7.
  EXPECT_FALSE(criterion(s, "adresse_bien_definie"));
  EXPECT_FALSE(criterion(s, "telephone_bien_defini"));
  EXPECT_FALSE(criterion(s, "courriel_bien_defini"));
  EXPECT_EQ(quality_score(s), 0.14);  // 1 / 7
}

TEST_F(QualityScoreTest, ACompleteServiceScoresOne) {
  Service s;
  s.source = "parcours";
  s.description = std::string(400, 'x');
  s.date_maj = "2027-01-10";
  s.thematiques = {"mobilite--preparer-un-permis"};
  s.publics = {"jeunes"};
  s.frais = "payant";
  s.frais_precisions = "10 € d'adhésion";
  s.modes_accueil = {"en-presentiel"};
  s.adresse = "1 place Ducale";
  s.modes_mobilisation = {"telephoner", "envoyer-un-courriel"};
  s.mobilisable_par = {"usagers"};
  s.telephone = "0324000000";
  s.courriel = "a@b.fr";
  EXPECT_EQ(quality_score(s), 1.0);
}

TEST_F(QualityScoreTest, CriteriaFollowTheReferenceDefinitions) {
  Service s;
  s.source = "parcours";
  s.description = std::string(300, 'x');
  EXPECT_EQ(criterion(s, "description_bien_definie"), 0.5);
  s.frais = "payant";
  EXPECT_EQ(criterion(s, "frais_bien_definis"), 0.5);
  s.modes_mobilisation = {"se-presenter"};
  EXPECT_EQ(criterion(s, "modes_mobilisation_bien_definis"), 0.5);
  EXPECT_EQ(criterion(s, "adresse_bien_definie"), 0.0);
  s.date_maj = "2026-01-15";  // 365 days: (730 - 365) / 550
  EXPECT_NEAR(*criterion(s, "date_maj_recente"), 365.0 / 550.0, 1e-9);
  s.date_maj = "2024-01-15";
  EXPECT_EQ(criterion(s, "date_maj_recente"), 0.0);
  s.source = "france-travail";
  EXPECT_FALSE(criterion(s, "date_maj_recente"));
}

}  // namespace
}  // namespace parcours::catalogue

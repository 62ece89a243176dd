// The JSON-Schema validator against the real data·inclusion v1 schemas: a complete valid service
// and structure pass; each kind of invalid field (type, null where not allowed, enum in a list,
// pattern, lengths, minimum, minItems, uniqueItems, required, date, email, uri, zone codes) is
// reported in French with the path of the field.
#include <gtest/gtest.h>

#include "features/search/schema.h"

namespace parcours::search {
namespace {

namespace json = boost::json;

json::object valid_service() {
  return json::parse(R"({
    "source": "dora", "structure_id": "dora--s1", "id": "dora--42",
    "nom": "Vélo-école pour adultes",
    "description": "Apprendre à circuler à vélo en ville, en petits groupes, avec des vélos prêtés.",
    "type": "atelier", "thematiques": ["mobilite--mobilite-douce-partagee-collective"],
    "frais": "gratuit", "frais_precisions": null, "publics": ["tous-publics"],
    "publics_precisions": null, "conditions_acces": null,
    "modes_accueil": ["en-presentiel"], "zone_eligibilite": ["08105", "08", "200041630", "france"],
    "adresse": "1 place Ducale", "complement_adresse": null, "code_postal": "08000",
    "commune": "Charleville-Mézières", "code_insee": "08105", "latitude": 49.77, "longitude": 4.72,
    "contact_nom_prenom": null, "courriel": "velo@example.org", "telephone": "03 24 00 00 00",
    "modes_mobilisation": ["telephoner", "envoyer-un-courriel"], "mobilisable_par": ["usagers"],
    "mobilisation_precisions": null, "lien_mobilisation": "https://example.org/velo",
    "lien_source": null, "horaires_accueil": "Mo-Fr 09:00-12:00",
    "volume_horaire_hebdomadaire": 2.5, "nombre_semaines": 10, "date_maj": "2026-02-28"
  })")
      .as_object();
}

std::vector<std::string> errors_of(const json::object& record, const JsonSchema& schema) {
  std::vector<std::string> out;
  for (const auto& e : schema.validate(record)) out.push_back(e.path + " : " + e.message);
  return out;
}

std::vector<std::string> with(std::string_view field, json::value value) {
  auto record = valid_service();
  record[field] = std::move(value);
  return errors_of(record, service_schema());
}

TEST(SearchSchema, AValidServiceAndStructurePass) {
  EXPECT_EQ(errors_of(valid_service(), service_schema()), std::vector<std::string>{});
  auto minimal = json::parse(R"({"source": "dora", "structure_id": "dora--s1", "id": "dora--1",
    "nom": "Aide", "description": "Une aide.", "date_maj": "2024-02-29"})");
  EXPECT_EQ(errors_of(minimal.as_object(), service_schema()), std::vector<std::string>{});
  auto structure = json::parse(R"({"source": "dora", "id": "dora--s1", "nom": "Centre social",
    "siret": "12345678901234", "site_web": "https://example.org", "reseaux_porteurs": null,
    "description": null, "code_postal": "08000", "date_maj": "2026-01-05"})");
  EXPECT_EQ(errors_of(structure.as_object(), structure_schema()), std::vector<std::string>{});
}

TEST(SearchSchema, ReportsEachKindOfInvalidField) {
  EXPECT_EQ(with("thematiques",
                 json::array{"mobilite--mobilite-douce-partagee-collective", "mobilite--velo"}),
            std::vector<std::string>{"thematiques[1] : « mobilite--velo » n’est pas une valeur "
                                     "autorisée"});
  EXPECT_EQ(with("nom", "Ab"),
            std::vector<std::string>{"nom : doit contenir au moins 3 caractères"});
  EXPECT_EQ(with("nom", json::string(std::string(151, 'a'))),
            std::vector<std::string>{"nom : doit contenir au plus 150 caractères (151 reçus)"});
  EXPECT_EQ(with("nom", nullptr), std::vector<std::string>{"nom : doit être un texte"});
  EXPECT_EQ(with("latitude", "49,7"),
            std::vector<std::string>{"latitude : doit être un nombre ou null"});
  EXPECT_EQ(with("code_postal", "8000A"),
            std::vector<std::string>{"code_postal : « 8000A » n’a pas la forme attendue"});
  EXPECT_EQ(with("nombre_semaines", 0),
            std::vector<std::string>{"nombre_semaines : doit être supérieur ou égal à 1"});
  EXPECT_EQ(with("nombre_semaines", 2.5),
            std::vector<std::string>{"nombre_semaines : doit être un nombre entier ou null"});
  EXPECT_EQ(with("publics", json::array{}),
            std::vector<std::string>{"publics : doit contenir au moins 1 élément"});
  EXPECT_EQ(with("publics", json::array{"jeunes", "jeunes"}),
            std::vector<std::string>{"publics[1] : « jeunes » est en double"});
  EXPECT_EQ(with("frais", "offert"),
            std::vector<std::string>{"frais : « offert » n’est pas une valeur autorisée"});
  EXPECT_EQ(with("date_maj", "2025-02-30"),
            std::vector<std::string>{"date_maj : « 2025-02-30 » n’est pas une date AAAA-MM-JJ"});
  EXPECT_EQ(with("courriel", "velo.example.org"),
            std::vector<std::string>{
                "courriel : « velo.example.org » n’est pas une adresse électronique"});
  EXPECT_EQ(with("lien_mobilisation", "example.org/velo"),
            std::vector<std::string>{"lien_mobilisation : « example.org/velo » n’est pas une "
                                     "adresse web (URI) complète"});
  EXPECT_EQ(with("zone_eligibilite", json::array{"08", "1234"}),
            std::vector<std::string>{
                "zone_eligibilite[1] : « 1234 » n’est ni un code de commune (5 caractères), ni "
                "de département (2 ou 3), ni d’EPCI (9 chiffres), ni de pays, ni « france »"});
  EXPECT_EQ(with("thematiques", "mobilite"),
            std::vector<std::string>{"thematiques : doit être une liste ou null"});

  auto record = valid_service();
  record.erase("nom");
  record.erase("date_maj");
  EXPECT_EQ(errors_of(record, service_schema()),
            (std::vector<std::string>{"nom : champ obligatoire absent",
                                      "date_maj : champ obligatoire absent"}));
  EXPECT_EQ(errors_of(json::object{}, service_schema()).size(), 6u);
  EXPECT_EQ(service_schema().validate(json::value("texte")).front().message, "doit être un objet");
}

TEST(SearchSchema, FormatsAndVocabularies) {
  EXPECT_TRUE(valid_date("2024-02-29"));
  EXPECT_FALSE(valid_date("2023-02-29"));
  EXPECT_FALSE(valid_date("2023-2-28"));
  EXPECT_TRUE(valid_email("a.b@c.fr"));
  EXPECT_FALSE(valid_email("a b@c.fr"));
  EXPECT_FALSE(valid_email("a@b"));
  EXPECT_TRUE(valid_uri("https://example.org/x?y=1"));
  EXPECT_TRUE(valid_uri("mailto:a@b.fr"));
  EXPECT_FALSE(valid_uri("https:///x"));
  EXPECT_FALSE(valid_uri("www.example.org"));
  auto themes = service_schema().enum_values("Thematique");
  EXPECT_EQ(themes.size(), 69u);
  EXPECT_EQ(service_schema().enum_values("Frais"), (std::vector<std::string>{"gratuit", "payant"}));
  EXPECT_TRUE(service_schema().enum_values("Inconnu").empty());
}

}  // namespace
}  // namespace parcours::search

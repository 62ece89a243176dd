// Searching services on both engines, over the fixture geography (Charleville-Mézières in the
// EPCI Ardenne Métropole, Sedan, Reims): eligibility by commune, EPCI, département, "france"
// and remote services; in-person services too far left out; distance order; thématiques by
// category or sub-theme; filters; text ignoring accents, case, hyphens and word order; cursors
// that never shift when services are added; French errors naming the parameter.
#include <gtest/gtest.h>

#include <algorithm>

#include "features/catalogue/service.h"
#include "features/search/index.h"
#include "features/search/kept_index.h"
#include "features/search/search.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::search {
namespace {

class SearchServicesTest : public test::EngineTest {
 protected:
  struct Spec {
    std::string key;
    std::string nom;
    std::string description;
    std::vector<std::string> thematiques;
    std::vector<std::string> zone;
    std::vector<std::string> modes = {"en-presentiel"};
    std::optional<std::pair<double, double>> at;
    std::string code_insee;
    std::string status = "published";
    std::vector<std::string> publics = {"tous-publics"};
    std::optional<std::string> frais = "gratuit";
  };

  void SetUp() override {
    EngineTest::SetUp();
    auto conn = db().acquire();
    test::load_fixture_geography(*conn);
    catalogue::Structure st;
    st.source = "test";
    st.di_id = "test--s1";
    st.nom = "Centre social";
    st.date_maj = "2026-01-01";
    catalogue::upsert_structure(*conn, st);
    add({"garage",
         "Garage solidaire",
         "Réparer sa voiture à petit prix.",
         {"mobilite--entretenir-reparer-son-vehicule"},
         {"08105"},
         {"en-presentiel"},
         std::make_pair(49.7733, 4.7208),
         "08105"});
    add({"velo",
         "Vélo-école",
         "Apprendre à circuler en ville, en petits groupes.",
         {"mobilite--mobilite-douce-partagee-collective"},
         {"200041630"},
         {"en-presentiel"},
         std::make_pair(49.7600, 4.7000),
         "08105"});
    add({"permis",
         "Permis accompagné",
         "Préparer le code et la conduite.",
         {"mobilite--preparer-un-permis"},
         {"08"},
         {"en-presentiel"},
         std::make_pair(49.7019, 4.9403),
         "08409"});
    add({"plateforme",
         "Plateforme mobilité en ligne",
         "Conseils par téléphone et en ligne.",
         {"mobilite--financer-ma-mobilite"},
         {"france"},
         {"a-distance"},
         std::nullopt,
         ""});
    add({"reims",
         "Auto-école sociale",
         "Le permis pour les jeunes de Reims.",
         {"mobilite--preparer-un-permis"},
         {"51"},
         {"en-presentiel"},
         std::make_pair(49.2583, 4.0317),
         "51454",
         "published",
         {"jeunes"},
         "payant"});
    add({"marseille",
         "Aide au déménagement",
         "Camion prêté pour déménager.",
         {"mobilite--acceder-a-un-vehicule"},
         {"france"},
         {"en-presentiel"},
         std::make_pair(43.2965, 5.3698),
         ""});
    add({"brouillon",
         "Garage en projet",
         "Pas encore ouvert.",
         {"mobilite--entretenir-reparer-son-vehicule"},
         {"08"},
         {"en-presentiel"},
         std::nullopt,
         "",
         "draft"});
    refresh_commune_centres(*conn);
  }

  void add(const Spec& spec) {
    auto conn = db().acquire();
    catalogue::Service s;
    s.source = "test";
    s.di_id = "test--" + spec.key;
    s.structure_di_id = "test--s1";
    s.status = spec.status;
    s.nom = spec.nom;
    s.description = spec.description;
    s.thematiques = spec.thematiques;
    s.zone_eligibilite = spec.zone;
    s.modes_accueil = spec.modes;
    s.publics = spec.publics;
    s.frais = spec.frais;
    s.date_maj = "2026-01-01";
    if (spec.at) {
      s.latitude = spec.at->first;
      s.longitude = spec.at->second;
    }
    if (!spec.code_insee.empty()) s.code_insee = spec.code_insee;
    auto saved = catalogue::upsert_service(*conn, s);
    ASSERT_TRUE(saved.has_value()) << saved.error().message;
    reindex_service(*conn, s.id);
    ids_[s.id] = spec.key;
    specs_[spec.key] = spec;
  }

  // The keys of the services found, in order ("velo:2" when a distance is given).
  std::vector<std::string> found(ServiceQuery query, bool with_distance = false) {
    auto conn = db().acquire();
    auto page = search_services(*conn, query);
    EXPECT_TRUE(page.has_value()) << page.error().field << " " << page.error().message;
    std::vector<std::string> keys;
    if (!page) return keys;
    for (const auto& hit : page->hits) {
      std::string key = ids_[hit.service_id];
      if (with_distance && hit.distance_km) key += ":" + std::to_string(*hit.distance_km);
      keys.push_back(key);
    }
    return keys;
  }

  std::map<std::int64_t, std::string> ids_;
  std::map<std::string, Spec> specs_;  // as last added, by key
};

using Keys = std::vector<std::string>;

TEST_P(SearchServicesTest, EligibilityByCommuneEpciDepartementFranceAndRemote) {
  // Charleville-Mézières (centre: the mean of the services located there, 49.76665, 4.7104):
  // its own service, its EPCI's, its département's, the remote national
  // one; not Reims's département, not the in-person national service 600 km away, not drafts.
  EXPECT_EQ(found({.code_commune = "08105", .thematiques = {"mobilite"}}, true),
            (Keys{"garage:1", "velo:1", "permis:18", "plateforme"}));
  // Sedan: not in Charleville's EPCI; the département's and the national remote ones.
  EXPECT_EQ(found({.code_commune = "08409"}), (Keys{"permis", "plateforme"}));
  // Reims: its département's service, and the remote one.
  EXPECT_EQ(found({.code_commune = "51454"}), (Keys{"reims", "plateforme"}));
}

TEST_P(SearchServicesTest, ThematiquesByCategoryOrSubThemeAndFilters) {
  EXPECT_EQ(found({.code_commune = "08105", .thematiques = {"mobilite--preparer-un-permis"}}),
            (Keys{"permis"}));
  EXPECT_EQ(found({.code_commune = "08105",
                   .thematiques = {"mobilite--preparer-un-permis",
                                   "mobilite--entretenir-reparer-son-vehicule"}}),
            (Keys{"garage", "permis"}));
  EXPECT_EQ(found({.code_commune = "08105", .thematiques = {"numerique"}}), Keys{});
  EXPECT_EQ(found({.code_commune = "08105", .modes_accueil = {"a-distance"}}),
            (Keys{"plateforme"}));
  // "tous-publics" services match any public.
  EXPECT_EQ(found({.code_commune = "51454", .publics = {"jeunes"}}), (Keys{"reims", "plateforme"}));
  EXPECT_EQ(found({.code_commune = "51454", .frais = {"payant"}}), (Keys{"reims"}));
  EXPECT_EQ(found({.thematiques = {"mobilite--preparer-un-permis"}}), (Keys{"permis", "reims"}));
  EXPECT_EQ(found({.types = {"formation"}}), Keys{});
}

TEST_P(SearchServicesTest, TextIgnoresAccentsCaseHyphensAndWordOrder) {
  EXPECT_EQ(found({.q = "velo ecole"}), (Keys{"velo"}));
  EXPECT_EQ(found({.q = "ÉCOLE Vélo"}), (Keys{"velo"}));
  EXPECT_EQ(found({.q = "auto-ecole"}), (Keys{"reims"}));
  EXPECT_EQ(found({.q = "école"}), (Keys{"velo", "reims"}));  // by word, then id
  EXPECT_EQ(found({.q = "mobilité en ligne"}), (Keys{"plateforme"}));
  EXPECT_EQ(found({.q = "perm"}), (Keys{"permis", "reims"}));  // name before description
  EXPECT_EQ(found({.q = "demenag"}), (Keys{"marseille"}));     // the description counts
  EXPECT_EQ(found({.q = "garage"}), (Keys{"garage"}));         // never a draft
  // With a commune: the same words, among the eligible services, nearest first.
  EXPECT_EQ(found({.code_commune = "08105", .q = "permis"}), (Keys{"permis"}));
  EXPECT_EQ(found({.code_commune = "08105", .q = "ecole velo"}), (Keys{"velo"}));
}

TEST_P(SearchServicesTest, CursorsNeverShift) {
  auto conn = db().acquire();
  auto first = search_services(*conn, {.code_commune = "08105", .limit = 2});
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(first->next_cursor);
  // A service added before the cursor (at the commune's centre) does not push the next page.
  add({"nouveau",
       "Garage du centre",
       "Nouveau.",
       {"mobilite--entretenir-reparer-son-vehicule"},
       {"08105"},
       {"en-presentiel"},
       std::make_pair(49.76665, 4.7104),
       ""});  // no code_insee: the commune's centre does not move
  EXPECT_EQ(found({.code_commune = "08105", .limit = 1}), (Keys{"nouveau"}));
  EXPECT_EQ(found({.code_commune = "08105", .cursor = *first->next_cursor, .limit = 2}),
            (Keys{"permis", "plateforme"}));
  // Text pages: each service once, in the same order page after page.
  Keys all;
  std::string cursor;
  for (int i = 0; i < 5; ++i) {
    auto page = search_services(*conn, {.q = "garage", .cursor = cursor, .limit = 1});
    ASSERT_TRUE(page.has_value());
    for (const auto& hit : page->hits) all.push_back(ids_[hit.service_id]);
    if (!page->next_cursor) break;
    cursor = *page->next_cursor;
  }
  EXPECT_EQ(all, (Keys{"garage", "nouveau"}));
  // Pages without commune nor text, by id.
  auto by_id = search_services(*conn, {.limit = 3});
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(found({.cursor = *by_id->next_cursor, .limit = 10}).size(), 4u);
}

// The zone rows and word sets of a search at a commune are kept in memory (kept_index.h): every
// change of the catalogue, through the service or written straight into the index, is seen by the
// next search.
TEST_P(SearchServicesTest, TheZoneRowsKeptInMemoryFollowEveryChangeOfTheCatalogue) {
  auto sorted = [](Keys keys) {
    std::sort(keys.begin(), keys.end());
    return keys;
  };
  auto conn = db().acquire();
  const auto version = catalogue_version(*conn);
  // Sedan: its département's service and the remote national one; the rows of "08", "france",
  // its EPCI and the empty zone are now kept.
  EXPECT_EQ(found({.code_commune = "08409"}), (Keys{"permis", "plateforme"}));
  EXPECT_EQ(found({.code_commune = "08409"}), (Keys{"permis", "plateforme"}));
  EXPECT_EQ(found({.code_commune = "08409", .q = "velo"}), Keys{});  // the EPCI's, not Sedan's
  EXPECT_EQ(catalogue_version(*conn), version);                      // reading changes nothing
  // A service added to the département.
  add({"atelier",
       "Atelier vélo",
       "Réparer son vélo.",
       {"mobilite--entretenir-reparer-son-vehicule"},
       {"08"},
       {"en-presentiel"},
       std::make_pair(49.70, 4.94),
       ""});
  EXPECT_GT(catalogue_version(*conn), version);
  EXPECT_EQ(sorted(found({.code_commune = "08409"})), (Keys{"atelier", "permis", "plateforme"}));
  EXPECT_EQ(found({.code_commune = "08409", .q = "velo"}), (Keys{"atelier"}));
  // Its text changed: the words' services follow.
  add({"atelier",
       "Atelier couture",
       "Réparer ses vêtements.",
       {"mobilite--entretenir-reparer-son-vehicule"},
       {"08"},
       {"en-presentiel"},
       std::make_pair(49.70, 4.94),
       ""});
  EXPECT_EQ(found({.code_commune = "08409", .q = "velo"}), Keys{});
  EXPECT_EQ(found({.code_commune = "08409", .q = "couture repar"}), (Keys{"atelier"}));
  // A service archived, another moved out of "france".
  Spec permis = specs_.at("permis");
  permis.status = "archived";
  add(permis);
  Spec plateforme = specs_.at("plateforme");
  plateforme.zone = {"51"};
  add(plateforme);
  // (Sedan has no located service left, hence no centre: the in-person national service of
  // Marseille is no longer known to be too far.)
  EXPECT_EQ(sorted(found({.code_commune = "08409"})), (Keys{"atelier", "marseille"}));
  EXPECT_EQ(sorted(found({.code_commune = "51454"})), (Keys{"plateforme", "reims"}));
  // Written straight into the index (another process, a reindexation): seen too.
  std::int64_t atelier = 0;
  for (const auto& [id, key] : ids_) {
    if (key == "atelier") atelier = id;
  }
  conn->execute("DELETE FROM service_zones WHERE service_id = $1", {atelier});
  EXPECT_EQ(found({.code_commune = "08409"}), (Keys{"marseille"}));
  reindex_all(*conn);
  EXPECT_EQ(sorted(found({.code_commune = "08409"})), (Keys{"atelier", "marseille"}));
}

TEST_P(SearchServicesTest, FrenchErrorsNamingTheParameter) {
  auto conn = db().acquire();
  auto error = [&](ServiceQuery q) {
    auto page = search_services(*conn, q);
    EXPECT_FALSE(page.has_value());
    return page ? std::string() : page.error().field + " : " + page.error().message;
  };
  EXPECT_EQ(error({.code_commune = "99999"}),
            "code_commune : la commune de code « 99999 » est inconnue.");
  EXPECT_EQ(error({.thematiques = {"mobilite--velo"}}),
            "thematiques : « mobilite--velo » n’est ni une catégorie ni une thématique connue.");
  EXPECT_EQ(error({.frais = {"offert"}}), "frais : « offert » n’est pas une valeur autorisée.");
  EXPECT_EQ(error({.code_commune = "08105", .cursor = "n'importe quoi"}),
            "cursor : curseur invalide.");
  EXPECT_EQ(error({.limit = 0}), "limit : doit être un nombre entre 1 et 100.");
  EXPECT_EQ(error({.q = std::string(201, 'a')}), "q : la recherche dépasse 200 caractères.");
}

INSTANTIATE_TEST_SUITE_P(Engines, SearchServicesTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::search

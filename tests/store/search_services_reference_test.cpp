// search_services against a straightforward reading of its rules, on both engines: a generated
// catalogue of 600 services over the fixture geography (zones of every kind, in person, remote or
// both, services sharing a place so that distances tie, some far away, some without a place,
// a small vocabulary so that most words are common, one rare) and, for communes with and without a
// centre, every page of many searches (text, thématiques, filters) compared with the whole list
// computed here from the services themselves: eligibility, reach, order and distances.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>

#include "core/text.h"
#include "features/catalogue/service.h"
#include "features/search/index.h"
#include "features/search/search.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::search {
namespace {

struct Place {
  std::string code_insee;  // empty: no commune
  double latitude;
  double longitude;
};

// Charleville-Mézières, Sedan, Reims, Rethel, and Marseille (far from all of them).
const std::vector<Place> kPlaces = {{"08105", 49.7733, 4.7208}, {"08105", 49.7600, 4.7000},
                                    {"08409", 49.7019, 4.9403}, {"51454", 49.2583, 4.0317},
                                    {"08362", 49.5097, 4.3672}, {"", 43.2965, 5.3698}};
const std::vector<std::vector<std::string>> kZones = {
    {"08105"}, {"200041630"}, {"08"}, {"51"}, {"france"}, {}, {"08", "51"}};
const std::vector<std::string> kSubjects = {"garage",   "vélo-école", "permis", "emploi",
                                            "logement", "numérique",  "budget"};
const std::vector<std::string> kPublicsWords = {"jeunes", "seniors", "familles", "femmes"};
const std::vector<std::string> kThemes = {"mobilite--preparer-un-permis",
                                          "mobilite--entretenir-reparer-son-vehicule",
                                          "numerique--maitriser-les-fondamentaux-du-numerique",
                                          "logement-hebergement--etre-accompagne-pour-se-loger"};

class SearchReferenceTest : public test::EngineTest {
 protected:
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
    std::mt19937 random(20261127);
    auto pick = [&](const auto& list) { return list[random() % list.size()]; };
    store::with_transaction(*conn, [&] {
      for (int i = 0; i < 600; ++i) {
        catalogue::Service s;
        s.source = "test";
        s.di_id = "test--" + std::to_string(i);
        s.structure_di_id = "test--s1";
        s.status = random() % 20 ? "published" : "draft";
        s.nom = std::string(pick(std::vector<std::string>{"Atelier", "Aide", "Conseil"})) + " " +
                pick(kSubjects);
        s.description = "Pour les " + pick(kPublicsWords) + " : " + pick(kSubjects) + ", " +
                        pick(kSubjects) + (i % 97 ? "." : ". Tricot.");
        s.thematiques = {pick(kThemes)};
        s.zone_eligibilite = pick(kZones);
        int modes = random() % 6;
        s.modes_accueil = modes < 4   ? std::vector<std::string>{"en-presentiel"}
                          : modes < 5 ? std::vector<std::string>{"a-distance"}
                                      : std::vector<std::string>{"en-presentiel", "a-distance"};
        if (random() % 8) {
          const Place& place = pick(kPlaces);
          s.latitude = place.latitude;
          s.longitude = place.longitude;
          if (!place.code_insee.empty()) s.code_insee = place.code_insee;
        }
        s.publics = random() % 2 ? std::vector<std::string>{"tous-publics"}
                                 : std::vector<std::string>{"jeunes"};
        s.frais = random() % 3 ? "gratuit" : "payant";
        // Various quality scores.
        if (random() % 2) s.telephone = "03 24 00 00 00";
        if (random() % 2) s.courriel = "contact@exemple.fr";
        if (random() % 2) s.horaires_accueil = "Mo-Fr 09:00-12:00";
        s.date_maj = "2026-01-01";
        auto saved = catalogue::upsert_service(*conn, s);
        ASSERT_TRUE(saved.has_value()) << saved.error().message;
      }
      reindex_all(*conn);
    });
  }

  struct Expected {
    std::int64_t metres;
    std::int64_t rank;
    std::int64_t id;
    std::optional<std::int64_t> km;
    auto operator<=>(const Expected&) const = default;
  };

  // Every result of `query`, in order, as this test reads the rules ("id" or "id:km").
  std::vector<std::string> expected(store::Connection& conn, const ServiceQuery& query) {
    auto commune = conn.query_one(
        "SELECT m.code, m.departement_code, m.epci_code, c.latitude, c.longitude FROM communes m "
        "LEFT JOIN commune_centres c ON c.code = m.code WHERE m.code = $1",
        {query.code_commune});
    std::set<std::string> codes{commune->text(0), commune->text(1), commune->text(2), "france"};
    std::optional<std::pair<double, double>> centre;
    if (!commune->is_null(3)) centre = std::make_pair(commune->real(3), commune->real(4));
    auto words = text_terms(query.q);
    std::vector<Expected> out;
    for (const auto& row : conn.query("SELECT id FROM services WHERE status = 'published'")) {
      auto s = *catalogue::find_service(conn, row.integer(0));
      auto has = [](const std::vector<std::string>& list, const std::string& code) {
        return std::find(list.begin(), list.end(), code) != list.end();
      };
      bool eligible = s.zone_eligibilite.empty() ||
                      std::any_of(s.zone_eligibilite.begin(), s.zone_eligibilite.end(),
                                  [&](const std::string& z) { return codes.contains(z); });
      if (!eligible) continue;
      if (!query.thematiques.empty() &&
          !std::any_of(s.thematiques.begin(), s.thematiques.end(), [&](const std::string& t) {
            return has(query.thematiques, t) || has(query.thematiques, thematique_category(t));
          })) {
        continue;
      }
      if (!query.frais.empty() && !has(query.frais, s.frais.value_or(""))) continue;
      if (!query.publics.empty() && !has(s.publics, "tous-publics") &&
          !std::any_of(query.publics.begin(), query.publics.end(),
                       [&](const std::string& p) { return has(s.publics, p); })) {
        continue;
      }
      auto name_terms = text_terms(s.nom);
      auto all_terms = text_terms(s.nom + " " + s.description);
      auto begins_one = [](const std::vector<std::string>& terms, const std::string& w) {
        return std::any_of(terms.begin(), terms.end(),
                           [&](const std::string& t) { return t.starts_with(w); });
      };
      if (!std::all_of(words.begin(), words.end(),
                       [&](const std::string& w) { return begins_one(all_terms, w); })) {
        continue;
      }
      std::int64_t missing = std::count_if(words.begin(), words.end(), [&](const std::string& w) {
        return !begins_one(name_terms, w);
      });
      bool in_person = s.modes_accueil.empty() || has(s.modes_accueil, "en-presentiel");
      bool remote = has(s.modes_accueil, "a-distance");
      Expected e{std::numeric_limits<std::int32_t>::max(),
                 missing * 1000 + 100 - std::llround(s.score_qualite * 100), s.id, std::nullopt};
      if (centre && in_person && s.latitude && s.longitude) {
        double km = distance_km(centre->first, centre->second, *s.latitude, *s.longitude);
        if (km > kMaxDistanceKm && !remote) continue;
        e.metres = std::llround(km * 1000);
        e.km = std::llround(km);
      }
      out.push_back(e);
    }
    std::sort(out.begin(), out.end());
    std::vector<std::string> keys;
    for (const auto& e : out) {
      keys.push_back(std::to_string(e.id) + (e.km ? ":" + std::to_string(*e.km) : ""));
    }
    return keys;
  }

  // Every result of `query`, page after page.
  std::vector<std::string> found(store::Connection& conn, ServiceQuery query) {
    std::vector<std::string> keys;
    for (int pages = 0; pages < 200; ++pages) {
      auto page = search_services(conn, query);
      EXPECT_TRUE(page.has_value()) << page.error().message;
      if (!page) break;
      for (const auto& hit : page->hits) {
        keys.push_back(std::to_string(hit.service_id) +
                       (hit.distance_km ? ":" + std::to_string(*hit.distance_km) : ""));
      }
      if (!page->next_cursor) break;
      query.cursor = *page->next_cursor;
    }
    return keys;
  }
};

TEST_P(SearchReferenceTest, EveryPageOfEverySearchMatchesTheRules) {
  auto conn = db().acquire();
  // With a centre (services located there), and without (Revin, Saint-Étienne-à-Arnes).
  for (std::string commune : {"08105", "08409", "51454", "08362", "08363", "08376"}) {
    for (std::string q : {"", "garage", "vélo", "ecole velo", "permis jeunes", "emploi seniors",
                          "conseil logement", "numerique familles", "budg", "tricot",
                          // "ai" begins "aide" of names; "vo" begins common words ("vous"),
                          // which the in-name index leaves out.
                          "ai", "vo"}) {
      for (int limit : {7, 20}) {
        ServiceQuery query{.code_commune = commune, .q = q, .limit = limit};
        EXPECT_EQ(found(*conn, query), expected(*conn, query)) << commune << " « " << q << " »";
      }
      ServiceQuery themed{.code_commune = commune, .thematiques = {"mobilite"}, .q = q};
      EXPECT_EQ(found(*conn, themed), expected(*conn, themed)) << commune << " « " << q << " »";
      ServiceQuery filtered{
          .code_commune = commune, .frais = {"gratuit"}, .publics = {"jeunes"}, .q = q, .limit = 5};
      EXPECT_EQ(found(*conn, filtered), expected(*conn, filtered))
          << commune << " « " << q << " » gratuit, jeunes";
    }
  }
}

TEST(IndexedWordPrefixTest, TellsWhenTheInNameIndexIsExactForAPrefix) {
  EXPECT_TRUE(indexed_word_prefix("garage"));
  EXPECT_TRUE(indexed_word_prefix("ai"));
  EXPECT_FALSE(indexed_word_prefix("v"));     // one letter
  EXPECT_FALSE(indexed_word_prefix("vo"));    // "vos", "votre", "vous"
  EXPECT_FALSE(indexed_word_prefix("leur"));  // a common word itself
  EXPECT_FALSE(indexed_word_prefix("un"));
}

INSTANTIATE_TEST_SUITE_P(Engines, SearchReferenceTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::search

// The search index of services (migration 0011) on both engines: reindex_service writes the
// zones, the thématiques with their categories, the folded words of the name and description,
// rewrites them when the service changes and removes them when it is no longer published.
#include <gtest/gtest.h>

#include "features/search/index.h"
#include "support/test_db.h"

namespace parcours::search {
namespace {

class SearchIndexTest : public test::EngineTest {};

std::int64_t insert_service(store::Connection& conn, const std::string& di_id,
                            const std::string& nom, const std::string& description,
                            const std::string& thematiques, const std::string& zones) {
  if (!conn.query_one("SELECT id FROM structures WHERE di_id = 'test--s1'")) {
    conn.execute(
        "INSERT INTO structures (source, di_id, nom, date_maj, created_at, updated_at) "
        "VALUES ('test', 'test--s1', 'Structure', '2026-01-01', 0, 0)");
  }
  auto sid = conn.query_one("SELECT id FROM structures WHERE di_id = 'test--s1'")->integer(0);
  return conn
      .query_one(
          "INSERT INTO services (source, di_id, structure_id, nom, description, thematiques, "
          "zone_eligibilite, publics, modes_accueil, frais, date_maj, created_at, updated_at) "
          "VALUES ('test', $1, $2, $3, $4, $5, $6, '[\"jeunes\"]', '[\"en-presentiel\"]', "
          "'gratuit', '2026-01-01', 0, 0) RETURNING id",
          {di_id, sid, nom, description, thematiques, zones})
      ->integer(0);
}

std::vector<std::string> column(store::Connection& conn, const std::string& sql, std::int64_t id) {
  std::vector<std::string> out;
  for (const auto& row : conn.query(sql, {id})) out.push_back(row.text(0));
  return out;
}

TEST(SearchTerms, FoldsAndDropsCommonWords) {
  EXPECT_EQ(text_terms("Vélo-école à Sedan, pour les jeunes de Sedan"),
            (std::vector<std::string>{"velo", "ecole", "sedan", "jeunes"}));
  EXPECT_EQ(thematique_category("mobilite--louer-un-vehicule"), "mobilite");
  EXPECT_EQ(thematique_category("mobilite"), "mobilite");
}

TEST_P(SearchIndexTest, WritesRewritesAndRemovesTheRowsOfAService) {
  auto conn = db().acquire();
  auto id = insert_service(*conn, "test--1", "Vélo-école", "Apprendre le vélo en ville",
                           R"(["mobilite--mobilite-douce-partagee-collective"])",
                           R"(["08", "200041630"])");
  reindex_service(*conn, id);
  EXPECT_EQ(column(*conn, "SELECT code FROM service_zones WHERE service_id = $1 ORDER BY code", id),
            (std::vector<std::string>{"08", "200041630"}));
  EXPECT_EQ(
      column(*conn, "SELECT code FROM service_thematiques WHERE service_id = $1 ORDER BY code", id),
      (std::vector<std::string>{"mobilite", "mobilite--mobilite-douce-partagee-collective"}));
  EXPECT_EQ(column(*conn,
                   "SELECT term || ':' || weight FROM service_terms WHERE service_id = $1 "
                   "ORDER BY term",
                   id),
            (std::vector<std::string>{"apprendre:1", "ecole:0", "velo:0", "ville:1"}));
  auto search = conn->query_one(
      "SELECT name_words, words, publics, modes_accueil, frais FROM service_search "
      "WHERE service_id = $1",
      {id});
  ASSERT_TRUE(search);
  EXPECT_EQ(search->text(0), " velo ecole ");
  EXPECT_EQ(search->text(1), " velo ecole apprendre le velo en ville ");
  EXPECT_EQ(search->text(2), " jeunes ");
  EXPECT_EQ(search->text(3), " en-presentiel ");
  EXPECT_EQ(search->text(4), "gratuit");

  // An edit: the old words go, the new ones come; running it twice changes nothing.
  conn->execute(
      "UPDATE services SET nom = 'Garage solidaire', zone_eligibilite = '[\"99100\"]' "
      "WHERE id = $1",
      {id});
  reindex_service(*conn, id);
  reindex_service(*conn, id);
  EXPECT_EQ(column(*conn, "SELECT code FROM service_zones WHERE service_id = $1", id),
            (std::vector<std::string>{"france"}));
  EXPECT_EQ(
      column(*conn,
             "SELECT term || ':' || weight FROM service_terms WHERE service_id = $1 "
             "ORDER BY term",
             id),
      (std::vector<std::string>{"apprendre:1", "garage:0", "solidaire:0", "velo:1", "ville:1"}));

  // No zone: open to anyone ("*").
  conn->execute("UPDATE services SET zone_eligibilite = '[]' WHERE id = $1", {id});
  reindex_service(*conn, id);
  EXPECT_EQ(column(*conn, "SELECT code FROM service_zones WHERE service_id = $1", id),
            (std::vector<std::string>{"*"}));

  // Archived: no index rows at all.
  conn->execute("UPDATE services SET status = 'archived' WHERE id = $1", {id});
  reindex_service(*conn, id);
  for (const char* table :
       {"service_zones", "service_thematiques", "service_terms", "service_search"}) {
    EXPECT_EQ(conn->query_one(std::string("SELECT COUNT(*) FROM ") + table)->integer(0), 0)
        << table;
  }
  conn->execute("UPDATE services SET status = 'published' WHERE id = $1", {id});
  EXPECT_EQ(reindex_all(*conn), 1);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM service_terms")->integer(0), 5);
}

INSTANTIATE_TEST_SUITE_P(Engines, SearchIndexTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::search

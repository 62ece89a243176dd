// A small catalogue and a followed person for the referrals tests, on top of the people world
// (tests/store/people_fixture.h): a person living in Charleville-Mézières (08105) whose journey
// has Sofia Martin (referent, CD 08) as référent and a diagnostic with a major mobility obstacle,
// a family one to watch and a job project; structures and services:
//   ml_mobility   — Mission locale (member: colleague), mobility, in Charleville, zone 08105
//   sedan_family  — CCAS de Sedan (member: outsider), family, in Sedan, zone 08
//   imported_cv   — imported structure (no organisation), candidature, in Reims, zone france,
//                   courriel contact@import.test
//   remote_digital— imported, numérique, remote only, no zone (not needed by the person)
//   marne_only    — imported, mobility, zone 51 (not eligible in 08105)
//   draft_mobility— Mission locale, mobility, draft (never matched)
#pragma once

#include <cstdint>
#include <string>

#include "features/search/index.h"
#include "store/people_fixture.h"

namespace parcours::test {

struct Catalogue {
  std::int64_t ml_structure = 0;
  std::int64_t ccas_structure = 0;
  std::int64_t imported_structure = 0;
  std::int64_t ml_mobility = 0;
  std::int64_t sedan_family = 0;
  std::int64_t imported_cv = 0;
  std::int64_t remote_digital = 0;
  std::int64_t marne_only = 0;
  std::int64_t draft_mobility = 0;
};

inline std::int64_t insert_structure(store::Connection& conn, const std::string& di_id,
                                     store::Value organisation_id, const std::string& nom,
                                     store::Value courriel = nullptr) {
  return conn
      .query_one(
          "INSERT INTO structures (source, di_id, organisation_id, nom, courriel, date_maj, "
          "created_at, updated_at) VALUES ('test', $1, $2, $3, $4, '2027-01-01', 0, 0) RETURNING "
          "id",
          {di_id, organisation_id, nom, courriel})
      ->integer(0);
}

inline std::int64_t insert_service(store::Connection& conn, std::int64_t structure_id,
                                   const std::string& di_id, const std::string& nom,
                                   const std::string& thematiques, const std::string& zone,
                                   store::Value code_insee, store::Value commune,
                                   const std::string& modes = R"(["en-presentiel"])",
                                   const std::string& status = "published",
                                   store::Value courriel = nullptr) {
  return conn
      .query_one(
          "INSERT INTO services (source, di_id, structure_id, status, nom, description, "
          "thematiques, zone_eligibilite, code_insee, commune, modes_accueil, courriel, date_maj, "
          "created_at, updated_at) VALUES ('test', $1, $2, $3, $4, 'Description du service', $5, "
          "$6, $7, $8, $9, $10, '2027-01-01', 0, 0) RETURNING id",
          {di_id, structure_id, status, nom, thematiques, zone, code_insee, commune, modes,
           courriel})
      ->integer(0);
}

inline Catalogue make_catalogue(store::Connection& conn, const PeopleWorld& w) {
  Catalogue c;
  c.ml_structure = insert_structure(conn, "ml", w.mission_locale, "Mission locale");
  c.ccas_structure = insert_structure(conn, "ccas", w.ccas, "CCAS de Sedan");
  c.imported_structure =
      insert_structure(conn, "imported", nullptr, "Association importée", "structure@import.test");
  c.ml_mobility = insert_service(conn, c.ml_structure, "ml-mob", "Aide au permis",
                                 R"(["mobilite--financer-ma-mobilite"])", R"(["08105"])", "08105",
                                 "Charleville-Mézières");
  c.sedan_family = insert_service(conn, c.ccas_structure, "ccas-fam", "Garde d’enfants solidaire",
                                  R"(["famille--garde-denfants"])", R"(["08"])", "08409", "Sedan");
  c.imported_cv = insert_service(
      conn, c.imported_structure, "imp-cv", "Atelier CV",
      R"(["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"])",
      R"(["france"])", "51454", "Reims", R"(["en-presentiel"])", "published",
      "contact@import.test");
  c.remote_digital = insert_service(conn, c.imported_structure, "imp-num", "Numérique à distance",
                                    R"(["numerique--maitriser-les-fondamentaux-du-numerique"])",
                                    "[]", nullptr, nullptr, R"(["a-distance"])");
  c.marne_only = insert_service(conn, c.imported_structure, "imp-marne", "Garage solidaire marnais",
                                R"(["mobilite--entretenir-reparer-son-vehicule"])", R"(["51"])",
                                "51454", "Reims");
  c.draft_mobility = insert_service(conn, c.ml_structure, "ml-draft", "Brouillon mobilité",
                                    R"(["mobilite--acceder-a-un-vehicule"])", R"(["08"])", "08105",
                                    "Charleville-Mézières", R"(["en-presentiel"])", "draft");
  search::reindex_all(conn);
  return c;
}

struct Followed {
  std::int64_t person = 0;
  std::int64_t journey = 0;
};

// A person of Charleville with an accompanied journey, Sofia Martin as référent, and a diagnostic.
inline Followed make_followed(store::Connection& conn, const PeopleWorld& w) {
  Followed f;
  f.person = conn.query_one(
                     "INSERT INTO persons (territory_id, birth_name, first_names, birth_date, "
                     "email, phone, commune_code, postcode, address, created_at, updated_at) "
                     "VALUES ($1, 'Lambert', 'Inès', '1990-05-04', 'ines@exemple.fr', "
                     "'+33612345678', '08105', '08000', '3 rue de la Gare', 0, 0) RETURNING id",
                     {w.ardennes})
                 ->integer(0);
  f.journey = conn.query_one(
                      "INSERT INTO journeys (person_id, territory_id, status, entry, opened_at, "
                      "last_activity_at) VALUES ($1, $2, 'accompanied', 'professional', 0, 0) "
                      "RETURNING id",
                      {f.person, w.ardennes})
                  ->integer(0);
  conn.execute(
      "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) VALUES "
      "($1, $2, $3, 'referent', 0)",
      {f.journey, w.referent, w.cd08});
  auto form = conn.query_one(
                      "INSERT INTO diagnostic_forms (kind, version, definition, created_at) "
                      "VALUES ('socle_commun', 1, '{}', 0) RETURNING id")
                  ->integer(0);
  conn.execute(
      "INSERT INTO diagnostics (journey_id, author, version, form_id, answers, created_at) VALUES "
      "($1, 'professional', 1, $2, $3, 0)",
      {f.journey, form,
       R"({"projets_metiers":[{"code_rome":"D1106","appellation":"Vendeuse"}],"freins":{)"
       R"("mobilite":{"niveau":"majeur","sous_thematiques":["mobilite--financer-ma-mobilite"],)"
       R"("commentaire":"Permis à financer"},"famille":{"niveau":"a_surveiller",)"
       R"("sous_thematiques":[],"commentaire":""},"sante":{"niveau":"aucun",)"
       R"("sous_thematiques":[],"commentaire":""}}})"});
  return f;
}

}  // namespace parcours::test

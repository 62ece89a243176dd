#include "features/diagnostic/demo.h"

#include <algorithm>
#include <stdexcept>

#include "core/clock.h"
#include "features/diagnostic/diagnostics.h"
#include "features/diagnostic/forms.h"

namespace parcours::diagnostic {
namespace {

namespace json = boost::json;

constexpr std::int64_t kHour = 3'600;

json::object obstacle(const char* level, json::array subs, const char* comment) {
  return {{"niveau", level}, {"sous_thematiques", std::move(subs)}, {"commentaire", comment}};
}

json::object job(const char* code, const char* label) {
  return {{"code_rome", code}, {"appellation", label}};
}

// What persons say of themselves, one set per demo person in turn.
std::vector<json::object> person_words() {
  return {
      {{"dernier_emploi", "Vendeuse en boulangerie"},
       {"duree_sans_emploi", "1_2_ans"},
       {"competences", "J’aime le contact avec les clients, je sais tenir une caisse."},
       {"vehicule", false},
       {"disponibilite", "sous_1_mois"},
       {"horaires_souhaites", "temps_partiel"},
       {"freins",
        json::object{
            {"mobilite", obstacle("majeur", {}, "Pas de bus avant 8 h depuis mon village.")},
            {"famille", obstacle("a_surveiller", {}, "Je garde mes deux enfants le mercredi.")}}}},
      {{"dernier_emploi", "Manutentionnaire"},
       {"vehicule", true},
       {"permis", json::array{"B"}},
       {"disponibilite", "immediate"},
       {"freins", json::object{{"logement-hebergement",
                                obstacle("majeur", {}, "Je dors chez un ami depuis deux mois.")}}}},
      {{"competences", "Bricolage, jardinage, je parle arabe et français."},
       {"disponibilite", "immediate"},
       {"freins", json::object{{"numerique",
                                obstacle("a_surveiller", {},
                                         "Je n’ai pas d’ordinateur, seulement un téléphone.")}}}},
  };
}

// What professionals write, one set per demo person in turn.
std::vector<json::object> professional_diagnostics() {
  return {
      {{"dernier_emploi", "Vendeuse en boulangerie"},
       {"dernier_emploi_date", "2024-09"},
       {"duree_sans_emploi", "1_2_ans"},
       {"projets_metiers", json::array{job("D1106", "Vendeur / Vendeuse en alimentation générale"),
                                       job("D1505", "Caissier / Caissière")}},
       {"niveau_formation", "3"},
       {"vehicule", false},
       {"disponibilite", "sous_1_mois"},
       {"horaires_souhaites", "temps_partiel"},
       {"freins",
        json::object{
            {"mobilite",
             obstacle("majeur", {"mobilite--etre-accompagne-dans-son-parcours-mobilite"},
                      "Permis B à financer : aide à la mobilité à demander.")},
            {"famille", obstacle("a_surveiller", {}, "Mode de garde du mercredi à trouver.")}}}},
      {{"dernier_emploi", "Manutentionnaire"},
       {"duree_sans_emploi", "6_12_mois"},
       {"projets_metiers", json::array{job("N1103", "Magasinier / Magasinière")}},
       {"permis", json::array{"B"}},
       {"vehicule", true},
       {"disponibilite", "immediate"},
       {"horaires_souhaites", "horaires_decales"},
       {"freins", json::object{{"logement-hebergement",
                                obstacle("majeur", {}, "Hébergé chez un tiers : demande SIAO.")}}}},
      {{"duree_sans_emploi", "plus_2_ans"},
       {"niveau_formation", "infra_3"},
       {"competences", "Entretien d’espaces verts, petits travaux."},
       {"projets_metiers", json::array{job("A1203", "Jardinier / Jardinière d'espaces verts")}},
       {"disponibilite", "immediate"},
       {"horaires_souhaites", "temps_plein"},
       {"freins",
        json::object{{"numerique", obstacle("a_surveiller", {}, "Atelier numérique proposé.")},
                     {"sante", obstacle("aucun", {}, "")}}}},
  };
}

}  // namespace

int seed_demo_diagnostics(store::Connection& conn, std::int64_t territory_id) {
  auto seeded = seed_socle_commun(conn, socle_commun_path());
  if (!seeded) throw std::runtime_error(seeded.error().message);
  auto socle = current_socle_commun(conn);
  if (!socle) throw std::runtime_error("socle commun absent");
  // Seeded once: a rerun leaves the demo's diagnostics (and the ones added since) as they are.
  if (conn.query_one("SELECT 1 FROM diagnostics d JOIN journeys j ON j.id = d.journey_id WHERE "
                     "j.territory_id = $1 LIMIT 1",
                     {territory_id})) {
    return 0;
  }
  std::int64_t now = now_seconds();
  int created = 0;
  auto save = [&](std::int64_t journey_id, const char* author, json::object answers,
                  std::optional<std::int64_t> user, std::optional<std::int64_t> org,
                  std::int64_t at) {
    pin_clock_for_tests(std::min(at, now));
    auto saved = save_diagnostic(conn, {.journey_id = journey_id,
                                        .author = author,
                                        .form_id = socle->id,
                                        .answers = std::move(answers),
                                        .user_id = user,
                                        .organisation_id = org});
    pin_clock_for_tests(0);
    if (!saved) throw std::runtime_error(saved.error().message);
    ++created;
  };
  // Active journeys of the territory, Léa's first; with their référent (if any).
  auto journeys = conn.query(
      "SELECT j.id, j.status, (SELECT MAX(at) FROM journal WHERE person_id = p.id), p.email, "
      "m.user_id, m.organisation_id FROM journeys j "
      "JOIN persons p ON p.id = j.person_id LEFT JOIN journey_members m ON m.journey_id = j.id AND "
      "m.role = 'referent' AND m.left_at IS NULL WHERE j.territory_id = $1 AND j.status <> "
      "'closed' AND p.merged_into IS NULL ORDER BY CASE WHEN p.email = 'personne@demo.test' THEN 0 "
      "ELSE 1 END, "
      "j.id",
      {territory_id});
  auto words = person_words();
  auto diagnostics = professional_diagnostics();
  std::size_t with_team = 0;
  std::size_t waiting = 0;
  for (const auto& j : journeys) {
    std::int64_t journey_id = j.integer(0);
    // After the person's story so far, so that the carnet de bord stays in time order.
    std::int64_t last = j.integer(2);
    bool lea = j.text(3) == "personne@demo.test";
    auto referent = j.opt_integer(4);
    if (referent && (lea || with_team < 5)) {
      std::size_t k = lea ? 0 : 1 + with_team % (diagnostics.size() - 1);
      if (lea || with_team % 2 == 0) {
        save(journey_id, kByPerson, words[k % words.size()], std::nullopt, std::nullopt,
             last + kHour);
      }
      json::object first = diagnostics[k];
      if (lea) {
        first.erase("projets_metiers");
        first["disponibilite"] = "plus_tard";
      }
      save(journey_id, kByProfessional, first, referent, j.opt_integer(5), last + 2 * kHour);
      if (lea) {
        save(journey_id, kByProfessional, diagnostics[0], referent, j.opt_integer(5),
             last + 3 * kHour);
      }
      if (!lea) ++with_team;
    } else if (!referent && j.text(1) == "to_orient" && waiting < 3) {
      save(journey_id, kByPerson, words[waiting % words.size()], std::nullopt, std::nullopt,
           last + kHour);
      ++waiting;
    }
  }
  return created;
}

}  // namespace parcours::diagnostic

#include "features/plan/demo.h"

#include <stdexcept>
#include <string>

#include "core/clock.h"
#include "features/plan/plan.h"

namespace parcours::plan {
namespace {

std::int64_t or_throw(const Result<std::int64_t>& r) {
  if (!r) throw std::runtime_error("démonstration du plan d’actions : " + r.error().message);
  return *r;
}

void or_throw(const Result<void>& r) {
  if (!r) throw std::runtime_error("démonstration du plan d’actions : " + r.error().message);
}

// A published service of the territory's catalogue in a thématique category, if any.
std::optional<std::int64_t> service_in(store::Connection& conn, const char* category) {
  auto row = conn.query_one(
      "SELECT id FROM services WHERE status = 'published' AND thematiques LIKE $1 ORDER BY id "
      "LIMIT 1",
      {std::string("%\"") + category + "--%"});
  if (!row) return std::nullopt;
  return row->integer(0);
}

// A service action, unless that service is already planned (by a referral of the demo).
void add_service(store::Connection& conn, std::int64_t journey, std::int64_t goal,
                 const char* category, const Actor& actor, const char* status) {
  auto service = service_in(conn, category);
  if (!service) return;
  auto id = add_action(conn, journey,
                       {.goal = std::to_string(goal),
                        .service_id = std::to_string(*service),
                        .responsible = std::to_string(actor.user_id)},
                       actor);
  if (!id) return;  // already in the plan
  if (std::string(status) != "planned") or_throw(set_action_status(conn, *id, status, actor));
}

}  // namespace

int seed_demo_plans(store::Connection& conn, std::int64_t territory_id) {
  auto user = conn.query_one("SELECT id FROM users WHERE email = 'referent@demo.test'");
  if (!user) return 0;
  std::int64_t referent = user->integer(0);
  if (conn.query_one("SELECT 1 FROM plan_goals g JOIN journeys j ON j.id = g.journey_id WHERE "
                     "j.territory_id = $1",
                     {territory_id})) {
    return 0;
  }
  std::int64_t now = now_seconds();
  std::string today = paris_today(now);
  // Léa (personne@demo.test) first: she sees her plan in her space; then other live journeys.
  auto journeys = conn.query(
      "SELECT j.id, j.person_id, m.organisation_id FROM journeys j JOIN journey_members m ON "
      "m.journey_id = j.id AND m.user_id = $1 AND m.left_at IS NULL JOIN persons p ON p.id = "
      "j.person_id WHERE j.territory_id = $2 AND j.status <> 'closed' AND j.last_activity_at > $3 "
      "ORDER BY CASE WHEN p.email = 'personne@demo.test' THEN 0 ELSE 1 END, j.id LIMIT 4",
      {referent, territory_id, now - 180 * 86400});
  int goals = 0;
  int i = 0;
  for (const auto& j : journeys) {
    std::int64_t journey = j.integer(0);
    std::int64_t person = j.integer(1);
    Actor actor{referent, j.integer(2)};
    auto goal = [&](const char* thematique, const char* title, GoalForm extra = {}) {
      extra.thematique = thematique;
      extra.title = title;
      ++goals;
      return or_throw(create_goal(conn, journey, extra, actor));
    };
    auto free_action = [&](std::int64_t g, const char* title, const char* responsible,
                           const char* status) {
      auto id = or_throw(add_action(
          conn, journey,
          {.goal = g ? std::to_string(g) : "", .title = title, .responsible = responsible}, actor));
      if (std::string(status) != "planned") or_throw(set_action_status(conn, id, status, actor));
      return id;
    };
    std::string me = std::to_string(referent);
    switch (i++) {
      case 0: {  // Léa: a job, mobility, her own actions, a proposal waiting, a point d'étape.
        auto job = goal("trouver-un-emploi", "Trouver un emploi de vendeuse en boulangerie",
                        {.target_date = add_months(today, 6), .carrier = me});
        free_action(job, "Mettre à jour mon CV", "person", "done");
        free_action(job, "Envoyer trois candidatures spontanées", "person", "in_progress");
        free_action(job, "Préparer l’entretien avec une simulation", me.c_str(), "planned");
        auto car = goal("mobilite", "Pouvoir se rendre au travail tôt le matin",
                        {.carrier = "person", .obstacle = "mobilite"});
        add_service(conn, journey, car, "mobilite", actor, "in_progress");
        free_action(car, "Regarder les horaires du bus de 6 h", "person", "planned");
        free_action(car, "Demander une aide au transport à la CAF", me.c_str(), "abandoned");
        or_throw(record_review(conn, journey,
                               {.review_date = today,
                                .summary = "Le CV est à jour. Trois candidatures à envoyer d’ici "
                                           "le prochain point ; la question du transport du "
                                           "matin reste à régler.",
                                .person_attended = true},
                               actor));
        or_throw(propose_goal(conn, person, journey,
                              {.thematique = "se-former", .title = "Passer le CAP boulanger"}));
        break;
      }
      case 1: {  // Only a housing goal yet: the "work first" notice shows.
        auto home = goal("logement-hebergement", "Trouver un logement plus proche du centre",
                         {.carrier = me, .obstacle = "logement-hebergement"});
        free_action(home, "Déposer une demande de logement social", me.c_str(), "in_progress");
        free_action(home, "Rassembler les justificatifs de ressources", "person", "planned");
        break;
      }
      case 2: {  // A point d'étape four months ago: the next one is late.
        auto trade =
            goal("choisir-un-metier", "Découvrir les métiers de la logistique", {.carrier = me});
        free_action(trade, "Immersion d’une semaine en entrepôt", me.c_str(), "done");
        add_service(conn, journey, trade, "choisir-un-metier", actor, "planned");
        or_throw(record_review(conn, journey,
                               {.review_date = add_months(today, -4),
                                .summary = "Intérêt confirmé pour la logistique après l’immersion.",
                                .person_attended = true,
                                .next_review_date = add_months(today, -1)},
                               actor));
        break;
      }
      case 3: {  // A goal reached and the plan closed.
        auto job = goal("trouver-un-emploi", "Reprendre un emploi d’aide à domicile",
                        {.carrier = "person"});
        free_action(job, "Signer le contrat de travail", "person", "done");
        auto cancelled = free_action(0, "Atelier collectif sur le budget", me.c_str(), "cancelled");
        (void)cancelled;
        or_throw(close_goal(conn, job, "reached", "CDI de 24 heures par semaine signé", actor));
        or_throw(close_plan(conn, journey, "Emploi durable trouvé", actor));
        break;
      }
      default:
        break;
    }
  }
  return goals;
}

}  // namespace parcours::plan

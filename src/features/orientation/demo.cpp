#include "features/orientation/demo.h"

#include <boost/json.hpp>
#include <stdexcept>

#include "core/clock.h"
#include "features/orientation/orientation.h"
#include "features/people/events.h"

namespace parcours::orientation {
namespace {

constexpr std::int64_t kDay = 86400;

std::optional<std::int64_t> journey_of(store::Connection& conn, std::int64_t territory_id,
                                       const char* birth_name, const char* first_names) {
  auto r = conn.query_one(
      "SELECT j.id FROM journeys j JOIN persons p ON p.id = j.person_id WHERE j.territory_id = "
      "$1 AND p.birth_name = $2 AND p.first_names = $3 AND j.status <> 'closed'",
      {territory_id, std::string(birth_name), std::string(first_names)});
  if (!r) return std::nullopt;
  return r->integer(0);
}

std::int64_t id_of(store::Connection& conn, const char* sql, const std::string& key) {
  auto r = conn.query_one(sql, {key});
  if (!r) throw std::runtime_error("démonstration : introuvable " + key);
  return r->integer(0);
}

void or_throw(const Result<std::int64_t>& r) {
  if (!r) throw std::runtime_error("démonstration : " + r.error().message);
}

}  // namespace

int seed_demo_orientation(store::Connection& conn, std::int64_t territory_id) {
  if (conn.query_one("SELECT 1 FROM orientations o JOIN journeys j ON j.id = o.journey_id WHERE "
                     "j.territory_id = $1",
                     {territory_id})) {
    return 0;
  }
  const char* kUser = "SELECT id FROM users WHERE email = $1";
  const char* kOrg = "SELECT id FROM organisations WHERE slug = $1";
  std::int64_t karim = id_of(conn, kUser, "orientation@demo.test");
  std::int64_t julie = id_of(conn, kUser, "referent@demo.test");
  std::int64_t cd = id_of(conn, kOrg, "conseil-departemental-des-ardennes");
  std::int64_t relais = id_of(conn, kOrg, "association-le-relais-ardennais");
  std::int64_t france_travail = id_of(conn, kOrg, "france-travail-charleville-mezieres");
  std::int64_t now = now_seconds();
  // The demo's past is not mailed: what its decisions queue is marked sent without delivery (the
  // demo's accounts and persons read mail in var/mail/, and would find stale messages there).
  std::int64_t last_mail = conn.query_one("SELECT COALESCE(MAX(id), 0) FROM outbox")->integer(0);

  // Waiting: one late, one due within 7 days, one more late (the rest stay on time).
  for (auto [name, first, days] :
       {std::tuple{"Fontaine", "Nathalie", 45}, std::tuple{"Thiébaut", "Jérôme", 26},
        std::tuple{"Rivière", "Océane", 34}}) {
    if (auto j = journey_of(conn, territory_id, name, first)) {
      conn.execute("UPDATE journeys SET opened_at = $2 WHERE id = $1", {*j, now - days * kDay});
    }
  }
  int decisions = 0;
  const std::string url = "http://127.0.0.1:8080";
  if (auto j = journey_of(conn, territory_id, "Hoarau", "Bérénice")) {
    or_throw(decide(conn, {.journey_id = *j,
                           .route = "socio_pro",
                           .organisation_id = std::to_string(relais),
                           .referent = std::to_string(julie),
                           .reason = "Mme Hoarau souhaite reprendre un emploi mais doit d’abord "
                                     "régler ses dettes de loyer : un accompagnement "
                                     "socio-professionnel au Relais ardennais lui est proposé.",
                           .actor_id = karim,
                           .actor_organisation_id = cd,
                           .public_url = url}));
    ++decisions;
    or_throw(request_reorientation(conn, *j, julie, relais,
                                   "Mme Hoarau a des soucis de santé qui empêchent pour l’instant "
                                   "toute recherche d’emploi : un parcours social serait plus "
                                   "adapté.",
                                   url));
  }
  if (auto j = journey_of(conn, territory_id, "Santoni", "Pierre-Yves")) {
    or_throw(decide(conn, {.journey_id = *j,
                           .route = "pro",
                           .organisation_id = std::to_string(france_travail),
                           .reason = "M. Santoni a travaillé jusqu’à l’an dernier et veut "
                                     "reprendre vite un emploi de magasinier.",
                           .actor_id = karim,
                           .actor_organisation_id = cd,
                           .public_url = url}));
    ++decisions;
  }
  // Léa, already accompanied: her orientation of the time, with its explanation.
  if (auto lea = conn.query_one(
          "SELECT j.id, j.person_id, j.opened_at FROM journeys j JOIN persons p ON p.id = "
          "j.person_id WHERE p.email = 'personne@demo.test' AND j.territory_id = $1 AND "
          "j.status <> 'closed'",
          {territory_id})) {
    auto member = conn.query_one(
        "SELECT organisation_id, user_id FROM journey_members WHERE journey_id = $1 AND role = "
        "'referent' AND left_at IS NULL",
        {lea->integer(0)});
    std::int64_t org = member ? member->integer(0) : relais;
    boost::json::array reasons{
        "Aucun frein majeur n'est signalé dans le diagnostic : un parcours professionnel est "
        "suggéré."};
    conn.execute(
        "INSERT INTO orientations (journey_id, route, organisation_id, referent_id, reason, "
        "suggested_route, suggestion_reasons, followed_suggestion, decided_by, decided_at) "
        "VALUES ($1, 'socio_pro', $2, $3, $4, 'pro', $5, 0, $6, $7)",
        {lea->integer(0), org, member ? store::Value(member->integer(1)) : store::Value(nullptr),
         "Vous souhaitez travailler dans la vente, et une aide pour la garde de votre fils vous "
         "permettra de suivre la formation : un accompagnement socio-professionnel vous est "
         "proposé.",
         boost::json::serialize(reasons), karim, lea->integer(2) + 2 * kDay});
    people::append_person_event(
        conn, "orientation.decided", lea->integer(1), territory_id, karim,
        {{"journey_id", lea->integer(0)},
         {"route", "socio_pro"},
         {"organisation_id", org},
         {"actor_organisation_id", cd},
         {"text", "orientation vers un parcours socio-professionnel (suggestion non suivie)"}});
    ++decisions;
  }
  conn.execute("UPDATE outbox SET sent_at = created_at WHERE id > $1 AND sent_at IS NULL",
               {last_mail});
  return decisions;
}

}  // namespace parcours::orientation

#include "features/referrals/plan_actions.h"

#include <boost/json.hpp>

#include "core/atomic.h"
#include "core/clock.h"
#include "features/people/events.h"
#include "features/people/journeys.h"
#include "features/plan/plan.h"

namespace parcours::referrals {
namespace {

namespace json = boost::json;

struct StatusLabel {
  const char* code;
  const char* label;
};

constexpr StatusLabel kStatuses[] = {{"planned", "Prévue"},
                                     {"in_progress", "En cours"},
                                     {"done", "Réalisée"},
                                     {"abandoned", "Abandonnée"},
                                     {"cancelled", "Annulée"}};

std::string paris_date(std::int64_t at) { return format_iso8601(at).substr(0, 10); }

}  // namespace

bool valid_action_status(std::string_view status) {
  for (const auto& s : kStatuses)
    if (status == s.code) return true;
  return false;
}

const char* action_status_label(std::string_view status) {
  for (const auto& s : kStatuses)
    if (status == s.code) return s.label;
  return "Inconnu";
}

std::optional<std::int64_t> open_action_for_service(store::Connection& conn,
                                                    std::int64_t journey_id,
                                                    std::int64_t service_id) {
  auto row = conn.query_one(
      "SELECT id FROM plan_actions WHERE journey_id = $1 AND service_id = $2 AND status IN "
      "('planned', 'in_progress') ORDER BY id LIMIT 1",
      {journey_id, service_id});
  if (!row) return std::nullopt;
  return row->integer(0);
}

Result<std::int64_t> add_service_action(store::Connection& conn, std::int64_t journey_id,
                                        std::int64_t service_id, const people::TeamActor& actor) {
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto journey = people::find_journey(conn, journey_id);
    if (!journey || !journey->active()) {
      return fail(ErrorCode::kNotFound, "Parcours introuvable ou clos.");
    }
    auto service = conn.query_one(
        "SELECT s.nom, st.nom FROM services s JOIN structures st ON st.id = s.structure_id "
        "WHERE s.id = $1 AND s.status = 'published'",
        {service_id});
    if (!service) return fail(ErrorCode::kNotFound, "Service introuvable ou non publié.");
    if (auto existing = open_action_for_service(conn, journey_id, service_id)) return *existing;
    std::int64_t now = now_seconds();
    // The plan d'actions: its row, and the goal of the service's thématique (else "Autres").
    plan::ensure_plan(conn, journey_id, actor.user_id);
    auto goal_id = plan::goal_for_service(conn, journey_id, service_id);
    auto id = conn.query_one(
                      "INSERT INTO plan_actions (journey_id, goal_id, service_id, title, status, "
                      "responsible_user_id, start_date, created_by, created_at, updated_at) "
                      "VALUES ($1, $2, $3, $4, 'planned', $5, $6, $5, $7, $7) RETURNING id",
                      {journey_id, store::opt(goal_id), service_id, service->text(0), actor.user_id,
                       paris_date(now), now})
                  ->integer(0);
    json::object payload{{"journey_id", journey_id},
                         {"action_id", id},
                         {"service_id", service_id},
                         {"status", "planned"},
                         {"text", "a ajouté au plan d’actions le service « " + service->text(0) +
                                      " » (" + service->text(1) + ")"}};
    if (goal_id) payload["goal_id"] = *goal_id;
    if (actor.organisation_id) payload["actor_organisation_id"] = *actor.organisation_id;
    people::append_person_event(conn, kActionAdded, journey->person_id, journey->territory_id,
                                actor.user_id, payload);
    people::touch_journey(conn, journey_id);
    return id;
  });
}

void set_action_status(store::Connection& conn, std::int64_t action_id, std::string_view status,
                       std::optional<std::int64_t> actor_id,
                       std::optional<std::int64_t> actor_organisation_id, std::string_view why) {
  auto row = conn.query_one(
      "SELECT a.status, a.title, a.journey_id, j.person_id, j.territory_id FROM plan_actions a "
      "JOIN journeys j ON j.id = a.journey_id WHERE a.id = $1",
      {action_id});
  if (!row || row->text(0) == status) return;
  std::int64_t now = now_seconds();
  bool ended = status == "done" || status == "abandoned" || status == "cancelled";
  conn.execute("UPDATE plan_actions SET status = $2, end_date = $3, updated_at = $4 WHERE id = $1",
               {action_id, std::string(status),
                ended ? store::Value(paris_date(now)) : store::Value(nullptr), now});
  json::object payload{
      {"journey_id", row->integer(2)},
      {"action_id", action_id},
      {"status", std::string(status)},
      {"text", "l’action « " + row->text(1) + " » du plan d’actions passe au statut « " +
                   action_status_label(status) + " »" +
                   (why.empty() ? "" : " " + std::string(why))}};
  if (actor_organisation_id) payload["actor_organisation_id"] = *actor_organisation_id;
  people::append_person_event(conn, kActionUpdated, row->integer(3), row->integer(4), actor_id,
                              payload);
}

std::vector<PlanAction> actions_of(store::Connection& conn, std::int64_t journey_id) {
  std::vector<PlanAction> out;
  for (const auto& r : conn.query(
           "SELECT a.id, a.journey_id, a.service_id, a.title, a.status, a.responsible_user_id, "
           "COALESCE(u.name, ''), a.created_at, a.updated_at FROM plan_actions a LEFT JOIN users u "
           "ON u.id = a.responsible_user_id WHERE a.journey_id = $1 ORDER BY a.created_at DESC, "
           "a.id DESC",
           {journey_id})) {
    out.push_back({r.integer(0), r.integer(1), r.opt_integer(2), r.text(3), r.text(4),
                   r.opt_integer(5), r.text(6), r.integer(7), r.integer(8)});
  }
  return out;
}

}  // namespace parcours::referrals

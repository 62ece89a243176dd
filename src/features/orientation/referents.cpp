#include "features/orientation/referents.h"

#include <boost/json.hpp>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/store/journal.h"
#include "features/orientation/orientation.h"
#include "features/people/events.h"
#include "features/people/journeys.h"
#include "features/people/team.h"

namespace parcours::orientation {
namespace {

namespace json = boost::json;

std::string name_of(const std::string& first, const std::string& usage, const std::string& birth) {
  return first + " " + (usage.empty() ? birth : usage);
}

}  // namespace

Result<void> assign_referent(store::Connection& conn, std::int64_t journey_id, std::int64_t user_id,
                             std::int64_t organisation_id, std::int64_t actor_id,
                             std::optional<std::int64_t> actor_org) {
  return atomically(conn, [&]() -> Result<void> {
    auto allowed = conn.query_one(
        "SELECT 1 FROM user_roles r JOIN users u ON u.id = r.user_id JOIN organisations o ON "
        "o.id = r.organisation_id JOIN journeys j ON j.territory_id = o.territory_id WHERE "
        "j.id = $3 AND r.user_id = $1 AND r.organisation_id = $2 AND r.active = 1 AND "
        "u.active = 1 AND o.active = 1 AND r.referent = 1 AND r.role IN ('professional', "
        "'org_admin')",
        {user_id, organisation_id, journey_id});
    if (!allowed) {
      return fail(ErrorCode::kInvalid,
                  "Ce professionnel n’est pas référent de parcours dans la structure choisie.",
                  "referent");
    }
    people::TeamActor actor{actor_id, actor_org};
    auto current = conn.query_one(
        "SELECT user_id FROM journey_members WHERE journey_id = $1 AND role = 'referent' AND "
        "left_at IS NULL",
        {journey_id});
    if (current && current->integer(0) == user_id) return {};
    if (current) {
      std::int64_t previous = current->integer(0);
      auto left = people::leave_team(conn, journey_id, previous, "Changement de référent", actor);
      if (!left) return std::unexpected(left.error());
      std::int64_t until = now_seconds() + kFormerReferentDays * 86400;
      conn.execute("DELETE FROM former_referents WHERE journey_id = $1 AND user_id = $2",
                   {journey_id, previous});
      conn.execute(
          "INSERT INTO former_referents (journey_id, user_id, until_at) VALUES ($1, $2, $3)",
          {journey_id, previous, until});
      jobs::enqueue_job(
          conn, kExpiryJob,
          json::serialize(json::object{{"journey_id", journey_id}, {"user_id", previous}}), until);
    }
    conn.execute("DELETE FROM former_referents WHERE journey_id = $1 AND user_id = $2",
                 {journey_id, user_id});
    if (people::in_team(conn, journey_id, user_id)) {
      auto member = people::active_member(conn, journey_id, user_id);
      if (member && member->organisation_id != organisation_id) {
        return fail(ErrorCode::kInvalid,
                    "Ce professionnel est déjà dans l’équipe pour une autre structure.",
                    "referent");
      }
      return people::set_referent(conn, journey_id, user_id, actor);
    }
    auto added = people::add_member(conn, {.journey_id = journey_id,
                                           .user_id = user_id,
                                           .organisation_id = organisation_id,
                                           .referent = true,
                                           .added_by = actor_id,
                                           .actor_organisation_id = actor_org,
                                           .via = "orientation"});
    if (!added) {
      Error e = added.error();
      e.field = "referent";
      return std::unexpected(e);
    }
    return {};
  });
}

int expire_former_referents(store::Connection& conn) {
  return atomically(conn, [&] {
    int n = 0;
    for (const auto& r : conn.query(
             "SELECT f.journey_id, f.user_id, j.person_id, j.territory_id FROM former_referents f "
             "JOIN journeys j ON j.id = f.journey_id WHERE f.until_at <= $1",
             {now_seconds()})) {
      conn.execute("DELETE FROM former_referents WHERE journey_id = $1 AND user_id = $2",
                   {r.integer(0), r.integer(1)});
      people::append_person_event(
          conn, "orientation.former_referent_access_ended", r.integer(2), r.integer(3),
          std::nullopt,
          {{"journey_id", r.integer(0)},
           {"user_id", r.integer(1)},
           {"text",
            "fin de l’accès en lecture de l’ancien référent (30 jours après son "
            "remplacement)"}});
      ++n;
    }
    return n;
  });
}

void register_jobs(jobs::JobRunner& runner) {
  runner.on(kExpiryJob,
            [](store::Connection& conn, const jobs::Job&) { expire_former_referents(conn); });
}

bool former_referent(store::Connection& conn, std::int64_t journey_id, std::int64_t user_id) {
  return conn
      .query_one(
          "SELECT 1 FROM former_referents WHERE journey_id = $1 AND user_id = $2 AND "
          "until_at > $3",
          {journey_id, user_id, now_seconds()})
      .has_value();
}

Result<void> record_first_meeting(store::Connection& conn, std::int64_t journey_id,
                                  std::int64_t actor_id, std::optional<std::int64_t> actor_org) {
  return atomically(conn, [&]() -> Result<void> {
    auto j = conn.query_one(
        "SELECT person_id, territory_id, first_meeting_at, status FROM journeys WHERE id = $1",
        {journey_id});
    if (!j) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
    if (!j->is_null(2)) {
      return fail(ErrorCode::kConflict, "Le premier rendez-vous est déjà enregistré.");
    }
    std::int64_t now = now_seconds();
    conn.execute(
        "UPDATE journeys SET first_meeting_at = $2, last_activity_at = $2, status = CASE WHEN "
        "status = 'oriented' THEN 'accompanied' ELSE status END WHERE id = $1",
        {journey_id, now});
    json::object payload{{"journey_id", journey_id},
                         {"text", "a enregistré le premier rendez-vous avec le référent"}};
    if (actor_org) payload["actor_organisation_id"] = *actor_org;
    people::append_person_event(conn, "orientation.first_meeting", j->integer(0), j->integer(1),
                                actor_id, payload);
    return {};
  });
}

std::vector<WatchRow> journeys_to_watch(store::Connection& conn, std::int64_t territory_id,
                                        std::optional<std::int64_t> organisation_id,
                                        std::int64_t now, int limit) {
  DeadlineRule rule = deadline_rule_of(conn, territory_id);
  Day today = paris_day(now);
  // The latest orientation of each active, oriented journey without a first meeting.
  std::string sql =
      "SELECT j.id, j.person_id, p.first_names, p.usage_name, p.birth_name, org.name, org.id, "
      "COALESCE((SELECT u.name FROM journey_members m JOIN users u ON u.id = m.user_id WHERE "
      "m.journey_id = j.id AND m.role = 'referent' AND m.left_at IS NULL), ''), o.decided_at "
      "FROM journeys j JOIN persons p ON p.id = j.person_id JOIN orientations o ON "
      "o.journey_id = j.id AND o.replaced_by IS NULL JOIN organisations org ON org.id = "
      "o.organisation_id WHERE j.territory_id = $1 AND j.status IN ('oriented', 'accompanied') "
      "AND j.first_meeting_at IS NULL ";
  store::Params params{territory_id};
  if (organisation_id) {
    sql += "AND o.organisation_id = $2 ";
    params.add(*organisation_id);
  }
  sql += "ORDER BY o.decided_at, j.id";
  std::vector<WatchRow> out;
  for (const auto& r : conn.query(sql, params)) {
    WatchRow w;
    w.journey_id = r.integer(0);
    w.person_id = r.integer(1);
    w.name = name_of(r.text(2), r.text(3), r.text(4));
    w.organisation = r.text(5);
    w.organisation_id = r.integer(6);
    w.referent = r.text(7);
    w.oriented_at = r.integer(8);
    w.no_referent = w.referent.empty();
    Day deadline = deadline_day(paris_day(w.oriented_at), rule);
    w.meeting_late = today > deadline;
    w.first_meeting_deadline = french_date(deadline);
    if (!w.no_referent && !w.meeting_late) continue;
    out.push_back(std::move(w));
    if (static_cast<int>(out.size()) >= limit) break;
  }
  return out;
}

std::vector<PersonReferentRequest> person_referent_requests(store::Connection& conn,
                                                            std::int64_t journey_id) {
  std::vector<PersonReferentRequest> out;
  for (const auto& r : conn.query(
           "SELECT q.reason, q.created_at, COALESCE(u.name, '') FROM referent_change_requests q "
           "LEFT JOIN users u ON u.id = q.referent_user_id WHERE q.journey_id = $1 ORDER BY "
           "q.created_at DESC, q.id DESC",
           {journey_id})) {
    out.push_back({r.text(0), r.integer(1), r.text(2)});
  }
  return out;
}

std::vector<MyJourney> journeys_of_referent(store::Connection& conn, std::int64_t user_id) {
  std::vector<MyJourney> out;
  for (const auto& r : conn.query(
           "SELECT j.id, j.person_id, p.first_names, p.usage_name, p.birth_name, "
           "COALESCE((SELECT o.route FROM orientations o WHERE o.journey_id = j.id AND "
           "o.replaced_by IS NULL), ''), j.first_meeting_at, EXISTS (SELECT 1 FROM "
           "reorientation_requests r WHERE r.journey_id = j.id AND r.status = 'pending') "
           "FROM journey_members m JOIN journeys j ON j.id = m.journey_id JOIN persons p ON "
           "p.id = j.person_id WHERE m.user_id = $1 AND m.role = 'referent' AND m.left_at IS "
           "NULL AND j.status <> 'closed' ORDER BY p.birth_name, p.first_names, j.id LIMIT 500",
           {user_id})) {
    out.push_back({r.integer(0), r.integer(1), name_of(r.text(2), r.text(3), r.text(4)), r.text(5),
                   !r.is_null(6), r.boolean(7)});
  }
  return out;
}

}  // namespace parcours::orientation

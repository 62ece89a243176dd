#include "features/people/team.h"

#include <boost/json.hpp>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/text.h"
#include "features/people/events.h"
#include "features/people/journeys.h"

namespace parcours::people {
namespace {

namespace json = boost::json;

constexpr const char* kSelect =
    "SELECT m.id, m.journey_id, m.user_id, u.name, u.email, m.organisation_id, o.name, o.email, "
    "o.phone, m.role, m.joined_at, m.left_at, COALESCE(m.left_reason, '') FROM journey_members m "
    "JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id";

Member from_row(const store::Row& r) {
  return {.id = r.integer(0),
          .journey_id = r.integer(1),
          .user_id = r.integer(2),
          .name = r.text(3),
          .email = r.text(4),
          .organisation_id = r.integer(5),
          .organisation_name = r.text(6),
          .organisation_email = r.text(7),
          .organisation_phone = r.text(8),
          .role = r.text(9),
          .joined_at = r.integer(10),
          .left_at = r.opt_integer(11),
          .left_reason = r.text(12)};
}

// Active journey or the French refusal.
Result<Journey> open_journey_of(store::Connection& conn, std::int64_t journey_id) {
  auto journey = find_journey(conn, journey_id);
  if (!journey) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
  if (!journey->active()) {
    return fail(ErrorCode::kConflict, "Ce parcours est clos : son équipe ne change plus.");
  }
  return *journey;
}

void journal(store::Connection& conn, const Journey& journey, const char* kind,
             std::optional<std::int64_t> actor_id, std::optional<std::int64_t> actor_org,
             json::object payload) {
  payload["journey_id"] = journey.id;
  if (actor_org) payload["actor_organisation_id"] = *actor_org;
  append_person_event(conn, kind, journey.person_id, journey.territory_id, actor_id, payload);
  touch_journey(conn, journey.id);
}

// Whether the account is an active professional (or organisation admin) of `organisation_id`,
// an active organisation of `territory_id`; with `referent`, one whose role may be référent.
bool professional_of(store::Connection& conn, std::int64_t user_id, std::int64_t organisation_id,
                     std::int64_t territory_id, bool referent) {
  return conn
      .query_one(
          "SELECT 1 FROM user_roles r JOIN organisations o ON o.id = r.organisation_id "
          "JOIN users u ON u.id = r.user_id WHERE r.user_id = $1 AND r.organisation_id = $2 "
          "AND o.territory_id = $3 AND r.active = 1 AND o.active = 1 AND u.active = 1 AND "
          "r.role IN ('professional', 'org_admin') AND ($4 = 0 OR r.referent = 1)",
          {user_id, organisation_id, territory_id, store::boolean(referent)})
      .has_value();
}

}  // namespace

std::vector<Member> team_of(store::Connection& conn, std::int64_t journey_id, bool former) {
  std::string sql = std::string(kSelect) + " WHERE m.journey_id = $1";
  if (!former) sql += " AND m.left_at IS NULL";
  sql +=
      " ORDER BY CASE WHEN m.left_at IS NULL THEN 0 ELSE 1 END, "
      "CASE WHEN m.role = 'referent' THEN 0 ELSE 1 END, m.joined_at, m.id";
  std::vector<Member> out;
  for (const auto& row : conn.query(sql, {journey_id})) out.push_back(from_row(row));
  return out;
}

std::optional<Member> active_member(store::Connection& conn, std::int64_t journey_id,
                                    std::int64_t user_id) {
  auto row = conn.query_one(
      std::string(kSelect) + " WHERE m.journey_id = $1 AND m.user_id = $2 AND m.left_at IS NULL",
      {journey_id, user_id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

bool in_team(store::Connection& conn, std::int64_t journey_id, std::int64_t user_id) {
  return conn
      .query_one(
          "SELECT 1 FROM journey_members WHERE journey_id = $1 AND user_id = $2 AND "
          "left_at IS NULL",
          {journey_id, user_id})
      .has_value();
}

Result<std::int64_t> add_member(store::Connection& conn, const NewMember& m) {
  try {
    return atomically(conn, [&]() -> Result<std::int64_t> {
      auto journey = open_journey_of(conn, m.journey_id);
      if (!journey) return std::unexpected(journey.error());
      if (!professional_of(conn, m.user_id, m.organisation_id, journey->territory_id, false)) {
        return fail(ErrorCode::kInvalid,
                    "Seul un professionnel d’une structure du territoire peut rejoindre l’équipe.",
                    "user_id");
      }
      if (m.referent &&
          !professional_of(conn, m.user_id, m.organisation_id, journey->territory_id, true)) {
        return fail(ErrorCode::kInvalid,
                    "Ce professionnel n’est pas habilité comme référent de parcours.", "user_id");
      }
      if (in_team(conn, m.journey_id, m.user_id)) {
        return fail(ErrorCode::kConflict, "Ce professionnel fait déjà partie de l’équipe.",
                    "user_id");
      }
      if (m.referent && conn.query_one("SELECT 1 FROM journey_members WHERE journey_id = $1 AND "
                                       "role = 'referent' AND left_at IS NULL",
                                       {m.journey_id})) {
        return fail(ErrorCode::kConflict, "Ce parcours a déjà un référent.", "user_id");
      }
      auto row = conn.query_one(
          "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at, "
          "added_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
          {m.journey_id, m.user_id, m.organisation_id, m.referent ? "referent" : "member",
           now_seconds(), store::opt(m.added_by)});
      json::object payload{{"user_id", m.user_id},
                           {"organisation_id", m.organisation_id},
                           {"role", m.referent ? "referent" : "member"}};
      if (!m.via.empty()) payload["via"] = m.via;
      std::optional<std::int64_t> actor = m.added_by ? m.added_by : std::optional(m.user_id);
      std::optional<std::int64_t> actor_org =
          m.added_by ? m.actor_organisation_id : std::optional(m.organisation_id);
      if (m.added_by) payload["added_by"] = *m.added_by;
      journal(conn, *journey, kMemberJoined, actor, actor_org, std::move(payload));
      return row->integer(0);
    });
  } catch (const store::StoreError& e) {
    if (!e.unique_violation()) throw;
    return fail(ErrorCode::kConflict,
                "L’équipe vient d’être modifiée par quelqu’un d’autre : réessayez.", "user_id");
  }
}

Result<void> leave_team(store::Connection& conn, std::int64_t journey_id, std::int64_t user_id,
                        const std::string& reason, const TeamActor& actor) {
  std::string why = text::trim(reason);
  if (why.size() < 3 || why.size() > 300) {
    return fail(ErrorCode::kInvalid,
                "Indiquez le motif du départ de l’équipe (de 3 à 300 caractères).", "reason");
  }
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto journey = open_journey_of(conn, journey_id);
    if (!journey) return std::unexpected(journey.error());
    auto member = active_member(conn, journey_id, user_id);
    if (!member) {
      return fail(ErrorCode::kNotFound, "Ce professionnel ne fait pas partie de l’équipe.");
    }
    conn.execute("UPDATE journey_members SET left_at = $2, left_reason = $3 WHERE id = $1",
                 {member->id, now_seconds(), why});
    journal(conn, *journey, kMemberLeft, actor.user_id, actor.organisation_id,
            {{"user_id", user_id},
             {"organisation_id", member->organisation_id},
             {"role", member->role},
             {"reason", why}});
    return member->id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

Result<void> set_referent(store::Connection& conn, std::int64_t journey_id, std::int64_t user_id,
                          const TeamActor& actor) {
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto journey = open_journey_of(conn, journey_id);
    if (!journey) return std::unexpected(journey.error());
    auto member = active_member(conn, journey_id, user_id);
    if (!member) {
      return fail(ErrorCode::kInvalid, "Choisissez le référent parmi les membres de l’équipe.",
                  "user_id");
    }
    if (member->referent()) return member->id;
    if (!professional_of(conn, user_id, member->organisation_id, journey->territory_id, true)) {
      return fail(ErrorCode::kInvalid,
                  "Ce professionnel n’est pas habilité comme référent de parcours.", "user_id");
    }
    std::optional<std::int64_t> previous;
    if (auto row = conn.query_one("SELECT id, user_id FROM journey_members WHERE journey_id = $1 "
                                  "AND role = 'referent' AND left_at IS NULL",
                                  {journey_id})) {
      previous = row->integer(1);
      conn.execute("UPDATE journey_members SET role = 'member' WHERE id = $1", {row->integer(0)});
    }
    conn.execute("UPDATE journey_members SET role = 'referent' WHERE id = $1", {member->id});
    json::object payload{{"user_id", user_id}, {"organisation_id", member->organisation_id}};
    if (previous) payload["previous_user_id"] = *previous;
    journal(conn, *journey, kReferentChanged, actor.user_id, actor.organisation_id,
            std::move(payload));
    return member->id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

std::vector<Colleague> invitable_colleagues(store::Connection& conn, std::int64_t journey_id) {
  std::vector<Colleague> out;
  for (const auto& r :
       conn.query("SELECT u.id, u.name, o.id, o.name, MAX(r.referent) FROM journeys j "
                  "JOIN organisations o ON o.territory_id = j.territory_id AND o.active = 1 "
                  "JOIN user_roles r ON r.organisation_id = o.id AND r.active = 1 AND "
                  "r.role IN ('professional', 'org_admin') "
                  "JOIN users u ON u.id = r.user_id AND u.active = 1 "
                  "WHERE j.id = $1 AND NOT EXISTS (SELECT 1 FROM journey_members m WHERE "
                  "m.journey_id = j.id AND m.user_id = u.id AND m.left_at IS NULL) "
                  "GROUP BY u.id, u.name, o.id, o.name ORDER BY u.name, o.name, u.id LIMIT 500",
                  {journey_id})) {
    out.push_back({r.integer(0), r.text(1), r.integer(2), r.text(3), r.integer(4) != 0});
  }
  return out;
}

Result<std::int64_t> request_to_join(store::Connection& conn, std::int64_t journey_id,
                                     const TeamActor& requester, const std::string& message) {
  std::string text = text::trim(message);
  if (text.size() > 500) {
    return fail(ErrorCode::kInvalid, "Le message ne doit pas dépasser 500 caractères.", "message");
  }
  if (!requester.organisation_id) {
    return fail(ErrorCode::kInvalid,
                "Seul un professionnel d’une structure peut demander à rejoindre l’équipe.",
                "message");
  }
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto journey = open_journey_of(conn, journey_id);
    if (!journey) return std::unexpected(journey.error());
    if (in_team(conn, journey_id, requester.user_id)) {
      return fail(ErrorCode::kConflict, "Vous faites déjà partie de l’équipe.");
    }
    if (pending_request_of(conn, journey_id, requester.user_id)) {
      return fail(ErrorCode::kConflict,
                  "Votre demande pour rejoindre l’équipe est déjà en attente de réponse.");
    }
    if (!professional_of(conn, requester.user_id, *requester.organisation_id, journey->territory_id,
                         false)) {
      return fail(ErrorCode::kForbidden,
                  "Seul un professionnel d’une structure du territoire peut rejoindre l’équipe.");
    }
    auto row = conn.query_one(
        "INSERT INTO journey_join_requests (journey_id, user_id, organisation_id, message, "
        "created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        {journey_id, requester.user_id, *requester.organisation_id, text, now_seconds()});
    std::int64_t id = row->integer(0);
    journal(conn, *journey, kJoinRequested, requester.user_id, requester.organisation_id,
            {{"request_id", id},
             {"user_id", requester.user_id},
             {"organisation_id", *requester.organisation_id}});
    return id;
  });
}

namespace {

std::vector<JoinRequest> requests(store::Connection& conn, const std::string& where,
                                  const store::Params& params) {
  std::vector<JoinRequest> out;
  for (const auto& r : conn.query(
           "SELECT q.id, q.journey_id, q.user_id, u.name, q.organisation_id, o.name, q.message, "
           "q.status, q.created_at FROM journey_join_requests q JOIN users u ON u.id = q.user_id "
           "JOIN organisations o ON o.id = q.organisation_id WHERE " +
               where + " ORDER BY q.created_at, q.id",
           params)) {
    out.push_back({r.integer(0), r.integer(1), r.integer(2), r.text(3), r.integer(4), r.text(5),
                   r.text(6), r.text(7), r.integer(8)});
  }
  return out;
}

}  // namespace

std::vector<JoinRequest> pending_join_requests(store::Connection& conn, std::int64_t journey_id) {
  return requests(conn, "q.journey_id = $1 AND q.status = 'pending'", {journey_id});
}

std::optional<JoinRequest> pending_request_of(store::Connection& conn, std::int64_t journey_id,
                                              std::int64_t user_id) {
  auto found = requests(conn, "q.journey_id = $1 AND q.user_id = $2 AND q.status = 'pending'",
                        {journey_id, user_id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

Result<void> decide_join_request(store::Connection& conn, std::int64_t journey_id,
                                 std::int64_t request_id, bool accept, const TeamActor& actor) {
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto journey = open_journey_of(conn, journey_id);
    if (!journey) return std::unexpected(journey.error());
    auto found = requests(conn, "q.id = $1 AND q.journey_id = $2", {request_id, journey_id});
    if (found.empty()) return fail(ErrorCode::kNotFound, "Demande introuvable.");
    const JoinRequest& request = found.front();
    if (request.status != "pending") {
      return fail(ErrorCode::kConflict, "Cette demande a déjà reçu une réponse.");
    }
    conn.execute(
        "UPDATE journey_join_requests SET status = $2, decided_by = $3, decided_at = $4 "
        "WHERE id = $1",
        {request_id, accept ? "accepted" : "refused", actor.user_id, now_seconds()});
    journal(conn, *journey, accept ? kJoinAccepted : kJoinRefused, actor.user_id,
            actor.organisation_id,
            {{"request_id", request_id},
             {"user_id", request.user_id},
             {"organisation_id", request.organisation_id}});
    if (accept) {
      auto joined = add_member(conn, {.journey_id = journey_id,
                                      .user_id = request.user_id,
                                      .organisation_id = request.organisation_id,
                                      .added_by = actor.user_id,
                                      .actor_organisation_id = actor.organisation_id,
                                      .via = "request"});
      if (!joined) return std::unexpected(joined.error());
    }
    return request_id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

}  // namespace parcours::people

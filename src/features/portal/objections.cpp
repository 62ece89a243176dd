#include "features/portal/objections.h"

#include <algorithm>
#include <boost/json.hpp>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/store/journal.h"
#include "features/organisations/kinds.h"

namespace parcours::portal {
namespace {

// Organisations with an active member in one of the person's active journeys.
constexpr const char* kTeamOrganisations =
    "SELECT m.organisation_id FROM journey_members m JOIN journeys j ON j.id = m.journey_id "
    "WHERE j.person_id = $1 AND j.status <> 'closed' AND m.left_at IS NULL";

void journal(store::Connection& conn, const char* kind, std::int64_t person_id,
             std::int64_t territory_id, std::int64_t organisation_id, const std::string& text) {
  boost::json::object payload{
      {"organisation_id", organisation_id}, {"by", "person"}, {"text", text}};
  store::append_event(conn, {.kind = kind,
                             .territory_id = territory_id,
                             .person_id = person_id,
                             .payload_json = boost::json::serialize(payload)});
}

}  // namespace

std::vector<std::int64_t> journey_territories(store::Connection& conn, std::int64_t person_id) {
  std::vector<std::int64_t> out;
  for (const auto& row :
       conn.query("SELECT DISTINCT territory_id FROM journeys WHERE person_id = $1 AND "
                  "status <> 'closed' ORDER BY territory_id",
                  {person_id})) {
    out.push_back(row.integer(0));
  }
  return out;
}

std::vector<ObjectionChoice> objection_choices(store::Connection& conn, std::int64_t person_id) {
  std::vector<ObjectionChoice> out;
  auto rows = conn.query(
      std::string("SELECT o.id, o.name, o.kind, x.at FROM organisations o "
                  "LEFT JOIN person_objections x ON x.organisation_id = o.id AND x.person_id = $1 "
                  "WHERE o.active = 1 AND o.territory_id IN (SELECT territory_id FROM journeys "
                  "WHERE person_id = $1 AND status <> 'closed') AND o.id NOT IN (") +
          kTeamOrganisations + ") ORDER BY o.name, o.id",
      {person_id});
  out.reserve(rows.size());
  for (const auto& row : rows) {
    out.push_back({row.integer(0), row.text(1), organisations::kind_label(row.text(2)),
                   !row.is_null(3), row.opt_integer(3), false});
  }
  auto others = conn.query(
      std::string("SELECT o.id, o.name, o.kind, x.at, CASE WHEN o.id IN (") + kTeamOrganisations +
          ") THEN 1 ELSE 0 END FROM person_objections x "
          "JOIN organisations o ON o.id = x.organisation_id WHERE x.person_id = $1 "
          "ORDER BY o.name, o.id",
      {person_id});
  for (const auto& row : others) {
    std::int64_t id = row.integer(0);
    if (std::ranges::any_of(out, [&](const auto& c) { return c.organisation_id == id; })) continue;
    out.push_back({id, row.text(1), organisations::kind_label(row.text(2)), true,
                   row.opt_integer(3), row.boolean(4)});
  }
  return out;
}

std::vector<std::int64_t> objections_of(store::Connection& conn, std::int64_t person_id) {
  std::vector<std::int64_t> out;
  for (const auto& row :
       conn.query("SELECT organisation_id FROM person_objections WHERE person_id = $1 "
                  "ORDER BY organisation_id",
                  {person_id})) {
    out.push_back(row.integer(0));
  }
  return out;
}

Result<void> object_to(store::Connection& conn, const MaybePerson& visitor, std::int64_t person_id,
                       std::int64_t organisation_id) {
  return atomically(conn, [&]() -> Result<void> {
    auto org = conn.query_one(std::string("SELECT territory_id, active, name, CASE WHEN id IN (") +
                                  kTeamOrganisations +
                                  ") THEN 1 ELSE 0 END FROM organisations WHERE id = $2",
                              {person_id, organisation_id});
    if (!org) return fail(ErrorCode::kNotFound, "Cette structure n'existe pas.");
    OrganisationRef ref{org->integer(0), org->boolean(1), org->boolean(3)};
    if (!may_object(visitor, person_id, journey_territories(conn, person_id), ref)) {
      return fail(ErrorCode::kForbidden,
                  ref.in_team ? "Cette structure fait partie de votre équipe de suivi : vous ne "
                                "pouvez pas vous opposer au partage avec elle ici. Parlez-en à "
                                "votre référent."
                              : "Vous ne pouvez pas vous opposer au partage avec cette structure.");
    }
    if (conn.query_one("SELECT 1 FROM person_objections WHERE person_id = $1 AND "
                       "organisation_id = $2",
                       {person_id, organisation_id})) {
      return fail(ErrorCode::kConflict,
                  "Vous vous opposez déjà au partage de votre dossier avec " + org->text(2) + ".");
    }
    conn.execute(
        "INSERT INTO person_objections (person_id, organisation_id, at) VALUES ($1, $2, $3)",
        {person_id, organisation_id, now_seconds()});
    journal(conn, "portal.objection_added", person_id, org->integer(0), organisation_id,
            "La personne s'oppose au partage de son dossier avec " + org->text(2) + ".");
    return {};
  });
}

Result<void> withdraw_objection(store::Connection& conn, const MaybePerson& visitor,
                                std::int64_t person_id, std::int64_t organisation_id) {
  return atomically(conn, [&]() -> Result<void> {
    if (!may_withdraw_objection(visitor, person_id)) {
      return fail(ErrorCode::kForbidden, "Vous ne pouvez pas modifier ce dossier.");
    }
    auto org = conn.query_one("SELECT territory_id, name FROM organisations WHERE id = $1",
                              {organisation_id});
    if (!org || conn.execute("DELETE FROM person_objections WHERE person_id = $1 AND "
                             "organisation_id = $2",
                             {person_id, organisation_id}) != 1) {
      return fail(ErrorCode::kNotFound,
                  "Vous ne vous opposiez pas au partage avec cette structure.");
    }
    journal(conn, "portal.objection_withdrawn", person_id, org->integer(0), organisation_id,
            "La personne ne s'oppose plus au partage de son dossier avec " + org->text(1) + ".");
    return {};
  });
}

}  // namespace parcours::portal

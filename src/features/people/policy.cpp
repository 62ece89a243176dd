#include "features/people/policy.h"

#include <algorithm>

#include "core/clock.h"
#include "features/people/journeys.h"

namespace parcours::people {
namespace {

using security::Grant;
using security::Role;

bool works_with_organisation(const Grant& g) {
  return g.role == Role::kProfessional || g.role == Role::kOrgAdmin;
}

// A professional or organisation admin of an organisation of the territory.
bool professional_in(const MaybeActor& actor, std::int64_t territory_id) {
  return actor && std::any_of(actor->grants.begin(), actor->grants.end(), [&](const Grant& g) {
           return works_with_organisation(g) && g.organisation_territory_id == territory_id;
         });
}

bool orientation_in(const MaybeActor& actor, std::int64_t territory_id) {
  return actor && std::any_of(actor->grants.begin(), actor->grants.end(), [&](const Grant& g) {
           return works_with_organisation(g) && g.orientation &&
                  g.organisation_territory_id == territory_id;
         });
}

bool manager_of(const MaybeActor& actor, std::int64_t territory_id) {
  return actor && actor->manages_territory(territory_id);
}

bool works_in(const MaybeActor& actor, std::int64_t territory_id) {
  return professional_in(actor, territory_id) || manager_of(actor, territory_id);
}

// Seen from a territory where the actor works and where the person is.
bool reachable(const MaybeActor& actor, const PersonFacts& f) {
  return f.present && works_in(actor, f.territory_id);
}

}  // namespace

std::vector<std::int64_t> working_territories(const MaybeActor& actor) {
  std::vector<std::int64_t> out;
  if (!actor) return out;
  for (const Grant& g : actor->grants) {
    std::optional<std::int64_t> t;
    if (g.role == Role::kTerritoryManager) t = g.territory_id;
    if (works_with_organisation(g)) t = g.organisation_territory_id;
    if (t && std::find(out.begin(), out.end(), *t) == out.end()) out.push_back(*t);
  }
  return out;
}

std::optional<std::int64_t> working_territory(const MaybeActor& actor,
                                              std::optional<std::int64_t> requested) {
  auto territories = working_territories(actor);
  if (territories.empty()) return std::nullopt;
  if (requested &&
      std::find(territories.begin(), territories.end(), *requested) != territories.end()) {
    return requested;
  }
  if (actor->acting_organisation_id) {
    for (const Grant& g : actor->grants) {
      if (works_with_organisation(g) && g.organisation_id == actor->acting_organisation_id) {
        return g.organisation_territory_id;
      }
    }
  }
  return territories.front();
}

std::optional<std::int64_t> acting_organisation_in(const MaybeActor& actor,
                                                   std::int64_t territory_id) {
  if (!actor) return std::nullopt;
  std::optional<std::int64_t> first;
  for (const Grant& g : actor->grants) {
    if (!works_with_organisation(g) || g.organisation_territory_id != territory_id) continue;
    if (g.organisation_id == actor->acting_organisation_id) return g.organisation_id;
    if (!first) first = g.organisation_id;
  }
  return first;
}

PersonFacts load_person_facts(store::Connection& conn, const MaybeActor& actor,
                              std::int64_t person_id, std::int64_t territory_id,
                              std::optional<Journey>* journey_read) {
  PersonFacts f;
  f.person_id = person_id;
  f.territory_id = territory_id;
  f.present = conn.query_one(
                      "SELECT 1 FROM persons p WHERE p.id = $1 AND p.merged_into IS NULL AND "
                      "(p.territory_id = $2 OR EXISTS (SELECT 1 FROM journeys j WHERE "
                      "j.person_id = p.id AND j.territory_id = $2 AND j.status <> 'closed'))",
                      {person_id, territory_id})
                  .has_value();
  if (auto journey = journey_in(conn, person_id, territory_id)) {
    f.journey_id = journey->id;
    f.journey_active = journey->active();
    f.journey_status = journey->status;
    // A closed journey's team stays, read only (followup/closure.h): it may reopen it.
    if (actor) {
      if (auto m = conn.query_one("SELECT role FROM journey_members WHERE journey_id = $1 AND "
                                  "user_id = $2 AND left_at IS NULL",
                                  {journey->id, actor->user_id})) {
        f.in_team = true;
        f.referent = m->text(0) == "referent";
      } else {
        f.former_referent = conn.query_one(
                                    "SELECT 1 FROM former_referents WHERE journey_id = $1 "
                                    "AND user_id = $2 AND until_at > $3",
                                    {journey->id, actor->user_id, now_seconds()})
                                .has_value();
      }
    }
    if (journey_read) *journey_read = std::move(journey);
  }
  for (const auto& row : conn.query(
           "SELECT organisation_id FROM person_objections WHERE person_id = $1", {person_id})) {
    f.objected_organisations.push_back(row.integer(0));
  }
  return f;
}

bool objected(const MaybeActor& actor, const PersonFacts& f) {
  if (!actor) return false;
  for (std::int64_t org : actor->organisation_ids()) {
    if (std::find(f.objected_organisations.begin(), f.objected_organisations.end(), org) !=
        f.objected_organisations.end()) {
      return true;
    }
  }
  return false;
}

bool may_search_persons(const MaybeActor& actor, std::int64_t territory_id) {
  return works_in(actor, territory_id);
}

bool may_open_journey(const MaybeActor& actor, std::int64_t territory_id) {
  return professional_in(actor, territory_id);
}

bool may_view_identity(const MaybeActor& actor, const PersonFacts& f) {
  if (f.in_team || f.former_referent) return true;
  return reachable(actor, f) && !objected(actor, f);
}

bool may_view_nir(const MaybeActor& actor, const PersonFacts& f) {
  return may_view_identity(actor, f) &&
         (manager_of(actor, f.territory_id) || orientation_in(actor, f.territory_id));
}

bool may_view_journey(const MaybeActor& actor, const PersonFacts& f) {
  if (f.in_team || f.former_referent) return true;
  return reachable(actor, f) && !objected(actor, f) && f.journey_active &&
         f.journey_status == "to_orient" && orientation_in(actor, f.territory_id);
}

bool may_edit_person(const MaybeActor& /*actor*/, const PersonFacts& f) {
  return f.in_team && f.journey_active;
}

bool may_add_note(const MaybeActor& /*actor*/, const PersonFacts& f) {
  return f.in_team && f.journey_active;
}

bool may_read_note(const MaybeActor& actor, const PersonFacts& f, std::string_view visibility,
                   std::int64_t author_id) {
  if (!actor || !may_view_journey(actor, f)) return false;
  if (visibility == "team" || visibility == "person") return true;
  if (visibility == "referent") return f.referent || author_id == actor->user_id;
  return false;
}

bool may_request_to_join(const MaybeActor& actor, const PersonFacts& f) {
  return f.journey_active && !f.in_team && professional_in(actor, f.territory_id) && f.present &&
         !objected(actor, f);
}

bool may_manage_team(const MaybeActor& /*actor*/, const PersonFacts& f) {
  return f.in_team && f.journey_active;
}

bool may_leave_team(const MaybeActor& /*actor*/, const PersonFacts& f) {
  return f.in_team && f.journey_active;
}

bool may_transfer(const MaybeActor& actor, const PersonFacts& f) {
  return f.journey_active && (f.in_team || (manager_of(actor, f.territory_id) && f.present));
}

bool may_merge(const MaybeActor& actor, const PersonFacts& f) {
  return f.present && manager_of(actor, f.territory_id);
}

bool may_dismiss_match(const MaybeActor& actor, const PersonFacts& f) {
  return may_view_identity(actor, f) && (f.in_team || manager_of(actor, f.territory_id));
}

bool person_may_read_note(std::string_view visibility) { return visibility == "person"; }

}  // namespace parcours::people

// The person objects to sharing their record with an organisation outside their team, and can
// withdraw the objection. Objections live in person_objections (one row per person and
// organisation), which the people feature's policy reads to refuse that organisation's
// professionals; each change is journaled (portal.objection_added, portal.objection_withdrawn)
// with the organisation, in the territory of the organisation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/portal/policy.h"

namespace parcours::portal {

struct ObjectionChoice {
  std::int64_t organisation_id = 0;
  std::string name;
  std::string kind;  // French label: "Mission locale"
  bool objected = false;
  std::optional<std::int64_t> objected_at;
  bool in_team = false;  // objected before the organisation joined the team
};

// Territories of the person's active journeys.
std::vector<std::int64_t> journey_territories(store::Connection& conn, std::int64_t person_id);

// The active organisations of those territories outside the team, by name, each with whether
// the person objects; then the person's other objections (organisations now in the team or
// no longer active), so that every objection can be withdrawn.
std::vector<ObjectionChoice> objection_choices(store::Connection& conn, std::int64_t person_id);

// The ids of the organisations the person objects to.
std::vector<std::int64_t> objections_of(store::Connection& conn, std::int64_t person_id);

// kForbidden when the policy refuses (an organisation of the team, of another territory...),
// kConflict when already objected. In the caller's transaction or its own.
Result<void> object_to(store::Connection& conn, const MaybePerson& visitor, std::int64_t person_id,
                       std::int64_t organisation_id);
// kNotFound when there is no such objection.
Result<void> withdraw_objection(store::Connection& conn, const MaybePerson& visitor,
                                std::int64_t person_id, std::int64_t organisation_id);

}  // namespace parcours::portal

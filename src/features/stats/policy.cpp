#include "features/stats/policy.h"

#include <algorithm>

namespace parcours::stats {

std::optional<Scope> territory_scope(const MaybeActor& actor, std::int64_t territory_id) {
  if (!actor) return std::nullopt;
  if (actor->manages_territory(territory_id)) return Scope{territory_id, std::nullopt};
  // An organisation admin: the acting organisation when it is one of theirs there, else the
  // first.
  std::optional<std::int64_t> found;
  for (const auto& g : actor->grants) {
    if (g.role != security::Role::kOrgAdmin || !g.organisation_id ||
        g.organisation_territory_id != territory_id) {
      continue;
    }
    if (!found || g.organisation_id == actor->acting_organisation_id) found = g.organisation_id;
  }
  if (found) return Scope{territory_id, found};
  return std::nullopt;
}

std::vector<std::int64_t> pilotage_territories(const MaybeActor& actor) {
  std::vector<std::int64_t> out;
  if (!actor) return out;
  auto add = [&](std::optional<std::int64_t> t) {
    if (t && std::find(out.begin(), out.end(), *t) == out.end()) out.push_back(*t);
  };
  for (const auto& g : actor->grants) {
    if (g.role == security::Role::kTerritoryManager) add(g.territory_id);
  }
  for (const auto& g : actor->grants) {
    if (g.role == security::Role::kOrgAdmin) add(g.organisation_territory_id);
  }
  return out;
}

bool may_view_national(const MaybeActor& actor) { return actor && actor->is_admin(); }

bool may_see_pilotage(const MaybeActor& actor) {
  return may_view_national(actor) || !pilotage_territories(actor).empty();
}

}  // namespace parcours::stats

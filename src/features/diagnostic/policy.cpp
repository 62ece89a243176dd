#include "features/diagnostic/policy.h"

namespace parcours::diagnostic {

bool may_read_diagnostic(const people::MaybeActor& actor, const people::PersonFacts& facts) {
  return actor.has_value() && people::may_view_journey(actor, facts);
}

bool may_write_diagnostic(const people::MaybeActor& actor, const people::PersonFacts& facts) {
  return actor.has_value() && facts.in_team && facts.journey_active;
}

bool person_may_write_diagnostic(bool has_active_journey) { return has_active_journey; }

bool may_edit_territory_questions(const people::MaybeActor& actor, std::int64_t territory_id) {
  return actor.has_value() && actor->manages_territory(territory_id);
}

}  // namespace parcours::diagnostic

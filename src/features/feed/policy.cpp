#include "features/feed/policy.h"

namespace parcours::feed {

bool may_manage_webhooks(const MaybeActor& actor, std::int64_t organisation_id,
                         std::int64_t organisation_territory_id) {
  if (!actor) return false;
  return actor->administers_organisation(organisation_id) ||
         actor->manages_territory(organisation_territory_id);
}

ScopeNeed scope_needed(ApiAction action) {
  switch (action) {
    case ApiAction::kReadEvents:
      return {"events", false};
    case ApiAction::kListWebhooks:
      return {"webhooks", false};
    case ApiAction::kCreateWebhook:
    case ApiAction::kDeleteWebhook:
      return {"webhooks", true};
  }
  return {"", true};
}

}  // namespace parcours::feed

// Who may do what with the change feed and the webhooks — deny by default, tested as a matrix
// (tests/unit/feed_policy_test.cpp).
//   - pages: an organisation's webhooks are managed (listed, created, deleted, turned on again,
//     delivery log read) by its organisation admins and by the managers of its territory, the
//     same people who manage its partner tokens; a professional, another organisation's admin,
//     a national admin without a role there: no;
//   - API: a partner token reads the feed with the scope events:read, lists its webhooks and
//     their deliveries with webhooks:read, creates and deletes them with webhooks:write; a token
//     only ever sees its own subscriptions, and the events of its organisation's persons
//     (feed.h says which).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/security/actor.h"

namespace parcours::feed {

using MaybeActor = std::optional<security::Actor>;

bool may_manage_webhooks(const MaybeActor& actor, std::int64_t organisation_id,
                         std::int64_t organisation_territory_id);

enum class ApiAction { kReadEvents, kListWebhooks, kCreateWebhook, kDeleteWebhook };

// The scope an API action needs: {"events", read} or {"webhooks", read|write}.
struct ScopeNeed {
  const char* resource;
  bool write;
};
ScopeNeed scope_needed(ApiAction action);

}  // namespace parcours::feed

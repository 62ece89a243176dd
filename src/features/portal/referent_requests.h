// The person asks for another référent, with a reason. The reason is personal data, so it is
// kept in referent_change_requests (deleted with the person) and not in the append-only journal,
// which records only that a request was made (portal.referent_change_requested). Every active
// member of the team is told by email, with a link to the person's page and the reason.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/portal/policy.h"

namespace parcours::portal {

struct ReferentChangeRequest {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::string territory_name;
  std::string referent_name;  // the référent at the time, "" if unknown
  std::string reason;
  std::int64_t created_at = 0;
};

// kInvalid naming "reason" (3 to 1,000 characters) or "journey_id"; kForbidden when the policy
// refuses (not their journey, closed, no référent). In the caller's transaction or its own.
Result<std::int64_t> request_referent_change(store::Connection& conn, const MaybePerson& visitor,
                                             std::int64_t person_id, std::int64_t journey_id,
                                             const std::string& reason,
                                             const std::string& public_url);

// The person's requests, newest first.
std::vector<ReferentChangeRequest> referent_requests_of(store::Connection& conn,
                                                        std::int64_t person_id);

}  // namespace parcours::portal

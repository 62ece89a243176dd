// Webhooks: a partner token subscribes a URL; every feed event its organisation may see (or only
// the types chosen) is POSTed there as JSON, in feed order, one at a time, signed with
// HMAC-SHA256 of "TIMESTAMP.BODY" under the subscription's secret:
//
//   X-Parcours-Signature: t=1764240000,v1=5f1c…(64 hex)
//
// (docs/api/webhooks.md shows how to verify it). A 2xx answer moves the subscription's cursor;
// anything else (or no answer within the timeout) is logged, and the same event is tried again
// after 10 s, 20 s, 40 s… up to an hour; later events wait, so that order is kept. After 20
// failures in a row, or failing for 3 days, the subscription is disabled and the organisation's
// admins get a mail. Deliveries are at least once: a receiver dedupes on `position`.
//
// The dispatcher is a loop of its own (run_dispatcher) rather than a job of core/jobs, whose
// handlers run inside a write transaction: on SQLite that would hold the write lock during the
// HTTP calls. Its state is durable all the same (cursor, failures, next attempt in the table),
// and a lease on each subscription keeps two servers from delivering the same one.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::feed {

struct Subscription {
  std::int64_t id = 0;
  std::int64_t token_id = 0;
  std::int64_t organisation_id = 0;
  std::string url;
  std::string event_types;  // space-separated; "" = every type
  std::string description;
  std::string status;  // active, disabled
  std::int64_t cursor = 0;
  std::int64_t failures = 0;
  std::optional<std::int64_t> failing_since;
  std::int64_t next_attempt_at = 0;
  std::optional<std::int64_t> disabled_at;
  std::string disabled_reason;
  std::int64_t created_at = 0;
};

struct NewSubscription {
  std::int64_t token_id = 0;
  std::int64_t organisation_id = 0;
  std::string url;
  std::string event_types;
  std::string description;
  std::optional<std::int64_t> created_by;  // the account, when made from the pages
  // http:// is accepted for 127.0.0.1 only, and only when the service itself is not https
  // (development and tests); a real receiver is https.
  bool allow_loopback_http = false;
};

struct CreatedSubscription {
  Subscription subscription;
  std::string secret;  // shown once
};

// Validates (French messages naming the field: url, event_types, description) and creates it,
// journaled; it starts at the feed's head (only events to come are delivered).
Result<CreatedSubscription> create_subscription(store::Connection& conn,
                                                const NewSubscription& input);
std::optional<Subscription> find_subscription(store::Connection& conn, std::int64_t id);
std::vector<Subscription> subscriptions_of_token(store::Connection& conn, std::int64_t token_id);
std::vector<Subscription> subscriptions_of_organisation(store::Connection& conn,
                                                        std::int64_t organisation_id);
// Deletes it with its delivery log, journaled.
void delete_subscription(store::Connection& conn, const Subscription& subscription,
                         std::optional<std::int64_t> actor_id);
// Turns a disabled subscription on again from where it stopped, journaled.
void reenable_subscription(store::Connection& conn, const Subscription& subscription,
                           std::optional<std::int64_t> actor_id);

struct Delivery {
  std::int64_t id = 0;
  std::int64_t position = 0;
  std::string event_type;
  std::int64_t attempt = 0;
  std::optional<std::int64_t> status_code;
  std::string error;
  std::int64_t duration_ms = 0;
  bool succeeded = false;
  std::int64_t at = 0;
};
// The latest deliveries first; `before` is a cursor on the delivery id.
std::vector<Delivery> list_deliveries(store::Connection& conn, std::int64_t subscription_id,
                                      int limit = 50, std::int64_t before = 0);

// The signing secret of a subscription from its stored column: sealed with the data key (see
// people/nir_protection.h), or in clear for subscriptions made before. Throws when it cannot
// be opened (another data key).
std::string signing_secret(store::Connection& conn, std::string_view stored);

// "t=TIMESTAMP,v1=HEX" where HEX is HMAC-SHA256(secret, TIMESTAMP + "." + body).
std::string signature_header(std::string_view secret, std::int64_t timestamp,
                             std::string_view body);

struct PostResult {
  std::optional<long> status;  // empty when no answer
  std::string error;           // French, when no answer
  std::int64_t duration_ms = 0;
};
using Header = std::pair<std::string, std::string>;
using Poster = std::function<PostResult(const std::string& url, const std::vector<Header>&,
                                        const std::string&)>;

// POST with libcurl: 3 s to connect, 10 s in all, redirects not followed.
PostResult curl_post(const std::string& url, const std::vector<Header>& headers,
                     const std::string& body);

struct DispatchSettings {
  std::int64_t backoff_base = 10;   // seconds before the 1st retry; doubles each failure
  std::int64_t backoff_cap = 3600;  // at most an hour between attempts
  std::int64_t max_failures = 20;   // disabled after this many failures in a row
  std::int64_t max_failing_seconds = 3 * 86400;  // ... or failing for this long
  int max_deliveries = 200;         // per subscription and pass, so that none starves others
  std::string worker = "webhooks";  // lease owner
};

// The delay before the next attempt after `failures` failures in a row.
std::int64_t backoff_seconds(const DispatchSettings& settings, std::int64_t failures);

struct DispatchOutcome {
  int delivered = 0;
  int failed = 0;
  int disabled = 0;
};

// One pass: every active subscription due at `now` delivers its pending events. Not to be
// called inside a transaction (it makes its own, short ones, around each HTTP call).
DispatchOutcome dispatch_due(store::Connection& conn, std::int64_t now, const Poster& post,
                             const DispatchSettings& settings = {});

// Loops until `stop`: a pass every `poll_ms` milliseconds (run by `parcours serve`).
void run_dispatcher(store::Db& db, const std::atomic<bool>& stop, int poll_ms = 1000);

}  // namespace parcours::feed

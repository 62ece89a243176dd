// Orientation of journeys: the chargé d'orientation's queue of a territory (journeys to orient
// or with a pending reorientation request, days since entry, deadline status), the decision
// (route, organisation in charge, optionally the référent, reason, and whether it followed the
// pre-orientation suggestion), and reorientation requests by the référent, accepted by a new
// decision or answered by keeping the current orientation.
//
// Journal (events with a French "text" the carnet de bord shows; reasons stay in the tables, as
// personal data, never in the append-only journal):
//   orientation.decided            {journey_id, orientation_id, route, organisation_id,
//                                   referent_id?, followed_suggestion?, reorientation_request_id?}
//   orientation.reorientation_requested {journey_id, request_id}
//   orientation.reorientation_kept      {journey_id, request_id}
// Mail (outbox, in the same transaction): the person (if they have an email), the référent
// chosen, the organisation in charge, and on a request the chargés d'orientation of the
// territory; on an answer, the référent who asked and the person.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/orientation/calendar.h"
#include "features/orientation/rules.h"

namespace parcours::orientation {

// The territory's deadline rule (days, calendar or working, Alsace-Moselle holidays).
DeadlineRule deadline_rule_of(store::Connection& conn, std::int64_t territory_id);

// Instants bounding the deadline statuses on `today`: entries before `late_before` are late,
// entries from `on_time_from` on are on time, between them due within 7 days.
struct DeadlineCutoffs {
  std::int64_t late_before = 0;
  std::int64_t on_time_from = 0;
};
DeadlineCutoffs deadline_cutoffs(Day today, const DeadlineRule& rule);
// Unix instant of 00:00 in Paris on `day`.
std::int64_t paris_midnight(Day day);

struct QueueFilter {
  std::int64_t territory_id = 0;
  std::string status = "to_orient";  // to_orient, reorientation
  std::string commune_code;          // INSEE code
  std::string epci_code;             // SIREN
  std::string entry;                 // professional, public_form, import, transfer
  std::string deadline;              // on_time, due_soon, late
  std::string sort = "oldest";       // oldest, newest
  std::string after;                 // cursor "<opened_at>.<journey id>"
  int limit = 50;
};

struct QueueRow {
  std::int64_t journey_id = 0;
  std::int64_t person_id = 0;
  std::string name;
  std::string commune;
  std::string entry;
  std::int64_t opened_at = 0;
  int days_since_entry = 0;
  Day deadline{};
  DeadlineStatus status = DeadlineStatus::kOnTime;
  bool reorientation_pending = false;
};

struct QueuePage {
  std::vector<QueueRow> rows;
  std::string next;  // cursor of the next page, "" at the end
};

// Validates the filter (kInvalid naming the field, French message).
Result<void> validate_filter(const QueueFilter& filter);
QueuePage list_queue(store::Connection& conn, const QueueFilter& filter, Day today);
// How many journeys wait for orientation in the territory.
std::int64_t queue_size(store::Connection& conn, std::int64_t territory_id);

struct Orientation {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::string route;
  std::int64_t organisation_id = 0;
  std::string organisation_name;
  std::optional<std::int64_t> referent_id;
  std::string referent_name;
  std::string reason;
  std::optional<std::string> suggested_route;
  std::vector<std::string> suggestion_reasons;
  std::optional<bool> followed_suggestion;
  std::int64_t decided_by = 0;
  std::string decided_by_name;
  std::int64_t decided_at = 0;
};

// The current orientation of a journey (the latest decision), if any.
std::optional<Orientation> current_orientation(store::Connection& conn, std::int64_t journey_id);

struct Decision {
  std::int64_t journey_id = 0;
  std::string route;
  std::string organisation_id;  // as typed
  std::string referent;         // as typed: "" or a user id
  std::string reason;
  std::int64_t actor_id = 0;
  std::optional<std::int64_t> actor_organisation_id;
  std::string public_url;  // for links in mails
};

// Records the decision: kInvalid naming route, organisation_id, referent or reason; kConflict
// when the journey is neither waiting for orientation nor has a pending reorientation request.
// Sets the journey "oriented", the référent (the previous one keeps read access 30 days),
// accepts a pending reorientation request, journals and queues the mails.
Result<std::int64_t> decide(store::Connection& conn, const Decision& decision);

struct ReorientationRequest {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::int64_t requested_by = 0;
  std::string requested_by_name;
  std::string reason;
  std::string status;  // pending, accepted, kept
  std::string answer;
  std::optional<std::int64_t> answered_by;
  std::optional<std::int64_t> answered_at;
  std::int64_t created_at = 0;
};

std::optional<ReorientationRequest> pending_reorientation(store::Connection& conn,
                                                          std::int64_t journey_id);
std::vector<ReorientationRequest> reorientation_requests(store::Connection& conn,
                                                         std::int64_t journey_id);
// The référent asks (reason 10 to 1,000 characters); kConflict when one is already pending.
Result<std::int64_t> request_reorientation(store::Connection& conn, std::int64_t journey_id,
                                           std::int64_t user_id,
                                           std::optional<std::int64_t> organisation_id,
                                           const std::string& reason,
                                           const std::string& public_url);
// The chargé d'orientation keeps the current orientation, with a written answer (10 to 1,000).
Result<void> keep_orientation(store::Connection& conn, std::int64_t journey_id,
                              std::int64_t request_id, std::int64_t user_id,
                              std::optional<std::int64_t> organisation_id,
                              const std::string& answer, const std::string& public_url);

// Organisations of the territory that may be in charge, and their référents.
struct Choice {
  std::int64_t id = 0;
  std::string label;
  std::int64_t organisation_id = 0;
};
std::vector<Choice> organisations_for(store::Connection& conn, std::int64_t territory_id);
std::vector<Choice> referents_for(store::Connection& conn, std::int64_t territory_id);

}  // namespace parcours::orientation

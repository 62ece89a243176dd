// Engagements réciproques: the commitment of a person and of the service that accompanies them
// (CER with the département, PPAE with France Travail, PACEA or CEJ with the mission locale, or
// another one), with its dates, the goals of the plan it covers and its rights and duties in
// plain French (a default text per kind, edited by the référent). Statuses:
//   proposed → signed     the person accepts it in their space (explicit, date and time kept),
//                         or the team records a signature on paper (its date)
//   proposed → cancelled  withdrawn before signature
//   signed   → replaced   renewed: a new proposed commitment replaces it
// Only a proposed commitment is edited; a signed one is renewed. A signed commitment whose end
// date is past is "expired" (derived, it stays signed). Every change is journaled.
//
//   auto id = propose(conn, journey_id, form, {.user_id = me, .organisation_id = org});
//   accept_online(conn, *id, person_id, /*checked=*/true, now_seconds());
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/followup/common.h"

namespace parcours::followup {

inline constexpr const char* kCommitmentProposed = "commitment.proposed";
inline constexpr const char* kCommitmentUpdated = "commitment.updated";
inline constexpr const char* kCommitmentAccepted = "commitment.accepted";
inline constexpr const char* kCommitmentSigned = "commitment.signed";
inline constexpr const char* kCommitmentCancelled = "commitment.cancelled";

inline constexpr int kExpiryWarningDays = 30;

// cer, ppae, pacea, cej, other.
const std::vector<std::string>& commitment_kinds();
// "Contrat d’engagements réciproques (CER)", ...
const char* commitment_kind_label(std::string_view kind);
// "CER", "PPAE", "PACEA", "CEJ", "Engagement".
const char* commitment_kind_short(std::string_view kind);
// The default rights and duties of a kind, in plain French, addressed to the person.
const char* default_rights_and_duties(std::string_view kind);
// "À signer", "Signé", "Annulé", "Renouvelé"; "Expiré" for a signed one past its end.
std::string commitment_status_label(std::string_view status, bool expired);
const char* commitment_status_badge(std::string_view status, bool expired);

struct CommitmentGoal {
  std::int64_t id = 0;
  std::string title;
};

struct Commitment {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  std::string kind;
  std::string other_label;
  std::string start_date;  // YYYY-MM-DD
  std::string end_date;
  std::string rights_and_duties;
  std::string status;
  std::string signature;  // online, paper, "" while proposed
  std::optional<std::int64_t> accepted_at;
  std::string signed_on;
  std::optional<std::int64_t> replaces_id;
  std::optional<std::int64_t> replaced_by_id;
  std::int64_t created_at = 0;
  std::string person_name;  // for lists
  std::vector<CommitmentGoal> goals;

  // "CER", or the name typed for another commitment.
  std::string name() const;
  bool expired(std::int64_t today) const;
};

// The form as typed.
struct CommitmentForm {
  std::string kind;
  std::string other_label;
  std::string start_date;
  std::string end_date;
  std::string rights_and_duties;
  std::vector<std::string> goal_ids;  // goals of the journey's plan
};

// A new proposed commitment on an active journey. kInvalid naming the field (kind,
// other_label, start_date, end_date, rights_and_duties, goals); kConflict when the journey is
// closed.
Result<std::int64_t> propose(store::Connection& conn, std::int64_t journey_id,
                             const CommitmentForm& form, const Actor& actor);
// Edits a proposed commitment (kConflict once signed, cancelled or replaced).
Result<void> update_commitment(store::Connection& conn, std::int64_t id, const CommitmentForm& form,
                               const Actor& actor);
// The person accepts their proposed commitment from their space: `checked` is the box "J’ai lu
// et j’accepte" (kInvalid, field "accept", when not ticked).
Result<void> accept_online(store::Connection& conn, std::int64_t id, std::int64_t person_id,
                           bool checked, std::int64_t now);
// The team records the signature on paper, on `signed_on` (typed, not in the future, not
// before the commitment was drawn up more than a year ago; field "signed_on").
Result<void> record_paper_signature(store::Connection& conn, std::int64_t id,
                                    const std::string& signed_on, const Actor& actor);
// Withdraws a proposed commitment.
Result<void> cancel_commitment(store::Connection& conn, std::int64_t id, const Actor& actor);
// Renews a signed commitment: a new proposed one (the form), which replaces it.
Result<std::int64_t> renew(store::Connection& conn, std::int64_t id, const CommitmentForm& form,
                           const Actor& actor);

// Whether `from` may become `to`; the refusal in French otherwise.
Result<void> check_commitment_transition(std::string_view from, std::string_view to);

std::optional<Commitment> find_commitment(store::Connection& conn, std::int64_t id);
// Newest first.
std::vector<Commitment> commitments_of_journey(store::Connection& conn, std::int64_t journey_id);
std::vector<Commitment> commitments_of_person(store::Connection& conn, std::int64_t person_id);
// Signed commitments, not renewed, of active journeys, ending by today + 30 days (expired ones
// included), soonest first: of the journeys whose référent is `user_id`, or whose référent acts
// for `organisation_id`.
std::vector<Commitment> expiring_for_referent(store::Connection& conn, std::int64_t user_id,
                                              std::int64_t today);
std::vector<Commitment> expiring_for_organisation(store::Connection& conn,
                                                  std::int64_t organisation_id, std::int64_t today);

// The goals of the journey's plan a commitment may cover (active or reached), oldest first.
std::vector<CommitmentGoal> available_goals(store::Connection& conn, std::int64_t journey_id);

// The form of an existing commitment (to edit or renew it).
CommitmentForm form_of(const Commitment& c);

}  // namespace parcours::followup

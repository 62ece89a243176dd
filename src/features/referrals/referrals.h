// Referrals (prescriptions): a member of the journey's team sends the person to a published
// service, with a message, the parts of the record shared and the person's agreement (required).
//
// Lifecycle (each step journaled on the person's timeline, in the same transaction, and mirrored
// on the linked plan action):
//   sent ──accept──> accepted ──> done | abandoned
//     │ ──refuse (reason)──> refused
//     │ ──30 days without answer (job)──> expired
//     └──the team──> abandoned
// Notification: the members of the receiving organisation (the service's structure's
// organisation) get an email and see it in their inbox; when that organisation has no active
// member, or the structure none at all (imported), the service's contact (courriel, else the
// structure's) gets a link valid 8 days to answer without an account. Waiting referrals are
// reminded every 10 days (a new link for the contact) until they expire.
//
//   auto sent = send_referral(conn, {.journey_id = j, .service_id = s, .form = f,
//                                    .sender = {u, org}, .public_url = url});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/jobs/jobs.h"
#include "core/store/db.h"
#include "features/people/team.h"

namespace parcours::referrals {

inline constexpr std::int64_t kDay = 86'400;
inline constexpr std::int64_t kAnswerDays = 30;    // then expired
inline constexpr std::int64_t kReminderDays = 10;  // between reminders
inline constexpr std::int64_t kLinkDays = 8;       // validity of the no-account link
inline constexpr const char* kDeadlinesJob = "referrals.deadlines";
// The access-log reader of a no-account link (actor_id 0 is the person in their own space).
inline constexpr std::int64_t kLinkReader = -1;

struct Choice {
  const char* code;
  const char* label;
};
// identity, contact, situation, diagnostic.
const std::vector<Choice>& shareable_parts();
// in_person, phone, written.
const std::vector<Choice>& consent_modes();
const char* status_label(std::string_view status);  // "Envoyée", "Acceptée", ...
const char* status_badge(std::string_view status);  // DSFR badge class

// The form as typed.
struct ReferralForm {
  std::string message;
  std::vector<std::string> shared;  // codes of shareable_parts
  std::string consent;              // "1" when the box is ticked
  std::string consent_mode;
};

struct NewReferral {
  std::int64_t journey_id = 0;
  std::int64_t service_id = 0;
  ReferralForm form;
  people::TeamActor sender;  // organisation: the one they are in the team for
  std::string public_url;    // for the links in mails
};

struct SentReferral {
  std::int64_t id = 0;
  std::int64_t plan_action_id = 0;
  std::vector<std::string> notified;      // addresses mailed
  std::optional<std::string> link_token;  // the raw token, when a link was mailed (tests)
};

// kInvalid naming the field: message (1 to 4,000 characters), shared (known codes, at least
// one), consent (required), consent_mode; kNotFound for an unknown or unpublished service or a
// closed journey; kConflict when a referral of this journey to this service is still waiting
// or accepted; kInvalid (field "service") when nobody can receive it (no member, no courriel).
Result<SentReferral> send_referral(store::Connection& conn, const NewReferral& referral);

struct Referral {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  std::int64_t service_id = 0;
  std::string service_name;
  std::string structure_name;
  std::int64_t sender_user_id = 0;
  std::string sender_name;
  std::string sender_email;
  std::int64_t sender_organisation_id = 0;
  std::string sender_organisation;
  std::optional<std::int64_t> receiving_organisation_id;
  std::string message;
  std::vector<std::string> shared;
  std::string consent_mode;
  std::int64_t consent_at = 0;
  std::string status;
  std::string refusal_reason;
  std::optional<std::int64_t> answered_by;
  std::string answered_by_name;
  std::string answered_via;
  std::optional<std::int64_t> answered_at;
  std::optional<std::int64_t> closed_at;
  std::optional<std::int64_t> last_reminder_at;
  std::int64_t reminders = 0;
  std::optional<std::int64_t> plan_action_id;
  std::int64_t sent_at = 0;
  std::int64_t updated_at = 0;
  std::string person_name;  // "Léa Bréhier-Garnier" (only shown when identity is shared)

  bool shares(std::string_view part) const;
};

std::optional<Referral> find_referral(store::Connection& conn, std::int64_t id);
std::vector<Referral> referrals_of_journey(store::Connection& conn, std::int64_t journey_id);
// Referrals received by these organisations, newest first; `status` empty for all.
std::vector<Referral> received(store::Connection& conn,
                               const std::vector<std::int64_t>& organisation_ids,
                               std::string_view status = {}, int limit = 200);
// How many wait for an answer (status sent) at these organisations.
std::int64_t waiting_count(store::Connection& conn,
                           const std::vector<std::int64_t>& organisation_ids);

// Who answers: a member of the receiving organisation, or the link's holder (no user).
struct Answerer {
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> organisation_id;
};
// sent → accepted. kConflict when it is no longer waiting.
Result<void> accept_referral(store::Connection& conn, std::int64_t id, const Answerer& by);
// sent → refused; kInvalid (field "reason") without a reason (1 to 2,000 characters).
Result<void> refuse_referral(store::Connection& conn, std::int64_t id, const std::string& reason,
                             const Answerer& by);
// accepted → done | abandoned; sent → abandoned (the team). kInvalid for another status.
Result<void> close_referral(store::Connection& conn, std::int64_t id, std::string_view status,
                            const people::TeamActor& by);

// ---- the no-account link ----

// Issues a link for the referral (8 days) to `email`; returns the raw token.
std::string issue_link(store::Connection& conn, std::int64_t referral_id, const std::string& email);
struct LinkState {
  std::int64_t referral_id = 0;
  std::int64_t link_id = 0;
  std::string email;
  bool expired = false;
  bool used = false;
};
// kNotFound for an unknown token (expired and used links are found, with their state).
Result<LinkState> find_link(store::Connection& conn, std::string_view token);
// Answers through the link: kInvalid (field "reason") for a refusal without reason, kConflict
// (« Ce lien a déjà servi », « Ce lien a expiré », or the referral no longer waiting).
Result<void> answer_by_link(store::Connection& conn, std::string_view token, bool accept,
                            const std::string& reason);

// ---- deadlines ----

struct DeadlineRun {
  int expired = 0;
  int reminded = 0;
};
// Expires the referrals sent 30 days ago or more without answer, and reminds those whose last
// reminder (or sending) is 10 days old or more. Safe to run at any time and twice in a row.
DeadlineRun process_deadlines(store::Connection& conn, const std::string& public_url);
// The job: runs process_deadlines, then queues itself for the next day.
void register_jobs(jobs::JobRunner& runner, std::string public_url);

// ---- the person asks their référent ----

// The person, from their space, asks their référent about a service: journaled
// (referral.asked) and mailed to the référent. kNotFound / kInvalid when there is none.
Result<void> ask_referent(store::Connection& conn, std::int64_t journey_id, std::int64_t service_id,
                          const std::string& public_url);

}  // namespace parcours::referrals

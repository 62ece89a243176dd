// Outcomes of a journey (sorties): a job (contract, hours per week, employer with an optional
// SIRET, the employer's contact), a training, a business creation or another outcome, with
// dates. After a job starts, the follow-up in employment goes on until `followup_until` (6
// months after the start by default, editable) with check-ins, with the person or with the
// employer's contact: the first is expected two weeks after the start, the next ones a month
// after the last, the last one on the follow-up's end date. A follow-up is due when its next
// check-in is within 7 days, late once that date is past. Every change is journaled.
//
//   auto id = record_outcome(conn, journey_id, form, {.user_id = me, .organisation_id = org});
//   add_checkin(conn, *id, {.date = "2027-04-02", .with_whom = "employer", .note = "…"}, actor);
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

inline constexpr const char* kOutcomeRecorded = "outcome.recorded";
inline constexpr const char* kFollowupChanged = "outcome.followup_changed";
inline constexpr const char* kCheckinAdded = "outcome.checkin_added";

inline constexpr int kFollowupMonths = 6;
inline constexpr int kFirstCheckinDays = 14;
inline constexpr int kCheckinEveryDays = 30;
inline constexpr int kDueWithinDays = 7;

// job, training, business, other.
const std::vector<std::string>& outcome_kinds();
const char* outcome_kind_label(std::string_view kind);  // "Emploi", "Formation", ...
// cdi, cdd, interim, iae, alternance, other.
const std::vector<std::string>& contract_kinds();
const char* contract_label(std::string_view contract);  // "CDI", "Contrat aidé ou IAE", ...
const char* with_whom_label(std::string_view who);      // "Avec la personne", "Avec l’employeur"

struct Outcome {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  std::string kind;
  std::string title;
  std::string contract;
  std::optional<std::int64_t> hours_per_week;
  std::string start_date;
  std::string end_date;
  std::string employer_name;
  std::string employer_siret;
  std::string contact_name;
  std::string contact_phone;
  std::string contact_email;
  std::string followup_until;
  std::string next_checkin_on;  // empty once the follow-up is over
  std::string person_name;      // for lists
  std::int64_t created_at = 0;

  bool followed() const { return kind == "job" && !followup_until.empty(); }
};

struct Checkin {
  std::int64_t id = 0;
  std::int64_t outcome_id = 0;
  std::string date;
  std::string with_whom;
  std::string note;
  std::string author;
  std::int64_t created_at = 0;
};

// The forms as typed.
struct OutcomeForm {
  std::string kind;
  std::string title;
  std::string contract;
  std::string hours_per_week;
  std::string start_date;
  std::string end_date;
  std::string employer_name;
  std::string employer_siret;
  std::string contact_name;
  std::string contact_phone;
  std::string contact_email;
  std::string followup_until;  // empty: 6 months after the start
};

struct CheckinForm {
  std::string date;
  std::string with_whom;  // person, employer
  std::string note;
};

// kInvalid naming the field (kind, title, contract, hours_per_week, start_date, end_date,
// employer_name, employer_siret, contact_name, contact_phone, contact_email, followup_until);
// kConflict when the journey is closed.
Result<std::int64_t> record_outcome(store::Connection& conn, std::int64_t journey_id,
                                    const OutcomeForm& form, const Actor& actor);
// Changes the follow-up's end date (a job's; field "followup_until"): a date today or past ends
// the follow-up now.
Result<void> change_followup_end(store::Connection& conn, std::int64_t outcome_id,
                                 const std::string& typed, const Actor& actor);
// A check-in of a job's follow-up (fields date, with_whom, note).
Result<std::int64_t> add_checkin(store::Connection& conn, std::int64_t outcome_id,
                                 const CheckinForm& form, const Actor& actor);

// The SIRET as typed, checked: empty stays empty; else 14 digits passing the Luhn check
// (field "employer_siret").
Result<std::string> validate_siret(std::string_view typed);

std::optional<Outcome> find_outcome(store::Connection& conn, std::int64_t id);
std::vector<Outcome> outcomes_of_journey(store::Connection& conn, std::int64_t journey_id);
std::vector<Checkin> checkins_of(store::Connection& conn, std::int64_t outcome_id);

// Job follow-ups of active journeys whose next check-in is by today + 7 days, the oldest
// first by that date: of the journeys whose référent is `user_id`, or acts for
// `organisation_id`.
std::vector<Outcome> followups_due_for_referent(store::Connection& conn, std::int64_t user_id,
                                                std::int64_t today);
std::vector<Outcome> followups_due_for_organisation(store::Connection& conn,
                                                    std::int64_t organisation_id,
                                                    std::int64_t today);

}  // namespace parcours::followup

// Rendez-vous between a person and a member of their journey's team: when (Paris wall-clock
// date and time, stored as Unix seconds), how long, where (an address, a phone number or a video
// link) and why. Statuses:
//   planned   → seen | noshow (once it has started) | excused | revoked
//   to_update → seen | noshow | excused | revoked   (set by the job once past without a status)
//   seen, noshow, excused, revoked are final.
// The person may excuse a planned appointment that has not started, from their space. Every
// change is journaled in the same transaction (appointment.booked, appointment.status_changed,
// appointment.excused, with the person's id, told by the carnet de bord); the person's message
// when excusing is kept here, not in the journal. The first appointment with the référent marked
// seen records the journey's first meeting (orientation::record_first_meeting).
//
//   auto id = book(conn, journey_id, form, {.user_id = me, .organisation_id = org}, now);
//   change_status(conn, *id, "seen", "", {.user_id = me, .organisation_id = org}, now);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::appointments {

inline constexpr const char* kBooked = "appointment.booked";
inline constexpr const char* kStatusChanged = "appointment.status_changed";
inline constexpr const char* kExcused = "appointment.excused";

// "Prévu", "Honoré", "Excusé", "Annulé par la structure", "Absent", "À mettre à jour".
const char* status_label(std::string_view status);
// DSFR badge class of a status.
const char* status_badge(std::string_view status);
// "Adresse", "Téléphone", "Visioconférence".
const char* place_kind_label(std::string_view kind);

struct Appointment {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  std::int64_t professional_id = 0;
  std::string professional_name;
  std::string professional_email;
  std::int64_t organisation_id = 0;
  std::string organisation_name;
  std::string person_name;
  std::int64_t starts_at = 0;
  std::int64_t duration_minutes = 0;
  std::int64_t ends_at = 0;
  std::string place_kind;
  std::string place;
  std::string purpose;
  std::string status;
  std::string status_message;
  std::int64_t created_at = 0;
};

// The booking form as typed.
struct AppointmentForm {
  std::string professional;  // user id of a team member
  std::string date;          // YYYY-MM-DD (Paris)
  std::string time;          // HH:MM (Paris)
  std::string duration;      // minutes, 5 to 480
  std::string place_kind;    // address, phone, video
  std::string place;
  std::string purpose;  // 3 to 300 characters
};

struct Actor {
  std::int64_t user_id = 0;
  std::optional<std::int64_t> organisation_id;  // the organisation they act for
};

// Books an appointment on an active journey with an active member of its team, in the future.
// kInvalid naming the field (professional, date, time, duration, place_kind, place, purpose);
// kConflict when the journey is closed.
Result<std::int64_t> book(store::Connection& conn, std::int64_t journey_id,
                          const AppointmentForm& form, const Actor& actor, std::int64_t now);

// Whether `from` may become `to` (`started`: the appointment's start is past); the refusal in
// French otherwise (field "status").
Result<void> check_transition(std::string_view from, std::string_view to, bool started);

// A professional sets the status (message optional, at most 500 characters).
Result<void> change_status(store::Connection& conn, std::int64_t appointment_id,
                           const std::string& status, const std::string& message,
                           const Actor& actor, std::int64_t now);

// The person says they cannot come (→ excused): only their own planned appointment before it
// starts; the message is optional (at most 500 characters). The professional is told by email.
Result<void> excuse_by_person(store::Connection& conn, std::int64_t appointment_id,
                              std::int64_t person_id, const std::string& message, std::int64_t now,
                              const std::string& public_url);

// Appointments past without a status become to_update (journaled, by the system). Returns how
// many.
int mark_to_update(store::Connection& conn, std::int64_t now);

std::optional<Appointment> find_appointment(store::Connection& conn, std::int64_t id);
// Newest first.
std::vector<Appointment> of_journey(store::Connection& conn, std::int64_t journey_id);
std::vector<Appointment> of_person(store::Connection& conn, std::int64_t person_id);
// A professional's appointments starting in [from, to), in time order.
std::vector<Appointment> of_professional(store::Connection& conn, std::int64_t user_id,
                                         std::int64_t from, std::int64_t to);
// The version of a professional's agenda: bumped by the database on every change of their
// appointments and on the renaming of a person they meet (migration 0029). 0 for no such user.
std::int64_t agenda_version(store::Connection& conn, std::int64_t user_id);
// Appointments to update, oldest first: a professional's, or those of an organisation.
std::vector<Appointment> to_update_of_professional(store::Connection& conn, std::int64_t user_id);
std::vector<Appointment> to_update_of_organisation(store::Connection& conn,
                                                   std::int64_t organisation_id);

// The Paris day of an instant, as days since the epoch.
std::int64_t paris_day_number(std::int64_t unix_seconds);

// Paris day ("2027-03-12") → days since the epoch, or nothing when not a valid date.
std::optional<std::int64_t> parse_day(std::string_view iso_date);

}  // namespace parcours::appointments

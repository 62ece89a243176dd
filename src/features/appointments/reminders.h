// Reminders of appointments by email, two days before (D-2) and on the day (D-0), both at 08:00
// Europe/Paris, with the appointment as an .ics attachment, through the outbox.
//
// One durable job, "appointments.sweep", does the time-driven work: it marks past appointments
// to_update, sends the reminders now due, then queues itself again at the next instant something
// falls due (at most 15 minutes later, so that an appointment booked meanwhile is not missed).
// Each reminder sent is a row of appointment_reminders (appointment, kind) written in the same
// transaction as its mail: a sweep run twice, or after a restart, never sends it again. A
// reminder whose moment passed before the appointment was booked, or that would come after
// the start, is not sent; nor any for an appointment that is no longer planned. A D-2 reminder
// not sent before the D-0 moment (server down) is dropped: the D-0 one is enough.
#pragma once

#include <cstdint>
#include <string>

#include "core/jobs/jobs.h"
#include "core/store/db.h"

namespace parcours::appointments {

inline constexpr const char* kSweepJob = "appointments.sweep";
inline constexpr std::int64_t kSweepEvery = 900;

// 08:00 in Paris, `days_before` days before the Paris day of `starts_at`.
std::int64_t reminder_due_at(std::int64_t starts_at, int days_before);

// Sends every reminder due at `now`; returns how many mails were queued.
int send_due_reminders(store::Connection& conn, std::int64_t now, const std::string& public_url);

struct SweepOutcome {
  int marked_to_update = 0;
  int reminders = 0;
};
SweepOutcome sweep(store::Connection& conn, std::int64_t now, const std::string& public_url);

// When the next sweep should run: the next reminder moment or appointment end after `now`,
// at most kSweepEvery seconds away.
std::int64_t next_sweep_at(store::Connection& conn, std::int64_t now);

// Makes sure one sweep is queued to run by `at` (brings a later one forward).
void schedule_sweep(store::Connection& conn, std::int64_t at);

// Registers the sweep's handler and makes sure a sweep is queued, `first_delay` seconds after
// now at the latest: a minute by default, so that a server starting does not take SQLite's write
// lock at once.
void register_jobs(jobs::JobRunner& runner, store::Db& db, std::string public_url,
                   std::int64_t first_delay = 60);

}  // namespace parcours::appointments

// Reminders for stale services: once a day a job looks for published services of Parcours
// organisations whose date_maj is more than 6 months old, and mails the organisation's admins
// (the organisation's address when it has none) the list of them with a link to each. A service
// is in a reminder at most once every 30 days (services.reminded_at). Each reminder is journaled
// ("catalogue.reminder_sent", the organisation's territory).
#pragma once

#include <cstdint>
#include <string>

#include "core/jobs/jobs.h"
#include "core/store/db.h"

namespace parcours::catalogue {

inline constexpr const char* kRemindersJob = "catalogue.stale_reminders";
inline constexpr std::int64_t kReminderEverySeconds = 30 * 24 * 3600;

// Sends the reminders due now; returns the number of mails queued.
int send_stale_reminders(store::Connection& conn, const std::string& public_url);

// The job: sends the reminders, then queues its next run a day later.
void register_jobs(jobs::JobRunner& runner, const std::string& public_url);
// Queues the job to run now unless one is already queued (at server start).
void schedule_reminders(store::Connection& conn);

}  // namespace parcours::catalogue

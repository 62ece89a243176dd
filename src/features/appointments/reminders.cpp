#include "features/appointments/reminders.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/mail/outbox.h"
#include "features/appointments/appointments.h"
#include "features/appointments/ics.h"

namespace parcours::appointments {
namespace {

constexpr std::int64_t kDay = 86400;
constexpr int kBatch = 2000;  // reminders per transaction outside a job

std::string host_of(const std::string& url) {
  std::string host = url;
  if (auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
  if (auto end = host.find_first_of(":/"); end != std::string::npos) host.resize(end);
  return host.empty() ? "parcours.local" : host;
}

struct Due {
  std::int64_t id = 0;
  std::string kind;  // d2, d0
  std::int64_t starts_at = 0, ends_at = 0;
  std::string place_kind, place, purpose, email, first_names, professional, organisation;
};

std::string where_line(const Due& d) {
  if (d.place_kind == "phone") return "Par téléphone : " + d.place;
  if (d.place_kind == "video") return "En visioconférence : " + d.place;
  return "Lieu : " + d.place;
}

mail::Mail reminder_mail(const Due& d, std::int64_t now, const std::string& public_url) {
  std::string when = format_datetime_fr(d.starts_at);
  std::string with = d.professional + " (" + d.organisation + ")";
  std::string body = fmt::format(
      "Bonjour {},\n\nRappel : vous avez rendez-vous {} le {} avec {}.\n\nObjet : {}\n{}\n"
      "Durée : {} minutes\n\nVous ne pourrez pas venir ? Dites-le depuis votre espace : "
      "{}/mon-espace/rendez-vous\n\nLe rendez-vous est joint à ce courriel pour votre agenda.\n\n"
      "Parcours — service public de l’insertion et de l’emploi\n",
      d.first_names, d.kind == "d0" ? "aujourd’hui," : "dans deux jours,", when, with, d.purpose,
      where_line(d), (d.ends_at - d.starts_at) / 60, public_url);
  std::string calendar = ics({.uid = fmt::format("appointment-{}@{}", d.id, host_of(public_url)),
                              .dtstamp = now,
                              .starts_at = d.starts_at,
                              .ends_at = d.ends_at,
                              .summary = "Rendez-vous avec " + with,
                              .location = d.place,
                              .description = d.purpose});
  return {.to = d.email,
          .subject = "Rappel : rendez-vous le " + when,
          .text = std::move(body),
          .attachment_name = "rendez-vous.ics",
          .attachment_type = "text/calendar; charset=UTF-8; method=PUBLISH",
          .attachment = std::move(calendar)};
}

}  // namespace

std::int64_t reminder_due_at(std::int64_t starts_at, int days_before) {
  return paris_local_to_unix(paris_day_number(starts_at) - days_before, 8, 0);
}

int send_due_reminders(store::Connection& conn, std::int64_t now, const std::string& public_url) {
  // Appointments starting within three days cover every D-2 moment (at most 2 days + 16 h ahead).
  auto rows = conn.query(
      "SELECT a.id, a.starts_at, a.ends_at, a.created_at, a.place_kind, a.place, a.purpose, "
      "p.email, p.first_names, u.name, o.name, EXISTS (SELECT 1 FROM appointment_reminders r "
      "WHERE r.appointment_id = a.id AND r.kind = 'd2'), EXISTS (SELECT 1 FROM "
      "appointment_reminders r WHERE r.appointment_id = a.id AND r.kind = 'd0') FROM "
      "appointments a JOIN persons p ON p.id = a.person_id JOIN users u ON u.id = "
      "a.professional_id JOIN organisations o ON o.id = a.organisation_id WHERE a.status = "
      "'planned' AND a.starts_at > $1 AND a.starts_at <= $2 AND NOT EXISTS (SELECT 1 FROM "
      "appointment_reminders r WHERE r.appointment_id = a.id AND r.kind = 'd0')",
      {now, now + 3 * kDay});
  std::vector<Due> due;
  for (const auto& r : rows) {
    std::int64_t starts_at = r.integer(1), created_at = r.integer(3);
    std::int64_t d0 = reminder_due_at(starts_at, 0), d2 = reminder_due_at(starts_at, 2);
    std::string kind;
    if (now >= d0) {
      if (!r.boolean(12) && created_at <= d0) kind = "d0";
    } else if (now >= d2) {
      if (!r.boolean(11) && created_at <= d2) kind = "d2";
    }
    if (kind.empty()) continue;
    due.push_back({r.integer(0), kind, starts_at, r.integer(2), r.text(4), r.text(5), r.text(6),
                   r.text(7), r.text(8), r.text(9), r.text(10)});
  }
  int sent = 0;
  for (std::size_t begin = 0; begin < due.size(); begin += kBatch) {
    std::size_t end = std::min(due.size(), begin + kBatch);
    atomically(conn, [&] {
      for (std::size_t i = begin; i < end; ++i) {
        const Due& d = due[i];
        // The row first: when another sweep already took this reminder, nothing is sent.
        bool has_email = !d.email.empty();
        std::int64_t taken = conn.execute(
            "INSERT INTO appointment_reminders (appointment_id, kind, sent_at) VALUES ($1, $2, "
            "$3) ON CONFLICT DO NOTHING",
            {d.id, d.kind, now});
        if (taken != 1 || !has_email) continue;
        std::int64_t outbox = mail::queue_mail(conn, reminder_mail(d, now, public_url));
        conn.execute(
            "UPDATE appointment_reminders SET outbox_id = $3 WHERE appointment_id = $1 AND kind "
            "= $2",
            {d.id, d.kind, outbox});
        ++sent;
      }
    });
  }
  return sent;
}

SweepOutcome sweep(store::Connection& conn, std::int64_t now, const std::string& public_url) {
  SweepOutcome out;
  out.marked_to_update = mark_to_update(conn, now);
  out.reminders = send_due_reminders(conn, now, public_url);
  return out;
}

std::int64_t next_sweep_at(store::Connection& conn, std::int64_t now) {
  std::int64_t next = now + kSweepEvery;
  auto end = conn.query_one(
      "SELECT MIN(ends_at) FROM appointments WHERE status = 'planned' AND ends_at > $1", {now});
  if (end && !end->is_null(0)) next = std::min(next, end->integer(0));
  for (const auto& r : conn.query("SELECT starts_at FROM appointments WHERE status = 'planned' "
                                  "AND starts_at > $1 AND starts_at <= $2 ORDER BY starts_at "
                                  "LIMIT 200",
                                  {now, next + 3 * kDay})) {
    for (int days : {2, 0}) {
      std::int64_t at = reminder_due_at(r.integer(0), days);
      if (at > now) next = std::min(next, at);
    }
  }
  return std::max(next, now + 1);
}

void schedule_sweep(store::Connection& conn, std::int64_t at) {
  // One queued sweep at a time: an earlier one is brought forward rather than doubled.
  auto queued = conn.query_one(
      "SELECT id, run_at FROM jobs WHERE kind = $1 AND status = 'queued' ORDER BY run_at LIMIT 1",
      {kSweepJob});
  if (!queued) {
    jobs::enqueue_job(conn, kSweepJob, "{}", at);
  } else if (queued->integer(1) > at) {
    conn.execute("UPDATE jobs SET run_at = $2 WHERE id = $1", {queued->integer(0), at});
  }
}

void register_jobs(jobs::JobRunner& runner, store::Db& db, std::string public_url,
                   std::int64_t first_delay) {
  runner.on(kSweepJob, [url = std::move(public_url)](store::Connection& conn, const jobs::Job&) {
    std::int64_t now = now_seconds();
    sweep(conn, now, url);
    schedule_sweep(conn, next_sweep_at(conn, now));
  });
  auto conn = db.acquire();
  schedule_sweep(*conn, now_seconds() + first_delay);
}

}  // namespace parcours::appointments

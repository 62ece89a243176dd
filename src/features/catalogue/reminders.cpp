#include "features/catalogue/reminders.h"

#include <boost/json.hpp>
#include <map>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/mail/outbox.h"
#include "core/store/journal.h"
#include "features/catalogue/offer.h"
#include "features/catalogue/service.h"

namespace parcours::catalogue {
namespace {

struct Due {
  std::int64_t id;
  std::string nom;
  std::string date_maj;
};

struct Owner {
  std::int64_t territory_id = 0;
  std::string name;
  std::string email;
  std::vector<Due> services;
};

}  // namespace

int send_stale_reminders(store::Connection& conn, const std::string& public_url) {
  return atomically(conn, [&] {
    std::int64_t now = now_seconds();
    std::map<std::int64_t, Owner> owners;
    for (const auto& row :
         conn.query("SELECT s.id, s.nom, s.date_maj, o.id, o.territory_id, o.name, o.email "
                    "FROM services s JOIN structures st ON st.id = s.structure_id "
                    "JOIN organisations o ON o.id = st.organisation_id "
                    "WHERE s.status = 'published' AND s.date_maj < $1 AND o.active = 1 "
                    "AND (s.reminded_at IS NULL OR s.reminded_at <= $2) ORDER BY o.id, s.nom, s.id",
                    {days_ago_iso(kStaleAfterDays), now - kReminderEverySeconds})) {
      auto& owner = owners[row.integer(3)];
      owner.territory_id = row.integer(4);
      owner.name = row.text(5);
      owner.email = row.text(6);
      owner.services.push_back({row.integer(0), row.text(1), row.text(2)});
    }
    int mails = 0;
    for (const auto& [organisation_id, owner] : owners) {
      std::vector<std::string> recipients;
      for (const auto& row :
           conn.query("SELECT DISTINCT u.email FROM user_roles r JOIN users u ON u.id = r.user_id "
                      "WHERE r.organisation_id = $1 AND r.role = 'org_admin' AND r.active = 1 "
                      "AND u.active = 1 ORDER BY u.email",
                      {organisation_id})) {
        recipients.push_back(row.text(0));
      }
      if (recipients.empty() && !owner.email.empty()) recipients.push_back(owner.email);
      if (recipients.empty()) continue;

      std::string list;
      for (const auto& s : owner.services) {
        list += "- " + s.nom + " (" + freshness_label(s.date_maj) + ") : " + public_url +
                "/services/" + std::to_string(s.id) + "\n";
      }
      std::string count = owner.services.size() == 1
                              ? std::string("Un service publié de ") + owner.name +
                                    " n’a pas été mis à jour depuis plus de 6 mois"
                              : std::to_string(owner.services.size()) + " services publiés de " +
                                    owner.name + " n’ont pas été mis à jour depuis plus de 6 mois";
      std::string text =
          "Bonjour,\n\n" + count + " :\n\n" + list +
          "\nLes personnes et les professionnels qui les consultent comptent sur des informations "
          "justes. Vérifiez-les puis enregistrez chaque service, ou confirmez qu’il est à jour "
          "depuis sa page ; archivez ceux qui n’existent plus.\n\nL’offre de services de votre "
          "structure : " +
          public_url + "/structures/" + std::to_string(organisation_id) +
          "/services\n\nCe rappel est envoyé au plus une fois par mois et par service.\n\n"
          "L’équipe Parcours\n";
      for (const auto& to : recipients) {
        mail::queue_mail(
            conn, {.to = to, .subject = "Parcours : des services à mettre à jour", .text = text});
        ++mails;
      }
      boost::json::array ids;
      for (const auto& s : owner.services) {
        conn.execute("UPDATE services SET reminded_at = $1 WHERE id = $2", {now, s.id});
        ids.emplace_back(s.id);
      }
      boost::json::object payload{{"organisation_id", organisation_id},
                                  {"service_ids", ids},
                                  {"recipients", static_cast<std::int64_t>(recipients.size())}};
      store::append_event(conn, {.kind = "catalogue.reminder_sent",
                                 .territory_id = owner.territory_id,
                                 .payload_json = boost::json::serialize(payload)});
    }
    return mails;
  });
}

void register_jobs(jobs::JobRunner& runner, const std::string& public_url) {
  runner.on(kRemindersJob, [public_url](store::Connection& conn, const jobs::Job&) {
    send_stale_reminders(conn, public_url);
    if (!conn.query_one("SELECT 1 FROM jobs WHERE kind = $1 AND status = 'queued'",
                        {std::string(kRemindersJob)})) {
      jobs::enqueue_job(conn, kRemindersJob, "{}", now_seconds() + 24 * 3600);
    }
  });
}

void schedule_reminders(store::Connection& conn) {
  if (!conn.query_one("SELECT 1 FROM jobs WHERE kind = $1 AND status IN ('queued', 'running')",
                      {std::string(kRemindersJob)})) {
    jobs::enqueue_job(conn, kRemindersJob);
  }
}

}  // namespace parcours::catalogue

#include "features/referrals/referrals.h"

#include <algorithm>
#include <boost/json.hpp>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/http/tokens.h"
#include "core/mail/outbox.h"
#include "core/text.h"
#include "features/people/events.h"
#include "features/people/journeys.h"
#include "features/referrals/plan_actions.h"

namespace parcours::referrals {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxMessage = 4000;
constexpr std::size_t kMaxReason = 2000;

const std::vector<Choice> kParts{{"identity", "Identité (nom, prénoms, date de naissance)"},
                                 {"contact", "Coordonnées (courriel, téléphone, adresse)"},
                                 {"situation", "Situation (RSA, RQTH, formation, permis)"},
                                 {"diagnostic", "Synthèse du diagnostic (freins et projets)"}};

const std::vector<Choice> kConsentModes{{"in_person", "En entretien"},
                                        {"phone", "Par téléphone"},
                                        {"written", "Par écrit (courriel, courrier, formulaire)"}};

bool known(const std::vector<Choice>& choices, std::string_view code) {
  return std::any_of(choices.begin(), choices.end(),
                     [&](const Choice& c) { return code == c.code; });
}

std::vector<std::string> string_list(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.as_array())
    if (e.is_string()) out.emplace_back(e.as_string());
  return out;
}

constexpr const char* kColumns =
    "SELECT r.id, r.journey_id, r.person_id, j.territory_id, r.service_id, s.nom, st.nom, "
    "r.sender_user_id, su.name, su.email, r.sender_organisation_id, so.name, "
    "r.receiving_organisation_id, r.message, r.shared_fields, r.consent_mode, r.consent_at, "
    "r.status, COALESCE(r.refusal_reason, ''), r.answered_by, COALESCE(au.name, ''), "
    "COALESCE(r.answered_via, ''), r.answered_at, r.closed_at, r.last_reminder_at, r.reminders, "
    "r.plan_action_id, r.sent_at, r.updated_at, p.first_names, p.usage_name, p.birth_name "
    "FROM referrals r JOIN journeys j ON j.id = r.journey_id JOIN services s ON s.id = "
    "r.service_id JOIN structures st ON st.id = s.structure_id JOIN users su ON su.id = "
    "r.sender_user_id JOIN organisations so ON so.id = r.sender_organisation_id LEFT JOIN users "
    "au ON au.id = r.answered_by JOIN persons p ON p.id = r.person_id ";

Referral referral_of(const store::Row& r) {
  Referral x;
  x.id = r.integer(0);
  x.journey_id = r.integer(1);
  x.person_id = r.integer(2);
  x.territory_id = r.integer(3);
  x.service_id = r.integer(4);
  x.service_name = r.text(5);
  x.structure_name = r.text(6);
  x.sender_user_id = r.integer(7);
  x.sender_name = r.text(8);
  x.sender_email = r.text(9);
  x.sender_organisation_id = r.integer(10);
  x.sender_organisation = r.text(11);
  x.receiving_organisation_id = r.opt_integer(12);
  x.message = r.text(13);
  x.shared = string_list(r.text(14));
  x.consent_mode = r.text(15);
  x.consent_at = r.integer(16);
  x.status = r.text(17);
  x.refusal_reason = r.text(18);
  x.answered_by = r.opt_integer(19);
  x.answered_by_name = r.text(20);
  x.answered_via = r.text(21);
  x.answered_at = r.opt_integer(22);
  x.closed_at = r.opt_integer(23);
  x.last_reminder_at = r.opt_integer(24);
  x.reminders = r.integer(25);
  x.plan_action_id = r.opt_integer(26);
  x.sent_at = r.integer(27);
  x.updated_at = r.integer(28);
  std::string name = r.text(30).empty() ? r.text(31) : r.text(30);
  x.person_name = r.text(29) + " " + name;
  return x;
}

std::string id_list(const std::vector<std::int64_t>& ids, store::Params& params) {
  std::string list;
  for (auto id : ids) {
    params.add(id);
    list += (list.empty() ? "$" : ", $") + std::to_string(params.values().size());
  }
  return list;
}

// Addresses of the active members of an organisation (active account, active role).
std::vector<std::string> member_emails(store::Connection& conn, std::int64_t organisation_id) {
  std::vector<std::string> out;
  for (const auto& r : conn.query(
           "SELECT DISTINCT u.email FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE "
           "ur.organisation_id = $1 AND ur.active = 1 AND u.active = 1 ORDER BY u.email",
           {organisation_id})) {
    out.push_back(r.text(0));
  }
  return out;
}

std::string service_line(const Referral& r) {
  return "« " + r.service_name + " » (" + r.structure_name + ")";
}

// The journal event of a step, in the same transaction.
void journal(store::Connection& conn, const Referral& r, const char* kind,
             std::optional<std::int64_t> actor, std::optional<std::int64_t> actor_org,
             const std::string& text, std::string_view by = {}) {
  json::object payload{{"journey_id", r.journey_id},
                       {"referral_id", r.id},
                       {"service_id", r.service_id},
                       {"service", r.service_name},
                       {"text", text}};
  if (r.receiving_organisation_id) payload["organisation_id"] = *r.receiving_organisation_id;
  if (actor_org) payload["actor_organisation_id"] = *actor_org;
  if (!by.empty()) payload["by"] = std::string(by);
  people::append_person_event(conn, kind, r.person_id, r.territory_id, actor, payload);
}

void mail_sender(store::Connection& conn, const Referral& r, const std::string& subject,
                 const std::string& what) {
  mail::queue_mail(conn, {.to = r.sender_email,
                          .subject = subject,
                          .text = "Bonjour " + r.sender_name + ",\n\n" + what +
                                  "\n\nL’orientation et son suivi sont sur la page de la "
                                  "personne, dans Parcours.\n"});
}

// Who receives the link mail of a service: its courriel, else its structure's.
std::string contact_email(store::Connection& conn, std::int64_t service_id) {
  auto row = conn.query_one(
      "SELECT COALESCE(NULLIF(s.courriel, ''), NULLIF(st.courriel, ''), '') FROM services s "
      "JOIN structures st ON st.id = s.structure_id WHERE s.id = $1",
      {service_id});
  return row ? row->text(0) : std::string();
}

std::string link_mail_text(const Referral& r, const std::string& url, bool reminder) {
  return std::string("Bonjour,\n\n") + (reminder ? "Rappel : " : "") + r.sender_name + " (" +
         r.sender_organisation + ") oriente une personne vers votre service « " + r.service_name +
         " » grâce à Parcours, le service public de l’insertion et de l’emploi.\n\n"
         "Vous pouvez voir ce qui vous est transmis et répondre (accepter, ou refuser en "
         "indiquant pourquoi), sans créer de compte, avec ce lien personnel valable 8 jours :\n" +
         url + "\n\nNe transférez pas ce lien : il donne accès à des informations personnelles.\n";
}

std::string member_mail_text(const Referral& r, const std::string& url, bool reminder) {
  return std::string("Bonjour,\n\n") +
         (reminder ? "Rappel : une orientation attend votre réponse. " : "") + r.sender_name +
         " (" + r.sender_organisation + ") oriente une personne vers votre service « " +
         r.service_name +
         " ».\n\nConsultez-la et répondez dans Parcours, rubrique « Orientations reçues » :\n" +
         url + "\n";
}

// Mails the receiving party of a waiting referral (members, else a new link to the contact).
// Returns the addresses; `token` receives the raw link token when one was issued.
std::vector<std::string> notify_receiver(store::Connection& conn, const Referral& r,
                                         const std::string& public_url, bool reminder,
                                         std::optional<std::string>* token) {
  std::vector<std::string> members;
  if (r.receiving_organisation_id) members = member_emails(conn, *r.receiving_organisation_id);
  std::string subject =
      std::string(reminder ? "Rappel — " : "") + "Orientation vers « " + r.service_name + " »";
  if (!members.empty()) {
    std::string url = public_url + "/orientations/" + std::to_string(r.id);
    for (const auto& to : members) {
      mail::queue_mail(conn,
                       {.to = to, .subject = subject, .text = member_mail_text(r, url, reminder)});
    }
    return members;
  }
  std::string email = contact_email(conn, r.service_id);
  if (email.empty()) return {};
  std::string raw = issue_link(conn, r.id, email);
  mail::queue_mail(conn,
                   {.to = email,
                    .subject = subject,
                    .text = link_mail_text(r, public_url + "/orientation-recue/" + raw, reminder)});
  if (token) *token = raw;
  return {email};
}

void ensure_deadline_job(store::Connection& conn, std::int64_t run_at) {
  if (conn.query_one("SELECT 1 FROM jobs WHERE kind = $1 AND status = 'queued' LIMIT 1",
                     {kDeadlinesJob})) {
    return;
  }
  jobs::enqueue_job(conn, kDeadlinesJob, "{}", run_at);
}

Result<std::string> valid_reason(const std::string& reason) {
  std::string r = text::trim(reason);
  if (r.empty()) {
    return fail(ErrorCode::kInvalid,
                "Motif du refus : indiquez pourquoi l’orientation est refusée.", "reason");
  }
  if (r.size() > kMaxReason) {
    return fail(ErrorCode::kInvalid, "Motif du refus : 2 000 caractères au plus.", "reason");
  }
  return r;
}

// sent → accepted | refused, by a member or through a link (by.user_id empty).
Result<void> answer(store::Connection& conn, std::int64_t id, bool accept,
                    const std::string& reason_typed, const Answerer& by) {
  std::string reason;
  if (!accept) {
    auto r = valid_reason(reason_typed);
    if (!r) return std::unexpected(r.error());
    reason = *r;
  }
  return atomically(conn, [&]() -> Result<void> {
    auto r = find_referral(conn, id);
    if (!r) return fail(ErrorCode::kNotFound, "Orientation introuvable.");
    if (r->status != "sent") {
      return fail(ErrorCode::kConflict, std::string("Cette orientation a déjà une réponse (") +
                                            status_label(r->status) + ").");
    }
    std::int64_t now = now_seconds();
    const char* status = accept ? "accepted" : "refused";
    bool link = !by.user_id;
    conn.execute(
        "UPDATE referrals SET status = $2, refusal_reason = $3, answered_by = $4, answered_via = "
        "$5, answered_at = $6, updated_at = $6 WHERE id = $1 AND status = 'sent'",
        {id, status, accept ? store::Value(nullptr) : store::Value(reason), store::opt(by.user_id),
         link ? "link" : "account", now});
    std::string how = link ? " (réponse par le lien reçu par courriel)" : "";
    std::string text = accept ? "l’orientation vers " + service_line(*r) + " est acceptée" + how
                              : "l’orientation vers " + service_line(*r) + " est refusée" + how;
    if (by.user_id) {
      text = (accept ? "a accepté l’orientation vers " : "a refusé l’orientation vers ") +
             service_line(*r);
    }
    journal(conn, *r, accept ? "referral.accepted" : "referral.refused", by.user_id,
            by.organisation_id, text);
    if (r->plan_action_id) {
      set_action_status(conn, *r->plan_action_id, accept ? "in_progress" : "cancelled", by.user_id,
                        by.organisation_id,
                        accept ? "(orientation acceptée)" : "(orientation refusée)");
    }
    mail_sender(conn, *r,
                std::string("Orientation ") + (accept ? "acceptée" : "refusée") + " : « " +
                    r->service_name + " »",
                "Votre orientation vers le service « " + r->service_name + " » (" +
                    r->structure_name + ") est " + (accept ? "acceptée." : "refusée.") +
                    (accept ? "" : "\nMotif : " + reason));
    return {};
  });
}

}  // namespace

const std::vector<Choice>& shareable_parts() { return kParts; }
const std::vector<Choice>& consent_modes() { return kConsentModes; }

const char* status_label(std::string_view status) {
  if (status == "sent") return "Envoyée";
  if (status == "accepted") return "Acceptée";
  if (status == "refused") return "Refusée";
  if (status == "done") return "Réalisée";
  if (status == "abandoned") return "Abandonnée";
  if (status == "expired") return "Expirée";
  return "Inconnu";
}

const char* status_badge(std::string_view status) {
  if (status == "sent") return "fr-badge--info";
  if (status == "accepted" || status == "done") return "fr-badge--success";
  if (status == "refused") return "fr-badge--error";
  return "fr-badge--warning";
}

bool Referral::shares(std::string_view part) const {
  return std::find(shared.begin(), shared.end(), part) != shared.end();
}

Result<SentReferral> send_referral(store::Connection& conn, const NewReferral& n) {
  const ReferralForm& f = n.form;
  std::string message = text::trim(f.message);
  if (message.empty()) {
    return fail(ErrorCode::kInvalid,
                "Message : expliquez au service pourquoi vous lui orientez la personne.",
                "message");
  }
  if (message.size() > kMaxMessage) {
    return fail(ErrorCode::kInvalid, "Message : 4 000 caractères au plus.", "message");
  }
  std::vector<std::string> shared;
  for (const auto& code : f.shared) {
    if (!known(kParts, code)) {
      return fail(ErrorCode::kInvalid, "Informations partagées : choix inconnu « " + code + " ».",
                  "shared");
    }
    if (std::find(shared.begin(), shared.end(), code) == shared.end()) shared.push_back(code);
  }
  if (shared.empty()) {
    return fail(ErrorCode::kInvalid,
                "Informations partagées : choisissez au moins une partie du dossier à transmettre.",
                "shared");
  }
  if (f.consent != "1") {
    return fail(ErrorCode::kInvalid,
                "Accord de la personne : il est obligatoire pour l’orienter et partager ces "
                "informations.",
                "consent");
  }
  if (!known(kConsentModes, f.consent_mode)) {
    return fail(ErrorCode::kInvalid,
                "Recueil de l’accord : indiquez comment la personne a donné son accord.",
                "consent_mode");
  }
  if (!n.sender.organisation_id) {
    return fail(ErrorCode::kForbidden, "Vous n’agissez pour aucune structure de ce parcours.");
  }
  return atomically(conn, [&]() -> Result<SentReferral> {
    auto journey = people::find_journey(conn, n.journey_id);
    if (!journey || !journey->active()) {
      return fail(ErrorCode::kNotFound, "Parcours introuvable ou clos.");
    }
    auto service = conn.query_one(
        "SELECT st.organisation_id FROM services s JOIN structures st ON st.id = s.structure_id "
        "WHERE s.id = $1 AND s.status = 'published'",
        {n.service_id});
    if (!service) return fail(ErrorCode::kNotFound, "Service introuvable ou non publié.");
    if (conn.query_one("SELECT 1 FROM referrals WHERE journey_id = $1 AND service_id = $2 AND "
                       "status IN ('sent', 'accepted')",
                       {n.journey_id, n.service_id})) {
      return fail(ErrorCode::kConflict,
                  "Une orientation vers ce service est déjà en cours pour ce parcours.");
    }
    auto receiving = service->opt_integer(0);
    if ((!receiving || member_emails(conn, *receiving).empty()) &&
        contact_email(conn, n.service_id).empty()) {
      return fail(ErrorCode::kInvalid,
                  "Service : il n’a ni membre dans Parcours ni courriel de contact ; "
                  "contactez-le par téléphone.",
                  "service");
    }
    auto action = add_service_action(conn, n.journey_id, n.service_id, n.sender);
    if (!action) return std::unexpected(action.error());
    std::int64_t now = now_seconds();
    json::array parts;
    for (const auto& s : shared) parts.emplace_back(s);
    std::int64_t id =
        conn.query_one(
                "INSERT INTO referrals (journey_id, person_id, service_id, sender_user_id, "
                "sender_organisation_id, receiving_organisation_id, message, shared_fields, "
                "consent_mode, consent_at, status, plan_action_id, sent_at, updated_at) VALUES "
                "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'sent', $11, $10, $10) RETURNING id",
                {n.journey_id, journey->person_id, n.service_id, n.sender.user_id,
                 *n.sender.organisation_id, store::opt(receiving), message, json::serialize(parts),
                 f.consent_mode, now, *action})
            ->integer(0);
    auto r = find_referral(conn, id);
    SentReferral out{.id = id, .plan_action_id = *action};
    std::string consent = "accord de la personne recueilli ";
    for (const auto& c : kConsentModes)
      if (f.consent_mode == c.code) {
        std::string label = c.label;
        label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
        consent += label;
      }
    journal(conn, *r, "referral.sent", n.sender.user_id, n.sender.organisation_id,
            "a orienté la personne vers " + service_line(*r) + " (" + consent + ")");
    out.notified = notify_receiver(conn, *r, n.public_url, false, &out.link_token);
    people::touch_journey(conn, n.journey_id);
    ensure_deadline_job(conn, now + kDay);
    return out;
  });
}

std::optional<Referral> find_referral(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(std::string(kColumns) + "WHERE r.id = $1", {id});
  if (!row) return std::nullopt;
  return referral_of(*row);
}

std::vector<Referral> referrals_of_journey(store::Connection& conn, std::int64_t journey_id) {
  std::vector<Referral> out;
  for (const auto& row : conn.query(
           std::string(kColumns) + "WHERE r.journey_id = $1 ORDER BY r.sent_at DESC, r.id DESC",
           {journey_id})) {
    out.push_back(referral_of(row));
  }
  return out;
}

std::vector<Referral> received(store::Connection& conn,
                               const std::vector<std::int64_t>& organisation_ids,
                               std::string_view status, int limit) {
  std::vector<Referral> out;
  if (organisation_ids.empty()) return out;
  store::Params params;
  std::string sql = std::string(kColumns) + "WHERE r.receiving_organisation_id IN (" +
                    id_list(organisation_ids, params) + ")";
  if (!status.empty()) {
    params.add(std::string(status));
    sql += " AND r.status = $" + std::to_string(params.values().size());
  }
  params.add(std::int64_t{limit});
  sql += " ORDER BY r.sent_at DESC, r.id DESC LIMIT $" + std::to_string(params.values().size());
  for (const auto& row : conn.query(sql, params)) out.push_back(referral_of(row));
  return out;
}

std::int64_t waiting_count(store::Connection& conn,
                           const std::vector<std::int64_t>& organisation_ids) {
  if (organisation_ids.empty()) return 0;
  store::Params params;
  std::string sql =
      "SELECT COUNT(*) FROM referrals WHERE status = 'sent' AND receiving_organisation_id IN (" +
      id_list(organisation_ids, params) + ")";
  return conn.query_one(sql, params)->integer(0);
}

Result<void> accept_referral(store::Connection& conn, std::int64_t id, const Answerer& by) {
  return answer(conn, id, true, "", by);
}

Result<void> refuse_referral(store::Connection& conn, std::int64_t id, const std::string& reason,
                             const Answerer& by) {
  return answer(conn, id, false, reason, by);
}

Result<void> close_referral(store::Connection& conn, std::int64_t id, std::string_view status,
                            const people::TeamActor& by) {
  if (status != "done" && status != "abandoned") {
    return fail(ErrorCode::kInvalid, "Statut : « réalisée » ou « abandonnée » seulement.",
                "status");
  }
  return atomically(conn, [&]() -> Result<void> {
    auto r = find_referral(conn, id);
    if (!r) return fail(ErrorCode::kNotFound, "Orientation introuvable.");
    bool allowed = r->status == "accepted" || (r->status == "sent" && status == "abandoned");
    if (!allowed) {
      return fail(ErrorCode::kConflict, std::string("Cette orientation est ") +
                                            status_label(r->status) +
                                            " : ce changement n’est plus possible.");
    }
    std::int64_t now = now_seconds();
    conn.execute(
        "UPDATE referrals SET status = $2, closed_by = $3, closed_at = $4, updated_at = $4 WHERE "
        "id = $1",
        {id, std::string(status), by.user_id, now});
    bool done = status == "done";
    journal(conn, *r, done ? "referral.done" : "referral.abandoned", by.user_id, by.organisation_id,
            std::string(done ? "a indiqué que l’orientation vers "
                             : "a indiqué que l’orientation vers ") +
                service_line(*r) + (done ? " est réalisée" : " est abandonnée"));
    if (r->plan_action_id) {
      set_action_status(conn, *r->plan_action_id, done ? "done" : "abandoned", by.user_id,
                        by.organisation_id,
                        done ? "(orientation réalisée)" : "(orientation abandonnée)");
    }
    return {};
  });
}

std::string issue_link(store::Connection& conn, std::int64_t referral_id,
                       const std::string& email) {
  std::string token = http::random_token();
  std::int64_t now = now_seconds();
  conn.execute(
      "INSERT INTO referral_links (referral_id, email, token_hash, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {referral_id, email, http::hash_hex(token), now, now + kLinkDays * kDay});
  return token;
}

Result<LinkState> find_link(store::Connection& conn, std::string_view token) {
  if (token.size() != http::kTokenLength) return fail(ErrorCode::kNotFound, "Lien inconnu.");
  auto row = conn.query_one(
      "SELECT id, referral_id, email, expires_at, used_at FROM referral_links WHERE token_hash = "
      "$1",
      {http::hash_hex(token)});
  if (!row) return fail(ErrorCode::kNotFound, "Lien inconnu.");
  return LinkState{.referral_id = row->integer(1),
                   .link_id = row->integer(0),
                   .email = row->text(2),
                   .expired = row->integer(3) <= now_seconds(),
                   .used = !row->is_null(4)};
}

Result<void> answer_by_link(store::Connection& conn, std::string_view token, bool accept,
                            const std::string& reason) {
  return atomically(conn, [&]() -> Result<void> {
    auto link = find_link(conn, token);
    if (!link) return std::unexpected(link.error());
    if (link->used) return fail(ErrorCode::kConflict, "Ce lien a déjà servi à répondre.");
    if (link->expired) {
      return fail(ErrorCode::kConflict,
                  "Ce lien a expiré (il est valable 8 jours). Un nouveau lien vous sera envoyé "
                  "avec le prochain rappel.");
    }
    auto done = answer(conn, link->referral_id, accept, reason, {});
    if (!done) return done;
    conn.execute("UPDATE referral_links SET used_at = $2 WHERE id = $1",
                 {link->link_id, now_seconds()});
    return {};
  });
}

DeadlineRun process_deadlines(store::Connection& conn, const std::string& public_url) {
  DeadlineRun run;
  std::int64_t now = now_seconds();
  auto expiring = conn.query("SELECT id FROM referrals WHERE status = 'sent' AND sent_at <= $1",
                             {now - kAnswerDays * kDay});
  for (const auto& row : expiring) {
    atomically(conn, [&] {
      auto r = find_referral(conn, row.integer(0));
      if (!r || r->status != "sent") return;
      conn.execute(
          "UPDATE referrals SET status = 'expired', updated_at = $2 WHERE id = $1 AND status = "
          "'sent'",
          {r->id, now});
      journal(conn, *r, "referral.expired", std::nullopt, std::nullopt,
              "l’orientation vers " + service_line(*r) + " a expiré : pas de réponse en 30 jours");
      if (r->plan_action_id) {
        set_action_status(conn, *r->plan_action_id, "cancelled", std::nullopt, std::nullopt,
                          "(orientation expirée sans réponse)");
      }
      mail_sender(conn, *r, "Orientation expirée : « " + r->service_name + " »",
                  "Votre orientation vers le service « " + r->service_name + " » (" +
                      r->structure_name +
                      ") n’a pas reçu de réponse en 30 jours : elle a expiré. Vous pouvez "
                      "contacter le service ou orienter la personne ailleurs.");
      ++run.expired;
    });
  }
  auto due = conn.query(
      "SELECT id FROM referrals WHERE status = 'sent' AND COALESCE(last_reminder_at, sent_at) <= "
      "$1 ORDER BY id",
      {now - kReminderDays * kDay});
  for (const auto& row : due) {
    atomically(conn, [&] {
      auto r = find_referral(conn, row.integer(0));
      if (!r || r->status != "sent") return;
      if (conn.execute("UPDATE referrals SET last_reminder_at = $2, reminders = reminders + 1 "
                       "WHERE id = $1 AND status = 'sent' AND COALESCE(last_reminder_at, sent_at) "
                       "<= $3",
                       {r->id, now, now - kReminderDays * kDay}) != 1) {
        return;
      }
      auto to = notify_receiver(conn, *r, public_url, true, nullptr);
      journal(conn, *r, "referral.reminded", std::nullopt, std::nullopt,
              "rappel envoyé à " + r->structure_name + " : l’orientation vers « " +
                  r->service_name + " » attend une réponse");
      ++run.reminded;
    });
  }
  return run;
}

void register_jobs(jobs::JobRunner& runner, std::string public_url) {
  runner.on(kDeadlinesJob,
            [url = std::move(public_url)](store::Connection& conn, const jobs::Job&) {
              process_deadlines(conn, url);
              if (conn.query_one("SELECT 1 FROM referrals WHERE status = 'sent' LIMIT 1")) {
                jobs::enqueue_job(conn, kDeadlinesJob, "{}", now_seconds() + kDay);
              }
            });
}

Result<void> ask_referent(store::Connection& conn, std::int64_t journey_id, std::int64_t service_id,
                          const std::string& public_url) {
  return atomically(conn, [&]() -> Result<void> {
    auto journey = people::find_journey(conn, journey_id);
    if (!journey || !journey->active()) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
    auto service = conn.query_one(
        "SELECT s.nom, st.nom FROM services s JOIN structures st ON st.id = s.structure_id WHERE "
        "s.id = $1 AND s.status = 'published'",
        {service_id});
    if (!service) return fail(ErrorCode::kNotFound, "Service introuvable.");
    std::optional<people::Member> referent;
    for (auto& m : people::team_of(conn, journey_id))
      if (m.referent()) referent = m;
    if (!referent) {
      return fail(ErrorCode::kInvalid, "Vous n’avez pas encore de référent(e) à qui demander.",
                  "service");
    }
    people::append_person_event(
        conn, "referral.asked", journey->person_id, journey->territory_id, std::nullopt,
        json::object{{"journey_id", journey_id},
                     {"service_id", service_id},
                     {"service", service->text(0)},
                     {"by", "person"},
                     {"text", "a demandé à son ou sa référent(e) d’être orienté(e) vers « " +
                                  service->text(0) + " » (" + service->text(1) + ")"}});
    mail::queue_mail(
        conn, {.to = referent->email,
               .subject = "Une personne que vous accompagnez demande un service",
               .text = "Bonjour " + referent->name +
                       ",\n\nUne personne dont vous êtes référent(e) vous demande d’être "
                       "orientée vers le service « " +
                       service->text(0) + " » (" + service->text(1) +
                       ").\n\nSa demande est dans son carnet de bord, dans Parcours :\n" +
                       public_url + "/personnes/" + std::to_string(journey->person_id) + "\n"});
    people::touch_journey(conn, journey_id);
    return {};
  });
}

}  // namespace parcours::referrals

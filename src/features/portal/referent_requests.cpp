#include "features/portal/referent_requests.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/mail/outbox.h"
#include "core/text.h"
#include "features/people/events.h"
#include "features/people/journeys.h"
#include "features/people/team.h"

namespace parcours::portal {
namespace {

constexpr std::size_t kMinReason = 3;
constexpr std::size_t kMaxReason = 1000;

// Characters, not bytes: "Très" is 4 characters.
std::size_t length_utf8(std::string_view text) {
  return static_cast<std::size_t>(
      std::ranges::count_if(text, [](unsigned char c) { return (c & 0xC0) != 0x80; }));
}

mail::Mail team_mail(const std::string& to, const std::string& territory, std::int64_t person_id,
                     const std::string& reason, const std::string& public_url) {
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return {to, "Parcours : une personne demande à changer de référent(e)",
          fmt::format("Bonjour,\n\n"
                      "Une personne dont vous faites partie de l'équipe de suivi (territoire {}) "
                      "demande, depuis son espace, à changer de référent(e).\n\n"
                      "Son motif :\n« {} »\n\n"
                      "Son dossier : {}/personnes/{}\n\n"
                      "Parcours — service public de l'insertion et de l'emploi\n",
                      territory, reason, base, person_id)};
}

}  // namespace

Result<std::int64_t> request_referent_change(store::Connection& conn, const MaybePerson& visitor,
                                             std::int64_t person_id, std::int64_t journey_id,
                                             const std::string& reason,
                                             const std::string& public_url) {
  std::string text = text::trim(reason);
  if (length_utf8(text) < kMinReason) {
    return fail(ErrorCode::kInvalid,
                "Expliquez en quelques mots pourquoi vous souhaitez changer de référent(e).",
                "reason");
  }
  if (length_utf8(text) > kMaxReason) {
    return fail(ErrorCode::kInvalid, "Votre motif ne doit pas dépasser 1 000 caractères.",
                "reason");
  }
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto journey = people::find_journey(conn, journey_id);
    if (!journey || journey->person_id != person_id) {
      return fail(ErrorCode::kInvalid, "Choisissez l’un de vos parcours.", "journey_id");
    }
    auto team = people::team_of(conn, journey_id);
    const people::Member* referent = nullptr;
    for (const auto& member : team) {
      if (member.referent()) referent = &member;
    }
    if (!may_request_referent_change(
            visitor, {journey->person_id, journey->active(), referent != nullptr})) {
      return fail(ErrorCode::kForbidden, journey->active()
                                             ? "Ce parcours n’a pas encore de référent(e)."
                                             : "Ce parcours est terminé.");
    }
    auto row = conn.query_one(
        "INSERT INTO referent_change_requests (person_id, journey_id, referent_user_id, reason, "
        "created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        {person_id, journey_id, referent->user_id, text, now_seconds()});
    std::int64_t id = row->integer(0);
    people::append_person_event(conn, "portal.referent_change_requested", person_id,
                                journey->territory_id, std::nullopt,
                                {{"journey_id", journey_id},
                                 {"request_id", id},
                                 {"by", "person"},
                                 {"text", "Demande de changement de référent(e)"}});
    people::touch_journey(conn, journey_id);
    for (const auto& member : team) {
      if (member.email.empty()) continue;
      mail::queue_mail(
          conn, team_mail(member.email, journey->territory_name, person_id, text, public_url));
    }
    return id;
  });
}

std::vector<ReferentChangeRequest> referent_requests_of(store::Connection& conn,
                                                        std::int64_t person_id) {
  std::vector<ReferentChangeRequest> out;
  for (const auto& row :
       conn.query("SELECT r.id, r.journey_id, t.name, COALESCE(u.name, ''), r.reason, r.created_at "
                  "FROM referent_change_requests r JOIN journeys j ON j.id = r.journey_id "
                  "JOIN territories t ON t.id = j.territory_id "
                  "LEFT JOIN users u ON u.id = r.referent_user_id "
                  "WHERE r.person_id = $1 ORDER BY r.created_at DESC, r.id DESC",
                  {person_id})) {
    out.push_back(
        {row.integer(0), row.integer(1), row.text(2), row.text(3), row.text(4), row.integer(5)});
  }
  return out;
}

}  // namespace parcours::portal

#include "features/followup/closure.h"

#include <algorithm>

#include "core/atomic.h"
#include "core/codes.h"
#include "core/text.h"
#include "features/appointments/appointments.h"

namespace parcours::followup {
namespace {

constexpr const char* kRevokedMessage = "Parcours clos";

}  // namespace

// The reasons a team may choose; "transfer" is written by the territories feature only.
constexpr Code kReasons[] = {{"lasting_job", "Emploi durable"},
                             {"moved", "Déménagement"},
                             {"stopped", "Arrêt de l’accompagnement"},
                             {"deceased", "Décès"},
                             {"other", "Autre motif"}};

const std::vector<std::string>& closure_reasons() {
  static const std::vector<std::string> reasons = codes_in(kReasons);
  return reasons;
}

const char* closure_reason_label(std::string_view reason) {
  if (reason == "transfer") return "Transfert vers un autre territoire";
  return label_in(kReasons, reason, "Motif inconnu");
}

Result<void> close_journey(store::Connection& conn, std::int64_t journey_id,
                           const ClosureForm& form, const Actor& actor, std::int64_t now) {
  std::string reason = text::trim(form.reason);
  const auto& reasons = closure_reasons();
  if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
    return fail(ErrorCode::kInvalid,
                "Motif de clôture : choisissez emploi durable, déménagement, arrêt de "
                "l’accompagnement, décès ou autre motif.",
                "reason");
  }
  std::string detail = text::trim(form.detail);
  if (characters(detail) > 500) {
    return fail(ErrorCode::kInvalid, "Précisions : 500 caractères au plus.", "detail");
  }
  if (reason == "other" && characters(detail) < 2) {
    return fail(ErrorCode::kInvalid, "Précisions : indiquez le motif de la clôture.", "detail");
  }
  return atomically(conn, [&]() -> Result<void> {
    auto journey = open_journey_row(conn, journey_id, "Ce parcours est déjà clos.");
    if (!journey) return std::unexpected(journey.error());
    for (const auto& row :
         conn.query("SELECT id FROM appointments WHERE journey_id = $1 AND status = 'planned' "
                    "AND starts_at > $2 ORDER BY id",
                    {journey_id, now})) {
      auto revoked = appointments::change_status(conn, row.integer(0), "revoked", kRevokedMessage,
                                                 {actor.user_id, actor.organisation_id}, now);
      if (!revoked) return revoked;
    }
    conn.execute(
        "INSERT INTO journey_closures (journey_id, reason, detail, previous_status, closed_by, "
        "organisation_id, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {journey_id, reason, detail, journey->status, actor.user_id,
         store::opt(actor.organisation_id), now});
    if (conn.execute("UPDATE journeys SET status = 'closed', closed_at = $2, close_reason = $3, "
                     "last_activity_at = $2 WHERE id = $1 AND status <> 'closed'",
                     {journey_id, now, reason}) != 1) {
      return fail(ErrorCode::kConflict, "Ce parcours est déjà clos.");
    }
    journal(conn, kJourneyClosed, *journey, actor,
            {{"reason", reason}, {"previous_status", journey->status}});
    return {};
  });
}

Result<void> reopen_journey(store::Connection& conn, std::int64_t journey_id,
                            const std::string& typed, const Actor& actor, std::int64_t now) {
  std::string reason = text::trim(typed);
  if (characters(reason) < 2 || characters(reason) > 500) {
    return fail(ErrorCode::kInvalid,
                "Motif de la réouverture : dites en quelques mots pourquoi le parcours reprend "
                "(2 à 500 caractères).",
                "reopen_reason");
  }
  auto conflict = [] {
    return fail(ErrorCode::kConflict,
                "Cette personne a déjà un autre parcours en cours dans ce territoire : il ne peut "
                "y en avoir qu’un à la fois.");
  };
  try {
    return atomically(conn, [&]() -> Result<void> {
      auto journey = load_journey(conn, journey_id);
      if (!journey) return std::unexpected(journey.error());
      if (journey->active()) return fail(ErrorCode::kConflict, "Ce parcours n’est pas clos.");
      if (journey->close_reason == "transfer") {
        return fail(ErrorCode::kConflict,
                    "Ce parcours a été transféré vers un autre territoire : il continue là-bas.");
      }
      auto closure = conn.query_one(
          "SELECT id, previous_status FROM journey_closures WHERE journey_id = $1 AND "
          "reopened_at IS NULL ORDER BY closed_at DESC, id DESC LIMIT 1",
          {journey_id});
      if (!closure) {
        return fail(ErrorCode::kConflict,
                    "Ce parcours n’a pas été clos ici : il ne se rouvre pas.");
      }
      if (conn.query_one("SELECT 1 FROM journeys WHERE person_id = $1 AND territory_id = $2 AND "
                         "status <> 'closed'",
                         {journey->person_id, journey->territory_id})) {
        return conflict();
      }
      std::string status = closure->text(1);
      conn.execute(
          "UPDATE journeys SET status = $2, closed_at = NULL, close_reason = NULL, "
          "last_activity_at = $3 WHERE id = $1",
          {journey_id, status, now});
      conn.execute(
          "UPDATE journey_closures SET reopened_at = $2, reopened_by = $3, reopen_reason = $4 "
          "WHERE id = $1",
          {closure->integer(0), now, actor.user_id, reason});
      journal(conn, kJourneyReopened, *journey, actor, {{"status", status}});
      return {};
    });
  } catch (const store::StoreError& e) {
    if (!e.unique_violation()) throw;
    return conflict();
  }
}

std::vector<Closure> closures_of(store::Connection& conn, std::int64_t journey_id) {
  std::vector<Closure> out;
  for (const auto& r : conn.query(
           "SELECT c.id, c.journey_id, c.reason, c.detail, c.previous_status, "
           "COALESCE(u.name, ''), c.closed_at, c.reopened_at, COALESCE(v.name, ''), "
           "c.reopen_reason FROM journey_closures c LEFT JOIN users u ON u.id = c.closed_by LEFT "
           "JOIN users v ON v.id = c.reopened_by WHERE c.journey_id = $1 ORDER BY c.closed_at "
           "DESC, c.id DESC",
           {journey_id})) {
    out.push_back({.id = r.integer(0),
                   .journey_id = r.integer(1),
                   .reason = r.text(2),
                   .detail = r.text(3),
                   .previous_status = r.text(4),
                   .closed_by = r.text(5),
                   .closed_at = r.integer(6),
                   .reopened_at = r.opt_integer(7),
                   .reopened_by = r.text(8),
                   .reopen_reason = r.text(9)});
  }
  return out;
}

}  // namespace parcours::followup

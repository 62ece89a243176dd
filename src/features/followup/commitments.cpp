#include "features/followup/commitments.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/codes.h"
#include "core/text.h"
#include "features/followup/dates.h"

namespace parcours::followup {
namespace {

namespace json = boost::json;

constexpr std::size_t kMinText = 20;
constexpr std::size_t kMaxText = 10000;
constexpr int kMaxMonths = 36;

constexpr const char* kSelect =
    "SELECT c.id, c.journey_id, c.person_id, c.territory_id, c.kind, c.other_label, "
    "c.start_date, c.end_date, c.rights_and_duties, c.status, COALESCE(c.signature, ''), "
    "c.accepted_at, COALESCE(c.signed_on, ''), c.replaces_id, c.replaced_by_id, c.created_at, "
    "p.first_names, p.usage_name, p.birth_name FROM commitments c JOIN persons p ON p.id = "
    "c.person_id ";

Commitment from_row(const store::Row& r) {
  Commitment c;
  c.id = r.integer(0);
  c.journey_id = r.integer(1);
  c.person_id = r.integer(2);
  c.territory_id = r.integer(3);
  c.kind = r.text(4);
  c.other_label = r.text(5);
  c.start_date = r.text(6);
  c.end_date = r.text(7);
  c.rights_and_duties = r.text(8);
  c.status = r.text(9);
  c.signature = r.text(10);
  c.accepted_at = r.opt_integer(11);
  c.signed_on = r.text(12);
  c.replaces_id = r.opt_integer(13);
  c.replaced_by_id = r.opt_integer(14);
  c.created_at = r.integer(15);
  c.person_name = r.text(16) + " " + (r.text(17).empty() ? r.text(18) : r.text(17));
  return c;
}

std::vector<Commitment> list(store::Connection& conn, const std::string& where,
                             const store::Params& params) {
  std::vector<Commitment> out;
  for (const auto& r : conn.query(kSelect + where, params)) out.push_back(from_row(r));
  return out;
}

struct Valid {
  std::vector<std::int64_t> goals;
  std::string kind;
  std::string other_label;
  std::string start_date;
  std::string end_date;
  std::string text;
};

// Line endings as typed by browsers (CRLF) kept as LF: the text is shown with pre-line.
std::string normalise_text(const std::string& typed) {
  std::string out;
  out.reserve(typed.size());
  for (char c : typed) {
    if (c != '\r') out += c;
  }
  return text::trim(out);
}

Result<Valid> validate(const CommitmentForm& form) {
  Valid v;
  v.kind = text::trim(form.kind);
  const auto& kinds = commitment_kinds();
  if (std::find(kinds.begin(), kinds.end(), v.kind) == kinds.end()) {
    return fail(ErrorCode::kInvalid,
                "Type d’engagement : choisissez CER, PPAE, PACEA, CEJ ou un autre engagement.",
                "kind");
  }
  if (v.kind == "other") {
    v.other_label = text::trim(form.other_label);
    if (characters(v.other_label) < 3 || characters(v.other_label) > 100) {
      return fail(ErrorCode::kInvalid,
                  "Nom de l’engagement : indiquez son nom (3 à 100 caractères).", "other_label");
    }
  }
  auto start = parse_date(form.start_date);
  if (!start) {
    return fail(ErrorCode::kInvalid, "Date de début : indiquez une date au format jj/mm/aaaa.",
                "start_date");
  }
  auto end = parse_date(form.end_date);
  if (!end) {
    return fail(ErrorCode::kInvalid, "Date de fin : indiquez une date au format jj/mm/aaaa.",
                "end_date");
  }
  if (*end <= *start) {
    return fail(ErrorCode::kInvalid, "Date de fin : elle doit venir après la date de début.",
                "end_date");
  }
  if (*end > add_months(*start, kMaxMonths)) {
    return fail(ErrorCode::kInvalid,
                "Date de fin : un engagement dure au plus 36 mois ; renouvelez-le ensuite.",
                "end_date");
  }
  v.start_date = iso_date(*start);
  v.end_date = iso_date(*end);
  v.text = normalise_text(form.rights_and_duties);
  if (characters(v.text) < kMinText || characters(v.text) > kMaxText) {
    return fail(ErrorCode::kInvalid,
                "Droits et devoirs : écrivez les engagements de chacun (20 à 10 000 caractères).",
                "rights_and_duties");
  }
  return v;
}

// The goals typed, each a goal of the journey's plan that a commitment may cover.
Result<std::vector<std::int64_t>> validate_goals(store::Connection& conn, std::int64_t journey_id,
                                                 const std::vector<std::string>& typed) {
  std::vector<std::int64_t> ids;
  auto offered = available_goals(conn, journey_id);
  for (const auto& t : typed) {
    auto id = text::parse_id(t);
    bool known = id && std::any_of(offered.begin(), offered.end(),
                                   [&](const CommitmentGoal& g) { return g.id == *id; });
    if (!known) {
      return fail(ErrorCode::kInvalid,
                  "Objectifs : choisissez parmi les objectifs en cours du plan de la personne.",
                  "goals");
    }
    if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  return ids;
}

void store_goals(store::Connection& conn, std::int64_t commitment_id,
                 const std::vector<std::int64_t>& goals) {
  conn.execute("DELETE FROM commitment_goals WHERE commitment_id = $1", {commitment_id});
  for (std::int64_t goal : goals) {
    conn.execute("INSERT INTO commitment_goals (commitment_id, goal_id) VALUES ($1, $2)",
                 {commitment_id, goal});
  }
}

json::object payload_of(std::int64_t id, const Valid& v) {
  return {{"commitment_id", id},
          {"kind", v.kind},
          {"start_date", v.start_date},
          {"end_date", v.end_date}};
}

json::object payload_of(const Commitment& c) {
  return {{"commitment_id", c.id},
          {"kind", c.kind},
          {"start_date", c.start_date},
          {"end_date", c.end_date}};
}

Result<Commitment> load_for_change(store::Connection& conn, std::int64_t id) {
  auto c = find_commitment(conn, id);
  if (!c) return fail(ErrorCode::kNotFound, "Engagement introuvable.");
  return *c;
}

const char* kClosed = "Ce parcours est clos : ses engagements ne changent plus.";

Result<std::int64_t> insert(store::Connection& conn, const JourneyRow& journey, const Valid& v,
                            const Actor& actor, std::optional<std::int64_t> replaces) {
  std::int64_t now = now_seconds();
  std::int64_t id =
      conn.query_one(
              "INSERT INTO commitments (journey_id, person_id, territory_id, kind, other_label, "
              "start_date, end_date, rights_and_duties, status, replaces_id, created_by, "
              "organisation_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
              "'proposed', $9, $10, $11, $12, $12) RETURNING id",
              {journey.id, journey.person_id, journey.territory_id, v.kind, v.other_label,
               v.start_date, v.end_date, v.text, store::opt(replaces), actor.user_id,
               store::opt(actor.organisation_id), now})
          ->integer(0);
  store_goals(conn, id, v.goals);
  auto payload = payload_of(id, v);
  if (replaces) payload["replaces_id"] = *replaces;
  journal(conn, kCommitmentProposed, journey, actor, payload);
  return id;
}

}  // namespace

constexpr Code kKinds[] = {
    {"cer", "Contrat d’engagements réciproques (CER)"},
    {"ppae", "Projet personnalisé d’accès à l’emploi (PPAE)"},
    {"pacea", "Parcours d’accompagnement vers l’emploi et l’autonomie (PACEA)"},
    {"cej", "Contrat d’engagement jeune (CEJ)"},
    {"other", "Autre engagement"}};

constexpr Code kShortKinds[] = {
    {"cer", "CER"}, {"ppae", "PPAE"}, {"pacea", "PACEA"}, {"cej", "CEJ"}};

const std::vector<std::string>& commitment_kinds() {
  static const std::vector<std::string> kinds = codes_in(kKinds);
  return kinds;
}

const char* commitment_kind_label(std::string_view kind) {
  return label_in(kKinds, kind, "Autre engagement");
}

const char* commitment_kind_short(std::string_view kind) {
  return label_in(kShortKinds, kind, "Engagement");
}

std::string commitment_status_label(std::string_view status, bool expired) {
  if (status == "proposed") return "À signer";
  if (status == "signed") return expired ? "Expiré" : "Signé";
  if (status == "cancelled") return "Annulé";
  if (status == "replaced") return "Renouvelé";
  return "Inconnu";
}

const char* commitment_status_badge(std::string_view status, bool expired) {
  if (status == "proposed") return "fr-badge--new";
  if (status == "signed") return expired ? "fr-badge--warning" : "fr-badge--success";
  return "fr-badge--no-icon";
}

std::string Commitment::name() const {
  return kind == "other" && !other_label.empty() ? other_label : commitment_kind_short(kind);
}

bool Commitment::expired(std::int64_t day) const {
  auto end = parse_date(end_date);
  return status == "signed" && end && *end < day;
}

Result<void> check_commitment_transition(std::string_view from, std::string_view to) {
  if (from == "proposed" && (to == "signed" || to == "cancelled")) return {};
  if (from == "signed" && to == "replaced") return {};
  if (from == "proposed" && to == "replaced") {
    return fail(ErrorCode::kConflict,
                "Cet engagement n’est pas encore signé : modifiez-le plutôt que de le renouveler.");
  }
  if (from == "signed") {
    return fail(ErrorCode::kConflict,
                to == "signed" ? "Cet engagement est déjà signé."
                               : "Cet engagement est signé : il ne peut plus être annulé ; "
                                 "renouvelez-le pour le remplacer.");
  }
  if (from == "cancelled") {
    return fail(ErrorCode::kConflict, "Cet engagement a été annulé : il ne change plus.");
  }
  if (from == "replaced") {
    return fail(ErrorCode::kConflict,
                "Cet engagement a été renouvelé : c’est le nouvel engagement qui compte.");
  }
  return fail(ErrorCode::kConflict, "Ce changement d’état n’est pas possible.");
}

Result<std::int64_t> propose(store::Connection& conn, std::int64_t journey_id,
                             const CommitmentForm& form, const Actor& actor) {
  auto v = validate(form);
  if (!v) return std::unexpected(v.error());
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto journey = open_journey_row(conn, journey_id,
                                    "Ce parcours est clos : aucun engagement ne peut y être "
                                    "proposé.");
    if (!journey) return std::unexpected(journey.error());
    auto goals = validate_goals(conn, journey_id, form.goal_ids);
    if (!goals) return std::unexpected(goals.error());
    v->goals = *goals;
    return insert(conn, *journey, *v, actor, std::nullopt);
  });
}

Result<void> update_commitment(store::Connection& conn, std::int64_t id, const CommitmentForm& form,
                               const Actor& actor) {
  auto v = validate(form);
  if (!v) return std::unexpected(v.error());
  return atomically(conn, [&]() -> Result<void> {
    auto c = load_for_change(conn, id);
    if (!c) return std::unexpected(c.error());
    if (c->status != "proposed") {
      return fail(ErrorCode::kConflict,
                  c->status == "signed"
                      ? "Cet engagement est signé : il ne se modifie plus ; renouvelez-le."
                      : "Cet engagement ne se modifie plus.");
    }
    auto journey = open_journey_row(conn, c->journey_id, kClosed);
    if (!journey) return std::unexpected(journey.error());
    auto goals = validate_goals(conn, c->journey_id, form.goal_ids);
    if (!goals) return std::unexpected(goals.error());
    store_goals(conn, id, *goals);
    conn.execute(
        "UPDATE commitments SET kind = $2, other_label = $3, start_date = $4, end_date = $5, "
        "rights_and_duties = $6, updated_at = $7 WHERE id = $1",
        {id, v->kind, v->other_label, v->start_date, v->end_date, v->text, now_seconds()});
    journal(conn, kCommitmentUpdated, *journey, actor, payload_of(id, *v));
    return {};
  });
}

Result<void> accept_online(store::Connection& conn, std::int64_t id, std::int64_t person_id,
                           bool checked, std::int64_t now) {
  return atomically(conn, [&]() -> Result<void> {
    auto c = find_commitment(conn, id);
    if (!c || c->person_id != person_id) {
      return fail(ErrorCode::kNotFound, "Engagement introuvable.");
    }
    auto allowed = check_commitment_transition(c->status, "signed");
    if (!allowed) return allowed;
    auto journey = open_journey_row(conn, c->journey_id,
                                    "Votre parcours est clos : cet engagement ne peut plus être "
                                    "accepté.");
    if (!journey) return std::unexpected(journey.error());
    if (!checked) {
      return fail(ErrorCode::kInvalid,
                  "Acceptation : cochez la case « J’ai lu et j’accepte cet engagement » pour "
                  "l’accepter.",
                  "accept");
    }
    std::int64_t local = now + paris_offset_seconds(now);
    std::string day = iso_date(local / 86400);
    if (conn.execute("UPDATE commitments SET status = 'signed', signature = 'online', "
                     "accepted_at = $2, signed_on = $3, updated_at = $2 WHERE id = $1 AND "
                     "status = 'proposed'",
                     {id, now, day}) != 1) {
      return fail(ErrorCode::kConflict, "Cet engagement vient de changer : rechargez la page.");
    }
    auto payload = payload_of(*c);
    payload["accepted_at"] = now;
    journal_by_person(conn, kCommitmentAccepted, *journey, payload);
    return {};
  });
}

Result<void> record_paper_signature(store::Connection& conn, std::int64_t id,
                                    const std::string& signed_on, const Actor& actor) {
  return atomically(conn, [&]() -> Result<void> {
    auto c = load_for_change(conn, id);
    if (!c) return std::unexpected(c.error());
    auto allowed = check_commitment_transition(c->status, "signed");
    if (!allowed) return allowed;
    auto journey = open_journey_row(conn, c->journey_id, kClosed);
    if (!journey) return std::unexpected(journey.error());
    auto day = parse_date(signed_on);
    if (!day) {
      return fail(ErrorCode::kInvalid,
                  "Date de signature : indiquez une date au format jj/mm/aaaa.", "signed_on");
    }
    if (*day > today()) {
      return fail(ErrorCode::kInvalid, "Date de signature : elle ne peut pas être dans le futur.",
                  "signed_on");
    }
    std::int64_t created_local = c->created_at + paris_offset_seconds(c->created_at);
    if (*day < created_local / 86400 - 366) {
      return fail(ErrorCode::kInvalid,
                  "Date de signature : elle ne peut pas précéder de plus d’un an la rédaction "
                  "de l’engagement.",
                  "signed_on");
    }
    conn.execute(
        "UPDATE commitments SET status = 'signed', signature = 'paper', signed_on = $2, "
        "signature_recorded_by = $3, updated_at = $4 WHERE id = $1",
        {id, iso_date(*day), actor.user_id, now_seconds()});
    auto payload = payload_of(*c);
    payload["signed_on"] = iso_date(*day);
    journal(conn, kCommitmentSigned, *journey, actor, payload);
    return {};
  });
}

Result<void> cancel_commitment(store::Connection& conn, std::int64_t id, const Actor& actor) {
  return atomically(conn, [&]() -> Result<void> {
    auto c = load_for_change(conn, id);
    if (!c) return std::unexpected(c.error());
    auto allowed = check_commitment_transition(c->status, "cancelled");
    if (!allowed) return allowed;
    auto journey = open_journey_row(conn, c->journey_id, kClosed);
    if (!journey) return std::unexpected(journey.error());
    conn.execute("UPDATE commitments SET status = 'cancelled', updated_at = $2 WHERE id = $1",
                 {id, now_seconds()});
    journal(conn, kCommitmentCancelled, *journey, actor, payload_of(*c));
    return {};
  });
}

Result<std::int64_t> renew(store::Connection& conn, std::int64_t id, const CommitmentForm& form,
                           const Actor& actor) {
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto c = load_for_change(conn, id);
    if (!c) return std::unexpected(c.error());
    auto allowed = check_commitment_transition(c->status, "replaced");
    if (!allowed) return std::unexpected(allowed.error());
    auto v = validate(form);
    if (!v) return std::unexpected(v.error());
    auto journey = open_journey_row(conn, c->journey_id, kClosed);
    if (!journey) return std::unexpected(journey.error());
    auto goals = validate_goals(conn, c->journey_id, form.goal_ids);
    if (!goals) return std::unexpected(goals.error());
    v->goals = *goals;
    auto created = insert(conn, *journey, *v, actor, c->id);
    if (!created) return created;
    conn.execute(
        "UPDATE commitments SET status = 'replaced', replaced_by_id = $2, updated_at = $3 WHERE "
        "id = $1",
        {id, *created, now_seconds()});
    return created;
  });
}

std::optional<Commitment> find_commitment(store::Connection& conn, std::int64_t id) {
  auto rows = list(conn, "WHERE c.id = $1", {id});
  if (rows.empty()) return std::nullopt;
  for (const auto& r : conn.query(
           "SELECT g.id, g.title FROM commitment_goals cg JOIN plan_goals g ON g.id = cg.goal_id "
           "WHERE cg.commitment_id = $1 ORDER BY g.created_at, g.id",
           {id})) {
    rows.front().goals.push_back({r.integer(0), r.text(1)});
  }
  return rows.front();
}

std::vector<CommitmentGoal> available_goals(store::Connection& conn, std::int64_t journey_id) {
  std::vector<CommitmentGoal> out;
  for (const auto& r : conn.query("SELECT id, title FROM plan_goals WHERE journey_id = $1 AND "
                                  "status IN ('active', 'reached') ORDER BY created_at, id",
                                  {journey_id})) {
    out.push_back({r.integer(0), r.text(1)});
  }
  return out;
}

std::vector<Commitment> commitments_of_journey(store::Connection& conn, std::int64_t journey_id) {
  return list(conn, "WHERE c.journey_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT 100",
              {journey_id});
}

std::vector<Commitment> commitments_of_person(store::Connection& conn, std::int64_t person_id) {
  return list(conn, "WHERE c.person_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT 100",
              {person_id});
}

std::vector<Commitment> expiring_for_referent(store::Connection& conn, std::int64_t user_id,
                                              std::int64_t day) {
  return list(conn,
              "JOIN journeys j ON j.id = c.journey_id AND j.status <> 'closed' JOIN "
              "journey_members m ON m.journey_id = c.journey_id AND m.role = 'referent' AND "
              "m.left_at IS NULL WHERE c.status = 'signed' AND c.end_date <= $2 AND m.user_id = "
              "$1 ORDER BY c.end_date, c.id LIMIT 500",
              {user_id, iso_date(day + kExpiryWarningDays)});
}

std::vector<Commitment> expiring_for_organisation(store::Connection& conn,
                                                  std::int64_t organisation_id, std::int64_t day) {
  return list(conn,
              "JOIN journeys j ON j.id = c.journey_id AND j.status <> 'closed' JOIN "
              "journey_members m ON m.journey_id = c.journey_id AND m.role = 'referent' AND "
              "m.left_at IS NULL WHERE c.status = 'signed' AND c.end_date <= $2 AND "
              "m.organisation_id = $1 ORDER BY c.end_date, c.id LIMIT 500",
              {organisation_id, iso_date(day + kExpiryWarningDays)});
}

CommitmentForm form_of(const Commitment& c) {
  CommitmentForm f{.kind = c.kind,
                   .other_label = c.other_label,
                   .start_date = c.start_date,
                   .end_date = c.end_date,
                   .rights_and_duties = c.rights_and_duties};
  for (const auto& g : c.goals) f.goal_ids.push_back(std::to_string(g.id));
  return f;
}

}  // namespace parcours::followup

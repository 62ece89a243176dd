#include "features/followup/outcomes.h"

#include <algorithm>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/codes.h"
#include "core/text.h"
#include "features/followup/dates.h"
#include "features/organisations/siret.h"

namespace parcours::followup {
namespace {

namespace json = boost::json;

constexpr const char* kSelect =
    "SELECT o.id, o.journey_id, o.person_id, o.territory_id, o.kind, o.title, "
    "COALESCE(o.contract, ''), o.hours_per_week, o.start_date, COALESCE(o.end_date, ''), "
    "o.employer_name, COALESCE(o.employer_siret, ''), o.contact_name, o.contact_phone, "
    "o.contact_email, COALESCE(o.followup_until, ''), COALESCE(o.next_checkin_on, ''), "
    "o.created_at, p.first_names, p.usage_name, p.birth_name FROM outcomes o JOIN persons p ON "
    "p.id = o.person_id ";

Outcome from_row(const store::Row& r) {
  Outcome o;
  o.id = r.integer(0);
  o.journey_id = r.integer(1);
  o.person_id = r.integer(2);
  o.territory_id = r.integer(3);
  o.kind = r.text(4);
  o.title = r.text(5);
  o.contract = r.text(6);
  o.hours_per_week = r.opt_integer(7);
  o.start_date = r.text(8);
  o.end_date = r.text(9);
  o.employer_name = r.text(10);
  o.employer_siret = r.text(11);
  o.contact_name = r.text(12);
  o.contact_phone = r.text(13);
  o.contact_email = r.text(14);
  o.followup_until = r.text(15);
  o.next_checkin_on = r.text(16);
  o.created_at = r.integer(17);
  o.person_name = r.text(18) + " " + (r.text(19).empty() ? r.text(20) : r.text(19));
  return o;
}

std::vector<Outcome> list(store::Connection& conn, const std::string& where,
                          const store::Params& params) {
  std::vector<Outcome> out;
  for (const auto& r : conn.query(kSelect + where, params)) out.push_back(from_row(r));
  return out;
}

bool in(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

Result<std::string> bounded(const std::string& typed, std::size_t max, const char* message,
                            const char* field) {
  std::string value = text::trim(typed);
  if (characters(value) > max) return fail(ErrorCode::kInvalid, message, field);
  return value;
}

Result<std::string> validate_phone(const std::string& typed) {
  std::string phone = text::trim(typed);
  if (phone.empty()) return phone;
  int digits = 0;
  for (char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (std::string_view(" +.-()").find(c) == std::string_view::npos) {
      digits = -100;
    }
  }
  if (digits < 10 || digits > 15) {
    return fail(ErrorCode::kInvalid,
                "Téléphone du contact : indiquez un numéro de téléphone, par exemple "
                "03 24 00 00 00.",
                "contact_phone");
  }
  return phone;
}

Result<std::string> validate_email(const std::string& typed) {
  std::string email = text::trim(typed);
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (email.empty()) return email;
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
      email.back() == '.' || email.size() > 254 ||
      email.find_first_of(" \t<>\",;") != std::string::npos) {
    return fail(ErrorCode::kInvalid,
                "Courriel du contact : indiquez une adresse de la forme nom@exemple.fr.",
                "contact_email");
  }
  return email;
}

// The next check-in expected after `last` (a check-in's day, or nothing yet) of a follow-up
// from `start` to `until`; nothing once the follow-up is over.
std::optional<std::int64_t> next_checkin(std::int64_t start, std::int64_t until,
                                         std::optional<std::int64_t> last) {
  if (last && *last >= until) return std::nullopt;
  std::int64_t next = last ? *last + kCheckinEveryDays : start + kFirstCheckinDays;
  return std::min(next, until);
}

std::optional<std::int64_t> last_checkin(store::Connection& conn, std::int64_t outcome_id) {
  auto row = conn.query_one("SELECT MAX(checkin_date) FROM outcome_checkins WHERE outcome_id = $1",
                            {outcome_id});
  if (!row || row->is_null(0)) return std::nullopt;
  return parse_date(row->text(0));
}

std::string iso_or_empty(std::optional<std::int64_t> day) {
  return day ? iso_date(*day) : std::string();
}

const char* kClosed = "Ce parcours est clos : son suivi ne change plus.";

}  // namespace

constexpr Code kKinds[] = {{"job", "Emploi"},
                           {"training", "Formation"},
                           {"business", "Création d’entreprise"},
                           {"other", "Autre sortie"}};

constexpr Code kContracts[] = {{"cdi", "CDI"},
                               {"cdd", "CDD"},
                               {"interim", "Intérim"},
                               {"iae", "Contrat aidé ou insertion par l’activité économique (IAE)"},
                               {"alternance", "Alternance (apprentissage, professionnalisation)"},
                               {"other", "Autre contrat"}};

constexpr Code kWithWhom[] = {{"person", "Avec la personne"}, {"employer", "Avec l’employeur"}};

const std::vector<std::string>& outcome_kinds() {
  static const std::vector<std::string> kinds = codes_in(kKinds);
  return kinds;
}

const char* outcome_kind_label(std::string_view kind) { return label_in(kKinds, kind, "Sortie"); }

const std::vector<std::string>& contract_kinds() {
  static const std::vector<std::string> kinds = codes_in(kContracts);
  return kinds;
}

const char* contract_label(std::string_view c) { return label_in(kContracts, c); }

const char* with_whom_label(std::string_view who) { return label_in(kWithWhom, who); }

Result<std::string> validate_siret(std::string_view typed) {
  std::string siret = organisations::normalise_siret(text::trim(typed));
  if (siret.empty()) return siret;
  if (siret.size() != 14 || !text::all_digits(siret)) {
    return fail(ErrorCode::kInvalid,
                "SIRET de l’employeur : indiquez les 14 chiffres du numéro, ou laissez le champ "
                "vide.",
                "employer_siret");
  }
  if (!organisations::is_valid_siret(siret)) {
    return fail(ErrorCode::kInvalid,
                "SIRET de l’employeur : ce numéro n’existe pas (sa clé de contrôle est fausse) ; "
                "vérifiez-le ou laissez le champ vide.",
                "employer_siret");
  }
  return siret;
}

Result<std::int64_t> record_outcome(store::Connection& conn, std::int64_t journey_id,
                                    const OutcomeForm& form, const Actor& actor) {
  std::string kind = text::trim(form.kind);
  if (!in(outcome_kinds(), kind)) {
    return fail(ErrorCode::kInvalid,
                "Type de sortie : choisissez emploi, formation, création d’entreprise ou autre.",
                "kind");
  }
  bool job = kind == "job";
  std::string title = text::trim(form.title);
  if (characters(title) < 2 || characters(title) > 200) {
    return fail(ErrorCode::kInvalid,
                job ? "Poste : indiquez l’intitulé du poste (2 à 200 caractères)."
                    : "Intitulé : décrivez la sortie en quelques mots (2 à 200 caractères).",
                "title");
  }
  std::string contract;
  std::optional<std::int64_t> hours;
  if (job) {
    contract = text::trim(form.contract);
    if (!in(contract_kinds(), contract)) {
      return fail(ErrorCode::kInvalid,
                  "Type de contrat : choisissez CDI, CDD, intérim, contrat aidé ou IAE, "
                  "alternance ou autre.",
                  "contract");
    }
    std::string h = text::trim(form.hours_per_week);
    if (h.empty() || h.size() > 2 || !text::all_digits(h) || std::stoi(h) < 1 ||
        std::stoi(h) > 48) {
      return fail(ErrorCode::kInvalid,
                  "Heures par semaine : indiquez un nombre d’heures de 1 à 48, par exemple 35.",
                  "hours_per_week");
    }
    hours = std::stoi(h);
  }
  auto start = parse_date(form.start_date);
  if (!start) {
    return fail(ErrorCode::kInvalid, "Date de début : indiquez une date au format jj/mm/aaaa.",
                "start_date");
  }
  std::optional<std::int64_t> end;
  if (!text::trim(form.end_date).empty()) {
    end = parse_date(form.end_date);
    if (!end) {
      return fail(ErrorCode::kInvalid,
                  "Date de fin : indiquez une date au format jj/mm/aaaa, ou laissez le champ vide.",
                  "end_date");
    }
    if (*end < *start) {
      return fail(ErrorCode::kInvalid, "Date de fin : elle doit venir après la date de début.",
                  "end_date");
    }
  }
  auto employer =
      bounded(form.employer_name, 200, "Employeur : 200 caractères au plus.", "employer_name");
  if (!employer) return std::unexpected(employer.error());
  if (job && characters(*employer) < 2) {
    return fail(ErrorCode::kInvalid, "Employeur : indiquez le nom de l’employeur.",
                "employer_name");
  }
  auto siret = validate_siret(form.employer_siret);
  if (!siret) return std::unexpected(siret.error());
  auto contact_name = bounded(form.contact_name, 200,
                              "Contact chez l’employeur : 200 caractères au plus.", "contact_name");
  if (!contact_name) return std::unexpected(contact_name.error());
  auto phone = validate_phone(form.contact_phone);
  if (!phone) return std::unexpected(phone.error());
  auto email = validate_email(form.contact_email);
  if (!email) return std::unexpected(email.error());
  std::optional<std::int64_t> until;
  if (job) {
    until = add_months(*start, kFollowupMonths);
    if (!text::trim(form.followup_until).empty()) {
      until = parse_date(form.followup_until);
      if (!until) {
        return fail(ErrorCode::kInvalid,
                    "Fin du suivi : indiquez une date au format jj/mm/aaaa, ou laissez le champ "
                    "vide pour 6 mois.",
                    "followup_until");
      }
      if (*until < *start || *until > add_months(*start, 24)) {
        return fail(ErrorCode::kInvalid,
                    "Fin du suivi : choisissez une date entre le début de l’emploi et 24 mois "
                    "après.",
                    "followup_until");
      }
    }
  }
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto journey = open_journey_row(conn, journey_id,
                                    "Ce parcours est clos : aucune sortie ne peut y être "
                                    "enregistrée.");
    if (!journey) return std::unexpected(journey.error());
    std::optional<std::int64_t> next;
    if (until) next = next_checkin(*start, *until, std::nullopt);
    std::int64_t now = now_seconds();
    std::int64_t id =
        conn.query_one(
                "INSERT INTO outcomes (journey_id, person_id, territory_id, kind, title, "
                "contract, hours_per_week, start_date, end_date, employer_name, employer_siret, "
                "contact_name, contact_phone, contact_email, followup_until, next_checkin_on, "
                "created_by, organisation_id, created_at, updated_at) VALUES ($1, $2, $3, $4, "
                "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19) "
                "RETURNING id",
                {journey->id, journey->person_id, journey->territory_id, kind, title,
                 contract.empty() ? store::Value(nullptr) : store::Value(contract),
                 store::opt(hours), iso_date(*start),
                 end ? store::Value(iso_date(*end)) : store::Value(nullptr), *employer,
                 siret->empty() ? store::Value(nullptr) : store::Value(*siret), *contact_name,
                 *phone, *email, until ? store::Value(iso_date(*until)) : store::Value(nullptr),
                 next ? store::Value(iso_date(*next)) : store::Value(nullptr), actor.user_id,
                 store::opt(actor.organisation_id), now})
            ->integer(0);
    json::object payload{{"outcome_id", id}, {"kind", kind}, {"start_date", iso_date(*start)}};
    if (end) payload["end_date"] = iso_date(*end);  // the statistics' "lasting job"
    if (job) {
      payload["contract"] = contract;
      payload["hours_per_week"] = *hours;
      payload["followup_until"] = iso_date(*until);
    }
    journal(conn, kOutcomeRecorded, *journey, actor, payload);
    return id;
  });
}

Result<void> change_followup_end(store::Connection& conn, std::int64_t outcome_id,
                                 const std::string& typed, const Actor& actor) {
  return atomically(conn, [&]() -> Result<void> {
    auto o = find_outcome(conn, outcome_id);
    if (!o) return fail(ErrorCode::kNotFound, "Sortie introuvable.");
    if (!o->followed()) {
      return fail(ErrorCode::kConflict, "Seul un emploi a un suivi dans l’emploi.",
                  "followup_until");
    }
    auto journey = open_journey_row(conn, o->journey_id, kClosed);
    if (!journey) return std::unexpected(journey.error());
    auto until = parse_date(typed);
    if (!until) {
      return fail(ErrorCode::kInvalid, "Fin du suivi : indiquez une date au format jj/mm/aaaa.",
                  "followup_until");
    }
    std::int64_t start = *parse_date(o->start_date);
    if (*until < start || *until > add_months(start, 24)) {
      return fail(ErrorCode::kInvalid,
                  "Fin du suivi : choisissez une date entre le début de l’emploi et 24 mois "
                  "après.",
                  "followup_until");
    }
    std::optional<std::int64_t> next;
    if (*until > today()) next = next_checkin(start, *until, last_checkin(conn, o->id));
    conn.execute(
        "UPDATE outcomes SET followup_until = $2, next_checkin_on = $3, updated_at = $4 WHERE "
        "id = $1",
        {o->id, iso_date(*until), next ? store::Value(iso_date(*next)) : store::Value(nullptr),
         now_seconds()});
    journal(conn, kFollowupChanged, *journey, actor,
            {{"outcome_id", o->id},
             {"followup_until", iso_date(*until)},
             {"ended", !next.has_value()}});
    return {};
  });
}

Result<std::int64_t> add_checkin(store::Connection& conn, std::int64_t outcome_id,
                                 const CheckinForm& form, const Actor& actor) {
  auto day = parse_date(form.date);
  if (!day) {
    return fail(ErrorCode::kInvalid, "Date du point : indiquez une date au format jj/mm/aaaa.",
                "date");
  }
  if (*day > today()) {
    return fail(ErrorCode::kInvalid,
                "Date du point : notez un échange qui a eu lieu, aujourd’hui ou avant.", "date");
  }
  std::string who = text::trim(form.with_whom);
  if (who != "person" && who != "employer") {
    return fail(ErrorCode::kInvalid,
                "Avec qui : choisissez la personne ou le contact chez l’employeur.", "with_whom");
  }
  std::string note = text::trim(form.note);
  if (characters(note) < 2 || characters(note) > 2000) {
    return fail(ErrorCode::kInvalid,
                "Compte rendu : résumez l’échange en quelques mots (2 à 2 000 caractères).",
                "note");
  }
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto o = find_outcome(conn, outcome_id);
    if (!o) return fail(ErrorCode::kNotFound, "Sortie introuvable.");
    if (!o->followed()) {
      return fail(ErrorCode::kConflict, "Seul un emploi a un suivi dans l’emploi.", "date");
    }
    auto journey = open_journey_row(conn, o->journey_id, kClosed);
    if (!journey) return std::unexpected(journey.error());
    std::int64_t start = *parse_date(o->start_date);
    if (*day < start) {
      return fail(ErrorCode::kInvalid,
                  "Date du point : le suivi commence avec l’emploi, le " + french_date(start) + ".",
                  "date");
    }
    std::int64_t id =
        conn.query_one(
                "INSERT INTO outcome_checkins (outcome_id, journey_id, checkin_date, with_whom, "
                "note, created_by, organisation_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, "
                "$7, $8) RETURNING id",
                {o->id, o->journey_id, iso_date(*day), who, note, actor.user_id,
                 store::opt(actor.organisation_id), now_seconds()})
            ->integer(0);
    std::int64_t until = *parse_date(o->followup_until);
    std::optional<std::int64_t> next;
    if (!o->next_checkin_on.empty()) next = next_checkin(start, until, last_checkin(conn, o->id));
    conn.execute(
        "UPDATE outcomes SET next_checkin_on = $2, updated_at = $3 WHERE id = $1",
        {o->id, next ? store::Value(iso_date(*next)) : store::Value(nullptr), now_seconds()});
    journal(
        conn, kCheckinAdded, *journey, actor,
        {{"outcome_id", o->id}, {"checkin_id", id}, {"date", iso_date(*day)}, {"with_whom", who}});
    return id;
  });
}

std::optional<Outcome> find_outcome(store::Connection& conn, std::int64_t id) {
  auto rows = list(conn, "WHERE o.id = $1", {id});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Outcome> outcomes_of_journey(store::Connection& conn, std::int64_t journey_id) {
  return list(conn, "WHERE o.journey_id = $1 ORDER BY o.start_date DESC, o.id DESC LIMIT 100",
              {journey_id});
}

std::vector<Checkin> checkins_of(store::Connection& conn, std::int64_t outcome_id) {
  std::vector<Checkin> out;
  for (const auto& r : conn.query(
           "SELECT c.id, c.outcome_id, c.checkin_date, c.with_whom, c.note, COALESCE(u.name, ''), "
           "c.created_at FROM outcome_checkins c LEFT JOIN users u ON u.id = c.created_by WHERE "
           "c.outcome_id = $1 ORDER BY c.checkin_date DESC, c.id DESC LIMIT 200",
           {outcome_id})) {
    out.push_back({.id = r.integer(0),
                   .outcome_id = r.integer(1),
                   .date = r.text(2),
                   .with_whom = r.text(3),
                   .note = r.text(4),
                   .author = r.text(5),
                   .created_at = r.integer(6)});
  }
  return out;
}

std::vector<Outcome> followups_due_for_referent(store::Connection& conn, std::int64_t user_id,
                                                std::int64_t day) {
  return list(conn,
              "JOIN journeys j ON j.id = o.journey_id AND j.status <> 'closed' JOIN "
              "journey_members m ON m.journey_id = o.journey_id AND m.role = 'referent' AND "
              "m.left_at IS NULL WHERE o.next_checkin_on IS NOT NULL AND o.next_checkin_on <= $2 "
              "AND m.user_id = $1 ORDER BY o.next_checkin_on, o.id LIMIT 500",
              {user_id, iso_date(day + kDueWithinDays)});
}

std::vector<Outcome> followups_due_for_organisation(store::Connection& conn,
                                                    std::int64_t organisation_id,
                                                    std::int64_t day) {
  return list(conn,
              "JOIN journeys j ON j.id = o.journey_id AND j.status <> 'closed' JOIN "
              "journey_members m ON m.journey_id = o.journey_id AND m.role = 'referent' AND "
              "m.left_at IS NULL WHERE o.next_checkin_on IS NOT NULL AND o.next_checkin_on <= $2 "
              "AND m.organisation_id = $1 ORDER BY o.next_checkin_on, o.id LIMIT 500",
              {organisation_id, iso_date(day + kDueWithinDays)});
}

}  // namespace parcours::followup

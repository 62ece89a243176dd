#include "features/people/journeys.h"

#include "core/atomic.h"
#include "core/clock.h"
#include "core/text.h"
#include "features/people/events.h"
#include "features/people/matching.h"
#include "features/people/nir_protection.h"
#include "features/people/team.h"

namespace parcours::people {
namespace {

constexpr std::size_t kMaxNeedLength = 2000;

constexpr const char* kSelect =
    "SELECT j.id, j.person_id, j.territory_id, t.name, j.status, j.entry, j.need, j.opened_by, "
    "j.opened_by_organisation_id, j.opened_at, j.closed_at, COALESCE(j.close_reason, ''), "
    "j.transferred_to, j.last_activity_at FROM journeys j JOIN territories t ON "
    "t.id = j.territory_id";

Journey from_row(const store::Row& r) {
  return {.id = r.integer(0),
          .person_id = r.integer(1),
          .territory_id = r.integer(2),
          .territory_name = r.text(3),
          .status = r.text(4),
          .entry = r.text(5),
          .need = r.text(6),
          .opened_by = r.opt_integer(7),
          .opened_by_organisation_id = r.opt_integer(8),
          .opened_at = r.integer(9),
          .closed_at = r.opt_integer(10),
          .close_reason = r.text(11),
          .transferred_to = r.opt_integer(12),
          .last_activity_at = r.integer(13)};
}

std::optional<Journey> one(store::Connection& conn, const std::string& where,
                           const store::Params& params) {
  auto row = conn.query_one(std::string(kSelect) + " WHERE " + where, params);
  if (!row) return std::nullopt;
  return from_row(*row);
}

}  // namespace

const char* entry_code(Entry entry) {
  switch (entry) {
    case Entry::kProfessional:
      return "professional";
    case Entry::kPublicForm:
      return "public_form";
    case Entry::kImport:
      return "import";
    case Entry::kTransfer:
      return "transfer";
  }
  return "";
}

const char* entry_label(Entry entry) {
  switch (entry) {
    case Entry::kProfessional:
      return "Ouvert par un professionnel";
    case Entry::kPublicForm:
      return "Demande en ligne de la personne";
    case Entry::kImport:
      return "Import de fichier";
    case Entry::kTransfer:
      return "Transfert depuis un autre territoire";
  }
  return "";
}

std::optional<Entry> parse_entry(std::string_view code) {
  for (Entry e : {Entry::kProfessional, Entry::kPublicForm, Entry::kImport, Entry::kTransfer}) {
    if (code == entry_code(e)) return e;
  }
  return std::nullopt;
}

const char* journey_status_label(std::string_view status) {
  if (status == "to_orient") return "À orienter";
  if (status == "oriented") return "Orienté";
  if (status == "accompanied") return "Accompagné";
  if (status == "closed") return "Clos";
  return "Inconnu";
}

std::optional<Journey> find_journey(store::Connection& conn, std::int64_t id) {
  return one(conn, "j.id = $1", {id});
}

std::optional<Journey> active_journey(store::Connection& conn, std::int64_t person_id,
                                      std::int64_t territory_id) {
  return one(conn, "j.person_id = $1 AND j.territory_id = $2 AND j.status <> 'closed'",
             {person_id, territory_id});
}

std::optional<Journey> journey_in(store::Connection& conn, std::int64_t person_id,
                                  std::int64_t territory_id) {
  if (auto active = active_journey(conn, person_id, territory_id)) return active;
  return one(conn,
             "j.person_id = $1 AND j.territory_id = $2 ORDER BY j.opened_at DESC, j.id DESC "
             "LIMIT 1",
             {person_id, territory_id});
}

std::vector<Journey> journeys_of(store::Connection& conn, std::int64_t person_id) {
  std::vector<Journey> out;
  for (const auto& row :
       conn.query(std::string(kSelect) + " WHERE j.person_id = $1 ORDER BY j.opened_at DESC, "
                                         "j.id DESC",
                  {person_id})) {
    out.push_back(from_row(row));
  }
  return out;
}

Result<std::int64_t> open_journey(store::Connection& conn, const NewJourney& nj) {
  auto conflict = [] {
    return fail(ErrorCode::kConflict,
                "Cette personne a déjà un parcours en cours dans ce territoire.");
  };
  try {
    return atomically(conn, [&]() -> Result<std::int64_t> {
      auto person = find_person(conn, nj.person_id);
      if (!person || person->merged_into) {
        return fail(ErrorCode::kNotFound, "Personne introuvable.");
      }
      if (active_journey(conn, nj.person_id, nj.territory_id)) return conflict();
      std::int64_t now = now_seconds();
      auto row = conn.query_one(
          "INSERT INTO journeys (person_id, territory_id, status, entry, need, opened_by, "
          "opened_by_organisation_id, opened_at, last_activity_at) VALUES ($1, $2, $3, $4, $5, "
          "$6, $7, $8, $8) RETURNING id",
          {nj.person_id, nj.territory_id, nj.status, entry_code(nj.entry), nj.need,
           store::opt(nj.opened_by), store::opt(nj.organisation_id), now});
      std::int64_t id = row->integer(0);
      boost::json::object payload{{"journey_id", id}, {"entry", entry_code(nj.entry)}};
      if (nj.organisation_id) payload["actor_organisation_id"] = *nj.organisation_id;
      if (nj.from_territory_id) payload["from_territory_id"] = *nj.from_territory_id;
      append_person_event(conn, kJourneyOpened, nj.person_id, nj.territory_id, nj.opened_by,
                          payload);
      // The terms are filed under the person's territory and those of their open journeys: a
      // journey in the person's own territory changes nothing (an import opens thousands).
      if (nj.territory_id != person->territory_id) sync_terms(conn, nj.person_id);
      if (nj.opened_by && nj.organisation_id) {
        auto joined = add_member(conn, {.journey_id = id,
                                        .user_id = *nj.opened_by,
                                        .organisation_id = *nj.organisation_id,
                                        .via = "opening"});
        if (!joined) return std::unexpected(joined.error());
      }
      return id;
    });
  } catch (const store::StoreError& e) {
    if (!e.unique_violation()) throw;
    return conflict();
  }
}

void touch_journey(store::Connection& conn, std::int64_t journey_id) {
  conn.execute("UPDATE journeys SET last_activity_at = $2 WHERE id = $1",
               {journey_id, now_seconds()});
}

std::optional<std::int64_t> territory_of_commune(store::Connection& conn,
                                                 std::string_view commune_code) {
  auto row = conn.query_one(
      "SELECT td.territory_id FROM communes c JOIN territory_departements td ON "
      "td.departement_code = c.departement_code WHERE c.code = $1",
      {std::string(commune_code)});
  if (!row) return std::nullopt;
  return row->integer(0);
}

Result<std::int64_t> transfer_journey(store::Connection& conn, std::int64_t journey_id,
                                      std::int64_t to_territory_id, const TeamActor& actor) {
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto journey = find_journey(conn, journey_id);
    if (!journey) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
    if (!journey->active()) return fail(ErrorCode::kConflict, "Ce parcours est déjà clos.");
    auto territory =
        conn.query_one("SELECT name FROM territories WHERE id = $1", {to_territory_id});
    if (!territory || to_territory_id == journey->territory_id) {
      return fail(ErrorCode::kInvalid, "Choisissez un autre territoire que celui du parcours.",
                  "territory_id");
    }
    if (active_journey(conn, journey->person_id, to_territory_id)) {
      return fail(ErrorCode::kConflict,
                  "Cette personne a déjà un parcours en cours dans le territoire " +
                      territory->text(0) + ".");
    }
    std::int64_t now = now_seconds();
    auto opened = open_journey(conn, {.person_id = journey->person_id,
                                      .territory_id = to_territory_id,
                                      .entry = Entry::kTransfer,
                                      .need = journey->need,
                                      .from_territory_id = journey->territory_id});
    if (!opened) return std::unexpected(opened.error());
    conn.execute(
        "UPDATE journeys SET status = 'closed', closed_at = $2, close_reason = 'transfer', "
        "transferred_to = $3, last_activity_at = $2 WHERE id = $1",
        {journey_id, now, *opened});
    conn.execute(
        "UPDATE journey_members SET left_at = $2, left_reason = $3 WHERE journey_id = $1 AND "
        "left_at IS NULL",
        {journey_id, now, "Transfert vers le territoire " + territory->text(0)});
    conn.execute("UPDATE persons SET territory_id = $2, updated_at = $3 WHERE id = $1",
                 {journey->person_id, to_territory_id, now});
    boost::json::object payload{{"journey_id", journey_id},
                                {"to_journey_id", *opened},
                                {"to_territory_id", to_territory_id}};
    if (actor.organisation_id) payload["actor_organisation_id"] = *actor.organisation_id;
    append_person_event(conn, kJourneyTransferred, journey->person_id, journey->territory_id,
                        actor.user_id, payload);
    sync_terms(conn, journey->person_id);
    return *opened;
  });
}

Result<std::string> validate_need(std::string_view need, std::string_view field) {
  std::string value = text::trim(need);
  if (value.empty()) {
    return fail(ErrorCode::kInvalid, "Dites-nous en quelques mots ce dont vous avez besoin.",
                std::string(field));
  }
  if (value.size() > kMaxNeedLength) {
    return fail(ErrorCode::kInvalid, "Votre message ne doit pas dépasser 2 000 caractères.",
                std::string(field));
  }
  return value;
}

Result<RequestOutcome> request_accompaniment(store::Connection& conn, std::int64_t territory_id,
                                             const PersonForm& form, const std::string& need) {
  auto identity = validate_identity(form.identity);
  if (!identity) return std::unexpected(identity.error());
  auto contact = validate_contact(conn, form.contact);
  if (!contact) return std::unexpected(contact.error());
  auto valid_need = validate_need(need);
  if (!valid_need) return std::unexpected(valid_need.error());
  Candidate candidate = candidate_of(conn, territory_id, *identity, *contact);
  return atomically(conn, [&]() -> Result<RequestOutcome> {
    RequestOutcome outcome;
    if (auto same = find_strong_match(conn, candidate)) {
      outcome.person_id = same->person_id;
    } else {
      auto created = create_person(conn, territory_id, form, Provenance::public_form());
      if (!created) return std::unexpected(created.error());
      outcome.person_id = *created;
      outcome.person_created = true;
    }
    if (auto existing = active_journey(conn, outcome.person_id, territory_id)) {
      outcome.journey_id = existing->id;
      append_person_event(conn, kRequestReceived, outcome.person_id, territory_id, std::nullopt,
                          {{"journey_id", existing->id}, {"by", "person"}});
      touch_journey(conn, existing->id);
      return outcome;
    }
    auto opened = open_journey(conn, {.person_id = outcome.person_id,
                                      .territory_id = territory_id,
                                      .entry = Entry::kPublicForm,
                                      .need = *valid_need});
    if (!opened) return std::unexpected(opened.error());
    outcome.journey_id = *opened;
    outcome.journey_created = true;
    return outcome;
  });
}

}  // namespace parcours::people

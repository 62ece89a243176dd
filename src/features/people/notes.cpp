#include "features/people/notes.h"

#include <boost/json.hpp>
#include <map>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/text.h"
#include "features/people/events.h"
#include "features/people/journeys.h"
#include "features/people/timeline.h"

namespace parcours::people {
namespace {

constexpr std::size_t kMaxBody = 5000;

constexpr const char* kSelect =
    "SELECT n.id, n.journey_id, n.author_id, u.name, n.organisation_id, COALESCE(o.name, ''), "
    "n.visibility, n.body, n.corrects_id, (SELECT MAX(c.id) FROM notes c WHERE "
    "c.corrects_id = n.id), n.created_at FROM notes n JOIN users u ON u.id = n.author_id "
    "LEFT JOIN organisations o ON o.id = n.organisation_id";

Note from_row(const store::Row& r) {
  return {.id = r.integer(0),
          .journey_id = r.integer(1),
          .author_id = r.integer(2),
          .author_name = r.text(3),
          .organisation_id = r.opt_integer(4),
          .organisation_name = r.text(5),
          .visibility = r.text(6),
          .body = r.text(7),
          .corrects_id = r.opt_integer(8),
          .corrected_by = r.opt_integer(9),
          .created_at = r.integer(10)};
}

std::string id_list(const std::vector<std::int64_t>& ids, store::Params& params) {
  std::string list;
  for (auto id : ids) {
    params.add(id);
    list += (list.empty() ? "$" : ", $") + std::to_string(params.values().size());
  }
  return list.empty() ? "NULL" : list;
}

}  // namespace

const char* note_visibility_label(std::string_view v) {
  if (v == "team") return "L’équipe";
  if (v == "referent") return "Le référent seulement";
  if (v == "person") return "L’équipe et la personne";
  return "Inconnue";
}

bool known_note_visibility(std::string_view v) {
  return v == "team" || v == "referent" || v == "person";
}

Result<std::int64_t> add_note(store::Connection& conn, const NewNote& n) {
  if (!known_note_visibility(n.visibility)) {
    return fail(ErrorCode::kInvalid, "Choisissez qui peut lire la note.", "visibility");
  }
  std::string body = text::trim(n.body);
  if (body.empty()) return fail(ErrorCode::kInvalid, "Écrivez le texte de la note.", "body");
  if (body.size() > kMaxBody) {
    return fail(ErrorCode::kInvalid, "La note ne doit pas dépasser 5 000 caractères.", "body");
  }
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto journey = find_journey(conn, n.journey_id);
    if (!journey) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
    if (!journey->active()) {
      return fail(ErrorCode::kConflict, "Ce parcours est clos : on ne peut plus y écrire.");
    }
    if (n.corrects_id) {
      auto corrected = find_note(conn, *n.corrects_id);
      if (!corrected || corrected->journey_id != n.journey_id) {
        return fail(ErrorCode::kInvalid, "La note à corriger n’existe pas dans ce parcours.",
                    "corrects_id");
      }
      if (corrected->author_id != n.author.user_id) {
        return fail(ErrorCode::kForbidden, "Seul l’auteur d’une note peut la corriger.");
      }
    }
    auto row = conn.query_one(
        "INSERT INTO notes (journey_id, author_id, organisation_id, visibility, body, "
        "corrects_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        {n.journey_id, n.author.user_id, store::opt(n.author.organisation_id), n.visibility, body,
         store::opt(n.corrects_id), now_seconds()});
    std::int64_t id = row->integer(0);
    boost::json::object payload{
        {"journey_id", n.journey_id}, {"note_id", id}, {"visibility", n.visibility}};
    if (n.corrects_id) payload["corrects_id"] = *n.corrects_id;
    if (n.author.organisation_id) payload["actor_organisation_id"] = *n.author.organisation_id;
    append_person_event(conn, n.corrects_id ? kNoteCorrected : kNoteAdded, journey->person_id,
                        journey->territory_id, n.author.user_id, payload);
    touch_journey(conn, n.journey_id);
    return id;
  });
}

std::optional<Note> find_note(store::Connection& conn, std::int64_t note_id) {
  auto row = conn.query_one(std::string(kSelect) + " WHERE n.id = $1", {note_id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::vector<Note> notes_of_person(store::Connection& conn,
                                  const std::vector<std::int64_t>& person_ids) {
  store::Params params;
  std::string ids = id_list(person_ids, params);
  std::vector<Note> out;
  for (const auto& row : conn.query(std::string(kSelect) +
                                        " JOIN journeys j ON j.id = n.journey_id WHERE "
                                        "j.person_id IN (" +
                                        ids + ") ORDER BY n.created_at, n.id",
                                    params)) {
    out.push_back(from_row(row));
  }
  return out;
}

std::vector<Note> notes_shared_with_person(store::Connection& conn, std::int64_t person_id) {
  std::vector<Note> out;
  for (auto& note : notes_of_person(conn, person_record_ids(conn, person_id))) {
    if (note.visibility == "person") out.push_back(std::move(note));
  }
  return out;
}

}  // namespace parcours::people

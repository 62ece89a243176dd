// Notes written by professionals of the team in a journey, each with a visibility: the team,
// the référent only, or shared with the person (who reads them in their own space). Nothing is
// ever changed or deleted: a correction is a new note pointing at the one it corrects, and the
// timeline shows both. Journaled as note.added / note.corrected (without the text).
//
//   add_note(conn, {.journey_id = j, .author = {me, my_org}, .visibility = "person", .body = "…"});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/people/team.h"

namespace parcours::people {

// "team", "referent", "person" and their French labels.
const char* note_visibility_label(std::string_view visibility);
bool known_note_visibility(std::string_view visibility);

struct Note {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::int64_t author_id = 0;
  std::string author_name;
  std::optional<std::int64_t> organisation_id;
  std::string organisation_name;
  std::string visibility;
  std::string body;
  std::optional<std::int64_t> corrects_id;
  std::optional<std::int64_t> corrected_by;  // the latest note correcting this one
  std::int64_t created_at = 0;
};

struct NewNote {
  std::int64_t journey_id = 0;
  TeamActor author;
  std::string visibility;                   // field "visibility"
  std::string body;                         // field "body": 1 to 5,000 characters
  std::optional<std::int64_t> corrects_id;  // field "corrects_id": a note of the same journey
};

// kInvalid naming the field; kForbidden when correcting someone else's note; kConflict when the
// journey is closed.
Result<std::int64_t> add_note(store::Connection& conn, const NewNote& note);

std::optional<Note> find_note(store::Connection& conn, std::int64_t note_id);
// Notes of every journey of these person records (see timeline.h person_record_ids), oldest first.
std::vector<Note> notes_of_person(store::Connection& conn,
                                  const std::vector<std::int64_t>& person_ids);
// The notes shared with the person (visibility "person"), oldest first: what their space shows.
std::vector<Note> notes_shared_with_person(store::Connection& conn, std::int64_t person_id);

}  // namespace parcours::people

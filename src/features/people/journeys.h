// Journeys: a person's insertion journey in one territory — at most one active (not closed) per
// person and territory. A journey opens from any door: a professional, the public form
// "Demander un accompagnement", an import, or a transfer from another territory. Opening it is
// journaled (journey.opened); the professional who opens it joins its team.
//
//   auto id = open_journey(conn, {.person_id = p, .territory_id = t, .entry = Entry::kProfessional,
//                                 .opened_by = user, .organisation_id = org});
//   auto outcome = request_accompaniment(conn, territory_id, form, "J’ai besoin d’aide pour…");
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/people/persons.h"

namespace parcours::people {

enum class Entry { kProfessional, kPublicForm, kImport, kTransfer };
const char* entry_code(Entry entry);   // "professional", "public_form", "import", "transfer"
const char* entry_label(Entry entry);  // "Professionnel", "Demande en ligne", ...
std::optional<Entry> parse_entry(std::string_view code);

// Statuses: to_orient, oriented, accompanied, closed.
const char* journey_status_label(std::string_view status);  // "À orienter", ...

struct Journey {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  std::string territory_name;
  std::string status;
  std::string entry;
  std::string need;
  std::optional<std::int64_t> opened_by;
  std::optional<std::int64_t> opened_by_organisation_id;
  std::int64_t opened_at = 0;
  std::optional<std::int64_t> closed_at;
  std::string close_reason;
  std::optional<std::int64_t> transferred_to;
  std::int64_t last_activity_at = 0;

  bool active() const { return status != "closed"; }
};

std::optional<Journey> find_journey(store::Connection& conn, std::int64_t id);
std::optional<Journey> active_journey(store::Connection& conn, std::int64_t person_id,
                                      std::int64_t territory_id);
// Every journey of a person, newest first (merged records' journeys included once moved).
std::vector<Journey> journeys_of(store::Connection& conn, std::int64_t person_id);
// The journey a page about the person shows in `territory_id`: the active one, else the latest.
std::optional<Journey> journey_in(store::Connection& conn, std::int64_t person_id,
                                  std::int64_t territory_id);

struct NewJourney {
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  Entry entry = Entry::kProfessional;
  std::string need;
  std::string status = "to_orient";
  std::optional<std::int64_t> opened_by;          // the professional (joins the team)
  std::optional<std::int64_t> organisation_id;    // theirs
  std::optional<std::int64_t> from_territory_id;  // transfers
};

// kConflict when the person already has an active journey in the territory.
Result<std::int64_t> open_journey(store::Connection& conn, const NewJourney& journey);

// Marks activity on the journey (notes, team changes): retention counts from the last one.
void touch_journey(store::Connection& conn, std::int64_t journey_id);

// Transfers an active journey to another territory (the person moved): the journey is closed
// (close_reason "transfer", transferred_to the new one) and its team leaves it; a new journey
// "to_orient" opens in `to_territory_id` (entry transfer) and the person now lives there. The
// history stays readable from the new journey (timeline, notes). Returns the new journey's id.
// kInvalid (field "territory_id") for the same or an unknown territory, kConflict when the
// journey is closed or the person already has an active journey there.
struct TeamActor;
Result<std::int64_t> transfer_journey(store::Connection& conn, std::int64_t journey_id,
                                      std::int64_t to_territory_id, const TeamActor& actor);

// The territory whose départements contain the commune (INSEE code), if any.
std::optional<std::int64_t> territory_of_commune(store::Connection& conn,
                                                 std::string_view commune_code);

// The public form: finds the person by the strong identifiers (matching.h) or creates them
// (source public_form; a mere weak match creates a new record that professionals will see
// suggested), then opens a journey "to_orient" with the need in the person's own words in
// `territory_id`. An existing record is never modified from this anonymous form: typing
// someone's NIR must not change their details. When the person already has an active journey
// there, it is kept and the new request is journaled (request.received).
struct RequestOutcome {
  std::int64_t person_id = 0;
  std::int64_t journey_id = 0;
  bool person_created = false;
  bool journey_created = false;
};
// kInvalid naming the field (identity, contact fields, or "need") when something is wrong.
Result<RequestOutcome> request_accompaniment(store::Connection& conn, std::int64_t territory_id,
                                             const PersonForm& form, const std::string& need);

// The need as typed: trimmed, 1 to 2,000 characters.
Result<std::string> validate_need(std::string_view need, std::string_view field = "need");

}  // namespace parcours::people

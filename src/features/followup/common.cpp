#include "features/followup/common.h"

#include <algorithm>

#include "features/people/events.h"
#include "features/people/journeys.h"

namespace parcours::followup {

Result<JourneyRow> load_journey(store::Connection& conn, std::int64_t journey_id) {
  auto row = conn.query_one(
      "SELECT id, person_id, territory_id, status, COALESCE(close_reason, '') FROM journeys "
      "WHERE id = $1",
      {journey_id});
  if (!row) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
  return JourneyRow{.id = row->integer(0),
                    .person_id = row->integer(1),
                    .territory_id = row->integer(2),
                    .status = row->text(3),
                    .close_reason = row->text(4)};
}

Result<JourneyRow> open_journey_row(store::Connection& conn, std::int64_t journey_id,
                                    const char* closed_message) {
  auto journey = load_journey(conn, journey_id);
  if (journey && !journey->active()) return fail(ErrorCode::kConflict, closed_message);
  return journey;
}

void journal(store::Connection& conn, const char* kind, const JourneyRow& journey,
             const Actor& actor, boost::json::object payload) {
  payload["journey_id"] = journey.id;
  if (actor.organisation_id) payload["actor_organisation_id"] = *actor.organisation_id;
  people::append_person_event(conn, kind, journey.person_id, journey.territory_id,
                              actor.user_id ? std::optional(actor.user_id) : std::nullopt, payload);
  people::touch_journey(conn, journey.id);
}

void journal_by_person(store::Connection& conn, const char* kind, const JourneyRow& journey,
                       boost::json::object payload) {
  payload["journey_id"] = journey.id;
  payload["by"] = "person";
  people::append_person_event(conn, kind, journey.person_id, journey.territory_id, std::nullopt,
                              payload);
  people::touch_journey(conn, journey.id);
}

std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace parcours::followup

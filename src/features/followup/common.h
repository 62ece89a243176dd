// What the follow-up services share: who acts (an account and the organisation they act for),
// the journey a change is about (checked active, its person and territory for the journal), and
// the length of typed text in characters (UTF-8), as the French messages count it.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::followup {

struct Actor {
  std::int64_t user_id = 0;
  std::optional<std::int64_t> organisation_id;  // the organisation they act for
};

struct JourneyRow {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  std::string status;
  std::string close_reason;
  bool active() const { return status != "closed"; }
};

// kNotFound when the journey does not exist.
Result<JourneyRow> load_journey(store::Connection& conn, std::int64_t journey_id);
// The same, kConflict with `closed_message` when it is closed.
Result<JourneyRow> open_journey_row(store::Connection& conn, std::int64_t journey_id,
                                    const char* closed_message);

// Appends a journal event about the journey's person (with journey_id and the actor's
// organisation in the payload) and marks activity on the journey (retention counts from it).
void journal(store::Connection& conn, const char* kind, const JourneyRow& journey,
             const Actor& actor, boost::json::object payload);
// The same, done by the person from their space (by: "person", no account).
void journal_by_person(store::Connection& conn, const char* kind, const JourneyRow& journey,
                       boost::json::object payload);

std::size_t characters(std::string_view s);

}  // namespace parcours::followup

// The person's carnet de bord as they see it in their space: the notes their team shared with
// them (visibility "person") and the journal events meant for them — their journey opening, who
// joined or left their team, their référent, changes to their record and what they did in their
// space — told to them ("Sofia Martin (CCAS de Sedan) a rejoint votre équipe"). Notes kept for
// the team or the référent and internal events (duplicates, join requests) never appear.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/db.h"

namespace parcours::portal {

struct TimelineItem {
  std::int64_t at = 0;
  bool note = false;        // a note shared with the person, else an event
  std::string title;        // event: the sentence; note: "Message de Sofia Martin (CCAS de Sedan)"
  std::string body;         // note: its text
  bool correction = false;  // a note correcting an earlier one
  bool corrected = false;   // a note corrected by a later one
};

// Newest first.
std::vector<TimelineItem> person_timeline(store::Connection& conn, std::int64_t person_id);

// Whether a journal event kind is shown to the person.
bool shown_to_person(std::string_view kind);

}  // namespace parcours::portal

// "Qui a consulté mon dossier" : the reads of a person's record by professionals, from the
// access log, as the person sees them: when, which organisation, in which role — not the
// reader's personal name (the organisation answers for its agents; the person can ask the
// organisation or the data protection officer for more). The person's own reads in their space
// are logged with actor_id kPersonReader and are not listed.
//
// The access log keeps only the reader's account; their organisation and role are found from
// the team history (journey_members keeps joined_at and left_at, so a member's role at the
// time of the read is exact), else from the account's roles in the person's territories.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/store/db.h"

namespace parcours::portal {

// The access log's actor for a person reading their own record in /mon-espace (no account).
inline constexpr std::int64_t kPersonReader = 0;

// Logs a read of the person's own record from their space (`part`: "home", "timeline"...).
void log_own_read(store::Connection& conn, std::int64_t person_id, const std::string& part);

struct Access {
  std::int64_t at = 0;       // the latest read of the group
  std::int64_t count = 1;    // reads grouped: same organisation and role within an hour
  std::string organisation;  // "CCAS de Sedan", "Territoire Ardennes"...
  std::string role;          // "Référent(e) de votre parcours", "Chargé(e) d'orientation"...
};

// Newest first, at most `limit` reads looked at (then grouped).
std::vector<Access> list_accesses(store::Connection& conn, std::int64_t person_id, int limit = 500);

}  // namespace parcours::portal

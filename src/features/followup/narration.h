// How the carnet de bord tells the follow-up's events in French, to the team and to the person:
//   « Sofia Moreau (Mission locale) a proposé un CER du 1er mars 2027 au 31 août 2027 »
//   « Vous avez accepté votre CER »
// The payloads carry codes and dates only (commitments.h, outcomes.h, closure.h).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parcours::followup {

// Whether the kind is one of the follow-up's (commitment.*, outcome.*, journey.closed|reopened).
bool is_followup_kind(std::string_view kind);
// The kinds with their French label, for the timeline's filter.
const std::vector<std::pair<const char*, const char*>>& followup_event_kinds();
// For the team: `who` is the author as the carnet names them ("Sofia Moreau (Mission locale)",
// "La personne"). Empty for a kind that is not the follow-up's.
std::string team_sentence(std::string_view kind, const std::string& who,
                          const boost::json::object& payload);
// For the person in their space: `actor` is "Vous" for what they did, else the professional.
std::string person_sentence(std::string_view kind, const std::string& actor,
                            const boost::json::object& payload);

}  // namespace parcours::followup

// Who sees and does what with a person's record — deny by default, one function per action,
// tested as a role × action matrix (tests/unit/people_policy_test.cpp). Need to know:
//   - a professional (or organisation admin) of the territory who is not in the team finds the
//     person, sees their identity and the team's contacts, and may ask to join;
//   - the team's members see the whole journey (contact, situation, timeline, notes) and work
//     in it; a note "référent only" is read by the référent and its author;
//   - chargés d'orientation of the territory also see journeys waiting for orientation
//     (status to_orient): that queue is their work;
//   - the NIR is shown only to chargés d'orientation and territory managers, masked elsewhere;
//   - territory managers find persons, see identity with the NIR, transfer and merge records;
//   - a person's objection to organisation X hides the record from X's professionals outside
//     the team, down to the identity;
//   - a national admin has no access to persons unless they also hold a role in the territory;
//   - the person reads the notes shared with them (visibility "person"), in their own space;
//   - a replaced référent keeps reading the journey for 30 days (former_referents).
// The facts about one person that the functions need are gathered by load_person_facts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/security/actor.h"
#include "core/store/db.h"
#include "features/people/journeys.h"

namespace parcours::people {

using MaybeActor = std::optional<security::Actor>;

// What the policy needs to know about one person, seen from one actor's territory.
struct PersonFacts {
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;           // the actor's territory the record is seen from
  bool present = false;                    // the person lives or has an active journey there
  std::optional<std::int64_t> journey_id;  // the journey shown there (active, else latest)
  bool journey_active = false;
  std::string journey_status;
  bool in_team = false;          // the actor is an active member of that journey
  bool referent = false;         // ... and its référent
  bool former_referent = false;  // replaced référent, reads for 30 days (orientation feature)
  std::vector<std::int64_t> objected_organisations;
};

// The territories in which the actor works with persons (as a professional or organisation
// admin of an organisation there, or as its manager; an admin grant counts for none).
std::vector<std::int64_t> working_territories(const MaybeActor& actor);
// The territory the actor works in now: `requested` if they work there, else the acting
// organisation's, else the first one; empty when none.
std::optional<std::int64_t> working_territory(const MaybeActor& actor,
                                              std::optional<std::int64_t> requested = {});
// The organisation the actor acts for in `territory_id`: the acting one if it is there, else
// their first organisation there.
std::optional<std::int64_t> acting_organisation_in(const MaybeActor& actor,
                                                   std::int64_t territory_id);

// Gathers the facts about `person_id` seen from the actor in `territory_id`. With `journey`,
// also gives the journey they were read from (the one facts.journey_id names), for the pages that
// show it without reading it again.
PersonFacts load_person_facts(store::Connection& conn, const MaybeActor& actor,
                              std::int64_t person_id, std::int64_t territory_id,
                              std::optional<Journey>* journey = nullptr);

// Whether the actor's organisations include one the person objects to.
bool objected(const MaybeActor& actor, const PersonFacts& facts);

bool may_search_persons(const MaybeActor& actor, std::int64_t territory_id);
bool may_open_journey(const MaybeActor& actor, std::int64_t territory_id);
bool may_view_identity(const MaybeActor& actor, const PersonFacts& facts);  // + team contacts
bool may_view_nir(const MaybeActor& actor, const PersonFacts& facts);
bool may_view_journey(const MaybeActor& actor, const PersonFacts& facts);  // contact, situation,
                                                                           // timeline, notes
bool may_edit_person(const MaybeActor& actor, const PersonFacts& facts);
bool may_add_note(const MaybeActor& actor, const PersonFacts& facts);
bool may_read_note(const MaybeActor& actor, const PersonFacts& facts, std::string_view visibility,
                   std::int64_t author_id);
bool may_request_to_join(const MaybeActor& actor, const PersonFacts& facts);
bool may_manage_team(const MaybeActor& actor, const PersonFacts& facts);  // invite, requests,
                                                                          // référent
bool may_leave_team(const MaybeActor& actor, const PersonFacts& facts);
bool may_transfer(const MaybeActor& actor, const PersonFacts& facts);
bool may_merge(const MaybeActor& actor, const PersonFacts& facts);
bool may_dismiss_match(const MaybeActor& actor, const PersonFacts& facts);

// The person, in their own space.
bool person_may_read_note(std::string_view visibility);

}  // namespace parcours::people

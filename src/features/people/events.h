// The journal events of the dossier unique and how the carnet de bord tells them in French:
//   « Sofia Martin (CD 08) a ajouté une note — 12 mars 2027 à 10:42 »
// Every event names the person (journal.person_id) and the territory; payloads carry ids and
// codes, never personal values (the journal is append-only and outlives the record): names
// are looked up when the timeline is shown.
//
// Payloads: every event may carry `actor_organisation_id`, the organisation the actor acted for
// (shown next to their name); `by: "person"` marks what the person did in their own space.
//   person.created      {source, fields[], file_name?}
//   person.updated      {section: identity|contact|situation, fields[], source}
//   journey.opened      {journey_id, entry: professional|public_form|import|transfer,
//                        from_territory_id?}
//   request.received    {journey_id}                       the person asked again (public form)
//   member.joined       {journey_id, user_id, organisation_id, role, added_by?, via?:
//   invitation|request} member.left         {journey_id, user_id, organisation_id, reason}
//   referent.changed    {journey_id, user_id?, organisation_id?, previous_user_id?}
//   join.requested      {journey_id, request_id, organisation_id}
//   join.accepted       {journey_id, request_id, user_id}
//   join.refused        {journey_id, request_id, user_id}
//   note.added          {journey_id, note_id, visibility: team|referent|person}
//   note.corrected      {journey_id, note_id, corrects_id, visibility}
//   journey.transferred {journey_id, to_journey_id, to_territory_id}   (in the old territory)
//   person.merged       {merge_id, merged_id}       on the kept person
//   person.unmerged     {merge_id, merged_id}       on the kept person
//   match.dismissed     {other_id}
// Another feature's kinds are shown with their payload's "text" (French) when they give one.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/store/db.h"
#include "core/store/journal.h"

namespace parcours::people {

inline constexpr const char* kPersonCreated = "person.created";
inline constexpr const char* kPersonUpdated = "person.updated";
inline constexpr const char* kJourneyOpened = "journey.opened";
inline constexpr const char* kRequestReceived = "request.received";
inline constexpr const char* kMemberJoined = "member.joined";
inline constexpr const char* kMemberLeft = "member.left";
inline constexpr const char* kReferentChanged = "referent.changed";
inline constexpr const char* kJoinRequested = "join.requested";
inline constexpr const char* kJoinAccepted = "join.accepted";
inline constexpr const char* kJoinRefused = "join.refused";
inline constexpr const char* kNoteAdded = "note.added";
inline constexpr const char* kNoteCorrected = "note.corrected";
inline constexpr const char* kJourneyTransferred = "journey.transferred";
inline constexpr const char* kPersonMerged = "person.merged";
inline constexpr const char* kPersonUnmerged = "person.unmerged";
inline constexpr const char* kMatchDismissed = "match.dismissed";

// The kinds the timeline can be filtered by, with their French label.
struct EventKind {
  const char* code;
  const char* label;
};
const std::vector<EventKind>& event_kinds();

// Appends an event about a person (in the caller's transaction); returns its seq.
std::int64_t append_person_event(store::Connection& conn, const char* kind, std::int64_t person_id,
                                 std::int64_t territory_id, std::optional<std::int64_t> actor_id,
                                 const boost::json::object& payload);

// Tells events in French, looking up (and caching) the names of accounts, organisations,
// territories and persons they mention.
class EventNarrator {
 public:
  explicit EventNarrator(store::Connection& conn) : conn_(conn) {}

  // "Sofia Martin (CD 08) a ajouté une note", without the date.
  std::string sentence(const store::Event& event);
  // "Sofia Martin (CD 08)", "La personne", "Parcours" (the system).
  std::string author(const store::Event& event);
  // The same from the payload already parsed: a page of the carnet parses each event once.
  std::string sentence(const store::Event& event, const boost::json::object& payload);
  std::string author(const store::Event& event, const boost::json::object& payload);
  static boost::json::object parse_payload(const store::Event& event);
  // "Sofia Martin" (account name), "" when unknown.
  std::string user_name(std::int64_t user_id);
  std::string organisation_name(std::int64_t organisation_id);
  std::string territory_name(std::int64_t territory_id);

  // Looks up at once (one query per kind of name) the accounts, organisations and territories
  // these events mention, so that telling them asks the database nothing more: a page of the
  // carnet de bord costs three queries instead of one per name cited.
  // `payloads[i]` is parse_payload(events[i]).
  void prefetch(const std::vector<store::Event>& events,
                const std::vector<boost::json::object>& payloads);

 private:
  std::string lookup(std::map<std::int64_t, std::string>& cache, const char* sql, std::int64_t id);

  store::Connection& conn_;
  std::map<std::int64_t, std::string> users_;
  std::map<std::int64_t, std::string> organisations_;
  std::map<std::int64_t, std::string> territories_;
  std::map<std::int64_t, std::string> persons_;
};

// « … — 12 mars 2027 à 10:42 »: the sentence with its date, as the timeline shows it.
std::string narrate(EventNarrator& narrator, const store::Event& event);

}  // namespace parcours::people

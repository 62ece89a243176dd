// Everything Parcours holds about a person, gathered for their space: the copy they download
// (JSON) and the printable page (HTML) show the same data — identity (the NIR included: it is
// theirs), contact, situation, where each value came from, their journeys with each team past
// and present, their carnet de bord (shared notes and events meant for them), their objections,
// their requests for another référent and who read their record.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/db.h"
#include "features/people/journeys.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "features/portal/accesses.h"
#include "features/portal/objections.h"
#include "features/portal/referent_requests.h"
#include "features/portal/timeline.h"

namespace parcours::portal {

struct Labelled {
  std::string label;  // "Nom de naissance"
  std::string value;  // as shown: "12 mars 1984", "06 12 34 56 78", "Oui"
  std::string key;    // JSON key: "nom_de_naissance"
};

struct JourneyRecord {
  people::Journey journey;
  std::vector<people::Member> team;  // former members included
};

struct PersonRecord {
  std::int64_t generated_at = 0;
  people::Person person;
  std::vector<Labelled> identity;
  std::vector<Labelled> contact;
  std::vector<Labelled> situation;
  std::vector<Labelled> sources;  // label: the field, value: "Saisi par … le …"
  std::vector<JourneyRecord> journeys;
  std::vector<TimelineItem> timeline;
  std::vector<ObjectionChoice> objections;  // only those objected
  std::vector<ReferentChangeRequest> referent_requests;
  std::vector<Access> accesses;
  boost::json::object followup;  // commitments and outcomes (followup/export.h)
};

// The person's own words for a journey status: "Votre demande attend une orientation"...
std::string status_for_person(std::string_view status);

PersonRecord gather_record(store::Connection& conn, const people::Person& person);

// The JSON download (keys in French, dates ISO 8601 in UTC).
std::string record_json(const PersonRecord& record);

}  // namespace parcours::portal

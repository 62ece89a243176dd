// The persons row of a new record, written by one function for the two ways records are
// created: people::create_person (pages, CSV imports, the CAF flux's per-person path) and the CAF
// flux's bulk path (src/features/caf/import.cpp), which does the identifier checks, sources,
// terms and journal itself for a whole batch. Both validate with the functions declared here and
// in persons.h, so the same values give the same row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/people/nir_protection.h"
#include "features/people/persons.h"

namespace parcours::people {

struct ValidSituation {
  std::optional<std::string> rsa_status;
  bool rights_and_duties = false;
  std::string allowances;
  bool rqth = false;
  std::optional<std::string> education_level;
  std::string last_job;
  std::optional<std::string> last_job_end;
  bool driving_licence = false;
  std::string languages;
};
Result<ValidSituation> validate_situation(const SituationForm& form);

// The persons row of a new record from validated values, and nothing else: the caller checks
// that no live record holds its identifiers and writes its sources, terms and journal (as
// create_person does). `caf_role`: its role in a CAF household, for a record the flux creates.
std::int64_t insert_person(store::Connection& conn, std::int64_t territory_id,
                           const ValidIdentity& identity, const ValidContact& contact,
                           const ValidSituation& situation, const std::optional<ProtectedNir>& nir,
                           std::int64_t now, const std::optional<std::string>& caf_role = {});

// The fields a new record holds a value for, in one order: its creation source and the `fields`
// of its person_created event, for create_person and the CAF bulk path alike.
std::vector<const char*> given_fields(const ValidIdentity& identity, const ValidContact& contact,
                                      const ValidSituation& situation);

// The person_field_sources row of a record's creation: field kCreationSource, the fields given
// (space-separated) in `fields`. A field's own row, written when it changes, wins over it.
inline constexpr const char* kCreationSource = "*";

}  // namespace parcours::people

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

// The columns of a new record's persons row, and its values in that order (created_at and
// updated_at: `now`), for insert_person and for the CAF import's multi-row INSERTs.
inline constexpr const char* kPersonRowColumns =
    "territory_id, birth_name, usage_name, first_names, birth_date, sex, nir_hash, nir_sealed, "
    "caf_number, ft_id, internal_id, email, phone, phone2, address, address_complement, "
    "postcode, commune_code, no_fixed_address, domiciliation, rsa_status, rights_and_duties, "
    "allowances, rqth, education_level, last_job, last_job_end, driving_licence, languages, "
    "created_at, updated_at, caf_role";
inline constexpr std::size_t kPersonRowSize = 32;
inline constexpr std::size_t kPersonRowUpdatedAt = 30;  // the place of updated_at
std::vector<store::Value> person_row(std::int64_t territory_id, const ValidIdentity& identity,
                                     const ValidContact& contact, const ValidSituation& situation,
                                     const std::optional<ProtectedNir>& nir, std::int64_t now,
                                     const std::optional<std::string>& caf_role = {});

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

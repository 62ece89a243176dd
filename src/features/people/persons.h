// Persons: one record per human being, whatever their status (identity, contact, situation).
// Every field remembers where its current value came from and when (person_field_sources):
// typed by a professional (and their organisation), by the person, by the public form, or
// imported from a file — "Dites-le nous une fois". The fields given at a record's creation
// share one row (field '*', listing them); a field's own row, once it changes, wins over it.
// Names are indexed word by word in person_terms (folded: lowercase, no accents, hyphens and
// apostrophes as spaces) for each territory the person is followed in, so that search is index
// range scans.
// Every change is journaled (person.created, person.updated) with the names of the fields
// changed — never their values: the journal outlives the record.
//
//   auto id = create_person(conn, territory_id, form, Provenance::professional(user, org));
//   update_contact(conn, id, contact_form, Provenance::person());
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::people {

enum class Source { kProfessional, kPerson, kImport, kPublicForm };
const char* source_code(Source source);  // "professional", "person", "import", "public_form"
std::optional<Source> parse_source(std::string_view code);

// Who gave a value: the journal's actor is `user_id` (empty for the person or an import).
struct Provenance {
  Source source = Source::kProfessional;
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> organisation_id;
  std::string file_name;  // imports

  static Provenance professional(std::int64_t user_id, std::optional<std::int64_t> organisation_id);
  static Provenance person();
  static Provenance public_form();
  static Provenance import(std::string file_name, std::optional<std::int64_t> user_id = {});
};

struct Person {
  std::int64_t id = 0;
  std::int64_t territory_id = 0;
  // identity
  std::string birth_name;
  std::string usage_name;
  std::string first_names;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  std::optional<std::string> sex;         // "F", "M"
  std::optional<std::string> nir_hash;
  std::optional<std::string> nir_sealed;
  std::optional<std::string> caf_number;
  std::optional<std::string> ft_id;
  std::optional<std::string> internal_id;
  // contact
  std::optional<std::string> email;
  std::optional<std::string> phone;  // +33612345678
  std::optional<std::string> phone2;
  std::string address;
  std::string address_complement;
  std::string postcode;
  std::optional<std::string> commune_code;
  std::string commune_name;
  bool no_fixed_address = false;
  std::string domiciliation;
  // situation
  std::optional<std::string> rsa_status;  // "0".."6"
  bool rights_and_duties = false;
  std::string allowances;  // space-separated codes: ass aah are prime_activite
  bool rqth = false;
  std::optional<std::string> education_level;
  std::string last_job;
  std::optional<std::string> last_job_end;  // YYYY-MM
  bool driving_licence = false;
  std::string languages;
  // bookkeeping
  std::optional<std::int64_t> merged_into;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;

  bool has_nir() const { return nir_hash.has_value(); }
};

// "Sofia Martin", or "Sofia Martin (née Durand)" when the usage name differs from the birth name.
std::string display_name(const Person& person);
// "Sofia Martin": first names then the name in use.
std::string short_name(const Person& person);

// Form sections, as typed (strings), validated by the service.
struct IdentityForm {
  std::string birth_name;
  std::string usage_name;
  std::string first_names;
  std::string birth_date;
  std::string sex;  // "F", "M" or ""
  std::string nir;
  std::string caf_number;
  std::string ft_id;
  std::string internal_id;
};

struct ContactForm {
  std::string email;
  std::string phone;
  std::string phone2;
  std::string address;
  std::string address_complement;
  std::string postcode;
  std::string commune;  // "Sedan (08409)", a name, a postcode or an INSEE code
  bool no_fixed_address = false;
  std::string domiciliation;
};

struct SituationForm {
  std::string rsa_status;
  bool rights_and_duties = false;
  std::vector<std::string> allowances;
  bool rqth = false;
  std::string education_level;
  std::string last_job;
  std::string last_job_end;  // YYYY-MM
  bool driving_licence = false;
  std::string languages;
};

struct PersonForm {
  IdentityForm identity;
  ContactForm contact;
  SituationForm situation;
};

IdentityForm identity_form_of(store::Connection& conn, const Person& person, bool with_nir);
ContactForm contact_form_of(const Person& person);
SituationForm situation_form_of(const Person& person);

// The labels of the choice lists, for forms and pages.
struct Choice {
  const char* code;
  const char* label;
};
const std::vector<Choice>& rsa_statuses();     // CAF ETATDOSRSA 0..6
const std::vector<Choice>& allowance_kinds();  // ass, aah, are, prime_activite
const std::vector<Choice>& education_levels();
std::string choice_label(const std::vector<Choice>& choices, std::string_view code);
// French label of a field name ("birth_name" → "Nom de naissance").
std::string field_label(std::string_view field);

// The validated identity, in the form it is stored and matched: what matching needs before any
// write (see matching.h).
struct ValidIdentity {
  std::string birth_name;
  std::string usage_name;
  std::string first_names;
  std::optional<std::string> birth_date;
  std::optional<std::string> sex;
  std::optional<std::string> nir;  // normalised, in clear: never stored as is
  std::optional<std::string> caf_number;
  std::optional<std::string> ft_id;
  std::optional<std::string> internal_id;
};
Result<ValidIdentity> validate_identity(const IdentityForm& form);

struct ValidContact {
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> phone2;
  std::string address;
  std::string address_complement;
  std::string postcode;
  std::optional<std::string> commune_code;
  bool no_fixed_address = false;
  std::string domiciliation;
};
// The commune is looked up in the whole country (a person can live anywhere).
Result<ValidContact> validate_contact(store::Connection& conn, const ContactForm& form);

std::optional<Person> find_person(store::Connection& conn, std::int64_t id);
// Follows merged_into to the record that is kept (at most a few hops).
std::optional<Person> find_live_person(store::Connection& conn, std::int64_t id);

// Creates a person living in `territory_id`. The caller has looked for matches first (see
// matching.h, journeys.h); a strong identifier already taken is kConflict naming its field.
Result<std::int64_t> create_person(store::Connection& conn, std::int64_t territory_id,
                                   const PersonForm& form, const Provenance& provenance);

// Replace one section of the record; only fields whose value changes get a new source.
// An empty NIR field keeps the stored NIR (it is never sent back to the browser); `clear_nir`
// removes it.
Result<void> update_identity(store::Connection& conn, std::int64_t person_id,
                             const IdentityForm& form, const Provenance& provenance,
                             bool clear_nir = false);
Result<void> update_contact(store::Connection& conn, std::int64_t person_id,
                            const ContactForm& form, const Provenance& provenance);
Result<void> update_situation(store::Connection& conn, std::int64_t person_id,
                              const SituationForm& form, const Provenance& provenance);

struct FieldSource {
  std::string field;
  Source source;
  std::optional<std::int64_t> user_id;
  std::string user_name;
  std::optional<std::int64_t> organisation_id;
  std::string organisation_name;
  std::string file_name;
  std::int64_t at = 0;
};
std::vector<FieldSource> field_sources(store::Connection& conn, std::int64_t person_id);
// "Saisi par Sofia Martin (CD 08) le 12 mars 2027", "Donné par la personne le ...", ...
std::string describe_source(const FieldSource& source);

// The folded words under which a person is found by name: each word of the birth name, usage
// name and first names, plus the joined form of compound names ("lefevremartin", "ndiaye").
// The bench generator writes the same terms.
std::vector<std::string> name_terms(std::string_view birth_name, std::string_view usage_name,
                                    std::string_view first_names);

// Rewrites the person's rows of person_terms: their names under each territory they live or
// have an open journey in (none once merged into another record).
void sync_terms(store::Connection& conn, std::int64_t person_id);

}  // namespace parcours::people

// Helpers shared by the people pages (search, person, team, merge): the person named by the
// path and the policy facts about them from the actor's territory, access logging, and the
// identity / contact / situation form fields (templates/people/*_fields.tpl).
#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/error.h"
#include "core/http/context.h"
#include "core/http/response.h"
#include "core/store/journal.h"
#include "features/people/journeys.h"
#include "features/people/persons.h"
#include "features/people/policy.h"
#include "features/people/team.h"

namespace parcours::people::web {

std::optional<std::int64_t> path_id(const http::Context& ctx, const char* name);
std::string person_path(std::int64_t person_id);

// A person record seen by the signed-in actor from one of their territories.
struct PersonPage {
  Person person;
  std::int64_t territory_id = 0;
  PersonFacts facts;
  std::optional<Journey> journey;
};

// The person of the {id} path parameter, from the first of the actor's territories where they
// are present (or ?territoire=). The response to give instead when it does not exist (404), was
// merged (redirect to the kept record), or the actor may not even see the identity (refusal).
std::variant<PersonPage, http::Response> load_person_page(http::Context& ctx);

// Writes the access log: `part` of the person's record read by the actor through this route.
void log_read(http::Context& ctx, std::int64_t person_id, const std::string& part);

// The reads a page gathers while it is built (parts of a record, the persons of a result list),
// written to the access log at once by flush(): one INSERT per page instead of one per read.
// Flush before the response is sent: a page whose reads could not be logged is not shown.
class ReadLog {
 public:
  explicit ReadLog(http::Context& ctx) : ctx_(ctx) {}
  void add(std::int64_t person_id, const std::string& part);
  void flush();

 private:
  http::Context& ctx_;
  std::vector<store::AccessRecord> records_;
};

TeamActor team_actor(const http::Context& ctx, std::int64_t territory_id);

IdentityForm identity_from_request(const http::Request& request);
ContactForm contact_from_request(const http::Request& request);
SituationForm situation_from_request(const http::Request& request);

// Add the include dictionaries of the form sections, with the values as typed and the error
// on its field. `nir_known`: a NIR is stored (the field stays empty, a hint says so).
void fill_identity_fields(ctemplate::TemplateDictionary& dict, const IdentityForm& form,
                          const Error* error, bool nir_known);
void fill_contact_fields(ctemplate::TemplateDictionary& dict, const ContactForm& form,
                         const Error* error);
void fill_situation_fields(ctemplate::TemplateDictionary& dict, const SituationForm& form,
                           const Error* error);

// The ERROR_SUMMARY section (with its message) of a page template.
void show_error(ctemplate::TemplateDictionary& dict, const Error* error);

// "to_orient" → "fr-badge--new" etc., for the journey status badge.
const char* status_badge(std::string_view status);

}  // namespace parcours::people::web

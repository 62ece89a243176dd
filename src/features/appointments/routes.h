// The pages of appointments (routes.cpp names each handler's method, path and who may call it),
// and the sections other features' pages include: the journey page's list and booking form, the
// person's home in their space.
#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <vector>

#include "core/http/context.h"
#include "core/http/router.h"
#include "features/people/journeys.h"
#include "features/people/policy.h"
#include "features/people/team.h"

namespace parcours::appointments {

void register_routes(http::Router& router);

// Adds the include APPOINTMENTS (templates/appointments/section.tpl) to the journey section of
// /personnes/{id}: past and coming appointments, and the booking form, by permission. Logs the
// read. `team`: the journey's active team (people::team_of), which the page has already read.
void fill_journey_section(http::Context& ctx, ctemplate::TemplateDictionary& journey_dict,
                          const people::PersonFacts& facts, const people::Journey& journey,
                          const std::vector<people::Member>& team);

// Adds the include APPOINTMENTS (templates/appointments/home_section.tpl) to /mon-espace: the
// person's coming appointments.
void fill_home_section(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                       std::int64_t person_id);

}  // namespace parcours::appointments

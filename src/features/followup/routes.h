// The follow-up's pages (each handler names its method, path and who may call it): the journey's
// page of commitments, outcomes and closure (/personnes/{id}/suivi), one commitment, one outcome
// with its check-ins, the list of what falls due (/echeances), the person's commitments in their
// space; and the sections other features' pages include.
#pragma once

#include <ctemplate/template.h>

#include <cstdint>

#include "core/http/context.h"
#include "core/http/router.h"
#include "features/people/journeys.h"
#include "features/people/policy.h"

namespace parcours::followup {

void register_routes(http::Router& router);

// Adds the include FOLLOWUP (templates/followup/section.tpl) to the journey section of
// /personnes/{id}: the closure, the current commitment, the follow-up in employment, and the
// link to the page. The person page logs it as its "journey" read.
void fill_journey_section(http::Context& ctx, ctemplate::TemplateDictionary& journey_dict,
                          const people::PersonFacts& facts, const people::Journey& journey);

// Adds the include FOLLOWUP (templates/followup/home_section.tpl) to /mon-espace: a commitment
// waiting for the person's acceptance, and the link to their commitments.
void fill_home_section(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                       std::int64_t person_id);

// Registered by register_routes (one file each).
void register_commitment_routes(http::Router& router);
void register_outcome_routes(http::Router& router);
void register_portal_routes(http::Router& router);
void register_due_routes(http::Router& router);

}  // namespace parcours::followup

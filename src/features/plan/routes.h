// The pages of the plan d'actions (routes.cpp names each handler's method, path and who may call
// it), and the sections other features' pages include: the journey page's summary of the plan,
// the person's home in their space, the late reviews of a professional or an organisation.
#pragma once

#include <ctemplate/template.h>

#include <cstdint>

#include "core/http/context.h"
#include "core/http/router.h"
#include "features/people/journeys.h"
#include "features/people/policy.h"
#include "features/people/web.h"

namespace parcours::plan {

void register_routes(http::Router& router);

// Adds the include PLAN (templates/plan/section.tpl) to the journey section of /personnes/{id}:
// the plan's goals and actions (two queries), the warnings, links to build and print it; kept
// in memory while the plan and the names it shows are unchanged (plan_cache.h). The read goes to
// `reads` (written with the page's other reads), at every view.
void fill_journey_section(http::Context& ctx, ctemplate::TemplateDictionary& journey_dict,
                          const people::PersonFacts& facts, const people::Journey& journey,
                          people::web::ReadLog& reads);

// Adds the include PLAN (templates/plan/home_section.tpl) to /mon-espace: open actions of the
// person's plan and the link to it.
void fill_home_section(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                       std::int64_t person_id);

// Adds the include LATE_REVIEWS (templates/plan/late_reviews.tpl) when the signed-in
// professional has late points d'étape as référent (the /personnes caseload); nothing otherwise.
void fill_late_reviews_of_referent(http::Context& ctx, ctemplate::TemplateDictionary& dict);

// Adds the include LATE_REVIEWS with the late points d'étape of the journeys an organisation's
// members follow (its page /structures/{id}), for the organisation's admins. Logs the reads.
void fill_late_reviews_of_organisation(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                                       std::int64_t organisation_id);

}  // namespace parcours::plan

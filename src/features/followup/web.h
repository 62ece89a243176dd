// Helpers of the follow-up's pages: the person named by the path with the policy facts, a text
// field (templates/people/text_field.tpl) with its value as typed and its error, choices
// (radio buttons or options) with the one chosen, and the access log.
#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.h"
#include "core/http/context.h"
#include "core/http/response.h"
#include "features/followup/common.h"
#include "features/people/policy.h"
#include "features/people/web.h"

namespace parcours::followup::web {

// Adds one section `section` per choice (CODE, LABEL, CHECKED or SELECTED when chosen).
void add_choices(ctemplate::TemplateDictionary& dict, const char* section,
                 const std::vector<std::pair<std::string, std::string>>& choices,
                 const std::string& chosen, const char* marker = "CHECKED");

// The facts about a record of the follow-up (commitment, outcome) seen by the actor, when it
// belongs to the journey the actor sees for that person.
people::PersonFacts facts_for(http::Context& ctx, std::int64_t person_id, std::int64_t territory_id,
                              std::int64_t journey_id);

Actor actor_in(const http::Context& ctx, std::int64_t territory_id);

void log_read(http::Context& ctx, std::int64_t person_id, const std::string& part);

std::optional<std::int64_t> path_id(const http::Context& ctx, const char* name);

// Runs `handler` with the person page, or returns the response that replaces it.
template <typename F>
http::Response with_person(http::Context& ctx, F&& handler) {
  auto loaded = people::web::load_person_page(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return handler(std::get<people::web::PersonPage>(loaded));
}

}  // namespace parcours::followup::web

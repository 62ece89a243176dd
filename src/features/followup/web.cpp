#include "features/followup/web.h"

#include "core/html/render.h"
#include "core/store/journal.h"
#include "core/text.h"

namespace parcours::followup::web {

void add_choices(ctemplate::TemplateDictionary& dict, const char* section,
                 const std::vector<std::pair<std::string, std::string>>& choices,
                 const std::string& chosen, const char* marker) {
  for (const auto& [code, label] : choices) {
    auto* c = dict.AddSectionDictionary(section);
    c->SetValue("CODE"_key, code);
    c->SetValue("LABEL"_key, label);
    if (code == chosen) c->ShowSection(marker);
  }
}

people::PersonFacts facts_for(http::Context& ctx, std::int64_t person_id, std::int64_t territory_id,
                              std::int64_t journey_id) {
  auto facts = people::load_person_facts(ctx.db, ctx.actor, person_id, territory_id);
  if (facts.journey_id != journey_id) {
    facts.in_team = false;
    facts.referent = false;
    facts.former_referent = false;
  }
  return facts;
}

Actor actor_in(const http::Context& ctx, std::int64_t territory_id) {
  return {ctx.actor ? ctx.actor->user_id : 0,
          people::acting_organisation_in(ctx.actor, territory_id)};
}

void log_read(http::Context& ctx, std::int64_t person_id, const std::string& part) {
  if (!ctx.actor) return;
  store::log_access(ctx.db, {.actor_id = ctx.actor->user_id,
                             .person_id = person_id,
                             .part = part,
                             .purpose = ctx.request.method + " " + ctx.request.path});
}

std::optional<std::int64_t> path_id(const http::Context& ctx, const char* name) {
  auto it = ctx.request.params.find(name);
  return it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
}

}  // namespace parcours::followup::web

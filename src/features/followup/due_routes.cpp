// What falls due:
//   GET /echeances   a professional: the commitments of the journeys they are référent of that
//                    end within 30 days (or have ended without renewal) and the follow-ups in
//                    employment whose check-in is due within 7 days or late; an organisation
//                    admin: the same for the journeys whose référent acts for their organisation.
#include <set>

#include "core/html/render.h"
#include "core/store/journal.h"
#include "features/followup/commitments.h"
#include "features/followup/dates.h"
#include "features/followup/outcomes.h"
#include "features/followup/policy.h"
#include "features/followup/routes.h"

namespace parcours::followup {
namespace {

void fill_lists(ctemplate::TemplateDictionary& section, const std::vector<Commitment>& commitments,
                const std::vector<Outcome>& followups, std::int64_t day,
                std::vector<store::AccessRecord>& reads, const http::Context& ctx) {
  std::set<std::int64_t> persons;
  std::string purpose = ctx.request.method + " " + ctx.request.path;
  auto read = [&](std::int64_t person_id) {
    if (persons.insert(person_id).second) {
      reads.push_back({.actor_id = ctx.actor->user_id,
                       .person_id = person_id,
                       .part = "followup",
                       .purpose = purpose});
    }
  };
  if (commitments.empty())
    section.ShowSection("NO_COMMITMENT"_key);
  else
    section.ShowSection("HAS_COMMITMENTS"_key);
  for (const auto& c : commitments) {
    read(c.person_id);
    auto* row = section.AddSectionDictionary("COMMITMENT"_key);
    row->SetIntValue("ID"_key, c.id);
    row->SetIntValue("PERSON_ID"_key, c.person_id);
    row->SetValue("PERSON"_key, c.person_name);
    row->SetValue("NAME"_key, c.name());
    row->SetValue("END"_key, french_date(c.end_date));
    bool expired = c.expired(day);
    row->SetValue("STATUS"_key, expired ? "Expiré" : "Expire bientôt");
    row->SetValue("BADGE"_key, expired ? "fr-badge--error" : "fr-badge--warning");
  }
  if (followups.empty())
    section.ShowSection("NO_FOLLOWUP"_key);
  else
    section.ShowSection("HAS_FOLLOWUPS"_key);
  for (const auto& o : followups) {
    read(o.person_id);
    auto* row = section.AddSectionDictionary("FOLLOWUP"_key);
    row->SetIntValue("ID"_key, o.id);
    row->SetIntValue("PERSON_ID"_key, o.person_id);
    row->SetValue("PERSON"_key, o.person_name);
    row->SetValue("TITLE"_key, o.title + (o.employer_name.empty() ? "" : ", " + o.employer_name));
    row->SetValue("NEXT"_key, french_date(o.next_checkin_on));
    auto next = parse_date(o.next_checkin_on);
    bool late = next && *next < day;
    row->SetValue("STATUS"_key, late ? "En retard" : "À faire");
    row->SetValue("BADGE"_key, late ? "fr-badge--error" : "fr-badge--warning");
  }
}

// GET /echeances — a professional or organisation admin: their own lists, and their
// organisations' (admins).
http::Response due(http::Context& ctx) {
  if (!ctx.actor || !may_view_due(ctx.actor, ctx.actor->user_id)) return html::refuse(ctx);
  std::int64_t day = today();
  std::vector<store::AccessRecord> reads;
  ctemplate::TemplateDictionary dict("followup/due");
  auto* mine = dict.AddSectionDictionary("LISTS"_key);
  mine->SetValue("TITLE"_key, "Mes parcours (référent·e)");
  mine->SetValue("SLUG"_key, "moi");
  fill_lists(*mine, expiring_for_referent(ctx.db, ctx.actor->user_id, day),
             followups_due_for_referent(ctx.db, ctx.actor->user_id, day), day, reads, ctx);
  for (std::int64_t org : ctx.actor->organisation_ids()) {
    if (!may_view_organisation_due(ctx.actor, org)) continue;
    auto name = ctx.db.query_one("SELECT name FROM organisations WHERE id = $1", {org});
    auto* s = dict.AddSectionDictionary("LISTS"_key);
    s->SetValue("TITLE"_key, "Structure : " + (name ? name->text(0) : std::string()));
    s->SetValue("SLUG"_key, "structure-" + std::to_string(org));
    fill_lists(*s, expiring_for_organisation(ctx.db, org, day),
               followups_due_for_organisation(ctx.db, org, day), day, reads, ctx);
  }
  store::log_accesses(ctx.db, reads);
  return html::page(ctx, "Échéances : engagements et suivis dans l’emploi", "followup/due.tpl",
                    dict);
}

}  // namespace

void register_due_routes(http::Router& router) { router.add("GET", "/echeances", due); }

}  // namespace parcours::followup

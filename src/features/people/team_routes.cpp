// The team page of a journey: members and former members, join requests to accept or refuse,
// a colleague of the territory to add, the référent to designate, leaving the team with a
// reason, and the transfer of the journey to another territory.
#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/people/routes.h"
#include "features/people/web.h"
#include "features/territories/territory.h"

namespace parcours::people {
namespace {

using web::PersonPage;

template <typename F>
http::Response with_person(http::Context& ctx, F&& handler) {
  auto loaded = web::load_person_page(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return handler(std::get<PersonPage>(loaded));
}

std::string day_of(std::int64_t at) {
  std::string when = format_datetime_fr(at);
  return when.substr(0, when.find(" à "));
}

// What was typed in the page's forms, to show again with an error.
struct Typed {
  std::string invite_user;
  std::string referent_user;
  std::string reason;
  std::string territory_id;
};

http::Response team_page(http::Context& ctx, const PersonPage& p, const Typed& typed,
                         const Error* error) {
  ctemplate::TemplateDictionary dict("person_team");
  dict.SetIntValue("PERSON_ID"_key, p.person.id);
  dict.SetValue("NAME"_key, display_name(p.person));
  web::show_error(dict, error);
  web::log_read(ctx, p.person.id, "team");
  std::vector<Member> members =
      p.journey ? team_of(ctx.db, p.journey->id, true) : std::vector<Member>{};
  ctemplate::TemplateDictionary* active = nullptr;
  ctemplate::TemplateDictionary* former = nullptr;
  for (const Member& m : members) {
    if (!m.left_at) {
      if (!active) active = dict.AddSectionDictionary("HAS_MEMBERS"_key);
      auto* row = active->AddSectionDictionary("MEMBER"_key);
      row->SetValue("NAME"_key, m.name);
      row->SetValue("ORGANISATION"_key, m.organisation_name);
      row->SetValue("ROLE"_key, m.referent() ? "Référent(e) du parcours" : "Membre");
      row->SetValue("EMAIL"_key, m.email);
      if (!m.organisation_phone.empty()) {
        row->SetValueAndShowSection("PHONE"_key, m.organisation_phone, "ORG_PHONE"_key);
      }
      row->SetValue("SINCE"_key, day_of(m.joined_at));
    } else {
      if (!former) former = dict.AddSectionDictionary("FORMER"_key);
      auto* row = former->AddSectionDictionary("FORMER_MEMBER"_key);
      row->SetValue("NAME"_key, m.name);
      row->SetValue("ORGANISATION"_key, m.organisation_name);
      row->SetValue("LEFT"_key, day_of(*m.left_at));
      row->SetValue("REASON"_key, m.left_reason);
    }
  }
  if (!active) dict.ShowSection("NO_MEMBERS"_key);

  if (may_manage_team(ctx.actor, p.facts)) {
    auto* manage = dict.AddSectionDictionary("MANAGE"_key);
    if (error) html::show_form_error(*manage, *error);
    auto requests = pending_join_requests(ctx.db, p.journey->id);
    if (requests.empty()) manage->ShowSection("NO_REQUESTS"_key);
    for (const JoinRequest& r : requests) {
      auto* row = manage->AddSectionDictionary("REQUEST"_key);
      row->SetIntValue("REQUEST_ID"_key, r.id);
      row->SetValue("NAME"_key, r.name);
      row->SetValue("ORGANISATION"_key, r.organisation_name);
      row->SetValue("WHEN"_key, format_datetime_fr(r.created_at));
      if (!r.message.empty())
        row->SetValueAndShowSection("MESSAGE"_key, r.message, "HAS_MESSAGE"_key);
    }
    for (const Colleague& c : invitable_colleagues(ctx.db, p.journey->id)) {
      auto* option = manage->AddSectionDictionary("COLLEAGUE"_key);
      std::string value = std::to_string(c.user_id) + "-" + std::to_string(c.organisation_id);
      option->SetValue("VALUE"_key, value);
      option->SetValue("LABEL"_key, c.name + " — " + c.organisation_name +
                                        (c.referent ? " (référent possible)" : ""));
      if (typed.invite_user == value) option->ShowSection("SELECTED"_key);
    }
    for (const Member& m : members) {
      if (m.left_at || m.referent()) continue;
      auto* option = manage->AddSectionDictionary("REFERENT_OPTION"_key);
      option->SetIntValue("ID"_key, m.user_id);
      option->SetValue("LABEL"_key, m.name + " — " + m.organisation_name);
      if (typed.referent_user == std::to_string(m.user_id)) option->ShowSection("SELECTED"_key);
    }
    manage->SetValue("REASON"_key, typed.reason);
  }
  if (may_transfer(ctx.actor, p.facts)) {
    auto* transfer = dict.AddSectionDictionary("TRANSFER"_key);
    if (error) html::show_form_error(*transfer, *error);
    for (const auto& t : territories::list_territories(ctx.db)) {
      if (t.id == p.territory_id) continue;
      auto* option = transfer->AddSectionDictionary("TERRITORY_OPTION"_key);
      option->SetIntValue("ID"_key, t.id);
      option->SetValue("NAME"_key, t.name);
      if (typed.territory_id == std::to_string(t.id)) option->ShowSection("SELECTED"_key);
    }
  }
  std::string title = "Équipe de " + display_name(p.person);
  return html::page(ctx, error ? "Erreur — " + title : title, "people/team.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/equipe — the team, and territory managers who may transfer.
http::Response show(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!may_manage_team(ctx.actor, p.facts) && !may_transfer(ctx.actor, p.facts)) {
      return html::refuse(ctx);
    }
    return team_page(ctx, p, {}, nullptr);
  });
}

// Runs a team action of a member; on error the team page shows it in `field`.
template <typename F>
http::Response team_action(http::Context& ctx, const Typed& typed, const char* field,
                           const char* done_message, F&& action, const char* then = "/equipe") {
  return with_person(ctx, [&](PersonPage& p) {
    if (!may_manage_team(ctx.actor, p.facts) || !p.journey) return html::refuse(ctx);
    Result<void> done = action(p, web::team_actor(ctx, p.territory_id));
    if (!done) {
      Error error = done.error();
      if (error.code == ErrorCode::kNotFound && error.field.empty()) {
        return html::error_page(ctx, error);
      }
      if (!error.field.empty() || error.code == ErrorCode::kConflict) error.field = field;
      return team_page(ctx, p, typed, &error);
    }
    http::set_flash(ctx, done_message);
    return http::Response::redirect(web::person_path(p.person.id) + then);
  });
}

// POST /personnes/{id}/equipe/inviter — a member adds a professional of the territory.
http::Response invite(http::Context& ctx) {
  Typed typed{.invite_user = ctx.request.form_value("invite_user")};
  return team_action(
      ctx, typed, "invite_user", "Le professionnel a été ajouté à l’équipe.",
      [&](const PersonPage& p, const TeamActor& me) -> Result<void> {
        auto dash = typed.invite_user.find('-');
        auto user = text::parse_id(typed.invite_user.substr(0, dash));
        auto org = dash == std::string::npos ? std::nullopt
                                             : text::parse_id(typed.invite_user.substr(dash + 1));
        if (!user || !org) {
          return fail(ErrorCode::kInvalid, "Choisissez le professionnel à ajouter à l’équipe.",
                      "invite_user");
        }
        auto added = add_member(ctx.db, {.journey_id = p.journey->id,
                                         .user_id = *user,
                                         .organisation_id = *org,
                                         .added_by = me.user_id,
                                         .actor_organisation_id = me.organisation_id,
                                         .via = "invitation"});
        if (!added) return std::unexpected(added.error());
        return {};
      });
}

// POST /personnes/{id}/equipe/referent — a member designates the référent among the members.
http::Response designate(http::Context& ctx) {
  Typed typed{.referent_user = ctx.request.form_value("referent_user")};
  return team_action(ctx, typed, "referent_user", "Le référent du parcours a été désigné.",
                     [&](const PersonPage& p, const TeamActor& me) -> Result<void> {
                       auto user = text::parse_id(typed.referent_user);
                       if (!user) {
                         return fail(ErrorCode::kInvalid,
                                     "Choisissez le membre de l’équipe à désigner.",
                                     "referent_user");
                       }
                       return set_referent(ctx.db, p.journey->id, *user, me);
                     });
}

// POST /personnes/{id}/equipe/quitter — a member leaves, with a reason.
http::Response leave(http::Context& ctx) {
  Typed typed{.reason = ctx.request.form_value("reason")};
  return team_action(
      ctx, typed, "reason", "Vous avez quitté l’équipe.",
      [&](const PersonPage& p, const TeamActor& me) {
        return leave_team(ctx.db, p.journey->id, me.user_id, typed.reason, me);
      },
      "");
}

// POST /personnes/{id}/equipe/demandes/{request}/accepter|refuser — a member decides.
http::Handler decide(bool accept) {
  return [accept](http::Context& ctx) {
    return team_action(ctx, {}, "",
                       accept ? "La demande a été acceptée." : "La demande a été refusée.",
                       [&](const PersonPage& p, const TeamActor& me) -> Result<void> {
                         auto request = web::path_id(ctx, "request");
                         if (!request) return fail(ErrorCode::kNotFound, "Demande introuvable.");
                         return decide_join_request(ctx.db, p.journey->id, *request, accept, me);
                       });
  };
}

// POST /personnes/{id}/transfert — the team, or a manager of the territory.
http::Response transfer(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!may_transfer(ctx.actor, p.facts) || !p.journey) return html::refuse(ctx);
    Typed typed{.territory_id = ctx.request.form_value("territory_id")};
    auto to = text::parse_id(typed.territory_id);
    Result<std::int64_t> moved =
        to ? transfer_journey(ctx.db, p.journey->id, *to, web::team_actor(ctx, p.territory_id))
           : fail(ErrorCode::kInvalid, "Choisissez le territoire où transférer le parcours.",
                  "territory_id");
    if (!moved) {
      Error error = moved.error();
      error.field = "territory_id";
      return team_page(ctx, p, typed, &error);
    }
    http::set_flash(ctx, "Le parcours a été transféré avec son historique.");
    // The person is now followed elsewhere: the actor may no longer see them.
    return http::Response::redirect("/personnes");
  });
}

}  // namespace

void register_team_routes(http::Router& router) {
  router.add("GET", "/personnes/{id}/equipe", show);
  router.add("POST", "/personnes/{id}/equipe/inviter", invite);
  router.add("POST", "/personnes/{id}/equipe/referent", designate);
  router.add("POST", "/personnes/{id}/equipe/quitter", leave);
  router.add("POST", "/personnes/{id}/equipe/demandes/{request}/accepter", decide(true));
  router.add("POST", "/personnes/{id}/equipe/demandes/{request}/refuser", decide(false));
  router.add("POST", "/personnes/{id}/transfert", transfer);
}

}  // namespace parcours::people

#include "features/organisations/members_routes.h"

#include "core/html/fragment_cache.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/organisations/members.h"
#include "features/organisations/organisation.h"
#include "features/organisations/policy.h"

namespace parcours::organisations {
namespace {

using security::Role;

std::optional<std::int64_t> actor_id(const http::Context& ctx) {
  if (!ctx.actor) return std::nullopt;
  return ctx.actor->user_id;
}

std::optional<std::int64_t> path_id(const http::Context& ctx, const char* name) {
  auto it = ctx.request.params.find(name);
  return it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
}

http::Response not_found(http::Context& ctx, const char* message) {
  return html::error_page(ctx, 404, "Page non trouvée", message);
}

std::string members_path(const Organisation& org) {
  return "/structures/" + std::to_string(org.id) + "/membres";
}

RolesForm roles_from_request(const http::Request& request) {
  return {.role = request.form_value("role"),
          .orientation = request.form_value("orientation") == "1",
          .referent = request.form_value("referent") == "1"};
}

// The role fields are a shared include; included templates do not see the parent's values.
void fill_roles(ctemplate::TemplateDictionary& parent, const RolesForm& roles, const Error* error) {
  auto& dict = *parent.AddIncludeDictionary("ROLES_FIELDS"_key);
  dict.SetFilename("organisations/roles_fields.tpl");
  if (error) html::show_form_error(dict, *error);
  if (roles.role == "org_admin") dict.ShowSection("ROLE_ORG_ADMIN"_key);
  if (roles.role == "professional") dict.ShowSection("ROLE_PROFESSIONAL"_key);
  if (roles.orientation) dict.ShowSection("ORIENTATION_CHECKED"_key);
  if (roles.referent) dict.ShowSection("REFERENT_CHECKED"_key);
}

std::string role_summary(const Member& m) {
  std::string s = m.role == Role::kOrgAdmin ? "Administrateur de la structure" : "Professionnel";
  if (m.orientation) s += ", chargé·e d’orientation";
  if (m.referent) s += ", référent·e de parcours";
  return s;
}

// The table of members, as HTML. Kept in memory for each organisation while its members_version
// stays the same: the list was most of the page's cost.
std::shared_ptr<const std::string> members_table(http::Context& ctx, const Organisation& org) {
  static html::FragmentCache cache(4096);
  if (auto cached = cache.get(org.id, org.members_version)) return cached;
  ctemplate::TemplateDictionary dict("members_table");
  dict.SetIntValue("ORG_ID"_key, org.id);
  auto members = list_members(ctx.db, org.id);
  for (const Member& m : members) {
    auto* row = dict.AddSectionDictionary("MEMBER"_key);
    row->SetIntValue("USER_ID"_key, m.user_id);
    row->SetValue("NAME"_key, m.name);
    row->SetValue("EMAIL"_key, m.email);
    row->SetValue("ROLES"_key, role_summary(m));
    if (!m.active || !m.account_active) {
      row->ShowSection("INACTIVE"_key);
    } else if (!m.password_set) {
      row->ShowSection("INVITED"_key);
    } else {
      row->ShowSection("ACTIVE"_key);
    }
  }
  dict.ShowSection(members.empty() ? "NO_MEMBERS" : "HAS_MEMBERS");
  auto table =
      std::make_shared<const std::string>(html::render("organisations/members_table.tpl", dict));
  cache.put(org.id, org.members_version, table);
  return table;
}

// The members page: the list and the invitation form (as typed, with its error if any).
http::Response members_page(http::Context& ctx, const Organisation& org, const InviteForm& form,
                            const Error* error) {
  ctemplate::TemplateDictionary dict("members");
  dict.SetIntValue("ORG_ID"_key, org.id);
  dict.SetValue("ORG_NAME"_key, org.name);
  auto table = members_table(ctx, org);  // outlives the dictionary's use of it below
  dict.SetValueWithoutCopy("MEMBERS_TABLE", *table);
  dict.SetValue("EMAIL"_key, form.email);
  dict.SetValue("INVITE_NAME"_key, form.name);
  fill_roles(dict, form.roles, error);
  if (error) html::show_form_error(dict, *error);
  std::string title = "Membres de " + org.name;
  return html::page(ctx, error ? "Erreur — " + title : title, "organisations/members.tpl", dict,
                    error ? http_status(error->code) : 200);
}

http::Response member_form_page(http::Context& ctx, const Organisation& org, const Member& member,
                                const RolesForm& roles, const Error* error) {
  ctemplate::TemplateDictionary dict("member");
  dict.SetIntValue("ORG_ID"_key, org.id);
  dict.SetValue("ORG_NAME"_key, org.name);
  dict.SetIntValue("USER_ID"_key, member.user_id);
  dict.SetValue("NAME"_key, member.name);
  dict.SetValue("EMAIL"_key, member.email);
  fill_roles(dict, roles, error);
  if (member.active && member.user_id != ctx.actor->user_id) dict.ShowSection("CAN_DEACTIVATE"_key);
  if (!member.active) dict.ShowSection("INACTIVE"_key);
  if (error) html::show_form_error(dict, *error);
  std::string title = member.name + " — " + org.name;
  return html::page(ctx, error ? "Erreur — " + title : title, "organisations/member.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// Loads the organisation of the path and checks may_manage_members; sets `refusal` otherwise.
std::optional<Organisation> managed_organisation(http::Context& ctx,
                                                 std::optional<http::Response>& refusal) {
  auto id = path_id(ctx, "id");
  auto org = id ? find_organisation(ctx.db, *id) : std::nullopt;
  if (!org) {
    refusal = not_found(ctx, "Cette structure n’existe pas.");
    return std::nullopt;
  }
  if (!may_manage_members(ctx.actor, org->ref())) {
    refusal = html::refuse(ctx);
    return std::nullopt;
  }
  return org;
}

// The organisation and the member of the path, for the member's pages.
struct ManagedMember {
  Organisation org;
  Member member;
};

// Loads them and checks may_manage_members; sets `refusal` otherwise.
std::optional<ManagedMember> managed_member(http::Context& ctx,
                                            std::optional<http::Response>& refusal) {
  auto org = managed_organisation(ctx, refusal);
  if (!org) return std::nullopt;
  auto user_id = path_id(ctx, "user");
  auto member = user_id ? find_member(ctx.db, org->id, *user_id) : std::nullopt;
  if (!member) {
    refusal = not_found(ctx, "Cette personne n’est pas membre de la structure.");
    return std::nullopt;
  }
  return ManagedMember{std::move(*org), std::move(*member)};
}

RolesForm roles_of(const Member& member) {
  return {.role = security::role_code(member.role),
          .orientation = member.orientation,
          .referent = member.referent};
}

// GET /structures/{id}/membres — admins, its territory's managers, its org admins.
http::Response list(http::Context& ctx) {
  std::optional<http::Response> refusal;
  auto org = managed_organisation(ctx, refusal);
  if (!org) return std::move(*refusal);
  return members_page(ctx, *org, {.roles = {.role = "professional"}}, nullptr);
}

// POST /structures/{id}/membres — same: invites someone by email.
http::Response invite(http::Context& ctx) {
  std::optional<http::Response> refusal;
  auto org = managed_organisation(ctx, refusal);
  if (!org) return std::move(*refusal);
  InviteForm form{.email = ctx.request.form_value("email"),
                  .name = ctx.request.form_value("name"),
                  .roles = roles_from_request(ctx.request)};
  auto invited = invite_member(ctx.db, *org, form, ctx.config.public_url, actor_id(ctx));
  if (!invited) return members_page(ctx, *org, form, &invited.error());
  http::set_flash(ctx, invited->new_account ? "Invitation envoyée à " + text::trim(form.email) + "."
                                            : text::trim(form.email) +
                                                  " a été ajouté·e à la structure et prévenu·e "
                                                  "par courriel.");
  return http::Response::redirect(members_path(*org));
}

// GET /structures/{id}/membres/{user} — same: the member's roles.
http::Response edit_form(http::Context& ctx) {
  std::optional<http::Response> refusal;
  auto managed = managed_member(ctx, refusal);
  if (!managed) return std::move(*refusal);
  const auto& [org, member] = *managed;
  return member_form_page(ctx, org, member, roles_of(member), nullptr);
}

// POST /structures/{id}/membres/{user} — same: sets the member's roles.
http::Response update(http::Context& ctx) {
  std::optional<http::Response> refusal;
  auto managed = managed_member(ctx, refusal);
  if (!managed) return std::move(*refusal);
  const auto& [org, member] = *managed;
  RolesForm roles = roles_from_request(ctx.request);
  auto done = set_member_roles(ctx.db, org, member.user_id, roles, actor_id(ctx));
  if (!done) return member_form_page(ctx, org, member, roles, &done.error());
  http::set_flash(ctx, "Rôles de " + member.name + " enregistrés.");
  return http::Response::redirect(members_path(org));
}

// POST /structures/{id}/membres/{user}/desactiver — same: removes the member's roles here.
http::Response deactivate(http::Context& ctx) {
  std::optional<http::Response> refusal;
  auto managed = managed_member(ctx, refusal);
  if (!managed) return std::move(*refusal);
  const auto& [org, member] = *managed;
  auto done = deactivate_member(ctx.db, org, member.user_id, actor_id(ctx));
  if (!done) return member_form_page(ctx, org, member, roles_of(member), &done.error());
  http::set_flash(ctx, member.name + " a été désactivé·e dans la structure.");
  return http::Response::redirect(members_path(org));
}

}  // namespace

void register_member_routes(http::Router& router) {
  router.add("GET", "/structures/{id}/membres", list);
  router.add("POST", "/structures/{id}/membres", invite);
  router.add("GET", "/structures/{id}/membres/{user}", edit_form);
  router.add("POST", "/structures/{id}/membres/{user}", update);
  router.add("POST", "/structures/{id}/membres/{user}/desactiver", deactivate);
}

}  // namespace parcours::organisations

#include "features/organisations/members.h"

#include <boost/json.hpp>
#include <tuple>
#include <unordered_map>

#include "core/atomic.h"
#include "core/changes.h"
#include "core/clock.h"
#include "core/mail/outbox.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/accounts/users.h"

namespace parcours::organisations {
namespace {

namespace json = boost::json;
using security::Role;

json::object roles_json(const Member& m) {
  return {{"role", security::role_code(m.role)},
          {"orientation", m.orientation},
          {"referent", m.referent},
          {"active", m.active}};
}

Result<Role> parse_member_role(const std::string& code) {
  if (code == "org_admin") return Role::kOrgAdmin;
  if (code == "professional") return Role::kProfessional;
  return fail(ErrorCode::kInvalid,
              "Choisissez le rôle : administrateur de la structure ou professionnel.", "role");
}

// Grants `role` with its flags and deactivates the member's other role in the organisation.
Result<void> apply_roles(store::Connection& conn, const Organisation& org, std::int64_t user_id,
                         Role role, const RolesForm& form, std::optional<std::int64_t> actor_id) {
  auto granted = accounts::grant_role(conn, user_id,
                                      {.role = role,
                                       .organisation_id = org.id,
                                       .orientation = form.orientation,
                                       .referent = form.referent},
                                      actor_id);
  if (!granted) return std::unexpected(granted.error());
  conn.execute(
      "UPDATE user_roles SET active = 0, updated_at = $4 WHERE user_id = $1 AND "
      "organisation_id = $2 AND role <> $3 AND active = 1",
      {user_id, org.id, std::string(security::role_code(role)), now_seconds()});
  return {};
}

std::string roles_sentence(Role role, const RolesForm& form) {
  std::string s = role == Role::kOrgAdmin ? "administrateur ou administratrice de la structure"
                                          : "professionnel ou professionnelle";
  if (form.orientation) s += ", chargé·e d’orientation";
  if (form.referent) s += ", référent·e de parcours";
  return s;
}

}  // namespace

std::vector<Member> list_members(store::Connection& conn, std::int64_t organisation_id) {
  // One row per role; a member's current role is the active one (org admin first), otherwise
  // the most recently changed. Chosen here rather than by an ORDER BY: the sort was a third of
  // the query's cost, and the list is sorted by name below anyway.
  struct Candidate {
    Member member;
    std::tuple<bool, bool, std::int64_t, std::int64_t> rank;  // greater is preferred
  };
  std::unordered_map<std::int64_t, Candidate> by_user;
  for (const auto& row : conn.query(
           "SELECT u.id, u.email, u.name, u.active, CASE WHEN u.password_hash IS NULL THEN 0 "
           "ELSE 1 END, r.role, r.orientation, r.referent, r.active, r.updated_at, r.id FROM "
           "user_roles r JOIN users u ON u.id = r.user_id WHERE r.organisation_id = $1 AND r.role "
           "IN ('org_admin', "
           "'professional')",
           {organisation_id})) {
    Role role = security::parse_role(row.text(5)).value_or(Role::kProfessional);
    std::tuple rank{row.boolean(8), role == Role::kOrgAdmin, row.integer(9), row.integer(10)};
    auto [it, inserted] = by_user.try_emplace(row.integer(0));
    if (!inserted && it->second.rank >= rank) continue;
    Member& m = it->second.member;
    m.user_id = row.integer(0);
    m.email = row.text(1);
    m.name = row.text(2);
    m.account_active = row.boolean(3);
    m.password_set = row.boolean(4);
    m.role = role;
    m.orientation = row.boolean(6);
    m.referent = row.boolean(7);
    m.active = row.boolean(8);
    it->second.rank = rank;
  }
  // Sorted on keys folded once per member, not once per comparison; ties by account, so that
  // the order is the same on every call.
  std::vector<std::pair<std::string, Member>> keyed;
  keyed.reserve(by_user.size());
  for (auto& [id, c] : by_user) {
    keyed.emplace_back(text::fold_for_search(c.member.name), std::move(c.member));
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    if (a.second.active != b.second.active) return a.second.active;
    if (a.first != b.first) return a.first < b.first;
    return a.second.user_id < b.second.user_id;
  });
  std::vector<Member> members;
  members.reserve(keyed.size());
  for (auto& [key, m] : keyed) members.push_back(std::move(m));
  return members;
}

std::optional<Member> find_member(store::Connection& conn, std::int64_t organisation_id,
                                  std::int64_t user_id) {
  for (auto& m : list_members(conn, organisation_id)) {
    if (m.user_id == user_id) return std::optional<Member>(std::move(m));
  }
  return std::nullopt;
}

Result<Invitation> invite_member(store::Connection& conn, const Organisation& org,
                                 const InviteForm& form, const std::string& public_url,
                                 std::optional<std::int64_t> actor_id) {
  std::string email = text::trim(form.email);
  for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (email.empty()) {
    return fail(ErrorCode::kInvalid, "Indiquez l’adresse électronique de la personne.", "email");
  }
  auto role = parse_member_role(form.roles.role);
  if (!role) return std::unexpected(role.error());

  return atomically(conn, [&]() -> Result<Invitation> {
    Invitation invitation;
    auto existing = accounts::find_user_by_email(conn, email);
    if (existing) {
      invitation.user_id = *existing;
      auto member = find_member(conn, org.id, *existing);
      if (member && member->active) {
        return fail(ErrorCode::kConflict,
                    member->name + " (" + email + ") est déjà membre de la structure.", "email");
      }
    } else {
      std::string name = text::trim(form.name);
      if (name.empty()) {
        return fail(ErrorCode::kInvalid, "Indiquez le prénom et le nom de la personne.", "name");
      }
      auto created = accounts::create_user(conn, {.email = email, .name = name}, actor_id);
      if (!created) return std::unexpected(created.error());
      invitation.user_id = *created;
      invitation.new_account = true;
    }
    auto applied = apply_roles(conn, org, invitation.user_id, *role, form.roles, actor_id);
    if (!applied) return std::unexpected(applied.error());

    auto has_password = conn.query_one(
        "SELECT 1 FROM users WHERE id = $1 AND password_hash IS NOT NULL", {invitation.user_id});
    std::string text = "Bonjour,\n\nVous avez été ajouté·e à la structure « " + org.name +
                       " » sur Parcours, le service numérique de l’insertion et de l’emploi, "
                       "comme " +
                       roles_sentence(*role, form.roles) + ".\n\n";
    if (has_password) {
      text += "Connectez-vous avec votre compte habituel : " + public_url + "/connexion\n";
    } else {
      std::string token = accounts::issue_password_token(conn, invitation.user_id, "invitation");
      text +=
          "Pour activer votre compte, choisissez votre mot de passe en suivant ce lien, "
          "valable 7 jours :\n" +
          public_url + "/mot-de-passe/" + token + "\n";
    }
    text += "\nSi vous ne vous attendiez pas à ce message, ignorez-le.\n\nL’équipe Parcours\n";
    mail::queue_mail(conn, {.to = email,
                            .subject = "Invitation à rejoindre " + org.name + " sur Parcours",
                            .text = text});

    json::object payload{{"organisation_id", org.id},
                         {"user_id", invitation.user_id},
                         {"email", email},
                         {"new_account", invitation.new_account},
                         {"role", security::role_code(*role)},
                         {"orientation", form.roles.orientation},
                         {"referent", form.roles.referent}};
    store::append_event(conn, {.kind = "member.invited",
                               .territory_id = org.territory_id,
                               .actor_id = actor_id,
                               .payload_json = json::serialize(payload)});
    return invitation;
  });
}

Result<void> set_member_roles(store::Connection& conn, const Organisation& org,
                              std::int64_t user_id, const RolesForm& form,
                              std::optional<std::int64_t> actor_id) {
  auto role = parse_member_role(form.role);
  if (!role) return std::unexpected(role.error());
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto before = find_member(conn, org.id, user_id);
    if (!before)
      return fail(ErrorCode::kNotFound, "Cette personne n’est pas membre de la structure.");
    if (actor_id == user_id && before->role == Role::kOrgAdmin && *role != Role::kOrgAdmin) {
      return fail(ErrorCode::kInvalid,
                  "Vous ne pouvez pas retirer vous-même votre rôle d’administrateur : demandez-le "
                  "à un autre administrateur de la structure.",
                  "role");
    }
    auto applied = apply_roles(conn, org, user_id, *role, form, actor_id);
    if (!applied) return std::unexpected(applied.error());
    auto after = find_member(conn, org.id, user_id);
    Changes changes;
    changes.compare("roles", roles_json(*before), roles_json(*after));
    if (!changes.empty()) {
      store::append_event(
          conn,
          {.kind = "member.roles_updated",
           .territory_id = org.territory_id,
           .actor_id = actor_id,
           .payload_json = changes.to_json({{"organisation_id", org.id}, {"user_id", user_id}})});
    }
    return user_id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

Result<void> deactivate_member(store::Connection& conn, const Organisation& org,
                               std::int64_t user_id, std::optional<std::int64_t> actor_id) {
  if (actor_id == user_id) {
    return fail(ErrorCode::kInvalid, "Vous ne pouvez pas vous désactiver vous-même.");
  }
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto before = find_member(conn, org.id, user_id);
    if (!before)
      return fail(ErrorCode::kNotFound, "Cette personne n’est pas membre de la structure.");
    if (!before->active) return user_id;
    conn.execute(
        "UPDATE user_roles SET active = 0, updated_at = $3 WHERE user_id = $1 AND "
        "organisation_id = $2 AND active = 1",
        {user_id, org.id, now_seconds()});
    auto after = find_member(conn, org.id, user_id);
    Changes changes;
    changes.compare("roles", roles_json(*before), roles_json(*after));
    store::append_event(
        conn,
        {.kind = "member.deactivated",
         .territory_id = org.territory_id,
         .actor_id = actor_id,
         .payload_json = changes.to_json({{"organisation_id", org.id}, {"user_id", user_id}})});
    return user_id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

}  // namespace parcours::organisations

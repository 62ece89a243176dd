// The team that follows a journey: professionals with their organisation, at most one active
// référent (a professional whose role carries the référent flag). Members join (when they open
// the journey, are invited by a member, or have their join request accepted by the team) and
// leave with a reason; nothing is deleted — a former member stays in the history. Every change
// is journaled (member.joined, member.left, referent.changed, join.requested, join.accepted,
// join.refused) and counts as activity on the journey.
//
//   add_member(conn, {.journey_id = j, .user_id = u, .organisation_id = o, .added_by = me});
//   leave_team(conn, j, me, "Fin de l’accompagnement par la structure", {me, my_org});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::people {

// Who performs a team action, for the journal.
struct TeamActor {
  std::int64_t user_id = 0;
  std::optional<std::int64_t> organisation_id;  // the organisation they act for
};

struct Member {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string email;
  std::int64_t organisation_id = 0;
  std::string organisation_name;
  std::string organisation_email;
  std::string organisation_phone;
  std::string role;  // "referent" or "member"
  std::int64_t joined_at = 0;
  std::optional<std::int64_t> left_at;
  std::string left_reason;

  bool referent() const { return role == "referent" && !left_at; }
};

// The active members, référent first then by arrival; with `former`, those who left after them.
std::vector<Member> team_of(store::Connection& conn, std::int64_t journey_id, bool former = false);
std::optional<Member> active_member(store::Connection& conn, std::int64_t journey_id,
                                    std::int64_t user_id);
// Active journeys in which the user is a member (for policies: "is in the team").
bool in_team(store::Connection& conn, std::int64_t journey_id, std::int64_t user_id);

struct NewMember {
  std::int64_t journey_id = 0;
  std::int64_t user_id = 0;
  std::int64_t organisation_id = 0;
  bool referent = false;
  std::optional<std::int64_t> added_by;               // empty: joined by themself
  std::optional<std::int64_t> actor_organisation_id;  // the organisation added_by acts for
  std::string via;                                    // "", "invitation", "request", "opening"
};

// kConflict when already an active member or, with `referent`, when the journey has one;
// kInvalid (field user_id) when the account is not a professional of an organisation of the
// journey's territory, or may not be référent.
Result<std::int64_t> add_member(store::Connection& conn, const NewMember& member);

// The member leaves (themself, or removed by another member: `actor`). `reason` is required
// (field "reason", 3 to 300 characters).
Result<void> leave_team(store::Connection& conn, std::int64_t journey_id, std::int64_t user_id,
                        const std::string& reason, const TeamActor& actor);

// Makes an active member the référent (the previous one stays a member).
Result<void> set_referent(store::Connection& conn, std::int64_t journey_id, std::int64_t user_id,
                          const TeamActor& actor);

// Professionals of the journey's territory (account and organisation) who are not in the team:
// whom a member may invite.
struct Colleague {
  std::int64_t user_id = 0;
  std::string name;
  std::int64_t organisation_id = 0;
  std::string organisation_name;
  bool referent = false;  // may be référent
};
std::vector<Colleague> invitable_colleagues(store::Connection& conn, std::int64_t journey_id);

struct JoinRequest {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::int64_t organisation_id = 0;
  std::string organisation_name;
  std::string message;
  std::string status;  // pending, accepted, refused
  std::int64_t created_at = 0;
};

// A professional outside the team asks to join (message optional, at most 500 characters).
// kConflict when they are a member or already have a pending request.
Result<std::int64_t> request_to_join(store::Connection& conn, std::int64_t journey_id,
                                     const TeamActor& requester, const std::string& message);
std::vector<JoinRequest> pending_join_requests(store::Connection& conn, std::int64_t journey_id);
std::optional<JoinRequest> pending_request_of(store::Connection& conn, std::int64_t journey_id,
                                              std::int64_t user_id);
// A member accepts (the requester joins) or refuses a pending request of the same journey.
Result<void> decide_join_request(store::Connection& conn, std::int64_t journey_id,
                                 std::int64_t request_id, bool accept, const TeamActor& actor);

}  // namespace parcours::people

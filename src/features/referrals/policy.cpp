#include "features/referrals/policy.h"

namespace parcours::referrals {
namespace {

bool team_at_work(const MaybeActor& actor, const people::PersonFacts& facts) {
  return actor.has_value() && facts.present && facts.in_team && facts.journey_active &&
         facts.journey_id.has_value();
}

bool receiver(const MaybeActor& actor, const ReferralFacts& r) {
  return actor && r.receiving_organisation &&
         actor->member_of_organisation(*r.receiving_organisation);
}

}  // namespace

bool may_view_matching(const MaybeActor& actor, const people::PersonFacts& facts) {
  return team_at_work(actor, facts);
}

bool may_add_plan_action(const MaybeActor& actor, const people::PersonFacts& facts) {
  return team_at_work(actor, facts);
}

bool may_refer(const MaybeActor& actor, const people::PersonFacts& facts) {
  return team_at_work(actor, facts) && !people::objected(actor, facts);
}

bool may_view_inbox(const MaybeActor& actor, std::int64_t organisation_id) {
  return actor && actor->member_of_organisation(organisation_id);
}

bool may_view_as_sender(const MaybeActor& actor, const ReferralFacts& r) {
  return actor.has_value() && r.journey_visible;
}

bool may_view_as_receiver(const MaybeActor& actor, const ReferralFacts& r) {
  return receiver(actor, r);
}

bool may_answer(const MaybeActor& actor, const ReferralFacts& r) {
  return r.status == "sent" && receiver(actor, r);
}

bool may_close(const MaybeActor& actor, const ReferralFacts& r) {
  return r.status == "accepted" && (receiver(actor, r) || (actor && r.in_team));
}

bool may_abandon_waiting(const MaybeActor& actor, const ReferralFacts& r) {
  return r.status == "sent" && actor.has_value() && r.in_team;
}

bool person_may_view_matching(std::optional<std::int64_t> signed_in, std::int64_t person_id) {
  return signed_in && *signed_in == person_id;
}

bool person_may_ask_referent(std::optional<std::int64_t> signed_in, std::int64_t person_id,
                             bool journey_active, bool has_referent) {
  return person_may_view_matching(signed_in, person_id) && journey_active && has_referent;
}

}  // namespace parcours::referrals

// Is this the same person? The order that worked in practice (DOMAIN.md §4):
//   strong — same NIR (first 13 characters), then same internal id of the département (within
//            its territory), then same France Travail id: it IS that person, never a duplicate;
//   weak   — same email or phone with the same first name, or same names and birth date: only a
//            suggestion, shown to professionals to confirm (merge) or dismiss, never automatic.
// Dismissed pairs (person_match_dismissals) are not suggested again. Merged records are never
// matched: only live ones.
//
//   if (auto same = find_strong_match(conn, candidate_of(identity, contact, territory))) ...
//   for (auto& m : find_weak_matches(conn, candidate)) show(m.person_id, m.reason);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/people/persons.h"

namespace parcours::people {

// What is compared, from a validated identity and contact.
struct Candidate {
  std::int64_t territory_id = 0;  // where an internal id is meaningful
  std::optional<std::string> nir_hash;
  std::optional<std::string> internal_id;
  std::optional<std::string> ft_id;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::string birth_name;
  std::string usage_name;
  std::string first_names;
  std::optional<std::string> birth_date;
};

Candidate candidate_of(store::Connection& conn, std::int64_t territory_id,
                       const ValidIdentity& identity, const ValidContact& contact);
Candidate candidate_of(const Person& person);

enum class MatchReason { kNir, kInternalId, kFtId, kEmail, kPhone, kNamesAndBirthDate };
// "même numéro de sécurité sociale", "même adresse électronique et même prénom", ...
const char* match_reason_label(MatchReason reason);

struct Match {
  std::int64_t person_id = 0;
  MatchReason reason;
  bool strong() const {
    return reason == MatchReason::kNir || reason == MatchReason::kInternalId ||
           reason == MatchReason::kFtId;
  }
};

// The live record holding one of the candidate's strong identifiers, first in the order
// NIR → internal id → France Travail id.
std::optional<Match> find_strong_match(store::Connection& conn, const Candidate& candidate);

// Live records that may be the same person, at most `limit`, without `exclude` and the pairs
// dismissed with it. One entry per record (its first reason in the order email, phone, names).
std::vector<Match> find_weak_matches(store::Connection& conn, const Candidate& candidate,
                                     std::optional<std::int64_t> exclude = {}, int limit = 10);

// The suggestions about an existing record (its weak matches, not yet dismissed).
std::vector<Match> suggestions_for(store::Connection& conn, const Person& person, int limit = 10);

// Records that `person_id` and `other_id` are not the same person; journaled (match.dismissed)
// on both. kInvalid when they are the same record, kNotFound when one does not exist.
Result<void> dismiss_match(store::Connection& conn, std::int64_t person_id, std::int64_t other_id,
                           std::int64_t actor_id,
                           std::optional<std::int64_t> actor_organisation_id = {});

bool match_dismissed(store::Connection& conn, std::int64_t person_id, std::int64_t other_id);

}  // namespace parcours::people

#include "features/people/matching.h"

#include <algorithm>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/text.h"
#include "features/people/events.h"
#include "features/people/nir_protection.h"

namespace parcours::people {
namespace {

// The first word of the folded first names: "Marie-Claire" and "Marie" meet on "marie".
std::string first_given_name(std::string_view first_names) {
  std::string folded = text::fold_for_search(first_names);
  return folded.substr(0, folded.find(' '));
}

// A candidate's names folded once, to compare with many persons.
struct FoldedNames {
  explicit FoldedNames(const Candidate& c)
      : first(first_given_name(c.first_names)),
        birth(text::fold_for_search(c.birth_name)),
        usage(text::fold_for_search(c.usage_name)) {}

  bool same_first_name(std::string_view first_names) const {
    return !first.empty() && first == first_given_name(first_names);
  }

  bool same_name(std::string_view birth_name, std::string_view usage_name) const {
    for (const auto& b : {text::fold_for_search(birth_name), text::fold_for_search(usage_name)}) {
      if (!b.empty() && (b == birth || b == usage)) return true;
    }
    return false;
  }

  std::string first;
  std::string birth;
  std::string usage;
};

std::optional<std::int64_t> live_id(store::Connection& conn, const char* sql,
                                    const store::Params& params) {
  auto row = conn.query_one(sql, params);
  if (!row) return std::nullopt;
  return row->integer(0);
}

}  // namespace

Candidate candidate_of(store::Connection& conn, std::int64_t territory_id,
                       const ValidIdentity& identity, const ValidContact& contact) {
  Candidate c;
  c.territory_id = territory_id;
  if (identity.nir) c.nir_hash = nir_hash(conn, *identity.nir);
  c.internal_id = identity.internal_id;
  c.ft_id = identity.ft_id;
  c.email = contact.email;
  c.phone = contact.phone;
  c.birth_name = identity.birth_name;
  c.usage_name = identity.usage_name;
  c.first_names = identity.first_names;
  c.birth_date = identity.birth_date;
  return c;
}

Candidate candidate_of(const Person& p) {
  return {.territory_id = p.territory_id,
          .nir_hash = p.nir_hash,
          .internal_id = p.internal_id,
          .ft_id = p.ft_id,
          .email = p.email,
          .phone = p.phone,
          .birth_name = p.birth_name,
          .usage_name = p.usage_name,
          .first_names = p.first_names,
          .birth_date = p.birth_date};
}

const char* match_reason_label(MatchReason reason) {
  switch (reason) {
    case MatchReason::kNir:
      return "même numéro de sécurité sociale";
    case MatchReason::kInternalId:
      return "même identifiant du département";
    case MatchReason::kFtId:
      return "même identifiant France Travail";
    case MatchReason::kEmail:
      return "même adresse électronique et même prénom";
    case MatchReason::kPhone:
      return "même téléphone et même prénom";
    case MatchReason::kNamesAndBirthDate:
      return "mêmes nom, prénom et date de naissance";
  }
  return "";
}

std::optional<Match> find_strong_match(store::Connection& conn, const Candidate& c) {
  if (c.nir_hash) {
    if (auto id =
            live_id(conn, "SELECT id FROM persons WHERE nir_hash = $1 AND merged_into IS NULL",
                    {*c.nir_hash})) {
      return Match{*id, MatchReason::kNir};
    }
  }
  if (c.internal_id) {
    if (auto id = live_id(conn,
                          "SELECT id FROM persons WHERE territory_id = $1 AND internal_id = $2 "
                          "AND merged_into IS NULL",
                          {c.territory_id, *c.internal_id})) {
      return Match{*id, MatchReason::kInternalId};
    }
  }
  if (c.ft_id) {
    if (auto id = live_id(conn, "SELECT id FROM persons WHERE ft_id = $1 AND merged_into IS NULL",
                          {*c.ft_id})) {
      return Match{*id, MatchReason::kFtId};
    }
  }
  return std::nullopt;
}

std::vector<Match> find_weak_matches(store::Connection& conn, const Candidate& c,
                                     std::optional<std::int64_t> exclude, int limit) {
  std::vector<Match> out;
  auto add = [&](std::int64_t id, MatchReason reason) {
    if (static_cast<int>(out.size()) >= limit || id == exclude) return;
    if (std::any_of(out.begin(), out.end(), [&](const Match& m) { return m.person_id == id; })) {
      return;
    }
    if (exclude && match_dismissed(conn, *exclude, id)) return;
    out.push_back({id, reason});
  };
  const FoldedNames mine(c);
  constexpr const char* kBy =
      "SELECT id, first_names, birth_name, usage_name, birth_date FROM persons "
      "WHERE merged_into IS NULL AND ";
  if (c.email) {
    for (const auto& r :
         conn.query(std::string(kBy) + "email = $1 ORDER BY id LIMIT 50", {*c.email})) {
      if (mine.same_first_name(r.text(1))) add(r.integer(0), MatchReason::kEmail);
    }
  }
  if (c.phone) {
    for (const auto& r : conn.query(
             std::string(kBy) + "(phone = $1 OR phone2 = $1) ORDER BY id LIMIT 50", {*c.phone})) {
      if (mine.same_first_name(r.text(1))) add(r.integer(0), MatchReason::kPhone);
    }
  }
  if (c.birth_date) {
    for (const auto& r :
         conn.query(std::string(kBy) + "birth_date = $1 ORDER BY id LIMIT 500", {*c.birth_date})) {
      if (mine.same_first_name(r.text(1)) && mine.same_name(r.text(2), r.text(3))) {
        add(r.integer(0), MatchReason::kNamesAndBirthDate);
      }
    }
  }
  return out;
}

std::vector<Match> suggestions_for(store::Connection& conn, const Person& person, int limit) {
  return find_weak_matches(conn, candidate_of(person), person.id, limit);
}

bool match_dismissed(store::Connection& conn, std::int64_t a, std::int64_t b) {
  std::int64_t low = std::min(a, b);
  std::int64_t high = std::max(a, b);
  return conn
      .query_one("SELECT 1 FROM person_match_dismissals WHERE person_id = $1 AND other_id = $2",
                 {low, high})
      .has_value();
}

Result<void> dismiss_match(store::Connection& conn, std::int64_t person_id, std::int64_t other_id,
                           std::int64_t actor_id,
                           std::optional<std::int64_t> actor_organisation_id) {
  if (person_id == other_id) {
    return fail(ErrorCode::kInvalid, "Une fiche ne peut pas être écartée d’elle-même.", "other_id");
  }
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto a = find_person(conn, person_id);
    auto b = find_person(conn, other_id);
    if (!a || !b) return fail(ErrorCode::kNotFound, "Personne introuvable.");
    if (match_dismissed(conn, person_id, other_id)) return person_id;
    conn.execute(
        "INSERT INTO person_match_dismissals (person_id, other_id, user_id, at) "
        "VALUES ($1, $2, $3, $4)",
        {std::min(person_id, other_id), std::max(person_id, other_id), actor_id, now_seconds()});
    for (const auto& [self, other] : {std::pair{*a, b->id}, std::pair{*b, a->id}}) {
      boost::json::object payload{{"other_id", other}};
      if (actor_organisation_id) payload["actor_organisation_id"] = *actor_organisation_id;
      append_person_event(conn, kMatchDismissed, self.id, self.territory_id, actor_id, payload);
    }
    return person_id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

}  // namespace parcours::people

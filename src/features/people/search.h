// Finding a person within one territory. What is typed decides how:
//   - words ("dupont mar", "N'Diaye", "Lefèvre-Martin"): every word must begin one of the
//     person's name terms (person_terms), in any order, whatever the accents, case, hyphens or
//     apostrophes. The longest word drives an index range scan on (territory, term) whose order
//     is the order of the results — each person once, under their first matching term — so a
//     page costs its own rows whatever the number of matches, and the cursor
//     (term, person id) never shifts when records are added;
//   - an identifier: NIR (13 or 15 characters), CAF/MSA matricule, France Travail id,
//     département id, phone in any French format, or email: exact lookups.
// Persons whose record objects to one of `hidden_for_organisations` are left out (the policy
// decides which organisations those are).
//
//   auto page = search_persons(conn, {.territory_id = t, .text = "dupont mar"});
//   ... search_persons(conn, {.territory_id = t, .text = "dupont mar", .cursor =
//   page->next_cursor});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::people {

struct SearchQuery {
  std::int64_t territory_id = 0;
  std::string text;    // field "q"
  std::string cursor;  // field "cursor": from a previous page, empty for the first
  int limit = 20;      // 1..100
  // Organisations whose professionals may not find persons objecting to them, unless
  // `member_user_id` is in the person's team.
  std::vector<std::int64_t> hidden_for_organisations;
  std::optional<std::int64_t> member_user_id;
};

struct SearchHit {
  std::int64_t person_id = 0;
  std::string birth_name;
  std::string usage_name;
  std::string first_names;
  std::optional<std::string> birth_date;
  std::string commune_name;
  std::optional<std::string> journey_status;  // of the active journey in the territory
};

struct SearchPage {
  std::string by;  // "names", "nir", "caf_number", "ft_id", "internal_id", "phone", "email"
  std::vector<SearchHit> hits;
  std::optional<std::string> next_cursor;
};

// kInvalid naming "q" (empty, too long, or an identifier of no known form) or "cursor".
Result<SearchPage> search_persons(store::Connection& conn, const SearchQuery& query);

namespace internal {

// Of the folded words of a name search (the longest first), the one whose index range drives
// the scan: the longest, unless another one begins far fewer terms of the territory. Results
// and their order do not depend on it, only the cost does.
std::size_t driving_word(store::Connection& conn, std::int64_t territory_id,
                         const std::vector<std::string>& words);

}  // namespace internal

}  // namespace parcours::people

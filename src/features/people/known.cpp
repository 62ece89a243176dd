#include "features/people/known.h"

#include "core/text.h"
#include "features/people/matching.h"

namespace parcours::people {

std::optional<Known> find_known_person(store::Connection& conn, const KnownQuery& query) {
  if (query.nir_hash || query.ft_id || query.internal_id) {
    Candidate candidate;
    candidate.territory_id = query.territory_id;
    candidate.nir_hash = query.nir_hash;
    candidate.internal_id = query.internal_id;
    candidate.ft_id = query.ft_id;
    if (auto match = find_strong_match(conn, candidate)) {
      bool same = true;
      if (match->reason == MatchReason::kFtId && query.nir_hash) {
        auto row = conn.query_one("SELECT nir_hash FROM persons WHERE id = $1", {match->person_id});
        auto stored = row ? row->opt_text(0) : std::nullopt;
        same = !stored || *stored == *query.nir_hash;
      }
      if (same) return Known{match->person_id, match_reason_label(match->reason)};
    }
  }
  if (query.caf_number && query.birth_date) {
    std::string first = text::fold_for_search(query.first_names);
    for (const auto& row :
         conn.query("SELECT id, first_names, nir_hash FROM persons WHERE caf_number = $1 AND "
                    "birth_date = $2 AND merged_into IS NULL",
                    {*query.caf_number, *query.birth_date})) {
      if (text::fold_for_search(row.text(1)) != first) continue;
      auto stored = row.opt_text(2);
      if (query.nir_hash && stored && *stored != *query.nir_hash) continue;
      return Known{row.integer(0),
                   "même numéro allocataire, même prénom et même date de naissance"};
    }
  }
  return std::nullopt;
}

}  // namespace parcours::people

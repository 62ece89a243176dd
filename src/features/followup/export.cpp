#include "features/followup/export.h"

#include "core/clock.h"
#include "features/followup/commitments.h"
#include "features/followup/dates.h"
#include "features/followup/outcomes.h"

namespace parcours::followup {

boost::json::object person_export(store::Connection& conn, std::int64_t person_id) {
  namespace json = boost::json;
  std::int64_t day = today();
  json::array commitments;
  for (const auto& listed : commitments_of_person(conn, person_id)) {
    auto c = find_commitment(conn, listed.id);
    if (!c || c->status == "cancelled") continue;
    json::array goals;
    for (const auto& g : c->goals) goals.push_back(json::string(g.title));
    json::object entry{
        {"type", c->kind == "other" ? c->other_label : commitment_kind_label(c->kind)},
        {"debut", c->start_date},
        {"fin", c->end_date},
        {"statut", commitment_status_label(c->status, c->expired(day))},
        {"objectifs", std::move(goals)},
        {"droits_et_devoirs", c->rights_and_duties}};
    if (c->signature == "online") {
      entry["accepte_en_ligne_le"] = format_iso8601(*c->accepted_at);
    } else if (c->signature == "paper") {
      entry["signe_sur_papier_le"] = c->signed_on;
    }
    commitments.push_back(std::move(entry));
  }
  json::array outcomes;
  for (const auto& j : conn.query("SELECT id FROM journeys WHERE person_id = $1", {person_id})) {
    for (const auto& o : outcomes_of_journey(conn, j.integer(0))) {
      json::object entry{{"type", outcome_kind_label(o.kind)},
                         {"intitule", o.title},
                         {"debut", o.start_date},
                         {"fin", o.end_date},
                         {"employeur", o.employer_name}};
      if (!o.contract.empty()) entry["contrat"] = contract_label(o.contract);
      if (o.hours_per_week) entry["heures_par_semaine"] = *o.hours_per_week;
      if (!o.employer_siret.empty()) entry["siret"] = o.employer_siret;
      if (o.followed()) {
        json::array checkins;
        for (const auto& c : checkins_of(conn, o.id)) {
          checkins.push_back({{"date", c.date}, {"avec", with_whom_label(c.with_whom)}});
        }
        entry["suivi_dans_l_emploi_jusqu_au"] = o.followup_until;
        entry["points_de_suivi"] = std::move(checkins);
      }
      outcomes.push_back(std::move(entry));
    }
  }
  return {{"engagements_reciproques", std::move(commitments)}, {"sorties", std::move(outcomes)}};
}

}  // namespace parcours::followup

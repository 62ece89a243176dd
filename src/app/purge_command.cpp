// `parcours purge [--apply]`: without --apply, lists what the retention rules would delete
// (nothing is deleted); with it, deletes (features/retention/purge.h). No name is printed: a
// journey and a person are shown by their numbers.
#include <iostream>

#include "app/commands.h"
#include "core/clock.h"
#include "core/store/db.h"
#include "features/retention/purge.h"

namespace parcours::app {
namespace {

const char* status_fr(const std::string& status) {
  if (status == "to_orient") return "à orienter";
  if (status == "oriented") return "orienté";
  if (status == "accompanied") return "accompagné";
  if (status == "closed") return "clos";
  return "autre";
}

void print_report(const retention::PurgeReport& report) {
  const bool applied = report.applied;
  if (!applied) {
    std::cout << "Simulation : rien n’est supprimé. Relancez avec --apply pour supprimer.\n";
  }
  if (report.journeys.empty()) {
    std::cout << "Aucun parcours n’a dépassé la durée de conservation de son territoire.\n";
  } else {
    std::cout << (applied ? "Parcours supprimés" : "Parcours à supprimer")
              << " (inactifs depuis plus longtemps que la durée de conservation) :\n";
    for (const auto& j : report.journeys) {
      std::cout << "  parcours n° " << j.journey_id << " — personne n° " << j.person_id << " — "
                << j.territory_name << " (conservation " << j.retention_months << " mois) — "
                << status_fr(j.status) << ", dernière activité le "
                << format_datetime_fr(j.last_activity_at);
      if (j.person_deleted) {
        std::cout << (applied ? " — fiche de la personne supprimée"
                              : " — la fiche de la personne sera supprimée");
      }
      std::cout << "\n";
    }
    for (const auto& t : report.territories) {
      std::cout << "  " << t.territory_name << " : " << t.journeys << " parcours, " << t.persons
                << " fiche(s) de personne, " << t.notes << " note(s), " << t.journal_events
                << " événement(s) du journal\n";
    }
  }
  std::cout << (applied ? "Journal des accès : " : "Journal des accès : à supprimer ")
            << report.access_log_entries << " entrée(s) de plus de " << retention::kAccessLogMonths
            << " mois" << (applied ? " supprimée(s)" : "") << ".\n";
  std::cout << "Total : " << report.total_journeys() << " parcours, " << report.total_persons()
            << " fiche(s) de personne, " << report.total_notes() << " note(s), "
            << report.total_journal_events() << " événement(s) du journal, "
            << report.access_log_entries << " entrée(s) du journal des accès"
            << (applied ? " supprimés" : " à supprimer") << ".\n";
}

}  // namespace

int run_purge(const Config& config, bool apply) {
  try {
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    print_report(retention::purge(*conn, {.apply = apply}));
    return 0;
  } catch (const store::StoreError& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace parcours::app

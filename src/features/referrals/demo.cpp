#include "features/referrals/demo.h"

#include <algorithm>
#include <stdexcept>

#include "core/clock.h"
#include "features/catalogue/service.h"
#include "features/organisations/organisation.h"
#include "features/referrals/referrals.h"
#include "features/search/index.h"

namespace parcours::referrals {
namespace {

constexpr const char* kDemoUrl = "http://127.0.0.1:8080";

struct DemoService {
  const char* di_id;
  int organisation;  // index in seed.cpp's organisations
  const char* nom;
  const char* description;
  const char* thematique;
  const char* code_insee;
  const char* commune;
  const char* code_postal;
  const char* telephone;
};

// The demo catalogue (catalogue::seed_demo_catalogue) has no childcare service of the CCAS de
// Sedan, whose social worker (social@demo.test) receives referrals in the demo: this one is added.
constexpr DemoService kServices[] = {
    {"demo-orientations-garde", 4, "Garde d’enfants ponctuelle",
     "Des places de garde pour les parents qui reprennent une formation ou un emploi, le temps de "
     "trouver un mode de garde durable.",
     "famille--garde-denfants", "08409", "Sedan", "08200", "03 24 27 73 73"},
};

// Services of the demo catalogue the demo referrals go to (source "parcours"), by their
// data·inclusion id; a missing one leaves its referral out.
constexpr const char* kCatalogueServices[] = {
    "parcours--demo-garde-enfants-reprise",  // CAF: no member, answered by link (expired)
    "parcours--demo-conseil-mobilite",       // France Travail (done)
    "parcours--demo-hebergement-urgence",    // CCAS de Sedan (refused)
    "parcours--demo-location-vehicule",      // Les Jardins de la Meuse (abandoned)
    "parcours--demo-atelier-cv",             // France Travail (accepted)
};

std::int64_t ensure_service(store::Connection& conn, const DemoService& d,
                            const std::vector<std::int64_t>& organisation_ids) {
  std::string di_id = std::string(catalogue::kSourceParcours) + "--" + d.di_id;
  if (auto existing = catalogue::find_service_by_di_id(conn, catalogue::kSourceParcours, di_id)) {
    return existing->id;
  }
  std::int64_t org_id = organisation_ids.at(static_cast<std::size_t>(d.organisation));
  auto structure = catalogue::find_structure_by_organisation(conn, org_id);
  if (!structure) {
    auto org = organisations::find_organisation(conn, org_id);
    if (!org) throw std::runtime_error("structure de démonstration absente");
    catalogue::Structure s;
    s.source = catalogue::kSourceParcours;
    s.di_id = std::string(catalogue::kSourceParcours) + "--" + org->slug;
    s.organisation_id = org_id;
    s.nom = org->name;
    s.courriel = org->email;
    s.telephone = org->phone;
    s.code_insee = d.code_insee;
    s.commune = d.commune;
    s.date_maj = format_iso8601(now_seconds()).substr(0, 10);
    catalogue::upsert_structure(conn, s);
    structure = s;
  }
  catalogue::Service s;
  s.source = catalogue::kSourceParcours;
  s.di_id = di_id;
  s.structure_id = structure->id;
  s.structure_di_id = structure->di_id;
  s.nom = d.nom;
  s.description = d.description;
  s.type = "accompagnement";
  s.thematiques = {d.thematique};
  s.frais = "gratuit";
  s.modes_accueil = {"en-presentiel"};
  s.zone_eligibilite = {"08"};
  s.code_insee = d.code_insee;
  s.commune = d.commune;
  s.code_postal = d.code_postal;
  s.telephone = d.telephone;
  s.modes_mobilisation = {"telephoner", "envoyer-un-courriel"};
  s.mobilisable_par = {"professionnels"};
  s.date_maj = "2026-10-01";
  auto upserted = catalogue::upsert_service(conn, s);
  if (!upserted) throw std::runtime_error(upserted.error().message);
  search::reindex_service(conn, s.id);
  return s.id;
}

template <typename T>
T or_throw(Result<T> result) {
  if (!result) throw std::runtime_error("orientation de démonstration : " + result.error().message);
  return std::move(*result);
}

void or_throw(Result<void> result) {
  if (!result) throw std::runtime_error("orientation de démonstration : " + result.error().message);
}

}  // namespace

int seed_demo_referrals(store::Connection& conn, std::int64_t territory_id,
                        const std::vector<std::int64_t>& organisation_ids) {
  // services[0..4]: kCatalogueServices (0 when absent); services[5]: the childcare service.
  std::vector<std::int64_t> services;
  for (const char* di_id : kCatalogueServices) {
    auto found = catalogue::find_service_by_di_id(conn, catalogue::kSourceParcours, di_id);
    services.push_back(found && found->status == catalogue::kPublished ? found->id : 0);
  }
  for (const auto& d : kServices) services.push_back(ensure_service(conn, d, organisation_ids));
  if (conn.query_one("SELECT 1 FROM referrals r JOIN journeys j ON j.id = r.journey_id WHERE "
                     "j.territory_id = $1 LIMIT 1",
                     {territory_id})) {
    return 0;
  }
  // Active journeys with a référent and recent activity (the one kept inactive for the purge's
  // demonstration stays so), Léa's excepted (the visitor refers her).
  const std::int64_t now = now_seconds();
  auto journeys = conn.query(
      "SELECT j.id, m.user_id, m.organisation_id FROM journeys j JOIN persons p ON p.id = "
      "j.person_id JOIN journey_members m ON m.journey_id = j.id AND m.role = 'referent' AND "
      "m.left_at IS NULL WHERE j.territory_id = $1 AND j.status <> 'closed' AND p.merged_into IS "
      "NULL AND COALESCE(p.email, '') <> 'personne@demo.test' AND j.last_activity_at > $2 ORDER "
      "BY j.id LIMIT 6",
      {territory_id, now - 180 * kDay});
  if (journeys.empty()) return 0;
  auto user = [&](const char* email) {
    auto row = conn.query_one("SELECT id FROM users WHERE email = $1", {email});
    if (!row) throw std::runtime_error(std::string("compte de démonstration absent : ") + email);
    return row->integer(0);
  };
  std::int64_t eric = user("encadrant@demo.test");     // Jardins de la Meuse (6)
  std::int64_t nadia = user("conseillere@demo.test");  // France Travail (1)
  std::int64_t thomas = user("social@demo.test");      // CCAS de Sedan (4)
  const std::int64_t last_mail =
      conn.query_one("SELECT COALESCE(MAX(id), 0) FROM outbox")->integer(0);
  auto org = [&](int index) { return organisation_ids.at(static_cast<std::size_t>(index)); };
  auto at = [&](int days_ago) { pin_clock_for_tests(now - days_ago * kDay); };
  int created = 0;
  // The journey `journey` (or the next one) whose référent is not of the receiving organisation.
  auto send = [&](std::size_t journey, std::size_t service, const char* message,
                  std::vector<std::string> shared,
                  const char* mode) -> std::optional<SentReferral> {
    if (services[service] == 0) return std::nullopt;
    auto receiving = conn.query_one(
        "SELECT st.organisation_id FROM services s JOIN structures st ON st.id = s.structure_id "
        "WHERE s.id = $1",
        {services[service]});
    auto receiver = receiving ? receiving->opt_integer(0) : std::nullopt;
    const store::Row* j = &journeys[journey % journeys.size()];
    for (std::size_t k = 0; k < journeys.size(); ++k) {
      const auto& candidate = journeys[(journey + k) % journeys.size()];
      if (receiver != candidate.integer(2)) {
        j = &candidate;
        break;
      }
    }
    auto sent = or_throw(send_referral(conn, {.journey_id = j->integer(0),
                                              .service_id = services[service],
                                              .form = {.message = message,
                                                       .shared = std::move(shared),
                                                       .consent = "1",
                                                       .consent_mode = mode},
                                              .sender = {j->integer(1), j->integer(2)},
                                              .public_url = kDemoUrl}));
    ++created;
    return std::optional<SentReferral>(std::move(sent));
  };
  try {
    // Expired: sent 40 days ago to the CAF's childcare help (no account: a link), reminded twice.
    at(40);
    send(0, 0, "Reprend un emploi à mi-temps : il lui faut une solution de garde pour sa fille.",
         {"identity", "contact"}, "phone");
    at(30);
    process_deadlines(conn, kDemoUrl);
    at(20);
    process_deadlines(conn, kDemoUrl);
    at(10);
    process_deadlines(conn, kDemoUrl);
    // Done: mobility advice at France Travail, accepted then done.
    at(28);
    if (auto done = send(1, 1, "Permis B à financer et trajets vers Sedan à organiser.",
                         {"identity", "contact", "situation"}, "in_person")) {
      at(26);
      or_throw(accept_referral(conn, done->id, {nadia, org(1)}));
      at(12);
      or_throw(close_referral(conn, done->id, "done", {nadia, org(1)}));
    }
    // Refused: the emergency accommodation has no room.
    at(15);
    if (auto refused = send(2, 2, "Hébergée chez sa sœur jusqu’à la fin du mois.",
                            {"identity", "contact", "situation", "diagnostic"}, "in_person")) {
      at(13);
      or_throw(refuse_referral(conn, refused->id,
                               "Plus de place avant la fin du mois : le 115 a été prévenu, "
                               "rappelez-nous lundi.",
                               {thomas, org(4)}));
    }
    // Abandoned: accepted by the workshop, then the person found a car-share.
    at(14);
    if (auto abandoned = send(3, 3, "Pas de transport pour aller en formation à Revin.",
                              {"identity", "contact"}, "written")) {
      at(12);
      or_throw(accept_referral(conn, abandoned->id, {eric, org(6)}));
      at(5);
      or_throw(close_referral(conn, abandoned->id, "abandoned", {eric, org(6)}));
    }
    // Accepted: the CV workshop at France Travail.
    at(6);
    if (auto accepted = send(4, 4, "Prépare des candidatures dans la vente : CV à refaire.",
                             {"identity", "contact", "diagnostic"}, "in_person")) {
      at(4);
      or_throw(accept_referral(conn, accepted->id, {nadia, org(1)}));
    }
    // Sent: waiting at the CCAS de Sedan (social@demo.test's inbox).
    at(2);
    send(5, 5, "Reprend une formation de trois mois : garde de ses deux enfants le mercredi.",
         {"identity", "contact", "situation"}, "phone");
  } catch (...) {
    pin_clock_for_tests(0);
    throw;
  }
  pin_clock_for_tests(0);
  // The demo's past is not mailed (as for orientation's demo).
  conn.execute("UPDATE outbox SET sent_at = created_at WHERE id > $1 AND sent_at IS NULL",
               {last_mail});
  return created;
}

}  // namespace parcours::referrals

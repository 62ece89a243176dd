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
  int organisation;  // index in seed.cpp's organisations; -1: the imported association
  const char* nom;
  const char* description;
  const char* thematique;
  const char* code_insee;
  const char* commune;
  const char* code_postal;
  const char* telephone;
  bool remote;
};

constexpr DemoService kServices[] = {
    {"demo-orientations-garde", 4, "Garde d’enfants ponctuelle",
     "Des places de garde pour les parents qui reprennent une formation ou un emploi, le temps de "
     "trouver un mode de garde durable.",
     "famille--garde-denfants", "08409", "Sedan", "08200", "03 24 27 73 73", false},
    {"demo-orientations-velo", 6, "Atelier mobilité : vélo et préparation au permis",
     "Prêt de vélos, remise en selle et préparation au code de la route, dans l’atelier-chantier.",
     "mobilite--etre-accompagne-dans-son-parcours-mobilite", "08363", "Revin", "08500",
     "03 24 40 11 22", false},
    {"demo-orientations-cv", 1, "Atelier CV et lettre de motivation",
     "Deux demi-journées pour écrire son CV et une lettre, avec un conseiller.",
     "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation", "08105",
     "Charleville-Mézières", "08000", "03 24 33 54 00", true},
    {"demo-orientations-aide-permis", 0, "Aide départementale au permis de conduire",
     "Une aide financière au permis B pour les allocataires du RSA en parcours d’insertion.",
     "mobilite--financer-ma-mobilite", "08105", "Charleville-Mézières", "08000", "03 24 59 60 60",
     false},
    {"demo-orientations-logement", 5, "Accompagnement vers le logement",
     "Recherche d’un logement, dossier de demande, aides à l’installation.",
     "logement-hebergement--louer-un-logement", "08362", "Rethel", "08300", "03 24 38 10 20",
     false},
    {"demo-orientations-garage", -1, "Garage solidaire : réparation à prix réduit",
     "Réparations à prix coûtant pour les personnes en insertion qui ont besoin de leur véhicule "
     "pour travailler.",
     "mobilite--entretenir-reparer-son-vehicule", "08409", "Sedan", "08200", "03 24 29 00 00",
     false},
};

std::int64_t ensure_service(store::Connection& conn, const DemoService& d,
                            const std::vector<std::int64_t>& organisation_ids) {
  std::string structure_di_id;
  std::string structure_source;
  if (d.organisation >= 0) {
    std::int64_t org_id = organisation_ids.at(static_cast<std::size_t>(d.organisation));
    if (auto existing = catalogue::find_structure_by_organisation(conn, org_id)) {
      structure_source = existing->source;
      structure_di_id = existing->di_id;
    } else {
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
      structure_source = s.source;
      structure_di_id = s.di_id;
    }
  } else {
    catalogue::Structure s;
    s.source = "demo";
    s.di_id = "demo--garage-solidaire-ardennais";
    s.nom = "Garage solidaire ardennais";
    s.courriel = "contact@demo-garage-solidaire.test";
    s.code_insee = d.code_insee;
    s.commune = d.commune;
    s.date_maj = "2026-09-01";
    if (!catalogue::find_structure_by_di_id(conn, s.source, s.di_id)) {
      catalogue::upsert_structure(conn, s);
    }
    structure_source = s.source;
    structure_di_id = s.di_id;
  }
  std::string source = d.organisation >= 0 ? catalogue::kSourceParcours : "demo";
  std::string di_id = source + "--" + d.di_id;
  if (auto existing = catalogue::find_service_by_di_id(conn, source, di_id)) return existing->id;
  catalogue::Service s;
  s.source = source;
  s.di_id = di_id;
  s.structure_di_id = structure_di_id;
  if (auto st = catalogue::find_structure_by_di_id(conn, structure_source, structure_di_id)) {
    s.structure_id = st->id;
  }
  s.nom = d.nom;
  s.description = d.description;
  s.type = "accompagnement";
  s.thematiques = {d.thematique};
  s.frais = "gratuit";
  s.modes_accueil = {"en-presentiel"};
  if (d.remote) s.modes_accueil.push_back("a-distance");
  s.zone_eligibilite = {"08"};
  s.code_insee = d.code_insee;
  s.commune = d.commune;
  s.code_postal = d.code_postal;
  s.telephone = d.telephone;
  if (d.organisation < 0) s.courriel = "atelier@demo-garage-solidaire.test";
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
  std::vector<std::int64_t> services;
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
  std::int64_t sophie = user("structure@demo.test");   // Conseil départemental (0)
  const std::int64_t last_mail =
      conn.query_one("SELECT COALESCE(MAX(id), 0) FROM outbox")->integer(0);
  auto org = [&](int index) { return organisation_ids.at(static_cast<std::size_t>(index)); };
  auto at = [&](int days_ago) { pin_clock_for_tests(now - days_ago * kDay); };
  int created = 0;
  // The journey `journey` (or the next one) whose référent is not of the receiving organisation.
  auto send = [&](std::size_t journey, std::size_t service, const char* message,
                  std::vector<std::string> shared, const char* mode) {
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
    return sent;
  };
  try {
    // Expired: sent 40 days ago to the garage (no account), reminded twice, no answer.
    at(40);
    send(0, 5, "Sa voiture est en panne et il en a besoin pour ses missions d’intérim.",
         {"identity", "contact"}, "phone");
    at(30);
    process_deadlines(conn, kDemoUrl);
    at(20);
    process_deadlines(conn, kDemoUrl);
    at(10);
    process_deadlines(conn, kDemoUrl);
    // Done: the CD's mobility aid, accepted then done.
    at(28);
    auto done = send(1, 3, "Permis B à financer : dossier complet, reste l’accord de l’aide.",
                     {"identity", "contact", "situation"}, "in_person");
    at(26);
    or_throw(accept_referral(conn, done.id, {sophie, org(0)}));
    at(12);
    or_throw(close_referral(conn, done.id, "done", {sophie, org(0)}));
    // Refused: the housing support has no room before summer.
    at(15);
    auto refused = send(2, 4, "Hébergée chez sa sœur, cherche un T2 près de Rethel.",
                        {"identity", "contact", "situation", "diagnostic"}, "in_person");
    at(13);
    or_throw(refuse_referral(conn, refused.id,
                             "Plus de place dans l’accompagnement avant juin ; rappelez-nous à "
                             "ce moment-là.",
                             {user("referent@demo.test"), org(5)}));
    // Abandoned: accepted by the workshop, then the person found a car-share.
    at(14);
    auto abandoned = send(3, 1, "Pas de transport pour aller en formation à Revin.",
                          {"identity", "contact"}, "written");
    at(12);
    or_throw(accept_referral(conn, abandoned.id, {eric, org(6)}));
    at(5);
    or_throw(close_referral(conn, abandoned.id, "abandoned", {eric, org(6)}));
    // Accepted: the CV workshop at France Travail.
    at(6);
    auto accepted = send(4, 2, "Prépare des candidatures dans la vente : CV à refaire.",
                         {"identity", "contact", "diagnostic"}, "in_person");
    at(4);
    or_throw(accept_referral(conn, accepted.id, {nadia, org(1)}));
    // Sent: waiting at the CCAS de Sedan (social@demo.test's inbox).
    at(2);
    send(5, 0, "Reprend une formation de trois mois : garde de ses deux enfants le mercredi.",
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

#include "features/followup/demo.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <stdexcept>

#include "core/clock.h"
#include "features/appointments/appointments.h"
#include "features/diagnostic/diagnostics.h"
#include "features/diagnostic/forms.h"
#include "features/followup/commitments.h"
#include "features/followup/dates.h"
#include "features/followup/outcomes.h"
#include "features/people/journeys.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "features/plan/plan.h"
#include "features/referrals/referrals.h"

namespace parcours::followup {
namespace {

namespace json = boost::json;

constexpr std::int64_t kDay = 86400;
constexpr const char* kDemoUrl = "http://127.0.0.1:8080";

template <typename T>
T or_throw(Result<T> result, const char* step) {
  if (!result) {
    throw std::runtime_error(
        fmt::format("parcours de Nicolas ({}) : {}", step, result.error().message));
  }
  return std::move(*result);
}

void or_throw(Result<void> result, const char* step) {
  if (!result) {
    throw std::runtime_error(
        fmt::format("parcours de Nicolas ({}) : {}", step, result.error().message));
  }
}

// The working day `days` from `day` (a weekend moves to the Monday after).
std::int64_t working(std::int64_t day) {
  std::int64_t wd = ((day % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  return wd >= 5 ? day + (7 - wd) : day;
}

std::string hhmm(int hour, int minute) { return fmt::format("{:02}:{:02}", hour, minute); }

}  // namespace

int seed_demo_nicolas(store::Connection& conn, std::int64_t territory_id,
                      const std::vector<std::int64_t>& organisation_ids) {
  if (conn.query_one("SELECT 1 FROM persons WHERE email = $1", {std::string(kNicolasEmail)})) {
    return 0;
  }
  auto user = [&](const char* email) {
    auto row = conn.query_one("SELECT id FROM users WHERE email = $1", {email});
    if (!row) throw std::runtime_error(std::string("compte de démonstration absent : ") + email);
    return row->integer(0);
  };
  const std::int64_t julie = user("referent@demo.test");
  const std::int64_t eric = user("encadrant@demo.test");
  const std::int64_t mission_locale = organisation_ids.at(3);
  const std::int64_t jardins = organisation_ids.at(6);
  const people::TeamActor referent{julie, mission_locale};
  const appointments::Actor booker{julie, mission_locale};
  const Actor actor{julie, mission_locale};

  const std::int64_t now = now_seconds();
  const std::int64_t today_day = today();
  // The instant `days` ago (negative: to come) at `hour`:`minute` in Paris.
  auto instant = [&](int days, int hour, int minute = 0) {
    return paris_local_to_unix(today_day - days, hour, minute);
  };
  auto at = [&](int days, int hour, int minute = 0) {
    pin_clock_for_tests(std::min(instant(days, hour, minute), now));
  };
  auto iso = [&](int days) { return iso_date(today_day - days); };

  try {
    // Four months ago: the référente of the mission locale opens his journey.
    at(120, 9, 30);
    people::PersonForm form;
    form.identity = {
        .birth_name = "Perrin", .first_names = "Nicolas", .birth_date = "14/02/1999", .sex = "M"};
    form.contact = {.email = kNicolasEmail,
                    .phone = "06 71 42 18 93",
                    .address = "9 rue du Petit Bois",
                    .postcode = "08000",
                    .commune = "Charleville-Mézières"};
    std::int64_t person =
        or_throw(people::create_person(conn, territory_id, form,
                                       people::Provenance::professional(julie, mission_locale)),
                 "fiche");
    std::int64_t journey = or_throw(
        people::open_journey(conn, {.person_id = person,
                                    .territory_id = territory_id,
                                    .entry = people::Entry::kProfessional,
                                    .need = "Trouver un travail en extérieur, près de chez moi.",
                                    .status = "accompanied",
                                    .opened_by = julie,
                                    .organisation_id = mission_locale}),
        "parcours");
    or_throw(people::set_referent(conn, journey, julie, referent), "référente");

    // The first meeting, booked the day the journey opened, held a week later.
    auto book = [&](int days, int hour, const char* kind, const char* place, const char* purpose) {
      return or_throw(appointments::book(conn, journey,
                                         {.professional = std::to_string(julie),
                                          .date = iso(days),
                                          .time = hhmm(hour, 0),
                                          .duration = "45",
                                          .place_kind = kind,
                                          .place = place,
                                          .purpose = purpose},
                                         booker, now_seconds()),
                      "rendez-vous");
    };
    const char* office = "Mission locale, 18 avenue Jean Jaurès, 08000 Charleville-Mézières";
    std::int64_t first = book(113, 10, "address", office, "Premier rendez-vous d’accompagnement");
    at(113, 11);
    or_throw(appointments::change_status(conn, first, "seen", "", booker, now_seconds()),
             "premier rendez-vous");

    // The diagnostic, written together at that meeting.
    auto socle = diagnostic::current_socle_commun(conn);
    if (socle) {
      json::object answers{
          {"dernier_emploi", "Manutentionnaire en intérim"},
          {"dernier_emploi_date", "2025-06"},
          {"duree_sans_emploi", "6_12_mois"},
          {"projets_metiers",
           json::array{json::object{{"code_rome", "A1203"},
                                    {"appellation", "Jardinier / Jardinière d'espaces verts"}}}},
          {"niveau_formation", "3"},
          {"vehicule", false},
          {"disponibilite", "immediate"},
          {"horaires_souhaites", "temps_plein"},
          {"freins", json::object{{"mobilite",
                                   json::object{{"niveau", "majeur"},
                                                {"sous_thematiques", json::array{}},
                                                {"commentaire", "Pas de permis ; bus rares."}}}}}};
      or_throw(diagnostic::save_diagnostic(conn, {.journey_id = journey,
                                                  .author = diagnostic::kByProfessional,
                                                  .form_id = socle->id,
                                                  .answers = std::move(answers),
                                                  .user_id = julie,
                                                  .organisation_id = mission_locale}),
               "diagnostic");
    }

    // The plan, built together: two goals by the référente, one proposed by Nicolas.
    at(113, 11, 30);
    std::int64_t job_goal =
        or_throw(plan::create_goal(conn, journey,
                                   {.thematique = "trouver-un-emploi",
                                    .title = "Trouver un emploi d’agent d’espaces verts",
                                    .target_date = iso(-30),
                                    .carrier = "person"},
                                   referent),
                 "objectif emploi");
    std::int64_t licence_goal = or_throw(plan::create_goal(conn, journey,
                                                           {.thematique = "mobilite",
                                                            .title = "Passer le permis B",
                                                            .target_date = iso(-120),
                                                            .carrier = std::to_string(julie),
                                                            .obstacle = "mobilite"},
                                                           referent),
                                         "objectif permis");
    at(110, 20);
    std::int64_t caces_goal = or_throw(
        plan::propose_goal(
            conn, person, journey,
            {.thematique = "se-former", .title = "Me former à la conduite d’engins (CACES)"}),
        "objectif proposé");
    at(109, 9);
    or_throw(plan::validate_goal(conn, caces_goal, referent), "objectif validé");
    auto action = [&](std::int64_t goal, const char* title, const char* responsible) {
      return or_throw(plan::add_action(conn, journey,
                                       {.goal = std::to_string(goal),
                                        .title = title,
                                        .responsible = responsible,
                                        .start_date = iso(109)},
                                       referent),
                      "action");
    };
    std::int64_t cv = action(job_goal, "Refaire mon CV avec la conseillère", "person");
    std::int64_t interview = action(job_goal, "Atelier de simulation d’entretien", "");
    std::int64_t aid = action(licence_goal, "Demander l’aide au permis de la région",
                              std::to_string(julie).c_str());
    action(licence_goal, "S’inscrire au code de la route", "person");
    std::int64_t caces = action(caces_goal, "Information collective CACES R482", "person");

    // The CER, accepted by Nicolas from his space that evening.
    at(109, 10);
    std::int64_t cer =
        or_throw(propose(conn, journey,
                         {.kind = "cer",
                          .start_date = iso(109),
                          .end_date = iso_date(add_months(today_day - 109, 6) - 1),
                          .rights_and_duties = default_rights_and_duties("cer"),
                          .goal_ids = {std::to_string(job_goal), std::to_string(licence_goal),
                                       std::to_string(caces_goal)}},
                         actor),
                 "CER");
    at(109, 19, 12);
    or_throw(accept_online(conn, cer, person, true, now_seconds()), "CER accepté");

    at(100, 9);
    or_throw(plan::set_action_status(conn, cv, "done", referent), "CV");
    or_throw(plan::set_action_status(conn, aid, "in_progress", referent), "aide au permis");
    or_throw(plan::set_action_status(conn, interview, "cancelled", referent), "atelier");

    // A referral to the Jardins de la Meuse, accepted then done when he was hired.
    auto service = conn.query_one(
        "SELECT s.id FROM services s JOIN structures st ON st.id = s.structure_id WHERE "
        "st.organisation_id = $1 AND s.status = 'published' ORDER BY s.id LIMIT 1",
        {jardins});
    std::optional<std::int64_t> referral;
    if (service) {
      at(75, 14);
      referral = or_throw(referrals::send_referral(
                              conn, {.journey_id = journey,
                                     .service_id = service->integer(0),
                                     .form = {.message = "Nicolas cherche un emploi en extérieur ; "
                                                         "motivé, disponible tout de suite.",
                                              .shared = {"identity", "contact"},
                                              .consent = "1",
                                              .consent_mode = "in_person"},
                                     .sender = referent,
                                     .public_url = kDemoUrl}),
                          "orientation")
                     .id;
      at(73, 10);
      or_throw(referrals::accept_referral(conn, *referral, {eric, jardins}),
               "orientation acceptée");
    }
    std::int64_t second =
        book(67, 14, "phone", "06 71 42 18 93", "Préparer l’entretien d’embauche");
    at(67, 15);
    or_throw(appointments::change_status(conn, second, "seen", "", booker, now_seconds()),
             "rendez-vous téléphonique");
    at(65, 9);
    or_throw(plan::set_action_status(conn, caces, "abandoned", referent), "CACES");

    // Hired two months ago: a contract of insertion (IAE) at the Jardins de la Meuse.
    at(60, 16);
    std::int64_t job = or_throw(
        record_outcome(conn, journey,
                       {.kind = "job",
                        .title = "Ouvrier d’entretien des espaces verts",
                        .contract = "iae",
                        .hours_per_week = "26",
                        .start_date = iso(56),
                        .end_date = iso_date(add_months(today_day - 56, 12) - 1),
                        .employer_name = "Atelier-chantier d’insertion Les Jardins de la Meuse",
                        .employer_siret = "732 829 320 00074",
                        .contact_name = "Éric Vasseur, encadrant technique",
                        .contact_phone = "03 24 40 11 22",
                        .contact_email = "jardins@demo-meuse.test"},
                       actor),
        "emploi");
    or_throw(
        plan::close_goal(conn, job_goal, "reached", "Embauché aux Jardins de la Meuse.", referent),
        "objectif atteint");
    if (referral) {
      or_throw(referrals::close_referral(conn, *referral, "done", {eric, jardins}),
               "orientation réalisée");
    }
    at(42, 17);
    or_throw(add_checkin(conn, job,
                         {.date = iso(42),
                          .with_whom = "person",
                          .note = "Les deux premières semaines se passent bien ; il se lève tôt "
                                  "sans difficulté. Le trajet en bus est long : voir le permis."},
                         actor),
             "premier point");
    at(14, 11);
    or_throw(add_checkin(conn, job,
                         {.date = iso(14),
                          .with_whom = "employer",
                          .note = "L’encadrant est satisfait : ponctuel, apprend vite. Une "
                                  "formation débroussailleuse est prévue le mois prochain."},
                         actor),
             "point avec l’employeur");

    // Coming: a point d'étape next week, and a video call the week after.
    at(0, 9);
    book(-working(today_day + 5) + today_day, 10, "address", office, "Point d’étape sur le plan");
    book(-working(today_day + 12) + today_day, 17, "video",
         "https://webconf.demo.test/nicolas-perrin",
         "Point sur le permis et le suivi dans l’emploi");
    // A goal Nicolas proposed yesterday, waiting for the référente.
    at(1, 21);
    or_throw(plan::propose_goal(conn, person, journey,
                                {.thematique = "logement-hebergement",
                                 .title = "Trouver un logement plus près du travail"}),
             "objectif en attente");
  } catch (...) {
    pin_clock_for_tests(0);
    throw;
  }
  pin_clock_for_tests(0);
  return 1;
}

}  // namespace parcours::followup

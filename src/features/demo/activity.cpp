#include "features/demo/activity.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>

#include "core/clock.h"
#include "features/accounts/users.h"
#include "features/diagnostic/forms.h"
#include "features/impact/impact.h"
#include "features/people/persons.h"

namespace parcours::demo {
namespace {

namespace json = boost::json;
using store::Value;

constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kSpan = 730 * kDay;  // two years

// splitmix64: the same draws on every machine and standard library.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  int between(int low, int high) { return low + below(high - low + 1); }
  bool chance(double p) { return static_cast<double>(next() >> 11) / 9007199254740992.0 < p; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))];
  }

 private:
  std::uint64_t state_;
};

// Names found nowhere else in the demo, so that searches for its persons stay unambiguous.
const std::vector<const char*> kFirstF{"Adèle",  "Brigitte",   "Coralie", "Delphine", "Estelle",
                                       "Flavie", "Gwendoline", "Héloïse", "Isaure",   "Justine",
                                       "Lorène", "Mélissa",    "Noémie",  "Ophélie",  "Perrine"};
const std::vector<const char*> kFirstM{"Arnaud", "Bertrand", "Christophe", "Damien",  "Étienne",
                                       "Fabien", "Gaëtan",   "Hervé",      "Joachim", "Loïc",
                                       "Maxime", "Pascal",   "Quentin",    "Romain",  "Valentin"};
const std::vector<const char*> kNames{"Aubertin", "Baudart", "Cordier",   "Dupuis",     "Évrard",
                                      "Fléchet",  "Godart",  "Hennequin", "Jacquemart", "Lahaye",
                                      "Malherbe", "Nivoix",  "Ozanne",    "Poncelet",   "Quenardel",
                                      "Raulin",   "Sauvage", "Tassin",    "Urbain",     "Vuillaume",
                                      "Wéry",     "Yvernel", "Zimmer",    "Béguin"};
const std::vector<const char*> kCommunes{"08105", "08409", "08363", "08362", "08328", "08173"};
const std::vector<const char*> kSinceJob{"moins_6_mois", "6_12_mois", "1_2_ans", "plus_2_ans",
                                         "jamais"};
const std::vector<const char*> kObstacles{"mobilite", "logement-hebergement", "sante", "famille",
                                          "difficultes-financieres"};

struct Referent {
  const char* email;
  const char* name;
  int organisation;  // index in seed.cpp's organisations
};
constexpr Referent kReferents[] = {
    {"referente.ft@demo.test", "Nadia Benali", 1},
    {"referente.relais@demo.test", "Sylvie Rousseau", 5},
    {"referent.ccas@demo.test", "Thomas Lambert", 4},
};

struct Service {
  std::int64_t id;
  std::string name;
  std::string type;
  std::string thematiques;
  std::optional<std::int64_t> organisation_id;
};

struct Appointment {
  std::int64_t at;
  std::string status;  // seen, excused, noshow
};
struct Action {
  std::size_t service;  // index in the services
  std::int64_t at;
  std::optional<std::string> referral;  // accepted, refused, expired
  std::int64_t answered_at = 0;
  std::int64_t action_id = 0;
  std::int64_t referral_id = 0;
};
struct Outcome {
  std::string kind;  // job, training, business
  std::string contract;
  std::int64_t at;
  std::int64_t end = 0;  // cdd and interim: the contract's end
  std::int64_t id = 0;
};

// Everything that happens to one generated person, drawn before anything is written.
struct Story {
  std::string internal_id, birth_name, first_names, birth_date, sex, commune;
  std::int64_t entry = 0;
  std::string since_job;
  std::vector<std::string> obstacles;
  std::string route;
  int referent = 0;
  std::int64_t oriented_at = 0, referent_at = 0, diagnostic_at = 0;
  std::optional<std::int64_t> signed_at;
  std::optional<std::int64_t> first_meeting;  // the first appointment honoured
  std::vector<Appointment> appointments;
  std::vector<Action> actions;
  std::optional<Outcome> outcome;
  std::optional<std::pair<std::int64_t, std::string>> closure;
  std::int64_t person_id = 0, journey_id = 0, orientation_id = 0, commitment_id = 0;
  std::vector<std::int64_t> appointment_ids;
};

std::string day(std::int64_t at) { return impact::paris_day(at); }

// Multi-row INSERTs of `rows` (each `columns` values), a few hundred rows per statement; each
// returned row (when `returning` is not empty) goes to `on_row`, in no particular order.
void insert_rows(store::Connection& conn, const std::string& head, std::size_t columns,
                 const std::vector<std::vector<Value>>& rows, const std::string& returning = "",
                 const std::function<void(const store::Row&)>& on_row = {}) {
  constexpr std::size_t kChunk = 300;
  for (std::size_t start = 0; start < rows.size(); start += kChunk) {
    std::size_t end = std::min(rows.size(), start + kChunk);
    std::string sql = head + " VALUES ";
    std::vector<Value> values;
    for (std::size_t r = start; r < end; ++r) {
      sql += r == start ? "(" : ", (";
      for (std::size_t c = 0; c < columns; ++c) {
        values.push_back(rows[r][c]);
        sql += fmt::format("{}${}", c ? ", " : "", values.size());
      }
      sql += ")";
    }
    if (returning.empty()) {
      conn.execute(sql, store::Params(std::move(values)));
    } else {
      sql += " RETURNING ";
      sql += returning;
      auto returned = conn.query(sql, store::Params(std::move(values)));
      for (const auto& row : returned) on_row(row);
    }
  }
}

// The probability of a positive outcome within about a year: by route, then by what the person
// had and who they are. Plausible orders of magnitude, not a model of anything real.
double success(const Story& s, const std::vector<Service>& services) {
  double p = s.route == "pro" ? 0.42 : s.route == "socio_pro" ? 0.28 : 0.14;
  for (const auto& a : s.actions) {
    const auto& t = services[a.service].type;
    if (a.referral == std::optional<std::string>("refused") ||
        a.referral == std::optional<std::string>("expired")) {
      continue;
    }
    if (t == "formation") p += 0.14;
    if (t == "atelier") p += 0.07;
    if (t == "accompagnement") p += 0.05;
    if (t == "aide-materielle" || t == "aide-financiere") {
      bool mobility =
          std::find(s.obstacles.begin(), s.obstacles.end(), "mobilite") != s.obstacles.end();
      p += mobility ? 0.10 : 0.01;
    }
  }
  if (s.since_job == "plus_2_ans" || s.since_job == "jamais") p -= 0.10;
  if (s.since_job == "moins_6_mois") p += 0.08;
  if (s.signed_at) p += 0.04;
  int age = std::stoi(day(s.entry).substr(0, 4)) - std::stoi(s.birth_date.substr(0, 4));
  if (age >= 45) p -= 0.06;
  return std::clamp(p, 0.03, 0.85);
}

Story draw(Rng& rng, int index, std::int64_t now, const std::vector<Service>& services) {
  Story s;
  s.internal_id = fmt::format("ACT-{:04d}", index + 1);
  s.sex = rng.chance(0.52) ? "F" : "M";
  s.first_names = s.sex == "F" ? rng.pick(kFirstF) : rng.pick(kFirstM);
  s.birth_name = rng.pick(kNames);
  s.commune = rng.pick(kCommunes);
  // Entries spread over the two years, a little more in the autumn and in January.
  s.entry = now - kSpan + (kSpan - 20 * kDay) * index / kActivityPersons + rng.between(0, 9) * kDay;
  s.entry = s.entry - s.entry % kDay + 8 * 3'600 + rng.between(0, 8) * 3'600;
  int age = rng.chance(0.3)   ? rng.between(18, 25)
            : rng.chance(0.6) ? rng.between(26, 44)
                              : rng.between(45, 62);
  std::string entry_day = day(s.entry);
  s.birth_date = fmt::format("{:04d}-{:02d}-{:02d}", std::stoi(entry_day.substr(0, 4)) - age - 1,
                             rng.between(1, 12), rng.between(1, 28));
  int since = rng.below(100);
  s.since_job = since < 25   ? kSinceJob[0]
                : since < 45 ? kSinceJob[1]
                : since < 65 ? kSinceJob[2]
                : since < 90 ? kSinceJob[3]
                             : kSinceJob[4];
  const double weights[] = {0.35, 0.15, 0.15, 0.20, 0.20};
  for (std::size_t i = 0; i < kObstacles.size(); ++i) {
    if (rng.chance(weights[i])) s.obstacles.push_back(kObstacles[i]);
  }
  std::size_t n = s.obstacles.size();
  int r = rng.below(100);
  s.route = n >= 2   ? (r < 60 ? "social" : "socio_pro")
            : n == 1 ? (r < 30   ? "pro"
                        : r < 90 ? "socio_pro"
                                 : "social")
                     : (r < 75 ? "pro" : "socio_pro");
  s.referent = s.route == "pro" ? 0 : s.route == "socio_pro" ? 1 : 2;
  // Nothing in the future: the latest entrants are diagnosed and oriented by yesterday.
  s.diagnostic_at = std::min(s.entry + rng.between(1, 12) * kDay, now - 3 * kDay);
  s.oriented_at =
      std::min(s.diagnostic_at + rng.between(2, rng.chance(0.12) ? 60 : 25) * kDay, now - kDay);
  s.referent_at = s.oriented_at + 600;

  // Appointments with the référent, about monthly for a year.
  std::int64_t at = s.oriented_at + rng.between(4, 30) * kDay;
  double noshow = s.route == "social" ? 0.20 : 0.10;
  int count = rng.between(2, 8);
  for (int i = 0; i < count && at < now - kDay; ++i) {
    int d = rng.below(1000);
    s.appointments.push_back({at - at % kDay + 9 * 3'600 + rng.between(0, 7) * 3'600,
                              d < noshow * 1000         ? "noshow"
                              : d < noshow * 1000 + 110 ? "excused"
                                                        : "seen"});
    at += rng.between(21, 45) * kDay;
  }
  if (rng.chance(0.8)) {
    s.signed_at = s.oriented_at + rng.between(7, 40) * kDay;
    if (*s.signed_at >= now) s.signed_at.reset();
  }

  // Plan actions on services of the catalogue: professional ones first for the "pro" route,
  // social ones first for the others.
  int actions = rng.between(s.route == "pro" ? 0 : 1, 3);
  for (int i = 0; i < actions; ++i) {
    std::size_t k = static_cast<std::size_t>(rng.below(static_cast<int>(services.size())));
    bool professional = services[k].type == "formation" || services[k].type == "atelier";
    if ((s.route == "social") == professional && rng.chance(0.6)) {
      k = static_cast<std::size_t>(rng.below(static_cast<int>(services.size())));
    }
    bool taken = std::any_of(s.actions.begin(), s.actions.end(),
                             [&](const Action& a) { return a.service == k; });
    std::int64_t when = s.oriented_at + rng.between(5, 120) * kDay;
    if (taken || when >= now - kDay) continue;
    Action a{.service = k, .at = when};
    if (rng.chance(0.6)) {
      int d = rng.below(100);
      a.answered_at = when + rng.between(1, 14) * kDay;
      a.referral = d < 65 ? "accepted" : d < 80 ? "refused" : "expired";
      if (*a.referral == "expired") a.answered_at = when + 30 * kDay;
      // No referral still waiting: the receiving organisations' inboxes stay as the demo set
      // them.
      if (a.answered_at >= now) {
        a.referral.reset();
        a.answered_at = 0;
      }
    }
    s.actions.push_back(a);
  }

  if (rng.chance(success(s, services))) {
    std::int64_t when = s.entry + rng.between(45, 420) * kDay;
    if (when < now - kDay) {
      int k = rng.below(100);
      Outcome o{.kind = k < 72 ? "job" : k < 95 ? "training" : "business", .at = when};
      if (o.kind == "job") {
        int c = rng.below(100);
        o.contract = c < 25 ? "cdi" : c < 62 ? "cdd" : c < 82 ? "interim" : "iae";
        if (o.contract == "cdd") o.end = when + rng.between(3, 18) * 30 * kDay;
        if (o.contract == "interim") o.end = when + rng.between(1, 5) * 30 * kDay;
      }
      s.outcome = o;
      bool lasting = o.contract == "cdi" || (o.contract == "cdd" && o.end >= when + 182 * kDay);
      if (o.kind == "job" && lasting) {
        std::int64_t closed = when + rng.between(60, 200) * kDay;
        if (closed < now - kDay) s.closure = {{closed, "lasting_job"}};
      }
    }
  }
  if (!s.closure && rng.chance(0.12)) {
    std::int64_t closed = s.entry + rng.between(200, 600) * kDay;
    if (closed < now - kDay) s.closure = {{closed, rng.chance(0.5) ? "moved" : "stopped"}};
  }
  // Nothing happens after the closure.
  if (s.closure) {
    std::int64_t end = s.closure->first;
    std::erase_if(s.appointments, [&](const Appointment& a) { return a.at >= end; });
    std::erase_if(s.actions, [&](const Action& a) { return a.at >= end; });
    if (s.signed_at && *s.signed_at >= end) s.signed_at.reset();
  }
  for (const auto& a : s.appointments) {
    if (a.status == "seen") {
      s.first_meeting = a.at + 3'600;
      break;
    }
  }
  return s;
}

std::int64_t referent_user(store::Connection& conn, const Referent& r,
                           const std::vector<std::int64_t>& organisation_ids,
                           const std::string& password) {
  auto id = accounts::find_user_by_email(conn, r.email);
  if (!id) {
    auto created = accounts::create_user(
        conn, {.email = r.email, .name = r.name, .password = password}, std::nullopt);
    if (!created) throw std::runtime_error(created.error().message);
    id = *created;
  }
  auto granted = accounts::grant_role(conn, *id,
                                      {.role = security::Role::kProfessional,
                                       .organisation_id = organisation_ids[r.organisation],
                                       .referent = true},
                                      std::nullopt);
  if (!granted) throw std::runtime_error(granted.error().message);
  return *id;
}

const char* route_words(const std::string& route) {
  return route == "pro" ? "professionnel" : route == "socio_pro" ? "socio-professionnel" : "social";
}

}  // namespace

int seed_demo_activity(store::Connection& conn, std::int64_t territory_id,
                       const std::vector<std::int64_t>& organisation_ids,
                       const std::string& password) {
  if (conn.query_one("SELECT 1 FROM persons WHERE territory_id = $1 AND internal_id = 'ACT-0001'",
                     {territory_id})) {
    return 0;
  }
  std::vector<std::int64_t> referents;
  for (const auto& r : kReferents) {
    referents.push_back(referent_user(conn, r, organisation_ids, password));
  }
  auto orienter = accounts::find_user_by_email(conn, "orientation@demo.test");
  auto form = diagnostic::current_socle_commun(conn);
  if (!orienter || !form) throw std::runtime_error("démo : chargé d’orientation ou formulaire");
  std::vector<Service> services;
  for (const auto& row : conn.query(
           "SELECT s.id, s.nom, s.type, s.thematiques, st.organisation_id FROM services s JOIN "
           "structures st ON st.id = s.structure_id WHERE s.status = 'published' AND s.type IS "
           "NOT NULL ORDER BY s.id")) {
    services.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), row.opt_integer(4)});
  }
  if (services.empty()) throw std::runtime_error("démo : le catalogue est vide");

  const std::int64_t now = now_seconds();
  Rng rng(20'261'127);
  std::vector<Story> stories;
  stories.reserve(kActivityPersons);
  for (int i = 0; i < kActivityPersons; ++i) stories.push_back(draw(rng, i, now, services));

  std::map<std::string, Story*> by_internal;
  std::vector<std::vector<Value>> rows;
  for (auto& s : stories) {
    by_internal[s.internal_id] = &s;
    rows.push_back({territory_id, s.birth_name, s.first_names, s.birth_date, s.sex, s.internal_id,
                    s.commune, std::string("2"), std::int64_t{1}, s.entry, s.entry});
  }
  insert_rows(conn,
              "INSERT INTO persons (territory_id, birth_name, first_names, birth_date, sex, "
              "internal_id, commune_code, rsa_status, rights_and_duties, created_at, updated_at)",
              11, rows, "id, internal_id",
              [&](const store::Row& r) { by_internal.at(r.text(1))->person_id = r.integer(0); });
  for (const auto& s : stories) people::sync_terms(conn, s.person_id);

  std::map<std::int64_t, Story*> by_person, by_journey;
  rows.clear();
  for (auto& s : stories) {
    by_person[s.person_id] = &s;
    std::int64_t last = std::max({s.referent_at, s.signed_at.value_or(0),
                                  s.appointments.empty() ? 0 : s.appointments.back().at,
                                  s.outcome ? s.outcome->at : 0});
    for (const auto& a : s.actions) last = std::max({last, a.at, a.answered_at});
    if (s.closure) last = s.closure->first;
    rows.push_back({s.person_id, territory_id,
                    std::string(s.closure         ? "closed"
                                : s.first_meeting ? "accompanied"
                                                  : "oriented"),
                    std::string(s.internal_id.back() % 3 ? "professional" : "import"),
                    organisation_ids[0], s.entry,
                    s.closure ? Value{s.closure->first} : Value{nullptr},
                    s.closure ? Value{s.closure->second} : Value{nullptr}, last,
                    s.first_meeting ? Value{*s.first_meeting} : Value{nullptr}});
  }
  insert_rows(conn,
              "INSERT INTO journeys (person_id, territory_id, status, entry, "
              "opened_by_organisation_id, opened_at, closed_at, close_reason, last_activity_at, "
              "first_meeting_at)",
              10, rows, "id, person_id", [&](const store::Row& r) {
                auto* s = by_person.at(r.integer(1));
                s->journey_id = r.integer(0);
                by_journey[s->journey_id] = s;
              });

  rows.clear();
  for (const auto& s : stories) {
    rows.push_back({s.journey_id, referents[s.referent],
                    organisation_ids[kReferents[s.referent].organisation], std::string("referent"),
                    s.referent_at, *orienter});
  }
  insert_rows(conn,
              "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, "
              "joined_at, added_by)",
              6, rows);

  rows.clear();
  for (const auto& s : stories) {
    json::object freins;
    for (const auto& o : s.obstacles) {
      freins[o] = {{"niveau", "majeur"}, {"sous_thematiques", json::array{}}, {"commentaire", ""}};
    }
    json::object answers{{"duree_sans_emploi", s.since_job}, {"freins", freins}};
    rows.push_back({s.journey_id, std::string("professional"), std::int64_t{1}, form->id,
                    json::serialize(answers), *orienter, organisation_ids[0], s.diagnostic_at});
  }
  insert_rows(conn,
              "INSERT INTO diagnostics (journey_id, author, version, form_id, answers, user_id, "
              "organisation_id, created_at)",
              8, rows);

  rows.clear();
  for (const auto& s : stories) {
    rows.push_back({s.journey_id, s.route, organisation_ids[kReferents[s.referent].organisation],
                    referents[s.referent], std::string("Au vu du diagnostic."), *orienter,
                    s.oriented_at});
  }
  insert_rows(conn,
              "INSERT INTO orientations (journey_id, route, organisation_id, referent_id, reason, "
              "decided_by, decided_at)",
              7, rows, "id, journey_id", [&](const store::Row& r) {
                by_journey.at(r.integer(1))->orientation_id = r.integer(0);
              });

  // Plan actions, then the referrals that go with some of them.
  rows.clear();
  for (const auto& s : stories) {
    for (const auto& a : s.actions) {
      const auto& svc = services[a.service];
      std::string status = !a.referral || *a.referral == "accepted" ? "in_progress" : "abandoned";
      rows.push_back({s.journey_id, svc.id, svc.name, status, referents[s.referent], day(a.at),
                      referents[s.referent], a.at, std::max(a.at, a.answered_at)});
    }
  }
  insert_rows(conn,
              "INSERT INTO plan_actions (journey_id, service_id, title, status, "
              "responsible_user_id, start_date, created_by, created_at, updated_at)",
              9, rows, "id, journey_id, service_id", [&](const store::Row& r) {
                auto* s = by_journey.at(r.integer(1));
                for (auto& a : s->actions) {
                  if (services[a.service].id == r.integer(2)) a.action_id = r.integer(0);
                }
              });
  rows.clear();
  for (const auto& s : stories) {
    for (const auto& a : s.actions) {
      if (!a.referral) continue;
      const auto& svc = services[a.service];
      bool answered = *a.referral == "accepted" || *a.referral == "refused";
      rows.push_back({s.journey_id, s.person_id, svc.id, referents[s.referent],
                      organisation_ids[kReferents[s.referent].organisation],
                      svc.organisation_id ? Value{*svc.organisation_id} : Value{nullptr},
                      std::string("Bonjour, je vous oriente cette personne."),
                      std::string("in_person"), a.at, *a.referral,
                      *a.referral == "refused" ? Value{std::string("Plus de place disponible.")}
                                               : Value{nullptr},
                      answered ? Value{std::string("link")} : Value{nullptr},
                      a.answered_at ? Value{a.answered_at} : Value{nullptr}, a.action_id, a.at,
                      std::max(a.at, a.answered_at)});
    }
  }
  insert_rows(conn,
              "INSERT INTO referrals (journey_id, person_id, service_id, sender_user_id, "
              "sender_organisation_id, receiving_organisation_id, message, consent_mode, "
              "consent_at, status, refusal_reason, answered_via, answered_at, plan_action_id, "
              "sent_at, updated_at)",
              16, rows, "id, journey_id, plan_action_id", [&](const store::Row& r) {
                for (auto& a : by_journey.at(r.integer(1))->actions) {
                  if (a.action_id == r.integer(2)) a.referral_id = r.integer(0);
                }
              });

  rows.clear();
  for (const auto& s : stories) {
    for (const auto& a : s.appointments) {
      rows.push_back({s.journey_id, s.person_id, territory_id, referents[s.referent],
                      organisation_ids[kReferents[s.referent].organisation], a.at, std::int64_t{45},
                      a.at + 45 * 60, std::string("phone"), std::string("03 24 00 00 00"),
                      std::string("Point sur le parcours"), a.status, referents[s.referent],
                      a.at - 10 * kDay, a.at + 3'600});
    }
  }
  std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> appointment_ids;
  insert_rows(conn,
              "INSERT INTO appointments (journey_id, person_id, territory_id, professional_id, "
              "organisation_id, starts_at, duration_minutes, ends_at, place_kind, place, purpose, "
              "status, booked_by, created_at, updated_at)",
              15, rows, "id, journey_id, starts_at", [&](const store::Row& r) {
                appointment_ids[{r.integer(1), r.integer(2)}] = r.integer(0);
              });

  rows.clear();
  for (const auto& s : stories) {
    if (!s.signed_at) continue;
    std::int64_t at = *s.signed_at;
    std::string kind = s.route == "pro" ? "ppae" : "cer";
    rows.push_back({s.journey_id, s.person_id, territory_id, kind, day(at), day(at + 365 * kDay),
                    std::string("Vous participez aux rendez-vous et aux actions prévues ; votre "
                                "référent vous accompagne."),
                    std::string("signed"), std::string("paper"), day(at), referents[s.referent],
                    referents[s.referent], organisation_ids[kReferents[s.referent].organisation],
                    at - 7 * kDay, at});
  }
  insert_rows(conn,
              "INSERT INTO commitments (journey_id, person_id, territory_id, kind, start_date, "
              "end_date, rights_and_duties, status, signature, signed_on, "
              "signature_recorded_by, created_by, organisation_id, created_at, updated_at)",
              15, rows, "id, journey_id", [&](const store::Row& r) {
                by_journey.at(r.integer(1))->commitment_id = r.integer(0);
              });

  rows.clear();
  for (const auto& s : stories) {
    if (!s.outcome) continue;
    const auto& o = *s.outcome;
    const char* title = o.kind == "job"        ? "Employé(e) polyvalent(e)"
                        : o.kind == "training" ? "Formation qualifiante"
                                               : "Création d’une micro-entreprise";
    rows.push_back(
        {s.journey_id, s.person_id, territory_id, o.kind, std::string(title),
         o.contract.empty() ? Value{nullptr} : Value{o.contract},
         o.kind == "job" ? Value{std::int64_t{o.contract == "cdi" ? 35 : 24}} : Value{nullptr},
         day(o.at), o.end ? Value{day(o.end)} : Value{nullptr}, referents[s.referent],
         organisation_ids[kReferents[s.referent].organisation], o.at, o.at});
  }
  insert_rows(conn,
              "INSERT INTO outcomes (journey_id, person_id, territory_id, kind, title, contract, "
              "hours_per_week, start_date, end_date, created_by, organisation_id, created_at, "
              "updated_at)",
              13, rows, "id, journey_id", [&](const store::Row& r) {
                by_journey.at(r.integer(1))->outcome->id = r.integer(0);
              });

  rows.clear();
  for (const auto& s : stories) {
    if (!s.closure) continue;
    rows.push_back({s.journey_id, s.closure->second, std::string("accompanied"),
                    referents[s.referent], organisation_ids[kReferents[s.referent].organisation],
                    s.closure->first});
  }
  insert_rows(conn,
              "INSERT INTO journey_closures (journey_id, reason, previous_status, closed_by, "
              "organisation_id, closed_at)",
              6, rows);

  // The journal, in the order things happened.
  struct Event {
    std::int64_t at;
    const char* kind;
    const Story* story;
    std::optional<std::int64_t> actor;
    json::object payload;
  };
  std::vector<Event> events;
  for (const auto& s : stories) {
    std::int64_t ref = referents[s.referent];
    std::int64_t ref_org = organisation_ids[kReferents[s.referent].organisation];
    auto add = [&](std::int64_t at, const char* kind, std::optional<std::int64_t> actor,
                   json::object payload) {
      payload["journey_id"] = s.journey_id;
      events.push_back({at, kind, &s, actor, std::move(payload)});
    };
    add(s.entry, "person.created", std::nullopt, {});
    add(s.entry, "journey.opened", std::nullopt,
        {{"entry", s.internal_id.back() % 3 ? "professional" : "import"},
         {"actor_organisation_id", organisation_ids[0]}});
    add(s.diagnostic_at, "diagnostic.saved", *orienter,
        {{"author", "professional"},
         {"version", 1},
         {"actor_organisation_id", organisation_ids[0]},
         {"text", "diagnostic socio-professionnel enregistré (version 1)"}});
    add(s.oriented_at, "orientation.decided", *orienter,
        {{"orientation_id", s.orientation_id},
         {"route", s.route},
         {"organisation_id", ref_org},
         {"referent_id", ref},
         {"actor_organisation_id", organisation_ids[0]},
         {"text", fmt::format("orientation vers un parcours {}", route_words(s.route))}});
    add(s.referent_at, "referent.changed", *orienter,
        {{"user_id", ref}, {"organisation_id", ref_org}});
    if (s.signed_at) {
      std::string kind = s.route == "pro" ? "ppae" : "cer";
      add(*s.signed_at, "commitment.signed", ref,
          {{"commitment_id", s.commitment_id},
           {"kind", kind},
           {"start_date", day(*s.signed_at)},
           {"end_date", day(*s.signed_at + 365 * kDay)},
           {"signed_on", day(*s.signed_at)},
           {"actor_organisation_id", ref_org}});
    }
    for (const auto& a : s.appointments) {
      std::int64_t id = appointment_ids.at({s.journey_id, a.at});
      json::object p{{"appointment_id", id},
                     {"starts_at", a.at},
                     {"user_id", ref},
                     {"organisation_id", ref_org}};
      json::object booked = p;
      booked["place_kind"] = "phone";
      add(a.at - 10 * kDay, "appointment.booked", ref, booked);
      if (a.status == "excused") {
        p["by"] = "person";
        add(a.at - kDay, "appointment.excused", std::nullopt, p);
      } else {
        p["from"] = "planned";
        p["to"] = a.status;
        add(a.at + 3'600, "appointment.status_changed", ref, p);
      }
    }
    if (s.first_meeting) {
      add(*s.first_meeting, "orientation.first_meeting", ref,
          {{"text", "a enregistré le premier rendez-vous avec le référent"},
           {"actor_organisation_id", ref_org}});
    }
    for (const auto& a : s.actions) {
      const auto& svc = services[a.service];
      add(a.at, "plan.action_added", ref,
          {{"action_id", a.action_id},
           {"status", "planned"},
           {"service_id", svc.id},
           {"actor_organisation_id", ref_org},
           {"text", "a ajouté au plan d’actions le service « " + svc.name + " »"}});
      if (!a.referral) continue;
      json::object p{{"referral_id", a.referral_id},
                     {"service_id", svc.id},
                     {"service", svc.name},
                     {"actor_organisation_id", ref_org},
                     {"text", "a orienté la personne vers « " + svc.name + " »"}};
      if (svc.organisation_id) p["organisation_id"] = *svc.organisation_id;
      add(a.at, "referral.sent", ref, p);
      p.erase("actor_organisation_id");
      p["text"] = *a.referral == "accepted"  ? "la structure a accepté l’orientation"
                  : *a.referral == "refused" ? "la structure a refusé l’orientation"
                                             : "l’orientation a expiré sans réponse";
      if (*a.referral != "expired") p["by"] = "link";
      add(a.answered_at,
          *a.referral == "accepted"  ? "referral.accepted"
          : *a.referral == "refused" ? "referral.refused"
                                     : "referral.expired",
          std::nullopt, p);
    }
    if (s.outcome) {
      json::object p{{"outcome_id", s.outcome->id},
                     {"kind", s.outcome->kind},
                     {"start_date", day(s.outcome->at)},
                     {"actor_organisation_id", ref_org}};
      if (!s.outcome->contract.empty()) p["contract"] = s.outcome->contract;
      if (s.outcome->end) p["end_date"] = day(s.outcome->end);
      add(s.outcome->at, "outcome.recorded", ref, p);
    }
    if (s.closure) {
      add(s.closure->first, "journey.closed", ref,
          {{"reason", s.closure->second},
           {"previous_status", "accompanied"},
           {"actor_organisation_id", ref_org}});
    }
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.at < b.at; });
  rows.clear();
  for (const auto& e : events) {
    rows.push_back({e.at, std::string(e.kind), territory_id, e.story->person_id,
                    e.actor ? Value{*e.actor} : Value{nullptr}, json::serialize(e.payload)});
  }
  insert_rows(conn, "INSERT INTO journal (at, kind, territory_id, person_id, actor_id, payload)", 6,
              rows);
  return static_cast<int>(stories.size());
}

}  // namespace parcours::demo

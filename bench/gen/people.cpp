// parcours_bench_people: fills a database with realistic persons for the benchmarks of the
// dossier unique (bench/people/run.sh). Two profiles:
//   departement  60,000 persons in the demo territory (Ardennes)
//   country      the same, plus 940,000 in one territory per other département, in proportion
//                to its population (1,000,000 in all)
// Each person has an identity (French names with accents and compound names, a NIR with a valid
// key, CAF matricule, France Travail id, the département's id), contact, situation, one journey
// with a team, notes, and about 50 journal events told by the carnet de bord. The first persons of
// the Ardennes ("showcase") have exactly 200 events and referent@demo.test as référent: the bench
// opens their journey page.
//
// It writes with batched inserts (one transaction per chunk of persons; multi-row INSERTs on
// PostgreSQL, single-row prepared INSERTs on SQLite, whose binding by name makes wide statements
// slower), but the values are those the service writes: search terms from people::name_terms,
// NIR hash and sealed NIR from people::protect_nir (same data key as the server), field
// sources, event payloads as in features/people/events.h. Rerunnable: a territory that already
// has its persons is skipped, so `country` after `departement` adds only the other territories.
//
//   parcours_bench_people --db sqlite:bench.db --profile departement
//   parcours_bench_people --db sqlite:bench.db --print-showcase   (ids of showcase persons)
//   parcours_bench_people --db sqlite:bench.db --print-queries 200  (name searches to replay)
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <unordered_set>

#include "bench/gen/french_data.h"
#include "core/clock.h"
#include "core/security/actor.h"
#include "core/store/db.h"
#include "core/text.h"
#include "features/accounts/users.h"
#include "features/people/identity.h"
#include "features/people/nir_protection.h"
#include "features/people/persons.h"
#include "features/territories/territory.h"

namespace parcours::bench {
namespace {

namespace json = boost::json;
using store::Connection;
using store::Value;

constexpr std::int64_t kDay = 86400;
constexpr int kDepartementPersons = 60000;
constexpr int kCountryPersons = 1000000;
constexpr int kShowcaseEvents = 200;

// ---------------------------------------------------------------------------------------------
// Batched inserts.

// Accumulates rows for one table and writes them in multi-row INSERTs (PostgreSQL) or one
// prepared INSERT per row (SQLite), in the caller's transaction.
class Inserter {
 public:
  Inserter(Connection& conn, std::string table, std::vector<std::string> columns)
      : conn_(conn), table_(std::move(table)), columns_(std::move(columns)) {
    rows_per_statement_ = conn.dialect() == store::Dialect::kPostgres
                              ? std::max<std::size_t>(1, 2000 / columns_.size())
                              : 1;
  }

  // Rows wait for flush(), so that parents can be written before children whatever the order
  // they were added in.
  void add(std::vector<Value> row) {
    for (auto& v : row) pending_.push_back(std::move(v));
    ++pending_rows_;
  }

  void flush() {
    const std::size_t width = columns_.size();
    for (std::size_t first = 0; first < pending_rows_; first += rows_per_statement_) {
      std::size_t rows = std::min(rows_per_statement_, pending_rows_ - first);
      std::vector<Value> values(std::make_move_iterator(pending_.begin() + first * width),
                                std::make_move_iterator(pending_.begin() + (first + rows) * width));
      conn_.execute(statement(rows), store::Params(std::move(values)));
    }
    written_ += static_cast<std::int64_t>(pending_rows_);
    pending_.clear();
    pending_rows_ = 0;
  }

  std::int64_t written() const { return written_; }

 private:
  const std::string& statement(std::size_t rows) {
    auto& sql = statements_[rows];
    if (!sql.empty()) return sql;
    sql = "INSERT INTO " + table_ + " (";
    for (std::size_t c = 0; c < columns_.size(); ++c) sql += (c ? ", " : "") + columns_[c];
    sql += ") VALUES ";
    std::size_t n = 1;
    for (std::size_t r = 0; r < rows; ++r) {
      sql += r ? ", (" : "(";
      for (std::size_t c = 0; c < columns_.size(); ++c)
        sql += fmt::format("{}${}", c ? ", " : "", n++);
      sql += ")";
    }
    return sql;
  }

  Connection& conn_;
  std::string table_;
  std::vector<std::string> columns_;
  std::size_t rows_per_statement_;
  std::vector<Value> pending_;
  std::size_t pending_rows_ = 0;
  std::int64_t written_ = 0;
  std::map<std::size_t, std::string> statements_;
};

// ---------------------------------------------------------------------------------------------
// Random choices.

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }
  std::int64_t between64(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(engine_);
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(engine_); }
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(N) - 1))];
  }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
  }
  std::string digits(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + between(0, 9)));
    return s;
  }

 private:
  std::mt19937_64 engine_;
};

// Picks among weighted items by a cumulative table.
class WeightedPicker {
 public:
  template <std::size_t N>
  explicit WeightedPicker(const Weighted (&items)[N]) {
    for (const auto& item : items) add(item.text, item.weight);
  }
  WeightedPicker() = default;
  void add(std::string_view text, std::int64_t weight) {
    total_ += std::max<std::int64_t>(weight, 1);
    cumulative_.push_back(total_);
    texts_.emplace_back(text);
  }
  std::size_t pick_index(Random& random) const {
    std::int64_t x = random.between64(1, total_);
    return static_cast<std::size_t>(std::lower_bound(cumulative_.begin(), cumulative_.end(), x) -
                                    cumulative_.begin());
  }
  const std::string& pick(Random& random) const { return texts_[pick_index(random)]; }
  bool empty() const { return texts_.empty(); }

 private:
  std::vector<std::int64_t> cumulative_;
  std::vector<std::string> texts_;
  std::int64_t total_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Territories, organisations and professionals.

struct Professional {
  std::int64_t user_id;
  std::int64_t organisation_id;
};

struct Commune {
  std::string code;
  std::string name;
  std::string postcode;
};

struct TerritoryPlan {
  std::int64_t id = 0;
  std::string departement;  // its one département code
  std::string name;
  int persons = 0;  // wanted in all
  int slot = 0;     // 0 for the Ardennes: keeps NIR order numbers apart between runs
};

std::int64_t ensure_organisation(Connection& conn, std::int64_t territory_id,
                                 const std::string& slug, const std::string& name,
                                 const char* kind) {
  if (auto row = conn.query_one("SELECT id FROM organisations WHERE slug = $1", {slug})) {
    return row->integer(0);
  }
  std::int64_t now = now_seconds();
  return conn
      .query_one(
          "INSERT INTO organisations (territory_id, slug, name, kind, created_at, updated_at) "
          "VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
          {territory_id, slug, name, std::string(kind), now})
      ->integer(0);
}

void ensure_professional(Connection& conn, const std::string& email, const std::string& name,
                         std::int64_t organisation_id) {
  auto user_id = accounts::find_user_by_email(conn, email);
  if (!user_id) {
    auto created = accounts::create_user(conn, {email, name, std::nullopt}, std::nullopt);
    if (!created) throw std::runtime_error(created.error().message);
    user_id = *created;
  }
  auto granted = accounts::grant_role(
      conn, *user_id, {security::Role::kProfessional, std::nullopt, organisation_id, false, true},
      std::nullopt);
  if (!granted) throw std::runtime_error(granted.error().message);
}

// The territory of département `code`, created for the bench when none covers it.
std::int64_t ensure_territory(Connection& conn, const std::string& code, const std::string& name) {
  if (auto row = conn.query_one(
          "SELECT territory_id FROM territory_departements WHERE departement_code = $1", {code})) {
    return row->integer(0);
  }
  std::string slug = "bench-" + text::slugify(code);
  auto created = territories::create_territory(
      conn,
      {.name = name,
       .slug = slug,
       .departements = code,
       .orientation_deadline_days = std::to_string(territories::kDefaultDeadlineDays),
       .deadline_mode = "calendar",
       .retention_months = std::to_string(territories::kDefaultRetentionMonths)},
      std::nullopt);
  if (!created) throw std::runtime_error(created.error().message);
  return *created;
}

// Professionals who can be in a team of the territory (référents first by id).
std::vector<Professional> professionals_of(Connection& conn, std::int64_t territory_id) {
  std::vector<Professional> pros;
  for (const auto& row : conn.query(
           "SELECT r.user_id, r.organisation_id FROM user_roles r JOIN organisations o ON "
           "o.id = r.organisation_id WHERE o.territory_id = $1 AND r.role = 'professional' AND "
           "r.active = 1 ORDER BY r.user_id, r.organisation_id",
           {territory_id})) {
    pros.push_back({row.integer(0), row.integer(1)});
  }
  return pros;
}

// Bench organisations and professionals of a territory (the Ardennes keep the demo ones too).
void staff_territory(Connection& conn, const TerritoryPlan& t) {
  struct Kind {
    const char* kind;
    const char* label;
  };
  constexpr Kind kKinds[] = {{"conseil_departemental", "Conseil départemental"},
                             {"france_travail", "France Travail"},
                             {"mission_locale", "Mission locale"},
                             {"association", "Association d’insertion"}};
  std::string code = text::slugify(t.departement);
  for (const auto& k : kKinds) {
    std::string slug = fmt::format("bench-{}-{}", text::slugify(k.kind), code);
    std::int64_t org = ensure_organisation(conn, t.id, slug,
                                           fmt::format("{} ({}, mesure)", k.label, t.name), k.kind);
    for (int i = 1; i <= 4; ++i) {
      ensure_professional(conn, fmt::format("bench-pro-{}-{}-{}@bench.test", code, k.kind, i),
                          fmt::format("Professionnel {} {} ({})", i, k.label, t.name), org);
    }
  }
}

std::vector<Commune> communes_of(Connection& conn, const std::string& departement,
                                 WeightedPicker& by_population) {
  std::vector<Commune> communes;
  for (const auto& row : conn.query(
           "SELECT c.code, c.name, c.population, MIN(p.postcode) FROM communes c "
           "LEFT JOIN commune_postcodes p ON p.commune_code = c.code "
           "WHERE c.departement_code = $1 GROUP BY c.code, c.name, c.population ORDER BY c.code",
           {departement})) {
    communes.push_back({row.text(0), row.text(1), row.text(3)});
    by_population.add(row.text(0), row.integer(2));
  }
  return communes;
}

// "202703" for an instant in March 2027 (UTC).
std::string year_month(std::int64_t unix_seconds) {
  using namespace std::chrono;
  year_month_day ymd{floor<days>(sys_seconds{seconds{unix_seconds}})};
  return fmt::format("{:04d}{:02d}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()));
}

// The first `n` characters (code points) of UTF-8 text.
std::string utf8_prefix(const std::string& text, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t count = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == n) break;
  }
  return text.substr(0, i);
}

// ---------------------------------------------------------------------------------------------
// One person.

struct World {
  std::vector<std::string> all_communes;  // INSEE codes of France, for places of birth
  WeightedPicker female{kFemaleFirstNames};
  WeightedPicker male{kMaleFirstNames};
  WeightedPicker surnames{kSurnames};
  std::unordered_set<std::string> nirs;  // first 13 characters generated by this run
};

constexpr const char* kAbroad[] = {"350", "352", "351", "139", "341", "212", "134", "127", "254"};

class PersonWriter {
 public:
  PersonWriter(Connection& conn, World& world, Random& random, std::int64_t now)
      : conn_(conn),
        world_(world),
        random_(random),
        now_(now),
        persons_(conn, "persons",
                 {"id",
                  "territory_id",
                  "birth_name",
                  "usage_name",
                  "first_names",
                  "birth_date",
                  "sex",
                  "nir_hash",
                  "nir_sealed",
                  "caf_number",
                  "ft_id",
                  "internal_id",
                  "email",
                  "phone",
                  "phone2",
                  "address",
                  "address_complement",
                  "postcode",
                  "commune_code",
                  "no_fixed_address",
                  "domiciliation",
                  "rsa_status",
                  "rights_and_duties",
                  "allowances",
                  "rqth",
                  "education_level",
                  "last_job",
                  "last_job_end",
                  "driving_licence",
                  "languages",
                  "created_at",
                  "updated_at"}),
        terms_(conn, "person_terms", {"territory_id", "term", "person_id"}),
        sources_(conn, "person_field_sources",
                 {"person_id", "field", "source", "user_id", "organisation_id", "file_name", "at"}),
        journeys_(conn, "journeys",
                  {"id", "person_id", "territory_id", "status", "entry", "need", "opened_by",
                   "opened_by_organisation_id", "opened_at", "closed_at", "close_reason",
                   "last_activity_at"}),
        members_(conn, "journey_members",
                 {"journey_id", "user_id", "organisation_id", "role", "joined_at", "added_by",
                  "left_at", "left_reason"}),
        notes_(conn, "notes",
               {"id", "journey_id", "author_id", "organisation_id", "visibility", "body",
                "corrects_id", "created_at"}),
        journal_(conn, "journal",
                 {"at", "kind", "territory_id", "person_id", "actor_id", "payload"}) {}

  struct Ids {
    std::int64_t person = 0;
    std::int64_t journey = 0;
    std::int64_t note = 0;
  };

  // Writes one person, their journey, team, notes and events. `showcase`: 200 events, recent
  // activity, `showcase_referent` as référent.
  void write(const TerritoryPlan& t, const std::vector<Commune>& communes,
             const WeightedPicker& communes_by_population, const std::vector<Professional>& pros,
             Ids& ids, bool showcase, std::optional<Professional> showcase_referent) {
    std::int64_t person_id = ++ids.person;
    std::int64_t journey_id = ++ids.journey;

    // Identity.
    bool female = random_.chance(0.52);
    std::string first_names = (female ? world_.female : world_.male).pick(random_);
    if (random_.chance(0.2)) {
      std::string second = (female ? world_.female : world_.male).pick(random_);
      if (second != first_names) first_names += " " + second;
    }
    std::string birth_name = world_.surnames.pick(random_);
    if (random_.chance(0.05)) {
      std::string other = world_.surnames.pick(random_);
      if (other != birth_name) birth_name += "-" + other;
    }
    std::string usage_name;
    int age = random_.between(18, 64);
    if (female && age > 24 && random_.chance(0.35)) {
      usage_name = world_.surnames.pick(random_);
      if (random_.chance(0.15)) usage_name = birth_name + "-" + usage_name;
    }
    int birth_year = current_year_ - age;
    int birth_month = random_.between(1, 12);
    std::string birth_date =
        fmt::format("{:04d}-{:02d}-{:02d}", birth_year, birth_month, random_.between(1, 28));

    const Commune& home = communes[communes_by_population.pick_index(random_)];
    std::optional<std::string> nir_value;
    if (random_.chance(0.85)) nir_value = make_nir(female, birth_year, birth_month, t, home);
    std::optional<people::ProtectedNir> nir;
    if (nir_value) nir = people::protect_nir(conn_, *nir_value);

    std::optional<std::string> caf;
    if (random_.chance(0.75)) caf = fmt::format("{:07d}", random_.between(1, 9999999));
    std::optional<std::string> ft_id;
    if (random_.chance(0.55)) {
      // Unique by construction: a bijection of the person id below 10^7, and a letter.
      std::int64_t n = (person_id * 7919 + 1234567) % 10000000;
      ft_id = fmt::format("{:07d}{}", n, static_cast<char>('A' + random_.between(0, 25)));
    }
    std::optional<std::string> internal_id;
    if (random_.chance(0.9)) internal_id = fmt::format("{}-{:08d}", t.departement, person_id);

    // Contact.
    std::optional<std::string> email;
    if (random_.chance(0.7)) {
      auto ascii = [](const std::string& s) {
        std::string folded = text::fold_for_search(s);
        std::string out;
        for (char c : folded) {
          if (c == ' ') {
            out.push_back('-');
          } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out.push_back(c);
          }
        }
        return out;
      };
      constexpr const char* kDomains[] = {"orange.test", "laposte.test", "gmail.test", "free.test",
                                          "sfr.test"};
      email = fmt::format("{}.{}{}@{}", ascii(first_names.substr(0, first_names.find(' '))),
                          ascii(usage_name.empty() ? birth_name : usage_name),
                          random_.between(1, 99), random_.pick(kDomains));
    }
    std::optional<std::string> phone;
    if (random_.chance(0.85)) {
      phone = fmt::format("+33{}{}", random_.chance(0.8) ? 6 : 7, random_.digits(8));
    }
    std::optional<std::string> phone2;
    if (phone && random_.chance(0.1)) phone2 = "+333" + random_.digits(8);
    bool no_fixed_address = random_.chance(0.03);
    std::string address;
    std::string complement;
    std::string domiciliation;
    if (no_fixed_address) {
      domiciliation = "CCAS de " + home.name + ", domiciliation";
    } else {
      address = fmt::format("{} {}", random_.between(1, 120), random_.pick(kStreets));
      if (random_.chance(0.15)) complement = std::string(random_.pick(kComplements));
    }

    // Situation.
    constexpr const char* kRsa[] = {"2", "2", "2", "2", "2", "2", "3", "4", "0", "5", "6", "1"};
    std::optional<std::string> rsa;
    if (caf && random_.chance(0.85)) rsa = random_.pick(kRsa);
    bool rights_and_duties = rsa && (*rsa == "2" || *rsa == "3" || *rsa == "4");
    std::string allowances;
    if (random_.chance(0.2)) allowances = "prime_activite";
    if (random_.chance(0.06)) allowances = allowances.empty() ? "aah" : "aah " + allowances;
    if (random_.chance(0.08)) allowances = allowances.empty() ? "ass" : "ass " + allowances;
    constexpr const char* kLevels[] = {"infra_3", "infra_3", "3", "3", "3", "4", "4", "5", "6"};
    std::optional<std::string> level;
    if (random_.chance(0.8)) level = random_.pick(kLevels);
    std::string last_job;
    std::optional<std::string> last_job_end;
    if (random_.chance(0.75)) {
      last_job = std::string(random_.pick(kJobs));
      last_job_end =
          fmt::format("{:04d}-{:02d}", random_.between(2015, 2026), random_.between(1, 12));
    }

    // The journey: its dates, its entry, its team.
    // Records past the retention (24 months) are purged regularly: only 1 % are just past it,
    // waiting for the next purge.
    bool recent = showcase;
    std::int64_t end_at = recent                 ? now_ - random_.between(0, 2) * kDay
                          : random_.chance(0.01) ? now_ - random_.between64(735, 760) * kDay
                                                 : now_ - random_.between64(0, 700) * kDay;
    std::int64_t opened_at = recent ? now_ - random_.between(300, 420) * kDay
                                    : end_at - random_.between64(20, 900) * kDay;
    constexpr const char* kStatuses[] = {"to_orient",   "oriented",    "oriented",    "accompanied",
                                         "accompanied", "accompanied", "accompanied", "accompanied",
                                         "closed",      "closed"};
    std::string status = recent ? "accompanied" : random_.pick(kStatuses);
    if (!recent && end_at < now_ - 300 * kDay) status = "closed";
    constexpr const char* kEntries[] = {"professional", "professional", "professional",
                                        "import",       "import",       "public_form"};
    std::string entry = random_.pick(kEntries);
    std::string need = entry == "public_form" ? std::string(random_.pick(kNeeds)) : "";

    Professional referent = showcase_referent ? *showcase_referent : random_.pick(pros);
    std::vector<Professional> team{referent};
    std::vector<std::int64_t> member_joined{opened_at};

    int events =
        showcase ? kShowcaseEvents
                 : std::clamp(static_cast<int>(std::normal_distribution<double>(50, 12)(engine())),
                              12, 100);
    std::vector<std::int64_t> times;
    for (int i = 0; i < events; ++i) times.push_back(random_.between64(opened_at, end_at));
    std::sort(times.begin(), times.end());
    times.front() = opened_at;

    std::string source =
        entry == "import" ? "import" : (entry == "public_form" ? "public_form" : "professional");
    std::string file_name =
        entry == "import" ? fmt::format("RSABEM_{}_{}.xml", t.departement, year_month(opened_at))
                          : "";
    std::optional<std::int64_t> creator;
    std::optional<std::int64_t> creator_org;
    if (source == "professional") {
      creator = referent.user_id;
      creator_org = referent.organisation_id;
    }

    // Field sources: what was given at creation, updated by later events below.
    struct FieldSource {
      std::string source;
      std::optional<std::int64_t> user;
      std::optional<std::int64_t> org;
      std::string file;
      std::int64_t at;
    };
    std::map<std::string, FieldSource> field_sources;
    json::array created_fields;
    auto given = [&](const char* field, bool present) {
      if (!present) return;
      field_sources[field] = {source, creator, creator_org, file_name, opened_at};
      created_fields.emplace_back(field);
    };
    given("birth_name", true);
    given("usage_name", !usage_name.empty());
    given("first_names", true);
    given("birth_date", true);
    given("sex", true);
    given("nir", nir.has_value());
    given("caf_number", caf.has_value());
    given("ft_id", ft_id.has_value());
    given("internal_id", internal_id.has_value());
    given("email", email.has_value());
    given("phone", phone.has_value());
    given("phone2", phone2.has_value());
    given("address", !address.empty());
    given("address_complement", !complement.empty());
    given("postcode", !no_fixed_address);
    given("commune_code", true);
    given("no_fixed_address", no_fixed_address);
    given("domiciliation", no_fixed_address);
    given("rsa_status", rsa.has_value());
    given("rights_and_duties", rights_and_duties);
    given("allowances", !allowances.empty());
    given("education_level", level.has_value());
    given("last_job", !last_job.empty());
    given("last_job_end", last_job_end.has_value());
    given("languages", true);

    // Events, in order.
    auto event = [&](std::int64_t at, const char* kind, std::optional<std::int64_t> actor,
                     json::object payload) {
      journal_.add(
          {at, std::string(kind), t.id, person_id, store::opt(actor), json::serialize(payload)});
    };
    auto with_org = [](json::object payload, std::optional<std::int64_t> org) {
      if (org) payload["actor_organisation_id"] = *org;
      return payload;
    };
    {
      json::object p{{"source", source}, {"fields", created_fields}};
      if (creator_org) p["actor_organisation_id"] = *creator_org;
      if (!file_name.empty()) p["file_name"] = file_name;
      event(times[0], "person.created", creator, std::move(p));
    }
    event(times[0], "journey.opened", creator,
          with_org({{"journey_id", journey_id}, {"entry", entry}}, creator_org));
    std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> left;  // index, at, by
    event(times[0], "member.joined", creator,
          with_org({{"journey_id", journey_id},
                    {"user_id", referent.user_id},
                    {"organisation_id", referent.organisation_id},
                    {"role", "referent"},
                    {"via", "opening"}},
                   creator_org));
    std::vector<std::int64_t> person_notes;  // ids visible to the person, for corrections
    std::vector<std::pair<std::int64_t, std::string>> team_notes;  // id, visibility
    std::int64_t last_activity = times[0];
    std::size_t referent_index = 0;
    std::vector<bool> active{true};
    for (int i = 3; i < events; ++i) {
      std::int64_t at = times[static_cast<std::size_t>(i)];
      std::size_t author_index =
          static_cast<std::size_t>(random_.between(0, static_cast<int>(team.size()) - 1));
      if (!active[author_index]) author_index = referent_index;
      const Professional& author = team[author_index];
      enum class Kind { kNote, kUpdate, kJoin, kLeave };
      int roll = random_.between(1, 100);
      Kind kind = roll <= 52   ? Kind::kNote
                  : roll <= 86 ? Kind::kUpdate
                  : roll <= 95 ? Kind::kJoin
                               : Kind::kLeave;
      std::vector<std::size_t> leavers;  // active members other than the référent
      for (std::size_t m = 0; m < team.size(); ++m) {
        if (active[m] && m != referent_index) leavers.push_back(m);
      }
      if (kind == Kind::kLeave && leavers.empty()) kind = Kind::kJoin;
      std::optional<Professional> newcomer;
      if (kind == Kind::kJoin) {
        for (int attempt = 0; attempt < 5 && !newcomer; ++attempt) {
          const Professional& p = random_.pick(pros);
          bool already = false;
          for (std::size_t m = 0; m < team.size(); ++m) {
            already = already || (active[m] && team[m].user_id == p.user_id);
          }
          if (!already) newcomer = p;
        }
        if (!newcomer) kind = Kind::kNote;
      }

      if (kind == Kind::kNote) {
        std::int64_t note_id = ++ids.note;
        std::string visibility =
            random_.chance(0.2) ? "person" : (random_.chance(0.1) ? "referent" : "team");
        std::optional<std::int64_t> corrects;
        if (!team_notes.empty() && random_.chance(0.04)) {
          corrects = team_notes.back().first;
          visibility = team_notes.back().second;
        }
        notes_.add({note_id, journey_id, author.user_id, author.organisation_id, visibility,
                    std::string(random_.pick(kNotes)), store::opt(corrects), at});
        team_notes.emplace_back(note_id, visibility);
        json::object p{
            {"journey_id", journey_id}, {"note_id", note_id}, {"visibility", visibility}};
        if (corrects) p["corrects_id"] = *corrects;
        event(at, corrects ? "note.corrected" : "note.added", author.user_id,
              with_org(std::move(p), author.organisation_id));
        last_activity = at;
      } else if (kind == Kind::kUpdate) {
        constexpr const char* kSections[][4] = {
            {"contact", "phone", "", ""},
            {"contact", "address", "postcode", "commune_code"},
            {"contact", "email", "", ""},
            {"situation", "rsa_status", "rights_and_duties", ""},
            {"situation", "last_job", "last_job_end", ""},
            {"situation", "education_level", "", ""},
            {"situation", "allowances", "", ""},
            {"identity", "usage_name", "", ""}};
        const auto& change = random_.pick(kSections);
        bool by_person = std::string_view(change[0]) == "contact" && random_.chance(0.2);
        json::array fields;
        for (int f = 1; f < 4; ++f) {
          if (*change[f] == '\0') continue;
          fields.emplace_back(change[f]);
          field_sources[change[f]] =
              by_person
                  ? FieldSource{"person", std::nullopt, std::nullopt, "", at}
                  : FieldSource{"professional", author.user_id, author.organisation_id, "", at};
        }
        json::object p{{"section", change[0]},
                       {"fields", std::move(fields)},
                       {"source", by_person ? "person" : "professional"}};
        if (by_person) {
          p["by"] = "person";
          event(at, "person.updated", std::nullopt, std::move(p));
        } else {
          event(at, "person.updated", author.user_id,
                with_org(std::move(p), author.organisation_id));
        }
      } else if (kind == Kind::kJoin) {
        team.push_back(*newcomer);
        active.push_back(true);
        member_joined.push_back(at);
        event(at, "member.joined", author.user_id,
              with_org({{"journey_id", journey_id},
                        {"user_id", newcomer->user_id},
                        {"organisation_id", newcomer->organisation_id},
                        {"role", "member"},
                        {"added_by", author.user_id},
                        {"via", "invitation"}},
                       author.organisation_id));
        last_activity = at;
      } else {
        std::size_t m = random_.pick(leavers);
        active[m] = false;
        left.emplace_back(static_cast<std::int64_t>(m), at, team[m].user_id);
        event(at, "member.left", team[m].user_id,
              with_org({{"journey_id", journey_id},
                        {"user_id", team[m].user_id},
                        {"organisation_id", team[m].organisation_id},
                        {"reason", "Fin de l’intervention de la structure"}},
                       team[m].organisation_id));
        last_activity = at;
      }
    }
    if (showcase) last_activity = std::max(last_activity, now_ - kDay);

    // Rows.
    std::int64_t created = times[0];
    persons_.add({person_id,
                  t.id,
                  birth_name,
                  usage_name,
                  first_names,
                  birth_date,
                  std::string(female ? "F" : "M"),
                  nir ? Value{nir->hash} : Value{nullptr},
                  nir ? Value{nir->sealed} : Value{nullptr},
                  store::opt(caf),
                  store::opt(ft_id),
                  store::opt(internal_id),
                  store::opt(email),
                  store::opt(phone),
                  store::opt(phone2),
                  address,
                  complement,
                  no_fixed_address ? std::string() : home.postcode,
                  home.code,
                  store::boolean(no_fixed_address),
                  domiciliation,
                  store::opt(rsa),
                  store::boolean(rights_and_duties),
                  allowances,
                  store::boolean(random_.chance(0.08)),
                  store::opt(level),
                  last_job,
                  store::opt(last_job_end),
                  store::boolean(random_.chance(0.55)),
                  std::string(random_.pick(kLanguages)),
                  created,
                  last_activity});
    for (const auto& term : people::name_terms(birth_name, usage_name, first_names)) {
      terms_.add({t.id, term, person_id});
    }
    for (const auto& [field, s] : field_sources) {
      sources_.add({person_id, field, s.source, store::opt(s.user), store::opt(s.org),
                    s.file.empty() ? Value{nullptr} : Value{s.file}, s.at});
    }
    std::optional<std::int64_t> closed_at;
    std::optional<std::string> close_reason;
    if (status == "closed") {
      closed_at = last_activity;
      close_reason =
          random_.chance(0.5) ? "Sortie vers l’emploi" : "Déménagement hors du département";
    }
    journeys_.add({journey_id, person_id, t.id, status, entry, need, store::opt(creator),
                   store::opt(creator_org), opened_at, store::opt(closed_at),
                   store::opt(close_reason), last_activity});
    for (std::size_t m = 0; m < team.size(); ++m) {
      std::optional<std::int64_t> left_at;
      std::optional<std::string> reason;
      for (const auto& [index, at, by] : left) {
        if (static_cast<std::size_t>(index) == m) {
          left_at = at;
          reason = "Fin de l’intervention de la structure";
        }
      }
      if (status == "closed" && !left_at) {
        left_at = closed_at;
        reason = "Parcours clos";
      }
      members_.add({journey_id, team[m].user_id, team[m].organisation_id,
                    std::string(m == referent_index ? "referent" : "member"), member_joined[m],
                    m == 0 ? store::opt(creator) : Value{referent.user_id}, store::opt(left_at),
                    store::opt(reason)});
    }
    events_written_ += events;
  }

  // Writes what is pending, parents first (foreign keys are checked statement by statement).
  void flush() {
    persons_.flush();
    terms_.flush();
    sources_.flush();
    journeys_.flush();
    members_.flush();
    notes_.flush();
    journal_.flush();
  }

  std::int64_t events_written() const { return events_written_; }

  std::mt19937_64& engine() { return engine_; }

 private:
  // A NIR with a valid key: sex, year and month of birth, INSEE code of the commune of birth (or
  // 99 and a country), an order number, the key. Unique among the NIRs of this run; order numbers
  // are split by where the person was born and the territory's slot so that two runs (the
  // département, then the country) cannot produce the same first 13 characters.
  std::string make_nir(bool female, int year, int month, const TerritoryPlan& t,
                       const Commune& home) {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      std::string place;
      int order_lo = 1;
      int order_hi = 499;
      int roll = random_.between(1, 100);
      if (roll <= 60) {
        place = home.code;
      } else if (roll <= 88) {
        place = random_.pick(world_.all_communes);
        order_lo = 500 + (t.slot == 0 ? 0 : 100 + (t.slot % 4) * 100);
        order_hi = order_lo + 99;
      } else {
        place = std::string("99") + random_.pick(kAbroad);
        order_lo = 500 + (t.slot == 0 ? 0 : 100 + (t.slot % 4) * 100);
        order_hi = order_lo + 99;
      }
      if (place.size() != 5) continue;
      std::string first13 = fmt::format("{}{:02d}{:02d}{}{:03d}", female ? 2 : 1, year % 100, month,
                                        place, random_.between(order_lo, order_hi));
      if (!world_.nirs.insert(first13).second) continue;
      auto key = people::nir_key(first13);
      if (!key) continue;
      return random_.chance(0.6) ? fmt::format("{}{:02d}", first13, *key) : first13;
    }
    throw std::runtime_error("NIR : aucune combinaison libre");
  }

  Connection& conn_;
  World& world_;
  Random& random_;
  std::int64_t now_;
  int current_year_ = std::stoi(year_month(now_).substr(0, 4));
  std::mt19937_64 engine_{7};
  Inserter persons_, terms_, sources_, journeys_, members_, notes_, journal_;
  std::int64_t events_written_ = 0;
};

// ---------------------------------------------------------------------------------------------

std::int64_t max_id(Connection& conn, const char* table) {
  return conn.query_one(std::string("SELECT COALESCE(MAX(id), 0) FROM ") + table)->integer(0);
}

// PostgreSQL identity columns do not see explicit ids: move them past what was written.
void advance_sequences(Connection& conn) {
  if (conn.dialect() != store::Dialect::kPostgres) return;
  for (const char* table : {"persons", "journeys", "notes"}) {
    conn.query(
        fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), "
                    "GREATEST((SELECT MAX(id) FROM {0}), 1))",
                    table));
  }
}

std::vector<TerritoryPlan> plan(Connection& conn, const std::string& profile,
                                std::int64_t ardennes_id) {
  std::vector<TerritoryPlan> plans{{ardennes_id, "08", "Ardennes", kDepartementPersons, 0}};
  if (profile != "country") return plans;
  std::vector<std::tuple<std::string, std::string, std::int64_t>> departements;
  std::int64_t total = 0;
  for (const auto& row :
       conn.query("SELECT d.code, d.name, COALESCE(SUM(c.population), 0) FROM departements d "
                  "LEFT JOIN communes c ON c.departement_code = d.code WHERE d.code <> '08' "
                  "GROUP BY d.code, d.name ORDER BY d.code")) {
    if (row.integer(2) <= 0) continue;
    departements.emplace_back(row.text(0), row.text(1), row.integer(2));
    total += row.integer(2);
  }
  int remaining = kCountryPersons - kDepartementPersons;
  int slot = 1;
  for (const auto& [code, name, population] : departements) {
    int n = static_cast<int>(static_cast<double>(remaining) * population / total);
    if (n == 0) continue;
    plans.push_back({ensure_territory(conn, code, name), code, name, n, slot++});
  }
  // Rounding: the last territory takes what is left.
  int planned = 0;
  for (const auto& p : plans) planned += p.persons;
  if (plans.size() > 1) plans.back().persons += kCountryPersons - planned;
  return plans;
}

int run(const std::string& db_url, const std::string& profile, int persons_override, int chunk,
        std::uint64_t seed) {
  auto db = store::Db::open(db_url, 1);
  auto conn = db->acquire();
  auto ardennes = conn->query_one("SELECT id FROM territories WHERE slug = 'ardennes'");
  if (!ardennes) {
    std::cerr << "parcours_bench_people : lancez d’abord « parcours seed-demo »\n";
    return 1;
  }
  if (conn->dialect() == store::Dialect::kSqlite) {
    conn->execute_script("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
  } else {
    conn->execute_script("SET synchronous_commit = off");
  }
  auto start = std::chrono::steady_clock::now();
  std::int64_t now = now_seconds();

  World world;
  for (const auto& row : conn->query("SELECT code FROM communes ORDER BY code")) {
    world.all_communes.push_back(row.text(0));
  }
  std::vector<TerritoryPlan> plans;
  store::with_transaction(*conn, [&] {
    plans = plan(*conn, profile, ardennes->integer(0));
    for (const auto& t : plans) staff_territory(*conn, t);
  });
  if (persons_override > 0) {
    plans.resize(1);
    plans[0].persons = persons_override;
  }

  Random random(seed);
  PersonWriter writer(*conn, world, random, now);
  PersonWriter::Ids ids{max_id(*conn, "persons"), max_id(*conn, "journeys"),
                        max_id(*conn, "notes")};
  auto referent_demo = conn->query_one(
      "SELECT r.user_id, r.organisation_id FROM users u JOIN user_roles r ON r.user_id = u.id "
      "WHERE u.email = 'referent@demo.test' AND r.role = 'professional' ORDER BY r.id LIMIT 1");
  std::int64_t written = 0;
  for (const auto& t : plans) {
    std::int64_t existing =
        conn->query_one("SELECT COUNT(*) FROM persons WHERE territory_id = $1", {t.id})->integer(0);
    if (existing >= t.persons) continue;
    WeightedPicker by_population;
    std::vector<Commune> communes = communes_of(*conn, t.departement, by_population);
    std::vector<Professional> pros = professionals_of(*conn, t.id);
    if (communes.empty() || pros.empty()) {
      throw std::runtime_error("pas de communes ou de professionnels pour " + t.name);
    }
    bool ardennes_has_bench =
        t.slot == 0 &&
        conn->query_one("SELECT 1 FROM persons WHERE territory_id = $1 AND internal_id LIKE '08-%'",
                        {t.id})
            .has_value();
    int to_write = t.persons - static_cast<int>(existing);
    for (int done = 0; done < to_write;) {
      int n = std::min(chunk, to_write - done);
      store::with_transaction(*conn, [&] {
        for (int i = 0; i < n; ++i) {
          // The showcase: the first persons this generator writes in the Ardennes.
          bool showcase = t.slot == 0 && !ardennes_has_bench && done + i < 20 && referent_demo;
          std::optional<Professional> ref;
          if (showcase) ref = Professional{referent_demo->integer(0), referent_demo->integer(1)};
          writer.write(t, communes, by_population, pros, ids, showcase, ref);
        }
        writer.flush();
      });
      done += n;
      written += n;
      if (written % 100000 < chunk) {
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << fmt::format("  {} personnes, {} événements ({:.0f} s)\n", written,
                                 writer.events_written(), s);
      }
    }
  }
  advance_sequences(*conn);
  conn->execute_script("ANALYZE");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << fmt::format(
      "{} personnes écrites ({} événements du journal) en {:.1f} s ; profil {}, {} territoire(s)\n",
      written, writer.events_written(), seconds, profile, plans.size());
  return 0;
}

}  // namespace
}  // namespace parcours::bench

int main(int argc, char** argv) {
  std::string db_url;
  std::string profile = "departement";
  int persons = 0;
  int chunk = 2000;
  std::uint64_t seed = 2027;
  bool print_showcase = false;
  int print_queries = 0;
  CLI::App cli{"Personnes de mesure de Parcours", "parcours_bench_people"};
  cli.add_option("--db", db_url, "Base de données")->required();
  cli.add_option("--profile", profile, "departement (60 000 personnes) ou country (1 000 000)")
      ->check(CLI::IsMember({"departement", "country"}));
  cli.add_option("--persons", persons, "Nombre de personnes (Ardennes seulement), pour essayer");
  cli.add_option("--chunk", chunk, "Personnes par transaction")->check(CLI::Range(1, 100000));
  cli.add_option("--seed", seed, "Graine du générateur");
  cli.add_flag("--print-showcase", print_showcase,
               "Afficher les personnes à 200 événements (référente referent@demo.test)");
  cli.add_option("--print-queries", print_queries, "Afficher N recherches par nom à rejouer");
  CLI11_PARSE(cli, argc, argv);

  try {
    if (print_showcase || print_queries > 0) {
      auto db = parcours::store::Db::open(db_url, 1);
      auto conn = db->acquire();
      if (print_showcase) {
        for (const auto& row : conn->query(
                 "SELECT j.person_id FROM journeys j JOIN journey_members m ON m.journey_id = j.id "
                 "JOIN users u ON u.id = m.user_id JOIN territories t ON t.id = j.territory_id "
                 "WHERE u.email = 'referent@demo.test' AND m.role = 'referent' AND "
                 "t.slug = 'ardennes' AND m.left_at IS NULL AND j.status = 'accompanied' "
                 "AND (SELECT COUNT(*) FROM journal e WHERE e.person_id = j.person_id) = 200 "
                 "ORDER BY j.person_id LIMIT 20")) {
          std::cout << row.integer(0) << "\n";
        }
      }
      if (print_queries > 0) {
        // What a professional types: a name and the start of a first name, or the name alone,
        // with accents or without, as written in the record.
        parcours::bench::Random random(99);
        auto rows = conn->query(
            "SELECT birth_name, usage_name, first_names FROM persons p JOIN territories t ON "
            "t.id = p.territory_id WHERE t.slug = 'ardennes' ORDER BY p.id LIMIT 5000");
        for (int i = 0; i < print_queries && !rows.empty(); ++i) {
          const auto& row = random.pick(rows);
          std::string name = row.text(1).empty() || random.chance(0.5) ? row.text(0) : row.text(1);
          std::string first = row.text(2).substr(0, row.text(2).find(' '));
          int form = random.between(1, 4);
          std::string query = form == 1   ? name
                              : form == 2 ? name + " " + parcours::bench::utf8_prefix(first, 3)
                              : form == 3 ? first + " " + name
                                          : parcours::text::fold_for_search(name);
          std::cout << query << "\n";
        }
      }
      return 0;
    }
    return parcours::bench::run(db_url, profile, persons, chunk, seed);
  } catch (const std::exception& e) {
    std::cerr << "parcours_bench_people : " << e.what() << "\n";
    return 1;
  }
}

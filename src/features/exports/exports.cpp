// CSV exports: see exports.h.
#include "features/exports/exports.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <chrono>

#include "core/clock.h"
#include "core/store/journal.h"
#include "features/people/journeys.h"

namespace parcours::exports {
namespace {

constexpr std::int64_t kPage = 1000;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

void end_line(std::string& line) {
  if (!line.empty() && line.back() == ';') line.pop_back();
  line += "\r\n";
}

void add(std::string& line, std::string_view value) {
  append_field(line, value);
  line.push_back(';');
}

const char* sex_label(std::string_view sex) {
  return sex == "F" ? "Femme" : sex == "M" ? "Homme" : "";
}

const char* yes_no(bool value) { return value ? "Oui" : "Non"; }

// Writes the BOM, the header line, then the rows of `sql` page by page: `sql` takes the id
// cursor ($1), the territory ($2) and the page size ($3), and returns rows ordered by their id
// in column 0; `write_row` appends the fields of one row.
template <typename WriteRow>
std::int64_t write_table(store::Connection& conn, std::int64_t territory_id, std::ostream& out,
                         std::initializer_list<const char*> headers, const char* sql,
                         WriteRow write_row) {
  std::string buffer(kBom);
  for (auto header : headers) add(buffer, header);
  end_line(buffer);
  std::int64_t rows = 0;
  std::int64_t after = 0;
  for (;;) {
    auto page = conn.query(sql, {after, territory_id, kPage});
    for (const auto& r : page) {
      write_row(buffer, r);
      end_line(buffer);
      after = r.integer(0);
      ++rows;
    }
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
    if (static_cast<std::int64_t>(page.size()) < kPage) break;
  }
  return rows;
}

std::int64_t write_persons(store::Connection& conn, std::int64_t territory_id, std::ostream& out) {
  return write_table(
      conn, territory_id, out,
      {"Identifiant",
       "Nom de naissance",
       "Nom d'usage",
       "Prénoms",
       "Date de naissance",
       "Sexe",
       "Matricule CAF/MSA",
       "Identifiant France Travail",
       "Identifiant départemental",
       "Courriel",
       "Téléphone",
       "Adresse",
       "Complément d'adresse",
       "Code postal",
       "Code commune INSEE",
       "Sans domicile stable",
       "Statut RSA",
       "Soumis aux droits et devoirs",
       "Créé le",
       "Modifié le"},
      "SELECT p.id, p.birth_name, p.usage_name, p.first_names, p.birth_date, p.sex, "
      "p.caf_number, p.ft_id, p.internal_id, p.email, p.phone, p.address, "
      "p.address_complement, p.postcode, p.commune_code, p.no_fixed_address, p.rsa_status, "
      "p.rights_and_duties, p.created_at, p.updated_at FROM persons p "
      "WHERE p.id > $1 AND p.merged_into IS NULL AND (p.territory_id = $2 OR EXISTS "
      "(SELECT 1 FROM journeys j WHERE j.person_id = p.id AND j.territory_id = $2)) "
      "ORDER BY p.id LIMIT $3",
      [](std::string& buffer, const store::Row& r) {
        add(buffer, r.text(0));
        add(buffer, r.text(1));
        add(buffer, r.text(2));
        add(buffer, r.text(3));
        add(buffer, french_date(r.text(4)));
        add(buffer, sex_label(r.text(5)));
        add(buffer, r.text(6));
        add(buffer, r.text(7));
        add(buffer, r.text(8));
        add(buffer, r.text(9));
        add(buffer, r.text(10));
        add(buffer, r.text(11));
        add(buffer, r.text(12));
        add(buffer, r.text(13));
        add(buffer, r.text(14));
        add(buffer, yes_no(r.boolean(15)));
        add(buffer, r.text(16));
        add(buffer, yes_no(r.boolean(17)));
        add(buffer, french_date_of(r.integer(18)));
        add(buffer, french_date_of(r.integer(19)));
      });
}

std::int64_t write_journeys(store::Connection& conn, std::int64_t territory_id, std::ostream& out) {
  return write_table(
      conn, territory_id, out,
      {"Identifiant du parcours", "Identifiant de la personne", "Nom de naissance", "Nom d'usage",
       "Prénoms", "Date de naissance", "Statut", "Entrée", "Ouvert le", "Clôturé le",
       "Motif de clôture", "Référent", "Structure du référent", "Membres de l'équipe",
       "Dernière activité le"},
      "SELECT j.id, j.person_id, p.birth_name, p.usage_name, p.first_names, p.birth_date, "
      "j.status, j.entry, j.opened_at, j.closed_at, j.close_reason, u.name, o.name, "
      "(SELECT COUNT(*) FROM journey_members t WHERE t.journey_id = j.id AND t.left_at IS NULL), "
      "j.last_activity_at FROM journeys j JOIN persons p ON p.id = j.person_id "
      "LEFT JOIN journey_members m ON m.journey_id = j.id AND m.role = 'referent' "
      "AND m.left_at IS NULL LEFT JOIN users u ON u.id = m.user_id "
      "LEFT JOIN organisations o ON o.id = m.organisation_id "
      "WHERE j.id > $1 AND j.territory_id = $2 ORDER BY j.id LIMIT $3",
      [](std::string& buffer, const store::Row& r) {
        add(buffer, r.text(0));
        add(buffer, r.text(1));
        add(buffer, r.text(2));
        add(buffer, r.text(3));
        add(buffer, r.text(4));
        add(buffer, french_date(r.text(5)));
        add(buffer, people::journey_status_label(r.text(6)));
        auto entry = people::parse_entry(r.text(7));
        add(buffer, entry ? people::entry_label(*entry) : r.text(7));
        add(buffer, french_date_of(r.integer(8)));
        add(buffer, r.is_null(9) ? "" : french_date_of(r.integer(9)));
        add(buffer, r.text(10));
        add(buffer, r.text(11));
        add(buffer, r.text(12));
        add(buffer, r.text(13));
        add(buffer, french_date_of(r.integer(14)));
      });
}

}  // namespace

bool may_export(const MaybeActor& actor, std::int64_t territory_id) {
  return actor && actor->manages_territory(territory_id);
}

const char* kind_code(Kind kind) { return kind == Kind::kPersons ? "personnes" : "parcours"; }

void append_field(std::string& out, std::string_view value) {
  bool formula = false;
  if (!value.empty()) {
    char c = value.front();
    if (c == '=' || c == '@' || c == '\t' || c == '\r') {
      formula = true;
    } else if ((c == '+' || c == '-') &&
               (value.size() == 1 || !(value[1] >= '0' && value[1] <= '9'))) {
      formula = true;
    }
  }
  bool quote = formula || value.find_first_of(";\"\r\n") != std::string_view::npos ||
               (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) {
    out.append(value);
    return;
  }
  out.push_back('"');
  if (formula) out.push_back('\'');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string french_date(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return "";
  return fmt::format("{}/{}/{}", iso.substr(8, 2), iso.substr(5, 2), iso.substr(0, 4));
}

std::string french_date_of(std::int64_t unix_seconds) {
  std::int64_t local = unix_seconds + paris_offset_seconds(unix_seconds);
  std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(ymd.day()),
                     static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
}

std::int64_t write_export(store::Connection& conn, Kind kind, std::int64_t territory_id,
                          std::int64_t actor_id, std::ostream& out) {
  std::int64_t rows = kind == Kind::kPersons ? write_persons(conn, territory_id, out)
                                             : write_journeys(conn, territory_id, out);
  out.flush();
  store::with_transaction(conn, [&] {
    std::string code = kind == Kind::kPersons ? "persons" : "journeys";
    store::append_event(
        conn, {.kind = "export." + code,
               .territory_id = territory_id,
               .actor_id = actor_id,
               .payload_json = boost::json::serialize(boost::json::object{
                   {"file", kind_code(kind)},
                   {"rows", rows},
                   {"text", fmt::format("a exporté {} du territoire en CSV ({} "
                                        "ligne{})",
                                        kind == Kind::kPersons ? "les personnes" : "les parcours",
                                        rows, rows > 1 ? "s" : "")}})});
    store::log_access(conn, {.actor_id = actor_id,
                             .person_id = std::nullopt,
                             .part = "export." + code,
                             .purpose = fmt::format("export CSV du territoire {} ({} lignes)",
                                                    territory_id, rows)});
  });
  return rows;
}

}  // namespace parcours::exports

#include "features/geo/loader.h"

#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "core/atomic.h"
#include "core/store/journal.h"
#include "core/text.h"

namespace parcours::geo {
namespace {

namespace json = boost::json;

Result<json::array> read_array(const std::string& dir, const std::string& file) {
  std::ifstream in(dir + "/" + file);
  if (!in) return fail(ErrorCode::kInvalid, "Fichier introuvable : " + dir + "/" + file, "source");
  std::stringstream content;
  content << in.rdbuf();
  boost::system::error_code ec;
  json::value value = json::parse(content.str(), ec);
  if (ec || !value.is_array()) {
    return fail(ErrorCode::kInvalid, "Fichier illisible (JSON attendu) : " + dir + "/" + file,
                "source");
  }
  return Result<json::array>(std::move(value.as_array()));
}

std::string str(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

std::int64_t integer(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_int64() ? it->value().as_int64() : 0;
}

// Writes rows with multi-row INSERT statements: one round trip per batch instead of one per
// row (this is what makes PostgreSQL fast here). Batches stay small in parameters because
// SQLite binds `$n` by name, at a cost that grows with the number of parameters.
class BatchInsert {
 public:
  static constexpr std::size_t kMaxParameters = 300;

  BatchInsert(store::Connection& conn, std::string head, std::size_t columns, std::string tail)
      : conn_(conn), head_(std::move(head)), columns_(columns), tail_(std::move(tail)) {}

  void add(std::vector<store::Value> row) {
    for (auto& v : row) values_.push_back(std::move(v));
    if (values_.size() + columns_ > kMaxParameters) flush();
  }

  void flush() {
    if (values_.empty()) return;
    std::string sql = head_ + " VALUES ";
    std::size_t rows = values_.size() / columns_;
    for (std::size_t r = 0; r < rows; ++r) {
      sql += r ? ", (" : "(";
      for (std::size_t c = 0; c < columns_; ++c) {
        sql += (c ? ", $" : "$") + std::to_string(r * columns_ + c + 1);
      }
      sql += ")";
    }
    conn_.execute(sql + " " + tail_, store::Params(std::move(values_)));
    values_.clear();
  }

 private:
  store::Connection& conn_;
  std::string head_;
  std::size_t columns_;
  std::string tail_;
  std::vector<store::Value> values_;
};

}  // namespace

Result<GeoCounts> load_geography(store::Connection& conn, const std::string& dir) {
  auto regions = read_array(dir, "regions.json");
  if (!regions) return std::unexpected(regions.error());
  auto departements = read_array(dir, "departements.json");
  if (!departements) return std::unexpected(departements.error());
  auto epcis = read_array(dir, "epci.json");
  if (!epcis) return std::unexpected(epcis.error());
  auto communes = read_array(dir, "communes.json");
  if (!communes) return std::unexpected(communes.error());

  // The EPCI of each commune comes from the members listed by each EPCI.
  std::map<std::string, std::string> epci_of;
  for (const auto& e : *epcis) {
    if (!e.is_object()) continue;
    const auto& o = e.as_object();
    if (auto it = o.find("membres"); it != o.end() && it->value().is_array()) {
      for (const auto& m : it->value().as_array()) {
        if (m.is_object()) epci_of[str(m.as_object(), "code")] = str(o, "code");
      }
    }
  }

  return atomically(conn, [&]() -> Result<GeoCounts> {
    GeoCounts counts;
    BatchInsert region_rows(conn, "INSERT INTO regions (code, name)", 2,
                            "ON CONFLICT (code) DO UPDATE SET name = excluded.name");
    for (const auto& r : *regions) {
      if (!r.is_object()) continue;
      region_rows.add({str(r.as_object(), "code"), str(r.as_object(), "nom")});
      ++counts.regions;
    }
    region_rows.flush();

    BatchInsert departement_rows(conn, "INSERT INTO departements (code, name, region_code)", 3,
                                 "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                                 "region_code = excluded.region_code");
    for (const auto& d : *departements) {
      if (!d.is_object()) continue;
      const auto& o = d.as_object();
      departement_rows.add({str(o, "code"), str(o, "nom"), str(o, "region")});
      ++counts.departements;
    }
    departement_rows.flush();

    BatchInsert epci_rows(conn, "INSERT INTO epci (code, name, kind)", 3,
                          "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                          "kind = excluded.kind");
    for (const auto& e : *epcis) {
      if (!e.is_object()) continue;
      const auto& o = e.as_object();
      epci_rows.add({str(o, "code"), str(o, "nom"), str(o, "type")});
      ++counts.epci;
    }
    epci_rows.flush();

    // Postcodes are replaced as a whole: a commune may have lost one.
    conn.execute("DELETE FROM commune_postcodes");
    BatchInsert commune_rows(
        conn,
        "INSERT INTO communes (code, name, search_name, departement_code, region_code, epci_code, "
        "population)",
        7,
        "ON CONFLICT (code) DO UPDATE SET name = excluded.name, search_name = "
        "excluded.search_name, departement_code = excluded.departement_code, region_code = "
        "excluded.region_code, epci_code = excluded.epci_code, population = excluded.population");
    std::vector<std::pair<std::string, std::string>> postcodes;
    for (const auto& c : *communes) {
      if (!c.is_object()) continue;
      const auto& o = c.as_object();
      if (str(o, "type") != "commune-actuelle") continue;
      std::string code = str(o, "code");
      std::string name = str(o, "nom");
      auto epci = epci_of.find(code);
      commune_rows.add({code, name, text::fold_for_search(name), str(o, "departement"),
                        str(o, "region"),
                        epci == epci_of.end() ? store::Value{nullptr} : store::Value{epci->second},
                        integer(o, "population")});
      ++counts.communes;
      if (auto it = o.find("codesPostaux"); it != o.end() && it->value().is_array()) {
        for (const auto& p : it->value().as_array()) {
          if (!p.is_string()) continue;
          postcodes.emplace_back(code, std::string(p.as_string()));
        }
      }
    }
    commune_rows.flush();
    // Postcodes only once every commune is written (foreign key).
    BatchInsert postcode_rows(conn, "INSERT INTO commune_postcodes (commune_code, postcode)", 2,
                              "ON CONFLICT DO NOTHING");
    for (auto& [code, postcode] : postcodes) postcode_rows.add({code, postcode});
    postcode_rows.flush();
    counts.postcodes = static_cast<std::int64_t>(postcodes.size());

    store::append_event(
        conn, {.kind = "geo.loaded",
               .payload_json = json::serialize(json::object{{"regions", counts.regions},
                                                            {"departements", counts.departements},
                                                            {"epci", counts.epci},
                                                            {"communes", counts.communes},
                                                            {"postcodes", counts.postcodes}})});
    return counts;
  });
}

}  // namespace parcours::geo

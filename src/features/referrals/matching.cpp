#include "features/referrals/matching.h"

#include <algorithm>
#include <boost/json.hpp>
#include <limits>
#include <map>
#include <set>

#include "features/catalogue/vocabulary.h"
#include "features/search/search.h"

namespace parcours::referrals {
namespace {

namespace json = boost::json;

int level_rank(const std::string& level) {
  if (level == "majeur") return 0;
  if (level == "a_surveiller") return 1;
  return 2;
}

int level_score(const std::string& level) { return 3 - level_rank(level); }

std::vector<std::string> string_list(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.as_array())
    if (e.is_string()) out.emplace_back(e.as_string());
  return out;
}

std::string category_of(const std::string& code) { return code.substr(0, code.find("--")); }

void add_need(std::vector<Need>& needs, const std::string& category, const std::string& level,
              std::vector<std::string> subs) {
  for (auto& n : needs) {
    if (n.thematique != category) continue;
    if (level_rank(level) < level_rank(n.level)) n.level = level;
    for (auto& s : subs)
      if (std::find(n.sous_thematiques.begin(), n.sous_thematiques.end(), s) ==
          n.sous_thematiques.end())
        n.sous_thematiques.push_back(s);
    return;
  }
  needs.push_back({category, thematique_label(category), level, std::move(subs)});
}

}  // namespace

std::string thematique_label(std::string_view category) {
  return catalogue::category_label(category);
}

const char* proximity_label(Proximity p) {
  switch (p) {
    case Proximity::kCommune:
      return "Dans la commune";
    case Proximity::kEpci:
      return "Dans l’intercommunalité";
    case Proximity::kDepartement:
      return "Dans le département";
    case Proximity::kElsewhere:
      return "Plus loin";
    case Proximity::kRemote:
      return "À distance";
  }
  return "";
}

std::vector<Need> needs_of(store::Connection& conn, std::int64_t journey_id) {
  std::vector<Need> needs;
  // The current (latest) version of each author.
  auto rows = conn.query(
      "SELECT d.answers FROM diagnostics d WHERE d.journey_id = $1 AND d.version = (SELECT "
      "MAX(version) FROM diagnostics x WHERE x.journey_id = d.journey_id AND x.author = d.author) "
      "ORDER BY CASE WHEN d.author = 'professional' THEN 0 ELSE 1 END",
      {journey_id});
  bool has_project = false;
  for (const auto& row : rows) {
    boost::system::error_code ec;
    auto parsed = json::parse(row.text(0), ec);
    if (ec || !parsed.is_object()) continue;
    const auto& answers = parsed.as_object();
    if (const auto* projects = answers.if_contains("projets_metiers");
        projects && projects->is_array() && !projects->as_array().empty()) {
      has_project = true;
    }
    const auto* freins = answers.if_contains("freins");
    if (!freins || !freins->is_object()) continue;
    for (const auto& [key, value] : freins->as_object()) {
      if (!value.is_object()) continue;
      const auto* level = value.as_object().if_contains("niveau");
      if (!level || !level->is_string()) continue;
      std::string lvl(level->as_string());
      if (lvl != "majeur" && lvl != "a_surveiller") continue;
      std::vector<std::string> subs;
      if (const auto* s = value.as_object().if_contains("sous_thematiques"); s && s->is_array()) {
        for (const auto& e : s->as_array())
          if (e.is_string()) subs.emplace_back(e.as_string());
      }
      add_need(needs, std::string(key), lvl, std::move(subs));
    }
  }
  if (has_project) {
    add_need(needs, "trouver-un-emploi", "objectif", {});
    add_need(needs, "preparer-sa-candidature", "objectif", {});
  }
  std::stable_sort(needs.begin(), needs.end(), [](const Need& a, const Need& b) {
    return level_rank(a.level) < level_rank(b.level);
  });
  return needs;
}

std::vector<MatchedService> match_services(store::Connection& conn, const std::vector<Need>& needs,
                                           const std::string& commune_code, int limit) {
  std::vector<MatchedService> out;
  if (needs.empty() || commune_code.empty()) return out;
  // Eligibility and distance are the search feature's: the categories needed, at the commune.
  search::ServiceQuery query{.code_commune = commune_code, .limit = search::kMaxLimit};
  for (const auto& need : needs) query.thematiques.push_back(need.thematique);
  auto page = search::search_services(conn, query);
  if (!page || page->hits.empty()) return out;
  std::map<std::int64_t, std::optional<std::int64_t>> distances;
  store::Params params;
  std::string ids;
  for (const auto& hit : page->hits) {
    distances[hit.service_id] = hit.distance_km;
    params.add(hit.service_id);
    ids += (ids.empty() ? "$" : ", $") + std::to_string(params.values().size());
  }
  auto place = conn.query_one(
      "SELECT COALESCE(epci_code, ''), COALESCE(departement_code, '') FROM communes WHERE code = "
      "$1",
      {commune_code});
  std::string epci = place ? place->text(0) : "";
  std::string departement = place ? place->text(1) : "";
  auto rows = conn.query(
      "SELECT s.id, s.nom, s.description, st.nom, st.organisation_id, COALESCE(s.commune, ''), "
      "COALESCE(s.telephone, ''), COALESCE(s.courriel, ''), s.thematiques, s.modes_accueil, "
      "COALESCE(s.code_insee, ''), COALESCE(c.epci_code, ''), COALESCE(c.departement_code, '') "
      "FROM services s JOIN structures st ON st.id = s.structure_id LEFT JOIN communes c ON "
      "c.code = s.code_insee WHERE s.status = 'published' AND s.id IN (" +
          ids + ")",
      params);
  for (const auto& r : rows) {
    MatchedService m;
    std::set<std::string> answered;
    for (const auto& code : string_list(r.text(8))) {
      std::string category = category_of(code);
      for (const auto& need : needs) {
        if (need.thematique != category) continue;
        bool sub_wanted = need.sous_thematiques.empty() ||
                          std::find(need.sous_thematiques.begin(), need.sous_thematiques.end(),
                                    code) != need.sous_thematiques.end();
        // A needed sub-theme is a stronger match; the category alone still answers the need.
        if (answered.insert(need.thematique).second) {
          m.answers.push_back(need.label);
          m.score += level_score(need.level) + (sub_wanted ? 1 : 0);
        }
      }
    }
    if (m.answers.empty()) continue;
    m.id = r.integer(0);
    m.nom = r.text(1);
    m.description = r.text(2);
    m.structure = r.text(3);
    m.organisation_id = r.opt_integer(4);
    m.commune = r.text(5);
    m.telephone = r.text(6);
    m.courriel = r.text(7);
    m.distance_km = distances[m.id];
    auto modes = string_list(r.text(9));
    m.remote = std::find(modes.begin(), modes.end(), "a-distance") != modes.end();
    bool in_person = std::find(modes.begin(), modes.end(), "en-presentiel") != modes.end();
    std::string code = r.text(10);
    if (code.empty() || (!in_person && m.remote))
      m.proximity = m.remote ? Proximity::kRemote : Proximity::kElsewhere;
    else if (code == commune_code)
      m.proximity = Proximity::kCommune;
    else if (!epci.empty() && r.text(11) == epci)
      m.proximity = Proximity::kEpci;
    else if (!departement.empty() && r.text(12) == departement)
      m.proximity = Proximity::kDepartement;
    else
      m.proximity = Proximity::kElsewhere;
    out.push_back(std::move(m));
  }
  // Nearest first: by place (commune, EPCI, département, elsewhere, remote), by distance within
  // it when known, then the services answering the strongest needs.
  static constexpr std::int64_t kUnknown = std::numeric_limits<std::int64_t>::max();
  std::sort(out.begin(), out.end(), [](const MatchedService& a, const MatchedService& b) {
    if (a.proximity != b.proximity) return a.proximity < b.proximity;
    std::int64_t da = a.distance_km.value_or(kUnknown);
    std::int64_t db = b.distance_km.value_or(kUnknown);
    if (da != db) return da < db;
    if (a.score != b.score) return a.score > b.score;
    if (a.nom != b.nom) return a.nom < b.nom;
    return a.id < b.id;
  });
  if (static_cast<int>(out.size()) > limit) out.resize(static_cast<std::size_t>(limit));
  return out;
}

}  // namespace parcours::referrals

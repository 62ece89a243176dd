#include "features/orientation/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/store/journal.h"

namespace parcours::orientation {
namespace {

namespace json = boost::json;

// Known fields and, for coded ones, their values (an empty list: free or boolean).
struct FieldSpec {
  const char* name;
  std::vector<std::string> values;
  bool boolean = false;
};

const std::vector<std::string> kThemes = {"mobilite",
                                          "logement-hebergement",
                                          "sante",
                                          "famille",
                                          "difficultes-financieres",
                                          "difficultes-administratives-ou-juridiques",
                                          "lecture-ecriture-calcul",
                                          "numerique",
                                          "accompagnement-social-et-professionnel-personnalise",
                                          "acces-aux-droits-et-citoyennete",
                                          "choisir-un-metier",
                                          "creation-activite",
                                          "equipement-et-alimentation",
                                          "gestion-financiere",
                                          "handicap",
                                          "remobilisation",
                                          "se-former",
                                          "apprendre-francais",
                                          "trouver-un-emploi",
                                          "preparer-sa-candidature"};

const std::vector<FieldSpec>& field_specs() {
  static const std::vector<FieldSpec> specs = {
      {"situation.sans_domicile_fixe", {}, true},
      {"situation.rqth", {}, true},
      {"situation.droits_et_devoirs", {}, true},
      {"situation.statut_rsa", {"0", "1", "2", "3", "4", "5", "6"}},
      {"situation.niveau_formation", {"infra_3", "3", "4", "5", "6", "7", "8"}},
      {"situation.allocations", {"ass", "aah", "are", "prime_activite"}},
      {"diagnostic.dernier_emploi", {}},
      {"diagnostic.dernier_emploi_date", {}},
      {"diagnostic.duree_sans_emploi",
       {"moins_6_mois", "6_12_mois", "1_2_ans", "plus_2_ans", "jamais"}},
      {"diagnostic.projets_metiers", {}},
      {"diagnostic.niveau_formation", {"infra_3", "3", "4", "5", "6", "7", "8"}},
      {"diagnostic.diplomes", {}},
      {"diagnostic.competences", {}},
      {"diagnostic.permis", {"B", "C", "D", "AM", "A", "BE", "CE", "DE", "A1", "A2", "B1", "C1"}},
      {"diagnostic.vehicule", {}, true},
      {"diagnostic.disponibilite", {"immediate", "sous_1_mois", "plus_tard"}},
      {"diagnostic.horaires_souhaites",
       {"temps_plein", "temps_partiel", "horaires_decales", "indifferent"}},
  };
  return specs;
}

const std::vector<std::string> kLevels = {"aucun", "a_surveiller", "majeur"};

// The spec of a field; freins.<theme> and t_<id> are built on the fly.
std::optional<FieldSpec> spec_of(const std::string& field) {
  for (const auto& s : field_specs()) {
    if (field == s.name) return s;
  }
  const std::string freins = "diagnostic.freins.";
  if (field.starts_with(freins)) {
    std::string theme = field.substr(freins.size());
    if (std::find(kThemes.begin(), kThemes.end(), theme) != kThemes.end()) {
      return FieldSpec{"", kLevels};
    }
    return std::nullopt;
  }
  if (field.starts_with("diagnostic.t_") && field.size() > 13) return FieldSpec{"", {}};
  return std::nullopt;
}

std::string json_text(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  return json::serialize(v);
}

Error invalid(std::string message) {
  return Error{ErrorCode::kInvalid, std::move(message), "regles"};
}

// A value a rule compares with must be one the field can take.
std::optional<std::string> check_value(const FieldSpec& spec, const json::value& v,
                                       const std::string& where) {
  if (spec.boolean) {
    if (!v.is_bool()) return where + " : la valeur doit être true ou false.";
    return std::nullopt;
  }
  if (!v.is_string() && !v.is_bool() && !v.is_number()) {
    return where + " : la valeur doit être un texte, un nombre, true ou false.";
  }
  if (!spec.values.empty()) {
    std::string text = json_text(v);
    if (std::find(spec.values.begin(), spec.values.end(), text) == spec.values.end()) {
      std::string list;
      for (const auto& value : spec.values) list += (list.empty() ? "" : ", ") + value;
      return where + " : « " + text + " » n’est pas une valeur possible (" + list + ").";
    }
  }
  return std::nullopt;
}

// The value of a field for the evaluation, or null when not answered.
json::value lookup(const std::string& field, const Situation& s,
                   const std::optional<json::object>& answers) {
  if (field == "situation.sans_domicile_fixe") return s.no_fixed_address;
  if (field == "situation.rqth") return s.rqth;
  if (field == "situation.droits_et_devoirs") return s.rights_and_duties;
  if (field == "situation.statut_rsa") {
    return s.rsa_status.empty() ? json::value() : json::value(s.rsa_status);
  }
  if (field == "situation.niveau_formation") {
    return s.education_level.empty() ? json::value() : json::value(s.education_level);
  }
  if (field == "situation.allocations") {
    json::array list;
    std::istringstream words(s.allowances);
    for (std::string w; words >> w;) list.emplace_back(w);
    return list;
  }
  if (!answers) return nullptr;
  const std::string freins = "diagnostic.freins.";
  if (field.starts_with(freins)) {
    const auto* all = answers->if_contains("freins");
    if (!all || !all->is_object()) return nullptr;
    const auto* theme = all->as_object().if_contains(field.substr(freins.size()));
    if (!theme) return nullptr;
    if (theme->is_object()) {
      const auto* level = theme->as_object().if_contains("niveau");
      return level ? *level : json::value();
    }
    return *theme;
  }
  std::string id = field.substr(std::string("diagnostic.").size());
  const auto* v = answers->if_contains(id);
  return v ? *v : json::value();
}

bool equal(const json::value& a, const json::value& b) {
  if (a.is_null() || b.is_null()) return false;
  return json_text(a) == json_text(b);
}

bool filled(const json::value& v) {
  if (v.is_null()) return false;
  if (v.is_string()) return !v.as_string().empty();
  if (v.is_array()) return !v.as_array().empty();
  if (v.is_object()) return !v.as_object().empty();
  return true;
}

bool holds(const Condition& c, const json::value& v) {
  if (c.op == "renseigne") return filled(v) == c.value.as_bool();
  if (c.op == "egal") return equal(v, c.value);
  if (c.op == "parmi") {
    for (const auto& option : c.value.as_array()) {
      if (equal(v, option)) return true;
    }
    return false;
  }
  if (c.op == "contient") {
    if (v.is_array()) {
      for (const auto& item : v.as_array()) {
        if (equal(item, c.value)) return true;
      }
    }
    return false;
  }
  return false;
}

// Answers outside the known values of their question: they match nothing, and are reported.
void find_unknown_answers(const json::object& answers, std::vector<std::string>& ignored) {
  for (const auto& spec : field_specs()) {
    std::string name = spec.name;
    if (!name.starts_with("diagnostic.")) continue;
    std::string id = name.substr(11);
    const auto* v = answers.if_contains(id);
    if (!v || v->is_null()) continue;
    if (spec.boolean) {
      if (!v->is_bool()) ignored.push_back(id);
      continue;
    }
    if (spec.values.empty()) continue;
    auto known = [&](const json::value& x) {
      return std::find(spec.values.begin(), spec.values.end(), json_text(x)) != spec.values.end();
    };
    bool ok =
        v->is_array() ? std::all_of(v->as_array().begin(), v->as_array().end(), known) : known(*v);
    if (!ok) ignored.push_back(id);
  }
  if (const auto* freins = answers.if_contains("freins"); freins && freins->is_object()) {
    for (const auto& [theme, entry] : freins->as_object()) {
      const json::value* level =
          entry.is_object() ? entry.as_object().if_contains("niveau") : &entry;
      if (!level || level->is_null()) continue;
      if (std::find(kLevels.begin(), kLevels.end(), json_text(*level)) == kLevels.end()) {
        ignored.push_back("freins." + std::string(theme));
      }
    }
  }
}

int route_rank(std::string_view route) {  // higher: more supportive
  if (route == "social") return 3;
  if (route == "socio_pro") return 2;
  if (route == "pro") return 1;
  return 0;
}

}  // namespace

bool valid_route(std::string_view route) { return route_rank(route) > 0; }

const char* route_label(std::string_view route) {
  if (route == "pro") return "Professionnel";
  if (route == "socio_pro") return "Socio-professionnel";
  if (route == "social") return "Social";
  return "";
}

Result<RuleSet> parse_rules(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec || !doc.is_object()) {
    return std::unexpected(invalid(
        "Les règles ne sont pas un JSON valide : vérifiez les guillemets, virgules et accolades."));
  }
  const auto& root = doc.as_object();
  const auto* list = root.if_contains("regles");
  if (!list || !list->is_array()) {
    return std::unexpected(invalid("Les règles doivent contenir une liste « regles »."));
  }
  if (list->as_array().size() > 100) {
    return std::unexpected(invalid("Pas plus de 100 règles par territoire."));
  }
  RuleSet out;
  std::set<std::string> ids;
  int n = 0;
  for (const auto& item : list->as_array()) {
    ++n;
    std::string where = fmt::format("Règle {}", n);
    if (!item.is_object()) return std::unexpected(invalid(where + " : ce n’est pas un objet."));
    const auto& o = item.as_object();
    Rule rule;
    const auto* id = o.if_contains("id");
    if (!id || !id->is_string() || id->as_string().empty() || id->as_string().size() > 60) {
      return std::unexpected(
          invalid(where + " : l’identifiant « id » est obligatoire (60 caractères au plus)."));
    }
    rule.id = std::string(id->as_string());
    where += " (« " + rule.id + " »)";
    if (!ids.insert(rule.id).second) {
      return std::unexpected(
          invalid(where + " : cet identifiant est déjà utilisé par une autre règle."));
    }
    const auto* route = o.if_contains("parcours");
    if (!route || !route->is_string() || !valid_route(route->as_string())) {
      return std::unexpected(invalid(where + " : le parcours doit être pro, socio_pro ou social."));
    }
    rule.route = std::string(route->as_string());
    if (const auto* w = o.if_contains("poids")) {
      if (!w->is_int64() || w->as_int64() < 1 || w->as_int64() > 10) {
        return std::unexpected(
            invalid(where + " : le poids doit être un nombre entier de 1 à 10."));
      }
      rule.weight = static_cast<int>(w->as_int64());
    }
    const auto* reason = o.if_contains("raison");
    if (!reason || !reason->is_string() || reason->as_string().size() < 10 ||
        reason->as_string().size() > 400) {
      return std::unexpected(invalid(
          where + " : la raison, en français clair, est obligatoire (de 10 à 400 caractères)."));
    }
    rule.reason = std::string(reason->as_string());
    const auto* conditions = o.if_contains("si");
    if (!conditions || !conditions->is_array() || conditions->as_array().empty()) {
      return std::unexpected(invalid(where + " : indiquez au moins une condition dans « si »."));
    }
    for (const auto& c : conditions->as_array()) {
      if (!c.is_object())
        return std::unexpected(invalid(where + " : une condition n’est pas un objet."));
      const auto& co = c.as_object();
      const auto* field = co.if_contains("champ");
      if (!field || !field->is_string()) {
        return std::unexpected(invalid(where + " : chaque condition nomme son « champ »."));
      }
      Condition cond;
      cond.field = std::string(field->as_string());
      auto spec = spec_of(cond.field);
      if (!spec) {
        return std::unexpected(invalid(where + " : le champ « " + cond.field + " » est inconnu."));
      }
      int tests = 0;
      for (const char* op : {"egal", "parmi", "contient", "renseigne"}) {
        if (const auto* v = co.if_contains(op)) {
          ++tests;
          cond.op = op;
          cond.value = *v;
        }
      }
      if (tests != 1) {
        return std::unexpected(invalid(where + " : chaque condition a un seul test parmi « egal », "
                                               "« parmi », « contient » ou « renseigne »."));
      }
      if (cond.op == "renseigne" && !cond.value.is_bool()) {
        return std::unexpected(invalid(where + " : « renseigne » vaut true ou false."));
      }
      if (cond.op == "parmi") {
        if (!cond.value.is_array() || cond.value.as_array().empty()) {
          return std::unexpected(invalid(where + " : « parmi » attend une liste de valeurs."));
        }
        for (const auto& v : cond.value.as_array()) {
          if (auto e = check_value(*spec, v, where)) return std::unexpected(invalid(*e));
        }
      }
      if (cond.op == "egal" || cond.op == "contient") {
        if (auto e = check_value(*spec, cond.value, where)) return std::unexpected(invalid(*e));
      }
      rule.conditions.push_back(std::move(cond));
    }
    out.rules.push_back(std::move(rule));
  }
  if (const auto* d = root.if_contains("defaut"); d && !d->is_null()) {
    const auto* route = d->is_object() ? d->as_object().if_contains("parcours") : nullptr;
    const auto* reason = d->is_object() ? d->as_object().if_contains("raison") : nullptr;
    if (!route || !route->is_string() || !valid_route(route->as_string())) {
      return std::unexpected(invalid("Défaut : le parcours doit être pro, socio_pro ou social."));
    }
    if (!reason || !reason->is_string() || reason->as_string().size() < 10) {
      return std::unexpected(invalid("Défaut : la raison, en français clair, est obligatoire."));
    }
    out.default_route = std::string(route->as_string());
    out.default_reason = std::string(reason->as_string());
  }
  return out;
}

Suggestion evaluate(const RuleSet& rules, const Situation& situation,
                    const std::optional<json::object>& answers) {
  Suggestion s;
  s.has_diagnostic = answers.has_value();
  if (answers) find_unknown_answers(*answers, s.ignored);
  std::vector<const Rule*> matched;
  for (const auto& rule : rules.rules) {
    bool all = std::all_of(rule.conditions.begin(), rule.conditions.end(), [&](const Condition& c) {
      return holds(c, lookup(c.field, situation, answers));
    });
    if (!all) continue;
    matched.push_back(&rule);
    s.matched.push_back(rule.id);
    s.scores[rule.route] += rule.weight;
  }
  if (matched.empty()) {
    if (answers && rules.default_route) {
      s.route = rules.default_route;
      s.reasons.push_back(rules.default_reason);
    }
    return s;
  }
  int best_score = 0;
  for (const auto& [route, score] : s.scores) best_score = std::max(best_score, score);
  std::string best;
  int candidates = 0;
  for (const auto& [route, score] : s.scores) {
    if (score != best_score) continue;
    ++candidates;
    if (route_rank(route) > route_rank(best)) best = route;
  }
  s.tie = candidates > 1;
  s.route = best;
  for (const Rule* rule : matched) {
    if (rule->route == best) {
      s.reasons.push_back(rule->reason);
    } else {
      s.other_reasons.push_back(std::string("Parcours ") + route_label(rule->route) + " : " +
                                rule->reason);
    }
  }
  if (s.tie) {
    s.reasons.push_back(
        "À égalité avec un autre parcours : le parcours le plus accompagnant est suggéré.");
  }
  return s;
}

std::string national_rules_text() {
  static const std::string text = [] {
    std::ifstream in(resource_dir("", "data/orientation") + "/regles_nationales.json");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }();
  return text;
}

const RuleSet& national_rules() {
  static const RuleSet rules = [] {
    auto parsed = parse_rules(national_rules_text());
    if (!parsed) {
      throw std::runtime_error("data/orientation/regles_nationales.json : " +
                               parsed.error().message);
    }
    return *parsed;
  }();
  return rules;
}

StoredRules current_rules(store::Connection& conn, std::int64_t territory_id) {
  if (auto row = conn.query_one(
          "SELECT rules, version, created_at FROM orientation_rules WHERE territory_id = $1 "
          "ORDER BY version DESC LIMIT 1",
          {territory_id})) {
    if (auto parsed = parse_rules(row->text(0))) {
      return {*parsed, row->text(0), row->integer(1), territory_id, row->integer(2)};
    }
  }
  return {national_rules(), national_rules_text(), 0, std::nullopt, 0};
}

Result<std::int64_t> save_rules(store::Connection& conn, std::int64_t territory_id,
                                std::int64_t user_id, const std::string& text) {
  if (text.size() > 100000) {
    return fail(ErrorCode::kInvalid, "Les règles ne doivent pas dépasser 100 000 caractères.",
                "regles");
  }
  auto parsed = parse_rules(text);
  if (!parsed) return std::unexpected(parsed.error());
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto row = conn.query_one(
        "SELECT COALESCE(MAX(version), 0) FROM orientation_rules WHERE territory_id = $1",
        {territory_id});
    std::int64_t version = row->integer(0) + 1;
    conn.execute(
        "INSERT INTO orientation_rules (territory_id, version, rules, created_by, created_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        {territory_id, version, text, user_id, now_seconds()});
    json::object payload{{"version", version},
                         {"rules", static_cast<std::int64_t>(parsed->rules.size())},
                         {"text", fmt::format("a enregistré la version {} des règles de "
                                              "pré-orientation du territoire",
                                              version)}};
    store::append_event(conn, {.kind = "orientation.rules_updated",
                               .territory_id = territory_id,
                               .actor_id = user_id,
                               .payload_json = json::serialize(payload)});
    return version;
  });
}

Situation situation_of(store::Connection& conn, std::int64_t person_id) {
  Situation s;
  if (auto r = conn.query_one(
          "SELECT no_fixed_address, rqth, rights_and_duties, COALESCE(rsa_status, ''), "
          "COALESCE(education_level, ''), allowances FROM persons WHERE id = $1",
          {person_id})) {
    s.no_fixed_address = r->boolean(0);
    s.rqth = r->boolean(1);
    s.rights_and_duties = r->boolean(2);
    s.rsa_status = r->text(3);
    s.education_level = r->text(4);
    s.allowances = r->text(5);
  }
  return s;
}

namespace {

bool has_diagnostics_table(store::Connection& conn) {
  if (conn.dialect() == store::Dialect::kSqlite) {
    return conn
        .query_one(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
            "name = 'diagnostics'")
        .has_value();
  }
  return conn
      .query_one(
          "SELECT 1 FROM information_schema.tables WHERE table_name = "
          "'diagnostics' AND table_schema = current_schema()")
      .has_value();
}

// An answer may be stored with its source ({"value": …, "source": …}): keep the value.
json::value plain(const json::value& v) {
  if (v.is_object()) {
    const auto& o = v.as_object();
    if (const auto* inner = o.if_contains("value"); inner && !o.contains("niveau")) return *inner;
  }
  return v;
}

}  // namespace

std::optional<json::object> diagnostic_answers(store::Connection& conn, std::int64_t journey_id) {
  if (!has_diagnostics_table(conn)) return std::nullopt;
  std::optional<json::object> merged;
  // The person's words first, then the professional's on top.
  for (const char* author : {"person", "professional"}) {
    auto row = conn.query_one(
        "SELECT answers FROM diagnostics WHERE journey_id = $1 AND author = $2 "
        "ORDER BY version DESC LIMIT 1",
        {journey_id, author});
    if (!row) continue;
    boost::system::error_code ec;
    auto doc = json::parse(row->text(0), ec);
    if (ec || !doc.is_object()) continue;
    if (!merged) merged.emplace();
    for (const auto& [key, value] : doc.as_object()) {
      if (key == "freins" && value.is_object()) {
        auto& target = (*merged)["freins"];
        if (!target.is_object()) target = json::object();
        for (const auto& [theme, entry] : value.as_object()) target.as_object()[theme] = entry;
        continue;
      }
      (*merged)[key] = plain(value);
    }
  }
  return merged;
}

Suggestion suggest_for(store::Connection& conn, std::int64_t journey_id) {
  auto row =
      conn.query_one("SELECT person_id, territory_id FROM journeys WHERE id = $1", {journey_id});
  if (!row) return {};
  auto rules = current_rules(conn, row->integer(1));
  return evaluate(rules.rules, situation_of(conn, row->integer(0)),
                  diagnostic_answers(conn, journey_id));
}

}  // namespace parcours::orientation

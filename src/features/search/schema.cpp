#include "features/search/schema.h"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/config.h"

namespace parcours::search {
namespace json = boost::json;
namespace {

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string shown(const json::value& v) {
  if (v.is_string()) return "« " + std::string(v.as_string()) + " »";
  return json::serialize(v);
}

const char* type_name(std::string_view type) {
  if (type == "string") return "un texte";
  if (type == "number") return "un nombre";
  if (type == "integer") return "un nombre entier";
  if (type == "boolean") return "un booléen (true ou false)";
  if (type == "array") return "une liste";
  if (type == "object") return "un objet";
  if (type == "null") return "null";
  return "d’un autre type";
}

bool has_type(const json::value& v, std::string_view type) {
  if (type == "string") return v.is_string();
  if (type == "number") return v.is_number();
  if (type == "integer") {
    if (v.is_int64() || v.is_uint64()) return true;
    if (v.is_double()) {
      double d = v.as_double();
      return d == static_cast<double>(static_cast<std::int64_t>(d));
    }
    return false;
  }
  if (type == "boolean") return v.is_bool();
  if (type == "array") return v.is_array();
  if (type == "object") return v.is_object();
  if (type == "null") return v.is_null();
  return false;
}

double number(const json::value& v) {
  if (v.is_int64()) return static_cast<double>(v.as_int64());
  if (v.is_uint64()) return static_cast<double>(v.as_uint64());
  return v.as_double();
}

std::string at(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string number_text(double d) {
  if (d == static_cast<double>(static_cast<std::int64_t>(d))) {
    return std::to_string(static_cast<std::int64_t>(d));
  }
  std::ostringstream out;
  out << d;
  return out.str();
}

void collect_patterns(const json::value& schema, std::map<std::string, std::regex>& out) {
  if (schema.is_object()) {
    const auto& o = schema.as_object();
    if (auto* p = o.if_contains("pattern"); p && p->is_string()) {
      std::string pattern(p->as_string());
      if (!out.contains(pattern)) out.emplace(pattern, std::regex(pattern, std::regex::ECMAScript));
    }
    for (const auto& [k, v] : o) collect_patterns(v, out);
  } else if (schema.is_array()) {
    for (const auto& v : schema.as_array()) collect_patterns(v, out);
  }
}

}  // namespace

bool valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = std::stoi(std::string(s.substr(0, 4)));
  int m = std::stoi(std::string(s.substr(5, 2)));
  int d = std::stoi(std::string(s.substr(8, 2)));
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max;
}

bool valid_email(std::string_view s) {
  auto atpos = s.find('@');
  if (atpos == std::string_view::npos || atpos == 0 || s.find('@', atpos + 1) != s.npos) {
    return false;
  }
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == ',') {
      return false;
    }
  }
  std::string_view domain = s.substr(atpos + 1);
  auto dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
         domain.find("..") == std::string_view::npos;
}

bool valid_uri(std::string_view s) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = s[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!letter && !(i > 0 && other)) return false;
  }
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '<' || c == '>') {
      return false;
    }
  }
  std::string scheme(s.substr(0, colon));
  for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view rest = s.substr(colon + 1);
  if (scheme == "http" || scheme == "https") {
    if (!rest.starts_with("//")) return false;
    rest.remove_prefix(2);
    auto end = rest.find_first_of("/?#");
    std::string_view host = rest.substr(0, end);
    return !host.empty() && host.front() != '.' && host.front() != ':';
  }
  return !rest.empty();
}

JsonSchema::JsonSchema(json::value schema) : root_(std::move(schema)) {
  collect_patterns(root_, regexes_);
}

Result<JsonSchema> JsonSchema::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kInvalid, "Schéma introuvable : " + path, "schema");
  std::stringstream content;
  content << in.rdbuf();
  boost::system::error_code ec;
  json::value value = json::parse(content.str(), ec);
  if (ec || !value.is_object()) {
    return fail(ErrorCode::kInvalid, "Schéma illisible (JSON invalide) : " + path, "schema");
  }
  return JsonSchema(std::move(value));
}

const json::value& JsonSchema::resolve(const json::value& schema) const {
  const json::value* current = &schema;
  for (int depth = 0; depth < 16 && current->is_object(); ++depth) {
    const auto* ref = current->as_object().if_contains("$ref");
    if (!ref || !ref->is_string()) break;
    std::string_view target = ref->as_string();
    constexpr std::string_view kDefs = "#/$defs/";
    if (!target.starts_with(kDefs)) {
      throw std::runtime_error("schéma : référence non prise en charge " + std::string(target));
    }
    const auto* defs = root_.as_object().if_contains("$defs");
    const json::value* def =
        defs ? defs->as_object().if_contains(target.substr(kDefs.size())) : nullptr;
    if (!def) throw std::runtime_error("schéma : référence inconnue " + std::string(target));
    current = def;
  }
  return *current;
}

const std::regex& JsonSchema::regex(const std::string& pattern) const {
  return regexes_.at(pattern);
}

void JsonSchema::check(const json::value& raw_schema, const json::value& v, const std::string& path,
                       std::vector<SchemaError>& errors) const {
  const json::value& schema = resolve(raw_schema);
  if (!schema.is_object()) return;
  const auto& s = schema.as_object();

  if (const auto* any = s.if_contains("anyOf"); any && any->is_array()) {
    std::vector<std::vector<SchemaError>> branch_errors;
    std::vector<const json::value*> typed;  // branches whose type accepts the value
    for (const auto& branch : any->as_array()) {
      std::vector<SchemaError> e;
      check(branch, v, path, e);
      if (e.empty()) {
        branch_errors.clear();
        typed.clear();
        break;
      }
      const auto& b = resolve(branch);
      const auto* t = b.is_object() ? b.as_object().if_contains("type") : nullptr;
      bool type_ok = !t || !t->is_string() || has_type(v, t->as_string());
      if (type_ok) typed.push_back(&branch);
      branch_errors.push_back(std::move(e));
    }
    if (!branch_errors.empty()) {
      if (typed.size() == 1) {
        check(*typed.front(), v, path, errors);
      } else if (typed.empty()) {
        std::string expected;
        for (const auto& branch : any->as_array()) {
          const auto& b = resolve(branch);
          const auto* t = b.is_object() ? b.as_object().if_contains("type") : nullptr;
          if (!t || !t->is_string()) continue;
          if (!expected.empty()) expected += " ou ";
          expected += type_name(t->as_string());
        }
        errors.push_back({path, "doit être " + expected});
      } else if (path.starts_with("zone_eligibilite[")) {
        errors.push_back({path, shown(v) +
                                    " n’est ni un code de commune (5 caractères), ni de "
                                    "département (2 ou 3), ni d’EPCI (9 chiffres), ni de pays, "
                                    "ni « france »"});
      } else {
        errors.push_back({path, shown(v) + " ne correspond à aucune des formes attendues"});
      }
    }
  }

  if (const auto* t = s.if_contains("type"); t && t->is_string()) {
    if (!has_type(v, t->as_string())) {
      errors.push_back({path, "doit être " + std::string(type_name(t->as_string()))});
      return;
    }
  }
  if (const auto* c = s.if_contains("const"); c && *c != v) {
    errors.push_back({path, shown(v) + " n’est pas la valeur attendue (" + shown(*c) + ")"});
    return;
  }
  if (const auto* e = s.if_contains("enum"); e && e->is_array()) {
    bool found = false;
    for (const auto& item : e->as_array()) found = found || item == v;
    if (!found) {
      errors.push_back({path, shown(v) + " n’est pas une valeur autorisée"});
      return;
    }
  }
  if (v.is_string()) {
    std::string_view text = v.as_string();
    std::size_t length = utf8_length(text);
    if (const auto* m = s.if_contains("minLength"); m && m->is_number() && length < number(*m)) {
      errors.push_back({path, "doit contenir au moins " + number_text(number(*m)) +
                                  (number(*m) > 1 ? " caractères" : " caractère")});
      return;
    }
    if (const auto* m = s.if_contains("maxLength"); m && m->is_number() && length > number(*m)) {
      errors.push_back({path, "doit contenir au plus " + number_text(number(*m)) + " caractères (" +
                                  std::to_string(length) + " reçus)"});
      return;
    }
    if (const auto* p = s.if_contains("pattern"); p && p->is_string()) {
      if (!std::regex_search(text.begin(), text.end(), regex(std::string(p->as_string())))) {
        errors.push_back({path, shown(v) + " n’a pas la forme attendue"});
        return;
      }
    }
    if (const auto* f = s.if_contains("format"); f && f->is_string()) {
      std::string_view format = f->as_string();
      if (format == "date" && !valid_date(text)) {
        errors.push_back({path, shown(v) + " n’est pas une date AAAA-MM-JJ"});
      } else if (format == "email" && !valid_email(text)) {
        errors.push_back({path, shown(v) + " n’est pas une adresse électronique"});
      } else if (format == "uri" && !valid_uri(text)) {
        errors.push_back({path, shown(v) + " n’est pas une adresse web (URI) complète"});
      }
    }
  }
  if (v.is_number()) {
    if (const auto* m = s.if_contains("minimum"); m && m->is_number() && number(v) < number(*m)) {
      errors.push_back({path, "doit être supérieur ou égal à " + number_text(number(*m))});
    }
  }
  if (v.is_array()) {
    const auto& items = v.as_array();
    if (const auto* m = s.if_contains("minItems");
        m && m->is_number() && static_cast<double>(items.size()) < number(*m)) {
      errors.push_back({path, "doit contenir au moins " + number_text(number(*m)) +
                                  (number(*m) > 1 ? " éléments" : " élément")});
    }
    if (const auto* u = s.if_contains("uniqueItems"); u && u->is_bool() && u->as_bool()) {
      for (std::size_t i = 1; i < items.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (items[i] == items[j]) {
            errors.push_back(
                {path + "[" + std::to_string(i) + "]", shown(items[i]) + " est en double"});
            break;
          }
        }
      }
    }
    if (const auto* item_schema = s.if_contains("items")) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        check(*item_schema, items[i], path + "[" + std::to_string(i) + "]", errors);
      }
    }
  }
  if (v.is_object()) {
    const auto& o = v.as_object();
    if (const auto* req = s.if_contains("required"); req && req->is_array()) {
      for (const auto& name : req->as_array()) {
        if (name.is_string() && !o.contains(name.as_string())) {
          errors.push_back({at(path, name.as_string()), "champ obligatoire absent"});
        }
      }
    }
    if (const auto* props = s.if_contains("properties"); props && props->is_object()) {
      for (const auto& [name, sub] : props->as_object()) {
        if (const auto* value = o.if_contains(name)) check(sub, *value, at(path, name), errors);
      }
    }
  }
}

std::vector<SchemaError> JsonSchema::validate(const json::value& instance) const {
  std::vector<SchemaError> errors;
  check(root_, instance, "", errors);
  return errors;
}

std::vector<std::string> JsonSchema::enum_values(std::string_view def) const {
  std::vector<std::string> out;
  const auto* defs = root_.as_object().if_contains("$defs");
  const auto* d = defs ? defs->as_object().if_contains(def) : nullptr;
  if (!d || !d->is_object()) return out;
  const auto* e = d->as_object().if_contains("enum");
  if (!e || !e->is_array()) return out;
  for (const auto& v : e->as_array()) {
    if (v.is_string()) out.emplace_back(v.as_string());
  }
  return out;
}

std::vector<std::string> JsonSchema::property_names() const {
  std::vector<std::string> out;
  const auto* props = root_.as_object().if_contains("properties");
  if (props && props->is_object()) {
    for (const auto& [k, v] : props->as_object()) out.emplace_back(k);
  }
  return out;
}

std::vector<std::string> JsonSchema::required_names() const {
  std::vector<std::string> out;
  const auto* req = root_.as_object().if_contains("required");
  if (req && req->is_array()) {
    for (const auto& v : req->as_array()) {
      if (v.is_string()) out.emplace_back(v.as_string());
    }
  }
  return out;
}

namespace {
JsonSchema load_or_throw(const std::string& name) {
  auto schema = JsonSchema::load(resource_dir("", "data/reference/data-inclusion/v1") + "/" + name);
  if (!schema) throw std::runtime_error(schema.error().message);
  return std::move(*schema);
}
}  // namespace

const JsonSchema& service_schema() {
  static const JsonSchema schema = load_or_throw("service.json");
  return schema;
}

const JsonSchema& structure_schema() {
  static const JsonSchema schema = load_or_throw("structure.json");
  return schema;
}

}  // namespace parcours::search

// A JSON-Schema validator for the subset that the data·inclusion v1 schemas use
// (data/reference/data-inclusion/v1/{service,structure}.json): type (with null), anyOf, const,
// $ref to #/$defs, enum, pattern, minLength/maxLength, minimum, items, minItems, uniqueItems,
// required, properties and format date/email/uri. Errors are French and name the field by its
// path in the record ("thematiques[1]"), so that an import can report them line by line.
//
//   const auto& schema = search::service_schema();
//   for (const auto& e : schema.validate(record)) std::cout << e.path << " : " << e.message;
//   // thematiques[1] : « mobilite--velo » n'est pas une valeur autorisée
#pragma once

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace parcours::search {

struct SchemaError {
  std::string path;     // "nom", "thematiques[1]", "" for the record itself
  std::string message;  // French
};

class JsonSchema {
 public:
  explicit JsonSchema(boost::json::value schema);

  // Reads a schema file. kInvalid (French message naming the file) when missing or malformed.
  static Result<JsonSchema> load(const std::string& path);

  // Every error of `instance`, in the order of the schema's properties; empty when valid.
  std::vector<SchemaError> validate(const boost::json::value& instance) const;

  // The values of an enumeration of $defs ("Thematique", "Public"...), empty when unknown.
  std::vector<std::string> enum_values(std::string_view def) const;

  // The names of the top-level properties, in the schema's order.
  std::vector<std::string> property_names() const;
  // The names of the required top-level properties.
  std::vector<std::string> required_names() const;

 private:
  void check(const boost::json::value& schema, const boost::json::value& instance,
             const std::string& path, std::vector<SchemaError>& errors) const;
  const boost::json::value& resolve(const boost::json::value& schema) const;
  const std::regex& regex(const std::string& pattern) const;

  boost::json::value root_;
  mutable std::map<std::string, std::regex> regexes_;
};

// The data·inclusion v1 schemas, read once from data/reference/data-inclusion/v1 (resource
// directory). Throws std::runtime_error when the files are missing: they ship with the binary.
const JsonSchema& service_schema();
const JsonSchema& structure_schema();

// Whether `text` is a date YYYY-MM-DD that exists in the calendar.
bool valid_date(std::string_view text);
// Whether `text` looks like an email address (one @, a dot in the domain, no spaces).
bool valid_email(std::string_view text);
// Whether `text` is an absolute URI (scheme ":" and, for http and https, a host).
bool valid_uri(std::string_view text);

}  // namespace parcours::search

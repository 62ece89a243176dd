// Before/after pairs of the fields a change touched, for journal payloads:
//   {"changes": {"name": {"before": "CCAS", "after": "CCAS de Sedan"}}, ...extra fields}
// Unchanged fields are left out, so an empty set means there is nothing to journal.
//
//   Changes changes;
//   changes.compare("name", old.name, form.name);
//   if (!changes.empty()) append_event(conn, {.kind = "organisation.updated", .payload_json =
//       changes.to_json({{"organisation_id", id}})});
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace parcours {

class Changes {
 public:
  void compare(const std::string& field, const boost::json::value& before,
               const boost::json::value& after);
  void compare(const std::string& field, const std::optional<std::string>& before,
               const std::optional<std::string>& after);
  bool empty() const { return changes_.empty(); }
  bool touches(const std::string& field) const { return changes_.contains(field); }
  // {"changes": {...}} merged with `extra`.
  std::string to_json(boost::json::object extra = {}) const;

 private:
  boost::json::object changes_;
};

}  // namespace parcours

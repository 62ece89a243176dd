#include "core/changes.h"

namespace parcours {

void Changes::compare(const std::string& field, const boost::json::value& before,
                      const boost::json::value& after) {
  if (before == after) return;
  changes_[field] = boost::json::object{{"before", before}, {"after", after}};
}

void Changes::compare(const std::string& field, const std::optional<std::string>& before,
                      const std::optional<std::string>& after) {
  auto value = [](const std::optional<std::string>& v) {
    return v ? boost::json::value(*v) : boost::json::value(nullptr);
  };
  compare(field, value(before), value(after));
}

std::string Changes::to_json(boost::json::object extra) const {
  extra["changes"] = changes_;
  return boost::json::serialize(extra);
}

}  // namespace parcours

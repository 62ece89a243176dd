// A closed list of codes with their French labels, kept in one table: the codes a form offers
// and its validation accepts, and the label a page shows for each.
//   constexpr Code kContracts[] = {{"cdi", "CDI"}, {"cdd", "CDD"}};
//   label_in(kContracts, "cdd") == "CDD"; codes_in(kContracts) == {"cdi", "cdd"}
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parcours {

struct Code {
  std::string_view code;
  const char* label;
};

// The label of `code`, or `fallback` when the table does not hold it.
inline const char* label_in(std::span<const Code> table, std::string_view code,
                            const char* fallback = "") {
  for (const auto& entry : table) {
    if (entry.code == code) return entry.label;
  }
  return fallback;
}

// The codes of the table, in its order.
inline std::vector<std::string> codes_in(std::span<const Code> table) {
  std::vector<std::string> codes;
  codes.reserve(table.size());
  for (const auto& entry : table) codes.emplace_back(entry.code);
  return codes;
}

}  // namespace parcours

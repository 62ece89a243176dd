// The kinds of organisations of the service public de l'insertion et de l'emploi, with their
// French labels, in the order forms list them. Codes are stored in organisations.kind.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace parcours::organisations {

struct Kind {
  const char* code;   // "mission_locale"
  const char* label;  // "Mission locale"
};

std::span<const Kind> organisation_kinds();

// The French label of a kind code; the code itself when unknown.
std::string kind_label(std::string_view code);
bool is_known_kind(std::string_view code);

}  // namespace parcours::organisations

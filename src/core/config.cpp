#include "core/config.h"

#include <filesystem>

#ifndef PARCOURS_SOURCE_DIR
#define PARCOURS_SOURCE_DIR "."
#endif

namespace parcours {

std::string resource_dir(const std::string& configured, const std::string& relative) {
  if (!configured.empty()) return configured;
  if (std::filesystem::is_directory(relative)) return relative;
  return std::string(PARCOURS_SOURCE_DIR) + "/" + relative;
}

}  // namespace parcours

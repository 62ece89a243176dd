#include <iostream>

#include "app/commands.h"

namespace parcours::app {

int run_load_geo(const Config& /*config*/, const std::string& /*source_dir*/) {
  std::cerr << "parcours : commande pas encore disponible\n";
  return 1;
}

}  // namespace parcours::app

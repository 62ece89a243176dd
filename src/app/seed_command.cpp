#include <iostream>

#include "app/commands.h"

namespace parcours::app {

int run_seed_demo(const Config& /*config*/) {
  std::cerr << "parcours : commande pas encore disponible\n";
  return 1;
}

}  // namespace parcours::app

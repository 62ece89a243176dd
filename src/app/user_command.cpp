#include <iostream>

#include "app/commands.h"

namespace parcours::app {

int run_user_add(const Config& /*config*/, const UserAddOptions& /*options*/) {
  std::cerr << "parcours : commande pas encore disponible\n";
  return 1;
}

}  // namespace parcours::app

#include "features/accounts/routes.h"

#include "features/accounts/pages.h"

namespace parcours::accounts {

void register_routes(http::Router& router) {
  router.add("GET", "/connexion", show_login);
  router.add("POST", "/connexion", submit_login);
  router.add("POST", "/deconnexion", submit_logout);
  router.add("GET", "/mot-de-passe-oublie", show_forgot_password);
  router.add("POST", "/mot-de-passe-oublie", submit_forgot_password);
  router.add("GET", "/mot-de-passe/{token}", show_password_form);
  router.add("POST", "/mot-de-passe/{token}", submit_password_form);
  router.add("GET", "/compte", show_account);
  router.add("POST", "/compte/structure", submit_acting_organisation);
}

}  // namespace parcours::accounts

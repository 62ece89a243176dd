#include "features/portal/routes.h"

#include "features/portal/pages.h"

namespace parcours::portal {

void register_routes(http::Router& router) {
  router.add("GET", "/demander-un-accompagnement", show_request_form);
  router.add("POST", "/demander-un-accompagnement", submit_request_form);
  router.add("GET", "/demander-un-accompagnement/envoyee", show_request_sent);

  router.add("GET", "/mon-espace/connexion", show_login);
  router.add("POST", "/mon-espace/connexion", submit_login);
  router.add("GET", "/mon-espace/lien/{token}", show_link);
  router.add("POST", "/mon-espace/lien/{token}", submit_link);
  router.add("POST", "/mon-espace/deconnexion", submit_logout);

  router.add("GET", "/mon-espace", show_home);
  router.add("GET", "/mon-espace/carnet", show_timeline);
  router.add("GET", "/mon-espace/coordonnees", show_contact);
  router.add("POST", "/mon-espace/coordonnees", submit_contact);
  router.add("GET", "/mon-espace/changer-de-referent", show_referent_request);
  router.add("POST", "/mon-espace/changer-de-referent", submit_referent_request);
  router.add("GET", "/mon-espace/consultations", show_accesses);
  router.add("GET", "/mon-espace/mes-donnees", show_my_data);
  router.add("GET", "/mon-espace/mes-donnees.json", download_json);
  router.add("GET", "/mon-espace/mes-donnees/imprimer", show_printable);
  router.add("GET", "/mon-espace/partage", show_objections);
  router.add("POST", "/mon-espace/partage/opposer", submit_objection);
  router.add("POST", "/mon-espace/partage/retirer", submit_withdrawal);
}

}  // namespace parcours::portal

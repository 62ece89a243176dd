#include "app/routes.h"

#include "features/accounts/routes.h"
#include "features/api/routes.h"
#include "features/appointments/routes.h"
#include "features/caf/routes.h"
#include "features/catalogue/routes.h"
#include "features/csvimport/routes.h"
#include "features/diagnostic/routes.h"
#include "features/exports/routes.h"
#include "features/feed/routes.h"
#include "features/followup/routes.h"
#include "features/geo/routes.h"
#include "features/impact/routes.h"
#include "features/organisations/routes.h"
#include "features/orientation/routes.h"
#include "features/pages/routes.h"
#include "features/people/routes.h"
#include "features/plan/routes.h"
#include "features/portal/routes.h"
#include "features/referrals/routes.h"
#include "features/rome/routes.h"
#include "features/search/routes.h"
#include "features/stats/routes.h"
#include "features/territories/routes.h"

namespace parcours::app {

void register_all_routes(http::Router& router) {
  accounts::register_routes(router);
  territories::register_routes(router);
  organisations::register_routes(router);
  geo::register_routes(router);
  pages::register_routes(router);
  people::register_routes(router);
  orientation::register_routes(router);
  portal::register_routes(router);
  rome::register_routes(router);
  diagnostic::register_routes(router);
  referrals::register_routes(router);
  catalogue::register_routes(router);
  search::register_routes(router);
  appointments::register_routes(router);
  plan::register_routes(router);
  followup::register_routes(router);
  api::register_routes(router);
  caf::register_routes(router);
  csvimport::register_routes(router);
  exports::register_routes(router);
  feed::register_routes(router);
  stats::register_routes(router);
  impact::register_routes(router);
}

}  // namespace parcours::app

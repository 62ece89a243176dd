// The service form drawn with DSFR components (templates/catalogue/form.tpl and its field
// templates): every data·inclusion field, multi-choices as checkboxes (thématiques grouped by
// category), the zone d'éligibilité as France / départements / EPCI / communes, and every error
// on its field with the summary at the top. Values are shown as typed.
#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <vector>

#include "core/error.h"
#include "core/http/request.h"
#include "core/store/db.h"
#include "features/catalogue/offer.h"

namespace parcours::catalogue {

ServiceForm form_from_request(const http::Request& request);

// Fills `dict` (for catalogue/form.tpl) with the form's fields. `territory_id` gives the
// départements and EPCI offered in the zone.
void fill_form(ctemplate::TemplateDictionary& dict, store::Connection& conn,
               const ServiceForm& form, std::int64_t territory_id,
               const std::vector<Error>& errors);

}  // namespace parcours::catalogue

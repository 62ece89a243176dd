// The public form "Demander un accompagnement": a person without an account gives their
// identity, a way to reach them, their commune and, in their own words, what they need. Every
// field is checked at once so that the form shows all its errors together, each under its
// field; nothing is written unless the whole form is valid. The request then goes to the
// people feature (request_accompaniment: the person is found by a strong identifier or created,
// and a journey "to_orient" is opened in the territory whose départements contain the commune),
// and an acknowledgement is mailed when an email was given — all in one transaction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::portal {

struct RequestForm {
  std::string birth_name;
  std::string first_names;
  std::string birth_date;
  std::string nir;  // optional: lets us find an existing record
  std::string email;
  std::string phone;
  std::string commune;   // "Sedan (08409)", a name, a postcode or an INSEE code
  std::string postcode;  // only needed when the commune has several
  std::string need;
};

struct RequestReceipt {
  std::int64_t person_id = 0;
  std::int64_t journey_id = 0;
  std::int64_t territory_id = 0;
  bool person_created = false;
  bool journey_created = false;
  bool acknowledged = false;  // a mail was queued
};

// The errors of every invalid field (kInvalid, each naming its field), empty when valid.
std::vector<Error> check_request(store::Connection& conn, const RequestForm& form);

// Checks then records the request; the errors of check_request when invalid (nothing written).
std::expected<RequestReceipt, std::vector<Error>> submit_request(store::Connection& conn,
                                                                 const RequestForm& form,
                                                                 const std::string& public_url);

}  // namespace parcours::portal

#include "features/portal/request.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/mail/outbox.h"
#include "core/text.h"
#include "features/geo/communes.h"
#include "features/people/identity.h"
#include "features/people/journeys.h"

namespace parcours::portal {
namespace {

struct Territory {
  std::string name;
  std::int64_t orientation_deadline_days = 30;
};

Territory territory(store::Connection& conn, std::int64_t id) {
  auto row =
      conn.query_one("SELECT name, orientation_deadline_days FROM territories WHERE id = $1", {id});
  if (!row) return {};
  return {row->text(0), row->integer(1)};
}

mail::Mail acknowledgement(const std::string& to, const Territory& where,
                           const std::string& public_url) {
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return {to, "Parcours : nous avons bien reçu votre demande",
          fmt::format("Bonjour,\n\n"
                      "Nous avons bien reçu votre demande d'accompagnement. Une personne chargée "
                      "de l'orientation sur le territoire {} va la lire et vous contacter dans "
                      "les {} jours.\n\n"
                      "Vous pourrez ensuite suivre votre parcours dans votre espace personnel :\n"
                      "{}/mon-espace/connexion\n\n"
                      "Si vous n'avez rien demandé, ignorez ce courriel.\n\n"
                      "Parcours — service public de l'insertion et de l'emploi\n",
                      where.name, where.orientation_deadline_days, base)};
}

// Also gives the territory of the commune when the commune is valid.
std::vector<Error> check(store::Connection& conn, const RequestForm& form,
                         std::optional<std::int64_t>& territory_id) {
  std::vector<Error> errors;
  auto keep = [&](const auto& result) {
    if (!result) errors.push_back(result.error());
  };
  keep(people::normalise_name(form.birth_name, "birth_name", "le nom de naissance"));
  keep(people::normalise_name(form.first_names, "first_names", "les prénoms"));
  if (text::trim(form.birth_date).empty()) {
    errors.push_back({ErrorCode::kInvalid,
                      "Indiquez votre date de naissance, par exemple 14/07/1985.", "birth_date"});
  } else {
    keep(people::normalise_birth_date(form.birth_date, "birth_date"));
  }
  if (!text::trim(form.nir).empty()) keep(people::normalise_nir(form.nir, "nir"));
  bool no_email = text::trim(form.email).empty();
  bool no_phone = text::trim(form.phone).empty();
  if (no_email && no_phone) {
    errors.push_back({ErrorCode::kInvalid,
                      "Indiquez une adresse électronique ou un numéro de téléphone, pour que "
                      "nous puissions vous répondre.",
                      "email"});
  }
  if (!no_email) keep(people::normalise_email(form.email, "email"));
  if (!no_phone) keep(people::normalise_phone(form.phone, "phone"));
  std::string postcode = text::trim(form.postcode);
  if (!postcode.empty() && (postcode.size() != 5 || !text::all_digits(postcode))) {
    errors.push_back({ErrorCode::kInvalid, "Le code postal comporte 5 chiffres, par exemple 08000.",
                      "postcode"});
  }
  if (auto commune = geo::resolve_commune(conn, form.commune, {}, "commune"); !commune) {
    errors.push_back(commune.error());
  } else if (territory_id = people::territory_of_commune(conn, commune->code); !territory_id) {
    auto departement =
        conn.query_one("SELECT name FROM departements WHERE code = $1", {commune->departement});
    errors.push_back(
        {ErrorCode::kInvalid,
         "Parcours n’est pas encore ouvert dans le département de " + commune->name + " (" +
             (departement ? departement->text(0) : commune->departement) +
             ") : adressez-vous au conseil départemental ou à l’agence France Travail la plus "
             "proche.",
         "commune"});
  } else if (postcode.empty() && commune->postcodes.size() > 1) {
    std::string list;
    for (const auto& p : commune->postcodes) list += (list.empty() ? "" : ", ") + p;
    errors.push_back(
        {ErrorCode::kInvalid,
         "Indiquez votre code postal : " + commune->name + " en a plusieurs (" + list + ").",
         "postcode"});
  } else if (!postcode.empty() &&
             std::ranges::find(commune->postcodes, postcode) == commune->postcodes.end()) {
    errors.push_back({ErrorCode::kInvalid,
                      "Le code postal " + postcode + " n’est pas celui de " + commune->name + ".",
                      "postcode"});
  }
  keep(people::validate_need(form.need, "need"));
  return errors;
}

people::PersonForm person_form(const RequestForm& form) {
  people::PersonForm person;
  person.identity.birth_name = form.birth_name;
  person.identity.first_names = form.first_names;
  person.identity.birth_date = form.birth_date;
  person.identity.nir = form.nir;
  person.contact.email = form.email;
  person.contact.phone = form.phone;
  person.contact.commune = form.commune;
  person.contact.postcode = form.postcode;
  return person;
}

}  // namespace

std::vector<Error> check_request(store::Connection& conn, const RequestForm& form) {
  std::optional<std::int64_t> territory_id;
  return check(conn, form, territory_id);
}

std::expected<RequestReceipt, std::vector<Error>> submit_request(store::Connection& conn,
                                                                 const RequestForm& form,
                                                                 const std::string& public_url) {
  std::optional<std::int64_t> territory_id;
  if (auto errors = check(conn, form, territory_id); !errors.empty()) {
    return std::unexpected(std::move(errors));
  }
  auto recorded = store::with_transaction(conn, [&]() -> Result<RequestReceipt> {
    auto outcome = people::request_accompaniment(conn, *territory_id, person_form(form), form.need);
    if (!outcome) return std::unexpected(outcome.error());
    RequestReceipt receipt{outcome->person_id,      outcome->journey_id,      *territory_id,
                           outcome->person_created, outcome->journey_created, false};
    if (auto email = people::normalise_email(form.email);
        email && !text::trim(form.email).empty()) {
      mail::queue_mail(conn, acknowledgement(*email, territory(conn, *territory_id), public_url));
      receipt.acknowledged = true;
    }
    return receipt;
  });
  if (!recorded) return std::unexpected(std::vector<Error>{recorded.error()});
  return *recorded;
}

}  // namespace parcours::portal

#include "features/organisations/organisation.h"

#include <algorithm>
#include <boost/json.hpp>

#include "core/atomic.h"
#include "core/changes.h"
#include "core/clock.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/geo/communes.h"
#include "features/organisations/kinds.h"
#include "features/organisations/siret.h"
#include "features/territories/territory.h"

namespace parcours::organisations {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxAddressLength = 300;

constexpr const char* kSelect =
    "SELECT o.id, o.territory_id, t.name, o.slug, o.name, o.kind, o.siret, o.address, "
    "o.postcode, o.commune_code, COALESCE(c.name, ''), o.email, o.phone, o.active, "
    "o.members_version "
    "FROM organisations o JOIN territories t ON t.id = o.territory_id "
    "LEFT JOIN communes c ON c.code = o.commune_code";

Organisation from_row(const store::Row& row) {
  Organisation o;
  o.id = row.integer(0);
  o.territory_id = row.integer(1);
  o.territory_name = row.text(2);
  o.slug = row.text(3);
  o.name = row.text(4);
  o.kind = row.text(5);
  o.siret = row.opt_text(6);
  o.address = row.text(7);
  o.postcode = row.text(8);
  o.commune_code = row.opt_text(9);
  o.commune_name = row.text(10);
  o.email = row.text(11);
  o.phone = row.text(12);
  o.active = row.boolean(13);
  o.members_version = row.integer(14);
  return o;
}

struct Validated {
  std::int64_t territory_id = 0;
  std::string name;
  std::string kind;
  std::optional<std::string> siret;
  std::string address;
  std::string postcode;
  std::string commune_code;
  std::string email;
  std::string phone;
};

bool plausible_email(const std::string& email) {
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) {
    return false;
  }
  auto dot = email.find('.', at);
  if (dot == std::string::npos || dot == at + 1 || email.back() == '.') return false;
  for (char c : email) {
    if (c == ' ' || c == ',' || c == ';' || c == '<' || c == '>') return false;
  }
  return email.size() <= 254;
}

// "03 24 56 78 90" from "0324567890", "03.24.56.78.90" or "+33 3 24 56 78 90"; empty if not a
// French number.
std::string normalise_phone(const std::string& input) {
  std::string digits;
  for (char c : input) {
    if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')') continue;
    digits += c;
  }
  if (digits.rfind("+33", 0) == 0) digits = "0" + digits.substr(3);
  if (digits.size() != 10 || digits[0] != '0' || !text::all_digits(digits)) return {};
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); i += 2) {
    grouped += (i ? " " : "") + digits.substr(i, 2);
  }
  return grouped;
}

Result<Validated> validate(store::Connection& conn, const OrganisationForm& form) {
  Validated v;
  auto territory_id = text::parse_id(form.territory_id);
  auto territory = territory_id ? territories::find_territory(conn, *territory_id) : std::nullopt;
  if (!territory) return fail(ErrorCode::kInvalid, "Choisissez le territoire.", "territory_id");
  v.territory_id = territory->id;

  v.name = text::trim(form.name);
  if (v.name.empty()) return fail(ErrorCode::kInvalid, "Indiquez le nom de la structure.", "name");
  if (v.name.size() > kMaxNameLength) {
    return fail(ErrorCode::kInvalid, "Le nom ne doit pas dépasser 200 caractères.", "name");
  }
  v.kind = form.kind;
  if (!is_known_kind(v.kind)) {
    return fail(ErrorCode::kInvalid, "Choisissez le type de structure.", "kind");
  }
  std::string siret = normalise_siret(form.siret);
  if (!siret.empty()) {
    if (siret.size() != 14 || !text::all_digits(siret)) {
      return fail(ErrorCode::kInvalid, "Le SIRET doit comporter 14 chiffres.", "siret");
    }
    if (!is_valid_siret(siret)) {
      return fail(ErrorCode::kInvalid,
                  "Le SIRET " + siret +
                      " n’est pas valide (clé de contrôle incorrecte) : "
                      "vérifiez-le sur l’annuaire des entreprises.",
                  "siret");
    }
    v.siret = siret;
  }
  v.address = text::trim(form.address);
  if (v.address.size() > kMaxAddressLength) {
    return fail(ErrorCode::kInvalid, "L’adresse ne doit pas dépasser 300 caractères.", "address");
  }
  auto commune = geo::resolve_commune(conn, form.commune, territory->departements, "commune");
  if (!commune) return std::unexpected(commune.error());
  v.commune_code = commune->code;
  v.postcode = text::trim(form.postcode);
  if (v.postcode.empty() && commune->postcodes.size() == 1) v.postcode = commune->postcodes[0];
  if (std::find(commune->postcodes.begin(), commune->postcodes.end(), v.postcode) ==
      commune->postcodes.end()) {
    std::string known;
    for (const auto& p : commune->postcodes) known += (known.empty() ? "" : ", ") + p;
    return fail(ErrorCode::kInvalid,
                v.postcode.empty() ? "Indiquez le code postal : " + commune->name +
                                         " en a plusieurs (" + known + ")."
                                   : "Le code postal " + v.postcode + " n’est pas celui de " +
                                         commune->name + " (" + known + ").",
                "postcode");
  }
  v.email = text::trim(form.email);
  if (!v.email.empty() && !plausible_email(v.email)) {
    return fail(ErrorCode::kInvalid, "L’adresse électronique doit avoir la forme nom@domaine.fr.",
                "email");
  }
  std::string phone = text::trim(form.phone);
  if (!phone.empty()) {
    v.phone = normalise_phone(phone);
    if (v.phone.empty()) {
      return fail(ErrorCode::kInvalid,
                  "Le numéro de téléphone doit comporter 10 chiffres, par exemple 03 24 56 78 90.",
                  "phone");
    }
  }
  return v;
}

// The name's slug, made unique with -2, -3... when taken.
std::string unique_slug(store::Connection& conn, const std::string& name) {
  std::string base = text::slugify(name);
  if (base.empty()) base = "structure";
  std::string slug = base;
  for (int n = 2; find_organisation_by_slug(conn, slug); ++n) {
    slug = base + "-" + std::to_string(n);
  }
  return slug;
}

json::value opt_json(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

Error conflict_from(const store::StoreError& e) {
  if (!e.unique_violation()) throw e;
  return {ErrorCode::kConflict,
          "Une autre personne vient de créer une structure du même nom : réessayez.", "name"};
}

}  // namespace

OrganisationForm form_of(const Organisation& o) {
  geo::Commune commune{.code = o.commune_code.value_or(""), .name = o.commune_name};
  return {.territory_id = std::to_string(o.territory_id),
          .name = o.name,
          .kind = o.kind,
          .siret = o.siret.value_or(""),
          .address = o.address,
          .postcode = o.postcode,
          .commune = o.commune_code ? geo::commune_label(commune) : "",
          .email = o.email,
          .phone = o.phone};
}

std::vector<Organisation> list_organisations(store::Connection& conn,
                                             const OrganisationFilter& filter) {
  std::string sql = std::string(kSelect) + " WHERE 1 = 1";
  store::Params params;
  if (filter.territory_id) {
    params.add(*filter.territory_id);
    sql += " AND o.territory_id = $1";
  }
  if (!filter.include_inactive) sql += " AND o.active = 1";
  sql += " ORDER BY t.name, o.name, o.id";
  std::vector<Organisation> out;
  for (const auto& row : conn.query(sql, params)) out.push_back(from_row(row));
  return out;
}

std::optional<Organisation> find_organisation(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(std::string(kSelect) + " WHERE o.id = $1", {id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::optional<Organisation> find_organisation_by_slug(store::Connection& conn,
                                                      const std::string& slug) {
  auto row = conn.query_one(std::string(kSelect) + " WHERE o.slug = $1", {slug});
  if (!row) return std::nullopt;
  return from_row(*row);
}

Result<std::int64_t> create_organisation(store::Connection& conn, const OrganisationForm& form,
                                         std::optional<std::int64_t> actor_id) {
  try {
    return atomically(conn, [&]() -> Result<std::int64_t> {
      auto v = validate(conn, form);
      if (!v) return std::unexpected(v.error());
      std::string slug = unique_slug(conn, v->name);
      std::int64_t now = now_seconds();
      auto row = conn.query_one(
          "INSERT INTO organisations (territory_id, slug, name, kind, siret, address, postcode, "
          "commune_code, email, phone, active, created_at, updated_at) VALUES ($1, $2, $3, $4, "
          "$5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id",
          {v->territory_id, slug, v->name, v->kind, store::opt(v->siret), v->address, v->postcode,
           v->commune_code, v->email, v->phone, now});
      std::int64_t id = row->integer(0);
      json::object payload{{"organisation_id", id},
                           {"slug", slug},
                           {"name", v->name},
                           {"kind", v->kind},
                           {"siret", opt_json(v->siret)},
                           {"address", v->address},
                           {"postcode", v->postcode},
                           {"commune_code", v->commune_code},
                           {"email", v->email},
                           {"phone", v->phone}};
      store::append_event(conn, {.kind = "organisation.created",
                                 .territory_id = v->territory_id,
                                 .actor_id = actor_id,
                                 .payload_json = json::serialize(payload)});
      return id;
    });
  } catch (const store::StoreError& e) {
    return std::unexpected(conflict_from(e));
  }
}

Result<void> update_organisation(store::Connection& conn, std::int64_t id,
                                 const OrganisationForm& form, bool allow_move,
                                 std::optional<std::int64_t> actor_id) {
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto current = find_organisation(conn, id);
    if (!current) return fail(ErrorCode::kNotFound, "Structure introuvable.");
    OrganisationForm checked = form;
    if (!allow_move) checked.territory_id = std::to_string(current->territory_id);
    auto v = validate(conn, checked);
    if (!v) return std::unexpected(v.error());

    Changes changes;
    changes.compare("territory_id", current->territory_id, v->territory_id);
    changes.compare("name", current->name, v->name);
    changes.compare("kind", current->kind, v->kind);
    changes.compare("siret", current->siret, v->siret);
    changes.compare("address", current->address, v->address);
    changes.compare("postcode", current->postcode, v->postcode);
    changes.compare("commune_code", current->commune_code,
                    std::optional<std::string>(v->commune_code));
    changes.compare("email", current->email, v->email);
    changes.compare("phone", current->phone, v->phone);
    if (changes.empty()) return id;

    // The slug stays: it is the organisation's stable identifier (CLI, imports, API).
    conn.execute(
        "UPDATE organisations SET territory_id = $2, name = $3, kind = $4, siret = $5, "
        "address = $6, postcode = $7, commune_code = $8, email = $9, phone = $10, "
        "updated_at = $11 WHERE id = $1",
        {id, v->territory_id, v->name, v->kind, store::opt(v->siret), v->address, v->postcode,
         v->commune_code, v->email, v->phone, now_seconds()});
    store::append_event(conn, {.kind = "organisation.updated",
                               .territory_id = v->territory_id,
                               .actor_id = actor_id,
                               .payload_json = changes.to_json({{"organisation_id", id}})});
    return id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

Result<void> set_organisation_active(store::Connection& conn, std::int64_t id, bool active,
                                     std::optional<std::int64_t> actor_id) {
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto current = find_organisation(conn, id);
    if (!current) return fail(ErrorCode::kNotFound, "Structure introuvable.");
    if (current->active == active) return id;
    conn.execute("UPDATE organisations SET active = $2, updated_at = $3 WHERE id = $1",
                 {id, store::boolean(active), now_seconds()});
    Changes changes;
    changes.compare("active", current->active, active);
    store::append_event(conn,
                        {.kind = active ? "organisation.reactivated" : "organisation.deactivated",
                         .territory_id = current->territory_id,
                         .actor_id = actor_id,
                         .payload_json = changes.to_json({{"organisation_id", id}})});
    return id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

}  // namespace parcours::organisations

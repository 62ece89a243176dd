#include "features/appointments/appointments.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/codes.h"
#include "core/mail/outbox.h"
#include "core/text.h"
#include "features/orientation/referents.h"
#include "features/people/events.h"
#include "features/people/journeys.h"
#include "features/people/team.h"

namespace parcours::appointments {
namespace {

namespace json = boost::json;

constexpr const char* kSelect =
    "SELECT a.id, a.journey_id, a.person_id, a.territory_id, a.professional_id, u.name, u.email, "
    "a.organisation_id, o.name, p.first_names, p.usage_name, p.birth_name, a.starts_at, "
    "a.duration_minutes, a.ends_at, a.place_kind, a.place, a.purpose, a.status, "
    "a.status_message, a.created_at FROM appointments a JOIN users u ON u.id = "
    "a.professional_id JOIN organisations o ON o.id = a.organisation_id JOIN persons p ON p.id = "
    "a.person_id ";

Appointment from_row(const store::Row& r) {
  Appointment a;
  a.id = r.integer(0);
  a.journey_id = r.integer(1);
  a.person_id = r.integer(2);
  a.territory_id = r.integer(3);
  a.professional_id = r.integer(4);
  a.professional_name = r.text(5);
  a.professional_email = r.text(6);
  a.organisation_id = r.integer(7);
  a.organisation_name = r.text(8);
  a.person_name = r.text(9) + " " + (r.text(10).empty() ? r.text(11) : r.text(10));
  a.starts_at = r.integer(12);
  a.duration_minutes = r.integer(13);
  a.ends_at = r.integer(14);
  a.place_kind = r.text(15);
  a.place = r.text(16);
  a.purpose = r.text(17);
  a.status = r.text(18);
  a.status_message = r.text(19);
  a.created_at = r.integer(20);
  return a;
}

std::vector<Appointment> list(store::Connection& conn, const std::string& where,
                              const store::Params& params) {
  std::vector<Appointment> out;
  for (const auto& r : conn.query(kSelect + where, params)) out.push_back(from_row(r));
  return out;
}

bool is_status(std::string_view s) {
  for (const char* k : {"planned", "seen", "excused", "revoked", "noshow", "to_update"}) {
    if (s == k) return true;
  }
  return false;
}

std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Result<int> parse_int(std::string_view s, int min, int max, const char* message,
                      const char* field) {
  if (s.empty() || s.size() > 4 || !std::all_of(s.begin(), s.end(), ::isdigit)) {
    return fail(ErrorCode::kInvalid, message, field);
  }
  int v = std::stoi(std::string(s));
  if (v < min || v > max) return fail(ErrorCode::kInvalid, message, field);
  return v;
}

Result<std::string> validate_place(std::string_view kind, const std::string& typed) {
  std::string place = text::trim(typed);
  if (kind == "address") {
    if (characters(place) < 5 || characters(place) > 300) {
      return fail(ErrorCode::kInvalid,
                  "Lieu : indiquez l’adresse du rendez-vous (5 à 300 caractères).", "place");
    }
  } else if (kind == "phone") {
    int digits = 0;
    for (char c : place) {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ++digits;
      } else if (std::string_view(" +.-()").find(c) == std::string_view::npos) {
        digits = -100;
      }
    }
    if (digits < 10 || digits > 15) {
      return fail(ErrorCode::kInvalid,
                  "Lieu : indiquez le numéro de téléphone à appeler, par exemple 03 24 00 00 00.",
                  "place");
    }
  } else if (kind == "video") {
    if (!place.starts_with("https://") || place.size() < 12 || place.size() > 500 ||
        place.find_first_of(" \t\r\n<>\"") != std::string::npos) {
      return fail(ErrorCode::kInvalid,
                  "Lieu : indiquez le lien de la visioconférence, qui commence par https://.",
                  "place");
    }
  } else {
    return fail(ErrorCode::kInvalid,
                "Type de lieu : choisissez une adresse, un téléphone ou une visioconférence.",
                "place_kind");
  }
  return place;
}

Result<std::string> validate_message(const std::string& typed) {
  std::string message = text::trim(typed);
  if (characters(message) > 500) {
    return fail(ErrorCode::kInvalid, "Message : 500 caractères au plus.", "message");
  }
  return message;
}

json::object payload_of(const Appointment& a, std::optional<std::int64_t> actor_org) {
  json::object p{{"journey_id", a.journey_id},
                 {"appointment_id", a.id},
                 {"starts_at", a.starts_at},
                 {"user_id", a.professional_id},
                 {"organisation_id", a.organisation_id}};
  if (actor_org) p["actor_organisation_id"] = *actor_org;
  return p;
}

}  // namespace

constexpr Code kStatuses[] = {{"planned", "Prévu"},  {"seen", "Honoré"},
                              {"excused", "Excusé"}, {"revoked", "Annulé par la structure"},
                              {"noshow", "Absent"},  {"to_update", "À mettre à jour"}};

constexpr Code kStatusBadges[] = {{"planned", "fr-badge--info"},
                                  {"seen", "fr-badge--success"},
                                  {"noshow", "fr-badge--error"},
                                  {"to_update", "fr-badge--warning"}};

constexpr Code kPlaceKinds[] = {
    {"address", "Adresse"}, {"phone", "Téléphone"}, {"video", "Visioconférence"}};

const char* status_label(std::string_view s) { return label_in(kStatuses, s, "Inconnu"); }

const char* status_badge(std::string_view s) {
  return label_in(kStatusBadges, s, "fr-badge--no-icon");
}

const char* place_kind_label(std::string_view kind) { return label_in(kPlaceKinds, kind, "Lieu"); }

std::int64_t paris_day_number(std::int64_t unix_seconds) {
  constexpr std::int64_t kDay = 86400;
  std::int64_t local = unix_seconds + paris_offset_seconds(unix_seconds);
  return local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
}

std::optional<std::int64_t> parse_day(std::string_view s) {
  using namespace std::chrono;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  }
  year_month_day ymd{year{std::stoi(std::string(s.substr(0, 4)))},
                     month{static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))))},
                     day{static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))))}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd}.time_since_epoch().count();
}

Result<std::int64_t> book(store::Connection& conn, std::int64_t journey_id,
                          const AppointmentForm& form, const Actor& actor, std::int64_t now) {
  auto professional = text::parse_id(form.professional);
  std::optional<people::Member> member;
  if (professional) member = people::active_member(conn, journey_id, *professional);
  if (!member) {
    return fail(ErrorCode::kInvalid, "Professionnel : choisissez un membre de l’équipe.",
                "professional");
  }
  // Browsers send a date field as YYYY-MM-DD; typed by hand it may be DD/MM/YYYY.
  std::string date = text::trim(form.date);
  if (date.size() == 10 && date[2] == '/' && date[5] == '/') {
    date = date.substr(6, 4) + "-" + date.substr(3, 2) + "-" + date.substr(0, 2);
  }
  auto day = parse_day(date);
  if (!day) {
    return fail(ErrorCode::kInvalid, "Date : indiquez une date au format jj/mm/aaaa.", "date");
  }
  std::string time = text::trim(form.time);
  if (time.size() != 5 || time[2] != ':') {
    return fail(ErrorCode::kInvalid,
                "Heure : indiquez une heure au format hh:mm, par exemple 09:30.", "time");
  }
  auto hour = parse_int(time.substr(0, 2), 0, 23,
                        "Heure : indiquez une heure entre 00:00 et 23:59.", "time");
  if (!hour) return std::unexpected(hour.error());
  auto minute = parse_int(time.substr(3, 2), 0, 59,
                          "Heure : indiquez une heure entre 00:00 et 23:59.", "time");
  if (!minute) return std::unexpected(minute.error());
  auto duration = parse_int(text::trim(form.duration), 5, 480,
                            "Durée : indiquez une durée de 5 à 480 minutes.", "duration");
  if (!duration) return std::unexpected(duration.error());
  auto place = validate_place(form.place_kind, form.place);
  if (!place) return std::unexpected(place.error());
  std::string purpose = text::trim(form.purpose);
  if (characters(purpose) < 3 || characters(purpose) > 300) {
    return fail(ErrorCode::kInvalid,
                "Objet : indiquez l’objet du rendez-vous (3 à 300 caractères).", "purpose");
  }
  std::int64_t starts_at = paris_local_to_unix(*day, *hour, *minute);
  if (starts_at <= now) {
    return fail(ErrorCode::kInvalid, "Date : le rendez-vous doit être fixé dans le futur.", "date");
  }
  if (starts_at > now + 2 * 366 * 86400) {
    return fail(ErrorCode::kInvalid, "Date : fixez le rendez-vous dans les deux ans qui viennent.",
                "date");
  }
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto j = conn.query_one("SELECT person_id, territory_id, status FROM journeys WHERE id = $1",
                            {journey_id});
    if (!j) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
    if (j->text(2) == "closed") {
      return fail(ErrorCode::kConflict,
                  "Ce parcours est clos : aucun rendez-vous ne peut y être fixé.");
    }
    std::int64_t id =
        conn.query_one(
                "INSERT INTO appointments (journey_id, person_id, territory_id, professional_id, "
                "organisation_id, starts_at, duration_minutes, ends_at, place_kind, place, "
                "purpose, status, booked_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
                "$6, $7, $8, $9, $10, $11, 'planned', $12, $13, $13) RETURNING id",
                {journey_id, j->integer(0), j->integer(1), member->user_id, member->organisation_id,
                 starts_at, static_cast<std::int64_t>(*duration), starts_at + *duration * 60,
                 form.place_kind, *place, purpose, actor.user_id, now})
            ->integer(0);
    Appointment a{.id = id,
                  .journey_id = journey_id,
                  .professional_id = member->user_id,
                  .organisation_id = member->organisation_id,
                  .starts_at = starts_at};
    auto payload = payload_of(a, actor.organisation_id);
    payload["place_kind"] = form.place_kind;
    people::append_person_event(conn, kBooked, j->integer(0), j->integer(1), actor.user_id,
                                payload);
    people::touch_journey(conn, journey_id);
    return id;
  });
}

Result<void> check_transition(std::string_view from, std::string_view to, bool started) {
  if (!is_status(to) || to == "planned" || to == "to_update") {
    return fail(ErrorCode::kInvalid,
                "Statut : choisissez honoré, absent, excusé ou annulé par la structure.", "status");
  }
  if (from != "planned" && from != "to_update") {
    return fail(ErrorCode::kConflict,
                fmt::format("Ce rendez-vous est déjà « {} » : son statut ne change plus.",
                            status_label(from)),
                "status");
  }
  if ((to == "seen" || to == "noshow") && !started) {
    return fail(ErrorCode::kInvalid,
                "Statut : le rendez-vous n’a pas encore commencé ; il ne peut être marqué honoré "
                "ou absent qu’une fois l’heure passée.",
                "status");
  }
  return {};
}

Result<void> change_status(store::Connection& conn, std::int64_t appointment_id,
                           const std::string& status, const std::string& typed_message,
                           const Actor& actor, std::int64_t now) {
  auto message = validate_message(typed_message);
  if (!message) return std::unexpected(message.error());
  return atomically(conn, [&]() -> Result<void> {
    auto a = find_appointment(conn, appointment_id);
    if (!a) return fail(ErrorCode::kNotFound, "Rendez-vous introuvable.");
    auto allowed = check_transition(a->status, status, a->starts_at <= now);
    if (!allowed) return allowed;
    if (conn.execute("UPDATE appointments SET status = $2, status_message = $3, updated_at = $4 "
                     "WHERE id = $1 AND status = $5",
                     {a->id, status, *message, now, a->status}) != 1) {
      return fail(ErrorCode::kConflict, "Ce rendez-vous vient d’être modifié : rechargez la page.",
                  "status");
    }
    auto payload = payload_of(*a, actor.organisation_id);
    payload["from"] = a->status;
    payload["to"] = status;
    people::append_person_event(conn, kStatusChanged, a->person_id, a->territory_id, actor.user_id,
                                payload);
    people::touch_journey(conn, a->journey_id);
    if (status == "seen") {
      auto first = conn.query_one(
          "SELECT j.first_meeting_at IS NULL FROM journeys j JOIN journey_members m ON "
          "m.journey_id = j.id AND m.user_id = $2 AND m.role = 'referent' AND m.left_at IS NULL "
          "WHERE j.id = $1",
          {a->journey_id, a->professional_id});
      if (first && first->boolean(0)) {
        auto met = orientation::record_first_meeting(conn, a->journey_id, actor.user_id,
                                                     actor.organisation_id);
        if (!met) return std::unexpected(met.error());
      }
    }
    return {};
  });
}

Result<void> excuse_by_person(store::Connection& conn, std::int64_t appointment_id,
                              std::int64_t person_id, const std::string& typed_message,
                              std::int64_t now, const std::string& public_url) {
  auto message = validate_message(typed_message);
  if (!message) return std::unexpected(message.error());
  return atomically(conn, [&]() -> Result<void> {
    auto a = find_appointment(conn, appointment_id);
    if (!a || a->person_id != person_id)
      return fail(ErrorCode::kNotFound, "Rendez-vous introuvable.");
    if (a->status != "planned") {
      return fail(ErrorCode::kConflict,
                  fmt::format("Ce rendez-vous est « {} » : il n’est plus possible de l’excuser.",
                              status_label(a->status)));
    }
    if (a->starts_at <= now) {
      return fail(ErrorCode::kConflict,
                  "Ce rendez-vous a déjà commencé : appelez directement votre conseiller.");
    }
    conn.execute(
        "UPDATE appointments SET status = 'excused', status_message = $2, updated_at = $3 WHERE "
        "id = $1",
        {a->id, *message, now});
    auto payload = payload_of(*a, std::nullopt);
    payload["by"] = "person";
    people::append_person_event(conn, kExcused, a->person_id, a->territory_id, std::nullopt,
                                payload);
    people::touch_journey(conn, a->journey_id);
    std::string body = fmt::format(
        "Bonjour {},\n\n{} a indiqué ne pas pouvoir venir au rendez-vous du {} ({}).\n\n{}"
        "Le rendez-vous est marqué « excusé ». Pour en fixer un autre : {}/personnes/{}\n\n"
        "Parcours — service public de l’insertion et de l’emploi\n",
        a->professional_name, a->person_name, format_datetime_fr(a->starts_at), a->purpose,
        message->empty() ? std::string() : "Son message : « " + *message + " »\n\n", public_url,
        a->person_id);
    mail::queue_mail(conn, {.to = a->professional_email,
                            .subject = "Rendez-vous excusé : " + a->person_name + ", " +
                                       format_datetime_fr(a->starts_at),
                            .text = body});
    return {};
  });
}

int mark_to_update(store::Connection& conn, std::int64_t now) {
  int marked = 0;
  for (;;) {
    auto rows = conn.query(
        "SELECT id, journey_id, person_id, territory_id, starts_at, professional_id, "
        "organisation_id FROM appointments WHERE status = 'planned' AND ends_at <= $1 ORDER BY "
        "ends_at LIMIT 500",
        {now});
    if (rows.empty()) return marked;
    atomically(conn, [&] {
      for (const auto& r : rows) {
        if (conn.execute("UPDATE appointments SET status = 'to_update', updated_at = $2 WHERE id "
                         "= $1 AND status = 'planned'",
                         {r.integer(0), now}) != 1) {
          continue;
        }
        json::object payload{{"journey_id", r.integer(1)},
                             {"appointment_id", r.integer(0)},
                             {"starts_at", r.integer(4)},
                             {"user_id", r.integer(5)},
                             {"organisation_id", r.integer(6)},
                             {"from", "planned"},
                             {"to", "to_update"}};
        people::append_person_event(conn, kStatusChanged, r.integer(2), r.integer(3), std::nullopt,
                                    payload);
        ++marked;
      }
    });
  }
}

std::optional<Appointment> find_appointment(store::Connection& conn, std::int64_t id) {
  auto rows = list(conn, "WHERE a.id = $1", {id});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Appointment> of_journey(store::Connection& conn, std::int64_t journey_id) {
  return list(conn, "WHERE a.journey_id = $1 ORDER BY a.starts_at DESC, a.id DESC LIMIT 200",
              {journey_id});
}

std::vector<Appointment> of_person(store::Connection& conn, std::int64_t person_id) {
  return list(conn, "WHERE a.person_id = $1 ORDER BY a.starts_at DESC, a.id DESC LIMIT 200",
              {person_id});
}

std::vector<Appointment> of_professional(store::Connection& conn, std::int64_t user_id,
                                         std::int64_t from, std::int64_t to) {
  return list(conn,
              "WHERE a.professional_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3 ORDER BY "
              "a.starts_at, a.id LIMIT 500",
              {user_id, from, to});
}

std::int64_t agenda_version(store::Connection& conn, std::int64_t user_id) {
  auto row = conn.query_one("SELECT agenda_version FROM users WHERE id = $1", {user_id});
  return row ? row->integer(0) : 0;
}

std::vector<Appointment> to_update_of_professional(store::Connection& conn, std::int64_t user_id) {
  return list(conn,
              "WHERE a.professional_id = $1 AND a.status = 'to_update' ORDER BY a.starts_at, a.id "
              "LIMIT 500",
              {user_id});
}

std::vector<Appointment> to_update_of_organisation(store::Connection& conn,
                                                   std::int64_t organisation_id) {
  return list(conn,
              "WHERE a.organisation_id = $1 AND a.status = 'to_update' ORDER BY a.starts_at, a.id "
              "LIMIT 500",
              {organisation_id});
}

}  // namespace parcours::appointments

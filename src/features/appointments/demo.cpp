#include "features/appointments/demo.h"

#include <fmt/format.h>

#include <chrono>
#include <stdexcept>
#include <string>

#include "core/clock.h"
#include "features/appointments/appointments.h"

namespace parcours::appointments {
namespace {

constexpr std::int64_t kDay = 86400;

// The same day, or the Monday after when it falls on a weekend.
std::int64_t working(std::int64_t day) {
  using namespace std::chrono;
  unsigned wd = weekday{sys_days{days{day}}}.iso_encoding();
  return wd >= 6 ? day + (8 - wd) : day;
}

std::string iso(std::int64_t day) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{days{day}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string hhmm(int minutes) {
  char buffer[6];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes / 60, minutes % 60);
  return buffer;
}

std::int64_t or_throw(const Result<std::int64_t>& r) {
  if (!r) throw std::runtime_error("démonstration des rendez-vous : " + r.error().message);
  return *r;
}

void or_throw(const Result<void>& r) {
  if (!r) throw std::runtime_error("démonstration des rendez-vous : " + r.error().message);
}

struct Place {
  const char* kind;
  const char* place;
};
constexpr Place kPlaces[] = {
    {"address", "Hôtel du Département, place de la Préfecture, 08000 Charleville-Mézières"},
    {"phone", "03 24 59 60 60"},
    {"video", "https://webconf.demo.test/rendez-vous-parcours"},
};
constexpr const char* kPurposes[] = {
    "Point sur le plan d’actions", "Préparer l’entretien d’embauche",
    "Faire le point sur la recherche de formation", "Premier rendez-vous d’accompagnement",
    "Dossier de demande de logement"};

}  // namespace

int seed_demo_appointments(store::Connection& conn, std::int64_t territory_id) {
  if (conn.query_one("SELECT 1 FROM appointments WHERE territory_id = $1", {territory_id})) {
    return 0;
  }
  auto user = conn.query_one("SELECT id FROM users WHERE email = 'referent@demo.test'");
  if (!user) return 0;
  std::int64_t referent = user->integer(0);
  std::int64_t now = now_seconds();
  std::int64_t today = paris_day_number(now);
  // Live journeys only: the demo keeps one journey past the retention period, untouched.
  auto journeys = conn.query(
      "SELECT j.id, m.organisation_id FROM journeys j JOIN journey_members m ON m.journey_id = "
      "j.id AND m.user_id = $1 AND m.left_at IS NULL WHERE j.territory_id = $2 AND j.status <> "
      "'closed' AND j.last_activity_at > $3 ORDER BY j.id LIMIT 12",
      {referent, territory_id, now - 180 * kDay});
  int booked = 0;
  int i = 0;
  for (const auto& j : journeys) {
    std::int64_t journey = j.integer(0);
    Actor actor{referent, j.integer(1)};
    auto form = [&](std::int64_t day, int minutes, int variant) {
      const Place& place = kPlaces[variant % 3];
      return AppointmentForm{.professional = std::to_string(referent),
                             .date = iso(day),
                             .time = hhmm(minutes),
                             .duration = variant % 2 ? "30" : "45",
                             .place_kind = place.kind,
                             .place = place.place,
                             .purpose = kPurposes[variant % 5]};
    };
    // Coming: this week and next, at varied hours.
    std::int64_t coming_day = working(today + 1 + i % 6);
    or_throw(book(conn, journey, form(coming_day, 9 * 60 + (i % 5) * 75, i), actor, now));
    ++booked;
    if (i % 2 == 0) {
      or_throw(book(conn, journey, form(working(today + 8 + i % 4), 14 * 60, i + 1), actor, now));
      ++booked;
    }
    // Past: booked a week before, then honoured or missed; one in three left without status.
    std::int64_t past_day = today - 2 - i % 8;
    std::int64_t starts = paris_local_to_unix(past_day, 10 + i % 4, 0);
    auto id = or_throw(
        book(conn, journey, form(past_day, (10 + i % 4) * 60, i + 2), actor, starts - 7 * kDay));
    ++booked;
    if (i % 3 != 2) {
      bool met = conn.query_one("SELECT first_meeting_at IS NOT NULL FROM journeys WHERE id = $1",
                                {journey})
                     ->boolean(0);
      // "Honoured" only where the first meeting is already recorded: the orientation demo keeps
      // its journeys waiting for one.
      or_throw(change_status(conn, id, met && i % 4 != 1 ? "seen" : "noshow", "", actor, now));
    }
    ++i;
  }
  mark_to_update(conn, now);
  return booked;
}

}  // namespace parcours::appointments

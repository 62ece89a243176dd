// Appointment pages:
//   GET  /agenda[?semaine=YYYY-MM-DD]          a professional's week (their own)
//   GET  /agenda/jour[?date=YYYY-MM-DD]        a professional's day (their own)
//   GET  /agenda/a-mettre-a-jour               to update: theirs, and their organisations' (admins)
//   GET  /personnes/{id}/rendez-vous/nouveau   the booking form — team members
//   POST /personnes/{id}/rendez-vous           book — team members
//   GET  /rendez-vous/{id}                     one appointment — team members
//   POST /rendez-vous/{id}/statut              its status — the professional met or the référent
//   GET  /mon-espace/rendez-vous               the person: their appointments
//   GET|POST /mon-espace/rendez-vous/{id}/excuser   the person: "I cannot come"
#include "features/appointments/routes.h"

#include <fmt/format.h>

#include <chrono>
#include <set>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/appointments/agenda_cache.h"
#include "features/appointments/appointments.h"
#include "features/appointments/policy.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "features/people/web.h"
#include "features/portal/accesses.h"
#include "features/portal/pages.h"

namespace parcours::appointments {
namespace {

using namespace std::chrono;
constexpr std::int64_t kDay = 86400;

constexpr const char* kWeekdays[] = {"dimanche", "lundi",    "mardi", "mercredi",
                                     "jeudi",    "vendredi", "samedi"};
constexpr const char* kMonths[] = {"janvier",   "février", "mars",     "avril",
                                   "mai",       "juin",    "juillet",  "août",
                                   "septembre", "octobre", "novembre", "décembre"};

std::string day_label(std::int64_t days) {
  sys_days d{std::chrono::days{days}};
  year_month_day ymd{d};
  return fmt::format("{} {} {} {}", kWeekdays[weekday{d}.c_encoding()],
                     static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

std::string iso_day(std::int64_t days) {
  year_month_day ymd{sys_days{std::chrono::days{days}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string hour_label(std::int64_t at) {
  std::int64_t local = at + paris_offset_seconds(at);
  std::int64_t in_day = ((local % kDay) + kDay) % kDay;
  return fmt::format("{:02}:{:02}", in_day / 3600, (in_day % 3600) / 60);
}

std::string when_label(const Appointment& a) {
  return day_label(paris_day_number(a.starts_at)) + " à " + hour_label(a.starts_at);
}

std::optional<std::int64_t> path_id(const http::Context& ctx, const char* name) {
  auto it = ctx.request.params.find(name);
  return it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
}

// The persons of `rows`, once each, in the order they first appear.
std::vector<std::int64_t> listed_persons(const std::vector<Appointment>& rows) {
  std::set<std::int64_t> seen;
  std::vector<std::int64_t> persons;
  for (const auto& a : rows) {
    if (seen.insert(a.person_id).second) persons.push_back(a.person_id);
  }
  return persons;
}

void log_persons(http::Context& ctx, const std::vector<std::int64_t>& persons) {
  if (!ctx.actor || persons.empty()) return;
  // One row per person listed, however many of their appointments the page shows.
  std::vector<store::AccessRecord> records;
  records.reserve(persons.size());
  std::string purpose = ctx.request.method + " " + ctx.request.path;
  for (std::int64_t person : persons) {
    records.push_back({.actor_id = ctx.actor->user_id,
                       .person_id = person,
                       .part = "appointments",
                       .purpose = purpose});
  }
  store::log_accesses(ctx.db, records);
}

void log_listed(http::Context& ctx, const std::vector<Appointment>& rows) {
  log_persons(ctx, listed_persons(rows));
}

// The include LIST (templates/appointments/list.tpl) in `dict`, section `name`.
void fill_list(ctemplate::TemplateDictionary& dict, const char* name, const std::string& caption,
               const std::vector<Appointment>& rows, bool with_person, bool with_professional) {
  auto* list = dict.AddIncludeDictionary(name);
  list->SetFilename("appointments/list.tpl");
  list->SetValue("CAPTION"_key, caption);
  if (with_person) list->ShowSection("WITH_PERSON"_key);
  if (with_professional) list->ShowSection("WITH_PROFESSIONAL"_key);
  for (const auto& a : rows) {
    auto* r = list->AddSectionDictionary("ROW"_key);
    r->SetIntValue("ID"_key, a.id);
    std::string day = day_label(paris_day_number(a.starts_at));
    r->SetValue("DAY"_key, day);
    r->SetValue("HOURS"_key, hour_label(a.starts_at) + " – " + hour_label(a.ends_at));
    if (with_person) {
      auto* p = r->AddSectionDictionary("WITH_PERSON"_key);
      p->SetIntValue("PERSON_ID"_key, a.person_id);
      p->SetValue("PERSON"_key, a.person_name);
      p->SetValue("DAY"_key, day);
    }
    if (with_professional) {
      r->SetValueAndShowSection("PROFESSIONAL"_key,
                                a.professional_name + " (" + a.organisation_name + ")",
                                "WITH_PROFESSIONAL"_key);
    }
    r->SetValue("PURPOSE"_key, a.purpose);
    r->SetValue("PLACE_KIND"_key, place_kind_label(a.place_kind));
    r->SetValue("PLACE"_key, a.place);
    r->SetValue("STATUS"_key, status_label(a.status));
    r->SetValue("BADGE"_key, status_badge(a.status));
  }
}

void fill_nav(ctemplate::TemplateDictionary& dict, const std::string& label,
              const std::string& prev_href, const std::string& prev_label,
              const std::string& today_href, const std::string& today_label,
              const std::string& next_href, const std::string& next_label) {
  auto* nav = dict.AddIncludeDictionary("NAV"_key);
  nav->SetFilename("appointments/agenda_nav.tpl");
  nav->SetValue("NAV_LABEL"_key, label);
  nav->SetValue("PREV_HREF"_key, prev_href);
  nav->SetValue("PREV_LABEL"_key, prev_label);
  nav->SetValue("TODAY_HREF"_key, today_href);
  nav->SetValue("TODAY_LABEL"_key, today_label);
  nav->SetValue("NEXT_HREF"_key, next_href);
  nav->SetValue("NEXT_LABEL"_key, next_label);
}

// ---- the agenda ----

// The content of the week page of `key` (its version read before its rows), and who it lists.
std::shared_ptr<const CachedWeek> render_week(http::Context& ctx, const WeekCache::Key& key,
                                              const std::string& title) {
  std::int64_t monday = key.monday;
  auto rows = of_professional(ctx.db, key.user_id, paris_local_to_unix(monday, 0, 0),
                              paris_local_to_unix(monday + 7, 0, 0));
  ctemplate::TemplateDictionary dict("appointments/week");
  dict.SetValue("TITLE"_key, title);
  dict.SetValue("FIRST_DAY"_key, iso_day(key.first_day));
  fill_nav(dict, "Naviguer entre les semaines", "/agenda?semaine=" + iso_day(monday - 7),
           "Semaine précédente", "/agenda", "Cette semaine",
           "/agenda?semaine=" + iso_day(monday + 7), "Semaine suivante");
  if (rows.empty()) {
    dict.ShowSection("EMPTY"_key);
  } else {
    dict.ShowSection("HAS_ROWS"_key);
    fill_list(dict, "LIST", "Mes rendez-vous — " + title, rows, true, false);
  }
  for (std::int64_t d = monday; d < monday + 7; ++d) {
    auto* link = dict.AddSectionDictionary("DAY_LINK"_key);
    link->SetValue("DATE"_key, iso_day(d));
    link->SetValue("LABEL"_key, day_label(d));
    link->SetIntValue("COUNT"_key,
                      std::count_if(rows.begin(), rows.end(), [&](const Appointment& a) {
                        return paris_day_number(a.starts_at) == d;
                      }));
  }
  auto pending = ctx.db.query_one(
      "SELECT COUNT(*) FROM appointments WHERE professional_id = $1 AND status = 'to_update'",
      {key.user_id});
  if (pending && pending->integer(0) > 0) {
    dict.SetIntValue("COUNT"_key, pending->integer(0));
    dict.ShowSection("TO_UPDATE"_key);
  }
  return std::make_shared<const CachedWeek>(
      CachedWeek{html::render("appointments/week.tpl", dict, 32 * 1024), listed_persons(rows)});
}

// GET /agenda[?semaine=YYYY-MM-DD] — a professional: their week, Monday to Sunday. Kept in
// memory by professional and week while their agenda's version stays the same (agenda_cache.h).
http::Response week(http::Context& ctx) {
  if (!ctx.actor || !may_view_agenda(ctx.actor, ctx.actor->user_id)) return html::refuse(ctx);
  // A week of 60 appointments is ≈ 40 KiB: at most ≈ 10 MiB.
  static WeekCache cache(256);
  std::int64_t today = paris_day_number(now_seconds());
  auto asked = parse_day(ctx.request.query_value("semaine"));
  std::int64_t day = asked.value_or(today);
  unsigned wd = weekday{sys_days{std::chrono::days{day}}}.iso_encoding();  // Monday = 1
  std::int64_t monday = day - (wd - 1);
  WeekCache::Key key{.user_id = ctx.actor->user_id,
                     .monday = monday,
                     .first_day = std::max(monday, std::min(today, monday + 6)),
                     .version = agenda_version(ctx.db, ctx.actor->user_id)};
  std::string title = "Semaine du " + day_label(monday) + " au " + day_label(monday + 6);
  auto cached = cache.get(key);
  if (!cached) {
    cached = render_week(ctx, key, title);
    cache.put(key, cached);
  }
  log_persons(ctx, cached->person_ids);
  return html::page_of_content(ctx, "Mon agenda — " + title, cached->content);
}

// GET /agenda/jour[?date=YYYY-MM-DD] — a professional: their day.
http::Response day_view(http::Context& ctx) {
  if (!ctx.actor || !may_view_agenda(ctx.actor, ctx.actor->user_id)) return html::refuse(ctx);
  std::int64_t day =
      parse_day(ctx.request.query_value("date")).value_or(paris_day_number(now_seconds()));
  auto rows = of_professional(ctx.db, ctx.actor->user_id, paris_local_to_unix(day, 0, 0),
                              paris_local_to_unix(day + 1, 0, 0));
  log_listed(ctx, rows);
  ctemplate::TemplateDictionary dict("appointments/day");
  std::string title = day_label(day);
  title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  dict.SetValue("TITLE"_key, title);
  dict.SetValue("DATE"_key, iso_day(day));
  fill_nav(dict, "Naviguer entre les jours", "/agenda/jour?date=" + iso_day(day - 1),
           "Jour précédent", "/agenda/jour", "Aujourd’hui", "/agenda/jour?date=" + iso_day(day + 1),
           "Jour suivant");
  if (rows.empty()) {
    dict.ShowSection("EMPTY"_key);
  } else {
    dict.ShowSection("HAS_ROWS"_key);
    fill_list(dict, "LIST", "Mes rendez-vous — " + title, rows, true, false);
  }
  return html::page(ctx, "Mon agenda — " + title, "appointments/day.tpl", dict);
}

// GET /agenda/a-mettre-a-jour — a professional: theirs; an organisation admin: also their
// organisation's.
http::Response to_update(http::Context& ctx) {
  if (!ctx.actor || !may_view_agenda(ctx.actor, ctx.actor->user_id)) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("appointments/to_update");
  auto section = [&](const std::string& title, const std::vector<Appointment>& rows,
                     bool with_professional) {
    log_listed(ctx, rows);
    auto* s = dict.AddSectionDictionary("LIST_SECTION"_key);
    s->SetValue("TITLE"_key, title);
    if (rows.empty()) {
      s->ShowSection("EMPTY"_key);
    } else {
      s->ShowSection("HAS_ROWS"_key);
      fill_list(*s, "LIST", title, rows, true, with_professional);
    }
  };
  section("Mes rendez-vous à mettre à jour", to_update_of_professional(ctx.db, ctx.actor->user_id),
          false);
  for (std::int64_t org : ctx.actor->organisation_ids()) {
    if (!may_view_organisation_to_update(ctx.actor, org)) continue;
    auto name = ctx.db.query_one("SELECT name FROM organisations WHERE id = $1", {org});
    section("Rendez-vous à mettre à jour — " + (name ? name->text(0) : std::string("structure")),
            to_update_of_organisation(ctx.db, org), true);
  }
  return html::page(ctx, "Rendez-vous à mettre à jour", "appointments/to_update.tpl", dict);
}

// ---- booking ----

std::vector<people::Member> bookable(http::Context& ctx, const people::Journey& journey) {
  return people::team_of(ctx.db, journey.id);
}

void fill_form(http::Context& ctx, ctemplate::TemplateDictionary& parent, std::int64_t person_id,
               const std::vector<people::Member>& team, const AppointmentForm& typed,
               const Error* error) {
  auto* form = parent.AddIncludeDictionary("BOOK_FORM"_key);
  form->SetFilename("appointments/form.tpl");
  form->SetIntValue("PERSON_ID"_key, person_id);
  form->SetValue("CSRF_TOKEN"_key, ctx.csrf_token);
  std::string chosen = typed.professional.empty() && ctx.actor ? std::to_string(ctx.actor->user_id)
                                                               : typed.professional;
  for (const auto& m : team) {
    auto* o = form->AddSectionDictionary("MEMBER_OPTION"_key);
    o->SetIntValue("ID"_key, m.user_id);
    o->SetValue("LABEL"_key,
                m.name + " (" + m.organisation_name + ")" + (m.referent() ? " — référent(e)" : ""));
    if (chosen == std::to_string(m.user_id)) o->ShowSection("SELECTED"_key);
  }
  form->SetValue("DATE"_key, typed.date);
  form->SetValue("TIME"_key, typed.time);
  form->SetValue("DURATION"_key, typed.duration.empty() ? "45" : typed.duration);
  std::string kind = typed.place_kind.empty() ? "address" : typed.place_kind;
  for (const char* code : {"address", "phone", "video"}) {
    auto* o = form->AddSectionDictionary("PLACE_OPTION"_key);
    o->SetValue("CODE"_key, code);
    o->SetValue("LABEL"_key, place_kind_label(code));
    if (kind == code) o->ShowSection("CHECKED"_key);
  }
  form->SetValue("PLACE"_key, typed.place);
  form->SetValue("PURPOSE"_key, typed.purpose);
  if (error) html::show_form_error(*form, *error);
}

template <typename F>
http::Response with_person(http::Context& ctx, F&& handler) {
  auto loaded = people::web::load_person_page(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return handler(std::get<people::web::PersonPage>(loaded));
}

http::Response booking_page(http::Context& ctx, const people::web::PersonPage& p,
                            const AppointmentForm& typed, const Error* error) {
  ctemplate::TemplateDictionary dict("appointments/new");
  dict.SetIntValue("PERSON_ID"_key, p.person.id);
  dict.SetValue("NAME"_key, people::display_name(p.person));
  fill_form(ctx, dict, p.person.id, bookable(ctx, *p.journey), typed, error);
  std::string title = "Rendez-vous avec " + people::display_name(p.person);
  return html::page(ctx, error ? "Erreur — " + title : title, "appointments/new.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/rendez-vous/nouveau — team members of the active journey.
http::Response show_booking(http::Context& ctx) {
  return with_person(ctx, [&](people::web::PersonPage& p) {
    if (!p.journey || !may_book(ctx.actor, p.facts)) return html::refuse(ctx);
    return booking_page(ctx, p, {}, nullptr);
  });
}

// POST /personnes/{id}/rendez-vous — team members of the active journey: professional, date,
// time, duration, place_kind, place, purpose.
http::Response submit_booking(http::Context& ctx) {
  return with_person(ctx, [&](people::web::PersonPage& p) {
    if (!p.journey || !may_book(ctx.actor, p.facts)) return html::refuse(ctx);
    const auto& r = ctx.request;
    AppointmentForm typed{.professional = r.form_value("professional"),
                          .date = r.form_value("date"),
                          .time = r.form_value("time"),
                          .duration = r.form_value("duration"),
                          .place_kind = r.form_value("place_kind"),
                          .place = r.form_value("place"),
                          .purpose = r.form_value("purpose")};
    auto booked = book(
        ctx.db, p.journey->id, typed,
        {ctx.actor->user_id, people::acting_organisation_in(ctx.actor, p.journey->territory_id)},
        now_seconds());
    if (!booked) return booking_page(ctx, p, typed, &booked.error());
    http::set_flash(ctx,
                    "Le rendez-vous est fixé ; la personne le voit dans son espace et "
                    "recevra un rappel par courriel.");
    return http::Response::redirect(people::web::person_path(p.person.id) + "#rendez-vous", 303);
  });
}

// ---- one appointment ----

struct Loaded {
  Appointment appointment;
  people::PersonFacts facts;
};

std::variant<Loaded, http::Response> load(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  auto id = path_id(ctx, "id");
  auto a = id ? find_appointment(ctx.db, *id) : std::nullopt;
  if (!a) return html::error_page(ctx, 404, "Page non trouvée", "Ce rendez-vous n’existe pas.");
  auto facts = people::load_person_facts(ctx.db, ctx.actor, a->person_id, a->territory_id);
  if (!may_view_appointments(ctx.actor, facts) || facts.journey_id != a->journey_id) {
    return html::refuse(ctx);
  }
  return Loaded{*a, facts};
}

http::Response appointment_page(http::Context& ctx, const Loaded& l, const std::string& status,
                                const std::string& message, const Error* error) {
  const Appointment& a = l.appointment;
  ctemplate::TemplateDictionary dict("appointments/show");
  dict.SetIntValue("ID"_key, a.id);
  dict.SetValue("WHEN"_key, when_label(a));
  dict.SetValue("STATUS"_key, status_label(a.status));
  dict.SetValue("BADGE"_key, status_badge(a.status));
  dict.SetIntValue("PERSON_ID"_key, a.person_id);
  dict.SetValue("PERSON"_key, a.person_name);
  dict.SetValue("PROFESSIONAL"_key, a.professional_name);
  dict.SetValue("ORGANISATION"_key, a.organisation_name);
  dict.SetIntValue("DURATION"_key, a.duration_minutes);
  dict.SetValue("PLACE_KIND"_key, place_kind_label(a.place_kind));
  dict.SetValue("PLACE"_key, a.place);
  dict.SetValue("PURPOSE"_key, a.purpose);
  if (!a.status_message.empty()) {
    dict.SetValueAndShowSection("TEXT"_key, a.status_message, "MESSAGE"_key);
  }
  if (error) html::show_form_error(dict, *error);
  bool open = a.status == "planned" || a.status == "to_update";
  if (open && may_set_status(ctx.actor, l.facts, a.professional_id)) {
    auto* form = dict.AddSectionDictionary("CAN_SET"_key);
    for (const char* code : {"seen", "noshow", "excused", "revoked"}) {
      auto* o = form->AddSectionDictionary("STATUS_OPTION"_key);
      o->SetValue("CODE"_key, code);
      o->SetValue("LABEL"_key, status_label(code));
      if (status == code) o->ShowSection("CHECKED"_key);
    }
    form->SetValue("TYPED_MESSAGE"_key, message);
    if (error) html::show_form_error(*form, *error);
  }
  store::log_access(ctx.db, {.actor_id = ctx.actor->user_id,
                             .person_id = a.person_id,
                             .part = "appointments",
                             .purpose = ctx.request.method + " " + ctx.request.path});
  std::string title = "Rendez-vous du " + when_label(a);
  return html::page(ctx, error ? "Erreur — " + title : title, "appointments/show.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /rendez-vous/{id} — team members of the journey.
http::Response show(http::Context& ctx) {
  auto loaded = load(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return appointment_page(ctx, std::get<Loaded>(loaded), "", "", nullptr);
}

// POST /rendez-vous/{id}/statut — the professional met or the journey's référent: status,
// message.
http::Response submit_status(http::Context& ctx) {
  auto loaded = load(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  auto& l = std::get<Loaded>(loaded);
  if (!may_set_status(ctx.actor, l.facts, l.appointment.professional_id)) return html::refuse(ctx);
  std::string status = ctx.request.form_value("status");
  std::string message = ctx.request.form_value("message");
  auto done = change_status(
      ctx.db, l.appointment.id, status, message,
      {ctx.actor->user_id, people::acting_organisation_in(ctx.actor, l.appointment.territory_id)},
      now_seconds());
  if (!done) {
    if (done.error().code == ErrorCode::kNotFound) return html::error_page(ctx, done.error());
    return appointment_page(ctx, l, status, message, &done.error());
  }
  http::set_flash(ctx, std::string("Le rendez-vous est marqué « ") + status_label(status) + " ».");
  return http::Response::redirect("/rendez-vous/" + std::to_string(l.appointment.id), 303);
}

// ---- the person ----

void fill_person_item(ctemplate::TemplateDictionary* item, const Appointment& a) {
  item->SetIntValue("ID"_key, a.id);
  item->SetValue("WHEN"_key, when_label(a));
  item->SetValue("PROFESSIONAL"_key, a.professional_name);
  item->SetValue("ORGANISATION"_key, a.organisation_name);
  item->SetIntValue("DURATION"_key, a.duration_minutes);
  item->SetValue("PLACE_KIND"_key, place_kind_label(a.place_kind));
  item->SetValue("PLACE"_key, a.place);
  item->SetValue("PURPOSE"_key, a.purpose);
  item->SetValue("STATUS"_key, status_label(a.status));
  item->SetValue("BADGE"_key, status_badge(a.status));
}

// GET /mon-espace/rendez-vous — the signed-in person: their appointments.
http::Response person_list(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  std::int64_t now = now_seconds();
  auto all = of_person(ctx.db, *person);
  ctemplate::TemplateDictionary dict("appointments/mine");
  if (all.empty()) dict.ShowSection("NONE"_key);
  ctemplate::TemplateDictionary* coming = nullptr;
  ctemplate::TemplateDictionary* past = nullptr;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {  // coming: soonest first
    const Appointment& a = *it;
    if (!person_may_view(person, a.person_id) || a.ends_at <= now) continue;
    if (!coming) {
      coming = dict.AddSectionDictionary("GROUP"_key);
      coming->SetValue("TITLE"_key, "À venir");
    }
    auto* item = coming->AddSectionDictionary("ITEM"_key);
    fill_person_item(item, a);
    if (person_may_excuse(person, a.person_id, a.status, a.starts_at <= now)) {
      item->ShowSection("CAN_EXCUSE"_key);
    }
  }
  for (const Appointment& a : all) {  // past: latest first
    if (!person_may_view(person, a.person_id) || a.ends_at > now) continue;
    if (!past) {
      past = dict.AddSectionDictionary("GROUP"_key);
      past->SetValue("TITLE"_key, "Passés");
    }
    fill_person_item(past->AddSectionDictionary("ITEM"_key), a);
  }
  store::with_transaction(ctx.db, [&] { portal::log_own_read(ctx.db, *person, "appointments"); });
  return html::page(ctx, "Mes rendez-vous", "appointments/mine.tpl", dict);
}

http::Response excuse_page(http::Context& ctx, const Appointment& a, const std::string& message,
                           const Error* error) {
  ctemplate::TemplateDictionary dict("appointments/excuse");
  fill_person_item(&dict, a);
  dict.SetValue("MESSAGE"_key, message);
  if (error) html::show_form_error(dict, *error);
  return html::page(ctx, error ? "Erreur — Je ne pourrai pas venir" : "Je ne pourrai pas venir",
                    "appointments/excuse.tpl", dict, error ? http_status(error->code) : 200);
}

std::optional<Appointment> own_excusable(http::Context& ctx,
                                         const std::optional<std::int64_t>& person) {
  auto id = path_id(ctx, "id");
  auto a = id ? find_appointment(ctx.db, *id) : std::nullopt;
  if (!a || !person_may_view(person, a->person_id)) return std::nullopt;
  return a;
}

// GET /mon-espace/rendez-vous/{id}/excuser — the signed-in person, their planned appointment.
http::Response show_excuse(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  auto a = own_excusable(ctx, person);
  if (!a) return html::error_page(ctx, 404, "Page non trouvée", "Ce rendez-vous n’existe pas.");
  if (!person_may_excuse(person, a->person_id, a->status, a->starts_at <= now_seconds())) {
    http::set_flash(ctx, "Ce rendez-vous ne peut plus être excusé ici : appelez votre conseiller.");
    return http::Response::redirect("/mon-espace/rendez-vous", 303);
  }
  return excuse_page(ctx, *a, "", nullptr);
}

// POST /mon-espace/rendez-vous/{id}/excuser — the signed-in person: message (optional).
http::Response submit_excuse(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  auto a = own_excusable(ctx, person);
  if (!a) return html::error_page(ctx, 404, "Page non trouvée", "Ce rendez-vous n’existe pas.");
  std::int64_t now = now_seconds();
  std::string message = ctx.request.form_value("message");
  if (!person_may_excuse(person, a->person_id, a->status, a->starts_at <= now)) {
    Error late{ErrorCode::kConflict,
               "Ce rendez-vous ne peut plus être excusé ici : appelez votre conseiller.", ""};
    return excuse_page(ctx, *a, message, &late);
  }
  auto done = excuse_by_person(ctx.db, a->id, *person, message, now, ctx.config.public_url);
  if (!done) return excuse_page(ctx, *a, message, &done.error());
  http::set_flash(ctx, "C’est noté : votre conseiller est prévenu que vous ne pourrez pas venir.");
  return http::Response::redirect("/mon-espace/rendez-vous", 303);
}

}  // namespace

void fill_journey_section(http::Context& ctx, ctemplate::TemplateDictionary& journey_dict,
                          const people::PersonFacts& facts, const people::Journey& journey,
                          const std::vector<people::Member>& team) {
  if (!may_view_appointments(ctx.actor, facts)) return;
  auto* section = journey_dict.AddIncludeDictionary("APPOINTMENTS"_key);
  section->SetFilename("appointments/section.tpl");
  auto all = of_journey(ctx.db, journey.id);
  std::int64_t now = now_seconds();
  std::vector<Appointment> coming, past;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (it->ends_at > now) coming.push_back(*it);
  }
  for (const auto& a : all) {
    if (a.ends_at <= now) past.push_back(a);
  }
  if (all.empty()) section->ShowSection("NONE"_key);
  if (!coming.empty()) {
    fill_list(*section->AddSectionDictionary("COMING"_key), "COMING_LIST", "Rendez-vous à venir",
              coming, false, true);
  }
  if (!past.empty()) {
    fill_list(*section->AddSectionDictionary("PAST"_key), "PAST_LIST", "Rendez-vous passés", past,
              false, true);
  }
  if (journey.active() && may_book(ctx.actor, facts)) {
    fill_form(ctx, *section->AddSectionDictionary("CAN_BOOK"_key), journey.person_id, team, {},
              nullptr);
  }
}

void fill_home_section(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                       std::int64_t person_id) {
  auto* section = dict.AddIncludeDictionary("APPOINTMENTS"_key);
  section->SetFilename("appointments/home_section.tpl");
  std::int64_t now = now_seconds();
  auto all = of_person(ctx.db, person_id);
  ctemplate::TemplateDictionary* items = nullptr;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (it->ends_at <= now || it->status != "planned") continue;
    if (!items) items = section->AddSectionDictionary("HAS_ITEMS"_key);
    fill_person_item(items->AddSectionDictionary("ITEM"_key), *it);
  }
  if (!items) section->ShowSection("NONE"_key);
}

void register_routes(http::Router& router) {
  router.add("GET", "/agenda", week);
  router.add("GET", "/agenda/jour", day_view);
  router.add("GET", "/agenda/a-mettre-a-jour", to_update);
  router.add("GET", "/personnes/{id}/rendez-vous/nouveau", show_booking);
  router.add("POST", "/personnes/{id}/rendez-vous", submit_booking);
  router.add("GET", "/rendez-vous/{id}", show);
  router.add("POST", "/rendez-vous/{id}/statut", submit_status);
  router.add("GET", "/mon-espace/rendez-vous", person_list);
  router.add("GET", "/mon-espace/rendez-vous/{id}/excuser", show_excuse);
  router.add("POST", "/mon-espace/rendez-vous/{id}/excuser", submit_excuse);
}

}  // namespace parcours::appointments

// Appointments on both engines: booking (bad input names the field and writes nothing),
// transitions journaled and told by the carnet de bord, the first meeting with the référent,
// the to_update job, reminders at their exact times with a pinned clock and never twice (even
// after a restart), none for cancelled, past or late-booked appointments, the person excusing,
// and the outbox's attachment delivered as a MIME part.
#include "features/appointments/appointments.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/clock.h"
#include "core/jobs/jobs.h"
#include "core/mail/outbox.h"
#include "core/store/journal.h"
#include "features/appointments/reminders.h"
#include "features/people/events.h"
#include "store/people_fixture.h"

namespace parcours::appointments {
namespace {

// Friday 12 March 2027, 10:00 in Paris (09:00 UTC).
constexpr std::int64_t kNow = 1804842000;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
// Monday 15 March 2027, 10:00 in Paris.
constexpr std::int64_t kMonday10 = kNow + 3 * kDay;
// Its reminders: Saturday 13 and Monday 15 March at 08:00 in Paris (07:00 UTC).
constexpr std::int64_t kD2 = kNow + kDay - 2 * kHour;
constexpr std::int64_t kD0 = kMonday10 - 2 * kHour;
const std::string kUrl = "https://parcours.test";

class AppointmentsTest : public test::PeopleTest {
 protected:
  void SetUp() override {
    PeopleTest::SetUp();
    pin_clock_for_tests(kNow);
    auto conn = db().acquire();
    person_ = conn->query_one(
                      "INSERT INTO persons (territory_id, birth_name, first_names, email, "
                      "created_at, updated_at) VALUES ($1, 'Durand', 'Sofia', "
                      "'sofia@exemple.fr', 0, 0) RETURNING id",
                      {world_.ardennes})
                  ->integer(0);
    journey_ = conn->query_one(
                       "INSERT INTO journeys (person_id, territory_id, status, entry, opened_at, "
                       "last_activity_at) VALUES ($1, $2, 'oriented', 'professional', 0, 0) "
                       "RETURNING id",
                       {person_, world_.ardennes})
                   ->integer(0);
    auto member = [&](std::int64_t user, std::int64_t org, const char* role) {
      conn->execute(
          "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) "
          "VALUES ($1, $2, $3, $4, 0)",
          {journey_, user, org, role});
    };
    member(world_.referent, world_.cd08, "referent");
    member(world_.colleague, world_.mission_locale, "member");
  }

  AppointmentForm form(std::int64_t with, const char* date = "2027-03-15",
                       const char* time = "10:00") {
    return {.professional = std::to_string(with),
            .date = date,
            .time = time,
            .duration = "45",
            .place_kind = "address",
            .place = "2 rue de Clèves, 08000 Charleville-Mézières",
            .purpose = "Point sur la recherche d’emploi"};
  }

  std::int64_t book_monday(std::int64_t with = 0, std::int64_t now = kNow) {
    auto conn = db().acquire();
    auto id = book(*conn, journey_, form(with ? with : world_.referent),
                   {world_.referent, world_.cd08}, now);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }

  std::int64_t count(const std::string& sql, const store::Params& params = {}) {
    auto conn = db().acquire();
    return conn->query_one(sql, params)->integer(0);
  }

  std::vector<store::Event> events(const char* kind) {
    auto conn = db().acquire();
    return store::read_events(*conn, {.limit = 100, .person_id = person_, .kind_prefix = kind});
  }

  std::string told(const store::Event& event) {
    auto conn = db().acquire();
    people::EventNarrator narrator(*conn);
    return narrator.sentence(event);
  }

  int reminders_at(std::int64_t now) {
    auto conn = db().acquire();
    return send_due_reminders(*conn, now, kUrl);
  }

  std::int64_t person_ = 0;
  std::int64_t journey_ = 0;
};

TEST_P(AppointmentsTest, BookingIsStoredInParisTimeAndJournaled) {
  std::int64_t id = book_monday();
  auto conn = db().acquire();
  auto a = find_appointment(*conn, id);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->starts_at, kMonday10);
  EXPECT_EQ(a->ends_at, kMonday10 + 45 * 60);
  EXPECT_EQ(a->status, "planned");
  EXPECT_EQ(a->organisation_id, world_.cd08);
  EXPECT_EQ(a->person_name, "Sofia Durand");
  auto booked = events(kBooked);
  ASSERT_EQ(booked.size(), 1u);
  EXPECT_EQ(booked[0].person_id, person_);
  EXPECT_EQ(told(booked[0]), "Sofia Martin (CD 08) a fixé un rendez-vous le 15 mars 2027 à 10:00");
  // In summer time the offset is two hours: 10:00 in Paris is 08:00 UTC.
  auto summer = book(*conn, journey_, form(world_.colleague, "2027-07-01"),
                     {world_.referent, world_.cd08}, kNow);
  ASSERT_TRUE(summer);
  EXPECT_EQ(find_appointment(*conn, *summer)->starts_at % kDay, 8 * kHour);
  EXPECT_EQ(told(events(kBooked)[1]),
            "Sofia Martin (CD 08) a fixé un rendez-vous le 1 juillet 2027 à 10:00 avec Karim "
            "Benali (Mission locale)");
}

TEST_P(AppointmentsTest, BadInputNamesTheFieldAndWritesNothing) {
  struct Case {
    void (*change)(AppointmentForm&);
    const char* field;
  };
  const Case cases[] = {
      {[](AppointmentForm& f) { f.professional = "999"; }, "professional"},
      {[](AppointmentForm& f) { f.professional = "abc"; }, "professional"},
      {[](AppointmentForm& f) { f.date = "2027-02-30"; }, "date"},
      {[](AppointmentForm& f) { f.date = "15-03-2027"; }, "date"},
      {[](AppointmentForm& f) { f.date = "31/02/2027"; }, "date"},
      {[](AppointmentForm& f) { f.date = "2027-03-11"; }, "date"},  // past
      {[](AppointmentForm& f) { f.date = "2031-03-11"; }, "date"},  // too far
      {[](AppointmentForm& f) { f.time = "25:00"; }, "time"},
      {[](AppointmentForm& f) { f.time = "9h"; }, "time"},
      {[](AppointmentForm& f) { f.duration = "0"; }, "duration"},
      {[](AppointmentForm& f) { f.duration = "600"; }, "duration"},
      {[](AppointmentForm& f) { f.duration = "une heure"; }, "duration"},
      {[](AppointmentForm& f) { f.place_kind = "moon"; }, "place_kind"},
      {[](AppointmentForm& f) { f.place = "ici"; }, "place"},
      {[](AppointmentForm& f) {
         f.place_kind = "phone";
         f.place = "12";
       },
       "place"},
      {[](AppointmentForm& f) {
         f.place_kind = "video";
         f.place = "http://visio.example/x";
       },
       "place"},
      {[](AppointmentForm& f) { f.purpose = " "; }, "purpose"},
      {[](AppointmentForm& f) { f.purpose = std::string(301, 'x'); }, "purpose"},
  };
  auto conn = db().acquire();
  for (const auto& c : cases) {
    AppointmentForm f = form(world_.referent);
    c.change(f);
    auto r = book(*conn, journey_, f, {world_.referent, world_.cd08}, kNow);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  }
  // Someone outside the team cannot be the professional met.
  auto outsider =
      book(*conn, journey_, form(world_.outsider), {world_.referent, world_.cd08}, kNow);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().field, "professional");
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments"), 0);
  EXPECT_TRUE(events("appointment.").empty());
  // A date typed by hand, DD/MM/YYYY, is read as the browser's YYYY-MM-DD.
  AppointmentForm typed = form(world_.referent, "15/03/2027");
  auto by_hand = book(*conn, journey_, typed, {world_.referent, world_.cd08}, kNow);
  ASSERT_TRUE(by_hand);
  EXPECT_EQ(find_appointment(*conn, *by_hand)->starts_at, kMonday10);
  // Phone and video places are accepted in their forms.
  AppointmentForm phone = form(world_.referent);
  phone.place_kind = "phone";
  phone.place = "+33 3 24 00 00 00";
  EXPECT_TRUE(book(*conn, journey_, phone, {world_.referent, world_.cd08}, kNow));
  AppointmentForm video = form(world_.referent);
  video.place_kind = "video";
  video.place = "https://visio.example/rdv-42";
  EXPECT_TRUE(book(*conn, journey_, video, {world_.referent, world_.cd08}, kNow));
}

TEST_P(AppointmentsTest, NoBookingOnAClosedJourney) {
  {
    auto conn = db().acquire();
    conn->execute("UPDATE journeys SET status = 'closed' WHERE id = $1", {journey_});
    auto r = book(*conn, journey_, form(world_.referent), {world_.referent, world_.cd08}, kNow);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments"), 0);
}

TEST_P(AppointmentsTest, StatusChangesAreJournaledAndFinalStatusesStay) {
  std::int64_t id = book_monday(world_.colleague);
  auto conn = db().acquire();
  Actor karim{world_.colleague, world_.mission_locale};
  // Not started yet: neither seen nor noshow.
  auto early = change_status(*conn, id, "seen", "", karim, kNow);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().field, "status");
  auto planned = change_status(*conn, id, "planned", "", karim, kNow);
  ASSERT_FALSE(planned);
  EXPECT_EQ(find_appointment(*conn, id)->status, "planned");
  // After the start: seen, then nothing more.
  ASSERT_TRUE(change_status(*conn, id, "seen", "Bon échange.", karim, kMonday10 + kHour));
  auto a = find_appointment(*conn, id);
  EXPECT_EQ(a->status, "seen");
  EXPECT_EQ(a->status_message, "Bon échange.");
  auto again = change_status(*conn, id, "noshow", "", karim, kMonday10 + kHour);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(find_appointment(*conn, id)->status, "seen");
  auto changed = events(kStatusChanged);
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(told(changed[0]),
            "Karim Benali (Mission locale) a indiqué que la personne est venue au rendez-vous du "
            "15 mars 2027 à 10:00");
  // Seen with a member who is not the référent: no first meeting recorded.
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM journeys WHERE id = $1 AND first_meeting_at IS NULL", {journey_}),
      1);
  // A message too long is refused, naming its field.
  std::int64_t other = book_monday();
  auto longer = change_status(*conn, other, "revoked", std::string(501, 'x'),
                              {world_.referent, world_.cd08}, kNow);
  ASSERT_FALSE(longer);
  EXPECT_EQ(longer.error().field, "message");
  ASSERT_TRUE(change_status(*conn, other, "revoked", "", {world_.referent, world_.cd08}, kNow));
  EXPECT_EQ(told(events(kStatusChanged)[1]),
            "Sofia Martin (CD 08) a annulé le rendez-vous du 15 mars 2027 à 10:00");
}

TEST_P(AppointmentsTest, FirstAppointmentSeenWithTheReferentRecordsTheFirstMeeting) {
  std::int64_t id = book_monday();
  pin_clock_for_tests(kMonday10 + kHour);
  auto conn = db().acquire();
  ASSERT_TRUE(
      change_status(*conn, id, "seen", "", {world_.referent, world_.cd08}, kMonday10 + kHour));
  auto j =
      conn->query_one("SELECT first_meeting_at, status FROM journeys WHERE id = $1", {journey_});
  EXPECT_EQ(j->integer(0), kMonday10 + kHour);
  EXPECT_EQ(j->text(1), "accompanied");
  EXPECT_EQ(events("orientation.first_meeting").size(), 1u);
  // A second one seen changes nothing more (no conflict either).
  std::int64_t second = book_monday(0, kNow);
  ASSERT_TRUE(
      change_status(*conn, second, "seen", "", {world_.referent, world_.cd08}, kMonday10 + kHour));
  EXPECT_EQ(events("orientation.first_meeting").size(), 1u);
}

TEST_P(AppointmentsTest, PastAppointmentsWithoutStatusBecomeToUpdate) {
  std::int64_t monday = book_monday();
  auto conn = db().acquire();
  auto later = book(*conn, journey_, form(world_.referent, "2027-03-16"),
                    {world_.referent, world_.cd08}, kNow);
  ASSERT_TRUE(later);
  std::int64_t ended = kMonday10 + 45 * 60;
  EXPECT_EQ(mark_to_update(*conn, ended - 1), 0);
  EXPECT_EQ(mark_to_update(*conn, ended), 1);
  EXPECT_EQ(mark_to_update(*conn, ended), 0);
  EXPECT_EQ(find_appointment(*conn, monday)->status, "to_update");
  EXPECT_EQ(find_appointment(*conn, *later)->status, "planned");
  auto marked = events(kStatusChanged);
  ASSERT_EQ(marked.size(), 1u);
  EXPECT_FALSE(marked[0].actor_id);
  EXPECT_EQ(told(marked[0]),
            "Le rendez-vous du 15 mars 2027 à 10:00 est passé sans statut : il est à mettre à "
            "jour");
  // Listed for the professional and their organisation; then it can be filled in.
  EXPECT_EQ(to_update_of_professional(*conn, world_.referent).size(), 1u);
  EXPECT_EQ(to_update_of_organisation(*conn, world_.cd08).size(), 1u);
  EXPECT_TRUE(to_update_of_organisation(*conn, world_.mission_locale).empty());
  ASSERT_TRUE(change_status(*conn, monday, "noshow", "", {world_.referent, world_.cd08}, ended));
  EXPECT_TRUE(to_update_of_professional(*conn, world_.referent).empty());
}

TEST_P(AppointmentsTest, RemindersAtD2AndD0EightOClockParisExactlyOnce) {
  std::int64_t id = book_monday();
  EXPECT_EQ(reminder_due_at(kMonday10, 2), kD2);
  EXPECT_EQ(reminder_due_at(kMonday10, 0), kD0);
  EXPECT_EQ(reminders_at(kD2 - 1), 0);
  EXPECT_EQ(reminders_at(kD2), 1);
  EXPECT_EQ(reminders_at(kD2), 0);
  EXPECT_EQ(reminders_at(kD2 + kHour), 0);
  EXPECT_EQ(reminders_at(kD0 - 1), 0);
  EXPECT_EQ(reminders_at(kD0), 1);
  EXPECT_EQ(reminders_at(kD0 + 60), 0);
  EXPECT_EQ(reminders_at(kMonday10 + 60), 0);
  auto conn = db().acquire();
  auto mails = conn->query(
      "SELECT o.to_address, o.subject, o.body, o.attachment_name, o.attachment_type, "
      "o.attachment, r.kind, r.sent_at FROM appointment_reminders r JOIN outbox o ON o.id = "
      "r.outbox_id WHERE r.appointment_id = $1 ORDER BY r.sent_at",
      {id});
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[0].text(6), "d2");
  EXPECT_EQ(mails[0].integer(7), kD2);
  EXPECT_EQ(mails[1].text(6), "d0");
  EXPECT_EQ(mails[0].text(0), "sofia@exemple.fr");
  EXPECT_EQ(mails[0].text(1), "Rappel : rendez-vous le 15 mars 2027 à 10:00");
  EXPECT_NE(mails[0].text(2).find("dans deux jours"), std::string::npos);
  EXPECT_NE(mails[1].text(2).find("aujourd’hui"), std::string::npos);
  EXPECT_NE(mails[0].text(2).find(kUrl + "/mon-espace/rendez-vous"), std::string::npos);
  EXPECT_EQ(mails[0].text(3), "rendez-vous.ics");
  EXPECT_NE(mails[0].text(4).find("text/calendar"), std::string::npos);
  std::string calendar = mails[0].text(5);
  EXPECT_NE(calendar.find("UID:appointment-" + std::to_string(id) + "@parcours.test\r\n"),
            std::string::npos);
  EXPECT_NE(calendar.find("DTSTART:20270315T090000Z\r\n"), std::string::npos);
  EXPECT_NE(calendar.find("DTEND:20270315T094500Z\r\n"), std::string::npos);
  EXPECT_NE(calendar.find("DTSTAMP:20270313T070000Z\r\n"), std::string::npos);
  EXPECT_NE(calendar.find("LOCATION:2 rue de Clèves\\, 08000 Charleville-Mézières\r\n"),
            std::string::npos);
}

TEST_P(AppointmentsTest, NoDuplicateReminderAfterARestart) {
  book_monday();
  pin_clock_for_tests(kD2);
  auto run_server = [&] {
    jobs::JobRunner runner(db(), "serve-test");
    runner.on("mail.send", [](store::Connection&, const jobs::Job&) {});
    register_jobs(runner, db(), kUrl, 0);
    return runner.run_due();
  };
  EXPECT_GE(run_server(), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointment_reminders"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE attachment_name IS NOT NULL"), 1);
  // The sweep queued itself again, once, for later.
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status = 'queued'", {kSweepJob}),
            1);
  EXPECT_GT(count("SELECT run_at FROM jobs WHERE kind = $1 AND status = 'queued'", {kSweepJob}),
            kD2);
  // A restart at the same instant: the sweep runs again and sends nothing more.
  EXPECT_GE(run_server(), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE attachment_name IS NOT NULL"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status = 'queued'", {kSweepJob}),
            1);
  // The next sweep falls due at D-0 at the latest... and sends the D-0 one.
  pin_clock_for_tests(kD0);
  run_server();
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE attachment_name IS NOT NULL"), 2);
}

TEST_P(AppointmentsTest, NoReminderForCancelledPastOrLateBookedAppointments) {
  std::int64_t cancelled = book_monday();
  {
    auto conn = db().acquire();
    ASSERT_TRUE(
        change_status(*conn, cancelled, "revoked", "", {world_.referent, world_.cd08}, kNow));
  }
  // Booked on Sunday for Monday: the D-2 moment was before the booking, only D-0 is sent.
  std::int64_t late = book_monday(0, kD2 + kDay);
  EXPECT_EQ(reminders_at(kD2 + kDay + 60), 0);
  EXPECT_EQ(reminders_at(kD0), 1);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM appointment_reminders WHERE appointment_id = $1", {cancelled}),
      0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointment_reminders WHERE appointment_id = $1 AND "
                  "kind = 'd0'",
                  {late}),
            1);
  // A person without an email address: recorded as done, no mail.
  auto conn = db().acquire();
  conn->execute("UPDATE persons SET email = NULL WHERE id = $1", {person_});
  auto tuesday = book(*conn, journey_, form(world_.referent, "2027-03-16"),
                      {world_.referent, world_.cd08}, kNow);
  ASSERT_TRUE(tuesday);
  std::int64_t mails = count("SELECT COUNT(*) FROM outbox");
  EXPECT_EQ(reminders_at(kD0), 0);  // Tuesday’s D-2 is due (late): recorded, no mail
  EXPECT_EQ(reminders_at(kD2 + kDay), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), mails);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointment_reminders WHERE appointment_id = $1 AND "
                  "outbox_id IS NULL",
                  {*tuesday}),
            1);
}

TEST_P(AppointmentsTest, ThePersonExcusesAndTheProfessionalIsTold) {
  std::int64_t id = book_monday();
  auto conn = db().acquire();
  // Another person's appointment is not found; a message too long names its field.
  auto stranger = excuse_by_person(*conn, id, person_ + 1000, "", kNow, kUrl);
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().code, ErrorCode::kNotFound);
  auto longer = excuse_by_person(*conn, id, person_, std::string(501, 'x'), kNow, kUrl);
  ASSERT_FALSE(longer);
  EXPECT_EQ(longer.error().field, "message");
  auto started = excuse_by_person(*conn, id, person_, "", kMonday10, kUrl);
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().code, ErrorCode::kConflict);
  EXPECT_EQ(find_appointment(*conn, id)->status, "planned");

  ASSERT_TRUE(excuse_by_person(*conn, id, person_, "Je suis malade.", kNow, kUrl));
  auto a = find_appointment(*conn, id);
  EXPECT_EQ(a->status, "excused");
  EXPECT_EQ(a->status_message, "Je suis malade.");
  auto excused = events(kExcused);
  ASSERT_EQ(excused.size(), 1u);
  EXPECT_FALSE(excused[0].actor_id);
  EXPECT_EQ(told(excused[0]),
            "La personne a prévenu qu’elle ne pourra pas venir au rendez-vous du 15 mars 2027 à "
            "10:00");
  auto mail = conn->query_one("SELECT to_address, subject, body FROM outbox ORDER BY id DESC");
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->text(0), "referent@test.fr");
  EXPECT_EQ(mail->text(1), "Rendez-vous excusé : Sofia Durand, 15 mars 2027 à 10:00");
  EXPECT_NE(mail->text(2).find("« Je suis malade. »"), std::string::npos);
  // Once excused: neither again nor a reminder.
  EXPECT_FALSE(excuse_by_person(*conn, id, person_, "", kNow, kUrl));
  EXPECT_EQ(reminders_at(kD2), 0);
}

// The version the week agenda's cache compares (agenda_cache.h): every change of one of the
// professional's appointments, from every write path, and every rename of a person they meet
// changes it; nothing else does, and another professional's version stays.
TEST_P(AppointmentsTest, AgendaVersionChangesWithEveryChangeTheAgendaShows) {
  auto conn = db().acquire();
  std::int64_t colleague_before = agenda_version(*conn, world_.colleague);
  std::int64_t v0 = agenda_version(*conn, world_.referent);
  EXPECT_EQ(agenda_version(*conn, world_.referent), v0);  // reading changes nothing
  std::int64_t id = book_monday();
  std::int64_t booked = agenda_version(*conn, world_.referent);
  EXPECT_NE(booked, v0);
  EXPECT_EQ(agenda_version(*conn, world_.colleague), colleague_before);

  ASSERT_TRUE(excuse_by_person(*conn, id, person_, "", kNow, kUrl));
  std::int64_t excused = agenda_version(*conn, world_.referent);
  EXPECT_NE(excused, booked);

  std::int64_t other = book_monday();
  std::int64_t ended = kMonday10 + 45 * 60;
  std::int64_t before_job = agenda_version(*conn, world_.referent);
  EXPECT_NE(before_job, excused);
  ASSERT_EQ(mark_to_update(*conn, ended), 1);
  std::int64_t marked = agenda_version(*conn, world_.referent);
  EXPECT_NE(marked, before_job);
  ASSERT_TRUE(change_status(*conn, other, "seen", "", {world_.referent, world_.cd08}, ended));
  std::int64_t seen = agenda_version(*conn, world_.referent);
  EXPECT_NE(seen, marked);

  // The person's names shown in the agenda; their other fields are not shown.
  conn->execute("UPDATE persons SET email = 'autre@exemple.fr' WHERE id = $1", {person_});
  EXPECT_EQ(agenda_version(*conn, world_.referent), seen);
  conn->execute("UPDATE persons SET first_names = first_names WHERE id = $1", {person_});
  EXPECT_EQ(agenda_version(*conn, world_.referent), seen);
  std::int64_t last = seen;
  for (const char* column : {"first_names", "usage_name", "birth_name"}) {
    conn->execute(fmt::format("UPDATE persons SET {} = 'Autre' WHERE id = $1", column), {person_});
    std::int64_t renamed = agenda_version(*conn, world_.referent);
    EXPECT_NE(renamed, last) << column;
    last = renamed;
  }
  EXPECT_EQ(agenda_version(*conn, world_.colleague), colleague_before);

  // An appointment moved to another professional changes both agendas; a deletion changes the
  // agenda it leaves.
  conn->execute("UPDATE appointments SET professional_id = $2 WHERE id = $1",
                {other, world_.colleague});
  std::int64_t moved = agenda_version(*conn, world_.referent);
  EXPECT_NE(moved, last);
  std::int64_t colleague_moved = agenda_version(*conn, world_.colleague);
  EXPECT_NE(colleague_moved, colleague_before);
  conn->execute("DELETE FROM appointments WHERE id = $1", {id});
  EXPECT_NE(agenda_version(*conn, world_.referent), moved);
  EXPECT_EQ(agenda_version(*conn, world_.colleague), colleague_moved);
  conn->execute("DELETE FROM appointments WHERE id = $1", {other});
  EXPECT_NE(agenda_version(*conn, world_.colleague), colleague_moved);
}

TEST_P(AppointmentsTest, OutboxDeliversTheAttachmentAsAMimePart) {
  auto dir = std::filesystem::temp_directory_path() /
             ("parcours-appointments-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  auto conn = db().acquire();
  std::int64_t id = mail::queue_mail(*conn, {.to = "sofia@exemple.fr",
                                             .subject = "Rappel",
                                             .text = "Bonjour",
                                             .attachment_name = "rendez-vous.ics",
                                             .attachment_type = "text/calendar; method=PUBLISH",
                                             .attachment = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"});
  mail::deliver(*conn, id, "file:" + dir.string(), "Parcours <ne-pas-repondre@parcours.test>");
  std::ifstream in(dir / (std::to_string(id) + ".eml"), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::string eml = text.str();
  std::filesystem::remove_all(dir);
  EXPECT_NE(eml.find("Content-Type: multipart/mixed; boundary="), std::string::npos);
  EXPECT_NE(eml.find("Content-Disposition: attachment; filename=\"rendez-vous.ics\"\r\n"),
            std::string::npos);
  EXPECT_NE(eml.find("Content-Type: text/calendar; method=PUBLISH; name=\"rendez-vous.ics\""),
            std::string::npos);
  // base64 of "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
  EXPECT_NE(eml.find("QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=\r\n"), std::string::npos);
  EXPECT_NE(eml.find("\r\n\r\nBonjour\r\n"), std::string::npos);
  // A mail without attachment stays a single text/plain part.
  std::int64_t plain = mail::queue_mail(*conn, {"sofia@exemple.fr", "Bonjour", "Texte"});
  EXPECT_TRUE(
      conn->query_one("SELECT attachment_name FROM outbox WHERE id = $1", {plain})->is_null(0));
}

INSTANTIATE_TEST_SUITE_P(Engines, AppointmentsTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::appointments

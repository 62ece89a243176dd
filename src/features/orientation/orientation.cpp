#include "features/orientation/orientation.h"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/mail/outbox.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/orientation/referents.h"
#include "features/people/events.h"
#include "features/people/journeys.h"

namespace parcours::orientation {
namespace {

namespace json = boost::json;
using namespace std::chrono;

std::string person_name(const std::string& first, const std::string& usage,
                        const std::string& birth) {
  return first + " " + (usage.empty() ? birth : usage);
}

// Smallest entry day whose deadline falls after `limit` (deadlines never decrease with the
// entry day, so a binary search over a window wide enough for 365 working days).
Day first_entry_with_deadline_after(Day limit, const DeadlineRule& rule) {
  if (!rule.working_days) return limit - days{rule.days} + days{1};
  Day lo = limit - days{rule.days * 2 + 40};  // deadline(lo) <= limit
  Day hi = limit + days{1};                   // deadline(hi) > limit
  while (hi - lo > days{1}) {
    Day mid = lo + (hi - lo) / 2;
    if (deadline_day(mid, rule) > limit) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return hi;
}

bool parse_cursor(const std::string& text, std::int64_t& at, std::int64_t& id) {
  auto dot = text.find('.');
  if (dot == std::string::npos) return false;
  auto a = text::parse_id(text.substr(0, dot));
  auto b = text::parse_id(text.substr(dot + 1));
  if (!a || !b) return false;
  at = *a;
  id = *b;
  return true;
}

void mail_to(store::Connection& conn, const std::string& to, const std::string& subject,
             const std::string& body) {
  if (to.empty()) return;
  mail::queue_mail(conn, {.to = to, .subject = subject, .text = body});
}

struct JourneyInfo {
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  std::string status;
  std::string person_email;
  std::string first_names;
};

std::optional<JourneyInfo> journey_info(store::Connection& conn, std::int64_t journey_id) {
  auto r = conn.query_one(
      "SELECT j.person_id, j.territory_id, j.status, COALESCE(p.email, ''), p.first_names "
      "FROM journeys j JOIN persons p ON p.id = j.person_id WHERE j.id = $1",
      {journey_id});
  if (!r) return std::nullopt;
  return JourneyInfo{r->integer(0), r->integer(1), r->text(2), r->text(3), r->text(4)};
}

std::vector<std::string> reasons_from(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
  }
  return out;
}

constexpr const char* kSelectOrientation =
    "SELECT o.id, o.journey_id, o.route, o.organisation_id, org.name, o.referent_id, "
    "COALESCE(u.name, ''), o.reason, o.suggested_route, o.suggestion_reasons, "
    "o.followed_suggestion, o.decided_by, d.name, o.decided_at FROM orientations o "
    "JOIN organisations org ON org.id = o.organisation_id "
    "LEFT JOIN users u ON u.id = o.referent_id JOIN users d ON d.id = o.decided_by ";

Orientation orientation_from(const store::Row& r) {
  Orientation o;
  o.id = r.integer(0);
  o.journey_id = r.integer(1);
  o.route = r.text(2);
  o.organisation_id = r.integer(3);
  o.organisation_name = r.text(4);
  o.referent_id = r.opt_integer(5);
  o.referent_name = r.text(6);
  o.reason = r.text(7);
  o.suggested_route = r.opt_text(8);
  o.suggestion_reasons = reasons_from(r.text(9));
  if (!r.is_null(10)) o.followed_suggestion = r.boolean(10);
  o.decided_by = r.integer(11);
  o.decided_by_name = r.text(12);
  o.decided_at = r.integer(13);
  return o;
}

ReorientationRequest request_from(const store::Row& r) {
  return {.id = r.integer(0),
          .journey_id = r.integer(1),
          .requested_by = r.integer(2),
          .requested_by_name = r.text(3),
          .reason = r.text(4),
          .status = r.text(5),
          .answer = r.text(6),
          .answered_by = r.opt_integer(7),
          .answered_at = r.opt_integer(8),
          .created_at = r.integer(9)};
}

constexpr const char* kSelectRequest =
    "SELECT r.id, r.journey_id, r.requested_by, u.name, r.reason, r.status, r.answer, "
    "r.answered_by, r.answered_at, r.created_at FROM reorientation_requests r "
    "JOIN users u ON u.id = r.requested_by ";

Result<std::string> checked_text(const std::string& typed, const char* field, const char* what,
                                 std::size_t min, std::size_t max) {
  std::string t = text::trim(typed);
  if (t.size() < min || t.size() > max) {
    return fail(ErrorCode::kInvalid,
                fmt::format("Indiquez {} (de {} à {} caractères).", what, min, max), field);
  }
  return t;
}

}  // namespace

DeadlineRule deadline_rule_of(store::Connection& conn, std::int64_t territory_id) {
  DeadlineRule rule;
  if (auto r = conn.query_one(
          "SELECT orientation_deadline_days, deadline_working_days, EXISTS (SELECT 1 FROM "
          "territory_departements d WHERE d.territory_id = t.id AND d.departement_code IN "
          "('57', '67', '68')) FROM territories t WHERE t.id = $1",
          {territory_id})) {
    rule.days = static_cast<int>(r->integer(0));
    rule.working_days = r->boolean(1);
    rule.alsace_moselle = r->boolean(2);
  }
  return rule;
}

std::int64_t paris_midnight(Day day) {
  std::int64_t utc = duration_cast<seconds>(day.time_since_epoch()).count();
  for (std::int64_t offset : {7200, 3600}) {
    std::int64_t t = utc - offset;
    if (paris_day(t) == day && paris_day(t - 1) != day) return t;
  }
  return utc - 3600;
}

DeadlineCutoffs deadline_cutoffs(Day today, const DeadlineRule& rule) {
  return {paris_midnight(first_entry_with_deadline_after(today - days{1}, rule)),
          paris_midnight(first_entry_with_deadline_after(today + days{kDueSoonDays}, rule))};
}

Result<void> validate_filter(const QueueFilter& f) {
  if (f.status != "to_orient" && f.status != "reorientation") {
    return fail(ErrorCode::kInvalid, "Le filtre « statut » n’est pas reconnu.", "statut");
  }
  if (!f.entry.empty() && !people::parse_entry(f.entry)) {
    return fail(ErrorCode::kInvalid, "Le filtre « porte d’entrée » n’est pas reconnu.", "entree");
  }
  if (!f.deadline.empty() && f.deadline != "on_time" && f.deadline != "due_soon" &&
      f.deadline != "late") {
    return fail(ErrorCode::kInvalid, "Le filtre « échéance » n’est pas reconnu.", "echeance");
  }
  if (f.sort != "oldest" && f.sort != "newest") {
    return fail(ErrorCode::kInvalid, "Le tri demandé n’est pas reconnu.", "tri");
  }
  auto digits = [](const std::string& s, std::size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) {
             return std::isdigit(static_cast<unsigned char>(c)) || c == 'A' || c == 'B';
           });
  };
  if (!f.commune_code.empty() && !digits(f.commune_code, 5)) {
    return fail(ErrorCode::kInvalid, "Le code commune doit compter 5 caractères (code INSEE).",
                "commune");
  }
  if (!f.epci_code.empty() && !digits(f.epci_code, 9)) {
    return fail(ErrorCode::kInvalid, "Le code de l’EPCI doit compter 9 chiffres (SIREN).", "epci");
  }
  std::int64_t at = 0, id = 0;
  if (!f.after.empty() && !parse_cursor(f.after, at, id)) {
    return fail(ErrorCode::kInvalid, "La page demandée n’existe pas.", "apres");
  }
  return {};
}

QueuePage list_queue(store::Connection& conn, const QueueFilter& f, Day today) {
  DeadlineRule rule = deadline_rule_of(conn, f.territory_id);
  std::string sql =
      "SELECT j.id, j.person_id, p.first_names, p.usage_name, p.birth_name, "
      "COALESCE(c.name, ''), j.entry, j.opened_at, EXISTS (SELECT 1 FROM reorientation_requests "
      "r WHERE r.journey_id = j.id AND r.status = 'pending') FROM journeys j "
      "JOIN persons p ON p.id = j.person_id LEFT JOIN communes c ON c.code = p.commune_code "
      "WHERE j.territory_id = $1 ";
  store::Params params{f.territory_id};
  auto next = [&](store::Value v) {
    params.add(std::move(v));
    return "$" + std::to_string(params.values().size());
  };
  if (f.status == "reorientation") {
    sql +=
        "AND j.status <> 'closed' AND EXISTS (SELECT 1 FROM reorientation_requests r WHERE "
        "r.journey_id = j.id AND r.status = 'pending') ";
  } else {
    sql += "AND j.status = 'to_orient' ";
  }
  if (!f.commune_code.empty()) sql += "AND p.commune_code = " + next(f.commune_code) + " ";
  if (!f.epci_code.empty()) sql += "AND c.epci_code = " + next(f.epci_code) + " ";
  if (!f.entry.empty()) sql += "AND j.entry = " + next(f.entry) + " ";
  if (!f.deadline.empty()) {
    auto cut = deadline_cutoffs(today, rule);
    if (f.deadline == "late") sql += "AND j.opened_at < " + next(cut.late_before) + " ";
    if (f.deadline == "due_soon") {
      sql += "AND j.opened_at >= " + next(cut.late_before) + " AND j.opened_at < " +
             next(cut.on_time_from) + " ";
    }
    if (f.deadline == "on_time") sql += "AND j.opened_at >= " + next(cut.on_time_from) + " ";
  }
  bool newest = f.sort == "newest";
  std::int64_t at = 0, id = 0;
  if (!f.after.empty() && parse_cursor(f.after, at, id)) {
    std::string a = next(at);
    std::string b = next(id);
    // The redundant bound lets both engines range-scan the (territory, status, opened_at) index.
    sql += newest ? "AND j.opened_at <= " + a + " AND (j.opened_at < " + a +
                        " OR (j.opened_at = " + a + " AND j.id < " + b + ")) "
                  : "AND j.opened_at >= " + a + " AND (j.opened_at > " + a +
                        " OR (j.opened_at = " + a + " AND j.id > " + b + ")) ";
  }
  sql += newest ? "ORDER BY j.opened_at DESC, j.id DESC " : "ORDER BY j.opened_at, j.id ";
  sql += "LIMIT " + next(static_cast<std::int64_t>(f.limit + 1));
  QueuePage page;
  for (const auto& r : conn.query(sql, params)) {
    QueueRow row;
    row.journey_id = r.integer(0);
    row.person_id = r.integer(1);
    row.name = person_name(r.text(2), r.text(3), r.text(4));
    row.commune = r.text(5);
    row.entry = r.text(6);
    row.opened_at = r.integer(7);
    row.reorientation_pending = r.boolean(8);
    Day entry = paris_day(row.opened_at);
    row.days_since_entry = static_cast<int>((today - entry).count());
    row.deadline = deadline_day(entry, rule);
    row.status = deadline_status(today, row.deadline);
    page.rows.push_back(std::move(row));
  }
  if (page.rows.size() > static_cast<std::size_t>(f.limit)) {
    page.rows.pop_back();
    const auto& last = page.rows.back();
    page.next = std::to_string(last.opened_at) + "." + std::to_string(last.journey_id);
  }
  return page;
}

std::int64_t queue_size(store::Connection& conn, std::int64_t territory_id) {
  return conn
      .query_one("SELECT COUNT(*) FROM journeys WHERE territory_id = $1 AND status = 'to_orient'",
                 {territory_id})
      ->integer(0);
}

std::optional<Orientation> current_orientation(store::Connection& conn, std::int64_t journey_id) {
  auto r = conn.query_one(std::string(kSelectOrientation) +
                              "WHERE o.journey_id = $1 ORDER BY o.decided_at DESC, o.id DESC "
                              "LIMIT 1",
                          {journey_id});
  if (!r) return std::nullopt;
  return orientation_from(*r);
}

std::vector<Choice> organisations_for(store::Connection& conn, std::int64_t territory_id) {
  std::vector<Choice> out;
  for (const auto& r : conn.query("SELECT id, name FROM organisations WHERE territory_id = $1 "
                                  "AND active = 1 ORDER BY name, id",
                                  {territory_id})) {
    out.push_back({r.integer(0), r.text(1), r.integer(0)});
  }
  return out;
}

std::vector<Choice> referents_for(store::Connection& conn, std::int64_t territory_id) {
  std::vector<Choice> out;
  for (const auto& r : conn.query(
           "SELECT u.id, u.name, o.name, o.id FROM user_roles r JOIN users u ON u.id = r.user_id "
           "JOIN organisations o ON o.id = r.organisation_id WHERE o.territory_id = $1 AND "
           "o.active = 1 AND u.active = 1 AND r.active = 1 AND r.referent = 1 AND r.role IN "
           "('professional', 'org_admin') ORDER BY o.name, u.name, u.id",
           {territory_id})) {
    out.push_back({r.integer(0), r.text(1) + " — " + r.text(2), r.integer(3)});
  }
  return out;
}

Result<std::int64_t> decide(store::Connection& conn, const Decision& d) {
  if (!valid_route(d.route)) {
    return fail(ErrorCode::kInvalid,
                "Choisissez le parcours : professionnel, socio-professionnel "
                "ou social.",
                "route");
  }
  auto organisation = text::parse_id(d.organisation_id);
  if (!organisation) {
    return fail(ErrorCode::kInvalid, "Choisissez la structure chargée de l’accompagnement.",
                "organisation_id");
  }
  std::optional<std::int64_t> referent;
  // "user" or "user-organisation" (the list offers a référent once per organisation).
  std::optional<std::int64_t> referent_org;
  if (std::string typed = text::trim(d.referent); !typed.empty()) {
    auto dash = typed.find('-');
    referent = text::parse_id(typed.substr(0, dash));
    if (dash != std::string::npos) referent_org = text::parse_id(typed.substr(dash + 1));
    if (!referent || (dash != std::string::npos && !referent_org)) {
      return fail(ErrorCode::kInvalid, "Choisissez le référent dans la liste.", "referent");
    }
  }
  auto reason = checked_text(d.reason, "reason", "le motif de la décision", 10, 2000);
  if (!reason) return std::unexpected(reason.error());
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto j = journey_info(conn, d.journey_id);
    if (!j) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
    auto pending = pending_reorientation(conn, d.journey_id);
    if (j->status != "to_orient" && !(pending && j->status != "closed")) {
      return fail(ErrorCode::kConflict,
                  "Ce parcours n’attend pas d’orientation : il a déjà été orienté.", "route");
    }
    auto org = conn.query_one(
        "SELECT name, email FROM organisations WHERE id = $1 AND territory_id = $2 AND active = 1",
        {*organisation, j->territory_id});
    if (!org) {
      return fail(ErrorCode::kInvalid,
                  "Choisissez une structure active du territoire de la personne.",
                  "organisation_id");
    }
    std::string referent_email;
    if (referent) {
      auto r = conn.query_one(
          "SELECT u.email FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.user_id = $1 "
          "AND r.organisation_id = $2 AND r.active = 1 AND u.active = 1 AND r.referent = 1 AND "
          "r.role IN ('professional', 'org_admin')",
          {*referent, *organisation});
      if (!r || (referent_org && *referent_org != *organisation)) {
        return fail(ErrorCode::kInvalid,
                    "Ce professionnel n’est pas référent de parcours dans la structure choisie.",
                    "referent");
      }
      referent_email = r->text(0);
    }
    Suggestion s = suggest_for(conn, d.journey_id);
    json::array reasons;
    for (const auto& r : s.reasons) reasons.emplace_back(r);
    std::optional<std::int64_t> followed;
    if (s.route) followed = *s.route == d.route ? 1 : 0;
    std::int64_t now = now_seconds();
    auto previous = current_orientation(conn, d.journey_id);
    auto row = conn.query_one(
        "INSERT INTO orientations (journey_id, route, organisation_id, referent_id, reason, "
        "suggested_route, suggestion_reasons, followed_suggestion, decided_by, decided_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        {d.journey_id, d.route, *organisation, store::opt(referent), *reason, store::opt(s.route),
         json::serialize(reasons), store::opt(followed), d.actor_id, now});
    std::int64_t id = row->integer(0);
    if (previous) {
      conn.execute("UPDATE orientations SET replaced_by = $2 WHERE id = $1", {previous->id, id});
    }
    conn.execute("UPDATE journeys SET status = 'oriented', last_activity_at = $2 WHERE id = $1",
                 {d.journey_id, now});
    json::object payload{{"journey_id", d.journey_id},
                         {"orientation_id", id},
                         {"route", d.route},
                         {"organisation_id", *organisation}};
    if (referent) payload["referent_id"] = *referent;
    if (followed) payload["followed_suggestion"] = *followed == 1;
    if (pending) {
      conn.execute(
          "UPDATE reorientation_requests SET status = 'accepted', answered_by = $2, answered_at = "
          "$3, orientation_id = $4 WHERE id = $1",
          {pending->id, d.actor_id, now, id});
      payload["reorientation_request_id"] = pending->id;
    }
    if (d.actor_organisation_id) payload["actor_organisation_id"] = *d.actor_organisation_id;
    std::string route_text = std::string(route_label(d.route));
    for (auto& c : route_text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    payload["text"] =
        std::string(pending ? "a accepté la demande de réorientation : " : "") +
        "orientation vers un parcours " + route_text + ", accompagné par " + org->text(0) +
        (followed ? (*followed ? " (suggestion suivie)" : " (suggestion non suivie)") : "");
    people::append_person_event(conn, "orientation.decided", j->person_id, j->territory_id,
                                d.actor_id, payload);
    if (referent) {
      auto assigned = assign_referent(conn, d.journey_id, *referent, *organisation, d.actor_id,
                                      d.actor_organisation_id);
      if (!assigned) return std::unexpected(assigned.error());
    }
    std::string route_name = route_label(d.route);
    mail_to(conn, j->person_email, "Votre orientation",
            "Bonjour " + j->first_names +
                ",\n\nVotre parcours d’insertion est orienté : parcours " + route_name +
                ", accompagné par " + org->text(0) +
                ".\n\nL’explication de cette décision est dans votre espace : " + d.public_url +
                "/mon-espace/orientation\n\nParcours — service public de l’insertion et de "
                "l’emploi");
    std::string pro_text = "Bonjour,\n\nUne personne est orientée vers " + org->text(0) +
                           " (parcours " + route_name + ").\n\nSon dossier : " + d.public_url +
                           "/personnes/" + std::to_string(j->person_id) +
                           "\n\nParcours — service public de l’insertion et de l’emploi";
    mail_to(conn, referent_email, "Nouvelle personne à accompagner comme référent(e)", pro_text);
    mail_to(conn, org->text(1), "Nouvelle orientation vers votre structure", pro_text);
    if (pending) {
      auto asker = conn.query_one("SELECT email FROM users WHERE id = $1", {pending->requested_by});
      if (asker) {
        mail_to(conn, asker->text(0), "Votre demande de réorientation est acceptée",
                "Bonjour,\n\nVotre demande de réorientation a été acceptée : nouvelle orientation "
                "vers " +
                    org->text(0) + " (parcours " + route_name + ").\n\n" + d.public_url +
                    "/personnes/" + std::to_string(j->person_id) +
                    "\n\nParcours — service public de l’insertion et de l’emploi");
      }
    }
    return id;
  });
}

std::optional<ReorientationRequest> pending_reorientation(store::Connection& conn,
                                                          std::int64_t journey_id) {
  auto r = conn.query_one(std::string(kSelectRequest) +
                              "WHERE r.journey_id = $1 AND r.status = 'pending' ORDER BY r.id "
                              "DESC LIMIT 1",
                          {journey_id});
  if (!r) return std::nullopt;
  return request_from(*r);
}

std::vector<ReorientationRequest> reorientation_requests(store::Connection& conn,
                                                         std::int64_t journey_id) {
  std::vector<ReorientationRequest> out;
  for (const auto& r : conn.query(std::string(kSelectRequest) +
                                      "WHERE r.journey_id = $1 ORDER BY r.created_at DESC, r.id "
                                      "DESC",
                                  {journey_id})) {
    out.push_back(request_from(r));
  }
  return out;
}

Result<std::int64_t> request_reorientation(store::Connection& conn, std::int64_t journey_id,
                                           std::int64_t user_id,
                                           std::optional<std::int64_t> organisation_id,
                                           const std::string& typed_reason,
                                           const std::string& public_url) {
  auto reason = checked_text(typed_reason, "reason", "le motif de la demande", 10, 1000);
  if (!reason) return std::unexpected(reason.error());
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto j = journey_info(conn, journey_id);
    if (!j) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
    if (j->status == "closed" || j->status == "to_orient") {
      return fail(ErrorCode::kConflict, "Seul un parcours orienté peut être réorienté.", "reason");
    }
    if (pending_reorientation(conn, journey_id)) {
      return fail(ErrorCode::kConflict,
                  "Une demande de réorientation est déjà en attente pour ce parcours.", "reason");
    }
    std::int64_t now = now_seconds();
    auto row = conn.query_one(
        "INSERT INTO reorientation_requests (journey_id, requested_by, reason, created_at) "
        "VALUES ($1, $2, $3, $4) RETURNING id",
        {journey_id, user_id, *reason, now});
    std::int64_t id = row->integer(0);
    json::object payload{{"journey_id", journey_id},
                         {"request_id", id},
                         {"text", "a demandé une réorientation du parcours"}};
    if (organisation_id) payload["actor_organisation_id"] = *organisation_id;
    people::append_person_event(conn, "orientation.reorientation_requested", j->person_id,
                                j->territory_id, user_id, payload);
    people::touch_journey(conn, journey_id);
    for (const auto& r : conn.query(
             "SELECT DISTINCT u.email FROM user_roles r JOIN users u ON u.id = r.user_id "
             "JOIN organisations o ON o.id = r.organisation_id WHERE o.territory_id = $1 AND "
             "r.orientation = 1 AND r.active = 1 AND u.active = 1 ORDER BY u.email",
             {j->territory_id})) {
      mail_to(conn, r.text(0), "Demande de réorientation",
              "Bonjour,\n\nUn référent demande la réorientation d’un parcours.\n\n" + public_url +
                  "/orientation/parcours/" + std::to_string(journey_id) +
                  "\n\nParcours — service public de l’insertion et de l’emploi");
    }
    return id;
  });
}

Result<void> keep_orientation(store::Connection& conn, std::int64_t journey_id,
                              std::int64_t request_id, std::int64_t user_id,
                              std::optional<std::int64_t> organisation_id,
                              const std::string& typed_answer, const std::string& public_url) {
  auto answer = checked_text(typed_answer, "answer", "votre réponse au référent", 10, 1000);
  if (!answer) return std::unexpected(answer.error());
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto j = journey_info(conn, journey_id);
    if (!j) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
    auto pending = pending_reorientation(conn, journey_id);
    if (!pending || pending->id != request_id) {
      return fail(ErrorCode::kConflict, "Cette demande de réorientation a déjà reçu une réponse.",
                  "answer");
    }
    std::int64_t now = now_seconds();
    conn.execute(
        "UPDATE reorientation_requests SET status = 'kept', answer = $2, answered_by = $3, "
        "answered_at = $4 WHERE id = $1",
        {request_id, *answer, user_id, now});
    json::object payload{{"journey_id", journey_id},
                         {"request_id", request_id},
                         {"text",
                          "a maintenu l’orientation actuelle, en réponse à la demande "
                          "de réorientation"}};
    if (organisation_id) payload["actor_organisation_id"] = *organisation_id;
    people::append_person_event(conn, "orientation.reorientation_kept", j->person_id,
                                j->territory_id, user_id, payload);
    people::touch_journey(conn, journey_id);
    if (auto asker =
            conn.query_one("SELECT email FROM users WHERE id = $1", {pending->requested_by})) {
      mail_to(conn, asker->text(0), "Réponse à votre demande de réorientation",
              "Bonjour,\n\nL’orientation actuelle est maintenue. Réponse du chargé "
              "d’orientation :\n\n" +
                  *answer + "\n\n" + public_url + "/personnes/" + std::to_string(j->person_id) +
                  "\n\nParcours — service public de l’insertion et de l’emploi");
    }
    mail_to(conn, j->person_email, "Votre orientation est maintenue",
            "Bonjour " + j->first_names +
                ",\n\nVotre orientation actuelle est maintenue. L’explication est dans votre "
                "espace : " +
                public_url +
                "/mon-espace/orientation\n\nParcours — service public de l’insertion et de "
                "l’emploi");
    return request_id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

}  // namespace parcours::orientation

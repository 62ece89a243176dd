#include "features/portal/timeline.h"

#include <algorithm>
#include <boost/json.hpp>

#include "core/store/journal.h"
#include "features/followup/narration.h"
#include "features/people/events.h"
#include "features/people/notes.h"
#include "features/people/timeline.h"

namespace parcours::portal {
namespace {

namespace json = boost::json;

constexpr int kPage = 500;

json::object parse(const std::string& text) {
  boost::system::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return {};
  return value.as_object();
}

std::string str(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::optional<std::int64_t> integer(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (v && v->is_int64()) return v->as_int64();
  if (v && v->is_uint64()) return static_cast<std::int64_t>(v->as_uint64());
  return std::nullopt;
}

// "Sofia Martin (CCAS de Sedan)" for a user and an organisation named in a payload.
std::string professional(people::EventNarrator& names, std::optional<std::int64_t> user_id,
                         std::optional<std::int64_t> organisation_id) {
  std::string name = user_id ? names.user_name(*user_id) : std::string();
  if (name.empty()) name = "Un(e) professionnel(le)";
  if (organisation_id) {
    std::string org = names.organisation_name(*organisation_id);
    if (!org.empty()) name += " (" + org + ")";
  }
  return name;
}

const char* section_label(const std::string& section) {
  if (section == "identity") return "votre identité";
  if (section == "contact") return "vos coordonnées";
  if (section == "situation") return "votre situation";
  return "votre dossier";
}

// The sentence told to the person; empty for what they are not shown.
std::string tell(people::EventNarrator& names, const store::Event& event) {
  json::object p = parse(event.payload_json);
  const std::string& kind = event.kind;
  bool by_person =
      str(p, "by") == "person" ||
      (!event.actor_id && (str(p, "source") == "person" || str(p, "source") == "public_form"));
  std::string actor =
      by_person ? "Vous" : professional(names, event.actor_id, integer(p, "actor_organisation_id"));
  if (kind == people::kPersonCreated) {
    if (str(p, "source") == "public_form") return "Vous avez demandé un accompagnement en ligne";
    return "Votre dossier a été créé";
  }
  if (kind == people::kPersonUpdated) {
    std::string what = section_label(str(p, "section"));
    if (by_person) return "Vous avez mis à jour " + what;
    if (str(p, "source") == "import") return "Mise à jour de " + what + " par un import de données";
    return actor + " a mis à jour " + what;
  }
  if (kind == people::kJourneyOpened) {
    auto territory = names.territory_name(event.territory_id.value_or(0));
    std::string where = territory.empty() ? "" : " (territoire " + territory + ")";
    if (str(p, "entry") == "public_form")
      return "Votre parcours a commencé par votre demande en ligne" + where;
    if (str(p, "entry") == "transfer") return "Votre parcours a été transféré" + where;
    return "Votre parcours a commencé" + where;
  }
  if (kind == people::kRequestReceived) return "Vous avez fait une nouvelle demande en ligne";
  if (kind == people::kMemberJoined) {
    std::string who = professional(names, integer(p, "user_id"), integer(p, "organisation_id"));
    return who + " a rejoint votre équipe" +
           (str(p, "role") == "referent" ? " comme référent(e)" : "");
  }
  if (kind == people::kMemberLeft) {
    return professional(names, integer(p, "user_id"), integer(p, "organisation_id")) +
           " a quitté votre équipe";
  }
  if (kind == people::kReferentChanged) {
    if (!integer(p, "user_id")) return "Votre équipe n’a plus de référent(e) pour l’instant";
    return professional(names, integer(p, "user_id"), integer(p, "organisation_id")) +
           " est maintenant votre référent(e)";
  }
  if (kind == people::kJourneyTransferred) {
    auto to = integer(p, "to_territory_id");
    std::string name = to ? names.territory_name(*to) : std::string();
    return "Votre parcours a été transféré" + (name.empty() ? "" : " vers le territoire " + name);
  }
  if (kind.starts_with("referral.")) {
    std::string service = "« " + str(p, "service") + " »";
    if (kind == "referral.sent") return actor + " vous a orienté(e) vers le service " + service;
    if (kind == "referral.accepted")
      return "Le service " + service + " a accepté votre orientation";
    if (kind == "referral.refused") {
      return "Le service " + service +
             " n’a pas pu accepter votre orientation : votre référent(e) vous en parlera";
    }
    if (kind == "referral.done")
      return "Votre orientation vers le service " + service + " est réalisée";
    if (kind == "referral.abandoned")
      return "Votre orientation vers le service " + service + " est arrêtée";
    if (kind == "referral.expired") {
      return "Le service " + service +
             " n’a pas répondu à votre orientation : votre référent(e) vous en parlera";
    }
    if (kind == "referral.asked")
      return "Vous avez demandé à votre référent(e) le service " + service;
  }
  if (followup::is_followup_kind(kind)) return followup::person_sentence(kind, actor, p);
  if (kind == "portal.referent_change_requested")
    return "Vous avez demandé à changer de référent(e)";
  if (kind == "portal.objection_added" || kind == "portal.objection_withdrawn") {
    auto org = integer(p, "organisation_id");
    std::string name = org ? names.organisation_name(*org) : std::string();
    if (name.empty()) name = "une structure";
    return kind == "portal.objection_added"
               ? "Vous vous êtes opposé(e) au partage de votre dossier avec " + name
               : "Vous avez retiré votre opposition au partage de votre dossier avec " + name;
  }
  return {};
}

}  // namespace

bool shown_to_person(std::string_view kind) {
  static const std::vector<std::string_view> kinds{
      people::kPersonCreated,   people::kPersonUpdated,       people::kJourneyOpened,
      people::kRequestReceived, people::kMemberJoined,        people::kMemberLeft,
      people::kReferentChanged, people::kJourneyTransferred,  "portal.referent_change_requested",
      "portal.objection_added", "portal.objection_withdrawn", "referral.sent",
      "referral.accepted",      "referral.refused",           "referral.done",
      "referral.abandoned",     "referral.expired",           "referral.asked"};
  return std::ranges::find(kinds, kind) != kinds.end() || followup::is_followup_kind(kind);
}

std::vector<TimelineItem> person_timeline(store::Connection& conn, std::int64_t person_id) {
  std::vector<TimelineItem> items;
  people::EventNarrator names(conn);
  // Records merged into this one keep their events under their own id.
  for (std::int64_t record_id : people::person_record_ids(conn, person_id)) {
    store::EventFilter filter{.limit = kPage, .person_id = record_id};
    for (;;) {
      auto events = store::read_events(conn, filter);
      for (const auto& event : events) {
        if (!shown_to_person(event.kind)) continue;
        std::string sentence = tell(names, event);
        if (!sentence.empty()) {
          items.push_back({event.at, false, std::move(sentence), "", false, false});
        }
      }
      if (events.size() < static_cast<std::size_t>(kPage)) break;
      filter.after = events.back().seq;
    }
  }
  for (const auto& note : people::notes_shared_with_person(conn, person_id)) {
    std::string author = note.author_name.empty() ? "votre équipe" : note.author_name;
    if (!note.organisation_name.empty()) author += " (" + note.organisation_name + ")";
    items.push_back({note.created_at, true, "Message de " + author, note.body,
                     note.corrects_id.has_value(), note.corrected_by.has_value()});
  }
  // Events and notes were gathered oldest first: reversed, events of the same second keep the
  // journal's order, newest first.
  std::ranges::reverse(items);
  std::ranges::stable_sort(items, [](const auto& a, const auto& b) { return a.at > b.at; });
  return items;
}

}  // namespace parcours::portal

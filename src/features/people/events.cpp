#include "features/people/events.h"

#include <set>

#include "core/clock.h"
#include "features/followup/narration.h"
#include "features/people/persons.h"

namespace parcours::people {
namespace {

namespace json = boost::json;

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

std::string field_list(const json::object& o) {
  std::string out;
  const auto* fields = o.if_contains("fields");
  if (!fields || !fields->is_array()) return out;
  for (const auto& f : fields->as_array()) {
    if (!f.is_string()) continue;
    out += (out.empty() ? "" : ", ") + field_label(std::string(f.as_string()));
  }
  return out;
}

const char* section_label(const std::string& section, bool own) {
  if (section == "identity") return own ? "son identité" : "l’identité";
  if (section == "contact") return own ? "ses coordonnées" : "les coordonnées";
  if (section == "situation") return own ? "sa situation" : "la situation";
  return own ? "sa fiche" : "la fiche";
}

const char* visibility_suffix(const std::string& visibility) {
  if (visibility == "person") return " partagée avec la personne";
  if (visibility == "referent") return " réservée au référent";
  return "";
}

}  // namespace

const std::vector<EventKind>& event_kinds() {
  static const std::vector<EventKind> kinds{{kPersonCreated, "Création de la fiche"},
                                            {kPersonUpdated, "Modification de la fiche"},
                                            {kJourneyOpened, "Ouverture du parcours"},
                                            {kRequestReceived, "Demande d’accompagnement"},
                                            {kMemberJoined, "Arrivée dans l’équipe"},
                                            {kMemberLeft, "Départ de l’équipe"},
                                            {kReferentChanged, "Changement de référent"},
                                            {kJoinRequested, "Demande pour rejoindre l’équipe"},
                                            {kJoinAccepted, "Demande acceptée"},
                                            {kJoinRefused, "Demande refusée"},
                                            {kNoteAdded, "Note"},
                                            {kNoteCorrected, "Correction de note"},
                                            {kJourneyTransferred, "Transfert"},
                                            {kPersonMerged, "Fusion de fiches"},
                                            {kPersonUnmerged, "Annulation de fusion"},
                                            {kMatchDismissed, "Doublon écarté"},
                                            {"plan.action_added", "Action ajoutée au plan"},
                                            {"plan.action_updated", "Action du plan mise à jour"},
                                            {"referral.sent", "Orientation vers un service"},
                                            {"referral.accepted", "Orientation acceptée"},
                                            {"referral.refused", "Orientation refusée"},
                                            {"referral.done", "Orientation réalisée"},
                                            {"referral.abandoned", "Orientation abandonnée"},
                                            {"referral.expired", "Orientation expirée"},
                                            {"referral.reminded", "Rappel d’orientation"},
                                            {"referral.asked", "Service demandé par la personne"}};
  static const std::vector<EventKind> with_followup = [] {
    std::vector<EventKind> all = kinds;
    for (const auto& [code, label] : followup::followup_event_kinds()) all.push_back({code, label});
    return all;
  }();
  return with_followup;
}

std::int64_t append_person_event(store::Connection& conn, const char* kind, std::int64_t person_id,
                                 std::int64_t territory_id, std::optional<std::int64_t> actor_id,
                                 const json::object& payload) {
  return store::append_event(conn, {.kind = kind,
                                    .territory_id = territory_id,
                                    .person_id = person_id,
                                    .actor_id = actor_id,
                                    .payload_json = json::serialize(payload)});
}

std::string EventNarrator::lookup(std::map<std::int64_t, std::string>& cache, const char* sql,
                                  std::int64_t id) {
  auto it = cache.find(id);
  if (it != cache.end()) return it->second;
  auto row = conn_.query_one(sql, {id});
  std::string name = row ? row->text(0) : std::string();
  cache.emplace(id, name);
  return name;
}

std::string EventNarrator::user_name(std::int64_t id) {
  return lookup(users_, "SELECT name FROM users WHERE id = $1", id);
}

std::string EventNarrator::organisation_name(std::int64_t id) {
  return lookup(organisations_, "SELECT name FROM organisations WHERE id = $1", id);
}

std::string EventNarrator::territory_name(std::int64_t id) {
  return lookup(territories_, "SELECT name FROM territories WHERE id = $1", id);
}

void EventNarrator::prefetch(const std::vector<store::Event>& events,
                             const std::vector<json::object>& payloads) {
  std::set<std::int64_t> users, organisations, territories;
  auto wanted = [](std::set<std::int64_t>& ids, const std::map<std::int64_t, std::string>& cache,
                   std::optional<std::int64_t> id) {
    if (id && !cache.contains(*id)) ids.insert(*id);
  };
  for (std::size_t i = 0; i < events.size() && i < payloads.size(); ++i) {
    wanted(users, users_, events[i].actor_id);
    const json::object& p = payloads[i];
    wanted(users, users_, integer(p, "user_id"));
    wanted(organisations, organisations_, integer(p, "actor_organisation_id"));
    wanted(organisations, organisations_, integer(p, "organisation_id"));
    wanted(territories, territories_, integer(p, "from_territory_id"));
    wanted(territories, territories_, integer(p, "to_territory_id"));
  }
  auto load = [&](std::map<std::int64_t, std::string>& cache, const char* table,
                  const std::set<std::int64_t>& ids) {
    if (ids.empty()) return;
    store::Params params;
    std::string list;
    for (std::int64_t id : ids) {
      params.add(id);
      list += (list.empty() ? "$" : ", $") + std::to_string(params.values().size());
      cache.emplace(id, std::string());  // unknown ids stay "", as a lookup would leave them
    }
    for (const auto& row :
         conn_.query(std::string("SELECT id, name FROM ") + table + " WHERE id IN (" + list + ")",
                     params)) {
      cache[row.integer(0)] = row.text(1);
    }
  };
  load(users_, "users", users);
  load(organisations_, "organisations", organisations);
  load(territories_, "territories", territories);
}

json::object EventNarrator::parse_payload(const store::Event& event) {
  boost::system::error_code ec;
  auto parsed = json::parse(event.payload_json, ec);
  if (ec || !parsed.is_object()) return {};
  return std::move(parsed.as_object());
}

std::string EventNarrator::author(const store::Event& event) {
  return author(event, parse_payload(event));
}

std::string EventNarrator::sentence(const store::Event& event) {
  return sentence(event, parse_payload(event));
}

std::string EventNarrator::author(const store::Event& event, const json::object& payload) {
  if (str(payload, "by") == "person") return "La personne";
  if (!event.actor_id) {
    std::string source = str(payload, "source");
    if (source == "public_form" || source == "person") return "La personne";
    return "Parcours";
  }
  std::string name = user_name(*event.actor_id);
  if (name.empty()) name = "Un professionnel";
  if (auto org = integer(payload, "actor_organisation_id")) {
    std::string org_name = organisation_name(*org);
    if (!org_name.empty()) name += " (" + org_name + ")";
  }
  return name;
}

std::string EventNarrator::sentence(const store::Event& event, const json::object& p) {
  std::string who = author(event, p);
  bool by_person = who == "La personne";
  auto member = [&](const char* key) {
    auto id = integer(p, key);
    std::string name = id ? user_name(*id) : std::string();
    if (name.empty()) name = "un professionnel";
    if (auto org = integer(p, "organisation_id")) {
      std::string org_name = organisation_name(*org);
      if (!org_name.empty()) name += " (" + org_name + ")";
    }
    return name;
  };
  bool self = event.actor_id && integer(p, "user_id") == event.actor_id;
  const std::string& kind = event.kind;

  if (kind == kPersonCreated) {
    std::string source = str(p, "source");
    if (source == "public_form") return "La personne a fait une demande d’accompagnement en ligne";
    if (source == "import") {
      std::string file = str(p, "file_name");
      return "La fiche a été créée par un import" + (file.empty() ? "" : " (fichier " + file + ")");
    }
    return who + " a créé la fiche de la personne";
  }
  if (kind == kPersonUpdated) {
    std::string fields = field_list(p);
    return who + " a modifié " + section_label(str(p, "section"), by_person) +
           (fields.empty() ? "" : " (" + fields + ")");
  }
  if (kind == kJourneyOpened) {
    std::string entry = str(p, "entry");
    if (entry == "public_form") return "Parcours ouvert par la demande d’accompagnement en ligne";
    if (entry == "import") return "Parcours ouvert par un import";
    if (entry == "transfer") {
      auto from = integer(p, "from_territory_id");
      std::string from_name = from ? territory_name(*from) : std::string();
      return "Parcours ouvert à la suite d’un transfert" +
             (from_name.empty() ? std::string() : " depuis le territoire " + from_name);
    }
    return who + " a ouvert le parcours";
  }
  if (kind == kRequestReceived)
    return "La personne a renouvelé sa demande d’accompagnement en ligne";
  if (kind == kMemberJoined) {
    bool referent = str(p, "role") == "referent";
    if (self) return who + " a rejoint l’équipe" + (referent ? " comme référent(e)" : "");
    return who + " a ajouté " + member("user_id") + " à l’équipe" +
           (referent ? " comme référent(e)" : "");
  }
  if (kind == kMemberLeft) {
    std::string reason = str(p, "reason");
    std::string tail = reason.empty() ? "" : " (motif : " + reason + ")";
    if (self) return who + " a quitté l’équipe" + tail;
    return who + " a retiré " + member("user_id") + " de l’équipe" + tail;
  }
  if (kind == kReferentChanged) {
    if (!integer(p, "user_id")) return who + " a retiré la fonction de référent(e) du parcours";
    if (self) return who + " est devenu(e) référent(e) du parcours";
    return who + " a désigné " + member("user_id") + " comme référent(e) du parcours";
  }
  if (kind == kJoinRequested) return who + " a demandé à rejoindre l’équipe";
  if (kind == kJoinAccepted) {
    return who + " a accepté la demande de " + member("user_id") + " de rejoindre l’équipe";
  }
  if (kind == kJoinRefused) {
    return who + " a refusé la demande de " + member("user_id") + " de rejoindre l’équipe";
  }
  if (kind == kNoteAdded)
    return who + " a ajouté une note" + visibility_suffix(str(p, "visibility"));
  if (kind == kNoteCorrected) {
    return who + " a corrigé une note" + visibility_suffix(str(p, "visibility"));
  }
  if (kind == kJourneyTransferred) {
    auto to = integer(p, "to_territory_id");
    std::string to_name = to ? territory_name(*to) : std::string();
    return who + " a transféré le parcours" +
           (to_name.empty() ? "" : " vers le territoire " + to_name);
  }
  if (kind == kPersonMerged) return who + " a fusionné une fiche en double avec celle-ci";
  if (kind == kPersonUnmerged) return who + " a annulé la fusion d’une fiche en double";
  if (kind == kMatchDismissed) {
    return who + " a indiqué qu’une fiche semblable n’est pas la même personne";
  }
  if (kind.starts_with("appointment.")) {  // the appointments feature (appointments.h)
    auto at = integer(p, "starts_at");
    std::string of = at ? " du " + format_datetime_fr(*at) : "";
    std::string to = str(p, "to");
    if (kind == "appointment.booked") {
      return who + " a fixé un rendez-vous" + (at ? " le " + format_datetime_fr(*at) : "") +
             (self ? "" : " avec " + member("user_id"));
    }
    if (kind == "appointment.excused")
      return "La personne a prévenu qu’elle ne pourra pas venir au rendez-vous" + of;
    if (!event.actor_id)
      return "Le rendez-vous" + of + " est passé sans statut : il est à mettre à jour";
    if (to == "seen") return who + " a indiqué que la personne est venue au rendez-vous" + of;
    if (to == "noshow")
      return who + " a indiqué que la personne n’est pas venue au rendez-vous" + of;
    if (to == "excused")
      return who + " a indiqué que la personne s’est excusée pour le rendez-vous" + of;
    if (to == "revoked") return who + " a annulé le rendez-vous" + of;
  }
  if (followup::is_followup_kind(kind)) return followup::team_sentence(kind, who, p);
  std::string text = str(p, "text");
  if (!text.empty()) return who + " : " + text;
  return who + " — événement « " + kind + " »";
}

std::string narrate(EventNarrator& narrator, const store::Event& event) {
  return narrator.sentence(event) + " — " + format_datetime_fr(event.at);
}

}  // namespace parcours::people

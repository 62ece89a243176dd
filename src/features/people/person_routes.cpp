// The person's page (identity with sources, team contacts, journey, notes, timeline, similar
// records), the edit forms of identity / contact / situation, notes and their corrections, the
// join request and the dismissal of a similar record. Every read of a record is written to the
// access log; every decision is the policy's (policy.h).
#include <algorithm>
#include <map>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/appointments/routes.h"
#include "features/followup/routes.h"
#include "features/people/events.h"
#include "features/people/identity.h"
#include "features/people/matching.h"
#include "features/people/nir_protection.h"
#include "features/people/notes.h"
#include "features/people/routes.h"
#include "features/people/timeline.h"
#include "features/people/timeline_cache.h"
#include "features/people/web.h"
#include "features/plan/routes.h"

namespace parcours::people {
namespace {

using web::PersonPage;

// The page shows the most recent notes and events; older ones are a link away (a cursor in
// the query: `notes_avant`, `avant`). A journey of 200 events and 100 notes stays a light page.
constexpr int kTimelinePage = 50;
constexpr int kNotesPage = 20;

// Runs `handler` with the person page, or returns the response that replaces it.
template <typename F>
http::Response with_person(http::Context& ctx, F&& handler) {
  auto loaded = web::load_person_page(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return handler(std::get<PersonPage>(loaded));
}

std::string or_dash(const std::string& value) { return value.empty() ? "Non renseigné" : value; }
std::string or_dash(const std::optional<std::string>& value) {
  return value ? or_dash(*value) : "Non renseigné";
}
std::string yes_no(bool value) { return value ? "Oui" : "Non"; }

void add_row(ctemplate::TemplateDictionary& dict, const char* section, const char* label,
             const std::string& value, const std::vector<FieldSource>& sources,
             std::string_view field) {
  auto* row = dict.AddSectionDictionary(section);
  row->SetValue("LABEL"_key, label);
  row->SetValue("VALUE"_key, value);
  for (const auto& s : sources) {
    if (s.field == field)
      row->SetValueAndShowSection("SOURCE_TEXT"_key, describe_source(s), "SOURCE"_key);
  }
}

void fill_note_form(const http::Context& ctx, ctemplate::TemplateDictionary& parent,
                    std::int64_t person_id, const std::string& body, const std::string& visibility,
                    std::optional<std::int64_t> corrects, const Error* error) {
  auto* form = parent.AddIncludeDictionary("NOTE_FORM"_key);
  form->SetFilename("people/note_form.tpl");
  form->SetIntValue("PERSON_ID"_key, person_id);
  form->SetValue("CSRF_TOKEN"_key, ctx.csrf_token);  // included templates do not see the page's
  form->SetValue("BODY"_key, body);
  form->SetValue("FORM_TITLE"_key, corrects ? "Correction" : "Ajouter une note");
  form->SetValue("SUBMIT"_key, corrects ? "Enregistrer la correction" : "Ajouter la note");
  if (corrects)
    form->SetValueAndShowSection("CORRECTS_ID"_key, std::to_string(*corrects), "CORRECTS"_key);
  struct Option {
    const char* code;
    const char* hint;
  };
  for (const Option& o : {Option{"team", "Les professionnels de l’équipe."},
                          Option{"person", "L’équipe, et la personne dans son espace."},
                          Option{"referent", "Le référent du parcours (et vous)."}}) {
    auto* option = form->AddSectionDictionary("VISIBILITY_OPTION"_key);
    option->SetValue("CODE"_key, o.code);
    option->SetValue("LABEL"_key, note_visibility_label(o.code));
    option->SetValueAndShowSection("HINT_TEXT"_key, o.hint, "HINT"_key);
    if (visibility == o.code || (visibility.empty() && std::string(o.code) == "team")) {
      option->ShowSection("CHECKED"_key);
    }
  }
  if (error) html::show_form_error(*form, *error);
}

void fill_identity(http::Context& ctx, ctemplate::TemplateDictionary& dict, const PersonPage& p,
                   const std::vector<FieldSource>& sources, web::ReadLog& reads) {
  const Person& person = p.person;
  add_row(dict, "IDENTITY_ROW", "Nom de naissance", person.birth_name, sources, "birth_name");
  add_row(dict, "IDENTITY_ROW", "Nom d’usage", or_dash(person.usage_name), sources, "usage_name");
  add_row(dict, "IDENTITY_ROW", "Prénoms", person.first_names, sources, "first_names");
  add_row(dict, "IDENTITY_ROW", "Date de naissance",
          person.birth_date ? display_date(*person.birth_date) : "Non renseignée", sources,
          "birth_date");
  add_row(dict, "IDENTITY_ROW", "Sexe",
          person.sex == "F"   ? "Femme"
          : person.sex == "M" ? "Homme"
                              : "Non renseigné",
          sources, "sex");
  std::string nir = "Non renseigné";
  if (person.nir_sealed) {
    if (may_view_nir(ctx.actor, p.facts)) {
      nir = display_nir(reveal_nir(ctx.db, *person.nir_sealed).value_or("illisible"));
      reads.add(person.id, "nir");
    } else {
      nir = kMaskedNir;
    }
  }
  add_row(dict, "IDENTITY_ROW", "Numéro de sécurité sociale", nir, sources, "nir");
  add_row(dict, "IDENTITY_ROW", "Numéro allocataire CAF ou MSA", or_dash(person.caf_number),
          sources, "caf_number");
  add_row(dict, "IDENTITY_ROW", "Identifiant France Travail", or_dash(person.ft_id), sources,
          "ft_id");
  add_row(dict, "IDENTITY_ROW", "Identifiant du département", or_dash(person.internal_id), sources,
          "internal_id");
}

void fill_contact_and_situation(ctemplate::TemplateDictionary& dict, const Person& person,
                                const std::vector<FieldSource>& sources) {
  add_row(dict, "CONTACT_ROW", "Adresse électronique", or_dash(person.email), sources, "email");
  add_row(dict, "CONTACT_ROW", "Téléphone",
          person.phone ? display_phone(*person.phone) : "Non renseigné", sources, "phone");
  if (person.phone2) {
    add_row(dict, "CONTACT_ROW", "Second téléphone", display_phone(*person.phone2), sources,
            "phone2");
  }
  std::string address = person.address;
  if (!person.address_complement.empty()) {
    address += (address.empty() ? "" : ", ") + person.address_complement;
  }
  if (person.commune_code) {
    address += (address.empty() ? "" : ", ") + person.postcode + " " + person.commune_name;
  }
  add_row(dict, "CONTACT_ROW", "Adresse", or_dash(address), sources, "commune_code");
  if (person.no_fixed_address) {
    add_row(dict, "CONTACT_ROW", "Sans domicile fixe", "Oui", sources, "no_fixed_address");
    add_row(dict, "CONTACT_ROW", "Domiciliation", or_dash(person.domiciliation), sources,
            "domiciliation");
  }
  add_row(dict, "SITUATION_ROW", "État du dossier RSA",
          person.rsa_status ? choice_label(rsa_statuses(), *person.rsa_status) : "Non renseigné",
          sources, "rsa_status");
  add_row(dict, "SITUATION_ROW", "Droits et devoirs", yes_no(person.rights_and_duties), sources,
          "rights_and_duties");
  std::string allowances;
  const SituationForm situation = situation_form_of(person);
  for (const auto& code : situation.allowances) {
    allowances += (allowances.empty() ? "" : ", ") + choice_label(allowance_kinds(), code);
  }
  add_row(dict, "SITUATION_ROW", "Autres allocations", allowances.empty() ? "Aucune" : allowances,
          sources, "allowances");
  add_row(dict, "SITUATION_ROW", "RQTH", yes_no(person.rqth), sources, "rqth");
  add_row(dict, "SITUATION_ROW", "Niveau de formation",
          person.education_level ? choice_label(education_levels(), *person.education_level)
                                 : "Non renseigné",
          sources, "education_level");
  std::string job = person.last_job;
  if (person.last_job_end) job += (job.empty() ? "Fin : " : ", jusqu’en ") + *person.last_job_end;
  add_row(dict, "SITUATION_ROW", "Dernier emploi", or_dash(job), sources, "last_job");
  add_row(dict, "SITUATION_ROW", "Permis de conduire", yes_no(person.driving_licence), sources,
          "driving_licence");
  add_row(dict, "SITUATION_ROW", "Langues parlées", or_dash(person.languages), sources,
          "languages");
}

// The notes the actor may read, newest first, kNotesPage at a time: `notes_avant` (a note id)
// starts the page after that note. `notes`: every note of the person's records
// (notes_of_person), the same for every viewer; what this one may read is decided here.
void fill_notes(http::Context& ctx, ctemplate::TemplateDictionary& journey, const PersonPage& p,
                const std::vector<Note>& notes) {
  int shown = 0;
  int readable = 0;  // notes the actor may read, on every page
  int skipped = 0;   // readable notes of the newer pages
  std::optional<std::int64_t> last_shown;
  std::map<std::int64_t, std::int64_t> created;  // note id → date, for "corrige la note du"
  // Which notes to show from their headers, then the text and names of those only.
  for (const Note& n : notes) created[n.id] = n.created_at;
  std::vector<std::int64_t> page_ids;
  auto before = text::parse_id(ctx.request.query_value("notes_avant"));
  if (before && !created.contains(*before)) before.reset();  // not a note of hers: first page
  bool started = !before;
  for (auto it = notes.rbegin(); it != notes.rend(); ++it) {
    const Note& n = *it;
    bool cursor = before && n.id == *before;
    if (!may_read_note(ctx.actor, p.facts, n.visibility, n.author_id)) {
      if (cursor) started = true;
      continue;
    }
    ++readable;
    if (!started) {
      ++skipped;
      if (cursor) started = true;
      continue;
    }
    if (static_cast<int>(page_ids.size()) == kNotesPage) continue;  // counted for "sur N"
    page_ids.push_back(n.id);
  }
  std::map<std::int64_t, const Note*> by_id;
  for (const Note& n : notes) by_id[n.id] = &n;
  for (std::int64_t id : page_ids) {
    const Note& n = *by_id.at(id);
    last_shown = n.id;
    auto* row = journey.AddSectionDictionary("NOTE"_key);
    row->SetIntValue("PERSON_ID"_key, p.person.id);
    row->SetIntValue("NOTE_ID"_key, n.id);
    row->SetValue(
        "AUTHOR",
        n.author_name + (n.organisation_name.empty() ? "" : " (" + n.organisation_name + ")"));
    row->SetValue("WHEN"_key, format_datetime_fr(n.created_at));
    row->SetValue("VISIBILITY"_key, note_visibility_label(n.visibility));
    row->SetValue("BODY"_key, n.body);
    if (n.corrects_id && created.contains(*n.corrects_id)) {
      row->SetValueAndShowSection("CORRECTED_WHEN"_key, format_datetime_fr(created[*n.corrects_id]),
                                  "CORRECTS"_key);
    }
    if (n.corrected_by) row->ShowSection("CORRECTED"_key);
    if (ctx.actor && n.author_id == ctx.actor->user_id && may_add_note(ctx.actor, p.facts) &&
        p.journey && n.journey_id == p.journey->id && !n.corrected_by) {
      row->ShowSection("CAN_CORRECT"_key);
    }
    ++shown;
  }
  if (!shown) journey.ShowSection("NO_NOTES"_key);
  if (readable > kNotesPage && shown) {
    auto* range = journey.AddSectionDictionary("NOTES_RANGE"_key);
    range->SetIntValue("FROM"_key, skipped + 1);
    range->SetIntValue("TO"_key, skipped + shown);
    range->SetIntValue("TOTAL"_key, readable);
  }
  if (skipped + shown < readable && last_shown) {
    journey.SetValueAndShowSection("OLDER_NOTES_QUERY"_key,
                                   "notes_avant=" + std::to_string(*last_shown), "OLDER_NOTES"_key);
  }
  if (before) journey.ShowSection("NEWER_NOTES"_key);
}

// The list of events of the carnet (people/timeline_events.tpl), as HTML.
std::string render_events(http::Context& ctx, std::int64_t person_id,
                          const std::vector<std::int64_t>& records, const TimelineFilter& filter) {
  ctemplate::TemplateDictionary dict("timeline_events");
  dict.SetIntValue("ID"_key, person_id);
  auto page = person_timeline(ctx.db, records, filter);
  if (page.entries.empty()) {
    dict.ShowSection("NO_EVENTS"_key);
  } else {
    auto* list = dict.AddSectionDictionary("HAS_EVENTS"_key);
    for (const TimelineEntry& e : page.entries) {
      auto* row = list->AddSectionDictionary("EVENT"_key);
      row->SetValue("SENTENCE"_key, e.sentence);
      row->SetValue("WHEN"_key, e.when);
      row->SetValue("ISO"_key, format_iso8601(e.event.at));
    }
  }
  if (page.next_before) {
    std::string query = "avant=" + std::to_string(*page.next_before);
    if (filter.kind) query += "&type=" + http::url_encode(*filter.kind);
    if (filter.author_id) query += "&auteur=" + std::to_string(*filter.author_id);
    dict.SetValueAndShowSection("OLDER_QUERY"_key, query, "OLDER"_key);
  }
  return html::render("people/timeline_events.tpl", dict);
}

// What the person page keeps in memory per person (timeline_cache.h).
TimelineCache& carnet_cache() {
  static TimelineCache cache(1024);  // an entry is ≈ 30 KiB (50 events, 100 notes)
  return cache;
}

// The carnet de bord: its filter and a page of events. Its unfiltered first page and its authors
// come from `cached` when the caller found the person's entry at `version`; otherwise they are
// read, and an unfiltered page is kept with `notes` (the note headers the caller read). Returns
// what the journey dictionary points at: keep it until the page is rendered.
std::shared_ptr<const std::string> fill_timeline(
    http::Context& ctx, ctemplate::TemplateDictionary& journey, std::int64_t person_id,
    const std::vector<std::int64_t>& records, std::shared_ptr<const CachedTimeline> cached,
    const TimelineVersion& version, std::vector<Note>&& notes) {
  TimelineFilter filter{.limit = kTimelinePage};
  std::string kind = ctx.request.query_value("type");
  for (const EventKind& k : event_kinds()) {
    auto* option = journey.AddSectionDictionary("KIND_OPTION"_key);
    option->SetValue("CODE"_key, k.code);
    option->SetValue("LABEL"_key, k.label);
    if (kind == k.code) {
      option->ShowSection("SELECTED"_key);
      filter.kind = kind;
    }
  }
  std::vector<TimelineAuthor> authors;
  if (!cached) authors = timeline_authors(ctx.db, records);
  auto author = text::parse_id(ctx.request.query_value("auteur"));
  for (const TimelineAuthor& a : cached ? cached->authors : authors) {
    auto* option = journey.AddSectionDictionary("AUTHOR_OPTION"_key);
    option->SetIntValue("ID"_key, a.user_id);
    option->SetValue("NAME"_key, a.name);
    if (author == a.user_id) {
      option->ShowSection("SELECTED"_key);
      filter.author_id = author;
    }
  }
  filter.before_seq = text::parse_id(ctx.request.query_value("avant"));
  std::shared_ptr<const std::string> events;
  if (filter.kind || filter.author_id || filter.before_seq) {
    events = std::make_shared<const std::string>(render_events(ctx, person_id, records, filter));
  } else {
    if (!cached) {
      cached = std::make_shared<const CachedTimeline>(
          CachedTimeline{.authors = std::move(authors),
                         .first_page = render_events(ctx, person_id, records, filter),
                         .notes = std::move(notes)});
      carnet_cache().put(records, version, cached);
    }
    events = std::shared_ptr<const std::string>(cached, &cached->first_page);
  }
  journey.SetValueWithoutCopy("CARNET_EVENTS"_key, *events);
  return events;
}

http::Response person_page(http::Context& ctx, const PersonPage& p, const Error* join_error,
                           const std::string& join_message) {
  const Person& person = p.person;
  ctemplate::TemplateDictionary dict("person");
  dict.SetIntValue("ID"_key, person.id);
  dict.SetValue("NAME"_key, display_name(person));
  dict.SetIntValue("TERRITORY_ID"_key, p.territory_id);
  if (working_territories(ctx.actor).size() > 1) dict.ShowSection("TERRITORY_PARAM"_key);
  auto territory = ctx.db.query_one("SELECT name FROM territories WHERE id = $1", {p.territory_id});
  dict.SetValue("TERRITORY"_key, territory ? territory->text(0) : "");
  if (p.journey && p.journey->active()) {
    auto* badge = dict.AddSectionDictionary("JOURNEY_BADGE"_key);
    badge->SetValue("STATUS"_key, journey_status_label(p.journey->status));
    badge->SetValue("BADGE"_key, web::status_badge(p.journey->status));
  }
  web::ReadLog reads(ctx);                    // written at once, before the page is sent
  std::shared_ptr<const std::string> carnet;  // the carnet's events, shown by the dictionary
  reads.add(person.id, "identity");
  auto sources = field_sources(ctx.db, person.id);
  fill_identity(ctx, dict, p, sources, reads);

  bool journey_visible = may_view_journey(ctx.actor, p.facts);
  if (!p.facts.in_team) dict.ShowSection("OUTSIDE_TEAM"_key);
  // The journey's pending join requests, read once: the actor's own, and their count for who
  // manages the team.
  auto pending =
      p.journey ? pending_join_requests(ctx.db, p.journey->id) : std::vector<JoinRequest>{};
  bool mine_pending = ctx.actor && std::ranges::any_of(pending, [&](const JoinRequest& q) {
                        return q.user_id == ctx.actor->user_id;
                      });
  if (mine_pending) {
    dict.ShowSection("PENDING_REQUEST"_key);
  } else if (may_request_to_join(ctx.actor, p.facts)) {
    auto* request = dict.AddSectionDictionary("CAN_REQUEST"_key);
    request->SetValue("JOIN_MESSAGE"_key, join_message);
    if (join_error) html::show_form_error(*request, *join_error);
  }
  if (may_edit_person(ctx.actor, p.facts)) dict.ShowSection("CAN_EDIT"_key);

  auto team =
      p.journey && p.journey->active() ? team_of(ctx.db, p.journey->id) : std::vector<Member>{};
  if (team.empty()) dict.ShowSection("NO_TEAM"_key);
  auto* team_section = team.empty() ? nullptr : dict.AddSectionDictionary("HAS_TEAM"_key);
  for (const Member& m : team) {
    auto* row = team_section->AddSectionDictionary("MEMBER"_key);
    row->SetValue("NAME"_key, m.name);
    row->SetValue("ORGANISATION"_key, m.organisation_name);
    row->SetValue("EMAIL"_key, m.email);
    if (!m.organisation_phone.empty()) {
      row->SetValueAndShowSection("PHONE"_key, m.organisation_phone, "ORG_PHONE"_key);
    }
    if (m.referent()) row->ShowSection("REFERENT"_key);
  }
  if (!team.empty()) reads.add(person.id, "team");
  if (may_manage_team(ctx.actor, p.facts)) {
    auto* link = dict.AddSectionDictionary("CAN_SEE_TEAM_PAGE"_key);
    if (!pending.empty()) {
      link->SetIntValue("COUNT"_key, static_cast<long>(pending.size()));
      link->ShowSection("PENDING_COUNT"_key);
    }
  } else if (may_transfer(ctx.actor, p.facts)) {
    dict.ShowSection("CAN_SEE_TEAM_PAGE"_key);
  }

  if (journey_visible && p.journey) {
    reads.add(person.id, "journey");
    auto* journey = dict.AddSectionDictionary("JOURNEY"_key);
    journey->SetValue("STATUS"_key, journey_status_label(p.journey->status));
    auto entry = parse_entry(p.journey->entry);
    journey->SetValue("ENTRY"_key, entry ? entry_label(*entry) : p.journey->entry);
    std::string opened = format_datetime_fr(p.journey->opened_at);
    journey->SetValue("OPENED_AT"_key, opened.substr(0, opened.find(" à ")));
    journey->SetValue("NEED"_key, or_dash(p.journey->need));
    fill_contact_and_situation(*journey, person, sources);
    appointments::fill_journey_section(ctx, *journey, p.facts, *p.journey, team);
    plan::fill_journey_section(ctx, *journey, p.facts, *p.journey, reads);
    followup::fill_journey_section(ctx, *journey, p.facts, *p.journey);
    if (may_add_note(ctx.actor, p.facts)) {
      journey->ShowSection("CAN_NOTE"_key);
      fill_note_form(ctx, *journey, person.id, "", "", std::nullopt, nullptr);
    }
    // The person's records (hers and those merged into it), for the notes and the timeline.
    // The version is read before what it versions: data read after it is as new or newer.
    auto records = person_record_ids(ctx.db, person.id);
    TimelineVersion version = timeline_version(ctx.db, records);
    auto cached = carnet_cache().get(records, version);
    std::vector<Note> notes;
    if (!cached) notes = notes_of_person(ctx.db, records);
    fill_notes(ctx, *journey, p, cached ? cached->notes : notes);
    carnet = fill_timeline(ctx, *journey, person.id, records, cached, version, std::move(notes));
  }

  if (may_dismiss_match(ctx.actor, p.facts)) {
    auto matches = suggestions_for(ctx.db, person);
    ctemplate::TemplateDictionary* duplicates = nullptr;
    for (const Match& m : matches) {
      PersonFacts other = load_person_facts(ctx.db, ctx.actor, m.person_id, p.territory_id);
      if (!may_view_identity(ctx.actor, other)) continue;
      auto o = find_person(ctx.db, m.person_id);
      if (!o) continue;
      if (!duplicates) duplicates = dict.AddSectionDictionary("DUPLICATES"_key);
      auto* row = duplicates->AddSectionDictionary("DUPLICATE"_key);
      row->SetIntValue("PERSON_ID"_key, person.id);
      row->SetIntValue("OTHER_ID"_key, o->id);
      row->SetValue("NAME"_key, display_name(*o));
      if (o->birth_date) {
        row->SetValueAndShowSection("BIRTH_DATE"_key, display_date(*o->birth_date), "BIRTH"_key);
      }
      row->SetValue("REASON"_key, match_reason_label(m.reason));
      if (may_merge(ctx.actor, p.facts)) row->ShowSection("CAN_MERGE"_key);
    }
  }
  if (may_merge(ctx.actor, p.facts)) dict.ShowSection("MANAGER"_key);
  reads.flush();
  unsigned status = join_error ? http_status(join_error->code) : 200;
  return html::page(ctx, display_name(person), "people/show.tpl", dict, status);
}

// GET /personnes/{id}[?territoire=&type=&auteur=&avant=&notes_avant=] — whoever may see the
// identity; the journey, notes and timeline for the team (and the orientation queue).
http::Response show(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) { return person_page(ctx, p, nullptr, ""); });
}

enum class Section { kIdentity, kContact, kSituation };

http::Response edit_page(http::Context& ctx, const PersonPage& p, Section section,
                         const IdentityForm* identity, const ContactForm* contact,
                         const SituationForm* situation, const Error* error) {
  ctemplate::TemplateDictionary dict("person_edit");
  dict.SetIntValue("PERSON_ID"_key, p.person.id);
  dict.SetValue("NAME"_key, display_name(p.person));
  web::show_error(dict, error);
  std::string heading;
  std::string path = web::person_path(p.person.id);
  switch (section) {
    case Section::kIdentity:
      heading = "Modifier l’identité";
      path += "/identite";
      web::fill_identity_fields(dict, *identity, error, p.person.has_nir());
      break;
    case Section::kContact:
      heading = "Modifier les coordonnées";
      path += "/coordonnees";
      web::fill_contact_fields(dict, *contact, error);
      break;
    case Section::kSituation:
      heading = "Modifier la situation";
      path += "/situation";
      web::fill_situation_fields(dict, *situation, error);
      break;
  }
  dict.SetValue("HEADING"_key, heading);
  dict.SetValue("ACTION"_key, path);
  std::string title = heading + " — " + display_name(p.person);
  return html::page(ctx, error ? "Erreur — " + title : title, "people/edit.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/identite|coordonnees|situation — the team.
http::Handler edit_form(Section section) {
  return [section](http::Context& ctx) {
    return with_person(ctx, [&](PersonPage& p) {
      if (!may_edit_person(ctx.actor, p.facts)) return html::refuse(ctx);
      IdentityForm identity = identity_form_of(ctx.db, p.person, false);
      ContactForm contact = contact_form_of(p.person);
      SituationForm situation = situation_form_of(p.person);
      web::log_read(ctx, p.person.id,
                    section == Section::kIdentity  ? "identity"
                    : section == Section::kContact ? "contact"
                                                   : "situation");
      return edit_page(ctx, p, section, &identity, &contact, &situation, nullptr);
    });
  };
}

// POST /personnes/{id}/identite|coordonnees|situation — the team.
http::Handler update(Section section) {
  return [section](http::Context& ctx) {
    return with_person(ctx, [&](PersonPage& p) {
      if (!may_edit_person(ctx.actor, p.facts)) return html::refuse(ctx);
      TeamActor me = web::team_actor(ctx, p.territory_id);
      Provenance by = Provenance::professional(me.user_id, me.organisation_id);
      IdentityForm identity = web::identity_from_request(ctx.request);
      ContactForm contact = web::contact_from_request(ctx.request);
      SituationForm situation = web::situation_from_request(ctx.request);
      Result<void> done;
      switch (section) {
        case Section::kIdentity:
          done = update_identity(ctx.db, p.person.id, identity, by);
          break;
        case Section::kContact:
          done = update_contact(ctx.db, p.person.id, contact, by);
          break;
        case Section::kSituation:
          done = update_situation(ctx.db, p.person.id, situation, by);
          break;
      }
      if (!done) {
        return edit_page(ctx, p, section, &identity, &contact, &situation, &done.error());
      }
      http::set_flash(ctx, "Modifications enregistrées.");
      return http::Response::redirect(web::person_path(p.person.id));
    });
  };
}

http::Response note_page(http::Context& ctx, const PersonPage& p, const std::string& body,
                         const std::string& visibility, const std::optional<Note>& original,
                         const Error* error) {
  ctemplate::TemplateDictionary dict("person_note");
  dict.SetIntValue("PERSON_ID"_key, p.person.id);
  dict.SetValue("NAME"_key, display_name(p.person));
  std::string heading = original ? "Corriger une note" : "Ajouter une note";
  dict.SetValue("HEADING"_key, heading);
  web::show_error(dict, error);
  if (original) {
    auto* o = dict.AddSectionDictionary("ORIGINAL"_key);
    o->SetValue("AUTHOR"_key, original->author_name);
    o->SetValue("WHEN"_key, format_datetime_fr(original->created_at));
    o->SetValue("BODY"_key, original->body);
  }
  fill_note_form(ctx, dict, p.person.id, body, visibility,
                 original ? std::optional(original->id) : std::nullopt, error);
  return html::page(ctx, error ? "Erreur — " + heading : heading, "people/note.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/notes/{note}/corriger — the note's author, in the team.
http::Response correct_form(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!may_add_note(ctx.actor, p.facts)) return html::refuse(ctx);
    auto note_id = web::path_id(ctx, "note");
    auto note = note_id ? find_note(ctx.db, *note_id) : std::nullopt;
    if (!note || !p.journey || note->journey_id != p.journey->id) {
      return html::error_page(ctx, 404, "Page non trouvée", "Cette note n’existe pas.");
    }
    if (note->author_id != ctx.actor->user_id) return html::refuse(ctx);
    web::log_read(ctx, p.person.id, "notes");
    return note_page(ctx, p, note->body, note->visibility, note, nullptr);
  });
}

// POST /personnes/{id}/notes — the team: a note, or the correction of one of one's notes.
http::Response add(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!may_add_note(ctx.actor, p.facts) || !p.journey) return html::refuse(ctx);
    std::string body = ctx.request.form_value("body");
    std::string visibility = ctx.request.form_value("visibility");
    std::string corrects_text = ctx.request.form_value("corrects_id");
    std::optional<std::int64_t> corrects;
    std::optional<Note> original;
    if (!corrects_text.empty()) {
      corrects = text::parse_id(corrects_text);
      if (corrects) original = find_note(ctx.db, *corrects);
      if (!original || original->journey_id != p.journey->id) {
        Error error{ErrorCode::kInvalid, "La note à corriger n’existe pas dans ce parcours.",
                    "corrects_id"};
        return note_page(ctx, p, body, visibility, std::nullopt, &error);
      }
    }
    auto added = add_note(ctx.db, {.journey_id = p.journey->id,
                                   .author = web::team_actor(ctx, p.territory_id),
                                   .visibility = visibility,
                                   .body = body,
                                   .corrects_id = corrects});
    if (!added) {
      if (added.error().code == ErrorCode::kForbidden) return html::refuse(ctx);
      return note_page(ctx, p, body, visibility, original, &added.error());
    }
    http::set_flash(ctx, corrects ? "Correction enregistrée." : "Note ajoutée.");
    return http::Response::redirect(web::person_path(p.person.id) + "#notes");
  });
}

// POST /personnes/{id}/rejoindre — a professional of the territory outside the team.
http::Response join(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!may_request_to_join(ctx.actor, p.facts) || !p.journey) return html::refuse(ctx);
    std::string message = ctx.request.form_value("message");
    auto requested =
        request_to_join(ctx.db, p.journey->id, web::team_actor(ctx, p.territory_id), message);
    if (!requested) return person_page(ctx, p, &requested.error(), message);
    http::set_flash(ctx, "Votre demande a été transmise à l’équipe.");
    return http::Response::redirect(web::person_path(p.person.id));
  });
}

// POST /personnes/{id}/doublons/{other}/ecarter — the team and territory managers, when they
// may see both records.
http::Response dismiss(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!may_dismiss_match(ctx.actor, p.facts)) return html::refuse(ctx);
    auto other = web::path_id(ctx, "other");
    if (!other || !find_person(ctx.db, *other)) {
      return html::error_page(ctx, 404, "Page non trouvée", "Cette fiche n’existe pas.");
    }
    PersonFacts facts = load_person_facts(ctx.db, ctx.actor, *other, p.territory_id);
    if (!may_view_identity(ctx.actor, facts)) return html::refuse(ctx);
    TeamActor me = web::team_actor(ctx, p.territory_id);
    auto done = dismiss_match(ctx.db, p.person.id, *other, me.user_id, me.organisation_id);
    if (!done) return html::error_page(ctx, done.error());
    http::set_flash(ctx, "La fiche semblable a été écartée : elle ne sera plus proposée.");
    return http::Response::redirect(web::person_path(p.person.id));
  });
}

}  // namespace

void register_person_routes(http::Router& router) {
  router.add("GET", "/personnes/{id}", show);
  router.add("GET", "/personnes/{id}/identite", edit_form(Section::kIdentity));
  router.add("POST", "/personnes/{id}/identite", update(Section::kIdentity));
  router.add("GET", "/personnes/{id}/coordonnees", edit_form(Section::kContact));
  router.add("POST", "/personnes/{id}/coordonnees", update(Section::kContact));
  router.add("GET", "/personnes/{id}/situation", edit_form(Section::kSituation));
  router.add("POST", "/personnes/{id}/situation", update(Section::kSituation));
  router.add("POST", "/personnes/{id}/notes", add);
  router.add("GET", "/personnes/{id}/notes/{note}/corriger", correct_form);
  router.add("POST", "/personnes/{id}/rejoindre", join);
  router.add("POST", "/personnes/{id}/doublons/{other}/ecarter", dismiss);
}

}  // namespace parcours::people

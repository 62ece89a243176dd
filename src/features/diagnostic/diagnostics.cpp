#include "features/diagnostic/diagnostics.h"

#include <algorithm>
#include <map>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/store/journal.h"
#include "features/people/persons.h"

namespace parcours::diagnostic {
namespace {

namespace json = boost::json;

json::object parse_object(const std::string& text) {
  boost::system::error_code ec;
  auto value = json::parse(text, ec);
  return !ec && value.is_object() ? value.as_object() : json::object{};
}

constexpr const char* kColumns =
    "SELECT d.id, d.journey_id, d.author, d.version, d.form_id, d.extra_form_id, d.answers, "
    "d.sources, d.user_id, COALESCE(u.name, ''), d.created_at FROM diagnostics d LEFT JOIN users u "
    "ON u.id = d.user_id ";

DiagnosticVersion from_row(const store::Row& r) {
  return {.id = r.integer(0),
          .journey_id = r.integer(1),
          .author = r.text(2),
          .version = r.integer(3),
          .form_id = r.integer(4),
          .extra_form_id = r.opt_integer(5),
          .answers = parse_object(r.text(6)),
          .sources = parse_object(r.text(7)),
          .user_id = r.opt_integer(8),
          .user_name = r.text(9),
          .created_at = r.integer(10)};
}

std::string label_of(const std::vector<Choice>& choices, std::string_view value) {
  for (const auto& c : choices) {
    if (c.value == value) return c.label;
  }
  return std::string(value);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : std::string(separator)) + p;
  return out;
}

}  // namespace

Result<DiagnosticVersion> save_diagnostic(store::Connection& conn, const NewDiagnostic& d) {
  if (d.author != kByPerson && d.author != kByProfessional) {
    return fail(ErrorCode::kInvalid, "Auteur du diagnostic inconnu.", "author");
  }
  return atomically(conn, [&]() -> Result<DiagnosticVersion> {
    auto journey = conn.query_one("SELECT person_id, territory_id FROM journeys WHERE id = $1",
                                  {d.journey_id});
    if (!journey) return fail(ErrorCode::kNotFound, "Parcours introuvable.");
    auto last = conn.query_one(
        "SELECT COALESCE(MAX(version), 0) FROM diagnostics WHERE journey_id = $1 AND author = $2",
        {d.journey_id, d.author});
    std::int64_t version = last->integer(0) + 1;
    // Two saves at the same instant would take the same version: the second is told to reload.
    try {
      conn.execute(
          "INSERT INTO diagnostics (journey_id, author, version, form_id, extra_form_id, answers, "
          "sources, user_id, organisation_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
          "$9, $10)",
          {d.journey_id, d.author, version, d.form_id, store::opt(d.extra_form_id),
           json::serialize(d.answers), json::serialize(d.sources), store::opt(d.user_id),
           store::opt(d.organisation_id), now_seconds()});
    } catch (const store::StoreError& e) {
      if (!e.unique_violation()) throw;
      return fail(
          ErrorCode::kConflict,
          "Le diagnostic vient d’être enregistré par quelqu’un d’autre : rechargez la page.");
    }
    // Narrated by the carnet de bord as "<who> : <text>" (people/events.cpp).
    json::object payload{{"journey_id", d.journey_id}, {"author", d.author}, {"version", version}};
    if (d.author == kByPerson) {
      payload["by"] = "person";
      payload["text"] = "besoins exprimés avec ses mots (version " + std::to_string(version) + ")";
    } else {
      if (d.organisation_id) payload["actor_organisation_id"] = *d.organisation_id;
      payload["text"] =
          "diagnostic socio-professionnel enregistré (version " + std::to_string(version) + ")";
    }
    store::append_event(conn, {.kind = kDiagnosticSaved,
                               .territory_id = journey->integer(1),
                               .person_id = journey->integer(0),
                               .actor_id = d.user_id,
                               .payload_json = json::serialize(payload)});
    auto saved = diagnostic_version(conn, d.journey_id, d.author, version);
    if (!saved) return fail(ErrorCode::kNotFound, "Diagnostic introuvable.");
    return *saved;
  });
}

std::vector<DiagnosticVersion> diagnostic_versions(store::Connection& conn, std::int64_t journey_id,
                                                   std::string_view author) {
  std::vector<DiagnosticVersion> out;
  for (const auto& r :
       conn.query(std::string(kColumns) +
                      "WHERE d.journey_id = $1 AND d.author = $2 ORDER BY d.version DESC",
                  {journey_id, std::string(author)})) {
    out.push_back(from_row(r));
  }
  return out;
}

std::optional<DiagnosticVersion> current_diagnostic(store::Connection& conn,
                                                    std::int64_t journey_id,
                                                    std::string_view author) {
  auto r = conn.query_one(std::string(kColumns) +
                              "WHERE d.journey_id = $1 AND d.author = $2 "
                              "ORDER BY d.version DESC LIMIT 1",
                          {journey_id, std::string(author)});
  if (!r) return std::nullopt;
  return from_row(*r);
}

std::optional<DiagnosticVersion> diagnostic_version(store::Connection& conn,
                                                    std::int64_t journey_id,
                                                    std::string_view author, std::int64_t version) {
  auto r = conn.query_one(
      std::string(kColumns) + "WHERE d.journey_id = $1 AND d.author = $2 AND d.version = $3",
      {journey_id, std::string(author), version});
  if (!r) return std::nullopt;
  return from_row(*r);
}

Prefill prefill_from_person(store::Connection& conn, std::int64_t person_id) {
  Prefill out;
  auto person = people::find_person(conn, person_id);
  if (!person) return out;
  std::map<std::string, std::string> described;
  for (const auto& s : people::field_sources(conn, person_id)) {
    described[s.field] = people::describe_source(s);
  }
  auto add = [&](const char* question, json::value answer, const char* field) {
    out.answers[question] = std::move(answer);
    auto it = described.find(field);
    out.sources[question] =
        "Fiche de la personne" + (it == described.end() ? std::string() : " : " + it->second);
  };
  if (!person->last_job.empty()) add("dernier_emploi", json::value(person->last_job), "last_job");
  if (person->last_job_end) {
    add("dernier_emploi_date", json::value(*person->last_job_end), "last_job_end");
  }
  if (person->education_level) {
    add("niveau_formation", json::value(*person->education_level), "education_level");
  }
  // The record says whether the person has a driving licence, not which: B is the usual one,
  // and the source says it is assumed.
  if (person->driving_licence) {
    add("permis", json::array{"B"}, "driving_licence");
    out.sources["permis"] = json::value(std::string(out.sources["permis"].as_string()) +
                                        " (permis de conduire : catégorie B supposée)");
  }
  return out;
}

std::string display_answer(const Question& q, const json::value& answer) {
  switch (q.type) {
    case AnswerType::kText:
    case AnswerType::kLongText:
    case AnswerType::kMonth:
      return answer.is_string() ? std::string(answer.as_string()) : "";
    case AnswerType::kSingleChoice:
      return answer.is_string() ? label_of(q.choices, answer.as_string()) : "";
    case AnswerType::kMultipleChoice: {
      std::vector<std::string> parts;
      if (answer.is_array()) {
        for (const auto& v : answer.as_array()) {
          if (v.is_string()) parts.push_back(label_of(q.choices, v.as_string()));
        }
      }
      return join(parts, ", ");
    }
    case AnswerType::kYesNo:
      return answer.is_bool() ? (answer.as_bool() ? "Oui" : "Non") : "";
    case AnswerType::kNumber: {
      return answer.is_number() ? format_number(answer.to_number<double>()) : "";
    }
    case AnswerType::kRomeJobs: {
      std::vector<std::string> parts;
      if (answer.is_array()) {
        for (const auto& v : answer.as_array()) {
          if (!v.is_object()) continue;
          const auto& o = v.as_object();
          auto label = o.if_contains("appellation");
          auto code = o.if_contains("code_rome");
          if (label && label->is_string() && code && code->is_string()) {
            parts.push_back(std::string(label->as_string()) + " (" +
                            std::string(code->as_string()) + ")");
          }
        }
      }
      return join(parts, ", ");
    }
    case AnswerType::kObstacles: {
      std::vector<std::string> parts;
      if (!answer.is_object()) return "";
      for (const auto& th : q.thematiques) {
        auto v = answer.as_object().if_contains(th.code);
        if (!v || !v->is_object()) continue;
        const auto& o = v->as_object();
        std::string level;
        if (auto l = o.if_contains("niveau"); l && l->is_string()) {
          level = label_of(obstacle_levels(), l->as_string());
        }
        std::vector<std::string> subs;
        if (auto s = o.if_contains("sous_thematiques"); s && s->is_array()) {
          for (const auto& code : s->as_array()) {
            if (code.is_string()) subs.push_back(label_of(th.sous_thematiques, code.as_string()));
          }
        }
        std::string part = th.label + " : " + level;
        if (!subs.empty()) part += " (" + join(subs, ", ") + ")";
        if (auto c = o.if_contains("commentaire"); c && c->is_string() && !c->as_string().empty()) {
          part += " — « " + std::string(c->as_string()) + " »";
        }
        parts.push_back(part);
      }
      return join(parts, " ; ");
    }
  }
  return "";
}

std::vector<Change> compare_answers(const FormDefinition& form, const json::object& before,
                                    const json::object& after) {
  std::vector<Change> out;
  for (const auto& section : form.sections) {
    for (const auto& q : section.questions) {
      auto b = before.if_contains(q.id);
      auto a = after.if_contains(q.id);
      if (!b && !a) continue;
      if (b && a && *b == *a) continue;
      out.push_back(
          {q.id, q.label, b ? display_answer(q, *b) : "", a ? display_answer(q, *a) : ""});
    }
  }
  return out;
}

}  // namespace parcours::diagnostic

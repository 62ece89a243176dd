#include "features/diagnostic/renderer.h"

#include <algorithm>

#include "core/html/render.h"
#include "core/text.h"
#include "features/diagnostic/diagnostics.h"

namespace parcours::diagnostic {
namespace {

namespace json = boost::json;
using Dict = ctemplate::TemplateDictionary;

std::string as_text(const json::value* v) {
  if (!v) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_number()) return format_number(v->to_number<double>());
  return "";
}

bool contains(const json::value* v, std::string_view value) {
  if (!v) return false;
  if (v->is_string()) return v->as_string() == value;
  if (!v->is_array()) return false;
  return std::any_of(v->as_array().begin(), v->as_array().end(),
                     [&](const json::value& x) { return x.is_string() && x.as_string() == value; });
}

void set_error(Dict* d, const Error* error, const std::string& field) {
  if (error && error->field == field) {
    d->ShowSection(html::key("ERROR"));
    d->SetValue(html::key("ERROR_MESSAGE"), error->message);
    d->SetValue(html::key("ERROR_ID"), html_id(field) + "-error");
  }
}

void add_choices(Dict* d, const char* section, const std::string& field_id,
                 const std::vector<Choice>& choices, const json::value* value) {
  std::size_t i = 0;
  for (const auto& c : choices) {
    auto* o = d->AddSectionDictionary(html::key(section));
    o->SetValue(html::key("VALUE"), c.value);
    o->SetValue(html::key("LABEL"), c.label);
    o->SetValue(html::key("OPTION_ID"), field_id + "-" + std::to_string(++i));
    if (contains(value, c.value)) o->ShowSection(html::key("CHECKED"));
  }
}

void render_question(Dict* q, const Question& question, const RenderInput& in) {
  const json::value* value = in.values ? in.values->if_contains(question.id) : nullptr;
  q->SetValue(html::key("NAME"), question.id);
  q->SetValue(html::key("ID"), html_id(question.id));
  q->SetValue(html::key("LABEL"), question.label);
  if (!question.hint.empty()) {
    q->ShowSection(html::key("HINT"));
    q->SetValue(html::key("HINT_TEXT"), question.hint);
  }
  if (in.sources) {
    if (auto s = in.sources->if_contains(question.id); s && s->is_string()) {
      q->ShowSection(html::key("SOURCE"));
      q->SetValue(html::key("SOURCE_TEXT"), std::string(s->as_string()));
    }
  }
  if (in.person_words) {
    auto words = in.person_words->if_contains(question.id);
    q->ShowSection(html::key("PERSON_WORDS"));
    std::string shown = words ? display_answer(question, *words) : "";
    q->SetValue(html::key("PERSON_ANSWER"), shown.empty() ? "Pas de réponse" : shown);
  }
  set_error(q, in.error, question.id);
  switch (question.type) {
    case AnswerType::kText:
    case AnswerType::kMonth:
    case AnswerType::kNumber: {
      auto* d = q->AddSectionDictionary(html::key("INPUT"));
      set_error(d, in.error, question.id);
      d->SetValue(html::key("VALUE"), as_text(value));
      d->SetValue(html::key("INPUT_MODE"), question.type == AnswerType::kNumber  ? "decimal"
                                           : question.type == AnswerType::kMonth ? "numeric"
                                                                                 : "text");
      break;
    }
    case AnswerType::kLongText: {
      auto* d = q->AddSectionDictionary(html::key("TEXTAREA"));
      set_error(d, in.error, question.id);
      d->SetValue(html::key("VALUE"), as_text(value));
      break;
    }
    case AnswerType::kSingleChoice:
      if (question.select) {
        auto* d = q->AddSectionDictionary(html::key("SELECT"));
        set_error(d, in.error, question.id);
        add_choices(d, "OPTION", html_id(question.id), question.choices, value);
      } else {
        auto* d = q->AddSectionDictionary(html::key("RADIOS"));
        set_error(d, in.error, question.id);
        add_choices(d, "OPTION", html_id(question.id), question.choices, value);
      }
      break;
    case AnswerType::kYesNo: {
      auto* d = q->AddSectionDictionary(html::key("RADIOS"));
      set_error(d, in.error, question.id);
      json::value yes_no = value && value->is_bool() ? json::value(value->as_bool() ? "oui" : "non")
                           : value                   ? *value
                                                     : json::value(nullptr);
      add_choices(d, "OPTION", html_id(question.id), {{"oui", "Oui"}, {"non", "Non"}},
                  yes_no.is_null() ? nullptr : &yes_no);
      break;
    }
    case AnswerType::kMultipleChoice: {
      auto* d = q->AddSectionDictionary(html::key("CHECKBOXES"));
      set_error(d, in.error, question.id);
      add_choices(d, "OPTION", html_id(question.id), question.choices, value);
      break;
    }
    case AnswerType::kRomeJobs: {
      auto* d = q->AddSectionDictionary(html::key("ROME"));
      set_error(d, in.error, question.id);
      std::string search_field = question.id + ".recherche";
      d->SetValue(html::key("SEARCH_NAME"), search_field);
      d->SetValue(html::key("SEARCH_ID"), html_id(search_field));
      set_error(d, in.error, search_field);
      if (in.error && in.error->field == search_field) q->ShowSection(html::key("ERROR"));
      if (in.values)
        d->SetValue(html::key("SEARCH_VALUE"), as_text(in.values->if_contains(search_field)));
      std::size_t i = 0;
      auto add_job = [&](const std::string& code, const std::string& label, bool checked) {
        auto* o = d->AddSectionDictionary(html::key("JOB"));
        o->SetValue(html::key("VALUE"), code + "|" + label);
        o->SetValue(html::key("LABEL"), label + " (" + code + ")");
        o->SetValue(html::key("OPTION_ID"), html_id(question.id) + "-" + std::to_string(++i));
        if (checked) o->ShowSection(html::key("CHECKED"));
      };
      if (value && value->is_array()) {
        for (const auto& job : value->as_array()) {
          if (!job.is_object()) continue;
          add_job(as_text(job.as_object().if_contains("code_rome")),
                  as_text(job.as_object().if_contains("appellation")), true);
        }
      }
      for (const auto& job : in.rome_suggestions) add_job(job.code_rome, job.appellation, false);
      if (i > 0) d->ShowSection(html::key("HAS_JOBS"));
      break;
    }
    case AnswerType::kObstacles: {
      auto* d = q->AddSectionDictionary(html::key("OBSTACLES"));
      for (const auto& th : question.thematiques) {
        auto* t = d->AddSectionDictionary(html::key("THEMATIQUE"));
        const json::value* answer =
            value && value->is_object() ? value->as_object().if_contains(th.code) : nullptr;
        auto part = [&](const char* k) -> const json::value* {
          return answer && answer->is_object() ? answer->as_object().if_contains(k) : nullptr;
        };
        std::string prefix = question.id + "." + th.code + ".";
        t->SetValue(html::key("THEMATIQUE_LABEL"), th.label);
        t->SetValue(html::key("ID"), html_id(question.id + "." + th.code));
        t->SetValue(html::key("LEVEL_NAME"), prefix + "niveau");
        t->SetValue(html::key("SUBS_NAME"), prefix + "sous_thematiques");
        t->SetValue(html::key("COMMENT_NAME"), prefix + "commentaire");
        t->SetValue(html::key("COMMENT_ID"), html_id(prefix + "commentaire"));
        t->SetValue(html::key("COMMENT"), as_text(part("commentaire")));
        auto* level = t->AddSectionDictionary(html::key("LEVEL"));
        set_error(level, in.error, prefix + "niveau");
        add_choices(level, "OPTION", html_id(prefix + "niveau"), obstacle_levels(), part("niveau"));
        auto* subs = t->AddSectionDictionary(html::key("SUBS"));
        set_error(subs, in.error, prefix + "sous_thematiques");
        add_choices(subs, "OPTION", html_id(prefix + "sous_thematiques"), th.sous_thematiques,
                    part("sous_thematiques"));
        auto* comment = t->AddSectionDictionary(html::key("COMMENT_FIELD"));
        set_error(comment, in.error, prefix + "commentaire");
        comment->SetValue(html::key("COMMENT_NAME"), prefix + "commentaire");
        comment->SetValue(html::key("COMMENT_ID"), html_id(prefix + "commentaire"));
        comment->SetValue(html::key("COMMENT"), as_text(part("commentaire")));
        bool open = answer != nullptr || (in.error && in.error->field.starts_with(prefix));
        if (open) t->ShowSection(html::key("OPEN"));
        if (in.person_words) {
          auto words = in.person_words->if_contains(question.id);
          const json::value* said =
              words && words->is_object() ? words->as_object().if_contains(th.code) : nullptr;
          if (said) {
            Question one = question;
            one.thematiques = {th};
            json::object only{{th.code, *said}};
            t->ShowSection(html::key("PERSON_SAID"));
            t->SetValue(html::key("PERSON_SAID_TEXT"), display_answer(one, only));
          }
        }
      }
      break;
    }
  }
}

}  // namespace

std::string html_id(std::string_view field) {
  std::string id(field);
  std::replace(id.begin(), id.end(), '.', '-');
  std::replace(id.begin(), id.end(), '_', '-');
  return "q-" + id;
}

void render_form(Dict& dict, const FormDefinition& form, const RenderInput& input) {
  for (const auto& section : form.sections) {
    auto* s = dict.AddSectionDictionary(html::key("FORM_SECTION"));
    s->SetValue(html::key("SECTION_ID"), html_id(section.id));
    s->SetValue(html::key("SECTION_TITLE"), section.title);
    for (const auto& question : section.questions) {
      render_question(s->AddSectionDictionary(html::key("QUESTION")), question, input);
    }
  }
}

json::object raw_answers(const FormDefinition& form, const Fields& fields) {
  json::object out;
  auto all = [&](const std::string& name) {
    json::array values;
    auto [from, to] = fields.equal_range(name);
    for (auto it = from; it != to; ++it) values.emplace_back(it->second);
    return values;
  };
  auto one = [&](const std::string& name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
  };
  for (const auto& section : form.sections) {
    for (const auto& q : section.questions) {
      switch (q.type) {
        case AnswerType::kMultipleChoice:
          out[q.id] = all(q.id);
          break;
        case AnswerType::kRomeJobs: {
          json::array jobs;
          for (const auto& v : all(q.id)) {
            std::string s(v.as_string());
            auto bar = s.find('|');
            if (bar == std::string::npos) continue;
            jobs.push_back(
                json::object{{"code_rome", s.substr(0, bar)}, {"appellation", s.substr(bar + 1)}});
          }
          out[q.id] = std::move(jobs);
          out[q.id + ".recherche"] = one(q.id + ".recherche");
          break;
        }
        case AnswerType::kObstacles: {
          json::object obstacles;
          for (const auto& th : q.thematiques) {
            std::string prefix = q.id + "." + th.code + ".";
            std::string level = one(prefix + "niveau");
            std::string comment = one(prefix + "commentaire");
            auto subs = all(prefix + "sous_thematiques");
            if (level.empty() && comment.empty() && subs.empty()) continue;
            obstacles[th.code] = json::object{
                {"niveau", level}, {"sous_thematiques", std::move(subs)}, {"commentaire", comment}};
          }
          out[q.id] = std::move(obstacles);
          break;
        }
        default:
          if (fields.contains(q.id)) out[q.id] = one(q.id);
      }
    }
  }
  return out;
}

}  // namespace parcours::diagnostic

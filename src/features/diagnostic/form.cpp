#include "features/diagnostic/form.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "core/text.h"

namespace parcours::diagnostic {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxCommentLength = 2000;
constexpr std::size_t kMaxFieldLength = 10000;

const std::vector<std::pair<AnswerType, const char*>>& type_codes() {
  static const std::vector<std::pair<AnswerType, const char*>> codes{
      {AnswerType::kText, "text"},
      {AnswerType::kLongText, "long_text"},
      {AnswerType::kSingleChoice, "single_choice"},
      {AnswerType::kMultipleChoice, "multiple_choice"},
      {AnswerType::kMonth, "month"},
      {AnswerType::kYesNo, "yes_no"},
      {AnswerType::kNumber, "number"},
      {AnswerType::kRomeJobs, "rome_jobs"},
      {AnswerType::kObstacles, "obstacles"}};
  return codes;
}

std::string str(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

bool valid_id(std::string_view id) {
  return !id.empty() && id.size() <= 60 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Result<std::vector<Choice>> parse_choices(const json::object& o, std::string_view key,
                                          const std::string& where) {
  std::vector<Choice> out;
  auto it = o.find(key);
  if (it == o.end()) return out;
  if (!it->value().is_array()) {
    return fail(ErrorCode::kInvalid, where + " : « " + std::string(key) + " » doit être une liste.",
                "definition");
  }
  std::set<std::string> seen;
  for (const auto& c : it->value().as_array()) {
    if (!c.is_object()) {
      return fail(ErrorCode::kInvalid, where + " : chaque choix doit avoir « value » et « label ».",
                  "definition");
    }
    Choice choice{str(c.as_object(), "value"), str(c.as_object(), "label")};
    if (choice.value.empty() || choice.label.empty() || choice.value.size() > 120) {
      return fail(ErrorCode::kInvalid, where + " : chaque choix doit avoir « value » et « label ».",
                  "definition");
    }
    if (!seen.insert(choice.value).second) {
      return fail(ErrorCode::kInvalid,
                  where + " : le choix « " + choice.value + " » est en double.", "definition");
    }
    out.push_back(std::move(choice));
  }
  return out;
}

Result<Question> parse_question(const json::value& v, std::string_view kind,
                                std::set<std::string>& ids) {
  if (!v.is_object()) {
    return fail(ErrorCode::kInvalid, "Chaque question doit être un objet JSON.", "definition");
  }
  const auto& o = v.as_object();
  Question q;
  q.id = str(o, "id");
  std::string where = "Question « " + q.id + " »";
  if (!valid_id(q.id)) {
    return fail(ErrorCode::kInvalid,
                "Identifiant de question « " + q.id +
                    " » invalide : lettres minuscules, chiffres et « _ », 60 caractères au plus.",
                "definition");
  }
  if (kind == kTerritoryExtra && !q.id.starts_with("t_")) {
    return fail(
        ErrorCode::kInvalid,
        where + " : les questions du territoire ont un identifiant qui commence par « t_ ».",
        "definition");
  }
  if (!ids.insert(q.id).second) {
    return fail(ErrorCode::kInvalid, where + " : identifiant en double.", "definition");
  }
  auto type = parse_answer_type(str(o, "type"));
  if (!type) {
    return fail(ErrorCode::kInvalid,
                where + " : type « " + str(o, "type") +
                    " » inconnu (text, long_text, single_choice, multiple_choice, month, yes_no, "
                    "number, rome_jobs, obstacles).",
                "definition");
  }
  q.type = *type;
  q.label = str(o, "label");
  if (q.label.empty()) {
    return fail(ErrorCode::kInvalid, where + " : « label » (l’intitulé) est obligatoire.",
                "definition");
  }
  q.hint = str(o, "hint");
  if (auto it = o.find("required"); it != o.end() && it->value().is_bool()) {
    q.required = it->value().as_bool();
  }
  q.select = str(o, "display") == "select";
  if (auto it = o.find("max_length"); it != o.end() && it->value().is_int64()) {
    auto n = it->value().as_int64();
    if (n < 1 || n > static_cast<std::int64_t>(kMaxFieldLength)) {
      return fail(ErrorCode::kInvalid, where + " : « max_length » doit être entre 1 et 10000.",
                  "definition");
    }
    q.max_length = static_cast<std::size_t>(n);
  } else if (q.type == AnswerType::kLongText) {
    q.max_length = 2000;
  }
  if (auto it = o.find("max_items"); it != o.end() && it->value().is_int64()) {
    q.max_items = static_cast<std::size_t>(std::clamp<std::int64_t>(it->value().as_int64(), 1, 20));
  }
  for (auto [key, target] : {std::pair{"min", &q.min}, std::pair{"max", &q.max}}) {
    if (auto it = o.find(key); it != o.end() && it->value().is_number()) {
      *target = it->value().to_number<double>();
    }
  }
  auto choices = parse_choices(o, "choices", where);
  if (!choices) return std::unexpected(choices.error());
  q.choices = std::move(*choices);
  if ((q.type == AnswerType::kSingleChoice || q.type == AnswerType::kMultipleChoice) &&
      q.choices.empty()) {
    return fail(ErrorCode::kInvalid, where + " : au moins un choix est attendu dans « choices ».",
                "definition");
  }
  if (q.type == AnswerType::kObstacles) {
    auto it = o.find("thematiques");
    if (it == o.end() || !it->value().is_array() || it->value().as_array().empty()) {
      return fail(ErrorCode::kInvalid, where + " : la liste « thematiques » est obligatoire.",
                  "definition");
    }
    for (const auto& t : it->value().as_array()) {
      if (!t.is_object()) continue;
      Thematique th{str(t.as_object(), "code"), str(t.as_object(), "label"), {}};
      if (th.code.empty() || th.label.empty()) {
        return fail(ErrorCode::kInvalid,
                    where + " : chaque thématique a un « code » et un « label ».", "definition");
      }
      auto subs = parse_choices(t.as_object(), "sous_thematiques", where + ", " + th.code);
      if (!subs) return std::unexpected(subs.error());
      th.sous_thematiques = std::move(*subs);
      q.thematiques.push_back(std::move(th));
    }
  }
  return q;
}

std::string quoted(const Question& q) { return "« " + q.label + " » : "; }

std::vector<std::string> values_of(const Fields& fields, const std::string& name) {
  std::vector<std::string> out;
  auto [from, to] = fields.equal_range(name);
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

std::string value_of(const Fields& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? "" : text::trim(it->second);
}

bool known_choice(const std::vector<Choice>& choices, std::string_view value) {
  return std::any_of(choices.begin(), choices.end(),
                     [&](const Choice& c) { return c.value == value; });
}

bool valid_month(std::string_view v) {
  if (v.size() != 7 || v[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  int year = std::stoi(std::string(v.substr(0, 4)));
  int month = std::stoi(std::string(v.substr(5, 2)));
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12;
}

std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

Result<std::optional<json::value>> validate_question(const Question& q, const Fields& fields,
                                                     const RomeLookup& rome_lookup) {
  using Out = std::optional<json::value>;
  switch (q.type) {
    case AnswerType::kText:
    case AnswerType::kLongText: {
      std::string v = value_of(fields, q.id);
      if (v.empty()) return Out{};
      if (utf8_length(v) > q.max_length) {
        return fail(ErrorCode::kInvalid,
                    quoted(q) + std::to_string(q.max_length) + " caractères au plus.", q.id);
      }
      return Out{json::value(v)};
    }
    case AnswerType::kSingleChoice: {
      std::string v = value_of(fields, q.id);
      if (v.empty()) return Out{};
      if (!known_choice(q.choices, v)) {
        return fail(ErrorCode::kInvalid, quoted(q) + "choisissez une des réponses proposées.",
                    q.id);
      }
      return Out{json::value(v)};
    }
    case AnswerType::kMultipleChoice: {
      json::array out;
      for (const auto& v : values_of(fields, q.id)) {
        if (!known_choice(q.choices, v)) {
          return fail(ErrorCode::kInvalid, quoted(q) + "choisissez parmi les réponses proposées.",
                      q.id);
        }
        if (std::find(out.begin(), out.end(), json::value(v)) == out.end()) out.emplace_back(v);
      }
      if (out.empty()) return Out{};
      return Out{json::value(std::move(out))};
    }
    case AnswerType::kMonth: {
      std::string v = value_of(fields, q.id);
      if (v.empty()) return Out{};
      // MM/AAAA as typed in France is accepted too.
      if (v.size() == 7 && v[2] == '/') v = v.substr(3) + "-" + v.substr(0, 2);
      if (!valid_month(v)) {
        return fail(
            ErrorCode::kInvalid,
            quoted(q) + "indiquez le mois et l’année au format AAAA-MM, par exemple 2024-03.",
            q.id);
      }
      return Out{json::value(v)};
    }
    case AnswerType::kYesNo: {
      std::string v = value_of(fields, q.id);
      if (v.empty()) return Out{};
      if (v != "oui" && v != "non") {
        return fail(ErrorCode::kInvalid, quoted(q) + "répondez par oui ou par non.", q.id);
      }
      return Out{json::value(v == "oui")};
    }
    case AnswerType::kNumber: {
      std::string v = value_of(fields, q.id);
      if (v.empty()) return Out{};
      std::replace(v.begin(), v.end(), ',', '.');
      double number = 0;
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
      if (ec != std::errc() || end != v.data() + v.size()) {
        return fail(ErrorCode::kInvalid, quoted(q) + "indiquez un nombre, par exemple 12 ou 12,5.",
                    q.id);
      }
      if ((q.min && number < *q.min) || (q.max && number > *q.max)) {
        std::string range = q.min && q.max
                                ? "entre " + format_number(*q.min) + " et " + format_number(*q.max)
                            : q.min ? "au moins " + format_number(*q.min)
                                    : "au plus " + format_number(*q.max);
        return fail(ErrorCode::kInvalid, quoted(q) + "le nombre doit être " + range + ".", q.id);
      }
      return Out{json::value(number)};
    }
    case AnswerType::kRomeJobs: {
      json::array out;
      std::set<std::string> seen;
      auto add = [&](const std::string& code, const std::string& label) {
        if (seen.insert(code + "|" + label).second) {
          out.push_back(json::object{{"code_rome", code}, {"appellation", label}});
        }
      };
      for (const auto& v : values_of(fields, q.id)) {
        auto bar = v.find('|');
        std::string code = bar == std::string::npos ? "" : v.substr(0, bar);
        std::string label = bar == std::string::npos ? "" : text::trim(v.substr(bar + 1));
        bool code_ok = code.size() == 5 && code[0] >= 'A' && code[0] <= 'Z' &&
                       text::all_digits(std::string_view(code).substr(1));
        if (!code_ok || label.empty() || label.size() > 300) {
          return fail(ErrorCode::kInvalid,
                      quoted(q) + "métier non reconnu, choisissez-le dans la liste.", q.id);
        }
        add(code, label);
      }
      std::string search = value_of(fields, q.id + ".recherche");
      if (!search.empty()) {
        std::vector<RomeJob> found;
        if (rome_lookup) found = rome_lookup(search);
        std::string folded = text::fold_for_search(search);
        const RomeJob* chosen = nullptr;
        for (const auto& job : found) {
          if (text::fold_for_search(job.appellation) == folded) chosen = &job;
        }
        if (!chosen && found.size() == 1) chosen = &found.front();
        if (!chosen) {
          return fail(
              ErrorCode::kInvalid,
              quoted(q) + (found.empty() ? "aucun métier du répertoire ROME ne correspond à « " +
                                               search + " »."
                                         : "plusieurs métiers correspondent à « " + search +
                                               " » : cochez le bon dans la liste."),
              q.id + ".recherche");
        }
        add(chosen->code_rome, chosen->appellation);
      }
      if (out.size() > q.max_items) {
        return fail(ErrorCode::kInvalid,
                    quoted(q) + std::to_string(q.max_items) + " métiers au plus.", q.id);
      }
      if (out.empty()) return Out{};
      return Out{json::value(std::move(out))};
    }
    case AnswerType::kObstacles: {
      json::object out;
      for (const auto& th : q.thematiques) {
        std::string prefix = q.id + "." + th.code + ".";
        std::string level = value_of(fields, prefix + "niveau");
        auto subs = values_of(fields, prefix + "sous_thematiques");
        std::string comment = value_of(fields, prefix + "commentaire");
        std::string where = "« " + q.label + ", " + th.label + " » : ";
        if (!level.empty() && !known_choice(obstacle_levels(), level)) {
          return fail(ErrorCode::kInvalid,
                      where + "choisissez un niveau : aucun, à surveiller ou majeur.",
                      prefix + "niveau");
        }
        json::array sub_out;
        for (const auto& s : subs) {
          if (!known_choice(th.sous_thematiques, s)) {
            return fail(ErrorCode::kInvalid, where + "choisissez parmi les difficultés proposées.",
                        prefix + "sous_thematiques");
          }
          if (std::find(sub_out.begin(), sub_out.end(), json::value(s)) == sub_out.end()) {
            sub_out.emplace_back(s);
          }
        }
        if (utf8_length(comment) > kMaxCommentLength) {
          return fail(ErrorCode::kInvalid, where + "le commentaire fait 2000 caractères au plus.",
                      prefix + "commentaire");
        }
        if (level.empty() && (!sub_out.empty() || !comment.empty())) {
          return fail(ErrorCode::kInvalid,
                      where + "indiquez le niveau du frein (aucun, à surveiller ou majeur).",
                      prefix + "niveau");
        }
        if (level.empty()) continue;
        out[th.code] = json::object{
            {"niveau", level}, {"sous_thematiques", std::move(sub_out)}, {"commentaire", comment}};
      }
      if (out.empty()) return Out{};
      return Out{json::value(std::move(out))};
    }
  }
  return Out{};
}

}  // namespace

std::string format_number(double value) {
  std::string s = fmt::format("{}", value);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::optional<AnswerType> parse_answer_type(std::string_view code) {
  for (const auto& [type, c] : type_codes()) {
    if (code == c) return type;
  }
  return std::nullopt;
}

const char* answer_type_code(AnswerType type) {
  for (const auto& [t, c] : type_codes()) {
    if (t == type) return c;
  }
  return "text";
}

const Question* FormDefinition::find(std::string_view question_id) const {
  for (const auto& s : sections) {
    for (const auto& q : s.questions) {
      if (q.id == question_id) return &q;
    }
  }
  return nullptr;
}

const std::vector<Choice>& obstacle_levels() {
  static const std::vector<Choice> levels{
      {"aucun", "Aucun"}, {"a_surveiller", "À surveiller"}, {"majeur", "Majeur"}};
  return levels;
}

Result<FormDefinition> parse_definition(std::string_view json_text, std::string_view kind) {
  boost::system::error_code ec;
  json::value root = json::parse(json_text, ec);
  if (ec || !root.is_object()) {
    return fail(ErrorCode::kInvalid,
                "La définition n’est pas un JSON valide (un objet avec « sections » est attendu).",
                "definition");
  }
  const auto& o = root.as_object();
  FormDefinition form;
  form.kind = std::string(kind);
  form.title = str(o, "title");
  if (auto it = o.find("version"); it != o.end() && it->value().is_int64()) {
    form.version = it->value().as_int64();
  }
  auto sections = o.find("sections");
  if (sections == o.end() || !sections->value().is_array() ||
      sections->value().as_array().empty()) {
    return fail(ErrorCode::kInvalid, "La définition doit contenir une liste « sections » non vide.",
                "definition");
  }
  std::set<std::string> ids;
  std::set<std::string> section_ids;
  for (const auto& sv : sections->value().as_array()) {
    if (!sv.is_object()) {
      return fail(ErrorCode::kInvalid, "Chaque section doit être un objet JSON.", "definition");
    }
    const auto& so = sv.as_object();
    Section section{str(so, "id"), str(so, "title"), {}};
    if (!valid_id(section.id) || !section_ids.insert(section.id).second) {
      return fail(ErrorCode::kInvalid,
                  "Section « " + section.id + " » : identifiant manquant, invalide ou en double.",
                  "definition");
    }
    if (section.title.empty()) {
      return fail(ErrorCode::kInvalid,
                  "Section « " + section.id + " » : « title » (le titre) est obligatoire.",
                  "definition");
    }
    auto questions = so.find("questions");
    if (questions == so.end() || !questions->value().is_array() ||
        questions->value().as_array().empty()) {
      return fail(ErrorCode::kInvalid,
                  "Section « " + section.id + " » : la liste « questions » est vide ou absente.",
                  "definition");
    }
    for (const auto& qv : questions->value().as_array()) {
      auto q = parse_question(qv, kind, ids);
      if (!q) return std::unexpected(q.error());
      section.questions.push_back(std::move(*q));
    }
    form.sections.push_back(std::move(section));
  }
  return form;
}

Result<json::object> validate_answers(const FormDefinition& form, const Fields& fields,
                                      const RomeLookup& rome_lookup) {
  json::object answers;
  for (const auto& section : form.sections) {
    for (const auto& q : section.questions) {
      auto answer = validate_question(q, fields, rome_lookup);
      if (!answer) return std::unexpected(answer.error());
      if (*answer) {
        answers[q.id] = std::move(**answer);
      } else if (q.required) {
        return fail(ErrorCode::kInvalid, quoted(q) + "cette question est obligatoire.", q.id);
      }
    }
  }
  return answers;
}

}  // namespace parcours::diagnostic

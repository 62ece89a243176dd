// The generic renderer: every answer type drawn with its DSFR component from one definition,
// values shown as typed, the error on its question (aria-describedby), pre-fill sources and the
// person's words beside the professional's fields.
#include <gtest/gtest.h>

#include "core/config.h"
#include "core/html/render.h"
#include "features/diagnostic/renderer.h"

namespace parcours::diagnostic {
namespace {

namespace json = boost::json;

constexpr const char* kForm = R"({"sections":[{"id":"s","title":"Questions du territoire",
  "questions":[
  {"id":"t_texte","type":"text","label":"Commune de naissance","hint":"Telle qu’écrite"},
  {"id":"t_long","type":"long_text","label":"Parcours scolaire"},
  {"id":"t_choix","type":"single_choice","label":"Quartier","choices":[{"value":"qpv","label":"QPV"}]},
  {"id":"t_liste","type":"single_choice","display":"select","label":"Niveau","choices":[{"value":"4","label":"Bac"}]},
  {"id":"t_multi","type":"multiple_choice","label":"Aides","choices":[{"value":"fsl","label":"FSL"},{"value":"faj","label":"FAJ"}]},
  {"id":"t_mois","type":"month","label":"Arrivée"},
  {"id":"t_oui_non","type":"yes_no","label":"Suivi PMI"},
  {"id":"t_nombre","type":"number","label":"Enfants"},
  {"id":"t_metiers","type":"rome_jobs","label":"Métiers"},
  {"id":"t_freins","type":"obstacles","label":"Freins","thematiques":[{"code":"mobilite","label":"Mobilité",
    "sous_thematiques":[{"value":"mobilite--autre","label":"Autre"}]}]}]}]})";

std::string draw(const RenderInput& input) {
  html::set_template_root(resource_dir("", "templates"));
  auto form = parse_definition(kForm, kTerritoryExtra);
  EXPECT_TRUE(form);
  ctemplate::TemplateDictionary dict("fields");
  render_form(dict, *form, input);
  return html::render("diagnostic/fields.tpl", dict);
}

TEST(DiagnosticRenderer, DrawsEveryAnswerTypeWithItsDsfrComponent) {
  std::string out = draw({});
  EXPECT_NE(
      out.find(
          R"(<legend class="fr-fieldset__legend" id="q-s-legend"><h2 class="fr-h4 fr-mb-0">Questions du territoire</h2>)"),
      std::string::npos);
  EXPECT_NE(
      out.find(
          R"(<input class="fr-input" type="text" inputmode="text" id="q-t-texte" name="t_texte")"),
      std::string::npos);
  EXPECT_NE(out.find(R"(<span class="fr-hint-text">Telle qu’écrite</span>)"), std::string::npos);
  EXPECT_NE(out.find(R"(<textarea class="fr-input" id="q-t-long" name="t_long")"),
            std::string::npos);
  EXPECT_NE(out.find(R"(<input type="radio" id="q-t-choix-1" name="t_choix" value="qpv">)"),
            std::string::npos);
  EXPECT_NE(out.find(R"(<select class="fr-select" id="q-t-liste" name="t_liste")"),
            std::string::npos);
  EXPECT_NE(out.find(R"(<input type="checkbox" id="q-t-multi-2" name="t_multi" value="faj">)"),
            std::string::npos);
  EXPECT_NE(out.find(R"(inputmode="numeric" id="q-t-mois" name="t_mois")"), std::string::npos);
  EXPECT_NE(out.find(R"(<input type="radio" id="q-t-oui-non-1" name="t_oui_non" value="oui">)"),
            std::string::npos);
  EXPECT_NE(out.find(R"(inputmode="decimal" id="q-t-nombre" name="t_nombre")"), std::string::npos);
  EXPECT_NE(
      out.find(
          R"(name="t_metiers.recherche" value="" list="q-t-metiers-recherche-list" data-rome-field)"),
      std::string::npos);
  EXPECT_NE(out.find(R"(name="t_freins.mobilite.niveau" value="a_surveiller">)"),
            std::string::npos);
  EXPECT_NE(out.find(R"(name="t_freins.mobilite.sous_thematiques" value="mobilite--autre">)"),
            std::string::npos);
  EXPECT_NE(out.find(R"(name="t_freins.mobilite.commentaire")"), std::string::npos);
  EXPECT_EQ(out.find("<script"), std::string::npos);
  EXPECT_EQ(out.find("style="), std::string::npos);
}

TEST(DiagnosticRenderer, ShowsValuesTheErrorOnItsQuestionSourcesAndThePersonsWords) {
  json::object values{{"t_texte", "Sedan <b>"},
                      {"t_multi", json::array{"faj"}},
                      {"t_oui_non", true},
                      {"t_nombre", "deux"},
                      {"t_metiers", json::array{json::object{{"code_rome", "J1501"},
                                                             {"appellation", "Aide-soignant"}}}}};
  json::object sources{{"t_texte", "Fiche de la personne : saisi par Sofia Martin"}};
  json::object words{{"t_oui_non", false}};
  Error error{ErrorCode::kInvalid, "« Enfants » : indiquez un nombre.", "t_nombre"};
  std::string out =
      draw({.values = &values, .sources = &sources, .person_words = &words, .error = &error});
  EXPECT_NE(out.find(R"(value="Sedan &lt;b&gt;")"), std::string::npos);
  EXPECT_NE(out.find(R"(name="t_multi" value="faj" checked>)"), std::string::npos);
  EXPECT_NE(out.find(R"(name="t_oui_non" value="oui" checked>)"), std::string::npos);
  EXPECT_NE(
      out.find(
          R"(<input class="fr-input fr-input--error" type="text" inputmode="decimal" id="q-t-nombre" name="t_nombre" value="deux" aria-describedby="q-t-nombre-error">)"),
      std::string::npos);
  EXPECT_NE(
      out.find(
          R"(<p class="fr-error-text" id="q-t-nombre-error">« Enfants » : indiquez un nombre.</p>)"),
      std::string::npos);
  EXPECT_NE(out.find(R"(name="t_metiers" value="J1501|Aide-soignant" checked>)"),
            std::string::npos);
  EXPECT_NE(out.find("Pré-rempli — Fiche de la personne : saisi par Sofia Martin"),
            std::string::npos);
  EXPECT_NE(out.find(R"(<span class="fr-text--bold">Selon la personne :</span> Non)"),
            std::string::npos);
  EXPECT_NE(out.find(R"(<span class="fr-text--bold">Selon la personne :</span> Pas de réponse)"),
            std::string::npos);
}

}  // namespace
}  // namespace parcours::diagnostic

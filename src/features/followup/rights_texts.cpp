// The default rights and duties of each kind of commitment, read by the person: plain French,
// short sentences, addressed to them. The référent adapts the text to the person before it is
// proposed; what the person accepts is the text as it was then.
#include <string_view>

#include "features/followup/commitments.h"

namespace parcours::followup {

const char* default_rights_and_duties(std::string_view kind) {
  if (kind == "cer") {
    return R"(Ce contrat est passé entre vous et le Département, qui vous verse le RSA et vous accompagne. Il dit ce que vous allez faire ensemble pendant les mois qui viennent.

Vos droits
- Être accompagné(e) par un(e) référent(e) que vous pouvez joindre, et demander à en changer si cela se passe mal.
- Choisir avec votre référent(e) les objectifs de votre plan d’actions : ce sont les vôtres.
- Être orienté(e) vers les services du territoire qui peuvent vous aider : emploi, formation, logement, santé, transport, garde d’enfants.
- Lire votre dossier dans votre espace, le faire corriger, et savoir qui l’a consulté.
- Être écouté(e) avant toute décision qui vous concerne, et pouvoir la contester.

Vos engagements
- Participer aux actions prévues dans votre plan, selon vos possibilités.
- Venir aux rendez-vous, ou prévenir le plus tôt possible si vous ne pouvez pas venir.
- Dire à votre référent(e) ce qui change dans votre vie : adresse, famille, santé, travail.
- Chercher un emploi ou une activité quand votre situation le permet.

Les engagements du Département
- Vous recevoir régulièrement et répondre à vos questions.
- Faire le point avec vous sur votre plan au moins tous les trois mois.
- Vous expliquer les aides auxquelles vous avez droit et vous aider à les demander.

Si un engagement n’est pas tenu, votre référent(e) en parle d’abord avec vous. Aucune réduction du RSA ne peut être décidée sans que vous ayez pu vous expliquer, seul(e) ou accompagné(e).)";
  }
  if (kind == "ppae") {
    return R"(Ce projet personnalisé d’accès à l’emploi (PPAE) est établi avec France Travail. Il dit quel emploi vous cherchez, où, et comment nous allons vous aider à le trouver.

Vos droits
- Être suivi(e) par un(e) conseiller(ère) que vous pouvez joindre.
- Recevoir des offres d’emploi qui correspondent à votre projet.
- Accéder à des ateliers, des formations et des aides pour reprendre un emploi (transport, garde d’enfants, équipement).
- Être indemnisé(e) si vous y avez droit.

Vos engagements
- Chercher activement un emploi, et pouvoir dire ce que vous avez fait.
- Venir aux rendez-vous et répondre aux messages de votre conseiller(ère), ou prévenir si vous ne pouvez pas.
- Participer aux actions prévues avec vous.
- Déclarer chaque mois votre situation et tout ce qui change.

Les engagements de France Travail
- Faire le point avec vous régulièrement et mettre à jour votre projet si besoin.
- Vous expliquer vos droits et les décisions qui vous concernent.

Si un engagement n’est pas tenu, votre conseiller(ère) en parle d’abord avec vous avant toute décision.)";
  }
  if (kind == "pacea") {
    return R"(Le parcours contractualisé d’accompagnement vers l’emploi et l’autonomie (PACEA) est passé entre vous et la mission locale. Il est fait pour les jeunes de 16 à 25 ans et se déroule en étapes, jusqu’à 24 mois.

Vos droits
- Être accompagné(e) par un(e) conseiller(ère) de la mission locale.
- Avancer à votre rythme, étape par étape : emploi, formation, mais aussi logement, santé, transport.
- Recevoir une allocation à certains moments du parcours, selon votre situation.
- Lire votre dossier dans votre espace et savoir qui l’a consulté.

Vos engagements
- Participer aux actions décidées ensemble.
- Venir aux rendez-vous, ou prévenir si vous ne pouvez pas venir.
- Dire à votre conseiller(ère) ce qui change dans votre vie.

Les engagements de la mission locale
- Faire le point avec vous à la fin de chaque étape.
- Vous expliquer les aides auxquelles vous avez droit et vous aider à les demander.)";
  }
  if (kind == "cej") {
    return R"(Le contrat d’engagement jeune (CEJ) est passé entre vous et votre conseiller(ère) (mission locale ou France Travail). Il dure de 6 à 12 mois, parfois un peu plus, avec un programme intensif pour trouver un emploi ou une formation.

Vos droits
- Un(e) conseiller(ère) qui vous suit tout au long du contrat.
- Un programme de 15 à 20 heures d’activités par semaine : ateliers, stages, formations, aide à la recherche d’emploi.
- Une allocation chaque mois, selon vos ressources et celles de votre foyer.

Vos engagements
- Suivre les activités prévues chaque semaine.
- Venir aux rendez-vous, ou prévenir et justifier votre absence.
- Déclarer chaque mois vos ressources et ce qui change dans votre vie.

Les engagements de votre conseiller(ère)
- Construire le programme avec vous et le faire évoluer.
- Faire le point avec vous régulièrement.

Des absences sans justification peuvent réduire ou suspendre l’allocation, après un échange avec vous.)";
  }
  return R"(Cet engagement est passé entre vous et la structure qui vous accompagne. Il dit ce que vous allez faire ensemble.

Vos droits
- Être accompagné(e) par un(e) référent(e) que vous pouvez joindre.
- Choisir avec lui ou elle les objectifs de votre plan d’actions.
- Lire votre dossier dans votre espace et savoir qui l’a consulté.

Vos engagements
- Participer aux actions prévues ensemble.
- Venir aux rendez-vous, ou prévenir si vous ne pouvez pas venir.
- Dire à votre référent(e) ce qui change dans votre situation.

Les engagements de la structure
- Vous recevoir régulièrement et faire le point avec vous sur votre plan.)";
}

}  // namespace parcours::followup

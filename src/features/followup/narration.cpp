#include "features/followup/narration.h"

#include "features/followup/closure.h"
#include "features/followup/commitments.h"
#include "features/followup/dates.h"
#include "features/followup/outcomes.h"

namespace parcours::followup {
namespace {

namespace json = boost::json;

std::string str(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

bool flag(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_bool() && v->as_bool();
}

// "un CER du 1er mars 2027 au 31 août 2027"
std::string commitment_words(const json::object& p, bool with_dates) {
  std::string kind = str(p, "kind");
  std::string name = kind == "other" ? "un engagement réciproque"
                                     : std::string("un ") + commitment_kind_short(kind);
  if (!with_dates) return name;
  return name + " du " + french_date(str(p, "start_date")) + " au " +
         french_date(str(p, "end_date"));
}

std::string its_name(const json::object& p, const char* owner) {
  std::string kind = str(p, "kind");
  if (kind == "other") return std::string(owner) + " engagement réciproque";
  return std::string(owner) + " " + commitment_kind_short(kind);
}

std::string outcome_words(const json::object& p) {
  std::string kind = str(p, "kind");
  std::string start = " à partir du " + french_date(str(p, "start_date"));
  if (kind == "job") {
    std::string contract = contract_label(str(p, "contract"));
    return "un emploi (" + contract + ")" + start;
  }
  if (kind == "training") return "une entrée en formation" + start;
  if (kind == "business") return "une création d’entreprise" + start;
  return "une sortie" + start;
}

}  // namespace

bool is_followup_kind(std::string_view kind) {
  return kind.starts_with("commitment.") || kind.starts_with("outcome.") ||
         kind == kJourneyClosed || kind == kJourneyReopened;
}

const std::vector<std::pair<const char*, const char*>>& followup_event_kinds() {
  static const std::vector<std::pair<const char*, const char*>> kinds{
      {kCommitmentProposed, "Engagement proposé"},
      {kCommitmentUpdated, "Engagement modifié"},
      {kCommitmentAccepted, "Engagement accepté en ligne"},
      {kCommitmentSigned, "Engagement signé sur papier"},
      {kCommitmentCancelled, "Engagement annulé"},
      {kOutcomeRecorded, "Sortie enregistrée"},
      {kFollowupChanged, "Fin du suivi dans l’emploi"},
      {kCheckinAdded, "Point de suivi dans l’emploi"},
      {kJourneyClosed, "Clôture du parcours"},
      {kJourneyReopened, "Réouverture du parcours"}};
  return kinds;
}

std::string team_sentence(std::string_view kind, const std::string& who, const json::object& p) {
  if (kind == kCommitmentProposed) {
    if (p.if_contains("replaces_id")) {
      return who + " a renouvelé l’engagement : " + commitment_words(p, true) + ", à signer";
    }
    return who + " a proposé " + commitment_words(p, true);
  }
  if (kind == kCommitmentUpdated) return who + " a modifié " + commitment_words(p, true);
  if (kind == kCommitmentAccepted) {
    return "La personne a accepté " + its_name(p, "son") + " dans son espace";
  }
  if (kind == kCommitmentSigned) {
    return who + " a enregistré la signature sur papier " +
           (str(p, "kind") == "other"
                ? std::string("de l’engagement")
                : std::string("du ") + commitment_kind_short(str(p, "kind"))) +
           ", signé le " + french_date(str(p, "signed_on"));
  }
  if (kind == kCommitmentCancelled) return who + " a annulé " + commitment_words(p, false);
  if (kind == kOutcomeRecorded) return who + " a enregistré " + outcome_words(p);
  if (kind == kFollowupChanged) {
    if (flag(p, "ended")) return who + " a mis fin au suivi dans l’emploi";
    return who + " a fixé la fin du suivi dans l’emploi au " +
           french_date(str(p, "followup_until"));
  }
  if (kind == kCheckinAdded) {
    return who + " a fait un point de suivi dans l’emploi " +
           (str(p, "with_whom") == "employer" ? "avec l’employeur" : "avec la personne") + " le " +
           french_date(str(p, "date"));
  }
  if (kind == kJourneyClosed) {
    return who + " a clos le parcours (motif : " + closure_reason_label(str(p, "reason")) + ")";
  }
  if (kind == kJourneyReopened) return who + " a rouvert le parcours";
  return {};
}

std::string person_sentence(std::string_view kind, const std::string& actor,
                            const json::object& p) {
  if (kind == kCommitmentProposed) {
    return actor + " vous propose " + commitment_words(p, true) +
           " : lisez-le et acceptez-le dans « Mes engagements »";
  }
  if (kind == kCommitmentUpdated) return actor + " a modifié " + commitment_words(p, true);
  if (kind == kCommitmentAccepted) return "Vous avez accepté " + its_name(p, "votre");
  if (kind == kCommitmentSigned) {
    return "Vous avez signé " + its_name(p, "votre") + " le " + french_date(str(p, "signed_on"));
  }
  if (kind == kCommitmentCancelled) return actor + " a retiré " + commitment_words(p, false);
  if (kind == kOutcomeRecorded) {
    std::string k = str(p, "kind");
    std::string start = french_date(str(p, "start_date"));
    if (k == "job") return "Votre emploi commence le " + start + " : bravo !";
    if (k == "training") return "Votre formation commence le " + start;
    if (k == "business") return "Votre entreprise démarre le " + start;
    return actor + " a noté une nouvelle étape de votre parcours le " + start;
  }
  if (kind == kCheckinAdded) {
    return actor +
           (str(p, "with_whom") == "employer" ? " a fait le point avec votre employeur le "
                                              : " a fait le point avec vous sur votre emploi le ") +
           french_date(str(p, "date"));
  }
  if (kind == kJourneyClosed) {
    return "Votre parcours est terminé (motif : " +
           std::string(closure_reason_label(str(p, "reason"))) + ")";
  }
  if (kind == kJourneyReopened) return "Votre parcours a repris";
  return {};
}

}  // namespace parcours::followup

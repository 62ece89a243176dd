#include "core/error.h"

namespace parcours {

unsigned http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return 422;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
  }
  return 500;
}

const char* error_title(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return "Données invalides";
    case ErrorCode::kUnauthenticated:
      return "Connexion requise";
    case ErrorCode::kForbidden:
      return "Accès refusé";
    case ErrorCode::kNotFound:
      return "Page introuvable";
    case ErrorCode::kConflict:
      return "Conflit";
    case ErrorCode::kPayloadTooLarge:
      return "Requête trop volumineuse";
    case ErrorCode::kTooManyRequests:
      return "Trop de tentatives";
    case ErrorCode::kUnavailable:
      return "Service momentanément indisponible";
  }
  return "Erreur";
}

}  // namespace parcours

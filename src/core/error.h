// Expected failures of the service: validation, not found, forbidden, conflict...
// They travel as `Result<T>` (std::expected) with a French message for the user and, for
// validation, the name of the form field concerned. Exceptions are kept for programming
// errors and broken infrastructure (a database that does not answer).
//
//   Result<Organisation> find(...) { if (!row) return fail(ErrorCode::kNotFound, "Structure
//   introuvable."); }
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace parcours {

enum class ErrorCode {
  kInvalid,          // 422: bad input, `field` names it
  kUnauthenticated,  // 401: no valid session or token
  kForbidden,        // 403: a policy said no
  kNotFound,         // 404
  kConflict,         // 409: duplicate, stale version
  kPayloadTooLarge,  // 413
  kTooManyRequests,  // 429: throttling
  kUnavailable,      // 503: saturated or dependency down
};

struct Error {
  ErrorCode code;
  std::string message;  // French, shown to the user as is
  std::string field;    // form field concerned, empty when none
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message, std::string field = {}) {
  return std::unexpected(Error{code, std::move(message), std::move(field)});
}

// The HTTP status that an error code maps to.
unsigned http_status(ErrorCode code);

// A short French title for an error code ("Page introuvable", "Accès refusé"...).
const char* error_title(ErrorCode code);

}  // namespace parcours

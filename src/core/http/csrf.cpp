#include "core/http/csrf.h"

#include <algorithm>
#include <cctype>

#include "core/http/tokens.h"

namespace parcours::http {

namespace {

std::string lowercase(std::string text) {
  std::ranges::transform(text, text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// "https://Example.org:8443/path?x" → "https://example.org:8443"; "" when not an http(s) URL.
std::string origin_of(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  std::string scheme = lowercase(std::string(url.substr(0, scheme_end)));
  if (scheme != "http" && scheme != "https") return {};
  std::string_view rest = url.substr(scheme_end + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return {};
  std::string host = lowercase(std::string(authority));
  // The default port is implied: browsers send "http://example.org", never ":80".
  if (scheme == "http" && host.ends_with(":80")) host.resize(host.size() - 3);
  if (scheme == "https" && host.ends_with(":443")) host.resize(host.size() - 4);
  return scheme + "://" + host;
}

}  // namespace

void ensure_csrf_token(Context& ctx) {
  if (ctx.session) {
    ctx.csrf_token = ctx.session->csrf_token;
    return;
  }
  if (ctx.person_session) {
    ctx.csrf_token = ctx.person_session->csrf_token;
    return;
  }
  auto existing = ctx.request.cookie(kCsrfCookie);
  if (existing && existing->size() == kTokenLength) {
    ctx.csrf_token = *existing;
    return;
  }
  ctx.csrf_token = random_token();
  std::string cookie =
      std::string(kCsrfCookie) + "=" + ctx.csrf_token + "; Path=/; HttpOnly; SameSite=Lax";
  if (ctx.config.https()) cookie += "; Secure";
  ctx.response_headers.emplace_back("Set-Cookie", std::move(cookie));
}

Result<void> check_csrf(const Context& ctx) {
  if (auto origin = check_origin(ctx); !origin) return origin;
  const Request& request = ctx.request;
  std::string sent = request.form_value(kCsrfField);
  if (sent.empty()) sent = request.header("x-csrf-token");
  if (!same_secret(sent, ctx.csrf_token)) {
    return fail(ErrorCode::kForbidden,
                "Le formulaire a expiré ou n'est pas valide. Rechargez la page puis réessayez.");
  }
  return {};
}

Result<void> check_origin(const Context& ctx) {
  const Request& request = ctx.request;
  std::string origin = request.header("origin");
  if (origin.empty() || origin == "null")
    origin = origin_of(request.header("referer"));
  else
    origin = origin_of(origin);
  if (origin.empty()) {
    return fail(ErrorCode::kForbidden,
                "Requête refusée : son origine est inconnue. Rechargez la page puis réessayez.");
  }
  // Accepted origins: the configured public URL, and the Host the request was sent to. A
  // cross-site form carries the attacker's Origin, which matches neither. Accepting the Host
  // lets the service answer under whatever address it is reached (the tests use a random port,
  // an operator may forget --public-url); a page served under a rebinding attacker's host name
  // cannot use our cookies, which the browser binds to our own host name.
  std::string host = lowercase(request.header("host"));
  bool known = origin == origin_of(ctx.config.public_url) ||
               (!host.empty() &&
                (origin == origin_of("http://" + host) || origin == origin_of("https://" + host)));
  if (!known) {
    return fail(ErrorCode::kForbidden,
                "Requête refusée : elle provient d'un autre site que Parcours.");
  }
  return {};
}

}  // namespace parcours::http

// Magic links of the person's own space: a person gives their email, and each live record
// (merged_into IS NULL) with that address gets a link by mail, valid 15 minutes and usable once.
// The database keeps only the hash of the token. A new link makes the earlier unused ones of
// the same person stop working, and at most kLinksPerPerson links are sent to one person per
// kLinkWindow, whatever the IP address: the caller answers the same in every case, so the form
// does not tell which addresses are known.
//
//   auto sent = request_login_links(conn, "sofia@exemple.fr", config.public_url);
//   auto person = use_login_link(conn, token);  // Result<std::int64_t>: the person's id
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::portal {

inline constexpr std::int64_t kLinkLifetime = 15 * 60;
inline constexpr std::int64_t kLinkWindow = 15 * 60;
inline constexpr int kLinksPerPerson = 3;

// Issues a token for `person_id` and returns it (raw, for the link /mon-espace/lien/<token>).
std::string issue_login_link(store::Connection& conn, std::int64_t person_id);

// For a normalised email: queues one mail per live person with that address (within the limit
// per person), in the caller's transaction or its own. Returns how many mails were queued.
int request_login_links(store::Connection& conn, std::string_view email,
                        std::string_view public_url);

// The person a token can still open the space for (unused, not expired, record live).
std::optional<std::int64_t> find_login_link(store::Connection& conn, std::string_view token);

// Uses a token once; kNotFound with a French message when it cannot (any more). Journaled.
Result<std::int64_t> use_login_link(store::Connection& conn, std::string_view token);

}  // namespace parcours::portal

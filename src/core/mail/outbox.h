// The mail outbox: messages are written to the `outbox` table in the caller's transaction (so
// a mail is sent only if the change that caused it committed), then a job delivers them through
// the configured transport: `file:DIR` writes one .eml file per message (the default, used by
// the demo and the tests), `smtp://host:port` sends through libcurl.
#pragma once

#include <cstdint>
#include <string>

#include "core/store/db.h"

namespace parcours::mail {

struct Mail {
  std::string to;
  std::string subject;
  std::string text;  // plain-text body, UTF-8
  // One optional attachment (an appointment's .ics): sent as multipart/mixed when named.
  std::string attachment_name;  // "rendez-vous.ics"; empty: no attachment
  std::string attachment_type;  // "text/calendar; method=PUBLISH"
  std::string attachment;       // its bytes
};

// Queues a mail and the job that will send it. Returns the outbox id.
std::int64_t queue_mail(store::Connection& conn, const Mail& mail);

// Sends one queued mail through `transport` ("file:DIR" or "smtp://host:port"); marks it sent.
// Throws on transport failure so that the job is retried.
void deliver(store::Connection& conn, std::int64_t outbox_id, const std::string& transport,
             const std::string& from);

}  // namespace parcours::mail

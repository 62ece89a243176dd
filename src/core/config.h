// Settings of a running `parcours`, from flags or PARCOURS_<FLAG> environment variables.
#pragma once

#include <string>

namespace parcours {

struct Config {
  std::string db_url = "sqlite:var/parcours.db";
  std::string listen = "127.0.0.1:8080";
  std::string public_url = "http://127.0.0.1:8080";  // https:// turns on Secure cookies and HSTS
  std::string web_root;        // built front assets (web/dist); found next to the sources if empty
  std::string templates_root;  // templates/; found next to the sources if empty
  std::string mail_transport = "file:var/mail";
  std::string mail_from = "Parcours <ne-pas-repondre@parcours.local>";
  int workers = 4;        // request worker threads, each with its own database connection
  int queue_limit = 256;  // requests waiting for a worker beyond which we answer 503
  int session_idle_minutes = 120;
  int session_absolute_hours = 12;
  std::size_t body_limit = 1 << 20;  // bytes
  int header_timeout_seconds = 10;
  int body_timeout_seconds = 30;
  int idle_timeout_seconds = 60;
  bool access_log = true;
  bool jobs = true;        // run the job worker loop inside serve
  double api_rate = 20;    // partner API: requests a second per token, on average
  double api_burst = 100;  // ... and in a burst

  bool https() const { return public_url.rfind("https://", 0) == 0; }
};

// Directory of a resource ("templates", "web/dist"): the configured one if set, else the one in
// the current directory if present, else the one in the source tree the binary was built from.
std::string resource_dir(const std::string& configured, const std::string& relative);

}  // namespace parcours

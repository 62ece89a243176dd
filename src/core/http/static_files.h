// Static files under /static/, from the built front assets (web/dist). Fingerprinted names
// (`app.3f2a9c0d1e4b.css`) are cached for a year as immutable; others must be revalidated
// (ETag + If-None-Match → 304). Paths with `..`, hidden or empty segments are refused, and a
// file must resolve inside the root. Small files are kept in memory, checked against their size
// and modification time on each request.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/http/request.h"
#include "core/http/response.h"

namespace parcours::http {

inline constexpr std::string_view kStaticPrefix = "/static/";

class StaticFiles {
 public:
  explicit StaticFiles(std::string root);
  // The response for a GET or HEAD of `request.path` (under /static/); empty when there is no
  // such file, so that the caller answers its usual 404 page.
  std::optional<Response> serve(const Request& request) const;

 private:
  struct File;
  std::shared_ptr<const File> load(const std::string& relative) const;

  std::string root_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const File>> cache_;
};

std::string content_type_for(std::string_view file_name);
// True for `name.<12 hex digits>.ext`, the names web/build.mjs gives to hashed files.
bool is_fingerprinted(std::string_view file_name);

}  // namespace parcours::http

// Large uploads streamed to disk. The server reads request bodies into memory up to
// Config::body_limit (1 MiB by default); a route registered here (method and exact path) gets
// its own limit instead and its body is written to a temporary file as it arrives, never held
// in memory. A multipart/form-data body is then split in the worker: its small text fields
// (before or after the file) become the request's urlencoded body, so form_value() and the
// CSRF check work as for any form, and the first file part is copied to another temporary
// file, named in `Request::upload_file` (its client-side name in `upload_name`). The handler
// owns that file (moves or deletes it); the raw body file is removed by the server.
//
//   http::register_streamed_upload("POST", "/imports/caf", 512 << 20);
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/http/request.h"

namespace parcours::http {

void register_streamed_upload(std::string method, std::string path, std::size_t limit);
std::optional<std::size_t> streamed_upload_limit(std::string_view method, std::string_view path);

// A new empty temporary file (mode 0600) under the system's temporary directory; its path.
std::string make_temp_file(std::string_view prefix);

// Splits the multipart body stored in `raw_path` into `request` (see above). Text fields are
// limited to 64 KiB in all. kInvalid when the body is not multipart/form-data or is malformed.
Result<void> split_multipart_upload(Request& request, const std::string& raw_path);

}  // namespace parcours::http

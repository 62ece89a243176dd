// Large uploads streamed to disk. The server reads request bodies into memory up to
// Config::body_limit (1 MiB by default); a route registered here (method and exact path) gets
// its own limit instead and its body is written to a temporary file as it arrives, never held
// in memory. A multipart/form-data body is then split in the worker: its small text fields
// (before or after the file) become the request's urlencoded body, so form_value() and the
// CSRF check work as for any form, and the first file part is copied to another temporary
// file, named in `Request::upload_file` (its client-side name in `upload_name`). The handler
// owns that file (moves or deletes it); the raw body file is removed by the server.
//
//   http::register_streamed_upload("POST", "/imports/caf", 512 << 20, may_import);
//
// Its `may_send` is asked as soon as the request line and headers are read, before anything of
// the body is stored: the application (set_upload_head_check) loads the session, checks the
// Origin (CSRF) and asks `may_send`; a refused upload is answered at once (403, or the login
// page) and its body never written. The CSRF token, inside the body, is checked afterwards as
// for any form.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/http/context.h"
#include "core/http/request.h"
#include "core/http/response.h"

namespace parcours::http {

using UploadGuard = std::function<bool(const Context&)>;
void register_streamed_upload(std::string method, std::string path, std::size_t limit,
                              UploadGuard may_send = {});
std::optional<std::size_t> streamed_upload_limit(std::string_view method, std::string_view path);
// The route's guard; empty when it has none (or is not a streamed upload).
UploadGuard streamed_upload_guard(std::string_view method, std::string_view path);

// The application's check of an upload's head (`request` has no body yet), run on a worker:
// an answer refuses the upload. Without one installed, every upload is read.
using UploadHeadCheck = std::function<std::optional<Response>(Request& request, int worker)>;
void set_upload_head_check(UploadHeadCheck check);
const UploadHeadCheck& upload_head_check();

// A new empty temporary file (mode 0600) under the system's temporary directory; its path.
std::string make_temp_file(std::string_view prefix);

// Splits the multipart body stored in `raw_path` into `request` (see above). Text fields are
// limited to 64 KiB in all. kInvalid when the body is not multipart/form-data or is malformed.
Result<void> split_multipart_upload(Request& request, const std::string& raw_path);

}  // namespace parcours::http

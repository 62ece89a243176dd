#include "core/http/upload.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <vector>

namespace parcours::http {
namespace {

struct Route {
  std::string method;
  std::string path;
  std::size_t limit;
  UploadGuard may_send;
};

UploadHeadCheck& head_check() {
  static UploadHeadCheck check;
  return check;
}

std::mutex& routes_mutex() {
  static std::mutex m;
  return m;
}
std::vector<Route>& routes() {
  static std::vector<Route> r;
  return r;
}

constexpr std::size_t kMaxFields = 64 * 1024;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of `name=` in a header value ("form-data; name=\"x\"; filename=\"y\"").
std::string parameter(std::string_view header, std::string_view name) {
  std::string key = std::string(name) + "=";
  std::size_t pos = 0;
  while ((pos = header.find(key, pos)) != std::string_view::npos) {
    bool start = pos == 0 || header[pos - 1] == ' ' || header[pos - 1] == ';';
    pos += key.size();
    if (!start) continue;
    if (pos < header.size() && header[pos] == '"') {
      auto end = header.find('"', pos + 1);
      return std::string(header.substr(
          pos + 1, end == std::string_view::npos ? std::string_view::npos : end - pos - 1));
    }
    auto end = header.find(';', pos);
    return std::string(header.substr(pos, end == std::string_view::npos ? end : end - pos));
  }
  return {};
}

}  // namespace

void register_streamed_upload(std::string method, std::string path, std::size_t limit,
                              UploadGuard may_send) {
  std::lock_guard lock(routes_mutex());
  for (auto& r : routes()) {
    if (r.method == method && r.path == path) {
      r.limit = limit;
      r.may_send = std::move(may_send);
      return;
    }
  }
  routes().push_back({std::move(method), std::move(path), limit, std::move(may_send)});
}

UploadGuard streamed_upload_guard(std::string_view method, std::string_view path) {
  std::lock_guard lock(routes_mutex());
  for (const auto& r : routes()) {
    if (r.method == method && r.path == path) return r.may_send;
  }
  return {};
}

void set_upload_head_check(UploadHeadCheck check) { head_check() = std::move(check); }
const UploadHeadCheck& upload_head_check() { return head_check(); }

std::optional<std::size_t> streamed_upload_limit(std::string_view method, std::string_view path) {
  std::lock_guard lock(routes_mutex());
  for (const auto& r : routes()) {
    if (r.method == method && r.path == path) return r.limit;
  }
  return std::nullopt;
}

std::string make_temp_file(std::string_view prefix) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / (std::string(prefix) + "XXXXXX")).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw std::runtime_error("impossible de créer un fichier temporaire");
  ::close(fd);
  return pattern;
}

Result<void> split_multipart_upload(Request& request, const std::string& raw_path) {
  std::string type = request.header("content-type");
  if (!lower(type).starts_with("multipart/form-data")) {
    return fail(ErrorCode::kInvalid, "Le fichier doit être envoyé par le formulaire.", "file");
  }
  std::string boundary = parameter(type, "boundary");
  if (boundary.empty()) {
    return fail(ErrorCode::kInvalid, "Envoi du formulaire mal formé.", "file");
  }
  std::ifstream in(raw_path, std::ios::binary);
  if (!in) return fail(ErrorCode::kInvalid, "Envoi du formulaire illisible.", "file");
  const std::string delimiter = "\r\n--" + boundary;
  // The stream starts with "--boundary": prepend CRLF so that every delimiter looks the same.
  std::string window = "\r\n";
  std::vector<char> chunk(1 << 16);
  bool eof = false;
  auto fill = [&]() {
    if (eof) return false;
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto n = in.gcount();
    if (n <= 0) {
      eof = true;
      return false;
    }
    window.append(chunk.data(), static_cast<std::size_t>(n));
    return true;
  };
  // Finds the first delimiter.
  std::size_t pos;
  while ((pos = window.find(delimiter)) == std::string::npos) {
    if (window.size() > kMaxFields + chunk.size() || !fill()) {
      return fail(ErrorCode::kInvalid, "Envoi du formulaire mal formé.", "file");
    }
  }
  window.erase(0, pos + delimiter.size());
  std::string fields;
  bool file_done = false;
  while (true) {
    // After a delimiter: "--" ends the body, else CRLF then the part's headers.
    while (window.size() < 2 && fill()) {
    }
    if (window.starts_with("--")) break;
    std::size_t headers_end;
    while ((headers_end = window.find("\r\n\r\n")) == std::string::npos) {
      if (window.size() > 16 * 1024 + chunk.size() || !fill()) {
        return fail(ErrorCode::kInvalid, "Envoi du formulaire mal formé.", "file");
      }
    }
    std::string headers = window.substr(0, headers_end);
    window.erase(0, headers_end + 4);
    std::string disposition;
    std::size_t line_start = 0;
    while (line_start < headers.size()) {
      auto end = headers.find("\r\n", line_start);
      if (end == std::string::npos) end = headers.size();
      std::string_view line(headers.data() + line_start, end - line_start);
      if (lower(line.substr(0, 20)).starts_with("content-disposition:")) {
        disposition = std::string(line.substr(20));
      }
      line_start = end + 2;
    }
    std::string name = parameter(disposition, "name");
    bool is_file = disposition.find("filename=") != std::string::npos;
    std::FILE* out = nullptr;
    std::string value;
    if (is_file && !file_done) {
      request.upload_name =
          std::filesystem::path(parameter(disposition, "filename")).filename().string();
      request.upload_file = make_temp_file("parcours-upload-file-");
      out = std::fopen(request.upload_file.c_str(), "wb");
      if (!out) throw std::runtime_error("impossible d’écrire le fichier envoyé");
    }
    // Copies the part's content up to the next delimiter, keeping a tail that may hold the
    // start of it.
    while (true) {
      pos = window.find(delimiter);
      if (pos != std::string::npos) {
        if (out)
          std::fwrite(window.data(), 1, pos, out);
        else if (!is_file)
          value.append(window, 0, pos);
        window.erase(0, pos + delimiter.size());
        break;
      }
      std::size_t keep = delimiter.size();
      if (window.size() > keep) {
        std::size_t n = window.size() - keep;
        if (out)
          std::fwrite(window.data(), 1, n, out);
        else if (!is_file)
          value.append(window, 0, n);
        window.erase(0, n);
      }
      if (!is_file && value.size() > kMaxFields) {
        return fail(ErrorCode::kInvalid, "Envoi du formulaire trop volumineux.", "file");
      }
      if (!fill()) {
        if (out) std::fclose(out);
        return fail(ErrorCode::kInvalid, "Envoi du formulaire incomplet.", "file");
      }
    }
    if (out) {
      std::fclose(out);
      file_done = true;
    } else if (!is_file) {
      if (!fields.empty()) fields += '&';
      fields += url_encode(name) + "=" + url_encode(value);
      if (fields.size() > kMaxFields) {
        return fail(ErrorCode::kInvalid, "Envoi du formulaire trop volumineux.", "file");
      }
    }
  }
  request.body = std::move(fields);
  request.headers["content-type"] = "application/x-www-form-urlencoded";
  return {};
}

}  // namespace parcours::http

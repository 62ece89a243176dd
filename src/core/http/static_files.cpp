#include "core/http/static_files.h"

#include <sys/stat.h>

#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>

#include "core/http/tokens.h"

namespace parcours::http {

namespace {

constexpr std::size_t kCacheLimit = 4 * 1024 * 1024;  // bigger files are read on each request

// A path below /static/ is served only if every segment is a plain name.
bool safe_relative_path(std::string_view relative) {
  if (relative.empty()) return false;
  while (true) {
    auto slash = relative.find('/');
    std::string_view segment = relative.substr(0, slash);
    if (segment.empty() || segment.front() == '.' ||
        segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) {
      return false;
    }
    if (slash == std::string_view::npos) return true;
    relative.remove_prefix(slash + 1);
  }
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    auto comma = if_none_match.find(',');
    std::string_view candidate = if_none_match.substr(0, comma);
    if_none_match =
        comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    while (!candidate.empty() && candidate.front() == ' ') candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ') candidate.remove_suffix(1);
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == "*" || candidate == etag) return true;
  }
  return false;
}

}  // namespace

struct StaticFiles::File {
  std::string body;
  std::string etag;
  std::string content_type;
  std::string cache_control;
  off_t size = 0;
  struct timespec mtime {};
};

StaticFiles::StaticFiles(std::string root) : root_(std::move(root)) {}

std::string content_type_for(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kTypes{{
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
      {".xml", "application/xml"},
      {".pdf", "application/pdf"},
  }};
  auto dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string extension(file_name.substr(dot));
    for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [known, type] : kTypes) {
      if (extension == known) return std::string(type);
    }
  }
  return "application/octet-stream";
}

bool is_fingerprinted(std::string_view file_name) {
  auto slash = file_name.rfind('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  auto last_dot = file_name.rfind('.');
  if (last_dot == std::string_view::npos || last_dot < 14) return false;
  std::string_view hash = file_name.substr(last_dot - 12, 12);
  if (file_name[last_dot - 13] != '.') return false;
  for (char c : hash) {
    if (!std::isxdigit(static_cast<unsigned char>(c)) ||
        std::isupper(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return last_dot + 1 < file_name.size();
}

std::shared_ptr<const StaticFiles::File> StaticFiles::load(const std::string& relative) const {
  namespace fs = std::filesystem;
  std::string full = root_ + "/" + relative;
  struct stat info {};
  if (::stat(full.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return nullptr;
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(relative);
    if (it != cache_.end() && it->second->size == info.st_size &&
        it->second->mtime.tv_sec == info.st_mtim.tv_sec &&
        it->second->mtime.tv_nsec == info.st_mtim.tv_nsec) {
      return it->second;
    }
  }
  // A symbolic link must not lead out of the root.
  std::error_code ec;
  auto real_root = fs::canonical(root_, ec);
  auto real_file = ec ? fs::path{} : fs::canonical(full, ec);
  if (ec) return nullptr;
  auto root_text = real_root.string() + "/";
  if (!real_file.string().starts_with(root_text)) return nullptr;

  std::ifstream in(full, std::ios::binary);
  if (!in) return nullptr;
  auto file = std::make_shared<File>();
  file->body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  file->etag = "\"" + hash_hex(file->body).substr(0, 32) + "\"";
  file->content_type = content_type_for(relative);
  file->cache_control =
      is_fingerprinted(relative) ? "public, max-age=31536000, immutable" : "no-cache";
  file->size = info.st_size;
  file->mtime = info.st_mtim;
  if (file->body.size() <= kCacheLimit) {
    std::lock_guard lock(mutex_);
    cache_[relative] = file;
  }
  return file;
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
  if (!request.path.starts_with(kStaticPrefix)) return std::nullopt;
  std::string relative = request.path.substr(kStaticPrefix.size());
  if (!safe_relative_path(relative)) return std::nullopt;
  auto file = load(relative);
  if (!file) return std::nullopt;

  Response response;
  response.add_header("ETag", file->etag);
  response.add_header("Cache-Control", file->cache_control);
  if (etag_matches(request.header("if-none-match"), file->etag)) {
    response.status = 304;
    return response;
  }
  response.add_header("Content-Type", file->content_type);
  response.body = file->body;
  return response;
}

}  // namespace parcours::http

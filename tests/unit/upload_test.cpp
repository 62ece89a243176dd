// The multipart split of streamed uploads (core/http/upload.h): text fields become the
// urlencoded body wherever they are, the file part is copied byte for byte even when it spans
// many read chunks and holds CR/LF and dashes, a malformed body is refused.
#include "core/http/upload.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace parcours::http {
namespace {

std::string write_temp(const std::string& bytes) {
  auto path = make_temp_file("upload-test-");
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(Upload, SplitsFieldsAndALargeFile) {
  std::string boundary = "----formdata-test-1234";
  std::string file;
  for (int i = 0; i < 30000; ++i) file += "ligne " + std::to_string(i) + "\r\n--pas une limite\r\n";
  std::string body =
      "--" + boundary +
      "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\njeton+é\r\n--" + boundary +
      "\r\nContent-Disposition: form-data; name=\"file\"; "
      "filename=\"C:\\\\dossier\\\\flux.xml\"\r\nContent-Type: text/xml\r\n\r\n" +
      file + "\r\n--" + boundary +
      "\r\nContent-Disposition: form-data; name=\"territory_id\"\r\n\r\n3\r\n--" + boundary +
      "--\r\n";
  auto raw = write_temp(body);
  Request request;
  request.headers["content-type"] = "multipart/form-data; boundary=" + boundary;
  auto split = split_multipart_upload(request, raw);
  ASSERT_TRUE(split) << split.error().message;
  EXPECT_EQ(request.form_value("csrf_token"), "jeton+é");
  EXPECT_EQ(request.form_value("territory_id"), "3");
  ASSERT_FALSE(request.upload_file.empty());
  EXPECT_EQ(read_all(request.upload_file), file);
  std::filesystem::remove(raw);
  std::filesystem::remove(request.upload_file);
}

TEST(Upload, RefusesWhatIsNotMultipartOrIsCut) {
  Request plain;
  plain.headers["content-type"] = "application/x-www-form-urlencoded";
  auto raw = write_temp("a=b");
  EXPECT_FALSE(split_multipart_upload(plain, raw));
  Request cut;
  cut.headers["content-type"] = "multipart/form-data; boundary=XYZ";
  auto truncated = write_temp(
      "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; "
      "filename=\"f.xml\"\r\n\r\nsans fin");
  auto result = split_multipart_upload(cut, truncated);
  EXPECT_FALSE(result);
  if (!cut.upload_file.empty()) std::filesystem::remove(cut.upload_file);
  std::filesystem::remove(raw);
  std::filesystem::remove(truncated);
}

TEST(Upload, RoutesHaveTheirOwnLimit) {
  register_streamed_upload("POST", "/test/upload", 1234);
  EXPECT_EQ(streamed_upload_limit("POST", "/test/upload"), 1234u);
  EXPECT_FALSE(streamed_upload_limit("GET", "/test/upload"));
  EXPECT_FALSE(streamed_upload_limit("POST", "/test/upload/x"));
}

}  // namespace
}  // namespace parcours::http

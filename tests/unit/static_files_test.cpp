#include "core/http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace parcours::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("parcours-static-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    fs::create_directories(base_ / "dist" / "dsfr" / "icons");
    write("dist/app.0123456789ab.css", "body{color:red}");
    write("dist/app.js", "console.log(1)");
    write("dist/dsfr/icons/check.svg", "<svg/>");
    write("dist/.env", "secret");
    write("secret.txt", "outside the root");
    fs::create_symlink(base_ / "secret.txt", base_ / "dist" / "link.txt");
  }
  void TearDown() override { fs::remove_all(base_); }

  void write(const std::string& relative, const std::string& content) {
    std::ofstream(base_ / relative, std::ios::binary | std::ios::trunc) << content;
  }

  std::optional<Response> get(const std::string& path, const std::string& if_none_match = "") {
    Request request;
    request.method = "GET";
    request.path = path;
    if (!if_none_match.empty()) request.headers["if-none-match"] = if_none_match;
    return files_->serve(request);
  }

  fs::path base_;
  std::optional<StaticFiles> files_;
};

TEST_F(StaticFilesTest, ServesAFileWithItsContentTypeAndEtag) {
  files_.emplace((base_ / "dist").string());
  auto response = get("/static/dsfr/icons/check.svg");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200u);
  EXPECT_EQ(response->body, "<svg/>");
  EXPECT_EQ(response->header("Content-Type"), "image/svg+xml");
  EXPECT_TRUE(response->header("ETag").starts_with("\""));
}

TEST_F(StaticFilesTest, FingerprintedFilesAreCachedForAYearOthersRevalidated) {
  files_.emplace((base_ / "dist").string());
  EXPECT_EQ(get("/static/app.0123456789ab.css")->header("Cache-Control"),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(get("/static/app.js")->header("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, MatchingIfNoneMatchGivesNotModifiedWithoutBody) {
  files_.emplace((base_ / "dist").string());
  std::string etag = get("/static/app.js")->header("ETag");
  auto response = get("/static/app.js", "\"other\", W/" + etag);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 304u);
  EXPECT_TRUE(response->body.empty());
  EXPECT_EQ(get("/static/app.js", "\"other\"")->status, 200u);
}

TEST_F(StaticFilesTest, RefusesTraversalHiddenFilesDirectoriesAndEscapingLinks) {
  files_.emplace((base_ / "dist").string());
  EXPECT_FALSE(get("/static/../secret.txt"));
  EXPECT_FALSE(get("/static/dsfr/../../secret.txt"));
  EXPECT_FALSE(get("/static/./app.js"));
  EXPECT_FALSE(get("/static//app.js"));
  EXPECT_FALSE(get("/static/.env"));
  EXPECT_FALSE(get("/static/dsfr"));
  EXPECT_FALSE(get("/static/link.txt"));
  EXPECT_FALSE(get("/static/missing.css"));
  EXPECT_FALSE(get("/static/"));
}

TEST_F(StaticFilesTest, OnlyGetAndHeadAreServed) {
  files_.emplace((base_ / "dist").string());
  Request request;
  request.method = "POST";
  request.path = "/static/app.js";
  EXPECT_FALSE(files_->serve(request));
  request.method = "HEAD";
  EXPECT_TRUE(files_->serve(request));
}

TEST_F(StaticFilesTest, AChangedFileIsServedAfresh) {
  files_.emplace((base_ / "dist").string());
  auto first = get("/static/app.js");
  write("dist/app.js", "console.log('une autre version')");
  auto second = get("/static/app.js");
  EXPECT_EQ(second->body, "console.log('une autre version')");
  EXPECT_NE(first->header("ETag"), second->header("ETag"));
}

TEST(StaticFileNames, FingerprintIsTwelveLowercaseHexDigitsBeforeTheExtension) {
  EXPECT_TRUE(is_fingerprinted("app.0123456789ab.css"));
  EXPECT_TRUE(is_fingerprinted("dsfr/dsfr.min.3f2a9c0d1e4b.css"));
  EXPECT_FALSE(is_fingerprinted("app.css"));
  EXPECT_FALSE(is_fingerprinted("app.0123456789AB.css"));
  EXPECT_FALSE(is_fingerprinted("app.0123456789a.css"));
  EXPECT_FALSE(is_fingerprinted("app0123456789ab.css"));
  EXPECT_FALSE(is_fingerprinted(".0123456789ab."));
}

TEST(StaticFileNames, ContentTypesFollowExtensions) {
  EXPECT_EQ(content_type_for("a.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("a.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("a.unknown"), "application/octet-stream");
  EXPECT_EQ(content_type_for("noextension"), "application/octet-stream");
}

}  // namespace
}  // namespace parcours::http

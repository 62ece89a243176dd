// The windows-1252 decoder of the CAF flux against glibc's iconv, byte by byte, and its
// behaviour when the output buffer is short (libxml2 calls it again with the rest).
#include <gtest/gtest.h>
#include <iconv.h>

#include <optional>
#include <string>

#include "features/caf/flux.h"

namespace parcours {
namespace {

// iconv's answer for one byte: the UTF-8 text, or nullopt when the byte is not windows-1252.
std::optional<std::string> iconv_decode(unsigned char byte) {
  iconv_t cd = iconv_open("UTF-8", "CP1252");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  char in[1] = {static_cast<char>(byte)};
  char out[8];
  char* ip = in;
  char* op = out;
  std::size_t il = 1, ol = sizeof out;
  std::size_t rc = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) return std::nullopt;
  return std::string(out, op - out);
}

TEST(CafCp1252, EveryByteDecodesAsIconvDoes) {
  int undefined = 0;
  for (int b = 0; b < 256; ++b) {
    unsigned char in[1] = {static_cast<unsigned char>(b)};
    unsigned char out[8];
    int inlen = 1, outlen = sizeof out;
    int rc = caf::decode_cp1252(out, &outlen, in, &inlen);
    auto expected = iconv_decode(static_cast<unsigned char>(b));
    if (!expected) {
      ++undefined;
      EXPECT_EQ(rc, -2) << "byte " << b;
      EXPECT_EQ(inlen, 0) << "byte " << b;
      continue;
    }
    EXPECT_EQ(rc, static_cast<int>(expected->size())) << "byte " << b;
    EXPECT_EQ(inlen, 1) << "byte " << b;
    EXPECT_EQ(std::string(reinterpret_cast<char*>(out), outlen), *expected) << "byte " << b;
  }
  EXPECT_EQ(undefined, 5);  // 0x81, 0x8D, 0x8F, 0x90, 0x9D
}

TEST(CafCp1252, AShortOutputBufferStopsBeforeACharacterAndReportsWhatWasConsumed) {
  // "é€a": é is 2 bytes in UTF-8, € is 3.
  const unsigned char in[] = {0xE9, 0x80, 'a'};
  unsigned char out[4];
  int inlen = 3, outlen = 4;
  EXPECT_EQ(caf::decode_cp1252(out, &outlen, in, &inlen), 2);
  EXPECT_EQ(inlen, 1);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(out), outlen), "\xC3\xA9");
  int rest_in = 2, rest_out = 4;
  EXPECT_EQ(caf::decode_cp1252(out, &rest_out, in + 1, &rest_in), 4);
  EXPECT_EQ(rest_in, 2);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(out), rest_out),
            "\xE2\x82\xAC"
            "a");
}

}  // namespace
}  // namespace parcours

// SHA-256 against the FIPS 180-2 / NIST test vectors, across block boundaries and incremental additions.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

TEST(Sha256, StandardTestVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Two blocks: 56 bytes leave no room for the length in the first block.
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(
      sha256_hex(
          "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
          "mnopqrstnopqrstu"),
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, OneMillionAsAddedInPieces) {
  Sha256 h;
  const std::string piece(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.add(piece);
  EXPECT_EQ(h.hex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, FileHashEqualsTheHashOfItsBytes) {
  const auto dir = test::make_temp_dir("sha256");
  std::string bytes;
  for (int i = 0; i < 200000; ++i) bytes += static_cast<char>(i * 7 % 251);
  std::ofstream(dir / "blob.bin", std::ios::binary) << bytes;
  EXPECT_EQ(sha256_file(dir / "blob.bin"), sha256_hex(bytes));
  std::ofstream(dir / "empty.bin", std::ios::binary);
  EXPECT_EQ(sha256_file(dir / "empty.bin"), sha256_hex(""));
  EXPECT_THROW(sha256_file(dir / "missing.bin"), UserError);
}

}  // namespace
}  // namespace abt

// Parsing user JSON: every library exception becomes a ConfigError naming where the text came from, nesting
// is bounded, duplicate keys are refused with their JSON path, invalid UTF-8 never reaches a dump().
#include <gtest/gtest.h>

#include <string>

#include "engine/core/error.hpp"
#include "engine/core/json_text.hpp"
#include "engine/core/utf8.hpp"

namespace abt {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_json_text(text, "c.json");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(JsonText, ParsesValidDocuments) {
  const auto j = parse_json_text(R"({"a": [1, {"b": 2.5}], "c": "x"})", "c.json");
  EXPECT_EQ(j["a"][1]["b"], 2.5);
  EXPECT_EQ(j["c"], "x");
}

TEST(JsonText, DuplicateKeysNameTheirPath) {
  EXPECT_EQ(error_of(R"({"strategy": {"params": {"fast": 4, "slow": 9, "fast": 5}}})"),
            "c.json: strategy.params.fast: duplicate key (a key may appear once per object)");
  EXPECT_EQ(error_of(R"({"a": [{"k": 1}, [0, {"k": 1, "k": 2}]]})"),
            "c.json: a[1][1].k: duplicate key (a key may appear once per object)");
  EXPECT_EQ(error_of(R"({"capital": 1, "capital": 2})"),
            "c.json: capital: duplicate key (a key may appear once per object)");
  // The same key in sibling objects is fine.
  EXPECT_EQ(error_of(R"({"a": {"k": 1}, "b": {"k": 1}, "c": [{"k": 1}, {"k": 2}]})"), "");
}

TEST(JsonText, DeepNestingIsRefusedBeforeParsing) {
  const std::string deep(100000, '[');
  EXPECT_EQ(error_of(deep), "c.json: line 1, column 65: JSON nested deeper than 64 levels");
  std::string ok;
  for (int i = 0; i < kMaxJsonDepth; ++i) ok += '[';
  for (int i = 0; i < kMaxJsonDepth; ++i) ok += ']';
  EXPECT_EQ(error_of(ok), "");
  // Brackets inside strings do not count.
  EXPECT_EQ(error_of("{\"s\": \"" + deep + "\\\"]\"}"), "");
}

TEST(JsonText, SyntaxOverflowAndUtf8ErrorsAreConfigErrors) {
  EXPECT_EQ(
      error_of("{\n  \"a\": 1,\n  \"b\": }").rfind("c.json: line 3, column 8: invalid JSON (parse error", 0),
      0u);
  const std::string overflow = error_of(R"({"capital": 1e400})");
  EXPECT_EQ(overflow.rfind("c.json: invalid JSON (", 0), 0u) << overflow;
  EXPECT_NE(overflow.find("1e400"), std::string::npos) << overflow;
  EXPECT_NE(overflow.find("expected numbers within the range of a double"), std::string::npos) << overflow;
  const std::string gbk = error_of("{\"name\": \"\xd6\xd0\xce\xc4\"}");
  EXPECT_EQ(gbk.rfind("c.json: line 1, column", 0), 0u) << gbk;
  EXPECT_NE(gbk.find("invalid JSON"), std::string::npos) << gbk;
}

TEST(JsonText, MessagesNeverThrowOnInvalidUtf8) {
  const nlohmann::json j = std::string(
      "a\xff"
      "b");
  EXPECT_THROW((void)j.dump(), nlohmann::json::type_error);
  EXPECT_EQ(json_for_message(j),
            "\"a\xEF\xBF\xBD"
            "b\"");
}

TEST(Utf8, FindsTheFirstInvalidSequence) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("\xe4\xb8\xad\xe6\x96\x87"));  // 中文
  EXPECT_TRUE(is_valid_utf8("\xf0\x9f\x98\x80"));          // U+1F600
  EXPECT_EQ(first_invalid_utf8("ab\xd6\xd0"), 2u);         // GBK 中
  EXPECT_EQ(first_invalid_utf8("\xc0\xaf"), 0u);           // overlong '/'
  EXPECT_EQ(first_invalid_utf8("x\xed\xa0\x80"), 1u);      // a UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8("\xf4\x90\x80\x80"), 0u);   // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("\xe4\xb8"), 0u);           // truncated
  EXPECT_EQ(utf8_for_display("a\xffz"), "a\xEF\xBF\xBDz");
}

}  // namespace
}  // namespace abt

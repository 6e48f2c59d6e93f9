// Config numbers are read exactly: no narrowing (4294967301 is not 5), no float truncation (2.5 is not 2),
// no undefined float-to-int cast (1e20), bounds in every message.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "engine/core/error.hpp"
#include "engine/core/json_value.hpp"

namespace abt {
namespace {

using nlohmann::json;

std::string int_error(const json& j, int64_t lo, int64_t hi) {
  try {
    json_integer(j, "strategy.params.fast", lo, hi);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(JsonValue, IntegersAreExact) {
  EXPECT_EQ(json_integer(json(5), "p", 1, 10), 5);
  EXPECT_EQ(json_integer(json(5.0), "p", 1, 10), 5);
  EXPECT_EQ(json_integer(json(-3), "p", -5, 0), -3);
  EXPECT_EQ(json_integer(json(std::numeric_limits<uint64_t>::max() / 2), "p", 0, INT64_MAX), INT64_MAX);
  EXPECT_EQ(int_error(json(4294967301LL), 1, 100000),
            "strategy.params.fast: expected an integer in [1, 100000], got 4294967301");
  EXPECT_EQ(int_error(json::parse("1e20"), 1, 100000),
            "strategy.params.fast: expected an integer in [1, 100000], got 1e+20");
  EXPECT_EQ(int_error(json(2.5), 1, 100000),
            "strategy.params.fast: expected an integer in [1, 100000], got 2.5");
  EXPECT_EQ(int_error(json("5"), 1, 100000),
            "strategy.params.fast: expected an integer in [1, 100000], got \"5\"");
  EXPECT_EQ(int_error(json(0), 1, 100000), "strategy.params.fast: expected an integer in [1, 100000], got 0");
  EXPECT_EQ(int_error(json(std::numeric_limits<uint64_t>::max()), INT64_MIN, INT64_MAX),
            "strategy.params.fast: expected an integer in [-9223372036854775808, 9223372036854775807], got "
            "18446744073709551615");
  // 2^63 as a double is one past INT64_MAX: refused, not cast.
  EXPECT_NE(int_error(json(9223372036854775808.0), INT64_MIN, INT64_MAX), "");
  EXPECT_NE(int_error(json(-1e300), INT64_MIN, INT64_MAX), "");
}

TEST(JsonValue, NumbersAreBounded) {
  EXPECT_DOUBLE_EQ(json_number(json(0.5), "p", 0, 1), 0.5);
  EXPECT_DOUBLE_EQ(json_number(json(7), "p", 0, 10), 7.0);
  try {
    json_number(json(1e308), "capital", 0, 1e13);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_STREQ(e.what(), "capital: expected a number in [0, 1e+13], got 1e+308");
  }
  const double inf = std::numeric_limits<double>::infinity();
  try {
    json_number(json(true), "x", 0, inf);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_STREQ(e.what(), "x: expected a number >= 0, got true");
  }
  EXPECT_EQ(number_range_text(-inf, 1), "<= 1");
  EXPECT_EQ(number_range_text(-inf, inf), "");
}

}  // namespace
}  // namespace abt

// format_fixed / append_fixed must give exactly printf's "%.*f" text: every result file and golden
// depends on it, and the implementation (std::to_chars) differs from the one the files were first
// written with (snprintf).
#include "app/run/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

namespace abt {
namespace {

std::string printf_fixed(double value, int decimals) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

TEST(NumberFormat, HalfwayCasesRoundTheBinaryValueLikePrintf) {
  EXPECT_EQ(format_fixed(0.125, 2), "0.12");  // exactly representable: round half to even
  EXPECT_EQ(format_fixed(0.375, 2), "0.38");
  EXPECT_EQ(format_fixed(2.675, 2), "2.67");  // binary 2.67499999...
  EXPECT_EQ(format_fixed(-0.0, 2), "-0.00");
  EXPECT_EQ(format_fixed(1e15 + 0.5, 0), printf_fixed(1e15 + 0.5, 0));
  EXPECT_EQ(format_fixed(std::numeric_limits<double>::max(), 2).size(), 309u + 3u);
}

TEST(NumberFormat, NonFiniteValuesAsPrintfWritesThem) {
  EXPECT_EQ(format_fixed(std::numeric_limits<double>::infinity(), 2), "inf");
  EXPECT_EQ(format_fixed(-std::numeric_limits<double>::infinity(), 2), "-inf");
  EXPECT_EQ(format_fixed(std::nan(""), 4), printf_fixed(std::nan(""), 4));
}

TEST(NumberFormat, EqualsPrintfOnManyPricesNavsAndWeights) {
  std::mt19937_64 rng(20261201);
  std::uniform_real_distribution<double> exponent(-8, 12);
  std::uniform_int_distribution<int> decimals(0, 8);
  for (int i = 0; i < 200000; ++i) {
    const double magnitude = std::pow(10.0, exponent(rng));
    const double value = (i % 2 ? -1 : 1) * magnitude * std::uniform_real_distribution<double>(1, 10)(rng);
    const int d = decimals(rng);
    ASSERT_EQ(format_fixed(value, d), printf_fixed(value, d)) << value << " with " << d;
  }
  // Prices on the fen grid and their halves, the values the files hold most.
  for (int fen = 0; fen < 200000; ++fen) {
    const double price = fen / 100.0, half = (2 * fen + 1) / 200.0;
    ASSERT_EQ(format_fixed(price, 2), printf_fixed(price, 2));
    ASSERT_EQ(format_fixed(half, 2), printf_fixed(half, 2));
  }
}

TEST(NumberFormat, FastPathEqualsPrintfNearTiesAndAtItsBounds) {
  // Values whose scaled fraction lies just around one half (the fast path must defer to to_chars there),
  // just below and above 2^42 scaled, tiny negatives ("-0.00") and the neighbours of all of them.
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int64_t> units(0, int64_t{1} << 44);
  for (int i = 0; i < 200000; ++i) {
    const int d = i % 9;
    const double scale = std::pow(10.0, d);
    const double tie = (static_cast<double>(units(rng)) + 0.5) / scale;
    for (double v : {tie, std::nextafter(tie, 0.0), std::nextafter(tie, 1e300), -tie,
                     (static_cast<double>(units(rng)) + 0.4990234375) / scale,
                     (static_cast<double>(units(rng)) + 0.5009765625) / scale}) {
      ASSERT_EQ(format_fixed(v, d), printf_fixed(v, d)) << v << " with " << d;
    }
  }
  for (double v : {4398046511104.0 / 100, std::nextafter(4398046511104.0 / 100, 0.0), -1e-9, -0.004, -0.005,
                   -0.0051, 0.0049, 1e-300, 9.995, 99.995, 0.045, 1.005})
    for (int d = 0; d <= 8; ++d) ASSERT_EQ(format_fixed(v, d), printf_fixed(v, d)) << v << " with " << d;
}

TEST(NumberFormat, AppendKeepsWhatIsThere) {
  std::string text = "nav,";
  append_fixed(text, 1234.5, 2);
  EXPECT_EQ(text, "nav,1234.50");
}

}  // namespace
}  // namespace abt

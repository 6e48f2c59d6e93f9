// The report's return histogram (app/run/report_data.hpp): every finite value lands in a bin, outliers far
// beyond the 1 %..99 % range in the first or last one (their bin index overflowed an int: undefined
// behaviour, issue 14; UBSan checks it in the sanitized build).
#include "app/run/report_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace abt {
namespace {

TEST(ReportHistogram, OutliersFarOutsideTheRangeLandInTheEdgeBins) {
  std::vector<double> values(200, 0.001);
  values.push_back(1e300);
  values.push_back(-1e300);
  values.push_back(NAN);  // not counted
  const Histogram h = histogram(values, 10);
  ASSERT_EQ(h.counts.size(), 10u);
  EXPECT_DOUBLE_EQ(std::accumulate(h.counts.begin(), h.counts.end(), 0.0), 202.0);
  EXPECT_DOUBLE_EQ(h.counts.front(), 201.0);  // the 200 equal values (range [lo, lo + 1e-9)) and -1e300
  EXPECT_DOUBLE_EQ(h.counts.back(), 1.0);     // 1e300
}

}  // namespace
}  // namespace abt

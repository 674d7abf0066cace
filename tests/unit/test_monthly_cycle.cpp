// A seasonal cycle from twelve monthly values: the value itself at each month's middle, linear
// between the middles, and continuous across the new year.
#include <gtest/gtest.h>

#include "base/civil_time.hpp"
#include "base/monthly_cycle.hpp"

namespace kctm {
namespace {

UnixSeconds utc(int year, int month, int day, int hour = 0) {
  return days_from_civil({year, month, day}) * 86400 + hour * 3600;
}

MonthlyCycle one_to_twelve() {
  MonthlyCycle c;
  for (int m = 0; m < 12; ++m) c.month[m] = m + 1;
  return c;
}

TEST(MonthlyCycle, EachMonthsValueAtItsMiddle) {
  const MonthlyCycle c = one_to_twelve();
  EXPECT_DOUBLE_EQ(c.at(utc(2019, 1, 16, 12)), 1.0);  // 15.5 days into 31
  EXPECT_DOUBLE_EQ(c.at(utc(2019, 2, 15)), 2.0);      // 14 days into 28
  EXPECT_DOUBLE_EQ(c.at(utc(2019, 4, 16)), 4.0);      // 15 days into 30
  EXPECT_DOUBLE_EQ(c.at(utc(2019, 7, 16, 12)), 7.0);
}

TEST(MonthlyCycle, LinearBetweenMiddles) {
  const MonthlyCycle c = one_to_twelve();
  // Middle of January (day 15.5) to middle of February (day 45): a quarter of the way is
  // day 22.875.
  EXPECT_NEAR(c.at(utc(2019, 1, 23, 21)), 1.25, 1e-12);
  double last = c.at(utc(2019, 1, 17));
  for (int d = 18; d <= 31; ++d) {
    const double v = c.at(utc(2019, 1, d));
    EXPECT_GT(v, last);
    last = v;
  }
}

TEST(MonthlyCycle, ContinuousAcrossTheNewYear) {
  const MonthlyCycle c = one_to_twelve();
  // 1 January 00:00 lies 15.5 days after the middle of December and 15.5 before January's.
  EXPECT_NEAR(c.at(utc(2019, 1, 1)), 6.5, 1e-12);
  EXPECT_NEAR(c.at(utc(2018, 12, 31, 23)), c.at(utc(2019, 1, 1)), 0.02);
  EXPECT_NEAR(c.at(utc(2020, 2, 29, 12)), c.at(utc(2019, 2, 28, 12)), 1e-12)
      << "29 February reads as the 28th";
}

TEST(MonthlyCycle, ConstantAndExtremes) {
  const MonthlyCycle c = MonthlyCycle::constant(40.0);
  EXPECT_FALSE(c.varies());
  EXPECT_DOUBLE_EQ(c.at(utc(2019, 5, 3, 7)), 40.0);
  EXPECT_TRUE(one_to_twelve().varies());
  EXPECT_DOUBLE_EQ(one_to_twelve().max(), 12.0);
  EXPECT_EQ(values_at({c, one_to_twelve()}, utc(2019, 4, 16)), (std::vector<double>{40.0, 4.0}));
}

}  // namespace
}  // namespace kctm

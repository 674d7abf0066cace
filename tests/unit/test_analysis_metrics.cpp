// GB 3095-2012 / HJ 663-2013 statistics on small synthetic hourly series: the natural day of
// hour-ending values, the 20-hour, 6-of-8 and 14-window completeness rules, the HJ 663
// percentile, period completeness, special-period means, good-day share and city means.
// Inputs are small integers, so means are exact to round-off: tolerance 1e-12 (relative to
// values of order 1-100) unless a comment says otherwise.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>

#include "analysis/standard_metrics.hpp"
#include "base/error.hpp"

namespace kctm::analysis {
namespace {

constexpr double kTol = 1e-12;
const double kNaN = std::nan("");
// 2019-01-01T01:00:00+08:00: the end of the first hour of 1 January in Beijing.
constexpr UnixSeconds kJan1FirstHourEnd = 1546272000 + 3600;

HourlySeries series(std::vector<double> values) { return {kJan1FirstHourEnd, std::move(values)}; }

// values[h - 1] = h for the hours ending 01:00 ... 24:00.
std::vector<double> one_to_24() {
  std::vector<double> v;
  for (int h = 1; h <= 24; ++h) v.push_back(h);
  return v;
}

TEST(AnalysisMetrics, DayHoldsTheHoursEndingOneToTwentyFour) {
  std::vector<double> v = one_to_24();
  v.push_back(1000);  // ends 2 Jan 01:00: the first hour of 2 January
  const std::vector<DailyValue> d = daily_means(series(v));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].date.day, 1);
  EXPECT_NEAR(d[0].value, 12.5, kTol);  // (1 + ... + 24) / 24; 1000 would enter with hours 0-23
  EXPECT_EQ(d[0].n_valid, 24);
  EXPECT_EQ(d[1].date.day, 2);
  EXPECT_TRUE(std::isnan(d[1].value));  // one hour only
  EXPECT_EQ(d[1].n_valid, 1);
}

TEST(AnalysisMetrics, DailyMeanNeedsTwentyValidHours) {
  std::vector<double> v = one_to_24();
  for (int h = 1; h <= 4; ++h) v[h - 1] = kNaN;
  const DailyValue twenty = daily_means(series(v))[0];
  EXPECT_EQ(twenty.n_valid, 20);
  EXPECT_NEAR(twenty.value, 14.5, kTol);  // mean of 5 ... 24
  v[4] = kNaN;
  const DailyValue nineteen = daily_means(series(v))[0];
  EXPECT_EQ(nineteen.n_valid, 19);
  EXPECT_TRUE(std::isnan(nineteen.value));
}

TEST(AnalysisMetrics, EightHourMeanNeedsSixValidHours) {
  std::vector<double> v = {kNaN, kNaN, 3, 4, 5, 6, 7, 8};
  HourlySeries m = moving_8h_means(series(v));
  EXPECT_NEAR(m.values[7], 5.5, kTol);   // (3 + ... + 8) / 6
  EXPECT_TRUE(std::isnan(m.values[4]));  // hours 1-5 hold 3 values
  v[2] = kNaN;
  m = moving_8h_means(series(v));
  EXPECT_TRUE(std::isnan(m.values[7]));  // 5 valid
}

TEST(AnalysisMetrics, Mda8UsesTheWindowsEndingEightToTwentyFour) {
  // 31 December at 1000, 1 January at 10: windows ending 01:00-07:00 on 1 January reach back into
  // 31 December, so taking them would give MDA8 > 10.
  std::vector<double> v(48, 1000);
  for (int i = 24; i < 48; ++i) v[i] = 10;
  const HourlySeries s{kJan1FirstHourEnd - 24 * 3600, v};
  const std::vector<DailyValue> d = daily_max_8h(s);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].date.day, 1);
  EXPECT_NEAR(d[1].value, 10, kTol);
  EXPECT_EQ(d[1].n_valid, 17);

  // Rising values h: the window ending 24:00 holds 17 ... 24, mean 20.5.
  EXPECT_NEAR(daily_max_8h(series(one_to_24()))[0].value, 20.5, kTol);
}

TEST(AnalysisMetrics, Mda8NeedsFourteenValidWindowsUnlessItExceedsTheLimit) {
  // Missing hours 20-24 leave windows ending 21-24 with fewer than 6 hours: 14 of 17 remain.
  std::vector<double> v(24, 50);
  for (int h = 20; h <= 24; ++h) v[h - 1] = kNaN;
  const DailyValue fourteen = daily_max_8h(series(v))[0];
  EXPECT_EQ(fourteen.n_valid, 14);
  EXPECT_NEAR(fourteen.value, 50, kTol);
  // Missing hours 19-24 also lose the window ending 20: 13 remain.
  v[18] = kNaN;
  const DailyValue thirteen = daily_max_8h(series(v))[0];
  EXPECT_EQ(thirteen.n_valid, 13);
  EXPECT_TRUE(std::isnan(thirteen.value));
  // ... unless the maximum exceeds the 160 ug m-3 limit (HJ 663-2013 §6).
  for (double& x : v) x = std::isnan(x) ? x : 200;
  EXPECT_NEAR(daily_max_8h(series(v))[0].value, 200, kTol);
}

TEST(AnalysisMetrics, PercentileFollowsHj663) {
  // Sorted: 1 3 5 7 9 12 15 18 20 30 (n = 10).
  const std::vector<double> x = {12, 3, 7, 20, 15, 9, 1, 30, 18, 5, kNaN};
  // p = 90: k = 1 + 9 * 0.9 = 9.1, X(9) + 0.1 (X(10) - X(9)) = 20 + 1 = 21
  // (nearest rank would give 20, Excel's PERCENTILE.EXC 29).
  EXPECT_NEAR(percentile_hj663(x, 90), 21, kTol);
  // p = 95: k = 9.55 -> 20 + 0.55 * 10 = 25.5.
  EXPECT_NEAR(percentile_hj663(x, 95), 25.5, kTol);
  // p = 50: k = 5.5 -> 9 + 0.5 * 3 = 10.5.
  EXPECT_NEAR(percentile_hj663(x, 50), 10.5, kTol);
  EXPECT_NEAR(percentile_hj663(x, 100), 30, kTol);  // s = n
  EXPECT_NEAR(percentile_hj663(x, 0), 1, kTol);
  EXPECT_NEAR(percentile_hj663({7}, 95), 7, kTol);
  EXPECT_TRUE(std::isnan(percentile_hj663({kNaN}, 90)));
  EXPECT_THROW(percentile_hj663(x, 101), Error);
}

// One value per day of `year`, all `value`.
std::vector<DailyValue> whole_year(int year, double value) {
  std::vector<DailyValue> d;
  for (std::int64_t day = days_from_civil({year, 1, 1}); day < days_from_civil({year + 1, 1, 1});
       ++day) {
    d.push_back({civil_from_days(day), value, 24});
  }
  return d;
}

// Marks the first `n` days of `month` invalid.
void drop_days(std::vector<DailyValue>& d, int month, int n) {
  for (DailyValue& v : d) {
    if (v.date.month == month && v.date.day <= n) v.value = kNaN;
  }
}

TEST(AnalysisMetrics, MonthCompletenessIsTwentySevenDaysAndTwentyFiveInFebruary) {
  std::vector<DailyValue> d = whole_year(2019, 1);
  EXPECT_TRUE(completeness(d).meets_annual_rule);
  drop_days(d, 1, 4);  // 27 left
  drop_days(d, 2, 3);  // 25 left
  Completeness c = completeness(d);
  EXPECT_EQ(c.n_days, 365 - 7);
  EXPECT_EQ(c.n_months_short, 0);
  EXPECT_TRUE(c.meets_annual_rule);
  drop_days(d, 2, 4);  // 24 left
  c = completeness(d);
  EXPECT_EQ(c.n_months_short, 1);
  EXPECT_FALSE(c.meets_annual_rule);
  drop_days(d, 1, 5);  // 26 left
  EXPECT_EQ(completeness(d).n_months_short, 2);
}

TEST(AnalysisMetrics, YearNeedsThreeHundredTwentyFourDays) {
  // Dropping what each month can lose (4 of 31, 3 of 30, 3 of 28) leaves 322 days, no month short.
  std::vector<DailyValue> d = whole_year(2019, 1);
  const int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 1; m <= 12; ++m) drop_days(d, m, days_in[m - 1] - (m == 2 ? 25 : 27));
  Completeness c = completeness(d);
  EXPECT_EQ(c.n_days, 322);
  EXPECT_EQ(c.n_months_short, 0);
  EXPECT_FALSE(c.meets_annual_rule);
  d[0].value = 1;  // 323
  EXPECT_FALSE(completeness(d).meets_annual_rule);
  d[1].value = 1;  // 324
  EXPECT_TRUE(completeness(d).meets_annual_rule);
  // A half year is computed and flagged, not refused.
  const PeriodStatistic half = period_mean({d.begin(), d.begin() + 181});
  EXPECT_NEAR(half.value, 1, kTol);
  EXPECT_FALSE(half.completeness.meets_annual_rule);
  EXPECT_EQ(half.completeness.n_months, 6);
}

TEST(AnalysisMetrics, PeriodAndSpecialPeriodMeans) {
  const std::vector<DailyValue> d = {{{2019, 1, 1}, 10, 24},
                                     {{2019, 3, 1}, 100, 24},
                                     {{2019, 12, 1}, 30, 24},
                                     {{2019, 12, 2}, kNaN, 3}};
  EXPECT_NEAR(period_mean(d).value, 140.0 / 3, kTol);
  const PeriodStatistic winter = special_period_mean(d, {1, 2, 12});
  EXPECT_NEAR(winter.value, 20, kTol);  // (10 + 30) / 2
  EXPECT_EQ(winter.completeness.n_days, 2);
  EXPECT_NEAR(period_percentile(d, 50).value, 30, kTol);  // k = 2 of 10 30 100
  EXPECT_THROW(special_period_mean(d, {13}), Error);
}

TEST(AnalysisMetrics, O3AndCoEvaluationStatistics) {
  // Ten days, each constant: O3 10, 20, ..., 100 and CO 0.1, ..., 1.0.
  std::vector<double> o3, co;
  for (int day = 1; day <= 10; ++day) {
    for (int h = 0; h < 24; ++h) {
      o3.push_back(10.0 * day);
      co.push_back(0.1 * day);
    }
  }
  // MDA8 = the day's value (every window of a day lies inside it); p90: k = 9.1 -> 90 + 0.1 * 10.
  const PeriodStatistic o3_p90 = o3_mda8_p90(series(o3));
  EXPECT_NEAR(o3_p90.value, 91, kTol);
  EXPECT_EQ(o3_p90.completeness.n_days, 10);
  // p95: k = 9.55 -> 0.9 + 0.55 * 0.1 = 0.955; CO tenths are inexact in binary: 1e-12 still holds.
  EXPECT_NEAR(co_daily_p95(series(co)).value, 0.955, kTol);
}

TEST(AnalysisMetrics, GoodDayShareCountsDaysWithAnAqi) {
  const std::vector<std::optional<int>> aqi = {50, 100, 101, std::nullopt, 150};
  EXPECT_NEAR(good_day_share(aqi), 0.5, kTol);  // 2 of 4
  EXPECT_TRUE(std::isnan(good_day_share({std::nullopt})));
}

TEST(AnalysisMetrics, CityValueIsTheMeanOverStationsWithAValue) {
  const std::vector<DailyValue> a = {{{2019, 1, 1}, 10, 24}, {{2019, 1, 2}, kNaN, 5}};
  const std::vector<DailyValue> b = {{{2019, 1, 1}, 20, 24}, {{2019, 1, 2}, 40, 22}};
  const std::vector<DailyValue> city = city_daily_means({a, b});
  ASSERT_EQ(city.size(), 2u);
  EXPECT_NEAR(city[0].value, 15, kTol);
  EXPECT_EQ(city[0].n_valid, 2);
  EXPECT_NEAR(city[1].value, 40, kTol);
  EXPECT_EQ(city[1].n_valid, 1);
}

}  // namespace
}  // namespace kctm::analysis

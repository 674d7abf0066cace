// kctm validate refuses what it cannot judge: observations that pair with no model value, and a
// limit on a statistic that cannot be computed; the console never shows nan. A month's model mean
// is set beside the whole observed month as well as beside the same hours, and so is each of its
// times of day.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/validation.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

using analysis::Observations;
using analysis::Pollutant;

/// Six hours of PM2.5 at `station`, values base + h.
Observations series(const std::string& station, double base) {
  Observations o;
  for (int h = 1; h <= 6; ++h) o[station][Pollutant::kPm25][1546272000 + 3600 * h] = base + h;
  return o;
}

TEST(ValidationPairs, ObservationsAtNoModelStationAreRefused) {
  const Observations model = series("1001A", 30), obs = series("9999X", 40);
  EXPECT_EQ(test::error_of([&] { validate(model, obs, {}, "obs.csv", ""); }),
            "obs.csv: no observation pairs with the model (observed stations 9999X; the model's "
            "1001A; check --stations and the run's period)");
}

TEST(ValidationPairs, ALimitOnAStatisticThatCannotBeComputedIsAnError) {
  Observations model = series("1001A", 30);
  model["1001A"][Pollutant::kO3] = {{1546275600, 50.0}};
  const Observations obs = series("1001A", 40);
  // PM2.5 pairs; O3 has no observation, so its NMB is undefined.
  EXPECT_EQ(test::error_of([&] {
              validate(model, obs, {{"O3", {0.3, NAN, NAN, NAN, NAN}}}, "obs.csv", "limits.yaml");
            }),
            "limits.yaml: O3.nmb_abs_max: the statistic cannot be computed from 0 pairs "
            "(observations of O3 at the model's stations in its hours)");
  const Validation v =
      validate(model, obs, {{"PM2.5", {0.1, NAN, NAN, NAN, NAN}}}, "obs.csv", "limits.yaml");
  ASSERT_EQ(v.crossed.size(), 1u);
  EXPECT_EQ(v.crossed[0].find("nan"), std::string::npos) << v.crossed[0];
  for (const MetricRow& r : v.rows) {
    EXPECT_EQ(summary_line(r).find("nan"), std::string::npos) << summary_line(r);
  }
}

TEST(ValidationPairs, AMonthIsComparedWithEveryObservedHourOfIt) {
  // January 2019 (Beijing time): the model holds one day at 30; the stations observed 10 on that
  // day and 40 on every other day of the month, and 1000 on the days either side of it.
  const UnixSeconds month_start = 1546272000;  // 2019-01-01T00:00+08:00
  Observations model, obs;
  // O3 likewise: 50 in the model, 20 observed that day, 60 on the others.
  for (int h = 1; h <= 24; ++h) {
    model["1001A"][Pollutant::kPm25][month_start + 3600 * h] = 30;
    model["1001A"][Pollutant::kO3][month_start + 3600 * h] = 50;
  }
  for (int h = -23; h <= 32 * 24; ++h) {
    const bool in_month = h >= 1 && h <= 31 * 24;
    obs["1001A"][Pollutant::kPm25][month_start + 3600 * h] = !in_month ? 1000 : (h <= 24 ? 10 : 40);
    obs["1001A"][Pollutant::kO3][month_start + 3600 * h] = !in_month ? 1000 : (h <= 24 ? 20 : 60);
  }
  obs["9999X"][Pollutant::kPm25][month_start + 3600 * 30] = 5000;  // not a model station
  const Validation v = validate(model, obs, {}, "obs.csv", "");
  ASSERT_EQ(v.months.size(), 3u);  // PM2.5, O3 and O3_MDA8
  const MonthMeans& m = v.months[0];
  EXPECT_EQ(m.quantity, "PM2.5");
  EXPECT_EQ(m.month, "2019-01");
  EXPECT_DOUBLE_EQ(m.model, 30);
  EXPECT_DOUBLE_EQ(m.observed_same_hours, 10);
  EXPECT_EQ(m.observed_month_n, 31u * 24u);
  EXPECT_DOUBLE_EQ(m.observed_month, (24 * 10.0 + 30 * 24 * 40.0) / (31 * 24));
  const MonthMeans& mda8 = v.months[2];
  EXPECT_EQ(mda8.quantity, "O3_MDA8");
  EXPECT_DOUBLE_EQ(mda8.model, 50);
  EXPECT_DOUBLE_EQ(mda8.observed_same_hours, 20);
  EXPECT_EQ(mda8.observed_month_n, 31u);
  EXPECT_NEAR(mda8.observed_month, (20 + 30 * 60.0) / 31, 1e-9);
}

TEST(ValidationPairs, TimesOfDayAreComparedWithTheWholeObservedMonth) {
  const UnixSeconds month_start = 1546272000;  // 2019-01-01T00:00+08:00
  // By the Beijing hour an hour ends at: night (22-05 h), morning, afternoon, evening.
  auto when = [](int hour) {
    return hour >= 22 || hour <= 5 ? 0 : hour <= 11 ? 1 : hour <= 17 ? 2 : 3;
  };
  const double model_at[] = {20, 21, 22, 23}, observed_at[] = {40, 50, 60, 50};
  Observations model, obs;
  for (int h = 1; h <= 24; ++h) {
    model["1001A"][Pollutant::kNo2][month_start + 3600 * h] = model_at[when(h % 24)];
  }
  for (int h = 1; h <= 31 * 24; ++h) {
    obs["1001A"][Pollutant::kNo2][month_start + 3600 * h] = observed_at[when(h % 24)];
  }
  obs["1001A"][Pollutant::kNo2][month_start + 32 * 24 * 3600] = 1000;  // February
  const Validation v = validate(model, obs, {}, "obs.csv", "");
  ASSERT_EQ(v.times_of_day.size(), 1u);
  const TimeOfDayMeans& d = v.times_of_day[0];
  EXPECT_EQ(d.quantity, "NO2");
  EXPECT_EQ(d.month, "2019-01");
  for (std::size_t w = 0; w < kTimesOfDay.size(); ++w) {
    EXPECT_DOUBLE_EQ(d.model[w], model_at[w]) << kTimesOfDay[w];
    EXPECT_DOUBLE_EQ(d.observed_month[w], observed_at[w]) << kTimesOfDay[w];
  }
}

}  // namespace
}  // namespace kctm

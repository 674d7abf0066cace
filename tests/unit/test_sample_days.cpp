// The days that stand for a month in a sampled year: each kind of weather in its share of the
// sample, every day distinct and inside the days a run may start on.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <random>

#include "base/error.hpp"
#include "meteo/sample_days.hpp"

namespace kctm {
namespace {

std::array<int, 3> count_kinds(const std::vector<DayWeather>& days,
                               const std::vector<int>& chosen) {
  std::array<int, 3> n{};
  for (int d : chosen) ++n[static_cast<int>(days.at(d - 1))];
  return n;
}

TEST(SampleDays, EachKindOfWeatherInItsShare) {
  std::mt19937 rng(17);
  for (int trial = 0; trial < 500; ++trial) {
    const int length = 28 + static_cast<int>(rng() % 4);
    std::vector<DayWeather> days(length);
    std::array<int, 3> in_month{};
    for (DayWeather& d : days) {
      d = static_cast<DayWeather>(rng() % 3);
      ++in_month[static_cast<int>(d)];
    }
    for (int n = 1; n <= 10; ++n) {
      const std::vector<int> chosen = stratified_days(days, n, length);
      ASSERT_EQ(static_cast<int>(chosen.size()), n);
      for (std::size_t s = 0; s < chosen.size(); ++s) {
        EXPECT_GE(chosen[s], 1);
        EXPECT_LE(chosen[s], length);
        if (s > 0) EXPECT_LT(chosen[s - 1], chosen[s]);  // ascending, so distinct
      }
      const std::array<int, 3> got = count_kinds(days, chosen);
      for (int k = 0; k < 3; ++k) {
        EXPECT_LT(std::abs(got[k] - static_cast<double>(n) * in_month[k] / length), 1.0)
            << "kind " << k << ", " << n << " days of " << length;
      }
    }
  }
}

TEST(SampleDays, AFixedCalendarsRainyMonthIsNotSampledAsAllRain) {
  // Rain on every odd day: the 5th, 15th and 25th all rain, half the month dry.
  std::vector<DayWeather> days(30, DayWeather::kDry);
  for (int d = 1; d <= 30; d += 2) days[d - 1] = DayWeather::kRain;
  const std::array<int, 3> got = count_kinds(days, stratified_days(days, 3, 28));
  EXPECT_GE(got[static_cast<int>(DayWeather::kRain)], 1);
  EXPECT_GE(got[static_cast<int>(DayWeather::kDry)], 1);
}

TEST(SampleDays, SpreadThroughTheMonth) {
  const std::vector<DayWeather> days(31, DayWeather::kDry);
  EXPECT_EQ(stratified_days(days, 3, 28), (std::vector<int>{5, 15, 24}));
}

TEST(SampleDays, OnlyDaysARunCanStartOn) {
  // The stagnant days lie after the last start: their share goes to the other kinds.
  std::vector<DayWeather> days(31, DayWeather::kDry);
  for (int d = 27; d <= 31; ++d) days[d - 1] = DayWeather::kStagnant;
  for (int d = 1; d <= 10; ++d) days[d - 1] = DayWeather::kRain;
  const std::vector<int> chosen = stratified_days(days, 6, 26);
  EXPECT_EQ(chosen.size(), 6u);
  for (int d : chosen) EXPECT_LE(d, 26);
  EXPECT_THROW(stratified_days(days, 27, 26), Error);
  EXPECT_THROW(stratified_days(days, 0, 26), Error);
}

}  // namespace
}  // namespace kctm

// The daily report of one place (analysis/daily_report.hpp) on a hand-checked day: 24-h means,
// O3's 1-h maximum and MDA8 (HJ 663-2013), the daily AQI (HJ 633-2012 Table 1), and a partial
// day left missing rather than reported from the hours it has. The inputs are small integers,
// so the means are exact to round-off: tolerance 1e-12; IAQI values are integers, compared exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "analysis/daily_report.hpp"
#include "base/error.hpp"

namespace kctm::analysis {
namespace {

constexpr double kTol = 1e-12;
const double kNaN = std::nan("");
// 2019-01-01T01:00:00+08:00: the end of the first hour of 1 January in Beijing.
constexpr UnixSeconds kJan1FirstHourEnd = 1546272000 + 3600;

/// values[h - 1] for the hours ending 01:00 ... 24:00 of 1 January: `first` for hours 1-12,
/// `second` for hours 13-24.
std::vector<double> halves(double first, double second) {
  std::vector<double> v(24, first);
  for (int h = 13; h <= 24; ++h) v[h - 1] = second;
  return v;
}

/// The hand-checked day:
///   PM2.5 50 for hours 1-12, 100 for 13-24: 24-h mean (12*50 + 12*100)/24 = 75
///         -> IAQI 100 (75 is Table 1's IAQI-100 breakpoint);
///   PM10  100: IAQI 50 + (100-50)/(150-50) * (100-50) = 75;
///   SO2   10:  IAQI 50/50 * 10 = 10;
///   NO2   40:  IAQI 50 (breakpoint);
///   CO    1 mg m-3: IAQI 50/2 * 1 = 25;
///   O3    200 for hours 11-18, 20 otherwise: 1-h max 200 -> IAQI 100 (breakpoint); the 8-h mean
///         ending 18:00 is (8*200)/8 = 200, every other window holds at least one 20, so
///         MDA8 = 200 -> IAQI 100 + (150-100)/(215-160) * (200-160) = 136.36, rounded up 137.
///   AQI = max = 137, O3 8-h the primary pollutant (IAQI > 50), "lightly polluted" (101-150).
std::map<Pollutant, HourlySeries> hand_checked_day() {
  std::vector<double> o3(24, 20);
  for (int h = 11; h <= 18; ++h) o3[h - 1] = 200;
  return {{Pollutant::kPm25, {kJan1FirstHourEnd, halves(50, 100)}},
          {Pollutant::kPm10, {kJan1FirstHourEnd, halves(100, 100)}},
          {Pollutant::kSo2, {kJan1FirstHourEnd, halves(10, 10)}},
          {Pollutant::kNo2, {kJan1FirstHourEnd, halves(40, 40)}},
          {Pollutant::kCo, {kJan1FirstHourEnd, halves(1, 1)}},
          {Pollutant::kO3, {kJan1FirstHourEnd, o3}}};
}

TEST(DailyReport, HandCheckedDayGivesItsMeansMda8AndAqi) {
  const std::vector<DailyReport> r = daily_reports(hand_checked_day());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].date.year, 2019);
  EXPECT_EQ(r[0].date.month, 1);
  EXPECT_EQ(r[0].date.day, 1);
  const DailyConcentrations& c = r[0].concentrations;
  EXPECT_NEAR(c.pm25_24h_ug_m3, 75, kTol);
  EXPECT_NEAR(c.pm10_24h_ug_m3, 100, kTol);
  EXPECT_NEAR(c.so2_24h_ug_m3, 10, kTol);
  EXPECT_NEAR(c.no2_24h_ug_m3, 40, kTol);
  EXPECT_NEAR(c.co_24h_mg_m3, 1, kTol);
  EXPECT_NEAR(c.o3_1h_max_ug_m3, 200, kTol);
  EXPECT_NEAR(c.o3_8h_max_ug_m3, 200, kTol);
  ASSERT_TRUE(r[0].aqi.has_value());
  EXPECT_EQ(*r[0].aqi, 137);
  ASSERT_EQ(r[0].primary.size(), 1u);
  EXPECT_EQ(r[0].primary[0], AqiIndicator::kO3_8h);
  EXPECT_EQ(aqi_category(*r[0].aqi), AqiCategory::kLight);
}

TEST(DailyReport, DayWithNineteenHoursIsMissingNotBiased) {
  // Hours 20-24 missing: 19 hours, below the 20 a 24-h mean needs. MDA8 still has the 14 valid
  // windows HJ 663-2013 asks for (those ending 08:00 ... 21:00; the window ending 21:00 holds
  // hours 14-19, six values) and keeps its 200; the AQI, which would take the maximum over the
  // indicators left, is missing with the 24-h means.
  std::map<Pollutant, HourlySeries> day = hand_checked_day();
  for (auto& [p, s] : day) {
    for (int h = 20; h <= 24; ++h) s.values[h - 1] = kNaN;
  }
  const DailyReport r = daily_reports(day).at(0);
  EXPECT_TRUE(std::isnan(r.concentrations.pm25_24h_ug_m3));
  EXPECT_TRUE(std::isnan(r.concentrations.co_24h_mg_m3));
  EXPECT_TRUE(std::isnan(r.concentrations.o3_1h_max_ug_m3));  // held to the 20 hours too
  EXPECT_NEAR(r.concentrations.o3_8h_max_ug_m3, 200, kTol);
  EXPECT_FALSE(r.aqi.has_value());
  EXPECT_TRUE(r.primary.empty());
}

TEST(DailyReport, MissingPollutantIsAnError) {
  std::map<Pollutant, HourlySeries> day = hand_checked_day();
  day.erase(Pollutant::kCo);
  EXPECT_THROW(daily_reports(day), Error);
}

}  // namespace
}  // namespace kctm::analysis

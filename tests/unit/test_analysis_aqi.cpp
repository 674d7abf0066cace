// HJ 633-2012 AQI: individual indices at and between the Table 1 breakpoints, the rounding up of
// formula (1), the 800 ug m-3 fallbacks, the daily AQI, primary pollutant and categories.
// IAQI values are integers, so every comparison here is exact.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/aqi.hpp"

namespace kctm::analysis {
namespace {

using I = AqiIndicator;

TEST(AnalysisAqi, GradeTwoLimitsSitAtIndexOneHundred) {
  // GB 3095-2012 grade II 24-h limits (and O3 limits) are the IAQI 100 breakpoints of Table 1.
  EXPECT_EQ(iaqi(I::kPm25_24h, 75), 100);
  EXPECT_EQ(iaqi(I::kPm10_24h, 150), 100);
  EXPECT_EQ(iaqi(I::kSo2_24h, 150), 100);
  EXPECT_EQ(iaqi(I::kNo2_24h, 80), 100);
  EXPECT_EQ(iaqi(I::kCo_24h, 4), 100);
  EXPECT_EQ(iaqi(I::kO3_1h, 200), 100);
  EXPECT_EQ(iaqi(I::kO3_8h, 160), 100);
  EXPECT_EQ(iaqi(I::kPm25_24h, 0), 0);
}

TEST(AnalysisAqi, EveryPm25BreakpointGivesItsIndex) {
  const double bp[] = {0, 35, 75, 115, 150, 250, 350, 500};
  const int index[] = {0, 50, 100, 150, 200, 300, 400, 500};
  for (int k = 0; k < 8; ++k) EXPECT_EQ(iaqi(I::kPm25_24h, bp[k]), index[k]) << bp[k];
}

TEST(AnalysisAqi, BetweenBreakpointsInterpolatesAndRoundsUp) {
  // PM2.5 50: (100-50)/(75-35) (50-35) + 50 = 68.75 -> 69.
  EXPECT_EQ(iaqi(I::kPm25_24h, 50), 69);
  // PM2.5 35.1: 50.125 -> 51 (rounding to nearest would give 50).
  EXPECT_EQ(iaqi(I::kPm25_24h, 35.1), 51);
  // PM10 100: (100-50)/(150-50) (100-50) + 50 = 75 exactly, no rounding up.
  EXPECT_EQ(iaqi(I::kPm10_24h, 100), 75);
  // O3 8-h 180: 50/55 * 20 + 100 = 118.18 -> 119.
  EXPECT_EQ(iaqi(I::kO3_8h, 180), 119);
  // SO2 24-h 500: 50/325 * 25 + 150 = 153.85 -> 154.
  EXPECT_EQ(iaqi(I::kSo2_24h, 500), 154);
  // CO 24-h 3 mg m-3: 50/2 * 1 + 50 = 75.
  EXPECT_EQ(iaqi(I::kCo_24h, 3), 75);
  // NO2 1-h 1000: 50/500 * 300 + 150 = 180.
  EXPECT_EQ(iaqi(I::kNo2_1h, 1000), 180);
}

TEST(AnalysisAqi, AboveEightHundredSo2OneHourAndO3EightHourHaveNoIndex) {
  EXPECT_EQ(iaqi(I::kSo2_1h, 800), 200);
  EXPECT_FALSE(iaqi(I::kSo2_1h, 801).has_value());
  EXPECT_EQ(iaqi(I::kO3_8h, 800), 300);
  EXPECT_FALSE(iaqi(I::kO3_8h, 801).has_value());
  // Real-time SO2 falls back to the 24-h mean: 24-h 100 -> 50/100 * 50 + 50 = 75.
  EXPECT_EQ(so2_realtime_iaqi(900, 100), 75);
  // Below 800 the 1-h value is used: 600 -> 50/150 * 100 + 100 = 133.3 -> 134.
  EXPECT_EQ(so2_realtime_iaqi(600, 100), 134);
}

TEST(AnalysisAqi, MissingNegativeAndOffTheTable) {
  EXPECT_FALSE(iaqi(I::kPm25_24h, std::nan("")).has_value());
  EXPECT_FALSE(iaqi(I::kPm25_24h, -1).has_value());
  EXPECT_EQ(iaqi(I::kPm25_24h, 600), 500);
}

TEST(AnalysisAqi, DailyAqiIsTheLargestIndexWithItsPrimaryPollutant) {
  DailyConcentrations c;
  c.pm25_24h_ug_m3 = 50;    // 69
  c.pm10_24h_ug_m3 = 100;   // 75
  c.so2_24h_ug_m3 = 10;     // 10
  c.no2_24h_ug_m3 = 40;     // 50
  c.co_24h_mg_m3 = 1;       // 25
  c.o3_1h_max_ug_m3 = 100;  // 31.25 -> 32
  c.o3_8h_max_ug_m3 = 80;   // 40
  const AqiResult r = daily_aqi(c);
  ASSERT_TRUE(r.aqi.has_value());
  EXPECT_EQ(*r.aqi, 75);
  EXPECT_EQ(r.primary, std::vector<AqiIndicator>{I::kPm10_24h});
  EXPECT_TRUE(r.exceeding.empty());
  EXPECT_EQ(r.n_indicators, 7);
  EXPECT_EQ(aqi_category(*r.aqi), AqiCategory::kGood);
}

TEST(AnalysisAqi, TiesShareThePrimaryAndCleanDaysHaveNone) {
  DailyConcentrations tie;
  tie.pm25_24h_ug_m3 = 115;  // 150
  tie.pm10_24h_ug_m3 = 250;  // 150
  tie.no2_24h_ug_m3 = 100;   // (150-100)/(180-80) * 20 + 100 = 110
  const AqiResult r = daily_aqi(tie);
  EXPECT_EQ(r.aqi, 150);
  EXPECT_EQ(r.primary, (std::vector<AqiIndicator>{I::kPm10_24h, I::kPm25_24h}));
  EXPECT_EQ(r.exceeding, (std::vector<AqiIndicator>{I::kNo2_24h, I::kPm10_24h, I::kPm25_24h}));
  EXPECT_EQ(r.n_indicators, 3);

  DailyConcentrations clean;
  clean.pm25_24h_ug_m3 = 35;  // 50: AQI 50, no primary pollutant (HJ 633-2012 §4.3)
  EXPECT_EQ(daily_aqi(clean).aqi, 50);
  EXPECT_TRUE(daily_aqi(clean).primary.empty());
  EXPECT_FALSE(daily_aqi(DailyConcentrations{}).aqi.has_value());
}

TEST(AnalysisAqi, O3EightHourAboveEightHundredLeavesTheOneHourIndex) {
  DailyConcentrations c;
  c.o3_8h_max_ug_m3 = 900;   // no IAQI
  c.o3_1h_max_ug_m3 = 1000;  // 400
  const AqiResult r = daily_aqi(c);
  EXPECT_EQ(r.aqi, 400);
  EXPECT_EQ(r.primary, std::vector<AqiIndicator>{I::kO3_1h});
  EXPECT_EQ(aqi_category(400), AqiCategory::kSevere);
}

TEST(AnalysisAqi, CategoriesChangeJustAboveEachBound) {
  EXPECT_EQ(aqi_category(50), AqiCategory::kExcellent);
  EXPECT_EQ(aqi_category(51), AqiCategory::kGood);
  EXPECT_EQ(aqi_category(100), AqiCategory::kGood);
  EXPECT_EQ(aqi_category(101), AqiCategory::kLight);
  EXPECT_EQ(aqi_category(150), AqiCategory::kLight);
  EXPECT_EQ(aqi_category(151), AqiCategory::kModerate);
  EXPECT_EQ(aqi_category(200), AqiCategory::kModerate);
  EXPECT_EQ(aqi_category(201), AqiCategory::kHeavy);
  EXPECT_EQ(aqi_category(300), AqiCategory::kHeavy);
  EXPECT_EQ(aqi_category(301), AqiCategory::kSevere);
  EXPECT_STREQ(category_name_zh(AqiCategory::kLight), "轻度污染");
  EXPECT_TRUE(is_good_day(100));
  EXPECT_FALSE(is_good_day(101));
}

}  // namespace
}  // namespace kctm::analysis

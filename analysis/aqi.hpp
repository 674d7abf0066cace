#pragma once
// China's air quality index, HJ 633-2012 "Technical Regulation on Ambient Air Quality Index (on
// trial)": individual indices (IAQI) by piecewise-linear interpolation in Table 1, the AQI as
// their maximum, the primary pollutant and the category of Table 2.
#include <limits>
#include <optional>
#include <vector>

namespace kctm::analysis {

/// One row of HJ 633-2012 Table 1: a pollutant at one averaging time.
enum class AqiIndicator {
  kSo2_24h,   ///< SO2 24-h mean [ug m-3]
  kSo2_1h,    ///< SO2 1-h mean [ug m-3] (real-time reports only)
  kNo2_24h,   ///< NO2 24-h mean [ug m-3]
  kNo2_1h,    ///< NO2 1-h mean [ug m-3] (real-time reports only)
  kPm10_24h,  ///< PM10 24-h mean [ug m-3]
  kCo_24h,    ///< CO 24-h mean [mg m-3]
  kCo_1h,     ///< CO 1-h mean [mg m-3] (real-time reports only)
  kO3_1h,     ///< O3 1-h mean [ug m-3]
  kO3_8h,     ///< O3 8-h moving mean [ug m-3]
  kPm25_24h,  ///< PM2.5 24-h mean [ug m-3]
};

/// Short name, e.g. "PM2.5_24h", "O3_8h".
const char* indicator_name(AqiIndicator ind);

/// IAQI of one concentration, rounded up to an integer (HJ 633-2012 §4.2, formula (1)).
/// Empty for a missing (NaN) or negative value, and where the standard computes no IAQI: SO2 1-h
/// or O3 8-h above 800 ug m-3 (Table 1 notes 2 and 3; use the 24-h SO2 or the 1-h O3 instead).
/// Above the table's last breakpoint the index stays at 500.
std::optional<int> iaqi(AqiIndicator ind, double concentration);

/// Real-time SO2 IAQI: from the 1-h mean, or from the 24-h mean when the 1-h mean exceeds
/// 800 ug m-3 (HJ 633-2012 Table 1 note 2).
std::optional<int> so2_realtime_iaqi(double so2_1h_ug_m3, double so2_24h_ug_m3);

/// The six categories of HJ 633-2012 Table 2 (levels I to VI).
enum class AqiCategory { kExcellent, kGood, kLight, kModerate, kHeavy, kSevere };

/// Category of an AQI value: <= 50 excellent, <= 100 good, <= 150, <= 200, <= 300, above.
AqiCategory aqi_category(int aqi);
/// Table 2's Chinese name: 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染.
const char* category_name_zh(AqiCategory c);
/// An English name: "excellent", "good", "lightly polluted", ...
const char* category_name_en(AqiCategory c);

/// A day counts as good (优良天, "attaining") when its AQI is at most 100.
inline bool is_good_day(int aqi) { return aqi <= 100; }

/// The seven daily-report indicators of HJ 633-2012 §5.1; NaN where missing.
struct DailyConcentrations {
  static constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
  double so2_24h_ug_m3 = kMissing;
  double no2_24h_ug_m3 = kMissing;
  double pm10_24h_ug_m3 = kMissing;
  double pm25_24h_ug_m3 = kMissing;
  double co_24h_mg_m3 = kMissing;
  double o3_1h_max_ug_m3 = kMissing;  ///< daily maximum 1-h mean
  double o3_8h_max_ug_m3 = kMissing;  ///< daily maximum 8-h moving mean
};

struct AqiResult {
  std::optional<int> aqi;               ///< empty when no indicator has an IAQI
  std::vector<AqiIndicator> primary;    ///< max-IAQI indicators, only when AQI > 50 (§4.3)
  std::vector<AqiIndicator> exceeding;  ///< indicators with IAQI > 100 (§4.3)
  int n_indicators = 0;                 ///< indicators that had an IAQI
};

/// Daily AQI = max IAQI over the available daily indicators (HJ 633-2012 §4.3, formula (2)).
AqiResult daily_aqi(const DailyConcentrations& c);

}  // namespace kctm::analysis

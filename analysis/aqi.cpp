#include "analysis/aqi.hpp"

#include <cmath>
#include <iterator>
#include <utility>

namespace kctm::analysis {

namespace {

constexpr int kLevels = 8;
// IAQI at each breakpoint column of HJ 633-2012 Table 1.
constexpr double kIaqi[kLevels] = {0, 50, 100, 150, 200, 300, 400, 500};
// Concentration breakpoints of HJ 633-2012 Table 1 (ug m-3; CO mg m-3); NaN: no breakpoint, the
// standard computes no IAQI there (notes 2 and 3: SO2 1-h and O3 8-h above 800 ug m-3).
constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
constexpr double kBreakpoints[][kLevels] = {
    {0, 50, 150, 475, 800, 1600, 2100, 2620},      // SO2 24-h
    {0, 150, 500, 650, 800, kNone, kNone, kNone},  // SO2 1-h
    {0, 40, 80, 180, 280, 565, 750, 940},          // NO2 24-h
    {0, 100, 200, 700, 1200, 2340, 3090, 3840},    // NO2 1-h
    {0, 50, 150, 250, 350, 420, 500, 600},         // PM10 24-h
    {0, 2, 4, 14, 24, 36, 48, 60},                 // CO 24-h
    {0, 5, 10, 35, 60, 90, 120, 150},              // CO 1-h
    {0, 160, 200, 300, 400, 800, 1000, 1200},      // O3 1-h
    {0, 100, 160, 215, 265, 800, kNone, kNone},    // O3 8-h moving mean
    {0, 35, 75, 115, 150, 250, 350, 500},          // PM2.5 24-h
};
static_assert(std::size(kBreakpoints) == static_cast<int>(AqiIndicator::kPm25_24h) + 1,
              "one row per indicator, in the enum's order");
// Rounding up must not turn an exact breakpoint (e.g. 100.0000000001 from round-off) into 101.
constexpr double kRoundOffSlack = 1e-9;

}  // namespace

const char* indicator_name(AqiIndicator ind) {
  switch (ind) {
    case AqiIndicator::kSo2_24h: return "SO2_24h";
    case AqiIndicator::kSo2_1h: return "SO2_1h";
    case AqiIndicator::kNo2_24h: return "NO2_24h";
    case AqiIndicator::kNo2_1h: return "NO2_1h";
    case AqiIndicator::kPm10_24h: return "PM10_24h";
    case AqiIndicator::kCo_24h: return "CO_24h";
    case AqiIndicator::kCo_1h: return "CO_1h";
    case AqiIndicator::kO3_1h: return "O3_1h";
    case AqiIndicator::kO3_8h: return "O3_8h";
    case AqiIndicator::kPm25_24h: return "PM2.5_24h";
  }
  return "?";
}

std::optional<int> iaqi(AqiIndicator ind, double concentration) {
  if (!(concentration >= 0)) return std::nullopt;
  const double* bp = kBreakpoints[static_cast<int>(ind)];
  for (int k = 1; k < kLevels; ++k) {
    if (std::isnan(bp[k])) return std::nullopt;
    if (concentration <= bp[k]) {
      // HJ 633-2012 formula (1): IAQI = (IAQI_hi - IAQI_lo)/(BP_hi - BP_lo) (C - BP_lo) + IAQI_lo.
      const double value =
          (kIaqi[k] - kIaqi[k - 1]) / (bp[k] - bp[k - 1]) * (concentration - bp[k - 1]) +
          kIaqi[k - 1];
      return static_cast<int>(std::ceil(value - kRoundOffSlack));
    }
  }
  // Table 1 ends at IAQI 500; CNEMC reports 500 for anything above ("爆表").
  return static_cast<int>(kIaqi[kLevels - 1]);
}

std::optional<int> so2_realtime_iaqi(double so2_1h_ug_m3, double so2_24h_ug_m3) {
  if (so2_1h_ug_m3 > kBreakpoints[static_cast<int>(AqiIndicator::kSo2_1h)][4]) {
    return iaqi(AqiIndicator::kSo2_24h, so2_24h_ug_m3);
  }
  return iaqi(AqiIndicator::kSo2_1h, so2_1h_ug_m3);
}

AqiCategory aqi_category(int aqi) {
  if (aqi <= 50) return AqiCategory::kExcellent;
  if (aqi <= 100) return AqiCategory::kGood;
  if (aqi <= 150) return AqiCategory::kLight;
  if (aqi <= 200) return AqiCategory::kModerate;
  if (aqi <= 300) return AqiCategory::kHeavy;
  return AqiCategory::kSevere;
}

const char* category_name_zh(AqiCategory c) {
  switch (c) {
    case AqiCategory::kExcellent: return "优";
    case AqiCategory::kGood: return "良";
    case AqiCategory::kLight: return "轻度污染";
    case AqiCategory::kModerate: return "中度污染";
    case AqiCategory::kHeavy: return "重度污染";
    case AqiCategory::kSevere: return "严重污染";
  }
  return "?";
}

const char* category_name_en(AqiCategory c) {
  switch (c) {
    case AqiCategory::kExcellent: return "excellent";
    case AqiCategory::kGood: return "good";
    case AqiCategory::kLight: return "lightly polluted";
    case AqiCategory::kModerate: return "moderately polluted";
    case AqiCategory::kHeavy: return "heavily polluted";
    case AqiCategory::kSevere: return "severely polluted";
  }
  return "?";
}

AqiResult daily_aqi(const DailyConcentrations& c) {
  const std::pair<AqiIndicator, double> daily[] = {
      {AqiIndicator::kSo2_24h, c.so2_24h_ug_m3},   {AqiIndicator::kNo2_24h, c.no2_24h_ug_m3},
      {AqiIndicator::kPm10_24h, c.pm10_24h_ug_m3}, {AqiIndicator::kPm25_24h, c.pm25_24h_ug_m3},
      {AqiIndicator::kCo_24h, c.co_24h_mg_m3},     {AqiIndicator::kO3_1h, c.o3_1h_max_ug_m3},
      {AqiIndicator::kO3_8h, c.o3_8h_max_ug_m3}};
  AqiResult r;
  std::vector<std::pair<AqiIndicator, int>> indices;
  for (const auto& [ind, conc] : daily) {
    if (const std::optional<int> i = iaqi(ind, conc)) {
      indices.emplace_back(ind, *i);
      if (!r.aqi || *i > *r.aqi) r.aqi = *i;
    }
  }
  r.n_indicators = static_cast<int>(indices.size());
  for (const auto& [ind, i] : indices) {
    if (*r.aqi > 50 && i == *r.aqi) r.primary.push_back(ind);
    if (i > 100) r.exceeding.push_back(ind);
  }
  return r;
}

}  // namespace kctm::analysis

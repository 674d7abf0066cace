#pragma once
// Statistics of GB 3095-2012 (Table 4, data validity) and HJ 663-2013 (ambient air quality
// assessment) from hourly station series: daily means, O3 daily maximum 8-h means, percentiles,
// period means with their completeness, and city values as means over stations.
#include <optional>
#include <vector>

#include "analysis/hourly_series.hpp"
#include "base/civil_time.hpp"

namespace kctm::analysis {

/// GB 3095-2012 Table 4: a 24-h mean needs at least 20 hourly values.
inline constexpr int kMinHoursPerDay = 20;
/// GB 3095-2012 Table 4: an 8-h mean needs at least 6 hourly values.
inline constexpr int kMinHoursPer8h = 6;
/// HJ 663-2013 §6 (data validity): a daily maximum 8-h mean needs at least 14 valid 8-h means
/// among the 17 ending at 08:00 ... 24:00.
inline constexpr int kMinWindowsPerMda8 = 14;
/// GB 3095-2012 Table 1, grade II: O3 daily maximum 8-h mean limit [ug m-3].
inline constexpr double kO3Mda8LimitUgM3 = 160;
/// GB 3095-2012 Table 4: a year needs 324 daily values, 27 in each month, 25 in February.
inline constexpr int kMinDaysPerYear = 324;
inline constexpr int kMinDaysPerMonth = 27;
inline constexpr int kMinDaysPerFebruary = 25;

/// One statistic for one local calendar day.
struct DailyValue {
  CivilDate date;
  double value;  ///< NaN when the day fails its completeness rule
  int n_valid;   ///< valid hours (daily means, maxima) or valid 8-h means (MDA8) behind it
};

/// 24-h means of the local calendar days the series touches. The day of an hourly value is the
/// day in which its hour starts, so day D holds the hours ending 01:00 ... 24:00 (HJ 663-2013 §3:
/// a natural day); a day with fewer than kMinHoursPerDay valid hours gets NaN.
std::vector<DailyValue> daily_means(const HourlySeries& hourly,
                                    int utc_offset_s = kBeijingUtcOffsetS);

/// Daily maximum of the valid hourly values (NaN for a day without any); no completeness rule
/// is applied, n_valid says how many hours there were.
std::vector<DailyValue> daily_max_1h(const HourlySeries& hourly,
                                     int utc_offset_s = kBeijingUtcOffsetS);

/// 8-h moving means on the same hour grid: the value at hour i is the mean of hours i-7 ... i,
/// NaN when fewer than kMinHoursPer8h of them are valid (hours before the series count as missing).
HourlySeries moving_8h_means(const HourlySeries& hourly);

/// O3 daily maximum 8-h mean (MDA8): the largest of the 8-h means ending at 08:00 ... 24:00 of
/// each local day (HJ 663-2013 §3). Valid with at least kMinWindowsPerMda8 valid 8-h means, or
/// with fewer when the maximum still exceeds `exceedance_limit_ug_m3` (HJ 663-2013 §6).
std::vector<DailyValue> daily_max_8h(const HourlySeries& hourly,
                                     int utc_offset_s = kBeijingUtcOffsetS,
                                     double exceedance_limit_ug_m3 = kO3Mda8LimitUgM3);

/// The p-th percentile of HJ 663-2013 §6: sort the n valid values ascending, X(1) <= ... <= X(n);
/// k = 1 + (n - 1) p / 100, s = floor(k); m_p = X(s) + (X(s+1) - X(s)) (k - s), and X(n) when
/// s = n. NaN values are skipped; NaN when none is left. p must lie in [0, 100].
double percentile_hj663(std::vector<double> values, double p_percent);

/// How complete a set of daily values is against GB 3095-2012 Table 4.
struct Completeness {
  int n_days = 0;          ///< valid daily values
  int n_months = 0;        ///< calendar months with at least one valid day
  int n_months_short = 0;  ///< of those, months below 27 valid days (February: 25)
  /// For one calendar year: >= 324 valid days, all 12 months present and none short.
  bool meets_annual_rule = false;
};

/// A statistic over a period with the completeness of the daily values behind it. Incomplete
/// periods are still computed: the flag informs, it does not refuse.
struct PeriodStatistic {
  double value;  ///< NaN when there is no valid day
  Completeness completeness;
};

Completeness completeness(const std::vector<DailyValue>& daily);

/// Arithmetic mean of the valid daily values (the annual mean of GB 3095-2012 and HJ 663-2013).
PeriodStatistic period_mean(const std::vector<DailyValue>& daily);

/// percentile_hj663 of the valid daily values.
PeriodStatistic period_percentile(const std::vector<DailyValue>& daily, double p_percent);

/// Mean of the valid daily values whose month (1-12) is listed, e.g. {1, 2, 12} for a winter
/// special-control period (特护期); the months are configuration, not a standard.
PeriodStatistic special_period_mean(const std::vector<DailyValue>& daily,
                                    const std::vector<int>& months);

/// O3 evaluation statistic of HJ 663-2013 §5: 90th percentile of the valid MDA8 values.
PeriodStatistic o3_mda8_p90(const HourlySeries& o3_hourly_ug_m3,
                            int utc_offset_s = kBeijingUtcOffsetS);

/// CO evaluation statistic of HJ 663-2013 §5: 95th percentile of the valid 24-h means.
PeriodStatistic co_daily_p95(const HourlySeries& co_hourly_mg_m3,
                             int utc_offset_s = kBeijingUtcOffsetS);

/// Fraction of days with an AQI whose AQI is at most 100 (优良天数比例); days without an AQI are
/// left out of both counts. NaN when no day has an AQI.
double good_day_share(const std::vector<std::optional<int>>& daily_aqi);

/// City daily values: for each date, the arithmetic mean of the stations' valid daily values
/// (HJ 663-2013 §5: a city's value is the mean over its assessment stations); n_valid is the
/// number of stations behind it, NaN when none.
std::vector<DailyValue> city_daily_means(const std::vector<std::vector<DailyValue>>& stations);

}  // namespace kctm::analysis

#pragma once
// One place's daily report of HJ 633-2012 §5.1 from its hourly series: the 24-h means, the O3
// daily maximum 1-h and 8-h means of each local day, each kept only when the day meets its
// validity rule (GB 3095-2012 Table 4, HJ 663-2013 §6), and the daily AQI from them.
#include <map>
#include <optional>
#include <vector>

#include "analysis/aqi.hpp"
#include "analysis/hourly_series.hpp"
#include "analysis/pollutant.hpp"
#include "analysis/standard_metrics.hpp"

namespace kctm::analysis {

/// The daily values of each indicator of the report, all over the same days.
struct DailyIndicators {
  std::vector<DailyValue> so2_24h, no2_24h, pm10_24h, pm25_24h, co_24h, o3_1h_max, o3_8h_max;
};

/// The concentrations of day `d` (NaN for an indicator that has no value that day).
DailyConcentrations concentrations_of_day(const DailyIndicators& daily, std::size_t d);

struct DailyReport {
  CivilDate date;
  DailyConcentrations concentrations;  ///< NaN where the day fails the indicator's rule
  /// Empty unless every indicator is valid that day: HJ 633-2012 §4.3 takes the maximum over all
  /// of them, so a day missing one would be reported too low.
  std::optional<int> aqi;
  std::vector<AqiIndicator> primary;  ///< the primary pollutants (AQI > 50), §4.3
};

/// The report of each local day the series touch. `hourly` holds the six pollutants of
/// GB 3095-2012 in its units (ug m-3, CO mg m-3), all on one hour grid. The O3 daily maximum
/// 1-h mean is held to the 24-h mean's 20 hours, which GB 3095-2012 does not ask of it, so that
/// the partial first or last day of a run is not reported from a few hours.
std::vector<DailyReport> daily_reports(const std::map<Pollutant, HourlySeries>& hourly,
                                       int utc_offset_s = kBeijingUtcOffsetS);

}  // namespace kctm::analysis

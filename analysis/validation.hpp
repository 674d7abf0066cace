#pragma once
// `kctm validate`: the model at the monitoring stations against their observations, with the
// statistics of analysis/evaluation_stats.hpp per pollutant, station and month (Beijing time),
// rated against the published benchmarks (Emery et al. 2017, on daily means for PM2.5 as they
// were set), and limits from a file that fail a nightly run.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "analysis/observations.hpp"
#include "analysis/performance_benchmarks.hpp"

namespace kctm {

/// Limits per pollutant (CNEMC name, "PM2.5_24h" for daily means, "O3_MDA8" for O3's daily
/// maximum 8-h means) on the statistics over every station and month, from YAML:
/// `PM2.5_24h: {nmb_abs_max: 0.3, nme_max: 0.5, r_min: 0.4}` (also mfb_abs_max, mfe_max;
/// fractions). Throws kctm::Error naming the file and key.
using ValidationLimits = std::map<std::string, analysis::Thresholds>;
ValidationLimits read_validation_limits(const std::string& path);

/// One row of statistics: a pollutant (or "PM2.5_24h", "O3_MDA8"), a station (or "all") and a month
/// ("YYYY-MM", or "all").
struct MetricRow {
  std::string pollutant, station, month;
  analysis::PairedStats stats;
  std::string rating;  ///< against the benchmark for the pollutant, or "" where none applies
};

/// A month's means at the model's stations (unit of the pollutant; O3_MDA8 a mean of daily
/// values): the model's over all its hours, the observed over the same hours, and the observed over
/// the whole month. With climatological weather a sampled day's weather is not that date's, so
/// the model's month is compared with the whole observed month; the same hours add the
/// observations' own sampling error to the comparison.
struct MonthMeans {
  std::string quantity, month;
  double model, observed_same_hours, observed_month;
  std::size_t observed_month_n;  ///< observed hours (days for O3_MDA8) behind observed_month
};

/// The times of day of TimeOfDayMeans, by the Beijing hour at which an hour ends (CNEMC's `hour`):
/// night, morning, afternoon, evening.
constexpr std::array<const char*, 4> kTimesOfDay = {"22-05 h", "06-11 h", "12-17 h", "18-21 h"};

/// A month's hourly means by time of day (kTimesOfDay) at the model's stations: the model's over
/// its hours, the observed over the whole month. Where the model's day and night part from the
/// observed, so does its boundary layer's day and night.
struct TimeOfDayMeans {
  std::string quantity, month;
  std::array<double, kTimesOfDay.size()> model, observed_month;
};

struct Validation {
  std::vector<MetricRow> rows;
  std::vector<MonthMeans> months;
  std::vector<TimeOfDayMeans> times_of_day;
  std::vector<std::string> crossed;  ///< the limits crossed, one line each
};

/// Pairs `model` with `obs` (the same stations, pollutants and hour ends) and computes the rows.
/// Throws kctm::Error naming `obs_file` and the stations when no observation pairs with the
/// model, and naming `limits_file` and the key when a limited statistic cannot be computed.
Validation validate(const analysis::Observations& model, const analysis::Observations& obs,
                    const ValidationLimits& limits, const std::string& obs_file,
                    const std::string& limits_file);

/// The console's line of a row: N, NMB, NME, r and the rating, a dash for what is undefined.
std::string summary_line(const MetricRow& r);

/// Writes pairs.csv (station,time_utc,pollutant,unit,model,observed), metrics.csv, months.csv,
/// times_of_day.csv and report.md
/// into `dir` (created), each under a temporary name then renamed; `special_months` (1–12) are
/// the special-control period's (特护期) for the standards' statistics.
void write_validation(const std::string& dir, const Validation& v,
                      const analysis::Observations& model, const analysis::Observations& obs,
                      const std::string& run_dir, const std::string& obs_file,
                      const std::vector<int>& special_months);

}  // namespace kctm

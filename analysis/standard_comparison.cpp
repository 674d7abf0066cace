#include "analysis/standard_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/aqi.hpp"
#include "analysis/daily_report.hpp"
#include "analysis/hourly_series.hpp"
#include "analysis/standard_metrics.hpp"

namespace kctm {

using analysis::DailyValue;
using analysis::HourlySeries;
using analysis::Observations;
using analysis::Pollutant;

namespace {

/// The city's values of one side (model or observations) over the run.
struct CityStatistics {
  double pm25, pm10, so2, no2, o3_mda8_p90, co_p95, special_pm25, good_share;
  int pm25_days;
};

/// City daily values: each station's daily statistic of `p` (`daily_of`), averaged over them.
template <class Daily>
std::vector<DailyValue> city_daily(const Observations& side,
                                   const std::vector<std::string>& stations, Pollutant p,
                                   UnixSeconds from, UnixSeconds to, Daily daily_of) {
  static const analysis::HourlyValues kNone;
  std::vector<std::vector<DailyValue>> per_station;
  for (const std::string& s : stations) {
    const auto station = side.find(s);
    const bool has = station != side.end() && station->second.count(p) > 0;
    per_station.push_back(
        daily_of(analysis::make_hourly_series(has ? station->second.at(p) : kNone, from, to)));
  }
  return analysis::city_daily_means(per_station);
}

/// `obs` on the hours `model` has (any station, any pollutant): the runs of a sampled year leave
/// gaps between them that the observations must not fill.
Observations on_model_hours(const Observations& obs, const Observations& model) {
  std::set<UnixSeconds> hours;
  for (const auto& [station, by_pollutant] : model) {
    for (const auto& [p, series] : by_pollutant) {
      for (const auto& [t, value] : series) hours.insert(t);
    }
  }
  Observations out;
  for (const auto& [station, by_pollutant] : obs) {
    for (const auto& [p, series] : by_pollutant) {
      for (const auto& [t, value] : series) {
        if (hours.count(t)) out[station][p][t] = value;
      }
    }
  }
  return out;
}

CityStatistics city_statistics(const Observations& side, const std::vector<std::string>& stations,
                               UnixSeconds from, UnixSeconds to,
                               const std::vector<int>& special_months) {
  auto means = [](const HourlySeries& h) { return analysis::daily_means(h); };
  auto daily = [&](Pollutant p) { return city_daily(side, stations, p, from, to, means); };
  const analysis::DailyIndicators city{
      daily(Pollutant::kSo2),
      daily(Pollutant::kNo2),
      daily(Pollutant::kPm10),
      daily(Pollutant::kPm25),
      daily(Pollutant::kCo),
      city_daily(side, stations, Pollutant::kO3, from, to,
                 [](const HourlySeries& h) { return analysis::daily_max_1h(h); }),
      city_daily(side, stations, Pollutant::kO3, from, to,
                 [](const HourlySeries& h) { return analysis::daily_max_8h(h); })};
  // HJ 633-2012: each day's AQI from the city's daily values; good days have AQI ≤ 100.
  std::vector<std::optional<int>> aqi;
  for (std::size_t d = 0; d < city.pm25_24h.size(); ++d) {
    aqi.push_back(analysis::daily_aqi(analysis::concentrations_of_day(city, d)).aqi);
  }
  const analysis::PeriodStatistic pm25_mean = analysis::period_mean(city.pm25_24h);
  return {pm25_mean.value,
          analysis::period_mean(city.pm10_24h).value,
          analysis::period_mean(city.so2_24h).value,
          analysis::period_mean(city.no2_24h).value,
          analysis::period_percentile(city.o3_8h_max, 90).value,
          analysis::period_percentile(city.co_24h, 95).value,
          analysis::special_period_mean(city.pm25_24h, special_months).value,
          100 * analysis::good_day_share(aqi),
          pm25_mean.completeness.n_days};
}

}  // namespace

std::vector<StandardRow> standard_comparison(const Observations& model, const Observations& obs,
                                             const std::vector<int>& special_months) {
  UnixSeconds from = 0, to = 0;
  std::vector<std::string> stations;
  for (const auto& [station, by_pollutant] : model) {
    stations.push_back(station);
    for (const auto& [p, series] : by_pollutant) {
      if (series.empty()) continue;
      from = from == 0 ? series.begin()->first : std::min(from, series.begin()->first);
      to = std::max(to, series.rbegin()->first);
    }
  }
  if (stations.empty()) return {};
  const CityStatistics o =
      city_statistics(on_model_hours(obs, model), stations, from, to, special_months);
  const CityStatistics m = city_statistics(model, stations, from, to, special_months);
  const int days = o.pm25_days;
  return {
      {"PM2.5 mean", "ug/m3", o.pm25, m.pm25, days},
      {"PM10 mean", "ug/m3", o.pm10, m.pm10, days},
      {"SO2 mean", "ug/m3", o.so2, m.so2, days},
      {"NO2 mean", "ug/m3", o.no2, m.no2, days},
      {"O3 MDA8, 90th percentile", "ug/m3", o.o3_mda8_p90, m.o3_mda8_p90, days},
      {"CO 24-h mean, 95th percentile", "mg/m3", o.co_p95, m.co_p95, days},
      {"PM2.5 mean of the special-control period", "ug/m3", o.special_pm25, m.special_pm25, days},
      {"good days (AQI <= 100)", "%", o.good_share, m.good_share, days}};
}

}  // namespace kctm

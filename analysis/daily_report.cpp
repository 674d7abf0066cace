#include "analysis/daily_report.hpp"

#include <cmath>
#include <limits>

#include "base/error.hpp"

namespace kctm::analysis {

namespace {

double value_at(const std::vector<DailyValue>& daily, std::size_t d) {
  return d < daily.size() ? daily[d].value : std::numeric_limits<double>::quiet_NaN();
}

const HourlySeries& series_of(const std::map<Pollutant, HourlySeries>& hourly, Pollutant p) {
  const auto it = hourly.find(p);
  if (it == hourly.end()) {
    throw Error("daily report", std::string("no hourly ") + pollutant_name(p) + " series");
  }
  return it->second;
}

}  // namespace

DailyConcentrations concentrations_of_day(const DailyIndicators& daily, std::size_t d) {
  DailyConcentrations c;
  c.so2_24h_ug_m3 = value_at(daily.so2_24h, d);
  c.no2_24h_ug_m3 = value_at(daily.no2_24h, d);
  c.pm10_24h_ug_m3 = value_at(daily.pm10_24h, d);
  c.pm25_24h_ug_m3 = value_at(daily.pm25_24h, d);
  c.co_24h_mg_m3 = value_at(daily.co_24h, d);
  c.o3_1h_max_ug_m3 = value_at(daily.o3_1h_max, d);
  c.o3_8h_max_ug_m3 = value_at(daily.o3_8h_max, d);
  return c;
}

std::vector<DailyReport> daily_reports(const std::map<Pollutant, HourlySeries>& hourly,
                                       int utc_offset_s) {
  auto means = [&](Pollutant p) { return daily_means(series_of(hourly, p), utc_offset_s); };
  const HourlySeries& o3 = series_of(hourly, Pollutant::kO3);
  DailyIndicators daily{means(Pollutant::kSo2),        means(Pollutant::kNo2),
                        means(Pollutant::kPm10),       means(Pollutant::kPm25),
                        means(Pollutant::kCo),         daily_max_1h(o3, utc_offset_s),
                        daily_max_8h(o3, utc_offset_s)};
  for (DailyValue& d : daily.o3_1h_max) {
    if (d.n_valid < kMinHoursPerDay) d.value = std::numeric_limits<double>::quiet_NaN();
  }
  std::vector<DailyReport> reports;
  for (std::size_t d = 0; d < daily.pm25_24h.size(); ++d) {
    DailyReport r{daily.pm25_24h[d].date, concentrations_of_day(daily, d), std::nullopt, {}};
    const DailyConcentrations& c = r.concentrations;
    const bool complete = !std::isnan(c.so2_24h_ug_m3) && !std::isnan(c.no2_24h_ug_m3) &&
                          !std::isnan(c.pm10_24h_ug_m3) && !std::isnan(c.pm25_24h_ug_m3) &&
                          !std::isnan(c.co_24h_mg_m3) && !std::isnan(c.o3_1h_max_ug_m3) &&
                          !std::isnan(c.o3_8h_max_ug_m3);
    if (complete) {
      const AqiResult aqi = daily_aqi(c);
      r.aqi = aqi.aqi;
      r.primary = aqi.primary;
    }
    reports.push_back(std::move(r));
  }
  return reports;
}

}  // namespace kctm::analysis

#pragma once
// Readers for station observations: the CNEMC wide layout, kctm's long CSV and a station list.
// All return concentrations in the units of GB 3095-2012 (ug m-3; CO mg m-3) keyed by the end of
// the hour they average over, in UTC seconds.
#include <map>
#include <string>
#include <vector>

#include "analysis/pollutant.hpp"
#include "base/civil_time.hpp"

namespace kctm::analysis {

/// Hourly values of one station and pollutant: end of the averaging hour [UTC s] -> value.
using HourlyValues = std::map<UnixSeconds, double>;

/// Observations: station code -> pollutant -> hourly values.
using Observations = std::map<std::string, std::map<Pollutant, HourlyValues>>;

/// Parses the CNEMC wide layout `date,hour,type,<station codes...>` (one row per date, hour and
/// type; an empty cell is missing). `date` is YYYYMMDD and `hour` 0-23 in Beijing time (UTC+8);
/// the value at hour h is the mean over the hour *ending* at h, so hour 0 of 20190101 ends at
/// 2019-01-01T00:00+08:00. Rows of the six hourly pollutants are kept; their running means
/// (`O3_8h`, `PM2.5_24h`, ...) and `AQI` rows are skipped; any other type is an error.
/// `where` names the source in errors ("file:line: ...").
Observations parse_cnemc_wide(const std::string& text, const std::string& where);
Observations read_cnemc_wide(const std::string& path);

/// Parses kctm's long observation CSV, columns in any order:
///   station,time,pollutant,value,unit
///   2456A,2019-01-01T01:00:00+08:00,PM2.5,43,ug/m3
/// `time` is ISO 8601 with an offset (or Z) and is the end of the averaging hour; `pollutant` is
/// one of PM2.5, PM10, SO2, NO2, O3, CO; `unit` is ug/m3 (also µg/m3, µg/m³) or mg/m3 and the
/// value is converted to the standard's unit; an empty value is missing. A repeated station,
/// pollutant and time is an error.
Observations parse_long_csv(const std::string& text, const std::string& where);
Observations read_long_csv(const std::string& path);

/// A monitoring station.
struct Station {
  std::string code;  ///< CNEMC code, e.g. "2456A"
  std::string name;
  double lon_deg, lat_deg;
};

/// Parses a station list with columns code, name (or name_zh), lon, lat; other columns are
/// ignored. Codes must be unique.
std::vector<Station> parse_stations(const std::string& text, const std::string& where);
std::vector<Station> read_stations(const std::string& path);

}  // namespace kctm::analysis

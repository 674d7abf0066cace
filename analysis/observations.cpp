#include "analysis/observations.hpp"

#include <cmath>
#include <limits>
#include <set>

#include "analysis/hourly_series.hpp"
#include "base/csv.hpp"
#include "base/error.hpp"
#include "base/text_file.hpp"

namespace kctm::analysis {

namespace {

constexpr double kMaxConcentration = std::numeric_limits<double>::max();

std::string line_of(const CsvTable& t, std::size_t r) {
  return t.where + ":" + std::to_string(t.lines[r]);
}

std::string known_pollutants() {
  std::string s;
  for (Pollutant p : kAllPollutants) s += (s.empty() ? "" : ", ") + std::string(pollutant_name(p));
  return s;
}

// A CNEMC type that is not an hourly concentration: AQI, or a pollutant's running mean (O3_8h,
// PM2.5_24h, O3_8h_24h ...).
bool is_derived_cnemc_type(const std::string& type) {
  if (type == "AQI") return true;
  Pollutant p;
  const std::size_t underscore = type.find('_');
  return underscore != std::string::npos && parse_pollutant(type.substr(0, underscore), p);
}

// Days since 1970-01-01 of a YYYYMMDD date; false when it is not one.
bool parse_yyyymmdd(const std::string& text, std::int64_t& days) {
  if (text.size() != 8 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  const CivilDate d{std::stoi(text.substr(0, 4)), std::stoi(text.substr(4, 2)),
                    std::stoi(text.substr(6, 2))};
  days = days_from_civil(d);
  const CivilDate back = civil_from_days(days);
  return back.year == d.year && back.month == d.month && back.day == d.day;
}

void insert_unique(HourlyValues& values, UnixSeconds t, double v, const std::string& at,
                   const std::string& what) {
  if (!values.emplace(t, v).second) {
    throw Error(at, "a second value for " + what, "one value per station, pollutant and hour");
  }
}

// Factor from the given unit to the standard's unit of p; false for an unknown unit.
bool unit_factor(const std::string& unit, Pollutant p, double& factor) {
  static const std::set<std::string> micro = {"ug/m3", "µg/m3", "μg/m3", "ug/m³", "µg/m³", "μg/m³"};
  static const std::set<std::string> milli = {"mg/m3", "mg/m³"};
  const bool std_is_milli = p == Pollutant::kCo;
  if (micro.count(unit)) {
    factor = std_is_milli ? 1e-3 : 1;
    return true;
  }
  if (milli.count(unit)) {
    factor = std_is_milli ? 1 : 1e3;
    return true;
  }
  return false;
}

}  // namespace

Observations parse_cnemc_wide(const std::string& text, const std::string& where) {
  const CsvTable t = parse_csv(text, where);
  if (t.header.size() < 4 || t.header[0] != "date" || t.header[1] != "hour" ||
      t.header[2] != "type") {
    throw Error(where + ":1", "not the CNEMC layout", "a header date,hour,type,<station codes>");
  }
  Observations obs;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::vector<std::string>& row = t.rows[r];
    const std::string at = line_of(t, r);
    const std::string& type = row[2];
    Pollutant p;
    if (!parse_pollutant(type, p)) {
      if (is_derived_cnemc_type(type)) continue;
      throw Error(at, "unknown pollutant '" + type + "'",
                  known_pollutants() + ", or AQI and running-mean rows, which are skipped");
    }
    std::int64_t day = 0;
    if (!parse_yyyymmdd(row[0], day)) {
      throw Error(at, "date '" + row[0] + "' is not a YYYYMMDD date");
    }
    const double hour = t.number(r, "hour", 0, 23);
    if (hour != std::floor(hour)) throw Error(at, "hour '" + row[1] + "' is not a whole hour");
    const UnixSeconds end_s =
        day * 86400 + static_cast<UnixSeconds>(hour) * kHourS - kBeijingUtcOffsetS;
    for (std::size_t c = 3; c < row.size(); ++c) {
      if (row[c].empty()) continue;
      const double v = t.number(r, t.header[c], 0, kMaxConcentration);
      insert_unique(obs[t.header[c]][p], end_s, v, at,
                    t.header[c] + " " + type + " at " + row[0] + " hour " + row[1]);
    }
  }
  return obs;
}

Observations read_cnemc_wide(const std::string& path) {
  return parse_cnemc_wide(read_text_file(path, "CNEMC observation file"), path);
}

Observations parse_long_csv(const std::string& text, const std::string& where) {
  const CsvTable t = parse_csv(text, where);
  const std::size_t c_station = t.column("station"), c_time = t.column("time"),
                    c_pollutant = t.column("pollutant"), c_value = t.column("value"),
                    c_unit = t.column("unit");
  Observations obs;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::vector<std::string>& row = t.rows[r];
    const std::string at = line_of(t, r);
    if (row[c_station].empty()) throw Error(at, "empty station");
    UnixSeconds end_s = 0;
    if (!parse_iso8601(row[c_time], end_s)) {
      throw Error(at, "time '" + row[c_time] + "' is not ISO 8601 with an offset",
                  "e.g. 2019-01-01T01:00:00+08:00");
    }
    Pollutant p;
    if (!parse_pollutant(row[c_pollutant], p)) {
      throw Error(at, "unknown pollutant '" + row[c_pollutant] + "'",
                  "one of " + known_pollutants());
    }
    double factor = 1;
    if (!unit_factor(row[c_unit], p, factor)) {
      throw Error(at, "unknown unit '" + row[c_unit] + "'",
                  "ug/m3 or mg/m3; convert mixing ratios before");
    }
    if (row[c_value].empty()) continue;
    const double v = t.number(r, "value", 0, kMaxConcentration) * factor;
    insert_unique(obs[row[c_station]][p], end_s, v, at,
                  row[c_station] + " " + row[c_pollutant] + " at " + row[c_time]);
  }
  return obs;
}

Observations read_long_csv(const std::string& path) {
  return parse_long_csv(read_text_file(path, "observation file"), path);
}

std::vector<Station> parse_stations(const std::string& text, const std::string& where) {
  const CsvTable t = parse_csv(text, where);
  bool has_name = false;
  for (const std::string& h : t.header) has_name = has_name || h == "name";
  const std::string name_column = has_name ? "name" : "name_zh";
  const std::size_t c_code = t.column("code"), c_name = t.column(name_column);
  std::vector<Station> stations;
  std::set<std::string> codes;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string& code = t.rows[r][c_code];
    if (code.empty()) throw Error(line_of(t, r), "empty station code");
    if (!codes.insert(code).second) {
      throw Error(line_of(t, r), "station '" + code + "' is listed twice");
    }
    stations.push_back(
        {code, t.rows[r][c_name], t.number(r, "lon", -180, 180), t.number(r, "lat", -90, 90)});
  }
  return stations;
}

std::vector<Station> read_stations(const std::string& path) {
  return parse_stations(read_text_file(path, "station list"), path);
}

}  // namespace kctm::analysis

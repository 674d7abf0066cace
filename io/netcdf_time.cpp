#include "io/netcdf_time.hpp"

#include <cmath>
#include <sstream>

#include "base/error.hpp"

namespace kctm {

bool parse_cf_time_units(const std::string& units, double& seconds_per_unit, UnixSeconds& origin) {
  std::istringstream in(units);
  std::string unit, since, date, clock = "00:00:00", zone = "Z";
  if (!(in >> unit >> since >> date) || since != "since") return false;
  if (unit == "seconds" || unit == "second" || unit == "s") {
    seconds_per_unit = 1;
  } else if (unit == "minutes" || unit == "minute") {
    seconds_per_unit = 60;
  } else if (unit == "hours" || unit == "hour" || unit == "h") {
    seconds_per_unit = 3600;
  } else if (unit == "days" || unit == "day") {
    seconds_per_unit = 86400;
  } else {
    return false;
  }
  const auto t = date.find('T');
  if (t != std::string::npos) {
    clock = date.substr(t + 1);
    date = date.substr(0, t);
  } else {
    in >> clock;
  }
  std::string rest;
  if (in >> rest) zone = rest == "UTC" ? "Z" : rest;
  if (clock.size() == 5) clock += ":00";
  return parse_iso8601(date + "T" + clock + zone, origin);
}

std::vector<UnixSeconds> read_cf_times(const netCDF::NcFile& nc, const std::string& path) {
  const netCDF::NcDim time_dim = nc.getDim("time");
  if (time_dim.isNull()) throw Error(path, "no 'time' dimension");
  const std::size_t nt = time_dim.getSize();
  if (nt == 0) throw Error(path + ":time", "no records");
  const netCDF::NcVar time = nc.getVar("time");
  if (time.isNull()) throw Error(path, "no 'time' variable");
  if (time.getAtt("units").isNull()) throw Error(path + ":time", "no units attribute");
  std::string units;
  time.getAtt("units").getValues(units);
  double per_unit = 0;
  UnixSeconds origin = 0;
  if (!parse_cf_time_units(units, per_unit, origin)) {
    throw Error(path + ":time", "units '" + units + "' are not CF time units",
                "e.g. \"hours since 2019-01-01 00:00:00\"");
  }
  std::vector<double> raw(nt);
  time.getVar(raw.data());
  std::vector<UnixSeconds> times;
  for (std::size_t r = 0; r < nt; ++r) {
    times.push_back(origin + static_cast<UnixSeconds>(std::llround(raw[r] * per_unit)));
    if (r > 0 && times[r] <= times[r - 1]) {
      throw Error(path + ":time[" + std::to_string(r) + "]", "times must increase strictly");
    }
  }
  return times;
}

}  // namespace kctm

#include "analysis/hourly_series.hpp"

#include <limits>

#include "base/error.hpp"

namespace kctm::analysis {

HourlySeries make_hourly_series(const std::map<UnixSeconds, double>& by_hour_end_s,
                                UnixSeconds first_hour_end_s, UnixSeconds last_hour_end_s) {
  if (last_hour_end_s < first_hour_end_s || (last_hour_end_s - first_hour_end_s) % kHourS != 0) {
    throw Error("hourly series", "the last hour does not follow the first by whole hours",
                format_iso8601(first_hour_end_s) + " .. " + format_iso8601(last_hour_end_s));
  }
  HourlySeries s;
  s.first_hour_end_s = first_hour_end_s;
  s.values.assign((last_hour_end_s - first_hour_end_s) / kHourS + 1,
                  std::numeric_limits<double>::quiet_NaN());
  for (auto it = by_hour_end_s.lower_bound(first_hour_end_s);
       it != by_hour_end_s.end() && it->first <= last_hour_end_s; ++it) {
    if ((it->first - first_hour_end_s) % kHourS == 0) {
      s.values[(it->first - first_hour_end_s) / kHourS] = it->second;
    }
  }
  return s;
}

}  // namespace kctm::analysis

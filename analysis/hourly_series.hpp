#pragma once
// A regular hourly series with gaps, labelled by the end of each hour (the CNEMC and HJ 663-2013
// convention: the value at 08:00 is the mean over 07:00-08:00).
#include <map>
#include <vector>

#include "base/civil_time.hpp"

namespace kctm::analysis {

inline constexpr UnixSeconds kHourS = 3600;

struct HourlySeries {
  UnixSeconds first_hour_end_s = 0;  ///< end of the hour of values[0] [UTC s]
  std::vector<double>
      values;  ///< values[i]: mean over the hour ending at first + i h; NaN = missing
  /// End of the hour of values[i] [UTC s].
  UnixSeconds hour_end_s(std::size_t i) const {
    return first_hour_end_s + static_cast<UnixSeconds>(i) * kHourS;
  }
};

/// The hours ending first_hour_end_s ... last_hour_end_s (both whole hours apart) taken from a
/// time -> value map; hours absent from the map are NaN, entries off the hour grid are ignored.
HourlySeries make_hourly_series(const std::map<UnixSeconds, double>& by_hour_end_s,
                                UnixSeconds first_hour_end_s, UnixSeconds last_hour_end_s);

}  // namespace kctm::analysis

#include "meteo/spinup_days.hpp"

#include <algorithm>
#include <cmath>

namespace kctm {

int spinup_days_to_clear(const std::function<std::array<double, 2>(UnixSeconds)>& wind,
                         UnixSeconds start, double half_x_m, double half_y_m, int min_days,
                         int max_days) {
  double x = 0, y = 0;  // where the air now over the centre was, from the centre [m]
  for (int hour = 1; hour <= 24 * max_days; ++hour) {
    const std::array<double, 2> uv = wind(start - hour * 3600 + 1800);
    x -= uv[0] * 3600;
    y -= uv[1] * 3600;
    if (std::abs(x) > half_x_m || std::abs(y) > half_y_m) {
      return std::clamp((hour + 23) / 24, min_days, max_days);
    }
  }
  return max_days;
}

}  // namespace kctm

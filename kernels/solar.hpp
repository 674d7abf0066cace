#pragma once
// The sun's position for photolysis and the boundary layer: declination and equation of time from
// Spencer (1971, "Fourier series representation of the position of the sun", Search 2:172), hour
// angle from the true solar time. The day of the year comes from the mean Gregorian year, so the
// declination is within about 0.3° (Spencer's fit itself is within 0.05°).
#include "base/constants.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm {

/// Cosine of the solar zenith angle at `lat_deg`, `lon_deg` [deg] and time `unix_s` [s since 1970
/// UTC]; negative when the sun is below the horizon.
KOKKOS_INLINE_FUNCTION double cos_solar_zenith(double unix_s, double lat_deg, double lon_deg) {
  constexpr double kPi = constants::kPi, kDeg = constants::kDegToRad;
  const double days = unix_s / 86400.0;
  const double day_of_year = days - 365.2425 * static_cast<long>(days / 365.2425);  // 0 = 1 Jan
  const double g = 2 * kPi * day_of_year / 365.2425;  // fractional year [rad]
  const double decl = 0.006918 - 0.399912 * math::cos(g) + 0.070257 * math::sin(g) -
                      0.006758 * math::cos(2 * g) + 0.000907 * math::sin(2 * g) -
                      0.002697 * math::cos(3 * g) + 0.00148 * math::sin(3 * g);
  const double eot_min = 229.18 * (0.000075 + 0.001868 * math::cos(g) - 0.032077 * math::sin(g) -
                                   0.014615 * math::cos(2 * g) - 0.040849 * math::sin(2 * g));
  const double utc_min = (days - static_cast<long>(days)) * 1440.0;
  const double solar_min = utc_min + 4.0 * lon_deg + eot_min;  // true solar time [min]
  const double hour_angle = (solar_min / 4.0 - 180.0) * kDeg;
  const double lat = lat_deg * kDeg;
  return math::sin(lat) * math::sin(decl) +
         math::cos(lat) * math::cos(decl) * math::cos(hour_angle);
}

}  // namespace kctm

#pragma once
// Moist thermodynamics shared by the meteorology readers and generators.
// R_d, c_p and g are base/constants.hpp's.
#include <cmath>

#include "base/constants.hpp"

namespace kctm::thermo {

constexpr double kP0 = 1.0e5;   ///< reference pressure of potential temperature [Pa]
constexpr double kEps = 0.622;  ///< ratio of the gas constants of dry air and water vapour
constexpr double kT0 = 273.15;  ///< 0 °C [K]

/// Saturation vapour pressure over water (Bolton 1980, Mon. Wea. Rev. 108:1046, eq. 10) [Pa].
inline double saturation_vapour_pressure_pa(double t_k) {
  const double t_c = t_k - kT0;
  return 611.2 * std::exp(17.67 * t_c / (t_c + 243.5));
}

/// Specific humidity from relative humidity (0..1), temperature and pressure [kg kg-1].
inline double specific_humidity(double rh, double t_k, double p_pa) {
  const double e = rh * saturation_vapour_pressure_pa(t_k);
  return kEps * e / (p_pa - (1 - kEps) * e);
}

/// Relative humidity (0..1, not capped) from specific humidity, temperature and pressure.
inline double relative_humidity(double q, double t_k, double p_pa) {
  const double e = q * p_pa / (kEps + (1 - kEps) * q);
  return e / saturation_vapour_pressure_pa(t_k);
}

/// Air density of moist air from pressure, temperature and water vapour mixing ratio [kg m-3]
/// (virtual temperature T (1 + 0.608 qv)).
inline double moist_air_density(double p_pa, double t_k, double qv) {
  return p_pa / (constants::kRd * t_k * (1 + 0.608 * qv));
}

/// Temperature from potential temperature and pressure [K].
inline double temperature_from_theta(double theta_k, double p_pa) {
  return theta_k * std::pow(p_pa / kP0, constants::kKappa);
}

}  // namespace kctm::thermo

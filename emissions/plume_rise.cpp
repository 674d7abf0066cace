#include "emissions/plume_rise.hpp"

#include <algorithm>
#include <cmath>

#include "base/constants.hpp"

namespace kctm {

namespace {
using constants::kGravity;
constexpr double kStableGradient_k_m = 0.005;  // dθ/dz above which the stable formula applies
}  // namespace

StackExit stack_of_type(const std::string& type) {
  if (type == "coal_power") return {6.0, 20.0, 400.0};
  if (type == "cement") return {4.0, 15.0, 420.0};
  if (type.find("smelter") != std::string::npos) return {3.0, 15.0, 350.0};
  if (type.find("steel") != std::string::npos) return {3.0, 12.0, 400.0};
  return {2.0, 10.0, 400.0};
}

double buoyancy_flux(const StackExit& s, double air_temperature_k) {
  if (s.temperature_k <= air_temperature_k) return 0.0;
  return kGravity * s.velocity_m_s * s.diameter_m * s.diameter_m *
         (s.temperature_k - air_temperature_k) / (4 * s.temperature_k);
}

double briggs_plume_rise(const StackExit& s, double air_temperature_k, double wind_m_s,
                         double dtheta_dz_k_m) {
  const double f = buoyancy_flux(s, air_temperature_k);
  if (f <= 0) return 0.0;
  const double u = std::max(wind_m_s, 1.0);
  if (dtheta_dz_k_m > kStableGradient_k_m) {
    const double stability = kGravity / air_temperature_k * dtheta_dz_k_m;
    return 2.6 * std::cbrt(f / (u * stability));
  }
  return f < 55 ? 21.425 * std::pow(f, 0.75) / u : 38.71 * std::pow(f, 0.6) / u;
}

}  // namespace kctm

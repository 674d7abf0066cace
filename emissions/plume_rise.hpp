#pragma once
// Briggs plume rise: the final height a buoyant stack plume reaches above the stack top, in the
// form the US EPA's ISC3 model uses (User's Guide vol. II, EPA-454/B-95-003b, 1995, §1.1.4):
//   buoyancy flux F = g v d² (Ts − Ta) / (4 Ts)                                   [m4 s-3]
//   unstable or neutral: Δh = 21.425 F^(3/4) / u   (F < 55),   38.71 F^(3/5) / u   (F ≥ 55)
//   stable (s = g/Ta dθ/dz):  Δh = 2.6 (F / (u s))^(1/3)
// u is the wind at the stack top. Stack exit parameters are not in the point-source table; typical
// values by source type stand in for them (stack_of_type, approximate).
#include <string>

namespace kctm {

struct StackExit {
  double diameter_m, velocity_m_s, temperature_k;
};

/// Typical exit parameters of a stack of a point-source type (point_sources.csv `type`)
/// [approximate: engineering rules of thumb for large coal units, kilns and smelters].
StackExit stack_of_type(const std::string& type);

/// Buoyancy flux [m4 s-3] (0 when the gas is not warmer than the air).
double buoyancy_flux(const StackExit& s, double air_temperature_k);

/// Final plume rise above the stack top [m]: `wind_m_s` at the stack top (at least 1 m/s is used),
/// `dtheta_dz_k_m` the potential temperature gradient there (stable above 0.005 K/m).
double briggs_plume_rise(const StackExit& s, double air_temperature_k, double wind_m_s,
                         double dtheta_dz_k_m);

}  // namespace kctm

#include "meteo/placeholder_meteo.hpp"

#include <algorithm>
#include <cmath>

#include "base/constants.hpp"
#include "kernels/boundary_layer.hpp"
#include "kernels/solar.hpp"
#include "meteo/isothermal_atmosphere.hpp"

namespace kctm {

namespace {
using constants::kPi;
constexpr double kThetaV_K = 288.0;    // virtual potential temperature near the ground [K]
constexpr double kWindExponent = 0.2;  // power-law exponent of a neutral surface layer
constexpr double kWindRefHeight_m = 10.0;
constexpr double kWindMaxFactor = 2.5;  // the profile stops growing at 2.5 × the 10 m speed

double wind_profile_factor(double z_m) {
  return std::min(kWindMaxFactor,
                  std::pow(std::max(z_m, kWindRefHeight_m) / kWindRefHeight_m, kWindExponent));
}
}  // namespace

PlaceholderMeteo::PlaceholderMeteo(const PlaceholderMeteoConfig& config, const GlobalGrid& grid,
                                   const Subdomain& sub, UnixSeconds start)
    : config_(config), grid_(grid), sub_(sub), start_(start) {}

PlaceholderMeteo::SurfaceState PlaceholderMeteo::surface_state(UnixSeconds t) const {
  const LambertParams& p = grid_.projection().params();
  const double mu = cos_solar_zenith(static_cast<double>(t), p.lat_0_deg, p.lon_0_deg);
  const double heat_w_m2 =
      mu > 0 ? config_.sensible_heat_noon_w_m2 * mu : config_.sensible_heat_night_w_m2;
  const double rho = isothermal_density_kg_m3(0.0);
  return {bl::surface_layer(config_.wind_speed_m_s, kWindRefHeight_m, config_.roughness_m,
                            heat_w_m2, rho, kThetaV_K),
          heat_w_m2 / (rho * constants::kCpDryAir)};
}

double PlaceholderMeteo::pbl_height_m(UnixSeconds t) const {
  const double solar_hour = std::fmod(
      static_cast<double>(t % 86400) / 3600.0 + grid_.projection().params().lon_0_deg / 15.0 + 48.0,
      24.0);
  const double day = std::max(0.0, std::sin(kPi * (solar_hour - 6.0) / 12.0));
  return config_.pbl_height_night_m + (config_.pbl_height_day_m - config_.pbl_height_night_m) * day;
}

MeteoSnapshot PlaceholderMeteo::at(UnixSeconds t) const {
  const VerticalLevels& lev = grid_.levels();
  MeteoSnapshot m = MeteoSnapshot::allocate(sub_.nx, sub_.ny, lev.nz(), sub_.halo);
  const int nxh = sub_.nx_with_halo(), nyh = sub_.ny_with_halo();
  const double hours = static_cast<double>(t - start_) / 3600.0;
  const double from_rad =
      (config_.wind_from_deg + config_.wind_turn_deg_per_h * hours) * kPi / 180.0;
  // A wind from direction θ blows towards θ + 180°: u = −s sin θ, v = −s cos θ.
  const double u10 = -config_.wind_speed_m_s * std::sin(from_rad);
  const double v10 = -config_.wind_speed_m_s * std::cos(from_rad);
  const double h = pbl_height_m(t);
  for (int k = 0; k < lev.nz(); ++k) {
    const double z = lev.mid_m(k), f = wind_profile_factor(z);
    const double rho = isothermal_density_kg_m3(z);
    std::fill_n(m.rho_kg_m3.begin() + static_cast<std::size_t>(k) * nyh * nxh, nyh * nxh, rho);
    std::fill_n(m.u_m_s.begin() + static_cast<std::size_t>(k) * sub_.ny * (sub_.nx + 1),
                sub_.ny * (sub_.nx + 1), f * u10);
    std::fill_n(m.v_m_s.begin() + static_cast<std::size_t>(k) * (sub_.ny + 1) * sub_.nx,
                (sub_.ny + 1) * sub_.nx, f * v10);
  }
  // Kz from the Holtslag & Boville (1993) profile with u*, L and w* from Monin–Obukhov similarity:
  // the sensible heat flux follows the sun (its cosine of zenith angle at the domain's centre) by
  // day and is a small downward flux by night. Zero at the ground and the model top.
  const SurfaceState sfc = surface_state(t);
  const double wstar = bl::convective_velocity(h, kThetaV_K, sfc.heat_flux_k_m_s);
  for (int k = 1; k < lev.nz(); ++k) {
    const double kz =
        bl::kz_holtslag_boville(lev.interface_m(k), h, sfc.layer.ustar_m_s, sfc.layer.l_m, wstar);
    std::fill_n(m.kz_m2_s.begin() + static_cast<std::size_t>(k) * sub_.ny * sub_.nx,
                sub_.ny * sub_.nx, std::max(kz, config_.kz_min_m2_s));
  }
  return m;
}

}  // namespace kctm

#pragma once
// Placeholder meteorology until WRF input and the Hengyang climatology arrive: a horizontally
// uniform wind that veers at a constant rate, a power-law profile above 10 m, an isothermal
// atmosphere, and a boundary layer that grows by day and collapses at night. Uniform in x and y, so
// ρ·u has no horizontal divergence and the flow is mass-consistent without vertical wind.
#include "base/civil_time.hpp"
#include "grids/global_grid.hpp"
#include "grids/subdomain.hpp"
#include "kernels/boundary_layer.hpp"
#include "meteo/meteo_source.hpp"

namespace kctm {

struct PlaceholderMeteoConfig {
  double wind_speed_m_s;            ///< speed at 10 m [m s-1]
  double wind_from_deg;             ///< direction the wind comes from at t = start [deg, 0 = north]
  double wind_turn_deg_per_h;       ///< veering rate [deg h-1]
  double pbl_height_day_m;          ///< afternoon boundary-layer height [m]
  double pbl_height_night_m;        ///< night boundary-layer height [m]
  double sensible_heat_noon_w_m2;   ///< sensible heat flux with the sun overhead [W m-2]
  double sensible_heat_night_w_m2;  ///< sensible heat flux at night (negative: downward) [W m-2]
  double roughness_m;               ///< surface roughness length [m]
  double kz_min_m2_s;               ///< Kz floor [m2 s-1]
};

class PlaceholderMeteo : public MeteoSource {
 public:
  PlaceholderMeteo(const PlaceholderMeteoConfig& config, const GlobalGrid& grid,
                   const Subdomain& sub, UnixSeconds start);
  MeteoSnapshot at(UnixSeconds t) const override;
  /// Hourly, as meteorological input files.
  double update_interval_s() const override { return 3600.0; }
  /// Boundary-layer height at time t [m] (local solar time from the central meridian).
  double pbl_height_m(UnixSeconds t) const;

  struct SurfaceState {
    bl::SurfaceLayer layer;  ///< u* and L
    double heat_flux_k_m_s;  ///< kinematic sensible heat flux [K m s-1]
  };
  /// Surface-layer state at time t at the domain's centre.
  SurfaceState surface_state(UnixSeconds t) const;

 private:
  PlaceholderMeteoConfig config_;
  const GlobalGrid& grid_;
  Subdomain sub_;
  UnixSeconds start_;
};

}  // namespace kctm

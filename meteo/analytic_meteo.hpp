#pragma once
// Idealised flows for reproducible transport test cases, on the run's own grid: the horizontal
// coordinates are normalised to the global grid's projected rectangle, ξ, η ∈ [0, 1]. Rotation and
// deformation come from a stream function differenced along each face, divided by the face's true
// length, so the air-mass fluxes are exactly divergence-free; the atmosphere is isothermal and has
// no vertical mixing, so the flows transport each layer as a 2-D field.
//   uniform:     constant wind of `speed` from `direction`;
//   rotation:    solid-body rotation about the domain centre, one turn per `period`;
//   deformation: LeVeque's (1996) swirling flow ψ = (1/π) sin²(πξ) sin²(πη) cos(πt/T), which
//   reverses
//                at T/2 so that at T the exact solution is the initial field (T = `period`);
//   divergent:   u = s (1 + ½ sin 2πξ), v = s (1 + ½ cos 2πη): divergent, density-inconsistent.
#include <string>

#include "grids/global_grid.hpp"
#include "grids/grid_geometry.hpp"
#include "grids/subdomain.hpp"
#include "meteo/meteo_source.hpp"

namespace kctm {

struct AnalyticMeteoConfig {
  std::string flow;      ///< uniform | rotation | deformation | divergent
  double speed_m_s;      ///< speed of the uniform and divergent flows [m s-1]
  double direction_deg;  ///< direction the uniform wind blows from [deg, 0 = north]
  double period_s;       ///< rotation or deformation period [s]
};

/// Whether `flow` names one of the flows above.
bool is_analytic_flow(const std::string& flow);

class AnalyticMeteo : public MeteoSource {
 public:
  /// Throws kctm::Error naming meteo.analytic.flow for an unknown flow.
  AnalyticMeteo(const AnalyticMeteoConfig& config, const GlobalGrid& grid, const Subdomain& sub,
                const GridGeometry& geometry, UnixSeconds start);
  MeteoSnapshot at(UnixSeconds t) const override;
  /// The analytic fields change continuously: the driver takes them every step.
  double update_interval_s() const override { return 0.0; }

 private:
  AnalyticMeteoConfig config_;
  const GlobalGrid& grid_;
  Subdomain sub_;
  const GridGeometry& geometry_;
  UnixSeconds start_;
};

}  // namespace kctm

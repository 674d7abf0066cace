#include "inputs/plume_layers.hpp"

#include <cmath>

#include "base/constants.hpp"

namespace kctm {

std::vector<int> plume_layers(const EmissionModel& model, const MeteoSnapshot& met,
                              const VerticalLevels& levels) {
  std::vector<int> layers;
  for (const EmissionModel::PointEmission& e : model.point_emissions()) {
    const int k = e.k, above = k + 1 < levels.nz() ? k + 1 : k;
    const double t = met.temperature_k[met.cell(k, e.j, e.i)];  // of the stack's layer [K]
    if (t <= 0) {  // no temperatures in this meteorology
      layers.push_back(k);
      continue;
    }
    // Wind at the stack's cell: the mean of its two faces in each direction.
    const std::size_t nx = met.nx, ny = met.ny;
    const double u = 0.5 * (met.u_m_s[(k * ny + e.j) * (nx + 1) + e.i] +
                            met.u_m_s[(k * ny + e.j) * (nx + 1) + e.i + 1]);
    const double v = 0.5 * (met.v_m_s[(k * (ny + 1) + e.j) * nx + e.i] +
                            met.v_m_s[(k * (ny + 1) + e.j + 1) * nx + e.i]);
    // dθ/dz ≈ dT/dz + g/cp between the stack's layer and the next.
    const double dz = levels.mid_m(above) - levels.mid_m(k);
    constexpr double kDryAdiabaticLapse_k_m = constants::kGravity / constants::kCpDryAir;
    const double dtheta_dz =
        dz > 0 ? (met.temperature_k[met.cell(above, e.j, e.i)] - t) / dz + kDryAdiabaticLapse_k_m
               : 0.0;
    const double rise = briggs_plume_rise(e.exit, t, std::hypot(u, v), dtheta_dz);
    layers.push_back(levels.layer_of_height(e.stack_height_m + rise));
  }
  return layers;
}

}  // namespace kctm

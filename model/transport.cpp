#include "model/transport.hpp"

#include <cmath>

#include "kernels/lateral_boundary.hpp"
#include "kernels/vertical_diffusion.hpp"
#include "model/host_copy.hpp"

namespace kctm {

namespace {
// Below 1 so that round-off in the Courant estimate never lets a cell lose more than its mass.
constexpr double kMaxCourant = 0.95;
}  // namespace

Transport::Transport(DeviceGeometry geo, int n_fields,
                     const std::vector<double>& boundary_conc_kg_m3)
    : geo_(std::move(geo)),
      scratch_("transport_scratch", n_fields, geo_.nz, geo_.ny + 2 * geo_.halo,
               geo_.nx + 2 * geo_.halo),
      boundary_conc_kg_m3_(
          device_copy<View1D<double>>("boundary_conc", boundary_conc_kg_m3, n_fields)),
      budget_("boundary_budget", n_fields, 2) {}

void Transport::advect(State& state, const DeviceMeteo& met, Axis axis, double dt_s) {
  const double courant = max_outflow_courant(geo_, met, axis, dt_s);
  const int n = std::max(1, static_cast<int>(std::ceil(courant / kMaxCourant)));
  for (int s = 0; s < n; ++s) {
    apply_lateral_boundary(geo_, met, boundary_conc_kg_m3_, state.q);
    advect_upwind(geo_, met, axis, dt_s / n, state.q, scratch_, budget_);
    std::swap(state.q, scratch_);
  }
  substeps_ += n;
}

void Transport::step(State& state, const DeviceMeteo& met, View4D<const double> emis_kg_s,
                     double dt_s, bool reverse) {
  if (!reverse) {
    diffuse_vertical(geo_, met, dt_s, emis_kg_s, state.q);
    advect(state, met, Axis::X, dt_s);
    advect(state, met, Axis::Y, dt_s);
  } else {
    advect(state, met, Axis::Y, dt_s);
    advect(state, met, Axis::X, dt_s);
    diffuse_vertical(geo_, met, dt_s, emis_kg_s, state.q);
  }
}

std::vector<double> Transport::boundary_mass_kg(int field) const {
  const auto host = copy_to_host(budget_);
  return {host[2 * field + kInflow], host[2 * field + kOutflow]};
}

}  // namespace kctm

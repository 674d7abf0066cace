#pragma once
// First-order upwind (donor-cell) horizontal advection in flux form on ρ·q: conservative and
// positive for outflow Courant numbers up to 1. A placeholder until the PPM scheme of the transport
// issue replaces it; the interfaces (direction sweeps, sub-steps, boundary budget) stay.
#include "kernels/transport_views.hpp"

namespace kctm {

enum class Axis { X, Y };

/// Halo width the scheme reads: the donor cell is one cell upwind.
constexpr int kAdvectionHalo = 1;

/// Largest share of a cell's mass that leaves it through the faces normal to `axis` in `dt_s`
/// (the outflow Courant number) [1].
double max_outflow_courant(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis,
                           double dt_s);

/// One sweep along `axis` of every field: q_out = q_in + net flux / cell mass. Halo cells of q_in
/// must be filled. Adds the mass crossing lateral boundaries to `budget` [kg].
void advect_upwind(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis, double dt_s,
                   View4D<const double> q_in, View4D<double> q_out, BoundaryBudget budget);

}  // namespace kctm

#pragma once
// Lateral boundary conditions: halo cells on the sides of the global domain hold the inflow air.
#include "kernels/transport_views.hpp"

namespace kctm {

/// Sets q in the halo cells beyond every lateral boundary to conc_kg_m3(field) / ρ, the mixing
/// ratio of air entering with that concentration; with upwind fluxes outflow faces never read them.
void apply_lateral_boundary(const DeviceGeometry& geo, const DeviceMeteo& met,
                            View1D<const double> conc_kg_m3, View4D<double> q);

}  // namespace kctm

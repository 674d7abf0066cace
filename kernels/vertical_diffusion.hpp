#pragma once
// Implicit (backward Euler) vertical diffusion with emissions as a source term, one tridiagonal
// solve per column: unconditionally stable for any Kz and dt, and the column mass changes by
// exactly the emitted mass (the interface fluxes telescope).
#include "kernels/transport_views.hpp"

namespace kctm {

/// Most layers a column may have: the column solvers keep their work arrays on the stack.
constexpr int kMaxLayers = 64;

/// Diffuses every field over dt with the meteorology's Kz in air of density `air` [kg m-3];
/// `emis_kg_s` (field, k, j, i) over the interior is added as a source [kg s-1 per cell].
void diffuse_vertical(const DeviceGeometry& geo, const DeviceMeteo& met, View3D<const double> air,
                      double dt_s, View4D<const double> emis_kg_s, View4D<double> q);

}  // namespace kctm

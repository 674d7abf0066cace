#pragma once
// Lateral boundary conditions: halo cells on the sides of the global domain hold the air outside.
#include "kernels/transport_views.hpp"

namespace kctm {

/// Fills the halo cells beyond every lateral boundary with the air outside: density from the
/// meteorology and mass mixing ratio q_bc(field, k) [kg kg-1] of the fields in `fields`. Inflow
/// faces carry it in; on outflow faces it enters only the limited parabola of the last inner cell.
void apply_lateral_boundary(const DeviceGeometry& geo, const DeviceMeteo& met,
                            View2D<const double> q_bc, const FieldList& fields, View4D<double> q,
                            View3D<double> air);

}  // namespace kctm

#pragma once
// Diagnostics over the interior of a subdomain.
#include "kernels/transport_views.hpp"

namespace kctm {

/// Mass of one field in the interior cells, Σ ρ q A Δz [kg] (q in kg kg-1, ρ = `air` [kg m-3]).
double field_mass_kg(const DeviceGeometry& geo, View3D<const double> air, View4D<const double> q,
                     int field);

/// Concentration ρ Σ q of the sum of `fields` over the interior, (k, j, i), in `scale` × kg m-3
/// (1e9: µg m-3), in the lowest out.extent(0) layers.
void field_concentration(const DeviceGeometry& geo, View3D<const double> air,
                         View4D<const double> q, View1D<const int> fields, double scale,
                         View3D<float> out);

}  // namespace kctm

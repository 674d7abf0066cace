#pragma once
// Vertical advection by the air-mass flux that continuity demands: after the horizontal sweeps the
// flux through each interface is chosen, from the ground up, so that every layer's air mass returns
// to the meteorology's. What the column gained or lost horizontally beyond the meteorology's column
// mass crosses the model top, exchanging air with the free troposphere above (mixing ratio q_bc, as
// at the lateral boundaries). Mixing ratios move with that flux by PPM on the layers' index grid,
// so the mass-consistency and conservation properties of the horizontal sweeps hold in the
// vertical.
#include "kernels/transport_views.hpp"

namespace kctm {

/// Air mass through the bottom interface of layer k, upwards, that brings `air` to `air_target`
/// (w_kg(k, j, i), k = 0..nz, interior columns; zero at the ground) [kg].
void vertical_air_flux(const DeviceGeometry& geo, View3D<const double> air,
                       View3D<const double> air_target, View3D<double> w_kg);

/// Largest share of a cell's air mass that leaves it through its top and bottom faces [1].
double max_vertical_courant(const DeviceGeometry& geo, View3D<const double> air,
                            View3D<const double> w_kg);

/// Moves the fields of q in `fields`, then the air, by `fraction` × w_kg (fraction = 1 / number of
/// sub-steps); air entering through the top carries the top layer's q_bc(field, nz − 1). Columns
/// are updated in place. Adds the tracer mass crossing the model top to `budget` [kg]; `top_kg`
/// (field, j, i) is scratch for it.
void advect_vertical(const DeviceGeometry& geo, View3D<const double> w_kg, double fraction,
                     View2D<const double> q_bc, const FieldList& fields, View4D<double> q,
                     View3D<double> air, View3D<double> top_kg, MassBudget budget,
                     bool monotone = true);

}  // namespace kctm

#pragma once
// Horizontal advection: flux-form PPM (kernels/ppm.hpp) of mixing ratios carried by the air-mass
// fluxes of the meteorology, with the model's air density advected by the same fluxes. Every cell's
// new mixing ratio is (air mass × q + Σ air-mass flux × face mean q) / new air mass, so a uniform
// mixing ratio stays uniform under any wind and density (the mass-consistency property), tracer
// mass is conserved to round-off, and the limited parabolas keep it monotone for Courant numbers
// ≤ 1.
#include "kernels/transport_views.hpp"

namespace kctm {

enum class Axis { X, Y };

/// Halo width the scheme reads: a face flux uses three cells on each side (CW84's stencil).
constexpr int kAdvectionHalo = 3;

/// Largest share of a cell's air mass that leaves it through the faces normal to `axis` in `dt_s`
/// (the outflow Courant number) [1]; `air` is the model's air density.
double max_outflow_courant(const DeviceGeometry& geo, const DeviceMeteo& met,
                           View3D<const double> air, Axis axis, double dt_s);

/// One sweep along `axis` over dt: q_out from q_in (halo filled), then `air` updated in place.
/// Adds the tracer mass crossing lateral boundaries to `budget` [kg].
void advect_horizontal(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis, double dt_s,
                       View4D<const double> q_in, View3D<double> air, View4D<double> q_out,
                       BoundaryBudget budget);

}  // namespace kctm

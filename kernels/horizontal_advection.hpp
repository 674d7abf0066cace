#pragma once
// Horizontal advection: flux-form PPM (kernels/ppm.hpp) of mixing ratios carried by the air-mass
// fluxes of the meteorology, with the model's air density advected by the same fluxes. Every cell's
// new mixing ratio is (air mass × q + Σ air-mass flux × face mean q) / new air mass, so a uniform
// mixing ratio stays uniform under any wind and density (the mass-consistency property), tracer
// mass is conserved to round-off, and the limited parabolas keep it monotone for Courant numbers
// ≤ 1.
#include <vector>

#include "kernels/transport_views.hpp"

namespace kctm {

enum class Axis { X, Y };

/// Halo width the scheme reads: a face flux uses three cells on each side (CW84's stencil).
constexpr int kAdvectionHalo = 3;

/// Work arrays of a sweep, allocated once: the air-mass flux through every face of the sweep's
/// lines, face_air_kg(k, line, face), the tracer flux through the two end faces of every line,
/// edge_kg(field, k, line, end), and the sub-steps each level takes, level_substeps(k) (1 when
/// allocated): a level's Courant number sets its own, so the calm layers near the ground are not
/// swept as often as the jet aloft needs (CMAQ's advstep.F gives each layer its own advection step
/// likewise).
struct AdvectionWork {
  View3D<double> face_air_kg;
  View4D<double> edge_kg;
  View1D<int> level_substeps;
};

AdvectionWork allocate_advection_work(const DeviceGeometry& geo, int n_fields);

/// The meteorology's air mass through each face normal to `axis` during one sub-step of level k,
/// dt / work.level_substeps(k) [kg], into work.face_air_kg; ρ at a face is the mean of its two
/// cells.
void face_air_fluxes(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis, double dt_s,
                     const AdvectionWork& work);

/// Per level, the largest share of a cell's air mass leaving through the faces of
/// work.face_air_kg (the outflow Courant number) [1]; `air` is the model's air density.
std::vector<double> max_outflow_courant(const DeviceGeometry& geo, View3D<const double> air,
                                        Axis axis, const AdvectionWork& work);

/// One sweep along `axis` with the fluxes in work.face_air_kg, in place: the fields of q (halo
/// filled) in `fields` are advected, then `air`. Adds the tracer mass crossing lateral boundaries
/// to `budget` [kg]. A team takes a block of grid lines at one level and sweeps them field by
/// field, line by line, in vectorised stages over scratch: slopes; face values, limited parabolas
/// and face fluxes; update. `monotone` false: the unlimited, linear PPM (see ppm::LineStages).
/// `substep`: the sweep's sub-step, which moves only the levels with more sub-steps than that
/// (work.level_substeps).
void advect_horizontal(const DeviceGeometry& geo, Axis axis, const FieldList& fields,
                       View4D<double> q, View3D<double> air, const AdvectionWork& work,
                       MassBudget budget, bool monotone = true, int substep = 0);

}  // namespace kctm

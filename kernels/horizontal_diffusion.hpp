#pragma once
// Explicit horizontal diffusion, flux form: the flux through a face is ρ Kh (q_left − q_right) / d
// times the face area, with d the distance between the two cell centres (mean true cell width).
// No diffusive flux crosses a lateral boundary of the domain. Stable and positive when every cell's
// diffusion number, dt Kh Σ_faces (ρ_face len / d) / (ρ A), is at most 1: the caller sub-steps.
#include "kernels/transport_views.hpp"

namespace kctm {

/// What the air decides, computed once and shared by every field and sub-step: face conductances
/// ρ_face × face area / centre distance [kg m-2 … per unit Kh dt] (zero on lateral boundary faces),
/// x_face(k, j, i_face) and y_face(k, j_face, i) over the interior, and 1 / cell air mass [kg-1].
struct DiffusionCoefficients {
  View3D<double> x_face, y_face, inv_air_kg;
};

DiffusionCoefficients allocate_diffusion_coefficients(const DeviceGeometry& geo);

/// Fills `c` for the air density `air` [kg m-3].
void compute_diffusion_coefficients(const DeviceGeometry& geo, View3D<const double> air,
                                    const DiffusionCoefficients& c);

/// Largest diffusion number of a cell for one step of dt with diffusivity `kh_m2_s` [1].
double max_diffusion_number(const DeviceGeometry& geo, const DiffusionCoefficients& c,
                            double kh_m2_s, double dt_s);

/// One explicit step of the fields in `fields`: q_out from q_in (interior; halo cells across
/// subdomain edges must be filled). The other fields of q_out are left as they are.
void diffuse_horizontal(const DeviceGeometry& geo, const DiffusionCoefficients& c, double kh_m2_s,
                        double dt_s, const FieldList& fields, View4D<const double> q_in,
                        View4D<double> q_out);

}  // namespace kctm
